// Quality of a partition of a graph's nodes: modularity, Constant Potts Model, coverage and
// performance, conductance of each community, community sizes.
//
// A partition is a membership vector: one non-negative label per node, aligned with the graph's
// nodes. Labels need not be contiguous; functions that return one value per community index it by
// label (0 .. largest label), like numpy's bincount.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/community/compare.hpp"
#include "essnet/community/partition.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

/// The function a community algorithm maximises.
enum class QualityFunction {
    modularity,  ///< Newman & Girvan (2004) with a resolution (Reichardt & Bornholdt 2006); Leicht & Newman (2008) when
                 ///< directed
    cpm,  ///< Constant Potts Model (Traag, Van Dooren & Nesterov 2011): arcs inside minus resolution x node pairs
};

struct CpmOptions {
    /// gamma: the density a community must exceed to be worth forming (leidenalg's default 1).
    double resolution = 1;
    /// Use the edge weights; when false every edge counts 1.
    bool use_weights = true;
};

struct ModularityOptions {
    /// Resolution gamma of Reichardt & Bornholdt (2006): above 1 favours smaller communities.
    double resolution = 1;
    /// Use the edge weights; when false every edge counts 1.
    bool use_weights = true;
};

/// Coverage and performance of a partition (Fortunato 2010, section 3.3.2).
struct PartitionQuality {
    /// Share of the edges that lie inside communities.
    double coverage = 0;
    /// Share of the pairs of distinct nodes that the partition classifies correctly: adjacent and
    /// in the same community, or not adjacent and in different communities.
    double performance = 0;
};

namespace detail {

inline void check_resolution(double resolution) {
    if (std::isfinite(resolution) && resolution >= 0) return;
    std::ostringstream message;  // shortest form: -1e-09, not to_string's -0.000000
    message << "resolution must be finite and non-negative, got " << resolution;
    throw std::invalid_argument(message.str());
}

// Largest label + 1: the length of a per-label result.
inline std::size_t label_count(std::span<const std::int32_t> membership) {
    std::int32_t max_label = -1;
    for (const auto c : membership) max_label = std::max(max_label, c);
    return static_cast<std::size_t>(max_label + 1);
}

}  // namespace detail

/// Modularity of a partition: Newman & Girvan (2004), Phys. Rev. E 69, 026113,
/// doi:10.1103/PhysRevE.69.026113, with edge weights (Newman 2004, Phys. Rev. E 70, 056131) and the
/// resolution gamma of Reichardt & Bornholdt (2006), Phys. Rev. E 74, 016110:
///
///     Q = 1/(2m) sum_ij [A_ij - gamma k_i k_j / (2m)] delta(c_i, c_j)
///
/// and for a directed graph the form of Leicht & Newman (2008), Phys. Rev. Lett. 100, 118703,
/// doi:10.1103/PhysRevLett.100.118703:
///
///     Q = 1/m sum_ij [A_ij - gamma k_i^out k_j^in / m] delta(c_i, c_j)
///
/// m is the total edge weight. Parallel edges add up; an undirected self-loop of weight w adds w to
/// its community's internal weight and 2w to its node's degree (A_ii = 2w). This is the value of
/// networkx's community.modularity and igraph's modularity.
///
/// A graph without edges (m = 0) has no modularity: the result is NaN, as igraph returns
/// (networkx raises ZeroDivisionError). O(n + m) time, O(n) memory.
///
/// Throws std::invalid_argument when `membership` does not have one non-negative label per node,
/// or the resolution is negative, infinite or NaN.
inline double modularity(const Graph& g, std::span<const std::int32_t> membership,
                         const ModularityOptions& options = {}) {
    detail::check_membership(g, membership, "membership");
    detail::check_resolution(options.resolution);
    const auto [community, count] = detail::dense_labels(membership);
    const auto k = static_cast<std::size_t>(count);
    // Per community: weight of the edges inside, and of the arc ends leaving and entering it.
    std::vector<double> internal(k, 0.0), out_weight(k, 0.0), in_weight(k, 0.0);
    double m = 0;
    const auto sources = g.edge_sources();
    const auto targets = g.edge_targets();
    for (std::size_t e = 0; e < sources.size(); ++e) {
        const double w = options.use_weights ? g.weight(static_cast<edge_id>(e)) : 1.0;
        const auto cu = static_cast<std::size_t>(community[static_cast<std::size_t>(sources[e])]);
        const auto cv = static_cast<std::size_t>(community[static_cast<std::size_t>(targets[e])]);
        m += w;
        if (cu == cv) internal[cu] += w;
        out_weight[cu] += w;
        in_weight[cv] += w;
    }
    if (m == 0) return std::numeric_limits<double>::quiet_NaN();
    double q = 0;
    for (std::size_t c = 0; c < k; ++c) {
        if (g.directed()) {
            // Shares of m before the product, which could overflow (or underflow) for large weights.
            q += internal[c] / m - options.resolution * (out_weight[c] / m) * (in_weight[c] / m);
        } else {
            // Each edge gives one unit of weight to each end, so the degree sum is out + in.
            const double degree_share = (out_weight[c] / m + in_weight[c] / m) / 2;
            q += internal[c] / m - options.resolution * degree_share * degree_share;
        }
    }
    return q;
}

