// The simple undirected adjacency that distance-based layouts work on.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet::detail {

// Each node's distinct neighbours for hop distances: direction ignored, self-loops and parallel ties dropped, sorted.
struct HopAdjacency {
    std::vector<std::int64_t> offsets;
    std::vector<node_id> targets;

    explicit HopAdjacency(const Graph& g) {
        const node_id n = g.num_nodes();
        std::vector<std::int64_t> degree(static_cast<std::size_t>(n) + 1, 0);
        for (edge_id e = 0; e < g.num_edges(); ++e) {
            const node_id u = g.edge_source(e), v = g.edge_target(e);
            if (u == v) continue;
            ++degree[static_cast<std::size_t>(u) + 1];
            ++degree[static_cast<std::size_t>(v) + 1];
        }
        for (std::size_t i = 1; i < degree.size(); ++i) degree[i] += degree[i - 1];
        std::vector<node_id> all(static_cast<std::size_t>(degree.back()));
        std::vector<std::int64_t> next(degree.begin(), degree.end() - 1);
        for (edge_id e = 0; e < g.num_edges(); ++e) {
            const node_id u = g.edge_source(e), v = g.edge_target(e);
            if (u == v) continue;
            all[static_cast<std::size_t>(next[static_cast<std::size_t>(u)]++)] = v;
            all[static_cast<std::size_t>(next[static_cast<std::size_t>(v)]++)] = u;
        }
        offsets.reserve(static_cast<std::size_t>(n) + 1);
        offsets.push_back(0);
        targets.reserve(all.size());
        for (node_id u = 0; u < n; ++u) {
            const auto first = all.begin() + degree[static_cast<std::size_t>(u)];
            const auto last = all.begin() + degree[static_cast<std::size_t>(u) + 1];
            std::sort(first, last);
            targets.insert(targets.end(), first, std::unique(first, last));
            offsets.push_back(static_cast<std::int64_t>(targets.size()));
        }
    }

    node_id size() const noexcept { return static_cast<node_id>(offsets.size() - 1); }
    std::span<const node_id> neighbours(node_id u) const noexcept {
        const auto i = static_cast<std::size_t>(u);
        return {targets.data() + offsets[i], static_cast<std::size_t>(offsets[i + 1] - offsets[i])};
    }

    // Hop distances from `source` into `distance` (n entries; unreachable: max of T), by BFS.
    template <class T>
    void hops_from(node_id source, std::span<T> distance, std::vector<node_id>& queue) const {
        std::fill(distance.begin(), distance.end(), std::numeric_limits<T>::max());
        queue.clear();
        queue.push_back(source);
        distance[static_cast<std::size_t>(source)] = 0;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const node_id u = queue[head];
            const T next_distance = static_cast<T>(distance[static_cast<std::size_t>(u)] + 1);
            for (const node_id v : neighbours(u))
                if (distance[static_cast<std::size_t>(v)] == std::numeric_limits<T>::max()) {
                    distance[static_cast<std::size_t>(v)] = next_distance;
                    queue.push_back(v);
                }
        }
    }
};

}  // namespace essnet::detail
