// Temporal reachability: which actors each actor reaches by a journey (R tsna's tReach and
// forward.reachable), and temporal closeness over the journeys' latencies.
//
// Every node's set is found by one sweep over the years for 64 origins at a time: each node holds a
// 64-bit word of the origins that have reached it, and a word moves along a tie in a year the tie is
// active, so that a sweep costs about as much as one journey search.
//
// Temporal closeness is the harmonic mean of Pan & Saramäki (2011), Path lengths, correlations, and
// centrality in temporal networks, Physical Review E 84:016105: C(u) = sum over v != u of
// 1 / latency(u, v), over n - 1, where the latency of a yearly journey counts the years it spans,
// both ends included: 1 for a journey within the start year, so that it is always positive.
#pragma once

#include <bit>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "essnet/core/parallel.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/temporal/journeys.hpp"

namespace essnet {

namespace detail {

// Per-thread state of a sweep over n nodes.
struct SweepWorkspace {
    std::vector<std::uint64_t> reached{};  // origins that have reached each node
    std::vector<std::uint64_t> pending{};  // origins on their way to each node (hop_years > 0)
    std::vector<char> queued{};
    std::vector<node_id> touched{};
    std::vector<node_id> work{};
    std::map<std::int32_t, std::vector<std::pair<node_id, std::uint64_t>>> arrivals{};

    explicit SweepWorkspace(node_id n)
        : reached(static_cast<std::size_t>(n), 0),
          pending(static_cast<std::size_t>(n), 0),
          queued(static_cast<std::size_t>(n), 0) {}