/// Quality of a partition under the Constant Potts Model of Traag, Van Dooren & Nesterov (2011),
/// Phys. Rev. E 84, 016114, doi:10.1103/PhysRevE.84.016114, with the value that leidenalg's
/// CPMVertexPartition(graph, initial_membership, weights, resolution_parameter).quality() gives
/// (node sizes 1):
///
///     Q = f sum_c [w_c - gamma P(n_c)],   P(s) = s (s - 1) / d + (s if the graph has a self-loop)
///
/// where w_c is the weight of the edges inside community c (a self-loop counts its weight once),
/// n_c its number of nodes, and f = d = 2 for an undirected graph, f = d = 1 for a directed one.
/// The self-loop term is leidenalg's correction that lets a node pair with itself; like
/// leidenalg, it applies to every community as soon as the graph has any self-loop.
/// O(n + m) time, O(n) memory.
///
/// Throws std::invalid_argument when `membership` does not have one non-negative label per node,
/// or the resolution is negative, infinite or NaN.
inline double cpm_quality(const Graph& g, std::span<const std::int32_t> membership, const CpmOptions& options = {}) {
    const double resolution = options.resolution;
    const bool use_weights = options.use_weights;
    detail::check_membership(g, membership, "membership");
    detail::check_resolution(resolution);
    const auto [community, count] = detail::dense_labels(membership);
    const auto k = static_cast<std::size_t>(count);
    std::vector<double> internal(k, 0.0), size(k, 0.0);
    for (const auto c : community) size[static_cast<std::size_t>(c)] += 1;
    bool has_self_loop = false;
    const auto sources = g.edge_sources();
    const auto targets = g.edge_targets();
    for (std::size_t e = 0; e < sources.size(); ++e) {
        has_self_loop = has_self_loop || sources[e] == targets[e];
        const auto cu = community[static_cast<std::size_t>(sources[e])];
        if (cu == community[static_cast<std::size_t>(targets[e])])
            internal[static_cast<std::size_t>(cu)] += use_weights ? g.weight(static_cast<edge_id>(e)) : 1.0;
    }
    const double pair_divisor = g.directed() ? 1 : 2;
    double q = 0;
    for (std::size_t c = 0; c < k; ++c) {
        const double possible_edges = size[c] * (size[c] - 1) / pair_divisor + (has_self_loop ? size[c] : 0);
        q += internal[c] - resolution * possible_edges;
    }
    return (g.directed() ? 1 : 2) * q;
}

/// Number of nodes with each label, indexed by label 0 .. largest label (numpy's bincount;
/// labels that no node has get 0). O(n + largest label).
/// Throws std::invalid_argument when a label is negative.
inline std::vector<std::int64_t> community_sizes(std::span<const std::int32_t> membership) {
    detail::check_labels(membership, "membership");
    std::vector<std::int64_t> sizes(detail::label_count(membership), 0);
    for (const auto c : membership) ++sizes[static_cast<std::size_t>(c)];
    return sizes;
}

