// Group structure: the Krackhardt-Stern E-I index, attribute mixing matrices and assortativity.
//
// Groups are given as one non-negative integer label per node (country, kind, sector ...,
// numbered by the caller); numeric attributes as one value per node.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

namespace detail {

inline std::size_t checked_groups(const Graph& g, std::span<const std::int32_t> groups) {
    if (groups.size() != static_cast<std::size_t>(g.num_nodes()))
        throw std::invalid_argument("groups must have one label per node (" + std::to_string(g.num_nodes()) +
                                    "), got " + std::to_string(groups.size()));
    std::int32_t largest = -1;
    for (std::size_t v = 0; v < groups.size(); ++v) {
        if (groups[v] < 0)
            throw std::invalid_argument("groups[" + std::to_string(v) + "] is negative (" + std::to_string(groups[v]) +
                                        ")");
        largest = std::max(largest, groups[v]);
    }
    return static_cast<std::size_t>(largest + 1);
}

// Calls f(u, v, w) once per edge (u != v; self-loops skipped), with its weight or 1.
template <class F>
void for_each_edge(const Graph& g, bool weighted, F&& f) {
    const auto s = g.edge_sources(), t = g.edge_targets();
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const auto ei = static_cast<std::size_t>(e);
        if (s[ei] != t[ei]) f(s[ei], t[ei], weighted ? g.weight(e) : 1.0);
    }
}

