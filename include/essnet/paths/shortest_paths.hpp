// Shortest paths: distances and predecessors from a source (breadth-first search, or Dijkstra 1959
// when weighted), one path or all shortest paths between two nodes, and distance matrices computed
// in parallel by blocks of sources.
//
// Weighted path lengths within a relative 1e-10 of each other count as equal (detail::nearly_equal,
// igraph's rule), so decimal weights (0.333333 + 0.166667 and 0.5) give the shortest paths of exact
// arithmetic, as betweenness counts them.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "essnet/centrality/betweenness.hpp"
#include "essnet/core/parallel.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/core/tolerance.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

inline constexpr double unreachable = std::numeric_limits<double>::infinity();
/// How many shortest paths all_shortest_paths lists before it refuses.
inline constexpr std::int64_t default_max_paths = 1'000'000;

struct ShortestPathOptions {
    /// Use the graph's edge weights as lengths (Dijkstra) when it has them; otherwise every edge is
    /// one step (breadth-first search). Weighted lengths must be positive: a tie of weight 0 makes
    /// two paths of one length differ by a cycle.
    bool use_weights = true;
    /// Which arcs of a directed graph a path follows: out (along the arcs, from the source), in
    /// (against them: paths that end at the source) or all (ignoring their direction).
    Direction direction = Direction::out;
    /// Nodes farther than this are not reached (their distance is infinite); none by default.
    double cutoff = unreachable;
};

/// Distances and shortest-path predecessors from one source.
struct SingleSourcePaths {
    node_id source = 0;
    /// Distance of every node from the source; `unreachable` (infinity) when no path reaches it.
    std::vector<double> distance{};
    /// Predecessors of node v on its shortest paths from the source: predecessor_nodes in
    /// [predecessor_offsets[v], predecessor_offsets[v + 1]), in increasing order, each once (a
    /// parallel edge adds no predecessor). Empty for the source and for unreached nodes.
    std::vector<std::int64_t> predecessor_offsets{};
    std::vector<node_id> predecessor_nodes{};
    /// The reached nodes in the order they were settled: by non-decreasing distance.
    std::vector<node_id> order{};

    std::span<const node_id> predecessors(node_id v) const {
        const auto b = predecessor_offsets[static_cast<std::size_t>(v)];
        const auto e = predecessor_offsets[static_cast<std::size_t>(v) + 1];
        return {predecessor_nodes.data() + b, static_cast<std::size_t>(e - b)};
    }
};

