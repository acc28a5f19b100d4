#include <gtest/gtest.h>

#include <cmath>

#include "essnet/centrality/approximate_betweenness.hpp"
#include "essnet/centrality/betweenness.hpp"
#include "essnet/generate/generators.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(ApproximateBetweenness, WithinEpsilonInAtLeast95PercentOfSeeds) {
    const Graph g = generate::barabasi_albert({.n = 150, .m = 2, .seed = 3});
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
