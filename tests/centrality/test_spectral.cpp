// PageRank, eigenvector, Katz and HITS with their default options: small graphs by hand, and larger
// random ones against dense solves with Eigen written out here.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <numeric>
#include <random>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/centrality/eigenvector.hpp"
#include "essnet/centrality/pagerank.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;
using V = std::vector<double>;
constexpr double exact = 1e-9;  // every entry, absolute

void expect_near(const V& got, const V& want, double eps = exact) {
    test::expect_all_near(got, want, eps);
}

// A seeded random graph (std::mt19937 is specified by the standard, so the graph is the same
// everywhere), with `n` nodes: a cycle through all of them, so it is (strongly) connected, plus
// `extra` random edges, weighted 1 or 2.5 when `weighted`.
Graph random_connected(node_id n, int extra, bool directed, bool weighted, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::pair<node_id, node_id>> edges;
    V weights;
    for (node_id u = 0; u < n; ++u) edges.emplace_back(u, (u + 1) % n);
    for (int i = 0; i < extra; ++i)
        edges.emplace_back(static_cast<node_id>(rng() % n), static_cast<node_id>(rng() % n));
    for (std::size_t i = 0; i < edges.size(); ++i) weights.push_back(weighted && rng() % 2 ? 2.5 : 1.0);
    return make_graph(n, edges, {.directed = directed}, weighted ? weights : V{});
}

// The dense adjacency matrix: parallel edges add up, an undirected self-loop counts once.
Eigen::MatrixXd dense_adjacency(const Graph& g) {
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(g.num_nodes(), g.num_nodes());
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const node_id u = g.edge_source(e), v = g.edge_target(e);
        a(u, v) += g.weight(e);
        if (!g.directed() && u != v) a(v, u) += g.weight(e);
    }
    return a;
}

// The eigenvector of the eigenvalue of largest real part, unit norm, summing to a positive number.
V dense_principal(const Eigen::MatrixXd& m) {
    const Eigen::EigenSolver<Eigen::MatrixXd> solver(m);
    Eigen::Index top = 0;
    for (Eigen::Index i = 1; i < m.rows(); ++i)
        if (solver.eigenvalues()(i).real() > solver.eigenvalues()(top).real()) top = i;
    Eigen::VectorXd x = solver.eigenvectors().col(top).real();
    x /= (x.sum() > 0 ? 1 : -1) * x.norm();
    return {x.data(), x.data() + x.size()};
}

class SpectralOnRandomGraphs : public ::testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(SpectralOnRandomGraphs, DefaultsEqualDenseSolves) {
    const auto [directed, weighted] = GetParam();
    // 300 nodes: above the size solved densely, so the Krylov path runs.
    const Graph g = random_connected(300, 900, directed, weighted, 7);
    const Eigen::MatrixXd a = dense_adjacency(g);
    const auto n = a.rows();

    // PageRank: x = alpha M x + (1 - alpha) / n with M column-stochastic (no dangling nodes here).
    Eigen::MatrixXd m = a;
    for (Eigen::Index u = 0; u < n; ++u) m.row(u) /= a.row(u).sum();
    const Eigen::VectorXd pr = (Eigen::MatrixXd::Identity(n, n) - 0.85 * m.transpose())
                                   .lu()
                                   .solve(Eigen::VectorXd::Constant(n, 0.15 / static_cast<double>(n)));
    const auto p = pagerank(g);
    EXPECT_TRUE(p.converged);
    EXPECT_LE(p.residual, 1e-10);
    expect_near(p.score, {pr.data(), pr.data() + n});

    const auto ev = eigenvector(g);
    EXPECT_TRUE(ev.converged);
    expect_near(ev.score, dense_principal(a.transpose()));

