// The machinery shared by Leiden and Louvain: a weighted graph that can be aggregated, a quality
// function written so that modularity (undirected and directed) and CPM share one formula, local
// moving (queue-based, as Leiden; sweep-based, as Louvain), Leiden's refinement and aggregation.
//
// Every graph is handled as directed: an undirected edge {u, v} of weight w is the arcs u->v and
// v->u, an undirected self-loop the arc v->v of weight 2w (the adjacency-matrix convention). Node v
// has two "masses" a_v and b_v and a community C the sums A_C and B_C; the quality, in units of
// arc weight, is
//     H = sum over C of [ W_C - kappa * A_C * B_C ],    W_C = sum of A_uv over u, v in C,
// modularity:  a = out-strength, b = in-strength, kappa = resolution / M  (M: total arc weight),
//              H / M is Newman's modularity (Leicht & Newman 2008 when directed);
// CPM:         a = b = node size (1 per original node), kappa = resolution,
//              H counts arcs inside minus resolution * ordered pairs (n_C^2 terms).
// Moving a node v that sits alone into C changes H by
//     gain(v, C) = s(v, C) - kappa * (a_v B_C + b_v A_C),   s(v, C) = sum over u in C of A_vu + A_uv.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/community/partition.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/generate/random.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

/// The function a community algorithm maximises.
enum class QualityFunction {
    modularity,  ///< Newman & Girvan (2004) with a resolution (Reichardt & Bornholdt 2006); Leicht & Newman (2008) when directed
    cpm,         ///< Constant Potts Model (Traag, Van Dooren & Nesterov 2011): arcs inside minus resolution x node pairs
};

namespace detail::community {

// Symmetrised weighted graph: node u's list holds each other node v once with s_uv = A_uv + A_vu;
// loop[v] = A_vv; a, b are the masses above.
struct WeightedGraph {
    std::int32_t n = 0;
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int32_t> targets;
    std::vector<double> weights;
    std::vector<double> loop, a, b;
    double total = 0;  // M: the sum of all A_uv
    double unit = 1;   // what one edge of weight 1 adds to s(v, C): 2 when undirected (both arcs)

