// Whole-network structure: density, reciprocity, dyad census and triad census.
#pragma once

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/parallel.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

/// Density as networkx's density: edges over possible edges, m / (n (n - 1)) when directed and
/// m / (n (n - 1) / 2) when undirected; every edge counts, self-loops and parallel edges included
/// (so a multigraph can exceed 1). 0 for fewer than two nodes.
inline double density(const Graph& g) {
    const double n = g.num_nodes();
    if (n < 2) return 0;
    const double m = static_cast<double>(g.num_edges());
    return g.directed() ? m / (n * (n - 1)) : 2 * m / (n * (n - 1));
}

namespace detail {

// Whether the sorted list holds v.
inline bool holds(std::span<const node_id> sorted, node_id v) {
    return std::binary_search(sorted.begin(), sorted.end(), v);
}

inline void require_directed(const Graph& g, const char* what) {
    if (!g.directed())
        throw std::invalid_argument(std::string(what) +
                                    " is defined for directed graphs; select the graph with directed = true");
}

}  // namespace detail

namespace detail {

// Distinct arcs of a directed graph (parallel arcs once): self-loops, other arcs, and how many of
// those other arcs have their reverse.
struct ArcCounts {
    std::int64_t loops = 0, arcs = 0, reciprocated = 0;
};

inline ArcCounts count_arcs(const Graph& g) {
    std::int64_t loops = 0, arcs = 0, reciprocated = 0;
#pragma omp parallel for schedule(dynamic, 1024) reduction(+ : loops, arcs, reciprocated)
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        const auto out = g.out_neighbors(u);
        for (std::size_t k = 0; k < out.size(); ++k) {
            if (k > 0 && out[k] == out[k - 1]) continue;
            if (out[k] == u) {
                ++loops;
                continue;
            }
            ++arcs;
            if (holds(g.out_neighbors(out[k]), u)) ++reciprocated;
        }
    }
    return {loops, arcs, reciprocated};
}

}  // namespace detail

/// Overall reciprocity of a directed graph, as networkx's overall_reciprocity: the share of
/// distinct arcs u -> v whose reverse v -> u also exists (parallel arcs count once; a self-loop
/// counts as an arc without a reverse). 0 for a graph without arcs. O(m log d) time for the
/// largest degree d (a binary search per arc), O(1) extra memory. Throws std::invalid_argument for
/// an undirected graph.
inline double reciprocity(const Graph& g) {
    detail::require_directed(g, "reciprocity");
    const auto c = detail::count_arcs(g);
    const std::int64_t all = c.arcs + c.loops;
    return all == 0 ? 0.0 : static_cast<double>(c.reciprocated) / static_cast<double>(all);
}

/// The dyad census of Holland & Leinhardt (1970): pairs of distinct nodes that are mutual (arcs
/// both ways), asymmetric (one way) and null (none). Parallel arcs count once, self-loops not at all.
struct DyadCensus {
    std::int64_t mutual = 0, asymmetric = 0, null = 0;
};

/// Dyad census of a directed graph (as R sna's dyad.census and igraph's dyad_census). O(m log d)
/// time for the largest degree d. Throws std::invalid_argument for an undirected graph.
inline DyadCensus dyad_census(const Graph& g) {
    detail::require_directed(g, "dyad census");
    const auto c = detail::count_arcs(g);
    const auto n = static_cast<std::int64_t>(g.num_nodes());
    DyadCensus d;
    d.mutual = c.reciprocated / 2;  // each mutual pair is seen from both ends
    d.asymmetric = c.arcs - c.reciprocated;
    d.null = n * (n - 1) / 2 - d.mutual - d.asymmetric;
    return d;
}

/// The 16 triad types of Holland & Leinhardt's MAN labelling, in the usual order.
inline constexpr std::array<const char*, 16> triad_types = {"003",  "012",  "102",  "021D", "021U", "021C",
                                                            "111D", "111U", "030T", "030C", "201",  "120D",
                                                            "120U", "120C", "210",  "300"};