namespace detail {

inline void check_path_options(const Graph& g, const ShortestPathOptions& o) {
    if (o.cutoff != o.cutoff) throw std::invalid_argument("cutoff must be a number, got NaN");
    if (o.cutoff < 0) throw std::invalid_argument("cutoff must be non-negative, got " + std::to_string(o.cutoff));
    check_positive_weights(g, o.use_weights && g.weighted(), "a shortest-path search");
}

inline void check_node(const Graph& g, node_id u, const char* parameter) {
    if (u < 0 || u >= g.num_nodes())
        throw std::out_of_range(std::string(parameter) + ": node " + std::to_string(u) + " is not in 0.." +
                                std::to_string(g.num_nodes() - 1));
}

// Calls f(w, length) for every arc that a path may follow out of v.
template <class F>
void for_each_step(const Graph& g, node_id v, Direction direction, bool weighted, F&& f) {
    auto visit = [&](std::span<const node_id> nbrs, std::span<const edge_id> edges) {
        for (std::size_t i = 0; i < nbrs.size(); ++i) f(nbrs[i], weighted ? g.weight(edges[i]) : 1.0);
    };
    if (!g.directed() || direction == Direction::out) {
        visit(g.out_neighbors(v), g.out_edges(v));
    } else if (direction == Direction::in) {
        visit(g.in_neighbors(v), g.in_edges(v));
    } else {
        visit(g.out_neighbors(v), g.out_edges(v));
        visit(g.in_neighbors(v), g.in_edges(v));
    }
}

inline bool past_cutoff(double length, double cutoff) {
    return length > cutoff && !nearly_equal(length, cutoff);
}

// Distances from `source` into `dist` (which must hold `unreachable` everywhere on entry; the
// reached nodes are listed in `seen`, so that the caller can reset them), by BFS or Dijkstra.
struct SearchWorkspace {
    std::vector<double> dist{};
    std::vector<node_id> seen{};
    explicit SearchWorkspace(node_id n) : dist(static_cast<std::size_t>(n), unreachable) {
        seen.reserve(static_cast<std::size_t>(n));
    }
    void reset() {
        for (const node_id v : seen) dist[static_cast<std::size_t>(v)] = unreachable;
        seen.clear();
    }
};

inline void search(const Graph& g, node_id source, const ShortestPathOptions& o, SearchWorkspace& ws) {
    const bool weighted = o.use_weights && g.weighted();
    ws.dist[static_cast<std::size_t>(source)] = 0;
    ws.seen.push_back(source);
    if (!weighted) {
        for (std::size_t head = 0; head < ws.seen.size(); ++head) {
            const node_id v = ws.seen[head];
            const double next = ws.dist[static_cast<std::size_t>(v)] + 1;
            if (past_cutoff(next, o.cutoff)) continue;
            for_each_step(g, v, o.direction, false, [&](node_id w, double) {
                double& dw = ws.dist[static_cast<std::size_t>(w)];
                if (dw != unreachable) return;
                dw = next;
                ws.seen.push_back(w);
            });
        }
        return;
    }
    using Item = std::pair<double, node_id>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    heap.emplace(0.0, source);
    while (!heap.empty()) {
        const double d = heap.top().first;
        const node_id v = heap.top().second;
        heap.pop();
        if (d > ws.dist[static_cast<std::size_t>(v)]) continue;
        for_each_step(g, v, o.direction, true, [&](node_id w, double length) {
            const double dw = d + length;
            if (past_cutoff(dw, o.cutoff)) return;
            double& cur = ws.dist[static_cast<std::size_t>(w)];
            if (dw >= cur) return;
            if (cur == unreachable) ws.seen.push_back(w);
            cur = dw;
            heap.emplace(dw, w);
        });
    }
}

// Searches from every node in parallel, each thread with its own workspace and State: calls
// visit(source, workspace, state) after each search, then resets the workspace. Returns the
// threads' states, for the caller to merge. Reports progress, and throws Cancelled when asked to stop.
template <class State, class Visit>
std::vector<State> search_from_every_node(const Graph& g, const ShortestPathOptions& o, const ProgressHook& hook,
                                          Visit&& visit) {
    const node_id n = g.num_nodes();
    ProgressReporter progress(hook, n);
    const int threads = thread_count();
    std::vector<State> states(static_cast<std::size_t>(threads));
#pragma omp parallel num_threads(threads)
    {
        SearchWorkspace ws(n);
        State& state = states[static_cast<std::size_t>(thread_id())];
#pragma omp for schedule(dynamic, 8)
        for (node_id s = 0; s < n; ++s) {
            if (progress.cancelled()) continue;
            search(g, s, o, ws);
            visit(s, static_cast<const SearchWorkspace&>(ws), state);
            ws.reset();
            progress.advance();
        }
    }
    progress.finish();
    return states;
}

// The State of a search whose visit writes per-source results and merges nothing.
struct NoState {};

}  // namespace detail

