#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "essnet/community/quality.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using M = std::vector<std::int32_t>;
constexpr double tol = 1e-12;

//   0           3
//   | \       / |
//   |  2 --- 3  |      two triangles {0, 1, 2} and {3, 4, 5} joined by the edge 2 - 3
//   | /       \ |
//   1           4 - 5 (and 5 - 3)
Graph two_triangles(GraphBuildOptions options = {}, const std::vector<double>& weights = {}) {
    return test::make_graph(6, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}}, options, weights);
}
const M halves{0, 0, 0, 1, 1, 1};

TEST(Quality, ModularityTwoTrianglesUndirected) {
    // m = 7. Each half: 3 internal edges, degree sum 2 + 2 + 3 = 7.
    // Q = sum_c [L_c / m - gamma (d_c / 2m)^2] = 2 (3/7 - gamma / 4).
    const Graph g = two_triangles();
    EXPECT_NEAR(modularity(g, halves), 6.0 / 7 - 0.5, tol);  // 5/14
    EXPECT_NEAR(modularity(g, halves, {.resolution = 0.5}), 6.0 / 7 - 0.25, tol);
    EXPECT_NEAR(modularity(g, halves, {.resolution = 2}), 6.0 / 7 - 1, tol);
    EXPECT_NEAR(modularity(g, halves, {.resolution = 0}), 6.0 / 7, tol);
    // All in one community: 1 - 1 = 0; every node alone: 0 - sum_i (k_i / 14)^2 = -(4*4 + 2*9) / 196.
    EXPECT_NEAR(modularity(g, M(6, 0)), 0, tol);
    EXPECT_NEAR(modularity(g, M{0, 1, 2, 3, 4, 5}), -34.0 / 196, tol);
}

TEST(Quality, ModularityLabelsNeedNotBeContiguous) {
    EXPECT_NEAR(modularity(two_triangles(), M{7, 7, 7, 2000000000, 2000000000, 2000000000}), 5.0 / 14, tol);
}

TEST(Quality, ModularityWeighted) {
    // Bridge of weight 3, triangle edges 1: m = 9, each half has internal weight 3 and strength
    // 2 + 2 + 5 = 9. Q = 2 (3/9 - (9/18)^2) = 1/6.
    const Graph g = two_triangles({}, {1, 1, 1, 1, 1, 1, 3});
    EXPECT_NEAR(modularity(g, halves), 1.0 / 6, tol);
    EXPECT_NEAR(modularity(g, halves, {.use_weights = false}), 5.0 / 14, tol);
}

TEST(Quality, ModularityDirected) {
    // Arcs 0->1->2->0, 3->4->5->3, 2->3. m = 7.
    // {0,1,2}: internal 3, out 1+1+2 = 4, in 1+1+1 = 3.  {3,4,5}: internal 3, out 3, in 2+1+1 = 4.
    // Q = sum_c [L_c/m - gamma out_c in_c / m^2] = 6/7 - gamma 24/49.
    const Graph g = two_triangles({.directed = true});
    EXPECT_NEAR(modularity(g, halves), 6.0 / 7 - 24.0 / 49, tol);
    EXPECT_NEAR(modularity(g, halves, {.resolution = 2}), 6.0 / 7 - 48.0 / 49, tol);
}

TEST(Quality, ModularityOfLargeAndSmallWeights) {
    // The hand values above with every weight 2^520 or 2^-560 (modularity does not depend on the
    // unit of weight): m^2 or out_c in_c would overflow or underflow, the shares of m do not.
    for (const int s : {520, -560}) {
        const std::vector<double> weights(7, std::ldexp(1.0, s));
        EXPECT_NEAR(modularity(two_triangles({}, weights), halves), 6.0 / 7 - 0.5, tol) << "2^" << s;
        EXPECT_NEAR(modularity(two_triangles({.directed = true}, weights), halves), 6.0 / 7 - 24.0 / 49, tol)
            << "2^" << s;
    }
}

