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
// graph (each node's or community's list is made by one thread, then concatenated in order), and
// the refinement (each community of the coarse partition is refined on its own, with its own
// random stream).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/community/partition.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/core/parallel.hpp"
#include "essnet/generate/random.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

/// The function a community algorithm maximises.
enum class QualityFunction {
    modularity,  ///< Newman & Girvan (2004) with a resolution (Reichardt & Bornholdt 2006); Leicht & Newman (2008) when directed
    cpm,         ///< Constant Potts Model (Traag, Van Dooren & Nesterov 2011): arcs inside minus resolution x node pairs
};

namespace detail::community {

// Symmetrised weighted graph: node u's list holds each other node v once with s_uv; loop[v] holds
// the weight of v's own arcs (times c_l); masses are stored node-major, `layers` per node.
struct WeightedGraph {
    std::int32_t n = 0;
    std::int32_t layers = 1;
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int32_t> targets;
    std::vector<double> weights;
    std::vector<double> loop, a, b;
    std::vector<double> kappa;  // per layer
    double unit = 1;            // what one edge of weight 1 adds to s(v, C): 2 when undirected (both arcs)

    std::int64_t begin(std::int32_t v) const { return offsets[static_cast<std::size_t>(v)]; }
    std::int64_t end(std::int32_t v) const { return offsets[static_cast<std::size_t>(v) + 1]; }
    const double* a_of(std::int32_t v) const { return a.data() + static_cast<std::size_t>(v) * static_cast<std::size_t>(layers); }
    const double* b_of(std::int32_t v) const { return b.data() + static_cast<std::size_t>(v) * static_cast<std::size_t>(layers); }

