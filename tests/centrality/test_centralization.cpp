#include <gtest/gtest.h>

#include <cmath>

#include "essnet/centrality/centralization.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(Centralization, StarIsOneCompleteIsZero) {
    const Graph star = make_graph(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
    const Graph complete = make_graph(4, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}});
    for (const auto m :
         {CentralizationMeasure::degree, CentralizationMeasure::betweenness, CentralizationMeasure::closeness}) {
        EXPECT_NEAR(centralization(star, m), 1.0, 1e-12);
        EXPECT_NEAR(centralization(complete, m), 0.0, 1e-12);
    }
    // Path 0-1-2-3, degree: max 2, sum of gaps 1 + 0 + 0 + 1 = 2 over (n-1)(n-2) = 6.
    EXPECT_NEAR(centralization(make_graph(4, {{0, 1}, {1, 2}, {2, 3}}), CentralizationMeasure::degree), 2.0 / 6, 1e-12);
    EXPECT_THROW(centralization(make_graph(4, {{0, 1}, {2, 3}}), CentralizationMeasure::closeness),
                 std::invalid_argument);
}

}  // namespace
}  // namespace essnet
