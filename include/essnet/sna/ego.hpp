// Ego networks: extraction by radius and direction, and a table of ego measures.
//
// The ego network of a node (the ego) is the subgraph induced by the ego and its alters, the nodes
// within `radius` steps of it, following arcs out of the ego, into it or both (networkx's
// ego_graph; direction all is its undirected=True). The ego measures use radius 1, as UCINET's
// "Ego networks" and the textbooks (Borgatti, Everett & Johnson 2018, ch. 15; Crossley et al.
// 2015), with ties counted once however many parallel edges carry them and self-loops ignored:
//   size            number of alters;
//   pairs           pairs of alters: size (size - 1) / 2, or size (size - 1) ordered pairs when directed;
//   ties            pairs of alters that are tied (ordered pairs j -> k when directed);
//   density         ties / pairs (NaN with fewer than two alters);
//   brokerage       pairs - ties, the pairs of alters that are not tied (UCINET's "Broker");
//   ego_betweenness betweenness of the ego within its ego network (Everett & Borgatti 2005), the
//                   share of shortest paths between alters that pass through the ego, each
//                   unordered pair once when undirected;
//   effective size and efficiency, Burt's, from structural_holes (which reads the whole graph, as
//                   networkx's effective_size);
//   composition     for each value of an attribute, the number of alters that have it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/centrality/degree.hpp"
#include "essnet/graph/subgraph.hpp"
#include "essnet/sna/structural_holes.hpp"

