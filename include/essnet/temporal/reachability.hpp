// Temporal reachability: which actors each actor reaches by a journey (R tsna's tReach and
// forward.reachable), and temporal closeness over the journeys' latencies.
//
// Every node's set is found by one sweep over the years for 512 origins at a time: each node holds
// a 512-bit set of the origins that have reached it, and a set moves along a tie in a year the tie is
// active, so that a sweep costs about as much as a few journey searches.
//
// Temporal closeness is the harmonic form of Pan & Saramäki (2011), Path lengths, correlations, and
// centrality in temporal networks, Physical Review E 84:016105: C(u) = sum over v != u of
// 1 / latency(u, v), over n - 1, where the latency counts the years from the start year to the
// arrival at v, both included (forward; backward, from v's latest departure to the end year): 1 for
// an arrival in the start year, so that it is always positive.
#pragma once

#include <array>
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

// The origins of one sweep: 512 at once, one bit each in eight 64-bit words (a sweep visits
// every tie about once a year whatever the number of origins, so wide sets pay).
inline constexpr int origin_words = 8;
inline constexpr int origins_per_sweep = 64 * origin_words;
using OriginSet = std::array<std::uint64_t, origin_words>;

inline bool none(const OriginSet& s) {
    std::uint64_t any = 0;
    for (const auto w : s) any |= w;
    return any == 0;
}

// Per-thread state of a sweep over n nodes.
struct SweepWorkspace {
    std::vector<OriginSet> reached{};  // origins that have reached each node
    std::vector<OriginSet> pending{};  // origins on their way to each node; empty when hops take no time
    std::vector<char> queued{};
    std::vector<char> is_touched{};
    std::vector<node_id> touched{};  // nodes reached or on their way, each once
    std::vector<node_id> work{};
    std::map<std::int32_t, std::vector<std::pair<node_id, OriginSet>>> arrivals{};

    SweepWorkspace(node_id n, bool hops_take_time)
        : reached(static_cast<std::size_t>(n), OriginSet{}),
          pending(hops_take_time ? static_cast<std::size_t>(n) : 0, OriginSet{}),
          queued(static_cast<std::size_t>(n), 0),
          is_touched(static_cast<std::size_t>(n), 0) {}

    void reset() {
        for (const node_id v : touched) {
            reached[static_cast<std::size_t>(v)] = OriginSet{};
            if (!pending.empty()) pending[static_cast<std::size_t>(v)] = OriginSet{};
            is_touched[static_cast<std::size_t>(v)] = 0;
        }
        touched.clear();
        arrivals.clear();
    }
};

