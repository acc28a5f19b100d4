// Label propagation community detection.
//
// Raghavan U.N., Albert R., Kumara S. (2007). Near linear time algorithm to detect community
// structures in large-scale networks. Physical Review E 76:036106. doi:10.1103/PhysRevE.76.036106
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/community/detail/optimiser.hpp"
#include "essnet/community/partition.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/core/tolerance.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct LabelPropagationOptions {
    std::uint64_t seed = 0;
    bool use_weights = true;
    /// Sweeps over all nodes before giving up on convergence (asynchronous updates nearly always
    /// converge in a few sweeps).
    int max_iterations = 1000;
};

/// A label propagation partition, with the sweeps it took and whether it reached a stable labelling
/// (every node carries one of its neighbourhood's heaviest labels) within max_iterations.
struct LabelPropagationResult : Partition {
    int iterations = 0;
    bool converged = false;
};

/// Asynchronous label propagation (Raghavan, Albert & Kumara 2007): every node starts with its own
/// label; in each sweep, in a new random order, a node takes the label carried by the largest
/// total weight of its neighbours, ties broken uniformly at random; it stops when every node
/// carries one of its neighbourhood's heaviest labels. Arcs count in both directions, so a
/// directed graph is treated as undirected; self-loops are ignored. `quality` of the result is
/// its modularity (resolution 1). Seeded. The stopping rule is exact: the labelling is stable, not
/// "few nodes moved"; weight sums within a relative 1e-10 count as tied, so decimal weights tie as
/// they would in exact arithmetic.
///
/// Time O(m) per sweep (a handful of sweeps in practice), memory O(n + m).
/// Throws std::invalid_argument for negative edge weights or max_iterations < 1.
inline LabelPropagationResult label_propagation(const Graph& g, const LabelPropagationOptions& options = {}) {
    using namespace detail::community;
    if (options.max_iterations < 1)
        throw std::invalid_argument("max_iterations must be at least 1, got " + std::to_string(options.max_iterations));
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
        double top = 0;
        for (const auto c : acc.touched()) top = std::max(top, acc.weight[static_cast<std::size_t>(c)]);
        for (const auto c : acc.touched())
            if (detail::nearly_equal(acc.weight[static_cast<std::size_t>(c)], top)) best.push_back(c);
        acc.clear();
        return !best.empty();
    };
    LabelPropagationResult p;
    while (p.iterations < options.max_iterations) {
        for (const auto v : detail::random_order(h.n, rng))
            if (heaviest(v)) label[static_cast<std::size_t>(v)] = best[rng.below(best.size())];
        ++p.iterations;
        bool stable = true;
        for (std::int32_t v = 0; v < h.n && stable; ++v)
            if (heaviest(v))
                stable = std::find(best.begin(), best.end(), label[static_cast<std::size_t>(v)]) != best.end();
        if (stable) {
            p.converged = true;
            break;
        }
    }
    p.n_communities = detail::renumber(label);
    p.membership = std::move(label);
    p.quality = g.num_edges() > 0 ? modularity(g, p.membership, {.resolution = 1, .use_weights = weighted})
                                  : std::numeric_limits<double>::quiet_NaN();
    return p;
}

}  // namespace essnet
