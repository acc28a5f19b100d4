// Triangles, local clustering, average clustering and transitivity.
//
// Watts D.J., Strogatz S.H. (1998). Collective dynamics of 'small-world' networks. Nature 393:440.
// doi:10.1038/30918 (local clustering); Onnela J.-P. et al. (2005). Intensity and coherence of
// motifs in weighted complex networks. Phys. Rev. E 71:065103. doi:10.1103/PhysRevE.71.065103
// (weighted); Fagiolo G. (2007). Clustering in complex directed networks. Phys. Rev. E 76:026107.
// doi:10.1103/PhysRevE.76.026107 (directed).
//
// All measures see the simple graph: parallel edges count once (their weights add up) and
// self-loops are ignored, as networkx computes them on simple graphs. Triangles are counted once
// each by orienting every edge towards the endpoint of higher (degree, id) and, for every oriented
// edge u -> v, looking up v's out-neighbours among u's marked ones (Schank & Wagner 2005,
// "forward"): O(m^1.5) time, in parallel with per-thread counts added in thread order.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "essnet/centrality/betweenness.hpp"
#include "essnet/centrality/coreness.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct ClusteringOptions {
    /// Weighted clustering (Onnela et al. 2005, as networkx with weight=...): the geometric mean
    /// of the triangle's weights, each divided by the graph's largest weight.
    bool use_weights = true;
};

namespace detail {

// Distinct neighbours other than the node itself, with summed weights, as sorted lists.
struct SimpleAdjacency {
    std::vector<std::int64_t> offsets{};
    std::vector<node_id> neighbors{};
    std::vector<double> weights{};
};

inline SimpleAdjacency simple_undirected(const Graph& g, bool weighted) {
    const node_id n = g.num_nodes();
    SimpleAdjacency s;
    s.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    // Two passes, each parallel over nodes: count the distinct other neighbours, then fill.
#pragma omp parallel for schedule(dynamic, 1024)
    for (node_id v = 0; v < n; ++v) {
        std::int64_t c = 0;
        detail::for_each_distinct_other(g.out_neighbors(v), v, [&](node_id) { ++c; });
        s.offsets[static_cast<std::size_t>(v) + 1] = c;
    }
    for (std::size_t v = 0; v < static_cast<std::size_t>(n); ++v) s.offsets[v + 1] += s.offsets[v];
    s.neighbors.resize(static_cast<std::size_t>(s.offsets.back()));
    if (weighted) s.weights.assign(s.neighbors.size(), 0.0);
#pragma omp parallel for schedule(dynamic, 1024)
    for (node_id v = 0; v < n; ++v) {
        auto k = static_cast<std::size_t>(s.offsets[static_cast<std::size_t>(v)]);
        const auto nbrs = g.out_neighbors(v);
        const auto edges = g.out_edges(v);
        for (std::size_t i = 0; i < nbrs.size(); ++i) {
            if (nbrs[i] == v) continue;
            if (i > 0 && nbrs[i - 1] == nbrs[i]) {  // a parallel edge: add its weight
                if (weighted) s.weights[k - 1] += g.weight(edges[i]);
                continue;
            }
            s.neighbors[k] = nbrs[i];
            if (weighted) s.weights[k] = g.weight(edges[i]);
            ++k;
        }
    }
    return s;
}

inline void require_undirected(const Graph& g, const char* what) {
    if (g.directed())
        throw std::invalid_argument(std::string(what) +
                                    " is defined here for undirected graphs; select the graph with directed = false");
}

// Per node: twice the number of triangles through it (unweighted), or twice the sum of the
// geometric means of normalized triangle weights (weighted), as networkx's t.
inline std::vector<double> triangle_weights(const Graph& g, const SimpleAdjacency& s, bool weighted) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    double max_weight = 0;
    for (const double w : s.weights) max_weight = std::max(max_weight, w);
    if (max_weight <= 0) max_weight = 1;
    // Orientation: towards the endpoint of higher (degree, id).
    auto deg = [&](node_id v) {
        return s.offsets[static_cast<std::size_t>(v) + 1] - s.offsets[static_cast<std::size_t>(v)];
    };
    auto above = [&](node_id a, node_id b) { return deg(a) < deg(b) || (deg(a) == deg(b) && a < b); };
    std::vector<std::int64_t> fwd_offsets(nn + 1, 0);
#pragma omp parallel for schedule(dynamic, 1024)
    for (node_id v = 0; v < n; ++v) {
        std::int64_t c = 0;
        for (auto a = s.offsets[static_cast<std::size_t>(v)]; a < s.offsets[static_cast<std::size_t>(v) + 1]; ++a)
            c += above(v, s.neighbors[static_cast<std::size_t>(a)]);
        fwd_offsets[static_cast<std::size_t>(v) + 1] = c;
    }
    for (std::size_t v = 0; v < nn; ++v) fwd_offsets[v + 1] += fwd_offsets[v];
    std::vector<node_id> fwd(static_cast<std::size_t>(fwd_offsets.back()));
    std::vector<double> fwd_w(weighted ? fwd.size() : 0);
#pragma omp parallel for schedule(dynamic, 1024)
    for (node_id v = 0; v < n; ++v) {
        auto k = static_cast<std::size_t>(fwd_offsets[static_cast<std::size_t>(v)]);
        for (auto a = s.offsets[static_cast<std::size_t>(v)]; a < s.offsets[static_cast<std::size_t>(v) + 1]; ++a) {
            const node_id w = s.neighbors[static_cast<std::size_t>(a)];
            if (!above(v, w)) continue;
            if (weighted) fwd_w[k] = s.weights[static_cast<std::size_t>(a)] / max_weight;
            fwd[k++] = w;
        }
    }
    const int threads = thread_count();
    std::vector<std::vector<double>> local(static_cast<std::size_t>(threads), std::vector<double>(nn, 0.0));
#pragma omp parallel num_threads(threads)
    {
        auto& t = local[static_cast<std::size_t>(thread_id())];
        // Marks u's forward neighbours (with the position of the arc, for its weight), so that each
        // of v's forward neighbours is tested in O(1) instead of by merging two lists.
        std::vector<std::int64_t> mark(nn, -1);
#pragma omp for schedule(dynamic, 256)
        for (node_id u = 0; u < n; ++u) {
            const auto ub = static_cast<std::size_t>(fwd_offsets[static_cast<std::size_t>(u)]);
            const auto ue = static_cast<std::size_t>(fwd_offsets[static_cast<std::size_t>(u) + 1]);
            if (ue - ub < 2) continue;
            for (std::size_t i = ub; i < ue; ++i) mark[static_cast<std::size_t>(fwd[i])] = static_cast<std::int64_t>(i);
            for (std::size_t i = ub; i < ue; ++i) {
                const node_id v = fwd[i];
                const auto vb = static_cast<std::size_t>(fwd_offsets[static_cast<std::size_t>(v)]);
                const auto ve = static_cast<std::size_t>(fwd_offsets[static_cast<std::size_t>(v) + 1]);
                for (std::size_t b = vb; b < ve; ++b) {
                    const node_id w = fwd[b];
                    const std::int64_t a = mark[static_cast<std::size_t>(w)];
                    if (a < 0) continue;
                    const double x =
                        weighted ? std::cbrt(fwd_w[i] * fwd_w[static_cast<std::size_t>(a)] * fwd_w[b]) : 1.0;
                    t[static_cast<std::size_t>(u)] += 2 * x;
                    t[static_cast<std::size_t>(v)] += 2 * x;
                    t[static_cast<std::size_t>(w)] += 2 * x;
                }
            }
            for (std::size_t i = ub; i < ue; ++i) mark[static_cast<std::size_t>(fwd[i])] = -1;
        }
    }
    std::vector<double> total(nn, 0.0);
    for (const auto& part : local)
        for (std::size_t i = 0; i < nn; ++i) total[i] += part[i];
    return total;
}

}  // namespace detail

