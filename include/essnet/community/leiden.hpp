// Leiden community detection.
//
// Traag V.A., Waltman L., van Eck N.J. (2019). From Louvain to Leiden: guaranteeing well-connected
// communities. Scientific Reports 9:5233. doi:10.1038/s41598-019-41695-z
#pragma once

#include <cstdint>
#include <vector>

#include "essnet/community/detail/leiden.hpp"
#include "essnet/community/detail/optimiser.hpp"
#include "essnet/community/partition.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct LeidenOptions {
    QualityFunction objective = QualityFunction::modularity;
    /// gamma: modularity's resolution (1: Newman's modularity), or CPM's density threshold.
    double resolution = 1;
    /// Rounds of the whole algorithm, each starting from the last partition; negative: until a round
    /// changes nothing. 2 as igraph's community_leiden and leidenalg's find_partition.
    int n_iterations = 2;
    /// Starting partition (one label per node); singletons when empty.
    std::vector<std::int32_t> initial_membership{};
    std::uint64_t seed = 0;
    bool use_weights = true;
    /// theta: how random the refinement's merges are (0.01 as in the paper and igraph's beta;
    /// leidenalg merges greedily, the limit of small theta). Gains are measured in edge weight
    /// (an unweighted edge counts 1), so theta goes with the scale of the weights, as igraph's beta.
    double randomness = 0.01;
    ProgressHook progress{};  ///< called between rounds; returning false stops with Cancelled
};

namespace detail::community {

inline LeidenRounds rounds_of(const LeidenOptions& o) {
    return {.n_iterations = o.n_iterations, .randomness = o.randomness, .seed = o.seed, .progress = o.progress};
}

}  // namespace detail::community

/// Leiden community detection (Traag, Waltman & van Eck 2019): fast queue-based local moving, a
/// randomised refinement inside each community, aggregation on the refined partition, repeated
/// until the partition no longer changes at the top level; `n_iterations` such rounds. Maximises
/// modularity (weighted; directed as Leicht & Newman 2008) or CPM. Every returned community is
/// connected (weakly, when directed). Seeded: the same seed gives the same partition on any
/// machine and thread count. Communities are numbered 0..k-1 in order of their lowest node.
///
/// Time: O(m) per pass of local moving over a level, a few passes per level and levels that shrink
/// geometrically in practice, so near O(m) per round (no better worst-case bound is known); memory
/// O(n + m) for the level-0 graph and its aggregates.
/// Throws std::invalid_argument for a negative or infinite resolution, negative edge weights, a
/// non-positive randomness or a bad initial_membership.
inline Partition leiden(const Graph& g, const LeidenOptions& options = {}) {
    using namespace detail::community;
    check_leiden_options(options.resolution, options.randomness);
    const WeightedGraph level0 = from_graph(g, options.objective, options.resolution, options.use_weights);
    Partition p;
    p.membership =
        run_leiden(level0, initial_membership(g, options.initial_membership), rounds_of(options), p.n_communities);
    p.quality = detail::partition_quality_value(g, p.membership, options.objective, options.resolution,
                                                options.use_weights && g.weighted());
    return p;
}

/// Leiden on a multiplex network: several layers on the same nodes (say, one graph per relation of
/// an actor network), optimising the weighted sum of each layer's quality, sum over l of
/// layer_weights[l] * Q_l, as leidenalg's Optimiser.optimise_partition_multiplex does. A layer
/// weight may be negative (a layer whose ties should separate communities). Communities are
/// connected in the union of the layers. `quality` of the result is that weighted sum (a layer
/// without edges adds 0 under modularity). Throws std::invalid_argument when there are no layers,
/// the layers differ in node count or direction, the weights do not match the layers or are not
/// finite, and as leiden(). Time and memory as leiden() on the union of the layers, with one mass
/// block per layer and node.
inline Partition leiden_multiplex(const std::vector<Graph>& layers, const std::vector<double>& layer_weights,
                                  const LeidenOptions& options = {}) {
    using namespace detail::community;
    check_leiden_options(options.resolution, options.randomness);
    if (layers.empty()) throw std::invalid_argument("leiden_multiplex needs at least one layer");
    if (layer_weights.size() != layers.size())
        throw std::invalid_argument("layer_weights must have one value per layer (" + std::to_string(layers.size()) +
                                    "), got " + std::to_string(layer_weights.size()));
    std::vector<const Graph*> pointers;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        if (layers[l].num_nodes() != layers[0].num_nodes())
            throw std::invalid_argument("layer " + std::to_string(l) + " has " + std::to_string(layers[l].num_nodes()) +
                                        " nodes, layer 0 has " + std::to_string(layers[0].num_nodes()));
        if (layers[l].directed() != layers[0].directed())
            throw std::invalid_argument("layer " + std::to_string(l) + " differs from layer 0 in direction");
        if (!std::isfinite(layer_weights[l]))
            throw std::invalid_argument("layer_weights[" + std::to_string(l) + "] must be finite, got " +
                                        std::to_string(layer_weights[l]));
        pointers.push_back(&layers[l]);
    }
    // Modularity layers are on the scale of their own total weight: scale each to the mean total,
    // so that layer l counts layer_weights[l] times its modularity.
    std::vector<double> coefficient(layer_weights);
    if (options.objective == QualityFunction::modularity) {
        std::vector<double> totals;
        double mean = 0;
        int counted = 0;
        for (const Graph& g : layers) {
            double m = 0;
            const bool weighted = options.use_weights && g.weighted();
            for (edge_id e = 0; e < g.num_edges(); ++e) m += weighted ? g.weight(e) : 1.0;
            totals.push_back(m);
            if (m > 0) {
                mean += m;
                ++counted;
            }
        }
        mean = counted > 0 ? mean / counted : 1.0;
        for (std::size_t l = 0; l < layers.size(); ++l)
            coefficient[l] = totals[l] > 0 ? layer_weights[l] * mean / totals[l] : 0.0;
    }
    const WeightedGraph level0 =
        from_layers(pointers, coefficient, options.objective, options.resolution, options.use_weights);
    Partition p;
    p.membership = run_leiden(level0, initial_membership(layers[0], options.initial_membership), rounds_of(options),
                              p.n_communities);
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const double q = detail::partition_quality_value(layers[l], p.membership, options.objective, options.resolution,
                                                         options.use_weights && layers[l].weighted());
        if (!std::isnan(q)) p.quality += layer_weights[l] * q;
    }
    return p;
}

}  // namespace essnet