    std::int64_t begin(std::int32_t v) const { return offsets[static_cast<std::size_t>(v)]; }
    std::int64_t end(std::int32_t v) const { return offsets[static_cast<std::size_t>(v) + 1]; }
};

// Dense scratch map from community id to accumulated weight, cleared in time proportional to the
// entries touched.
struct NeighbourWeights {
    std::vector<double> weight;
    std::vector<std::int32_t> touched;
    std::vector<std::uint8_t> seen;
    explicit NeighbourWeights(std::size_t n = 0) : weight(n, 0.0), seen(n, 0) {}
    void resize(std::size_t n) {
        if (weight.size() < n) {
            weight.resize(n, 0.0);
            seen.resize(n, 0);
        }
    }
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

inline void check_weights(const Graph& g, bool weighted) {
    if (!weighted) return;
    for (const double w : g.weights())
        if (!(w >= 0) || std::isinf(w))
            throw std::invalid_argument("community detection needs finite, non-negative edge weights, got " + std::to_string(w));
}

// The level-0 graph of an essnet Graph (parallel arcs summed, self-loops apart).
inline WeightedGraph from_graph(const Graph& g, QualityFunction quality, bool weighted) {
    check_weights(g, weighted);
    WeightedGraph h;
    h.n = g.num_nodes();
    const auto n = static_cast<std::size_t>(h.n);
    h.offsets.assign(n + 1, 0);
    h.loop.assign(n, 0.0);
    h.a.assign(n, 0.0);
    h.b.assign(n, 0.0);
    std::vector<std::vector<std::pair<std::int32_t, double>>> lists(n);
    NeighbourWeights acc(n);
    for (node_id u = 0; u < h.n; ++u) {
        const auto ui = static_cast<std::size_t>(u);
        // Out-arcs give A_uv, in-arcs A_vu (an undirected graph's arcs already come in both directions).
        auto visit = [&](std::span<const node_id> nbrs, std::span<const edge_id> edges, bool out) {
            for (std::size_t k = 0; k < nbrs.size(); ++k) {
                const double w = weighted ? g.weight(edges[k]) : 1.0;
                if (out) h.a[ui] += w; else h.b[ui] += w;
                if (nbrs[k] == u) {
                    if (out) h.loop[ui] += w;
                } else {
                    acc.add(nbrs[k], w);
                }
            }
        };
        visit(g.out_neighbors(u), g.out_edges(u), true);
        if (g.directed()) {
            visit(g.in_neighbors(u), g.in_edges(u), false);
        } else {  // A_vu = A_uv: count the out-arcs again
            h.b[ui] = h.a[ui];
            for (const auto v : acc.touched) acc.weight[static_cast<std::size_t>(v)] *= 2;
        }
        auto& list = lists[ui];
        for (const auto v : acc.touched) list.emplace_back(v, acc.weight[static_cast<std::size_t>(v)]);
        acc.clear();
        h.offsets[ui + 1] = h.offsets[ui] + static_cast<std::int64_t>(list.size());
    }
    h.targets.resize(static_cast<std::size_t>(h.offsets[n]));
    h.weights.resize(h.targets.size());
    for (std::size_t u = 0; u < n; ++u) {
        auto k = static_cast<std::size_t>(h.offsets[u]);
        for (const auto& [v, w] : lists[u]) {
            h.targets[k] = v;
            h.weights[k++] = w;
        }
    }
    h.total = std::accumulate(h.a.begin(), h.a.end(), 0.0);
    h.unit = g.directed() ? 1.0 : 2.0;
    if (quality == QualityFunction::cpm) {
        std::fill(h.a.begin(), h.a.end(), 1.0);
        std::fill(h.b.begin(), h.b.end(), 1.0);
    }
    return h;
}

// The graph whose nodes are the communities of `membership` (k of them): arcs between
// communities summed, arcs inside a community become its loop, masses added up.
inline WeightedGraph aggregate(const WeightedGraph& g, const std::vector<std::int32_t>& membership, std::int32_t k) {
    WeightedGraph h;
    h.n = k;
    h.total = g.total;
    h.unit = g.unit;
    const auto kk = static_cast<std::size_t>(k);
    h.loop.assign(kk, 0.0);
    h.a.assign(kk, 0.0);
    h.b.assign(kk, 0.0);
    std::vector<std::int32_t> start(kk + 1, 0), members(static_cast<std::size_t>(g.n));
    for (std::int32_t v = 0; v < g.n; ++v) ++start[static_cast<std::size_t>(membership[static_cast<std::size_t>(v)]) + 1];
    for (std::size_t c = 0; c < kk; ++c) start[c + 1] += start[c];
    {
        auto next = start;
        for (std::int32_t v = 0; v < g.n; ++v) members[static_cast<std::size_t>(next[static_cast<std::size_t>(membership[static_cast<std::size_t>(v)])]++)] = v;
    }
    h.offsets.assign(kk + 1, 0);
    NeighbourWeights acc(kk);
    for (std::size_t c = 0; c < kk; ++c) {
        for (auto i = start[c]; i < start[c + 1]; ++i) {
            const std::int32_t v = members[static_cast<std::size_t>(i)];
            const auto vi = static_cast<std::size_t>(v);
            h.loop[c] += g.loop[vi];
            h.a[c] += g.a[vi];
            h.b[c] += g.b[vi];
            for (auto e = g.begin(v); e < g.end(v); ++e) {
                const auto d = membership[static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)])];
                const double w = g.weights[static_cast<std::size_t>(e)];
                if (static_cast<std::size_t>(d) == c)
                    h.loop[c] += w / 2;  // s_uv is seen from u and from v
                else
                    acc.add(d, w);
            }
        }
        for (const auto d : acc.touched) {
            h.targets.push_back(d);
            h.weights.push_back(acc.weight[static_cast<std::size_t>(d)]);
        }
        acc.clear();
        h.offsets[c + 1] = static_cast<std::int64_t>(h.targets.size());
    }
    return h;
}

// A partition of a WeightedGraph with the sums A_C, B_C and sizes of its communities.
struct State {
    std::vector<std::int32_t> community;
    std::vector<double> mass_a, mass_b;
    std::vector<std::int32_t> size;
    std::vector<std::int32_t> empty;  // ids of empty communities, reused for moves to a new community

