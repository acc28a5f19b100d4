// Reachability: how many nodes each node reaches and is reached by, and Krackhardt's (1994) four
// measures of how far a directed network is an organisation chart (connectedness, hierarchy,
// efficiency, least-upper-boundedness), as R's sna computes them.
//
// D. Krackhardt (1994), Graph theoretical dimensions of informal organizations, in K. M. Carley and
// M. J. Prietula (eds.), Computational Organization Theory, 89-111. Lawrence Erlbaum.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "essnet/components/connected_components.hpp"
#include "essnet/components/strong_components.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/paths/shortest_paths.hpp"

namespace essnet {

/// For every node: the number of other nodes it reaches along the arcs (`out`) and the number that
/// reach it (`in`); both the same, its component's size less one, when undirected.
struct ReachCounts {
    std::vector<std::int64_t> out{};
    std::vector<std::int64_t> in{};
};

/// Reach counts of every node: one breadth-first search each way per node (one when undirected), in
/// parallel.
/// Time O(n m); memory O(n) per thread.
inline ReachCounts reach_counts(const Graph& g, const ProgressHook& progress_hook = {}) {
    const node_id n = g.num_nodes();
    ReachCounts r{std::vector<std::int64_t>(static_cast<std::size_t>(n)),
                  std::vector<std::int64_t>(static_cast<std::size_t>(n))};
    // A directed graph takes two passes, each reporting half of the progress.
    auto half = [&](double offset) {
        return progress_hook && g.directed()
                   ? ProgressHook([&progress_hook, offset](double f) { return progress_hook(offset + f / 2); })
                   : progress_hook;
    };
    const ShortestPathOptions along{.use_weights = false, .direction = Direction::out, .cutoff = unreachable};
    detail::search_from_every_node<detail::NoState>(
        g, along, half(0.0), [&](node_id v, const detail::SearchWorkspace& ws, detail::NoState&) {
            r.out[static_cast<std::size_t>(v)] = static_cast<std::int64_t>(ws.seen.size()) - 1;
        });
    if (!g.directed()) {
        r.in = r.out;
        return r;
    }
    const ShortestPathOptions against{.use_weights = false, .direction = Direction::in, .cutoff = unreachable};
    detail::search_from_every_node<detail::NoState>(
        g, against, half(0.5), [&](node_id v, const detail::SearchWorkspace& ws, detail::NoState&) {
            r.in[static_cast<std::size_t>(v)] = static_cast<std::int64_t>(ws.seen.size()) - 1;
        });
    return r;
}

/// Krackhardt's graph hierarchy measures, each in [0, 1] (NaN where R's sna gives NaN: no pair to
/// judge). 1 for all four is an out-tree, an organisation chart.
struct KrackhardtHierarchy {
    /// The share of pairs of nodes joined by a semipath (in one weak component): sna::connectedness.
    double connectedness = 0;
    /// 1 - the share of reachable pairs that reach each other: sna::hierarchy(measure = "krackhardt").
    double hierarchy = 0;
    /// 1 - the arcs beyond the n_i - 1 a weak component of n_i nodes needs, over the most there could
    /// be: sna::efficiency.
    double efficiency = 0;
    /// 1 - the share of pairs in a weak component without a least upper bound: a node that reaches
    /// both and reaches every other node that reaches both, as sna::lubness tests it.
    double lub = 0;
};

struct KrackhardtOptions {
    /// Least-upper-boundedness compares the reachability of every pair with every node that reaches
    /// both: O(k^3) bit operations in a weak component of k nodes. A component larger than this
    /// throws std::length_error instead of running for hours.
    std::int64_t max_component = 20'000;
    ProgressHook progress{};
};

/// Krackhardt's four measures of a graph's arcs (an undirected edge is an arc each way; weights,
/// self-loops and parallel arcs are ignored), equal to R sna's connectedness, hierarchy(measure =
/// "krackhardt"), efficiency and lubness.
///
/// Time O(n m) for the reachability, plus O(k^3 / 64) per weak component of k nodes for the
/// least upper bounds; memory O(k^2 / 8) bytes for the largest component's reachability bits.
inline KrackhardtHierarchy krackhardt_hierarchy(const Graph& g, const KrackhardtOptions& options = {}) {
    const node_id n = g.num_nodes();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    KrackhardtHierarchy h;
    // Weak components: connected components of the arcs taken as undirected edges.
    GraphBuilder weak_builder(n, {.directed = false});
    for (edge_id e = 0; e < g.num_edges(); ++e) weak_builder.add_edge(g.edge_source(e), g.edge_target(e));
    const ComponentsResult weak = connected_components(std::move(weak_builder).build());
    const auto& sizes = weak.sizes;
    for (const auto k : sizes)
        if (k > options.max_component)
            throw std::length_error("krackhardt_hierarchy: a weak component of " + std::to_string(k) +
                                    " nodes is above max_component (" + std::to_string(options.max_component) +
                                    "): its least upper bounds take O(k^3) steps; raise max_component to run it");
    // Connectedness: pairs within weak components over all pairs (1 for one node, as sna).
    double within = 0;
    for (const auto k : sizes) within += static_cast<double>(k) * (static_cast<double>(k) - 1) / 2;
    const double pairs = static_cast<double>(n) * (static_cast<double>(n) - 1) / 2;
    h.connectedness = n <= 1 ? 1.0 : within / pairs;
    // Hierarchy: mutual pairs are those within a strong component; reachable ordered pairs come from
    // the reach counts.
    const ComponentsResult strong = strongly_connected_components(g);
    double mutual = 0;
    for (const auto k : strong.sizes) mutual += static_cast<double>(k) * (static_cast<double>(k) - 1) / 2;
    const ReachCounts reach = reach_counts(g, options.progress);
    double ordered = 0;
    for (const auto r : reach.out) ordered += static_cast<double>(r);
    const double one_way = ordered - 2 * mutual;
    h.hierarchy = mutual + one_way > 0 ? 1 - mutual / (mutual + one_way) : nan;
    // Efficiency: distinct arcs between distinct nodes against each weak component's tree and clique.
    std::vector<std::pair<node_id, node_id>> arcs;
    for (node_id u = 0; u < n; ++u)
        for (const node_id v : g.out_neighbors(u))
            if (v != u && (arcs.empty() || arcs.back() != std::pair{u, v})) arcs.emplace_back(u, v);
    double required = 0, most = 0;
    for (const auto k : sizes) {
        const double kk = static_cast<double>(k);
        required += kk - 1;
        most += kk * (kk - 1) - (kk - 1);
    }
    h.efficiency = most > 0 ? 1 - (static_cast<double>(arcs.size()) - required) / most : nan;
    // Least upper bounds, component by component, with reachability as bit rows: reaches[a] holds
    // the nodes a reaches (itself included), reached_by[a] those that reach a.
    double violations = 0, most_violations = 0;
    std::vector<std::vector<node_id>> members(sizes.size());
    for (node_id v = 0; v < n; ++v)
        members[static_cast<std::size_t>(weak.membership[static_cast<std::size_t>(v)])].push_back(v);
    std::vector<std::int32_t> local(static_cast<std::size_t>(n), -1);
    detail::SearchWorkspace ws(n);
    const ShortestPathOptions along{.use_weights = false, .direction = Direction::out, .cutoff = unreachable};
    for (const auto& nodes : members) {
        const auto k = static_cast<std::int64_t>(nodes.size());
        if (k <= 2) continue;
        most_violations += static_cast<double>(k - 1) * static_cast<double>(k - 2) / 2;
        for (std::int64_t i = 0; i < k; ++i)
            local[static_cast<std::size_t>(nodes[static_cast<std::size_t>(i)])] = static_cast<std::int32_t>(i);
        const std::int64_t words = (k + 63) / 64;
        std::vector<std::uint64_t> reaches(static_cast<std::size_t>(k * words), 0),
            reached_by(static_cast<std::size_t>(k * words), 0);
        auto set = [&](std::vector<std::uint64_t>& bits, std::int64_t row, std::int64_t col) {
            bits[static_cast<std::size_t>(row * words + col / 64)] |= std::uint64_t{1} << (col % 64);
        };
        for (std::int64_t a = 0; a < k; ++a) {
            detail::search(g, nodes[static_cast<std::size_t>(a)], along, ws);
            for (const node_id w : ws.seen) {
                const std::int64_t b = local[static_cast<std::size_t>(w)];
                set(reaches, a, b);
                set(reached_by, b, a);
            }
            ws.reset();
        }
        std::vector<std::uint64_t> upper(static_cast<std::size_t>(words));
        for (std::int64_t i = 0; i < k; ++i)
            for (std::int64_t j = i + 1; j < k; ++j) {
                // Upper bounds of i and j: the nodes that reach both.
                bool any = false;
                for (std::int64_t w = 0; w < words; ++w) {
                    upper[static_cast<std::size_t>(w)] = reached_by[static_cast<std::size_t>(i * words + w)] &
                                                         reached_by[static_cast<std::size_t>(j * words + w)];
                    any = any || upper[static_cast<std::size_t>(w)] != 0;
                }
                bool least = false;
                for (std::int64_t w = 0; any && w < words && !least; ++w)
                    for (std::uint64_t bits = upper[static_cast<std::size_t>(w)]; bits != 0 && !least;
                         bits &= bits - 1) {
                        const std::int64_t x = w * 64 + __builtin_ctzll(bits);
                        // x is least when it reaches every upper bound (as sna's lubness_con_R asks).
                        bool all = true;
                        for (std::int64_t u = 0; u < words && all; ++u)
                            all = (upper[static_cast<std::size_t>(u)] &
                                   ~reaches[static_cast<std::size_t>(x * words + u)]) == 0;
                        least = all;
                    }
                if (!least) ++violations;
            }
        for (const node_id v : nodes) local[static_cast<std::size_t>(v)] = -1;
    }
    h.lub = most_violations > 0 ? 1 - violations / most_violations : nan;
    return h;
}

}  // namespace essnet