    // kappa-weighted products of masses: x with y, and x with y less x (x taken out of y).
    double expected(const double* xa, const double* xb, const double* ya, const double* yb) const {
        double e = 0;
        for (std::int32_t l = 0; l < layers; ++l) e += kappa[static_cast<std::size_t>(l)] * (xa[l] * yb[l] + xb[l] * ya[l]);
        return e;
    }
    double expected_apart(const double* xa, const double* xb, const double* ya, const double* yb) const {
        double e = 0;
        for (std::int32_t l = 0; l < layers; ++l)
            e += kappa[static_cast<std::size_t>(l)] * (xa[l] * (yb[l] - xb[l]) + xb[l] * (ya[l] - xa[l]));
        return e;
    }
};

// Dense scratch map from community id to accumulated weight, cleared in time proportional to the
// entries touched.
struct NeighbourWeights {
    std::vector<double> weight;
    std::vector<std::int32_t> touched;
    std::vector<std::uint8_t> seen;
    explicit NeighbourWeights(std::size_t n = 0) : weight(n, 0.0), seen(n, 0) {}
    void add(std::int32_t c, double w) {
        const auto ci = static_cast<std::size_t>(c);
        if (!seen[ci]) {
            seen[ci] = 1;
            touched.push_back(c);
        }
        weight[ci] += w;
    }
    void clear() {
        for (const auto c : touched) {
            weight[static_cast<std::size_t>(c)] = 0;
            seen[static_cast<std::size_t>(c)] = 0;
        }
        touched.clear();
    }
};

// Builds a CSR of `count` rows in parallel: fill(row, acc) gathers the row's entries into acc (kept
// in first-seen order) and sets per-row values; most_entries(row) bounds the row's length. Each
// thread makes a block of rows into its own buffers, which are then concatenated in row order, so
// the result is the same for any thread count.
template <class Fill, class Bound>
void build_rows(std::int32_t count, std::size_t scratch, WeightedGraph& h, Fill&& fill, Bound&& most_entries) {
    const int threads = std::max(1, std::min(thread_count(), static_cast<int>(count / 1024) + 1));
    std::vector<std::vector<std::int32_t>> block_targets(static_cast<std::size_t>(threads));
    std::vector<std::vector<double>> block_weights(static_cast<std::size_t>(threads));
    h.offsets.assign(static_cast<std::size_t>(count) + 1, 0);
#pragma omp parallel num_threads(threads)
    {
        // Blocks by the team actually running (a nested region may get fewer threads than asked).
        const int t = thread_id(), team = team_size();
        const auto lo = static_cast<std::int32_t>(static_cast<std::int64_t>(count) * t / team);
        const auto hi = static_cast<std::int32_t>(static_cast<std::int64_t>(count) * (t + 1) / team);
        NeighbourWeights acc(scratch);
        auto& targets = block_targets[static_cast<std::size_t>(t)];
        auto& weights = block_weights[static_cast<std::size_t>(t)];
        // Room for the most entries the block can have, so the buffers never grow by copying.
        std::int64_t room = 0;
        for (std::int32_t r = lo; r < hi; ++r) room += most_entries(r);
        targets.reserve(static_cast<std::size_t>(room));
        weights.reserve(static_cast<std::size_t>(room));
        for (std::int32_t r = lo; r < hi; ++r) {
            fill(r, acc);
            for (const auto c : acc.touched) {
                targets.push_back(c);
                weights.push_back(acc.weight[static_cast<std::size_t>(c)]);
            }
            h.offsets[static_cast<std::size_t>(r) + 1] = static_cast<std::int64_t>(acc.touched.size());
            acc.clear();
        }
    }
    for (std::size_t r = 0; r < static_cast<std::size_t>(count); ++r) h.offsets[r + 1] += h.offsets[r];
    h.targets.clear();
    h.weights.clear();
    h.targets.reserve(static_cast<std::size_t>(h.offsets.back()));
    h.weights.reserve(static_cast<std::size_t>(h.offsets.back()));
    for (int t = 0; t < threads; ++t) {  // each block is freed once copied: the peak stays near 1.5 x the result
        auto& bt = block_targets[static_cast<std::size_t>(t)];
        auto& bw = block_weights[static_cast<std::size_t>(t)];
        h.targets.insert(h.targets.end(), bt.begin(), bt.end());
        h.weights.insert(h.weights.end(), bw.begin(), bw.end());
        std::vector<std::int32_t>().swap(bt);
        std::vector<double>().swap(bw);
    }
}

inline void check_weights(const Graph& g, bool weighted) {
    if (!weighted) return;
    for (const double w : g.weights())
        if (!(w >= 0) || std::isinf(w))
            throw std::invalid_argument("community detection needs finite, non-negative edge weights, got " + std::to_string(w));
}

// The level-0 graph of one or more layers on the same nodes, layer l scaled by coefficient[l]
// (parallel arcs summed, self-loops apart).
inline WeightedGraph from_layers(const std::vector<const Graph*>& layers, const std::vector<double>& coefficient,
                                 QualityFunction quality, double resolution, bool use_weights) {
    WeightedGraph h;
    h.n = layers.front()->num_nodes();
    h.layers = static_cast<std::int32_t>(layers.size());
    const auto n = static_cast<std::size_t>(h.n);
    const auto L = static_cast<std::size_t>(h.layers);
    h.loop.assign(n, 0.0);
    h.a.assign(n * L, 0.0);
    h.b.assign(n * L, 0.0);
    h.unit = layers.front()->directed() ? 1.0 : 2.0;
    for (const Graph* g : layers) check_weights(*g, use_weights && g->weighted());
    build_rows(h.n, n, h, [&](std::int32_t u, NeighbourWeights& acc) {
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
                    (out ? h.a : h.b)[ui * L + l] += w;
                    if (nbrs[k] == u) {
                        if (out) h.loop[ui] += c * w;
                    } else {
                        acc.add(nbrs[k], c * w * (out ? twice : 1.0));
                    }
                }
            };
            visit(g.out_neighbors(u), g.out_edges(u), true);
            if (g.directed())
                visit(g.in_neighbors(u), g.in_edges(u), false);
            else
                h.b[ui * L + l] = h.a[ui * L + l];
        }
    }, [&](std::int32_t u) {
        std::int64_t most = 0;
        for (const Graph* g : layers) most += g->out_degree(u) + (g->directed() ? g->in_degree(u) : 0);
        return most;
    });
    h.kappa.assign(L, 0.0);
    for (std::size_t l = 0; l < L; ++l) {
        double total = 0;
        for (std::size_t v = 0; v < n; ++v) total += h.a[v * L + l];
        if (quality == QualityFunction::modularity)
            h.kappa[l] = total > 0 ? coefficient[l] * resolution / total : 0.0;
        else
            h.kappa[l] = coefficient[l] * resolution;
    }
    if (quality == QualityFunction::cpm) {
        std::fill(h.a.begin(), h.a.end(), 1.0);
        std::fill(h.b.begin(), h.b.end(), 1.0);
    }
    return h;
}