/// Distances and every shortest-path predecessor from `source`. A predecessor u of v is a node with
/// an arc u -> v (as `direction` follows them) and distance(u) + length(u, v) equal to distance(v)
/// within a relative 1e-10. Self-loops never lie on a shortest path.
///
/// Time O(n + m) unweighted, O(m log n) weighted; memory O(n + m).
/// Throws std::out_of_range for a source outside the graph; std::invalid_argument for a NaN or
/// negative cutoff or, when weighted, an edge of weight 0 (named).
inline SingleSourcePaths single_source_paths(const Graph& g, node_id source, const ShortestPathOptions& options = {}) {
    detail::check_node(g, source, "source");
    detail::check_path_options(g, options);
    const bool weighted = options.use_weights && g.weighted();
    const auto n = static_cast<std::size_t>(g.num_nodes());
    SingleSourcePaths r;
    r.source = source;
    r.distance.assign(n, unreachable);
    detail::SearchWorkspace ws(g.num_nodes());
    detail::search(g, source, options, ws);
    for (const node_id v : ws.seen) r.distance[static_cast<std::size_t>(v)] = ws.dist[static_cast<std::size_t>(v)];
    r.order = ws.seen;
    std::stable_sort(r.order.begin(), r.order.end(), [&](node_id a, node_id b) {
        return r.distance[static_cast<std::size_t>(a)] < r.distance[static_cast<std::size_t>(b)];
    });
    // Predecessors: v is one of w's when a step v -> w is as long as the difference of distances.
    std::vector<std::vector<node_id>> preds(n);
    for (const node_id v : r.order) {
        const double dv = r.distance[static_cast<std::size_t>(v)];
        detail::for_each_step(g, v, options.direction, weighted, [&](node_id w, double length) {
            if (w == v) return;
            const double dw = r.distance[static_cast<std::size_t>(w)];
            if (dw == unreachable || w == source) return;
            const double through = dv + length;
            if (weighted ? detail::nearly_equal(through, dw) : through == dw)
                preds[static_cast<std::size_t>(w)].push_back(v);
        });
    }
    r.predecessor_offsets.assign(n + 1, 0);
    for (std::size_t v = 0; v < n; ++v) {
        auto& p = preds[v];
        std::sort(p.begin(), p.end());
        p.erase(std::unique(p.begin(), p.end()), p.end());
        r.predecessor_offsets[v + 1] = r.predecessor_offsets[v] + static_cast<std::int64_t>(p.size());
    }
    r.predecessor_nodes.reserve(static_cast<std::size_t>(r.predecessor_offsets[n]));
    for (const auto& p : preds) r.predecessor_nodes.insert(r.predecessor_nodes.end(), p.begin(), p.end());
    return r;
}

/// One shortest path from `source` to `target`, as its nodes from source to target; empty when no
/// path reaches the target (and {source} when they are the same node). Among equal paths it takes,
/// going back from the target, the predecessor of smallest node number at each step, so the answer
/// does not depend on the thread count or the order of the edges.
///
/// Time and memory as single_source_paths. Throws as single_source_paths, and std::out_of_range for
/// a target outside the graph.
inline std::vector<node_id> shortest_path(const Graph& g, node_id source, node_id target,
                                          const ShortestPathOptions& options = {}) {
    detail::check_node(g, target, "target");
    const SingleSourcePaths p = single_source_paths(g, source, options);
    if (p.distance[static_cast<std::size_t>(target)] == unreachable) return {};
    std::vector<node_id> path{target};
    for (node_id v = target; v != source;) {
        v = p.predecessors(v).front();
        path.push_back(v);
    }
    std::reverse(path.begin(), path.end());
    return path;
}

