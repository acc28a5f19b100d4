// Structural equivalence, hierarchical clustering, blockmodels and CONCOR against brute force
// written out here: dense matrices, every pair and every position compared, naive agglomeration.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "essnet/core/random.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/sna/equivalence.hpp"

using namespace essnet;

namespace {

// A random weighted graph with parallel ties and self-loops.
Graph messy_graph(node_id n, int ties, bool directed, std::uint64_t seed) {
    Rng rng(seed);
    GraphBuilder b(n, {.directed = directed, .weighted = true});
    for (int t = 0; t < ties; ++t) {
        const auto u = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
        const auto v = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
        b.add_edge(u, v, 0.5 + static_cast<double>(rng.below(4)));
    }
    return std::move(b).build();
}

// The adjacency matrix, parallel ties summed, self-ties dropped.
std::vector<double> dense(const Graph& g, bool use_weights) {
    const auto n = static_cast<std::size_t>(g.num_nodes());
    std::vector<double> a(n * n, 0.0);
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const auto u = static_cast<std::size_t>(g.edge_source(e)), v = static_cast<std::size_t>(g.edge_target(e));
        if (u == v) continue;
        const double w = use_weights ? g.weight(e) : 1.0;
        a[u * n + v] = use_weights ? a[u * n + v] + w : 1.0;
        if (!g.directed()) a[v * n + u] = a[u * n + v];
    }
    return a;
}

