#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <map>
#include <set>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/community/leiden.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/graph/builder.hpp"
#include "support/graphs.hpp"
#include "support/karate.hpp"

namespace essnet {
namespace {

using test::make_graph;

// Two 4-cliques {0..3} and {4..7} joined by the edge 3-4. m = 13; each clique holds 6 edges and a
// degree sum of 13, so splitting them gives Q = 2 (6/13 - (13/26)^2) = 12/13 - 1/2.
Graph two_cliques(GraphBuildOptions options = {}) {
    return make_graph(
        8, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {4, 5}, {4, 6}, {4, 7}, {5, 6}, {5, 7}, {6, 7}, {3, 4}},
        options);
}

// Whether every community induces a (weakly) connected subgraph.
bool communities_connected(const Graph& g, const std::vector<std::int32_t>& membership) {
    std::vector<std::int32_t> seen(membership.size(), 0);
    std::set<std::int32_t> started;
    for (node_id s = 0; s < g.num_nodes(); ++s) {
        const auto c = membership[static_cast<std::size_t>(s)];
        if (seen[static_cast<std::size_t>(s)]) continue;
        if (!started.insert(c).second) return false;  // a second piece of a community already met
        std::vector<node_id> stack{s};
        seen[static_cast<std::size_t>(s)] = 1;
        while (!stack.empty()) {
            const node_id u = stack.back();
            stack.pop_back();
            auto visit = [&](node_id v) {
                if (!seen[static_cast<std::size_t>(v)] && membership[static_cast<std::size_t>(v)] == c) {
                    seen[static_cast<std::size_t>(v)] = 1;
                    stack.push_back(v);
                }
            };
            for (const node_id v : g.out_neighbors(u)) visit(v);
            for (const node_id v : g.in_neighbors(u)) visit(v);
        }
    }
    return true;
}

TEST(Leiden, TwoCliquesSplitAtTheBridge) {
    const Partition p = leiden(two_cliques());
    EXPECT_EQ(p.n_communities, 2);
    EXPECT_EQ(p.membership, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1, 1, 1}));
    EXPECT_NEAR(p.quality, 12.0 / 13 - 0.5, 1e-12);
}

TEST(Leiden, KarateBestOfTenSeedsReachesTheOptimum) {
    // The largest modularity of Zachary's karate club, 0.419790 (four communities), proven optimal
    // by integer programming (Brandes et al. 2008, "On modularity clustering", IEEE TKDE 20(2)).
    const Graph g = test::karate();
    double best = -1;
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
        const Partition p = leiden(g, {.seed = seed});
        EXPECT_NEAR(p.quality, modularity(g, p.membership), 1e-12);
        EXPECT_TRUE(communities_connected(g, p.membership));
        best = std::max(best, p.quality);
    }
    EXPECT_NEAR(best, 0.419790, 1e-6);
}

TEST(Leiden, CommunitiesAreConnectedOnRandomGraphs) {
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
        const Graph g =
            generate::erdos_renyi({.n = 300, .m = 400, .directed = false, .seed = seed});  // sparse: many small pieces
        for (const auto quality : {QualityFunction::modularity, QualityFunction::cpm}) {
            const Partition p = leiden(
                g, {.objective = quality, .resolution = quality == QualityFunction::cpm ? 0.05 : 1.0, .seed = seed});
            EXPECT_TRUE(communities_connected(g, p.membership)) << seed;
            std::set<std::int32_t> labels(p.membership.begin(), p.membership.end());
            EXPECT_EQ(static_cast<std::int32_t>(labels.size()), p.n_communities);
            EXPECT_EQ(*labels.rbegin(), p.n_communities - 1);
        }
    }
}