//  0 - 1 (1 has a self-loop)    2 - 3
TEST(Quality, ModularitySelfLoopCountsTwiceInDegree) {
    // m = 3. {0,1}: internal 1 + 1 (loop), degrees 1 + (1 + 2) = 4. {2,3}: internal 1, degrees 2.
    // Q = 2/3 - (4/6)^2 + 1/3 - (2/6)^2 = 4/9 (networkx and igraph agree).
    const Graph g = test::make_graph(4, {{0, 1}, {1, 1}, {2, 3}});
    EXPECT_NEAR(modularity(g, M{0, 0, 1, 1}), 4.0 / 9, tol);
    // Directed: m = 3, {0,1}: internal 2, out 2, in 2; {2,3}: internal 1, out 1, in 1.
    // Q = 2/3 - 4/9 + 1/3 - 1/9 = 4/9.
    const Graph d = test::make_graph(4, {{0, 1}, {1, 1}, {2, 3}}, {.directed = true});
    EXPECT_NEAR(modularity(d, M{0, 0, 1, 1}), 4.0 / 9, tol);
    // One node with a self-loop: 1 - (2/2)^2 = 0.
    EXPECT_NEAR(modularity(test::make_graph(1, {{0, 0}}), M{0}), 0, tol);
}

//  0 = 1 - 2   (two parallel edges 0 - 1)
TEST(Quality, ModularityParallelEdgesAddUp) {
    // m = 3. {0,1}: internal 2, degrees 2 + 3 = 5. {2}: degree 1. Q = 2/3 - 25/36 - 1/36 = -1/18.
    const Graph g = test::make_graph(3, {{0, 1}, {1, 0}, {1, 2}});
    EXPECT_NEAR(modularity(g, M{0, 0, 1}), -1.0 / 18, tol);
}

TEST(Quality, ModularityNoEdgesIsNaN) {
    EXPECT_TRUE(std::isnan(modularity(Graph{}, M{})));
    EXPECT_TRUE(std::isnan(modularity(GraphBuilder(1).build(), M{0})));
    EXPECT_TRUE(std::isnan(modularity(GraphBuilder(3).build(), M{0, 0, 1})));
}

TEST(Quality, ModularityErrors) {
    const Graph g = two_triangles();
    EXPECT_THROW(modularity(g, M{0, 0, 0}), std::invalid_argument);
    EXPECT_THROW(modularity(g, M{0, 0, 0, 1, -1, 1}), std::invalid_argument);
    EXPECT_THROW(modularity(g, halves, {.resolution = -1}), std::invalid_argument);
    EXPECT_THROW(modularity(g, halves, {.resolution = std::numeric_limits<double>::quiet_NaN()}),
                 std::invalid_argument);
    EXPECT_THROW(modularity(g, halves, {.resolution = std::numeric_limits<double>::infinity()}), std::invalid_argument);
    try {
        modularity(g, M{0, 0, 0});
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("membership"), std::string::npos) << e.what();
    }
}

TEST(Quality, CpmQualityUndirectedTwoTriangles) {
    // Q = 2 sum_c [w_c - gamma C(n_c, 2)] = 2 (2 (3 - 3 gamma)).
    const Graph g = two_triangles();
    EXPECT_NEAR(cpm_quality(g, halves, {.resolution = 0}), 12, tol);
    EXPECT_NEAR(cpm_quality(g, halves, {.resolution = 0.5}), 6, tol);
    EXPECT_NEAR(cpm_quality(g, halves, {.resolution = 1}), 0, tol);
    // One community: 2 (7 - gamma 15).
    EXPECT_NEAR(cpm_quality(g, M(6, 0), {.resolution = 0.1}), 2 * (7 - 1.5), tol);
    // Weighted bridge inside nobody's community changes nothing; triangle weights 2 double w_c.
    const Graph w = two_triangles({}, {2, 2, 2, 2, 2, 2, 5});
    EXPECT_NEAR(cpm_quality(w, halves, {.resolution = 1}), 2 * (2 * (6 - 3)), tol);
    EXPECT_NEAR(cpm_quality(w, halves, {.resolution = 1, .use_weights = false}), 0, tol);
}

