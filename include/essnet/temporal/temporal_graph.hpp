// A temporal graph: a Graph whose edges carry the years their ties are active, for journeys
// (time-respecting paths) over the ties' start and end years.
//
// A tie is active in every year from its start year to its end year, both included; without an end
// year it stays active. A tie without a start year is left out by default (UndatedTies::never, as
// a year selection leaves it out); UndatedTies::always makes it active from the start of time.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "essnet/graph/graph.hpp"
#include "essnet/graph/selection.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// First year of a tie active since always, and last year of a tie still active: beyond any year a
/// table can hold (-9999..9999), with room to add a hop time without overflow.
inline constexpr std::int32_t open_start = -(1 << 30);
inline constexpr std::int32_t open_end = 1 << 30;

/// What a tie without a start year means to a journey.
enum class UndatedTies {
    never,   ///< it is left out (as a year selection leaves it out)
    always,  ///< it is active in every year up to its end year, if it has one
};

/// The ties that journeys may follow: which relations and kinds of actor, directed or not (as
/// GraphSelection), and what undated ties mean. Parallel ties are kept (their years differ) and
/// self-loops dropped (a journey gains nothing from them).
struct TemporalSelection {
    std::optional<std::vector<std::string>> relations{};
    std::optional<std::vector<std::string>> kinds{};
    std::optional<bool> directed{};
    UndatedTies undated = UndatedTies::never;
};

/// Which way in time a journey search goes.
enum class TimeDirection {
    forward,   ///< from a source, leaving no earlier than the start year, along the arcs
    backward,  ///< towards a target, arriving no later than the end year, against the arcs
};

namespace detail {

// The arcs a journey search follows, with the years each is active, by tail, and within a tail by
// first year (so that a sweep stops at the first arc not yet begun). For a backward search the arcs
// are reversed and the years negated, so that one forward algorithm serves both ways.
struct TimedArcs {
    std::vector<arc_index> offsets{};
    std::vector<node_id> heads{};
    std::vector<edge_id> edges{};
    std::vector<std::int32_t> first{};  // per arc
    std::vector<std::int32_t> last{};   // per arc
    std::vector<node_id> tails{};       // per arc
    // Arcs sorted by first year (ties broken by position), for sweeps over the years.
    std::vector<arc_index> by_first{};

    TimedArcs() = default;
    TimedArcs(const Graph& g, std::span<const std::int32_t> edge_first, std::span<const std::int32_t> edge_last,
              bool backward) {
        const auto graph_offsets = backward ? g.in_offsets() : g.offsets();
        const auto graph_heads = backward ? g.in_sources() : g.targets();
        const auto graph_edges = backward ? g.in_arc_edges() : g.arc_edges();
        offsets.assign(graph_offsets.begin(), graph_offsets.end());
        const std::size_t arcs = graph_heads.size();
        heads.resize(arcs);
        edges.resize(arcs);
        first.resize(arcs);
        last.resize(arcs);
        tails.resize(arcs);
        std::vector<arc_index> order;
        for (node_id u = 0; u < g.num_nodes(); ++u) {
            const auto b = static_cast<std::size_t>(offsets[static_cast<std::size_t>(u)]);
            const auto e = static_cast<std::size_t>(offsets[static_cast<std::size_t>(u) + 1]);
            auto first_of = [&](std::size_t a) {
                const auto edge = static_cast<std::size_t>(graph_edges[a]);
                return backward ? -edge_last[edge] : edge_first[edge];
            };
            order.clear();
            for (std::size_t a = b; a < e; ++a) order.push_back(static_cast<arc_index>(a));
            std::stable_sort(order.begin(), order.end(), [&](arc_index x, arc_index y) {
                return first_of(static_cast<std::size_t>(x)) < first_of(static_cast<std::size_t>(y));
            });
            for (std::size_t i = 0; i < order.size(); ++i) {
                const auto from = static_cast<std::size_t>(order[i]);
                const auto edge = static_cast<std::size_t>(graph_edges[from]);
                heads[b + i] = graph_heads[from];
                edges[b + i] = graph_edges[from];
                first[b + i] = backward ? -edge_last[edge] : edge_first[edge];
                last[b + i] = backward ? -edge_first[edge] : edge_last[edge];
                tails[b + i] = u;
            }
        }
        by_first.resize(arcs);
        for (std::size_t i = 0; i < arcs; ++i) by_first[i] = static_cast<arc_index>(i);
        std::stable_sort(by_first.begin(), by_first.end(), [&](arc_index a, arc_index b) {
            return first[static_cast<std::size_t>(a)] < first[static_cast<std::size_t>(b)];
        });
    }
};

}  // namespace detail

