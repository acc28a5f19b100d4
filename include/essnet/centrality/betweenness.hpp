// Betweenness centrality of nodes and edges (Brandes 2001).
//
// Brandes U. (2001). A faster algorithm for betweenness centrality. Journal of Mathematical
// Sociology 25(2):163-177. doi:10.1080/0022250X.2001.9990249
// Brandes U. (2008). On variants of shortest-path betweenness centrality and their generic
// computation. Social Networks 30(2):136-145. doi:10.1016/j.socnet.2007.11.001 (endpoints, edges)
//
// One breadth-first search (unweighted) or Dijkstra search (weighted) per source counts the
// shortest paths; a backward pass over the nodes in reverse order of distance accumulates the
// dependencies. Sources are processed in parallel, each thread with its own buffers and scores,
// which are added up in thread order at the end.
//
// Weighted path lengths are sums of floating-point weights, so two paths of the same length in exact
// arithmetic (0.333333 + 0.166667 and 0.5) can differ in the last bits. Lengths within a relative
// 1e-10 of each other count as equal (detail::nearly_equal, igraph's rule), wherever paths are
// counted: here, in edge betweenness, in approximate betweenness and in the cutoff.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "essnet/core/parallel.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/core/tolerance.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct BetweennessOptions {
    /// Divide by the number of node pairs, as networkx does: 1/((n-1)(n-2)) for node betweenness
    /// (1/(n(n-1)) with endpoints), 1/(n(n-1)) for edge betweenness, times 2 when undirected. When
    /// false, undirected scores count each pair once (networkx's normalized=False).
    bool normalized = true;
    /// Count the endpoints of each path as lying on it (node betweenness only).
    bool endpoints = false;
    /// Use the graph's edge weights as lengths (Dijkstra) when it has them; otherwise hop counts.
    bool use_weights = true;
    /// Only paths of at most this length count (hops, or total weight); negative: no limit.
    double cutoff = -1;
    /// Node betweenness only: when positive, Brandes' searches run from this many distinct sources
    /// drawn at random (from `seed`) instead of from every node, and each source's share is
    /// multiplied by n / samples (as networkx 2.x's `k`), so that the expected score is the exact
    /// one (a normalized estimate may then pass 1).
    std::int64_t samples = 0;
    /// Node betweenness only: when given, the searches run from these distinct nodes (graph-tool's
    /// `pivots`), scaled by n / (their number) as for `samples`.
    std::vector<node_id> sources{};
    std::uint64_t seed = 0;  ///< draws the sources of `samples`
    /// Called with the share of sources done; returning false cancels (throws Cancelled).
    ProgressHook progress{};
};

