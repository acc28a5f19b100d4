#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <limits>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/generate/generators.hpp"
#include "essnet/layout/quality.hpp"
#include "essnet/layout/stress.hpp"
#include "support/graphs.hpp"
#include "support/layouts.hpp"
#include "support/oracles.hpp"

namespace essnet {
namespace {

using test::make_graph;

// All-pairs hop distances by Floyd-Warshall (the test oracle), direction and weights ignored.
std::vector<std::vector<double>> hops(const Graph& g) {
    return test::distances(test::dense(g, false));
}

// The full stress sum_{i<j} d^-2 (|x_i - x_j| - d)^2 over connected pairs.
double full_stress(const std::vector<std::vector<double>>& d, const std::vector<Point>& x) {
    double s = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = i + 1; j < x.size(); ++j) {
            if (!std::isfinite(d[i][j])) continue;
            const double e = std::hypot(x[i].x - x[j].x, x[i].y - x[j].y);
            s += (e - d[i][j]) * (e - d[i][j]) / (d[i][j] * d[i][j]);
        }
    return s;
}

double distance(const Point& a, const Point& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

std::vector<std::pair<node_id, node_id>> grid_edges(node_id side) {
    std::vector<std::pair<node_id, node_id>> edges;
    for (node_id r = 0; r < side; ++r)
        for (node_id c = 0; c < side; ++c) {
            if (c + 1 < side) edges.emplace_back(r * side + c, r * side + c + 1);
            if (r + 1 < side) edges.emplace_back(r * side + c, (r + 1) * side + c);
        }
    return edges;
}

TEST(Stress, PathIsDrawnStraightWithExactDistances) {
    const auto p = stress(make_graph(4, {{0, 1}, {1, 2}, {2, 3}}), {.iterations = 2000, .tolerance = 0});
    EXPECT_NEAR(distance(p[0], p[1]), 1, 1e-6);
    EXPECT_NEAR(distance(p[1], p[2]), 1, 1e-6);
    EXPECT_NEAR(distance(p[0], p[2]), 2, 1e-6);
    EXPECT_NEAR(distance(p[0], p[3]), 3, 1e-6);
}

TEST(Stress, FourCycleIsTheSquareOfLeastStress) {
    // A square of side a: 4 sides (a - 1)^2 + 2 diagonals (a sqrt 2 - 2)^2 / 4. Setting the
    // derivative 8 (a - 1) + sqrt 2 (a sqrt 2 - 2) to 0 gives a = (8 + 2 sqrt 2) / 10.
    const double a = (8 + 2 * std::sqrt(2.0)) / 10;
    const auto p = stress(make_graph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}}), {.iterations = 5000, .tolerance = 0});
    for (int i = 0; i < 4; ++i) EXPECT_NEAR(distance(p[i], p[(i + 1) % 4]), a, 1e-6) << i;
    EXPECT_NEAR(distance(p[0], p[2]), a * std::sqrt(2.0), 1e-6);
    EXPECT_NEAR(distance(p[1], p[3]), a * std::sqrt(2.0), 1e-6);
}

TEST(Stress, EveryStepLowersTheStress) {
    const Graph g = generate::erdos_renyi({.n = 60, .m = 150, .seed = 3});
    const auto d = hops(g);
    Rng rng(4);
    const auto start = detail::random_square(60, 8, rng);
    double previous = full_stress(d, start);
    for (int steps = 1; steps <= 30; ++steps) {
        const double now = full_stress(d, stress(g, {.iterations = steps, .tolerance = 0, .initial = start}));
        EXPECT_LE(now, previous * (1 + 1e-12)) << "after " << steps << " steps";
        previous = now;
    }
}

