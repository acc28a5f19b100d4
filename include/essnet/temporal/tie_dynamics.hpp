// How ties come and go: ties formed, ended and active year by year, how long each tie lasts, and
// each actor's activity spells (the runs of years in which it has at least one active tie), after
// R tsna's tEdgeFormation, tEdgeDissolution and edgeDuration.
//
// A tie is one tie row: an undirected tie that a directed graph holds as two edges counts once.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "essnet/temporal/temporal_graph.hpp"

namespace essnet {

namespace detail {

// The first edge of every tie row (every edge when the graph has no rows), in edge order.
inline std::vector<edge_id> tie_edges(const TemporalGraph& tg) {
    const Graph& g = tg.graph();
    const auto m = static_cast<edge_id>(g.num_edges());
    std::vector<edge_id> out;
    out.reserve(static_cast<std::size_t>(m));
    const auto rows = g.edge_rows();
    if (rows.empty() || m == 0) {
        for (edge_id e = 0; e < m; ++e) out.push_back(e);
        return out;
    }
    std::vector<char> seen(static_cast<std::size_t>(*std::max_element(rows.begin(), rows.end())) + 1, 0);
    for (edge_id e = 0; e < m; ++e) {
        char& row_seen = seen[static_cast<std::size_t>(rows[static_cast<std::size_t>(e)])];
        if (row_seen) continue;
        row_seen = 1;
        out.push_back(e);
    }
    return out;
}

}  // namespace detail

/// Ties formed, ended and active in each year.
struct TieChanges {
    /// Every year from the earliest to the latest dated start or end, in order.
    std::vector<std::int32_t> year{};
    /// Ties whose start year it is.
    std::vector<std::int64_t> formed{};
    /// Ties whose end year (last active year) it is.
    std::vector<std::int64_t> ended{};
    /// Ties active during the year (those without a start year, when kept, in every year).
    std::vector<std::int64_t> active{};
};

/// Year-by-year tie changes. Time O(m log m + years).
inline TieChanges tie_changes(const TemporalGraph& tg) {
    const auto ties = detail::tie_edges(tg);
    const auto first = tg.first_years();
    const auto last = tg.last_years();
    // The edges of one tie row share its years: the graph's dated years are the ties'.
    const std::int32_t lo = tg.earliest_year(), hi = tg.latest_year();
    TieChanges c;
    if (lo == open_start) return c;  // no dated year
    const auto years = static_cast<std::size_t>(hi - lo + 1);
    c.formed.assign(years, 0);
    c.ended.assign(years, 0);
    std::vector<std::int64_t> change(years + 1, 0);  // active(y) - active(y - 1)
    for (const edge_id e : ties) {
        const std::int32_t f = first[static_cast<std::size_t>(e)];
        const std::int32_t l = last[static_cast<std::size_t>(e)];
        const std::size_t from = f == open_start ? 0 : static_cast<std::size_t>(f - lo);
        const std::size_t to = l == open_end ? years : static_cast<std::size_t>(l - lo) + 1;
        if (f != open_start) ++c.formed[from];
        if (l != open_end) ++c.ended[to - 1];
        ++change[from];
        --change[to];
    }
    std::int64_t running = 0;
    for (std::size_t i = 0; i < years; ++i) {
        running += change[i];
        c.year.push_back(lo + static_cast<std::int32_t>(i));
        c.active.push_back(running);
    }
    return c;
}

/// How long one tie lasts.
struct TieDuration {
    edge_id edge = 0;
    /// Years from its start year to its end year, both included; for a tie still active, to
    /// `until`; 0 when the tie has no start year or starts after `until`.
    std::int32_t years = 0;
    /// True when the tie has no end year (its duration is cut at `until`: right-censored).
    bool ongoing = false;
};

/// The duration of every tie (one per tie row, in edge order). `until` closes the ties still
/// active; open_end takes the latest dated start or end of the graph.
inline std::vector<TieDuration> tie_durations(const TemporalGraph& tg, std::int32_t until = open_end) {
    const auto ties = detail::tie_edges(tg);
    const auto first = tg.first_years();
    const auto last = tg.last_years();
    if (until == open_end) until = tg.latest_year();
    std::vector<TieDuration> out;
    out.reserve(ties.size());
    for (const edge_id e : ties) {
        const std::int32_t f = first[static_cast<std::size_t>(e)];
        const std::int32_t l = last[static_cast<std::size_t>(e)];
        const bool ongoing = l == open_end;
        const std::int32_t stop = ongoing ? until : l;
        const std::int32_t years = f == open_start || stop < f ? 0 : stop - f + 1;
        out.push_back({e, years, ongoing});
    }
    return out;
}

/// One run of consecutive years in which a node has at least one active tie.
struct ActivitySpell {
    node_id node = 0;
    /// First and last year of the run: open_start when it began before any dated year (a tie without
    /// a start year), open_end when it goes on (a tie without an end year).
    std::int32_t first = 0;
    std::int32_t last = 0;
    /// Ties of the node that overlap the run.
    std::int64_t ties = 0;
};

/// Every node's activity spells, by node and then by year: the years its ties are active, runs
/// that touch or overlap merged (a tie ending in 2004 and one starting in 2005 make one spell).
/// Nodes without ties have none. Time O(m log m).
inline std::vector<ActivitySpell> activity_spells(const TemporalGraph& tg) {
    const auto ties = detail::tie_edges(tg);
    const Graph& g = tg.graph();
    struct Interval {
        node_id node;
        std::int32_t first, last;
    };
    std::vector<Interval> intervals;
    intervals.reserve(2 * ties.size());
    for (const edge_id e : ties) {
        const std::int32_t f = tg.first_years()[static_cast<std::size_t>(e)];
        const std::int32_t l = tg.last_years()[static_cast<std::size_t>(e)];
        intervals.push_back({g.edge_source(e), f, l});
        if (g.edge_target(e) != g.edge_source(e)) intervals.push_back({g.edge_target(e), f, l});
    }
    std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
        return a.node != b.node ? a.node < b.node : a.first < b.first;
    });
    std::vector<ActivitySpell> spells;
    for (const Interval& i : intervals) {
        if (!spells.empty() && spells.back().node == i.node &&
            (spells.back().last == open_end || i.first <= spells.back().last + 1)) {
            spells.back().last = std::max(spells.back().last, i.last);
            ++spells.back().ties;
        } else {
            spells.push_back({i.node, i.first, i.last, 1});
        }
    }
    return spells;
}

}  // namespace essnet
