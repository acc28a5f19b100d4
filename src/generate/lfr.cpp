// LFR benchmark graphs (Lancichinetti, Fortunato & Radicchi 2008).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "essnet/core/random.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/graph/builder.hpp"

namespace essnet::generate {

namespace {

// Mean of the continuous power law x^-tau on [lo, hi].
double power_law_mean(double tau, double lo, double hi) {
    auto integral = [](double e, double a, double b) {  // integral of x^e from a to b
        return std::abs(e + 1) < 1e-12 ? std::log(b / a) : (std::pow(b, e + 1) - std::pow(a, e + 1)) / (e + 1);
    };
    return integral(1 - tau, lo, hi) / integral(-tau, lo, hi);
}

// Inverse-CDF draw from the continuous power law x^-tau on [lo, hi].
double power_law_draw(Rng& rng, double tau, double lo, double hi) {
    const double u = rng.uniform();
    if (std::abs(tau - 1) < 1e-12) return lo * std::pow(hi / lo, u);
    const double a = std::pow(lo, 1 - tau), b = std::pow(hi, 1 - tau);
    return std::pow(a + u * (b - a), 1 / (1 - tau));
}

std::uint64_t edge_key(node_id u, node_id v) {
    if (u > v) std::swap(u, v);
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(u)) << 32) | static_cast<std::uint32_t>(v);
}

// A pool of edges from a configuration model, with the rewiring that removes its bad edges
// (self-loops, parallel edges and, for external edges, edges inside one community).
class EdgePool {
public:
    EdgePool(const std::vector<std::int32_t>& community, bool external) : community_(community), external_(external) {}

    // Pairs up the stubs at random.
    void match(std::vector<node_id>& stubs, Rng& rng) {
        for (std::size_t i = stubs.size(); i > 1; --i) std::swap(stubs[i - 1], stubs[rng.below(i)]);
        for (std::size_t i = 0; i + 1 < stubs.size(); i += 2) add(stubs[i], stubs[i + 1]);
    }

    // Degree-preserving swaps of each bad edge with random partners; what stays bad is dropped.
    void rewire(Rng& rng, std::vector<std::pair<node_id, node_id>>& out) {
        for (int round = 0; round < 20; ++round) {
            bool any_bad = false;
            for (std::size_t i = 0; i < edges_.size(); ++i) {
                if (!bad(i)) continue;
                any_bad = true;
                for (int attempt = 0; attempt < 50 && bad(i); ++attempt) try_swap(i, rng.below(edges_.size()), rng);
            }
            if (!any_bad) break;
        }
        for (std::size_t i = 0; i < edges_.size(); ++i) {
            if (bad(i)) {
                remove_count(edges_[i]);
                continue;
            }
            out.push_back(edges_[i]);
        }
    }

private:
    void add(node_id u, node_id v) {
        edges_.emplace_back(u, v);
        ++count_[edge_key(u, v)];
    }
    void remove_count(const std::pair<node_id, node_id>& e) {
        auto it = count_.find(edge_key(e.first, e.second));
        if (--it->second == 0) count_.erase(it);
    }
    bool invalid_pair(node_id u, node_id v) const {
        return u == v ||
               (external_ && community_[static_cast<std::size_t>(u)] == community_[static_cast<std::size_t>(v)]);
    }
    bool bad(std::size_t i) const {
        const auto [u, v] = edges_[i];
        if (invalid_pair(u, v)) return true;
        return count_.at(edge_key(u, v)) > 1;
    }
    bool exists(node_id u, node_id v) const { return count_.count(edge_key(u, v)) > 0; }

    void try_swap(std::size_t i, std::size_t j, Rng& rng) {
        if (i == j || bad(j)) return;
        auto [u, v] = edges_[i];
        auto [x, y] = edges_[j];
        if (rng.below(2)) std::swap(x, y);
        // (u, v), (x, y) -> (u, x), (v, y)
        if (invalid_pair(u, x) || invalid_pair(v, y) || edge_key(u, x) == edge_key(v, y)) return;
        if (exists(u, x) || exists(v, y)) return;
        remove_count(edges_[i]);
        remove_count(edges_[j]);
        edges_[i] = {u, x};
        edges_[j] = {v, y};
        ++count_[edge_key(u, x)];
        ++count_[edge_key(v, y)];
    }

