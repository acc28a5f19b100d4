#include <gtest/gtest.h>

#include "essnet/components/connected_components.hpp"
#include "essnet/components/strong_components.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using M = std::vector<std::int32_t>;
using S = std::vector<std::int64_t>;

// Strong components by definition: u and v share one when each reaches the other. Reachability by
// breadth-first search from every node, O(n (n + m)); components numbered by lowest node.
M naive_strong_components(const Graph& g) {
    const auto n = static_cast<std::size_t>(g.num_nodes());
    std::vector<std::vector<bool>> reaches(n, std::vector<bool>(n, false));
    for (node_id s = 0; s < g.num_nodes(); ++s) {
        auto& seen = reaches[static_cast<std::size_t>(s)];
        std::vector<node_id> queue{s};
        seen[static_cast<std::size_t>(s)] = true;
        for (std::size_t head = 0; head < queue.size(); ++head)
            for (const node_id v : g.out_neighbors(queue[head]))
                if (!seen[static_cast<std::size_t>(v)]) {
                    seen[static_cast<std::size_t>(v)] = true;
                    queue.push_back(v);
                }
    }
    M membership(n, -1);
    std::int32_t count = 0;
    for (std::size_t u = 0; u < n; ++u) {
        if (membership[u] >= 0) continue;
        for (std::size_t v = u; v < n; ++v)
            if (reaches[u][v] && reaches[v][u]) membership[v] = count;
        ++count;
    }
    return membership;
}

TEST(StrongComponents, EmptyAndSingle) {
    EXPECT_EQ(strongly_connected_components(Graph{}).count(), 0);
    const auto r = strongly_connected_components(test::make_graph(1, {}, {.directed = true}));
    EXPECT_EQ(r.membership, (M{0}));
    EXPECT_EQ(r.sizes, (S{1}));
}

//  0 -> 1 -> 2 -> 0     2 -> 3 <-> 4     5 (isolated)     6 -> 6 (self-loop)
TEST(StrongComponents, CycleChainIsolatedSelfLoop) {
    const Graph g = test::make_graph(7, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}, {6, 6}}, {.directed = true});
    const auto r = strongly_connected_components(g);
    EXPECT_EQ(r.membership, (M{0, 0, 0, 1, 1, 2, 3}));
    EXPECT_EQ(r.sizes, (S{3, 2, 1, 1}));
}

//  0 <-> 4,  1 -> 0,  2 <-> 3,  3 -> 1
// The search from 0 finishes {0, 4} first, then the one from 1 finishes {1}, then {2, 3}; the
// numbering follows the lowest nodes all the same.
TEST(StrongComponents, NumberedByLowestNode) {
    const Graph g = test::make_graph(5, {{0, 4}, {4, 0}, {1, 0}, {2, 3}, {3, 2}, {3, 1}}, {.directed = true});
    EXPECT_EQ(strongly_connected_components(g).membership, (M{0, 1, 2, 2, 0}));
    // Reversing every arc keeps the components.
    const Graph r = test::make_graph(5, {{4, 0}, {0, 4}, {0, 1}, {3, 2}, {2, 3}, {1, 3}}, {.directed = true});
    EXPECT_EQ(strongly_connected_components(r).membership, (M{0, 1, 2, 2, 0}));
}

TEST(StrongComponents, ParallelArcs) {
    // 0 => 1 (twice), 1 -> 0: one component; 2 => 1 (twice): alone.
    const Graph g = test::make_graph(3, {{0, 1}, {0, 1}, {1, 0}, {2, 1}, {2, 1}}, {.directed = true});
    EXPECT_EQ(strongly_connected_components(g).membership, (M{0, 0, 1}));
}

TEST(StrongComponents, UndirectedEqualsConnectedComponents) {
    const Graph g = test::make_graph(6, {{0, 3}, {2, 1}, {2, 5}, {4, 4}});
    EXPECT_EQ(strongly_connected_components(g).membership, connected_components(g).membership);
}

TEST(StrongComponents, MatchesDefinitionOnRandomGraphs) {
    std::uint64_t x = 7;
    auto next = [&](std::uint32_t bound) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<node_id>((x >> 33) % bound);
    };
    for (int trial = 0; trial < 20; ++trial) {
        const node_id n = 40;
        GraphBuilder b(n, {.directed = true});
        const int m = 30 + 4 * trial;  // from many small components to a few large ones
        for (int i = 0; i < m; ++i) b.add_edge(next(n), next(n));
        const Graph g = std::move(b).build();
        const auto r = strongly_connected_components(g);
        EXPECT_EQ(r.membership, naive_strong_components(g)) << "trial " << trial;
        std::int64_t total = 0;
        for (const auto s : r.sizes) total += s;
        EXPECT_EQ(total, n);
    }
}

TEST(StrongComponents, MillionNodePathAndCycleDoNotOverflowTheStack) {
    const node_id n = 1'000'000;
    std::vector<node_id> sources(static_cast<std::size_t>(n) - 1), targets(sources.size());
    for (node_id u = 0; u + 1 < n; ++u) {
        sources[static_cast<std::size_t>(u)] = u;
        targets[static_cast<std::size_t>(u)] = u + 1;
    }
    GraphBuilder path(n, {.directed = true});
    path.add_edges(sources, targets);
    const auto r = strongly_connected_components(std::move(path).build());
    ASSERT_EQ(r.count(), n);  // every node alone, numbered by itself
    for (node_id u = 0; u < n; u += 99'991) EXPECT_EQ(r.membership[static_cast<std::size_t>(u)], u);
    EXPECT_EQ(r.membership.back(), n - 1);

    GraphBuilder cycle(n, {.directed = true});
    cycle.add_edges(sources, targets);
    cycle.add_edge(n - 1, 0);
    const auto c = strongly_connected_components(std::move(cycle).build());
    ASSERT_EQ(c.count(), 1);
    EXPECT_EQ(c.sizes, (S{n}));
}

}  // namespace
}  // namespace essnet