    // Katz at alpha = 0.9 / lambda_max: (I - alpha A^T) x = 1, unit norm.
    const Eigen::EigenSolver<Eigen::MatrixXd> spectrum(a);
    double lambda = 0;
    for (Eigen::Index i = 0; i < n; ++i) lambda = std::max(lambda, spectrum.eigenvalues()(i).real());
    Eigen::VectorXd k =
        (Eigen::MatrixXd::Identity(n, n) - 0.9 / lambda * a.transpose()).lu().solve(Eigen::VectorXd::Ones(n));
    k /= k.norm();
    const auto katz_result = katz(g, {.alpha = 0.9 / lambda});
    EXPECT_TRUE(katz_result.converged);
    expect_near(katz_result.score, {k.data(), k.data() + n});
    EXPECT_THROW(katz(g, {.alpha = 1.001 / lambda}), std::invalid_argument);

    // HITS: authorities the principal eigenvector of A^T A, hubs A a, both summing to 1.
    const V au = dense_principal(a.transpose() * a);
    const Eigen::VectorXd au_vec = Eigen::Map<const Eigen::VectorXd>(au.data(), n);
    const Eigen::VectorXd hu = a * au_vec;
    const auto h = hits(g);
    EXPECT_TRUE(h.converged);
    V au_sum(au), hu_sum(hu.data(), hu.data() + n);
    for (auto& x : au_sum) x /= au_vec.sum();
    for (auto& x : hu_sum) x /= hu.sum();
    expect_near(h.authorities, au_sum);
    expect_near(h.hubs, hu_sum);
}

INSTANTIATE_TEST_SUITE_P(DirectedWeighted, SpectralOnRandomGraphs,
                         ::testing::Combine(::testing::Bool(), ::testing::Bool()));

TEST(PageRank, DefaultsReachTheExactAnswerAndTheBoundHolds) {
    // 0 -> 1, and 1 is dangling (its mass is spread uniformly): x0 = 0.5 / 1.425 by hand.
    const Graph g = make_graph(2, {{0, 1}}, {.directed = true});
    const double x0 = 0.5 / 1.425;
    const auto r = pagerank(g);
    EXPECT_TRUE(r.converged);
    expect_near(r.score, {x0, 1 - x0}, 1e-10);  // the default bound on the L1 error
    // After 5 iterations the bound alpha/(1-alpha) x change must cover the true L1 error.
    const auto early = pagerank(g, {.max_iterations = 5});
    EXPECT_FALSE(early.converged);
    EXPECT_GE(early.residual, std::abs(early.score[0] - x0) + std::abs(early.score[1] - (1 - x0)));
    EXPECT_EQ(pagerank(g, {.alpha = 0}).iterations, 1);  // alpha 0: the first step is exact
}

TEST(PageRank, SymmetricCycleIsUniform) {
    expect_near(pagerank(make_graph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}})).score, {0.25, 0.25, 0.25, 0.25});
}

TEST(Eigenvector, StarByHand) {
    // Star K_{1,3}: the eigenvector of the largest eigenvalue sqrt(3) is (sqrt(3), 1, 1, 1), normalised.
    const double norm = std::sqrt(6.0);
    expect_near(eigenvector(make_graph(4, {{0, 1}, {0, 2}, {0, 3}})).score,
                {std::sqrt(3.0) / norm, 1 / norm, 1 / norm, 1 / norm});
}

TEST(Eigenvector, BipartitePathByHand) {
    // P4 is bipartite (eigenvalues +-phi, +-1/phi): power iteration on A alone oscillates. The
    // principal eigenvector of the golden ratio phi is (1, phi, phi, 1), normalised.
    const Graph g = make_graph(4, {{0, 1}, {1, 2}, {2, 3}});
    const double phi = (1 + std::sqrt(5.0)) / 2, norm = std::sqrt(2 + 2 * phi * phi);
    const auto r = eigenvector(g);
    EXPECT_TRUE(r.converged);
    expect_near(r.score, {1 / norm, phi / norm, phi / norm, 1 / norm});
    expect_near(eigenvector(g, {.max_iterations = 10000, .solver = EigenSolver::power}).score, r.score, 1e-6);
}

