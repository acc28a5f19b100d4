#include <gtest/gtest.h>

#include "essnet/centrality/closeness.hpp"
#include "support/graphs.hpp"
#include "support/kite.hpp"

namespace essnet {
namespace {

using test::make_graph;
using V = std::vector<double>;

void expect_near(const V& got, const V& want, double eps = 1e-12) {
    test::expect_all_near(got, want, eps);
}

TEST(Closeness, PathByHand) {
    // 0 - 1 - 2: node 0 has distances 1 and 2 (closeness 2/3), node 1 has 1 and 1.
    const Graph g = make_graph(3, {{0, 1}, {1, 2}});
    expect_near(closeness(g), {2.0 / 3, 1, 2.0 / 3});
    expect_near(harmonic(g), {1.5, 2, 1.5});
    expect_near(harmonic(g, {.normalized = true}), {0.75, 1, 0.75});
}

TEST(Closeness, DisconnectedWassermanFaust) {
    // 0 - 1    2: node 0 reaches 1 of 2 others at distance 1: 1/1 * (1/2) with the correction.
    const Graph g = make_graph(3, {{0, 1}});
    expect_near(closeness(g), {0.5, 0.5, 0});
    expect_near(closeness(g, {.wf_improved = false}), {1, 1, 0});
    expect_near(harmonic(g), {1, 1, 0});
}

TEST(Closeness, DirectedUsesIncomingDistances) {
    // 0 -> 1 -> 2: 2 is reached from 1 (1) and 0 (2); nobody reaches 0 (as networkx).
    const Graph g = make_graph(3, {{0, 1}, {1, 2}}, {.directed = true});
    expect_near(closeness(g), {0, 0.5, 2.0 / 3});
    expect_near(harmonic(g), {0, 1, 1.5});
}

TEST(Closeness, WeightedUsesDijkstra) {
    // 0 -(1)- 1 -(1)- 2 and 0 -(5)- 2: d(0,2) = 2.
    const Graph g = make_graph(3, {{0, 1}, {1, 2}, {0, 2}}, {}, {1, 1, 5});
    expect_near(closeness(g), {2.0 / 3, 1, 2.0 / 3});
    expect_near(closeness(g, {.use_weights = false}), {1, 1, 1});
}

TEST(Closeness, EmptySingleSelfLoopMultiEdge) {
    EXPECT_TRUE(closeness(Graph{}).empty());
    expect_near(closeness(GraphBuilder(1).build()), {0});
    expect_near(closeness(make_graph(2, {{0, 0}, {0, 1}, {0, 1}})), {1, 1});
}

// The values networkx's test suite asserts for the Krackhardt kite (places=3).
TEST(Closeness, KrackhardtKiteAsNetworkxTests) {
    expect_near(closeness(test::krackhardt_kite()),
                {0.529, 0.529, 0.500, 0.600, 0.500, 0.643, 0.643, 0.600, 0.429, 0.310}, 0.0005);
}

}  // namespace
}  // namespace essnet
