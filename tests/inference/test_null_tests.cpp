// CUG tests and label permutation tests: what each null keeps, checked draw by draw against the
// observed graph; uniformity over the few graphs of tiny nulls, counted; p-values by enumerating
// every relabelling in the test; determinism across thread counts; errors raised by a statistic;
// bootstrap graphs against their documented draw, jackknife and bootstrap summaries by hand.
#include <gtest/gtest.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <vector>

#include "essnet/generate/generators.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/inference/cug.hpp"
#include "essnet/inference/label_permutation.hpp"
#include "essnet/inference/resampling.hpp"

using namespace essnet;

namespace {

// The adjacency of a graph as a set of ordered pairs of distinct nodes (both orders when undirected).
std::set<std::pair<node_id, node_id>> arcs(const Graph& g) {
    std::set<std::pair<node_id, node_id>> s;
    for (node_id u = 0; u < g.num_nodes(); ++u)
        for (const node_id v : g.out_neighbors(u))
            if (u != v) s.emplace(u, v);
    return s;
}

struct Census {
    std::int64_t mutual = 0, asymmetric = 0;
    bool operator==(const Census&) const = default;
};

Census census_by_hand(const Graph& g) {
    const auto a = arcs(g);
    Census c;
    for (node_id u = 0; u < g.num_nodes(); ++u)
        for (node_id v = u + 1; v < g.num_nodes(); ++v) {
            const bool uv = a.count({u, v}) > 0, vu = a.count({v, u}) > 0;
            c.mutual += uv && vu;
            c.asymmetric += uv != vu;
        }
    return c;
}

Graph graph_of(node_id n, bool directed, const std::vector<std::pair<node_id, node_id>>& edges) {
    GraphBuilder b(n, {.directed = directed});
    for (const auto& [u, v] : edges) b.add_edge(u, v);
    return std::move(b).build();
}

}  // namespace

TEST(Cug, EdgesNullKeepsTheDistinctTiesAndDrawsNoLoops) {
    // Parallel ties and a self-loop in the observed graph: 4 distinct ties between distinct nodes.
    const Graph g = graph_of(6, false, {{0, 1}, {0, 1}, {1, 2}, {2, 3}, {3, 3}, {4, 5}});
    for (std::int64_t d = 0; d < 50; ++d) {
        const Graph r = cug_null_graph(g, CugCondition::edges, 7, d);
        EXPECT_EQ(r.num_nodes(), 6);
        EXPECT_FALSE(r.directed());
        EXPECT_EQ(arcs(r).size(), 8u);  // 4 ties, both directions
        EXPECT_EQ(r.num_edges(), 4);    // and nothing else: no loops, no parallel ties
    }
}

TEST(Cug, DyadCensusNullKeepsMutualAndAsymmetricPairs) {
    const Graph g = generate::erdos_renyi({.n = 30, .m = 200, .directed = true, .seed = 3});
    const Census observed = census_by_hand(g);
    ASSERT_GT(observed.mutual, 5);
    for (std::int64_t d = 0; d < 30; ++d) {
        const Graph r = cug_null_graph(g, CugCondition::dyad_census, 1, d);
        EXPECT_TRUE(r.directed());
        EXPECT_EQ(census_by_hand(r), observed);
        EXPECT_EQ(static_cast<std::int64_t>(arcs(r).size()), r.num_edges());
    }
}

TEST(Cug, SizeNullHasDensityOneHalf) {
    const Graph g = graph_of(20, true, {{0, 1}});
    double ties = 0;
    const int draws = 200;
    for (std::int64_t d = 0; d < draws; ++d)
        ties += static_cast<double>(arcs(cug_null_graph(g, CugCondition::size, 5, d)).size());
    // 380 dyads x 200 draws, each present with probability 1/2: sd of the density 0.0018.
    EXPECT_NEAR(ties / (380.0 * draws), 0.5, 5 * 0.5 / std::sqrt(380.0 * draws));
}

