// Consensus clustering over many seeded runs, and each node's stability.
//
// Lancichinetti A., Fortunato S. (2012). Consensus clustering in complex networks. Scientific
// Reports 2:336. doi:10.1038/srep00336
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/community/label_propagation.hpp"
#include "essnet/community/leiden.hpp"
#include "essnet/community/louvain.hpp"
#include "essnet/components/connected_components.hpp"
#include "essnet/core/parallel.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/graph/builder.hpp"

namespace essnet {

enum class CommunityAlgorithm { leiden, louvain, label_propagation };

struct ConsensusOptions {
    CommunityAlgorithm algorithm = CommunityAlgorithm::leiden;
    int runs = 100;                                           ///< seeded runs per round (seeds seed, seed + 1, ...)
    double threshold = 0.5;                                   ///< tau: co-assignment frequencies below it are dropped
    int max_iterations = 10;                                  ///< consensus rounds before giving up on full agreement
    QualityFunction objective = QualityFunction::modularity;  ///< for Leiden and Louvain
    double resolution = 1;
    bool use_weights = true;
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

struct ConsensusResult {
    Partition partition{};  ///< the consensus partition
    std::vector<double>
        co_assignment{};  ///< per edge of the graph: share of the first round's runs that put its ends together
    std::vector<double>
        stability{};     ///< per node: share of the first round's runs in which it sits with its consensus community
    int iterations = 0;  ///< consensus rounds run
    bool converged = false;  ///< whether the last round's runs all agreed
};

namespace detail::community {

inline Partition run_algorithm(const Graph& g, const ConsensusOptions& o, std::uint64_t seed) {
    switch (o.algorithm) {
        case CommunityAlgorithm::leiden:
            return leiden(
                g, {.objective = o.objective, .resolution = o.resolution, .seed = seed, .use_weights = o.use_weights});
        case CommunityAlgorithm::louvain:
            return louvain(g, {.objective = o.objective,
                               .resolution = o.resolution,
                               .seed = seed,
                               .use_weights = o.use_weights})
                .partition;
        case CommunityAlgorithm::label_propagation:
            return label_propagation(g, {.seed = seed, .use_weights = o.use_weights});
    }
    return {};
}

// Runs the algorithm with `runs` seeds, one run per thread at a time; the memberships come back in
// seed order, so the result does not depend on the thread count.
inline std::vector<std::vector<std::int32_t>> run_many(const Graph& g, const ConsensusOptions& o,
                                                       std::uint64_t first_seed, ProgressReporter& progress) {
    std::vector<std::vector<std::int32_t>> out(static_cast<std::size_t>(o.runs));
#pragma omp parallel for schedule(dynamic, 1)
    for (int r = 0; r < o.runs; ++r) {
        if (progress.cancelled()) continue;
        out[static_cast<std::size_t>(r)] = run_algorithm(g, o, first_seed + static_cast<std::uint64_t>(r)).membership;
        progress.advance();
    }
    return out;
}

// Share of runs that put the two ends of each edge of g together.
inline std::vector<double> co_assignment(const Graph& g, const std::vector<std::vector<std::int32_t>>& runs) {
    const auto sources = g.edge_sources();
    const auto targets = g.edge_targets();
    std::vector<double> share(static_cast<std::size_t>(g.num_edges()), 0.0);
#pragma omp parallel for schedule(static)
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const auto ei = static_cast<std::size_t>(e);
        int together = 0;
        for (const auto& m : runs)
            together += m[static_cast<std::size_t>(sources[ei])] == m[static_cast<std::size_t>(targets[ei])];
        share[ei] = static_cast<double>(together) / static_cast<double>(runs.size());
    }
    return share;
}

// Whether an edge of share `weight` stays in the consensus graph.
inline bool kept(double weight, double threshold) {
    return weight >= threshold && weight > 0;
}

// The consensus graph: one undirected edge per pair of nodes joined in g (either way, any number
// of times) whose share of runs is kept. Every copy of a pair has the same share, so merging them
// keeps one (a reciprocated or repeated tie does not count twice).
inline Graph consensus_graph(const Graph& g, const std::vector<double>& weight, double threshold) {
    const auto sources = g.edge_sources();
    const auto targets = g.edge_targets();
    GraphBuilder b(g.num_nodes(), {.directed = false, .weighted = true, .duplicates = DuplicatePolicy::max});
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const auto ei = static_cast<std::size_t>(e);
        if (kept(weight[ei], threshold) && sources[ei] != targets[ei]) b.add_edge(sources[ei], targets[ei], weight[ei]);
    }
    return std::move(b).build();
}

}  // namespace detail::community

