// Louvain community detection.
//
// Blondel V.D., Guillaume J.-L., Lambiotte R., Lefebvre E. (2008). Fast unfolding of communities in
// large networks. J. Stat. Mech. P10008. doi:10.1088/1742-5468/2008/10/P10008
#pragma once

#include <cstdint>
#include <vector>

#include "essnet/community/detail/optimiser.hpp"
#include "essnet/community/partition.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct LouvainOptions {
    QualityFunction objective = QualityFunction::modularity;
    double resolution = 1;
    std::uint64_t seed = 0;
    bool use_weights = true;
};

struct LouvainResult {
    /// The partition of the last level (the best one found).
    Partition partition{};
    /// The partition after each level, from the finest (first aggregation) to the last, each as a
    /// membership of the graph's nodes, as networkx's louvain_partitions and igraph's
    /// community_multilevel(return_levels=True) give them.
    std::vector<Partition> levels{};
};

/// Louvain (Blondel et al. 2008): nodes move, in sweeps over a random order, to the neighbouring
/// community that raises the quality most until a sweep moves nothing; the communities then
/// become the nodes of a smaller graph, and so on until no node moves. Maximises modularity
/// (weighted; directed as Leicht & Newman 2008) or CPM. Communities may be disconnected (Leiden
/// fixes this). Seeded.
///
/// Time: O(m) per sweep, sweeps repeated until no node moves on each level, levels shrinking
/// geometrically in practice (near O(m log n) overall, as Blondel et al. report); memory O(n + m).
/// Throws std::invalid_argument for a negative or infinite resolution or negative edge weights.
inline LouvainResult louvain(const Graph& g, const LouvainOptions& options = {}) {
    using namespace detail::community;
    detail::check_resolution(options.resolution);
    const bool weighted = options.use_weights && g.weighted();
    WeightedGraph level = from_graph(g, options.objective, options.resolution, options.use_weights);
    std::vector<std::int32_t> membership = initial_membership(g, {});
    Rng rng(options.seed, 0x10f4a1);
    NeighbourWeights acc(static_cast<std::size_t>(level.n));
    LouvainResult result;
    while (true) {
        std::vector<std::int32_t> singletons(static_cast<std::size_t>(level.n));
        std::iota(singletons.begin(), singletons.end(), 0);
        State st(level, std::move(singletons));
        if (!move_nodes_sweeps(level, st, rng, acc)) break;
        std::vector<std::int32_t> partition = std::move(st.community);
        const std::int32_t k = detail::renumber(partition);
        for (auto& c : membership) c = partition[static_cast<std::size_t>(c)];
        Partition p;
        p.membership = membership;
        p.n_communities = k;
        p.quality = detail::partition_quality_value(g, membership, options.objective, options.resolution, weighted);
        result.levels.push_back(std::move(p));
        level = aggregate(level, partition, k);
    }
    if (result.levels.empty()) {  // nothing moved: every node alone
        Partition p;
        p.membership = membership;
        p.n_communities = g.num_nodes();
        p.quality = detail::partition_quality_value(g, membership, options.objective, options.resolution, weighted);
        result.partition = p;
    } else {
        result.partition = result.levels.back();
    }
    return result;
}

}  // namespace essnet
