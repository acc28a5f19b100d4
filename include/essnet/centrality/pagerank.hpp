// PageRank (Brin & Page 1998; Page, Brin, Motwani & Winograd 1999, Stanford InfoLab 1999-66).
//
// Power iteration, pulled along in-arcs: each node sums the shares its in-neighbours send, so every
// entry is written by one thread and the result does not depend on the thread count (the error
// norm and the dangling mass are summed in fixed blocks for the same reason). One pass over the
// graph per iteration computes the new scores, the shares they send next, the change and the
// dangling mass together.
//
// Stopping rule. One step maps x to F(x) = alpha M x + (1 - alpha) p with M column-stochastic (the
// dangling mass included), so F contracts the L1 distance by alpha and the error of the iterate
// x_k+1 = F(x_k) obeys ||x_k+1 - x*||_1 <= alpha / (1 - alpha) ||x_k+1 - x_k||_1. The iteration
// stops once that bound is below `tolerance`: a bound on the error of the answer, whatever n.
#pragma once

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/centrality/iterative.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct PageRankOptions {
    double alpha = 0.85;  ///< damping factor
    /// Restart distribution, one value per node (non-negative, normalised to sum 1); uniform when empty.
    std::vector<double> personalization{};
    /// Where the mass of nodes without out-arcs goes (normalised); the personalization when empty.
    std::vector<double> dangling{};
    int max_iterations = 10000;
    /// Stop once the L1 distance to the exact scores is provably below this (so is every entry's
    /// error): alpha / (1 - alpha) times the last step's L1 change. networkx's `tol` stops when the
    /// L1 change falls below n * tol, an error of up to n * tol * alpha / (1 - alpha).
    double tolerance = 1e-10;
    bool use_weights = true;
};

namespace detail {

inline std::vector<double> normalized_distribution(const std::vector<double>& values, node_id n,
                                                   const char* parameter) {
    if (values.empty()) return std::vector<double>(static_cast<std::size_t>(n), n > 0 ? 1.0 / n : 0.0);
    if (values.size() != static_cast<std::size_t>(n))
        throw std::invalid_argument(std::string(parameter) + " must have one value per node (" + std::to_string(n) +
                                    "), got " + std::to_string(values.size()));
    double total = 0;
    for (const double x : values) {
        if (!(x >= 0) || std::isinf(x))
            throw std::invalid_argument(std::string(parameter) + " values must be finite and non-negative, got " +
                                        std::to_string(x));
        total += x;
    }
    if (total <= 0) throw std::invalid_argument(std::string(parameter) + " must not be all zero");
    std::vector<double> p(values);
    for (auto& x : p) x /= total;
    return p;
}

}  // namespace detail

/// PageRank of every node, as networkx's pagerank: with probability alpha follow an out-arc
/// (chosen in proportion to its weight; an undirected edge goes both ways, parallel edges add up),
/// otherwise jump according to the personalization; nodes without out-arcs send their mass
/// according to `dangling`. Scores sum to 1. The result's `residual` is the bound on the L1 error
/// reached (see the stopping rule above); by default every score is within 1e-10 of the exact one.
///
/// Time O(m) per iteration, parallel; about log(tolerance (1 - alpha) / alpha) / log(alpha)
/// iterations (152 at the defaults). Memory O(n).
/// Throws std::invalid_argument for alpha outside [0, 1), a bad personalization or dangling vector,
/// a non-positive tolerance or a negative iteration count.
inline IterativeResult pagerank(const Graph& g, const PageRankOptions& options = {}) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    if (!(options.alpha >= 0 && options.alpha < 1))
        throw std::invalid_argument("alpha must be in [0, 1), got " + std::to_string(options.alpha));
    detail::check_iteration(options.max_iterations, options.tolerance);
    IterativeResult r;
    if (n == 0) {
        r.converged = true;
        return r;
    }
    const bool weighted = options.use_weights && g.weighted();
    const bool undirected = !g.directed();
    const auto p = detail::normalized_distribution(options.personalization, n, "personalization");
    const auto dangling =
        options.dangling.empty() ? p : detail::normalized_distribution(options.dangling, n, "dangling");
    // Out-weight of every node (an undirected self-loop is stored as two arcs and counts once), and
    // the self-loop arcs of every node, whose double count an unweighted undirected graph's hot
    // loop below corrects once per node instead of testing every arc.
    std::vector<double> out(nn, 0.0), self_arcs(nn, 0.0);
    bool has_self_loop = false;