/// A graph whose edges carry the first and last year they are active (open_start and open_end for
/// open ends). Built once, it serves any number of journey searches.
class TemporalGraph {
public:
    TemporalGraph() : TemporalGraph(Graph{}, {}, {}) {}

    /// First years are -9999..9999 or open_start, last years -9999..9999 or open_end. Throws
    /// std::invalid_argument when the year arrays do not hold one entry per edge, a year is outside
    /// those, or an edge's last year is before its first.
    TemporalGraph(Graph g, std::vector<std::int32_t> first_years, std::vector<std::int32_t> last_years)
        : graph_(std::move(g)), first_(std::move(first_years)), last_(std::move(last_years)) {
        const auto m = static_cast<std::size_t>(graph_.num_edges());
        if (first_.size() != m || last_.size() != m)
            throw std::invalid_argument("first_years and last_years need one year per edge (" + std::to_string(m) +
                                        "), got " + std::to_string(first_.size()) + " and " +
                                        std::to_string(last_.size()));
        auto check = [](std::int32_t year, std::int32_t open, std::size_t e, const char* which) {
            if (year != open && (year < -9999 || year > 9999))
                throw std::invalid_argument("edge " + std::to_string(e) + ": " + which + " year " +
                                            std::to_string(year) + " is not from -9999 to 9999 (nor open)");
        };
        for (std::size_t e = 0; e < m; ++e) {
            check(first_[e], open_start, e, "first");
            check(last_[e], open_end, e, "last");
            if (last_[e] < first_[e])
                throw std::invalid_argument("edge " + std::to_string(e) + " ends (" + std::to_string(last_[e]) +
                                            ") before it starts (" + std::to_string(first_[e]) + ")");
        }
        forward_ = detail::TimedArcs(graph_, first_, last_, false);
        backward_ = detail::TimedArcs(graph_, first_, last_, true);
    }

    const Graph& graph() const noexcept { return graph_; }
    node_id num_nodes() const noexcept { return graph_.num_nodes(); }
    std::span<const std::int32_t> first_years() const noexcept { return first_; }
    std::span<const std::int32_t> last_years() const noexcept { return last_; }

    /// The earliest and the latest dated first or last year of an edge (a last year counts for an
    /// edge without a first year); open_start and open_end when no edge has one.
    std::int32_t earliest_year() const noexcept { return dated_years().first; }
    std::int32_t latest_year() const noexcept { return dated_years().second; }

    const detail::TimedArcs& arcs(TimeDirection direction) const noexcept {
        return direction == TimeDirection::forward ? forward_ : backward_;
    }

private:
    std::pair<std::int32_t, std::int32_t> dated_years() const noexcept {
        std::int32_t lo = open_end, hi = open_start;
        auto see = [&](std::int32_t y) {
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        };
        for (std::size_t e = 0; e < first_.size(); ++e) {
            if (first_[e] != open_start) see(first_[e]);
            if (last_[e] != open_end) see(last_[e]);
        }
        return lo > hi ? std::pair{open_start, open_end} : std::pair{lo, hi};
    }

    Graph graph_;
    std::vector<std::int32_t> first_;
    std::vector<std::int32_t> last_;
    detail::TimedArcs forward_;
    detail::TimedArcs backward_;
};

/// The temporal graph of a selection: nodes are the kept actors in actor order, edges the kept ties
/// (edge_rows are tie rows; an undirected tie of a directed graph is two edges), each active from
/// its start year to its end year. Throws std::invalid_argument as select_graph does.
/// Time O(actors + ties log ties).
inline TemporalGraph temporal_graph(const ActorNetwork& network, const TemporalSelection& selection = {}) {
    GraphSelection s;
    s.relations = selection.relations;
    s.kinds = selection.kinds;
    s.directed = selection.directed;
    s.duplicates = DuplicatePolicy::keep;
    s.self_loops = SelfLoopPolicy::drop;
    // A year selection over every representable year leaves the undated ties out.
    if (selection.undated == UndatedTies::never) s.years = YearRange{-9999, 9999};
    Graph g = select_graph(network, s);
    const auto& ties = network.ties();
    const auto m = static_cast<std::size_t>(g.num_edges());
    std::vector<std::int32_t> first(m), last(m);
    for (std::size_t e = 0; e < m; ++e) {
        const auto row = static_cast<std::size_t>(g.edge_rows()[e]);
        const std::int32_t start = ties.start_year[row];
        const std::int32_t end = ties.end_year[row];
        first[e] = start == no_year ? open_start : start;
        last[e] = end == no_year ? open_end : end;
    }
    return TemporalGraph(std::move(g), std::move(first), std::move(last));
}

}  // namespace essnet