TEST(Cug, DrawsAreUniformOverTheGraphsOfTheNull) {
    // Directed, 3 nodes, one mutual, one asymmetric and one null pair: 3 x 2 x 2 = 12 graphs.
    const Graph g = graph_of(3, true, {{0, 1}, {1, 0}, {1, 2}});
    std::map<std::set<std::pair<node_id, node_id>>, int> seen;
    const int draws = 12000;
    for (std::int64_t d = 0; d < draws; ++d) ++seen[arcs(cug_null_graph(g, CugCondition::dyad_census, 2, d))];
    EXPECT_EQ(seen.size(), 12u);
    for (const auto& [graph, count] : seen) EXPECT_NEAR(count, 1000, 5 * std::sqrt(1000.0 * 11 / 12));
    // Undirected, 4 nodes, 2 edges: C(6, 2) = 15 graphs.
    const Graph h = graph_of(4, false, {{0, 1}, {2, 3}});
    std::map<std::set<std::pair<node_id, node_id>>, int> seen_h;
    for (std::int64_t d = 0; d < 15000; ++d) ++seen_h[arcs(cug_null_graph(h, CugCondition::edges, 2, d))];
    EXPECT_EQ(seen_h.size(), 15u);
    for (const auto& [graph, count] : seen_h) EXPECT_NEAR(count, 1000, 5 * std::sqrt(1000.0 * 14 / 15));
}

TEST(Cug, PValuesCountTheDrawsOnEachSide) {
    const Graph g = graph_of(8, false, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {5, 6}});
    const auto count_ties = [](const Graph& x) { return static_cast<double>(arcs(x).size() / 2); };
    // Under the edges null every draw has the observed count: all ties.
    const NullTestResult same = cug_test(g, count_ties, {.condition = CugCondition::edges, .draws = 40});
    EXPECT_EQ(same.observed, 5);
    EXPECT_EQ(same.draws, 40);
    EXPECT_EQ(same.p_lower, 1);
    EXPECT_EQ(same.p_upper, 1);
    EXPECT_EQ(same.p_two_sided, 1);
    // Under the size null (28 pairs, about 14 ties each) 5 ties is far below nearly every draw.
    const NullTestResult size = cug_test(g, count_ties, {.draws = 200, .seed = 4});
    ASSERT_EQ(size.null.size(), 200u);
    double at_most = 0, at_least = 0, mean = 0;
    for (const double v : size.null) mean += v / 200;
    double as_far = 0;
    for (const double v : size.null) {
        at_most += v <= 5;
        at_least += v >= 5;
        as_far += std::abs(v - mean) >= std::abs(5 - mean);
    }
    EXPECT_EQ(size.p_lower, at_most / 200);
    EXPECT_EQ(size.p_upper, at_least / 200);
    EXPECT_EQ(size.p_two_sided, as_far / 200);
    EXPECT_LT(size.p_lower, 0.01);
    EXPECT_EQ(size.p_upper, 1);
    for (std::int64_t d = 0; d < 200; ++d)
        EXPECT_EQ(size.null[static_cast<std::size_t>(d)], count_ties(cug_null_graph(g, CugCondition::size, 4, d)));
}

TEST(Cug, SameSeedSameDrawsOnAnyThreadCount) {
    const Graph g = generate::erdos_renyi({.n = 40, .m = 100, .seed = 1});
    const auto ties_of_node_zero = [](const Graph& x) { return static_cast<double>(x.out_neighbors(0).size()); };
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = cug_test(g, ties_of_node_zero, {.condition = CugCondition::edges, .draws = 300, .seed = 8});
    omp_set_num_threads(2);
    const auto two = cug_test(g, ties_of_node_zero, {.condition = CugCondition::edges, .draws = 300, .seed = 8});
    omp_set_num_threads(threads);
    EXPECT_EQ(one.null, two.null);
    EXPECT_EQ(one.p_upper, two.p_upper);
#endif
    const auto other = cug_test(g, ties_of_node_zero, {.condition = CugCondition::edges, .draws = 300, .seed = 9});
    const auto again = cug_test(g, ties_of_node_zero, {.condition = CugCondition::edges, .draws = 300, .seed = 8});
    EXPECT_NE(other.null, again.null);
}

TEST(Cug, ErrorsOfTheStatisticAndOfTheOptions) {
    const Graph g = graph_of(5, false, {{0, 1}, {1, 2}});
    EXPECT_THROW(cug_test(g, [](const Graph&) { return 0.0; }, {.draws = 0}), std::invalid_argument);
    std::atomic<int> calls{0};
    const auto fails_on_draws = [&calls](const Graph&) -> double {
        if (calls++ > 0) throw std::domain_error("no statistic for this draw");
        return 1.0;
    };
    try {
        cug_test(g, fails_on_draws, {.draws = 20});
        FAIL() << "the statistic's error was not raised";
    } catch (const std::domain_error& e) {
        EXPECT_STREQ(e.what(), "no statistic for this draw");
    }
}