inline WeightedGraph from_graph(const Graph& g, QualityFunction quality, double resolution, bool use_weights) {
    return from_layers({&g}, {1.0}, quality, resolution, use_weights);
}

// Nodes grouped by community: members[start[c] .. start[c + 1]) in increasing node order.
struct Groups {
    std::vector<std::int32_t> start, members;
    Groups(const std::vector<std::int32_t>& membership, std::int32_t k) : start(static_cast<std::size_t>(k) + 1, 0), members(membership.size()) {
        for (const auto c : membership) ++start[static_cast<std::size_t>(c) + 1];
        for (std::size_t c = 0; c < static_cast<std::size_t>(k); ++c) start[c + 1] += start[c];
        auto next = start;
        for (std::size_t v = 0; v < membership.size(); ++v)
            members[static_cast<std::size_t>(next[static_cast<std::size_t>(membership[v])]++)] = static_cast<std::int32_t>(v);
    }
    std::span<const std::int32_t> of(std::int32_t c) const {
        return {members.data() + start[static_cast<std::size_t>(c)], members.data() + start[static_cast<std::size_t>(c) + 1]};
    }
};

// The graph whose nodes are the communities of `membership` (k of them): arcs between
// communities summed, arcs inside a community become its loop, masses added up.
inline WeightedGraph aggregate(const WeightedGraph& g, const std::vector<std::int32_t>& membership, std::int32_t k) {
    WeightedGraph h;
    h.n = k;
    h.layers = g.layers;
    h.kappa = g.kappa;
    h.unit = g.unit;
    const auto kk = static_cast<std::size_t>(k);
    const auto L = static_cast<std::size_t>(g.layers);
    h.loop.assign(kk, 0.0);
    h.a.assign(kk * L, 0.0);
    h.b.assign(kk * L, 0.0);
    const Groups groups(membership, k);
    build_rows(k, kk, h, [&](std::int32_t c, NeighbourWeights& acc) {
        const auto ci = static_cast<std::size_t>(c);
        for (const auto v : groups.of(c)) {
            const auto vi = static_cast<std::size_t>(v);
            h.loop[ci] += g.loop[vi];
            for (std::size_t l = 0; l < L; ++l) {
                h.a[ci * L + l] += g.a[vi * L + l];
                h.b[ci * L + l] += g.b[vi * L + l];
            }
            for (auto e = g.begin(v); e < g.end(v); ++e) {
                const auto d = membership[static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)])];
                const double w = g.weights[static_cast<std::size_t>(e)];
                if (d == c)
                    h.loop[ci] += w / 2;  // s_uv is seen from u and from v
                else
                    acc.add(d, w);
            }
        }
    }, [&](std::int32_t c) {
        std::int64_t most = 0;
        for (const auto v : groups.of(c)) most += g.end(v) - g.begin(v);
        return std::min<std::int64_t>(most, k);
    });
    return h;
}

