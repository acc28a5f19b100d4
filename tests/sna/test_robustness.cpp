#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

#include "essnet/centrality/degree.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/sna/robustness.hpp"
#include "essnet/sna/two_mode.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::vector<double> degrees(const Graph& g) {
    const auto d = degree(g);
    return {d.begin(), d.end()};
}

TEST(Robustness, RanksCorrelationsAndQuantilesByHand) {
    // Ranks from the top, ties at their best rank, NaN unranked (pandas' rank(ascending=False,
    // method="min")).
    const auto r = detail::min_ranks({3, 1, 3, nan, 2});
    EXPECT_EQ(r[0], 1);
    EXPECT_EQ(r[1], 4);
    EXPECT_EQ(r[2], 1);
    EXPECT_TRUE(std::isnan(r[3]));
    EXPECT_EQ(r[4], 3);
    // Spearman: 1 - 6 sum d^2 / (k (k^2 - 1)) without ties: 1 - 6 x 2 / 60 = 0.8.
    EXPECT_NEAR(detail::spearman({1, 2, 3, 4}, {1, 3, 2, 4}), 0.8, 1e-15);
    // With ties, Pearson's r of the mean ranks (1, 2.5, 2.5, 4) and (1, 2, 3, 4): 4.5 / sqrt(4.5 x 5).
    EXPECT_NEAR(detail::spearman({1, 2, 2, 3}, {1, 2, 3, 4}), 4.5 / std::sqrt(22.5), 1e-15);
    EXPECT_TRUE(std::isnan(detail::spearman({1, 1, 1}, {1, 2, 3})));  // constant side
    EXPECT_TRUE(std::isnan(detail::spearman({1}, {1})));
    // numpy.nanquantile([1, 2, nan, 3, 4], [0.05, 0.95]) = [1.15, 3.85].
    EXPECT_NEAR(detail::quantile({1, 2, nan, 3, 4}, 0.05), 1.15, 1e-15);
    EXPECT_NEAR(detail::quantile({1, 2, nan, 3, 4}, 0.95), 3.85, 1e-15);
    EXPECT_TRUE(std::isnan(detail::quantile({nan, nan}, 0.5)));
}