/// Triad census of a directed graph: how many of the C(n, 3) node triples fall in each of the 16
/// MAN types, in the order of triad_types (as networkx's triadic_census, igraph's triad_census and R
/// sna's triad.census). Parallel arcs count once and self-loops are ignored. Batagelj & Mrvar
/// (2001), "A subquadratic triad census algorithm for large sparse networks with small maximum
/// degree", Social Networks 23(3):237-243: O(m d) for largest degree d, parallel over nodes.
/// Throws std::invalid_argument for an undirected graph.
inline std::array<std::int64_t, 16> triad_census(const Graph& g) {
    detail::require_directed(g, "triad census");
    const node_id n = g.num_nodes();
    // Symmetric neighbour lists (either direction, sorted, distinct, no self).
    std::vector<std::vector<node_id>> nbrs(static_cast<std::size_t>(n));
#pragma omp parallel for schedule(dynamic, 1024)
    for (node_id u = 0; u < n; ++u) {
        auto& list = nbrs[static_cast<std::size_t>(u)];
        const auto out = g.out_neighbors(u), in = g.in_neighbors(u);
        std::merge(out.begin(), out.end(), in.begin(), in.end(), std::back_inserter(list));
        list.erase(std::unique(list.begin(), list.end()), list.end());
        list.erase(std::remove(list.begin(), list.end(), u), list.end());
    }
    auto arc = [&](node_id a, node_id b) { return detail::holds(g.out_neighbors(a), b); };
    // Code of a triad from its six possible arcs, and the type of each of the 64 codes
    // (Batagelj & Mrvar's table, types numbered 1..16 in the order above).
    auto code = [&](node_id v, node_id u, node_id w) {
        return arc(v, u) + 2 * arc(u, v) + 4 * arc(v, w) + 8 * arc(w, v) + 16 * arc(u, w) + 32 * arc(w, u);
    };
    static constexpr std::array<int, 64> type_of = {1, 2, 2, 3,  2, 4,  6,  8,  2, 6,  5,  7,  3,  8,  7,  11,
                                                    2, 6, 4, 8,  5, 9,  9,  13, 6, 10, 9,  14, 7,  14, 12, 15,
                                                    2, 5, 6, 7,  6, 9,  10, 14, 4, 9,  9,  12, 8,  13, 14, 15,
                                                    3, 7, 8, 11, 7, 12, 14, 15, 8, 14, 13, 15, 11, 15, 15, 16};
    const int threads = detail::thread_count();
    std::vector<std::array<std::int64_t, 16>> local(static_cast<std::size_t>(threads), std::array<std::int64_t, 16>{});
#pragma omp parallel num_threads(threads)
    {
        auto& census = local[static_cast<std::size_t>(detail::thread_id())];
        std::vector<node_id> s;
#pragma omp for schedule(dynamic, 64)
        for (node_id v = 0; v < n; ++v) {
            const auto& nv = nbrs[static_cast<std::size_t>(v)];
            for (const node_id u : nv) {
                if (u <= v) continue;
                const auto& nu = nbrs[static_cast<std::size_t>(u)];
                // S = N(u) union N(v), without u and v.
                s.clear();
                std::set_union(nu.begin(), nu.end(), nv.begin(), nv.end(), std::back_inserter(s));
                const auto others = static_cast<std::int64_t>(s.size()) - 2;  // s holds u and v themselves
                // Dyadic triads: (v, u) tied, the third node tied to neither.
                census[arc(v, u) && arc(u, v) ? 2 : 1] += static_cast<std::int64_t>(n) - others - 2;
                for (const node_id w : s) {
                    if (w == u || w == v) continue;
                    // Count each connected triad once: at its least pair (v, u), v < u, with w > u,
                    // or with v < w < u when w is not tied to v.
                    if (u < w || (v < w && w < u && !std::binary_search(nv.begin(), nv.end(), w)))
                        ++census[static_cast<std::size_t>(type_of[static_cast<std::size_t>(code(v, u, w))] - 1)];
                }
            }
        }
    }
    std::array<std::int64_t, 16> census{};
    for (const auto& part : local)
        for (std::size_t t = 0; t < 16; ++t) census[t] += part[t];
    // Null triads: all the rest.
    const auto nn = static_cast<std::int64_t>(n);
    std::int64_t counted = 0;
    for (std::size_t t = 1; t < 16; ++t) counted += census[t];
    census[0] = nn * (nn - 1) * (nn - 2) / 6 - counted;
    return census;
}

}  // namespace essnet
