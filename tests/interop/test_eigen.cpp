#include <gtest/gtest.h>

#include "essnet/interop/eigen.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

TEST(EigenInterop, UndirectedWeightedWithMultiEdgeAndSelfLoop) {
    // Edges: {0,1} w2, {0,1} w3 (multi-edge, summed), {1,2} w4, {2,2} w5 (self-loop, once on the diagonal).
    const Graph g = test::make_graph(3, {{0, 1}, {1, 0}, {1, 2}, {2, 2}}, {}, {2, 3, 4, 5});
    const Eigen::MatrixXd a = Eigen::MatrixXd(adjacency_matrix(g));
    Eigen::MatrixXd expected(3, 3);
    expected << 0, 5, 0,  //
        5, 0, 4,          //
        0, 4, 5;
    EXPECT_TRUE(a.isApprox(expected)) << a;
    const Eigen::MatrixXd unweighted = Eigen::MatrixXd(adjacency_matrix(g, {.weighted = false}));
    EXPECT_EQ(unweighted(0, 1), 2.0);
}

TEST(EigenInterop, DirectedIsNotSymmetric) {
    const Graph g = test::make_graph(2, {{0, 1}}, {.directed = true});
    const auto a = adjacency_matrix(g);
    EXPECT_EQ(a.coeff(0, 1), 1.0);
    EXPECT_EQ(a.coeff(1, 0), 0.0);
    EXPECT_EQ(a.nonZeros(), 1);
}

TEST(EigenInterop, EmptyGraph) {
    const auto a = adjacency_matrix(Graph{});
    EXPECT_EQ(a.rows(), 0);
}

}  // namespace
}  // namespace essnet