TEST(Robustness, PerturbationsDoWhatTheySay) {
    const Graph g = generate::erdos_renyi({.n = 2000, .m = 20000, .directed = false, .seed = 4});
    Rng rng(7);
    // Each tie dropped with probability 0.3: the count is binomial, within 5 standard deviations.
    const auto dropped = perturb(g, Perturbation::drop_ties, 0.3, rng);
    EXPECT_EQ(dropped.graph.num_nodes(), g.num_nodes());
    const double kept = static_cast<double>(dropped.graph.num_edges()) / 20000;
    EXPECT_NEAR(kept, 0.7, 5 * std::sqrt(0.21 / 20000));
    // round(0.25 x m) ties added between distinct nodes; the original ties all stay.
    const auto added = perturb(g, Perturbation::add_ties, 0.25, rng);
    EXPECT_EQ(added.graph.num_edges(), 25000);
    for (edge_id e = 0; e < added.graph.num_edges(); ++e) {
        EXPECT_NE(added.graph.edge_source(e), added.graph.edge_target(e));
        if (e < 20000) {
            EXPECT_EQ(added.graph.edge_source(e), g.edge_source(e));
        }
    }
    // Dropped actors: the survivors keep their names and their ties among themselves.
    const Graph named = make_graph(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
    const auto fewer = perturb(generate::erdos_renyi({.n = 500, .m = 2000, .directed = false, .seed = 1}),
                               Perturbation::drop_actors, 0.5, rng);
    std::int64_t alive = 0;
    for (const node_id at : fewer.position) alive += at >= 0;
    EXPECT_EQ(alive, fewer.graph.num_nodes());
    EXPECT_NEAR(static_cast<double>(alive) / 500, 0.5, 5 * std::sqrt(0.25 / 500));
    for (std::size_t u = 0; u < fewer.position.size(); ++u)
        if (fewer.position[u] >= 0) {
            EXPECT_EQ(fewer.graph.node_name(fewer.position[u]), std::to_string(u));
        }
    // share 0 changes nothing.
    for (const auto kind : {Perturbation::drop_ties, Perturbation::add_ties, Perturbation::drop_actors}) {
        const auto same = perturb(named, kind, 0.0, rng);
        EXPECT_EQ(same.graph.num_edges(), 4);
        EXPECT_EQ(same.graph.num_nodes(), 4);
    }
    EXPECT_THROW(perturb(g, Perturbation::drop_ties, 1.0, rng), std::invalid_argument);
}

TEST(Robustness, NothingPerturbedMeansNothingChanges) {
    const Graph g = generate::erdos_renyi({.n = 60, .m = 200, .directed = false, .seed = 2});
    const RobustnessResult r = robustness(g, degrees, {.share = 0.0, .runs = 5});
    const auto d = degrees(g);
    for (std::size_t u = 0; u < d.size(); ++u) {
        EXPECT_EQ(r.score[u], d[u]);
        EXPECT_EQ(r.score_low[u], d[u]);
        EXPECT_EQ(r.score_high[u], d[u]);
        EXPECT_EQ(r.rank_low[u], r.rank[u]);
        EXPECT_EQ(r.top_share[u], r.rank[u] <= 10 ? 1.0 : 0.0);
    }
    for (const double rho : r.rank_correlation) EXPECT_DOUBLE_EQ(rho, 1.0);
}

TEST(Robustness, SeededAndCheckedBySpearmanWrittenOut) {
    const Graph g = generate::barabasi_albert({.n = 300, .m = 3, .seed = 5});
    const RobustnessOptions options{.perturbation = Perturbation::drop_ties, .share = 0.2, .runs = 8, .seed = 11};
    const auto a = robustness(g, degrees, options);
    const auto b = robustness(g, degrees, options);
    EXPECT_EQ(a.rank_correlation, b.rank_correlation);
    EXPECT_NE(a.rank_correlation, robustness(g, degrees, {.share = 0.2, .runs = 8, .seed = 12}).rank_correlation);
    // Copy 3 rebuilt from its stream: the correlation is that of the degrees, computed here.
    Rng rng(11, 3);
    const auto copy = perturb(g, Perturbation::drop_ties, 0.2, rng);
    const auto observed = degrees(g), perturbed = degrees(copy.graph);
    EXPECT_NEAR(a.rank_correlation[3], detail::spearman(observed, perturbed), 1e-15);
    for (std::size_t u = 0; u < observed.size(); ++u) {
        EXPECT_LE(a.score_low[u], a.score_high[u]);
        EXPECT_LE(a.score_high[u], observed[u]);  // dropping ties never raises a degree
    }
}

TEST(Robustness, ParallelCopiesGiveTheSameResult) {
    const Graph g = generate::barabasi_albert({.n = 300, .m = 3, .seed = 5});
    RobustnessOptions options{.share = 0.2, .runs = 9, .seed = 4};
    const auto serial = robustness(g, degrees, options);
    options.parallel = true;
    const auto parallel = robustness(g, degrees, options);
    EXPECT_EQ(parallel.rank_correlation, serial.rank_correlation);
    EXPECT_EQ(parallel.score_low, serial.score_low);
    EXPECT_EQ(parallel.rank_high, serial.rank_high);
    EXPECT_EQ(parallel.top_share, serial.top_share);
    // A measure that fails on a copy fails the whole call, from whichever thread it ran on.
    auto fails_on_copies = [&](const Graph& h) {
        if (h.num_edges() < g.num_edges()) throw std::runtime_error("no copies");
        return degrees(h);
    };
    EXPECT_THROW(robustness(g, fails_on_copies, options), std::runtime_error);
    options.progress = [](double) { return false; };
    EXPECT_THROW(robustness(g, degrees, options), Cancelled);
}

TEST(Robustness, Errors) {
    const Graph g = make_graph(3, {{0, 1}});
    EXPECT_THROW(robustness(g, degrees, {.share = 1.0}), std::invalid_argument);
    EXPECT_THROW(robustness(g, degrees, {.runs = 0}), std::invalid_argument);
    EXPECT_THROW(robustness(g, degrees, {.interval = 0}), std::invalid_argument);
    EXPECT_THROW(robustness(g, degrees, {.top = 0}), std::invalid_argument);
    EXPECT_THROW(robustness(g, [](const Graph&) { return std::vector<double>{1.0}; }), std::invalid_argument);
    EXPECT_THROW(robustness(g, degrees, {.progress = [](double) { return false; }}), Cancelled);
}

TEST(TwoModeDensity, ByHand) {
    // Mode A = {0, 1}, mode B = {2, 3, 4}. Tied pairs across the modes: (0, 2) three times, (1, 3);
    // 0-1 lies inside A. 2 of 6 pairs.
    const std::vector<std::pair<node_id, node_id>> edges{{0, 2}, {0, 2}, {2, 0}, {1, 3}, {0, 1}};
    const std::vector<std::uint8_t> a{1, 1, 0, 0, 0};
    EXPECT_DOUBLE_EQ(two_mode_density(make_graph(5, edges), a), 2.0 / 6);
    EXPECT_DOUBLE_EQ(two_mode_density(make_graph(5, edges, {.directed = true}), a), 2.0 / 6);
    EXPECT_EQ(two_mode_density(make_graph(5, edges), std::vector<std::uint8_t>(5, 1)), 0.0);
    EXPECT_EQ(two_mode_density(Graph(), {}), 0.0);
    EXPECT_THROW(two_mode_density(make_graph(5, edges), std::vector<std::uint8_t>{1}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
