// Structural holes (Burt 1992): constraint, effective size, efficiency and hierarchy.
//
// Burt R.S. (1992). Structural Holes: The Social Structure of Competition. Harvard University
// Press. Definitions as networkx.algorithms.structuralholes (whose tests were checked against
// UCINET), for directed and weighted graphs too:
//   m(u, v) = a_uv + a_vu, the mutual weight (parallel edges summed; self-loops ignored);
//   N(u)    = the nodes tied to u in either direction, u excluded;
//   p(u, v) = m(u, v) / sum over w in N(u) of m(u, w), u's proportional investment in v;
//   constraint(u)     = sum over v in N(u) of (p(u, v) + sum over w in N(u) of p(u, w) p(w, v))^2;
//   effective size(u) = sum over v in N(u) of (1 - sum over w in N(u) of p(u, w) m(v, w) / max_x m(v, x));
//   efficiency(u)     = effective size(u) / |N(u)|;
//   hierarchy(u)      = sum over v in N(u) of r_v ln r_v / (|N| ln |N|), r_v = c(u, v) / (constraint(u) / |N|),
//                       c(u, v) the term of v in constraint(u) (Burt 1992, p. 71).
// A node without contacts gets NaN for all four (networkx gives NaN for constraint and effective
// size); hierarchy is NaN with fewer than two contacts or a constraint of 0 (0/0). Ties of weight
// 0 count as contacts; a share whose sum or maximum is 0 is 0, as networkx's
// normalized_mutual_weight has it (a node whose ties all weigh 0 has constraint 0 and effective
// size |N(u)|).
#pragma once

#include <cmath>
#include <limits>
#include <vector>

#include "essnet/core/parallel.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct StructuralHolesOptions {
    bool use_weights = true;  ///< use edge weights; when false every edge counts 1
};

struct StructuralHoles {
    std::vector<double> constraint, effective_size, efficiency, hierarchy;  ///< aligned with the graph's nodes
};

namespace detail {

// Mutual-weight adjacency: for each node its distinct contacts (either direction, itself
// excluded) in increasing order, with m(u, v).
struct MutualAdjacency {
    std::vector<std::int64_t> offsets{};
    std::vector<node_id> contacts{};
    std::vector<double> weight{};
    std::vector<double> total, largest;  // per node: sum and max of m(u, .)

    MutualAdjacency(const Graph& g, bool weighted) {
        const node_id n = g.num_nodes();
        const auto nn = static_cast<std::size_t>(n);
        offsets.assign(nn + 1, 0);
        total.assign(nn, 0.0);
        largest.assign(nn, 0.0);
        // Merges the sorted out- and in-lists of u (an undirected graph's arcs already go both
        // ways: its out-list is read twice, as a_uv + a_vu = 2 w).
        auto for_each_contact = [&](node_id u, auto&& emit) {
            const auto out = g.out_neighbors(u), in = g.in_neighbors(u);
            const auto out_e = g.out_edges(u), in_e = g.in_edges(u);
            std::size_t i = 0, j = 0;
            node_id current = -1;
            double m = 0;
            auto flush = [&] {
                if (current >= 0 && current != u) emit(current, m);
            };
            while (i < out.size() || j < in.size()) {
                const bool take_out = j >= in.size() || (i < out.size() && out[i] <= in[j]);
                const node_id v = take_out ? out[i] : in[j];
                const double w = weighted ? g.weight(take_out ? out_e[i] : in_e[j]) : 1.0;
                take_out ? ++i : ++j;
                if (v != current) {
                    flush();
                    current = v;
                    m = 0;
                }
                m += w;
            }
            flush();
        };
#pragma omp parallel for schedule(dynamic, 1024)
        for (node_id u = 0; u < n; ++u) {
            std::int64_t c = 0;
            for_each_contact(u, [&](node_id, double) { ++c; });
            offsets[static_cast<std::size_t>(u) + 1] = c;
        }
        for (std::size_t u = 0; u < nn; ++u) offsets[u + 1] += offsets[u];
        contacts.resize(static_cast<std::size_t>(offsets[nn]));
        weight.resize(contacts.size());
#pragma omp parallel for schedule(dynamic, 1024)
        for (node_id u = 0; u < n; ++u) {
            const auto ui = static_cast<std::size_t>(u);
            auto k = static_cast<std::size_t>(offsets[ui]);
            for_each_contact(u, [&](node_id v, double m) {
                contacts[k] = v;
                weight[k++] = m;
                total[ui] += m;
                largest[ui] = std::max(largest[ui], m);
            });
        }
    }
    std::size_t begin(node_id u) const {
        return static_cast<std::size_t>(offsets[static_cast<std::size_t>(u)]);
    }
    std::size_t end(node_id u) const {
        return static_cast<std::size_t>(offsets[static_cast<std::size_t>(u) + 1]);
    }
};

}  // namespace detail

