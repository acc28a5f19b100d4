// PageRank (Brin & Page 1998; Page, Brin, Motwani & Winograd 1999, Stanford InfoLab 1999-66).
//
// Power iteration, pulled along in-arcs: each node sums the shares its in-neighbours send, so every
// entry is written by one thread and the result does not depend on the thread count (the error
// norm is summed in fixed blocks for the same reason).
#pragma once

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

struct PageRankOptions {
    double alpha = 0.85;  ///< damping factor
    /// Restart distribution, one value per node (non-negative, normalised to sum 1); uniform when empty.
    std::vector<double> personalization;
    /// Where the mass of nodes without out-arcs goes (normalised); the personalization when empty.
    std::vector<double> dangling;
    int max_iterations = 100;
    /// Stop when the L1 change of the scores falls below n * tolerance (networkx's rule).
    double tolerance = 1e-6;
    bool use_weights = true;
};

/// The result of a power iteration: scores aligned with the graph's nodes, how many iterations ran,
/// and whether the stopping rule was met (the scores of the last iteration are returned either way).
struct IterativeResult {
    std::vector<double> score;
    int iterations = 0;
    bool converged = false;
};

namespace detail {

// Sums values in fixed blocks, then the blocks in order: the same total for any thread count.
template <class F>
double deterministic_sum(std::int64_t n, F&& value) {
    constexpr std::int64_t block = 4096;
    const std::int64_t blocks = (n + block - 1) / block;
    std::vector<double> partial(static_cast<std::size_t>(blocks), 0.0);
#pragma omp parallel for schedule(static)
    for (std::int64_t b = 0; b < blocks; ++b) {
        double s = 0;
        for (std::int64_t i = b * block; i < std::min(n, (b + 1) * block); ++i) s += value(i);
        partial[static_cast<std::size_t>(b)] = s;
    }
    double total = 0;
    for (const double p : partial) total += p;
    return total;
}

inline double l1_change(const std::vector<double>& a, const std::vector<double>& b) {
    return deterministic_sum(static_cast<std::int64_t>(a.size()),
                             [&](std::int64_t i) { return std::abs(a[static_cast<std::size_t>(i)] - b[static_cast<std::size_t>(i)]); });
}

// Runs step(x, next) until the L1 change from x to next falls below n * tolerance (networkx's
// rule) or max_iterations steps have run; x holds the last iterate, r the count and the outcome.
template <class Step>
void power_iterate(std::vector<double>& x, int max_iterations, double tolerance, IterativeResult& r, Step&& step) {
    const auto n = static_cast<double>(x.size());
    std::vector<double> next(x.size());
    r.iterations = 0;
    r.converged = x.empty();
    while (!r.converged && r.iterations < max_iterations) {
        step(x, next);
        ++r.iterations;
        const double change = l1_change(x, next);
        x.swap(next);
        r.converged = change < n * tolerance;
    }
}

// Weight of an arc for spectral methods: an undirected self-loop is stored as two arcs and must
// count once, as in the adjacency matrix.
inline double arc_weight(const Graph& g, node_id u, node_id v, edge_id e, bool weighted) {
    const double w = weighted ? g.weight(e) : 1.0;
    return (!g.directed() && u == v) ? w / 2 : w;
}

inline std::vector<double> normalized_distribution(const std::vector<double>& values, node_id n, const char* parameter) {
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
/// according to `dangling`. Scores sum to 1. O(m) per iteration, parallel.
/// Throws std::invalid_argument for alpha outside [0, 1), a bad personalization or dangling vector,
/// a non-positive tolerance or a negative iteration count.
inline IterativeResult pagerank(const Graph& g, const PageRankOptions& options = {}) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    if (!(options.alpha >= 0 && options.alpha < 1))
        throw std::invalid_argument("alpha must be in [0, 1), got " + std::to_string(options.alpha));
    if (!(options.tolerance > 0)) throw std::invalid_argument("tolerance must be positive, got " + std::to_string(options.tolerance));
    if (options.max_iterations < 0)
        throw std::invalid_argument("max_iterations must be non-negative, got " + std::to_string(options.max_iterations));
    IterativeResult r;
    if (n == 0) {
        r.converged = true;
        return r;
    }
    const bool weighted = options.use_weights && g.weighted();
    const auto p = detail::normalized_distribution(options.personalization, n, "personalization");
    const auto dangling = options.dangling.empty() ? p : detail::normalized_distribution(options.dangling, n, "dangling");
    // Out-weight of every node.
    std::vector<double> out(nn, 0.0);
#pragma omp parallel for schedule(static)
    for (node_id u = 0; u < n; ++u) {
        double s = 0;
        const auto nbrs = g.out_neighbors(u);
        const auto edges = g.out_edges(u);
        for (std::size_t i = 0; i < nbrs.size(); ++i) s += detail::arc_weight(g, u, nbrs[i], edges[i], weighted);
        out[static_cast<std::size_t>(u)] = s;
    }
    std::vector<double> x(nn, 1.0 / n), share(nn);
    const auto in_offsets = g.in_offsets();
    const auto in_sources = g.in_sources();
    const auto in_edges = g.in_arc_edges();
    const bool halve_loops = !g.directed();
    detail::power_iterate(x, options.max_iterations, options.tolerance, r, [&](const auto& current, auto& next) {
#pragma omp parallel for schedule(static)
        for (node_id u = 0; u < n; ++u) {
            const auto ui = static_cast<std::size_t>(u);
            share[ui] = out[ui] > 0 ? current[ui] / out[ui] : 0.0;
        }
        const double dangling_mass =
            options.alpha * detail::deterministic_sum(n, [&](std::int64_t u) {
                return out[static_cast<std::size_t>(u)] > 0 ? 0.0 : current[static_cast<std::size_t>(u)];
            });
#pragma omp parallel for schedule(dynamic, 1024)
        for (node_id v = 0; v < n; ++v) {
            double s = 0;
            const auto begin = static_cast<std::size_t>(in_offsets[static_cast<std::size_t>(v)]);
            const auto end = static_cast<std::size_t>(in_offsets[static_cast<std::size_t>(v) + 1]);
            if (weighted) {
                for (std::size_t a = begin; a < end; ++a)
                    s += share[static_cast<std::size_t>(in_sources[a])] * detail::arc_weight(g, in_sources[a], v, in_edges[a], true);
            } else {  // the hot loop: neighbour ids and their shares only
                for (std::size_t a = begin; a < end; ++a) {
                    const node_id u = in_sources[a];
                    s += (halve_loops && u == v) ? share[static_cast<std::size_t>(u)] / 2 : share[static_cast<std::size_t>(u)];
                }
            }
            const auto vi = static_cast<std::size_t>(v);
            next[vi] = options.alpha * s + dangling_mass * dangling[vi] + (1 - options.alpha) * p[vi];
        }
    });
    r.score = std::move(x);
    return r;
}

}  // namespace essnet