/// Every shortest path from `source` to `target`, each as its nodes from source to target, in
/// lexicographic order of their node numbers; empty when none reaches the target. Parallel edges
/// do not multiply paths. Their number can grow exponentially with the length: more than
/// `max_paths` throws std::length_error rather than filling the memory.
///
/// Time O(m log n) for the search plus O(paths x length); memory O(n + m + paths x length).
inline std::vector<std::vector<node_id>> all_shortest_paths(const Graph& g, node_id source, node_id target,
                                                            const ShortestPathOptions& options = {},
                                                            std::int64_t max_paths = default_max_paths) {
    detail::check_node(g, target, "target");
    const SingleSourcePaths p = single_source_paths(g, source, options);
    std::vector<std::vector<node_id>> paths;
    if (p.distance[static_cast<std::size_t>(target)] == unreachable) return paths;
    // Depth-first from the target back along predecessors; each stack entry is a node and the index
    // of its next predecessor to try. Paths come out reversed, in lexicographic order of the reversed
    // sequences; sorting them at the end gives source-first order.
    std::vector<std::pair<node_id, std::size_t>> stack{{target, 0}};
    while (!stack.empty()) {
        auto& [v, next] = stack.back();
        if (v == source) {
            std::vector<node_id> path;
            path.reserve(stack.size());
            for (auto it = stack.rbegin(); it != stack.rend(); ++it) path.push_back(it->first);
            paths.push_back(std::move(path));
            if (static_cast<std::int64_t>(paths.size()) > max_paths)
                throw std::length_error("more than " + std::to_string(max_paths) +
                                        " shortest paths join the two nodes; raise max_paths to list them all");
            stack.pop_back();
            continue;
        }
        const auto preds = p.predecessors(v);
        if (next == preds.size()) {
            stack.pop_back();
            continue;
        }
        const node_id u = preds[next++];
        stack.emplace_back(u, 0);
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

struct DistanceMatrixOptions {
    ShortestPathOptions paths{};
    /// Largest matrix to allocate, in bytes; 0 means the machine's physical memory.
    std::int64_t max_bytes = 0;
    ProgressHook progress{};
};

namespace detail {

/// The machine's physical memory in bytes (POSIX sysconf), or 2^62 where it cannot be known.
inline std::int64_t physical_memory_bytes() {
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGE_SIZE)
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long page = sysconf(_SC_PAGE_SIZE);
    if (pages > 0 && page > 0) return static_cast<std::int64_t>(pages) * page;
#endif
    return std::int64_t{1} << 62;
}

}  // namespace detail

/// Distances from each of `sources` (all nodes when empty) to every node: a row-major matrix of
/// rows x n doubles, `unreachable` where no path leads. Sources run in parallel, each thread with
/// its own buffers, so the result does not depend on the thread count.
///
/// The matrix needs 8 x rows x n bytes: above `max_bytes` (by default, the machine's physical
/// memory) it throws std::length_error giving the size, before allocating anything; ask for fewer
/// sources at a time. Time O(rows x m) unweighted, O(rows x m log n) weighted.
inline std::vector<double> distance_matrix(const Graph& g, const std::vector<node_id>& sources,
                                           const DistanceMatrixOptions& options = {}) {
    for (const node_id s : sources) detail::check_node(g, s, "sources");
    detail::check_path_options(g, options.paths);
    const auto n = static_cast<std::int64_t>(g.num_nodes());
    const auto rows = sources.empty() ? n : static_cast<std::int64_t>(sources.size());
    const std::int64_t limit = options.max_bytes > 0 ? options.max_bytes : detail::physical_memory_bytes();
    const double bytes = 8.0 * static_cast<double>(rows) * static_cast<double>(n);
    if (bytes > static_cast<double>(limit))
        throw std::length_error("a distance matrix of " + std::to_string(rows) + " x " + std::to_string(n) + " needs " +
                                std::to_string(static_cast<std::int64_t>(bytes / 1e6)) + " MB, more than the " +
                                std::to_string(limit / 1'000'000) +
                                " MB allowed; compute it for fewer sources at a time");
    std::vector<double> matrix(static_cast<std::size_t>(rows * n));
    detail::ProgressReporter progress(options.progress, rows);
#pragma omp parallel
    {
        detail::SearchWorkspace ws(g.num_nodes());
#pragma omp for schedule(dynamic, 4)
        for (std::int64_t r = 0; r < rows; ++r) {
            if (progress.cancelled()) continue;
            const node_id s = sources.empty() ? static_cast<node_id>(r) : sources[static_cast<std::size_t>(r)];
            detail::search(g, s, options.paths, ws);
            std::copy(ws.dist.begin(), ws.dist.end(), matrix.begin() + r * n);
            ws.reset();
            progress.advance();
        }
    }
    progress.finish();
    return matrix;
}

}  // namespace essnet
