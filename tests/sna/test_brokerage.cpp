#include <gtest/gtest.h>

#include "essnet/sna/brokerage.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

// Roles of node 1 on the path 0 -> 1 -> 2 for a grouping of the three nodes.
BrokerageRow roles_of_middle(std::vector<std::int32_t> groups, bool closed = false) {
    std::vector<std::pair<node_id, node_id>> arcs{{0, 1}, {1, 2}};
    if (closed) arcs.emplace_back(0, 2);
    return brokerage(make_graph(3, arcs, {.directed = true}), groups).raw[1];
}

TEST(Brokerage, EachRoleByItsDefinition) {
    // Gould & Fernandez (1989): a -> b -> c with b the broker.
    EXPECT_EQ(roles_of_middle({0, 0, 0}), (BrokerageRow{1, 0, 0, 0, 0, 1}));  // coordinator: all together
    EXPECT_EQ(roles_of_middle({0, 1, 0}), (BrokerageRow{0, 1, 0, 0, 0, 1}));  // itinerant: b outside a's and c's group
    EXPECT_EQ(roles_of_middle({0, 0, 1}), (BrokerageRow{0, 0, 1, 0, 0, 1}));  // representative: b with the sender
    EXPECT_EQ(roles_of_middle({1, 0, 0}), (BrokerageRow{0, 0, 0, 1, 0, 1}));  // gatekeeper: b with the receiver
    EXPECT_EQ(roles_of_middle({0, 1, 2}), (BrokerageRow{0, 0, 0, 0, 1, 1}));  // liaison: all apart
    EXPECT_EQ(roles_of_middle({0, 0, 0}, true), (BrokerageRow{0, 0, 0, 0, 0, 0}));  // a -> c closes the path
}

TEST(Brokerage, UndirectedParallelAndLoops) {
    // An undirected path 0 - 1 - 2 is read both ways: 1 brokers 0 -> 2 and 2 -> 0. A parallel
    // edge and a self-loop change nothing.
    const Graph g = make_graph(3, {{0, 1}, {0, 1}, {1, 2}, {1, 1}});
    const auto r = brokerage(g, std::vector<std::int32_t>{0, 0, 0});
    EXPECT_EQ(r.raw[1][coordinator], 2);
    EXPECT_EQ(r.raw[0][total], 0);
    EXPECT_EQ(r.global_raw[total], 2);
    EXPECT_THROW(brokerage(g, std::vector<std::int32_t>{0, 0}), std::invalid_argument);
    EXPECT_THROW(brokerage(g, std::vector<std::int32_t>{0, -1, 0}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
