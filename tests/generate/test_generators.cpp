#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/centrality/degree.hpp"
#include "essnet/core/random.hpp"
#include "essnet/generate/generators.hpp"
#include "support/graphs.hpp"

namespace essnet::generate {
namespace {

std::vector<std::pair<node_id, node_id>> edge_list(const Graph& g) {
    std::vector<std::pair<node_id, node_id>> e;
    for (edge_id i = 0; i < g.num_edges(); ++i) e.emplace_back(g.edge_source(i), g.edge_target(i));
    return e;
}

bool is_simple(const Graph& g) {
    std::set<std::pair<node_id, node_id>> seen;
    for (auto [u, v] : edge_list(g)) {
        if (u == v) return false;
        if (!g.directed() && u > v) std::swap(u, v);
        if (!seen.emplace(u, v).second) return false;
    }
    return true;
}

TEST(Rng, KnownFirstValuesAndBounds) {
    // The streams are part of the seed contract: these values must never change.
    Rng a(42), b(42), c(43), d(42, 1);
    const auto first = a.next();
    EXPECT_EQ(first, b.next());
    EXPECT_NE(first, c.next());
    EXPECT_NE(first, d.next());
    Rng r(7);
    std::vector<int> counts(6, 0);
    for (int i = 0; i < 60000; ++i) ++counts[r.below(6)];
    for (const int k : counts) EXPECT_NEAR(k, 10000, 500);  // about 5 standard deviations
    for (int i = 0; i < 1000; ++i) {
        const double u = r.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
    }
    // Geometric(p) has mean (1 - p) / p.
    double sum = 0;
    for (int i = 0; i < 100000; ++i) sum += static_cast<double>(r.geometric(0.2));
    EXPECT_NEAR(sum / 100000, 4.0, 0.1);
}

TEST(ErdosRenyi, ExactEdgeCountSimpleAndSeeded) {
    for (const bool directed : {false, true}) {
        const Graph g = erdos_renyi({.n = 200, .m = 1500, .directed = directed, .seed = 3});
        EXPECT_EQ(g.num_nodes(), 200);
        EXPECT_EQ(g.num_edges(), 1500);
        EXPECT_EQ(g.directed(), directed);
        EXPECT_TRUE(is_simple(g));
        EXPECT_EQ(edge_list(g), edge_list(erdos_renyi({.n = 200, .m = 1500, .directed = directed, .seed = 3})));
        EXPECT_NE(edge_list(g), edge_list(erdos_renyi({.n = 200, .m = 1500, .directed = directed, .seed = 4})));
    }
    // Dense (drawn through the complement) and complete.
    EXPECT_TRUE(is_simple(erdos_renyi({.n = 30, .m = 400, .directed = false, .seed = 1})));
    EXPECT_EQ(erdos_renyi({.n = 30, .m = 435, .directed = false, .seed = 1}).num_edges(), 435);
    EXPECT_EQ(erdos_renyi({.n = 0, .m = 0}).num_nodes(), 0);
    EXPECT_EQ(erdos_renyi({.n = 1, .m = 0}).num_edges(), 0);
    EXPECT_THROW(erdos_renyi({.n = 10, .m = 46}), std::invalid_argument);
    EXPECT_THROW(erdos_renyi({.n = -1, .m = 0}), std::invalid_argument);
    EXPECT_THROW(erdos_renyi({.n = 10, .m = -1}), std::invalid_argument);
}

TEST(ErdosRenyi, EveryPairEquallyLikely) {
    // Over many draws of G(5, 3), each of the 10 pairs is an edge with probability 3/10.
    std::vector<int> hits(25, 0);
    const int draws = 20000;
    for (int s = 0; s < draws; ++s)
        for (auto [u, v] :
             edge_list(erdos_renyi({.n = 5, .m = 3, .directed = false, .seed = static_cast<std::uint64_t>(s)})))
            ++hits[std::min(u, v) * 5 + std::max(u, v)];
    for (int u = 0; u < 5; ++u)
        for (int v = u + 1; v < 5; ++v) EXPECT_NEAR(hits[u * 5 + v] / double(draws), 0.3, 0.02) << u << "," << v;
}

TEST(BarabasiAlbert, EdgeCountAndPowerLawTail) {
    const node_id n = 20000, m = 3;
    const Graph g = barabasi_albert({.n = n, .m = m, .seed = 11});
    EXPECT_EQ(g.num_edges(), m + static_cast<std::int64_t>(n - m - 1) * m);
    EXPECT_TRUE(is_simple(g));
    // The degree distribution of the BA model is P(k) = 2m(m+1) / (k(k+1)(k+2)) for k >= m
    // (Dorogovtsev, Mendes & Samukhin 2000; Bollobás et al. 2001): a k^-3 tail.
    std::vector<double> count(200, 0);
    for (const auto d : degree(g)) count[static_cast<std::size_t>(std::min<std::int64_t>(d, 199))] += 1;
    for (int k = m; k <= 12; ++k) {
        const double p = 2.0 * m * (m + 1) / (double(k) * (k + 1) * (k + 2));
        const double expected = p * n;
        EXPECT_NEAR(count[static_cast<std::size_t>(k)], expected, 5 * std::sqrt(expected) + 0.01 * n) << "k=" << k;
    }
    EXPECT_THROW(barabasi_albert({.n = 5, .m = 5}), std::invalid_argument);
    EXPECT_THROW(barabasi_albert({.n = 5, .m = 0}), std::invalid_argument);
}

TEST(StochasticBlockModel, BlockDensities) {
    const std::vector<node_id> sizes{300, 500};
    const std::vector<std::vector<double>> p{{0.05, 0.01}, {0.01, 0.02}};
    const auto r = stochastic_block_model({.sizes = sizes, .probabilities = p, .directed = false, .seed = 5});
    ASSERT_EQ(r.graph.num_nodes(), 800);
    EXPECT_EQ(std::count(r.block.begin(), r.block.end(), 0), 300);
    EXPECT_TRUE(is_simple(r.graph));
    double counts[2][2] = {{0, 0}, {0, 0}};
    for (auto [u, v] : edge_list(r.graph)) {
        const auto a = r.block[static_cast<std::size_t>(u)], b = r.block[static_cast<std::size_t>(v)];
        counts[std::min(a, b)][std::max(a, b)] += 1;
    }
    const double pairs[2][2] = {{300.0 * 299 / 2, 300.0 * 500}, {0, 500.0 * 499 / 2}};
    for (int a = 0; a < 2; ++a)
        for (int b = a; b < 2; ++b) {
            const double expected = pairs[a][b] * p[a][b];
            EXPECT_NEAR(counts[a][b], expected, 5 * std::sqrt(expected)) << a << b;  // 5 standard deviations
        }
    // Directed, all-or-nothing probabilities.
    const auto full =
        stochastic_block_model({.sizes = {3, 2}, .probabilities = {{1, 0}, {1, 0}}, .directed = true, .seed = 1});
    EXPECT_EQ(full.graph.num_edges(), 3 * 2 + 2 * 3);  // 3*2 inside block 0, block 1 -> block 0: 2*3
    EXPECT_THROW(
        stochastic_block_model({.sizes = {3, 2}, .probabilities = {{0.5, 0.1}, {0.2, 0.5}}, .directed = false}),
        std::invalid_argument);
    EXPECT_THROW(stochastic_block_model({.sizes = {3}, .probabilities = {{1.5}}}), std::invalid_argument);
    EXPECT_THROW(stochastic_block_model({.sizes = {3, 2}, .probabilities = {{0.5}}}), std::invalid_argument);
}

class LfrMixing : public testing::TestWithParam<double> {};

TEST_P(LfrMixing, MixingWithinTwoHundredthsOfMu) {
    const double mu = GetParam();
    const auto r = lfr({.n = 10000, .average_degree = 20, .max_degree = 50, .mu = mu, .seed = 17});
    EXPECT_TRUE(is_simple(r.graph));
    // Realised mixing, recomputed here from the edges and the communities.
    double external = 0;
    for (auto [u, v] : edge_list(r.graph))
        external += r.community[static_cast<std::size_t>(u)] != r.community[static_cast<std::size_t>(v)];
    const double mixing = external / static_cast<double>(r.graph.num_edges());
    EXPECT_NEAR(mixing, mu, 0.02);
    EXPECT_NEAR(r.mixing, mixing, 1e-12);
    // Average degree near the request; community sizes within bounds.
    EXPECT_NEAR(2.0 * r.graph.num_edges() / 10000.0, 20.0, 1.0);
    std::vector<int> sizes(*std::max_element(r.community.begin(), r.community.end()) + 1, 0);
    for (const auto c : r.community) ++sizes[static_cast<std::size_t>(c)];
    for (const int s : sizes) {
        EXPECT_GE(s, 20);
        EXPECT_LE(s, 100);
    }
    const auto d = degree(r.graph);
    EXPECT_LE(*std::max_element(d.begin(), d.end()), 50);
}
INSTANTIATE_TEST_SUITE_P(Mu, LfrMixing, testing::Values(0.1, 0.2, 0.3, 0.4, 0.5, 0.6));

TEST(Lfr, SeededAndErrors) {
    const auto a = lfr({.n = 500, .average_degree = 10, .max_degree = 30, .seed = 2});
    const auto b = lfr({.n = 500, .average_degree = 10, .max_degree = 30, .seed = 2});
    EXPECT_EQ(edge_list(a.graph), edge_list(b.graph));
    EXPECT_EQ(a.community, b.community);
    EXPECT_THROW(lfr({.mu = 1.5}), std::invalid_argument);
    EXPECT_THROW(lfr({.n = 1000, .min_community = 50, .max_community = 20}), std::invalid_argument);
    EXPECT_THROW(lfr({.n = 1000, .max_degree = 200, .mu = 0.1, .max_community = 100}), std::invalid_argument);
}

TEST(Rmat, SimpleSeededAndThreadCountIndependent) {
    const Graph g = rmat({.scale = 12, .edge_factor = 8, .seed = 9});
    EXPECT_EQ(g.num_nodes(), 4096);
    EXPECT_TRUE(is_simple(g));
    EXPECT_LE(g.num_edges(), 8 * 4096);
    EXPECT_GT(g.num_edges(), 4 * 4096);
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const Graph one = rmat({.scale = 12, .edge_factor = 8, .seed = 9});
    omp_set_num_threads(2);
    const Graph two = rmat({.scale = 12, .edge_factor = 8, .seed = 9});
    omp_set_num_threads(threads);
    EXPECT_EQ(edge_list(one), edge_list(two));
    EXPECT_EQ(edge_list(one), edge_list(g));
#endif
    const Graph raw =
        rmat({.scale = 10, .edge_factor = 4, .directed = true, .simple = false, .scramble = false, .seed = 1});
    EXPECT_EQ(raw.num_edges(), 4 * 1024);
    // Without scrambling, node 0 gets the most edge ends (quadrant a = 0.57 at every level).
    const auto d = degree(raw);
    EXPECT_EQ(std::max_element(d.begin(), d.end()) - d.begin(), 0);
    // Quadrant shares at the top level: sources in the lower half with probability c + d = 0.24.
    double lower = 0;
    for (edge_id e = 0; e < raw.num_edges(); ++e) lower += raw.edge_source(e) >= 512;
    EXPECT_NEAR(lower / raw.num_edges(), 0.24, 5 * std::sqrt(0.24 * 0.76 / raw.num_edges()));
    EXPECT_THROW(rmat({.scale = 0}), std::invalid_argument);
    EXPECT_THROW(rmat({.a = 0.9, .b = 0.2}), std::invalid_argument);
}

TEST(SocialEconomy, LabelledSyntheticWithDatedTies) {
    const ActorNetwork net = social_economy({.num_actors = 2000, .num_years = 10, .seed = 4});
    EXPECT_GE(net.num_actors(), 2000u);
    EXPECT_GT(net.num_ties(), 3000u);
    for (std::size_t a = 0; a < net.num_actors(); ++a) ASSERT_EQ(net.actors().name[a].rfind("Synthetic", 0), 0u);
    for (const auto& kind : usual_kinds()) EXPECT_NE(net.actors().kind.find(kind), CategoricalColumn::missing) << kind;
    for (const auto& rel : {"leads", "organized", "participated_in", "partnership", "member_of", "funded"})
        EXPECT_NE(net.ties().relation.find(rel), CategoricalColumn::missing) << rel;
    const auto& t = net.ties();
    for (std::size_t i = 0; i < t.size(); ++i) {
        ASSERT_NE(t.start_year[i], no_year);
        ASSERT_TRUE(t.end_year[i] == no_year || t.end_year[i] >= t.start_year[i]);
        ASSERT_EQ(t.provenance[i].rfind("synthetic", 0), 0u);
        ASSERT_NE(t.source[i], t.target[i]);
    }
    const ActorNetwork again = social_economy({.num_actors = 2000, .num_years = 10, .seed = 4});
    EXPECT_EQ(again.ties().source, t.source);
    EXPECT_EQ(again.ties().start_year, t.start_year);
    EXPECT_THROW(social_economy({.num_actors = 3}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet::generate