TEST(Quality, CpmQualityDirected) {
    // Q = sum_c [w_c - gamma n_c (n_c - 1)] = 2 (3 - 6 gamma).
    const Graph g = two_triangles({.directed = true});
    EXPECT_NEAR(cpm_quality(g, halves, {.resolution = 0.25}), 3, tol);
    EXPECT_NEAR(cpm_quality(g, halves, {.resolution = 0.5}), 0, tol);
}

TEST(Quality, CpmQualitySelfLoopsAsLeidenalg) {
    // Edges 0 - 1 and 2 - 2, communities {0, 1}, {2}, gamma 1. The graph has a self-loop, so every
    // community may hold n_c more edges: P(2) = 1 + 2, P(1) = 0 + 1.
    // Q = 2 [(1 - 3) + (1 - 1)] = -4, leidenalg's CPMVertexPartition.quality().
    EXPECT_NEAR(cpm_quality(test::make_graph(3, {{0, 1}, {2, 2}}), M{0, 0, 1}, {.resolution = 1}), -4, tol);
    // Without the self-loop: 2 [(1 - 1) + 0] = 0 (leidenalg: 0).
    EXPECT_NEAR(cpm_quality(test::make_graph(3, {{0, 1}}), M{0, 0, 1}, {.resolution = 1}), 0, tol);
    // Directed triangle 0->1->2->0 plus 0->0, one community: 4 - (6 + 3) = -5 (leidenalg: -5).
    const Graph d = test::make_graph(3, {{0, 1}, {1, 2}, {2, 0}, {0, 0}}, {.directed = true});
    EXPECT_NEAR(cpm_quality(d, M{0, 0, 0}, {.resolution = 1}), -5, tol);
    // Undirected triangle plus a self-loop of weight 5, gamma 0: 2 (3 + 5) = 16 (leidenalg: 16).
    const Graph w = test::make_graph(3, {{0, 1}, {1, 2}, {2, 0}, {0, 0}}, {}, {1, 1, 1, 5});
    EXPECT_NEAR(cpm_quality(w, M{0, 0, 0}, {.resolution = 0}), 16, tol);
}

TEST(Quality, CpmQualityNoEdgesAndErrors) {
    EXPECT_NEAR(cpm_quality(Graph{}, M{}, {.resolution = 1}), 0, tol);
    // Communities of 2 and 1 nodes, no edges: 2 (0 - 1) = -2 (leidenalg: -2).
    EXPECT_NEAR(cpm_quality(GraphBuilder(3).build(), M{0, 0, 1}, {.resolution = 1}), -2, tol);
    EXPECT_THROW(cpm_quality(two_triangles(), halves, {.resolution = -0.5}), std::invalid_argument);
    EXPECT_THROW(cpm_quality(two_triangles(), M{0}, {.resolution = 1}), std::invalid_argument);
}

TEST(Quality, CommunitySizesIndexedByLabel) {
    EXPECT_EQ(community_sizes(M{}), (std::vector<std::int64_t>{}));
    EXPECT_EQ(community_sizes(M{0, 0, 3, 2, 0, 3, 2}), (std::vector<std::int64_t>{3, 0, 2, 2}));
    EXPECT_THROW(community_sizes(M{0, -2}), std::invalid_argument);
}

TEST(Quality, PartitionQualityTwoTriangles) {
    // Coverage 6/7. Performance: 15 pairs; 6 adjacent within halves, 9 across of which 1 adjacent:
    // (6 + 8) / 15.
    const auto q = partition_quality(two_triangles(), halves);
    EXPECT_NEAR(q.coverage, 6.0 / 7, tol);
    EXPECT_NEAR(q.performance, 14.0 / 15, tol);
    // Directed: 30 ordered pairs; 6 arcs within, 18 ordered pairs across of which 1 is an arc.
    const auto d = partition_quality(two_triangles({.directed = true}), halves);
    EXPECT_NEAR(d.coverage, 6.0 / 7, tol);
    EXPECT_NEAR(d.performance, 23.0 / 30, tol);
}

