// Key players (Borgatti 2006): the set of k actors whose removal most fragments the network
// (KPP-Neg), or who reach most of it (KPP-Pos).
//
// Borgatti S.P. (2006). Identifying sets of key players in a social network. Computational and
// Mathematical Organization Theory 12(1):21-34. doi:10.1007/s10588-006-7084-x
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

/// What a key-player set is scored by. Ties count in either direction and once, whatever their
/// weight or multiplicity; self-ties are ignored. n is the number of nodes, k the set's size.
enum class KeyPlayerMeasure {
    /// KPP-Neg: 1 - sum over the components left after removing the set of s (s - 1), divided by
    /// r (r - 1) for the r nodes left: the share of pairs of remaining nodes that can no longer
    /// reach each other (Borgatti's F). 1 when fewer than two nodes remain.
    fragmentation,
    /// KPP-Neg: 1 - (sum over ordered pairs of remaining nodes of 1 / distance) / (r (r - 1)),
    /// unreachable pairs adding 0 (Borgatti's distance-weighted fragmentation, D_F).
    distance_fragmentation,
    /// KPP-Pos: the share of the n - k other nodes within `steps` ties of a member (m-reach).
    reach,
    /// KPP-Pos: the mean over the n - k other nodes of 1 / (distance to the nearest member), 0
    /// when unreachable (Borgatti's distance-weighted reach, D_R, over the nodes outside the set).
    distance_reach,
};

struct KeyPlayerOptions {
    KeyPlayerMeasure measure = KeyPlayerMeasure::distance_fragmentation;
    std::int32_t steps = 1;  ///< m of the reach measure
    /// Local searches: the first from the greedy set, the others from random sets; the best wins.
    std::int32_t restarts = 10;
    std::uint64_t seed = 0;  ///< the same seed gives the same set on any number of threads
    ProgressHook progress{};
};

struct KeyPlayerResult {
    std::vector<node_id> players;  ///< sorted
    double score = 0;
};

namespace detail {

// The graph's ties in either direction, distinct, without self-ties.
struct UndirectedLists {
    std::vector<std::vector<node_id>> neighbours;

    explicit UndirectedLists(const Graph& g) : neighbours(static_cast<std::size_t>(g.num_nodes())) {
        for (node_id u = 0; u < g.num_nodes(); ++u)
            for (const node_id v : g.out_neighbors(u))
                if (u != v) {
                    neighbours[static_cast<std::size_t>(u)].push_back(v);
                    neighbours[static_cast<std::size_t>(v)].push_back(u);
                }
        for (auto& list : neighbours) {
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
        }
    }
    node_id size() const noexcept { return static_cast<node_id>(neighbours.size()); }
};

// Scores sets of nodes, with buffers of its own (one scorer per thread).
class KeyPlayerScorer {
public:
    KeyPlayerScorer(const UndirectedLists& adj, KeyPlayerMeasure measure, std::int32_t steps)
        : adj_(adj),
          measure_(measure),
          steps_(steps),
          in_set_(static_cast<std::size_t>(adj.size()), 0),
          distance_(static_cast<std::size_t>(adj.size()), unreached) {}