TEST(Cug, EmptyAndOneNodeGraphs) {
    const Graph empty = graph_of(0, false, {});
    const auto nodes = [](const Graph& x) { return static_cast<double>(x.num_nodes()); };
    const auto r = cug_test(empty, nodes, {.draws = 5});
    EXPECT_EQ(r.observed, 0);
    EXPECT_EQ(r.null, std::vector<double>(5, 0.0));
    const Graph one = graph_of(1, true, {{0, 0}});
    EXPECT_EQ(cug_null_graph(one, CugCondition::dyad_census, 0, 0).num_edges(), 0);
    EXPECT_EQ(cug_null_graph(one, CugCondition::edges, 0, 0).num_edges(), 0);
}

TEST(LabelPermutation, EnumeratesEveryRelabellingOfFiveNodes) {
    // A path 0-1-2-3-4 with labels a a b b a; the statistic counts the ties within a label.
    const std::vector<std::pair<int, int>> ties{{0, 1}, {1, 2}, {2, 3}, {3, 4}};
    const std::vector<std::int32_t> labels{0, 0, 1, 1, 0};
    const auto within = [&](std::span<const std::int32_t> l) {
        double c = 0;
        for (const auto& [u, v] : ties) c += l[static_cast<std::size_t>(u)] == l[static_cast<std::size_t>(v)];
        return c;
    };
    const NullTestResult r = label_permutation_test<std::int32_t>(labels, within, {.permutations = 120});
    EXPECT_TRUE(r.exact);
    EXPECT_EQ(r.draws, 120);
    EXPECT_EQ(r.observed, 2);
    // By hand: all 5! orders of the labels.
    std::vector<int> p{0, 1, 2, 3, 4};
    std::vector<double> all;
    do {
        std::vector<std::int32_t> l(5);
        for (int i = 0; i < 5; ++i)
            l[static_cast<std::size_t>(i)] = labels[static_cast<std::size_t>(p[static_cast<std::size_t>(i)])];
        all.push_back(within(l));
    } while (std::next_permutation(p.begin(), p.end()));
    const double mean = std::accumulate(all.begin(), all.end(), 0.0) / 120;
    double at_most = 0, at_least = 0, as_far = 0;
    for (const double v : all) {
        at_most += v <= 2;
        at_least += v >= 2;
        as_far += std::abs(v - mean) >= std::abs(2 - mean) - 1e-12;
    }
    EXPECT_DOUBLE_EQ(r.p_lower, at_most / 120);
    EXPECT_DOUBLE_EQ(r.p_upper, at_least / 120);
    EXPECT_DOUBLE_EQ(r.p_two_sided, as_far / 120);
    std::vector<double> sorted = r.null;
    std::sort(sorted.begin(), sorted.end());
    std::sort(all.begin(), all.end());
    EXPECT_EQ(sorted, all);
}

TEST(LabelPermutation, ExactRelabellingsComeInLexicographicOrder) {
    // Permutation r is the r-th that std::next_permutation reaches from the identity.
    for (const node_id n : {0, 1, 2, 6}) {
        std::int64_t total = 1;
        for (node_id k = 2; k <= n; ++k) total *= k;
        const detail::NodePermutations permutations(n, total, 7);
        ASSERT_TRUE(permutations.exact()) << n;
        ASSERT_EQ(permutations.count(), total);
        std::vector<node_id> expected(static_cast<std::size_t>(n)), got;
        std::iota(expected.begin(), expected.end(), node_id{0});
        for (std::int64_t r = 0; r < total; ++r) {
            permutations.get(r, got);
            ASSERT_EQ(got, expected) << "n " << n << ", permutation " << r;
            std::next_permutation(expected.begin(), expected.end());
        }
    }
    const detail::NodePermutations fewer(6, 719, 7);
    EXPECT_FALSE(fewer.exact());
    EXPECT_EQ(fewer.count(), 719);
    const detail::NodePermutations huge(1'000'000, 1000, 7);  // n! is never formed
    EXPECT_FALSE(huge.exact());
}

TEST(LabelPermutation, RandomRelabellingsKeepTheLabelsAndDoNotDependOnThreads) {
    std::vector<double> values(50);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(i % 7);
    // The statistic: the labels of the first ten nodes, summed; the multiset of labels must stay.
    const auto first_ten = [&values](std::span<const double> v) {
        std::vector<double> a(v.begin(), v.end()), b = values;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (a != b) throw std::logic_error("the labels changed");
        return std::accumulate(v.begin(), v.begin() + 10, 0.0);
    };
    const auto r = label_permutation_test<double>(values, first_ten, {.permutations = 400, .seed = 3});
    EXPECT_FALSE(r.exact);
    EXPECT_EQ(r.observed, 24);  // 0+1+...+6 + 0+1+2
    // Ten labels drawn without replacement from 50 whose mean is 147/50 and variance 4.0964: the
    // sum's mean is 29.4, its sd 5.78, the sd of the mean of 400 draws 0.29.
    double mean = 0;
    for (const double v : r.null) mean += v / 400;
    EXPECT_NEAR(mean, 29.4, 1.5);
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = label_permutation_test<double>(values, first_ten, {.permutations = 400, .seed = 3});
    omp_set_num_threads(threads);
    EXPECT_EQ(one.null, r.null);
#endif
    EXPECT_THROW(label_permutation_test<double>(values, first_ten, {.permutations = 0}), std::invalid_argument);
}

