// Strongly connected components.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "essnet/components/connected_components.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

/// Strongly connected components: maximal sets of nodes that reach each other along arcs.
/// Tarjan (1972), "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), 146-160,
/// doi:10.1137/0201010, run with an explicit stack instead of recursion so that a path of millions
/// of nodes cannot overflow the call stack. For an undirected graph these are the connected
/// components.
///
/// Components are numbered 0, 1, ... in order of their lowest node, like connected_components, so
/// the result does not depend on the order of the search; as sets they are those of networkx's
/// strongly_connected_components. O(n + m) time, O(n) extra memory.
inline ComponentsResult strongly_connected_components(const Graph& g) {
    if (!g.directed()) return connected_components(g);
    const auto n = static_cast<std::size_t>(g.num_nodes());
    constexpr std::int32_t unvisited = -1;
    // Tarjan's bookkeeping: discovery order of each node, the lowest discovery order reachable
    // from its search subtree through at most one arc into the current stack, and that stack.
    std::vector<std::int32_t> order(n, unvisited), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<node_id> stack;
    // Depth-first search frames: a node and the next of its out-arcs to follow.
    struct Frame {
        node_id node{};
        arc_index next_arc{};
    };
    std::vector<Frame> frames;
    const auto offsets = g.offsets();
    const auto targets = g.targets();
    std::vector<std::int32_t> found(n, -1);  // component of each node, in order of completion
    std::int32_t next_order = 0, components_found = 0;

    auto discover = [&](node_id v) {
        const auto i = static_cast<std::size_t>(v);
        order[i] = low[i] = next_order++;
        stack.push_back(v);
        on_stack[i] = true;
        frames.push_back({v, offsets[i]});
    };

    for (node_id root = 0; root < g.num_nodes(); ++root) {
        if (order[static_cast<std::size_t>(root)] != unvisited) continue;
        discover(root);
        while (!frames.empty()) {
            const node_id v = frames.back().node;
            const auto vi = static_cast<std::size_t>(v);
            if (const arc_index a = frames.back().next_arc; a < offsets[vi + 1]) {
                ++frames.back().next_arc;
                const node_id w = targets[static_cast<std::size_t>(a)];
                const auto wi = static_cast<std::size_t>(w);
                if (order[wi] == unvisited)
                    discover(w);
                else if (on_stack[wi])
                    low[vi] = std::min(low[vi], order[wi]);
                continue;
            }
            // All arcs of v followed: v is finished.
            frames.pop_back();
            if (!frames.empty()) {
                const auto parent = static_cast<std::size_t>(frames.back().node);
                low[parent] = std::min(low[parent], low[vi]);
            }
            if (low[vi] == order[vi]) {  // v is the root of a component: pop it off the stack
                node_id w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[static_cast<std::size_t>(w)] = false;
                    found[static_cast<std::size_t>(w)] = components_found;
                } while (w != v);
                ++components_found;
            }
        }
    }

    // Renumber in order of lowest node.
    ComponentsResult r;
    r.membership.assign(n, -1);
    std::vector<std::int32_t> renumbered(static_cast<std::size_t>(components_found), -1);
    for (std::size_t v = 0; v < n; ++v) {
        auto& c = renumbered[static_cast<std::size_t>(found[v])];
        if (c < 0) {
            c = static_cast<std::int32_t>(r.sizes.size());
            r.sizes.push_back(0);
        }
        r.membership[v] = c;
        ++r.sizes[static_cast<std::size_t>(c)];
    }
    return r;
}

}  // namespace essnet
