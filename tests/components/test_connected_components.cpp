#include <gtest/gtest.h>

#include "essnet/components/connected_components.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using M = std::vector<std::int32_t>;

TEST(ConnectedComponents, EmptyAndSingle) {
    EXPECT_EQ(connected_components(Graph{}).count(), 0);
    const auto r = connected_components(GraphBuilder(1).build());
    EXPECT_EQ(r.membership, (M{0}));
    EXPECT_EQ(r.sizes, (std::vector<std::int64_t>{1}));
}

//  0 - 3    1 - 2 - 5    4 (isolated, self-loop)
TEST(ConnectedComponents, UndirectedNumberedByLowestNode) {
    const Graph g = test::make_graph(6, {{0, 3}, {2, 1}, {2, 5}, {4, 4}});
    const auto r = connected_components(g);
    EXPECT_EQ(r.membership, (M{0, 1, 1, 0, 2, 1}));
    EXPECT_EQ(r.sizes, (std::vector<std::int64_t>{2, 3, 1}));
    EXPECT_EQ(r.count(), 3);
}

//  0 --> 1 <-- 2     3 --> 4
// Weakly connected: {0, 1, 2} and {3, 4}, although 0 cannot reach 2.
TEST(ConnectedComponents, DirectedGivesWeakComponents) {
    const Graph g = test::make_graph(5, {{0, 1}, {2, 1}, {3, 4}}, {.directed = true});
    const auto r = connected_components(g);
    EXPECT_EQ(r.membership, (M{0, 0, 0, 1, 1}));
}

TEST(ConnectedComponents, LabelsPartitionTheNodes) {
    // A ring of 50 nodes cut into 5 paths of 10: components are the paths.
    GraphBuilder b(50);
    for (node_id u = 0; u < 50; ++u)
        if ((u + 1) % 10 != 0) b.add_edge(u, u + 1);
    const auto r = connected_components(std::move(b).build());
    ASSERT_EQ(r.count(), 5);
    for (node_id u = 0; u < 50; ++u) EXPECT_EQ(r.membership[static_cast<std::size_t>(u)], u / 10);
}

}  // namespace
}  // namespace essnet
