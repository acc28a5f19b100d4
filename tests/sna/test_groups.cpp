#include <gtest/gtest.h>

#include <cmath>

#include "essnet/sna/groups.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

// Path 0-1-2-3 with groups {0, 0, 1, 1}: edges 0-1 and 2-3 stay inside, 1-2 crosses.
const std::vector<std::int32_t> halves{0, 0, 1, 1};

TEST(Groups, EIIndexByHand) {
    const Graph g = make_graph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 3}});  // the loop does not count
    const EIIndex r = ei_index(g, halves);
    EXPECT_DOUBLE_EQ(r.network, (1.0 - 2) / 3);  // E = 1, I = 2
    EXPECT_DOUBLE_EQ(r.group[0], 0.0);           // group 0: E = 1 (1-2), I = 1 (0-1)
    EXPECT_DOUBLE_EQ(r.group[1], 0.0);
    EXPECT_DOUBLE_EQ(r.node[0], -1.0);  // only 0-1, inside
    EXPECT_DOUBLE_EQ(r.node[1], 0.0);   // 0-1 inside, 1-2 across
    EXPECT_DOUBLE_EQ(r.node[3], -1.0);
    // Weighted: 1-2 weighs 4, so E = 4, I = 2 and the index is (4 - 2) / 6.
    const Graph w = make_graph(4, {{0, 1}, {1, 2}, {2, 3}}, {}, {1, 4, 1});
    EXPECT_DOUBLE_EQ(ei_index(w, halves).network, 2.0 / 6);
    EXPECT_DOUBLE_EQ(ei_index(w, halves, {.use_weights = false}).network, -1.0 / 3);
    // A node without ties: NaN.
    EXPECT_TRUE(std::isnan(ei_index(make_graph(2, {}), std::vector<std::int32_t>{0, 1}).node[0]));
    EXPECT_THROW(ei_index(g, std::vector<std::int32_t>{0, 1}), std::invalid_argument);
    EXPECT_THROW(ei_index(g, std::vector<std::int32_t>{0, 0, -1, 1}), std::invalid_argument);
}

TEST(Groups, MixingAndAssortativityByHand) {
    const Graph g = make_graph(4, {{0, 1}, {1, 2}, {2, 3}});
    // Each undirected edge counts both ways: [[2, 1], [1, 2]].
    EXPECT_EQ(mixing_matrix(g, halves), (std::vector<double>{2, 1, 1, 2}));
    // e = [[2, 1], [1, 2]] / 6: trace 2/3, row and column sums 1/2, sum of e^2 = 1/4 + 1/4 = 1/2,
    // r = (2/3 - 1/2) / (1 - 1/2) = 1/3.
    EXPECT_NEAR(attribute_assortativity(g, halves), 1.0 / 3, 1e-15);
    // Values 0, 1, 2, 3 along the path: the six edge ends pair (0,1) (1,0) (1,2) (2,1) (2,3) (3,2);
    // centred at 1.5, the cross sum is 2.5 and each square sum 5.5: r = 2.5 / 5.5 = 5/11.
    EXPECT_NEAR(numeric_assortativity(g, std::vector<double>{0, 1, 2, 3}), 5.0 / 11, 1e-15);
    // Directed arcs count from source to target only.
    const Graph d = make_graph(3, {{0, 1}, {1, 2}}, {.directed = true});
    EXPECT_EQ(mixing_matrix(d, std::vector<std::int32_t>{0, 1, 1}), (std::vector<double>{0, 1, 0, 1}));
    EXPECT_TRUE(std::isnan(attribute_assortativity(make_graph(3, {}), std::vector<std::int32_t>{0, 1, 2})));
    EXPECT_THROW(numeric_assortativity(g, std::vector<double>{0, 1, NAN, 3}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
