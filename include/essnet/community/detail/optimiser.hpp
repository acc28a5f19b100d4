// The machinery shared by Leiden and Louvain: a weighted graph that can be aggregated, a quality
// function written so that modularity (undirected and directed), CPM and weighted sums of them
// over several layers share one formula, local moving (queue-based, as Leiden; sweep-based, as
// Louvain), Leiden's refinement and aggregation.
//
// Every graph is handled as directed: an undirected edge {u, v} of weight w is the arcs u->v and
// v->u, an undirected self-loop the arc v->v of weight 2w (the adjacency-matrix convention). In
// layer l, node v has two "masses" a_lv and b_lv and a community C the sums A_lC and B_lC; the
// quality, in units of arc weight, is
//     H = sum over C of [ W_C - sum over l of kappa_l A_lC B_lC ],
//     W_C = sum over u, v in C and layers l of c_l A_luv   (c_l: the layer's coefficient),
// modularity:  a = out-strength, b = in-strength, kappa_l = c_l resolution / M_l (M_l: the layer's
//              total arc weight); with one layer (c = 1) H / M is Newman's modularity (Leicht &
//              Newman 2008 when directed);
// CPM:         a = b = node size (1 per original node), kappa_l = c_l resolution; H counts arcs
//              inside minus resolution * ordered pairs (n_C^2 terms).
// Moving a node v that sits alone into C changes H by
//     gain(v, C) = s(v, C) - sum over l of kappa_l (a_lv B_lC + b_lv A_lC),
//     s(v, C) = sum over u in C and layers l of c_l (A_lvu + A_luv).
//
// Parallel where it keeps results independent of the thread count: building and aggregating the
// graph (each node's or community's list is made by one thread, then copied into place in order),
// local moving (moves for a batch of nodes proposed in parallel, then made in order), and the
// refinement (each community of the coarse partition is refined on its own, with its own random
// stream). Most of the time goes to random reads of small arrays indexed by node or community,
// so nodes visited in random order have their data asked for a few visits ahead.
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "essnet/community/partition.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/core/parallel.hpp"
#include "essnet/core/random.hpp"
#include "essnet/core/uninitialised.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

namespace detail::community {

// Symmetrised weighted graph: node u's list holds each other node v once with s_uv (a node's arcs
// to itself are left out: no gain depends on them); each node's masses are a block of 2 x layers
// values, a_l of each layer then b_l of each layer, so that one cache line holds them.
struct WeightedGraph {
    std::int32_t n = 0;
    std::int32_t layers = 1;
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int32_t, Uninitialised<std::int32_t>> targets{};
    std::vector<double, Uninitialised<double>> weights{};  // empty when every arc weighs uniform_weight
    double uniform_weight = 0;
    std::vector<double> mass{};
    std::vector<double> kappa{};  // per layer
    double unit = 1;              // what one edge of weight 1 adds to s(v, C): 2 when undirected (both arcs)

    double weight(std::int64_t e) const {
        return weights.empty() ? uniform_weight : weights[static_cast<std::size_t>(e)];
    }
    std::int64_t begin(std::int32_t v) const { return offsets[static_cast<std::size_t>(v)]; }
    std::int64_t end(std::int32_t v) const { return offsets[static_cast<std::size_t>(v) + 1]; }
    std::size_t stride() const { return 2 * static_cast<std::size_t>(layers); }
    const double* mass_of(std::int32_t v) const { return mass.data() + static_cast<std::size_t>(v) * stride(); }

    // Nodes are visited in random order, so each visit starts with cache misses on the node's
    // offsets, masses and list. Visits ask for them a few nodes ahead: first the node's offsets
    // and masses, then (once its offsets have arrived) the start of its list.
    void prefetch_node(std::int32_t v) const {
        prefetch(&offsets[static_cast<std::size_t>(v)]);
        prefetch(mass_of(v));
    }
    void prefetch_list(std::int32_t v) const {
        const auto e = static_cast<std::size_t>(begin(v));
        prefetch(targets.data() + e);
        if (!weights.empty()) prefetch(weights.data() + e);
    }
    static void prefetch([[maybe_unused]] const void* p) {
#if defined(__GNUC__) || defined(__clang__)
        __builtin_prefetch(p);
#endif
    }