// The largest modularity gain of moving one node of an undirected graph to another community
// (one of its neighbours' or a new one), from the definition: moving v from C to D changes Q by
//     [w(v, D) - w(v, C - v)] / m - gamma k_v [K_D - (K_C - k_v)] / (2 m^2),
// w(v, X): weight of v's edges into X, k_v: v's strength, K_X: X's total strength, m: total weight.
double best_single_move_gain(const Graph& g, const std::vector<std::int32_t>& membership, double gamma) {
    const auto n = static_cast<std::size_t>(g.num_nodes());
    std::vector<double> k(n, 0.0), total(n, 0.0);
    double m = 0;
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const double w = g.weighted() ? g.weight(e) : 1.0;
        k[static_cast<std::size_t>(g.edge_source(e))] += w;
        k[static_cast<std::size_t>(g.edge_target(e))] += w;
        m += w;
    }
    for (std::size_t v = 0; v < n; ++v) total[static_cast<std::size_t>(membership[v])] += k[v];
    double best = -1;
    for (node_id v = 0; v < g.num_nodes(); ++v) {
        const auto vi = static_cast<std::size_t>(v);
        const std::int32_t own = membership[vi];
        std::map<std::int32_t, double> to;  // weight from v to each neighbouring community
        const auto nbrs = g.out_neighbors(v);
        const auto edges = g.out_edges(v);
        for (std::size_t i = 0; i < nbrs.size(); ++i)
            if (nbrs[i] != v)
                to[membership[static_cast<std::size_t>(nbrs[i])]] += g.weighted() ? g.weight(edges[i]) : 1.0;
        to.emplace(-1, 0.0);  // a new community
        for (const auto& [d, w] : to) {
            if (d == own) continue;
            const double k_d = d < 0 ? 0.0 : total[static_cast<std::size_t>(d)];
            const double gain = (w - to[own]) / m -
                                gamma * k[vi] * (k_d - (total[static_cast<std::size_t>(own)] - k[vi])) / (2 * m * m);
            best = std::max(best, gain);
        }
    }
    return best;
}

TEST(Leiden, AStableIterationLeavesEveryNodeWhereItIsBest) {
    // Traag et al. (2019): once an iteration changes nothing, no node can raise the quality by
    // moving on its own. Large enough that level 0 moves nodes in batches.
    for (const double mu : {0.2, 0.5}) {
        const Graph g = generate::lfr({.n = 5000, .average_degree = 12, .max_degree = 40, .mu = mu, .seed = 5}).graph;
        for (const double gamma : {1.0, 1.5}) {
            const Partition p = leiden(g, {.resolution = gamma, .n_iterations = -1, .seed = 2});
            EXPECT_LE(best_single_move_gain(g, p.membership, gamma), 1e-12) << "mu " << mu << ", gamma " << gamma;
        }
        GraphBuilder builder(g.num_nodes(), {.weighted = true});
        const auto sources = g.edge_sources();
        const auto targets = g.edge_targets();
        for (std::size_t e = 0; e < sources.size(); ++e)
            builder.add_edge(sources[e], targets[e], 1.0 + static_cast<double>(e % 5));
        const Graph weighted = std::move(builder).build();
        const Partition w = leiden(weighted, {.n_iterations = -1, .seed = 2});
        EXPECT_LE(best_single_move_gain(weighted, w.membership, 1.0), 1e-12) << "weighted, mu " << mu;
    }
}

TEST(Leiden, SameSeedSamePartitionForAnyThreadCount) {
    // Large enough that level 0 moves nodes in batches shared between threads (a batch of fewer
    // than 1024 arcs runs on one thread), and that aggregation splits its rows between threads.
    const Graph g = generate::lfr({.n = 20000, .average_degree = 20, .max_degree = 50, .mu = 0.3, .seed = 3}).graph;
    const Partition a = leiden(g, {.seed = 11});
    const Partition b = leiden(g, {.seed = 11});
    EXPECT_EQ(a.membership, b.membership);
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    for (const int t : {1, 2, 3}) {
        omp_set_num_threads(t);
        const Partition c = leiden(g, {.seed = 11});
        EXPECT_EQ(a.membership, c.membership) << t << " threads";
    }
    omp_set_num_threads(threads);
    // Weighted and directed copies take the general way to level 0 (rows built by blocks of threads).
    const auto sources = g.edge_sources();
    const auto targets = g.edge_targets();
    for (const bool directed : {false, true}) {
        GraphBuilder builder(g.num_nodes(), {.directed = directed, .weighted = true});
        for (std::size_t e = 0; e < sources.size(); ++e)
            builder.add_edge(sources[e], targets[e], 1.0 + static_cast<double>(e % 7));
        const Graph weighted = std::move(builder).build();
        const Partition w = leiden(weighted, {.seed = 11});
        for (const int t : {1, 3}) {
            omp_set_num_threads(t);
            EXPECT_EQ(w.membership, leiden(weighted, {.seed = 11}).membership)
                << t << " threads, directed " << directed;
        }
        omp_set_num_threads(threads);
    }
#endif
    // The seed matters where the structure leaves room for choice (a sparse random graph).
    const Graph noise = generate::erdos_renyi({.n = 500, .m = 1000, .directed = false, .seed = 4});
    EXPECT_NE(leiden(noise, {.seed = 11}).membership, leiden(noise, {.seed = 12}).membership);
}

