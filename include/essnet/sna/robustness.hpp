// How far a node measure can be trusted when the network is incomplete or noisy.
//
// Borgatti S.P., Carley K.M., Krackhardt D. (2006). On the robustness of centrality measures under
// conditions of imperfect data. Social Networks 28(2):124-136. doi:10.1016/j.socnet.2005.05.001
//
// The measure is recomputed on perturbed copies of the graph (ties dropped, actors dropped, or
// random ties added) and compared with its value on the graph as observed: per node, the range of
// its score and rank over the copies; per copy, Spearman's rank correlation with the observed
// scores. Copy r draws from its own random stream Rng(seed, r), so a copy does not depend on the
// copies before it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/graph/subgraph.hpp"

namespace essnet {

/// How a copy of the graph is perturbed.
enum class Perturbation {
    drop_ties,    ///< each tie dropped with probability `share` (missing ties)
    drop_actors,  ///< each actor dropped with probability `share`, with its ties (missing actors)
    add_ties,     ///< round(share x m) random ties added between two distinct actors (spurious ties)
};

struct RobustnessOptions {
    Perturbation perturbation = Perturbation::drop_ties;
    double share = 0.1;      ///< in [0, 1)
    int runs = 100;          ///< perturbed copies
    std::uint64_t seed = 0;  ///< copy r uses the stream Rng(seed, r)
    double interval = 0.9;   ///< the central share of the copies that score_low..score_high spans
    std::int32_t top = 10;   ///< the k of top_share: the share of copies in which a node ranks in the top k
    /// Measure the copies in parallel, one per thread (the measure must then be safe to call from
    /// several threads at once, as every essnet measure is); the result is the same.
    bool parallel = false;
    ProgressHook progress{};
};

/// A perturbed copy of a graph: `position[u]` is the node of the copy that node u became, -1 when
/// u was dropped.
struct PerturbedGraph {
    Graph graph{};
    std::vector<node_id> position{};
};

/// A measure of every node, aligned with the graph's nodes (NaN where undefined).
using NodeMeasure = std::function<std::vector<double>(const Graph&)>;

/// Per node, aligned with the graph's nodes: the observed score and rank (1 for the highest; tied
/// scores share the best rank, NaN scores get none), and over the copies in which the node is
/// present the `interval` range of its score and rank (linear interpolation between order
/// statistics, as numpy's quantile) and the share of copies in which its rank is at most `top`.
/// Per copy: Spearman's correlation between the copy's and the observed scores of the nodes present
/// with a score in both (NaN when fewer than two or when either side is constant).
struct RobustnessResult {
    std::vector<double> score{}, rank{};
    std::vector<double> score_low{}, score_high{}, rank_low{}, rank_high{};
    std::vector<double> top_share{};
    std::vector<double> rank_correlation{};
};

namespace detail {

// Ranks for descending order, rank 1 the highest, ties at their lowest rank (pandas' method="min");
// NaN values are not ranked.
inline std::vector<double> min_ranks(const std::vector<double>& values) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isnan(values[i])) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
    std::vector<double> rank(values.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t k = 0; k < order.size(); ++k)
        rank[order[k]] =
            (k > 0 && values[order[k]] == values[order[k - 1]]) ? rank[order[k - 1]] : static_cast<double>(k + 1);
    return rank;
}

// Ranks for ascending order, ties at the mean of their positions (Spearman's convention).
inline std::vector<double> average_ranks(const std::vector<double>& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> rank(values.size());
    for (std::size_t k = 0; k < order.size();) {
        std::size_t end = k + 1;
        while (end < order.size() && values[order[end]] == values[order[k]]) ++end;
        const double mean = (static_cast<double>(k + 1) + static_cast<double>(end)) / 2;
        for (std::size_t j = k; j < end; ++j) rank[order[j]] = mean;
        k = end;
    }
    return rank;
}

inline double spearman(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t k = x.size();
    if (k < 2) return std::numeric_limits<double>::quiet_NaN();
    const auto rx = average_ranks(x), ry = average_ranks(y);
    const double mean = (static_cast<double>(k) + 1) / 2;  // of the ranks 1..k, whatever the ties
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < k; ++i) {
        sxy += (rx[i] - mean) * (ry[i] - mean);
        sxx += (rx[i] - mean) * (rx[i] - mean);
        syy += (ry[i] - mean) * (ry[i] - mean);
    }
    if (sxx == 0 || syy == 0) return std::numeric_limits<double>::quiet_NaN();
    return sxy / std::sqrt(sxx * syy);
}