namespace essnet {

struct EgoOptions {
    int radius = 1;                        ///< steps from the ego; 0 gives the ego alone
    Direction direction = Direction::all;  ///< which arcs lead to alters (ignored when undirected)
    bool include_ego = true;               ///< keep the ego in the extracted network
};

namespace detail {

inline void check_ego(const Graph& g, node_id ego, int radius) {
    if (ego < 0 || ego >= g.num_nodes())
        throw std::out_of_range("ego " + std::to_string(ego) + " is not in 0.." + std::to_string(g.num_nodes() - 1));
    if (radius < 0) throw std::invalid_argument("radius must be at least 0, got " + std::to_string(radius));
}

// Calls visit(v) for every neighbour of u along `direction` (repeats and u itself included).
template <class Visit>
void for_each_neighbor(const Graph& g, node_id u, Direction direction, Visit&& visit) {
    if (!g.directed() || direction != Direction::in)
        for (const node_id v : g.out_neighbors(u)) visit(v);
    if (g.directed() && direction != Direction::out)
        for (const node_id v : g.in_neighbors(u)) visit(v);
}

}  // namespace detail

/// The ego and every node within options.radius steps of it, by breadth-first search, in
/// increasing node order (the ego left out when options.include_ego is false).
inline std::vector<node_id> ego_nodes(const Graph& g, node_id ego, const EgoOptions& options = {}) {
    detail::check_ego(g, ego, options.radius);
    std::vector<int> distance(static_cast<std::size_t>(g.num_nodes()), -1);
    std::vector<node_id> reached{ego};
    distance[static_cast<std::size_t>(ego)] = 0;
    for (std::size_t head = 0; head < reached.size(); ++head) {
        const node_id u = reached[head];
        const int next = distance[static_cast<std::size_t>(u)] + 1;
        if (next > options.radius) break;  // reached is in order of distance
        detail::for_each_neighbor(g, u, options.direction, [&](node_id v) {
            if (distance[static_cast<std::size_t>(v)] < 0) {
                distance[static_cast<std::size_t>(v)] = next;
                reached.push_back(v);
            }
        });
    }
    if (!options.include_ego) reached.erase(reached.begin());
    std::sort(reached.begin(), reached.end());
    return reached;
}

/// The ego network of `ego`: the subgraph induced by ego_nodes (see induced_subgraph for what the
/// nodes and edges keep). O(size of the ego network's neighbourhoods) time, O(n) memory.
inline Graph ego_graph(const Graph& g, node_id ego, const EgoOptions& options = {}) {
    const auto nodes = ego_nodes(g, ego, options);
    return induced_subgraph(g, nodes);
}

struct EgoMeasuresOptions {
    Direction direction = Direction::all;  ///< which arcs make a node an alter (ignored when undirected)
    bool use_weights = true;               ///< for effective size and efficiency
};

/// Ego measures of every node (see the top of this file), aligned with the graph's nodes.
struct EgoMeasures {
    std::vector<std::int64_t> size, pairs, ties, brokerage;
    std::vector<double> density, ego_betweenness, effective_size, efficiency;
    /// When groups were given: composition[u * num_groups + c] alters of u in group c.
    std::vector<std::int64_t> composition{};
    std::int32_t num_groups = 0;
};

/// Ego measures of every node, in parallel over egos. `groups` is empty or gives each node a group
/// number 0..G-1 for the composition. The betweenness runs one breadth-first search per alter inside
/// each ego network: O(sum over egos of size x ties) time, O(n) memory per thread.
inline EgoMeasures ego_measures(const Graph& g, std::span<const std::int32_t> groups = {},
                                const EgoMeasuresOptions& options = {}) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    EgoMeasures r;
    if (!groups.empty()) {
        if (groups.size() != nn)
            throw std::invalid_argument("groups must have one value per node (" + std::to_string(n) + "), got " +
                                        std::to_string(groups.size()));
        for (std::size_t u = 0; u < nn; ++u) {
            if (groups[u] < 0)
                throw std::invalid_argument("groups must be 0 or more, got " + std::to_string(groups[u]) + " at node " +
                                            std::to_string(u));
            r.num_groups = std::max(r.num_groups, groups[u] + 1);
        }
        r.composition.assign(nn * static_cast<std::size_t>(r.num_groups), 0);
    }
    r.size.assign(nn, 0);
    r.pairs.assign(nn, 0);
    r.ties.assign(nn, 0);
    r.brokerage.assign(nn, 0);
    r.density.assign(nn, std::numeric_limits<double>::quiet_NaN());
    r.ego_betweenness.assign(nn, 0.0);
    {
        auto holes = structural_holes(g, {options.use_weights});
        r.effective_size = std::move(holes.effective_size);
        r.efficiency = std::move(holes.efficiency);
    }
    const bool directed = g.directed();

#pragma omp parallel
    {
        std::vector<node_id> local(nn, -1);  // node -> position in the current ego network
        std::vector<node_id> members;        // alters, then the ego last
        std::vector<std::int64_t> offsets;   // local CSR of the ego network, distinct arcs, no loops
        std::vector<node_id> arcs;
        std::vector<node_id> order, distance;
        std::vector<double> paths, dependency;
#pragma omp for schedule(dynamic, 64)
        for (node_id ego = 0; ego < n; ++ego) {
            members.clear();
            detail::for_each_neighbor(g, ego, options.direction, [&](node_id v) {
                if (v != ego && local[static_cast<std::size_t>(v)] < 0) {
                    local[static_cast<std::size_t>(v)] = static_cast<node_id>(members.size());
                    members.push_back(v);
                }
            });
            const auto k = static_cast<node_id>(members.size());
            local[static_cast<std::size_t>(ego)] = k;
            members.push_back(ego);

            offsets.assign(1, 0);
            arcs.clear();
            std::int64_t alter_arcs = 0;
            for (node_id i = 0; i <= k; ++i) {
                const node_id u = members[static_cast<std::size_t>(i)];
                node_id previous = -1;
                for (const node_id v : g.out_neighbors(u)) {  // sorted: repeats are adjacent
                    const node_id j = local[static_cast<std::size_t>(v)];
                    if (j < 0 || v == u || v == previous) continue;
                    previous = v;
                    arcs.push_back(j);
                    if (i < k && j < k) ++alter_arcs;
                }
                offsets.push_back(static_cast<std::int64_t>(arcs.size()));
            }
            const auto u = static_cast<std::size_t>(ego);
            const auto kk = static_cast<std::int64_t>(k);
            r.size[u] = kk;
            r.pairs[u] = directed ? kk * (kk - 1) : kk * (kk - 1) / 2;
            r.ties[u] = directed ? alter_arcs : alter_arcs / 2;
            r.brokerage[u] = r.pairs[u] - r.ties[u];
            if (k >= 2) r.density[u] = static_cast<double>(r.ties[u]) / static_cast<double>(r.pairs[u]);
            if (!groups.empty())
                for (node_id i = 0; i < k; ++i)
                    ++r.composition[u * static_cast<std::size_t>(r.num_groups) +
                                    static_cast<std::size_t>(
                                        groups[static_cast<std::size_t>(members[static_cast<std::size_t>(i)])])];

            // Brandes (2001) from every alter, keeping only the ego's dependency.
            if (k >= 2 && r.brokerage[u] > 0) {
                const auto size = static_cast<std::size_t>(k) + 1;
                distance.assign(size, -1);
                paths.assign(size, 0.0);
                dependency.assign(size, 0.0);
                double through_ego = 0;
                for (node_id s = 0; s < k; ++s) {
                    order.clear();
                    std::fill(distance.begin(), distance.end(), -1);
                    std::fill(paths.begin(), paths.end(), 0.0);
                    std::fill(dependency.begin(), dependency.end(), 0.0);
                    distance[static_cast<std::size_t>(s)] = 0;
                    paths[static_cast<std::size_t>(s)] = 1;
                    order.push_back(s);
                    for (std::size_t head = 0; head < order.size(); ++head) {
                        const node_id x = order[head];
                        for (auto a = offsets[static_cast<std::size_t>(x)];
                             a < offsets[static_cast<std::size_t>(x) + 1]; ++a) {
                            const node_id y = arcs[static_cast<std::size_t>(a)];
                            if (distance[static_cast<std::size_t>(y)] < 0) {
                                distance[static_cast<std::size_t>(y)] = distance[static_cast<std::size_t>(x)] + 1;
                                order.push_back(y);
                            }
                            if (distance[static_cast<std::size_t>(y)] == distance[static_cast<std::size_t>(x)] + 1)
                                paths[static_cast<std::size_t>(y)] += paths[static_cast<std::size_t>(x)];
                        }
                    }
                    for (std::size_t i = order.size(); i-- > 1;) {
                        const node_id y = order[i];
                        for (auto a = offsets[static_cast<std::size_t>(y)];
                             a < offsets[static_cast<std::size_t>(y) + 1]; ++a) {
                            const node_id z = arcs[static_cast<std::size_t>(a)];
                            if (distance[static_cast<std::size_t>(z)] == distance[static_cast<std::size_t>(y)] + 1)
                                dependency[static_cast<std::size_t>(y)] +=
                                    paths[static_cast<std::size_t>(y)] / paths[static_cast<std::size_t>(z)] *
                                    (1 + dependency[static_cast<std::size_t>(z)]);
                        }
                    }
                    through_ego += dependency[static_cast<std::size_t>(k)];
                }
                r.ego_betweenness[u] = directed ? through_ego : through_ego / 2;
            }
            for (const node_id v : members) local[static_cast<std::size_t>(v)] = -1;
        }
    }
    return r;
}

}  // namespace essnet