/// Coverage and performance of a partition, Fortunato (2010), Phys. Rep. 486, 75-174,
/// doi:10.1016/j.physrep.2009.11.002, section 3.3.2; unweighted, as networkx's
/// community.partition_quality.
///
/// Coverage counts every edge, parallel edges and self-loops included, as networkx does (for
/// multigraphs too). Performance is the share of pairs of distinct nodes (ordered pairs when
/// directed) that are adjacent within a community or non-adjacent across communities; it equals
/// networkx's on graphs without parallel edges or self-loops. It differs where networkx departs
/// from that definition: networkx counts a self-loop as one more correctly classified pair (so its
/// performance can exceed 1) and returns -1 for any multigraph; here a pair joined by several
/// parallel edges is one adjacent pair, and self-loops are no pairs at all.
///
/// Coverage is NaN without edges and performance NaN with fewer than 2 nodes (networkx raises
/// ZeroDivisionError). O(n + m) time.
///
/// Throws std::invalid_argument when `membership` does not have one non-negative label per node.
inline PartitionQuality partition_quality(const Graph& g, std::span<const std::int32_t> membership) {
    detail::check_membership(g, membership, "membership");
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    PartitionQuality r;

    std::int64_t intra_edges = 0;
    const auto sources = g.edge_sources();
    const auto targets = g.edge_targets();
    for (std::size_t e = 0; e < sources.size(); ++e)
        if (membership[static_cast<std::size_t>(sources[e])] == membership[static_cast<std::size_t>(targets[e])])
            ++intra_edges;
    r.coverage = g.num_edges() == 0 ? nan : static_cast<double>(intra_edges) / static_cast<double>(g.num_edges());

    // Adjacent pairs of distinct nodes, each once: neighbour lists are sorted, so a parallel edge
    // repeats the previous neighbour; an undirected pair is counted from its smaller end.
    std::int64_t intra_pairs = 0, inter_adjacent_pairs = 0;
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        node_id previous = -1;
        for (const node_id v : g.out_neighbors(u)) {
            if (v == previous || v == u || (!g.directed() && v < u)) continue;
            previous = v;
            if (membership[static_cast<std::size_t>(u)] == membership[static_cast<std::size_t>(v)])
                ++intra_pairs;
            else
                ++inter_adjacent_pairs;
        }
    }
    const std::int64_t n = g.num_nodes();
    const auto [community, count] = detail::dense_labels(membership);
    std::vector<std::int64_t> sizes(static_cast<std::size_t>(count), 0);
    for (const auto c : community) ++sizes[static_cast<std::size_t>(c)];
    std::int64_t same_community_pairs = 0;  // ordered pairs (u, v), u != v, in one community
    for (const auto s : sizes) same_community_pairs += s * (s - 1);
    std::int64_t all_pairs = n * (n - 1), inter_pairs = all_pairs - same_community_pairs;
    if (!g.directed()) {
        all_pairs /= 2;
        inter_pairs /= 2;
    }
    r.performance = all_pairs == 0 ? nan
                                   : static_cast<double>(intra_pairs + inter_pairs - inter_adjacent_pairs) /
                                         static_cast<double>(all_pairs);
    return r;
}

/// Conductance of each community S, cut(S) / min(vol(S), vol(V \ S)) (Kannan, Vempala & Vetta
/// 2004, J. ACM 51(3), 497-515, doi:10.1145/990308.990313), as networkx's cuts.conductance(G, S,
/// V \ S, weight): cut(S) is the weight of the edges between S and the rest (for a directed graph,
/// arcs in both directions), vol the sum of degrees (out-degrees when directed; a self-loop counts
/// twice when undirected), parallel edges counted each. Note that networkx's conductance is
/// unweighted by default (weight=None) while `use_weights` defaults to true here.
///
/// Indexed by label 0 .. largest label. NaN where the smaller volume is 0 (a label no node has, a
/// community of isolated nodes, a community holding every edge end), where networkx raises
/// ZeroDivisionError. O(n + m) time.
///
/// Throws std::invalid_argument when `membership` does not have one non-negative label per node.
inline std::vector<double> conductance(const Graph& g, std::span<const std::int32_t> membership,
                                       bool use_weights = true) {
    detail::check_membership(g, membership, "membership");
    const auto k = detail::label_count(membership);
    std::vector<double> cut(k, 0.0), volume(k, 0.0);
    double total_volume = 0;
    const auto sources = g.edge_sources();
    const auto targets = g.edge_targets();
    for (std::size_t e = 0; e < sources.size(); ++e) {
        const double w = use_weights ? g.weight(static_cast<edge_id>(e)) : 1.0;
        const auto cu = static_cast<std::size_t>(membership[static_cast<std::size_t>(sources[e])]);
        const auto cv = static_cast<std::size_t>(membership[static_cast<std::size_t>(targets[e])]);
        volume[cu] += w;
        total_volume += w;
        if (!g.directed()) {
            volume[cv] += w;
            total_volume += w;
        }
        if (cu != cv) {
            cut[cu] += w;
            cut[cv] += w;
        }
    }
    std::vector<double> result(k);
    for (std::size_t c = 0; c < k; ++c) {
        const double smaller_volume = std::min(volume[c], total_volume - volume[c]);
        result[c] = smaller_volume > 0 ? cut[c] / smaller_volume : std::numeric_limits<double>::quiet_NaN();
    }
    return result;
}

namespace detail {

// The value of the quality function a community algorithm optimised.
inline double partition_quality_value(const Graph& g, const std::vector<std::int32_t>& membership,
                                      QualityFunction quality, double resolution, bool use_weights) {
    if (quality == QualityFunction::modularity)
        return modularity(g, membership, {.resolution = resolution, .use_weights = use_weights});
    return cpm_quality(g, membership, {.resolution = resolution, .use_weights = use_weights});
}

}  // namespace detail

}  // namespace essnet
