// ActorNetwork: the actors of a social-economy network and their typed, dated ties, as two
// columnar tables. A Graph for analysis is a selection of it (see graph/selection.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "essnet/core/types.hpp"
#include "essnet/model/columns.hpp"
#include "essnet/model/id_index.hpp"

namespace essnet {

/// The usual actor kinds. The vocabulary is open: any other label is stored as a new category.
///   organization        a social-economy organisation or enterprise (the Chantier de l'économie sociale)
///   network             a network of organisations (RIPESS, FBES)
///   public_body         a ministry, government or public agency (MAMROT, the European Commission)
///   international_body  an intergovernmental or international organisation (ILO, OECD, ITUC)
///   funder              a development bank or other funder (African Development Bank)
///   event               a meeting, forum or summit (FIESS 2011, Rio+20)
///   person              an individual (a president-CEO)
inline const std::vector<std::string>& usual_kinds() {
    static const std::vector<std::string> kinds{"organization", "network", "public_body", "international_body",
                                                "funder",       "event",   "person"};
    return kinds;
}

/// The usual relations, with their direction (source -> target). The vocabulary is open.
///   founded          founder -> what it founded
///   member_of        member -> group
///   partnership      undirected
///   organized        organiser -> event
///   participated_in  participant -> event
///   funded           funder -> funded
///   presented_to     presenter -> audience
///   leads            person -> organisation
inline const std::vector<std::string>& usual_relations() {
    static const std::vector<std::string> relations{"founded",         "member_of", "partnership",  "organized",
                                                    "participated_in", "funded",    "presented_to", "leads"};
    return relations;
}

/// The built-in columns of the actor and tie tables, whose names extra columns may not take.
inline const std::vector<std::string>& reserved_actor_columns() {
    static const std::vector<std::string> names{"id", "name", "kind", "country", "region", "founded"};
    return names;
}
inline const std::vector<std::string>& reserved_tie_columns() {
    static const std::vector<std::string> names{"source", "target",     "relation", "directed",
                                                "weight", "start_year", "end_year", "provenance"};
    return names;
}

/// One actor to add; only `id` is required.
struct Actor {
    std::string id{};
    std::string name{};
    std::string kind{};
    std::string country{};
    std::string region{};
    std::int32_t founded = no_year;
    /// Values of extra columns, by column name.
    std::vector<std::pair<std::string, std::string>> extra{};
};

/// One tie to add, between two existing actor ids.
struct Tie {
    std::string source{};
    std::string target{};
    std::string relation{};
    bool directed = true;
    double weight = 1.0;
    std::int32_t start_year = no_year;
    std::int32_t end_year = no_year;
    std::string provenance{};
    std::vector<std::pair<std::string, std::string>> extra{};
};

/// Actors: one row per actor, in insertion order; the row is the actor's index.
struct ActorTable {
    std::vector<std::string> id{};
    StringColumn name{};
    CategoricalColumn kind{};
    CategoricalColumn country{};
    CategoricalColumn region{};
    std::vector<std::int32_t> founded{};  // no_year when unknown
    std::vector<ExtraColumn> extra{};

    std::size_t size() const noexcept { return id.size(); }
};

/// Ties: one row per tie; source and target are actor rows.
struct TieTable {
    std::vector<std::int32_t> source{};
    std::vector<std::int32_t> target{};
    CategoricalColumn relation{};
    std::vector<std::uint8_t> directed{};  // 1 directed, 0 undirected
    std::vector<double> weight{};
    std::vector<std::int32_t> start_year{};  // no_year when unknown
    std::vector<std::int32_t> end_year{};    // no_year when open or unknown
    StringColumn provenance{};
    std::vector<ExtraColumn> extra{};

    std::size_t size() const noexcept { return source.size(); }
};

/// The actor network. Actors are added before the ties that name them.
class ActorNetwork {
public:
    ActorNetwork() = default;
    /// Declares extra columns up front (their values default to empty text). Throws
    /// std::invalid_argument for an empty or repeated name, or the name of a built-in column.
    ActorNetwork(std::vector<std::string> extra_actor_columns, std::vector<std::string> extra_tie_columns);

    const ActorTable& actors() const noexcept { return actors_; }
    const TieTable& ties() const noexcept { return ties_; }
    std::size_t num_actors() const noexcept { return actors_.size(); }
    std::size_t num_ties() const noexcept { return ties_.size(); }

    /// Row of an actor id, or std::nullopt.
    std::optional<std::int32_t> find_actor(std::string_view id) const;
    /// Row of an actor id. Throws std::out_of_range naming the id when it is unknown.
    std::int32_t actor_index(std::string_view id) const;

    /// Adds an actor and returns its row. Throws std::invalid_argument for an empty or duplicate id,
    /// a founded year outside -9999..9999 (no_year means unknown) or an undeclared extra column.
    std::int32_t add_actor(const Actor& actor);
    /// Adds a tie and returns its row. Throws std::out_of_range for an unknown actor id and
    /// std::invalid_argument for a weight that is negative, infinite or NaN, a year outside
    /// -9999..9999 (no_year means unknown), an end year before the start year, or an undeclared
    /// extra column.
    std::int64_t add_tie(const Tie& tie);

    /// Fast path for readers that already resolved actor rows and validated values.
    std::int64_t add_tie_rows(std::int32_t source, std::int32_t target, std::string_view relation, bool directed,
                              double weight, std::int32_t start_year, std::int32_t end_year,
                              std::string_view provenance, const std::vector<std::string_view>& extra);
    std::int32_t add_actor_row(std::string_view id, std::string_view name, std::string_view kind,
                               std::string_view country, std::string_view region, std::int32_t founded,
                               const std::vector<std::string_view>& extra);

    void reserve_ties(std::size_t rows);

private:
    friend class SnapshotCodec;  // io/snapshot: restores the tables without re-adding each row
    ActorTable actors_;
    TieTable ties_;
    detail::IdIndex actor_rows_;
};

}  // namespace essnet
