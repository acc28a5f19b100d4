// QAP: permutation tests for dyadic data (Krackhardt 1987; Dekker, Krackhardt & Snijders 2007).
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/core/types.hpp"
#include "essnet/inference/permutations.hpp"

namespace essnet {

/// A square matrix of dyadic values, row-major: at(i, j) is the value of the pair from actor i to
/// actor j (a tie, its weight, or a dyadic attribute). The diagonal is never read.
struct DyadMatrix {
    node_id size = 0;
    std::vector<double> values;  ///< size x size, row-major

    double at(node_id i, node_id j) const {
        return values[static_cast<std::size_t>(i) * static_cast<std::size_t>(size) + static_cast<std::size_t>(j)];
    }
};

/// The null hypothesis of a QAP regression (sna's `netlm` names in brackets).
enum class QapNull {
    classical,    ///< ordinary least squares, Student's t ("classical")
    permute_y,    ///< rows and columns of y permuted together ("qapy")
    permute_x,    ///< each predictor's rows and columns permuted, the others held ("qapx")
    semipartial,  ///< Dekker et al.'s semi-partialling: each predictor's residual on the others permuted ("qapspp")
};

struct QapCorrelationOptions {
    /// Every ordered pair i != j counts (sna's mode "digraph"); false: each unordered pair once
    /// (mode "graph"), and the matrices must be symmetric.
    bool directed = true;
    /// Random permutations; when at least n! of them, every permutation of the n actors is taken
    /// once instead and the p-values are exact.
    std::int64_t permutations = 1000;
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

/// The model of a QAP regression: least squares (sna's `netlm`) or logistic (`netlogit`).
enum class QapFamily { linear, logistic };

struct QapRegressionOptions {
    bool directed = true;  ///< as in QapCorrelationOptions
    QapFamily family = QapFamily::linear;
    QapNull null = QapNull::semipartial;
    bool intercept = true;             ///< a constant term first
    std::int64_t permutations = 1000;  ///< as in QapCorrelationOptions; unused by the classical null
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

/// A statistic with its permutation p-values: the shares of the null statistics at most (p_lower)
/// and at least (p_upper) the observed one, and of those at least as large in absolute value
/// (p_two_sided), as sna reports them. Values within a relative 1e-9 count as equal.
struct QapCorrelationResult {
    double estimate = 0;
    double p_lower = 1, p_upper = 1, p_two_sided = 1;
    std::int64_t permutations = 0;  ///< null statistics drawn (n! when exact)
    bool exact = false;             ///< every permutation taken once
};

struct QapTerm {
    double estimate = 0, std_error = 0, t_value = 0;
    double p_lower = 1, p_upper = 1, p_two_sided = 1;  ///< of the t-value under the null
};

struct QapRegressionResult {
    std::vector<QapTerm> terms;                    ///< intercept first (when asked), then the predictors in order
    double r_squared = 0, adjusted_r_squared = 0;  ///< linear
    double residual_std_error = 0;                 ///< linear
    double deviance = 0, aic = 0, bic = 0;         ///< logistic: as R's glm and sna's netlogit
    bool converged = true;                         ///< logistic: the observed fit converged
    std::int64_t dyads = 0;                        ///< pairs in the fit
    std::int64_t residual_degrees_of_freedom = 0;
    std::int64_t permutations = 0;  ///< null fits per term (n! when exact, 0 when classical)
    bool exact = false;
};

namespace detail {

// The pairs a QAP statistic reads: every (i, j) with i != j, or each i > j once.
inline std::vector<std::pair<node_id, node_id>> qap_dyads(node_id n, bool directed) {
    std::vector<std::pair<node_id, node_id>> dyads;
    dyads.reserve(static_cast<std::size_t>(n) * static_cast<std::size_t>(std::max<node_id>(n - 1, 0)));
    for (node_id i = 0; i < n; ++i)
        for (node_id j = 0; j < n; ++j)
            if (directed ? i != j : i > j) dyads.emplace_back(i, j);
    return dyads;
}

inline void check_dyad_matrix(const DyadMatrix& m, node_id n, bool directed, const std::string& name) {
    if (m.size != n || m.values.size() != static_cast<std::size_t>(n) * static_cast<std::size_t>(n))
        throw std::invalid_argument(name + " must be a " + std::to_string(n) + " x " + std::to_string(n) +
                                    " matrix, got " + std::to_string(m.size) + " x " + std::to_string(m.size) +
                                    " with " + std::to_string(m.values.size()) + " values");
    for (node_id i = 0; i < n; ++i)
        for (node_id j = 0; j < n; ++j) {
            if (i == j) continue;
            if (!std::isfinite(m.at(i, j)))
                throw std::invalid_argument(name + " is not finite at (" + std::to_string(i) + ", " +
                                            std::to_string(j) + ")");
            if (!directed && m.at(i, j) != m.at(j, i))
                throw std::invalid_argument(name + " is not symmetric at (" + std::to_string(i) + ", " +
                                            std::to_string(j) + "); undirected QAP needs symmetric matrices");
        }
}

// The values of m over the dyads, with rows and columns relabelled by p: m(p_i, p_j).
inline void gather_dyads(const DyadMatrix& m, const std::vector<std::pair<node_id, node_id>>& dyads,
                         const std::vector<node_id>& p, std::vector<double>& out) {
    out.resize(dyads.size());
    for (std::size_t d = 0; d < dyads.size(); ++d)
        out[d] = m.at(p[static_cast<std::size_t>(dyads[d].first)], p[static_cast<std::size_t>(dyads[d].second)]);
}

// p-values of `observed` against the null statistics, ties within a relative 1e-9 counted as equal.
inline void permutation_p_values(double observed, const std::vector<double>& null, double& lower, double& upper,
                                 double& two_sided) {
    const double slack = 1e-9 * std::max(1.0, std::abs(observed));
    std::int64_t at_most = 0, at_least = 0, beyond = 0;
    for (const double v : null) {
        at_most += v <= observed + slack;
        at_least += v >= observed - slack;
        beyond += std::abs(v) >= std::abs(observed) - slack;
    }
    const auto count = static_cast<double>(std::max<std::size_t>(null.size(), 1));
    lower = static_cast<double>(at_most) / count;
    upper = static_cast<double>(at_least) / count;
    two_sided = static_cast<double>(beyond) / count;
}

inline double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    const auto n = static_cast<double>(a.size());
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : std::numeric_limits<double>::quiet_NaN();
}

// Least squares of y on the columns of X (dyads x k) by the normal equations: coefficients and
// their t-values. Returns false when X^T X is singular.
struct LeastSquares {
    Eigen::VectorXd coefficients, t_values, std_errors, inverse_diagonal;
    double rss = 0;