    const std::vector<std::int32_t>& community_;
    bool external_;
    std::vector<std::pair<node_id, node_id>> edges_;
    std::unordered_map<std::uint64_t, int> count_;
};

void check(bool ok, const std::string& message) {
    if (!ok) throw std::invalid_argument(message);
}

}  // namespace

LfrResult lfr(const LfrOptions& o) {
    check(o.n >= 2, "n must be at least 2, got " + std::to_string(o.n));
    check(o.mu >= 0 && o.mu <= 1, "mu must be in [0, 1], got " + std::to_string(o.mu));
    check(o.max_degree >= 1 && o.max_degree < o.n, "max_degree must be in 1..n-1, got " + std::to_string(o.max_degree));
    check(o.average_degree >= 1 && o.average_degree <= o.max_degree,
          "average_degree must be in [1, max_degree], got " + std::to_string(o.average_degree));
    check(o.degree_exponent > 1, "degree_exponent must be > 1, got " + std::to_string(o.degree_exponent));
    check(o.community_exponent > 0, "community_exponent must be > 0, got " + std::to_string(o.community_exponent));
    check(o.min_community >= 1 && o.min_community <= o.max_community && o.max_community <= o.n,
          "need 1 <= min_community <= max_community <= n, got " + std::to_string(o.min_community) + " and " +
              std::to_string(o.max_community));
    const double max_internal = std::ceil((1 - o.mu) * o.max_degree);
    check(max_internal < o.max_community, "max_community (" + std::to_string(o.max_community) +
                                              ") must exceed the largest internal degree (1 - mu) * "
                                              "max_degree = " +
                                              std::to_string(max_internal));

    Rng rng(o.seed);
    const auto n = static_cast<std::size_t>(o.n);
    const double kmax = o.max_degree;

    // 1. Degrees: find the lower cut-off whose power law has the requested mean, then draw.
    double lo = 1.0, hi = kmax;
    check(power_law_mean(o.degree_exponent, 1.0, kmax) <= o.average_degree + 1e-9,
          "average_degree " + std::to_string(o.average_degree) + " is too small for max_degree and degree_exponent");
    for (int it = 0; it < 100; ++it) {
        const double mid = 0.5 * (lo + hi);
        (power_law_mean(o.degree_exponent, mid, kmax) < o.average_degree ? lo : hi) = mid;
    }
    const double kmin = 0.5 * (lo + hi);
    std::vector<node_id> degree(n);
    std::int64_t total = 0;
    for (auto& k : degree) {
        k = static_cast<node_id>(std::clamp(std::lround(power_law_draw(rng, o.degree_exponent, kmin, kmax)), 1L,
                                            static_cast<long>(o.max_degree)));
        total += k;
    }
    if (total % 2) {  // the stubs must pair up
        auto& k = degree[rng.below(n)];
        k += k < o.max_degree ? 1 : -1;
    }

    // 2. Internal degrees, rounded at random so that the mixing is mu on average.
    std::vector<node_id> internal(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double want = (1 - o.mu) * degree[i];
        internal[i] = static_cast<node_id>(std::floor(want) + (rng.uniform() < want - std::floor(want) ? 1 : 0));
    }

    // 3. Community sizes summing to n.
    std::vector<node_id> sizes;
    std::int64_t covered = 0;
    while (covered < o.n) {
        const auto s = static_cast<node_id>(std::clamp(
            std::lround(power_law_draw(rng, o.community_exponent, o.min_community, o.max_community + 0.999) - 0.4999),
            static_cast<long>(o.min_community), static_cast<long>(o.max_community)));
        sizes.push_back(s);
        covered += s;
    }
    std::int64_t excess = covered - o.n;
    // Take the excess from the last community; if that leaves it too small, drop it and spread its
    // nodes over the others.
    if (sizes.back() - excess >= o.min_community) {
        sizes.back() = static_cast<node_id>(sizes.back() - excess);
    } else {
        std::int64_t spare = o.n - (covered - sizes.back());
        sizes.pop_back();
        for (std::size_t i = 0; spare > 0 && !sizes.empty(); i = (i + 1) % sizes.size()) {
            bool any_room = false;
            for (const auto s : sizes) any_room = any_room || s < o.max_community;
            check(any_room, "cannot split n = " + std::to_string(o.n) + " into communities of " +
                                std::to_string(o.min_community) + ".." + std::to_string(o.max_community) + " nodes");
            if (sizes[i] < o.max_community) {
                ++sizes[i];
                --spare;
            }
        }
        check(!sizes.empty(), "n is smaller than min_community");
    }

    // 4. Place nodes, largest internal degree first, in communities big enough for them.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return internal[a] > internal[b]; });
    std::vector<node_id> room(sizes.begin(), sizes.end());
    LfrResult result;
    result.community.assign(n, -1);
    std::vector<std::size_t> fitting;
    for (const std::size_t v : order) {
        fitting.clear();
        std::int64_t weight = 0;
        for (std::size_t c = 0; c < sizes.size(); ++c)
            if (room[c] > 0 && sizes[c] > internal[v]) {
                fitting.push_back(c);
                weight += room[c];
            }
        if (fitting.empty()) {
            // No community with room is large enough: cap the internal degree at the largest one.
            std::size_t best = sizes.size();
            for (std::size_t c = 0; c < sizes.size(); ++c)
                if (room[c] > 0 && (best == sizes.size() || sizes[c] > sizes[best])) best = c;
            internal[v] = sizes[best] - 1;
            fitting.push_back(best);
            weight = room[best];
        }
        // Choose in proportion to the room left, so communities fill evenly.
        auto pick = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(weight)));
        std::size_t c = fitting.front();
        for (const std::size_t f : fitting) {
            if (pick < room[f]) {
                c = f;
                break;
            }
            pick -= room[f];
        }
        result.community[v] = static_cast<std::int32_t>(c);
        --room[c];
    }

    // 5. Internal stubs per community must pair up: move one stub to the outside when odd.
    std::vector<std::vector<node_id>> members(sizes.size());
    for (std::size_t v = 0; v < n; ++v)
        members[static_cast<std::size_t>(result.community[v])].push_back(static_cast<node_id>(v));
    for (auto& group : members) {
        std::int64_t stubs = 0;
        for (const node_id v : group) stubs += internal[static_cast<std::size_t>(v)];
        if (stubs % 2 == 0) continue;
        node_id best = group.front();
        for (const node_id v : group)
            if (internal[static_cast<std::size_t>(v)] > internal[static_cast<std::size_t>(best)]) best = v;
        --internal[static_cast<std::size_t>(best)];
    }

    // 6. Configuration models: inside each community, then between communities.
    std::vector<std::pair<node_id, node_id>> edges;
    std::vector<node_id> stubs;
    for (const auto& group : members) {
        stubs.clear();
        for (const node_id v : group)
            for (node_id s = 0; s < internal[static_cast<std::size_t>(v)]; ++s) stubs.push_back(v);
        EdgePool pool(result.community, false);
        pool.match(stubs, rng);
        pool.rewire(rng, edges);
    }
    stubs.clear();
    for (std::size_t v = 0; v < n; ++v)
        for (node_id s = internal[v]; s < degree[v]; ++s) stubs.push_back(static_cast<node_id>(v));
    if (stubs.size() % 2) stubs.pop_back();
    {
        EdgePool pool(result.community, true);
        pool.match(stubs, rng);
        pool.rewire(rng, edges);
    }

    GraphBuilder b(o.n);
    b.reserve(edges.size());
    std::int64_t external_ends = 0;
    for (const auto& [u, v] : edges) {
        b.add_edge(u, v);
        if (result.community[static_cast<std::size_t>(u)] != result.community[static_cast<std::size_t>(v)])
            external_ends += 2;
    }
    result.mixing =
        edges.empty() ? 0.0 : static_cast<double>(external_ends) / (2.0 * static_cast<double>(edges.size()));
    result.graph = std::move(b).build();
    return result;
}

}  // namespace essnet::generate
