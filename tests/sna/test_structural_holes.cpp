#include <gtest/gtest.h>

#include <cmath>

#include "essnet/sna/structural_holes.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(StructuralHoles, StarByHand) {
    // Star with centre 0 and leaves 1, 2, 3: the centre invests 1/3 in each unconnected leaf, so
    // constraint = 3 (1/3)^2 = 1/3, effective size 3, efficiency 1, hierarchy 0 (equal terms).
    // A leaf has one contact: constraint 1, effective size 1, hierarchy undefined (NaN).
    const auto r = structural_holes(make_graph(4, {{0, 1}, {0, 2}, {0, 3}}));
    EXPECT_NEAR(r.constraint[0], 1.0 / 3, 1e-15);
    EXPECT_NEAR(r.effective_size[0], 3, 1e-15);
    EXPECT_NEAR(r.efficiency[0], 1, 1e-15);
    EXPECT_NEAR(r.hierarchy[0], 0, 1e-15);
    EXPECT_NEAR(r.constraint[1], 1, 1e-15);
    EXPECT_NEAR(r.effective_size[1], 1, 1e-15);
    EXPECT_TRUE(std::isnan(r.hierarchy[1]));
}

TEST(StructuralHoles, TriangleWithPendantByHand) {
    // Triangle 0-1-2 and the pendant 3 on node 0. Node 0 invests 1/3 in each of 1, 2, 3; 1 and 2
    // each invest 1/2 in the other, so the indirect investment in 1 is 1/3 x 1/2 = 1/6 (via 2),
    // and in 2 likewise. Terms: c(0,1) = c(0,2) = (1/3 + 1/6)^2 = 1/4, c(0,3) = (1/3)^2 = 1/9;
    // constraint 1/4 + 1/4 + 1/9 = 11/18. Effective size (Borgatti): n - 2t/n = 3 - 2/3 = 7/3,
    // efficiency 7/9. Hierarchy: r_v = c(0,v) / (C/3) = 27/22, 27/22, 6/11;
    // H = (2 (27/22) ln(27/22) + (6/11) ln(6/11)) / (3 ln 3).
    const auto r = structural_holes(make_graph(4, {{0, 1}, {1, 2}, {2, 0}, {0, 3}}));
    EXPECT_NEAR(r.constraint[0], 11.0 / 18, 1e-15);
    EXPECT_NEAR(r.effective_size[0], 7.0 / 3, 1e-15);
    EXPECT_NEAR(r.efficiency[0], 7.0 / 9, 1e-15);
    const double h = (2 * (27.0 / 22) * std::log(27.0 / 22) + (6.0 / 11) * std::log(6.0 / 11)) / (3 * std::log(3.0));
    EXPECT_NEAR(r.hierarchy[0], h, 1e-15);
}

TEST(StructuralHoles, TiesOfWeightZeroByHand) {
    // Ties 0-1 and 1-2 weigh 0, 0-2 weighs 1. Shares whose sum is 0 are 0 (networkx's
    // normalized_mutual_weight): p(0,1) = 0, p(0,2) = 1, p(2,0) = 1, p(2,1) = 0, p(1,.) = 0.
    // constraint(0) = (p01 + p02 p21)^2 + (p02 + p01 p12)^2 = 0 + 1 = 1; node 2 alike; node 1: 0.
    // Effective size: every redundancy term has a share or a tie of weight 0, so 2 for each node.
    // Hierarchy of 0: r = (0, 2), H = 2 ln 2 / (2 ln 2) = 1; of 1: constraint 0, so 0/0.
    const auto r = structural_holes(make_graph(3, {{0, 1}, {1, 2}, {0, 2}}, {}, {0.0, 0.0, 1.0}));
    EXPECT_EQ(r.constraint, (std::vector<double>{1, 0, 1}));
    EXPECT_EQ(r.effective_size, (std::vector<double>{2, 2, 2}));
    EXPECT_NEAR(r.hierarchy[0], 1, 1e-15);
    EXPECT_TRUE(std::isnan(r.hierarchy[1]));
}

TEST(StructuralHoles, IsolatedLoopsAndEmpty) {
    // An isolated node (a self-loop is not a contact) gets NaN everywhere.
    const auto r = structural_holes(make_graph(3, {{0, 1}, {2, 2}}));
    EXPECT_TRUE(std::isnan(r.constraint[2]) && std::isnan(r.effective_size[2]) && std::isnan(r.efficiency[2]));
    EXPECT_NEAR(r.constraint[0], 1, 1e-15);
    EXPECT_TRUE(structural_holes(Graph()).constraint.empty());
}

}  // namespace
}  // namespace essnet
