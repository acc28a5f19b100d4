// Naive, obviously correct versions of the measures, for checking the fast ones on small graphs:
// dense distances by Floyd-Warshall, shortest-path counts by the definition, betweenness as a sum
// over all pairs, closeness and harmonic from the distance matrix, modularity from the dense
// adjacency matrix. O(n^3) time and O(n^2) memory: for graphs of a few dozen nodes.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet::test {

/// A dense copy of a graph: w[u][v] the length (weight, or 1) of the arc u -> v, infinity without
/// one; an undirected edge is both arcs; of parallel arcs the shortest counts.
struct DenseGraph {
    std::size_t n = 0;
    std::vector<std::vector<double>> w{};
    std::vector<std::vector<double>> adjacency{};  // summed weights (modularity's A)
};

inline DenseGraph dense(const Graph& g, bool use_weights) {
    const auto n = static_cast<std::size_t>(g.num_nodes());
    const double inf = std::numeric_limits<double>::infinity();
    DenseGraph d{n, std::vector<std::vector<double>>(n, std::vector<double>(n, inf)),
                 std::vector<std::vector<double>>(n, std::vector<double>(n, 0.0))};
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const auto u = static_cast<std::size_t>(g.edge_source(e)), v = static_cast<std::size_t>(g.edge_target(e));
        const double length = use_weights && g.weighted() ? g.weight(e) : 1.0;
        d.w[u][v] = std::min(d.w[u][v], length);
        d.adjacency[u][v] += length;
        if (!g.directed()) {
            d.w[v][u] = std::min(d.w[v][u], length);
            if (u != v) d.adjacency[v][u] += length;
        }
    }
    return d;
}

/// All-pairs distances by Floyd-Warshall (infinity where unreachable).
inline std::vector<std::vector<double>> distances(const DenseGraph& d) {
    auto dist = d.w;
    for (std::size_t v = 0; v < d.n; ++v) dist[v][v] = 0;
    for (std::size_t k = 0; k < d.n; ++k)
        for (std::size_t i = 0; i < d.n; ++i)
            for (std::size_t j = 0; j < d.n; ++j)
                if (dist[i][k] + dist[k][j] < dist[i][j]) dist[i][j] = dist[i][k] + dist[k][j];
    return dist;
}

/// sigma[s][t]: the number of shortest s-t paths, from the definition: the paths to t are those to
/// each u with an arc u -> t on a shortest path, extended by that arc (positive lengths, so every
/// such u is nearer to s than t is).
inline std::vector<std::vector<double>> path_counts(const DenseGraph& d, const std::vector<std::vector<double>>& dist) {
    std::vector<std::vector<double>> sigma(d.n, std::vector<double>(d.n, 0.0));
    for (std::size_t s = 0; s < d.n; ++s) {
        std::vector<std::size_t> order;
        for (std::size_t t = 0; t < d.n; ++t)
            if (std::isfinite(dist[s][t])) order.push_back(t);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return dist[s][a] < dist[s][b]; });
        sigma[s][s] = 1;
        for (const std::size_t t : order) {
            if (t == s) continue;
            for (std::size_t u = 0; u < d.n; ++u)
                if (u != t && std::isfinite(d.w[u][t]) && dist[s][u] + d.w[u][t] == dist[s][t])
                    sigma[s][t] += sigma[s][u];
        }
    }
    return sigma;
}

/// Betweenness as a sum over ordered pairs (s, t) of the share of shortest paths through v, divided
/// by (n - 1)(n - 2): networkx's normalised betweenness, for directed and undirected graphs alike.
inline std::vector<double> betweenness(const Graph& g, bool use_weights) {
    const DenseGraph d = dense(g, use_weights);
    const auto dist = distances(d);
    const auto sigma = path_counts(d, dist);
    std::vector<double> score(d.n, 0.0);
    for (std::size_t s = 0; s < d.n; ++s)
        for (std::size_t t = 0; t < d.n; ++t) {
            if (s == t || !std::isfinite(dist[s][t])) continue;
            for (std::size_t v = 0; v < d.n; ++v)
                if (v != s && v != t && dist[s][v] + dist[v][t] == dist[s][t])
                    score[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
        }
    if (d.n > 2)
        for (auto& x : score) x /= static_cast<double>((d.n - 1) * (d.n - 2));
    return score;
}

/// Closeness with the Wasserman-Faust correction, from distances to each node (networkx's).
inline std::vector<double> closeness(const Graph& g, bool use_weights) {
    const DenseGraph d = dense(g, use_weights);
    const auto dist = distances(d);
    std::vector<double> score(d.n, 0.0);
    for (std::size_t u = 0; u < d.n; ++u) {
        double total = 0, reached = 0;
        for (std::size_t v = 0; v < d.n; ++v)
            if (v != u && std::isfinite(dist[v][u])) {
                total += dist[v][u];
                ++reached;
            }
        if (total > 0) score[u] = (reached / total) * (reached / static_cast<double>(d.n - 1));
    }
    return score;
}

/// Harmonic centrality: the sum of 1 / d(v, u) over the other nodes v.
inline std::vector<double> harmonic(const Graph& g, bool use_weights) {
    const DenseGraph d = dense(g, use_weights);
    const auto dist = distances(d);
    std::vector<double> score(d.n, 0.0);
    for (std::size_t u = 0; u < d.n; ++u)
        for (std::size_t v = 0; v < d.n; ++v)
            if (v != u && std::isfinite(dist[v][u])) score[u] += 1 / dist[v][u];
    return score;
}

/// Modularity from the dense adjacency matrix: (1 / W) sum over i, j in one community of
/// A_ij - k_i^out k_j^in / W (W the sum of A; for an undirected graph A is symmetric, a self-loop
/// counted once on the diagonal and its weight twice in the degree, as Newman's 2m convention).
inline double modularity(const Graph& g, const std::vector<std::int32_t>& community, bool use_weights) {
    DenseGraph d = dense(g, use_weights);
    if (!g.directed())
        for (std::size_t v = 0; v < d.n; ++v) d.adjacency[v][v] *= 2;  // a loop adds 2 to its node's degree
    std::vector<double> out(d.n, 0.0), in(d.n, 0.0);
    double total = 0;
    for (std::size_t i = 0; i < d.n; ++i)
        for (std::size_t j = 0; j < d.n; ++j) {
            out[i] += d.adjacency[i][j];
            in[j] += d.adjacency[i][j];
            total += d.adjacency[i][j];
        }
    double q = 0;
    for (std::size_t i = 0; i < d.n; ++i)
        for (std::size_t j = 0; j < d.n; ++j)
            if (community[i] == community[j]) q += d.adjacency[i][j] - out[i] * in[j] / total;
    return q / total;
}

}  // namespace essnet::test
