// The result shape of every iterative centrality (PageRank, eigenvector, Katz, HITS), and the
// deterministic vector kernels they share.
//
// Every kernel writes each entry from one thread and sums in fixed blocks, so results do not depend
// on the thread count.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/parallel.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

/// Scores aligned with the graph's nodes, with how the iteration ended: `iterations` (matrix-vector
/// products), whether the stopping rule was met, and `residual`, the bound on the error (or the
/// residual norm) reached, in the units the function's doc names. The scores of the last iteration
/// are returned either way.
struct IterativeResult {
    std::vector<double> score{};
    int iterations = 0;
    bool converged = false;
    double residual = 0;
};

namespace detail {

inline double l1_change(const std::vector<double>& a, const std::vector<double>& b) {
    return deterministic_sum(static_cast<std::int64_t>(a.size()), [&](std::int64_t i) {
        return std::abs(a[static_cast<std::size_t>(i)] - b[static_cast<std::size_t>(i)]);
    });
}

inline double max_abs(const std::vector<double>& x) {
    double largest = 0;
    for (const double v : x) largest = std::max(largest, std::abs(v));
    return largest;
}

// Scaled by the largest entry first, as hypot does, so that entries near 1e160 or 1e-160 neither
// overflow nor underflow when squared.
inline double l2_norm(const std::vector<double>& x) {
    const double largest = max_abs(x);
    if (largest == 0 || !std::isfinite(largest)) return largest;
    return largest * std::sqrt(deterministic_sum(static_cast<std::int64_t>(x.size()), [&](std::int64_t i) {
               const double v = x[static_cast<std::size_t>(i)] / largest;
               return v * v;
           }));
}

// Weight of an arc for spectral methods: an undirected self-loop is stored as two arcs and must
// count once, as in the adjacency matrix.
inline double arc_weight(const Graph& g, node_id u, node_id v, edge_id e, bool weighted) {
    const double w = weighted ? g.weight(e) : 1.0;
    return (!g.directed() && u == v) ? w / 2 : w;
}

// y = A^T x: y[v] = sum over arcs u -> v of w(u, v) x[u] (for an undirected graph A is symmetric).
inline void multiply_transpose(const Graph& g, bool weighted, const std::vector<double>& x, std::vector<double>& y) {
    const auto offsets = g.in_offsets();
    const auto sources = g.in_sources();
    const auto edges = g.in_arc_edges();
#pragma omp parallel for schedule(dynamic, 1024)
    for (node_id v = 0; v < g.num_nodes(); ++v) {
        double s = 0;
        for (auto a = static_cast<std::size_t>(offsets[static_cast<std::size_t>(v)]);
             a < static_cast<std::size_t>(offsets[static_cast<std::size_t>(v) + 1]); ++a)
            s += x[static_cast<std::size_t>(sources[a])] * arc_weight(g, sources[a], v, edges[a], weighted);
        y[static_cast<std::size_t>(v)] = s;
    }
}

inline void check_iteration(int max_iterations, double tolerance) {
    if (max_iterations < 0)
        throw std::invalid_argument("max_iterations must be non-negative, got " + std::to_string(max_iterations));
    if (!(tolerance > 0) || std::isinf(tolerance))
        throw std::invalid_argument("tolerance must be a positive number, got " + std::to_string(tolerance));
}

}  // namespace detail

}  // namespace essnet
