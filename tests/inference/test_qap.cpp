// QAP correlation and regression: every permutation enumerated by hand on 5 actors, least squares
// by Eigen's QR, determinism across thread counts, and the errors.
#include <gtest/gtest.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "essnet/inference/qap.hpp"

using namespace essnet;

namespace {

DyadMatrix random_matrix(node_id n, std::uint64_t seed, bool symmetric) {
    Rng rng(seed);
    DyadMatrix m{n, std::vector<double>(static_cast<std::size_t>(n * n))};
    for (node_id i = 0; i < n; ++i)
        for (node_id j = 0; j < n; ++j) m.values[static_cast<std::size_t>(i * n + j)] = rng.uniform();
    if (symmetric)
        for (node_id i = 0; i < n; ++i)
            for (node_id j = 0; j < i; ++j) m.values[static_cast<std::size_t>(j * n + i)] = m.at(i, j);
    return m;
}

std::vector<double> values_over_pairs(const DyadMatrix& m, const std::vector<node_id>& p, bool directed) {
    std::vector<double> v;
    for (node_id i = 0; i < m.size; ++i)
        for (node_id j = 0; j < m.size; ++j)
            if (directed ? i != j : i > j)
                v.push_back(m.at(p[static_cast<std::size_t>(i)], p[static_cast<std::size_t>(j)]));
    return v;
}

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n, mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ab += (a[i] - ma) * (b[i] - mb);
        aa += (a[i] - ma) * (a[i] - ma);
        bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / std::sqrt(aa * bb);
}

// t-values of y on an intercept and the columns, by Householder QR.
Eigen::VectorXd t_values(const std::vector<double>& y, const std::vector<std::vector<double>>& columns) {
    const auto n = static_cast<Eigen::Index>(y.size());
    const auto k = static_cast<Eigen::Index>(columns.size() + 1);
    Eigen::MatrixXd x(n, k);
    x.col(0).setOnes();
    for (Eigen::Index c = 1; c < k; ++c)
        for (Eigen::Index i = 0; i < n; ++i)
            x(i, c) = columns[static_cast<std::size_t>(c - 1)][static_cast<std::size_t>(i)];
    const Eigen::VectorXd v = Eigen::Map<const Eigen::VectorXd>(y.data(), n);
    const Eigen::VectorXd beta = x.householderQr().solve(v);
    const double s2 = (v - x * beta).squaredNorm() / static_cast<double>(n - k);
    const Eigen::MatrixXd inverse = (x.transpose() * x).inverse();
    return beta.cwiseQuotient((inverse.diagonal() * s2).cwiseSqrt());
}

struct Shares {
    double lower, upper, two_sided;
};
Shares shares(double observed, const std::vector<double>& null) {
    const double slack = 1e-9 * std::max(1.0, std::abs(observed));
    double lower = 0, upper = 0, two = 0;
    for (const double v : null) {
        lower += v <= observed + slack;
        upper += v >= observed - slack;
        two += std::abs(v) >= std::abs(observed) - slack;
    }
    const double c = static_cast<double>(null.size());
    return {lower / c, upper / c, two / c};
}

}  // namespace

TEST(Qap, EveryPermutationOfFiveActorsGivesExactCorrelationPValues) {
    for (const bool directed : {true, false}) {
        const DyadMatrix a = random_matrix(5, 1, !directed), b = random_matrix(5, 2, !directed);
        std::vector<node_id> p{0, 1, 2, 3, 4};
        const double observed = correlation(values_over_pairs(a, p, directed), values_over_pairs(b, p, directed));
        std::vector<double> null;
        do
            null.push_back(
                correlation(values_over_pairs(a, {0, 1, 2, 3, 4}, directed), values_over_pairs(b, p, directed)));
        while (std::next_permutation(p.begin(), p.end()));
        const auto r = qap_correlation(a, b, {.directed = directed, .permutations = 120});
        EXPECT_TRUE(r.exact);
        EXPECT_EQ(r.permutations, 120);
        EXPECT_NEAR(r.estimate, observed, 1e-12);
        const Shares s = shares(observed, null);
        EXPECT_DOUBLE_EQ(r.p_lower, s.lower);
        EXPECT_DOUBLE_EQ(r.p_upper, s.upper);
        EXPECT_DOUBLE_EQ(r.p_two_sided, s.two_sided);
        EXPECT_FALSE(qap_correlation(a, b, {.directed = directed, .permutations = 119}).exact);
    }
}

