// Brokerage roles (Gould & Fernandez 1989) with the expected counts and z-scores of R's
// sna::brokerage.
//
// Gould R.V., Fernandez R.M. (1989). Structures of mediation: a formal approach to brokerage in
// transaction networks. Sociological Methodology 19:89-126. doi:10.2307/270949
// Butts C.T. (2008). Social network analysis with sna. Journal of Statistical Software 24(6).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

/// The five roles of a broker b on a path a -> b -> c where a does not send to c directly, by
/// the groups of a, b and c, then their total, in R sna's order and names.
enum BrokerageRole : std::size_t {
    coordinator = 0,     ///< w_I: a, b, c in one group
    itinerant = 1,       ///< w_O (consultant): a and c in one group, b in another
    representative = 2,  ///< b_IO: b in a's group, c elsewhere
    gatekeeper = 3,      ///< b_OI: b in c's group, a elsewhere
    liaison = 4,         ///< b_O: three different groups
    total = 5,           ///< t: all roles
};

inline constexpr std::array<const char*, 6> brokerage_role_names = {"w_I", "w_O", "b_IO", "b_OI", "b_O", "t"};

using BrokerageRow = std::array<double, 6>;

/// Everything sna::brokerage reports. Per node (aligned with the graph's nodes): raw counts, and
/// their expected value, standard deviation and z-score under a random graph of the same density
/// with the same groups; the same for the whole network (global); and the expected value and
/// standard deviation of each group (indexed by group label).
struct BrokerageResult {
    std::vector<BrokerageRow> raw, expected, sd, z;
    BrokerageRow global_raw{}, global_expected{}, global_sd{}, global_z{};
    std::vector<BrokerageRow> group_expected, group_sd;
};