namespace detail {

// Whether a path of this length passes the cutoff (negative: no cutoff).
inline bool beyond_cutoff(double length, double cutoff) {
    return cutoff >= 0 && length > cutoff && !nearly_equal(length, cutoff);
}

struct Folding;

// Per-thread state of Brandes' algorithm for one source at a time.
struct BrandesWorkspace {
    static constexpr std::int32_t unseen = -1, folded_away = -2;
    std::vector<double> sigma, delta;
    std::vector<double> dist{};           // weighted: distance from the source, -1 until reached
    std::vector<std::int32_t> hops{};     // unweighted: hops from the source, unseen or folded_away
    std::vector<double> share{};          // unweighted: (targets + delta) / sigma of each settled node
    std::vector<std::int32_t> rank{};     // weighted: position in the settle order, -1 until settled
    std::vector<node_id> order_buffer{};  // nodes in the order they were settled, and one spare slot
    std::size_t settled_count = 0;
    const Folding* folding = nullptr;  // the degree-1 folding the searches run on, if any
    BrandesWorkspace(node_id n, bool weighted, const Folding* fold = nullptr);
    /// The nodes settled from the current source, in the order they were settled.
    std::span<const node_id> settled() const noexcept { return {order_buffer.data(), settled_count}; }
    double distance(node_id v) const noexcept {
        const auto i = static_cast<std::size_t>(v);
        return dist.empty() ? hops[i] : dist[i];
    }
    void settle(node_id v) {
        rank[static_cast<std::size_t>(v)] = static_cast<std::int32_t>(settled_count);
        order_buffer[settled_count++] = v;
    }
    void reset() {
        for (const node_id v : settled()) {
            const auto i = static_cast<std::size_t>(v);
            sigma[i] = 0;
            delta[i] = 0;
            if (dist.empty()) {
                hops[i] = unseen;
            } else {
                dist[i] = -1;
                rank[i] = -1;
            }
        }
        settled_count = 0;
    }
};

// Degree-1 folding (Baglioni, Geraci, Pellegrini & Lastres 2012, "Fast exact computation of
// betweenness centrality in social networks", ASONAM, doi:10.1109/ASONAM.2012.53): nodes of degree
// 1 are peeled off repeatedly; each remaining node v stands for itself and the trees hanging from
// it (weight[v] nodes). Paths into a tree are unique, so their share of betweenness is counted
// directly, and Brandes' searches run only from the remaining nodes, with weighted targets.
struct Folding {
    std::vector<std::uint8_t> removed{};
    std::vector<double> weight;      // nodes represented (1 + sizes of the trees hanging from it)
    std::vector<double> tree_pairs;  // ordered pairs whose (unique) paths cross the node inside trees
};

inline Folding fold_degree_one(const Graph& g);

// Unweighted searches mark the nodes folded away, so that they are never reached.
inline BrandesWorkspace::BrandesWorkspace(node_id n, bool weighted, const Folding* fold)
    : sigma(static_cast<std::size_t>(n), 0), delta(static_cast<std::size_t>(n), 0), folding(fold) {
    const auto size = static_cast<std::size_t>(n);
    if (weighted) {
        dist.assign(size, -1);
        rank.assign(size, -1);
    } else {
        hops.assign(size, unseen);
        share.resize(size);
        if (fold)
            for (std::size_t i = 0; i < size; ++i)
                if (fold->removed[i]) hops[i] = folded_away;
    }
    order_buffer.resize(size + 1);
}

// Calls f(w, length) once per distinct out-neighbour w of v (parallel edges count as one, with the
// smallest weight, as networkx does for multigraphs).
template <class F>
void for_each_distinct_neighbor(const Graph& g, node_id v, bool weighted, const Folding* fold, F&& f) {
    const auto nbrs = g.out_neighbors(v);
    const auto edges = g.out_edges(v);
    for (std::size_t i = 0; i < nbrs.size();) {
        const node_id w = nbrs[i];
        if (fold && fold->removed[static_cast<std::size_t>(w)]) {
            ++i;
            continue;
        }
        double length = weighted ? g.weight(edges[i]) : 1.0;
        std::size_t j = i + 1;
        for (; j < nbrs.size() && nbrs[j] == w; ++j)
            if (weighted) length = std::min(length, g.weight(edges[j]));
        f(w, length);
        i = j;
    }
}

// Shortest-path counts from s, over the nodes the workspace's folding keeps: fills the settle
// order, the distances and ws.sigma.
inline void count_shortest_paths(const Graph& g, node_id s, bool weighted, double cutoff, BrandesWorkspace& ws) {
    const auto si = static_cast<std::size_t>(s);
    ws.sigma[si] = 1;
    if (!weighted) {
        // Breadth-first, without a branch on whether a neighbour is new: which neighbours are new
        // follows no pattern the processor could predict, and a mispredicted branch costs more than
        // the few instructions that write each outcome unconditionally. The spare slot of
        // order_buffer takes the write of a neighbour already seen when every node is settled.
        node_id* order = ws.order_buffer.data();
        std::int32_t* hops = ws.hops.data();
        double* sigma = ws.sigma.data();
        hops[si] = 0;
        order[0] = s;
        std::size_t tail = 1;
        const bool limited = cutoff >= 0;
        for (std::size_t head = 0; head < tail; ++head) {
            const node_id v = order[head];
            const std::int32_t next = hops[static_cast<std::size_t>(v)] + 1;
            if (limited && beyond_cutoff(next, cutoff)) continue;  // a further step would pass the cutoff
            const double sv = sigma[static_cast<std::size_t>(v)];
            node_id previous = -1;
            for (const node_id w : g.out_neighbors(v)) {
                if (w == previous) continue;  // parallel edges count once
                previous = w;
                const auto wi = static_cast<std::size_t>(w);
                // Arithmetic on 0/1 flags, not ?: (which the compiler turns back into branches).
                const std::int32_t hw = hops[wi];
                const std::int32_t found = hw == BrandesWorkspace::unseen;
                hops[wi] = hw + found * (next - hw);
                order[tail] = w;
                tail += static_cast<std::size_t>(found);
                sigma[wi] += sv * static_cast<double>(found | static_cast<std::int32_t>(hw == next));
            }
        }
        ws.settled_count = tail;
        return;
    }
    ws.dist[si] = 0;
    using Item = std::pair<double, node_id>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    heap.emplace(0.0, s);
    while (!heap.empty()) {
        // Plain names, not a structured binding: lambdas below capture them (clang 14 refuses bindings).
        const double d = heap.top().first;
        const node_id v = heap.top().second;
        heap.pop();
        const auto vi = static_cast<std::size_t>(v);
        if (ws.rank[vi] >= 0 || d > ws.dist[vi]) continue;
        ws.settle(v);
        const double sv = ws.sigma[vi];
        for_each_distinct_neighbor(g, v, true, ws.folding, [&](node_id w, double length) {
            const auto wi = static_cast<std::size_t>(w);
            if (ws.rank[wi] >= 0) return;  // settled: no shorter path through v (networkx's rule)
            const double dw = d + length;
            if (beyond_cutoff(dw, cutoff)) return;
            if (ws.dist[wi] >= 0 && nearly_equal(dw, ws.dist[wi])) {
                ws.sigma[wi] += sv;
            } else if (ws.dist[wi] < 0 || dw < ws.dist[wi]) {
                ws.dist[wi] = dw;
                ws.sigma[wi] = sv;
                heap.emplace(dw, w);
            }
        });
    }
    // Every node given a distance was pushed, so it is popped and settled: `order` lists all the
    // nodes reset() must clear.
}

// The on_arc of accumulate_dependencies for node scores, which need no arcs.
struct IgnoreArcs {
    void operator()(node_id, node_id, double) const noexcept {}
};

// Backward pass: calls on_edge(v, w, credit) for every shortest-path arc v -> w (w a successor of
// v), accumulates ws.delta, and leaves the dependencies of every node in ws.delta.
template <class OnArc>
void accumulate_dependencies(const Graph& g, bool weighted, BrandesWorkspace& ws, OnArc&& on_arc) {
    const auto order = ws.settled();
    const Folding* fold = ws.folding;
    if (!weighted) {
        // Hop counts are whole numbers, held exactly: a successor is a neighbour one hop further
        // (nodes folded away or beyond a cutoff were never reached). Each node's share of credit is
        // divided once, not once per arc into it.
        const std::int32_t* hops = ws.hops.data();
        double* share = ws.share.data();
        for (std::size_t k = order.size(); k-- > 0;) {
            const node_id v = order[k];
            const auto vi = static_cast<std::size_t>(v);
            const std::int32_t next = hops[vi] + 1;
            const double sv = ws.sigma[vi];
            double dep = 0;
            node_id previous = -1;
            for (const node_id w : g.out_neighbors(v)) {
                if (w == previous) continue;  // parallel edges count once
                previous = w;
                const auto wi = static_cast<std::size_t>(w);
                // Every neighbour adds its share, 0 unless it is a successor; on_arc hears of successors.
                const bool successor = hops[wi] == next;
                const double part = share[wi] * static_cast<double>(successor);
                dep += part;
                if constexpr (!std::is_same_v<std::decay_t<OnArc>, IgnoreArcs>)
                    if (successor) on_arc(v, w, sv * part);
            }
            dep *= sv;
            ws.delta[vi] = dep;
            share[vi] = ((fold ? fold->weight[vi] : 1.0) + dep) / sv;
        }
        return;
    }
    for (std::size_t k = order.size(); k-- > 0;) {
        const node_id v = order[k];
        const auto vi = static_cast<std::size_t>(v);
        const double dv = ws.dist[vi];
        const double sv = ws.sigma[vi];
        double dep = 0;
        for_each_distinct_neighbor(g, v, weighted, fold, [&](node_id w, double length) {
            const auto wi = static_cast<std::size_t>(w);
            // w is a successor when a shortest path reaches it through v, and it was settled after v.
            if (ws.rank[wi] <= ws.rank[vi] || !nearly_equal(ws.dist[wi], dv + length)) return;
            const double target = fold ? fold->weight[wi] : 1.0;  // targets w stands for
            const double credit = sv / ws.sigma[wi] * (target + ws.delta[wi]);
            dep += credit;
            on_arc(v, w, credit);
        });
        ws.delta[vi] = dep;
    }
}

// Runs body(source, workspace, local_scores) for every source in parallel (the `chosen` ones when
// given, else every node the folding keeps), with workspaces made for the folding, and returns the
// sum of the per-thread score vectors (of length `size`), added in thread order.
template <class Body>
std::vector<double> over_sources(const Graph& g, bool weighted, std::size_t size, const ProgressHook& hook, Body&& body,
                                 const Folding* fold = nullptr, std::span<const node_id> chosen = {}) {
    const node_id n = g.num_nodes();
    std::vector<node_id> sources(chosen.begin(), chosen.end());
    if (chosen.empty()) {
        sources.reserve(static_cast<std::size_t>(n));
        for (node_id s = 0; s < n; ++s)
            if (!fold || !fold->removed[static_cast<std::size_t>(s)]) sources.push_back(s);
    }
    const auto count = static_cast<std::int64_t>(sources.size());
    const int threads = std::max(1, std::min<int>(thread_count(), static_cast<int>(std::max<std::int64_t>(count, 1))));
    std::vector<std::vector<double>> local(static_cast<std::size_t>(threads), std::vector<double>(size, 0.0));
    ProgressReporter progress(hook, count);
#pragma omp parallel num_threads(threads)
    {
        BrandesWorkspace ws(n, weighted, fold);
        auto& mine = local[static_cast<std::size_t>(thread_id())];
#pragma omp for schedule(dynamic, 16)
        for (std::int64_t i = 0; i < count; ++i) {
            if (progress.cancelled()) continue;
            body(sources[static_cast<std::size_t>(i)], ws, mine);
            ws.reset();
            progress.advance();
        }
    }
    progress.finish();
    std::vector<double> total(size, 0.0);
    for (const auto& part : local)
        for (std::size_t i = 0; i < size; ++i) total[i] += part[i];
    return total;
}

inline Folding fold_degree_one(const Graph& g) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    Folding f{std::vector<std::uint8_t>(nn, 0), std::vector<double>(nn, 1.0), std::vector<double>(nn, 0.0)};
    // Degrees in the simple graph: distinct neighbours other than the node itself.
    std::vector<std::int64_t> degree(nn, 0);
    std::vector<node_id> leaves;
    for (node_id v = 0; v < n; ++v) {
        node_id previous = -1;
        for (const node_id w : g.out_neighbors(v)) {
            if (w != v && w != previous) ++degree[static_cast<std::size_t>(v)];
            previous = w;
        }
        if (degree[static_cast<std::size_t>(v)] == 1) leaves.push_back(v);
    }
    // Peel, remembering each removed node's parent and, per node, its children's sizes.
    std::vector<node_id> parent(nn, -1);
    std::vector<double> child_sum(nn, 0.0), child_squares(nn, 0.0);
    std::vector<node_id> peeled;
    for (std::size_t head = 0; head < leaves.size(); ++head) {
        const node_id v = leaves[head];
        const auto vi = static_cast<std::size_t>(v);
        if (degree[vi] != 1) continue;  // its last neighbour went first: v is the root of a tree
        node_id u = -1;
        for (const node_id w : g.out_neighbors(v))
            if (w != v && !f.removed[static_cast<std::size_t>(w)]) {
                u = w;
                break;
            }
        const auto ui = static_cast<std::size_t>(u);
        f.removed[vi] = 1;
        parent[vi] = u;
        peeled.push_back(v);
        f.weight[ui] += f.weight[vi];
        child_sum[ui] += f.weight[vi];
        child_squares[ui] += f.weight[vi] * f.weight[vi];
        degree[vi] = 0;
        if (--degree[ui] == 1) leaves.push_back(u);
    }
    // Component sizes: a removed node belongs to the component of its root.
    std::vector<double> component(nn, 0.0);
    std::vector<node_id> root(nn, -1);
    for (auto it = peeled.rbegin(); it != peeled.rend(); ++it) {  // parents before children
        const node_id p = parent[static_cast<std::size_t>(*it)];
        root[static_cast<std::size_t>(*it)] =
            f.removed[static_cast<std::size_t>(p)] ? root[static_cast<std::size_t>(p)] : p;
    }
    // Sizes of the remaining graph's components, counting the nodes each one stands for.
    std::vector<node_id> label(nn, -1), queue;
    std::vector<double> size_of_label;
    for (node_id s = 0; s < n; ++s) {
        if (f.removed[static_cast<std::size_t>(s)] || label[static_cast<std::size_t>(s)] >= 0) continue;
        const auto c = static_cast<node_id>(size_of_label.size());
        double total = 0;
        queue.assign(1, s);
        label[static_cast<std::size_t>(s)] = c;
        for (std::size_t h = 0; h < queue.size(); ++h) {
            total += f.weight[static_cast<std::size_t>(queue[h])];
            for (const node_id w : g.out_neighbors(queue[h]))
                if (!f.removed[static_cast<std::size_t>(w)] && label[static_cast<std::size_t>(w)] < 0) {
                    label[static_cast<std::size_t>(w)] = c;
                    queue.push_back(w);
                }
        }
        size_of_label.push_back(total);
    }
    for (node_id v = 0; v < n; ++v) {
        const auto vi = static_cast<std::size_t>(v);
        const node_id r = f.removed[vi] ? root[vi] : v;
        component[vi] = size_of_label[static_cast<std::size_t>(label[static_cast<std::size_t>(r)])];
    }
    // Pairs through v inside the trees: its children's nodes with everyone outside v's own tree, and
    // children's nodes with each other; ordered pairs, hence the factors 2.
    for (node_id v = 0; v < n; ++v) {
        const auto vi = static_cast<std::size_t>(v);
        const double outside = component[vi] - f.weight[vi];
        f.tree_pairs[vi] = 2 * child_sum[vi] * outside + (child_sum[vi] * child_sum[vi] - child_squares[vi]);
    }
    return f;
}