TEST(Qap, PermuteYAndPermuteXEqualTheirDefinitionsOverEveryPermutation) {
    const DyadMatrix y = random_matrix(5, 3, false), a = random_matrix(5, 4, false), b = random_matrix(5, 5, false);
    const std::vector<node_id> identity{0, 1, 2, 3, 4};
    const auto vy = values_over_pairs(y, identity, true), va = values_over_pairs(a, identity, true),
               vb = values_over_pairs(b, identity, true);
    const Eigen::VectorXd observed = t_values(vy, {va, vb});
    std::vector<std::vector<double>> null_y(3), null_a, null_b;
    std::vector<double> by_a, by_b;
    std::vector<node_id> p = identity;
    do {
        const Eigen::VectorXd t = t_values(values_over_pairs(y, p, true), {va, vb});
        for (int c = 0; c < 3; ++c) null_y[static_cast<std::size_t>(c)].push_back(t(c));
        by_a.push_back(t_values(vy, {values_over_pairs(a, p, true), vb})(1));
        by_b.push_back(t_values(vy, {va, values_over_pairs(b, p, true)})(2));
    } while (std::next_permutation(p.begin(), p.end()));
    const auto fy = qap_regression(y, {a, b}, {.null = QapNull::permute_y});
    const auto fx = qap_regression(y, {a, b}, {.null = QapNull::permute_x});
    ASSERT_TRUE(fy.exact);
    for (int c = 0; c < 3; ++c) {
        EXPECT_NEAR(fy.terms[static_cast<std::size_t>(c)].t_value, observed(c), 1e-9 * std::abs(observed(c)));
        const Shares s = shares(observed(c), null_y[static_cast<std::size_t>(c)]);
        EXPECT_DOUBLE_EQ(fy.terms[static_cast<std::size_t>(c)].p_lower, s.lower) << c;
        EXPECT_DOUBLE_EQ(fy.terms[static_cast<std::size_t>(c)].p_two_sided, s.two_sided) << c;
    }
    const Shares sa = shares(observed(1), by_a), sb = shares(observed(2), by_b);
    EXPECT_DOUBLE_EQ(fx.terms[1].p_upper, sa.upper);
    EXPECT_DOUBLE_EQ(fx.terms[1].p_two_sided, sa.two_sided);
    EXPECT_DOUBLE_EQ(fx.terms[2].p_lower, sb.lower);
    EXPECT_DOUBLE_EQ(fx.terms[2].p_two_sided, sb.two_sided);
    EXPECT_DOUBLE_EQ(fx.terms[0].p_lower, 1.0);  // the constant never moves
    EXPECT_DOUBLE_EQ(fx.terms[0].p_upper, 1.0);
}

TEST(Qap, SameSeedSameResultsOnOneAndTwoThreads) {
    const DyadMatrix y = random_matrix(40, 6, false), a = random_matrix(40, 7, false), b = random_matrix(40, 8, false);
    const auto again = qap_regression(y, {a, b}, {.permutations = 300, .seed = 9});
    EXPECT_FALSE(again.exact);
    EXPECT_EQ(again.permutations, 300);
#ifdef _OPENMP
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    const auto one = qap_regression(y, {a, b}, {.permutations = 300, .seed = 9});
    const auto c1 = qap_correlation(y, a, {.permutations = 300, .seed = 9});
    omp_set_num_threads(2);
    const auto two = qap_regression(y, {a, b}, {.permutations = 300, .seed = 9});
    const auto c2 = qap_correlation(y, a, {.permutations = 300, .seed = 9});
    omp_set_num_threads(threads);
    for (std::size_t t = 0; t < 3; ++t) {
        EXPECT_EQ(one.terms[t].estimate, two.terms[t].estimate);
        EXPECT_EQ(one.terms[t].p_lower, two.terms[t].p_lower);
        EXPECT_EQ(one.terms[t].p_two_sided, two.terms[t].p_two_sided);
    }
    EXPECT_EQ(c1.p_upper, c2.p_upper);
#endif
}

TEST(Qap, ClassicalPValuesFollowStudentsT) {
    // y = 2 + 3 a + noise: the slope is significant, the classical p-values are those of Student's
    // t with dyads - 2 degrees of freedom, whose two-sided value is twice the smaller tail.
    const DyadMatrix a = random_matrix(12, 10, false);
    DyadMatrix y = random_matrix(12, 11, false);
    for (std::size_t i = 0; i < y.values.size(); ++i) y.values[i] = 2 + 3 * a.values[i] + 0.5 * y.values[i];
    const auto f = qap_regression(y, {a}, {.null = QapNull::classical});
    EXPECT_EQ(f.dyads, 132);
    EXPECT_EQ(f.residual_degrees_of_freedom, 130);
    EXPECT_EQ(f.permutations, 0);
    EXPECT_NEAR(f.terms[1].estimate, 3, 0.5);
    EXPECT_NEAR(f.terms[1].p_lower + f.terms[1].p_upper, 1, 1e-12);
    EXPECT_NEAR(f.terms[1].p_two_sided, 2 * std::min(f.terms[1].p_lower, f.terms[1].p_upper), 1e-12);
    EXPECT_LT(f.terms[1].p_upper, 1e-10);
    EXPECT_GT(f.r_squared, 0.8);
}

