#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/generate/generators.hpp"
#include "essnet/layout/forceatlas2.hpp"
#include "support/graphs.hpp"
#include "support/layouts.hpp"

namespace essnet {
namespace {

using test::make_graph;

std::vector<Point> forces(const Graph& g, const ForceAtlas2Options& o, const std::vector<Point>& at) {
    std::vector<double> x, y;
    for (const Point& p : at) {
        x.push_back(p.x);
        y.push_back(p.y);
    }
    std::vector<double> fx(at.size()), fy(at.size());
    detail::ForceAtlas2Forces f(g, o, {});
    f.compute(x, y, fx, fy);
    std::vector<Point> out;
    for (std::size_t i = 0; i < at.size(); ++i) out.push_back({fx[i], fy[i]});
    return out;
}

// 0 --- 1 at (-2, 0) and (2, 0): masses 2 and 2, scaling 2, gravity 1.
//   repulsion on 0: k m0 m1 / d = 2 * 2 * 2 / 4 = 2, pointing away from 1: (-2, 0)
//   gravity on 0:   m0 g = 2, pointing to the origin:                       (+2, 0)
//   attraction:     d = 4 along the tie, pointing to 1:                     (+4, 0)
TEST(ForceAtlas2, ForcesOnTwoNodesByHand) {
    const Graph g = make_graph(2, {{0, 1}});
    const auto f = forces(g, {.repulsion = Repulsion::exact}, {{-2, 0}, {2, 0}});
    EXPECT_DOUBLE_EQ(f[0].x, 4.0);
    EXPECT_DOUBLE_EQ(f[0].y, 0.0);
    EXPECT_DOUBLE_EQ(f[1].x, -4.0);
    // LinLog: attraction log(1 + 4) instead of 4.
    const auto linlog = forces(g, {.linlog = true, .repulsion = Repulsion::exact}, {{-2, 0}, {2, 0}});
    EXPECT_NEAR(linlog[0].x, -2.0 + 2.0 + std::log(5.0), 1e-12);
    // Strong gravity: m g d = 2 * 1 * 2 = 4 instead of 2.
    const auto strong = forces(g, {.strong_gravity = true, .repulsion = Repulsion::exact}, {{-2, 0}, {2, 0}});
    EXPECT_NEAR(strong[0].x, -2.0 + 4.0 + 4.0, 1e-12);
    // Weight 3 with influence 1 triples the attraction; influence 0 ignores it; 0.5 takes sqrt(3).
    const Graph heavy = make_graph(2, {{0, 1}}, {}, {3.0});
    EXPECT_NEAR(forces(heavy, {.repulsion = Repulsion::exact}, {{-2, 0}, {2, 0}})[0].x, -2 + 2 + 12, 1e-12);
    EXPECT_NEAR(forces(heavy, {.edge_weight_influence = 0, .repulsion = Repulsion::exact}, {{-2, 0}, {2, 0}})[0].x, 4,
                1e-12);
    EXPECT_NEAR(forces(heavy, {.edge_weight_influence = 0.5, .repulsion = Repulsion::exact}, {{-2, 0}, {2, 0}})[0].x,
                4 * std::sqrt(3.0), 1e-12);
}

// A path 0 - 1 - 2 at (0, 0), (3, 0), (0, 4): masses 2, 3, 2 (directed 0 -> 1 -> 2 for dissuade_hubs).
TEST(ForceAtlas2, ForcesOnThreeNodesByHand) {
    const std::vector<Point> at{{0, 0}, {3, 0}, {0, 4}};
    const Graph g = make_graph(3, {{0, 1}, {1, 2}});
    const auto f = forces(g, {.scaling = 1, .gravity = 0.5, .repulsion = Repulsion::exact}, at);
    // Node 1 at (3, 0): repulsion from 0: 1*3*2/3 along (1, 0) = (2, 0); from 2 at distance 5:
    // 1*3*2/5 = 1.2 along (3, -4)/5 = (0.72, -0.96). Gravity 3 * 0.5 to the origin: (-1.5, 0).
    // Attraction to 0: (-3, 0); to 2: (-3, 4).
    EXPECT_NEAR(f[1].x, 2 + 0.72 - 1.5 - 3 - 3, 1e-12);
    EXPECT_NEAR(f[1].y, -0.96 + 4, 1e-12);
    // Node 0 sits at the origin: no gravity. Repulsion from 1: 2*3/3 = 2 along (-1, 0); from 2:
    // 2*2/4 = 1 along (0, -1). Attraction to 1: (3, 0).
    EXPECT_NEAR(f[0].x, -2 + 3, 1e-12);
    EXPECT_NEAR(f[0].y, -1, 1e-12);

    // Dissuade hubs on the directed path: each arc's pull divided by its source's mass, times the
    // mean mass 7/3. Node 1: arc 0 -> 1 pulls by 1/2 of (-3, 0), arc 1 -> 2 by 1/3 of (-3, 4).
    const Graph d = make_graph(3, {{0, 1}, {1, 2}}, {.directed = true});
    const auto h = forces(d, {.scaling = 1, .gravity = 0.5, .dissuade_hubs = true, .repulsion = Repulsion::exact}, at);
    EXPECT_NEAR(h[1].x, 2 + 0.72 - 1.5 + 7.0 / 3 * (-3.0 / 2 - 3.0 / 3), 1e-12);
    EXPECT_NEAR(h[1].y, -0.96 + 7.0 / 3 * (4.0 / 3), 1e-12);

    // Prevent overlap, radius 1 each: node 1's distances shrink by 2 (to 1 and 3); repulsion
    // k m m / gap^2 times the offset, attraction unchanged while the discs are apart.
    const auto o =
        forces(g, {.scaling = 1, .gravity = 0.5, .prevent_overlap = true, .repulsion = Repulsion::exact}, at);
    EXPECT_NEAR(o[1].x, 1 * 3 * 2 / 1.0 * 3 + 1 * 3 * 2 / 9.0 * 3 - 1.5 - 3 - 3, 1e-12);
    EXPECT_NEAR(o[1].y, 1 * 3 * 2 / 9.0 * -4 + 4, 1e-12);
}

// One step from (-3, 0), (3, 0), with Gephi's adaptive speed written out.
TEST(ForceAtlas2, FirstStepFollowsGephisSpeedRule) {
    const Graph g = make_graph(2, {{0, 1}});
    // Force on 0 along x: repulsion -k m m / d = -8/6, gravity +m g = +2, attraction +d = +6.
    const double force = -8.0 / 6 + 2 + 6;
    const double mass = 2;
    // First step: the previous force is 0, so each node swings by m |F| and has traction m |F| / 2.
    const double swinging = 2 * mass * force, traction = 2 * mass * 0.5 * force;
    const double estimated = 0.05 * std::sqrt(2.0);
    const double jitter = std::max(std::sqrt(estimated), std::min(10.0, estimated * traction / 4));
    const double target = jitter * 1.0 * traction / swinging;
    const double speed = 1 + std::min(target - 1, 0.5);
    const double step = speed / (1 + std::sqrt(speed * mass * force)) * force;
    const auto p = forceatlas2(g, {.iterations = 1, .repulsion = Repulsion::exact, .initial = {{-3, 0}, {3, 0}}});
    EXPECT_NEAR(p[0].x, -3 + step, 1e-12);
    EXPECT_NEAR(p[1].x, 3 - step, 1e-12);
    EXPECT_EQ(p[0].y, 0.0);
}

TEST(ForceAtlas2, TwoNodesAtEquilibriumStayPut) {
    // At (-1, 0), (1, 0): repulsion k m m / d = 8 / 2 = 4 outwards, gravity m g = 2 and
    // attraction d = 2 inwards: balanced, so nothing moves.
    const Graph g = make_graph(2, {{0, 1}});
    const auto p = forceatlas2(g, {.repulsion = Repulsion::exact, .initial = {{-1, 0}, {1, 0}}});
    EXPECT_EQ(p[0], (Point{-1, 0}));
    EXPECT_EQ(p[1], (Point{1, 0}));
}

// The repulsion on each node, summed over all other nodes as the definition says (scaling 2, masses
// degree + 1).
std::vector<Point> exact_repulsion(const Graph& g, const std::vector<Point>& at) {
    std::vector<Point> f(at.size());
    auto mass = [&](std::size_t u) { return 1.0 + static_cast<double>(g.out_degree(static_cast<node_id>(u))); };
    for (std::size_t i = 0; i < at.size(); ++i)
        for (std::size_t j = 0; j < at.size(); ++j) {
            if (i == j) continue;
            const double dx = at[i].x - at[j].x, dy = at[i].y - at[j].y, d2 = dx * dx + dy * dy;
            f[i].x += 2 * mass(i) * mass(j) * dx / d2;
            f[i].y += 2 * mass(i) * mass(j) * dy / d2;
        }
    return f;
}

// Root-mean-square error of `got` against `exact`, relative to the root-mean-square of `scale`.
double relative_error(const std::vector<Point>& got, const std::vector<Point>& exact, const std::vector<Point>& scale) {
    double error = 0, size = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        error += std::pow(got[i].x - exact[i].x, 2) + std::pow(got[i].y - exact[i].y, 2);
        size += std::pow(scale[i].x, 2) + std::pow(scale[i].y, 2);
    }
    return std::sqrt(error / size);
}

TEST(ForceAtlas2, BarnesHutForcesWithinOnePercentOfExact) {
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        const Graph g = generate::erdos_renyi({.n = 2000, .m = 6000, .seed = seed});
        // Forces at the positions of a partly converged layout, and at random positions.
        const auto settled = forceatlas2(g, {.iterations = 30, .seed = seed});
        Rng rng(seed);
        const auto random = detail::random_square(g.num_nodes(), 100, rng);
        for (const auto* at : {&settled, &random}) {
            const auto repulsion = exact_repulsion(g, *at);
            const auto exact = forces(g, {.repulsion = Repulsion::exact}, *at);
            const auto approx = forces(g, {.repulsion = Repulsion::barnes_hut}, *at);
            // Only the repulsion is approximated: its error, relative to the repulsion.
            EXPECT_LT(relative_error(approx, exact, repulsion), 0.01) << "seed " << seed;
            // theta = 0 opens every region: the exact forces, up to the order of the sums.
            const auto opened = forces(g, {.repulsion = Repulsion::barnes_hut, .theta = 0}, *at);
            EXPECT_LT(relative_error(opened, exact, repulsion), 1e-12);
        }
    }
}