TEST(Eigenvector, NetworkInPiecesTiesAndZeroEigenvalue) {
    // A triangle (eigenvalue 2) and an edge (eigenvalue 1): the triangle holds the eigenvector.
    const Graph g = make_graph(5, {{0, 1}, {1, 2}, {2, 0}, {3, 4}});
    const double third = 1 / std::sqrt(3.0), half = 1 / std::sqrt(2.0);
    expect_near(eigenvector(g).score, {third, third, third, 0, 0});
    expect_near(eigenvector(g, {.per_component = true}).score, {third, third, third, half, half});
    // Two triangles tie: each node gets 1/sqrt(3) / sqrt(2).
    const Graph two = make_graph(6, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}});
    expect_near(eigenvector(two).score, V(6, 1 / std::sqrt(6.0)));
    // No cycle: A^T is nilpotent, its eigenvector for 0 is the uniform vector over the sinks.
    const Graph dag = make_graph(4, {{0, 1}, {1, 2}, {0, 3}}, {.directed = true});
    expect_near(eigenvector(dag).score, {0, 0, half, half});
    // A directed 3-cycle feeding node 3: in-arcs count, so x3 = x2 / lambda = x2.
    const Graph fed = make_graph(4, {{0, 1}, {1, 2}, {2, 0}, {2, 3}}, {.directed = true});
    expect_near(eigenvector(fed).score, V(4, 0.5));
    EXPECT_TRUE(eigenvector(Graph{}).score.empty());
    expect_near(eigenvector(GraphBuilder(3).build()).score, V(3, third));
    EXPECT_THROW(eigenvector(g, {.per_component = true, .solver = EigenSolver::power}), std::invalid_argument);
    EXPECT_THROW(eigenvector(g, {.tolerance = 0}), std::invalid_argument);
}

TEST(Katz, DirectedPathByHandAndAlphaLimit) {
    // 0 -> 1 -> 2, alpha 0.1, beta 1: x0 = 1, x1 = 1 + 0.1 x0, x2 = 1 + 0.1 x1 (no cycle: any alpha).
    const Graph g = make_graph(3, {{0, 1}, {1, 2}}, {.directed = true});
    const double x1 = 1.1, x2 = 1.11, norm = std::sqrt(1 + x1 * x1 + x2 * x2);
    const auto r = katz(g);
    EXPECT_TRUE(r.converged);
    expect_near(r.score, {1 / norm, x1 / norm, x2 / norm}, 1e-12);
    expect_near(katz(g, {.beta = 2, .normalized = false}).score, {2, 2 * x1, 2 * x2}, 1e-12);
    // The triangle's largest eigenvalue is 2: alpha 0.5 is the limit, and the message names it.
    const Graph triangle = make_graph(3, {{0, 1}, {1, 2}, {2, 0}});
    try {
        katz(triangle, {.alpha = 0.5});
        FAIL() << "alpha 0.5 must be refused";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("lambda_max, the largest eigenvalue of the adjacency matrix, is 2.000000"),
                  std::string::npos)
            << e.what();
    }
    expect_near(katz(triangle, {.alpha = 0.4}).score, V(3, 1 / std::sqrt(3.0)));
    EXPECT_THROW(katz(triangle, {.alpha = -0.1}), std::invalid_argument);
}

TEST(Hits, DirectedStarAndEmpty) {
    // 0 -> 1, 0 -> 2: 0 is the only hub, 1 and 2 share the authority.
    const auto r = hits(make_graph(3, {{0, 1}, {0, 2}}, {.directed = true}));
    EXPECT_TRUE(r.converged);
    expect_near(r.hubs, {1, 0, 0});
    expect_near(r.authorities, {0, 0.5, 0.5});
    const auto empty = hits(GraphBuilder(2, {.directed = true}).build());
    expect_near(empty.hubs, {0.5, 0.5});
    expect_near(empty.authorities, {0, 0});
}

TEST(Spectral, SameScoresOnAnyThreadCount) {
    const Graph g = random_connected(2000, 8000, true, true, 3);
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = eigenvector(g).score;
    const auto one_pr = pagerank(g).score;
    omp_set_num_threads(3);
    EXPECT_EQ(eigenvector(g).score, one);
    EXPECT_EQ(pagerank(g).score, one_pr);
    omp_set_num_threads(threads);
#else
    EXPECT_EQ(eigenvector(g).score, eigenvector(g).score);
#endif
}

}  // namespace
}  // namespace essnet
