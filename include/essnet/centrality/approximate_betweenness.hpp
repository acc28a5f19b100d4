// Approximate betweenness by shortest-path sampling with an (epsilon, delta) guarantee.
//
// Riondato M., Kornaropoulos E.M. (2016). Fast approximation of betweenness centrality through
// sampling. Data Mining and Knowledge Discovery 30(2):438-475. doi:10.1007/s10618-015-0423-0
//
// r = (c / eps^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta)) pairs (s, t) are drawn uniformly; for
// each, one shortest s-t path is drawn uniformly and its inner nodes get 1/r. With probability at
// least 1 - delta every estimate is within eps of the exact value normalised over ordered pairs,
// 1/(n(n-1)). VD, the vertex diameter, is bounded from above (2 x eccentricity + 1 per component
// when undirected, n when directed), which only adds samples. Sample i uses its own random stream,
// so results do not depend on the thread count.
//
// On unweighted graphs each pair is searched with a balanced bidirectional BFS, as in KADABRA
// (Borassi M., Natale E. (2016), "KADABRA is an ADaptive Algorithm for Betweenness via Random
// Approximation", ESA 2016, doi:10.4230/LIPIcs.ESA.2016.20): the side whose frontier has the
// smaller degree sum grows one level at a time until the two balls touch, which visits a small part
// of a real-world graph instead of all of it; the path is then drawn uniformly through the meeting
// layer. Weighted graphs use Dijkstra from s.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/centrality/betweenness.hpp"
#include "essnet/core/random.hpp"

namespace essnet {

struct ApproximateBetweennessOptions {
    double epsilon = 0.01;  ///< largest error, on networkx's normalised scale
    double delta = 0.1;     ///< probability that some node's error exceeds epsilon
    bool use_weights = true;
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

struct ApproximateBetweennessResult {
    std::vector<double> score;  ///< estimates, normalised as betweenness() with normalized = true
    std::int64_t samples = 0;   ///< number of sampled pairs
    std::int64_t vertex_diameter_bound = 0;
};

namespace detail {

// Draws one shortest s-t path uniformly at random on an unweighted graph by bidirectional BFS and
// adds 1 to each of its inner nodes in `count`. Parallel arcs count as one path, as in
// betweenness(). Buffers are reused from sample to sample; only touched entries are reset.
class BidirectionalPathSampler {
public:
    explicit BidirectionalPathSampler(const Graph& g) : g_(g), from_s_(g.num_nodes()), from_t_(g.num_nodes()) {}

    void sample(node_id s, node_id t, Rng& rng, std::vector<double>& count) {
        from_s_.start(s, g_.out_degree(s));
        from_t_.start(t, g_.in_degree(t));
        meeting_.clear();
        // Grow the cheaper side one whole level, so the path counts of that level are complete.
        while (meeting_.empty() && !from_s_.frontier.empty() && !from_t_.frontier.empty()) {
            if (from_s_.frontier_degree <= from_t_.frontier_degree)
                grow(from_s_, from_t_, true);
            else
                grow(from_t_, from_s_, false);
        }
        if (!meeting_.empty()) {
            // The balls were disjoint before this level, so every shortest path crosses the new
            // layer exactly once, at a node that the other side reached last: pick that node with
            // probability sigma_s * sigma_t / sigma_st, then walk to each end.
            double total = 0;
            for (const node_id w : meeting_) total += paths_through(w);
            double pick = rng.uniform() * total;
            node_id w = meeting_.back();
            for (const node_id x : meeting_) {
                pick -= paths_through(x);
                if (pick < 0) {
                    w = x;
                    break;
                }
            }
            if (w != s && w != t) count[static_cast<std::size_t>(w)] += 1;
            walk(from_s_, w, true, rng, count);
            walk(from_t_, w, false, rng, count);
        }
        from_s_.reset();
        from_t_.reset();
    }

private:
    struct Side {
        std::vector<std::int32_t> dist{};
        std::vector<double> sigma{};
        std::vector<node_id> touched, frontier, next;
        std::int32_t level = 0;
        arc_index frontier_degree = 0;
        explicit Side(node_id n) : dist(static_cast<std::size_t>(n), -1), sigma(static_cast<std::size_t>(n), 0) {}
        void start(node_id root, arc_index degree) {
            dist[static_cast<std::size_t>(root)] = 0;
            sigma[static_cast<std::size_t>(root)] = 1;
            touched.assign(1, root);
            frontier.assign(1, root);
            level = 0;
            frontier_degree = degree;
        }
        void reset() {
            for (const node_id v : touched) dist[static_cast<std::size_t>(v)] = -1;
        }
    };

    std::span<const node_id> neighbors(node_id v, bool outward) const {
        return outward ? g_.out_neighbors(v) : g_.in_neighbors(v);
    }

    double paths_through(node_id w) const {
        return from_s_.sigma[static_cast<std::size_t>(w)] * from_t_.sigma[static_cast<std::size_t>(w)];
    }

