// Bootstrap and jackknife standard errors and intervals for graph-level statistics, by resampling
// the nodes (Snijders & Borgatti 1999).
//
// Snijders T.A.B. & Borgatti S.P. (1999). Non-parametric standard errors and tests for network
// statistics. Connections 22(2):161-170.
#pragma once

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/graph/subgraph.hpp"
#include "essnet/inference/permutations.hpp"

namespace essnet {

struct BootstrapOptions {
    std::int64_t draws = 1000;  ///< resampled graphs
    double confidence = 0.95;   ///< of the percentile interval
    std::uint64_t seed = 0;     ///< the same seed gives the same result on any number of threads
    ProgressHook progress{};
};

struct JackknifeOptions {
    double confidence = 0.95;  ///< of the normal interval, estimate +- z standard errors
    ProgressHook progress{};
};

/// A statistic with its resampling distribution: `values` (one per resampled graph), the
/// standard error, the bias estimate and a confidence interval [lower, upper].
struct ResamplingResult {
    double estimate = 0;  ///< the statistic of the graph itself
    std::vector<double> values{};
    double standard_error = 0;
    double bias = 0;  ///< bootstrap: mean of values - estimate; jackknife: (n - 1)(mean - estimate)
    double lower = 0, upper = 0;
};

namespace detail {

inline void check_confidence(double confidence) {
    if (!(confidence > 0 && confidence < 1))
        throw std::invalid_argument("confidence must be in (0, 1), got " + std::to_string(confidence));
}

// The sample quantile of R's default (type 7): linear between order statistics.
inline double quantile_type7(std::vector<double> sorted, double p) {
    std::sort(sorted.begin(), sorted.end());
    const double h = (static_cast<double>(sorted.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace detail

/// Resampled graph `draw` of bootstrap(g, ...): n nodes drawn with replacement from g's (from
/// Rng(seed, draw)); node a stands for g's node s_a, and a tie joins a and b (with its weight, and
/// as many as g has) when g ties s_a and s_b and s_a != s_b. Two copies of one node are not tied
/// (Snijders & Borgatti leave those pairs out of their estimators; a graph cannot, so a statistic
/// sees them as pairs without a tie: a density runs about (n - 1) / n low); a self-loop stays on
/// each copy. Draw d depends on
/// (seed, d) alone. O(n + m) expected time.
inline Graph bootstrap_graph(const Graph& g, std::uint64_t seed, std::int64_t draw) {
    const node_id n = g.num_nodes();
    Rng rng(seed, static_cast<std::uint64_t>(draw));
    std::vector<std::vector<node_id>> copies(static_cast<std::size_t>(n));
    for (node_id a = 0; a < n; ++a)
        copies[static_cast<std::size_t>(rng.below(static_cast<std::uint64_t>(n)))].push_back(a);
    GraphBuilder b(n, {.directed = g.directed(), .weighted = g.weighted()});
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const node_id u = g.edge_source(e), v = g.edge_target(e);
        for (const node_id a : copies[static_cast<std::size_t>(u)]) {
            if (u == v) {
                b.add_edge(a, a, g.weight(e));
                continue;
            }
            for (const node_id c : copies[static_cast<std::size_t>(v)]) b.add_edge(a, c, g.weight(e));
        }
    }
    return std::move(b).build();
}

/// Bootstrap of a graph-level statistic by resampling the nodes (Snijders & Borgatti 1999): the
/// statistic on `draws` graphs from bootstrap_graph, their standard deviation as the standard
/// error, and the percentile interval (R's type-7 quantiles at (1 - confidence) / 2 and
/// (1 + confidence) / 2). `statistic` (const Graph& -> double) is called from several threads at
/// once. A NaN on any draw makes the standard error, bias and interval NaN.
/// O(draws (n + m + cost of the statistic)).
/// Throws std::invalid_argument for draws < 2 or confidence outside (0, 1); what the statistic
/// throws is rethrown.
template <class Statistic>
ResamplingResult bootstrap(const Graph& g, Statistic&& statistic, const BootstrapOptions& options = {}) {
    if (options.draws < 2)
        throw std::invalid_argument("bootstrap: draws must be >= 2, got " + std::to_string(options.draws));
    detail::check_confidence(options.confidence);
    NullTestResult runs;  // the parallel loop of the null tests, its p-values unused
    detail::simulate_null(runs, options.draws, options.progress,
                          [&](std::int64_t d) { return statistic(bootstrap_graph(g, options.seed, d)); });
    ResamplingResult r;
    r.estimate = statistic(g);
    r.values = std::move(runs.null);
    if (std::any_of(r.values.begin(), r.values.end(), [](double v) { return std::isnan(v); })) {
        // The statistic is undefined on some draw: so are the summaries.
        r.standard_error = r.bias = r.lower = r.upper = std::numeric_limits<double>::quiet_NaN();
        return r;
    }
    const double count = static_cast<double>(r.values.size());
    const double mean = std::accumulate(r.values.begin(), r.values.end(), 0.0) / count;
    double squares = 0;
    for (const double v : r.values) squares += (v - mean) * (v - mean);
    r.standard_error = std::sqrt(squares / (count - 1));
    r.bias = mean - r.estimate;
    r.lower = detail::quantile_type7(r.values, (1 - options.confidence) / 2);
    r.upper = detail::quantile_type7(r.values, (1 + options.confidence) / 2);
    return r;
}

/// Jackknife of a graph-level statistic (Snijders & Borgatti 1999): the statistic with each node
/// left out in turn (the subgraph induced by the others), the standard error
/// sqrt((n - 1) / n x sum of (value - mean)^2), the bias (n - 1)(mean - estimate), and the interval
/// estimate +- z x standard error for the normal quantile z of `confidence`. `statistic` is called
/// from several threads at once. O(n (n + m + cost of the statistic)).
/// Throws std::invalid_argument for fewer than 2 nodes or confidence outside (0, 1).
template <class Statistic>
ResamplingResult jackknife(const Graph& g, Statistic&& statistic, const JackknifeOptions& options = {}) {
    const node_id n = g.num_nodes();
    if (n < 2) throw std::invalid_argument("jackknife: needs at least 2 nodes, got " + std::to_string(n));
    detail::check_confidence(options.confidence);
    NullTestResult runs;
    detail::simulate_null(runs, n, options.progress, [&](std::int64_t left_out) {
        std::vector<node_id> others;
        others.reserve(static_cast<std::size_t>(n - 1));
        for (node_id v = 0; v < n; ++v)
            if (v != left_out) others.push_back(v);
        return statistic(induced_subgraph(g, others));
    });
    ResamplingResult r;
    r.estimate = statistic(g);
    r.values = std::move(runs.null);
    const double count = static_cast<double>(n);
    const double mean = std::accumulate(r.values.begin(), r.values.end(), 0.0) / count;
    double squares = 0;
    for (const double v : r.values) squares += (v - mean) * (v - mean);
    r.standard_error = std::sqrt((count - 1) / count * squares);
    r.bias = (count - 1) * (mean - r.estimate);
    const double z = boost::math::quantile(boost::math::normal(), (1 + options.confidence) / 2);
    r.lower = r.estimate - z * r.standard_error;
    r.upper = r.estimate + z * r.standard_error;
    return r;
}

}  // namespace essnet
