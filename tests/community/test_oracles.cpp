// Leiden, Louvain and label propagation report the modularity of the partition they return, as the
// dense formula of support/oracles.hpp computes it, on seeded random graphs, directed x weighted.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "essnet/community/label_propagation.hpp"
#include "essnet/community/leiden.hpp"
#include "essnet/community/louvain.hpp"
#include "essnet/core/random.hpp"
#include "support/graphs.hpp"
#include "support/oracles.hpp"

namespace essnet {
namespace {

constexpr double tolerance = 1e-12;

// Two planted blocks with a few ties between them, integer weights 1..3 when weighted.
Graph planted(node_id n, bool directed, bool weighted, std::uint64_t seed) {
    Rng rng(seed);
    std::set<std::pair<node_id, node_id>> seen;
    std::vector<std::pair<node_id, node_id>> edges;
    std::vector<double> weights;
    for (int i = 0; i < 4 * n; ++i) {
        const auto u = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
        auto v = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n / 2)));
        if (rng.below(8) != 0)
            v += u < n / 2 ? 0 : n / 2;  // mostly inside u's block
        else
            v += u < n / 2 ? n / 2 : 0;
        if (u == v || !seen.insert({u, v}).second) continue;
        edges.emplace_back(u, v);
        weights.push_back(weighted ? static_cast<double>(1 + rng.below(3)) : 1.0);
    }
    return test::make_graph(n, edges, {.directed = directed}, weighted ? weights : std::vector<double>{});
}

class CommunityAgainstOracles : public ::testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(CommunityAgainstOracles, ReportedQualityIsTheModularityOfThePartition) {
    const auto [directed, weighted] = GetParam();
    for (std::uint64_t seed = 0; seed < 8; ++seed) {
        const Graph g = planted(40 + 10 * static_cast<node_id>(seed % 3), directed, weighted, seed);
        const Partition leiden_partition = leiden(g, {.seed = seed});
        EXPECT_NEAR(leiden_partition.quality, test::modularity(g, leiden_partition.membership, true), tolerance);
        const Partition louvain_partition = louvain(g, {.seed = seed}).partition;
        EXPECT_NEAR(louvain_partition.quality, test::modularity(g, louvain_partition.membership, true), tolerance);
        const Partition propagated = label_propagation(g, {.seed = seed});
        EXPECT_NEAR(propagated.quality, test::modularity(g, propagated.membership, true), tolerance);
        // The planted split is found: at least its modularity.
        std::vector<std::int32_t> blocks(static_cast<std::size_t>(g.num_nodes()));
        for (std::size_t v = 0; v < blocks.size(); ++v) blocks[v] = v < blocks.size() / 2 ? 0 : 1;
        EXPECT_GE(leiden_partition.quality, test::modularity(g, blocks, true) - tolerance);
    }
}

INSTANTIATE_TEST_SUITE_P(DirectedWeighted, CommunityAgainstOracles,
                         ::testing::Combine(::testing::Bool(), ::testing::Bool()));

}  // namespace
}  // namespace essnet
