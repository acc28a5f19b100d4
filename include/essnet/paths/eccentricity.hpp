// Eccentricity, radius and diameter, exactly, without all-pairs work where the graph allows it.
//
// A node's eccentricity is its largest distance to the nodes of its own component: the connected
// component in an undirected graph, the strongly connected component in a directed one (a shortest
// path between two nodes of a strong component stays inside it, so this is networkx's eccentricity
// of each component taken alone). The diameter is the largest eccentricity, the radius the smallest
// (igraph's convention for graphs in pieces: an isolated node has eccentricity 0).
//
// Undirected graphs use the bounds of Takes & Kosters (2011, 2013): after a search from v, every
// node w of v's component has max(d(v, w), ecc(v) - d(v, w)) <= ecc(w) <= ecc(v) + d(v, w). Searches
// from nodes chosen alternately by largest upper and smallest lower bound pin every eccentricity
// down after a few searches on real networks, where the all-pairs method needs n. The diameter
// alone also drops every node whose upper bound cannot beat the best diameter found (Takes &
// Kosters 2011, BoundingDiameters). Directed graphs search from every node of each strong component
// (the bounds need symmetric distances).
//
// F. W. Takes and W. A. Kosters (2011), Determining the diameter of small world networks, CIKM,
// doi:10.1145/2063576.2063748; (2013) Computing the eccentricity distribution of large graphs,
// Algorithms 6:100-118, doi:10.3390/a6010100.
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <tuple>
#include <vector>

#include "essnet/components/connected_components.hpp"
#include "essnet/components/strong_components.hpp"
#include "essnet/paths/shortest_paths.hpp"

