#include <gtest/gtest.h>

#include <cmath>

#include "essnet/sna/ego.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;
using test::to_vector;

TEST(EgoNodes, RadiusAndDirection) {
    // Directed chain 0 -> 1 -> 2 -> 3 and 4 -> 1.
    const Graph g = make_graph(5, {{0, 1}, {1, 2}, {2, 3}, {4, 1}}, {.directed = true});
    EXPECT_EQ(ego_nodes(g, 1, {.radius = 1, .direction = Direction::out}), (std::vector<node_id>{1, 2}));
    EXPECT_EQ(ego_nodes(g, 1, {.radius = 1, .direction = Direction::in}), (std::vector<node_id>{0, 1, 4}));
    EXPECT_EQ(ego_nodes(g, 1, {.radius = 1}), (std::vector<node_id>{0, 1, 2, 4}));
    EXPECT_EQ(ego_nodes(g, 1, {.radius = 2, .direction = Direction::out}), (std::vector<node_id>{1, 2, 3}));
    EXPECT_EQ(ego_nodes(g, 0, {.radius = 2}), (std::vector<node_id>{0, 1, 2, 4}));
    EXPECT_EQ(ego_nodes(g, 0, {.radius = 0}), (std::vector<node_id>{0}));
    EXPECT_EQ(ego_nodes(g, 1, {.radius = 1, .direction = Direction::out, .include_ego = false}),
              (std::vector<node_id>{2}));
    EXPECT_THROW(ego_nodes(g, 5), std::out_of_range);
    EXPECT_THROW(ego_nodes(g, 0, {.radius = -1}), std::invalid_argument);
}

TEST(EgoGraph, InducedOnTheEgoNetwork) {
    // Ego 0 with alters 1, 2, 3; the tie 1-2 is kept, 3-4 is not (4 is two steps away).
    const Graph g = make_graph(5, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {3, 4}});
    const Graph e = ego_graph(g, 0);
    EXPECT_EQ(e.node_names(), (std::vector<std::string>{"0", "1", "2", "3"}));
    EXPECT_EQ(e.num_edges(), 4);
}

TEST(EgoMeasures, UndirectedByHand) {
    // Ego 0 tied to 1, 2, 3, 4; among the alters 1-2 and 2-3; 4-5 leads outside. Groups:
    // 0, 1, 2 in group 0; 3, 4, 5 in group 1.
    const Graph g = make_graph(6, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}, {2, 3}, {4, 5}, {0, 1}, {2, 2}});
    const std::vector<std::int32_t> groups{0, 0, 0, 1, 1, 1};
    const auto r = ego_measures(g, groups);
    // Ego 0: 4 alters, 6 pairs, 2 tied (the parallel 0-1 and the loop at 2 change nothing).
    // Untied pairs and their shortest paths: {1,3} via 0 or 2 (the ego gets 1/2); {1,4}, {2,4},
    // {3,4} only via 0 (1 each): ego betweenness 3.5. Effective size (Borgatti): 4 - 2 x 2 / 4 = 3.
    EXPECT_EQ(r.size[0], 4);
    EXPECT_EQ(r.pairs[0], 6);
    EXPECT_EQ(r.ties[0], 2);
    EXPECT_EQ(r.brokerage[0], 4);
    EXPECT_DOUBLE_EQ(r.density[0], 2.0 / 6);
    EXPECT_DOUBLE_EQ(r.ego_betweenness[0], 3.5);
    // Composition of ego 0: alters 1, 2 in group 0; 3, 4 in group 1.
    ASSERT_EQ(r.num_groups, 2);
    EXPECT_EQ(r.composition[0], 2);
    EXPECT_EQ(r.composition[1], 2);
    // Ego 2: alters 0, 1, 3 with ties 0-1 and 0-3; the untied pair {1,3} has paths via 0 and via 2.
    EXPECT_EQ(r.size[2], 3);
    EXPECT_EQ(r.ties[2], 2);
    EXPECT_EQ(r.brokerage[2], 1);
    EXPECT_DOUBLE_EQ(r.density[2], 2.0 / 3);
    EXPECT_DOUBLE_EQ(r.ego_betweenness[2], 0.5);
    // Ego 5: one alter, no pairs.
    EXPECT_EQ(r.size[5], 1);
    EXPECT_EQ(r.pairs[5], 0);
    EXPECT_TRUE(std::isnan(r.density[5]));
    EXPECT_EQ(r.ego_betweenness[5], 0);
    EXPECT_EQ(r.composition[5 * 2 + 1], 1);
}

TEST(EgoMeasures, DirectedByHand) {
    // Arcs 1 -> 0, 0 -> 2, 3 -> 0 and 1 -> 2. Ego 0, alters in both directions: 1, 2, 3; 6 ordered
    // pairs, one tied (1 -> 2). Shortest paths between alters: 3 -> 2 only via 0 (1); 1 -> 2 is
    // direct; no other pair is connected. Ego betweenness 1.
    const Graph g = make_graph(4, {{1, 0}, {0, 2}, {3, 0}, {1, 2}}, {.directed = true});
    const auto all = ego_measures(g);
    EXPECT_EQ(all.size[0], 3);
    EXPECT_EQ(all.pairs[0], 6);
    EXPECT_EQ(all.ties[0], 1);
    EXPECT_EQ(all.brokerage[0], 5);
    EXPECT_DOUBLE_EQ(all.ego_betweenness[0], 1);
    // Following arcs in only: alters 1 and 3, no tie between them, no path through the ego.
    const auto in = ego_measures(g, {}, {.direction = Direction::in});
    EXPECT_EQ(in.size[0], 2);
    EXPECT_EQ(in.pairs[0], 2);
    EXPECT_EQ(in.ties[0], 0);
    EXPECT_DOUBLE_EQ(in.ego_betweenness[0], 0);
    EXPECT_TRUE(in.composition.empty());
}

TEST(EgoMeasures, EmptyGraphAndBadGroups) {
    const Graph empty;
    EXPECT_TRUE(ego_measures(empty).size.empty());
    const Graph g = make_graph(2, {{0, 1}});
    EXPECT_THROW(ego_measures(g, std::vector<std::int32_t>{0}), std::invalid_argument);
    EXPECT_THROW(ego_measures(g, std::vector<std::int32_t>{0, -1}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