TEST(Resampling, BootstrapGraphTiesTheCopiesOfTiedNodes) {
    const Graph g = graph_of(6, true, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 4}, {0, 1}});
    for (std::int64_t d = 0; d < 20; ++d) {
        const Graph r = bootstrap_graph(g, 3, d);
        // The documented draw: node a stands for Rng(seed, d).below(n), in order of a.
        Rng rng(3, static_cast<std::uint64_t>(d));
        std::vector<node_id> source(6);
        for (auto& s : source) s = static_cast<node_id>(rng.below(6));
        std::multiset<std::pair<node_id, node_id>> expected, got;
        for (node_id a = 0; a < 6; ++a)
            for (node_id b = 0; b < 6; ++b)
                for (edge_id e = 0; e < g.num_edges(); ++e) {
                    const node_id u = g.edge_source(e), v = g.edge_target(e);
                    const auto sa = source[static_cast<std::size_t>(a)], sb = source[static_cast<std::size_t>(b)];
                    if (u == v ? (a == b && sa == u) : (sa == u && sb == v)) expected.emplace(a, b);
                }
        for (edge_id e = 0; e < r.num_edges(); ++e) got.emplace(r.edge_source(e), r.edge_target(e));
        EXPECT_EQ(got, expected) << d;
    }
}

TEST(Resampling, JackknifeAndBootstrapSummariesByHand) {
    // A star with 4 leaves and one more tie: the statistic counts ties.
    const Graph g = graph_of(5, false, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}});
    const auto ties = [](const Graph& x) { return static_cast<double>(x.num_edges()); };
    const ResamplingResult j = jackknife(g, ties);
    // Leaving out 0 keeps 1 tie, 1 or 2 keeps 3, 3 or 4 keeps 4: mean 3, squares 4+0+0+1+1.
    EXPECT_EQ(j.values, (std::vector<double>{1, 3, 3, 4, 4}));
    EXPECT_EQ(j.estimate, 5);
    EXPECT_DOUBLE_EQ(j.standard_error, std::sqrt(4.0 / 5 * 6));
    EXPECT_DOUBLE_EQ(j.bias, 4 * (3.0 - 5));
    EXPECT_NEAR(j.upper - j.estimate, 1.959963984540054 * j.standard_error, 1e-12);
    const ResamplingResult b = bootstrap(g, ties, {.draws = 201, .confidence = 0.9, .seed = 2});
    ASSERT_EQ(b.values.size(), 201u);
    std::vector<double> sorted = b.values;
    std::sort(sorted.begin(), sorted.end());
    // R's type 7: position h = (count - 1) p, linear between order statistics floor(h) and above.
    const auto type7 = [&sorted](double p) {
        const double h = 200 * p;
        const auto lo = static_cast<std::size_t>(std::floor(h));
        return sorted[lo] + (h - std::floor(h)) * (sorted[std::min<std::size_t>(lo + 1, 200)] - sorted[lo]);
    };
    EXPECT_DOUBLE_EQ(b.lower, type7(0.05));
    EXPECT_DOUBLE_EQ(b.upper, type7(0.95));
    const double mean = std::accumulate(b.values.begin(), b.values.end(), 0.0) / 201;
    double squares = 0;
    for (const double v : b.values) squares += (v - mean) * (v - mean);
    EXPECT_NEAR(b.standard_error, std::sqrt(squares / 200), 1e-12);
    EXPECT_NEAR(b.bias, mean - 5, 1e-12);
    for (std::int64_t d = 0; d < 201; ++d)
        EXPECT_EQ(b.values[static_cast<std::size_t>(d)], ties(bootstrap_graph(g, 2, d)));
    EXPECT_THROW(bootstrap(g, ties, {.draws = 1}), std::invalid_argument);
    EXPECT_THROW(jackknife(g, ties, {.confidence = 1.0}), std::invalid_argument);
    EXPECT_THROW(jackknife(graph_of(1, false, {}), ties), std::invalid_argument);
}