// The q-quantile of the values that are not NaN, interpolating linearly (numpy's default); NaN
// when there are none.
inline double quantile(std::vector<double> values, double q) {
    std::erase_if(values, [](double v) { return std::isnan(v); });
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double at = q * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(at));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (at - static_cast<double>(below)) * (values[above] - values[below]);
}

// A builder for a copy of g on the same nodes: same direction, weights, names and actor rows.
inline GraphBuilder same_nodes_builder(const Graph& g) {
    GraphBuilder b(g.num_nodes(), {.directed = g.directed(), .weighted = g.weighted()});
    if (!g.node_names().empty()) b.set_node_names(g.node_names());
    if (!g.node_actors().empty()) b.set_node_actors({g.node_actors().begin(), g.node_actors().end()});
    return b;
}

inline void check_share(double share) {
    if (!(share >= 0 && share < 1))
        throw std::invalid_argument("share must be in [0, 1), got " + std::to_string(share));
}

}  // namespace detail

/// A perturbed copy of g. drop_ties and add_ties keep every node (and its name and actor row);
/// drop_ties keeps each surviving tie's weight and row, add_ties gives the added ties weight 1.
/// drop_actors keeps the induced subgraph on the surviving nodes, which names its nodes (an
/// unnamed graph's numbers become their decimal strings). O(n + m) time.
/// Throws std::invalid_argument for a share outside [0, 1).
inline PerturbedGraph perturb(const Graph& g, Perturbation kind, double share, Rng& rng) {
    detail::check_share(share);
    const node_id n = g.num_nodes();
    const edge_id m = g.num_edges();
    PerturbedGraph p;
    p.position.resize(static_cast<std::size_t>(n));
    std::iota(p.position.begin(), p.position.end(), node_id{0});
    const auto rows = g.edge_rows();
    auto row = [&](edge_id e) {
        return rows.empty() ? static_cast<std::int64_t>(e) : rows[static_cast<std::size_t>(e)];
    };
    switch (kind) {
        case Perturbation::drop_ties: {
            GraphBuilder b = detail::same_nodes_builder(g);
            for (edge_id e = 0; e < m; ++e)
                if (rng.uniform() >= share) b.add_edge(g.edge_source(e), g.edge_target(e), g.weight(e), row(e));
            p.graph = std::move(b).build();
            break;
        }
        case Perturbation::add_ties: {
            GraphBuilder b = detail::same_nodes_builder(g);
            for (edge_id e = 0; e < m; ++e) b.add_edge(g.edge_source(e), g.edge_target(e), g.weight(e));
            const auto extra = n >= 2 ? static_cast<std::int64_t>(std::llround(share * static_cast<double>(m))) : 0;
            for (std::int64_t i = 0; i < extra; ++i) {
                const auto a = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
                auto c = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n - 1)));
                c += c >= a;  // drawn among the n - 1 nodes other than a
                b.add_edge(a, c, 1.0);
            }
            p.graph = std::move(b).build();
            break;
        }
        case Perturbation::drop_actors: {
            std::vector<node_id> alive;
            for (node_id u = 0; u < n; ++u) {
                if (rng.uniform() >= share) {
                    p.position[static_cast<std::size_t>(u)] = static_cast<node_id>(alive.size());
                    alive.push_back(u);
                } else {
                    p.position[static_cast<std::size_t>(u)] = -1;
                }
            }
            p.graph = induced_subgraph(g, alive);
            break;
        }
    }
    return p;
}

