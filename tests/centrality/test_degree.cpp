#include <gtest/gtest.h>

#include "essnet/centrality/degree.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using D = std::vector<std::int64_t>;

TEST(Degree, EmptyAndSingleNode) {
    EXPECT_TRUE(degree(Graph{}).empty());
    EXPECT_EQ(degree(GraphBuilder(1).build()), (D{0}));
}

//   0 === 1 --- 2   3 (isolated)    4 with a self-loop
//   (two parallel edges 0-1)
TEST(Degree, UndirectedMultiEdgeSelfLoopIsolated) {
    const Graph g = test::make_graph(5, {{0, 1}, {1, 0}, {1, 2}, {4, 4}});
    // networkx MultiGraph degree: 0:2, 1:3, 2:1, 3:0, 4:2 (a self-loop counts twice).
    EXPECT_EQ(degree(g), (D{2, 3, 1, 0, 2}));
}

//  0 --> 1 --> 2,  0 --> 2,  2 --> 2 (self-loop)
TEST(Degree, DirectedInOutAll) {
    const Graph g = test::make_graph(3, {{0, 1}, {1, 2}, {0, 2}, {2, 2}}, {.directed = true});
    EXPECT_EQ(degree(g, {.direction = Direction::out}), (D{2, 1, 1}));
    EXPECT_EQ(degree(g, {.direction = Direction::in}), (D{0, 1, 3}));
    EXPECT_EQ(degree(g), (D{2, 2, 4}));  // networkx DiGraph.degree = in + out
}

TEST(Degree, SumOfDegreesIsTwiceTheEdges) {
    GraphBuilder b(100);
    std::uint64_t x = 12345;
    for (int i = 0; i < 1000; ++i) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        b.add_edge(static_cast<node_id>((x >> 33) % 100), static_cast<node_id>((x >> 13) % 100));
    }
    const Graph g = std::move(b).build();
    std::int64_t total = 0;
    for (const auto d : degree(g)) total += d;
    EXPECT_EQ(total, 2 * g.num_edges());
}

}  // namespace
}  // namespace essnet
