// Leiden's rounds: refinement, aggregation on the refined partition, and the split of disconnected
// communities (Traag, Waltman & van Eck 2019). leiden.hpp holds the public functions.
#pragma once

#include <cmath>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/community/detail/optimiser.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"

namespace essnet {

namespace detail::community {

// Splits every community into its connected parts (new parts get new labels, numbered in order
// of their lowest node); returns their number.
inline std::int32_t split_disconnected(const WeightedGraph& g, std::vector<std::int32_t>& membership) {
    const auto n = static_cast<std::size_t>(g.n);
    std::vector<std::int32_t> part(n, -1), queue(n);
    std::int32_t k = 0;
    for (std::int32_t s = 0; s < g.n; ++s) {
        if (part[static_cast<std::size_t>(s)] >= 0) continue;
        const std::int32_t c = membership[static_cast<std::size_t>(s)];
        std::size_t head = 0, tail = 0;
        queue[tail++] = s;
        part[static_cast<std::size_t>(s)] = k;
        while (head < tail) {
            const std::int32_t u = queue[head++];
            for (auto e = g.begin(u); e < g.end(u); ++e) {
                const auto v = g.targets[static_cast<std::size_t>(e)];
                const auto vi = static_cast<std::size_t>(v);
                if (part[vi] < 0 && membership[vi] == c) {
                    part[vi] = k;
                    queue[tail++] = v;
                }
            }
        }
        ++k;
    }
    membership.swap(part);
    return k;
}

// One round of Leiden from `membership` (labels 0..k-1 of the level-0 graph's nodes); the
// communities it returns are connected.
inline void leiden_round(const WeightedGraph& level0, std::vector<std::int32_t>& membership, double theta, Rng& rng) {
    const WeightedGraph* g = &level0;
    WeightedGraph coarser;
    std::vector<std::int32_t> partition = membership;
    std::vector<std::int32_t> node_of(membership.size());  // original node -> node of the current level
    std::iota(node_of.begin(), node_of.end(), 0);
    NeighbourWeights acc(static_cast<std::size_t>(level0.n));
    while (true) {
        State st(*g, partition);
        move_nodes_fast(*g, st, rng, acc);
        partition = std::move(st.community);
        const std::int32_t k = renumber(partition);
        if (k == g->n) break;  // every node of this level is a community of its own
        std::vector<std::int32_t> refined = refine(*g, partition, k, theta, rng.next());
        const std::int32_t kr = renumber(refined);
        if (kr == g->n) break;  // nothing merged: aggregating would not shrink the graph
        // Aggregate on the refined partition; each aggregate node starts in its community.
        std::vector<std::int32_t> next(static_cast<std::size_t>(kr));
        for (std::size_t v = 0; v < refined.size(); ++v) next[static_cast<std::size_t>(refined[v])] = partition[v];
        for (auto& x : node_of) x = refined[static_cast<std::size_t>(x)];
        coarser = aggregate(*g, refined, kr);
        g = &coarser;
        partition = std::move(next);
    }
    // Each node of this level is a connected set of original nodes (a refined community is built
    // by merging neighbours only), so a community is connected exactly when its nodes are
    // connected here: split where needed on this graph, which is much smaller than level 0.
    split_disconnected(*g, partition);
    for (std::size_t v = 0; v < membership.size(); ++v) membership[v] = partition[static_cast<std::size_t>(node_of[v])];
}

inline void check_leiden_options(double resolution, double randomness) {
    detail::check_resolution(resolution);
    if (!(randomness > 0) || std::isinf(randomness))
        throw std::invalid_argument("randomness must be positive, got " + std::to_string(randomness));
}

// What a run of Leiden rounds needs of the options.
struct LeidenRounds {
    int n_iterations = 2;
    double randomness = 0.01;
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

// Rounds of Leiden on a level-0 graph; returns the membership with connected communities, and k.
inline std::vector<std::int32_t> run_leiden(const WeightedGraph& level0, std::vector<std::int32_t> membership,
                                            const LeidenRounds& options, std::int32_t& k) {
    Rng rng(options.seed, 0x1e1de2);
    detail::ProgressReporter progress(options.progress, options.n_iterations > 0 ? options.n_iterations : 0);
    for (int round = 0; options.n_iterations < 0 || round < options.n_iterations; ++round) {
        const auto before = membership;
        leiden_round(level0, membership, options.randomness, rng);
        k = renumber(membership);
        progress.advance();
        if (progress.cancelled()) break;  // finish() throws Cancelled
        if (options.n_iterations < 0 && membership == before) break;
    }
    progress.finish();
    // Every round returns connected communities; with no round, the initial membership is split.
    if (options.n_iterations == 0) k = split_disconnected(level0, membership);
    return membership;
}

}  // namespace detail::community

}  // namespace essnet
