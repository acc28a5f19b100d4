// Betweenness, closeness, harmonic and modularity against the naive versions of support/oracles.hpp,
// on seeded random graphs, directed x weighted.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "essnet/centrality/betweenness.hpp"
#include "essnet/centrality/closeness.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/core/random.hpp"
#include "support/graphs.hpp"
#include "support/oracles.hpp"

namespace essnet {
namespace {

constexpr double tolerance = 1e-12;

// A random simple graph on n nodes (no parallel edges) with about `m` edges, a few self-loops, and
// integer weights 1..4 when weighted (sums of integers are exact, so ties are exact too).
Graph random_graph(node_id n, int m, bool directed, bool weighted, std::uint64_t seed) {
    Rng rng(seed);
    std::set<std::pair<node_id, node_id>> seen;
    std::vector<std::pair<node_id, node_id>> edges;
    std::vector<double> weights;
    for (int i = 0; i < m; ++i) {
        auto u = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
        auto v = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
        if (u == v && rng.below(4) != 0) continue;  // a few self-loops only
        if (!directed && u > v) std::swap(u, v);
        if (!seen.insert({u, v}).second) continue;
        edges.emplace_back(u, v);
        weights.push_back(weighted ? static_cast<double>(1 + rng.below(4)) : 1.0);
    }
    return test::make_graph(n, edges, {.directed = directed}, weighted ? weights : std::vector<double>{});
}

class AgainstOracles : public ::testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(AgainstOracles, BetweennessClosenessHarmonicAndModularity) {
    const auto [directed, weighted] = GetParam();
    for (std::uint64_t seed = 0; seed < 12; ++seed) {
        // Sparse (many components) to dense (many equal-length paths).
        const node_id n = 8 + static_cast<node_id>(seed % 4) * 6;
        const Graph g =
            random_graph(n, static_cast<int>(n) * (1 + static_cast<int>(seed % 3)), directed, weighted, seed);
        test::expect_all_near(betweenness(g), test::betweenness(g, true), tolerance);
        test::expect_all_near(closeness(g), test::closeness(g, true), tolerance);
        test::expect_all_near(harmonic(g), test::harmonic(g, true), tolerance);
        test::expect_all_near(betweenness(g, {.use_weights = false}), test::betweenness(g, false), tolerance);
        Rng rng(seed, 1);
        std::vector<std::int32_t> membership(static_cast<std::size_t>(n));
        for (auto& c : membership) c = static_cast<std::int32_t>(rng.below(3));
        if (g.num_edges() > 0) {
            EXPECT_NEAR(modularity(g, membership), test::modularity(g, membership, true), tolerance);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(DirectedWeighted, AgainstOracles, ::testing::Combine(::testing::Bool(), ::testing::Bool()));

}  // namespace
}  // namespace essnet