    double score(std::span<const node_id> set) {
        const node_id n = adj_.size();
        for (const node_id v : set) in_set_[static_cast<std::size_t>(v)] = 1;
        const auto left = static_cast<double>(n - static_cast<node_id>(set.size()));
        double result = 0;
        if (measure_ == KeyPlayerMeasure::reach || measure_ == KeyPlayerMeasure::distance_reach) {
            // One search from every member at once.
            queue_.clear();
            for (const node_id v : set) distance_[static_cast<std::size_t>(v)] = 0, queue_.push_back(v);
            sweep();
            double total = 0;
            for (node_id v = 0; v < n; ++v) {
                const std::int32_t d = distance_[static_cast<std::size_t>(v)];
                if (in_set_[static_cast<std::size_t>(v)] || d == unreached) continue;
                total += measure_ == KeyPlayerMeasure::reach ? (d <= steps_ ? 1.0 : 0.0) : 1.0 / d;
            }
            result = left > 0 ? total / left : 0.0;
        } else if (left < 2) {
            result = 1;
        } else if (measure_ == KeyPlayerMeasure::fragmentation) {
            double pairs = 0;
            for (node_id s = 0; s < n; ++s) {
                if (in_set_[static_cast<std::size_t>(s)] || distance_[static_cast<std::size_t>(s)] != unreached)
                    continue;
                queue_.assign(1, s);
                distance_[static_cast<std::size_t>(s)] = 0;
                const double size = static_cast<double>(sweep());
                pairs += size * (size - 1);
            }
            result = 1 - pairs / (left * (left - 1));
        } else {
            double closeness = 0;
            for (node_id s = 0; s < n; ++s) {
                if (in_set_[static_cast<std::size_t>(s)]) continue;
                queue_.assign(1, s);
                distance_[static_cast<std::size_t>(s)] = 0;
                sweep();
                for (const node_id v : queue_)
                    if (v != s) closeness += 1.0 / distance_[static_cast<std::size_t>(v)];
                for (const node_id v : queue_) distance_[static_cast<std::size_t>(v)] = unreached;
            }
            result = 1 - closeness / (left * (left - 1));
        }
        std::fill(distance_.begin(), distance_.end(), unreached);
        for (const node_id v : set) in_set_[static_cast<std::size_t>(v)] = 0;
        return result;
    }

private:
    static constexpr std::int32_t unreached = std::numeric_limits<std::int32_t>::max();

    // Breadth-first search from the queue's nodes (distances set), around the set's members;
    // leaves every node reached in queue_; returns how many.
    std::size_t sweep() {
        for (std::size_t head = 0; head < queue_.size(); ++head) {
            const node_id u = queue_[head];
            const std::int32_t next = distance_[static_cast<std::size_t>(u)] + 1;
            for (const node_id v : adj_.neighbours[static_cast<std::size_t>(u)]) {
                auto& d = distance_[static_cast<std::size_t>(v)];
                if (d != unreached || in_set_[static_cast<std::size_t>(v)]) continue;
                d = next;
                queue_.push_back(v);
            }
        }
        return queue_.size();
    }

    const UndirectedLists& adj_;
    KeyPlayerMeasure measure_;
    std::int32_t steps_;
    std::vector<char> in_set_;
    std::vector<std::int32_t> distance_;
    std::vector<node_id> queue_;
};

inline void check_key_player_set(std::span<const node_id> set, node_id n) {
    std::vector<node_id> sorted(set.begin(), set.end());
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (sorted[i] < 0 || sorted[i] >= n)
            throw std::out_of_range("key players: node " + std::to_string(sorted[i]) + " is not in the graph");
        if (i > 0 && sorted[i] == sorted[i - 1])
            throw std::invalid_argument("key players: node " + std::to_string(sorted[i]) + " is in the set twice");
    }
}

}  // namespace detail

/// The score of a given set of nodes by `measure` (see KeyPlayerMeasure): higher is better for
/// every measure. O(n + m) time, O(n (n + m)) for distance_fragmentation.
/// Throws std::out_of_range for a node not in the graph, std::invalid_argument for a node given
/// twice or steps < 1.
inline double key_player_score(const Graph& g, std::span<const node_id> set,
                               KeyPlayerMeasure measure = KeyPlayerMeasure::distance_fragmentation,
                               std::int32_t steps = 1) {
    if (steps < 1) throw std::invalid_argument("key players: steps must be >= 1, got " + std::to_string(steps));
    detail::check_key_player_set(set, g.num_nodes());
    const detail::UndirectedLists adj(g);
    return detail::KeyPlayerScorer(adj, measure, steps).score(set);
}