inline void check_cutoff(double cutoff) {
    if (cutoff != cutoff) throw std::invalid_argument("cutoff must be a number, got NaN");
}

// Counting shortest paths needs positive lengths: with a tie of length 0 two paths of equal
// length may differ by a cycle, and the count would depend on the order nodes are settled in.
inline void check_positive_weights(const Graph& g, bool weighted, const char* measure) {
    if (!weighted) return;
    const auto sources = g.edge_sources();
    const auto targets = g.edge_targets();
    for (edge_id e = 0; e < g.num_edges(); ++e)
        if (g.weight(e) == 0 && sources[static_cast<std::size_t>(e)] != targets[static_cast<std::size_t>(e)])
            throw std::invalid_argument(
                std::string(measure) + " counts shortest paths, which needs positive weights; edge " +
                std::to_string(e) + " (" + std::to_string(sources[static_cast<std::size_t>(e)]) + " - " +
                std::to_string(targets[static_cast<std::size_t>(e)]) +
                ") weighs 0: drop it, or do not use the weights");
}

// The sources of a sampled betweenness: the given ones, or `samples` drawn at random; empty when
// every node is a source.
inline std::vector<node_id> betweenness_sources(const Graph& g, const BetweennessOptions& o) {
    const node_id n = g.num_nodes();
    if (o.samples < 0 || o.samples > n)
        throw std::invalid_argument("samples must be between 0 (every node) and the " + std::to_string(n) +
                                    " nodes, got " + std::to_string(o.samples));
    if (o.samples > 0 && !o.sources.empty()) throw std::invalid_argument("give samples or sources, not both");
    if (o.samples > 0) {
        Rng rng(o.seed);
        std::vector<node_id> drawn = random_order(n, rng);
        drawn.resize(static_cast<std::size_t>(o.samples));
        return drawn;
    }
    std::vector<std::uint8_t> seen(static_cast<std::size_t>(n), 0);
    for (const node_id s : o.sources) {
        if (s < 0 || s >= n)
            throw std::invalid_argument("source " + std::to_string(s) + " is not a node of this graph of " +
                                        std::to_string(n) + " nodes");
        if (seen[static_cast<std::size_t>(s)]++)
            throw std::invalid_argument("source " + std::to_string(s) + " is given twice");
    }
    return o.sources;
}

}  // namespace detail

