// Shortest paths, eccentricity, diameter, path lengths and efficiency against naive versions written
// out here (Floyd-Warshall distances, paths enumerated by depth-first search), on seeded random
// graphs, directed x weighted, sparse (many components) to dense.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "essnet/core/random.hpp"
#include "essnet/paths/eccentricity.hpp"
#include "essnet/paths/path_lengths.hpp"
#include "essnet/paths/reachability.hpp"
#include "essnet/paths/shortest_paths.hpp"
#include "support/graphs.hpp"
#include "support/oracles.hpp"

namespace essnet {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
using Matrix = std::vector<std::vector<double>>;

// A random graph with parallel edges and a few self-loops, integer weights 1..4 when weighted (so
// that sums, and ties between paths, are exact).
Graph random_graph(node_id n, int m, bool directed, bool weighted, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<std::pair<node_id, node_id>> edges;
    std::vector<double> weights;
    for (int i = 0; i < m; ++i) {
        const auto u = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
        const auto v = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
        if (u == v && rng.below(4) != 0) continue;
        edges.emplace_back(u, v);
        weights.push_back(weighted ? static_cast<double>(1 + rng.below(4)) : 1.0);
    }
    return test::make_graph(n, edges, {.directed = directed}, weighted ? weights : std::vector<double>{});
}

Matrix transpose(const Matrix& a) {
    Matrix t(a.size(), std::vector<double>(a.size()));
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = 0; j < a.size(); ++j) t[j][i] = a[i][j];
    return t;
}

// Every path from s to t of length `length` along arcs of `w`, by depth-first search over simple paths.
void enumerate(const Matrix& w, std::size_t v, std::size_t t, double left, std::vector<node_id>& path,
               std::set<std::vector<node_id>>& out) {
    if (v == t && left == 0) {
        out.insert(path);
        return;
    }
    for (std::size_t u = 0; u < w.size(); ++u) {
        if (u == v || w[v][u] == inf || w[v][u] > left) continue;
        if (std::find(path.begin(), path.end(), static_cast<node_id>(u)) != path.end()) continue;
        path.push_back(static_cast<node_id>(u));
        enumerate(w, u, t, left - w[v][u], path, out);
        path.pop_back();
    }
}

class Paths : public ::testing::TestWithParam<std::tuple<bool, bool>> {};