/// Consensus clustering (Lancichinetti & Fortunato 2012): run the algorithm `runs` times with
/// seeds seed, seed + 1, ... (in parallel), weigh each pair of nodes joined by an edge by the share
/// of runs that put them together (pairs that are not joined are not weighed: the co-assignment is
/// sparse), drop weights below `threshold`, and run the algorithm again on that weighted, undirected
/// graph (one edge per pair, whatever the direction or number of ties), until all runs agree
/// or `max_iterations` rounds have run. The consensus partition is then the connected components of
/// the last weighted graph (exactly the communities every run agreed on, when converged).
/// Stability of a node: the share of the first round's runs in which it sat in the run's
/// community that holds the largest part of its consensus community ("this bloc held together
/// and the actor stayed with it").
///
/// Time: runs x max_iterations runs of the algorithm at most, in parallel, plus O(runs x m) per
/// round for the co-assignment; memory O(runs x n + m) (the memberships of one round's runs).
/// Throws std::invalid_argument for runs < 1, threshold outside [0, 1] or max_iterations < 1.
inline ConsensusResult consensus(const Graph& g, const ConsensusOptions& options = {}) {
    using namespace detail::community;
    if (options.runs < 1) throw std::invalid_argument("runs must be at least 1, got " + std::to_string(options.runs));
    if (!(options.threshold >= 0 && options.threshold <= 1))
        throw std::invalid_argument("threshold must be in [0, 1], got " + std::to_string(options.threshold));
    if (options.max_iterations < 1)
        throw std::invalid_argument("max_iterations must be at least 1, got " + std::to_string(options.max_iterations));
    detail::check_resolution(options.resolution);
    const node_id n = g.num_nodes();
    detail::ProgressReporter progress(options.progress,
                                      static_cast<std::int64_t>(options.runs) * options.max_iterations);
    ConsensusResult result;
    const auto first = run_many(g, options, options.seed, progress);
    if (progress.cancelled()) progress.finish();
    result.co_assignment = co_assignment(g, first);

    // Consensus rounds on the thresholded co-assignment graph (undirected, weighted).
    std::vector<double> weight = result.co_assignment;
    Graph current;
    ConsensusOptions again = options;
    again.use_weights = true;
    for (result.iterations = 1;; ++result.iterations) {
        current = consensus_graph(g, weight, options.threshold);
        bool agreed = true;
        for (const double w : weight) agreed = agreed && (w == 0 || w == 1);
        if (agreed || result.iterations >= options.max_iterations) {
            result.converged = agreed;
            break;
        }
        const auto runs =
            run_many(current, again, options.seed + static_cast<std::uint64_t>(result.iterations) * 1000003u, progress);
        if (progress.cancelled()) progress.finish();
        // The new weights live on the original edges; an edge dropped from the consensus graph
        // keeps weight 0.
        std::vector<double> next = co_assignment(g, runs);
        for (std::size_t e = 0; e < next.size(); ++e)
            if (!kept(weight[e], options.threshold)) next[e] = 0;
        weight.swap(next);
    }
    progress.finish();
    result.partition.membership = connected_components(current).membership;
    result.partition.n_communities = detail::renumber(result.partition.membership);
    result.partition.quality = detail::partition_quality_value(g, result.partition.membership, options.objective,
                                                               options.resolution, options.use_weights && g.weighted());

    // Stability against the first round's runs.
    const auto& consensus_of = result.partition.membership;
    const auto k = static_cast<std::size_t>(result.partition.n_communities);
    std::vector<double> stable(static_cast<std::size_t>(n), 0.0);
    std::vector<std::int32_t> start(k + 1, 0), members(static_cast<std::size_t>(n));
    for (const auto c : consensus_of) ++start[static_cast<std::size_t>(c) + 1];
    for (std::size_t c = 0; c < k; ++c) start[c + 1] += start[c];
    {
        auto next = start;
        for (node_id v = 0; v < n; ++v)
            members[static_cast<std::size_t>(
                next[static_cast<std::size_t>(consensus_of[static_cast<std::size_t>(v)])]++)] = v;
    }
    NeighbourWeights count(static_cast<std::size_t>(n));
    for (const auto& run : first) {
        // For each consensus community, the run's community holding most of it (ties: lowest label).
        for (std::size_t c = 0; c < k; ++c) {
            for (auto i = start[c]; i < start[c + 1]; ++i)
                count.add(run[static_cast<std::size_t>(members[static_cast<std::size_t>(i)])], 1);
            std::int32_t plurality = -1;
            double most = 0;
            for (const auto r : count.touched()) {
                const double x = count.weight[static_cast<std::size_t>(r)];
                if (x > most || (x == most && r < plurality)) {
                    most = x;
                    plurality = r;
                }
            }
            count.clear();
            for (auto i = start[c]; i < start[c + 1]; ++i) {
                const auto v = static_cast<std::size_t>(members[static_cast<std::size_t>(i)]);
                stable[v] += run[v] == plurality;
            }
        }
    }
    for (auto& s : stable) s /= static_cast<double>(first.size());
    result.stability = std::move(stable);
    return result;
}

}  // namespace essnet
