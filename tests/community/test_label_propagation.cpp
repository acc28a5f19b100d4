#include <gtest/gtest.h>

#include "essnet/community/label_propagation.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

// Two 5-cliques {0..4} and {5..9} joined by the edge 4-5.
Graph two_five_cliques() {
    std::vector<std::pair<node_id, node_id>> edges;
    for (node_id base : {0, 5})
        for (node_id u = 0; u < 5; ++u)
            for (node_id v = u + 1; v < 5; ++v) edges.emplace_back(base + u, base + v);
    edges.emplace_back(4, 5);
    return make_graph(10, edges);
}

TEST(LabelPropagation, FindsTheCliquesOrOneLabel) {
    // The stable labellings here: the two cliques (each node sees four neighbours of its clique and
    // at most one outside), or one label everywhere (which a label can reach by crossing the bridge
    // early, while the others are still scattered). Raghavan et al. note both outcomes.
    int cliques = 0;
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const Partition p = label_propagation(two_five_cliques(), {.seed = seed});
        if (p.n_communities == 2) {
            ++cliques;
            EXPECT_EQ(p.membership, (std::vector<std::int32_t>{0, 0, 0, 0, 0, 1, 1, 1, 1, 1})) << seed;
            // Q = 2 (10/21 - (21/42)^2) = 20/21 - 1/2.
            EXPECT_NEAR(p.quality, 20.0 / 21 - 0.5, 1e-12);
        } else {
            EXPECT_EQ(p.n_communities, 1) << seed;
            EXPECT_NEAR(p.quality, 0.0, 1e-12);
        }
    }
    EXPECT_GE(cliques, 15);
}

TEST(LabelPropagation, SeededIsolatedNodesAndErrors) {
    const Graph g = make_graph(6, {{0, 1}, {1, 2}, {2, 0}});  // 3, 4, 5 isolated
    const Partition a = label_propagation(g, {.seed = 3});
    EXPECT_EQ(a.membership, label_propagation(g, {.seed = 3}).membership);
    EXPECT_EQ(a.n_communities, 4);
    EXPECT_EQ(a.membership[0], a.membership[2]);
    EXPECT_TRUE(label_propagation(Graph()).membership.empty());
    EXPECT_THROW(label_propagation(g, {.max_sweeps = 0}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