TEST(Qap, Errors) {
    const DyadMatrix y = random_matrix(6, 1, false), small = random_matrix(5, 2, false);
    EXPECT_THROW(qap_regression(y, {small}), std::invalid_argument);
    EXPECT_THROW(qap_regression(y, {y}, {.directed = false}), std::invalid_argument);  // not symmetric
    DyadMatrix constant{6, std::vector<double>(36, 4.0)};
    EXPECT_THROW(qap_regression(y, {constant}), std::invalid_argument);
    EXPECT_THROW(qap_correlation(y, constant), std::invalid_argument);
    EXPECT_THROW(qap_regression(y, {}, {.intercept = false}), std::invalid_argument);
    EXPECT_THROW(qap_correlation(y, y, {.permutations = 0}), std::invalid_argument);
    DyadMatrix missing = y;
    missing.values[1] = std::nan("");
    EXPECT_THROW(qap_correlation(missing, y), std::invalid_argument);
    const DyadMatrix one{1, {0.0}};
    EXPECT_THROW(qap_correlation(one, one), std::invalid_argument);
}

TEST(Qap, LogisticFitEqualsNewtonsMethodAndItsPermutationTest) {
    // Newton's method on the log-likelihood, written out here, reaches the same estimates as the
    // library's reweighted least squares; the z-values use the inverse information at the optimum.
    const node_id n = 7;
    const DyadMatrix a = random_matrix(n, 21, false);
    DyadMatrix y{n, std::vector<double>(static_cast<std::size_t>(n * n))};
    Rng rng(22);
    for (std::size_t i = 0; i < y.values.size(); ++i)
        y.values[i] = rng.uniform() < 1 / (1 + std::exp(-(-0.5 + 2 * a.values[i]))) ? 1.0 : 0.0;
    std::vector<node_id> identity(static_cast<std::size_t>(n));
    std::iota(identity.begin(), identity.end(), node_id{0});
    const auto vy = values_over_pairs(y, identity, true), va = values_over_pairs(a, identity, true);
    double b0 = 0, b1 = 0;
    Eigen::Matrix2d information;
    for (int step = 0; step < 100; ++step) {
        Eigen::Vector2d score(0, 0);
        information.setZero();
        for (std::size_t i = 0; i < vy.size(); ++i) {
            const double mu = 1 / (1 + std::exp(-(b0 + b1 * va[i])));
            const Eigen::Vector2d xi(1, va[i]);
            score += (vy[i] - mu) * xi;
            information += mu * (1 - mu) * xi * xi.transpose();
        }
        const Eigen::Vector2d delta = information.inverse() * score;
        b0 += delta(0);
        b1 += delta(1);
    }
    const auto f = qap_regression(y, {a}, {.family = QapFamily::logistic, .null = QapNull::classical});
    EXPECT_TRUE(f.converged);
    EXPECT_NEAR(f.terms[0].estimate, b0, 1e-6 * std::max(1.0, std::abs(b0)));
    EXPECT_NEAR(f.terms[1].estimate, b1, 1e-6 * std::max(1.0, std::abs(b1)));
    EXPECT_NEAR(f.terms[1].std_error, std::sqrt(information.inverse()(1, 1)), 1e-4 * f.terms[1].std_error);
    double deviance = 0;
    for (std::size_t i = 0; i < vy.size(); ++i) {
        const double mu = 1 / (1 + std::exp(-(b0 + b1 * va[i])));
        deviance -= 2 * (vy[i] * std::log(mu) + (1 - vy[i]) * std::log(1 - mu));
    }
    EXPECT_NEAR(f.deviance, deviance, 1e-6 * deviance);
    EXPECT_NEAR(f.aic, deviance + 4, 1e-6 * deviance);
    DyadMatrix not_binary = y;
    not_binary.values[1] = 0.5;
    EXPECT_THROW(qap_regression(not_binary, {a}, {.family = QapFamily::logistic}), std::invalid_argument);
}
