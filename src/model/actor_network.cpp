#include "essnet/model/actor_network.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "essnet/detail/numbers.hpp"

namespace essnet {

namespace {

std::vector<ExtraColumn> make_extra(std::vector<std::string> names, const char* table) {
    const auto& reserved = std::string_view(table) == "actor" ? reserved_actor_columns() : reserved_tie_columns();
    std::vector<ExtraColumn> columns;
    std::unordered_set<std::string> seen;
    for (auto& name : names) {
        if (name.empty()) throw std::invalid_argument(std::string("an extra ") + table + " column has no name");
        for (const auto& r : reserved)
            if (name == r)
                throw std::invalid_argument("extra " + std::string(table) + " column '" + name +
                                            "' has the name of a built-in column");
        if (!seen.insert(name).second) throw std::invalid_argument("extra column '" + name + "' is declared twice");
        columns.push_back({std::move(name), {}});
    }
    return columns;
}

// Orders named extra values by the declared columns; undeclared names are an error.
std::vector<std::string_view> order_extra(const std::vector<ExtraColumn>& columns,
                                          const std::vector<std::pair<std::string, std::string>>& values,
                                          const char* table) {
    std::vector<std::string_view> ordered(columns.size());
    for (const auto& [name, value] : values) {
        std::size_t i = 0;
        while (i < columns.size() && columns[i].name != name) ++i;
        if (i == columns.size())
            throw std::invalid_argument(std::string("extra column '") + name + "' was not declared for the " + table +
                                        " table");
        ordered[i] = value;
    }
    return ordered;
}

void check_year(std::int32_t year, const char* parameter) {
    if (year != no_year && (year < detail::min_year || year > detail::max_year))
        throw std::invalid_argument(std::string(parameter) + " must be a year from -9999 to 9999 or unknown, got " +
                                    std::to_string(year));
}

}  // namespace

ActorNetwork::ActorNetwork(std::vector<std::string> extra_actor_columns, std::vector<std::string> extra_tie_columns) {
    actors_.extra = make_extra(std::move(extra_actor_columns), "actor");
    ties_.extra = make_extra(std::move(extra_tie_columns), "tie");
}

std::optional<std::int32_t> ActorNetwork::find_actor(std::string_view id) const {
    return actor_rows_.find(id, actors_.id);
}

std::int32_t ActorNetwork::actor_index(std::string_view id) const {
    if (auto row = find_actor(id)) return *row;
    throw std::out_of_range("actor id '" + std::string(id) + "' is not in the network");
}

std::int32_t ActorNetwork::add_actor(const Actor& a) {
    check_year(a.founded, "founded");
    return add_actor_row(a.id, a.name, a.kind, a.country, a.region, a.founded,
                         order_extra(actors_.extra, a.extra, "actor"));
}

std::int32_t ActorNetwork::add_actor_row(std::string_view id, std::string_view name, std::string_view kind,
                                         std::string_view country, std::string_view region, std::int32_t founded,
                                         const std::vector<std::string_view>& extra) {
    if (id.empty()) throw std::invalid_argument("actor id must not be empty");
    if (extra.size() > actors_.extra.size())
        throw std::invalid_argument("actor has more extra values than declared extra columns");
    const auto row = static_cast<std::int32_t>(actors_.size());
    actors_.id.emplace_back(id);
    if (!actor_rows_.insert(row, actors_.id)) {
        actors_.id.pop_back();
        throw std::invalid_argument("actor id '" + std::string(id) + "' is already in the network");
    }
    actors_.name.push_back(name);
    actors_.kind.push_back(kind);
    actors_.country.push_back(country);
    actors_.region.push_back(region);
    actors_.founded.push_back(founded);
    for (std::size_t i = 0; i < actors_.extra.size(); ++i)
        actors_.extra[i].values.push_back(i < extra.size() ? extra[i] : std::string_view{});
    return row;
}

std::int64_t ActorNetwork::add_tie(const Tie& t) {
    const std::int32_t s = actor_index(t.source);
    const std::int32_t d = actor_index(t.target);
    if (!(t.weight >= 0) || std::isinf(t.weight))
        throw std::invalid_argument("weight must be a finite non-negative number, got " + std::to_string(t.weight));
    check_year(t.start_year, "start_year");
    check_year(t.end_year, "end_year");
    if (t.start_year != no_year && t.end_year != no_year && t.end_year < t.start_year)
        throw std::invalid_argument("tie end_year " + std::to_string(t.end_year) + " is before its start_year " +
                                    std::to_string(t.start_year));
    return add_tie_rows(s, d, t.relation, t.directed, t.weight, t.start_year, t.end_year, t.provenance,
                        order_extra(ties_.extra, t.extra, "tie"));
}

std::int64_t ActorNetwork::add_tie_rows(std::int32_t source, std::int32_t target, std::string_view relation,
                                        bool directed, double weight, std::int32_t start_year, std::int32_t end_year,
                                        std::string_view provenance, const std::vector<std::string_view>& extra) {
    const auto n = static_cast<std::int32_t>(actors_.size());
    if (source < 0 || source >= n || target < 0 || target >= n)
        throw std::out_of_range("tie endpoint row is not an actor row (network has " + std::to_string(n) + " actors)");
    if (extra.size() > ties_.extra.size())
        throw std::invalid_argument("tie has more extra values than declared extra columns");
    const auto row = static_cast<std::int64_t>(ties_.size());
    ties_.source.push_back(source);
    ties_.target.push_back(target);
    ties_.relation.push_back(relation);
    ties_.directed.push_back(directed ? 1 : 0);
    ties_.weight.push_back(weight);
    ties_.start_year.push_back(start_year);
    ties_.end_year.push_back(end_year);
    ties_.provenance.push_back(provenance);
    for (std::size_t i = 0; i < ties_.extra.size(); ++i)
        ties_.extra[i].values.push_back(i < extra.size() ? extra[i] : std::string_view{});
    return row;
}

void ActorNetwork::reserve_ties(std::size_t rows) {
    ties_.source.reserve(rows);
    ties_.target.reserve(rows);
    ties_.relation.reserve(rows);
    ties_.directed.reserve(rows);
    ties_.weight.reserve(rows);
    ties_.start_year.reserve(rows);
    ties_.end_year.reserve(rows);
    ties_.provenance.reserve(rows);
}

}  // namespace essnet
