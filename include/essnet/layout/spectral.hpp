// Spectral layout: the eigenvectors of the graph Laplacian for its two smallest non-zero eigenvalues.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/centrality/detail/spectral.hpp"
#include "essnet/layout/pack.hpp"
#include "essnet/layout/point.hpp"

namespace essnet {

struct SpectralLayoutOptions {
    bool use_weights = true;   ///< Laplacian of the tie weights (networkx's weight="weight"); else of 1s
    int max_restarts = 1000;   ///< Lanczos restarts for components above 200 nodes
    double tolerance = 1e-10;  ///< relative Ritz residual at which Lanczos stops
};

namespace detail {

// Symmetric Laplacian rows of a connected graph with the shift: rows of c I - L, so that the
// eigenvectors wanted (smallest non-zero eigenvalues of L) have the largest eigenvalues after the
// constant vector. Direction is ignored; parallel ties add their weights; self-loops are dropped.
inline spectral::Rows shifted_laplacian(const Graph& g, bool use_weights, double& shift) {
    const node_id n = g.num_nodes();
    std::vector<std::vector<std::pair<std::int32_t, double>>> rows(static_cast<std::size_t>(n));
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const node_id u = g.edge_source(e), v = g.edge_target(e);
        if (u == v) continue;
        const double w = use_weights ? g.weight(e) : 1.0;
        rows[static_cast<std::size_t>(u)].emplace_back(v, w);
        rows[static_cast<std::size_t>(v)].emplace_back(u, w);
    }
    std::vector<double> degree(static_cast<std::size_t>(n), 0.0);
    double largest = 0;
    for (node_id u = 0; u < n; ++u) {
        for (const auto& [v, w] : rows[static_cast<std::size_t>(u)]) degree[static_cast<std::size_t>(u)] += w;
        largest = std::max(largest, degree[static_cast<std::size_t>(u)]);
    }
    shift = 2 * largest + 1;  // >= the largest eigenvalue of L (Gershgorin), so c I - L is positive
    spectral::Rows m;
    m.offsets.reserve(static_cast<std::size_t>(n) + 1);
    for (node_id u = 0; u < n; ++u) {
        // Sorted by neighbour: parallel ties are adjacent and merge; the diagonal goes in its place.
        auto& row = rows[static_cast<std::size_t>(u)];
        row.emplace_back(u, 0.0);
        std::sort(row.begin(), row.end());
        for (std::size_t k = 0; k < row.size();) {
            const std::int32_t v = row[k].first;
            double w = 0;
            for (; k < row.size() && row[k].first == v; ++k) w += row[k].second;
            m.columns.push_back(v);
            m.values.push_back(v == u ? shift - degree[static_cast<std::size_t>(u)] : w);
        }
        m.offsets.push_back(static_cast<std::int64_t>(m.columns.size()));
    }
    return m;
}

// Flips x so that its entry of largest magnitude (the first of them) is positive.
inline void orient_by_largest(std::vector<double>& x) {
    std::size_t largest = 0;
    for (std::size_t i = 1; i < x.size(); ++i)
        if (std::abs(x[i]) > std::abs(x[largest])) largest = i;
    if (!x.empty() && x[largest] < 0)
        for (double& v : x) v = -v;
}

// The spectral coordinates of one connected graph: (x, y) from the eigenvectors of the second and
// third smallest Laplacian eigenvalues, each oriented so that its largest entry is positive.
inline std::vector<Point> spectral_connected(const Graph& g, const SpectralLayoutOptions& o) {
    const node_id n = g.num_nodes();
    std::vector<Point> positions(static_cast<std::size_t>(n));
    if (n <= 2) {
        if (n == 2) positions = {{-0.5, 0}, {0.5, 0}};
        return positions;
    }
    double shift = 0;
    spectral::Operator op;
    op.transpose = shifted_laplacian(g, o.use_weights, shift);
    op.symmetric = true;
    std::vector<double> first(static_cast<std::size_t>(n)), second(static_cast<std::size_t>(n));
    if (n <= spectral::dense_limit) {
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(op.dense());
        // Eigenvalues ascending: of c I - L, so the last is the constant vector's.
        for (node_id i = 0; i < n; ++i) {
            first[static_cast<std::size_t>(i)] = solver.eigenvectors()(i, n - 2);
            second[static_cast<std::size_t>(i)] = solver.eigenvectors()(i, n - 3);
        }
    } else {
        const Eigen::Index ncv = std::min<Eigen::Index>(n, 40);
        Spectra::SymEigsSolver<spectral::Operator> solver(op, 3, ncv);
        solver.init();
        solver.compute(Spectra::SortRule::LargestAlge, o.max_restarts, o.tolerance);
        if (solver.info() != Spectra::CompInfo::Successful)
            throw std::runtime_error("spectral layout: Lanczos did not converge in " + std::to_string(o.max_restarts) +
                                     " restarts; raise max_restarts or loosen tolerance");
        const Eigen::MatrixXd vectors = solver.eigenvectors();  // by eigenvalue, largest first
        for (node_id i = 0; i < n; ++i) {
            first[static_cast<std::size_t>(i)] = vectors(i, 1);
            second[static_cast<std::size_t>(i)] = vectors(i, 2);
        }
    }
    orient_by_largest(first);
    orient_by_largest(second);
    for (node_id i = 0; i < n; ++i)
        positions[static_cast<std::size_t>(i)] = {first[static_cast<std::size_t>(i)],
                                                  second[static_cast<std::size_t>(i)]};
    // Mean tie length 1, so that packed components share a scale.
    const double scale = mean_edge_length(g, positions);
    for (Point& p : positions) p = {p.x / scale, p.y / scale};
    return positions;
}

}  // namespace detail

/// Spectral layout (Hall 1970, Management Science 17(3); Koren 2005, Comput. Math. Appl. 49): x and
/// y are the eigenvectors of the Laplacian L = D - W for its second and third smallest eigenvalues,
/// as networkx's spectral_layout. Direction is ignored; parallel ties add their weights; self-loops
/// are dropped. Each eigenvector is oriented so that its entry of largest magnitude is positive, and
/// the drawing is scaled to a mean tie length of 1. Each connected component is laid out on its own
/// and the pieces are packed (lay_out_components). Components up to 200 nodes are solved densely
/// (Eigen); larger ones by restarted Lanczos (Spectra) on 2 d_max + 1 - L, to the relative Ritz
/// residual `tolerance`. O(n^3) per small component; O(restarts x 40 (n + m)) per large one.
/// Throws std::runtime_error when Lanczos does not converge.
inline std::vector<Point> spectral(const Graph& g, const SpectralLayoutOptions& options = {}) {
    if (options.max_restarts < 1 || !(options.tolerance > 0))
        throw std::invalid_argument("spectral: max_restarts must be >= 1 and tolerance > 0");
    return detail::lay_out_components(g, [&](const Graph& piece, std::int32_t, std::span<const node_id>) {
        return detail::spectral_connected(piece, options);
    });
}

}  // namespace essnet
