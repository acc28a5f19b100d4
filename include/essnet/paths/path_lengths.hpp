// Summaries of all shortest-path lengths: the distance distribution, the average shortest path
// length of each component, and global and local efficiency (Latora & Marchiori 2001).
//
// One search per source, in parallel, each thread with its own buffers; per-source sums are added
// in source order afterwards, so results do not depend on the thread count.
//
// V. Latora and M. Marchiori (2001), Efficient behavior of small-world networks, Physical Review
// Letters 87:198701, doi:10.1103/PhysRevLett.87.198701.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "essnet/components/connected_components.hpp"
#include "essnet/components/strong_components.hpp"
#include "essnet/paths/shortest_paths.hpp"

namespace essnet {

struct PathLengthOptions {
    /// Edge weights as lengths when the graph has them; otherwise hops.
    bool use_weights = true;
    ProgressHook progress{};
};

/// Every shortest-path length of a graph, summarised.
struct PathLengths {
    /// (distance, number of pairs at that distance), by increasing distance, over the pairs of
    /// distinct nodes joined by a path: unordered pairs when undirected, ordered when directed (as
    /// igraph's path_length_hist). Weighted distances within a relative 1e-10 count as one.
    std::vector<std::pair<double, std::int64_t>> histogram{};
    /// Pairs of distinct nodes that no path joins (unordered when undirected, ordered when directed).
    std::int64_t unconnected = 0;
    /// Per component (connected, or strongly connected when directed; numbered as
    /// connected_components or strongly_connected_components number them): its number of nodes and
    /// the average distance over its ordered pairs of distinct nodes (0 for one node), which is
    /// networkx's average_shortest_path_length of the component alone.
    std::vector<std::int64_t> component_nodes{};
    std::vector<double> component_average{};
    /// Component of each node.
    std::vector<std::int32_t> membership{};
};

/// All shortest-path lengths: the distribution, the unconnected pairs and the average of each
/// component. Time O(n m) unweighted, O(n m log n) weighted, in parallel; memory O(n) per thread
/// plus the distinct distances.
inline PathLengths path_lengths(const Graph& g, const PathLengthOptions& options = {}) {
    detail::check_positive_weights(g, options.use_weights && g.weighted(), "path_lengths");
    const bool weighted = options.use_weights && g.weighted();
    const ShortestPathOptions paths{
        .use_weights = options.use_weights, .direction = Direction::out, .cutoff = unreachable};
    const ComponentsResult components = g.directed() ? strongly_connected_components(g) : connected_components(g);
    const node_id n = g.num_nodes();
    std::vector<double> within(static_cast<std::size_t>(n), 0);  // sum of distances to the same component
    std::vector<std::int64_t> reached(static_cast<std::size_t>(n), 0);
    // Each thread counts the distances it sees; the counts are merged afterwards.
    const auto histograms = detail::search_from_every_node<std::map<double, std::int64_t>>(
        g, paths, options.progress,
        [&](node_id s, const detail::SearchWorkspace& ws, std::map<double, std::int64_t>& local) {
            const auto c = components.membership[static_cast<std::size_t>(s)];
            double sum = 0;
            for (const node_id w : ws.seen) {
                if (w == s || (!g.directed() && w < s)) continue;  // undirected: each pair once
                ++local[ws.dist[static_cast<std::size_t>(w)]];
            }
            for (const node_id w : ws.seen)
                if (w != s && components.membership[static_cast<std::size_t>(w)] == c)
                    sum += ws.dist[static_cast<std::size_t>(w)];
            within[static_cast<std::size_t>(s)] = sum;
            reached[static_cast<std::size_t>(s)] = static_cast<std::int64_t>(ws.seen.size()) - 1;
        });
    PathLengths r;
    r.membership = components.membership;
    std::map<double, std::int64_t> merged;
    for (const auto& h : histograms)
        for (const auto& [d, count] : h) merged[d] += count;
    for (const auto& [d, count] : merged) {
        if (weighted && !r.histogram.empty() && detail::nearly_equal(r.histogram.back().first, d))
            r.histogram.back().second += count;
        else
            r.histogram.emplace_back(d, count);
    }
    std::int64_t joined = 0;
    for (std::size_t s = 0; s < static_cast<std::size_t>(n); ++s) joined += reached[s];
    const std::int64_t pairs = static_cast<std::int64_t>(n) * (n - 1);
    r.unconnected = g.directed() ? pairs - joined : (pairs - joined) / 2;
    r.component_nodes.assign(components.sizes.begin(), components.sizes.end());
    std::vector<double> sums(components.sizes.size(), 0);
    for (std::size_t s = 0; s < static_cast<std::size_t>(n); ++s)
        sums[static_cast<std::size_t>(components.membership[s])] += within[s];
    r.component_average.resize(sums.size());
    for (std::size_t c = 0; c < sums.size(); ++c) {
        const double k = static_cast<double>(components.sizes[c]);
        r.component_average[c] = k > 1 ? sums[c] / (k * (k - 1)) : 0.0;
    }
    return r;
}

struct EfficiencyOptions {
    /// Edge weights as lengths; networkx's efficiency counts hops, so the default does too.
    bool use_weights = false;
    ProgressHook progress{};
};

/// Global efficiency (Latora & Marchiori 2001): the average of 1 / d(u, v) over the ordered pairs
/// of distinct nodes, an unreachable pair adding 0; 0 for fewer than 2 nodes. Equal to networkx's
/// global_efficiency on undirected graphs; a directed graph follows its arcs.
/// Time O(n m) (O(n m log n) weighted), in parallel; memory O(n) per thread.
inline double global_efficiency(const Graph& g, const EfficiencyOptions& options = {}) {
    detail::check_positive_weights(g, options.use_weights && g.weighted(), "global_efficiency");
    const node_id n = g.num_nodes();
    if (n < 2) return 0;
    const ShortestPathOptions paths{
        .use_weights = options.use_weights, .direction = Direction::out, .cutoff = unreachable};
    std::vector<double> per_source(static_cast<std::size_t>(n), 0);
    detail::search_from_every_node<detail::NoState>(
        g, paths, options.progress, [&](node_id s, const detail::SearchWorkspace& ws, detail::NoState&) {
            double sum = 0;
            for (const node_id w : ws.seen)
                if (w != s) sum += 1.0 / ws.dist[static_cast<std::size_t>(w)];
            per_source[static_cast<std::size_t>(s)] = sum;
        });
    double total = 0;
    for (const double x : per_source) total += x;
    return total / (static_cast<double>(n) * static_cast<double>(n - 1));
}

/// Local efficiency of every node: the global efficiency of the subgraph induced by its neighbours
/// (the node itself left out; 0 with fewer than 2 neighbours). Its average over the nodes is
/// networkx's local_efficiency. Neighbours are those of either direction in a directed graph, and
/// the subgraph keeps its arcs' direction.
/// Time O(sum over nodes of d(v) x ties among the neighbours of v), in parallel; memory O(n) per
/// thread.
inline std::vector<double> local_efficiency(const Graph& g, const EfficiencyOptions& options = {}) {
    detail::check_positive_weights(g, options.use_weights && g.weighted(), "local_efficiency");
    const bool weighted = options.use_weights && g.weighted();
    const node_id n = g.num_nodes();
    std::vector<double> result(static_cast<std::size_t>(n), 0);
    detail::ProgressReporter progress(options.progress, n);
#pragma omp parallel
    {
        std::vector<std::int32_t> slot(static_cast<std::size_t>(n), -1);  // position among v's neighbours
        std::vector<node_id> nbrs;
        std::vector<double> dist;
        std::vector<std::int32_t> queue;
#pragma omp for schedule(dynamic, 16)
        for (node_id v = 0; v < n; ++v) {
            if (progress.cancelled()) continue;
            nbrs.clear();
            detail::for_each_step(g, v, Direction::all, false, [&](node_id w, double) {
                if (w != v && slot[static_cast<std::size_t>(w)] < 0) {
                    slot[static_cast<std::size_t>(w)] = static_cast<std::int32_t>(nbrs.size());
                    nbrs.push_back(w);
                }
            });
            const auto k = static_cast<std::int32_t>(nbrs.size());
            double sum = 0;
            if (k >= 2) {
                dist.assign(static_cast<std::size_t>(k), unreachable);
                for (std::int32_t s = 0; s < k; ++s) {
                    std::fill(dist.begin(), dist.end(), unreachable);
                    dist[static_cast<std::size_t>(s)] = 0;
                    if (!weighted) {
                        queue.assign(1, s);
                        for (std::size_t head = 0; head < queue.size(); ++head) {
                            const std::int32_t a = queue[head];
                            const double next = dist[static_cast<std::size_t>(a)] + 1;
                            detail::for_each_step(
                                g, nbrs[static_cast<std::size_t>(a)], Direction::out, false, [&](node_id w, double) {
                                    const std::int32_t b = slot[static_cast<std::size_t>(w)];
                                    if (b < 0 || w == v || dist[static_cast<std::size_t>(b)] != unreachable) return;
                                    dist[static_cast<std::size_t>(b)] = next;
                                    queue.push_back(b);
                                });
                        }
                    } else {
                        using Item = std::pair<double, std::int32_t>;
                        std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
                        heap.emplace(0.0, s);
                        while (!heap.empty()) {
                            const double d = heap.top().first;
                            const std::int32_t a = heap.top().second;
                            heap.pop();
                            if (d > dist[static_cast<std::size_t>(a)]) continue;
                            detail::for_each_step(g, nbrs[static_cast<std::size_t>(a)], Direction::out, true,
                                                  [&](node_id w, double length) {
                                                      const std::int32_t b = slot[static_cast<std::size_t>(w)];
                                                      if (b < 0 || w == v) return;
                                                      const double dw = d + length;
                                                      if (dw >= dist[static_cast<std::size_t>(b)]) return;
                                                      dist[static_cast<std::size_t>(b)] = dw;
                                                      heap.emplace(dw, b);
                                                  });
                        }
                    }
                    for (std::int32_t t = 0; t < k; ++t)
                        if (t != s && dist[static_cast<std::size_t>(t)] != unreachable)
                            sum += 1.0 / dist[static_cast<std::size_t>(t)];
                }
                sum /= static_cast<double>(k) * static_cast<double>(k - 1);
            }
            for (const node_id w : nbrs) slot[static_cast<std::size_t>(w)] = -1;
            result[static_cast<std::size_t>(v)] = sum;
            progress.advance();
        }
    }
    progress.finish();
    return result;
}

}  // namespace essnet