/// Betweenness centrality of every node: the sum over pairs (s, t) of the share of shortest s-t
/// paths that pass through the node (Brandes 2001), aligned with the graph's nodes. Parallel
/// edges count as one path (with the smallest weight), self-loops are ignored, and a directed
/// graph counts directed paths, as in networkx's betweenness_centrality.
///
/// With `samples` or `sources`, the sum runs over pairs whose source is one of k sources and is
/// multiplied by n / k (as networkx 2.x's `k`, which omits that factor for directed graphs with
/// normalized false; networkx 3.5 scales sources and other nodes apart): an unbiased estimate,
/// which may pass 1 when normalized, and whose sources the same seed draws the same on any number
/// of threads. approximate_betweenness instead takes as many samples as a chosen
/// (epsilon, delta) guarantee on every score needs.
///
/// Time O(k m) unweighted, O(k (m + n log n)) weighted for k sources (k = n by default); memory
/// O(n) per thread. Throws std::invalid_argument for a NaN cutoff, samples out of [0, n], sources
/// that are not distinct nodes, both samples and sources or, when weighted, an edge of weight 0
/// (between two nodes); Cancelled when the progress hook says stop.
inline std::vector<double> betweenness(const Graph& g, const BetweennessOptions& options = {}) {
    detail::check_cutoff(options.cutoff);
    const node_id n = g.num_nodes();
    const bool weighted = options.use_weights && g.weighted();
    detail::check_positive_weights(g, weighted, "betweenness");
    const std::vector<node_id> chosen = detail::betweenness_sources(g, options);
    // Degree-1 folding keeps results exact for undirected graphs without cutoff or endpoints, when
    // every node is a source.
    const bool fold = !g.directed() && options.cutoff < 0 && !options.endpoints && chosen.empty();
    const detail::Folding folding = fold ? detail::fold_degree_one(g) : detail::Folding{};
    const detail::Folding* f = fold ? &folding : nullptr;
    auto score = detail::over_sources(
        g, weighted, static_cast<std::size_t>(n), options.progress,
        [&](node_id s, detail::BrandesWorkspace& ws, std::vector<double>& bc) {
            detail::count_shortest_paths(g, s, weighted, options.cutoff, ws);
            detail::accumulate_dependencies(g, weighted, ws, detail::IgnoreArcs{});
            const double sources = f ? f->weight[static_cast<std::size_t>(s)] : 1.0;  // nodes s stands for
            for (const node_id v : ws.settled()) {
                if (v == s) continue;
                bc[static_cast<std::size_t>(v)] +=
                    sources * ws.delta[static_cast<std::size_t>(v)] + (options.endpoints ? 1.0 : 0.0);
            }
            if (options.endpoints) bc[static_cast<std::size_t>(s)] += static_cast<double>(ws.settled_count) - 1;
        },
        f, chosen);
    if (f)
        for (std::size_t v = 0; v < score.size(); ++v) score[v] += folding.tree_pairs[v];
    // networkx's rescaling.
    double scale = 1;
    const double nd = n;
    if (options.normalized) {
        if (options.endpoints) {
            if (n >= 2) scale = 1 / (nd * (nd - 1));
        } else if (n > 2) {
            scale = 1 / ((nd - 1) * (nd - 2));
        }
    } else if (!g.directed()) {
        scale = 0.5;
    }
    if (!chosen.empty()) scale *= nd / static_cast<double>(chosen.size());
    for (auto& x : score) x *= scale;
    return score;
}