    bool fit(const Eigen::MatrixXd& xtx, const Eigen::VectorXd& xty, double yty, std::int64_t dyads) {
        const Eigen::LDLT<Eigen::MatrixXd> solver(xtx);
        if (solver.info() != Eigen::Success || !solver.isPositive()) return false;
        const Eigen::Index k = xtx.rows();
        coefficients = solver.solve(xty);
        rss = std::max(0.0, yty - coefficients.dot(xty));
        inverse_diagonal = solver.solve(Eigen::MatrixXd::Identity(k, k)).diagonal();
        const double variance = rss / static_cast<double>(dyads - k);
        std_errors = (inverse_diagonal * variance).cwiseSqrt();
        t_values = coefficients.cwiseQuotient(std_errors);
        return true;
    }
};

// Logistic regression by iteratively reweighted least squares, step for step as R's glm.fit with
// the binomial family: the start mu = (y + 1/2) / 2, R's clamped logit link, and convergence when
// the deviance changes by less than 1e-8 of itself (plus 0.1), at most 25 steps. The standard
// errors come from the weights of the last step, as R's. Products are plain dot products, so that
// the result does not depend on the number of threads.
struct LogisticFit {
    Eigen::VectorXd coefficients, z_values, std_errors;
    double deviance = 0;
    bool converged = false;

