#include <gtest/gtest.h>

#include "essnet/graph/subgraph.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;
using test::to_vector;

TEST(InducedSubgraph, KeepsEdgesBetweenKeptNodesInParentOrder) {
    // Edges (id: pair): 0: 0-1, 1: 1-2, 2: 2-3, 3: 3-0, 4: 1-1 (loop), 5: 1-2 again, weights 1..6.
    const Graph g = make_graph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {1, 1}, {1, 2}}, {}, {1, 2, 3, 4, 5, 6});
    const std::vector<node_id> nodes{2, 1};
    const Graph s = induced_subgraph(g, nodes);
    // Kept: edges 1, 4 and 5 (both ends in {1, 2}); node 0 of s is parent node 2.
    ASSERT_EQ(s.num_nodes(), 2);
    ASSERT_EQ(s.num_edges(), 3);
    EXPECT_EQ(to_vector(s.edge_sources()), (std::vector<node_id>{1, 1, 1}));
    EXPECT_EQ(to_vector(s.edge_targets()), (std::vector<node_id>{0, 1, 0}));
    EXPECT_EQ(to_vector(s.weights()), (std::vector<double>{2, 5, 6}));
    EXPECT_EQ(to_vector(s.edge_rows()), (std::vector<std::int64_t>{1, 4, 5}));
    EXPECT_EQ(s.node_names(), (std::vector<std::string>{"2", "1"}));
    EXPECT_FALSE(s.directed());
    EXPECT_TRUE(s.weighted());
}

TEST(InducedSubgraph, DirectedKeepsArcDirection) {
    const Graph g = make_graph(3, {{0, 1}, {1, 0}, {1, 2}}, {.directed = true});
    const std::vector<node_id> nodes{0, 1};
    const Graph s = induced_subgraph(g, nodes);
    ASSERT_TRUE(s.directed());
    EXPECT_EQ(to_vector(s.edge_sources()), (std::vector<node_id>{0, 1}));
    EXPECT_EQ(to_vector(s.edge_targets()), (std::vector<node_id>{1, 0}));
}

TEST(InducedSubgraph, EmptySelectionAndBadNodes) {
    const Graph g = make_graph(3, {{0, 1}});
    EXPECT_EQ(induced_subgraph(g, std::vector<node_id>{}).num_nodes(), 0);
    EXPECT_THROW(induced_subgraph(g, std::vector<node_id>{3}), std::out_of_range);
    EXPECT_THROW(induced_subgraph(g, std::vector<node_id>{1, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
