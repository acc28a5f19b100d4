#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "essnet/graph/builder.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;
using test::to_vector;
using V = std::vector<node_id>;
using E = std::vector<edge_id>;

TEST(GraphBuilder, EmptyGraph) {
    const Graph g = GraphBuilder(0).build();
    EXPECT_EQ(g.num_nodes(), 0);
    EXPECT_EQ(g.num_edges(), 0);
    EXPECT_EQ(g.num_arcs(), 0);
    EXPECT_FALSE(g.directed());
    EXPECT_FALSE(g.weighted());
    const Graph d;  // default-constructed
    EXPECT_EQ(d.num_nodes(), 0);
}

TEST(GraphBuilder, SingleNodeNoEdges) {
    const Graph g = GraphBuilder(1).build();
    EXPECT_EQ(g.num_nodes(), 1);
    EXPECT_TRUE(g.out_neighbors(0).empty());
    EXPECT_EQ(g.node_name(0), "0");
}

//   0 --- 1 --- 2      3
TEST(GraphBuilder, UndirectedStoresBothArcsSorted) {
    const Graph g = make_graph(4, {{1, 2}, {1, 0}});
    EXPECT_EQ(g.num_edges(), 2);
    EXPECT_EQ(g.num_arcs(), 4);
    EXPECT_EQ(to_vector(g.out_neighbors(1)), (V{0, 2}));
    EXPECT_EQ(to_vector(g.out_edges(1)), (E{1, 0}));  // edge ids follow input order
    EXPECT_EQ(to_vector(g.out_neighbors(0)), (V{1}));
    EXPECT_EQ(to_vector(g.in_neighbors(2)), (V{1}));
    EXPECT_TRUE(g.out_neighbors(3).empty());
    EXPECT_EQ(g.edge_source(1), 1);
    EXPECT_EQ(g.edge_target(1), 0);
    EXPECT_EQ(to_vector(g.edge_rows()), (std::vector<std::int64_t>{0, 1}));
}

//   0 --> 1 --> 2
//   ^___________|
TEST(GraphBuilder, DirectedKeepsReverseArcs) {
    const Graph g = make_graph(3, {{0, 1}, {1, 2}, {2, 0}}, {.directed = true});
    EXPECT_TRUE(g.directed());
    EXPECT_EQ(g.num_arcs(), 3);
    EXPECT_EQ(to_vector(g.out_neighbors(0)), (V{1}));
    EXPECT_EQ(to_vector(g.in_neighbors(0)), (V{2}));
    EXPECT_EQ(to_vector(g.in_edges(0)), (E{2}));
    EXPECT_EQ(g.in_degree(1), 1);
    EXPECT_EQ(g.out_degree(1), 1);
}

TEST(GraphBuilder, SelfLoopUndirectedIsTwoArcs) {
    const Graph g = make_graph(2, {{0, 0}, {0, 1}});
    EXPECT_EQ(to_vector(g.out_neighbors(0)), (V{0, 0, 1}));
    EXPECT_EQ(g.out_degree(0), 3);  // networkx: a self-loop adds 2 to the degree
}

TEST(GraphBuilder, SelfLoopDrop) {
    const Graph g = make_graph(2, {{0, 0}, {0, 1}, {1, 1}}, {.self_loops = SelfLoopPolicy::drop});
    EXPECT_EQ(g.num_edges(), 1);
    EXPECT_EQ(to_vector(g.out_neighbors(0)), (V{1}));
    EXPECT_EQ(g.edge_rows()[0], 1);  // the surviving edge remembers its input position
}

TEST(GraphBuilder, MultiEdgesKeptByDefault) {
    const Graph g = make_graph(2, {{0, 1}, {1, 0}, {0, 1}});
    EXPECT_EQ(g.num_edges(), 3);
    EXPECT_EQ(to_vector(g.out_neighbors(0)), (V{1, 1, 1}));
    EXPECT_EQ(to_vector(g.out_edges(0)), (E{0, 1, 2}));
}