TEST(Stress, PivotMdsWithEveryPivotIsClassicalMds) {
    // Classical MDS by hand: B = -1/2 J D^2 J, coordinates sqrt(lambda) v for its two leading
    // eigenpairs. The pairwise distances of both drawings agree up to one scale factor.
    const std::vector<std::pair<node_id, node_id>> edges{{0, 1}, {1, 2}, {2, 3}, {3, 4},
                                                         {1, 5}, {5, 6}, {2, 6}, {6, 7}};
    const node_id n = 8;
    const auto d = hops(make_graph(n, edges));
    Eigen::MatrixXd sq(n, n);
    for (node_id i = 0; i < n; ++i)
        for (node_id j = 0; j < n; ++j) sq(i, j) = d[i][j] * d[i][j];
    const Eigen::MatrixXd centre = Eigen::MatrixXd::Identity(n, n) - Eigen::MatrixXd::Constant(n, n, 1.0 / n);
    const Eigen::MatrixXd b = -0.5 * centre * sq * centre;
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(b);
    std::vector<Point> classical(n);
    for (node_id i = 0; i < n; ++i)
        classical[i] = {std::sqrt(solver.eigenvalues()(n - 1)) * solver.eigenvectors()(i, n - 1),
                        std::sqrt(solver.eigenvalues()(n - 2)) * solver.eigenvectors()(i, n - 2)};
    const auto p = pivot_mds(make_graph(n, edges), {.pivots = n});
    double ratio = 0;
    int pairs = 0;
    for (node_id i = 0; i < n; ++i)
        for (node_id j = i + 1; j < n; ++j) {
            ratio += distance(p[i], p[j]) / distance(classical[i], classical[j]);
            ++pairs;
        }
    ratio /= pairs;
    for (node_id i = 0; i < n; ++i)
        for (node_id j = i + 1; j < n; ++j)
            EXPECT_NEAR(distance(p[i], p[j]), ratio * distance(classical[i], classical[j]), 1e-9) << i << "," << j;
}

TEST(Stress, SparseStressComesCloseToFullStressOnAGrid) {
    const node_id side = 20;
    const auto edges = grid_edges(side);
    const Graph g = make_graph(side * side, edges);
    const auto full = stress(g, {.method = StressMethod::full});
    const auto sparse = stress(g, {.method = StressMethod::sparse, .pivots = 40});
    const double full_quality = layout_quality(g, full).stress;
    const double sparse_quality = layout_quality(g, sparse).stress;
    EXPECT_LT(full_quality, 0.02);  // a grid is nearly drawable with its hop distances
    EXPECT_LT(sparse_quality, 1.25 * full_quality + 0.005);
    // And both keep grid neighbours together.
    EXPECT_GT(layout_quality(g, sparse).neighbourhood_preservation, 0.6);
}

TEST(Stress, LandmarkStressDrawsAPathStraightWithItsHopDistances) {
    // A path's hop distances are drawable exactly: 10 landmarks place all 60 nodes on a line, one
    // tie apart (after the best uniform scale, measured here by hand).
    std::vector<std::pair<node_id, node_id>> edges;
    for (node_id i = 0; i + 1 < 60; ++i) edges.emplace_back(i, i + 1);
    const Graph g = make_graph(60, edges);
    const auto p = stress(g, {.method = StressMethod::landmark, .pivots = 10});
    double a = 0, b = 0;
    for (node_id i = 0; i < 60; ++i)
        for (node_id j = i + 1; j < 60; ++j) {
            const double e = distance(p[i], p[j]), d = j - i;
            a += e / d;
            b += e * e / (d * d);
        }
    const double scale = a / b;
    for (node_id i = 0; i < 60; ++i)
        for (node_id j = i + 1; j < 60; ++j)
            EXPECT_NEAR(scale * distance(p[i], p[j]), j - i, 0.02 * (j - i)) << i << "," << j;
    EXPECT_THROW(stress(g, {.method = StressMethod::landmark, .initial = p}), std::invalid_argument);
}

TEST(Stress, ComponentsArePackedWithoutOverlapAndTiesAreAboutOneLong) {
    const Graph g = make_graph(12, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 6}, {6, 3}, {7, 8}, {8, 9}});
    const auto p = stress(g);
    test::expect_pieces_apart(p, {{0, 1, 2}, {3, 4, 5, 6}, {7, 8, 9}, {10}, {11}});
    EXPECT_NEAR(distance(p[0], p[1]), 1, 1e-3);  // a triangle is drawn exactly
    EXPECT_NEAR(distance(p[7], p[9]), 2, 1e-3);  // and a path straight
}