    // kappa-weighted products of two mass blocks: x with y, and x with y less x (x taken out of y).
    // kappa multiplies x first: for modularity kappa x is a share of the total (at most the
    // resolution), so that strengths near 1e154 or 1e-160 neither overflow nor underflow.
    double expected(const double* x, const double* y) const {
        if (layers == 1) return kappa[0] * x[0] * y[1] + kappa[0] * x[1] * y[0];
        const auto L = static_cast<std::size_t>(layers);
        double e = 0;
        for (std::size_t l = 0; l < L; ++l) e += kappa[l] * x[l] * y[L + l] + kappa[l] * x[L + l] * y[l];
        return e;
    }
    double expected_apart(const double* x, const double* y) const {
        if (layers == 1) return kappa[0] * x[0] * (y[1] - x[1]) + kappa[0] * x[1] * (y[0] - x[0]);
        const auto L = static_cast<std::size_t>(layers);
        double e = 0;
        for (std::size_t l = 0; l < L; ++l)
            e += kappa[l] * x[l] * (y[L + l] - x[L + l]) + kappa[l] * x[L + l] * (y[l] - x[l]);
        return e;
    }
};

// Adds (sign 1) or takes away (sign -1) one mass block to or from another.
inline void add_masses(double* to, const double* from, std::size_t stride, double sign = 1) {
    for (std::size_t j = 0; j < stride; ++j) to[j] += sign * from[j];
}

// Dense scratch map from community id to accumulated weight, cleared in time proportional to the
// entries touched. A community not seen yet holds NaN, so that one random access per entry both
// tests and adds (edge weights are finite), and the add has no branch: half the entries are new
// and half are not, which a branch would guess wrong half the time.
struct NeighbourWeights {
    std::vector<double> weight{};
    explicit NeighbourWeights(std::size_t n = 0) : weight(n, std::numeric_limits<double>::quiet_NaN()), seen_(n + 1) {}
    void add(std::int32_t c, double w) {
        double& x = weight[static_cast<std::size_t>(c)];
        const bool fresh = std::isnan(x);
        seen_[count_] = c;  // kept only when fresh
        count_ += fresh;
        x = (fresh ? 0.0 : x) + w;
    }
    // The communities seen, in first-seen order.
    std::span<const std::int32_t> touched() const { return {seen_.data(), count_}; }
    // The weight to c, 0 when c was not seen.
    double of(std::int32_t c) const {
        const double x = weight[static_cast<std::size_t>(c)];
        return std::isnan(x) ? 0.0 : x;
    }
    void clear() {
        for (const auto c : touched()) weight[static_cast<std::size_t>(c)] = std::numeric_limits<double>::quiet_NaN();
        count_ = 0;
    }

private:
    std::vector<std::int32_t> seen_{};  // one more slot than ids, for the write of an id already seen
    std::size_t count_ = 0;
};

// Builds a CSR of `count` rows in parallel: fill(row, acc) gathers the row's entries (ids below
// `scratch`) into acc, kept in first-seen order, and sets per-row values; reads(row) is the number
// of entries fill reads, which also bounds the row's length. Each thread makes a block of rows;
// blocks hold equal numbers of reads, not of rows, as rows differ widely (numbering communities by
// first appearance puts the large ones first). A block is written where its reads begin, which
// leaves it room whatever its length, then moved down into place: no scratch copy of the graph,
// and the result is the same for any thread count.
template <class Fill, class Reads>
void build_rows(std::int32_t count, std::size_t scratch, WeightedGraph& h, Fill&& fill, Reads&& reads) {
    std::vector<std::int64_t> reach(static_cast<std::size_t>(count) + 1, 0);  // reads of the rows before
#pragma omp parallel for schedule(static)
    for (std::int32_t r = 0; r < count; ++r) reach[static_cast<std::size_t>(r) + 1] = reads(r);
    for (std::size_t r = 0; r < static_cast<std::size_t>(count); ++r) reach[r + 1] += reach[r];
    const std::int64_t total = reach.back();
    const int threads =
        static_cast<int>(std::max<std::int64_t>(1, std::min<std::int64_t>(thread_count(), total / 65536 + 1)));
    // Uninitialised: only the pages the blocks write are ever touched.
    h.targets.resize(static_cast<std::size_t>(total));
    h.weights.resize(static_cast<std::size_t>(total));
    h.offsets.assign(static_cast<std::size_t>(count) + 1, 0);
    std::vector<std::int64_t> written_at(static_cast<std::size_t>(threads), 0),
        length(static_cast<std::size_t>(threads), 0), start(static_cast<std::size_t>(threads) + 1, 0);
#pragma omp parallel num_threads(threads)
    {
        // Blocks by the team actually running (a nested region may get fewer threads than asked).
        const int t = thread_id(), team = team_size();
        const auto ti = static_cast<std::size_t>(t);
        const auto bounds = equal_weight_bounds(reach, team);
        const auto lo = static_cast<std::int32_t>(bounds[ti]), hi = static_cast<std::int32_t>(bounds[ti + 1]);
        written_at[ti] = reach[static_cast<std::size_t>(lo)];
        {
            NeighbourWeights acc(scratch);
            auto e = static_cast<std::size_t>(written_at[ti]);
            for (std::int32_t r = lo; r < hi; ++r) {
                fill(r, acc);
                for (const auto c : acc.touched()) {
                    h.targets[e] = c;
                    h.weights[e] = acc.weight[static_cast<std::size_t>(c)];
                    ++e;
                }
                h.offsets[static_cast<std::size_t>(r) + 1] = static_cast<std::int64_t>(e);
                acc.clear();
            }
            length[ti] = static_cast<std::int64_t>(e) - written_at[ti];
        }
#pragma omp barrier
#pragma omp single
        {
            // In block order, each destination lies below every block not yet moved.
            for (std::size_t b = 0; b < static_cast<std::size_t>(team); ++b) {
                start[b + 1] = start[b] + length[b];
                if (start[b] == written_at[b] || length[b] == 0) continue;
                std::memmove(h.targets.data() + start[b], h.targets.data() + written_at[b],
                             static_cast<std::size_t>(length[b]) * sizeof(std::int32_t));
                std::memmove(h.weights.data() + start[b], h.weights.data() + written_at[b],
                             static_cast<std::size_t>(length[b]) * sizeof(double));
            }
        }  // implicit barrier
        const std::int64_t shift = start[ti] - written_at[ti];
        for (std::int32_t r = lo; r < hi; ++r) h.offsets[static_cast<std::size_t>(r) + 1] += shift;
    }
    h.targets.resize(static_cast<std::size_t>(h.offsets.back()));
    h.weights.resize(h.targets.size());
}

// Checks the weights (finite, non-negative) and returns their sum (the edge count when unweighted).
inline double check_weights(const Graph& g, bool weighted) {
    if (!weighted) return static_cast<double>(g.num_edges());
    double total = 0;
    for (const double w : g.weights()) {
        if (!(w >= 0) || std::isinf(w))
            throw std::invalid_argument("community detection needs finite, non-negative edge weights, got " +
                                        std::to_string(w));
        total += w;
    }
    return total;
}

// The rows of one undirected graph whose edges all weigh 1, scaled by c: its sorted neighbour
// lists without self-loops, a multi-edge's repeats merged (the same rows, in the same order, as
// the general case below makes). Built in place, without scratch; when no edge repeats, every arc
// weighs 2c and no weight is stored.
inline void unit_undirected_rows(const Graph& g, double c, WeightedGraph& h) {
    const auto n = static_cast<std::int64_t>(h.n);
    h.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    bool repeats = false;
#pragma omp parallel for schedule(static) reduction(|| : repeats)
    for (std::int64_t u = 0; u < n; ++u) {
        const auto nbrs = g.out_neighbors(static_cast<node_id>(u));
        const auto ui = static_cast<std::size_t>(u);
        std::int64_t distinct = 0;
        for (std::size_t k = 0; k < nbrs.size(); ++k) {
            if (nbrs[k] == u) continue;
            if (k > 0 && nbrs[k] == nbrs[k - 1])
                repeats = true;
            else
                ++distinct;
        }
        h.mass[2 * ui] = h.mass[2 * ui + 1] = static_cast<double>(nbrs.size());
        h.offsets[ui + 1] = distinct;
    }
    for (std::size_t u = 0; u < static_cast<std::size_t>(n); ++u) h.offsets[u + 1] += h.offsets[u];
    h.targets.resize(static_cast<std::size_t>(h.offsets.back()));
    if (repeats) h.weights.resize(h.targets.size());
    h.uniform_weight = 2 * c;
#pragma omp parallel for schedule(static)
    for (std::int64_t u = 0; u < n; ++u) {
        const auto nbrs = g.out_neighbors(static_cast<node_id>(u));
        auto e = static_cast<std::size_t>(h.offsets[static_cast<std::size_t>(u)]);
        for (std::size_t k = 0; k < nbrs.size(); ++k) {
            if (nbrs[k] == u) continue;
            if (k > 0 && nbrs[k] == nbrs[k - 1]) {
                h.weights[e - 1] += 2 * c;
                continue;
            }
            h.targets[e] = nbrs[k];
            if (repeats) h.weights[e] = 2 * c;
            ++e;
        }
    }
}

// The level-0 graph of one or more layers on the same nodes, layer l scaled by coefficient[l]
// (parallel arcs summed; self-loops count in the masses only).
inline WeightedGraph from_layers(const std::vector<const Graph*>& layers, const std::vector<double>& coefficient,
                                 QualityFunction quality, double resolution, bool use_weights) {
    WeightedGraph h;
    h.n = layers.front()->num_nodes();
    h.layers = static_cast<std::int32_t>(layers.size());
    const auto n = static_cast<std::size_t>(h.n);
    const auto L = static_cast<std::size_t>(h.layers);
    h.mass.assign(n * 2 * L, 0.0);
    h.unit = layers.front()->directed() ? 1.0 : 2.0;
    // Every sum of arc weights below is bounded by this one; were it to overflow, sums of layers of
    // both signs could reach inf - inf.
    double largest_sum = 0;
    for (std::size_t l = 0; l < L; ++l)
        largest_sum += 2 * std::abs(coefficient[l]) * check_weights(*layers[l], use_weights && layers[l]->weighted());
    if (!std::isfinite(largest_sum))
        throw std::invalid_argument(
            "community detection needs edge weights (times the layer weights) whose sum is finite; "
            "it overflows");
    const Graph& first = *layers.front();
    if (L == 1 && !first.directed() && !(use_weights && first.weighted()))
        unit_undirected_rows(first, coefficient[0], h);
    else  // the general case: any number of layers, directed, weighted
        build_rows(
            h.n, n, h,
            [&](std::int32_t u, NeighbourWeights& acc) {
                const auto ui = static_cast<std::size_t>(u);
                for (std::size_t l = 0; l < L; ++l) {
                    const Graph& g = *layers[l];
                    const bool weighted = use_weights && g.weighted();
                    const double c = coefficient[l];
                    // Out-arcs give A_uv, in-arcs A_vu; an undirected graph's arcs already come in both
                    // directions, so its out-arcs count twice.
                    const double twice = g.directed() ? 1.0 : 2.0;
                    auto visit = [&](std::span<const node_id> nbrs, std::span<const edge_id> edges, bool out) {
                        for (std::size_t k = 0; k < nbrs.size(); ++k) {
                            const double w = weighted ? g.weight(edges[k]) : 1.0;
                            h.mass[ui * 2 * L + (out ? 0 : L) + l] += w;
                            if (nbrs[k] != u) acc.add(nbrs[k], c * w * (out ? twice : 1.0));
                        }
                    };
                    visit(g.out_neighbors(u), g.out_edges(u), true);
                    if (g.directed())
                        visit(g.in_neighbors(u), g.in_edges(u), false);
                    else
                        h.mass[ui * 2 * L + L + l] = h.mass[ui * 2 * L + l];
                }
            },
            [&](std::int32_t u) {
                std::int64_t most = 0;
                for (const Graph* g : layers) most += g->out_degree(u) + (g->directed() ? g->in_degree(u) : 0);
                return most;
            });
    h.kappa.assign(L, 0.0);
    for (std::size_t l = 0; l < L; ++l) {
        double total = 0;
        for (std::size_t v = 0; v < n; ++v) total += h.mass[v * 2 * L + l];
        if (quality == QualityFunction::modularity)
            h.kappa[l] = total > 0 ? coefficient[l] * resolution / total : 0.0;
        else
            h.kappa[l] = coefficient[l] * resolution;
    }
    if (quality == QualityFunction::cpm) {
        std::fill(h.mass.begin(), h.mass.end(), 1.0);
    }
    return h;
}

inline WeightedGraph from_graph(const Graph& g, QualityFunction quality, double resolution, bool use_weights) {
    return from_layers({&g}, {1.0}, quality, resolution, use_weights);
}

// Nodes grouped by community: members[start[c] .. start[c + 1]) in increasing node order.
struct Groups {
    std::vector<std::int32_t> start, members;
    Groups(const std::vector<std::int32_t>& membership, std::int32_t k)
        : start(static_cast<std::size_t>(k) + 1, 0), members(membership.size()) {
        for (const auto c : membership) ++start[static_cast<std::size_t>(c) + 1];
        for (std::size_t c = 0; c < static_cast<std::size_t>(k); ++c) start[c + 1] += start[c];
        auto next = start;
        for (std::size_t v = 0; v < membership.size(); ++v)
            members[static_cast<std::size_t>(next[static_cast<std::size_t>(membership[v])]++)] =
                static_cast<std::int32_t>(v);
    }
    std::span<const std::int32_t> of(std::int32_t c) const {
        return {members.data() + start[static_cast<std::size_t>(c)],
                members.data() + start[static_cast<std::size_t>(c) + 1]};
    }
};

// The graph whose nodes are the communities of `membership` (k of them): arcs between
// communities summed, arcs inside a community dropped, masses added up.
inline WeightedGraph aggregate(const WeightedGraph& g, const std::vector<std::int32_t>& membership, std::int32_t k) {
    WeightedGraph h;
    h.n = k;
    h.layers = g.layers;
    h.kappa = g.kappa;
    h.unit = g.unit;
    const auto kk = static_cast<std::size_t>(k);
    const auto L = static_cast<std::size_t>(g.layers);
    h.mass.assign(kk * 2 * L, 0.0);
    const Groups groups(membership, k);
    build_rows(
        k, kk, h,
        [&](std::int32_t c, NeighbourWeights& acc) {
            const auto ci = static_cast<std::size_t>(c);
            const std::int32_t* last = groups.members.data() + groups.members.size();
            const auto members = groups.of(c);
            for (const std::int32_t* p = members.data(); p != members.data() + members.size(); ++p) {
                // Communities are made in the order of groups.members: ask for the nodes a few ahead.
                if (last - p > 8) g.prefetch_node(p[8]);
                if (last - p > 4) g.prefetch_list(p[4]);
                const std::int32_t v = *p;
                add_masses(h.mass.data() + ci * 2 * L, g.mass_of(v), 2 * L);
                for (auto e = g.begin(v); e < g.end(v); ++e) {
                    const auto d = membership[static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)])];
                    if (d != c) acc.add(d, g.weight(e));
                }
            }
        },
        [&](std::int32_t c) {
            std::int64_t most = 0;
            for (const auto v : groups.of(c)) most += g.end(v) - g.begin(v);
            return most;
        });
    return h;
}

