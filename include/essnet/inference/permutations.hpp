// What the permutation and conditional uniform graph tests share: relabellings of the actors, the
// result of a test against a simulated null distribution, and the parallel loop that draws it.
#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <numeric>
#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/core/types.hpp"

namespace essnet {

/// A statistic against its distribution under a null hypothesis, simulated by `draws` draws.
/// p_lower is the share of draws at most the observed value (sna's Pr(X<=Obs)), p_upper the share
/// at least it (Pr(X>=Obs)), p_two_sided the share at least as far from the mean of the draws as
/// the observed value. Values within a relative 1e-9 count as equal, so that the same number
/// computed by two routes is a tie. Draws where the statistic is undefined (NaN) are left out of
/// the shares; an undefined observed value gives NaN p-values.
struct NullTestResult {
    double observed = 0;
    std::vector<double> null{};  ///< the statistic of each draw, in draw order
    double p_lower = 1, p_upper = 1, p_two_sided = 1;
    std::int64_t draws = 0;  ///< length of `null`
    bool exact = false;      ///< every relabelling enumerated once: the p-values are exact
};

namespace detail {

// The relabellings of a permutation test: every one of the n! when `requested` reaches n! (in
// lexicographic order, the identity first), else `requested` drawn at random, permutation r by
// Fisher-Yates from Rng(seed, r), so that the draws do not depend on the number of threads.
class NodePermutations {
public:
    NodePermutations(node_id n, std::int64_t requested, std::uint64_t seed) : n_(n), seed_(seed) {
        // factorials_[k] = k!, up to n! or the first one beyond the request (before it overflows).
        factorials_.push_back(1);
        for (node_id k = 1; k <= n && factorials_.back() <= requested; ++k) {
            if (factorials_.back() > requested / k) break;
            factorials_.push_back(factorials_.back() * k);
        }
        exact_ = static_cast<node_id>(factorials_.size()) == n + 1 && factorials_.back() <= requested;
        count_ = exact_ ? factorials_.back() : requested;
    }
    std::int64_t count() const noexcept { return count_; }
    bool exact() const noexcept { return exact_; }
    // Permutation r into `p` (n entries).
    void get(std::int64_t r, std::vector<node_id>& p) const {
        const auto un = static_cast<std::size_t>(n_);
        p.resize(un);
        std::iota(p.begin(), p.end(), node_id{0});
        if (exact_) {
            // The r-th in lexicographic order, from r's digits in the factorial base: digit i picks
            // among the labels not yet placed. O(n^2), n being at most 20 here.
            std::int64_t rest = r;
            for (std::size_t i = 0; i + 1 < un; ++i) {
                const std::int64_t weight = factorials_[un - 1 - i];
                const auto digit = static_cast<std::size_t>(rest / weight);
                rest %= weight;
                std::rotate(p.begin() + static_cast<std::ptrdiff_t>(i),
                            p.begin() + static_cast<std::ptrdiff_t>(i + digit),
                            p.begin() + static_cast<std::ptrdiff_t>(i + digit + 1));
            }
            return;
        }
        Rng rng(seed_, static_cast<std::uint64_t>(r));
        shuffle(p, rng);
    }

private:
    node_id n_;
    std::uint64_t seed_;
    bool exact_ = false;
    std::int64_t count_ = 0;
    std::vector<std::int64_t> factorials_{};
};

// The p-values of a NullTestResult whose observed value and draws are set. Draws where the
// statistic is undefined (NaN) are left out; an undefined observed value, or no defined draw,
// gives NaN p-values.
inline void null_test_p_values(NullTestResult& r) {
    r.draws = static_cast<std::int64_t>(r.null.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    double mean = 0, defined = 0;
    for (const double v : r.null)
        if (!std::isnan(v)) mean += v, defined += 1;
    if (std::isnan(r.observed) || defined == 0) {
        r.p_lower = r.p_upper = r.p_two_sided = nan;
        return;
    }
    mean /= defined;
    const double slack = 1e-9 * std::max(1.0, std::abs(r.observed));
    const double distance = std::abs(r.observed - mean);
    std::int64_t at_most = 0, at_least = 0, as_far = 0;
    for (const double v : r.null) {
        if (std::isnan(v)) continue;
        at_most += v <= r.observed + slack;
        at_least += v >= r.observed - slack;
        as_far += std::abs(v - mean) >= distance - slack;
    }
    r.p_lower = static_cast<double>(at_most) / defined;
    r.p_upper = static_cast<double>(at_least) / defined;
    r.p_two_sided = static_cast<double>(as_far) / defined;
}

// Fills r.null with draw(d) for d in 0..count-1, in parallel; each draw depends on d alone, so the
// result does not depend on the number of threads. `draw` is called from several threads at once;
// the first exception it throws (by draw order) stops the loop and is rethrown.
template <class Draw>
void simulate_null(NullTestResult& r, std::int64_t count, const ProgressHook& progress, Draw&& draw) {
    r.null.assign(static_cast<std::size_t>(count), 0.0);
    ProgressReporter reporter(progress, count);
    std::atomic<bool> failed{false};
    std::int64_t first_failure = count;
    std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1)
    for (std::int64_t d = 0; d < count; ++d) {
        if (reporter.cancelled() || failed.load(std::memory_order_relaxed)) continue;
        try {
            r.null[static_cast<std::size_t>(d)] = draw(d);
        } catch (...) {
#pragma omp critical(essnet_simulate_null)
            if (d < first_failure) {
                first_failure = d;
                failure = std::current_exception();
            }
            failed = true;
        }
        reporter.advance();
    }
    if (failure) std::rethrow_exception(failure);
    reporter.finish();
    null_test_p_values(r);
}

}  // namespace detail

}  // namespace essnet
