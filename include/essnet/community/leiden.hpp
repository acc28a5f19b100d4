// Leiden community detection.
//
// Traag V.A., Waltman L., van Eck N.J. (2019). From Louvain to Leiden: guaranteeing well-connected
// communities. Scientific Reports 9:5233. doi:10.1038/s41598-019-41695-z
#pragma once

#include <cstdint>
#include <vector>

#include "essnet/community/optimiser.hpp"
#include "essnet/community/partition.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct LeidenOptions {
    QualityFunction quality = QualityFunction::modularity;
    /// gamma: modularity's resolution (1: Newman's modularity), or CPM's density threshold.
    double resolution = 1;
    /// Rounds of the whole algorithm, each starting from the last partition; negative: until a round
    /// changes nothing. 2 as igraph's community_leiden and leidenalg's find_partition.
    int n_iterations = 2;
    /// Starting partition (one label per node); singletons when empty.
    std::vector<std::int32_t> initial_membership;
    std::uint64_t seed = 0;
    bool use_weights = true;
    /// theta: how random the refinement's merges are (0.01 as in the paper, igraph and leidenalg).
    double randomness = 0.01;
    ProgressHook progress;  ///< called between rounds; returning false stops with Cancelled
};

namespace detail::community {

// Splits every community into its connected parts (new parts get new labels), then renumbers.
inline std::int32_t split_disconnected(const Graph& g, std::vector<std::int32_t>& membership) {
    const auto n = static_cast<std::size_t>(g.num_nodes());
    std::vector<std::int32_t> part(n, -1), queue(n);
    std::int32_t k = 0;
    for (node_id s = 0; s < g.num_nodes(); ++s) {
        if (part[static_cast<std::size_t>(s)] >= 0) continue;
        const std::int32_t c = membership[static_cast<std::size_t>(s)];
        std::size_t head = 0, tail = 0;
        queue[tail++] = s;
        part[static_cast<std::size_t>(s)] = k;
        while (head < tail) {
            const node_id u = queue[head++];
            auto visit = [&](node_id v) {
                const auto vi = static_cast<std::size_t>(v);
                if (part[vi] < 0 && membership[vi] == c) {
                    part[vi] = k;
                    queue[tail++] = v;
                }
            };
            for (const node_id v : g.out_neighbors(u)) visit(v);
            if (g.directed())
                for (const node_id v : g.in_neighbors(u)) visit(v);
        }
        ++k;
    }
    membership.swap(part);
    return k;
}

// One round of Leiden from `membership` (labels 0..k-1 of the level-0 graph's nodes).
inline void leiden_round(const WeightedGraph& level0, std::vector<std::int32_t>& membership, double resolution,
                         QualityFunction quality, double theta, Rng& rng) {
    const WeightedGraph* g = &level0;
    WeightedGraph coarser;
    std::vector<std::int32_t> partition = membership;
    std::vector<std::int32_t> node_of(membership.size());  // original node -> node of the current level
    std::iota(node_of.begin(), node_of.end(), 0);
    NeighbourWeights acc(static_cast<std::size_t>(level0.n));
    while (true) {
        const Objective obj = objective(*g, quality, resolution);
        State st(*g, partition);
        move_nodes_fast(*g, st, obj, rng, acc);
        partition = std::move(st.community);
        const std::int32_t k = detail::renumber(partition);
        if (k == g->n) break;  // every node of this level is a community of its own
        std::vector<std::int32_t> refined = refine(*g, partition, obj, theta, rng, acc);
        const std::int32_t kr = detail::renumber(refined);
        if (kr == g->n) break;  // nothing merged: aggregating would not shrink the graph
        // Aggregate on the refined partition; each aggregate node starts in its community.
        std::vector<std::int32_t> next(static_cast<std::size_t>(kr));
        for (std::size_t v = 0; v < refined.size(); ++v) next[static_cast<std::size_t>(refined[v])] = partition[v];
        for (auto& x : node_of) x = refined[static_cast<std::size_t>(x)];
        coarser = aggregate(*g, refined, kr);
        g = &coarser;
        partition = std::move(next);
    }
    for (std::size_t v = 0; v < membership.size(); ++v) membership[v] = partition[static_cast<std::size_t>(node_of[v])];
}

inline double partition_quality_value(const Graph& g, const std::vector<std::int32_t>& membership, QualityFunction quality,
                                      double resolution, bool use_weights) {
    if (quality == QualityFunction::modularity)
        return modularity(g, membership, {.resolution = resolution, .use_weights = use_weights});
    return cpm_quality(g, membership, resolution, use_weights);
}

}  // namespace detail::community

/// Leiden community detection (Traag, Waltman & van Eck 2019): fast queue-based local moving, a
/// randomised refinement inside each community, aggregation on the refined partition, repeated
/// until the partition no longer changes at the top level; `n_iterations` such rounds. Maximises
/// modularity (weighted; directed as Leicht & Newman 2008) or CPM. Every returned community is
/// connected (weakly, when directed). Seeded: the same seed gives the same partition on any
/// machine and thread count. Communities are numbered 0..k-1 in order of their lowest node.
/// Throws std::invalid_argument for a negative or infinite resolution, negative edge weights, a
/// non-positive randomness or a bad initial_membership.
inline Partition leiden(const Graph& g, const LeidenOptions& options = {}) {
    using namespace detail::community;
    detail::check_resolution(options.resolution);
    if (!(options.randomness > 0) || std::isinf(options.randomness))
        throw std::invalid_argument("randomness must be positive, got " + std::to_string(options.randomness));
    const bool weighted = options.use_weights && g.weighted();
    const WeightedGraph level0 = from_graph(g, options.quality, weighted);
    std::vector<std::int32_t> membership = initial_membership(g, options.initial_membership);
    Rng rng(options.seed, 0x1e1de2);
    detail::ProgressReporter progress(options.progress, options.n_iterations > 0 ? options.n_iterations : 0);
    for (int round = 0; options.n_iterations < 0 || round < options.n_iterations; ++round) {
        const auto before = membership;
        leiden_round(level0, membership, options.resolution, options.quality, options.randomness, rng);
        detail::renumber(membership);
        progress.advance();
        if (progress.cancelled()) break;  // finish() throws Cancelled
        if (options.n_iterations < 0 && membership == before) break;
    }
    progress.finish();
    Partition p;
    p.n_communities = split_disconnected(g, membership);
    p.membership = std::move(membership);
    p.quality = partition_quality_value(g, p.membership, options.quality, options.resolution, weighted);
    return p;
}

}  // namespace essnet