/// Burt's (1992) structural-hole measures of every node: constraint, effective size, efficiency
/// and hierarchy, as defined at the top of this header (constraint and effective size equal to
/// networkx's). O(sum of squared degrees) time, parallel over nodes.
inline StructuralHoles structural_holes(const Graph& g, const StructuralHolesOptions& options = {}) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    const detail::MutualAdjacency a(g, options.use_weights && g.weighted());
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    StructuralHoles r;
    r.constraint.assign(nn, nan);
    r.effective_size.assign(nn, nan);
    r.efficiency.assign(nn, nan);
    r.hierarchy.assign(nn, nan);
#pragma omp parallel
    {
        // p(u, w) for w in N(u), and the indirect sums, indexed by node; reset after each u.
        std::vector<double> share(nn, 0.0), indirect(nn, 0.0);
        std::vector<std::uint8_t> contact(nn, 0);
#pragma omp for schedule(dynamic, 256)
        for (node_id u = 0; u < n; ++u) {
            const auto ui = static_cast<std::size_t>(u);
            const std::size_t ub = a.begin(u), ue = a.end(u);
            if (ub == ue) continue;
            for (std::size_t k = ub; k < ue; ++k) {
                contact[static_cast<std::size_t>(a.contacts[k])] = 1;
                share[static_cast<std::size_t>(a.contacts[k])] = a.total[ui] > 0 ? a.weight[k] / a.total[ui] : 0.0;
            }
            double redundancy = 0;
            for (std::size_t k = ub; k < ue; ++k) {
                const node_id v = a.contacts[k];
                const auto vi = static_cast<std::size_t>(v);
                const double pv = share[vi];
                for (std::size_t q = a.begin(v); q < a.end(v); ++q) {
                    const auto wi = static_cast<std::size_t>(a.contacts[q]);
                    // A tie of weight 0 adds nothing (and v's sums may be 0: no 0/0).
                    if (!contact[wi] || a.weight[q] == 0) continue;
                    // w in N(u) and N(v): v's investment in w feeds u's indirect tie to w, and
                    // u's investment in w makes v redundant.
                    indirect[wi] += pv * a.weight[q] / a.total[vi];
                    redundancy += share[wi] * a.weight[q] / a.largest[vi];
                }
            }
            const double contacts = static_cast<double>(ue - ub);
            double c = 0;
            for (std::size_t k = ub; k < ue; ++k) {
                const auto vi = static_cast<std::size_t>(a.contacts[k]);
                const double term = share[vi] + indirect[vi];
                c += term * term;
            }
            double h = 0;
            for (std::size_t k = ub; k < ue && contacts >= 2 && c > 0; ++k) {
                const auto vi = static_cast<std::size_t>(a.contacts[k]);
                const double term = share[vi] + indirect[vi];
                const double ratio = term * term / (c / contacts);
                if (ratio > 0) h += ratio * std::log(ratio);
            }
            r.constraint[ui] = c;
            r.effective_size[ui] = contacts - redundancy;
            r.efficiency[ui] = (contacts - redundancy) / contacts;
            r.hierarchy[ui] = contacts >= 2 && c > 0 ? h / (contacts * std::log(contacts)) : nan;
            for (std::size_t k = ub; k < ue; ++k) {
                const auto vi = static_cast<std::size_t>(a.contacts[k]);
                contact[vi] = 0;
                share[vi] = 0;
                indirect[vi] = 0;
            }
        }
    }
    return r;
}

}  // namespace essnet
