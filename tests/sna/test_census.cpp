#include <gtest/gtest.h>

#include <map>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "essnet/generate/generators.hpp"
#include "essnet/sna/census.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(Census, Density) {
    EXPECT_DOUBLE_EQ(density(make_graph(4, {{0, 1}, {1, 2}, {2, 3}})), 3.0 / 6);  // 3 of 4*3/2 pairs
    EXPECT_DOUBLE_EQ(density(make_graph(3, {{0, 1}, {1, 2}, {2, 0}}, {.directed = true})), 3.0 / 6);  // 3 of 3*2 arcs
    EXPECT_DOUBLE_EQ(density(make_graph(1, {})), 0);
}

TEST(Census, ReciprocityAndDyads) {
    // 0 <-> 1 mutual; 1 -> 2 one way; 2 -> 3 twice (one distinct arc); 3 -> 3 a loop.
    const Graph g = make_graph(4, {{0, 1}, {1, 0}, {1, 2}, {2, 3}, {2, 3}, {3, 3}}, {.directed = true});
    // Distinct arcs: 0->1, 1->0, 1->2, 2->3, 3->3 = 5, of which 2 are reciprocated.
    EXPECT_DOUBLE_EQ(reciprocity(g), 2.0 / 5);
    const DyadCensus d = dyad_census(g);
    EXPECT_EQ(d.mutual, 1);
    EXPECT_EQ(d.asymmetric, 2);
    EXPECT_EQ(d.null, 6 - 3);  // C(4, 2) = 6 pairs
    EXPECT_THROW(reciprocity(make_graph(2, {{0, 1}})), std::invalid_argument);
    EXPECT_THROW(dyad_census(make_graph(2, {{0, 1}})), std::invalid_argument);
}

// The type of the single triad of a 3-node directed graph.
std::string triad_of(const std::vector<std::pair<node_id, node_id>>& arcs) {
    const auto c = triad_census(make_graph(3, arcs, {.directed = true}));
    for (std::size_t t = 0; t < 16; ++t)
        if (c[t] == 1) return triad_types[t];
    return "none";
}

TEST(Census, EachTriadTypeByItsDefinition) {
    // Holland & Leinhardt's MAN names: mutual, asymmetric and null dyads, then a letter: D(own),
    // U(p), C(yclic), T(ransitive).
    EXPECT_EQ(triad_of({}), "003");
    EXPECT_EQ(triad_of({{0, 1}}), "012");
    EXPECT_EQ(triad_of({{0, 1}, {1, 0}}), "102");
    EXPECT_EQ(triad_of({{1, 0}, {1, 2}}), "021D");          // 0 <- 1 -> 2
    EXPECT_EQ(triad_of({{0, 1}, {2, 1}}), "021U");          // 0 -> 1 <- 2
    EXPECT_EQ(triad_of({{0, 1}, {1, 2}}), "021C");          // 0 -> 1 -> 2
    EXPECT_EQ(triad_of({{0, 1}, {1, 2}, {0, 2}}), "030T");  // transitive
    EXPECT_EQ(triad_of({{0, 1}, {1, 2}, {2, 0}}), "030C");  // cycle
    EXPECT_EQ(triad_of({{0, 1}, {1, 0}, {1, 2}, {2, 1}}), "201");
    EXPECT_EQ(triad_of({{0, 1}, {1, 0}, {1, 2}, {2, 1}, {0, 2}, {2, 0}}), "300");
    EXPECT_EQ(triad_of({{0, 1}, {1, 0}, {2, 0}, {2, 1}}), "120D");  // 2 sends to both ends of 0 <-> 1
    EXPECT_EQ(triad_of({{0, 1}, {1, 0}, {0, 2}, {1, 2}}), "120U");  // both ends of 0 <-> 1 send to 2
    EXPECT_EQ(triad_of({{0, 1}, {1, 0}, {0, 2}, {2, 1}}), "120C");  // 0 -> 2 -> 1 beside 0 <-> 1
    EXPECT_EQ(triad_of({{0, 1}, {1, 0}, {1, 2}, {2, 1}, {0, 2}}), "210");
    // Self-loops and parallel arcs change nothing.
    EXPECT_EQ(triad_of({{0, 1}, {0, 1}, {2, 2}}), "012");
}

TEST(Census, TriadsByBruteForceAndErrors) {
    // Every triple visited, its dyads counted as mutual, asymmetric or null (M, A, N). Six types
    // are fixed by those counts alone: 003 (0,0,3), 012 (0,1,2), 102 (1,0,2), 201 (2,0,1),
    // 210 (2,1,0), 300 (3,0,0). 003 is the census's remainder, so this checks it independently.
    const std::size_t n = 40;
    const Graph g = generate::erdos_renyi({.n = static_cast<node_id>(n), .m = 500, .directed = true, .seed = 7});
    std::vector<std::vector<bool>> arc(n, std::vector<bool>(n, false));
    const auto s = g.edge_sources(), t = g.edge_targets();
    for (std::size_t e = 0; e < s.size(); ++e)
        arc[static_cast<std::size_t>(s[e])][static_cast<std::size_t>(t[e])] = true;
    std::map<std::string, std::int64_t> want;
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b)
            for (std::size_t c = b + 1; c < n; ++c) {
                int mutual = 0, asymmetric = 0;
                for (const auto& [x, y] : {std::pair{a, b}, std::pair{a, c}, std::pair{b, c}}) {
                    mutual += arc[x][y] && arc[y][x];
                    asymmetric += arc[x][y] != arc[y][x];
                }
                const std::map<std::pair<int, int>, std::string> type{{{0, 0}, "003"}, {{0, 1}, "012"},
                                                                      {{1, 0}, "102"}, {{2, 0}, "201"},
                                                                      {{2, 1}, "210"}, {{3, 0}, "300"}};
                if (const auto it = type.find({mutual, asymmetric}); it != type.end()) ++want[it->second];
            }
    const auto census = triad_census(g);
    for (std::size_t i = 0; i < triad_types.size(); ++i) {
        if (want.count(triad_types[i])) {
            EXPECT_EQ(census[i], want[triad_types[i]]) << triad_types[i];
        }
    }
    EXPECT_EQ(std::accumulate(census.begin(), census.end(), std::int64_t{0}),
              static_cast<std::int64_t>(n * (n - 1) * (n - 2) / 6));
    EXPECT_GT(want["003"], 0);
    EXPECT_GT(want["102"], 0);
    EXPECT_THROW(triad_census(make_graph(3, {{0, 1}})), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
