#include <gtest/gtest.h>

#include <cmath>

#include "essnet/centrality/clustering.hpp"
#include "essnet/centrality/coreness.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;
using V = std::vector<double>;

void expect_near(const V& got, const V& want, double eps = 1e-9) {
    test::expect_all_near(got, want, eps);
}

//  Two triangles sharing node 2, and a pendant 5:   0 - 1, 0 - 2, 1 - 2, 2 - 3, 2 - 4, 3 - 4, 4 - 5
TEST(Clustering, TrianglesClusteringTransitivityCoresByHand) {
    const Graph g = make_graph(6, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {2, 4}, {3, 4}, {4, 5}, {4, 5}, {5, 5}});
    EXPECT_EQ(triangles(g), (std::vector<std::int64_t>{1, 1, 2, 1, 1, 0}));
    // Node 2 has 4 neighbours (6 pairs, 2 linked): 1/3; node 4 has 3 (3 pairs, 1 linked): 1/3.
    expect_near(clustering(g), {1, 1, 1.0 / 3, 1, 1.0 / 3, 0});
    // 2 triangles; connected triples: sum of d(d-1)/2 = 1 + 1 + 6 + 1 + 3 + 0 = 12.
    EXPECT_NEAR(transitivity(g), 3.0 * 2 / 12, 1e-12);
    EXPECT_NEAR(average_clustering(g), (1 + 1 + 1.0 / 3 + 1 + 1.0 / 3 + 0) / 6, 1e-12);
    EXPECT_EQ(coreness(g), (std::vector<std::int64_t>{2, 2, 2, 2, 2, 1}));
    EXPECT_THROW(triangles(make_graph(2, {{0, 1}}, {.directed = true})), std::invalid_argument);
}

TEST(Clustering, WeightedDirectedCycleByHand) {
    // The directed 3-cycle 0 -> 1 -> 2 -> 0 with weights 1, 1, 8. Node 0 has one predecessor (2)
    // and one successor (1): d_tot = 2, no reciprocated pair, so the denominator is
    // 2 (d_tot (d_tot - 1) - 2 d_bi) = 4. Unweighted, the cycle is seen twice (from j = 2 with
    // k = 1, and from j = 1 with k = 2): T = 2 and c = 1/2 for every node. Weighted (Fagiolo 2007),
    // each sighting counts the cube root of the product of the weights over the largest (8):
    // (1/8 x 1/8 x 1)^(1/3) = 1/4, so c = 1/2 x 1/4 = 1/8 for every node.
    const Graph g = make_graph(3, {{0, 1}, {1, 2}, {2, 0}}, {.directed = true}, {1, 1, 8});
    for (const double c : clustering(g, {.use_weights = false})) EXPECT_NEAR(c, 0.5, 1e-15);
    for (const double c : clustering(g)) EXPECT_NEAR(c, 0.125, 1e-15);
}

}  // namespace
}  // namespace essnet