#ifdef _OPENMP
TEST(ForceAtlas2, SameCoordinatesBitForBitOnOneAndTwoThreads) {
    const Graph g = generate::erdos_renyi({.n = 3000, .m = 9000, .seed = 5});
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = forceatlas2(g, {.iterations = 20, .seed = 9});
    omp_set_num_threads(2);
    const auto two = forceatlas2(g, {.iterations = 20, .seed = 9});
    omp_set_num_threads(threads);
    EXPECT_EQ(one, two);
}

TEST(ForceAtlas2, LargeGraphsBuildTheirQuadtreeInParallelWithTheSameResult) {
    // 60,000 nodes: the top quadrants of the tree are built in parallel.
    const Graph g = generate::erdos_renyi({.n = 60000, .m = 120000, .seed = 2});
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = forceatlas2(g, {.iterations = 3, .pack_components = false, .seed = 1});
    omp_set_num_threads(2);
    const auto two = forceatlas2(g, {.iterations = 3, .pack_components = false, .seed = 1});
    omp_set_num_threads(threads);
    EXPECT_EQ(one, two);
}
#endif

TEST(ForceAtlas2, SeedDecidesTheLayout) {
    const Graph g = generate::erdos_renyi({.n = 100, .m = 300, .seed = 1});
    EXPECT_EQ(forceatlas2(g, {.seed = 3}), forceatlas2(g, {.seed = 3}));
    EXPECT_NE(forceatlas2(g, {.seed = 3}), forceatlas2(g, {.seed = 4}));
}