/// Robustness of a node measure to missing or spurious data (after Borgatti, Carley & Krackhardt
/// 2006): `measure` on g, then on `runs` copies perturbed as `options.perturbation` says, compared
/// as RobustnessResult describes. The measure runs once per copy, one copy at a time (it may be
/// parallel itself), or one copy per thread with `parallel`. Seeded: the same seed gives the same
/// copies, and the same result, on any machine and thread count.
///
/// Time: runs x (O(n + m) for the copy + the measure's time) + O(runs x n log n) for the ranks and
/// quantiles; memory O(runs x n) for the scores and ranks of every copy.
/// Throws std::invalid_argument for a share outside [0, 1), runs < 1, an interval outside (0, 1],
/// or a measure that does not return one value per node; Cancelled when the progress hook says so.
inline RobustnessResult robustness(const Graph& g, const NodeMeasure& measure, const RobustnessOptions& options = {}) {
    detail::check_share(options.share);  // before the measure runs on g
    if (options.runs < 1) throw std::invalid_argument("runs must be at least 1, got " + std::to_string(options.runs));
    if (options.top < 1) throw std::invalid_argument("top must be at least 1, got " + std::to_string(options.top));
    if (!(options.interval > 0 && options.interval <= 1))
        throw std::invalid_argument("interval must be in (0, 1], got " + std::to_string(options.interval));
    auto measured = [&](const Graph& h) {
        std::vector<double> values = measure(h);
        if (values.size() != static_cast<std::size_t>(h.num_nodes()))
            throw std::invalid_argument("the measure returned " + std::to_string(values.size()) +
                                        " values for a graph of " + std::to_string(h.num_nodes()) + " nodes");
        return values;
    };
    const auto n = static_cast<std::size_t>(g.num_nodes());
    const auto runs = static_cast<std::size_t>(options.runs);
    RobustnessResult r;
    r.score = measured(g);
    r.rank = detail::min_ranks(r.score);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> scores(runs * n, nan), ranks(runs * n, nan);  // copy-major
    r.rank_correlation.assign(runs, nan);
    detail::ProgressReporter progress(options.progress, options.runs);
    auto one_copy = [&](std::size_t run) {
        Rng rng(options.seed, run);
        const PerturbedGraph copy = perturb(g, options.perturbation, options.share, rng);
        const std::vector<double> values = measured(copy.graph);
        const std::vector<double> value_ranks = detail::min_ranks(values);
        std::vector<double> observed, perturbed;
        for (std::size_t u = 0; u < n; ++u) {
            const node_id at = copy.position[u];
            if (at < 0) continue;
            scores[run * n + u] = values[static_cast<std::size_t>(at)];
            ranks[run * n + u] = value_ranks[static_cast<std::size_t>(at)];
            if (!std::isnan(scores[run * n + u]) && !std::isnan(r.score[u])) {
                observed.push_back(r.score[u]);
                perturbed.push_back(scores[run * n + u]);
            }
        }
        r.rank_correlation[run] = detail::spearman(observed, perturbed);
    };
    if (options.parallel) {
        std::exception_ptr error;
#pragma omp parallel for schedule(dynamic, 1)
        for (std::size_t run = 0; run < runs; ++run) {
            if (progress.cancelled()) continue;
            try {
                one_copy(run);
            } catch (...) {
#pragma omp critical(essnet_robustness_error)
                if (!error) error = std::current_exception();
            }
            progress.advance();
        }
        if (error) std::rethrow_exception(error);
    } else {
        for (std::size_t run = 0; run < runs; ++run) {
            one_copy(run);
            if (!progress.advance()) break;
        }
    }
    progress.finish();
    const double lo = (1 - options.interval) / 2, hi = 1 - lo;
    r.score_low.resize(n);
    r.score_high.resize(n);
    r.rank_low.resize(n);
    r.rank_high.resize(n);
    r.top_share.resize(n);
    std::vector<double> column(runs);
    for (std::size_t u = 0; u < n; ++u) {
        for (std::size_t run = 0; run < runs; ++run) column[run] = scores[run * n + u];
        r.score_low[u] = detail::quantile(column, lo);
        r.score_high[u] = detail::quantile(column, hi);
        std::size_t ranked = 0, top = 0;
        for (std::size_t run = 0; run < runs; ++run) {
            column[run] = ranks[run * n + u];
            if (!std::isnan(column[run])) {
                ++ranked;
                top += column[run] <= options.top;
            }
        }
        r.rank_low[u] = detail::quantile(column, lo);
        r.rank_high[u] = detail::quantile(column, hi);
        r.top_share[u] = ranked > 0 ? static_cast<double>(top) / static_cast<double>(ranked) : nan;
    }
    return r;
}

}  // namespace essnet