inline double ei_ratio(double external, double internal) {
    return external + internal > 0 ? (external - internal) / (external + internal)
                                   : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace detail

/// The E-I index of Krackhardt & Stern (1988), "Informal networks and organizational crises: an
/// experimental simulation", Social Psychology Quarterly 51(2):123-140: (E - I) / (E + I), E the
/// ties between groups and I the ties within them; -1 when every tie stays inside its group, +1
/// when every tie crosses. Each edge counts once whatever its direction (weighted: by its weight);
/// self-loops do not count. NaN where there is no tie.
struct EIIndexOptions {
    bool use_weights = true;  ///< count ties by their weight; when false every tie counts 1
};

struct EIIndex {
    double network = 0;           ///< over all ties
    std::vector<double> group{};  ///< per group label: ties with at least one end in the group
    std::vector<double> node{};   ///< per node: its own ties
};

/// E-I index of the whole network, of each group and of each node (see EIIndex). Throws
/// std::invalid_argument when groups does not hold one non-negative label per node.
inline EIIndex ei_index(const Graph& g, std::span<const std::int32_t> groups, const EIIndexOptions& options = {}) {
    const bool use_weights = options.use_weights;
    const std::size_t k = detail::checked_groups(g, groups);
    const auto n = static_cast<std::size_t>(g.num_nodes());
    std::vector<double> ext_g(k, 0.0), int_g(k, 0.0), ext_v(n, 0.0), int_v(n, 0.0);
    double ext = 0, in = 0;
    detail::for_each_edge(g, use_weights && g.weighted(), [&](node_id u, node_id v, double w) {
        const auto a = static_cast<std::size_t>(groups[static_cast<std::size_t>(u)]);
        const auto b = static_cast<std::size_t>(groups[static_cast<std::size_t>(v)]);
        if (a == b) {
            in += w;
            int_g[a] += w;
            int_v[static_cast<std::size_t>(u)] += w;
            int_v[static_cast<std::size_t>(v)] += w;
        } else {
            ext += w;
            ext_g[a] += w;
            ext_g[b] += w;
            ext_v[static_cast<std::size_t>(u)] += w;
            ext_v[static_cast<std::size_t>(v)] += w;
        }
    });
    EIIndex r;
    r.network = detail::ei_ratio(ext, in);
    r.group.resize(k);
    for (std::size_t c = 0; c < k; ++c) r.group[c] = detail::ei_ratio(ext_g[c], int_g[c]);
    r.node.resize(n);
    for (std::size_t v = 0; v < n; ++v) r.node[v] = detail::ei_ratio(ext_v[v], int_v[v]);
    return r;
}

/// Attribute mixing matrix as networkx's attribute_mixing_matrix (normalized = false): entry
/// [a][b] counts the edge ends from a node of group a to a node of group b, an undirected edge
/// counting both ways (so the matrix is symmetric) and a self-loop once; a directed arc counts
/// from source to target. Parallel edges each count. Row-major, k x k for k = largest label + 1.
inline std::vector<double> mixing_matrix(const Graph& g, std::span<const std::int32_t> groups) {
    const std::size_t k = detail::checked_groups(g, groups);
    std::vector<double> m(k * k, 0.0);
    const auto s = g.edge_sources(), t = g.edge_targets();
    for (std::size_t e = 0; e < s.size(); ++e) {
        const auto a = static_cast<std::size_t>(groups[static_cast<std::size_t>(s[e])]);
        const auto b = static_cast<std::size_t>(groups[static_cast<std::size_t>(t[e])]);
        m[a * k + b] += 1;
        if (!g.directed() && s[e] != t[e]) m[b * k + a] += 1;
    }
    return m;
}

/// Nominal assortativity (Newman 2003, "Mixing patterns in networks", Phys. Rev. E 67:026126) of
/// a grouping, as networkx's attribute_assortativity_coefficient: r = (tr e - ||e^2||) / (1 -
/// ||e^2||) for the normalised mixing matrix e. NaN when undefined (no edges, or every edge end in
/// one group). Throws std::invalid_argument as ei_index.
inline double attribute_assortativity(const Graph& g, std::span<const std::int32_t> groups) {
    const std::size_t k = detail::checked_groups(g, groups);
    auto m = mixing_matrix(g, groups);
    double total = 0;
    for (const double x : m) total += x;
    if (total == 0) return std::numeric_limits<double>::quiet_NaN();
    for (auto& x : m) x /= total;
    double trace = 0, squares = 0;
    std::vector<double> row(k, 0.0), col(k, 0.0);
    for (std::size_t a = 0; a < k; ++a)
        for (std::size_t b = 0; b < k; ++b) {
            row[a] += m[a * k + b];
            col[b] += m[a * k + b];
        }
    for (std::size_t a = 0; a < k; ++a) {
        trace += m[a * k + a];
        squares += row[a] * col[a];  // the sum of the entries of e^2
    }
    return squares == 1 ? std::numeric_limits<double>::quiet_NaN() : (trace - squares) / (1 - squares);
}

/// Numeric assortativity, as networkx's numeric_assortativity_coefficient: the Pearson
/// correlation of the values at the two ends of every edge end counted as in mixing_matrix. NaN
/// when undefined (no edges, or no variation at either end). Throws std::invalid_argument unless
/// values holds one finite number per node.
inline double numeric_assortativity(const Graph& g, std::span<const double> values) {
    if (values.size() != static_cast<std::size_t>(g.num_nodes()))
        throw std::invalid_argument("values must have one number per node (" + std::to_string(g.num_nodes()) +
                                    "), got " + std::to_string(values.size()));
    for (std::size_t v = 0; v < values.size(); ++v)
        if (!std::isfinite(values[v])) throw std::invalid_argument("values[" + std::to_string(v) + "] is not finite");
    // Values over the largest one (the correlation does not depend on their unit), so that sums
    // and squares of values near 1e160 or 1e-160 neither overflow nor underflow. Two passes
    // (means, then centred sums) for accuracy.
    double unit = 0;
    for (const double v : values) unit = std::max(unit, std::abs(v));
    if (unit == 0) unit = 1;
    double count = 0, sx = 0, sy = 0;
    auto pairs = [&](auto&& f) {
        const auto s = g.edge_sources(), t = g.edge_targets();
        for (std::size_t e = 0; e < s.size(); ++e) {
            const double x = values[static_cast<std::size_t>(s[e])] / unit,
                         y = values[static_cast<std::size_t>(t[e])] / unit;
            f(x, y);
            if (!g.directed() && s[e] != t[e]) f(y, x);
        }
    };
    pairs([&](double x, double y) {
        ++count;
        sx += x;
        sy += y;
    });
    if (count == 0) return std::numeric_limits<double>::quiet_NaN();
    const double mx = sx / count, my = sy / count;
    double sxy = 0, sxx = 0, syy = 0;
    pairs([&](double x, double y) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    });
    return sxx == 0 || syy == 0 ? std::numeric_limits<double>::quiet_NaN() : sxy / std::sqrt(sxx * syy);
}

}  // namespace essnet
