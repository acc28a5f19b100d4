// Comparison of two partitions of the same nodes: contingency table, mutual-information measures
// (NMI, AMI, variation of information), pair-counting measures (Rand, adjusted Rand) and the
// split-join distance.
//
// A partition is a membership vector: one non-negative label per node. Labels need not be
// contiguous (0, 7, 7, 3 is fine); only which nodes share a label matters. Logarithms are natural.
// Degenerate inputs (no nodes, one node, both partitions trivial) get the value that igraph's
// compare_communities or scikit-learn gives; each function says which.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "essnet/community/partition.hpp"

namespace essnet {

/// Sparse contingency table of two partitions: cell (row[i], col[i]) holds count[i] > 0 nodes.
/// Rows are the communities of the first partition and columns those of the second, each numbered
/// 0.. in order of first appearance in its membership vector. Only non-zero cells are stored,
/// sorted by row then column.
struct Contingency {
    std::vector<std::int32_t> row, col;
    std::vector<std::int64_t> count{};
    std::int32_t rows = 0, cols = 0;
};

/// Projection distances of the split-join distance (van Dongen 2000): `a_to_b` is the number of
/// nodes to move so that every community of `a` lies inside one community of `b`, and `b_to_a` the
/// reverse. Their sum is the split-join distance.
struct SplitJoinDistance {
    std::int64_t a_to_b = 0, b_to_a = 0;
    std::int64_t total() const noexcept { return a_to_b + b_to_a; }
};

namespace detail {

// Checks that a membership vector has no negative label.
inline void check_labels(std::span<const std::int32_t> labels, const char* parameter) {
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] < 0)
            throw std::invalid_argument(std::string(parameter) + "[" + std::to_string(i) + "] is negative (" +
                                        std::to_string(labels[i]) + ")");
}

inline void check_pair(std::span<const std::int32_t> a, std::span<const std::int32_t> b) {
    if (a.size() != b.size())
        throw std::invalid_argument("a and b must have the same length, got " + std::to_string(a.size()) + " and " +
                                    std::to_string(b.size()));
    check_labels(a, "a");
    check_labels(b, "b");
}

// Non-negative labels renumbered 0..count-1 in order of first appearance (see renumber).
struct DenseLabels {
    std::vector<std::int32_t> ids{};
    std::int32_t count = 0;
};

inline DenseLabels dense_labels(std::span<const std::int32_t> labels) {
    DenseLabels r;
    r.ids.assign(labels.begin(), labels.end());
    r.count = renumber(r.ids);
    return r;
}

// Row and column totals of a contingency table (the community sizes of a and of b).
struct Margins {
    std::vector<std::int64_t> row, col;
    std::int64_t n = 0;
};

inline Margins margins(const Contingency& t) {
    Margins m;
    m.row.assign(static_cast<std::size_t>(t.rows), 0);
    m.col.assign(static_cast<std::size_t>(t.cols), 0);
    for (std::size_t i = 0; i < t.count.size(); ++i) {
        m.row[static_cast<std::size_t>(t.row[i])] += t.count[i];
        m.col[static_cast<std::size_t>(t.col[i])] += t.count[i];
        m.n += t.count[i];
    }
    return m;
}

// Entropy -sum p log p of community sizes; exactly 0 for a single community.
inline double entropy(const std::vector<std::int64_t>& sizes, std::int64_t n) {
    double h = 0;
    for (const auto s : sizes) {
        const double p = static_cast<double>(s) / static_cast<double>(n);
        h -= p * std::log(p);
    }
    return h;
}

// Mutual information sum_ij (n_ij/n) log(n n_ij / (a_i b_j)) of a contingency table.
inline double mutual_information(const Contingency& t, const Margins& m) {
    const auto n = static_cast<double>(m.n);
    double mi = 0;
    for (std::size_t i = 0; i < t.count.size(); ++i) {
        const auto nij = static_cast<double>(t.count[i]);
        const auto ai = static_cast<double>(m.row[static_cast<std::size_t>(t.row[i])]);
        const auto bj = static_cast<double>(m.col[static_cast<std::size_t>(t.col[i])]);
        mi += nij / n * std::log(n * nij / (ai * bj));
    }
    return mi;
}