TEST(Quality, PartitionQualityParallelEdgesAndSelfLoops) {
    // Two triangles plus a second edge 0 - 1 and a self-loop at 4: 9 edges, 8 inside.
    // Performance counts pairs of distinct nodes, so it stays (6 + 8) / 15.
    const Graph g = test::make_graph(6, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}, {1, 0}, {4, 4}});
    const auto q = partition_quality(g, halves);
    EXPECT_NEAR(q.coverage, 8.0 / 9, tol);
    EXPECT_NEAR(q.performance, 14.0 / 15, tol);
    // Directed, with the reverse arc 1 -> 0 and a repeated 2 -> 3: ordered pairs 0->1, 1->0 are
    // both adjacent; 2->3 is one adjacent pair. (7 + 17) / 30.
    const Graph d = test::make_graph(6, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}, {1, 0}, {2, 3}},
                                     {.directed = true});
    const auto qd = partition_quality(d, halves);
    EXPECT_NEAR(qd.coverage, 7.0 / 9, tol);
    EXPECT_NEAR(qd.performance, 24.0 / 30, tol);
}

TEST(Quality, PartitionQualityDegenerate) {
    const auto empty = partition_quality(Graph{}, M{});
    EXPECT_TRUE(std::isnan(empty.coverage));
    EXPECT_TRUE(std::isnan(empty.performance));
    // Three nodes without edges, {0, 1} and {2}: the 2 pairs across are correct, the one within not.
    const auto none = partition_quality(GraphBuilder(3).build(), M{0, 0, 1});
    EXPECT_TRUE(std::isnan(none.coverage));
    EXPECT_NEAR(none.performance, 2.0 / 3, tol);
    EXPECT_THROW(partition_quality(two_triangles(), M{0, 1}), std::invalid_argument);
}

TEST(Quality, ConductanceTwoTriangles) {
    // Each half: cut 1, volume 7, the other half 7.
    test::expect_all_near(conductance(two_triangles(), halves), {1.0 / 7, 1.0 / 7}, tol);
    // Bridge of weight 3: cut 3, volumes 9.
    const Graph w = two_triangles({}, {1, 1, 1, 1, 1, 1, 3});
    test::expect_all_near(conductance(w, halves), {1.0 / 3, 1.0 / 3}, tol);
    test::expect_all_near(conductance(w, halves, false), {1.0 / 7, 1.0 / 7}, tol);
    // Directed: cut 1 each (arcs both ways count); out-volumes 4 and 3, so min is 3 for both.
    test::expect_all_near(conductance(two_triangles({.directed = true}), halves), {1.0 / 3, 1.0 / 3}, tol);
}

//  0 = 1 - 2 - 3   with a self-loop at 2
TEST(Quality, ConductanceParallelEdgesSelfLoopsAndGaps) {
    // {0, 1}: cut 1 (1 - 2), volume 2 + 3 = 5; {2, 3}: volume (1 + 2 + 1) + 1 = 5. networkx: 0.2.
    const Graph g = test::make_graph(4, {{0, 1}, {0, 1}, {1, 2}, {2, 2}, {2, 3}});
    test::expect_all_near(conductance(g, M{0, 0, 1, 1}), {0.2, 0.2}, tol);
    // Label 1 is unused; label 0 holds every edge end: both NaN.
    const auto c = conductance(g, M{0, 0, 0, 0});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_TRUE(std::isnan(c[0]));
    const auto gap = conductance(g, M{0, 0, 2, 2});
    ASSERT_EQ(gap.size(), 3u);
    EXPECT_TRUE(std::isnan(gap[1]));
    EXPECT_NEAR(gap[2], 0.2, tol);
    EXPECT_THROW(conductance(g, M{0, 0, -1, 0}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