    // One BFS level of `side` (s's side follows out-arcs, t's side in-arcs); the nodes of the new
    // level that `other` has reached go to meeting_.
    void grow(Side& side, const Side& other, bool outward) {
        const std::int32_t level = side.level + 1;
        side.next.clear();
        side.frontier_degree = 0;
        for (const node_id u : side.frontier) {
            const double su = side.sigma[static_cast<std::size_t>(u)];
            const auto nbrs = neighbors(u, outward);
            for (std::size_t k = 0; k < nbrs.size(); ++k) {
                const node_id w = nbrs[k];
                if (k > 0 && nbrs[k - 1] == w) continue;  // parallel arcs: one path
                const auto wi = static_cast<std::size_t>(w);
                if (side.dist[wi] < 0) {
                    side.dist[wi] = level;
                    side.sigma[wi] = su;
                    side.touched.push_back(w);
                    side.next.push_back(w);
                    side.frontier_degree += outward ? g_.out_degree(w) : g_.in_degree(w);
                    if (other.dist[wi] >= 0) meeting_.push_back(w);
                } else if (side.dist[wi] == level) {
                    side.sigma[wi] += su;
                }
            }
        }
        side.frontier.swap(side.next);
        side.level = level;
    }

    // From w towards the side's root: each step picks a neighbour one level closer with
    // probability sigma_z / sigma_v; inner nodes are counted.
    void walk(const Side& side, node_id w, bool towards_s, Rng& rng, std::vector<double>& count) const {
        node_id v = w;
        while (side.dist[static_cast<std::size_t>(v)] > 0) {
            const auto vi = static_cast<std::size_t>(v);
            double pick = rng.uniform() * side.sigma[vi];
            node_id chosen = -1;
            const auto nbrs = neighbors(v, !towards_s);
            for (std::size_t k = 0; k < nbrs.size(); ++k) {
                const node_id z = nbrs[k];
                if (k > 0 && nbrs[k - 1] == z) continue;
                if (side.dist[static_cast<std::size_t>(z)] != side.dist[vi] - 1) continue;
                chosen = z;
                pick -= side.sigma[static_cast<std::size_t>(z)];
                if (pick < 0) break;
            }
            v = chosen;
            if (side.dist[static_cast<std::size_t>(v)] > 0) count[static_cast<std::size_t>(v)] += 1;
        }
    }