    bool fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
        constexpr double threshold = 30, epsilon = std::numeric_limits<double>::epsilon();
        const Eigen::Index n = x.rows(), k = x.cols();
        auto inverse_link = [&](double eta) {
            const double e = eta < -threshold ? epsilon : (eta > threshold ? 1 / epsilon : std::exp(eta));
            return e / (1 + e);
        };
        auto slope = [&](double eta) {
            const double e = 1 + std::exp(eta);
            return eta > threshold || eta < -threshold ? epsilon : std::exp(eta) / (e * e);
        };
        auto y_log_y = [](double a, double b) { return a != 0 ? a * std::log(a / b) : 0.0; };
        auto deviance_of = [&](const Eigen::VectorXd& mu) {
            double d = 0;
            for (Eigen::Index i = 0; i < n; ++i) d += 2 * (y_log_y(y(i), mu(i)) + y_log_y(1 - y(i), 1 - mu(i)));
            return d;
        };
        Eigen::VectorXd mu = (y.array() + 0.5) / 2, eta(n), z(n), w(n);
        for (Eigen::Index i = 0; i < n; ++i) eta(i) = std::log(mu(i) / (1 - mu(i)));
        double previous = deviance_of(mu);
        converged = false;
        Eigen::MatrixXd gram(k, k);
        Eigen::VectorXd rhs(k);
        for (int step = 0; step < 25; ++step) {
            for (Eigen::Index i = 0; i < n; ++i) {
                const double d = slope(eta(i));
                z(i) = eta(i) + (y(i) - mu(i)) / d;
                w(i) = d * d / (mu(i) * (1 - mu(i)));
            }
            for (Eigen::Index s = 0; s < k; ++s) {
                const Eigen::VectorXd weighted = x.col(s).cwiseProduct(w);
                rhs(s) = weighted.dot(z);
                for (Eigen::Index t = 0; t <= s; ++t) gram(s, t) = gram(t, s) = weighted.dot(x.col(t));
            }
            const Eigen::LDLT<Eigen::MatrixXd> solver(gram);
            if (solver.info() != Eigen::Success || !solver.isPositive()) return false;
            coefficients = solver.solve(rhs);
            std_errors = solver.solve(Eigen::MatrixXd::Identity(k, k)).diagonal().cwiseSqrt();
            eta.setZero();
            for (Eigen::Index s = 0; s < k; ++s) eta += coefficients(s) * x.col(s);
            for (Eigen::Index i = 0; i < n; ++i) mu(i) = inverse_link(eta(i));
            deviance = deviance_of(mu);
            if (!std::isfinite(deviance)) break;
            if (std::abs(deviance - previous) / (std::abs(deviance) + 0.1) < 1e-8) {
                converged = true;
                break;
            }
            previous = deviance;
        }
        z_values = coefficients.cwiseQuotient(std_errors);
        return true;
    }
};

}  // namespace detail

/// Graph correlation with its QAP test (Krackhardt 1987), as sna's `gcor` with `qaptest`: the
/// Pearson correlation of a and b over the dyads, and its p-values against the correlations after
/// relabelling the rows and columns of b by random permutations of the actors (every permutation
/// when `permutations` reaches n!, which makes the p-values exact). The same seed gives the same
/// p-values whatever the number of threads. O(permutations x n^2) time, O(n^2) memory per thread.
/// Throws std::invalid_argument for matrices of different sizes, values not finite off the diagonal,
/// asymmetric matrices when undirected, fewer than 2 actors, a constant matrix, or permutations < 1.
inline QapCorrelationResult qap_correlation(const DyadMatrix& a, const DyadMatrix& b,
                                            const QapCorrelationOptions& options = {}) {
    const node_id n = a.size;
    if (n < 2) throw std::invalid_argument("qap_correlation: needs at least 2 actors, got " + std::to_string(n));
    if (options.permutations < 1)
        throw std::invalid_argument("qap_correlation: permutations must be >= 1, got " +
                                    std::to_string(options.permutations));
    detail::check_dyad_matrix(a, n, options.directed, "qap_correlation: the first matrix");
    detail::check_dyad_matrix(b, n, options.directed, "qap_correlation: the second matrix");
    const auto dyads = detail::qap_dyads(n, options.directed);
    std::vector<node_id> identity(static_cast<std::size_t>(n));
    std::iota(identity.begin(), identity.end(), node_id{0});
    std::vector<double> va, vb;
    detail::gather_dyads(a, dyads, identity, va);
    detail::gather_dyads(b, dyads, identity, vb);
    QapCorrelationResult result;
    result.estimate = detail::pearson(va, vb);
    if (!std::isfinite(result.estimate))
        throw std::invalid_argument(
            "qap_correlation: a matrix is constant over the dyads; its correlation is undefined");
    const detail::NodePermutations permutations(n, options.permutations, options.seed);
    std::vector<double> null(static_cast<std::size_t>(permutations.count()));
    detail::ProgressReporter reporter(options.progress, permutations.count());
#pragma omp parallel
    {
        std::vector<node_id> p;
        std::vector<double> permuted;
#pragma omp for schedule(dynamic, 16)
        for (std::int64_t r = 0; r < permutations.count(); ++r) {
            if (reporter.cancelled()) continue;
            permutations.get(r, p);
            detail::gather_dyads(b, dyads, p, permuted);
            null[static_cast<std::size_t>(r)] = detail::pearson(va, permuted);
            reporter.advance();
        }
    }
    reporter.finish();
    detail::permutation_p_values(result.estimate, null, result.p_lower, result.p_upper, result.p_two_sided);
    result.permutations = permutations.count();
    result.exact = permutations.exact();
    return result;
}

/// QAP regression, as sna's `netlm` (test.statistic "t-value") and `netlogit` ("z-value"): least
/// squares, or logistic regression for a y of 0 and 1 (`family`), of the dyads of y on the dyads
/// of the predictors (after an intercept), and for each term the p-values of its t-value (its
/// z-value for the logistic family) under `null`:
/// - classical: Student's t with dyads - terms degrees of freedom (for the logistic family too, as
///   sna does);
/// - permute_y: y's rows and columns relabelled together (Krackhardt 1988), every term from the
///   same permutations;
/// - permute_x: the term's own matrix relabelled, the others held;
/// - semipartial (the default, sna's "qap"): the term's residual from the least squares on the
///   other terms is relabelled and put in its place (Dekker, Krackhardt & Snijders 2007), which
///   keeps the test right when predictors are correlated. With a single term it is permute_y, as in sna.
/// Permutations are drawn and counted as in qap_correlation; the intercept is tested like the others
/// (it never changes under permute_x). O(permutations x terms x n^2 x terms) time.
/// Throws std::invalid_argument for matrices of the wrong size, values not finite off the diagonal,
/// asymmetric matrices when undirected, no terms, as many terms as dyads, a predictor that is
/// constant or a linear combination of the others (named by its position), or a logistic y other
/// than 0 and 1. A logistic fit that does not converge in 25 steps (separated data) sets
/// `converged` false.
inline QapRegressionResult qap_regression(const DyadMatrix& y, const std::vector<DyadMatrix>& x,
                                          const QapRegressionOptions& options = {}) {
    const node_id n = y.size;
    if (n < 2) throw std::invalid_argument("qap_regression: needs at least 2 actors, got " + std::to_string(n));
    if (options.permutations < 1 && options.null != QapNull::classical)
        throw std::invalid_argument("qap_regression: permutations must be >= 1, got " +
                                    std::to_string(options.permutations));
    detail::check_dyad_matrix(y, n, options.directed, "qap_regression: y");
    for (std::size_t t = 0; t < x.size(); ++t)
        detail::check_dyad_matrix(x[t], n, options.directed, "qap_regression: x[" + std::to_string(t) + "]");
    // Every term as a matrix: the constant first when asked.
    std::vector<DyadMatrix> terms;
    if (options.intercept)
        terms.push_back({n, std::vector<double>(static_cast<std::size_t>(n) * static_cast<std::size_t>(n), 1.0)});
    terms.insert(terms.end(), x.begin(), x.end());
    const auto k = static_cast<Eigen::Index>(terms.size());
    if (k == 0) throw std::invalid_argument("qap_regression: no terms: give predictors or an intercept");
    const auto dyads = detail::qap_dyads(n, options.directed);
    const auto count = static_cast<std::int64_t>(dyads.size());
    if (count <= k)
        throw std::invalid_argument("qap_regression: " + std::to_string(k) + " terms need more than " +
                                    std::to_string(k) + " dyads, got " + std::to_string(count));
    std::vector<node_id> identity(static_cast<std::size_t>(n));
    std::iota(identity.begin(), identity.end(), node_id{0});
    Eigen::MatrixXd design(count, k);
    Eigen::VectorXd response(count);
    {
        std::vector<double> v;
        detail::gather_dyads(y, dyads, identity, v);
        response = Eigen::Map<const Eigen::VectorXd>(v.data(), count);
        for (Eigen::Index t = 0; t < k; ++t) {
            detail::gather_dyads(terms[static_cast<std::size_t>(t)], dyads, identity, v);
            design.col(t) = Eigen::Map<const Eigen::VectorXd>(v.data(), count);
        }
    }
    // The observed fit by pivoted QR (as R's lm), which also finds collinear predictors.
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design);
    if (qr.rank() < k) {
        // The first term that the earlier ones already span.
        for (Eigen::Index t = 1; t <= k; ++t) {
            const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> partial(design.leftCols(t));
            if (partial.rank() < t) {
                const Eigen::Index predictor = t - 1 - (options.intercept ? 1 : 0);
                throw std::invalid_argument("qap_regression: " +
                                            (predictor < 0
                                                 ? std::string("the intercept")
                                                 : "x[" + std::to_string(predictor) + "]" +
                                                       (options.intercept ? " is constant over the dyads or" : "") +
                                                       " is a linear combination of the terms before it"));
            }
        }
    }
    const bool logistic = options.family == QapFamily::logistic;
    if (logistic)
        for (std::size_t d = 0; d < dyads.size(); ++d)
            if (response(static_cast<Eigen::Index>(d)) != 0 && response(static_cast<Eigen::Index>(d)) != 1)
                throw std::invalid_argument("qap_regression: the logistic family needs y of 0 and 1, got " +
                                            std::to_string(response(static_cast<Eigen::Index>(d))) + " at (" +
                                            std::to_string(dyads[d].first) + ", " + std::to_string(dyads[d].second) +
                                            ")");
    QapRegressionResult result;
    result.dyads = count;
    result.residual_degrees_of_freedom = count - k;
    result.terms.resize(static_cast<std::size_t>(k));
    // Every fit by the normal equations, their products as plain dot products: Eigen's threaded
    // matrix products would make the last bits depend on the number of threads.
    Eigen::MatrixXd xtx(k, k);
    Eigen::VectorXd yt_design(k);
    for (Eigen::Index s = 0; s < k; ++s) {
        yt_design(s) = design.col(s).dot(response);
        for (Eigen::Index t = 0; t <= s; ++t) xtx(s, t) = xtx(t, s) = design.col(s).dot(design.col(t));
    }
    const double yty = response.squaredNorm();
    if (logistic) {
        detail::LogisticFit observed;
        observed.fit(design, response);
        result.converged = observed.converged;
        result.deviance = observed.deviance;
        result.aic = observed.deviance + 2 * static_cast<double>(k);
        result.bic = observed.deviance + static_cast<double>(k) * std::log(static_cast<double>(count));
        for (Eigen::Index t = 0; t < k; ++t)
            result.terms[static_cast<std::size_t>(t)] = {.estimate = observed.coefficients(t),
                                                         .std_error = observed.std_errors(t),
                                                         .t_value = observed.z_values(t)};
    } else {
        detail::LeastSquares observed;
        observed.fit(xtx, yt_design, yty, count);
        Eigen::VectorXd residuals = response;
        for (Eigen::Index t = 0; t < k; ++t) residuals -= observed.coefficients(t) * design.col(t);
        const double rss = residuals.squaredNorm();
        const double variance = rss / static_cast<double>(count - k);
        result.residual_std_error = std::sqrt(variance);
        // R^2 as R's summary.lm: against the mean with an intercept, against zero without.
        const double centre = options.intercept ? response.mean() : 0.0;
        const double tss = (response.array() - centre).square().sum();
        result.r_squared = tss > 0 ? 1 - rss / tss : 0.0;
        result.adjusted_r_squared = 1 - (1 - result.r_squared) *
                                            (static_cast<double>(count) - (options.intercept ? 1.0 : 0.0)) /
                                            static_cast<double>(count - k);
        for (Eigen::Index t = 0; t < k; ++t) {
            QapTerm& term = result.terms[static_cast<std::size_t>(t)];
            term.estimate = observed.coefficients(t);
            term.std_error = std::sqrt(observed.inverse_diagonal(t) * variance);  // from the residuals themselves
            term.t_value = term.estimate / term.std_error;
        }
    }
    if (options.null == QapNull::classical) {
        const boost::math::students_t student(static_cast<double>(count - k));
        for (QapTerm& term : result.terms) {
            if (!std::isfinite(term.t_value)) continue;
            term.p_lower = boost::math::cdf(student, term.t_value);
            term.p_upper = boost::math::cdf(boost::math::complement(student, term.t_value));
            term.p_two_sided = 2 * boost::math::cdf(boost::math::complement(student, std::abs(term.t_value)));
        }
        return result;
    }