// A partition of a WeightedGraph with the masses and sizes of its communities.
struct State {
    std::int32_t layers;
    std::vector<std::int32_t> community;
    std::vector<double> mass_a, mass_b;
    std::vector<std::int32_t> size;
    std::vector<std::int32_t> empty;  // ids of empty communities, reused for moves to a new community

    State(const WeightedGraph& g, std::vector<std::int32_t> initial) : layers(g.layers), community(std::move(initial)) {
        const auto n = static_cast<std::size_t>(g.n);
        const auto L = static_cast<std::size_t>(layers);
        mass_a.assign(n * L, 0.0);
        mass_b.assign(n * L, 0.0);
        size.assign(n, 0);
        for (std::size_t v = 0; v < n; ++v) {
            const auto c = static_cast<std::size_t>(community[v]);
            for (std::size_t l = 0; l < L; ++l) {
                mass_a[c * L + l] += g.a[v * L + l];
                mass_b[c * L + l] += g.b[v * L + l];
            }
            ++size[c];
        }
        for (auto c = static_cast<std::int32_t>(n); c-- > 0;)
            if (size[static_cast<std::size_t>(c)] == 0) empty.push_back(c);
    }
    const double* a_of(std::int32_t c) const { return mass_a.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(layers); }
    const double* b_of(std::int32_t c) const { return mass_b.data() + static_cast<std::size_t>(c) * static_cast<std::size_t>(layers); }

    void move(const WeightedGraph& g, std::int32_t v, std::int32_t to) {
        const auto vi = static_cast<std::size_t>(v);
        const auto L = static_cast<std::size_t>(layers);
        const auto from = static_cast<std::size_t>(community[vi]);
        const auto ti = static_cast<std::size_t>(to);
        for (std::size_t l = 0; l < L; ++l) {
            mass_a[from * L + l] -= g.a[vi * L + l];
            mass_b[from * L + l] -= g.b[vi * L + l];
            mass_a[ti * L + l] += g.a[vi * L + l];
            mass_b[ti * L + l] += g.b[vi * L + l];
        }
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
inline std::int32_t best_community(const WeightedGraph& g, const State& st, std::int32_t v, const NeighbourWeights& acc) {
    const auto vi = static_cast<std::size_t>(v);
    const std::int32_t own = st.community[vi];
    const auto oi = static_cast<std::size_t>(own);
    const double* av = g.a_of(v);
    const double* bv = g.b_of(v);
    const double stay = (acc.seen[oi] ? acc.weight[oi] : 0.0) - g.expected_apart(av, bv, st.a_of(own), st.b_of(own));
    double best_gain = stay;
    std::int32_t best = own;
    for (const auto c : acc.touched) {
        if (c == own) continue;
        const double gain = acc.weight[static_cast<std::size_t>(c)] - g.expected(av, bv, st.a_of(c), st.b_of(c));
        if (gain > best_gain) {
            best_gain = gain;
            best = c;
        }
    }
    // Alone in a new community: gain 0 (only better when v's own community is not a singleton).
    if (best_gain < 0 && st.size[oi] > 1 && !st.empty.empty()) best = st.empty.back();
    return best;
}

inline void gather(const WeightedGraph& g, const std::vector<std::int32_t>& community, std::int32_t v, NeighbourWeights& acc) {
    for (auto e = g.begin(v); e < g.end(v); ++e)
        acc.add(community[static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)])], g.weights[static_cast<std::size_t>(e)]);
}

template <class T>
void shuffle(std::vector<T>& items, Rng& rng) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng.below(i)]);
}

inline std::vector<std::int32_t> random_order(std::int32_t n, Rng& rng) {
    std::vector<std::int32_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    shuffle(order, rng);
    return order;
}