// Distinct values of `sizes` with their multiplicities.
inline std::vector<std::pair<std::int64_t, std::int64_t>> size_counts(std::vector<std::int64_t> sizes) {
    std::sort(sizes.begin(), sizes.end());
    std::vector<std::pair<std::int64_t, std::int64_t>> r;
    for (const auto s : sizes) {
        if (r.empty() || r.back().first != s) r.emplace_back(s, 0);
        ++r.back().second;
    }
    return r;
}

// Expected mutual information of two random partitions with the given community sizes under the
// hypergeometric (permutation) model, Vinh, Epps & Bailey (2010), eq. 24a, summed in log space as
// scikit-learn's expected_mutual_information does. The term of a cell depends only on its row and
// column sizes, so the double sum runs over distinct sizes (at most sqrt(2n) of each) weighted by
// their multiplicities instead of over all rows x columns.
inline double expected_mutual_information(const Margins& m) {
    const std::int64_t n = m.n;
    // log_factorial[k] = log k!
    std::vector<double> log_factorial(static_cast<std::size_t>(n) + 1);
    for (std::int64_t k = 0; k <= n; ++k)
        log_factorial[static_cast<std::size_t>(k)] = std::lgamma(static_cast<double>(k) + 1);
    auto lf = [&](std::int64_t k) { return log_factorial[static_cast<std::size_t>(k)]; };
    const double dn = static_cast<double>(n);
    const double log_n = std::log(dn);
    const auto row_sizes = size_counts(m.row);
    const auto col_sizes = size_counts(m.col);
    double emi = 0;
    for (const auto& [a, rows_of_size_a] : row_sizes) {
        for (const auto& [b, cols_of_size_b] : col_sizes) {
            // log of the hypergeometric probability's constant part: a! b! (n-a)! (n-b)! / n!
            const double log_constant = lf(a) + lf(b) + lf(n - a) + lf(n - b) - lf(n);
            const double log_ab = std::log(static_cast<double>(a)) + std::log(static_cast<double>(b));
            double cell = 0;
            for (std::int64_t nij = std::max<std::int64_t>(1, a + b - n); nij <= std::min(a, b); ++nij) {
                const double log_p = log_constant - lf(nij) - lf(a - nij) - lf(b - nij) - lf(n - a - b + nij);
                const double x = static_cast<double>(nij);
                cell += x / dn * (log_n + std::log(x) - log_ab) * std::exp(log_p);
            }
            emi += static_cast<double>(rows_of_size_a) * static_cast<double>(cols_of_size_b) * cell;
        }
    }
    return emi;
}

// Number of pairs k (k - 1) / 2 of k items.
inline std::int64_t pairs(std::int64_t k) {
    return k * (k - 1) / 2;
}

// Pair counts of two partitions: pairs of nodes together in a, together in b, together in both.
struct PairCounts {
    std::int64_t all = 0, in_a = 0, in_b = 0, in_both = 0;
};

inline PairCounts pair_counts(const Contingency& t, const Margins& m) {
    PairCounts p;
    p.all = pairs(m.n);
    for (const auto s : m.row) p.in_a += pairs(s);
    for (const auto s : m.col) p.in_b += pairs(s);
    for (const auto s : t.count) p.in_both += pairs(s);
    return p;
}

}  // namespace detail