namespace essnet {

struct EccentricityOptions {
    /// Edge weights as lengths when the graph has them; otherwise hops.
    bool use_weights = true;
    ProgressHook progress{};
};

/// The diameter and the two nodes it joins (a shortest path from `source` to `target` is that long).
struct DiameterResult {
    double diameter = 0;
    /// -1 for a graph without nodes; source == target when no two nodes reach each other.
    node_id source = -1;
    node_id target = -1;
    /// Number of shortest-path searches run.
    std::int64_t searches = 0;
};

namespace detail {

struct EccentricityPlan {
    ComponentsResult components;
    std::vector<std::vector<node_id>> members;  // nodes of each component, in increasing order
};

inline EccentricityPlan plan_components(const Graph& g) {
    EccentricityPlan p{g.directed() ? strongly_connected_components(g) : connected_components(g), {}};
    p.members.resize(static_cast<std::size_t>(p.components.count()));
    for (node_id v = 0; v < g.num_nodes(); ++v)
        p.members[static_cast<std::size_t>(p.components.membership[static_cast<std::size_t>(v)])].push_back(v);
    return p;
}

// The largest distance from the last search to a node of `component`, and the first node that far.
inline std::pair<double, node_id> farthest(const SearchWorkspace& ws, const std::vector<std::int32_t>& membership,
                                           std::int32_t component, node_id source) {
    double far = 0;
    node_id at = source;
    for (const node_id w : ws.seen) {
        if (membership[static_cast<std::size_t>(w)] != component) continue;
        const double d = ws.dist[static_cast<std::size_t>(w)];
        if (d > far || (d == far && w < at)) far = d, at = w;
    }
    return {far, at};
}

// Takes & Kosters bounding on one component of an undirected graph. With `diameter_only`, nodes
// whose upper bound is at most the best eccentricity found are dropped (their eccentricity is then
// not known); otherwise every eccentricity is computed. Writes ecc[] of the component's nodes (for
// diameter_only, only of the nodes searched from) and returns the diameter with its endpoints.
inline DiameterResult bound_component(const Graph& g, const std::vector<node_id>& nodes, std::int32_t component,
                                      const std::vector<std::int32_t>& membership, const ShortestPathOptions& o,
                                      bool diameter_only, std::vector<double>& ecc, SearchWorkspace& ws,
                                      ProgressReporter& progress) {
    const bool weighted = o.use_weights && g.weighted();
    const std::size_t k = nodes.size();
    std::vector<double> low(k, 0), up(k, unreachable);
    std::vector<char> open(k, 1);
    std::size_t left = k;
    // Position of each node in `nodes` (sorted), by binary search.
    auto position = [&](node_id w) {
        return static_cast<std::size_t>(std::lower_bound(nodes.begin(), nodes.end(), w) - nodes.begin());
    };
    DiameterResult best{.diameter = 0, .source = nodes.front(), .target = nodes.front(), .searches = 0};
    bool pick_upper = true;
    auto degree = [&](node_id v) { return g.out_degree(v) + (g.directed() ? g.in_degree(v) : 0); };
    while (left > 0) {
        if (progress.cancelled()) return best;
        // The next source: the open node with the largest upper bound, or with the smallest lower
        // bound, by turns; ties go to the larger degree, then the smaller node number.
        std::size_t pick = k;
        for (std::size_t i = 0; i < k; ++i) {
            if (!open[i]) continue;
            if (pick == k) {
                pick = i;
                continue;
            }
            const double a = pick_upper ? up[i] : -low[i];
            const double b = pick_upper ? up[pick] : -low[pick];
            if (a > b || (a == b && degree(nodes[i]) > degree(nodes[pick]))) pick = i;
        }
        pick_upper = !pick_upper;
        const node_id v = nodes[pick];
        search(g, v, o, ws);
        ++best.searches;
        const auto [ecc_v, far] = farthest(ws, membership, component, v);
        ecc[static_cast<std::size_t>(v)] = ecc_v;
        if (ecc_v > best.diameter) best.diameter = ecc_v, best.source = v, best.target = far;
        open[pick] = 0;
        --left;
        for (const node_id w : ws.seen) {
            if (membership[static_cast<std::size_t>(w)] != component) continue;
            const std::size_t i = position(w);
            if (!open[i]) continue;
            const double d = ws.dist[static_cast<std::size_t>(w)];
            low[i] = std::max({low[i], d, ecc_v - d});
            up[i] = std::min(up[i], ecc_v + d);
            const bool pinned = weighted ? nearly_equal(low[i], up[i]) : low[i] == up[i];
            if (pinned || (diameter_only && up[i] <= best.diameter)) {
                if (pinned) ecc[static_cast<std::size_t>(w)] = up[i];
                open[i] = 0;
                --left;
            }
        }
        ws.reset();
        if (diameter_only)  // drop the nodes the last search's diameter rules out
            for (std::size_t i = 0; i < k; ++i)
                if (open[i] && up[i] <= best.diameter) open[i] = 0, --left;
        progress.advance();
    }
    return best;
}

inline void check_eccentricity(const Graph& g, const EccentricityOptions& o) {
    check_positive_weights(g, o.use_weights && g.weighted(), "eccentricity");
}

// Every eccentricity of a directed graph: a search from every node, in parallel.
inline std::vector<double> directed_eccentricities(const Graph& g, const EccentricityPlan& plan,
                                                   const ShortestPathOptions& o, ProgressReporter& progress) {
    std::vector<double> ecc(static_cast<std::size_t>(g.num_nodes()), 0);
    const auto& membership = plan.components.membership;
#pragma omp parallel
    {
        SearchWorkspace ws(g.num_nodes());
#pragma omp for schedule(dynamic, 8)
        for (node_id v = 0; v < g.num_nodes(); ++v) {
            if (progress.cancelled()) continue;
            const auto c = membership[static_cast<std::size_t>(v)];
            if (plan.members[static_cast<std::size_t>(c)].size() > 1) {
                search(g, v, o, ws);
                ecc[static_cast<std::size_t>(v)] = farthest(ws, membership, c, v).first;
                ws.reset();
            }
            progress.advance();
        }
    }
    return ecc;
}

}  // namespace detail

/// Eccentricity of every node: its largest distance to a node of its component (connected, or
/// strongly connected when directed); 0 for a node alone in its component. Equal to networkx's
/// eccentricity on each component. Aligned with the graph's nodes.
///
/// Time: undirected, a number of searches that is small on real networks (n in the worst case),
/// O(m) or O(m log n) each; directed, one search per node in a strong component of 2 or more, in
/// parallel. Memory O(n + m). Throws std::invalid_argument for an edge of weight 0 when weighted.
inline std::vector<double> eccentricity(const Graph& g, const EccentricityOptions& options = {}) {
    detail::check_eccentricity(g, options);
    const ShortestPathOptions paths{
        .use_weights = options.use_weights, .direction = Direction::out, .cutoff = unreachable};
    const auto plan = detail::plan_components(g);
    detail::ProgressReporter progress(options.progress, g.num_nodes());
    std::vector<double> ecc;
    if (g.directed()) {
        ecc = detail::directed_eccentricities(g, plan, paths, progress);
    } else {
        ecc.assign(static_cast<std::size_t>(g.num_nodes()), 0);
        detail::SearchWorkspace ws(g.num_nodes());
        for (std::size_t c = 0; c < plan.members.size(); ++c)
            if (plan.members[c].size() > 1)
                detail::bound_component(g, plan.members[c], static_cast<std::int32_t>(c), plan.components.membership,
                                        paths, false, ecc, ws, progress);
    }
    progress.finish();
    return ecc;
}

/// The diameter: the longest shortest path between two nodes of one component (connected, or
/// strongly connected when directed), with its two ends; 0 when no two nodes reach each other.
/// Equal to networkx's diameter on a connected graph, and to the largest of its diameters over the
/// components otherwise. Among equal longest paths, the ends found first are reported.
///
/// Time: undirected, few searches on real networks (Takes & Kosters' BoundingDiameters, components
/// taken largest first and skipped once they cannot hold a longer path when unweighted); directed,
/// one search per node of each strong component. Memory O(n + m).
inline DiameterResult diameter(const Graph& g, const EccentricityOptions& options = {}) {
    detail::check_eccentricity(g, options);
    DiameterResult best;
    if (g.num_nodes() == 0) return best;
    best.source = best.target = 0;
    const ShortestPathOptions paths{
        .use_weights = options.use_weights, .direction = Direction::out, .cutoff = unreachable};
    const auto plan = detail::plan_components(g);
    const bool weighted = options.use_weights && g.weighted();
    detail::ProgressReporter progress(options.progress, g.num_nodes());
    if (g.directed()) {
        // One search per node, each remembering its farthest node of the same component.
        const auto& membership = plan.components.membership;
        const auto n = static_cast<std::size_t>(g.num_nodes());
        std::vector<double> ecc(n, 0);
        std::vector<node_id> far(n);
        std::iota(far.begin(), far.end(), 0);
#pragma omp parallel
        {
            detail::SearchWorkspace ws(g.num_nodes());
#pragma omp for schedule(dynamic, 8)
            for (node_id v = 0; v < g.num_nodes(); ++v) {
                if (progress.cancelled()) continue;
                const auto c = membership[static_cast<std::size_t>(v)];
                if (plan.members[static_cast<std::size_t>(c)].size() > 1) {
                    detail::search(g, v, paths, ws);
                    std::tie(ecc[static_cast<std::size_t>(v)], far[static_cast<std::size_t>(v)]) =
                        detail::farthest(ws, membership, c, v);
                    ws.reset();
                }
                progress.advance();
            }
        }
        progress.finish();
        for (node_id v = 0; v < g.num_nodes(); ++v)
            if (ecc[static_cast<std::size_t>(v)] > best.diameter)
                best.diameter = ecc[static_cast<std::size_t>(v)], best.source = v,
                best.target = far[static_cast<std::size_t>(v)];
        best.searches = g.num_nodes();
        return best;
    }
    // Largest components first: an unweighted component of k nodes cannot hold a path longer than k - 1.
    std::vector<std::size_t> order(plan.members.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return plan.members[a].size() > plan.members[b].size(); });
    std::vector<double> ecc(static_cast<std::size_t>(g.num_nodes()), 0);
    detail::SearchWorkspace ws(g.num_nodes());
    std::int64_t searches = 0;
    for (const std::size_t c : order) {
        const auto& nodes = plan.members[c];
        if (nodes.size() < 2) break;
        if (!weighted && static_cast<double>(nodes.size() - 1) <= best.diameter) break;
        DiameterResult r = detail::bound_component(g, nodes, static_cast<std::int32_t>(c), plan.components.membership,
                                                   paths, true, ecc, ws, progress);
        searches += r.searches;
        if (r.diameter > best.diameter) best.diameter = r.diameter, best.source = r.source, best.target = r.target;
    }
    progress.finish();
    best.searches = searches;
    return best;
}

}  // namespace essnet