    State(const WeightedGraph& g, std::vector<std::int32_t> initial) : community(std::move(initial)) {
        const auto n = static_cast<std::size_t>(g.n);
        mass_a.assign(n, 0.0);
        mass_b.assign(n, 0.0);
        size.assign(n, 0);
        for (std::size_t v = 0; v < n; ++v) {
            const auto c = static_cast<std::size_t>(community[v]);
            mass_a[c] += g.a[v];
            mass_b[c] += g.b[v];
            ++size[c];
        }
        for (auto c = static_cast<std::int32_t>(n); c-- > 0;)
            if (size[static_cast<std::size_t>(c)] == 0) empty.push_back(c);
    }
    void move(const WeightedGraph& g, std::int32_t v, std::int32_t to) {
        const auto vi = static_cast<std::size_t>(v);
        const auto from = static_cast<std::size_t>(community[vi]);
        mass_a[from] -= g.a[vi];
        mass_b[from] -= g.b[vi];
        if (--size[from] == 0) empty.push_back(static_cast<std::int32_t>(from));
        const auto ti = static_cast<std::size_t>(to);
        if (size[ti]++ == 0) {
            // `to` was empty: take it off the list (it is nearly always the last one).
            auto it = std::find(empty.rbegin(), empty.rend(), to);
            empty.erase(std::next(it).base());
        }
        mass_a[ti] += g.a[vi];
        mass_b[ti] += g.b[vi];
        community[vi] = to;
    }
};

struct Objective {
    double kappa;  // resolution / M for modularity, resolution for CPM
    // The part of gain(v, C) that does not depend on the arcs: kappa (a_v B_C + b_v A_C).
    double expected(double a_v, double b_v, double mass_a, double mass_b) const { return kappa * (a_v * mass_b + b_v * mass_a); }
};

