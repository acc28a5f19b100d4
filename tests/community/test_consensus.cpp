#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/community/consensus.hpp"
#include "essnet/generate/generators.hpp"
#include "support/graphs.hpp"
#include "support/karate.hpp"

namespace essnet {
namespace {

using test::make_graph;

// The memberships of one round of seeded runs, from the public functions.
std::vector<std::vector<std::int32_t>> first_round(const Graph& g, CommunityAlgorithm algorithm, std::uint64_t seed,
                                                   int count) {
    std::vector<std::vector<std::int32_t>> runs;
    for (int r = 0; r < count; ++r) {
        const std::uint64_t s = seed + static_cast<std::uint64_t>(r);
        switch (algorithm) {
            case CommunityAlgorithm::leiden:
                runs.push_back(leiden(g, {.seed = s}).membership);
                break;
            case CommunityAlgorithm::louvain:
                runs.push_back(louvain(g, {.seed = s}).partition.membership);
                break;
            case CommunityAlgorithm::label_propagation:
                runs.push_back(label_propagation(g, {.seed = s}).membership);
                break;
        }
    }
    return runs;
}

// Stability as documented: the share of runs in which a node sits in the run's community holding
// the most members of its consensus community (ties: the lowest label), counted with a map.
std::vector<double> stability_by_hand(const std::vector<std::int32_t>& consensus_of,
                                      const std::vector<std::vector<std::int32_t>>& runs) {
    const std::size_t n = consensus_of.size();
    std::vector<double> stable(n, 0.0);
    for (const auto& run : runs) {
        std::map<std::int32_t, std::map<std::int32_t, int>> overlap;  // consensus community -> run community -> count
        for (std::size_t v = 0; v < n; ++v) ++overlap[consensus_of[v]][run[v]];
        for (std::size_t v = 0; v < n; ++v) {
            std::int32_t plurality = -1;
            int most = 0;
            for (const auto& [label, count] : overlap[consensus_of[v]])  // increasing labels: the first wins ties
                if (count > most) {
                    most = count;
                    plurality = label;
                }
            stable[v] += run[v] == plurality;
        }
    }
    for (auto& s : stable) s /= static_cast<double>(runs.size());
    return stable;
}

TEST(Consensus, ClearStructureIsUnanimous) {
    // Two 4-cliques joined by one edge: every Leiden run splits them (see test_leiden.cpp), so the
    // co-assignment is 1 inside and 0 on the bridge, and every node is fully stable.
    const Graph g = make_graph(
        8, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {4, 5}, {4, 6}, {4, 7}, {5, 6}, {5, 7}, {6, 7}, {3, 4}});
    const ConsensusResult r = consensus(g, {.runs = 20});
    EXPECT_EQ(r.partition.membership, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1, 1, 1}));
    EXPECT_TRUE(r.converged);
    EXPECT_EQ(r.iterations, 1);
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const bool bridge =
            g.edge_sources()[static_cast<std::size_t>(e)] == 3 && g.edge_targets()[static_cast<std::size_t>(e)] == 4;
        EXPECT_EQ(r.co_assignment[static_cast<std::size_t>(e)], bridge ? 0.0 : 1.0);
    }
    for (const double s : r.stability) EXPECT_EQ(s, 1.0);
}

TEST(Consensus, KarateBlocsAndStabilityForAnyThreadCount) {
    const Graph g = test::karate();
    for (const auto algorithm :
         {CommunityAlgorithm::leiden, CommunityAlgorithm::louvain, CommunityAlgorithm::label_propagation}) {
        const ConsensusResult r = consensus(g, {.algorithm = algorithm, .runs = 30, .seed = 5});
        ASSERT_EQ(r.stability.size(), 34u);
        ASSERT_EQ(r.co_assignment.size(), 78u);
        // The first round, rerun here through the public functions with seeds 5..34.
        const auto runs = first_round(g, algorithm, 5, 30);
        for (edge_id e = 0; e < g.num_edges(); ++e) {
            const auto u = static_cast<std::size_t>(g.edge_sources()[static_cast<std::size_t>(e)]);
            const auto v = static_cast<std::size_t>(g.edge_targets()[static_cast<std::size_t>(e)]);
            int together = 0;
            for (const auto& m : runs) together += m[u] == m[v];
            EXPECT_EQ(r.co_assignment[static_cast<std::size_t>(e)], together / 30.0) << e;
        }
        EXPECT_EQ(r.stability, stability_by_hand(r.partition.membership, runs));
        // Mr Hi (0) and the officer (33) lead the two factions: never one bloc.
        EXPECT_NE(r.partition.membership[0], r.partition.membership[33]);
#ifdef _OPENMP
        const int threads = omp_get_max_threads();
        omp_set_num_threads(1);
        const ConsensusResult one = consensus(g, {.algorithm = algorithm, .runs = 30, .seed = 5});
        omp_set_num_threads(threads);
        EXPECT_EQ(one.partition.membership, r.partition.membership);
        EXPECT_EQ(one.stability, r.stability);
        EXPECT_EQ(one.co_assignment, r.co_assignment);
#endif
    }
}

TEST(Consensus, OneWeightedEdgePerJoinedPair) {
    // 0 -> 1 and 1 -> 0 (reciprocated), 1 -> 2 twice, 2 -> 3 once, 3 -> 3 (a loop); shares per edge.
    const Graph g = make_graph(4, {{0, 1}, {1, 0}, {1, 2}, {1, 2}, {2, 3}, {3, 3}}, {.directed = true});
    const Graph c = detail::community::consensus_graph(g, {0.75, 0.75, 0.5, 0.5, 0.25, 1.0}, 0.3);
    // Pairs {0, 1} and {1, 2} once each, with their share; {2, 3} is below the threshold, loops go.
    EXPECT_FALSE(c.directed());
    ASSERT_EQ(c.num_edges(), 2);
    std::map<std::pair<node_id, node_id>, double> got;
    for (edge_id e = 0; e < c.num_edges(); ++e) {
        const auto [u, v] =
            std::minmax(c.edge_sources()[static_cast<std::size_t>(e)], c.edge_targets()[static_cast<std::size_t>(e)]);
        got[{u, v}] = c.weight(e);
    }
    EXPECT_EQ(got, (std::map<std::pair<node_id, node_id>, double>{{{0, 1}, 0.75}, {{1, 2}, 0.5}}));
}

TEST(Consensus, Errors) {
    const Graph g = make_graph(3, {{0, 1}});
    EXPECT_THROW(consensus(g, {.runs = 0}), std::invalid_argument);
    EXPECT_THROW(consensus(g, {.threshold = 1.5}), std::invalid_argument);
    EXPECT_THROW(consensus(g, {.max_iterations = 0}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
