// Degree of every node.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

struct DegreeOptions {
    Direction direction = Direction::all;
};

/// Number of edges at each node, aligned with the graph's nodes. As in networkx, a multi-edge
/// counts once per edge and a self-loop counts 2 (once as out, once as in when directed).
/// O(n) time.
inline std::vector<std::int64_t> degree(const Graph& g, const DegreeOptions& options = {}) {
    std::vector<std::int64_t> d(static_cast<std::size_t>(g.num_nodes()));
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        if (!g.directed()) {
            d[static_cast<std::size_t>(u)] = g.out_degree(u);
            continue;
        }
        switch (options.direction) {
            case Direction::out:
                d[static_cast<std::size_t>(u)] = g.out_degree(u);
                break;
            case Direction::in:
                d[static_cast<std::size_t>(u)] = g.in_degree(u);
                break;
            case Direction::all:
                d[static_cast<std::size_t>(u)] = g.out_degree(u) + g.in_degree(u);
                break;
        }
    }
    return d;
}

/// Strength (weighted degree) of every node: the sum of the weights of its edges, as networkx's
/// degree(weight=...): a self-loop counts twice; 1 per edge for an unweighted graph. O(m).
inline std::vector<double> strength(const Graph& g, const DegreeOptions& options = {}) {
    std::vector<double> s(static_cast<std::size_t>(g.num_nodes()), 0.0);
    auto add = [&](node_id u, std::span<const edge_id> edges) {
        double total = 0;
        for (const edge_id e : edges) total += g.weight(e);
        s[static_cast<std::size_t>(u)] += total;
    };
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        if (!g.directed() || options.direction != Direction::in) add(u, g.out_edges(u));
        if (g.directed() && options.direction != Direction::out) add(u, g.in_edges(u));
    }
    return s;
}

}  // namespace essnet