TEST(GraphBuilder, DuplicatesSumUndirected) {
    // {0,1} three times (weights 1, 2, 4), {1,2} once (weight 8).
    const Graph g = make_graph(3, {{0, 1}, {1, 2}, {1, 0}, {0, 1}}, {.duplicates = DuplicatePolicy::sum}, {1, 8, 2, 4});
    ASSERT_EQ(g.num_edges(), 2);
    EXPECT_DOUBLE_EQ(g.weight(0), 7.0);
    EXPECT_DOUBLE_EQ(g.weight(1), 8.0);
    EXPECT_EQ(to_vector(g.edge_rows()), (std::vector<std::int64_t>{0, 1}));
}

TEST(GraphBuilder, DuplicatesSumOfUnweightedCountsMultiplicity) {
    const Graph g = make_graph(2, {{0, 1}, {0, 1}, {1, 0}}, {.duplicates = DuplicatePolicy::sum});
    ASSERT_EQ(g.num_edges(), 1);
    EXPECT_TRUE(g.weighted());
    EXPECT_DOUBLE_EQ(g.weight(0), 3.0);
}

TEST(GraphBuilder, DuplicatesMaxDirectedKeepsOrientation) {
    // 0->1 (w 2), 1->0 (w 5), 0->1 (w 3): two distinct ordered pairs.
    const Graph g =
        make_graph(2, {{0, 1}, {1, 0}, {0, 1}}, {.directed = true, .duplicates = DuplicatePolicy::max}, {2, 5, 3});
    ASSERT_EQ(g.num_edges(), 2);
    EXPECT_DOUBLE_EQ(g.weight(0), 3.0);
    EXPECT_DOUBLE_EQ(g.weight(1), 5.0);
}

TEST(GraphBuilder, DuplicatesMaxOfUnweightedIsSimpleUnweighted) {
    const Graph g = make_graph(3, {{0, 1}, {1, 0}, {1, 2}}, {.duplicates = DuplicatePolicy::max});
    EXPECT_EQ(g.num_edges(), 2);
    EXPECT_FALSE(g.weighted());
}

TEST(GraphBuilder, UnweightedIgnoresWeights) {
    GraphBuilder b(2);
    b.add_edge(0, 1, 5.0);
    const Graph g = std::move(b).build();
    EXPECT_FALSE(g.weighted());
    EXPECT_DOUBLE_EQ(g.weight(0), 1.0);
}

TEST(GraphBuilder, Errors) {
    GraphBuilder b(3, {.weighted = true});
    EXPECT_THROW(b.add_edge(0, 3), std::out_of_range);
    EXPECT_THROW(b.add_edge(-1, 0), std::out_of_range);
    EXPECT_THROW(b.add_edge(0, 1, -1.0), std::invalid_argument);
    EXPECT_THROW(b.add_edge(0, 1, std::nan("")), std::invalid_argument);
    EXPECT_THROW(b.add_edge(0, 1, std::numeric_limits<double>::infinity()), std::invalid_argument);
    EXPECT_THROW(b.set_node_names({"a"}), std::invalid_argument);
    EXPECT_THROW(GraphBuilder(-1), std::invalid_argument);
    const std::vector<node_id> s{0, 1}, t{1};
    EXPECT_THROW(b.add_edges(s, t), std::invalid_argument);
    try {
        b.add_edge(0, 7);
        FAIL();
    } catch (const std::out_of_range& e) {
        EXPECT_STREQ(e.what(), "edge (0, 7): node 7 is not in 0..2");
    }
}

TEST(GraphBuilder, TopologyMemoryWithinBudget) {
    // Unweighted topology: 4 bytes per stored arc plus at most 16 bytes per node.
    for (const bool directed : {false, true}) {
        GraphBuilder b(1000, {.directed = directed});
        for (node_id u = 0; u < 1000; ++u) b.add_edge(u, (u * 7 + 3) % 1000);
        const Graph g = std::move(b).build();
        const auto stored_arcs = static_cast<std::size_t>(directed ? 2 * g.num_edges() : g.num_arcs());
        EXPECT_LE(g.topology_bytes(), 4 * stored_arcs + 16 * (1000 + 1)) << "directed=" << directed;
    }
}

}  // namespace
}  // namespace essnet