// A partition of a WeightedGraph with the masses and sizes of its communities.
struct State {
    std::size_t stride{};  // mass block length, as WeightedGraph's
    std::vector<std::int32_t> community{};
    std::vector<double> mass{};
    std::vector<std::int32_t> size{};
    std::vector<std::int32_t> empty{};  // ids of empty communities, reused for moves to a new community

    State(const WeightedGraph& g, std::vector<std::int32_t> initial)
        : stride(g.stride()), community(std::move(initial)) {
        const auto n = static_cast<std::size_t>(g.n);
        mass.assign(n * stride, 0.0);
        size.assign(n, 0);
        for (std::size_t v = 0; v < n; ++v) {
            const auto c = static_cast<std::size_t>(community[v]);
            add_masses(mass.data() + c * stride, g.mass_of(static_cast<std::int32_t>(v)), stride);
            ++size[c];
        }
        for (auto c = static_cast<std::int32_t>(n); c-- > 0;)
            if (size[static_cast<std::size_t>(c)] == 0) empty.push_back(c);
    }
    const double* mass_of(std::int32_t c) const { return mass.data() + static_cast<std::size_t>(c) * stride; }

    void move(const WeightedGraph& g, std::int32_t v, std::int32_t to) {
        const auto vi = static_cast<std::size_t>(v);
        const auto from = static_cast<std::size_t>(community[vi]);
        const auto ti = static_cast<std::size_t>(to);
        add_masses(mass.data() + from * stride, g.mass_of(v), stride, -1);
        add_masses(mass.data() + ti * stride, g.mass_of(v), stride);
        if (--size[from] == 0) empty.push_back(static_cast<std::int32_t>(from));
        if (size[ti]++ == 0) {
            // `to` was empty: take it off the list (it is nearly always the last one).
            auto it = std::find(empty.rbegin(), empty.rend(), to);
            empty.erase(std::next(it).base());
        }
        community[vi] = to;
    }
};

