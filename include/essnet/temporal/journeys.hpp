// Journeys: time-respecting paths over the years ties are active. A journey takes each tie in a
// year the tie is active and arrives hop_years later; it may wait at an actor for a later tie, and
// with hop_years = 0 (the default) it may cross several ties in one year. It is a temporal path as
// R's tsna tPath defines it (its graph.step.time is hop_years), after Bui Xuan, Ferreira & Jarry
// (2003), Computing shortest, fastest, and foremost journeys in dynamic networks, International
// Journal of Foundations of Computer Science 14(2):267-285.
//
// Forward: the earliest year each actor can be reached from a source, leaving no earlier than the
// start year (tsna's "fwd", "earliest.arrive"). Backward: the latest year each actor can leave and
// still reach a target by the end year (tsna's "bkwd", "latest.depart").
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "essnet/temporal/temporal_graph.hpp"

namespace essnet {

struct JourneyOptions {
    TimeDirection direction = TimeDirection::forward;
    /// Ties are taken no earlier than this year (open_start: no limit).
    std::int32_t start = open_start;
    /// Journeys arrive no later than this year (open_end: no limit).
    std::int32_t end = open_end;
    /// Years a hop takes, 0..9999: 0 lets a journey cross several ties in one year; 1 moves one tie
    /// a year, as a yearly simulation would.
    std::int32_t hop_years = 0;
};

namespace detail {

inline constexpr std::int32_t not_reached = std::numeric_limits<std::int32_t>::max();

inline void check_journey_options(const JourneyOptions& o) {
    auto check_year = [](std::int32_t y, std::int32_t open, const char* name) {
        if (y != open && (y < -9999 || y > 9999))
            throw std::invalid_argument(std::string(name) + " must be a year from -9999 to 9999, got " +
                                        std::to_string(y));
    };
    check_year(o.start, open_start, "start");
    check_year(o.end, open_end, "end");
    if (o.start > o.end)
        throw std::invalid_argument("start (" + std::to_string(o.start) + ") is after end (" + std::to_string(o.end) +
                                    ")");
    if (o.hop_years < 0 || o.hop_years > 9999)
        throw std::invalid_argument("hop_years must be from 0 to 9999, got " + std::to_string(o.hop_years));
}

// The search runs forward in time: a backward search negates the years (and follows the arcs
// reversed), so that its "start" is -end and its horizon -start. In that frame a tail whose clock
// reads t can take arc a when lo(a) <= t <= hi(a), and the head's clock then reads t + hop_years;
// a forward journey takes the tie in the tail's year, a backward one in the head's. Clocks beyond
// the horizon are refused, so that with horizon <= open_end no sum overflows.
struct Frame {
    const TimedArcs* arcs = nullptr;
    std::int32_t origin_time = 0;  // the clock at the origin
    std::int32_t horizon = 0;      // no clock beyond it
    std::int32_t hop = 0;
    std::int32_t shift = 0;  // lo = first - shift, hi = last - shift
    std::int32_t sign = 1;   // real year = sign * frame year