TEST(Stress, PinnedNodesStayAndAnchoringHoldsTheDrawing) {
    const Graph g = generate::erdos_renyi({.n = 80, .m = 200, .seed = 5});
    Rng rng(2);
    const auto start = detail::random_square(80, 10, rng);
    const auto pinned = stress(g, {.initial = start, .pinned = {0, 5, 79}});
    EXPECT_EQ(pinned[0], start[0]);
    EXPECT_EQ(pinned[5], start[5]);
    EXPECT_EQ(pinned[79], start[79]);
    auto moved = [&](const std::vector<Point>& p) {
        double total = 0;
        for (std::size_t i = 0; i < p.size(); ++i) total += distance(p[i], start[i]);
        return total / static_cast<double>(p.size());
    };
    const double free = moved(stress(g, {.initial = start}));
    const double held = moved(stress(g, {.initial = start, .anchoring = std::vector<double>(80, 1.0)}));
    const double firm = moved(stress(g, {.initial = start, .anchoring = std::vector<double>(80, 100.0)}));
    // Anchoring node by node: an anchored node moves less than when it is free.
    std::vector<double> some(80, 0.0);
    some[3] = 100.0;
    const auto partly = stress(g, {.initial = start, .anchoring = some});
    EXPECT_LT(distance(partly[3], start[3]), 0.05 * distance(stress(g, {.initial = start})[3], start[3]));
    EXPECT_LT(held, free);
    EXPECT_LT(firm, held);
    EXPECT_LT(firm, 0.05 * free);
}

TEST(Stress, LargeComponentsUseSparseStressAndAreThreadIndependent) {
    // 2500 nodes: above the full-stress limit, so the default is sparse stress.
    const Graph g = generate::erdos_renyi({.n = 2500, .m = 7500, .seed = 8});
    const auto automatic = stress(g, {.iterations = 20});
    const auto sparse = stress(g, {.method = StressMethod::sparse, .iterations = 20});
    EXPECT_EQ(automatic, sparse);
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = stress(g, {.iterations = 20, .seed = 3});
    omp_set_num_threads(2);
    const auto two = stress(g, {.iterations = 20, .seed = 3});
    omp_set_num_threads(threads);
    EXPECT_EQ(one, two);
#endif
}

TEST(Stress, AnchoredStepsLowerStressPlusAnchorTerms) {
    const Graph g = generate::erdos_renyi({.n = 40, .m = 90, .seed = 6});
    const auto d = hops(g);
    Rng rng(7);
    const auto start = detail::random_square(40, 6, rng);
    const std::vector<double> anchoring(40, 0.5);
    // The objective by its definition: stress + sum_i anchoring_i D_i |x_i - start_i|^2, with D_i
    // the sum of node i's weights 1 / d^2.
    auto objective = [&](const std::vector<Point>& x) {
        double total = full_stress(d, x);
        for (std::size_t i = 0; i < x.size(); ++i) {
            double weights = 0;
            for (std::size_t j = 0; j < x.size(); ++j)
                if (j != i && std::isfinite(d[i][j])) weights += 1 / (d[i][j] * d[i][j]);
            total += anchoring[i] * weights * std::pow(distance(x[i], start[i]), 2);
        }
        return total;
    };
    double previous = objective(start);
    for (int steps = 1; steps <= 20; ++steps) {
        const double now = objective(stress(g, {.method = StressMethod::full,
                                                .iterations = steps,
                                                .tolerance = 0,
                                                .initial = start,
                                                .anchoring = anchoring}));
        EXPECT_LE(now, previous * (1 + 1e-12)) << "after " << steps << " steps";
        previous = now;
    }
}