// Moves nodes in batches: each node of a batch finds its best move in parallel against the
// partition as the batch began; the moves are then made one by one in batch order. A node none of
// whose neighbours moved earlier in the batch keeps its proposal if it still beats staying with
// the community totals of now (its weights to each community are unchanged); otherwise it is
// evaluated afresh. The batches depend only on the order of the nodes, never on the threads, so
// the partition is the same for any thread count.
class BatchMover {
public:
    BatchMover(const WeightedGraph& g, NeighbourWeights& acc) : g_(g), acc_(acc), dirty_(static_cast<std::size_t>(g.n), -1) {
        batch_size_ = std::clamp<std::size_t>(static_cast<std::size_t>(g.n) / 256, 1, 1024);
        proposals_.resize(batch_size_);
        threads_ = thread_count();
        for (int t = 1; t < threads_; ++t) scratch_.emplace_back(static_cast<std::size_t>(g.n));
    }
    std::size_t batch_size() const { return batch_size_; }

    // Moves the nodes of `batch` (at most batch_size()) in order; calls moved(v, to) after each move.
    template <class Moved>
    void run(State& st, std::span<const std::int32_t> batch, Moved&& moved) {
        ++round_;
        const auto b = static_cast<std::int64_t>(batch.size());
        if (b > 1 && threads_ > 1) {
#pragma omp parallel for schedule(static) num_threads(threads_)
            for (std::int64_t i = 0; i < b; ++i) {
                const int t = thread_id();
                propose(st, batch, static_cast<std::size_t>(i), t == 0 ? acc_ : scratch_[static_cast<std::size_t>(t) - 1]);
            }
        } else {
            for (std::int64_t i = 0; i < b; ++i) propose(st, batch, static_cast<std::size_t>(i), acc_);
        }
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const std::int32_t v = batch[i];
            const auto vi = static_cast<std::size_t>(v);
            const std::int32_t own = st.community[vi];
            std::int32_t to = own;
            const Proposal& p = proposals_[i];
            if (dirty_[vi] == round_) {  // a neighbour moved in this batch: evaluate afresh
                gather(g_, st.community, v, acc_);
                to = best_community(g_, st, v, acc_);
                acc_.clear();
            } else if (p.to != own) {
                const double* av = g_.a_of(v);
                const double* bv = g_.b_of(v);
                const double stay = p.weight_own - g_.expected_apart(av, bv, st.a_of(own), st.b_of(own));
                if (p.to < 0) {  // alone in a new community gains 0
                    if (stay < 0 && st.size[static_cast<std::size_t>(own)] > 1 && !st.empty.empty()) to = st.empty.back();
                } else if (p.weight_to - g_.expected(av, bv, st.a_of(p.to), st.b_of(p.to)) > stay) {
                    to = p.to;
                }
            }
            if (to == own) continue;
            st.move(g_, v, to);
            for (auto e = g_.begin(v); e < g_.end(v); ++e) dirty_[static_cast<std::size_t>(g_.targets[static_cast<std::size_t>(e)])] = round_;
            moved(v, to);
        }
    }

private:
    struct Proposal {
        std::int32_t to;  // -1: a new (empty) community
        double weight_to, weight_own;
    };
    void propose(const State& st, std::span<const std::int32_t> batch, std::size_t i, NeighbourWeights& mine) {
        const std::int32_t v = batch[i];
        const std::int32_t own = st.community[static_cast<std::size_t>(v)];
        gather(g_, st.community, v, mine);
        const std::int32_t to = best_community(g_, st, v, mine);
        const auto weight = [&](std::int32_t c) {
            return mine.seen[static_cast<std::size_t>(c)] ? mine.weight[static_cast<std::size_t>(c)] : 0.0;
        };
        proposals_[i] = {to != own && st.size[static_cast<std::size_t>(to)] == 0 ? -1 : to, to == own ? 0.0 : weight(to), weight(own)};
        mine.clear();
    }

    const WeightedGraph& g_;
    NeighbourWeights& acc_;
    std::vector<NeighbourWeights> scratch_;  // for threads other than the first
    std::vector<std::int64_t> dirty_;        // the batch in which a neighbour of the node last moved
    std::vector<Proposal> proposals_;
    std::size_t batch_size_ = 1;
    std::int64_t round_ = 0;
    int threads_ = 1;
};

