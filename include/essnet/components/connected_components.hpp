// Connected components (weakly connected components of a directed graph).
#pragma once

#include <cstdint>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

struct ComponentsResult {
    /// Component of each node, aligned with the graph's nodes. Components are numbered 0, 1, ...
    /// in order of their lowest node, as networkx's connected_components lists them.
    std::vector<std::int32_t> membership{};
    /// Number of nodes in each component.
    std::vector<std::int64_t> sizes{};
    std::int32_t count() const noexcept { return static_cast<std::int32_t>(sizes.size()); }
};

/// Connected components by breadth-first search over out- and in-arcs, so a directed graph gives
/// its weakly connected components. O(n + m) time, O(n) extra memory.
inline ComponentsResult connected_components(const Graph& g) {
    const auto n = static_cast<std::size_t>(g.num_nodes());
    ComponentsResult r;
    r.membership.assign(n, -1);
    std::vector<node_id> queue(n);
    for (node_id s = 0; s < g.num_nodes(); ++s) {
        if (r.membership[static_cast<std::size_t>(s)] >= 0) continue;
        const auto c = static_cast<std::int32_t>(r.sizes.size());
        std::size_t head = 0, tail = 0;
        queue[tail++] = s;
        r.membership[static_cast<std::size_t>(s)] = c;
        while (head < tail) {
            const node_id u = queue[head++];
            auto visit = [&](node_id v) {
                if (r.membership[static_cast<std::size_t>(v)] < 0) {
                    r.membership[static_cast<std::size_t>(v)] = c;
                    queue[tail++] = v;
                }
            };
            for (const node_id v : g.out_neighbors(u)) visit(v);
            if (g.directed())
                for (const node_id v : g.in_neighbors(u)) visit(v);
        }
        r.sizes.push_back(static_cast<std::int64_t>(tail));
    }
    return r;
}

}  // namespace essnet