// Best community for v given its weights to neighbouring communities (in acc), or its own when no
// other gains strictly more. Leaving v's community D, the gains compare s(v, C) - expected(v, C)
// with D's measured without v; an empty community gains 0.
inline std::int32_t best_community(const WeightedGraph& g, const State& st, std::int32_t v,
                                   const NeighbourWeights& acc) {
    const auto vi = static_cast<std::size_t>(v);
    const std::int32_t own = st.community[vi];
    const auto oi = static_cast<std::size_t>(own);
    const double* mv = g.mass_of(v);
    const double stay = acc.of(own) - g.expected_apart(mv, st.mass_of(own));
    double best_gain = stay;
    std::int32_t best = own;
    for (const auto c : acc.touched()) {
        if (c == own) continue;
        const double gain = acc.weight[static_cast<std::size_t>(c)] - g.expected(mv, st.mass_of(c));
        if (gain > best_gain) {
            best_gain = gain;
            best = c;
        }
    }
    // Alone in a new community: gain 0 (only better when v's own community is not a singleton).
    if (best_gain < 0 && st.size[oi] > 1 && !st.empty.empty()) best = st.empty.back();
    return best;
}

inline void gather(const WeightedGraph& g, const std::vector<std::int32_t>& community, std::int32_t v,
                   NeighbourWeights& acc) {
    for (auto e = g.begin(v); e < g.end(v); ++e)
        acc.add(community[static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)])], g.weight(e));
}

