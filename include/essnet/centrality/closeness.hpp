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

#include <algorithm>
#include <queue>
#include <vector>

#include "essnet/centrality/betweenness.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/graph/graph.hpp"

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

// Distances to u along in-arcs (from every node that reaches u), by BFS or Dijkstra: calls
// f(distance) for every node other than u that reaches it.
struct DistanceWorkspace {
    std::vector<double> dist{};
    std::vector<node_id> seen{};
    explicit DistanceWorkspace(node_id n) : dist(static_cast<std::size_t>(n), -1) {
        seen.reserve(static_cast<std::size_t>(n));
    }
};

template <class F>
void distances_to(const Graph& g, node_id u, bool weighted, DistanceWorkspace& ws, F&& f) {
    ws.seen.clear();
    ws.dist[static_cast<std::size_t>(u)] = 0;
    ws.seen.push_back(u);
    if (!weighted) {
        for (std::size_t head = 0; head < ws.seen.size(); ++head) {
            const node_id v = ws.seen[head];
            const double dv = ws.dist[static_cast<std::size_t>(v)];
            if (v != u) f(dv);
            for (const node_id w : g.in_neighbors(v)) {
                if (ws.dist[static_cast<std::size_t>(w)] >= 0) continue;
                ws.dist[static_cast<std::size_t>(w)] = dv + 1;
                ws.seen.push_back(w);
            }
        }
    } else {
        using Item = std::pair<double, node_id>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
        heap.emplace(0.0, u);
        while (!heap.empty()) {
            // Plain names, not a structured binding: lambdas below capture them (clang 14 refuses bindings).
            const double d = heap.top().first;
            const node_id v = heap.top().second;
            heap.pop();
            if (d > ws.dist[static_cast<std::size_t>(v)]) continue;
            if (v != u) f(d);
            const auto nbrs = g.in_neighbors(v);
            const auto edges = g.in_edges(v);
            for (std::size_t i = 0; i < nbrs.size(); ++i) {
                const node_id w = nbrs[i];
                const double dw = d + g.weight(edges[i]);
                double& cur = ws.dist[static_cast<std::size_t>(w)];
                if (cur >= 0 && dw >= cur) continue;
                if (cur < 0) ws.seen.push_back(w);
                cur = dw;
                heap.emplace(dw, w);
            }
        }
    }
    for (const node_id v : ws.seen) ws.dist[static_cast<std::size_t>(v)] = -1;
}

template <class Score>
std::vector<double> per_node(const Graph& g, const ProgressHook& hook, Score&& score) {
    const node_id n = g.num_nodes();
    std::vector<double> result(static_cast<std::size_t>(n), 0.0);
    ProgressReporter progress(hook, n);
#pragma omp parallel
    {
        DistanceWorkspace ws(n);
#pragma omp for schedule(dynamic, 16)
        for (node_id u = 0; u < n; ++u) {
            if (progress.cancelled()) continue;
            result[static_cast<std::size_t>(u)] = score(u, ws);
            progress.advance();
        }
    }
    progress.finish();
    return result;
}

}  // namespace detail

/// Closeness centrality of every node, as networkx's closeness_centrality: (r - 1) / (sum of the
/// distances from the r - 1 other nodes that reach u), times (r - 1)/(n - 1) with wf_improved;
/// 0 for a node no other node reaches. In a directed graph the distances are those *to* u
/// (incoming paths), as in networkx. Aligned with the graph's nodes.
/// Time O(n m) unweighted, O(n (m + n) log n) weighted; memory O(n) per thread.
inline std::vector<double> closeness(const Graph& g, const ClosenessOptions& options = {}) {
    const bool weighted = options.use_weights && g.weighted();
    const double n = g.num_nodes();
    return detail::per_node(g, options.progress, [&](node_id u, detail::DistanceWorkspace& ws) {
        double total = 0;
        double reached = 0;
        detail::distances_to(g, u, weighted, ws, [&](double d) {
            total += d;
            reached += 1;
        });
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
    const bool weighted = options.use_weights && g.weighted();
    const double n = g.num_nodes();
    return detail::per_node(g, options.progress, [&](node_id u, detail::DistanceWorkspace& ws) {
        double total = 0;
        detail::distances_to(g, u, weighted, ws, [&](double d) {
            if (d > 0) total += 1 / d;
        });
        return options.normalized ? (n > 1 ? total / (n - 1) : 0.0) : total;
    });
}

}  // namespace essnet