/// Gould-Fernandez brokerage of every node of a directed graph for a grouping of the nodes (one
/// non-negative label per node: country, kind, sector ...), identical to R's sna::brokerage(g, cl):
/// counts of open two-paths a -> b -> c (a, b, c distinct, no arc a -> c) by role, and the
/// expected values, standard deviations and z-scores of sna (Gould & Fernandez's formulas with
/// the density m / (n (n - 1))). Parallel arcs count once and self-loops are ignored, as in a
/// binary sociomatrix without diagonal. An undirected graph is read as a symmetric one (every edge
/// an arc both ways), which is what sna does with a symmetric sociomatrix. Groups with labels that
/// no node carries get no row of their own in the formulas. O(sum over b of in(b) x (out(b) +
/// out(a))) time, parallel over brokers. Throws std::invalid_argument when groups does not hold
/// one non-negative label per node.
inline BrokerageResult brokerage(const Graph& g, std::span<const std::int32_t> groups) {
    const node_id n = g.num_nodes();
    const auto nn = static_cast<std::size_t>(n);
    if (groups.size() != nn)
        throw std::invalid_argument("groups must have one label per node (" + std::to_string(n) + "), got " +
                                    std::to_string(groups.size()));
    std::int32_t largest = -1;
    for (std::size_t v = 0; v < nn; ++v) {
        if (groups[v] < 0)
            throw std::invalid_argument("groups[" + std::to_string(v) + "] is negative (" + std::to_string(groups[v]) +
                                        ")");
        largest = std::max(largest, groups[v]);
    }
    const auto k = static_cast<std::size_t>(largest + 1);
    BrokerageResult r;
    r.raw.assign(nn, BrokerageRow{});

    // Raw counts: for each broker b, in-neighbour a and out-neighbour c with no arc a -> c.
    std::int64_t arcs = 0;
#pragma omp parallel reduction(+ : arcs)
    {
        std::vector<std::int32_t> mark(nn, -1);  // mark[c] == a: a sends to c
#pragma omp for schedule(dynamic, 256)
        for (node_id b = 0; b < n; ++b) {
            const auto out_b = g.out_neighbors(b), in_b = g.in_neighbors(b);
            for (std::size_t q = 0; q < out_b.size(); ++q)
                if (out_b[q] != b && (q == 0 || out_b[q] != out_b[q - 1])) ++arcs;
            const std::int32_t gb = groups[static_cast<std::size_t>(b)];
            auto& row = r.raw[static_cast<std::size_t>(b)];
            for (std::size_t p = 0; p < in_b.size(); ++p) {
                const node_id a = in_b[p];
                if (a == b || (p > 0 && in_b[p - 1] == a)) continue;
                for (const node_id c : g.out_neighbors(a)) mark[static_cast<std::size_t>(c)] = a;
                const std::int32_t ga = groups[static_cast<std::size_t>(a)];
                for (std::size_t q = 0; q < out_b.size(); ++q) {
                    const node_id c = out_b[q];
                    if (c == b || c == a || (q > 0 && out_b[q - 1] == c) || mark[static_cast<std::size_t>(c)] == a)
                        continue;
                    const std::int32_t gc = groups[static_cast<std::size_t>(c)];
                    if (ga == gb && gb == gc)
                        row[coordinator] += 1;
                    else if (ga == gc)
                        row[itinerant] += 1;
                    else if (ga == gb)
                        row[representative] += 1;
                    else if (gb == gc)
                        row[gatekeeper] += 1;
                    else
                        row[liaison] += 1;
                }
            }
            for (std::size_t role = 0; role < 5; ++role) row[total] += row[role];
        }
    }
    for (const auto& row : r.raw)
        for (std::size_t role = 0; role < 6; ++role) r.global_raw[role] += row[role];

    // Expected values and variances, as sna::brokerage computes them.
    const double N = n;
    const double d = n > 1 ? static_cast<double>(arcs) / (N * (N - 1)) : 0.0;
    const double d2 = d * d * (1 - d), d3 = std::pow(d, 3) * std::pow(1 - d, 3),
                 d4 = std::pow(d, 4) * std::pow(1 - d, 2), d5 = std::pow(d, 5) * (1 - d);
    auto choose2 = [](double x) { return x * (x - 1) / 2; };
    std::vector<double> size(k, 0.0);
    for (const auto c : groups) size[static_cast<std::size_t>(c)] += 1;
    std::vector<std::size_t> present;  // labels that some node carries
    for (std::size_t c = 0; c < k; ++c)
        if (size[c] > 0) present.push_back(c);
    r.group_expected.assign(k, BrokerageRow{});
    r.group_sd.assign(k, BrokerageRow{});
    for (const std::size_t i : present) {
        const double ni = size[i];
        double others_pairs = 0, others_triples = 0, others_outer = 0, others_sq = 0, others_liaison = 0;
        for (const std::size_t j : present) {
            if (j == i) continue;
            const double nj = size[j];
            others_pairs += nj * (nj - 1);
            others_triples += nj * (nj - 1) * (nj - 2);
            others_sq += nj * nj;
            others_liaison += nj * choose2(N - nj - ni);
            for (const std::size_t l : present)
                if (l != i) others_outer += nj * size[l];
        }
        auto& e = r.group_expected[i];
        BrokerageRow v{};
        e[coordinator] = d2 * (ni - 1) * (ni - 2);
        v[coordinator] = e[coordinator] * (1 - d2) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * d3;
        e[itinerant] = d2 * others_pairs;
        v[itinerant] = e[itinerant] * (1 - d2) + 2 * others_triples * d3;
        e[representative] = d2 * (N - ni) * (ni - 1);
        v[representative] =
            e[representative] * (1 - d2) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * d3;
        e[gatekeeper] = e[representative];
        v[gatekeeper] = v[representative];
        e[liaison] = d2 * (others_outer - others_sq);
        v[liaison] = e[liaison] * (1 - d2) + 4 * others_liaison * d3;
        e[total] = d2 * (N - 1) * (N - 2);
        v[total] = e[total] * (1 - d2) + 2 * (N - 1) * (N - 2) * (N - 3) * d3;
        for (std::size_t role = 0; role < 6; ++role) r.group_sd[i][role] = std::sqrt(v[role]);
    }
    r.expected.resize(nn);
    r.sd.resize(nn);
    r.z.resize(nn);
    for (std::size_t v = 0; v < nn; ++v) {
        const auto c = static_cast<std::size_t>(groups[v]);
        r.expected[v] = r.group_expected[c];
        r.sd[v] = r.group_sd[c];
        for (std::size_t role = 0; role < 6; ++role)
            r.z[v][role] = (r.raw[v][role] - r.expected[v][role]) / r.sd[v][role];
    }

    // The whole network.
    BrokerageRow gv{};
    auto& ge = r.global_expected;
    double s_coord = 0, s_it = 0, s_rep_var = 0, s_coord_var = 0;
    for (const std::size_t i : present) {
        const double x = size[i];
        s_coord += x * (x - 1) * (x - 2);
        s_coord_var += x * (x - 1) * (x - 2) * ((4 * x - 10) * d3 - 4 * (x - 3) * d4 + (x - 3) * d5);
        s_it += x * (N - x) * (x - 1);
        s_rep_var += x * (N - x) * (x - 1) * ((N - 3) * d3 + (x - 2) * d5);
    }
    ge[coordinator] = d2 * s_coord;
    gv[coordinator] = ge[coordinator] * (1 - d2) + s_coord_var;
    ge[itinerant] = d2 * s_it;
    double outer_it = 0, diag_it = 0;
    for (const std::size_t i : present) {
        const double x = size[i];
        for (const std::size_t j : present) {
            const double y = size[j];
            outer_it += x * y * (x - 1) * ((2 * x + 2 * y - 6) * d3 + (N - x - 1) * d5);
        }
        diag_it += x * x * (x - 1) * ((4 * x - 6) * d3 + (N - x - 1) * d5);
    }
    gv[itinerant] = ge[itinerant] * (1 - d2) + (outer_it - diag_it);
    ge[representative] = d2 * s_it;
    gv[representative] = ge[representative] * (1 - d2) + s_rep_var;
    ge[gatekeeper] = ge[representative];
    gv[gatekeeper] = gv[representative];
    double outer_li = 0, diag_li = 0;
    for (const std::size_t i : present) {
        const double x = size[i];
        for (const std::size_t j : present) outer_li += x * size[j] * (N - x - size[j]);
        diag_li += x * x * (N - 2 * x);
    }
    ge[liaison] = d2 * (outer_li - diag_li);
    gv[liaison] = ge[liaison] * (1 - d2);
    for (const std::size_t i : present)
        for (const std::size_t j : present)
            for (const std::size_t l : present) {
                if (i == j || j == l || i == l) continue;
                const double a = size[i], b = size[j], c = size[l];
                gv[liaison] += a * b * c *
                               ((4 * (N - b) - 2 * (a + c + 1)) * d3 - (4 * (N - c) - 2 * (a + b + 1)) * d4 +
                                (N - (a + c + 1)) * d5);
            }
    ge[total] = d2 * N * (N - 1) * (N - 2);
    gv[total] = ge[total] * (1 - d2) + N * (N - 1) * (N - 2) * ((4 * N - 10) * d3 - 4 * (N - 3) * d4 + (N - 3) * d5);
    for (std::size_t role = 0; role < 6; ++role) {
        r.global_sd[role] = std::sqrt(gv[role]);
        r.global_z[role] = (r.global_raw[role] - ge[role]) / r.global_sd[role];
    }
    return r;
}

}  // namespace essnet