// Moves nodes in batches: each node of a batch finds its best move in parallel against the
// partition as the batch began; the moves are then made one by one in batch order. A node none of
// whose neighbours moved earlier in the batch keeps its proposal if it still beats staying with
// the community totals of now (its weights to each community are unchanged); otherwise it is
// evaluated afresh. The batches depend only on the order of the nodes, never on the threads, so
// the partition is the same for any thread count.
//
// One byte per node says where it stands, so that a move reads one small array per neighbour:
// idle, queued (for the caller's queue: see move_nodes_fast), or in the batch and not yet served,
// possibly dirty (a neighbour moved earlier in the batch).
class BatchMover {
public:
    enum Mark : std::uint8_t { idle, queued, waiting, dirty };

    BatchMover(const WeightedGraph& g, NeighbourWeights& acc, Mark initial)
        : g_(g), acc_(acc), mark_(static_cast<std::size_t>(g.n), initial) {
        batch_size_ = std::clamp<std::size_t>(static_cast<std::size_t>(g.n) / 256, 1, 1024);
        proposals_.resize(batch_size_);
        threads_ = thread_count();
        for (int t = 1; t < threads_; ++t) scratch_.emplace_back(static_cast<std::size_t>(g.n));
    }
    std::size_t batch_size() const { return batch_size_; }
    void mark_queued(std::int32_t u) { mark_[static_cast<std::size_t>(u)] = queued; }

