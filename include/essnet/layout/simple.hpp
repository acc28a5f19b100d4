// Layouts by rule: circular and bipartite (two-mode data).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/graph/graph.hpp"
#include "essnet/layout/point.hpp"

namespace essnet {

struct CircularOptions {
    /// Nodes in the order they go round the circle; empty: node order. Must list every node once.
    std::vector<node_id> order{};
};

/// Every node on the unit circle, evenly spaced, counter-clockwise from (1, 0), in `order`: node k of
/// the order at angle 2 pi k / n, as networkx's circular_layout (with scale 1). One node sits at the
/// origin. O(n) time. Throws std::invalid_argument when `order` is not a permutation of the nodes.
inline std::vector<Point> circular(const Graph& g, const CircularOptions& options = {}) {
    const node_id n = g.num_nodes();
    std::vector<node_id> order = options.order;
    if (order.empty()) {
        order.resize(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), node_id{0});
    }
    std::vector<std::uint8_t> seen(static_cast<std::size_t>(n), 0);
    if (static_cast<std::int64_t>(order.size()) != n)
        throw std::invalid_argument("circular: order has " + std::to_string(order.size()) + " nodes, the graph " +
                                    std::to_string(n));
    for (const node_id u : order) {
        if (u < 0 || u >= n || seen[static_cast<std::size_t>(u)])
            throw std::invalid_argument("circular: order must list each node once; " + std::to_string(u) +
                                        " is out of range or repeated");
        seen[static_cast<std::size_t>(u)] = 1;
    }
    std::vector<Point> positions(static_cast<std::size_t>(n));
    if (n == 1) return positions;
    for (node_id k = 0; k < n; ++k) {
        const double angle = 2 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(n);
        positions[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])] = {std::cos(angle), std::sin(angle)};
    }
    return positions;
}

struct BipartiteOptions {
    /// Sweeps of the barycentre heuristic that orders each side to reduce crossings; 0 keeps node order.
    int sweeps = 8;
};

/// Two-mode data: the nodes with `first_side[u]` non-zero (actors, say) on the line x = 0, the others
/// (events) on x = 1, each side spread over y in [0, 1] (a single node at 0.5). Each side is ordered
/// by the barycentre heuristic of Sugiyama, Tagawa & Toda (1981, IEEE Trans. SMC 11(2)): sweep after
/// sweep, a side is sorted by the mean position of its nodes' neighbours on the other side (ties and
/// nodes without neighbours keep their place), which reduces the crossings between the two lines.
/// Ties within one side are drawn but not used for the order. O(sweeps (m + n log n)) time.
/// Throws std::invalid_argument when first_side does not have one entry per node.
inline std::vector<Point> bipartite(const Graph& g, std::span<const std::uint8_t> first_side,
                                    const BipartiteOptions& options = {}) {
    const node_id n = g.num_nodes();
    if (static_cast<std::int64_t>(first_side.size()) != n)
        throw std::invalid_argument("bipartite: first_side has " + std::to_string(first_side.size()) + " entries for " +
                                    std::to_string(n) + " nodes");
    if (options.sweeps < 0) throw std::invalid_argument("bipartite: sweeps must be >= 0");
    std::vector<node_id> sides[2];
    for (node_id u = 0; u < n; ++u) sides[first_side[static_cast<std::size_t>(u)] ? 0 : 1].push_back(u);
    std::vector<double> rank(static_cast<std::size_t>(n), 0.0);  // place of each node on its side
    auto number = [&](int s) {
        for (std::size_t k = 0; k < sides[s].size(); ++k)
            rank[static_cast<std::size_t>(sides[s][k])] = static_cast<double>(k);
    };
    number(0);
    number(1);
    std::vector<double> key(static_cast<std::size_t>(n), 0.0);
    for (int sweep = 0; sweep < options.sweeps; ++sweep) {
        const int s = (sweep + 1) % 2;  // the second side first: it follows the given order of the first
        for (const node_id u : sides[s]) {
            double total = 0;
            std::int64_t count = 0;
            auto add = [&](node_id v) {
                if ((first_side[static_cast<std::size_t>(v)] != 0) != (s == 0)) {
                    total += rank[static_cast<std::size_t>(v)];
                    ++count;
                }
            };
            for (const node_id v : g.out_neighbors(u)) add(v);
            if (g.directed())
                for (const node_id v : g.in_neighbors(u)) add(v);
            key[static_cast<std::size_t>(u)] =
                count > 0 ? total / static_cast<double>(count) : rank[static_cast<std::size_t>(u)];
        }
        std::stable_sort(sides[s].begin(), sides[s].end(), [&](node_id a, node_id b) {
            return key[static_cast<std::size_t>(a)] < key[static_cast<std::size_t>(b)];
        });
        number(s);
    }
    std::vector<Point> positions(static_cast<std::size_t>(n));
    for (int s = 0; s < 2; ++s) {
        const auto count = static_cast<double>(sides[s].size());
        for (std::size_t k = 0; k < sides[s].size(); ++k)
            positions[static_cast<std::size_t>(sides[s][k])] = {static_cast<double>(s),
                                                                count > 1 ? static_cast<double>(k) / (count - 1) : 0.5};
    }
    return positions;
}

}  // namespace essnet
