// Eigenvector centrality (Bonacich 1972), Katz centrality (Katz 1953) and HITS hubs and
// authorities (Kleinberg 1999), by power iteration as networkx computes them.
//
// Bonacich P. (1972). Factoring and weighting approaches to status scores and clique
// identification. J. Math. Sociology 2:113-120. doi:10.1080/0022250X.1972.9989806
// Katz L. (1953). A new status index derived from sociometric analysis. Psychometrika 18:39-43.
// doi:10.1007/BF02289026
// Kleinberg J. (1999). Authoritative sources in a hyperlinked environment. J. ACM 46(5):604-632.
// doi:10.1145/324133.324140
#pragma once

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/centrality/pagerank.hpp"

namespace essnet {

struct EigenvectorOptions {
    int max_iterations = 100;
    /// Stop when the L1 change falls below n * tolerance (networkx's rule).
    double tolerance = 1e-6;
    bool use_weights = true;
};

struct KatzOptions {
    double alpha = 0.1;  ///< attenuation; below 1 / (largest eigenvalue) for convergence
    double beta = 1.0;   ///< the score every node gets for itself
    int max_iterations = 1000;
    double tolerance = 1e-6;
    /// Scale to unit L2 norm (networkx's default).
    bool normalized = true;
    bool use_weights = true;
};

struct HitsOptions {
    int max_iterations = 100;
    double tolerance = 1e-8;
    /// Scale hubs and authorities to sum 1 (networkx's default); unit L2 norm when false.
    bool normalized = true;
};

struct HitsResult {
    std::vector<double> hubs;
    std::vector<double> authorities;
    int iterations = 0;
    bool converged = false;
};

namespace detail {

// y = A^T x: y[v] = sum over arcs u -> v of w(u, v) x[u] (the adjacency matrix's columns; for an
// undirected graph A is symmetric). Pulled along in-arcs, so deterministic.
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

// y = A x: y[u] = sum over arcs u -> v of w(u, v) x[v].
inline void multiply(const Graph& g, bool weighted, const std::vector<double>& x, std::vector<double>& y) {
#pragma omp parallel for schedule(dynamic, 1024)
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        double s = 0;
        const auto nbrs = g.out_neighbors(u);
        const auto edges = g.out_edges(u);
        for (std::size_t i = 0; i < nbrs.size(); ++i)
            s += x[static_cast<std::size_t>(nbrs[i])] * arc_weight(g, u, nbrs[i], edges[i], weighted);
        y[static_cast<std::size_t>(u)] = s;
    }
}

// Scaled by the largest entry first, as hypot does, so that entries near 1e160 or 1e-160 neither
// overflow nor underflow when squared.
inline double l2_norm(const std::vector<double>& x) {
    double largest = 0;
    for (const double v : x) largest = std::max(largest, std::abs(v));
    if (largest == 0 || !std::isfinite(largest)) return largest;
    return largest * std::sqrt(deterministic_sum(static_cast<std::int64_t>(x.size()), [&](std::int64_t i) {
               const double v = x[static_cast<std::size_t>(i)] / largest;
               return v * v;
           }));
}

inline void check_iteration(int max_iterations, double tolerance) {
    if (max_iterations < 0) throw std::invalid_argument("max_iterations must be non-negative, got " + std::to_string(max_iterations));
    if (!(tolerance > 0)) throw std::invalid_argument("tolerance must be positive, got " + std::to_string(tolerance));
}

}  // namespace detail

/// Eigenvector centrality, as networkx's eigenvector_centrality: the principal eigenvector of A^T
/// (in-arcs count when directed; parallel edges add up; an undirected self-loop counts once), found
/// by power iteration on A^T + I from the all-ones vector, with unit L2 norm.
/// Throws std::invalid_argument for bad iteration parameters. O(m) per iteration.
inline IterativeResult eigenvector(const Graph& g, const EigenvectorOptions& options = {}) {
    detail::check_iteration(options.max_iterations, options.tolerance);
    const node_id n = g.num_nodes();
    const bool weighted = options.use_weights && g.weighted();
    IterativeResult r;
    std::vector<double> x(static_cast<std::size_t>(n), n > 0 ? 1.0 / n : 0.0);
    detail::power_iterate(x, options.max_iterations, options.tolerance, r, [&](const auto& current, auto& y) {
        detail::multiply_transpose(g, weighted, current, y);
        for (std::size_t i = 0; i < y.size(); ++i) y[i] += current[i];  // the shift by I
        double norm = detail::l2_norm(y);
        if (norm == 0) norm = 1;
        for (auto& v : y) v /= norm;
    });
    r.score = std::move(x);
    return r;
}

/// Katz centrality, as networkx's katz_centrality: x = alpha A^T x + beta, iterated from zero;
/// with `normalized`, scaled to unit L2 norm. Throws std::invalid_argument for bad parameters.
inline IterativeResult katz(const Graph& g, const KatzOptions& options = {}) {
    detail::check_iteration(options.max_iterations, options.tolerance);
    if (!std::isfinite(options.alpha) || !std::isfinite(options.beta))
        throw std::invalid_argument("alpha and beta must be finite numbers");
    const node_id n = g.num_nodes();
    const bool weighted = options.use_weights && g.weighted();
    IterativeResult r;
    std::vector<double> x(static_cast<std::size_t>(n), 0.0);
    detail::power_iterate(x, options.max_iterations, options.tolerance, r, [&](const auto& current, auto& y) {
        detail::multiply_transpose(g, weighted, current, y);
        for (auto& v : y) v = options.alpha * v + options.beta;
    });
    if (options.normalized && n > 0) {
        const double norm = detail::l2_norm(x);
        if (norm > 0)
            for (auto& v : x) v /= norm;
    }
    r.score = std::move(x);
    return r;
}

/// HITS hubs and authorities (Kleinberg 1999): the principal singular vectors of the adjacency
/// matrix (a = A^T h, h = A a), by power iteration from uniform hubs; normalised to sum 1 as
/// networkx's hits, or to unit L2 norm. Throws std::invalid_argument for bad iteration parameters.
inline HitsResult hits(const Graph& g, const HitsOptions& options = {}) {
    detail::check_iteration(options.max_iterations, options.tolerance);
    const node_id n = g.num_nodes();
    HitsResult r;
    std::vector<double> h(static_cast<std::size_t>(n), n > 0 ? 1.0 / std::sqrt(double(n)) : 0.0), a(h.size()), h2(h.size());
    const bool weighted = g.weighted();
    for (r.iterations = 1; r.iterations <= options.max_iterations && n > 0; ++r.iterations) {
        detail::multiply_transpose(g, weighted, h, a);
        double norm = detail::l2_norm(a);
        if (norm == 0) break;
        for (auto& v : a) v /= norm;
        detail::multiply(g, weighted, a, h2);
        norm = detail::l2_norm(h2);
        if (norm == 0) break;
        for (auto& v : h2) v /= norm;
        const double change = detail::l1_change(h, h2);
        h.swap(h2);
        if (change < n * options.tolerance) {
            r.converged = true;
            break;
        }
    }
    if (n == 0) r.converged = true;
    if (r.iterations > options.max_iterations) r.iterations = options.max_iterations;
    if (options.normalized) {
        for (auto* v : {&h, &a}) {
            double total = 0;
            for (const double x : *v) total += x;
            if (total > 0)
                for (auto& x : *v) x /= total;
        }
    }
    r.hubs = std::move(h);
    r.authorities = std::move(a);
    return r;
}

}  // namespace essnet
