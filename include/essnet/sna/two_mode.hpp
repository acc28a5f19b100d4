// Two-mode (affiliation) networks: projection onto one mode.
//
// Newman M.E.J. (2001). Scientific collaboration networks. II. Shortest paths, weighted networks,
// and centrality. Physical Review E 64:016132. doi:10.1103/PhysRevE.64.016132
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/parallel.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

/// How a projection weighs a pair of nodes that share neighbours in the other mode.
enum class ProjectionWeight {
    none,    ///< a tie when they share at least one (networkx's bipartite.projected_graph)
    count,   ///< the number they share (weighted_projected_graph)
    newman,  ///< sum over shared k of 1 / (deg(k) - 1) (collaboration_weighted_projected_graph)
};

/// A projection: the nodes kept (their numbers in the two-mode graph, in increasing order) and
/// the ties among them, numbered by position in `nodes`, each pair once (u < v), in order.
struct Projection {
    std::vector<node_id> nodes{};
    std::vector<node_id> sources, targets;
    std::vector<double> weights{};  ///< 1 for ProjectionWeight::none
};

/// Projects a two-mode graph onto the nodes with onto[v] != 0 (say, the actors of an actor x
/// event network): two of them are tied when they share a neighbour of the other mode (ties
/// between two nodes of one mode are not paths through the other mode and are ignored; a
/// directed graph is read as undirected; parallel edges count once). Weights as
/// networkx's bipartite projections (see ProjectionWeight), where deg(k) counts k's distinct
/// neighbours in the projected mode. O(sum over k in the other mode of deg(k)^2), parallel.
/// Throws std::invalid_argument unless onto has one value per node.
inline Projection project(const Graph& g, std::span<const std::uint8_t> onto,
                          ProjectionWeight weight = ProjectionWeight::none) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    if (onto.size() != nn)
        throw std::invalid_argument("onto must have one value per node (" + std::to_string(n) + "), got " +
                                    std::to_string(onto.size()));
    // Distinct neighbours of v in either direction that satisfy keep(w), v excluded.
    auto neighbours = [&](node_id v, auto&& keep, std::vector<node_id>& out) {
        out.clear();
        const auto a = g.out_neighbors(v), b = g.in_neighbors(v);
        std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
        out.erase(std::unique(out.begin(), out.end()), out.end());
        std::erase_if(out, [&](node_id w) { return w == v || !keep(w); });
    };
    auto in_mode = [&](node_id w) { return onto[static_cast<std::size_t>(w)] != 0; };
    auto other_mode = [&](node_id w) { return onto[static_cast<std::size_t>(w)] == 0; };
    Projection p;
    std::vector<node_id> position(nn, -1);
    for (node_id v = 0; v < n; ++v)
        if (in_mode(v)) {
            position[static_cast<std::size_t>(v)] = static_cast<node_id>(p.nodes.size());
            p.nodes.push_back(v);
        }
    // 1 / (deg(k) - 1) for the other mode's nodes, when Newman's weights are asked for.
    std::vector<double> share(nn, 1.0);
    if (weight == ProjectionWeight::newman) {
#pragma omp parallel
        {
            std::vector<node_id> nbrs;
#pragma omp for schedule(dynamic, 1024)
            for (node_id k = 0; k < n; ++k) {
                if (in_mode(k)) continue;
                neighbours(k, in_mode, nbrs);
                share[static_cast<std::size_t>(k)] = nbrs.size() > 1 ? 1.0 / static_cast<double>(nbrs.size() - 1) : 0.0;
            }
        }
    }
    const auto kept = static_cast<std::int64_t>(p.nodes.size());
    const int threads = detail::thread_count();
    std::vector<Projection> blocks(static_cast<std::size_t>(threads));
#pragma omp parallel num_threads(threads)
    {
        const int t = detail::thread_id(), team = detail::team_size();
        auto& mine = blocks[static_cast<std::size_t>(t)];
        std::vector<double> acc(nn, 0.0);
        std::vector<std::uint8_t> seen(nn, 0);
        std::vector<node_id> touched, via, reach;
        for (std::int64_t i = kept * t / team; i < kept * (t + 1) / team; ++i) {
            const node_id u = p.nodes[static_cast<std::size_t>(i)];
            neighbours(u, other_mode, via);
            for (const node_id k : via) {
                neighbours(k, in_mode, reach);
                for (const node_id v : reach) {
                    if (v <= u) continue;
                    if (!seen[static_cast<std::size_t>(v)]) {
                        seen[static_cast<std::size_t>(v)] = 1;
                        touched.push_back(v);
                    }
                    acc[static_cast<std::size_t>(v)] +=
                        weight == ProjectionWeight::newman ? share[static_cast<std::size_t>(k)] : 1.0;
                }
            }
            std::sort(touched.begin(), touched.end());
            for (const node_id v : touched) {
                mine.sources.push_back(position[static_cast<std::size_t>(u)]);
                mine.targets.push_back(position[static_cast<std::size_t>(v)]);
                mine.weights.push_back(weight == ProjectionWeight::none ? 1.0 : acc[static_cast<std::size_t>(v)]);
                acc[static_cast<std::size_t>(v)] = 0;
                seen[static_cast<std::size_t>(v)] = 0;
            }
            touched.clear();
        }
    }
    for (auto& b : blocks) {
        p.sources.insert(p.sources.end(), b.sources.begin(), b.sources.end());
        p.targets.insert(p.targets.end(), b.targets.begin(), b.targets.end());
        p.weights.insert(p.weights.end(), b.weights.begin(), b.weights.end());
    }
    return p;
}

/// Density of a two-mode network: the pairs (a, b), a with in_first_mode[a] != 0 and b without, that
/// are tied (either way, any number of times), over |A| x |B|; ties inside one mode do not count.
/// 0 when either mode is empty. O(n + m) time, O(n) memory.
/// Throws std::invalid_argument unless in_first_mode has one value per node.
inline double two_mode_density(const Graph& g, std::span<const std::uint8_t> in_first_mode) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    if (in_first_mode.size() != nn)
        throw std::invalid_argument("in_first_mode must have one value per node (" + std::to_string(n) + "), got " +
                                    std::to_string(in_first_mode.size()));
    std::int64_t first = 0;
    for (const auto x : in_first_mode) first += x != 0;
    const std::int64_t second = n - first;
    if (first == 0 || second == 0) return 0.0;
    // Count each tied pair once, from its first-mode end: its distinct neighbours in the other mode,
    // out and in, marked with the current node.
    std::vector<node_id> mark(nn, -1);
    std::int64_t pairs = 0;
    for (node_id a = 0; a < n; ++a) {
        if (!in_first_mode[static_cast<std::size_t>(a)]) continue;
        auto visit = [&](std::span<const node_id> neighbours) {
            for (const node_id b : neighbours) {
                const auto bi = static_cast<std::size_t>(b);
                if (in_first_mode[bi] || mark[bi] == a) continue;
                mark[bi] = a;
                ++pairs;
            }
        };
        visit(g.out_neighbors(a));
        if (g.directed()) visit(g.in_neighbors(a));
    }
    return static_cast<double>(pairs) / (static_cast<double>(first) * static_cast<double>(second));
}

}  // namespace essnet