    // Moves the nodes of `batch` (at most batch_size()) in order; a node is idle from its turn on.
    // After each move of v to `to`, calls idle_neighbour(u, to) for each idle node u in v's list;
    // returns whether any node moved.
    template <class IdleNeighbour>
    bool run(State& st, std::span<const std::int32_t> batch, IdleNeighbour&& idle_neighbour) {
        const auto b = static_cast<std::int64_t>(batch.size());
        std::int64_t arcs = 0;
        for (const auto v : batch) {
            arcs += g_.end(v) - g_.begin(v);
            mark_[static_cast<std::size_t>(v)] = waiting;
        }
        if (threads_ > 1 && arcs >= kParallelArcs) {
#pragma omp parallel for schedule(static) num_threads(threads_)
            for (std::int64_t i = 0; i < b; ++i) {
                const int t = thread_id();
                propose(st, batch, static_cast<std::size_t>(i),
                        t == 0 ? acc_ : scratch_[static_cast<std::size_t>(t) - 1]);
            }
        } else {
            for (std::int64_t i = 0; i < b; ++i) propose(st, batch, static_cast<std::size_t>(i), acc_);
        }
        bool moved = false;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const std::int32_t v = batch[i];
            const auto vi = static_cast<std::size_t>(v);
            const std::int32_t own = st.community[vi];
            std::int32_t to = own;
            const Proposal& p = proposals_[i];
            const bool fresh = mark_[vi] == dirty;
            mark_[vi] = idle;
            if (fresh) {  // a neighbour moved in this batch: evaluate afresh
                gather(g_, st.community, v, acc_);
                to = best_community(g_, st, v, acc_);
                acc_.clear();
            } else if (p.to != own) {
                const double* mv = g_.mass_of(v);
                const double stay = p.weight_own - g_.expected_apart(mv, st.mass_of(own));
                if (p.to < 0) {  // alone in a new community gains 0
                    if (stay < 0 && st.size[static_cast<std::size_t>(own)] > 1 && !st.empty.empty())
                        to = st.empty.back();
                } else if (p.weight_to - g_.expected(mv, st.mass_of(p.to)) > stay) {
                    to = p.to;
                }
            }
            if (to == own) continue;
            st.move(g_, v, to);
            moved = true;
            for (auto e = g_.begin(v); e < g_.end(v); ++e) {
                const std::int32_t u = g_.targets[static_cast<std::size_t>(e)];
                auto& m = mark_[static_cast<std::size_t>(u)];
                if (m == waiting)
                    m = dirty;
                else if (m == idle)
                    idle_neighbour(u, to);
            }
        }
        return moved;
    }

private:
    struct Proposal {
        std::int32_t to;  // -1: a new (empty) community
        double weight_to, weight_own;
    };
    void propose(const State& st, std::span<const std::int32_t> batch, std::size_t i, NeighbourWeights& mine) {
        if (i + 8 < batch.size()) {
            g_.prefetch_node(batch[i + 8]);
            WeightedGraph::prefetch(&st.community[static_cast<std::size_t>(batch[i + 8])]);
        }
        if (i + 4 < batch.size()) g_.prefetch_list(batch[i + 4]);
        const std::int32_t v = batch[i];
        const std::int32_t own = st.community[static_cast<std::size_t>(v)];
        gather(g_, st.community, v, mine);
        const std::int32_t to = best_community(g_, st, v, mine);
        proposals_[i] = {to != own && st.size[static_cast<std::size_t>(to)] == 0 ? -1 : to,
                         to == own ? 0.0 : mine.of(to), mine.of(own)};
        mine.clear();
    }

    // A batch with fewer arcs than this is too little work to share: its moves are proposed on one
    // thread (the same proposals, so the partition does not depend on the choice).
    static constexpr std::int64_t kParallelArcs = 1024;
    const WeightedGraph& g_;
    NeighbourWeights& acc_;
    std::vector<NeighbourWeights> scratch_;  // for threads other than the first
    std::vector<Mark> mark_;
    std::vector<Proposal> proposals_;
    std::size_t batch_size_ = 1;
    int threads_ = 1;
};