    Frame(const TemporalGraph& tg, const JourneyOptions& o) {
        check_journey_options(o);
        const bool forward = o.direction == TimeDirection::forward;
        arcs = &tg.arcs(o.direction);
        origin_time = forward ? o.start : -o.end;
        horizon = forward ? o.end : -o.start;
        hop = o.hop_years;
        shift = forward ? 0 : o.hop_years;
        sign = forward ? 1 : -1;
    }
    // Open ends stay open: a clock at open_start has had time for any number of hops.
    std::int32_t lo(std::size_t a) const {
        const std::int32_t first = arcs->first[a];
        return first == open_start ? open_start : first - shift;
    }
    std::int32_t hi(std::size_t a) const {
        const std::int32_t last = arcs->last[a];
        return last == open_end ? open_end : last - shift;
    }
    std::int32_t arrive(std::int32_t t) const { return t == open_start ? open_start : t + hop; }
    // The real year in which a tie is taken when the tail's clock reads t.
    std::int32_t taken(std::int32_t t) const { return t == open_start ? sign * t : sign * (t + shift); }
    std::int32_t real(std::int32_t t) const { return sign * t; }
};

}  // namespace detail

/// The journeys found by one search.
struct Journeys {
    /// The source (forward) or target (backward) of the search.
    node_id origin = 0;
    TimeDirection direction = TimeDirection::forward;
    /// Forward: the earliest year each node is reached from the origin (the start year for the
    /// origin itself). Backward: the latest year each node can leave and still reach the origin by
    /// the end year (the end year for the origin). no_year when no journey exists; open_start or
    /// open_end when the journey needs no dated tie and the start or end is open.
    std::vector<std::int32_t> time{};
    /// Ties on the journey found to (forward) or from (backward) each node; -1 without a journey.
    std::vector<std::int32_t> hops{};
    /// The node before (forward) or after (backward) each node on its journey; -1 for the origin
    /// and for nodes without a journey.
    std::vector<node_id> previous{};
    /// The edge taken between a node and its previous one, and the year it was taken.
    std::vector<edge_id> via{};
    std::vector<std::int32_t> taken{};
};

/// One tie of a journey: taken from `from` to `to` in `year` through `edge`.
struct JourneyStep {
    node_id from = 0;
    node_id to = 0;
    edge_id edge = 0;
    std::int32_t year = 0;
};

/// Earliest-arrival (forward) or latest-departure (backward) journeys from one origin, by a
/// label-setting search in the order of the clock (a Dijkstra search whose "length" is the wait for
/// the tie plus hop_years), each node keeping the first journey found. Throws std::out_of_range for
/// an unknown origin and std::invalid_argument for bad options.
/// Time O(m log n); memory O(n).
inline Journeys earliest_arrival(const TemporalGraph& tg, node_id origin, const JourneyOptions& options = {}) {
    const node_id n = tg.num_nodes();
    if (origin < 0 || origin >= n)
        throw std::out_of_range("source: node " + std::to_string(origin) + " is not in 0.." + std::to_string(n - 1));
    const detail::Frame f(tg, options);
    const auto nn = static_cast<std::size_t>(n);
    Journeys j{origin,
               options.direction,
               std::vector<std::int32_t>(nn, detail::not_reached),
               std::vector<std::int32_t>(nn, -1),
               std::vector<node_id>(nn, -1),
               std::vector<edge_id>(nn, -1),
               std::vector<std::int32_t>(nn, no_year)};
    const detail::TimedArcs& arcs = *f.arcs;
    using Item = std::pair<std::int32_t, node_id>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    j.time[static_cast<std::size_t>(origin)] = f.origin_time;
    j.hops[static_cast<std::size_t>(origin)] = 0;
    heap.emplace(f.origin_time, origin);
    while (!heap.empty()) {
        const auto [t_u, u] = heap.top();
        heap.pop();
        const auto ui = static_cast<std::size_t>(u);
        if (t_u != j.time[ui]) continue;
        for (arc_index a = arcs.offsets[ui]; a < arcs.offsets[ui + 1]; ++a) {
            const auto ai = static_cast<std::size_t>(a);
            const std::int32_t t = std::max(t_u, f.lo(ai));
            if (t > f.hi(ai)) continue;
            const std::int32_t arrival = f.arrive(t);
            if (arrival > f.horizon) continue;
            const auto v = static_cast<std::size_t>(arcs.heads[ai]);
            if (arrival >= j.time[v]) continue;
            j.time[v] = arrival;
            j.hops[v] = j.hops[ui] + 1;
            j.previous[v] = u;
            j.via[v] = arcs.edges[ai];
            j.taken[v] = f.taken(t);
            heap.emplace(arrival, arcs.heads[ai]);
        }
    }
    for (auto& t : j.time) t = t == detail::not_reached ? no_year : f.real(t);
    return j;
}

/// The journey found between the origin and `node`, tie by tie in the order travelled: from the
/// origin to `node` (forward) or from `node` to the origin (backward). Empty when `node` is the
/// origin; std::nullopt when no journey exists. Throws std::out_of_range for an unknown node.
inline std::optional<std::vector<JourneyStep>> journey(const Journeys& j, node_id node) {
    const auto n = static_cast<node_id>(j.time.size());
    if (node < 0 || node >= n)
        throw std::out_of_range("target: node " + std::to_string(node) + " is not in 0.." + std::to_string(n - 1));
    if (j.time[static_cast<std::size_t>(node)] == no_year) return std::nullopt;
    std::vector<JourneyStep> steps;
    for (node_id v = node; v != j.origin; v = j.previous[static_cast<std::size_t>(v)]) {
        const auto vi = static_cast<std::size_t>(v);
        const node_id p = j.previous[vi];
        if (j.direction == TimeDirection::forward)
            steps.push_back({p, v, j.via[vi], j.taken[vi]});
        else
            steps.push_back({v, p, j.via[vi], j.taken[vi]});
    }
    if (j.direction == TimeDirection::forward) std::reverse(steps.begin(), steps.end());
    return steps;
}

}  // namespace essnet
