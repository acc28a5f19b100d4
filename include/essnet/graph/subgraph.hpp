// The subgraph induced by a set of nodes.
#pragma once

#include <algorithm>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/graph/builder.hpp"

namespace essnet {

/// The subgraph of g on `nodes` and every edge between two of them, in the parent's edge order,
/// with their weights and rows. Node i of the result is nodes[i]: it keeps the parent's name (its
/// number, written in decimal, when the parent has no names) and actor row.
/// Throws std::out_of_range for a node outside g and std::invalid_argument for a repeated node.
/// O(sum of the out-degrees of `nodes` + k log k) time for k kept edges.
inline Graph induced_subgraph(const Graph& g, std::span<const node_id> nodes) {
    const node_id n = g.num_nodes();
    std::vector<node_id> local(static_cast<std::size_t>(n), -1);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const node_id u = nodes[i];
        if (u < 0 || u >= n)
            throw std::out_of_range("induced_subgraph: node " + std::to_string(u) + " is not in 0.." +
                                    std::to_string(n - 1));
        if (local[static_cast<std::size_t>(u)] >= 0)
            throw std::invalid_argument("induced_subgraph: node " + std::to_string(u) + " is given twice");
        local[static_cast<std::size_t>(u)] = static_cast<node_id>(i);
    }
    // An undirected edge is seen from both ends (a self-loop twice at its node): collect ids, then
    // sort and drop repeats, which also restores the parent's edge order.
    std::vector<edge_id> kept;
    for (const node_id u : nodes) {
        const auto targets = g.out_neighbors(u);
        const auto edges = g.out_edges(u);
        for (std::size_t j = 0; j < targets.size(); ++j)
            if (local[static_cast<std::size_t>(targets[j])] >= 0) kept.push_back(edges[j]);
    }
    std::sort(kept.begin(), kept.end());
    kept.erase(std::unique(kept.begin(), kept.end()), kept.end());

    GraphBuilder b(static_cast<node_id>(nodes.size()), {.directed = g.directed(), .weighted = g.weighted()});
    b.reserve(kept.size());
    const auto rows = g.edge_rows();
    for (const edge_id e : kept)
        b.add_edge(local[static_cast<std::size_t>(g.edge_source(e))], local[static_cast<std::size_t>(g.edge_target(e))],
                   g.weight(e), rows.empty() ? e : rows[static_cast<std::size_t>(e)]);
    std::vector<std::string> names;
    names.reserve(nodes.size());
    for (const node_id u : nodes) names.push_back(g.node_name(u));
    b.set_node_names(std::move(names));
    if (!g.node_actors().empty()) {
        std::vector<std::int32_t> actors;
        actors.reserve(nodes.size());
        for (const node_id u : nodes) actors.push_back(g.node_actors()[static_cast<std::size_t>(u)]);
        b.set_node_actors(std::move(actors));
    }
    return std::move(b).build();
}

}  // namespace essnet
