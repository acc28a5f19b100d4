// k-core decomposition (Batagelj & Zaversnik 2003).
//
// Batagelj V., Zaversnik M. (2003). An O(m) algorithm for cores decomposition of networks.
// arXiv:cs/0310049.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

namespace detail {

// Calls f(w) once per distinct neighbour w != v in `nbrs` (sorted, so repeats are adjacent).
template <class F>
void for_each_distinct_other(std::span<const node_id> nbrs, node_id v, F&& f) {
    node_id previous = -1;
    for (const node_id w : nbrs) {
        if (w != v && w != previous) f(w);
        previous = w;
    }
}

}  // namespace detail

/// Core number of every node: the largest k such that the node belongs to a subgraph in which every
/// node has degree at least k. Degrees are those of the simple graph (parallel edges count once,
/// self-loops not at all); in a directed graph in- and out-neighbours both count, so a reciprocated
/// pair counts twice, as networkx's core_number computes it. Bucket algorithm of Batagelj &
/// Zaversnik: O(n + m) time, O(n) extra memory.
inline std::vector<std::int64_t> coreness(const Graph& g) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    std::vector<std::int64_t> deg(nn, 0);
    std::int64_t max_deg = 0;
#pragma omp parallel for schedule(dynamic, 1024) reduction(max : max_deg)
    for (node_id v = 0; v < n; ++v) {
        std::int64_t d = 0;
        detail::for_each_distinct_other(g.out_neighbors(v), v, [&](node_id) { ++d; });
        if (g.directed()) detail::for_each_distinct_other(g.in_neighbors(v), v, [&](node_id) { ++d; });
        deg[static_cast<std::size_t>(v)] = d;
        max_deg = std::max(max_deg, d);
    }
    // Nodes sorted by degree (bin sort), with the start of each degree's bin and each node's position.
    std::vector<std::int64_t> bin(static_cast<std::size_t>(max_deg) + 2, 0);
    for (const auto d : deg) ++bin[static_cast<std::size_t>(d) + 1];
    for (std::size_t d = 1; d < bin.size(); ++d) bin[d] += bin[d - 1];
    std::vector<node_id> order(nn);
    std::vector<std::int64_t> pos(nn);
    {
        std::vector<std::int64_t> next(bin.begin(), bin.end() - 1);
        for (node_id v = 0; v < n; ++v) {
            const auto p = next[static_cast<std::size_t>(deg[static_cast<std::size_t>(v)])]++;
            pos[static_cast<std::size_t>(v)] = p;
            order[static_cast<std::size_t>(p)] = v;
        }
    }
    auto lower = [&](node_id w, node_id v) {
        const auto wi = static_cast<std::size_t>(w);
        if (deg[wi] <= deg[static_cast<std::size_t>(v)]) return;
        // Move w to the front of its bin, then shrink the bin: w's degree drops by one.
        const auto dw = static_cast<std::size_t>(deg[wi]);
        const auto pw = pos[wi];
        const auto front = bin[dw];
        const node_id u = order[static_cast<std::size_t>(front)];
        if (u != w) {
            order[static_cast<std::size_t>(pw)] = u;
            pos[static_cast<std::size_t>(u)] = pw;
            order[static_cast<std::size_t>(front)] = w;
            pos[wi] = front;
        }
        ++bin[dw];
        --deg[wi];
    };
    for (std::size_t i = 0; i < nn; ++i) {
        const node_id v = order[i];
        detail::for_each_distinct_other(g.out_neighbors(v), v, [&](node_id w) { lower(w, v); });
        if (g.directed()) detail::for_each_distinct_other(g.in_neighbors(v), v, [&](node_id w) { lower(w, v); });
    }
    return deg;
}

}  // namespace essnet
