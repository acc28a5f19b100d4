#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "essnet/community/label_propagation.hpp"
#include "essnet/generate/generators.hpp"
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
    EXPECT_THROW(label_propagation(g, {.max_iterations = 0}), std::invalid_argument);
}

// Whether every node with neighbours holds one of the labels of greatest total weight around it
// (self-loops aside), written out from the definition; the sums here are integers, so exact.
bool stable(const Graph& g, const std::vector<std::int32_t>& label) {
    for (node_id v = 0; v < g.num_nodes(); ++v) {
        std::map<std::int32_t, double> weight;
        for (const node_id u : g.out_neighbors(v))
            if (u != v) weight[label[static_cast<std::size_t>(u)]] += 1;
        if (weight.empty()) continue;
        double top = 0;
        for (const auto& [c, w] : weight) top = std::max(top, w);
        if (weight[label[static_cast<std::size_t>(v)]] != top) return false;
    }
    return true;
}

TEST(LabelPropagation, ConvergedMeansEveryNodeHoldsAHeaviestLabel) {
    for (std::uint64_t seed = 0; seed < 5; ++seed) {
        const Graph g = generate::erdos_renyi({.n = 400, .m = 1200, .directed = false, .seed = seed});
        const LabelPropagationResult full = label_propagation(g, {.seed = seed});
        EXPECT_TRUE(full.converged) << seed;
        EXPECT_GE(full.iterations, 1) << seed;
        EXPECT_TRUE(stable(g, full.membership)) << seed;
        const LabelPropagationResult one = label_propagation(g, {.seed = seed, .max_iterations = 1});
        EXPECT_EQ(one.iterations, 1) << seed;
        EXPECT_EQ(one.converged, stable(g, one.membership)) << seed;
        EXPECT_EQ(one.converged, full.iterations == 1) << seed;
    }
}

TEST(LabelPropagation, DecimalWeightsTieAsInExactArithmetic) {
    // Node 0 weighs its single neighbour 1 at 0.3 and the pair {2, 3} at 0.1 + 0.2, which is
    // 0.30000000000000004 in floating point: a tie in exact arithmetic. With the weights times ten
    // (3 against 1 + 2) the tie is exact, and each seed must make the same choices.
    const std::vector<std::pair<node_id, node_id>> edges{{0, 1}, {0, 2}, {0, 3}, {2, 3}};
    const Graph decimal = make_graph(4, edges, {}, {0.3, 0.1, 0.2, 5});
    const Graph whole = make_graph(4, edges, {}, {3, 1, 2, 50});
    int split = 0;
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        const auto a = label_propagation(decimal, {.seed = seed});
        EXPECT_EQ(a.membership, label_propagation(whole, {.seed = seed}).membership) << seed;
        EXPECT_TRUE(a.converged) << seed;
        if (a.n_communities == 2) ++split;
    }
    EXPECT_GT(split, 0);  // {0, 1} beside {2, 3} is stable only when the tie is seen
}

}  // namespace
}  // namespace essnet
