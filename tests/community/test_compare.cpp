#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "essnet/community/compare.hpp"

namespace essnet {
namespace {

using M = std::vector<std::int32_t>;
constexpr double tol = 1e-12;

// Naive mutual information from a std::map of cells, for the permutation oracle below.
double naive_mutual_information(const M& a, const M& b) {
    std::map<std::int32_t, double> pa, pb;
    std::map<std::pair<std::int32_t, std::int32_t>, double> pab;
    const double n = static_cast<double>(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        pa[a[i]] += 1 / n;
        pb[b[i]] += 1 / n;
        pab[{a[i], b[i]}] += 1 / n;
    }
    double mi = 0;
    for (const auto& [cell, p] : pab) mi += p * std::log(p / (pa[cell.first] * pb[cell.second]));
    return mi;
}

double naive_entropy(const M& a) {
    std::map<std::int32_t, double> p;
    for (const auto c : a) p[c] += 1.0 / static_cast<double>(a.size());
    double h = 0;
    for (const auto& [c, x] : p) h -= x * std::log(x);
    return h;
}

// Adjusted mutual information straight from its definition: the expected mutual information is
// the average over every permutation of the nodes of b (the permutation model of Vinh et al.).
double naive_adjusted_mutual_information(const M& a, const M& b) {
    std::vector<std::size_t> perm(b.size());
    std::iota(perm.begin(), perm.end(), 0);
    double sum = 0, count = 0;
    M shuffled(b.size());
    do {
        for (std::size_t i = 0; i < b.size(); ++i) shuffled[i] = b[perm[i]];
        sum += naive_mutual_information(a, shuffled);
        count += 1;
    } while (std::next_permutation(perm.begin(), perm.end()));
    const double emi = sum / count;
    return (naive_mutual_information(a, b) - emi) / ((naive_entropy(a) + naive_entropy(b)) / 2 - emi);
}

// a: {0,1,2} {3,4,5};  b: {0,1} {2,3} {4,5}
const M a6{0, 0, 0, 1, 1, 1};
const M b6{0, 0, 1, 1, 2, 2};

TEST(Compare, ContingencySparseCellsInOrderOfFirstAppearance) {
    // a labels 5, 9, 0 become rows 0, 1, 2; b labels 1, 2 become columns 0, 1.
    const auto t = contingency_table(M{5, 5, 9, 9, 0}, M{1, 2, 1, 1, 1});
    EXPECT_EQ(t.rows, 3);
    EXPECT_EQ(t.cols, 2);
    EXPECT_EQ(t.row, (M{0, 0, 1, 2}));
    EXPECT_EQ(t.col, (M{0, 1, 0, 0}));
    EXPECT_EQ(t.count, (std::vector<std::int64_t>{1, 1, 2, 1}));
    // Huge labels cost no memory.
    const auto big = contingency_table(M{2000000000, 7, 2000000000}, M{0, 0, 1});
    EXPECT_EQ(big.rows, 2);
    EXPECT_EQ(big.count, (std::vector<std::int64_t>{1, 1, 1}));
    const auto empty = contingency_table(M{}, M{});
    EXPECT_EQ(empty.rows, 0);
    EXPECT_TRUE(empty.count.empty());
}

TEST(Compare, HandComputed) {
    // Contingency [[2, 1, 0], [0, 1, 2]], n = 6. H(a) = ln 2, H(b) = ln 3.
    // I = 2 * (2/6) ln(6*2 / (3*2)) + 2 * (1/6) ln(6 / (3*2)) = (2/3) ln 2.
    const double mi = 2.0 / 3 * std::log(2.0);
    EXPECT_NEAR(normalized_mutual_information(a6, b6), 2 * mi / std::log(6.0), tol);  // igraph: 0.5158037429793888
    EXPECT_NEAR(variation_of_information(a6, b6), std::log(6.0) - 2 * mi, tol);       // igraph: 0.8675632284814612
    // Pairs: 15 in all, 6 together in a, 3 together in b, 2 together in both.
    // Rand = (15 - 6 - 3 + 2*2) / 15; ARI = (2 - 6*3/15) / ((6 + 3)/2 - 6*3/15) = 8/33.
    EXPECT_NEAR(rand_index(a6, b6), 10.0 / 15, tol);
    EXPECT_NEAR(adjusted_rand_index(a6, b6), 8.0 / 33, tol);
    // scikit-learn's adjusted_mutual_info_score: 0.2987924581708899.
    EXPECT_NEAR(adjusted_mutual_information(a6, b6), 0.2987924581708899, 1e-12);
    // Split-join: rows' largest cells 2 + 2, columns' 2 + 1 + 2; igraph: (2, 1).
    const auto sj = split_join_distance(a6, b6);
    EXPECT_EQ(sj.a_to_b, 2);
    EXPECT_EQ(sj.b_to_a, 1);
    EXPECT_EQ(sj.total(), 3);
}

TEST(Compare, AdjustedMutualInformationMatchesPermutationAverage) {
    const std::vector<std::pair<M, M>> cases = {
        {a6, b6},
        {{0, 0, 1, 1, 1, 2, 2, 0}, {1, 1, 1, 0, 0, 0, 2, 2}},  // scikit-learn: 0.07271978991886598
        {{0, 1, 2, 3, 0, 1, 2}, {0, 0, 0, 1, 1, 1, 1}},
        {{4, 4, 4, 4, 9, 9, 9}, {0, 1, 0, 1, 0, 1, 2}},
    };
    for (const auto& [a, b] : cases) {
        EXPECT_NEAR(adjusted_mutual_information(a, b), naive_adjusted_mutual_information(a, b), 1e-12);
        EXPECT_NEAR(adjusted_mutual_information(b, a), naive_adjusted_mutual_information(a, b), 1e-12);
    }
    EXPECT_NEAR(adjusted_mutual_information(cases[1].first, cases[1].second), 0.07271978991886598, 1e-12);
}

TEST(Compare, IdenticalPartitions) {
    const M a{3, 3, 1, 1, 1, 8};
    const M relabelled{0, 0, 5, 5, 5, 2};
    EXPECT_NEAR(normalized_mutual_information(a, relabelled), 1, tol);
    EXPECT_NEAR(adjusted_mutual_information(a, relabelled), 1, tol);
    EXPECT_NEAR(adjusted_rand_index(a, relabelled), 1, tol);
    EXPECT_NEAR(rand_index(a, relabelled), 1, tol);
    EXPECT_EQ(variation_of_information(a, relabelled), 0);
    EXPECT_EQ(split_join_distance(a, relabelled).total(), 0);
}

TEST(Compare, DegenerateCases) {
    for (const M& none : {M{}, M{4}}) {                           // no node, one node
        EXPECT_EQ(normalized_mutual_information(none, none), 1);  // igraph: 1
        EXPECT_EQ(adjusted_mutual_information(none, none), 1);    // scikit-learn: 1
        EXPECT_EQ(rand_index(none, none), 1);                     // scikit-learn: 1 (igraph: error)
        EXPECT_EQ(adjusted_rand_index(none, none), 1);            // scikit-learn: 1 (igraph: error)
        EXPECT_EQ(variation_of_information(none, none), 0);
        EXPECT_EQ(split_join_distance(none, none).total(), 0);
    }
    // Both trivial: igraph NMI 1, scikit-learn AMI 1, ARI 1 (igraph ARI: NaN).
    EXPECT_EQ(normalized_mutual_information(M{0, 0, 0}, M{1, 1, 1}), 1);
    EXPECT_EQ(adjusted_mutual_information(M{0, 0, 0}, M{1, 1, 1}), 1);
    EXPECT_EQ(adjusted_rand_index(M{0, 0, 0}, M{1, 1, 1}), 1);
    // Both all singletons: NMI 1 (igraph), ARI 1 (scikit-learn), AMI 1 by choice (0/0).
    EXPECT_NEAR(normalized_mutual_information(M{0, 1, 2, 3}, M{3, 2, 1, 0}), 1, tol);
    EXPECT_EQ(adjusted_rand_index(M{0, 1, 2, 3}, M{3, 2, 1, 0}), 1);
    EXPECT_EQ(adjusted_mutual_information(M{0, 1, 2, 3}, M{3, 2, 1, 0}), 1);
    // Trivial against singletons: no shared information, no agreeing pair (igraph, scikit-learn).
    const M trivial{0, 0, 0}, singletons{0, 1, 2};
    EXPECT_EQ(normalized_mutual_information(trivial, singletons), 0);
    EXPECT_EQ(adjusted_mutual_information(trivial, singletons), 0);
    EXPECT_EQ(adjusted_rand_index(trivial, singletons), 0);
    EXPECT_EQ(rand_index(trivial, singletons), 0);
    EXPECT_NEAR(variation_of_information(trivial, singletons), std::log(3.0), tol);
    EXPECT_EQ(split_join_distance(trivial, singletons).total(), 2);
    // One partition trivial, the other not (igraph: rand 1/3, scikit-learn AMI 0 and ARI 0).
    EXPECT_NEAR(rand_index(M{0, 0, 1, 1}, M{0, 0, 0, 0}), 1.0 / 3, tol);
    EXPECT_EQ(adjusted_mutual_information(M{0, 0, 1, 1}, M{0, 0, 0, 0}), 0);
    EXPECT_NEAR(adjusted_rand_index(M{0, 0, 1, 1}, M{0, 0, 0, 0}), 0, tol);
}

TEST(Compare, SymmetricAndInvariantUnderRelabelling) {
    std::uint64_t x = 2024;
    auto next = [&](std::uint32_t bound) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int32_t>((x >> 33) % bound);
    };
    M a(300), b(300);
    for (auto& c : a) c = next(7);
    for (auto& c : b) c = next(12);
    M a_relabelled = a;
    for (auto& c : a_relabelled) c = 1000 + 3 * (6 - c);  // a bijection of labels
    for (const auto f : {&normalized_mutual_information, &adjusted_mutual_information, &adjusted_rand_index,
                         &rand_index, &variation_of_information}) {
        EXPECT_NEAR(f(a, b), f(b, a), tol);
        EXPECT_NEAR(f(a, b), f(a_relabelled, b), tol);
    }
    // Random partitions share little: ARI and AMI near 0, NMI small but positive.
    EXPECT_LT(std::abs(adjusted_rand_index(a, b)), 0.05);
    EXPECT_LT(std::abs(adjusted_mutual_information(a, b)), 0.05);
}

TEST(Compare, Errors) {
    EXPECT_THROW(normalized_mutual_information(M{0, 1}, M{0}), std::invalid_argument);
    EXPECT_THROW(adjusted_rand_index(M{0, -1}, M{0, 1}), std::invalid_argument);
    EXPECT_THROW(contingency_table(M{0, 1}, M{0, -3}), std::invalid_argument);
    try {
        rand_index(M{0, 1}, M{0, -3});
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("b[1]"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace essnet
