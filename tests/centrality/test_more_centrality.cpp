#include <gtest/gtest.h>

#include <cmath>

#include "essnet/centrality/approximate_betweenness.hpp"
#include "essnet/centrality/centralization.hpp"
#include "essnet/centrality/clustering.hpp"
#include "essnet/centrality/coreness.hpp"
#include "essnet/generate/generators.hpp"
#include "support/graphs.hpp"
#include "support/kite.hpp"

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

TEST(Coreness, EmptyAndCliques) {
    EXPECT_TRUE(coreness(Graph{}).empty());
    // K4 plus a tail: the clique is a 3-core, the tail 1.
    const Graph g = make_graph(6, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}});
    EXPECT_EQ(coreness(g), (std::vector<std::int64_t>{3, 3, 3, 3, 1, 1}));
}

TEST(Centralization, StarIsOneCompleteIsZero) {
    const Graph star = make_graph(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
    const Graph complete = make_graph(4, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}});
    for (const auto m :
         {CentralizationMeasure::degree, CentralizationMeasure::betweenness, CentralizationMeasure::closeness}) {
        EXPECT_NEAR(centralization(star, m), 1.0, 1e-12);
        EXPECT_NEAR(centralization(complete, m), 0.0, 1e-12);
    }
    // Path 0-1-2-3, degree: max 2, sum of gaps 1 + 0 + 0 + 1 = 2 over (n-1)(n-2) = 6.
    EXPECT_NEAR(centralization(make_graph(4, {{0, 1}, {1, 2}, {2, 3}}), CentralizationMeasure::degree), 2.0 / 6, 1e-12);
    EXPECT_THROW(centralization(make_graph(4, {{0, 1}, {2, 3}}), CentralizationMeasure::closeness),
                 std::invalid_argument);
}

TEST(ApproximateBetweenness, WithinEpsilonInAtLeast95PercentOfSeeds) {
    const Graph g = generate::barabasi_albert(150, 2, 3);
    const auto exact = betweenness(g);
    const double eps = 0.05;
    int within = 0;
    std::int64_t samples = 0;
    for (std::uint64_t seed = 0; seed < 100; ++seed) {
        const auto r = approximate_betweenness(g, {.epsilon = eps, .delta = 0.1, .seed = seed});
        samples = r.samples;
        double worst = 0;
        for (std::size_t v = 0; v < exact.size(); ++v) worst = std::max(worst, std::abs(r.score[v] - exact[v]));
        within += worst <= eps;
    }
    EXPECT_GE(within, 95);
    EXPECT_GT(samples, 0);
    // Same seed, same estimate.
    const auto a = approximate_betweenness(g, {.epsilon = 0.05, .seed = 7});
    const auto b = approximate_betweenness(g, {.epsilon = 0.05, .seed = 7});
    EXPECT_EQ(a.score, b.score);
    // Parallel arcs count as one path and a self-loop as none: on the directed diamond chain
    // 0 -> {1, 2} -> 3 -> {4, 5} -> 6 with 0 -> 1 doubled and a loop at 3, by hand: 3 lies on every
    // path from {0, 1, 2} to {4, 5, 6} (9 pairs); 1 and 2 each carry half of the paths from 0 to
    // {3, 4, 5, 6} (4 pairs, 2 each), 4 and 5 half of those from {0, 1, 2, 3} to 6 (2 each).
    // Normalised by (n - 1)(n - 2) = 30.
    const Graph chain = make_graph(7, {{0, 1}, {0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 3}, {3, 4}, {3, 5}, {4, 6}, {5, 6}},
                                   {.directed = true});
    const std::vector<double> chain_exact{0, 2.0 / 30, 2.0 / 30, 9.0 / 30, 2.0 / 30, 2.0 / 30, 0};
    const auto chain_estimate = approximate_betweenness(chain, {.epsilon = 0.01, .seed = 1});
    for (std::size_t v = 0; v < chain_exact.size(); ++v)
        EXPECT_NEAR(chain_estimate.score[v], chain_exact[v], 0.01) << v;
    EXPECT_THROW(approximate_betweenness(g, {.epsilon = 0}), std::invalid_argument);
    EXPECT_THROW(approximate_betweenness(g, {.delta = 1}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
