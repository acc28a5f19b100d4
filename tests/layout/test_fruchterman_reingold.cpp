#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/generate/generators.hpp"
#include "essnet/layout/fruchterman_reingold.hpp"
#include "support/graphs.hpp"
#include "support/layouts.hpp"

namespace essnet {
namespace {

using test::make_graph;

double distance(const Point& a, const Point& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// With k = 1, two linked nodes balance where attraction d^2 equals repulsion 1 / d: d = 1. In a
// triangle each node feels, along its bisector, 2 cos 30 (d^2 - 1 / d) from the other two: d = 1.
TEST(FruchtermanReingold, TwoNodesAndATriangleSettleAtTheIdealLength) {
    for (const auto range : {RepulsionRange::all_pairs, RepulsionRange::grid}) {
        const auto two = fruchterman_reingold(make_graph(2, {{0, 1}}), {.repulsion = range});
        EXPECT_NEAR(distance(two[0], two[1]), 1, 1e-2);
        const auto three = fruchterman_reingold(make_graph(3, {{0, 1}, {1, 2}, {2, 0}}), {.repulsion = range});
        for (int i = 0; i < 3; ++i) EXPECT_NEAR(distance(three[i], three[(i + 1) % 3]), 1, 1e-2);
    }
}

TEST(FruchtermanReingold, FirstStepMovesByTheForceCappedAtTheTemperature) {
    // Nodes at (0, 0) and (3, 0), linked: on node 0, attraction 3^2 = 9 towards 1, repulsion 1/3
    // away: 8.667 > the temperature 0.5, so each node moves 0.5 towards the other.
    const auto p = fruchterman_reingold(make_graph(2, {{0, 1}}),
                                        {.iterations = 1, .start_temperature = 0.5, .initial = {{0, 0}, {3, 0}}});
    EXPECT_NEAR(p[0].x, 0.5, 1e-12);
    EXPECT_NEAR(p[1].x, 2.5, 1e-12);
    // Unlinked at distance 3: repulsion 1/3 < 0.5, so each moves 1/3 away.
    const auto q = fruchterman_reingold(make_graph(2, {}), {.iterations = 1,
                                                            .start_temperature = 0.5,
                                                            .repulsion = RepulsionRange::all_pairs,
                                                            .initial = {{0, 0}, {3, 0}}});
    EXPECT_NEAR(q[0].x, -1.0 / 3, 1e-12);
    EXPECT_NEAR(q[1].x, 3 + 1.0 / 3, 1e-12);
    // The grid variant ignores nodes more than 2 apart.
    const auto r = fruchterman_reingold(
        make_graph(2, {}),
        {.iterations = 1, .start_temperature = 0.5, .repulsion = RepulsionRange::grid, .initial = {{0, 0}, {3, 0}}});
    EXPECT_EQ(r[0].x, 0);
    // Weights scale attraction: weight 0.01 at distance 3 pulls 0.09, less than the repulsion 1/3.
    const auto w = fruchterman_reingold(make_graph(2, {{0, 1}}, {}, {0.01}),
                                        {.iterations = 1, .start_temperature = 0.5, .initial = {{0, 0}, {3, 0}}});
    EXPECT_NEAR(w[0].x, 0.09 - 1.0 / 3, 1e-12);
}

TEST(FruchtermanReingold, GridAndAllPairsAgreeWhenEveryNodeIsNear) {
    // Every node inside a disc of radius 0.9: all pairs are nearer than the grid's reach of 2.
    const Graph g = generate::erdos_renyi({.n = 40, .m = 80, .seed = 1});
    Rng rng(3);
    std::vector<Point> start;
    while (start.size() < 40) {
        const Point p{1.8 * (rng.uniform() - 0.5), 1.8 * (rng.uniform() - 0.5)};
        if (std::hypot(p.x, p.y) < 0.9) start.push_back(p);
    }
    const auto all = fruchterman_reingold(
        g, {.iterations = 1, .start_temperature = 0.05, .repulsion = RepulsionRange::all_pairs, .initial = start});
    const auto grid = fruchterman_reingold(
        g, {.iterations = 1, .start_temperature = 0.05, .repulsion = RepulsionRange::grid, .initial = start});
    for (std::size_t i = 0; i < start.size(); ++i) {
        EXPECT_NEAR(all[i].x, grid[i].x, 1e-12) << i;
        EXPECT_NEAR(all[i].y, grid[i].y, 1e-12) << i;
        EXPECT_NE(all[i], start[i]);
    }
}

TEST(FruchtermanReingold, CoincidentNodesComeApart) {
    const Graph g = make_graph(4, {{0, 1}, {0, 2}, {0, 3}});
    for (const auto range : {RepulsionRange::all_pairs, RepulsionRange::grid}) {
        const auto p = fruchterman_reingold(g, {.repulsion = range, .initial = std::vector<Point>(4)});
        for (int i = 0; i < 4; ++i)
            for (int j = i + 1; j < 4; ++j) EXPECT_GT(distance(p[i], p[j]), 0.3) << i << "," << j;
    }
}

#ifdef _OPENMP
TEST(FruchtermanReingold, SameCoordinatesBitForBitOnOneAndTwoThreads) {
    const Graph g = generate::erdos_renyi({.n = 3000, .m = 9000, .seed = 5});
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = fruchterman_reingold(g, {.iterations = 20, .seed = 9});
    omp_set_num_threads(2);
    const auto two = fruchterman_reingold(g, {.iterations = 20, .seed = 9});
    omp_set_num_threads(threads);
    EXPECT_EQ(one, two);
}
#endif

TEST(FruchtermanReingold, PinnedNodesDoNotMoveAndComponentsArePacked) {
    const Graph g = generate::erdos_renyi({.n = 50, .m = 120, .seed = 2});
    Rng rng(1);
    const auto start = detail::random_square(50, 30, rng);
    const auto p = fruchterman_reingold(g, {.initial = start, .pinned = {0, 49}});
    EXPECT_EQ(p[0], start[0]);
    EXPECT_EQ(p[49], start[49]);
    EXPECT_NE(p[1], start[1]);
    const auto packed = fruchterman_reingold(make_graph(7, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}}));
    test::expect_pieces_apart(packed, {{0, 1, 2}, {3, 4, 5}, {6}});
}

TEST(FruchtermanReingold, EdgeCasesAndBadOptions) {
    EXPECT_TRUE(fruchterman_reingold(Graph{}).empty());
    ASSERT_EQ(fruchterman_reingold(make_graph(1, {})).size(), 1u);
    for (const bool directed : {false, true}) {
        const Graph g = make_graph(4, {{0, 0}, {0, 1}, {0, 1}, {1, 2}, {2, 3}, {3, 3}}, {.directed = directed},
                                   {1, 2, 0.5, 1, 3, 1});
        for (const auto& p : fruchterman_reingold(g)) EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
    }
    const Graph g = make_graph(3, {{0, 1}});
    EXPECT_THROW(fruchterman_reingold(g, {.iterations = -1}), std::invalid_argument);
    EXPECT_THROW(fruchterman_reingold(g, {.start_temperature = -1}), std::invalid_argument);
    EXPECT_THROW(fruchterman_reingold(g, {.initial = {{0, 0}}}), std::invalid_argument);
    EXPECT_THROW(fruchterman_reingold(g, {.pinned = {5}}), std::invalid_argument);
    EXPECT_THROW(fruchterman_reingold(g, {.progress = [](double) { return false; }}), Cancelled);
}

}  // namespace
}  // namespace essnet
