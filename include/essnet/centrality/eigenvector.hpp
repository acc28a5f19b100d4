// Eigenvector centrality (Bonacich 1972), Katz centrality (Katz 1953) and HITS hubs and
// authorities (Kleinberg 1999), exact by default: eigenvectors by a restarted Krylov method
// (Lanczos or Arnoldi, through Spectra) one component at a time, Katz by a Krylov linear solve.
//
// Bonacich P. (1972). Factoring and weighting approaches to status scores and clique
// identification. J. Math. Sociology 2:113-120. doi:10.1080/0022250X.1972.9989806
// Katz L. (1953). A new status index derived from sociometric analysis. Psychometrika 18:39-43.
// doi:10.1007/BF02289026
// Kleinberg J. (1999). Authoritative sources in a hyperlinked environment. J. ACM 46(5):604-632.
// doi:10.1145/324133.324140
// Lehoucq R.B., Sorensen D.C. & Yang C. (1998). ARPACK Users' Guide. SIAM. doi:10.1137/1.9780898719628
// (the implicitly restarted Lanczos and Arnoldi methods that Spectra implements)
// van der Vorst H.A. (1992). Bi-CGSTAB. SIAM J. Sci. Stat. Comput. 13(2):631-644. doi:10.1137/0913035
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/centrality/detail/spectral.hpp"
#include "essnet/centrality/iterative.hpp"