/// Number of triangles through every node of an undirected graph (networkx's triangles).
/// Throws std::invalid_argument for a directed graph.
inline std::vector<std::int64_t> triangles(const Graph& g) {
    detail::require_undirected(g, "triangles");
    const auto t = detail::triangle_weights(g, detail::simple_undirected(g, false), false);
    std::vector<std::int64_t> out(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) out[i] = std::llround(t[i] / 2);
    return out;
}

/// Local clustering coefficient of every node, as networkx's clustering: for an undirected graph
/// 2 T(u) / (d(u) (d(u) - 1)); for a directed graph Fagiolo's coefficient T(u) / (2 (d_tot
/// (d_tot - 1) - 2 d_bi)). Weighted when the graph has weights and use_weights: each triangle
/// counts the geometric mean of its weights over the largest weight (Onnela et al. 2005;
/// Fagiolo 2007 when directed). Parallel edges count once, with their weights summed; self-loops
/// are ignored. 0 for nodes of degree below 2.
///
/// Time O(m^1.5) (triangles listed along edges oriented towards the higher degree, above), in
/// parallel; memory O(n + m) for the simple graph plus O(n) per thread.
inline std::vector<double> clustering(const Graph& g, const ClusteringOptions& options = {}) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    std::vector<double> c(nn, 0.0);
    if (!g.directed()) {
        const bool weighted = options.use_weights && g.weighted();
        const auto s = detail::simple_undirected(g, weighted);
        const auto t = detail::triangle_weights(g, s, weighted);
        for (std::size_t v = 0; v < nn; ++v) {
            const double d = static_cast<double>(s.offsets[v + 1] - s.offsets[v]);
            c[v] = t[v] == 0 ? 0.0 : t[v] / (d * (d - 1));
        }
        return c;
    }
    // Fagiolo (2007), as networkx counts it: over j in preds(i) then succs(i), common neighbours k
    // of the four kinds; weighted, each triangle adds the geometric mean of its three arc weights
    // (parallel arcs summed, each divided by the largest such weight), as networkx with weight=.
    const bool weighted = options.use_weights && g.weighted();
    struct Arc {
        node_id node{};
        double weight{};
    };
    auto distinct = [&](std::span<const node_id> nbrs, std::span<const edge_id> edges, node_id v) {
        std::vector<Arc> out;
        for (std::size_t k = 0; k < nbrs.size(); ++k) {
            if (nbrs[k] == v) continue;
            const double w = weighted ? g.weight(edges[k]) : 1.0;
            if (!out.empty() && out.back().node == nbrs[k])
                out.back().weight += w;  // a parallel arc (the lists are sorted)
            else
                out.push_back({nbrs[k], w});
        }
        return out;
    };
    double max_weight = 1;
    if (weighted) {
        max_weight = 0;
#pragma omp parallel for schedule(dynamic, 256) reduction(max : max_weight)
        for (node_id i = 0; i < n; ++i)
            for (const Arc& a : distinct(g.out_neighbors(i), g.out_edges(i), i))
                max_weight = std::max(max_weight, a.weight);
        if (max_weight <= 0) max_weight = 1;
    }
    // Sum over k in both a and b of (w_ij a_k b_k)^(1/3) (the count of such k when unweighted).
    auto common = [&](double w_ij, const std::vector<Arc>& a, const std::vector<Arc>& b) {
        std::size_t x = 0, y = 0;
        double sum = 0;
        while (x < a.size() && y < b.size()) {
            if (a[x].node < b[y].node) {
                ++x;
            } else if (b[y].node < a[x].node) {
                ++y;
            } else {
                // Each weight over the largest before the product, which could overflow or underflow.
                sum += weighted
                           ? std::cbrt((w_ij / max_weight) * (a[x].weight / max_weight) * (b[y].weight / max_weight))
                           : 1.0;
                ++x;
                ++y;
            }
        }
        return sum;
    };
