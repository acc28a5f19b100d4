// Journey betweenness: how often an actor lies on the journeys that reach others first. For each
// ordered pair (s, t) the journeys counted are the shortest foremost ones, after Buß, Molter,
// Niedermeier & Rymar (2020), Algorithmic aspects of temporal betweenness, KDD '20, 2084-2092:
// among the journeys from s that reach t in the earliest year, those that take the fewest ties. An
// actor v != s, t gets the share of them that pass through it:
//
//     B(v) = sum over ordered pairs s != v != t of sigma_st(v) / sigma_st.
//
// A journey here is a route, a sequence of actors, travelled as early as it allows: each tie taken
// in the first year it can be (of parallel ties, the one that arrives first). Routes are counted,
// not the years a tie could be taken in (Buß et al. count each year of a time-expanded graph): so a
// tie active for ten years counts once, as in a static count, and equals it when every tie is
// active in every year.
//
// The count is Brandes' (2001) dependency accumulation over the states (actor, arrival year) a
// breadth-first search over ties reaches from s: a shortest path of states to (t, earliest arrival
// at t) is such a route, and it never visits an actor twice (waiting there would be shorter).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "essnet/core/parallel.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/temporal/journeys.hpp"

namespace essnet {

namespace detail {

struct StateSearch {
    std::vector<node_id> node{};
    std::vector<std::int32_t> clock{};
    std::vector<std::int32_t> dist{};
    std::vector<double> sigma{};
    std::vector<double> delta{};
    std::vector<std::pair<std::int32_t, std::int32_t>> links{};  // (state, predecessor) in BFS order
    std::unordered_map<std::uint64_t, std::int32_t> index{};
    // The next hops of one state: the earliest arrival at each actor its ties lead to.
    std::vector<std::int32_t> slot{};  // per node: position in `next`, or -1
    std::vector<std::pair<node_id, std::int32_t>> next{};

    void clear() {
        node.clear();
        clock.clear();
        dist.clear();
        sigma.clear();
        delta.clear();
        links.clear();
        index.clear();
    }
    std::int32_t find_or_add(node_id v, std::int32_t c, std::int32_t d, bool& added) {
        const std::uint64_t key =
            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(v)) << 32) | static_cast<std::uint32_t>(c);
        const auto [it, inserted] = index.try_emplace(key, static_cast<std::int32_t>(node.size()));
        added = inserted;
        if (inserted) {
            node.push_back(v);
            clock.push_back(c);
            dist.push_back(d);
            sigma.push_back(0.0);
            delta.push_back(0.0);
        }
        return it->second;
    }
};

// Adds source s's dependencies to bc.
inline void journey_dependencies(const TemporalGraph& tg, const Frame& f, node_id s, const JourneyOptions& options,
                                 StateSearch& st, std::vector<double>& bc) {
    const Journeys first = earliest_arrival(tg, s, options);
    std::int32_t latest = open_start;
    for (const std::int32_t a : first.time)
        if (a != no_year) latest = std::max(latest, a);
    const TimedArcs& arcs = *f.arcs;
    st.clear();
    st.slot.resize(static_cast<std::size_t>(tg.num_nodes()), -1);
    bool added = false;
    st.find_or_add(s, f.origin_time, 0, added);
    st.sigma[0] = 1.0;
    for (std::size_t x = 0; x < st.node.size(); ++x) {
        const auto u = static_cast<std::size_t>(st.node[x]);
        const std::int32_t c = st.clock[x];
        // A journey takes each tie as early as it can: of parallel ties, the one that arrives first.
        st.next.clear();
        for (arc_index a = arcs.offsets[u]; a < arcs.offsets[u + 1]; ++a) {
            const auto ai = static_cast<std::size_t>(a);
            const std::int32_t t = std::max(c, f.lo(ai));
            if (t > f.hi(ai)) continue;
            const std::int32_t arrival = f.arrive(t);
            if (arrival > f.horizon || arrival > latest) continue;  // no target can be reached from there
            std::int32_t& at = st.slot[static_cast<std::size_t>(arcs.heads[ai])];
            if (at < 0) {
                at = static_cast<std::int32_t>(st.next.size());
                st.next.emplace_back(arcs.heads[ai], arrival);
            } else {
                auto& earliest = st.next[static_cast<std::size_t>(at)].second;
                earliest = std::min(earliest, arrival);
            }
        }
        for (const auto& [v, arrival] : st.next) {
            st.slot[static_cast<std::size_t>(v)] = -1;
            const std::int32_t y = st.find_or_add(v, arrival, st.dist[x] + 1, added);
            const auto yi = static_cast<std::size_t>(y);
            if (st.dist[yi] != st.dist[x] + 1) continue;
            st.sigma[yi] += st.sigma[x];
            st.links.emplace_back(y, static_cast<std::int32_t>(x));
        }
    }
    // Links were appended in BFS order of their predecessor, so in reverse every state's
    // dependency is complete before it is passed back.
    for (auto it = st.links.rbegin(); it != st.links.rend(); ++it) {
        const auto y = static_cast<std::size_t>(it->first);
        const auto x = static_cast<std::size_t>(it->second);
        const node_id w = st.node[y];
        const bool target = w != s && st.clock[y] == first.time[static_cast<std::size_t>(w)];
        st.delta[x] += st.sigma[x] / st.sigma[y] * ((target ? 1.0 : 0.0) + st.delta[y]);
    }
    for (std::size_t x = 1; x < st.node.size(); ++x)
        if (st.node[x] != s) bc[static_cast<std::size_t>(st.node[x])] += st.delta[x];
}

}  // namespace detail

/// Journey betweenness of every node over ordered pairs (see the file comment); divided by
/// (n - 1)(n - 2) when `normalized`. Journeys leave no earlier than options.start and arrive no
/// later than options.end; options.direction must be forward. Throws std::invalid_argument for
/// bad options.
/// Time O(n x S x d) for S states (actor, arrival year) reached from a source and mean degree d:
/// at most O(n x m x Y) over Y distinct years; memory O(S) per thread.
inline std::vector<double> journey_betweenness(const TemporalGraph& tg, const JourneyOptions& options = {},
                                               bool normalized = false, const ProgressHook& progress_hook = {}) {
    if (options.direction != TimeDirection::forward)
        throw std::invalid_argument("direction: journey betweenness follows journeys forward in time");
    const detail::Frame f(tg, options);
    const node_id n = tg.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    std::vector<double> total(nn, 0.0);
    detail::ProgressReporter progress(progress_hook, n);
    const int threads = detail::thread_count();
    std::vector<std::vector<double>> partial(static_cast<std::size_t>(threads));
#pragma omp parallel num_threads(threads)
    {
        auto& bc = partial[static_cast<std::size_t>(detail::thread_id())];
        bc.assign(nn, 0.0);
        detail::StateSearch st;
#pragma omp for schedule(dynamic, 4)
        for (node_id s = 0; s < n; ++s) {
            if (progress.cancelled()) continue;
            detail::journey_dependencies(tg, f, s, options, st, bc);
            progress.advance();
        }
    }
    progress.finish();
    for (const auto& bc : partial)
        for (std::size_t v = 0; v < bc.size(); ++v) total[v] += bc[v];
    if (normalized) {
        const double pairs = n > 2 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) : 0.0;
        for (auto& b : total) b = pairs > 0 ? b / pairs : 0.0;
    }
    return total;
}

}  // namespace essnet