    const Graph& g_;
    Side from_s_, from_t_;
    std::vector<node_id> meeting_;
};

}  // namespace detail

/// Approximate node betweenness (Riondato & Kornaropoulos 2016), normalised as networkx's
/// betweenness_centrality(normalized=True): with probability at least 1 - delta, every node's
/// estimate is within epsilon of its exact value. O(r (m + n log n)) time for r samples.
/// Throws std::invalid_argument unless 0 < epsilon < 1 and 0 < delta < 1, when epsilon is so small
/// that the samples would number 10^15 or more, or when weighted with an edge of weight 0.
inline ApproximateBetweennessResult approximate_betweenness(const Graph& g,
                                                            const ApproximateBetweennessOptions& options = {}) {
    if (!(options.epsilon > 0 && options.epsilon < 1))
        throw std::invalid_argument("epsilon must be in (0, 1), got " + std::to_string(options.epsilon));
    if (!(options.delta > 0 && options.delta < 1))
        throw std::invalid_argument("delta must be in (0, 1), got " + std::to_string(options.delta));
    const node_id n = g.num_nodes();
    ApproximateBetweennessResult result;
    result.score.assign(static_cast<std::size_t>(n), 0.0);
    if (n < 3) return result;
    const bool weighted = options.use_weights && g.weighted();
    detail::check_positive_weights(g, weighted, "approximate betweenness");
    const double nd = n;
    // networkx's scale divides by (n-1)(n-2) (times 2 undirected, which the ordered pairs already
    // count), the sampling scale by n(n-1): aim the sampling at eps (n-2)/n.
    const double eps = options.epsilon * (nd - 2) / nd;

    // Vertex diameter bound (most nodes on a shortest path), per component of an undirected
    // graph from the eccentricity e of any of its nodes: any two are at most 2e apart, so a
    // shortest path has at most 2e hops unweighted, and at most 2e / (lightest weight) weighted.
    // Never more than the component's nodes; a directed graph gets the safe bound n.
    std::int64_t vd = n;
    if (!g.directed()) {
        vd = 1;
        double lightest = std::numeric_limits<double>::infinity();
        if (weighted) {
            const auto sources = g.edge_sources(), targets = g.edge_targets();
            for (edge_id e = 0; e < g.num_edges(); ++e)
                if (sources[static_cast<std::size_t>(e)] != targets[static_cast<std::size_t>(e)])
                    lightest = std::min(lightest, g.weight(e));
        }
        detail::BrandesWorkspace ws(n, weighted);
        std::vector<std::uint8_t> seen(static_cast<std::size_t>(n), 0);
        for (node_id s = 0; s < n; ++s) {
            if (seen[static_cast<std::size_t>(s)]) continue;
            detail::count_shortest_paths(g, s, weighted, -1, ws);
            double ecc = 0;
            for (const node_id v : ws.settled()) {
                seen[static_cast<std::size_t>(v)] = 1;
                ecc = std::max(ecc, ws.distance(v));
            }
            // The slack keeps a quotient that should be a whole number (6 for 4.2 / 0.7) from
            // rounding down below it.
            const double hops = weighted ? 2 * ecc / lightest * (1 + 1e-9) : 2 * ecc;
            const auto component = static_cast<std::int64_t>(ws.settled_count);
            vd = std::max(vd,
                          hops + 1 < static_cast<double>(component) ? static_cast<std::int64_t>(hops) + 1 : component);
            ws.reset();
        }
    }
    result.vertex_diameter_bound = vd;
    constexpr double c = 0.5;  // the universal constant, as estimated by Löffler & Phillips (2009)
    const double log_term = vd > 3 ? std::floor(std::log2(static_cast<double>(vd - 2))) : 0.0;
    const double wanted = std::ceil(c / (eps * eps) * (log_term + 1 + std::log(1 / options.delta)));
    if (!(wanted < 1e15)) {
        char message[160];
        std::snprintf(message, sizeof message,
                      "epsilon %g would need %.3g samples; use a larger epsilon (or the exact betweenness)",
                      options.epsilon, wanted);
        throw std::invalid_argument(message);
    }
    const auto r = static_cast<std::int64_t>(wanted);
    result.samples = r;

    const int threads = detail::thread_count();
    std::vector<std::vector<double>> local(static_cast<std::size_t>(threads),
                                           std::vector<double>(static_cast<std::size_t>(n), 0.0));
    detail::ProgressReporter progress(options.progress, r);
#pragma omp parallel num_threads(threads)
    {
        detail::BrandesWorkspace work(weighted ? n : 0, true);
        detail::BidirectionalPathSampler bidirectional(g);
        auto& mine = local[static_cast<std::size_t>(detail::thread_id())];
#pragma omp for schedule(dynamic, 64)
        for (std::int64_t i = 0; i < r; ++i) {
            if (progress.cancelled()) continue;
            Rng rng(options.seed, static_cast<std::uint64_t>(i));
            const auto s = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
            auto t = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n - 1)));
            if (t >= s) ++t;
            if (!weighted) {
                bidirectional.sample(s, t, rng, mine);
                progress.advance();
                continue;
            }
            detail::count_shortest_paths(g, s, weighted, -1, work);
            const auto ti = static_cast<std::size_t>(t);
            if (work.rank[ti] >= 0) {
                // Walk back from t, choosing each predecessor z with probability sigma_z / sigma_v.
                node_id v = t;
                while (true) {
                    const auto vi = static_cast<std::size_t>(v);
                    double pick = rng.uniform() * work.sigma[vi];
                    node_id chosen = -1;
                    // Predecessors of v: in-neighbours z settled before v with dist[z] + length == dist[v]
                    // (the same length within detail::tie_epsilon).
                    const auto nbrs = g.in_neighbors(v);
                    const auto edges = g.in_edges(v);
                    for (std::size_t k = 0; k < nbrs.size(); ++k) {
                        const node_id z = nbrs[k];
                        const auto zi = static_cast<std::size_t>(z);
                        if (k > 0 && nbrs[k - 1] == z) continue;  // parallel arcs: one path
                        if (work.rank[zi] < 0 || work.rank[zi] >= work.rank[vi]) continue;
                        double length = weighted ? g.weight(edges[k]) : 1.0;
                        for (std::size_t q = k + 1; weighted && q < nbrs.size() && nbrs[q] == z; ++q)
                            length = std::min(length, g.weight(edges[q]));
                        if (!detail::nearly_equal(work.dist[zi] + length, work.dist[vi])) continue;
                        chosen = z;
                        pick -= work.sigma[zi];
                        if (pick < 0) break;
                    }
                    if (chosen < 0 || chosen == s) break;
                    mine[static_cast<std::size_t>(chosen)] += 1;
                    v = chosen;
                }
            }
            work.reset();
            progress.advance();
        }
    }
    progress.finish();
    // Each sample counts 1 for its inner nodes: the share of samples estimates the betweenness
    // normalised over ordered pairs; rescale to networkx's normalisation.
    // The per-thread counts are whole numbers, so their sum is exact whatever the split.
    const double scale = nd * (nd - 1) / (static_cast<double>(r) * (nd - 1) * (nd - 2));
    for (const auto& part : local)
        for (std::size_t v = 0; v < part.size(); ++v) result.score[v] += part[v];
    for (auto& x : result.score) x *= scale;
    return result;
}

}  // namespace essnet
