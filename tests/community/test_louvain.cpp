#include <gtest/gtest.h>

#include <cmath>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/community/louvain.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/generate/generators.hpp"
#include "support/graphs.hpp"
#include "support/karate.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(Louvain, TwoCliquesSplitAtTheBridge) {
    // Two 4-cliques joined by one edge: Q = 12/13 - 1/2 for the split (worked out in test_leiden.cpp).
    const Graph g = make_graph(
        8, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {4, 5}, {4, 6}, {4, 7}, {5, 6}, {5, 7}, {6, 7}, {3, 4}});
    const LouvainResult r = louvain(g);
    EXPECT_EQ(r.partition.membership, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1, 1, 1}));
    EXPECT_NEAR(r.partition.quality, 12.0 / 13 - 0.5, 1e-12);
}

TEST(Louvain, KarateLevelsImproveAndEndNearTheOptimum) {
    const Graph g = test::karate();
    double best = -1;
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
        const LouvainResult r = louvain(g, {.seed = seed});
        ASSERT_FALSE(r.levels.empty());
        for (std::size_t i = 1; i < r.levels.size(); ++i) {
            EXPECT_GE(r.levels[i].quality, r.levels[i - 1].quality);
            EXPECT_LT(r.levels[i].n_communities, r.levels[i - 1].n_communities);
        }
        EXPECT_EQ(r.partition.membership, r.levels.back().membership);
        EXPECT_NEAR(r.partition.quality, modularity(g, r.partition.membership), 1e-12);
        best = std::max(best, r.partition.quality);
    }
    // Louvain has no optimality guarantee; on karate it finds 0.4188 or the optimum 0.4198
    // (Blondel et al. 2008 report 0.42).
    EXPECT_GE(best, 0.4188 - 1e-4);
    EXPECT_LE(best, 0.419790 + 1e-6);
}

TEST(Louvain, SameSeedSamePartitionForAnyThreadCount) {
    // Large enough that the first level's sweeps share batches of moves between threads.
    const Graph g = generate::lfr({.n = 20000, .average_degree = 20, .max_degree = 50, .mu = 0.3, .seed = 5}).graph;
    const LouvainResult a = louvain(g, {.seed = 7});
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    for (const int t : {1, 2, 3}) {
        omp_set_num_threads(t);
        const LouvainResult c = louvain(g, {.seed = 7});
        EXPECT_EQ(a.partition.membership, c.partition.membership) << t << " threads";
        EXPECT_EQ(a.levels.size(), c.levels.size()) << t << " threads";
    }
    omp_set_num_threads(threads);
#endif
    EXPECT_EQ(a.partition.membership, louvain(g, {.seed = 7}).partition.membership);
}

TEST(Louvain, PartitionsDoNotDependOnTheScaleOfTheWeights) {
    // Every gain scales by exactly 2^s; products of two strengths would overflow at 2^520 and
    // underflow at 2^-560.
    for (const bool directed : {false, true}) {
        const Graph unit = test::karate_weighing(1, directed);
        for (const int s : {520, -560}) {
            const Graph scaled = test::karate_weighing(std::ldexp(1.0, s), directed);
            const LouvainResult want = louvain(unit, {.seed = 2});
            const LouvainResult got = louvain(scaled, {.seed = 2});
            EXPECT_EQ(got.partition.membership, want.partition.membership) << "2^" << s << " directed " << directed;
            EXPECT_EQ(got.levels.size(), want.levels.size());
            EXPECT_NEAR(got.partition.quality, want.partition.quality, 1e-12);
        }
    }
}

TEST(Louvain, DegenerateGraphs) {
    const LouvainResult empty = louvain(Graph());
    EXPECT_TRUE(empty.partition.membership.empty());
    // Modularity without edges is 0/0: NaN, as Leiden and igraph give it.
    EXPECT_TRUE(std::isnan(empty.partition.quality));
    const LouvainResult isolated = louvain(make_graph(3, {}));
    EXPECT_EQ(isolated.partition.n_communities, 3);
    EXPECT_TRUE(isolated.levels.empty());
    EXPECT_TRUE(std::isnan(isolated.partition.quality));
    // CPM has no denominator: the empty partition's quality is 0.
    EXPECT_EQ(louvain(Graph(), {.objective = QualityFunction::cpm}).partition.quality, 0.0);
    EXPECT_THROW(louvain(make_graph(2, {{0, 1}}), {.resolution = -0.5}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