namespace essnet {

/// How an eigenvector is found.
enum class EigenSolver {
    krylov,  ///< restarted Lanczos (symmetric) or Arnoldi: exact to the tolerance, the default
    power,   ///< networkx's power iteration on A^T + I: simple, slow when the spectral gap is small
};

struct EigenvectorOptions {
    /// Krylov: restarts; power: iterations.
    int max_iterations = 1000;
    /// Krylov: stop when ||A^T x - lambda x||_2 <= tolerance * lambda for the unit vector x, which
    /// bounds every entry's error by tolerance * lambda_1 / (lambda_1 - lambda_2). Power: stop when
    /// the L1 change of the unit vector falls below tolerance (networkx's rule is n * tol).
    double tolerance = 1e-12;
    bool use_weights = true;
    /// One unit-norm vector per (weakly) connected component instead of the principal eigenvector
    /// of the whole graph.
    bool per_component = false;
    EigenSolver solver = EigenSolver::krylov;
};

struct KatzOptions {
    double alpha = 0.1;  ///< attenuation, in [0, 1 / lambda_max)
    double beta = 1.0;   ///< the score every node gets for itself
    int max_iterations = 1000;
    /// Stop once every entry's error is provably below this (after normalisation when normalized).
    double tolerance = 1e-10;
    /// Scale to unit L2 norm (networkx's default).
    bool normalized = true;
    bool use_weights = true;
};

struct HitsOptions {
    /// Restarts of the Lanczos method.
    int max_iterations = 1000;
    /// Stop when ||A^T A x - sigma^2 x||_2 <= tolerance * sigma^2 for the unit authority vector x.
    double tolerance = 1e-12;
    /// Scale hubs and authorities to sum 1 (networkx's default); unit L2 norm when false.
    bool normalized = true;
};

struct HitsResult {
    std::vector<double> hubs{};
    std::vector<double> authorities{};
    int iterations = 0;
    bool converged = false;
    double residual = 0;
};

namespace detail {

inline int clamp_count(std::int64_t count) {
    return static_cast<int>(std::min<std::int64_t>(count, std::numeric_limits<int>::max()));
}

// networkx's eigenvector_centrality: power iteration on A^T + I from the uniform vector.
inline IterativeResult eigenvector_by_power(const Graph& g, bool weighted, const EigenvectorOptions& options) {
    IterativeResult r;
    const auto n = static_cast<std::size_t>(g.num_nodes());
    std::vector<double> x(n, n > 0 ? 1.0 / std::sqrt(static_cast<double>(n)) : 0.0), y(n);
    r.converged = n == 0;
    r.residual = n == 0 ? 0 : std::numeric_limits<double>::infinity();
    while (!r.converged && r.iterations < options.max_iterations) {
        multiply_transpose(g, weighted, x, y);
        for (std::size_t i = 0; i < n; ++i) y[i] += x[i];  // the shift by I
        double norm = l2_norm(y);
        if (norm == 0) norm = 1;
        for (auto& v : y) v /= norm;
        ++r.iterations;
        r.residual = l1_change(x, y);
        x.swap(y);
        r.converged = r.residual < options.tolerance;
    }
    r.score = std::move(x);
    return r;
}

// Solves (I - alpha A^T) y = 1 by conjugate gradients when A is symmetric (the matrix is then
// positive definite, as alpha < 1 / lambda_max) and by BiCGSTAB otherwise; x = beta y, so a beta
// near 1e160 cannot overflow the dot products. Since A >= 0, the inverse is the non-negative series
// sum_k (alpha A^T)^k, so the error obeys |y - y*| <= ||r||_inf y*: the bound
// ||r||_inf ||y||_inf / (1 - ||r||_inf) holds in exact arithmetic, it is not an estimate.
inline IterativeResult katz_solve(const Graph& g, bool weighted, const KatzOptions& options) {
    const auto n = static_cast<std::size_t>(g.num_nodes());
    IterativeResult r;
    std::vector<double> x(n, 1.0), residual(n, 0.0), scratch(n);
    auto apply = [&](const std::vector<double>& in, std::vector<double>& out) {  // out = (I - alpha A^T) in
        multiply_transpose(g, weighted, in, scratch);
        for (std::size_t i = 0; i < n; ++i) out[i] = in[i] - options.alpha * scratch[i];
    };
    auto dot = [&](const std::vector<double>& a, const std::vector<double>& b) {
        return deterministic_sum(static_cast<std::int64_t>(n), [&](std::int64_t i) {
            return a[static_cast<std::size_t>(i)] * b[static_cast<std::size_t>(i)];
        });
    };
    auto true_residual = [&] {
        apply(x, residual);
        for (auto& v : residual) v = 1 - v;
    };
    auto error_bound = [&] {
        const double rr = max_abs(residual);
        if (rr >= 1) return std::numeric_limits<double>::infinity();
        const double bound = rr * max_abs(x) / (1 - rr);
        if (options.normalized) {
            const double norm = l2_norm(x);
            return norm > 0 ? 2 * bound / norm : bound;  // the unit vector moves by at most 2 ||e|| / ||x||
        }
        return std::abs(options.beta) * bound;
    };
    true_residual();
    r.residual = error_bound();
    r.converged = r.residual <= options.tolerance;
    const bool symmetric = !g.directed();
    std::vector<double> p = residual, v(n, 0.0), s(n), t(n), shadow = residual;
    double rho = symmetric ? dot(residual, residual) : 1, step = 1, omega = 1;
    while (!r.converged && r.iterations < options.max_iterations) {
        if (symmetric) {  // conjugate gradients
            apply(p, v);
            step = rho / dot(p, v);
            for (std::size_t i = 0; i < n; ++i) {
                x[i] += step * p[i];
                residual[i] -= step * v[i];
            }
            const double next = dot(residual, residual);
            for (std::size_t i = 0; i < n; ++i) p[i] = residual[i] + next / rho * p[i];
            rho = next;
            r.iterations += 1;
        } else {  // BiCGSTAB, restarted from the true residual when it breaks down
            const double next = dot(shadow, residual);
            if (next == 0 || omega == 0) {
                true_residual();
                shadow = p = residual;
                std::fill(v.begin(), v.end(), 0.0);
                rho = step = omega = 1;
                if (dot(shadow, residual) == 0) break;
                continue;
            }
            const double direction = next / rho * (step / omega);
            for (std::size_t i = 0; i < n; ++i) p[i] = residual[i] + direction * (p[i] - omega * v[i]);
            apply(p, v);
            step = next / dot(shadow, v);
            for (std::size_t i = 0; i < n; ++i) s[i] = residual[i] - step * v[i];
            apply(s, t);
            const double tt = dot(t, t);
            omega = tt > 0 ? dot(t, s) / tt : 0;
            for (std::size_t i = 0; i < n; ++i) {
                x[i] += step * p[i] + omega * s[i];
                residual[i] = s[i] - omega * t[i];
            }
            rho = next;
            r.iterations += 2;
        }
        true_residual();  // the recurrence drifts; the bound needs the real residual
        r.residual = error_bound();
        r.converged = r.residual <= options.tolerance;
    }
    for (auto& v : x) v *= options.beta;
    r.score = std::move(x);
    return r;
}

}  // namespace detail

/// Eigenvector centrality: the principal eigenvector of A^T (in-arcs count when directed; parallel
/// edges add up; an undirected self-loop counts once), with unit L2 norm and non-negative entries,
/// as networkx's eigenvector_centrality_numpy. Found by a restarted Krylov method on each component
/// that can hold the largest eigenvalue, so it is exact where power iteration stalls (small spectral
/// gap, bipartite graphs).
///
/// A network in pieces: the principal eigenvector lives on the component with the largest
/// eigenvalue, and every other node scores 0 (networkx's eigenvector_centrality_numpy returns the
/// same). Components tied for the largest eigenvalue share it equally (each gets its unit vector
/// times 1/sqrt(k)). With `per_component`, every component gets its own unit vector instead. When
/// the largest eigenvalue is 0 (no edges, or a directed graph without cycles), every node without
/// out-arcs scores 1/sqrt(count) and the others 0 (an eigenvector of A^T for 0).
///
/// `iterations` counts matrix-vector products; `residual` is ||A^T x - lambda x||_2 / lambda (Krylov) or the
/// last L1 change (power). Time O(m) per product, parallel; memory O(n + m) (a copy of each solved
/// component's arcs). Throws std::invalid_argument for bad iteration parameters.
inline IterativeResult eigenvector(const Graph& g, const EigenvectorOptions& options = {}) {
    detail::check_iteration(options.max_iterations, options.tolerance);
    const bool weighted = options.use_weights && g.weighted();
    if (options.solver == EigenSolver::power) {
        if (options.per_component) throw std::invalid_argument("per_component needs solver krylov");
        return detail::eigenvector_by_power(g, weighted, options);
    }
    using namespace detail::spectral;
    const auto p = options.per_component
                       ? per_component(g, weighted, Problem::adjacency, options.max_iterations, options.tolerance)
                       : principal(g, weighted, Problem::adjacency, options.max_iterations, options.tolerance);
    return {p.vector, detail::clamp_count(p.products), p.converged, p.residual};
}

/// Katz centrality, as networkx's katz_centrality: the solution of x = alpha A^T x + beta, found by
/// conjugate gradients (undirected) or BiCGSTAB (directed) to a proven bound on every entry's error
/// (the result's `residual`, after normalisation when `normalized`, which scales to unit L2 norm).
/// The series converges only for alpha below 1 / lambda_max, lambda_max the largest eigenvalue of the
/// adjacency matrix, computed first.
///
/// Time O(m) per iteration (two products per BiCGSTAB iteration), plus the eigenvalue; memory O(n).
/// Throws std::invalid_argument for alpha < 0 or alpha >= 1 / lambda_max (naming lambda_max),
/// non-finite alpha or beta or bad iteration parameters (the graph builder refuses negative weights).
inline IterativeResult katz(const Graph& g, const KatzOptions& options = {}) {
    detail::check_iteration(options.max_iterations, options.tolerance);
    if (!std::isfinite(options.alpha) || !std::isfinite(options.beta))
        throw std::invalid_argument("alpha and beta must be finite numbers, got alpha " +
                                    std::to_string(options.alpha) + " and beta " + std::to_string(options.beta));
    if (options.alpha < 0)
        throw std::invalid_argument("alpha must be non-negative, got " + std::to_string(options.alpha));
    const bool weighted = options.use_weights && g.weighted();
    if (options.alpha > 0 && g.num_edges() > 0) {
        const auto top = detail::spectral::principal(g, weighted, detail::spectral::Problem::adjacency, 1000, 1e-12);
        if (options.alpha * top.value >= 1)
            throw std::invalid_argument("alpha must be below 1 / lambda_max = " + std::to_string(1 / top.value) +
                                        " (lambda_max, the largest eigenvalue of the adjacency matrix, is " +
                                        std::to_string(top.value) + "), got " + std::to_string(options.alpha));
    }
    IterativeResult r = detail::katz_solve(g, weighted, options);
    if (options.normalized) {
        const double norm = detail::l2_norm(r.score);
        if (norm > 0)
            for (auto& v : r.score) v /= norm;
    }
    return r;
}

/// HITS hubs and authorities (Kleinberg 1999): the principal singular vectors of the adjacency
/// matrix, authorities the principal eigenvector of A^T A (by Lanczos, one component at a time, as
/// for eigenvector()) and hubs = A a, normalised to sum 1 as networkx's hits, or to unit L2 norm.
/// Edge weights are always used, as networkx does. Components tied for the largest singular value
/// share it equally; a graph without edges gets uniform hubs and zero authorities.
///
/// `iterations` counts products with A^T A; `residual` is ||A^T A a - sigma^2 a||_2 / sigma^2. Time O(m) per
/// product; memory O(n + m). Throws std::invalid_argument for bad iteration parameters.
inline HitsResult hits(const Graph& g, const HitsOptions& options = {}) {
    detail::check_iteration(options.max_iterations, options.tolerance);
    const auto n = static_cast<std::size_t>(g.num_nodes());
    HitsResult r;
    const auto p = detail::spectral::principal(g, g.weighted(), detail::spectral::Problem::gram, options.max_iterations,
                                               options.tolerance);
    r.iterations = detail::clamp_count(p.products);
    r.converged = p.converged;
    r.residual = p.residual;
    if (p.value == 0) {  // no edges of positive weight
        r.hubs.assign(n, n > 0 ? 1 / std::sqrt(static_cast<double>(n)) : 0.0);
        r.authorities.assign(n, 0.0);
    } else {
        r.authorities = p.vector;
        r.hubs.assign(n, 0.0);
        // h = A a: h[u] = sum over arcs u -> v of w(u, v) a[v].
#pragma omp parallel for schedule(dynamic, 1024)
        for (node_id u = 0; u < g.num_nodes(); ++u) {
            double s = 0;
            const auto nbrs = g.out_neighbors(u);
            const auto edges = g.out_edges(u);
            for (std::size_t i = 0; i < nbrs.size(); ++i)
                s += r.authorities[static_cast<std::size_t>(nbrs[i])] *
                     detail::arc_weight(g, u, nbrs[i], edges[i], true);
            r.hubs[static_cast<std::size_t>(u)] = s;
        }
        const double norm = detail::l2_norm(r.hubs);
        for (auto& v : r.hubs) v /= norm;
    }
    for (auto* v : {&r.hubs, &r.authorities}) {
        const double total = options.normalized ? std::accumulate(v->begin(), v->end(), 0.0) : detail::l2_norm(*v);
        if (total > 0)
            for (auto& x : *v) x /= total;
    }
    return r;
}

}  // namespace essnet