#pragma omp parallel for schedule(static) reduction(|| : has_self_loop)
    for (node_id u = 0; u < n; ++u) {
        const auto ui = static_cast<std::size_t>(u);
        const auto nbrs = g.out_neighbors(u);
        const auto edges = g.out_edges(u);
        for (std::size_t i = 0; i < nbrs.size(); ++i) {
            out[ui] += detail::arc_weight(g, u, nbrs[i], edges[i], weighted);
            if (nbrs[i] == u) self_arcs[ui] += 1;
        }
        has_self_loop = has_self_loop || self_arcs[ui] > 0;
    }
    const bool correct_loops = undirected && !weighted && has_self_loop;
    std::vector<double> x(nn, 1.0 / n), next(nn), share(nn), next_share(nn);
    double dangling_sum = 0;  // the mass of the nodes without out-arcs
    for (std::size_t u = 0; u < nn; ++u) {
        share[u] = out[u] > 0 ? x[u] / out[u] : 0.0;
        if (out[u] == 0) dangling_sum += x[u];
    }
    const auto in_offsets = g.in_offsets();
    const auto in_sources = g.in_sources();
    const auto in_edges = g.in_arc_edges();
    const double contraction = options.alpha / (1 - options.alpha);
    // One pass per iteration: pull the shares along in-arcs, write the new score and share, and
    // sum the change and the dangling mass in fixed blocks (the same sums for any thread count).
    constexpr std::int64_t block = detail::sum_block;
    const std::int64_t blocks = (n + block - 1) / block;
    std::vector<double> block_change(static_cast<std::size_t>(blocks)),
        block_dangling(static_cast<std::size_t>(blocks));
    r.residual = std::numeric_limits<double>::infinity();
    while (r.iterations < options.max_iterations) {
        const double dangling_mass = options.alpha * dangling_sum;
#pragma omp parallel for schedule(dynamic, 1)
        for (std::int64_t b = 0; b < blocks; ++b) {
            double change = 0, dangling_next = 0;
            const auto last = static_cast<node_id>(std::min<std::int64_t>(n, (b + 1) * block));
            for (auto v = static_cast<node_id>(b * block); v < last; ++v) {
                const auto vi = static_cast<std::size_t>(v);
                const auto begin = static_cast<std::size_t>(in_offsets[vi]);
                const auto end = static_cast<std::size_t>(in_offsets[vi + 1]);
                double s = 0;
                if (weighted) {
                    for (std::size_t a = begin; a < end; ++a)
                        s += share[static_cast<std::size_t>(in_sources[a])] *
                             detail::arc_weight(g, in_sources[a], v, in_edges[a], true);
                } else {  // the hot loop: neighbour ids and their shares only
                    for (std::size_t a = begin; a < end; ++a) s += share[static_cast<std::size_t>(in_sources[a])];
                    if (correct_loops) s -= self_arcs[vi] * share[vi] / 2;
                }
                const double score = options.alpha * s + dangling_mass * dangling[vi] + (1 - options.alpha) * p[vi];
                change += std::abs(score - x[vi]);
                next[vi] = score;
                if (out[vi] > 0) {
                    next_share[vi] = score / out[vi];
                } else {
                    next_share[vi] = 0;
                    dangling_next += score;
                }
            }
            block_change[static_cast<std::size_t>(b)] = change;
            block_dangling[static_cast<std::size_t>(b)] = dangling_next;
        }
        double change = 0;
        dangling_sum = 0;
        for (std::size_t b = 0; b < block_change.size(); ++b) {
            change += block_change[b];
            dangling_sum += block_dangling[b];
        }
        ++r.iterations;
        r.residual = contraction * change;
        x.swap(next);
        share.swap(next_share);
        if (r.residual <= options.tolerance) {
            r.converged = true;
            break;
        }
    }
    r.score = std::move(x);
    return r;
}

}  // namespace essnet
