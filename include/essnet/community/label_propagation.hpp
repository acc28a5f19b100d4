// Label propagation community detection.
//
// Raghavan U.N., Albert R., Kumara S. (2007). Near linear time algorithm to detect community
// structures in large-scale networks. Physical Review E 76:036106. doi:10.1103/PhysRevE.76.036106
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/community/optimiser.hpp"
#include "essnet/community/partition.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct LabelPropagationOptions {
    std::uint64_t seed = 0;
    bool use_weights = true;
    /// Sweeps over all nodes before giving up on convergence (asynchronous updates nearly always
    /// converge in a few sweeps).
    int max_sweeps = 1000;
};

/// Asynchronous label propagation (Raghavan, Albert & Kumara 2007): every node starts with its own
/// label; in each sweep, in a new random order, a node takes the label carried by the largest
/// total weight of its neighbours, ties broken uniformly at random; it stops when every node
/// carries one of its neighbourhood's heaviest labels. Arcs count in both directions, so a
/// directed graph is treated as undirected; self-loops are ignored. `quality` of the result is
/// its modularity (resolution 1). Seeded. Throws std::invalid_argument for negative edge weights
/// or max_sweeps < 1.
inline Partition label_propagation(const Graph& g, const LabelPropagationOptions& options = {}) {
    using namespace detail::community;
    if (options.max_sweeps < 1) throw std::invalid_argument("max_sweeps must be at least 1, got " + std::to_string(options.max_sweeps));
    const bool weighted = options.use_weights && g.weighted();
    const WeightedGraph h = from_graph(g, QualityFunction::modularity, 1.0, options.use_weights);
    std::vector<std::int32_t> label(static_cast<std::size_t>(h.n));
    std::iota(label.begin(), label.end(), 0);
    Rng rng(options.seed, 0x1abe1);
    NeighbourWeights acc(static_cast<std::size_t>(h.n));
    std::vector<std::int32_t> best;
    // Heaviest labels around v, in `best`; returns false for a node without neighbours.
    auto heaviest = [&](std::int32_t v) {
        best.clear();
        gather(h, label, v, acc);
        double top = -1;
        for (const auto c : acc.touched()) {
            const double w = acc.weight[static_cast<std::size_t>(c)];
            if (w > top) {
                top = w;
                best.assign(1, c);
            } else if (w == top) {
                best.push_back(c);
            }
        }
        acc.clear();
        return !best.empty();
    };
    for (int sweep = 0; sweep < options.max_sweeps; ++sweep) {
        for (const auto v : random_order(h.n, rng))
            if (heaviest(v)) label[static_cast<std::size_t>(v)] = best[rng.below(best.size())];
        bool stable = true;
        for (std::int32_t v = 0; v < h.n && stable; ++v)
            if (heaviest(v)) stable = std::find(best.begin(), best.end(), label[static_cast<std::size_t>(v)]) != best.end();
        if (stable) break;
    }
    Partition p;
    p.n_communities = detail::renumber(label);
    p.membership = std::move(label);
    p.quality = g.num_edges() > 0 ? modularity(g, p.membership, {.resolution = 1, .use_weights = weighted})
                            : std::numeric_limits<double>::quiet_NaN();
    return p;
}

}  // namespace essnet