TEST(Stress, CoincidentStartsComeApart) {
    const Graph g = make_graph(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
    const auto p = stress(g, {.initial = std::vector<Point>(5)});
    for (int i = 0; i < 5; ++i)
        for (int j = i + 1; j < 5; ++j) EXPECT_GT(distance(p[i], p[j]), 0.5) << i << "," << j;
}

TEST(Stress, FullStressRefusesHugeComponents) {
    std::vector<std::pair<node_id, node_id>> edges;
    for (node_id u = 0; u + 1 < 20001; ++u) edges.emplace_back(u, u + 1);
    try {
        stress(make_graph(20001, edges), {.method = StressMethod::full, .iterations = 1});
        FAIL() << "no error";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("method full"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("sparse"), std::string::npos);
    }
}

#ifdef _OPENMP
TEST(Stress, FullStressAndPivotMdsAreThreadIndependent) {
    const Graph g = generate::erdos_renyi({.n = 600, .m = 1800, .seed = 4});
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto full_one = stress(g, {.iterations = 10});
    const auto mds_one = pivot_mds(g, {.pivots = 100});
    omp_set_num_threads(2);
    const auto full_two = stress(g, {.iterations = 10});
    const auto mds_two = pivot_mds(g, {.pivots = 100});
    omp_set_num_threads(threads);
    EXPECT_EQ(full_one, full_two);
    EXPECT_EQ(mds_one, mds_two);
}
#endif

TEST(Stress, EdgeCases) {
    EXPECT_TRUE(stress(Graph{}).empty());
    EXPECT_TRUE(pivot_mds(Graph{}).empty());
    ASSERT_EQ(stress(make_graph(1, {})).size(), 1u);
    const auto two = stress(make_graph(2, {{0, 1}}));
    EXPECT_NEAR(distance(two[0], two[1]), 1, 1e-12);
    // Self-loops, parallel ties, directions and weights are ignored: the same as the simple graph.
    const Graph messy =
        make_graph(4, {{0, 0}, {0, 1}, {1, 0}, {1, 2}, {2, 3}, {3, 3}}, {.directed = true}, {1, 2, 0.5, 1, 3, 1});
    EXPECT_EQ(stress(messy), stress(make_graph(4, {{0, 1}, {1, 2}, {2, 3}})));
    // A star: leaves with equal distances still come apart.
    const auto star = stress(make_graph(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}));
    for (int i = 1; i < 5; ++i)
        for (int j = i + 1; j < 5; ++j) EXPECT_GT(distance(star[i], star[j]), 1.0);
}

TEST(Stress, BadOptionsNameTheParameter) {
    const Graph g = make_graph(3, {{0, 1}});
    auto message = [&](const StressOptions& o) {
        try {
            stress(g, o);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message({.pivots = 1}).find("pivots"), std::string::npos);
    EXPECT_NE(message({.iterations = -1}).find("iterations"), std::string::npos);
    EXPECT_NE(message({.tolerance = -1}).find("tolerance"), std::string::npos);
    EXPECT_NE(message({.initial = {{0, 0}}}).find("initial"), std::string::npos);
    EXPECT_NE(message({.pinned = {0}}).find("initial"), std::string::npos);
    EXPECT_NE(message({.anchoring = {1, 1, 1}}).find("initial"), std::string::npos);
    EXPECT_NE(message({.initial = {{0, 0}, {1, 0}, {0, 1}}, .anchoring = {1}}).find("anchoring"), std::string::npos);
    EXPECT_NE(message({.initial = {{0, 0}, {1, 0}, {0, 1}}, .anchoring = {1, -1, 0}}).find("anchoring[1]"),
              std::string::npos);
    EXPECT_NE(message({.initial = {{0, 0}, {1, 0}, {0, 1}}, .pinned = {3}}).find("pinned"), std::string::npos);
    EXPECT_THROW(pivot_mds(g, {.pivots = 1}), std::invalid_argument);
}

TEST(Stress, ProgressAndCancel) {
    const Graph g = generate::erdos_renyi({.n = 300, .m = 900, .seed = 1});
    EXPECT_THROW(stress(g, {.progress = [](double) { return false; }}), Cancelled);
}

}  // namespace
}  // namespace essnet