#pragma omp parallel for schedule(dynamic, 64)
    for (node_id i = 0; i < n; ++i) {
        const auto pi = distinct(g.in_neighbors(i), g.in_edges(i), i),
                   si = distinct(g.out_neighbors(i), g.out_edges(i), i);
        double t = 0;
        for (const auto* group : {&pi, &si})
            for (const Arc& j : *group) {
                const auto pj = distinct(g.in_neighbors(j.node), g.in_edges(j.node), j.node);
                const auto sj = distinct(g.out_neighbors(j.node), g.out_edges(j.node), j.node);
                t += common(j.weight, pi, pj) + common(j.weight, pi, sj) + common(j.weight, si, pj) +
                     common(j.weight, si, sj);
            }
        const double dt = static_cast<double>(pi.size() + si.size());
        std::size_t bidirectional = 0;
        for (std::size_t x = 0, y = 0; x < pi.size() && y < si.size();) {
            if (pi[x].node < si[y].node)
                ++x;
            else if (si[y].node < pi[x].node)
                ++y;
            else {
                ++bidirectional;
                ++x;
                ++y;
            }
        }
        const double denominator = (dt * (dt - 1) - 2 * static_cast<double>(bidirectional)) * 2;
        c[static_cast<std::size_t>(i)] = t == 0 ? 0.0 : t / denominator;
    }
    return c;
}

/// Mean of the local clustering coefficients (networkx's average_clustering, counting zeros).
inline double average_clustering(const Graph& g, const ClusteringOptions& options = {}) {
    const auto c = clustering(g, options);
    if (c.empty()) return 0;
    double total = 0;
    for (const double x : c) total += x;
    return total / static_cast<double>(c.size());
}

/// Transitivity of an undirected graph: 3 x triangles / connected triples (networkx's
/// transitivity), 0 when there is no triangle. Throws std::invalid_argument for a directed graph.
inline double transitivity(const Graph& g) {
    detail::require_undirected(g, "transitivity");
    const auto s = detail::simple_undirected(g, false);
    const auto t = detail::triangle_weights(g, s, false);
    double triangles2 = 0, triples2 = 0;
    for (std::size_t v = 0; v < t.size(); ++v) {
        const double d = static_cast<double>(s.offsets[v + 1] - s.offsets[v]);
        triangles2 += t[v];
        triples2 += d * (d - 1);
    }
    return triangles2 == 0 ? 0.0 : triangles2 / triples2;
}

}  // namespace essnet