TEST_P(Paths, AgainstFloydWarshallAndEnumeration) {
    const auto [directed, weighted] = GetParam();
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
        const node_id n = 6 + static_cast<node_id>(seed % 3) * 4;
        const Graph g =
            random_graph(n, static_cast<int>(n) * (1 + static_cast<int>(seed % 3)), directed, weighted, seed);
        const test::DenseGraph d = test::dense(g, true);
        const Matrix dist = test::distances(d);
        // Distances along, against and regardless of the arcs.
        test::DenseGraph both = d;
        for (std::size_t i = 0; i < d.n; ++i)
            for (std::size_t j = 0; j < d.n; ++j) both.w[i][j] = std::min(d.w[i][j], d.w[j][i]);
        const std::map<Direction, Matrix> want = {
            {Direction::out, dist}, {Direction::in, transpose(dist)}, {Direction::all, test::distances(both)}};
        for (const auto& [direction, expected] : want) {
            const std::vector<double> matrix = distance_matrix(g, {}, {.paths = {.direction = direction}});
            for (node_id s = 0; s < n; ++s)
                for (node_id t = 0; t < n; ++t)
                    EXPECT_EQ(matrix[static_cast<std::size_t>(s * n + t)],
                              expected[static_cast<std::size_t>(s)][static_cast<std::size_t>(t)])
                        << "seed " << seed << " " << s << " -> " << t;
        }
        // A cutoff leaves farther nodes unreached.
        const auto near = distance_matrix(g, {0}, {.paths = {.cutoff = 2}});
        for (node_id t = 0; t < n; ++t) {
            const double dt = dist[0][static_cast<std::size_t>(t)];
            EXPECT_EQ(near[static_cast<std::size_t>(t)], dt <= 2 ? dt : inf);
        }
        // All shortest paths: the enumeration of simple paths as long as the distance.
        for (node_id s = 0; s < n; s += 2)
            for (node_id t = 0; t < n; t += 3) {
                const double dst = dist[static_cast<std::size_t>(s)][static_cast<std::size_t>(t)];
                std::set<std::vector<node_id>> expected;
                if (dst != inf) {
                    std::vector<node_id> path{s};
                    enumerate(d.w, static_cast<std::size_t>(s), static_cast<std::size_t>(t), dst, path, expected);
                }
                const auto got = all_shortest_paths(g, s, t);
                EXPECT_EQ(std::set<std::vector<node_id>>(got.begin(), got.end()), expected) << s << " -> " << t;
                EXPECT_EQ(got.size(), expected.size());  // each path once
                const auto one = shortest_path(g, s, t);
                EXPECT_EQ(one.empty(), expected.empty());
                if (!one.empty()) {
                    EXPECT_TRUE(expected.count(one)) << s << " -> " << t;
                }
            }
        // Eccentricity within components (strong when directed) and the diameter.
        std::vector<double> ecc(static_cast<std::size_t>(n), 0);
        double diameter_want = 0;
        for (std::size_t u = 0; u < d.n; ++u)
            for (std::size_t v = 0; v < d.n; ++v)
                if (dist[u][v] != inf && dist[v][u] != inf) ecc[u] = std::max(ecc[u], dist[u][v]);
        for (const double e : ecc) diameter_want = std::max(diameter_want, e);
        EXPECT_EQ(eccentricity(g), ecc) << "seed " << seed;
        const DiameterResult diam = diameter(g);
        EXPECT_EQ(diam.diameter, diameter_want) << "seed " << seed;
        EXPECT_EQ(dist[static_cast<std::size_t>(diam.source)][static_cast<std::size_t>(diam.target)], diameter_want);
        // Path lengths: the histogram of pairs, the unconnected ones, each component's average.
        const PathLengths lengths = path_lengths(g);
        std::map<double, std::int64_t> histogram;
        std::int64_t unconnected = 0;
        for (std::size_t u = 0; u < d.n; ++u)
            for (std::size_t v = 0; v < d.n; ++v) {
                if (u == v || (!directed && v < u)) continue;
                if (dist[u][v] == inf)
                    ++unconnected;
                else
                    ++histogram[dist[u][v]];
            }
        using Histogram = std::vector<std::pair<double, std::int64_t>>;
        EXPECT_EQ(lengths.histogram, Histogram(histogram.begin(), histogram.end()));
        EXPECT_EQ(lengths.unconnected, unconnected);
        for (std::size_t c = 0; c < lengths.component_nodes.size(); ++c) {
            double sum = 0;
            std::int64_t k = 0;
            for (std::size_t u = 0; u < d.n; ++u) {
                if (lengths.membership[u] != static_cast<std::int32_t>(c)) continue;
                ++k;
                for (std::size_t v = 0; v < d.n; ++v)
                    if (v != u && lengths.membership[v] == static_cast<std::int32_t>(c)) sum += dist[u][v];
            }
            EXPECT_EQ(lengths.component_nodes[c], k);
            EXPECT_NEAR(lengths.component_average[c], k > 1 ? sum / static_cast<double>(k * (k - 1)) : 0.0, 1e-12);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(DirectedWeighted, Paths, ::testing::Combine(::testing::Bool(), ::testing::Bool()));

TEST(Efficiency, AgainstTheDefinition) {
    for (const bool directed : {false, true})
        for (std::uint64_t seed = 0; seed < 8; ++seed) {
            const node_id n = 7 + static_cast<node_id>(seed % 3) * 3;
            const Graph g = random_graph(n, static_cast<int>(n) * 2, directed, true, seed);
            const Matrix dist = test::distances(test::dense(g, false));  // hops, as networkx
            double global = 0;
            for (std::size_t u = 0; u < dist.size(); ++u)
                for (std::size_t v = 0; v < dist.size(); ++v)
                    if (u != v && dist[u][v] != inf) global += 1 / dist[u][v];
            EXPECT_NEAR(global_efficiency(g), global / (n * (n - 1.0)), 1e-12);
            // Local: the global efficiency of each node's neighbourhood, the node left out.
            const test::DenseGraph d = test::dense(g, false);
            const auto local = local_efficiency(g);
            for (std::size_t v = 0; v < d.n; ++v) {
                std::vector<std::size_t> nbrs;
                for (std::size_t u = 0; u < d.n; ++u)
                    if (u != v && (d.w[v][u] != inf || d.w[u][v] != inf)) nbrs.push_back(u);
                test::DenseGraph sub{nbrs.size(), Matrix(nbrs.size(), std::vector<double>(nbrs.size(), inf)), {}};
                for (std::size_t i = 0; i < nbrs.size(); ++i)
                    for (std::size_t j = 0; j < nbrs.size(); ++j)
                        if (i != j) sub.w[i][j] = d.w[nbrs[i]][nbrs[j]];
                const Matrix sd = test::distances(sub);
                double e = 0;
                for (std::size_t i = 0; i < nbrs.size(); ++i)
                    for (std::size_t j = 0; j < nbrs.size(); ++j)
                        if (i != j && sd[i][j] != inf) e += 1 / sd[i][j];
                const double k = static_cast<double>(nbrs.size());
                EXPECT_NEAR(local[v], k >= 2 ? e / (k * (k - 1)) : 0.0, 1e-12) << "seed " << seed << " node " << v;
            }
        }
}

TEST(ShortestPaths, EdgeCasesAndBadInput) {
    const Graph empty = test::make_graph(0, {}, {});
    EXPECT_EQ(diameter(empty).source, -1);
    EXPECT_TRUE(eccentricity(empty).empty());
    EXPECT_EQ(global_efficiency(empty), 0);
    const Graph one = test::make_graph(1, {{0, 0}}, {});
    EXPECT_EQ(shortest_path(one, 0, 0), std::vector<node_id>{0});
    EXPECT_EQ(diameter(one).diameter, 0);
    EXPECT_THROW(shortest_path(one, 0, 1), std::out_of_range);
    EXPECT_THROW(single_source_paths(one, -1), std::out_of_range);
    EXPECT_THROW(distance_matrix(one, {0}, {.paths = {.cutoff = std::nan("")}}), std::invalid_argument);
    // A weight of 0 is refused, naming the edge.
    const Graph zero = test::make_graph(2, {{0, 1}}, {}, {0.0});
    try {
        single_source_paths(zero, 0);
        ADD_FAILURE() << "weight 0 accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("edge 0"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(single_source_paths(zero, 0, {.use_weights = false}));
    // A matrix larger than allowed is refused before allocation, giving its size.
    const Graph path = test::make_graph(1000, {{0, 1}}, {});
    try {
        distance_matrix(path, {}, {.max_bytes = 1'000'000});
        ADD_FAILURE() << "8 MB matrix allowed under 1 MB";
    } catch (const std::length_error& e) {
        EXPECT_NE(std::string(e.what()).find("1000 x 1000"), std::string::npos) << e.what();
    }
    // Ten diamonds in a row: 2^10 shortest paths; more than max_paths is refused.
    std::vector<std::pair<node_id, node_id>> diamonds;
    for (node_id i = 0; i < 30; i += 3)
        diamonds.insert(diamonds.end(), {{i, i + 1}, {i, i + 2}, {i + 1, i + 3}, {i + 2, i + 3}});
    const Graph chain = test::make_graph(31, diamonds, {});
    EXPECT_EQ(all_shortest_paths(chain, 0, 30).size(), 1024u);
    EXPECT_THROW(all_shortest_paths(chain, 0, 30, {}, 1000), std::length_error);
}

TEST(Reachability, CountsAgainstFloydWarshall) {
    for (std::uint64_t seed = 0; seed < 6; ++seed) {
        const Graph g = random_graph(15, 20, seed % 2 == 0, false, seed);
        const Matrix dist = test::distances(test::dense(g, false));
        const ReachCounts r = reach_counts(g);
        for (std::size_t v = 0; v < dist.size(); ++v) {
            std::int64_t out = 0, in = 0;
            for (std::size_t w = 0; w < dist.size(); ++w)
                if (w != v) out += dist[v][w] != inf, in += dist[w][v] != inf;
            EXPECT_EQ(r.out[v], out);
            EXPECT_EQ(r.in[v], in);
        }
    }
}

TEST(Krackhardt, TreeCycleAndEmpty) {
    // An out-tree is an organisation chart: 1 on all four.
    const Graph tree = test::make_graph(6, {{0, 1}, {0, 2}, {1, 3}, {1, 4}, {2, 5}}, {.directed = true});
    const KrackhardtHierarchy t = krackhardt_hierarchy(tree);
    EXPECT_EQ(t.connectedness, 1);
    EXPECT_EQ(t.hierarchy, 1);
    EXPECT_EQ(t.efficiency, 1);
    EXPECT_EQ(t.lub, 1);
    // A directed 3-cycle plus an isolated node, by hand: 3 of 6 pairs weakly joined; every reachable
    // pair mutual; 3 arcs where 2 would do, out of 3 x 2 - 2 = 4 extra at most; one component of 3
    // nodes, (3-1)(3-2)/2 = 1 pair that could lack a bound, and none does.
    const Graph cycle = test::make_graph(4, {{0, 1}, {1, 2}, {2, 0}}, {.directed = true});
    const KrackhardtHierarchy c = krackhardt_hierarchy(cycle);
    EXPECT_DOUBLE_EQ(c.connectedness, 0.5);
    EXPECT_EQ(c.hierarchy, 0);
    EXPECT_DOUBLE_EQ(c.efficiency, 1 - 1.0 / 4);
    EXPECT_EQ(c.lub, 1);
    const KrackhardtHierarchy e = krackhardt_hierarchy(test::make_graph(3, {}, {.directed = true}));
    EXPECT_EQ(e.connectedness, 0);
    EXPECT_TRUE(std::isnan(e.hierarchy) && std::isnan(e.efficiency) && std::isnan(e.lub));
    EXPECT_THROW(krackhardt_hierarchy(tree, {.max_component = 5}), std::length_error);
}

}  // namespace
}  // namespace essnet
