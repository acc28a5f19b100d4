#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "essnet/generate/generators.hpp"
#include "essnet/layout/quality.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(LayoutQuality, PathDrawnOnALineHasNoStress) {
    // 0 - 1 - 2 - 3 at x = 0, 2, 4, 6: drawn distances are twice the hop distances, and the
    // optimal scaling removes the factor.
    const Graph g = make_graph(4, {{0, 1}, {1, 2}, {2, 3}});
    const auto q = layout_quality(g, std::vector<Point>{{0, 0}, {2, 0}, {4, 0}, {6, 0}});
    EXPECT_NEAR(q.stress, 0.0, 1e-15);
    EXPECT_EQ(q.crossings, 0.0);
    EXPECT_EQ(q.overlaps, 0);
    // Nearest drawn nodes: 0 -> {1}, 1 -> {0 or 2} (tie broken by index: 0), 2 -> {1}, 3 -> {2}.
    // Jaccard: 1, 1/2 (neighbours {0, 2}, nearest two {0, 2}: 1), ... every node keeps its neighbours.
    EXPECT_NEAR(q.neighbourhood_preservation, 1.0, 1e-15);
}

TEST(LayoutQuality, StressByHand) {
    // Path 0 - 1 - 2 drawn as a right angle: (0, 0), (1, 0), (1, 1). Pairs (hop d, drawn e):
    // (0,1): 1, 1; (1,2): 1, 1; (0,2): 2, sqrt 2. Counted from both ends: P = 6,
    // a = sum e/d = 2 (1 + 1 + sqrt2/2), b = sum e^2/d^2 = 2 (1 + 1 + 1/2); stress = 1 - a^2 / (b P).
    const Graph g = make_graph(3, {{0, 1}, {1, 2}});
    const auto q = layout_quality(g, std::vector<Point>{{0, 0}, {1, 0}, {1, 1}});
    const double a = 2 * (2 + std::sqrt(2.0) / 2), b = 2 * 2.5;
    EXPECT_NEAR(q.stress, 1 - a * a / (b * 6), 1e-15);
}

TEST(LayoutQuality, SquareWithDiagonalsCrossesOnce) {
    // K4 on a square: the two diagonals cross; sides meet only at their ends.
    const Graph g = make_graph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}, {1, 3}});
    const auto q = layout_quality(g, std::vector<Point>{{0, 0}, {1, 0}, {1, 1}, {0, 1}});
    EXPECT_EQ(q.crossings, 1.0);
    EXPECT_TRUE(q.crossings_exact);
    // Drawn as a triangle with one node inside: planar.
    EXPECT_EQ(layout_quality(g, std::vector<Point>{{0, 0}, {4, 0}, {2, 1}, {2, 4}}).crossings, 0.0);
}

TEST(LayoutQuality, CrossingsAgainstBruteForceAndTheSampledEstimate) {
    const Graph g = generate::erdos_renyi({.n = 200, .m = 600, .seed = 3});
    Rng rng(2);
    const auto p = detail::random_square(200, 10, rng);
    // Brute force, written out: every pair of edges without a shared end.
    double brute = 0;
    for (edge_id e = 0; e < g.num_edges(); ++e)
        for (edge_id f = e + 1; f < g.num_edges(); ++f) {
            const node_id a = g.edge_source(e), b = g.edge_target(e), c = g.edge_source(f), d = g.edge_target(f);
            if (a == c || a == d || b == c || b == d) continue;
            auto side = [&](node_id s, node_id t, node_id r) {
                const double v = (p[t].x - p[s].x) * (p[r].y - p[s].y) - (p[t].y - p[s].y) * (p[r].x - p[s].x);
                return v > 0 ? 1 : (v < 0 ? -1 : 0);
            };
            brute += side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
        }
    EXPECT_EQ(layout_quality(g, p).crossings, brute);
    const auto sampled = layout_quality(g, p, {.max_exact_crossing_edges = 10});
    EXPECT_FALSE(sampled.crossings_exact);
    EXPECT_NEAR(sampled.crossings, brute, 0.03 * brute);
}