    void reset() {
        for (const node_id v : touched) {
            reached[static_cast<std::size_t>(v)] = 0;
            pending[static_cast<std::size_t>(v)] = 0;
        }
        touched.clear();
        arrivals.clear();
    }
};

// Sweeps the clock forward from f.origin_time for up to 64 origins (bit b is origins[b]). Calls
// on_arrival(bits, v, clock) once for each node v and clock at which the origins in `bits` first
// reach v (the origins themselves at the origin time).
template <class OnArrival>
void sweep(const Frame& f, std::span<const node_id> origins, SweepWorkspace& ws, OnArrival&& on_arrival) {
    const TimedArcs& arcs = *f.arcs;
    auto reach = [&](node_id v, std::uint64_t bits, std::int32_t clock) {
        auto& r = ws.reached[static_cast<std::size_t>(v)];
        const std::uint64_t add = bits & ~r;
        if (add == 0) return;
        if (r == 0 && ws.pending[static_cast<std::size_t>(v)] == 0) ws.touched.push_back(v);
        r |= add;
        on_arrival(add, v, clock);
        if (!ws.queued[static_cast<std::size_t>(v)]) {
            ws.queued[static_cast<std::size_t>(v)] = 1;
            ws.work.push_back(v);
        }
    };
    auto schedule = [&](node_id v, std::uint64_t bits, std::int32_t clock) {
        if (clock > f.horizon) return;
        const auto vi = static_cast<std::size_t>(v);
        const std::uint64_t add = bits & ~ws.reached[vi] & ~ws.pending[vi];
        if (add == 0) return;
        if (ws.reached[vi] == 0 && ws.pending[vi] == 0) ws.touched.push_back(v);
        ws.pending[vi] |= add;
        ws.arrivals[clock].emplace_back(v, add);
    };
    // Moves the words of tail u along arc a at clock t: at once within the year when hops take no
    // time (or the clock is at open_start), hop_years later otherwise.
    auto move = [&](node_id u, std::size_t a, std::int32_t t, bool at_once) {
        const std::uint64_t bits = ws.reached[static_cast<std::size_t>(u)];
        if (bits == 0) return;
        if (at_once)
            reach(arcs.heads[a], bits, t);
        else
            schedule(arcs.heads[a], bits, t + f.hop);
    };

    std::int32_t t = f.origin_time;
    for (std::size_t b = 0; b < origins.size(); ++b) reach(origins[b], std::uint64_t{1} << b, t);
    // Arcs active at the origin time are followed from the nodes that move; later ones as they begin.
    std::size_t next_arc = 0;
    const std::size_t num_arcs = arcs.by_first.size();
    while (next_arc < num_arcs && f.lo(static_cast<std::size_t>(arcs.by_first[next_arc])) <= t) ++next_arc;
    while (true) {
        const bool at_once = f.hop == 0 || t == open_start;
        // Arrivals due now, then arcs that begin now.
        if (auto it = ws.arrivals.find(t); it != ws.arrivals.end()) {
            for (const auto& [v, bits] : it->second) {
                ws.pending[static_cast<std::size_t>(v)] &= ~bits;
                reach(v, bits, t);
            }
            ws.arrivals.erase(it);
        }
        while (next_arc < num_arcs) {
            const auto a = static_cast<std::size_t>(arcs.by_first[next_arc]);
            if (f.lo(a) != t) break;
            move(arcs.tails[a], a, t, at_once);
            ++next_arc;
        }
        // Nodes reached now move along every arc active now.
        for (std::size_t i = 0; i < ws.work.size(); ++i) {
            const node_id u = ws.work[i];
            const auto ui = static_cast<std::size_t>(u);
            ws.queued[ui] = 0;
            for (arc_index a = arcs.offsets[ui]; a < arcs.offsets[ui + 1]; ++a) {
                const auto ai = static_cast<std::size_t>(a);
                if (f.lo(ai) <= t && t <= f.hi(ai)) move(u, ai, t, at_once);
            }
        }
        ws.work.clear();
        // The next clock at which something happens.
        std::int32_t next = detail::not_reached;
        if (next_arc < num_arcs) next = f.lo(static_cast<std::size_t>(arcs.by_first[next_arc]));
        if (!ws.arrivals.empty()) next = std::min(next, ws.arrivals.begin()->first);
        if (next == detail::not_reached || next > f.horizon) break;
        t = next;
    }
}

// Sweeps from every node, 64 origins at a time (nodes first .. first + 63), batches in parallel:
// on_arrival(first, bits, v, clock) as sweep calls it, from the thread that owns the batch.
template <class OnArrival>
void sweep_all(const TemporalGraph& tg, const JourneyOptions& options, const ProgressHook& progress_hook,
               OnArrival&& on_arrival) {
    const Frame f(tg, options);
    const node_id n = tg.num_nodes();
    const std::int64_t batches = (static_cast<std::int64_t>(n) + 63) / 64;
    ProgressReporter progress(progress_hook, batches);
#pragma omp parallel
    {
        SweepWorkspace ws(n);
        std::vector<node_id> origins;
#pragma omp for schedule(dynamic, 1)
        for (std::int64_t batch = 0; batch < batches; ++batch) {
            if (progress.cancelled()) continue;
            const auto first = static_cast<node_id>(batch * 64);
            origins.clear();
            for (node_id v = first; v < std::min<node_id>(n, first + 64); ++v) origins.push_back(v);
            sweep(f, origins, ws,
                  [&](std::uint64_t bits, node_id v, std::int32_t clock) { on_arrival(first, bits, v, clock); });
            ws.reset();
            progress.advance();
        }
    }
    progress.finish();
}

}  // namespace detail

/// What temporal_reach computes for every node.
struct TemporalReach {
    /// Forward: the nodes the node reaches by a journey leaving no earlier than the start year and
    /// arriving no later than the end year, itself included (as tsna's tReach counts). Backward: the
    /// nodes that reach it so.
    std::vector<std::int64_t> size{};
    /// Temporal closeness (see the file comment); 0 for a graph of one node. Needs a finite start
    /// (forward) or end (backward) year.
    std::vector<double> closeness{};
};

/// Reach sizes and temporal closeness of every node. Throws std::invalid_argument for bad options,
/// or for an open start (forward) or end (backward) when `closeness` is asked.
/// Time O(n / 64 x (m + reached pairs / n) x years) at worst, O(n m / 64) typically; memory O(n) per thread.
inline TemporalReach temporal_reach(const TemporalGraph& tg, const JourneyOptions& options = {}, bool closeness = true,
                                    const ProgressHook& progress = {}) {
    const bool forward = options.direction == TimeDirection::forward;
    if (closeness && (forward ? options.start == open_start : options.end == open_end))
        throw std::invalid_argument(std::string(forward ? "start" : "end") +
                                    ": temporal closeness counts years from it; give a year");
    const node_id n = tg.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    TemporalReach r{std::vector<std::int64_t>(nn, 0), std::vector<double>(closeness ? nn : 0, 0.0)};
    const std::int32_t origin_time = forward ? options.start : -options.end;
    detail::sweep_all(tg, options, progress, [&](node_id first, std::uint64_t bits, node_id v, std::int32_t clock) {
        // Each batch is one thread's: its origins' entries are written by that thread alone.
        const double weight = closeness ? 1.0 / (static_cast<double>(clock - origin_time) + 1.0) : 0.0;
        for (; bits != 0; bits &= bits - 1) {
            const node_id u = first + std::countr_zero(bits);
            const auto ui = static_cast<std::size_t>(u);
            ++r.size[ui];
            if (closeness && u != v) r.closeness[ui] += weight;
        }
    });
    if (closeness)
        for (auto& c : r.closeness) c = n > 1 ? c / static_cast<double>(n - 1) : 0.0;
    return r;
}

/// Which nodes each node reaches (forward) or is reached by (backward), as an n x n row-major
/// matrix of 0 and 1 (row u, column v: u reaches v, or v reaches u; the diagonal is 1). Throws
/// std::length_error, before allocating, when the matrix would take more than `max_bytes`.
inline std::vector<std::uint8_t> temporal_reachability_matrix(const TemporalGraph& tg,
                                                              const JourneyOptions& options = {},
                                                              std::int64_t max_bytes = std::int64_t{1} << 32,
                                                              const ProgressHook& progress = {}) {
    const auto n = static_cast<std::int64_t>(tg.num_nodes());
    if (n > 0 && n > max_bytes / n)
        throw std::length_error("a reachability matrix of " + std::to_string(n) + " x " + std::to_string(n) +
                                " nodes takes " + std::to_string(n * n) + " bytes, more than the " +
                                std::to_string(max_bytes) + " allowed");
    std::vector<std::uint8_t> m(static_cast<std::size_t>(n * n), 0);
    detail::sweep_all(tg, options, progress, [&](node_id first, std::uint64_t bits, node_id v, std::int32_t) {
        for (; bits != 0; bits &= bits - 1) {
            const auto u = static_cast<std::int64_t>(first + std::countr_zero(bits));
            m[static_cast<std::size_t>(u * n + v)] = 1;
        }
    });
    return m;
}

}  // namespace essnet