TEST(ForceAtlas2, PinnedNodesDoNotMove) {
    const Graph g = generate::erdos_renyi({.n = 50, .m = 120, .seed = 2});
    Rng rng(1);
    const auto start = detail::random_square(50, 30, rng);
    const auto p = forceatlas2(g, {.initial = start, .pinned = {0, 7, 49}});
    EXPECT_EQ(p[0], start[0]);
    EXPECT_EQ(p[7], start[7]);
    EXPECT_EQ(p[49], start[49]);
    EXPECT_NE(p[1], start[1]);
}

TEST(ForceAtlas2, LinkedNodesEndNearerThanUnlinked) {
    // Two cliques of 10 joined by one tie: the mean distance within a clique is far below the
    // mean distance between them.
    std::vector<std::pair<node_id, node_id>> edges;
    for (node_id c = 0; c < 2; ++c)
        for (node_id u = 0; u < 10; ++u)
            for (node_id v = u + 1; v < 10; ++v) edges.emplace_back(10 * c + u, 10 * c + v);
    edges.emplace_back(0, 10);
    const Graph g = make_graph(20, edges);
    const auto p = forceatlas2(g, {.iterations = 300});
    double within = 0, between = 0;
    for (node_id u = 0; u < 20; ++u)
        for (node_id v = u + 1; v < 20; ++v) {
            const double d = std::hypot(p[u].x - p[v].x, p[u].y - p[v].y);
            ((u < 10) == (v < 10) ? within : between) += d;
        }
    EXPECT_LT(within / 90, 0.5 * between / 100);
}