// Best community for v given its weights to neighbouring communities (in acc), or its own when no
// other gains strictly more. Leaving v's community D, the gains compare s(v, C) - expected(v, C)
// with D's measured without v; an empty community gains 0.
inline std::int32_t best_community(const WeightedGraph& g, const State& st, const Objective& obj, std::int32_t v,
                                   const NeighbourWeights& acc) {
    const auto vi = static_cast<std::size_t>(v);
    const std::int32_t own = st.community[vi];
    const auto oi = static_cast<std::size_t>(own);
    const double av = g.a[vi], bv = g.b[vi];
    const double stay = (acc.seen[oi] ? acc.weight[oi] : 0.0) - obj.expected(av, bv, st.mass_a[oi] - av, st.mass_b[oi] - bv);
    double best_gain = stay;
    std::int32_t best = own;
    for (const auto c : acc.touched) {
        if (c == own) continue;
        const auto ci = static_cast<std::size_t>(c);
        const double gain = acc.weight[ci] - obj.expected(av, bv, st.mass_a[ci], st.mass_b[ci]);
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

inline std::vector<std::int32_t> random_order(std::int32_t n, Rng& rng) {
    std::vector<std::int32_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    return order;
}

// Leiden's fast local moving (Traag, Waltman & van Eck 2019, Algorithm A.2): nodes wait in a queue
// in random order; a node that moves puts its neighbours outside its new community back in the
// queue. Returns whether any node moved.
inline bool move_nodes_fast(const WeightedGraph& g, State& st, const Objective& obj, Rng& rng, NeighbourWeights& acc) {
    const auto n = static_cast<std::size_t>(g.n);
    std::vector<std::int32_t> queue = random_order(g.n, rng);
    std::vector<std::uint8_t> queued(n, 1);
    std::size_t head = 0;
    bool moved = false;
    // A ring buffer of at most n entries: each node is queued at most once at a time.
    std::size_t count = n;
    while (count > 0) {
        const std::int32_t v = queue[head];
        head = head + 1 == n ? 0 : head + 1;
        --count;
        queued[static_cast<std::size_t>(v)] = 0;
        gather(g, st.community, v, acc);
        const std::int32_t to = best_community(g, st, obj, v, acc);
        acc.clear();
        if (to == st.community[static_cast<std::size_t>(v)]) continue;
        st.move(g, v, to);
        moved = true;
        for (auto e = g.begin(v); e < g.end(v); ++e) {
            const auto u = g.targets[static_cast<std::size_t>(e)];
            const auto ui = static_cast<std::size_t>(u);
            if (!queued[ui] && st.community[ui] != to) {
                queued[ui] = 1;
                queue[(head + count) % n] = u;
                ++count;
            }
        }
    }
    return moved;
}

// Louvain's local moving (Blondel et al. 2008): sweeps over the nodes in one random order until a
// sweep moves nothing. Returns whether any node moved.
inline bool move_nodes_sweeps(const WeightedGraph& g, State& st, const Objective& obj, Rng& rng, NeighbourWeights& acc) {
    const auto order = random_order(g.n, rng);
    bool moved_any = false;
    for (bool moved = true; moved;) {
        moved = false;
        for (const auto v : order) {
            gather(g, st.community, v, acc);
            const std::int32_t to = best_community(g, st, obj, v, acc);
            acc.clear();
            if (to != st.community[static_cast<std::size_t>(v)]) {
                st.move(g, v, to);
                moved = moved_any = true;
            }
        }
    }
    return moved_any;
}

// Leiden's refinement (Algorithm A.2, MergeNodesSubset): inside each community S of `coarse`,
// start from singletons; visit nodes in random order, and move a node still alone and well
// connected to S into a well-connected refined community of S, chosen at random with probability
// proportional to exp(gain / theta) among those that do not lower the quality (staying alone
// gains 0). The gain is counted in edge weights, as igraph's community_leiden does, so with the
// usual theta = 0.01 the choice nearly always falls on the best merge; only near-ties are random. The result has every refined community connected and inside one community of coarse.
inline std::vector<std::int32_t> refine(const WeightedGraph& g, const std::vector<std::int32_t>& coarse, const Objective& obj,
                                        double theta, Rng& rng, NeighbourWeights& acc) {
    const auto n = static_cast<std::size_t>(g.n);
    std::vector<std::int32_t> refined(n);
    std::iota(refined.begin(), refined.end(), 0);
    std::vector<double> ra(g.a), rb(g.b), external(n, 0.0);
    std::vector<std::int32_t> size(n, 1);
    // Masses of the coarse communities and each node's weight to the rest of its community.
    std::vector<double> sa(n, 0.0), sb(n, 0.0);
    for (std::size_t v = 0; v < n; ++v) {
        sa[static_cast<std::size_t>(coarse[v])] += g.a[v];
        sb[static_cast<std::size_t>(coarse[v])] += g.b[v];
        for (auto e = g.begin(static_cast<std::int32_t>(v)); e < g.end(static_cast<std::int32_t>(v)); ++e)
            if (coarse[static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)])] == coarse[v])
                external[v] += g.weights[static_cast<std::size_t>(e)];
    }
    std::vector<double> candidate_gain;
    std::vector<std::int32_t> candidates;
    for (const auto v : random_order(g.n, rng)) {
        const auto vi = static_cast<std::size_t>(v);
        if (size[static_cast<std::size_t>(refined[vi])] != 1) continue;  // no longer alone
        const auto s = static_cast<std::size_t>(coarse[vi]);
        const double av = g.a[vi], bv = g.b[vi];
        if (external[vi] < obj.expected(av, bv, sa[s] - av, sb[s] - bv)) continue;  // not well connected to S
        for (auto e = g.begin(v); e < g.end(v); ++e) {
            const auto u = static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)]);
            if (coarse[u] == coarse[vi]) acc.add(refined[u], g.weights[static_cast<std::size_t>(e)]);
        }
        candidates.assign(1, refined[vi]);  // staying alone: gain 0
        candidate_gain.assign(1, 0.0);
        double best = 0;
        for (const auto c : acc.touched) {
            const auto ci = static_cast<std::size_t>(c);
            if (c == refined[vi]) continue;
            // C must be well connected to the rest of S, and the move must not lower the quality.
            if (external[ci] < obj.expected(ra[ci], rb[ci], sa[s] - ra[ci], sb[s] - rb[ci])) continue;
            const double gain = acc.weight[ci] - obj.expected(av, bv, ra[ci], rb[ci]);
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
            const double w = acc.weight[ci];
            external[ci] += external[vi] - 2 * w;  // v's arcs to C are now inside
            ra[ci] += av;
            rb[ci] += bv;
            ++size[ci];
            size[static_cast<std::size_t>(refined[vi])] = 0;
            refined[vi] = chosen;
        }
        acc.clear();
    }
    return refined;
}

inline Objective objective(const WeightedGraph& g, QualityFunction quality, double resolution) {
    if (quality == QualityFunction::modularity) return {g.total > 0 ? resolution / g.total : 0.0};
    return {resolution};
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