// Leiden's fast local moving (Traag, Waltman & van Eck 2019, Algorithm A.2): nodes wait in a queue
// in random order; a node that moves puts its neighbours outside its new community back in the
// queue. The queue is served in batches (BatchMover). Returns whether any node moved.
inline bool move_nodes_fast(const WeightedGraph& g, State& st, Rng& rng, NeighbourWeights& acc) {
    const auto n = static_cast<std::size_t>(g.n);
    std::vector<std::int32_t> queue = random_order(g.n, rng);
    std::vector<std::uint8_t> queued(n, 1);
    BatchMover mover(g, acc);
    std::vector<std::int32_t> batch;
    std::size_t head = 0, count = n;
    bool moved = false;
    while (count > 0) {
        // The next nodes of the ring buffer (each node is in it at most once at a time); they stay
        // marked as queued until their turn, as they would be when served one by one.
        batch.clear();
        while (batch.size() < mover.batch_size() && count > 0) {
            batch.push_back(queue[head]);
            head = head + 1 == n ? 0 : head + 1;
            --count;
        }
        std::size_t served = 0;
        mover.run(st, batch, [&](std::int32_t v, std::int32_t to) {
            moved = true;
            for (; batch[served] != v; ++served) queued[static_cast<std::size_t>(batch[served])] = 0;
            queued[static_cast<std::size_t>(v)] = 0;
            for (auto e = g.begin(v); e < g.end(v); ++e) {
                const auto u = g.targets[static_cast<std::size_t>(e)];
                const auto ui = static_cast<std::size_t>(u);
                if (!queued[ui] && st.community[ui] != to) {
                    queued[ui] = 1;
                    queue[(head + count) % n] = u;
                    ++count;
                }
            }
        });
        for (const auto v : batch) queued[static_cast<std::size_t>(v)] = 0;
    }
    return moved;
}

// Louvain's local moving (Blondel et al. 2008): sweeps over the nodes in one random order until a
// sweep moves nothing, each sweep served in batches (BatchMover). Returns whether any node moved.
inline bool move_nodes_sweeps(const WeightedGraph& g, State& st, Rng& rng, NeighbourWeights& acc) {
    const auto order = random_order(g.n, rng);
    BatchMover mover(g, acc);
    bool moved_any = false;
    for (bool moved = true; moved;) {
        moved = false;
        for (std::size_t begin = 0; begin < order.size(); begin += mover.batch_size()) {
            const std::size_t end = std::min(order.size(), begin + mover.batch_size());
            mover.run(st, std::span<const std::int32_t>(order.data() + begin, end - begin),
                      [&](std::int32_t, std::int32_t) { moved = moved_any = true; });
        }
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
// depend on the thread count.
inline std::vector<std::int32_t> refine(const WeightedGraph& g, const std::vector<std::int32_t>& coarse, std::int32_t k,
                                        double theta, std::uint64_t seed) {
    const auto n = static_cast<std::size_t>(g.n);
    const auto L = static_cast<std::size_t>(g.layers);
    std::vector<std::int32_t> refined(n);
    std::iota(refined.begin(), refined.end(), 0);
    // Refined communities are named after a node of theirs: their masses, sizes and weights to
    // the rest of their coarse community live at that node's index.
    std::vector<double> ra(g.a), rb(g.b), external(n, 0.0);
    std::vector<std::int32_t> size(n, 1);
    std::vector<double> sa(static_cast<std::size_t>(k) * L, 0.0), sb(static_cast<std::size_t>(k) * L, 0.0);
    for (std::size_t v = 0; v < n; ++v) {
        const auto s = static_cast<std::size_t>(coarse[v]);
        for (std::size_t l = 0; l < L; ++l) {
            sa[s * L + l] += g.a[v * L + l];
            sb[s * L + l] += g.b[v * L + l];
        }
    }
#pragma omp parallel for schedule(static)
    for (std::int64_t v = 0; v < static_cast<std::int64_t>(n); ++v) {
        const auto vi = static_cast<std::size_t>(v);
        for (auto e = g.begin(static_cast<std::int32_t>(v)); e < g.end(static_cast<std::int32_t>(v)); ++e)
            if (coarse[static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)])] == coarse[vi])
                external[vi] += g.weights[static_cast<std::size_t>(e)];
    }
    const Groups groups(coarse, k);
    const int threads = thread_count();
