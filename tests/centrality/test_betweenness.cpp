#include <gtest/gtest.h>

#include <cmath>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/centrality/betweenness.hpp"
#include "essnet/generate/generators.hpp"
#include "support/graphs.hpp"
#include "support/kite.hpp"

namespace essnet {
namespace {

using test::make_graph;
using V = std::vector<double>;
constexpr double tol = 1e-12;

void expect_near(const V& got, const V& want, double eps = tol) {
    test::expect_all_near(got, want, eps);
}

TEST(Betweenness, EmptyAndTiny) {
    EXPECT_TRUE(betweenness(Graph{}).empty());
    expect_near(betweenness(GraphBuilder(1).build()), {0});
    expect_near(betweenness(make_graph(2, {{0, 1}})), {0, 0});
}

//      1
//  0.1/ \0.2      0-1-3 is 0.1 + 0.2 = 0.30000000000000004 in floats, 0-2-3 is 0.15 + 0.15 = 0.3:
//    0   3      the same length in exact arithmetic, so the pair (0, 3) has two shortest paths and
// 0.15\ /0.15   nodes 1 and 2 get half of it each. The pair (1, 2) goes through 0 (0.25 < 0.35).
//      2
TEST(Betweenness, DecimalWeightsTieWithinTheRelativeEpsilon) {
    const Graph g = make_graph(4, {{0, 1}, {1, 3}, {0, 2}, {2, 3}}, {}, {0.1, 0.2, 0.15, 0.15});
    ASSERT_NE(0.1 + 0.2, 0.15 + 0.15);  // the floats differ
    expect_near(betweenness(g, {.normalized = false}), {1, 0.5, 0.5, 0});
    // Edge credit: (0,3) splits over both paths; (0,1) also carries (0,1) itself and (1,2) via 0.
    expect_near(edge_betweenness(g, {.normalized = false}), {2.5, 1.5, 2.5, 1.5});
    // A cutoff of 0.3 admits the path of length 0.30000000000000004.
    expect_near(betweenness(g, {.normalized = false, .cutoff = 0.3}), {1, 0.5, 0.5, 0});
    EXPECT_TRUE(detail::nearly_equal(0.1 + 0.2, 0.3));
    EXPECT_FALSE(detail::nearly_equal(0.3, 0.3 * (1 + 1e-9)));
}

// 0 - 1 - 2 - 3: node 1 lies on (0,2) and (0,3), node 2 on (0,3) and (1,3).
TEST(Betweenness, PathByHand) {
    const Graph g = make_graph(4, {{0, 1}, {1, 2}, {2, 3}});
    expect_near(betweenness(g, {.normalized = false}), {0, 2, 2, 0});
    // Normalized as networkx: 2 pairs out of (n-1)(n-2)/2 = 3 pairs.
    expect_near(betweenness(g), {0, 2.0 / 3, 2.0 / 3, 0});
    // Paths of length at most 2 only: (0,2) through 1 and (1,3) through 2.
    expect_near(betweenness(g, {.normalized = false, .cutoff = 2}), {0, 1, 1, 0});
    // A fractional cutoff admits the same paths as its floor, unweighted or weighted (all 1).
    expect_near(betweenness(g, {.normalized = false, .cutoff = 2.5}), {0, 1, 1, 0});
    expect_near(betweenness(g, {.normalized = false, .cutoff = 1.5}), {0, 0, 0, 0});
    const Graph w = make_graph(4, {{0, 1}, {1, 2}, {2, 3}}, {}, {1.0, 1.0, 1.0});
    expect_near(betweenness(w, {.normalized = false, .cutoff = 2.5}), {0, 1, 1, 0});
    expect_near(betweenness(w, {.normalized = false, .cutoff = 1.5}), {0, 0, 0, 0});
}

TEST(Betweenness, StarCentreIsOnEveryPath) {
    const Graph g = make_graph(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
    expect_near(betweenness(g), {1, 0, 0, 0, 0});
    expect_near(betweenness(g, {.normalized = false}), {6, 0, 0, 0, 0});
}

// networkx: betweenness_centrality(path_graph(3), normalized=False, endpoints=True) = {0: 2, 1: 3, 2: 2}.
TEST(Betweenness, Endpoints) {
    const Graph g = make_graph(3, {{0, 1}, {1, 2}});
    expect_near(betweenness(g, {.normalized = false, .endpoints = true}), {2, 3, 2});
    // Normalized with endpoints: 2 * raw / (n (n - 1)).
    expect_near(betweenness(g, {.endpoints = true}), {4.0 / 6, 1, 4.0 / 6});
}

// 0 -> 1 -> 2: node 1 is on the one directed pair (0, 2); normalized by (n-1)(n-2) = 2.
TEST(Betweenness, Directed) {
    const Graph g = make_graph(3, {{0, 1}, {1, 2}}, {.directed = true});
    expect_near(betweenness(g, {.normalized = false}), {0, 1, 0});
    expect_near(betweenness(g), {0, 0.5, 0});
}

TEST(Betweenness, ParallelEdgesAndSelfLoopsDoNotMultiplyPaths) {
    // 0 = 1 - 2 with a doubled edge 0-1 and a self-loop at 1: as the simple path (networkx).
    const Graph g = make_graph(3, {{0, 1}, {1, 0}, {1, 2}, {1, 1}});
    expect_near(betweenness(g, {.normalized = false}), {0, 1, 0});
}

TEST(Betweenness, WeightedShortestPaths) {
    // Triangle 0-1 (1), 1-2 (1), 0-2 (3): the path 0-1-2 (length 2) is the only shortest one.
    expect_near(betweenness(make_graph(3, {{0, 1}, {1, 2}, {0, 2}}, {}, {1, 1, 3}), {.normalized = false}), {0, 1, 0});
    // With 0-2 of length 2 there are two shortest paths, and node 1 gets half.
    expect_near(betweenness(make_graph(3, {{0, 1}, {1, 2}, {0, 2}}, {}, {1, 1, 2}), {.normalized = false}),
                {0, 0.5, 0});
    // Ignoring the weights, 0-2 is direct.
    expect_near(betweenness(make_graph(3, {{0, 1}, {1, 2}, {0, 2}}, {}, {1, 1, 3}),
                            {.normalized = false, .use_weights = false}),
                {0, 0, 0});
    // Parallel edges: the shorter one counts.
    expect_near(betweenness(make_graph(3, {{0, 1}, {1, 2}, {0, 2}, {0, 2}}, {}, {1, 1, 3, 1.5}), {.normalized = false}),
                {0, 0, 0});
}

// The values networkx's test suite asserts for the Krackhardt kite (places=3).
TEST(Betweenness, KrackhardtKiteAsNetworkxTests) {
    expect_near(betweenness(test::krackhardt_kite()),
                {0.023, 0.023, 0.000, 0.102, 0.000, 0.231, 0.231, 0.389, 0.222, 0.000}, 0.0005);
}

TEST(EdgeBetweenness, PathAndParallelEdges) {
    // 0 - 1 - 2: each edge carries 2 of the 3 pairs.
    const Graph g = make_graph(3, {{0, 1}, {1, 2}});
    expect_near(edge_betweenness(g, {.normalized = false}), {2, 2});
    expect_near(edge_betweenness(g), {4.0 / 6, 4.0 / 6});  // networkx: doubled sums over n (n - 1)
    // A doubled edge 0-1 shares its credit; the self-loop gets nothing.
    const Graph multi = make_graph(3, {{0, 1}, {0, 1}, {1, 2}, {2, 2}});
    expect_near(edge_betweenness(multi, {.normalized = false}), {1, 1, 2, 0});
    // Directed 0 -> 1 -> 2: edge 0->1 is on (0,1) and (0,2).
    expect_near(edge_betweenness(make_graph(3, {{0, 1}, {1, 2}}, {.directed = true}), {.normalized = false}), {2, 2});
    EXPECT_THROW(edge_betweenness(g, {.endpoints = true}), std::invalid_argument);
}

TEST(Betweenness, SameResultWithOneOrTwoThreads) {
    const Graph g = generate::erdos_renyi({.n = 300, .m = 900, .directed = false, .seed = 5});
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const V one = betweenness(g);
    const V one_e = edge_betweenness(g);
    omp_set_num_threads(2);
    const V two = betweenness(g);
    const V two_e = edge_betweenness(g);
    omp_set_num_threads(threads);
    for (std::size_t i = 0; i < one.size(); ++i) EXPECT_NEAR(one[i], two[i], 1e-12 * std::max(1.0, std::abs(one[i])));
    for (std::size_t i = 0; i < one_e.size(); ++i)
        EXPECT_NEAR(one_e[i], two_e[i], 1e-12 * std::max(1.0, std::abs(one_e[i])));
#endif
}

// Path 0 - 1 - 2 - 3. From source 0 alone, node 1 lies on the paths to 2 and 3, node 2 on the path
// to 3: dependencies 2 and 1. Undirected, unnormalized, scaled by n / k = 4: 0.5 * 4 * (0, 2, 1, 0).
// The exact scores are (0, 2, 2, 0).
TEST(Betweenness, SourcesAreScaledToAnEstimateOfEveryPair) {
    const Graph path = make_graph(4, {{0, 1}, {1, 2}, {2, 3}});
    expect_near(betweenness(path, {.normalized = false, .sources = {0}}), {0, 4, 2, 0});
    // Every node as a source, or every node drawn, is the exact betweenness.
    expect_near(betweenness(path, {.normalized = false, .sources = {3, 1, 0, 2}}), {0, 2, 2, 0});
    expect_near(betweenness(path, {.normalized = false, .samples = 4, .seed = 9}), {0, 2, 2, 0});
    // Averaged over the six pairs of sources, the estimate is the exact score (each node is a
    // source in three of them, each time scaled by 4 / 2).
    V mean(4, 0.0);
    for (node_id a = 0; a < 4; ++a)
        for (node_id b = a + 1; b < 4; ++b) {
            const V once = betweenness(path, {.normalized = false, .sources = {a, b}});
            for (std::size_t v = 0; v < 4; ++v) mean[v] += once[v] / 6;
        }
    expect_near(mean, {0, 2, 2, 0});
    // Directed 0 -> 1 -> 2 -> 3 from source 1: node 2 is on 1 -> 3; normalized by (n-1)(n-2) = 6,
    // times n / k = 4.
    const Graph arcs = make_graph(4, {{0, 1}, {1, 2}, {2, 3}}, {.directed = true});
    expect_near(betweenness(arcs, {.sources = {1}}), {0, 0, 4.0 / 6, 0});
    // With endpoints, source 1 also counts the 2 nodes it reaches, and each reached node 1.
    expect_near(betweenness(arcs, {.normalized = false, .endpoints = true, .sources = {1}}), {0, 8, 8, 4});
}

TEST(Betweenness, SamplesDrawDistinctSourcesFromTheSeed) {
    const Graph g = generate::erdos_renyi({.n = 200, .m = 600, .directed = false, .seed = 3});
    // Threads add their sources' shares in whatever order they finish: equal to rounding.
    const V a = betweenness(g, {.samples = 20, .seed = 1});
    expect_near(a, betweenness(g, {.samples = 20, .seed = 1}), 1e-12);
    const V other = betweenness(g, {.samples = 20, .seed = 2});
    double apart = 0;
    for (std::size_t i = 0; i < a.size(); ++i) apart = std::max(apart, std::abs(a[i] - other[i]));
    EXPECT_GT(apart, 1e-3);
    // The drawn sources are the first 20 of the seed's random order of the nodes.
    Rng rng(1);
    std::vector<node_id> order = detail::random_order(200, rng);
    order.resize(20);
    expect_near(a, betweenness(g, {.sources = order}), 1e-12);
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const V one = betweenness(g, {.samples = 20, .seed = 1});
    omp_set_num_threads(2);
    const V two = betweenness(g, {.samples = 20, .seed = 1});
    omp_set_num_threads(threads);
    for (std::size_t i = 0; i < one.size(); ++i) EXPECT_NEAR(one[i], two[i], 1e-12 * std::max(1.0, std::abs(one[i])));
#endif
}

TEST(Betweenness, SamplesAndSourcesErrors) {
    const Graph g = make_graph(3, {{0, 1}, {1, 2}});
    EXPECT_THROW(betweenness(g, {.samples = 4}), std::invalid_argument);
    EXPECT_THROW(betweenness(g, {.samples = -1}), std::invalid_argument);
    EXPECT_THROW(betweenness(g, {.samples = 1, .sources = {0}}), std::invalid_argument);
    EXPECT_THROW(betweenness(g, {.sources = {0, 3}}), std::invalid_argument);
    EXPECT_THROW(betweenness(g, {.sources = {1, 1}}), std::invalid_argument);
    EXPECT_THROW(edge_betweenness(g, {.samples = 1}), std::invalid_argument);
    EXPECT_THROW(edge_betweenness(g, {.sources = {0}}), std::invalid_argument);
}

TEST(Betweenness, SumsToTheInnerNodesOfAllShortestPaths) {
    // Every shortest s-t path has d(s,t) - 1 inner nodes, so the unnormalized scores add up to the
    // sum of d(s,t) - 1 over the connected unordered pairs; distances here by a plain BFS.
    const Graph g =
        generate::erdos_renyi({.n = 150, .m = 300, .directed = false, .seed = 8});  // sparse: several components
    double expected = 0;
    for (node_id s = 0; s < g.num_nodes(); ++s) {
        std::vector<int> dist(static_cast<std::size_t>(g.num_nodes()), -1);
        std::vector<node_id> queue{s};
        dist[static_cast<std::size_t>(s)] = 0;
        for (std::size_t h = 0; h < queue.size(); ++h)
            for (const node_id w : g.out_neighbors(queue[h]))
                if (dist[static_cast<std::size_t>(w)] < 0) {
                    dist[static_cast<std::size_t>(w)] = dist[static_cast<std::size_t>(queue[h])] + 1;
                    queue.push_back(w);
                }
        for (node_id t = s + 1; t < g.num_nodes(); ++t)
            if (dist[static_cast<std::size_t>(t)] > 0) expected += dist[static_cast<std::size_t>(t)] - 1;
    }
    double total = 0;
    for (const double x : betweenness(g, {.normalized = false})) total += x;
    EXPECT_NEAR(total, expected, 1e-9 * expected);
}

TEST(Betweenness, ProgressAndCancel) {
    const Graph g = generate::erdos_renyi({.n = 2000, .m = 8000, .directed = false, .seed = 1});
    double last = 0;
    betweenness(g, {.progress = [&](double f) {
                    last = f;
                    return true;
                }});
    EXPECT_EQ(last, 1.0);
    EXPECT_THROW(betweenness(g, {.progress = [](double) { return false; }}), Cancelled);
    EXPECT_THROW(betweenness(g, {.cutoff = std::nan("")}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