// Leiden's fast local moving (Traag, Waltman & van Eck 2019, Algorithm A.2): nodes wait in a queue
// in random order; a node that moves puts its neighbours outside its new community back in the
// queue. The queue is served in batches (BatchMover), whose marks also say which nodes are in the
// queue (each node is in it at most once). Returns whether any node moved.
inline bool move_nodes_fast(const WeightedGraph& g, State& st, Rng& rng, NeighbourWeights& acc) {
    const auto n = static_cast<std::size_t>(g.n);
    std::vector<std::int32_t> queue = random_order(g.n, rng);
    BatchMover mover(g, acc, BatchMover::queued);
    std::vector<std::int32_t> batch;
    std::size_t head = 0, count = n;
    bool moved = false;
    while (count > 0) {
        batch.clear();
        while (batch.size() < mover.batch_size() && count > 0) {
            batch.push_back(queue[head]);
            head = head + 1 == n ? 0 : head + 1;
            --count;
        }
        moved |= mover.run(st, batch, [&](std::int32_t u, std::int32_t to) {
            if (st.community[static_cast<std::size_t>(u)] == to) return;
            mover.mark_queued(u);
            queue[(head + count) % n] = u;
            ++count;
        });
    }
    return moved;
}

// Louvain's local moving (Blondel et al. 2008): sweeps over the nodes in one random order until a
// sweep moves nothing, each sweep served in batches (BatchMover). Returns whether any node moved.
inline bool move_nodes_sweeps(const WeightedGraph& g, State& st, Rng& rng, NeighbourWeights& acc) {
    const auto order = random_order(g.n, rng);
    BatchMover mover(g, acc, BatchMover::idle);
    bool moved_any = false;
    for (bool moved = true; moved;) {
        moved = false;
        for (std::size_t begin = 0; begin < order.size(); begin += mover.batch_size()) {
            const std::size_t end = std::min(order.size(), begin + mover.batch_size());
            moved |= mover.run(st, std::span<const std::int32_t>(order.data() + begin, end - begin),
                               [](std::int32_t, std::int32_t) {});
        }
        moved_any |= moved;
    }
    return moved_any;
}

