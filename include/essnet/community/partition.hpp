// A partition of a graph's nodes into communities.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

/// Community of each node (aligned with the graph's nodes, numbered 0..k-1) and the value of the
/// quality function the algorithm optimised.
struct Partition {
    std::vector<std::int32_t> membership{};
    double quality = 0;
    std::int32_t n_communities = 0;
};

namespace detail {

// Checks that a membership vector fits the graph: one non-negative label per node.
inline void check_membership(const Graph& g, std::span<const std::int32_t> membership, const char* parameter) {
    if (membership.size() != static_cast<std::size_t>(g.num_nodes()))
        throw std::invalid_argument(std::string(parameter) + " must have one value per node (" +
                                    std::to_string(g.num_nodes()) + "), got " + std::to_string(membership.size()));
    for (std::size_t v = 0; v < membership.size(); ++v)
        if (membership[v] < 0)
            throw std::invalid_argument(std::string(parameter) + "[" + std::to_string(v) + "] is negative (" +
                                        std::to_string(membership[v]) + ")");
}

// Renumbers non-negative labels 0..k-1 in order of first appearance; returns k. A table indexed by
// label when the largest label is small, a hash map otherwise, so that sparse labels (actor numbers
// in the billions, say) cost memory in proportion to the nodes, not to the largest label.
inline std::int32_t renumber(std::vector<std::int32_t>& membership) {
    std::int32_t max_label = -1;
    for (const auto c : membership) max_label = std::max(max_label, c);
    std::int32_t k = 0;
    if (static_cast<std::size_t>(max_label) < 2 * membership.size() + 1024) {
        std::vector<std::int32_t> id_of(static_cast<std::size_t>(max_label) + 1, -1);
        for (auto& c : membership) {
            auto& id = id_of[static_cast<std::size_t>(c)];
            if (id < 0) id = k++;
            c = id;
        }
    } else {
        std::unordered_map<std::int32_t, std::int32_t> id_of;
        for (auto& c : membership) {
            const auto [it, inserted] = id_of.try_emplace(c, k);
            if (inserted) ++k;
            c = it->second;
        }
    }
    return k;
}

}  // namespace detail
}  // namespace essnet