// Sweeps the clock forward from f.origin_time for up to 512 origins (bit b is origins[b]). Calls
// on_arrival(set, v, clock) once for each node v and clock at which the origins in `set` first
// reach v (the origins themselves at the origin time), clocks in increasing order.
template <class OnArrival>
void sweep(const Frame& f, std::span<const node_id> origins, SweepWorkspace& ws, OnArrival&& on_arrival) {
    const TimedArcs& arcs = *f.arcs;
    auto touch = [&](std::size_t v) {
        if (ws.is_touched[v]) return;
        ws.is_touched[v] = 1;
        ws.touched.push_back(static_cast<node_id>(v));
    };
    auto reach = [&](node_id v, const OriginSet& set, std::int32_t clock) {
        const auto vi = static_cast<std::size_t>(v);
        OriginSet add;
        std::uint64_t any = 0;
        for (int w = 0; w < origin_words; ++w) any |= add[w] = set[w] & ~ws.reached[vi][w];
        if (any == 0) return;
        touch(vi);
        for (int w = 0; w < origin_words; ++w) ws.reached[vi][w] |= add[w];
        on_arrival(add, v, clock);
        if (!ws.queued[vi]) {
            ws.queued[vi] = 1;
            ws.work.push_back(v);
        }
    };
    auto schedule = [&](node_id v, const OriginSet& set, std::int32_t clock) {
        if (clock > f.horizon) return;
        const auto vi = static_cast<std::size_t>(v);
        OriginSet add;
        std::uint64_t any = 0;
        for (int w = 0; w < origin_words; ++w) any |= add[w] = set[w] & ~ws.reached[vi][w] & ~ws.pending[vi][w];
        if (any == 0) return;
        touch(vi);
        for (int w = 0; w < origin_words; ++w) ws.pending[vi][w] |= add[w];
        ws.arrivals[clock].emplace_back(v, add);
    };

    std::int32_t t = f.origin_time;
    for (std::size_t b = 0; b < origins.size(); ++b) {
        OriginSet one{};
        one[b / 64] = std::uint64_t{1} << (b % 64);
        reach(origins[b], one, t);
    }
    // Arcs active at the origin time are followed from the nodes that move; later ones as they begin.
    std::size_t next_arc = 0;
    const std::size_t num_arcs = arcs.by_first.size();
    while (next_arc < num_arcs && f.lo(static_cast<std::size_t>(arcs.by_first[next_arc])) <= t) ++next_arc;
    while (true) {
        // Within the year when hops take no time (or the clock is at open_start), later otherwise.
        const bool at_once = f.hop == 0 || t == open_start;
        auto move = [&](std::size_t a, const OriginSet& set) {
            if (at_once)
                reach(arcs.heads[a], set, t);
            else
                schedule(arcs.heads[a], set, t + f.hop);
        };
        // Arrivals due now, then arcs that begin now.
        if (auto it = ws.arrivals.find(t); it != ws.arrivals.end()) {
            for (const auto& [v, set] : it->second) {
                for (int w = 0; w < origin_words; ++w) ws.pending[static_cast<std::size_t>(v)][w] &= ~set[w];
                reach(v, set, t);
            }
            ws.arrivals.erase(it);
        }
        while (next_arc < num_arcs) {
            const auto a = static_cast<std::size_t>(arcs.by_first[next_arc]);
            if (f.lo(a) != t) break;
            const OriginSet set = ws.reached[static_cast<std::size_t>(arcs.tails[a])];
            if (!none(set)) move(a, set);
            ++next_arc;
        }
        // Nodes reached now move along every arc active now: their arcs begun by now (sorted by
        // first year) that have not ended.
        for (std::size_t i = 0; i < ws.work.size(); ++i) {
            const auto ui = static_cast<std::size_t>(ws.work[i]);
            ws.queued[ui] = 0;
            const OriginSet set = ws.reached[ui];
            for (auto a = static_cast<std::size_t>(arcs.offsets[ui]);
                 a < static_cast<std::size_t>(arcs.offsets[ui + 1]); ++a) {
                if (f.lo(a) > t) break;
                if (t <= f.hi(a)) move(a, set);
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

// Sweeps from every node, 512 origins at a time, batches in parallel. Origins are taken in the
// order of their first tie's year, so that the origins of one sweep spread through the network in
// the same years and each node's set changes in few of them. make_visitor() gives each thread a
// visitor with arrive(origins, set, v, clock), as sweep calls on_arrival, and done(origins,
// workspace) at the end of each sweep.
template <class MakeVisitor>
void sweep_all(const TemporalGraph& tg, const Frame& f, const ProgressHook& progress_hook, MakeVisitor&& make_visitor) {
    const node_id n = tg.num_nodes();
    const TimedArcs& arcs = *f.arcs;
    std::vector<node_id> order(static_cast<std::size_t>(n));
    std::vector<std::int32_t> first_year(static_cast<std::size_t>(n), not_reached);
    for (node_id v = 0; v < n; ++v) {
        order[static_cast<std::size_t>(v)] = v;
        const auto b = arcs.offsets[static_cast<std::size_t>(v)];
        if (b < arcs.offsets[static_cast<std::size_t>(v) + 1])
            first_year[static_cast<std::size_t>(v)] = f.lo(static_cast<std::size_t>(b));  // arcs sorted by year
    }
    std::stable_sort(order.begin(), order.end(), [&](node_id a, node_id b) {
        return first_year[static_cast<std::size_t>(a)] < first_year[static_cast<std::size_t>(b)];
    });
    const std::int64_t batches = (static_cast<std::int64_t>(n) + origins_per_sweep - 1) / origins_per_sweep;
    ProgressReporter progress(progress_hook, batches);
#pragma omp parallel
    {
        SweepWorkspace ws(n, f.hop > 0);
        auto visitor = make_visitor();
#pragma omp for schedule(dynamic, 1)
        for (std::int64_t batch = 0; batch < batches; ++batch) {
            if (progress.cancelled()) continue;
            const auto from = static_cast<std::size_t>(batch * origins_per_sweep);
            const std::span<const node_id> origins(order.data() + from,
                                                   std::min<std::size_t>(origins_per_sweep, order.size() - from));
            sweep(f, origins, ws,
                  [&](const OriginSet& set, node_id v, std::int32_t clock) { visitor.arrive(origins, set, v, clock); });
            visitor.done(origins, ws);
            ws.reset();
            progress.advance();
        }
    }
    progress.finish();
}

// Counts, for each of 512 origins, the sets added to it: bit-sliced counters (plane p holds bit p
// of every count), so that adding a set costs a few word operations instead of one per origin.
struct OriginCounter {
    static constexpr int planes = 32;
    std::array<OriginSet, planes> plane{};
    bool empty = true;

    void add(const OriginSet& set) {
        for (int w = 0; w < origin_words; ++w) {
            std::uint64_t carry = set[w];
            for (int p = 0; carry != 0 && p < planes; ++p) {
                const std::uint64_t next = plane[static_cast<std::size_t>(p)][w] & carry;
                plane[static_cast<std::size_t>(p)][w] ^= carry;
                carry = next;
            }
        }
        empty = false;
    }
    std::int64_t count(int origin) const {
        std::int64_t c = 0;
        for (int p = 0; p < planes; ++p)
            c |= static_cast<std::int64_t>((plane[static_cast<std::size_t>(p)][origin / 64] >> (origin % 64)) & 1U)
                 << p;
        return c;
    }
    void clear() {
        plane = {};
        empty = true;
    }
};

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
/// or for an open start (forward) or end (backward) when `closeness` is asked of two nodes or more.
/// Time O(n / 512 x m x years) at worst: a sweep of 512 origins follows each tie once in every
/// year a node it leaves gains origins; memory 64 bytes per node and thread (128 with hop_years).
inline TemporalReach temporal_reach(const TemporalGraph& tg, const JourneyOptions& options = {}, bool closeness = true,
                                    const ProgressHook& progress = {}) {
    const bool forward = options.direction == TimeDirection::forward;
    if (closeness && tg.num_nodes() > 1 && (forward ? options.start == open_start : options.end == open_end))
        throw std::invalid_argument(std::string(forward ? "start" : "end") +
                                    ": temporal closeness counts years from it; give a year");
    const node_id n = tg.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    TemporalReach r{std::vector<std::int64_t>(nn, 0), std::vector<double>(closeness ? nn : 0, 0.0)};
    const detail::Frame f(tg, options);
    // Closeness counts arrivals per clock, and a sweep's counts go to its origins when the clock
    // moves on; sizes alone are counted once, from the sets at the end of the sweep.
    struct Visitor {
        TemporalReach* r;
        std::int32_t origin_time;
        bool closeness;
        detail::OriginCounter counter{};
        std::int32_t clock = 0;

        void flush(std::span<const node_id> origins, double weight) {
            if (counter.empty) return;
            // Every origin reaches itself at the origin time: in its size, not in its closeness.
            const std::int64_t self = clock == origin_time ? 1 : 0;
            for (std::size_t b = 0; b < origins.size(); ++b) {
                const std::int64_t c = counter.count(static_cast<int>(b));
                const auto u = static_cast<std::size_t>(origins[b]);
                r->size[u] += c;
                if (closeness) r->closeness[u] += static_cast<double>(c - self) * weight;
            }
            counter.clear();
        }
        double latency_weight() const {
            return 1.0 / (static_cast<double>(clock) - static_cast<double>(origin_time) + 1.0);
        }
        void arrive(std::span<const node_id> origins, const detail::OriginSet& set, node_id, std::int32_t at) {
            if (!closeness) return;
            if (at != clock) flush(origins, latency_weight());
            clock = at;
            counter.add(set);
        }
        void done(std::span<const node_id> origins, const detail::SweepWorkspace& ws) {
            if (closeness) {
                flush(origins, latency_weight());
                return;
            }
            for (const node_id v : ws.touched) counter.add(ws.reached[static_cast<std::size_t>(v)]);
            flush(origins, 0.0);
        }
    };
    // Each batch is one thread's: its origins' entries are written by that thread alone.
    detail::sweep_all(tg, f, progress, [&] { return Visitor{&r, f.origin_time, closeness}; });
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
    struct Visitor {
        std::vector<std::uint8_t>* m;
        std::int64_t n;
        void arrive(std::span<const node_id> origins, const detail::OriginSet& set, node_id v, std::int32_t) {
            for (int w = 0; w < detail::origin_words; ++w)
                for (std::uint64_t bits = set[static_cast<std::size_t>(w)]; bits != 0; bits &= bits - 1) {
                    const std::int64_t u = origins[static_cast<std::size_t>(64 * w + std::countr_zero(bits))];
                    (*m)[static_cast<std::size_t>(u * n + v)] = 1;
                }
        }
        void done(std::span<const node_id>, const detail::SweepWorkspace&) {}
    };
    detail::sweep_all(tg, detail::Frame(tg, options), progress, [&] { return Visitor{&m, n}; });
    return m;
}

}  // namespace essnet