// Leiden's refinement (Algorithm A.2, MergeNodesSubset): inside each community S of `coarse`,
// start from singletons; visit nodes in random order, and move a node still alone and well
// connected to S into a well-connected refined community of S, chosen at random with probability
// proportional to exp(gain / theta) among those that do not lower the quality (staying alone
// gains 0). The gain is counted in edge weights, as igraph's community_leiden does, so with the
// usual theta = 0.01 the choice nearly always falls on the best merge; only near-ties are random.
// Every refined community is connected and inside one community of coarse. The communities of
// coarse are refined in parallel, each with its own random stream, so the result does not
// depend on the thread count. Each is first copied out as its own small graph (its members
// numbered 0..|S|-1, only the arcs inside S), so that the random visits read small arrays.
inline std::vector<std::int32_t> refine(const WeightedGraph& g, const std::vector<std::int32_t>& coarse, std::int32_t k,
                                        double theta, std::uint64_t seed) {
    const auto n = static_cast<std::size_t>(g.n);
    const std::size_t stride = g.stride();
    const Groups groups(coarse, k);
    std::vector<std::int32_t> refined(n), local(n);  // local: a node's number inside its community
    std::iota(refined.begin(), refined.end(), 0);
#pragma omp parallel num_threads(thread_count())
    {
        // The community being refined, as a graph on 0..m-1, and its refined partition: a refined
        // community is named after a member, whose size, mass and weight to the rest of S hold it.
        std::vector<std::int64_t> offsets;
        std::vector<std::int32_t> targets, label, size, order, candidates;
        std::vector<double> weights, external, mass, candidate_gain;
        std::vector<double> ms(stride);
        NeighbourWeights acc;
#pragma omp for schedule(dynamic, 16)
        for (std::int32_t s = 0; s < k; ++s) {
            const auto members = groups.of(s);
            const std::size_t m = members.size();
            if (m < 2) continue;
            std::size_t arcs = 0;
            for (std::size_t i = 0; i < m; ++i) {
                std::atomic_ref(local[static_cast<std::size_t>(members[i])])
                    .store(static_cast<std::int32_t>(i), std::memory_order_relaxed);
                arcs += static_cast<std::size_t>(g.end(members[i]) - g.begin(members[i]));
            }
            offsets.resize(m + 1);
            offsets[0] = 0;
            if (targets.size() < arcs) {  // grows only: shrinking then growing would zero it again
                targets.resize(arcs);
                weights.resize(arcs);
            }
            external.resize(m);
            mass.resize(m * stride);
            std::fill(ms.begin(), ms.end(), 0.0);
            std::size_t kept = 0;
            for (std::size_t i = 0; i < m; ++i) {
                const std::int32_t v = members[i];
                double inside = 0;
                // Every arc is written and only those inside S kept: no branch to guess. (The
                // number of a node outside S, which another thread may be writing, is read and
                // dropped: hence the atomic read.)
                for (auto e = g.begin(v); e < g.end(v); ++e) {
                    const auto t = static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)]);
                    const bool in_s = coarse[t] == s;
                    const double w = g.weight(e);
                    targets[kept] = std::atomic_ref(local[t]).load(std::memory_order_relaxed);
                    weights[kept] = w;
                    kept += in_s;
                    inside += in_s ? w : 0.0;
                }
                offsets[i + 1] = static_cast<std::int64_t>(kept);
                external[i] = inside;
                for (std::size_t j = 0; j < stride; ++j) mass[i * stride + j] = g.mass_of(v)[j];
                add_masses(ms.data(), g.mass_of(v), stride);
            }
            label.resize(m);
            std::iota(label.begin(), label.end(), 0);
            size.assign(m, 1);
            if (acc.weight.size() < m) acc = NeighbourWeights(std::max(m, std::min(n, 2 * acc.weight.size())));
            Rng rng(seed, static_cast<std::uint64_t>(s));
            order = label;
            shuffle(order, rng);
            for (const auto v : order) {
                const auto vi = static_cast<std::size_t>(v);
                if (size[static_cast<std::size_t>(label[vi])] != 1) continue;  // no longer alone
                const double* mv = mass.data() + vi * stride;
                if (external[vi] < g.expected_apart(mv, ms.data())) continue;  // not well connected to S
                for (auto e = offsets[vi]; e < offsets[vi + 1]; ++e)
                    acc.add(label[static_cast<std::size_t>(targets[static_cast<std::size_t>(e)])],
                            weights[static_cast<std::size_t>(e)]);
                candidates.assign(1, v);  // staying alone: gain 0
                candidate_gain.assign(1, 0.0);
                double best = 0;
                for (const auto c : acc.touched()) {
                    const auto ci = static_cast<std::size_t>(c);
                    if (c == v) continue;
                    // C must be well connected to the rest of S, and the move must not lower the quality.
                    const double* mc = mass.data() + ci * stride;
                    if (external[ci] < g.expected_apart(mc, ms.data())) continue;
                    const double gain = acc.weight[ci] - g.expected(mv, mc);
                    if (gain < 0) continue;
                    candidates.push_back(c);
                    candidate_gain.push_back(gain);
                    best = std::max(best, gain);
                }
                std::int32_t chosen = candidates[0];
                if (candidates.size() > 1) {
                    // exp((gain - best) / theta), so that the largest term is 1; a term below
                    // e^-40 would change the sum by less than 1e-17 of it, and is left out.
                    double total = 0;
                    for (auto& x : candidate_gain) {
                        const double z = (x - best) / (g.unit * theta);
                        total += (x = z < -40 ? 0.0 : std::exp(z));
                    }
                    double pick = rng.uniform() * total;
                    for (std::size_t j = 0; j < candidates.size(); ++j) {
                        if (candidate_gain[j] == 0) continue;
                        chosen = candidates[j];  // the last one with a term, should rounding leave pick >= 0
                        pick -= candidate_gain[j];
                        if (pick < 0) break;
                    }
                }
                if (chosen != v) {
                    const auto ci = static_cast<std::size_t>(chosen);
                    external[ci] += external[vi] - 2 * acc.weight[ci];  // v's arcs to C are now inside
                    add_masses(mass.data() + ci * stride, mv, stride);
                    ++size[ci];
                    size[vi] = 0;
                    label[vi] = chosen;
                }
                acc.clear();
            }
            for (std::size_t i = 0; i < m; ++i)
                refined[static_cast<std::size_t>(members[i])] = members[static_cast<std::size_t>(label[i])];
        }
    }
    return refined;
}

inline std::vector<std::int32_t> initial_membership(const Graph& g, const std::vector<std::int32_t>& given) {
    if (given.empty()) {
        std::vector<std::int32_t> m(static_cast<std::size_t>(g.num_nodes()));
        std::iota(m.begin(), m.end(), 0);
        return m;
    }
    check_membership(g, given, "initial_membership");
    std::vector<std::int32_t> m(given);
    renumber(m);
    return m;
}

}  // namespace detail::community
}  // namespace essnet
