// Closeness and harmonic centrality.
//
// Closeness: Bavelas (1950), Sabidussi (1966); for disconnected graphs the correction of
// Wasserman & Faust (1994), Social Network Analysis, p. 201. Harmonic: Marchiori & Latora (2000),
// Physica A 285:539-546, doi:10.1016/S0378-4371(00)00311-3; Boldi & Vigna (2014), Internet
// Mathematics 10:222-262, doi:10.1080/15427951.2013.865686.
//
// One breadth-first (or Dijkstra) search per node, in parallel, each thread with its own buffers;
// every node's score comes from its own search alone, so results do not depend on the thread count.
#pragma once

#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/paths/shortest_paths.hpp"

namespace essnet {

struct ClosenessOptions {
    /// Multiply by the share of other nodes that reach the node, (r - 1)/(n - 1), so that scores of
    /// nodes in different components compare (Wasserman & Faust; networkx's wf_improved).
    bool wf_improved = true;
    /// Use the graph's edge weights as lengths (Dijkstra) when it has them; otherwise hop counts.
    bool use_weights = true;
    ProgressHook progress{};
};

struct HarmonicOptions {
    /// Divide by n - 1, giving a score in [0, 1] (networkx does not normalize).
    bool normalized = false;
    bool use_weights = true;
    ProgressHook progress{};
};

namespace detail {

// Calls score(u, ws) with the distances *to* every node u (a search along in-arcs: from the nodes
// that reach u) in ws, and keeps what it returns as u's result.
template <class Score>
std::vector<double> per_node(const Graph& g, bool use_weights, const ProgressHook& hook, Score&& score) {
    std::vector<double> result(static_cast<std::size_t>(g.num_nodes()), 0.0);
    const ShortestPathOptions to_node{.use_weights = use_weights, .direction = Direction::in};
    search_from_every_node<NoState>(g, to_node, hook, [&](node_id u, const SearchWorkspace& ws, NoState&) {
        result[static_cast<std::size_t>(u)] = score(u, ws);
    });
    return result;
}

}  // namespace detail

/// Closeness centrality of every node, as networkx's closeness_centrality: (r - 1) / (sum of the
/// distances from the r - 1 other nodes that reach u), times (r - 1)/(n - 1) with wf_improved;
/// 0 for a node no other node reaches. In a directed graph the distances are those *to* u
/// (incoming paths), as in networkx. Aligned with the graph's nodes.
/// Time O(n m) unweighted, O(n (m + n) log n) weighted; memory O(n) per thread.
inline std::vector<double> closeness(const Graph& g, const ClosenessOptions& options = {}) {
    const double n = g.num_nodes();
    return detail::per_node(g, options.use_weights, options.progress,
                            [&](node_id u, const detail::SearchWorkspace& ws) {
                                double total = 0;
                                double reached = 0;
                                for (const node_id v : ws.seen) {
                                    if (v == u) continue;
                                    total += ws.dist[static_cast<std::size_t>(v)];
                                    reached += 1;
                                }
                                if (total <= 0 || n <= 1) return 0.0;
                                double c = reached / total;
                                if (options.wf_improved) c *= reached / (n - 1);
                                return c;
                            });
}

/// Harmonic centrality of every node, as networkx's harmonic_centrality: the sum of 1/d(v, u) over
/// the other nodes v (0 for those that do not reach u); distances *to* u in a directed graph.
///
/// Time O(n m) unweighted (one breadth-first search per node), O(n (m + n log n)) weighted
/// (Dijkstra), parallel over sources; memory O(n) per thread. Throws as closeness().
inline std::vector<double> harmonic(const Graph& g, const HarmonicOptions& options = {}) {
    const double n = g.num_nodes();
    return detail::per_node(g, options.use_weights, options.progress,
                            [&](node_id u, const detail::SearchWorkspace& ws) {
                                double total = 0;
                                for (const node_id v : ws.seen) {
                                    const double d = ws.dist[static_cast<std::size_t>(v)];
                                    if (v != u && d > 0) total += 1 / d;
                                }
                                return options.normalized ? (n > 1 ? total / (n - 1) : 0.0) : total;
                            });
}

}  // namespace essnet
