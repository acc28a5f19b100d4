// Eigen interop: sparse matrices of a Graph for spectral and linear-algebra methods.
#pragma once

#include <Eigen/SparseCore>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

struct AdjacencyOptions {
    /// Use the edge weights; when false every edge counts 1.
    bool weighted = true;
};

/// Row-major sparse adjacency matrix, as networkx's to_scipy_sparse_array: A(u, v) is the sum of
/// the weights (1 when unweighted) of the edges u -> v; an undirected edge fills A(u, v) and
/// A(v, u), and an undirected self-loop adds its weight once to A(u, u). A copy in Eigen's own
/// layout (Eigen needs one index type for offsets and neighbours, the Graph uses two).
/// O(m log m) time (Eigen sorts the triplets), O(n + m) memory.
inline Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t> adjacency_matrix(
    const Graph& g, const AdjacencyOptions& options = {}) {
    std::vector<Eigen::Triplet<double, std::int64_t>> entries;
    entries.reserve(static_cast<std::size_t>(g.directed() ? g.num_edges() : 2 * g.num_edges()));
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const node_id u = g.edge_source(e);
        const node_id v = g.edge_target(e);
        const double w = options.weighted ? g.weight(e) : 1.0;
        entries.emplace_back(u, v, w);
        if (!g.directed() && u != v) entries.emplace_back(v, u, w);
    }
    Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t> a(g.num_nodes(), g.num_nodes());
    a.setFromTriplets(entries.begin(), entries.end());  // sums duplicates
    return a;
}

}  // namespace essnet
