// When two floating-point sums are the same number.
//
// Path lengths and weight sums are sums of floating-point weights, so two sums that are equal in
// exact arithmetic (0.333333 + 0.166667 and 0.5) can differ in their last bits. essnet counts values
// within a relative 1e-10 of each other as equal wherever ties matter (igraph's rule,
// igraph_cmp_epsilon): shortest paths in betweenness and its cutoffs, heaviest labels in label
// propagation.
#pragma once

#include <algorithm>
#include <cmath>

namespace essnet::detail {

/// Relative tolerance under which two sums of weights are the same value.
inline constexpr double tie_epsilon = 1e-10;

inline bool nearly_equal(double a, double b) {
    return std::abs(a - b) <= tie_epsilon * std::max(std::abs(a), std::abs(b));
}

}  // namespace essnet::detail