/// Betweenness centrality of every edge, aligned with the graph's edge ids: the sum over pairs
/// (s, t) of the share of shortest s-t paths that use the edge. Parallel edges share their credit
/// equally (those of smallest weight, when weighted), as networkx does for multigraphs; self-loops
/// get 0. Normalized as networkx's edge_betweenness_centrality (1/(n(n-1)), and counting each
/// unordered pair once when undirected).
///
/// Time O(n m) unweighted, O(n (m + n log n)) weighted, parallel over sources; memory O(n) per
/// thread plus O(m) per thread for the edge scores. Throws as betweenness().
inline std::vector<double> edge_betweenness(const Graph& g, const BetweennessOptions& options = {}) {
    detail::check_cutoff(options.cutoff);
    if (options.endpoints) throw std::invalid_argument("endpoints applies to node betweenness only");
    if (options.samples != 0 || !options.sources.empty())
        throw std::invalid_argument("samples and sources apply to node betweenness only");
    const node_id n = g.num_nodes();
    const bool weighted = options.use_weights && g.weighted();
    detail::check_positive_weights(g, weighted, "edge betweenness");
    auto score = detail::over_sources(
        g, weighted, static_cast<std::size_t>(g.num_edges()), options.progress,
        [&](node_id s, detail::BrandesWorkspace& ws, std::vector<double>& eb) {
            detail::count_shortest_paths(g, s, weighted, options.cutoff, ws);
            detail::accumulate_dependencies(g, weighted, ws, [&](node_id v, node_id w, double credit) {
                // Share the credit among the parallel arcs v -> w of smallest length.
                const auto nbrs = g.out_neighbors(v);
                const auto edges = g.out_edges(v);
                const auto first = std::lower_bound(nbrs.begin(), nbrs.end(), w) - nbrs.begin();
                auto last = first;
                double shortest = std::numeric_limits<double>::infinity();
                for (; last < static_cast<std::ptrdiff_t>(nbrs.size()) && nbrs[static_cast<std::size_t>(last)] == w;
                     ++last)
                    shortest = std::min(shortest, weighted ? g.weight(edges[static_cast<std::size_t>(last)]) : 1.0);
                auto is_shortest = [&](std::ptrdiff_t i) {
                    return detail::nearly_equal(weighted ? g.weight(edges[static_cast<std::size_t>(i)]) : 1.0,
                                                shortest);
                };
                int count = 0;
                for (auto i = first; i < last; ++i) count += is_shortest(i);
                for (auto i = first; i < last; ++i)
                    if (is_shortest(i))
                        eb[static_cast<std::size_t>(edges[static_cast<std::size_t>(i)])] += credit / count;
            });
        });
    double scale = 1;
    const double nd = n;
    if (options.normalized) {
        if (n > 1) scale = 1 / (nd * (nd - 1));
    } else if (!g.directed()) {
        scale = 0.5;
    }
    for (auto& x : score) x *= scale;
    return score;
}

}  // namespace essnet
