#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <numbers>
#include <vector>

#include "essnet/generate/generators.hpp"
#include "essnet/layout/spectral.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

// |cosine| between two vectors: 1 when they are parallel.
double alignment(const std::vector<double>& a, const std::vector<double>& b) {
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ab += a[i] * b[i];
        aa += a[i] * a[i];
        bb += b[i] * b[i];
    }
    return std::abs(ab) / std::sqrt(aa * bb);
}

std::vector<double> xs(const std::vector<Point>& p) {
    std::vector<double> v;
    for (const Point& q : p) v.push_back(q.x);
    return v;
}
std::vector<double> ys(const std::vector<Point>& p) {
    std::vector<double> v;
    for (const Point& q : p) v.push_back(q.y);
    return v;
}

TEST(SpectralLayout, PathFollowsTheCosineEigenvectors) {
    // The Laplacian of the path on n nodes has eigenvectors cos(pi k (j + 1/2) / n), k = 1, 2, ...
    const node_id n = 10;
    std::vector<std::pair<node_id, node_id>> edges;
    for (node_id j = 0; j + 1 < n; ++j) edges.emplace_back(j, j + 1);
    const auto p = spectral(make_graph(n, edges));
    std::vector<double> first, second;
    for (node_id j = 0; j < n; ++j) {
        first.push_back(std::cos(std::numbers::pi * (j + 0.5) / n));
        second.push_back(std::cos(2 * std::numbers::pi * (j + 0.5) / n));
    }
    EXPECT_NEAR(alignment(xs(p), first), 1.0, 1e-12);
    EXPECT_NEAR(alignment(ys(p), second), 1.0, 1e-12);
}

TEST(SpectralLayout, LanczosAgreesWithADenseSolveOnALargeComponent) {
    const Graph g = generate::barabasi_albert({.n = 400, .m = 3, .seed = 2});
    // The Laplacian, dense, and its eigenvectors from Eigen, in the test.
    Eigen::MatrixXd L = Eigen::MatrixXd::Zero(400, 400);
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const node_id u = g.edge_source(e), v = g.edge_target(e);
        L(u, v) -= 1;
        L(v, u) -= 1;
        L(u, u) += 1;
        L(v, v) += 1;
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> dense(L);
    std::vector<double> first(400), second(400);
    for (int i = 0; i < 400; ++i) {
        first[i] = dense.eigenvectors()(i, 1);
        second[i] = dense.eigenvectors()(i, 2);
    }
    ASSERT_GT(dense.eigenvalues()(2) - dense.eigenvalues()(1), 1e-3);  // distinct: the vectors are unique
    const auto p = spectral(g);
    EXPECT_NEAR(alignment(xs(p), first), 1.0, 1e-8);
    EXPECT_NEAR(alignment(ys(p), second), 1.0, 1e-8);
}

TEST(SpectralLayout, WeightsParallelTiesAndPieces) {
    // Weighted path 0 -(1)- 1 -(10)- 2 -(1)- 3 equals the same path with parallel ties adding to 10.
    const auto weighted = spectral(make_graph(4, {{0, 1}, {1, 2}, {2, 3}}, {}, {1, 10, 1}));
    const auto parallel = spectral(make_graph(4, {{0, 1}, {1, 2}, {1, 2}, {2, 3}}, {}, {1, 4, 6, 1}));
    // The same eigenvectors; the scale differs (mean tie length over 3 or 4 ties).
    EXPECT_NEAR(alignment(xs(weighted), xs(parallel)), 1.0, 1e-12);
    EXPECT_NEAR(alignment(ys(weighted), ys(parallel)), 1.0, 1e-12);
    // Two triangles and an isolated node: three pieces, all finite.
    const auto pieces = spectral(make_graph(7, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}}));
    for (const Point& q : pieces) EXPECT_TRUE(std::isfinite(q.x) && std::isfinite(q.y));
    EXPECT_TRUE(spectral(Graph{}).empty());
}

}  // namespace
}  // namespace essnet