TEST(Leiden, WeightsDecide) {
    // Path 0-1-2-3 with weights 10, 1, 10: the heavy pairs group. Hand value: m = 21,
    // Q = 2 (10/21 - (21/42)^2) = 20/21 - 1/2.
    const Graph g = make_graph(4, {{0, 1}, {1, 2}, {2, 3}}, {}, {10, 1, 10});
    const Partition p = leiden(g);
    EXPECT_EQ(p.membership, (std::vector<std::int32_t>{0, 0, 1, 1}));
    EXPECT_NEAR(p.quality, 20.0 / 21 - 0.5, 1e-12);
    // Unweighted, the path is one community or two of two: both score
    // 2 (1/3 - (3/6)^2) = 1/6 for the split, 0 for one community; the split wins.
    EXPECT_NEAR(leiden(g, {.use_weights = false}).quality, 1.0 / 6, 1e-12);
}

TEST(Leiden, DirectedModularity) {
    // Two directed 3-cycles joined by one arc 2 -> 3: m = 7 arcs. Each cycle holds 3 arcs; the
    // first has out-strength 4 and in-strength 3, the second 3 and 4, so Leicht-Newman gives
    // Q = (3 - 4*3/7)/7 + (3 - 3*4/7)/7 = 6/7 - 24/49.
    const Graph g = make_graph(6, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}}, {.directed = true});
    const Partition p = leiden(g);
    EXPECT_EQ(p.membership, (std::vector<std::int32_t>{0, 0, 0, 1, 1, 1}));
    EXPECT_NEAR(p.quality, 6.0 / 7 - 24.0 / 49, 1e-12);
}

TEST(Leiden, CpmResolutionExtremes) {
    const Graph g = two_cliques();
    // Resolution 0: every arc inside is a gain, so each connected component is one community.
    EXPECT_EQ(leiden(g, {.objective = QualityFunction::cpm, .resolution = 0}).n_communities, 1);
    // Resolution above 1 (denser than a clique can be): every node alone.
    EXPECT_EQ(leiden(g, {.objective = QualityFunction::cpm, .resolution = 1.5}).n_communities, 8);
    // Between: the cliques (density 1) but not the bridge.
    EXPECT_EQ(leiden(g, {.objective = QualityFunction::cpm, .resolution = 0.5}).membership,
              (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1, 1, 1}));
}

TEST(Leiden, SmallAndDegenerateGraphs) {
    const Partition empty = leiden(Graph());
    EXPECT_TRUE(empty.membership.empty());
    EXPECT_EQ(empty.n_communities, 0);
    const Partition one = leiden(make_graph(1, {}));
    EXPECT_EQ(one.membership, (std::vector<std::int32_t>{0}));
    // No edges: every node alone (modularity is undefined there: NaN, as igraph).
    const Partition isolated = leiden(make_graph(4, {}));
    EXPECT_EQ(isolated.n_communities, 4);
    EXPECT_TRUE(std::isnan(isolated.quality));
    // Self-loops and parallel edges are allowed.
    const Partition loops = leiden(make_graph(5, {{0, 0}, {0, 1}, {0, 1}, {1, 2}, {3, 4}, {4, 4}}));
    EXPECT_TRUE(
        communities_connected(make_graph(5, {{0, 0}, {0, 1}, {0, 1}, {1, 2}, {3, 4}, {4, 4}}), loops.membership));
    EXPECT_EQ(loops.n_communities, 2);
}