#pragma omp parallel num_threads(threads)
    {
        NeighbourWeights acc(n);
        std::vector<double> candidate_gain;
        std::vector<std::int32_t> candidates, order;
#pragma omp for schedule(dynamic, 16)
        for (std::int32_t s = 0; s < k; ++s) {
            const auto members = groups.of(s);
            if (members.size() < 2) continue;
            Rng rng(seed, static_cast<std::uint64_t>(s));
            order.assign(members.begin(), members.end());
            shuffle(order, rng);
            const double* s_a = sa.data() + static_cast<std::size_t>(s) * L;
            const double* s_b = sb.data() + static_cast<std::size_t>(s) * L;
            for (const auto v : order) {
                const auto vi = static_cast<std::size_t>(v);
                if (size[static_cast<std::size_t>(refined[vi])] != 1) continue;  // no longer alone
                const double* av = g.a_of(v);
                const double* bv = g.b_of(v);
                if (external[vi] < g.expected_apart(av, bv, s_a, s_b)) continue;  // not well connected to S
                for (auto e = g.begin(v); e < g.end(v); ++e) {
                    const auto u = static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)]);
                    if (coarse[u] == s) acc.add(refined[u], g.weights[static_cast<std::size_t>(e)]);
                }
                candidates.assign(1, refined[vi]);  // staying alone: gain 0
                candidate_gain.assign(1, 0.0);
                double best = 0;
                for (const auto c : acc.touched) {
                    const auto ci = static_cast<std::size_t>(c);
                    if (c == refined[vi]) continue;
                    // C must be well connected to the rest of S, and the move must not lower the quality.
                    const double* ca = ra.data() + ci * L;
                    const double* cb = rb.data() + ci * L;
                    if (external[ci] < g.expected_apart(ca, cb, s_a, s_b)) continue;
                    const double gain = acc.weight[ci] - g.expected(av, bv, ca, cb);
                    if (gain < 0) continue;
                    candidates.push_back(c);
                    candidate_gain.push_back(gain);
                    best = std::max(best, gain);
                }
                std::int32_t chosen = candidates[0];
                if (candidates.size() > 1) {
                    // exp((gain - best) / theta), so that the largest term is 1.
                    double total = 0;
                    for (auto& x : candidate_gain) total += (x = std::exp((x - best) / (g.unit * theta)));
                    double pick = rng.uniform() * total;
                    chosen = candidates.back();
                    for (std::size_t i = 0; i < candidates.size(); ++i) {
                        pick -= candidate_gain[i];
                        if (pick < 0) {
                            chosen = candidates[i];
                            break;
                        }
                    }
                }
                if (chosen != refined[vi]) {
                    const auto ci = static_cast<std::size_t>(chosen);
                    external[ci] += external[vi] - 2 * acc.weight[ci];  // v's arcs to C are now inside
                    for (std::size_t l = 0; l < L; ++l) {
                        ra[ci * L + l] += av[l];
                        rb[ci * L + l] += bv[l];
                    }
                    ++size[ci];
                    size[vi] = 0;
                    refined[vi] = chosen;
                }
                acc.clear();
            }
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