/// Sparse contingency table of partitions `a` and `b` (see Contingency).
/// O(n log n) time, O(n) memory: only non-zero cells are stored, never rows x cols.
/// Throws std::invalid_argument when the lengths differ or a label is negative.
inline Contingency contingency_table(std::span<const std::int32_t> a, std::span<const std::int32_t> b) {
    detail::check_pair(a, b);
    const auto ra = detail::dense_labels(a);
    const auto rb = detail::dense_labels(b);
    // One 64-bit key per node, row in the high half: sorting groups equal cells in row-major order.
    std::vector<std::uint64_t> keys(a.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        keys[i] = (static_cast<std::uint64_t>(ra.ids[i]) << 32) | static_cast<std::uint32_t>(rb.ids[i]);
    std::sort(keys.begin(), keys.end());
    Contingency t;
    t.rows = ra.count;
    t.cols = rb.count;
    for (std::size_t i = 0; i < keys.size();) {
        std::size_t j = i;
        while (j < keys.size() && keys[j] == keys[i]) ++j;
        t.row.push_back(static_cast<std::int32_t>(keys[i] >> 32));
        t.col.push_back(static_cast<std::int32_t>(keys[i] & 0xffffffffu));
        t.count.push_back(static_cast<std::int64_t>(j - i));
        i = j;
    }
    return t;
}

/// Normalized mutual information of Danon, Díaz-Guilera, Duch & Arenas (2005),
/// J. Stat. Mech. P09008, doi:10.1088/1742-5468/2005/09/P09008: 2 I(a, b) / (H(a) + H(b)),
/// as igraph's compare_communities(method="nmi") and scikit-learn's normalized_mutual_info_score
/// (arithmetic mean). 1 when both entropies are 0 (no nodes, or both partitions trivial), as both.
/// O(n log n). Throws std::invalid_argument when the lengths differ or a label is negative.
inline double normalized_mutual_information(std::span<const std::int32_t> a, std::span<const std::int32_t> b) {
    const auto t = contingency_table(a, b);
    const auto m = detail::margins(t);
    const double h = detail::entropy(m.row, m.n) + detail::entropy(m.col, m.n);
    if (h == 0) return 1;
    return 2 * detail::mutual_information(t, m) / h;
}

/// Variation of information of Meilă (2007), J. Multivariate Anal. 98(5), 873-895,
/// doi:10.1016/j.jmva.2006.11.013: H(a) + H(b) - 2 I(a, b) in nats, as igraph's
/// compare_communities(method="vi"). 0 for identical partitions and for no nodes (a value that
/// rounding makes slightly negative is returned as 0). O(n log n).
/// Throws std::invalid_argument when the lengths differ or a label is negative.
inline double variation_of_information(std::span<const std::int32_t> a, std::span<const std::int32_t> b) {
    const auto t = contingency_table(a, b);
    const auto m = detail::margins(t);
    const double vi = detail::entropy(m.row, m.n) + detail::entropy(m.col, m.n) - 2 * detail::mutual_information(t, m);
    return std::max(vi, 0.0);
}

/// Adjusted mutual information of Vinh, Epps & Bailey (2010), J. Mach. Learn. Res. 11,
/// 2837-2854: (I - E[I]) / (mean(H(a), H(b)) - E[I]) with the arithmetic mean and the exact
/// expected mutual information E[I] under the permutation model, as scikit-learn's
/// adjusted_mutual_info_score with its default average_method="arithmetic" (it guards the
/// denominator against rounding the same way).
///
/// Degenerate cases: 1 for no nodes and when both partitions are trivial (one community each), as
/// scikit-learn; 1 when both partitions put every node alone (n >= 2), where the ratio is 0/0 and
/// scikit-learn returns rounding noise (0 or 1 depending on n); 0 when exactly one partition is trivial.
///
/// O(n log n + sum over distinct community sizes s of a and t of b of min(s, t)), which is at
/// most O(n^2) and usually far less; O(n) memory.
/// Throws std::invalid_argument when the lengths differ or a label is negative.
inline double adjusted_mutual_information(std::span<const std::int32_t> a, std::span<const std::int32_t> b) {
    const auto t = contingency_table(a, b);
    const auto m = detail::margins(t);
    const bool both_trivial = t.rows <= 1 && t.cols <= 1;
    const bool both_singletons = m.n >= 2 && t.rows == m.n && t.cols == m.n;
    if (both_trivial || both_singletons) return 1;
    if (t.rows == 1 || t.cols == 1) return 0;  // no information in one of them: I = E[I] = 0
    const double mi = detail::mutual_information(t, m);
    const double emi = detail::expected_mutual_information(m);
    const double mean_entropy = (detail::entropy(m.row, m.n) + detail::entropy(m.col, m.n)) / 2;
    // As scikit-learn: keep the denominator away from 0 with its sign, for rounding of E[I].
    constexpr double eps = std::numeric_limits<double>::epsilon();
    double denominator = mean_entropy - emi;
    denominator = denominator < 0 ? std::min(denominator, -eps) : std::max(denominator, eps);
    return (mi - emi) / denominator;
}

/// Rand index, Rand (1971), J. Am. Stat. Assoc. 66(336), 846-850, doi:10.2307/2284239: the share
/// of pairs of nodes on which the partitions agree (together in both or apart in both), as
/// igraph's compare_communities(method="rand") and scikit-learn's rand_score. 1 when there are
/// fewer than 2 nodes (no pairs), as scikit-learn; igraph raises an error there. O(n log n).
/// Throws std::invalid_argument when the lengths differ or a label is negative.
inline double rand_index(std::span<const std::int32_t> a, std::span<const std::int32_t> b) {
    const auto t = contingency_table(a, b);
    const auto p = detail::pair_counts(t, detail::margins(t));
    if (p.all == 0) return 1;
    const std::int64_t agreements = p.all - p.in_a - p.in_b + 2 * p.in_both;
    return static_cast<double>(agreements) / static_cast<double>(p.all);
}

/// Adjusted Rand index of Hubert & Arabie (1985), J. Classif. 2, 193-218, doi:10.1007/BF01908075:
/// the Rand index corrected for chance, as igraph's compare_communities(method="adjusted_rand")
/// and scikit-learn's adjusted_rand_score (computed, like the latter, from the pair confusion
/// matrix). When the chance-corrected ratio is 0/0 (fewer than 2 nodes, or both partitions trivial,
/// or both all singletons: identical partitions whose agreement is certain), returns 1 as
/// scikit-learn does; igraph returns NaN there. O(n log n).
/// Throws std::invalid_argument when the lengths differ or a label is negative.
inline double adjusted_rand_index(std::span<const std::int32_t> a, std::span<const std::int32_t> b) {
    const auto t = contingency_table(a, b);
    const auto p = detail::pair_counts(t, detail::margins(t));
    if (p.in_a == p.in_b && (p.in_a == 0 || p.in_a == p.all)) return 1;
    // Pair confusion matrix: together in both, only in a, only in b, apart in both.
    const auto together = static_cast<double>(p.in_both);
    const auto only_a = static_cast<double>(p.in_a - p.in_both);
    const auto only_b = static_cast<double>(p.in_b - p.in_both);
    const auto apart = static_cast<double>(p.all - p.in_a - p.in_b + p.in_both);
    return 2 * (together * apart - only_a * only_b) /
           ((together + only_a) * (only_a + apart) + (together + only_b) * (only_b + apart));
}

/// Split-join distance of van Dongen (2000), "Performance criteria for graph clustering and Markov
/// cluster experiments", CWI report INS-R0012: the two projection distances, as igraph's
/// split_join_distance (their sum is compare_communities(method="split-join")). O(n log n).
/// Throws std::invalid_argument when the lengths differ or a label is negative.
inline SplitJoinDistance split_join_distance(std::span<const std::int32_t> a, std::span<const std::int32_t> b) {
    const auto t = contingency_table(a, b);
    std::vector<std::int64_t> row_max(static_cast<std::size_t>(t.rows), 0),
        col_max(static_cast<std::size_t>(t.cols), 0);
    std::int64_t n = 0;
    for (std::size_t i = 0; i < t.count.size(); ++i) {
        auto& r = row_max[static_cast<std::size_t>(t.row[i])];
        auto& c = col_max[static_cast<std::size_t>(t.col[i])];
        r = std::max(r, t.count[i]);
        c = std::max(c, t.count[i]);
        n += t.count[i];
    }
    SplitJoinDistance d{n, n};
    for (const auto x : row_max) d.a_to_b -= x;
    for (const auto x : col_max) d.b_to_a -= x;
    return d;
}

}  // namespace essnet