TEST(Leiden, LevelZeroOfAnUnweightedGraphHasTheRowsOfItsWeightedCopy) {
    // An undirected graph with unit weights takes a shortcut to its level-0 rows; the same graph
    // with explicit weights of 1 takes the general path. Both must give the same rows, weights and
    // masses (self-loops count in the masses only); the first without storing weights unless an
    // edge repeats.
    using detail::community::from_graph;
    const std::vector<std::pair<node_id, node_id>> simple = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}};
    std::vector<std::pair<node_id, node_id>> multi = simple;
    multi.insert(multi.end(), {{1, 0}, {0, 1}, {4, 4}, {2, 2}, {3, 2}});
    for (const auto& edges : {simple, multi}) {
        const Graph unit = make_graph(5, edges);
        const Graph weighted = make_graph(5, edges, {}, std::vector<double>(edges.size(), 1.0));
        for (const auto quality : {QualityFunction::modularity, QualityFunction::cpm}) {
            const auto a = from_graph(unit, quality, 1.5, true);
            const auto b = from_graph(weighted, quality, 1.5, true);
            EXPECT_EQ(a.offsets, b.offsets);
            ASSERT_EQ(a.targets.size(), b.targets.size());
            for (std::size_t e = 0; e < a.targets.size(); ++e) {
                EXPECT_EQ(a.targets[e], b.targets[e]) << "arc " << e;
                EXPECT_EQ(a.weight(static_cast<std::int64_t>(e)), b.weight(static_cast<std::int64_t>(e)))
                    << "arc " << e;
            }
            EXPECT_EQ(a.mass, b.mass);
            EXPECT_EQ(a.kappa, b.kappa);
            EXPECT_EQ(a.weights.empty(), edges.size() == simple.size());
        }
    }
    // By hand, for the multigraph: 0-1 three times (an arc weighs 2 per edge: 6), 2-3 twice (4), the
    // others once (2); self-loops are left out of the rows. Masses a = b are the degrees (a
    // self-loop adds 2, the adjacency-matrix convention): 4, 4, 6, 3, 3, summing to 20 = 2 x 10
    // edges, so kappa = 1/20.
    const auto h = from_graph(make_graph(5, multi), QualityFunction::modularity, 1, true);
    EXPECT_EQ(h.offsets, (std::vector<std::int64_t>{0, 2, 4, 7, 9, 10}));
    const std::vector<std::int32_t> targets = {1, 2, 0, 2, 0, 1, 3, 2, 4, 3};
    const std::vector<double> weights = {6, 2, 6, 2, 2, 2, 4, 4, 2, 2};
    for (std::size_t e = 0; e < targets.size(); ++e) {
        EXPECT_EQ(h.targets[e], targets[e]) << "arc " << e;
        EXPECT_EQ(h.weight(static_cast<std::int64_t>(e)), weights[e]) << "arc " << e;
    }
    EXPECT_EQ(h.mass, (std::vector<double>{4, 4, 4, 4, 6, 6, 3, 3, 3, 3}));
    EXPECT_DOUBLE_EQ(h.kappa[0], 1.0 / 20);
}

TEST(Leiden, InitialMembershipAndIterations) {
    const Graph g = test::karate();
    const Partition best = leiden(g, {.n_iterations = -1, .seed = 1});
    // Starting from a converged partition, further rounds cannot lower the quality.
    const Partition again = leiden(g, {.n_iterations = -1, .initial_membership = best.membership, .seed = 5});
    EXPECT_GE(again.quality, best.quality - 1e-12);
    // Zero rounds return the initial partition, renumbered in order of first node.
    const Partition kept = leiden(two_cliques(), {.n_iterations = 0, .initial_membership = {7, 7, 7, 7, 3, 3, 3, 3}});
    EXPECT_EQ(kept.membership, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1, 1, 1}));
    // A disconnected initial community comes back split: Leiden's communities are connected.
    const Partition split = leiden(two_cliques(), {.n_iterations = 0, .initial_membership = {0, 1, 1, 1, 1, 1, 1, 0}});
    EXPECT_EQ(split.n_communities, 3);
}

TEST(Leiden, PartitionsDoNotDependOnTheScaleOfTheWeights) {
    // Multiplying every weight by 2^s multiplies every gain by exactly 2^s, so with theta scaled
    // alike each decision is the same. Products of two strengths would overflow at 2^520 and
    // underflow at 2^-560.
    for (const bool directed : {false, true}) {
        const Graph unit = test::karate_weighing(1, directed);
        for (const int s : {520, -560}) {
            const Graph scaled = test::karate_weighing(std::ldexp(1.0, s), directed);
            for (std::uint64_t seed = 0; seed < 3; ++seed) {
                const Partition want = leiden(unit, {.seed = seed});
                const Partition got = leiden(scaled, {.seed = seed, .randomness = std::ldexp(0.01, s)});
                EXPECT_EQ(got.membership, want.membership) << "2^" << s << " seed " << seed << " directed " << directed;
                EXPECT_NEAR(got.quality, want.quality, 1e-12);
            }
        }
    }
}

TEST(Leiden, SparseInitialLabelsCostNoMemory) {
    // Labels are only names: the largest possible one must not size a table.
    const Graph path = make_graph(4, {{0, 1}, {1, 2}, {2, 3}});
    const Partition p = leiden(path, {.n_iterations = 0, .initial_membership = {0, INT32_MAX, 0, 0}});
    // {0, 2, 3} is not connected: split into {0} and {2, 3}.
    EXPECT_EQ(p.membership, (std::vector<std::int32_t>{0, 1, 2, 2}));
}

