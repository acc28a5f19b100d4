#include <gtest/gtest.h>

#include <cmath>

#include "essnet/centrality/coreness.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(Coreness, EmptyAndCliques) {
    EXPECT_TRUE(coreness(Graph{}).empty());
    // K4 plus a tail: the clique is a 3-core, the tail 1.
    const Graph g = make_graph(6, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}});
    EXPECT_EQ(coreness(g), (std::vector<std::int64_t>{3, 3, 3, 3, 1, 1}));
}

}  // namespace
}  // namespace essnet