    const QapNull null = options.null == QapNull::semipartial && k == 1 ? QapNull::permute_y : options.null;
    const detail::NodePermutations permutations(n, options.permutations, options.seed);
    const std::int64_t draws = permutations.count();
    result.permutations = draws;
    result.exact = permutations.exact();
    // null_t[t][r]: term t's t-value under permutation r.
    std::vector<std::vector<double>> null_t(static_cast<std::size_t>(k),
                                            std::vector<double>(static_cast<std::size_t>(draws)));
    detail::ProgressReporter reporter(options.progress, draws * (null == QapNull::permute_y ? 1 : k));

    // A pass relabels one matrix: y (every term's statistic read from each refit), or one term's own
    // matrix or its residual on the others (only that term's statistic read).
    std::vector<Eigen::Index> passes;  // -1: y
    if (null == QapNull::permute_y) passes.push_back(-1);
    for (Eigen::Index t = 0; t < k && null != QapNull::permute_y; ++t) passes.push_back(t);
    for (const Eigen::Index t : passes) {
        DyadMatrix moved = t < 0 ? y : terms[static_cast<std::size_t>(t)];
        if (null == QapNull::semipartial) {
            Eigen::MatrixXd others(count, k - 1);
            for (Eigen::Index s = 0, c = 0; s < k; ++s)
                if (s != t) others.col(c++) = design.col(s);
            const Eigen::VectorXd own = design.col(t);
            const Eigen::VectorXd residual = own - others * others.colPivHouseholderQr().solve(own);
            for (std::size_t d = 0; d < dyads.size(); ++d) {
                const auto [i, j] = dyads[d];
                const auto ui = static_cast<std::size_t>(i), uj = static_cast<std::size_t>(j);
                const auto un = static_cast<std::size_t>(n);
                moved.values[ui * un + uj] = residual(static_cast<Eigen::Index>(d));
                if (!options.directed) moved.values[uj * un + ui] = residual(static_cast<Eigen::Index>(d));
            }
        }
#pragma omp parallel
        {
            std::vector<node_id> p;
            std::vector<double> permuted;
            detail::LeastSquares fit;
            detail::LogisticFit logit;
            Eigen::MatrixXd local = logistic && t >= 0 ? design : Eigen::MatrixXd();
            Eigen::MatrixXd gram = xtx;
            Eigen::VectorXd xty = yt_design;
#pragma omp for schedule(dynamic, 8)
            for (std::int64_t r = 0; r < draws; ++r) {
                if (reporter.cancelled()) continue;
                permutations.get(r, p);
                detail::gather_dyads(moved, dyads, p, permuted);
                const Eigen::Map<const Eigen::VectorXd> v(permuted.data(), count);
                bool fitted;
                if (logistic) {
                    if (t >= 0) local.col(t) = v;
                    fitted = t < 0 ? logit.fit(design, v) : logit.fit(local, response);
                } else if (t < 0) {
                    for (Eigen::Index s = 0; s < k; ++s) xty(s) = design.col(s).dot(v);
                    fitted = fit.fit(xtx, xty, yty, count);
                } else {
                    // Only row and column t of X^T X, and entry t of X^T y, change.
                    for (Eigen::Index s = 0; s < k; ++s)
                        gram(t, s) = gram(s, t) = s == t ? v.squaredNorm() : design.col(s).dot(v);
                    xty(t) = v.dot(response);
                    fitted = fit.fit(gram, xty, yty, count);
                }
                const Eigen::VectorXd& statistics = logistic ? logit.z_values : fit.t_values;
                for (Eigen::Index s = t < 0 ? 0 : t; s < (t < 0 ? k : t + 1); ++s)
                    null_t[static_cast<std::size_t>(s)][static_cast<std::size_t>(r)] =
                        fitted ? statistics(s) : std::numeric_limits<double>::quiet_NaN();
                reporter.advance();
            }
        }
    }
    reporter.finish();
    for (Eigen::Index t = 0; t < k; ++t) {
        QapTerm& term = result.terms[static_cast<std::size_t>(t)];
        detail::permutation_p_values(term.t_value, null_t[static_cast<std::size_t>(t)], term.p_lower, term.p_upper,
                                     term.p_two_sided);
    }
    return result;
}

}  // namespace essnet