TEST(Leiden, ProgressStaysBetweenZeroAndOne) {
    // Rounds until nothing changes: the total is unknown, so the shares must stay below 1 until the end.
    const auto lfr = generate::lfr({.n = 2000, .average_degree = 10, .max_degree = 30, .mu = 0.4, .seed = 3});
    for (const int rounds : {-1, 2}) {
        std::vector<double> seen;
        leiden(lfr.graph, {.n_iterations = rounds, .progress = [&](double f) {
                               seen.push_back(f);
                               return true;
                           }});
        ASSERT_GE(seen.size(), 2u) << rounds;  // the first round always reports, and the end
        EXPECT_EQ(seen.front(), 0.5) << rounds;
        EXPECT_EQ(seen.back(), 1.0) << rounds;
        for (std::size_t i = 0; i < seen.size(); ++i) {
            EXPECT_GE(seen[i], i > 0 ? seen[i - 1] : 0.0) << "report " << i;
            EXPECT_LE(seen[i], 1.0) << "report " << i;
        }
    }
    EXPECT_THROW(leiden(lfr.graph, {.progress = [](double) { return false; }}), Cancelled);
}

TEST(Leiden, Errors) {
    const Graph g = two_cliques();
    EXPECT_THROW(leiden(g, {.resolution = -1}), std::invalid_argument);
    EXPECT_THROW(leiden(g, {.resolution = INFINITY}), std::invalid_argument);
    EXPECT_THROW(leiden(g, {.randomness = 0}), std::invalid_argument);
    EXPECT_THROW(leiden(g, {.initial_membership = {0, 1}}), std::invalid_argument);
    EXPECT_THROW(leiden(g, {.initial_membership = {0, 0, 0, 0, 1, 1, 1, -1}}), std::invalid_argument);
    // Weights whose sum overflows a double: an error, not sums of inf.
    EXPECT_THROW(leiden(make_graph(3, {{0, 1}, {1, 2}}, {}, {1e308, 1e308})), std::invalid_argument);
}

}  // namespace
}  // namespace essnet

namespace essnet {
namespace {

TEST(LeidenMultiplex, OneLayerIsLeiden) {
    const Graph g = test::karate();
    const Partition single = leiden(g, {.seed = 3});
    const Partition layered = leiden_multiplex({g}, {1.0}, {.seed = 3});
    EXPECT_EQ(single.membership, layered.membership);
    EXPECT_NEAR(single.quality, layered.quality, 1e-12);
}

TEST(LeidenMultiplex, LayerWeightsDecide) {
    // Layer A: the two 4-cliques joined by 3-4. Layer B: the same nodes paired across the cliques
    // (0-4, 1-5, 2-6, 3-7), which favours mixing them. With B weighted 0, A decides; the quality
    // is then Q_A = 12/13 - 1/2 (see TwoCliquesSplitAtTheBridge), plus 0 x Q_B.
    const Graph a = two_cliques();
    const Graph b = make_graph(8, {{0, 4}, {1, 5}, {2, 6}, {3, 7}});
    const Partition p = leiden_multiplex({a, b}, {1.0, 0.0});
    EXPECT_EQ(p.membership, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1, 1, 1}));
    EXPECT_NEAR(p.quality, 12.0 / 13 - 0.5, 1e-12);
    // Two equal layers at half weight each: the same partition and quality as one layer.
    const Partition halves = leiden_multiplex({a, a}, {0.5, 0.5});
    EXPECT_EQ(halves.membership, p.membership);
    EXPECT_NEAR(halves.quality, 12.0 / 13 - 0.5, 1e-12);
    // The reported quality is the weighted sum of each layer's modularity.
    const Partition both = leiden_multiplex({a, b}, {1.0, 2.0}, {.seed = 1});
    EXPECT_NEAR(both.quality, modularity(a, both.membership) + 2 * modularity(b, both.membership), 1e-12);
}

TEST(LeidenMultiplex, Errors) {
    const Graph a = two_cliques();
    EXPECT_THROW(leiden_multiplex({}, {}), std::invalid_argument);
    EXPECT_THROW(leiden_multiplex({a}, {1.0, 2.0}), std::invalid_argument);
    EXPECT_THROW(leiden_multiplex({a, make_graph(3, {{0, 1}})}, {1.0, 1.0}), std::invalid_argument);
    EXPECT_THROW(leiden_multiplex({a, two_cliques({.directed = true})}, {1.0, 1.0}), std::invalid_argument);
    EXPECT_THROW(leiden_multiplex({a}, {NAN}), std::invalid_argument);
    // Layers of both signs whose weights overflow: +inf and -inf would meet in one sum.
    const Graph huge = make_graph(2, {{0, 1}}, {}, {1e308});
    EXPECT_THROW(
        leiden_multiplex({huge, huge, huge, huge}, {1.0, -1.0, 1.0, -1.0}, {.objective = QualityFunction::cpm}),
        std::invalid_argument);
}

}  // namespace
}  // namespace essnet