TEST(ForceAtlas2, PreventOverlapSeparatesDiscs) {
    const Graph g = generate::barabasi_albert({.n = 60, .m = 2, .seed = 4});
    const auto p =
        forceatlas2(g, {.iterations = 600, .prevent_overlap = true, .node_sizes = std::vector<double>(60, 3.0)});
    int touching = 0;
    for (node_id u = 0; u < 60; ++u)
        for (node_id v = u + 1; v < 60; ++v) touching += std::hypot(p[u].x - p[v].x, p[u].y - p[v].y) < 6.0;
    EXPECT_EQ(touching, 0);
}

TEST(ForceAtlas2, ComponentsArePackedWithoutOverlap) {
    // Three triangles, a path of 4, and three isolated nodes.
    const Graph g = make_graph(
        16, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {6, 7}, {7, 8}, {8, 6}, {9, 10}, {10, 11}, {11, 12}});
    const auto p = forceatlas2(g);
    test::expect_pieces_apart(p, {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9, 10, 11, 12}, {13}, {14}, {15}});
    // Centred on the origin.
    const BoundingBox all = bounding_box(p);
    EXPECT_NEAR(all.min_x + all.max_x, 0, 1e-9);
    EXPECT_NEAR(all.min_y + all.max_y, 0, 1e-9);
}

TEST(ForceAtlas2, EdgeCases) {
    EXPECT_TRUE(forceatlas2(Graph{}).empty());
    const auto one = forceatlas2(make_graph(1, {}));
    ASSERT_EQ(one.size(), 1u);
    EXPECT_TRUE(std::isfinite(one[0].x) && std::isfinite(one[0].y));
    // Self-loops and parallel ties, directed and weighted: finite positions.
    for (const bool directed : {false, true}) {
        const Graph g = make_graph(4, {{0, 0}, {0, 1}, {0, 1}, {1, 2}, {2, 3}, {3, 3}}, {.directed = directed},
                                   {1, 2, 0.5, 1, 3, 1});
        for (const auto& p : forceatlas2(g)) EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
    }
    // Every node at one place: no force can separate them; positions stay finite.
    const auto same = forceatlas2(make_graph(3, {{0, 1}, {1, 2}}), {.initial = {{1, 1}, {1, 1}, {1, 1}}});
    for (const auto& p : same) EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
}

TEST(ForceAtlas2, BadOptionsNameTheParameter) {
    const Graph g = make_graph(3, {{0, 1}});
    auto message = [&](const ForceAtlas2Options& o) {
        try {
            forceatlas2(g, o);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message({.iterations = -1}).find("iterations"), std::string::npos);
    EXPECT_NE(message({.scaling = 0}).find("scaling"), std::string::npos);
    EXPECT_NE(message({.gravity = -1}).find("gravity"), std::string::npos);
    EXPECT_NE(message({.theta = -0.5}).find("theta"), std::string::npos);
    EXPECT_NE(message({.jitter_tolerance = 0}).find("jitter_tolerance"), std::string::npos);
    EXPECT_NE(message({.node_sizes = {1, 2}}).find("node_sizes"), std::string::npos);
    EXPECT_NE(message({.initial = {{0, 0}}}).find("initial"), std::string::npos);
    EXPECT_NE(message({.initial = {{0, 0}, {NAN, 0}, {1, 1}}}).find("initial[1]"), std::string::npos);
    EXPECT_NE(message({.pinned = {3}}).find("pinned"), std::string::npos);
    EXPECT_NE(message({.edge_weight_influence = -1}).find("edge_weight_influence"), std::string::npos);
}

TEST(ForceAtlas2, ProgressAndCancel) {
    const Graph g = generate::erdos_renyi({.n = 2000, .m = 6000, .seed = 1});
    double last = -1;
    forceatlas2(g, {.iterations = 5, .progress = [&](double share) {
                        last = share;
                        return true;
                    }});
    EXPECT_EQ(last, 1.0);
    EXPECT_THROW(forceatlas2(g, {.iterations = 50, .progress = [](double) { return false; }}), Cancelled);
}

}  // namespace
}  // namespace essnet