TEST(LayoutQuality, NeighbourhoodPreservationByHand) {
    // Star 0 - {1, 2}, and 3 alone; drawn 1 (0,0), 0 (1,0), 3 (1.5,0), 2 (5,0).
    // Node 0: neighbours {1, 2}, two nearest {3, 1}: Jaccard 1/3. Node 1: {0}, nearest {0}: 1.
    // Node 2: {0}, nearest {3}: 0. Node 3 has no neighbour and is skipped. Mean (1/3 + 1 + 0) / 3.
    const Graph g = make_graph(4, {{0, 1}, {0, 2}});
    const auto q = layout_quality(g, std::vector<Point>{{1, 0}, {0, 0}, {5, 0}, {1.5, 0}});
    EXPECT_NEAR(q.neighbourhood_preservation, (1.0 / 3 + 1 + 0) / 3, 1e-15);
}

// Brute force: for each node with neighbours, sort all others by drawn distance and take as many
// as it has neighbours (random positions: no ties).
double brute_force_preservation(const Graph& g, const std::vector<Point>& p) {
    double total = 0;
    int counted = 0;
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        std::vector<node_id> mine(g.out_neighbors(u).begin(), g.out_neighbors(u).end());
        std::sort(mine.begin(), mine.end());
        mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
        if (mine.empty()) continue;
        std::vector<std::pair<double, node_id>> all;
        for (node_id v = 0; v < g.num_nodes(); ++v)
            if (v != u) all.emplace_back(std::hypot(p[u].x - p[v].x, p[u].y - p[v].y), v);
        std::sort(all.begin(), all.end());
        std::vector<node_id> near;
        for (std::size_t k = 0; k < mine.size(); ++k) near.push_back(all[k].second);
        std::sort(near.begin(), near.end());
        std::vector<node_id> common;
        std::set_intersection(mine.begin(), mine.end(), near.begin(), near.end(), std::back_inserter(common));
        total += static_cast<double>(common.size()) / static_cast<double>(2 * mine.size() - common.size());
        ++counted;
    }
    return total / counted;
}

TEST(LayoutQuality, NeighbourhoodPreservationAgainstBruteForce) {
    const Graph g = generate::barabasi_albert({.n = 800, .m = 3, .seed = 1});
    Rng rng(4);
    const auto random = detail::random_square(800, 100, rng);
    EXPECT_NEAR(layout_quality(g, random).neighbourhood_preservation, brute_force_preservation(g, random), 1e-12);
    // Clustered points (many in few grid cells) test the grid's ring search.
    std::vector<Point> clustered = random;
    for (std::size_t i = 0; i < clustered.size(); i += 2) clustered[i] = {clustered[i].x / 1000, clustered[i].y / 1000};
    EXPECT_NEAR(layout_quality(g, clustered).neighbourhood_preservation, brute_force_preservation(g, clustered), 1e-12);
}

TEST(LayoutQuality, OverlapsCountPairsCloserThanTwoRadii) {
    const Graph g = make_graph(4, {});
    const std::vector<Point> p{{0, 0}, {1, 0}, {2.5, 0}, {10, 0}};
    EXPECT_EQ(layout_quality(g, p, {.node_radius = 0.6}).overlaps, 1);  // 0-1 (distance 1 < 1.2)
    EXPECT_EQ(layout_quality(g, p, {.node_radius = 0.8}).overlaps, 2);  // and 1-2 (1.5 < 1.6)
    EXPECT_EQ(layout_quality(g, p, {.node_radius = 1.3}).overlaps, 3);  // and 0-2 (2.5 < 2.6)
    EXPECT_EQ(layout_quality(g, p).overlaps, 0);                        // radius 10/400: nothing that close
}

TEST(LayoutQuality, EdgeCasesAndErrors) {
    const auto empty = layout_quality(Graph{}, std::vector<Point>{});
    EXPECT_EQ(empty.stress, 0.0);
    EXPECT_THROW(layout_quality(make_graph(2, {{0, 1}}), std::vector<Point>{{0, 0}}), std::invalid_argument);
    EXPECT_THROW(layout_quality(make_graph(2, {{0, 1}}), std::vector<Point>{{0, 0}, {NAN, 1}}), std::invalid_argument);
    // Disconnected pairs are skipped: two far-apart edges drawn at unit length have no stress.
    const auto q =
        layout_quality(make_graph(4, {{0, 1}, {2, 3}}), std::vector<Point>{{0, 0}, {1, 0}, {50, 0}, {51, 0}});
    EXPECT_NEAR(q.stress, 0.0, 1e-15);
}

}  // namespace
}  // namespace essnet
