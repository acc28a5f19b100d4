#include <gtest/gtest.h>

#include "essnet/sna/two_mode.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(TwoMode, ProjectionsByHand) {
    // Actors 0, 1, 2 and events 3, 4: event 3 gathers all three actors, event 4 actors 1 and 2.
    // Shared events: (0,1) {3}, (0,2) {3}, (1,2) {3, 4}. Newman's weights: 1/(3-1) for event 3,
    // 1/(2-1) for event 4, so (0,1) = (0,2) = 1/2 and (1,2) = 1/2 + 1 = 3/2.
    const Graph g = make_graph(5, {{0, 3}, {1, 3}, {2, 3}, {1, 4}, {2, 4}, {2, 4}, {0, 1}});  // 0-1: same mode, ignored
    const std::vector<std::uint8_t> actors{1, 1, 1, 0, 0};
    const Projection plain = project(g, actors);
    EXPECT_EQ(plain.nodes, (std::vector<node_id>{0, 1, 2}));
    EXPECT_EQ(plain.sources, (std::vector<node_id>{0, 0, 1}));
    EXPECT_EQ(plain.targets, (std::vector<node_id>{1, 2, 2}));
    EXPECT_EQ(plain.weights, (std::vector<double>{1, 1, 1}));
    EXPECT_EQ(project(g, actors, ProjectionWeight::count).weights, (std::vector<double>{1, 1, 2}));
    EXPECT_EQ(project(g, actors, ProjectionWeight::newman).weights, (std::vector<double>{0.5, 0.5, 1.5}));
    // Onto the events: 3 and 4 share actors 1 and 2.
    const Projection events = project(g, std::vector<std::uint8_t>{0, 0, 0, 1, 1}, ProjectionWeight::count);
    EXPECT_EQ(events.nodes, (std::vector<node_id>{3, 4}));
    EXPECT_EQ(events.weights, (std::vector<double>{2}));
    EXPECT_THROW(project(g, std::vector<std::uint8_t>{1, 0}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
