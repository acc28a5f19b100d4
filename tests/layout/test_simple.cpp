#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "essnet/layout/quality.hpp"
#include "essnet/layout/simple.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(Circular, EvenlySpacedOnTheUnitCircle) {
    const Graph g = make_graph(4, {{0, 1}});
    const auto p = circular(g);
    // Node k at angle k * 90 degrees.
    EXPECT_NEAR(p[0].x, 1, 1e-15);
    EXPECT_NEAR(p[0].y, 0, 1e-15);
    EXPECT_NEAR(p[1].x, 0, 1e-15);
    EXPECT_NEAR(p[1].y, 1, 1e-15);
    EXPECT_NEAR(p[2].x, -1, 1e-15);
    EXPECT_NEAR(p[3].y, -1, 1e-15);
    // A given order: node 3 first, at (1, 0).
    const auto q = circular(g, {.order = {3, 2, 1, 0}});
    EXPECT_NEAR(q[3].x, 1, 1e-15);
    EXPECT_NEAR(q[2].y, 1, 1e-15);
    EXPECT_EQ(circular(make_graph(1, {}))[0], (Point{0, 0}));
    EXPECT_TRUE(circular(Graph{}).empty());
    EXPECT_THROW(circular(g, {.order = {0, 1, 2}}), std::invalid_argument);
    EXPECT_THROW(circular(g, {.order = {0, 1, 2, 2}}), std::invalid_argument);
    EXPECT_THROW(circular(g, {.order = {0, 1, 2, 4}}), std::invalid_argument);
}

TEST(Bipartite, SidesOnTwoLinesAndTheBarycentreRemovesCrossings) {
    // Actors 0, 1, 2 and events 3, 4, 5 tied crosswise: 0-5, 1-4, 2-3. In node order every pair of
    // ties crosses (3 crossings); ordering the events by their actors' places removes them all.
    const Graph g = make_graph(6, {{0, 5}, {1, 4}, {2, 3}});
    const std::vector<std::uint8_t> actors{1, 1, 1, 0, 0, 0};
    const auto unordered = bipartite(g, actors, {.sweeps = 0});
    EXPECT_EQ(layout_quality(g, unordered).crossings, 3.0);
    const auto p = bipartite(g, actors);
    EXPECT_EQ(layout_quality(g, p).crossings, 0.0);
    for (int u = 0; u < 3; ++u) EXPECT_EQ(p[u].x, 0.0);
    for (int u = 3; u < 6; ++u) EXPECT_EQ(p[u].x, 1.0);
    // Each side spread over [0, 1].
    EXPECT_EQ(p[0].y, 0.0);
    EXPECT_EQ(p[2].y, 1.0);
    EXPECT_EQ(p[5].y, 0.0);  // event 5 follows actor 0
    // One node on a side sits in the middle.
    EXPECT_EQ(bipartite(make_graph(2, {{0, 1}}), std::vector<std::uint8_t>{1, 0})[1].y, 0.5);
    EXPECT_THROW(bipartite(g, std::vector<std::uint8_t>{1, 0}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
