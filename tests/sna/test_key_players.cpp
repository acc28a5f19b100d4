// Key players: the four measures by hand on a path and a star, the search against every k-subset
// of small graphs, determinism across thread counts, and the errors.
#include <gtest/gtest.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include <vector>

#include "essnet/generate/generators.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/sna/key_players.hpp"

using namespace essnet;

namespace {

Graph graph_of(node_id n, const std::vector<std::pair<node_id, node_id>>& edges, bool directed = false) {
    GraphBuilder b(n, {.directed = directed});
    for (const auto& [u, v] : edges) b.add_edge(u, v);
    return std::move(b).build();
}

// The best score over every k-subset, enumerated by a bit mask.
double best_by_enumeration(const Graph& g, int k, KeyPlayerMeasure measure, std::int32_t steps) {
    const int n = g.num_nodes();
    double best = -1;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        if (__builtin_popcount(mask) != k) continue;
        std::vector<node_id> set;
        for (int v = 0; v < n; ++v)
            if (mask >> v & 1u) set.push_back(v);
        best = std::max(best, key_player_score(g, set, measure, steps));
    }
    return best;
}

}  // namespace

TEST(KeyPlayers, MeasuresByHandOnAPathAndAStar) {
    const Graph path = graph_of(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
    const std::vector<node_id> middle{2};
    // Removing 2 leaves {0,1} and {3,4}: 4 of the 12 ordered pairs still connected, each at distance 1.
    EXPECT_DOUBLE_EQ(key_player_score(path, middle, KeyPlayerMeasure::fragmentation), 1 - 4.0 / 12);
    EXPECT_DOUBLE_EQ(key_player_score(path, middle, KeyPlayerMeasure::distance_fragmentation), 1 - 4.0 / 12);
    // From 2: 1 and 3 at distance 1, 0 and 4 at 2.
    EXPECT_DOUBLE_EQ(key_player_score(path, middle, KeyPlayerMeasure::reach, 1), 0.5);
    EXPECT_DOUBLE_EQ(key_player_score(path, middle, KeyPlayerMeasure::reach, 2), 1);
    EXPECT_DOUBLE_EQ(key_player_score(path, middle, KeyPlayerMeasure::distance_reach), (1 + 1 + 0.5 + 0.5) / 4);
    // Removing an end leaves a path of 4: all 12 pairs connected, at distances 1 (6), 2 (4), 3 (2).
    const std::vector<node_id> end{0};
    EXPECT_DOUBLE_EQ(key_player_score(path, end, KeyPlayerMeasure::fragmentation), 0);
    EXPECT_DOUBLE_EQ(key_player_score(path, end, KeyPlayerMeasure::distance_fragmentation),
                     1 - (6 + 4 / 2.0 + 2 / 3.0) / 12);
    const Graph star = graph_of(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
    const std::vector<node_id> hub{0}, leaf{1};
    EXPECT_DOUBLE_EQ(key_player_score(star, hub, KeyPlayerMeasure::fragmentation), 1);
    EXPECT_DOUBLE_EQ(key_player_score(star, hub, KeyPlayerMeasure::distance_fragmentation), 1);
    EXPECT_DOUBLE_EQ(key_player_score(star, hub, KeyPlayerMeasure::distance_reach), 1);
    EXPECT_DOUBLE_EQ(key_player_score(star, leaf, KeyPlayerMeasure::distance_reach), (1 + 0.5 * 3) / 4);
    EXPECT_EQ(key_players(star, 1).players, hub);
    EXPECT_EQ(key_players(path, 1, {.measure = KeyPlayerMeasure::fragmentation}).players, middle);
}

TEST(KeyPlayers, SearchReachesTheBestOfEveryKSubset) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        const Graph g = generate::erdos_renyi({.n = 12, .m = 16, .seed = seed});
        for (const auto measure : {KeyPlayerMeasure::fragmentation, KeyPlayerMeasure::distance_fragmentation,
                                   KeyPlayerMeasure::reach, KeyPlayerMeasure::distance_reach})
            for (const int k : {1, 2, 3}) {
                const auto found = key_players(g, k, {.measure = measure, .steps = 2, .seed = seed});
                ASSERT_EQ(found.players.size(), static_cast<std::size_t>(k));
                EXPECT_DOUBLE_EQ(found.score, key_player_score(g, found.players, measure, 2));
                EXPECT_NEAR(found.score, best_by_enumeration(g, k, measure, 2), 1e-12)
                    << "seed " << seed << " measure " << static_cast<int>(measure) << " k " << k;
            }
    }
}

TEST(KeyPlayers, DirectedTiesCountBothWaysAndThreadsDoNotMatter) {
    const Graph directed = graph_of(4, {{0, 1}, {2, 1}, {1, 3}}, true);
    const Graph undirected = graph_of(4, {{0, 1}, {2, 1}, {1, 3}});
    const std::vector<node_id> one{1};
    EXPECT_EQ(key_player_score(directed, one, KeyPlayerMeasure::fragmentation), 1);
    EXPECT_EQ(key_player_score(directed, one, KeyPlayerMeasure::distance_reach),
              key_player_score(undirected, one, KeyPlayerMeasure::distance_reach));
#ifdef _OPENMP
    const Graph g = generate::erdos_renyi({.n = 60, .m = 90, .seed = 2});
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto a = key_players(g, 4, {.measure = KeyPlayerMeasure::fragmentation, .restarts = 6, .seed = 5});
    omp_set_num_threads(2);
    const auto b = key_players(g, 4, {.measure = KeyPlayerMeasure::fragmentation, .restarts = 6, .seed = 5});
    omp_set_num_threads(threads);
    EXPECT_EQ(a.players, b.players);
    EXPECT_EQ(a.score, b.score);
#endif
}

TEST(KeyPlayers, EdgeCasesAndErrors) {
    const Graph g = graph_of(3, {{0, 1}, {1, 2}});
    EXPECT_TRUE(key_players(g, 0).players.empty());
    EXPECT_EQ(key_players(g, 3).players.size(), 3u);
    EXPECT_EQ(key_players(g, 2, {.measure = KeyPlayerMeasure::fragmentation}).score, 1);  // one node left
    EXPECT_THROW(key_players(g, 4), std::invalid_argument);
    EXPECT_THROW(key_players(g, 1, {.restarts = 0}), std::invalid_argument);
    EXPECT_THROW(key_player_score(g, std::vector<node_id>{1, 1}), std::invalid_argument);
    EXPECT_THROW(key_player_score(g, std::vector<node_id>{5}), std::out_of_range);
    EXPECT_THROW(key_player_score(g, std::vector<node_id>{0}, KeyPlayerMeasure::reach, 0), std::invalid_argument);
}