/// The k nodes that score best by options.measure (Borgatti 2006): KPP-Neg, whose removal most
/// fragments the network, or KPP-Pos, who reach most of it. Each of options.restarts local
/// searches starts from a set (the first built greedily, one best node at a time; the others drawn
/// at random from Rng(seed, restart)) and swaps a member for a non-member while that improves the
/// score, taking the best swap each round; the best set found wins (the lowest restart on ties).
/// Restarts run in parallel. Heuristic, as Borgatti's: on small graphs it is checked against every
/// k-subset. O(restarts x rounds x k (n - k) x cost of a score).
/// Throws std::invalid_argument unless 0 <= k <= n, restarts >= 1 and steps >= 1.
inline KeyPlayerResult key_players(const Graph& g, std::int32_t k, const KeyPlayerOptions& options = {}) {
    const node_id n = g.num_nodes();
    if (k < 0 || k > n)
        throw std::invalid_argument("key players: k must be from 0 to " + std::to_string(n) + ", got " +
                                    std::to_string(k));
    if (options.restarts < 1)
        throw std::invalid_argument("key players: restarts must be >= 1, got " + std::to_string(options.restarts));
    if (options.steps < 1)
        throw std::invalid_argument("key players: steps must be >= 1, got " + std::to_string(options.steps));
    const detail::UndirectedLists adj(g);
    std::vector<KeyPlayerResult> found(static_cast<std::size_t>(options.restarts));
    detail::ProgressReporter reporter(options.progress, options.restarts);
#pragma omp parallel
    {
        detail::KeyPlayerScorer scorer(adj, options.measure, options.steps);
#pragma omp for schedule(dynamic, 1)
        for (std::int32_t r = 0; r < options.restarts; ++r) {
            if (reporter.cancelled()) continue;
            std::vector<node_id> set;
            std::vector<char> chosen(static_cast<std::size_t>(n), 0);
            double current = 0;
            if (r == 0) {
                // Greedy: add the node that helps most, lowest id on ties.
                for (std::int32_t step = 0; step < k && reporter.advance(0); ++step) {
                    double best = -std::numeric_limits<double>::infinity();
                    node_id pick = -1;
                    for (node_id v = 0; v < n; ++v) {
                        if (chosen[static_cast<std::size_t>(v)]) continue;
                        set.push_back(v);
                        const double s = scorer.score(set);
                        set.pop_back();
                        if (s > best) best = s, pick = v;
                    }
                    set.push_back(pick);
                    chosen[static_cast<std::size_t>(pick)] = 1;
                    current = best;
                }
            } else {
                Rng rng(options.seed, static_cast<std::uint64_t>(r));
                std::vector<node_id> order = detail::random_order(n, rng);
                set.assign(order.begin(), order.begin() + k);
                for (const node_id v : set) chosen[static_cast<std::size_t>(v)] = 1;
            }
            current = scorer.score(set);
            // Best-improvement swaps until none helps; advance(0) lets the hook run (and say stop)
            // during a long search.
            for (bool improved = k > 0 && k < n; improved && reporter.advance(0);) {
                improved = false;
                double best = current;
                std::size_t out_at = 0;
                node_id in = -1;
                for (std::size_t i = 0; i < set.size(); ++i) {
                    const node_id member = set[i];
                    for (node_id v = 0; v < n; ++v) {
                        if (chosen[static_cast<std::size_t>(v)]) continue;
                        set[i] = v;
                        const double s = scorer.score(set);
                        if (s > best + 1e-12) best = s, out_at = i, in = v;
                    }
                    set[i] = member;
                }
                if (in >= 0) {
                    chosen[static_cast<std::size_t>(set[out_at])] = 0;
                    chosen[static_cast<std::size_t>(in)] = 1;
                    set[out_at] = in;
                    current = best;
                    improved = true;
                }
            }
            std::sort(set.begin(), set.end());
            found[static_cast<std::size_t>(r)] = {std::move(set), current};
            reporter.advance();
        }
    }
    reporter.finish();
    std::size_t best = 0;
    for (std::size_t r = 1; r < found.size(); ++r)
        if (found[r].score > found[best].score + 1e-12) best = r;
    return found[best];
}

}  // namespace essnet
