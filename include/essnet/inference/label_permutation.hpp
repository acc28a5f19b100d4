// Permutation tests of node labels: is a statistic of a graph and an attribute of its nodes (the
// E-I index, assortativity, the modularity of a partition) further from chance than labels dealt
// at random to the same nodes would make it?
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/inference/permutations.hpp"

namespace essnet {

struct LabelPermutationOptions {
    /// Random relabellings; when at least n!, every permutation is taken once and the p-values
    /// are exact.
    std::int64_t permutations = 1000;
    std::uint64_t seed = 0;  ///< the same seed gives the same result on any number of threads
    ProgressHook progress{};
};

/// The statistic of the labels as given against its values when the labels are dealt to the nodes
/// by random permutations (node i gets labels[p(i)]): the graph stays, and so do the labels' counts.
/// `statistic` (std::span<const Label> -> double, one label per node) is called from several
/// threads at once. O(permutations (n + cost of the statistic)) time.
/// Throws std::invalid_argument for permutations < 1; what `statistic` throws is rethrown.
///
///     auto test = label_permutation_test<std::int32_t>(
///         country, [&](std::span<const std::int32_t> c) { return attribute_assortativity(g, c); });
template <class Label, class Statistic>
NullTestResult label_permutation_test(std::span<const Label> labels, Statistic&& statistic,
                                      const LabelPermutationOptions& options = {}) {
    if (options.permutations < 1)
        throw std::invalid_argument("label_permutation_test: permutations must be >= 1, got " +
                                    std::to_string(options.permutations));
    const auto n = static_cast<node_id>(labels.size());
    const detail::NodePermutations permutations(n, options.permutations, options.seed);
    NullTestResult result;
    result.observed = statistic(labels);
    detail::simulate_null(result, permutations.count(), options.progress, [&](std::int64_t r) {
        thread_local std::vector<node_id> p;
        std::vector<Label> permuted(labels.size());
        permutations.get(r, p);
        for (std::size_t i = 0; i < permuted.size(); ++i) permuted[i] = labels[static_cast<std::size_t>(p[i])];
        return statistic(std::span<const Label>(permuted));
    });
    result.exact = permutations.exact();
    return result;
}

}  // namespace essnet