// sna's sedist, written out: profiles are row then column, positions i and j left out.
double brute_force(const std::vector<double>& a, std::size_t n, std::size_t i, std::size_t j,
                   EquivalenceMethod method) {
    std::vector<double> x, y;
    for (std::size_t k = 0; k < n; ++k) {
        if (k == i || k == j) continue;
        x.push_back(a[i * n + k]);
        y.push_back(a[j * n + k]);
    }
    for (std::size_t k = 0; k < n; ++k) {
        if (k == i || k == j) continue;
        x.push_back(a[k * n + i]);
        y.push_back(a[k * n + j]);
    }
    double s = 0;
    if (method == EquivalenceMethod::hamming) {
        for (std::size_t k = 0; k < x.size(); ++k) s += std::abs(x[k] - y[k]);
        return s;
    }
    if (method == EquivalenceMethod::euclidean) {
        for (std::size_t k = 0; k < x.size(); ++k) s += (x[k] - y[k]) * (x[k] - y[k]);
        return std::sqrt(s);
    }
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
    const double my = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(y.size());
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t k = 0; k < x.size(); ++k) {
        sxy += (x[k] - mx) * (y[k] - my);
        sxx += (x[k] - mx) * (x[k] - mx);
        syy += (y[k] - my) * (y[k] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

// Naive agglomeration: the closest pair of clusters by the linkage over their members, each step.
std::vector<double> naive_heights(const std::vector<double>& d, std::size_t n, Linkage linkage,
                                  std::vector<std::vector<std::vector<std::size_t>>>& partitions) {
    std::vector<std::vector<std::size_t>> clusters(n);
    for (std::size_t i = 0; i < n; ++i) clusters[i] = {i};
    std::vector<double> heights;
    while (clusters.size() > 1) {
        double best = std::numeric_limits<double>::infinity();
        std::size_t bp = 0, bq = 1;
        for (std::size_t p = 0; p < clusters.size(); ++p)
            for (std::size_t q = p + 1; q < clusters.size(); ++q) {
                double v = linkage == Linkage::single ? std::numeric_limits<double>::infinity() : 0;
                for (const std::size_t i : clusters[p])
                    for (const std::size_t j : clusters[q]) {
                        const double x = d[i * n + j];
                        if (linkage == Linkage::single)
                            v = std::min(v, x);
                        else if (linkage == Linkage::complete)
                            v = std::max(v, x);
                        else
                            v += x / static_cast<double>(clusters[p].size() * clusters[q].size());
                    }
                if (v < best) best = v, bp = p, bq = q;
            }
        heights.push_back(best);
        clusters[bp].insert(clusters[bp].end(), clusters[bq].begin(), clusters[bq].end());
        clusters.erase(clusters.begin() + static_cast<std::ptrdiff_t>(bq));
        auto sorted = clusters;
        for (auto& c : sorted) std::sort(c.begin(), c.end());
        std::sort(sorted.begin(), sorted.end());
        partitions.push_back(sorted);
    }
    return heights;
}

}  // namespace

TEST(StructuralEquivalence, EqualsTheProfilesComparedEntryByEntry) {
    for (const bool directed : {true, false})
        for (const bool use_weights : {true, false}) {
            const Graph g = messy_graph(14, 45, directed, directed ? 3 : 4);
            const auto a = dense(g, use_weights);
            for (const auto method :
                 {EquivalenceMethod::hamming, EquivalenceMethod::euclidean, EquivalenceMethod::correlation}) {
                const auto d = structural_equivalence(g, {.method = method, .use_weights = use_weights});
                for (std::size_t i = 0; i < 14; ++i)
                    for (std::size_t j = 0; j < 14; ++j) {
                        const double expected = i == j ? (method == EquivalenceMethod::correlation ? 1.0 : 0.0)
                                                       : brute_force(a, 14, i, j, method);
                        EXPECT_NEAR(d[i * 14 + j], expected, 1e-9) << i << " " << j << " " << static_cast<int>(method);
                    }
            }
        }
}

TEST(StructuralEquivalence, EquivalentNodesAreAtDistanceZero) {
    // 0 and 1 both send to 2 and 3 and receive from 4: structurally equivalent.
    GraphBuilder b(5, {.directed = true});
    for (const auto& [u, v] : std::vector<std::pair<node_id, node_id>>{{0, 2}, {0, 3}, {1, 2}, {1, 3}, {4, 0}, {4, 1}})
        b.add_edge(u, v);
    const Graph g = std::move(b).build();
    EXPECT_EQ(structural_equivalence(g)[0 * 5 + 1], 0);
    EXPECT_DOUBLE_EQ(structural_equivalence(g, {.method = EquivalenceMethod::correlation})[0 * 5 + 1], 1);
    // Positions 0 and 2 left out: out-ties differ at 3 (1 vs 0), in-ties at 1 (0 vs 1) and 4 (1 vs 0).
    EXPECT_EQ(structural_equivalence(g)[0 * 5 + 2], 3);
}

TEST(HierarchicalClustering, HeightsAndPartitionsEqualNaiveAgglomeration) {
    Rng rng(11);
    const std::size_t n = 13;
    std::vector<double> d(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < i; ++j) d[i * n + j] = d[j * n + i] = rng.uniform();
    for (const auto linkage : {Linkage::single, Linkage::complete, Linkage::average}) {
        std::vector<std::vector<std::vector<std::size_t>>> partitions;
        const auto expected = naive_heights(d, n, linkage, partitions);
        const auto merges = hierarchical_clustering(d, static_cast<std::int64_t>(n), linkage);
        ASSERT_EQ(merges.size(), n - 1);
        for (std::size_t t = 0; t < merges.size(); ++t) {
            EXPECT_NEAR(merges[t].height, expected[t], 1e-12);
            EXPECT_LT(merges[t].a, merges[t].b);
            EXPECT_LT(merges[t].b, static_cast<std::int64_t>(n + t));
        }
        EXPECT_EQ(merges.back().size, static_cast<std::int64_t>(n));
        for (std::int64_t k = 1; k <= static_cast<std::int64_t>(n); ++k) {
            const auto labels = cut_clusters(merges, static_cast<std::int64_t>(n), k);
            std::vector<std::vector<std::size_t>> got(static_cast<std::size_t>(k));
            for (std::size_t i = 0; i < n; ++i) got[static_cast<std::size_t>(labels[i])].push_back(i);
            EXPECT_EQ(got.front().front(), 0u);  // numbered by first member
            std::sort(got.begin(), got.end());
            if (k < static_cast<std::int64_t>(n)) {
                EXPECT_EQ(got, partitions[n - 1 - static_cast<std::size_t>(k)]) << k;
            }
        }
    }
    EXPECT_THROW(hierarchical_clustering(d, 12), std::invalid_argument);
    EXPECT_THROW(cut_clusters(hierarchical_clustering(d, 13), 13, 0), std::invalid_argument);
    EXPECT_THROW(cut_clusters(hierarchical_clustering(d, 13), 14, 2), std::invalid_argument);  // wrong n
    EXPECT_THROW(cut_clusters({{.a = 0, .b = 5, .height = 1, .size = 2}}, 2, 1), std::invalid_argument);
    EXPECT_TRUE(hierarchical_clustering(std::vector<double>{0.0}, 1).empty());
}

TEST(Blockmodel, ImageEqualsTheCellsOfEachBlockByHand) {
    const Graph g = messy_graph(11, 40, true, 5);
    const std::vector<std::int32_t> blocks{0, 2, 1, 0, 2, 2, 1, 0, 3, 1, 0};  // block 3 has one node
    const auto a = dense(g, true);
    for (const auto content :
         {BlockContent::density, BlockContent::sum, BlockContent::mean_row_sum, BlockContent::mean_column_sum,
          BlockContent::min, BlockContent::max, BlockContent::median}) {
        const auto image = blockmodel_image(g, blocks, content);
        ASSERT_EQ(image.size(), 16u);
        for (std::int32_t r = 0; r < 4; ++r)
            for (std::int32_t s = 0; s < 4; ++s) {
                std::vector<double> cells;
                std::vector<std::size_t> rows, cols;
                for (std::size_t u = 0; u < 11; ++u) {
                    if (blocks[u] == r) rows.push_back(u);
                    if (blocks[u] == s) cols.push_back(u);
                }
                for (const std::size_t u : rows)
                    for (const std::size_t v : cols)
                        if (u != v) cells.push_back(a[u * 11 + v]);
                const double got = image[static_cast<std::size_t>(r * 4 + s)];
                if (cells.empty()) {  // sums of no cells are 0, the rest undefined
                    const bool sum = content == BlockContent::sum || content == BlockContent::mean_row_sum ||
                                     content == BlockContent::mean_column_sum;
                    if (sum)
                        EXPECT_EQ(got, 0);
                    else
                        EXPECT_TRUE(std::isnan(got));
                    continue;
                }
                const double sum = std::accumulate(cells.begin(), cells.end(), 0.0);
                std::sort(cells.begin(), cells.end());
                double expected = 0;
                switch (content) {
                    case BlockContent::density:
                        expected = sum / static_cast<double>(cells.size());
                        break;
                    case BlockContent::sum:
                        expected = sum;
                        break;
                    case BlockContent::mean_row_sum:
                        expected = sum / static_cast<double>(rows.size());
                        break;
                    case BlockContent::mean_column_sum:
                        expected = sum / static_cast<double>(cols.size());
                        break;
                    case BlockContent::min:
                        expected = cells.front();
                        break;
                    case BlockContent::max:
                        expected = cells.back();
                        break;
                    case BlockContent::median:
                        expected = cells.size() % 2 ? cells[cells.size() / 2]
                                                    : (cells[cells.size() / 2 - 1] + cells[cells.size() / 2]) / 2;
                        break;
                }
                EXPECT_NEAR(got, expected, 1e-12) << r << " " << s;
            }
    }
    EXPECT_THROW(blockmodel_image(g, std::vector<std::int32_t>(10, 0)), std::invalid_argument);
}

TEST(Concor, SplitsSendersFromReceiversThenEachAgain) {
    // 0-3 send to 4-7; within the senders 0, 1 also send to 8 and 2, 3 to 9.
    GraphBuilder b(10, {.directed = true});
    for (node_id u = 0; u < 4; ++u)
        for (node_id v = 4; v < 8; ++v) b.add_edge(u, v);
    for (const auto& [u, v] : std::vector<std::pair<node_id, node_id>>{{0, 8}, {1, 8}, {2, 9}, {3, 9}})
        b.add_edge(u, v);
    const Graph g = std::move(b).build();
    const auto one = concor(g, {.splits = 1});
    EXPECT_EQ(one[0], 0);
    for (node_id u = 1; u < 4; ++u) EXPECT_EQ(one[static_cast<std::size_t>(u)], 0);
    for (node_id v = 4; v < 10; ++v) EXPECT_EQ(one[static_cast<std::size_t>(v)], 1);
    const auto two = concor(g, {.splits = 2});
    EXPECT_EQ(two[0], two[1]);
    EXPECT_EQ(two[2], two[3]);
    EXPECT_NE(two[0], two[2]);
    EXPECT_THROW(concor(g, {.cutoff = 1.0}), std::invalid_argument);
    EXPECT_THROW(concor(g, {.splits = -1}), std::invalid_argument);
    EXPECT_TRUE(concor(GraphBuilder(0).build()).empty());
}
