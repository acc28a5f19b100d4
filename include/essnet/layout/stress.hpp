// Distance-based layouts: pivot MDS (Brandes & Pich 2006) and stress majorization (Gansner, Koren &
// North 2004), with sparse stress (Ortmann, Klimenta & Brandes 2016) for large graphs.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/parallel.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/layout/detail/adjacency.hpp"
#include "essnet/layout/pack.hpp"
#include "essnet/layout/point.hpp"

namespace essnet {

/// Which stress a layout minimises.
enum class StressMethod {
    automatic,  ///< full stress for components up to 2000 nodes, sparse stress above
    full,       ///< every pair of nodes: O(n^2) memory and time per iteration
    sparse,     ///< ties plus pivot terms standing for the rest: O(k n + m) per iteration
    landmark,   ///< full stress among k random landmarks, each other node placed against them: O(k (n + m))
};

struct PivotMdsOptions {
    std::int32_t pivots = 50;  ///< nodes whose distances to all others define the embedding
    std::uint64_t seed = 0;    ///< picks the first pivot; the others are each the farthest from those chosen
};

struct StressOptions {
    StressMethod method = StressMethod::automatic;
    std::int32_t pivots = 200;  ///< pivots of sparse stress (Ortmann et al.'s default), landmarks of landmark stress
    int iterations = 500;       ///< at most this many majorization steps
    /// Stop when an iteration lowers the stress by less than this share of it.
    double tolerance = 1e-5;
    /// Start from these positions (one per node), each component laid out in place; empty: pivot
    /// MDS of each component, the components then packed.
    std::vector<Point> initial{};
    std::vector<node_id> pinned{};  ///< nodes that keep their initial position (needs `initial`)
    /// Pull node i towards its initial position (needs `initial`): the term anchoring[i] x D_i
    /// ||x_i - initial_i||^2 joins the stress, D_i being the sum of the node's stress weights. 0: none;
    /// 1: the anchor weighs as much as all the node's distances together. Keeps a mental map when
    /// laying out a sequence of snapshots (Brandes & Mader 2012, "A quantitative comparison of
    /// stress-minimization approaches for offline dynamic graph drawing", GD 2011).
    std::vector<double> anchoring{};  ///< one weight per node; empty: no anchoring
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

namespace detail {

inline constexpr node_id full_stress_limit = 2000;
inline constexpr node_id full_stress_largest = 20000;  // 1.6 GB of distances
inline constexpr std::int32_t mds_pivots = 50;
inline constexpr std::uint32_t unreachable_hops = std::numeric_limits<std::uint32_t>::max();

// Hop distances of a connected graph from chosen pivots, pivot-major: row p holds the distance of
// every node to pivot p. Pivots by max/min sampling: the first from `seed`, each next one the node
// farthest from all chosen so far (the lowest such node on ties).
struct PivotDistances {
    std::vector<node_id> pivots;
    std::vector<std::uint32_t> rows;  // pivots.size() x n

    PivotDistances(const HopAdjacency& adj, std::int32_t count, std::uint64_t seed) {
        const node_id n = adj.size();
        const auto un = static_cast<std::size_t>(n);
        count = static_cast<std::int32_t>(std::min<node_id>(count, n));
        rows.resize(static_cast<std::size_t>(count) * un);
        std::vector<std::uint32_t> nearest(un, unreachable_hops);
        std::vector<node_id> queue;
        Rng rng(seed);
        node_id next = static_cast<node_id>(rng.below(static_cast<std::uint64_t>(n)));
        for (std::int32_t p = 0; p < count; ++p) {
            pivots.push_back(next);
            std::span<std::uint32_t> row(rows.data() + static_cast<std::size_t>(p) * un, un);
            adj.hops_from(next, row, queue);
            next = 0;
            for (std::size_t i = 0; i < un; ++i) {
                nearest[i] = std::min(nearest[i], row[i]);
                if (nearest[i] > nearest[static_cast<std::size_t>(next)]) next = static_cast<node_id>(i);
            }
        }
    }
    // Given pivots and their distances (pivot-major).
    PivotDistances(std::vector<node_id> chosen, std::vector<std::uint32_t> distance_rows)
        : pivots(std::move(chosen)), rows(std::move(distance_rows)) {}

    std::span<const std::uint32_t> row(std::size_t p) const {
        const std::size_t n = rows.size() / pivots.size();
        return {rows.data() + p * n, n};
    }
};

// Pivot MDS (Brandes & Pich 2006) of a connected graph from the first `count` pivots' distances:
// the squared distances, double-centred, form C (n x k); with v1, v2 the leading eigenvectors of
// C^T C and s1, s2 the singular values of C, x = C v1 / sqrt(s1) and y = C v2 / sqrt(s2). With
// every node a pivot, C is the double-centred matrix of classical MDS and this is classical MDS.
inline std::vector<Point> pivot_mds_coordinates(const PivotDistances& d, std::size_t count) {
    const std::size_t n = d.row(0).size();
    const auto k = static_cast<Eigen::Index>(count);
    Eigen::MatrixXd c(static_cast<Eigen::Index>(n), k);
    for (Eigen::Index p = 0; p < k; ++p) {
        const auto row = d.row(static_cast<std::size_t>(p));
        for (std::size_t i = 0; i < n; ++i) {
            const double h = row[i];
            c(static_cast<Eigen::Index>(i), p) = h * h;
        }
    }
    const Eigen::RowVectorXd column_means = c.colwise().mean();
    const Eigen::VectorXd row_means = c.rowwise().mean();
    const double grand_mean = column_means.mean();
    for (Eigen::Index p = 0; p < k; ++p)
        for (Eigen::Index i = 0; i < c.rows(); ++i)
            c(i, p) = -0.5 * (c(i, p) - column_means(p) - row_means(i) + grand_mean);
    // C^T C entry by entry: Eigen's threaded product would make the sums depend on the thread count.
    Eigen::MatrixXd ctc(k, k);
#pragma omp parallel for schedule(dynamic, 1)
    for (Eigen::Index p = 0; p < k; ++p)
        for (Eigen::Index q = 0; q <= p; ++q) ctc(p, q) = ctc(q, p) = c.col(p).dot(c.col(q));
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(ctc);  // eigenvalues ascending
    std::vector<Point> points(n);
    for (int axis = 0; axis < 2 && axis < k; ++axis) {
        const Eigen::Index column = k - 1 - axis;
        const double singular = std::sqrt(std::max(solver.eigenvalues()(column), 0.0));
        if (!(singular > 0)) continue;
        Eigen::VectorXd v = solver.eigenvectors().col(column);
        Eigen::Index largest = 0;  // orientation: the largest entry of v is positive
        v.cwiseAbs().maxCoeff(&largest);
        if (v(largest) < 0) v = -v;
        Eigen::VectorXd coordinate = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(n));
        for (Eigen::Index p = 0; p < k; ++p) coordinate += c.col(p) * v(p);
        coordinate /= std::sqrt(singular);
        for (std::size_t i = 0; i < n; ++i)
            (axis == 0 ? points[i].x : points[i].y) = coordinate(static_cast<Eigen::Index>(i));
    }
    return points;
}

// The terms of a stress: pairs (i, j) with a target distance d_ij and a weight w_ij. Full stress
// has every pair with w = 1 / d^2. Sparse stress (Ortmann, Klimenta & Brandes 2016) has the ties
// (d = 1, w = 1) and, for each node i and each pivot p not i nor its neighbour, the term with
// w = s / d^2, where s counts the nodes of p's region (the nodes nearer p than any other pivot)
// within d / 2 of p: the pivot stands for them.
class StressTerms {
public:
    StressTerms(const HopAdjacency& adj, StressMethod method, std::int32_t pivots, std::uint64_t seed, bool start)
        : adj_(adj), n_(adj.size()), full_(method == StressMethod::full) {
        const auto un = static_cast<std::size_t>(n_);
        if (full_) {
            distances_.resize(un * un);
#pragma omp parallel
            {
                std::vector<node_id> queue;
#pragma omp for schedule(dynamic, 16)
                for (node_id s = 0; s < n_; ++s)
                    adj.hops_from(s, std::span<std::uint32_t>(distances_.data() + static_cast<std::size_t>(s) * un, un),
                                  queue);
            }
            if (start) {  // the starting MDS from pivots of its own, chosen by max/min
                const PivotDistances mds(adj, std::min(mds_pivots, static_cast<std::int32_t>(n_)), seed);
                start_ = pivot_mds_coordinates(mds, mds.pivots.size());
            }
            return;
        }
        PivotDistances d(adj, pivots, seed);
        if (start) start_ = pivot_mds_coordinates(d, std::min<std::size_t>(mds_pivots, d.pivots.size()));
        pivots_ = d.pivots;
        const std::size_t k = pivots_.size();
        // Regions: each node goes to its nearest pivot (the first on ties); s counts per distance.
        std::vector<std::vector<std::int64_t>> within(k);
        for (std::size_t i = 0; i < un; ++i) {
            std::size_t best = 0;
            for (std::size_t p = 1; p < k; ++p)
                if (d.rows[p * un + i] < d.rows[best * un + i]) best = p;
            const std::uint32_t h = d.rows[best * un + i];
            if (within[best].size() <= h) within[best].resize(h + 1, 0);
            ++within[best][h];
        }
        for (auto& counts : within) std::partial_sum(counts.begin(), counts.end(), counts.begin());
        within_ = std::move(within);
        // Node-major copy of the distances, for the per-node sweep.
        distances_.resize(un * k);
        for (std::size_t p = 0; p < k; ++p)
            for (std::size_t i = 0; i < un; ++i) distances_[i * k + p] = d.rows[p * un + i];
    }

    bool full() const noexcept {
        return full_;
    }
    const std::vector<Point>& start() const noexcept {
        return start_;
    }

    // Calls f(j, d, w) for each term of node i. Full: every other node. Sparse: its neighbours, then
    // the pivots other than itself and its neighbours.
    template <class F>
    void for_each_term(node_id i, F&& f) const {
        const auto ui = static_cast<std::size_t>(i);
        if (full_) {
            const std::uint32_t* row = distances_.data() + ui * static_cast<std::size_t>(n_);
            for (node_id j = 0; j < n_; ++j) {
                if (j == i) continue;
                const double h = row[j];
                f(j, h, 1.0 / (h * h));
            }
            return;
        }
        for (const node_id j : adj_.neighbours(i)) f(j, 1.0, 1.0);
        const std::size_t k = pivots_.size();
        const std::uint32_t* row = distances_.data() + ui * k;
        for (std::size_t p = 0; p < k; ++p) {
            const std::uint32_t h = row[p];
            if (h <= 1) continue;  // the pivot itself, or a neighbour already counted by its tie
            const auto& counts = within_[p];
            const double s = static_cast<double>(counts[std::min<std::size_t>(h / 2, counts.size() - 1)]);
            f(pivots_[p], static_cast<double>(h), s / (static_cast<double>(h) * h));
        }
    }

private:
    const HopAdjacency& adj_;
    node_id n_;
    bool full_;
    std::vector<std::uint32_t> distances_;
    std::vector<node_id> pivots_;
    std::vector<std::vector<std::int64_t>> within_;
    std::vector<Point> start_;
};

// The scale s minimising the stress of s * positions: sum w d e / sum w e^2 over the terms.
template <class Terms>
double best_scale(const Terms& terms, std::span<const Point> x) {
    const auto n = static_cast<std::int64_t>(x.size());
    const double numerator = deterministic_sum(n, [&](std::int64_t i) {
        double s = 0;
        terms.for_each_term(static_cast<node_id>(i), [&](node_id j, double d, double w) {
            s += w * d *
                 length(x[static_cast<std::size_t>(i)].x - x[static_cast<std::size_t>(j)].x,
                        x[static_cast<std::size_t>(i)].y - x[static_cast<std::size_t>(j)].y);
        });
        return s;
    });
    const double denominator = deterministic_sum(n, [&](std::int64_t i) {
        double s = 0;
        terms.for_each_term(static_cast<node_id>(i), [&](node_id j, double, double w) {
            const double dx = x[static_cast<std::size_t>(i)].x - x[static_cast<std::size_t>(j)].x;
            const double dy = x[static_cast<std::size_t>(i)].y - x[static_cast<std::size_t>(j)].y;
            s += w * (dx * dx + dy * dy);
        });
        return s;
    });
    return denominator > 0 ? numerator / denominator : 1.0;
}

// Stress majorization of one connected graph from `x` (changed in place). Each step moves every
// free node i halfway to its localized majorizer sum_j w_ij (x_j + d_ij (x_i - x_j) / |x_i - x_j|)
// / sum_j w_ij over its own terms (Gansner, Koren & North 2004, section 2.3), all nodes at once from
// the previous positions, so the result is the same whatever the number of threads. For full
// stress, whose terms are symmetric, the half step never raises the stress: the Laplacian of the
// weights is at most twice its diagonal. Sparse stress moves each node by its own terms, as
// Ortmann et al. do. Stops when a step lowers the sum of the terms by less than `tolerance` of it.
template <class Terms>
void majorize(const Terms& terms, std::vector<Point>& x, std::span<const Point> anchors,
              std::span<const double> anchoring, std::span<const std::uint8_t> pinned, const StressOptions& o,
              ProgressReporter& reporter) {
    const auto n = static_cast<std::int64_t>(x.size());
    struct Pull {
        double w = 0, x = 0, y = 0;
    };
    std::vector<Pull> pulls(static_cast<std::size_t>(n));
    double previous = std::numeric_limits<double>::infinity();
    for (int iteration = 0; iteration < o.iterations; ++iteration) {
        const double stress = deterministic_sum(n, [&](std::int64_t i) {
            const Point xi = x[static_cast<std::size_t>(i)];
            Pull pull;
            double sum = 0;
            terms.for_each_term(static_cast<node_id>(i), [&](node_id j, double d, double w) {
                const Point xj = x[static_cast<std::size_t>(j)];
                const double dx = xi.x - xj.x, dy = xi.y - xj.y;
                const double e = length(dx, dy);
                sum += w * (e - d) * (e - d);
                pull.w += w;
                if (e > 0) {
                    pull.x += w * (xj.x + d / e * dx);
                    pull.y += w * (xj.y + d / e * dy);
                } else {  // coincident: apart along a direction fixed by the pair
                    const Point u = separating_direction(static_cast<node_id>(i), j);
                    pull.x += w * (xj.x + d * u.x);
                    pull.y += w * (xj.y + d * u.y);
                }
            });
            pulls[static_cast<std::size_t>(i)] = pull;
            if (!anchoring.empty() && anchoring[static_cast<std::size_t>(i)] > 0) {
                // The anchor term, twice: the sum counts every pair from both ends.
                const Point a = anchors[static_cast<std::size_t>(i)];
                sum += 2 * anchoring[static_cast<std::size_t>(i)] * pull.w *
                       ((xi.x - a.x) * (xi.x - a.x) + (xi.y - a.y) * (xi.y - a.y));
            }
            return sum;
        });
        if (stress == 0 || (iteration > 0 && previous - stress <= o.tolerance * previous)) break;
        previous = stress;
#pragma omp parallel for schedule(static)
        for (std::int64_t i = 0; i < n; ++i) {
            const auto ui = static_cast<std::size_t>(i);
            if (!pinned.empty() && pinned[ui]) continue;
            Pull pull = pulls[ui];
            if (!(pull.w > 0)) continue;
            if (!anchoring.empty() && anchoring[ui] > 0) {
                const double a = anchoring[ui] * pull.w;
                pull.x += a * anchors[ui].x;
                pull.y += a * anchors[ui].y;
                pull.w += a;
            }
            x[ui] = {.x = 0.5 * (x[ui].x + pull.x / pull.w), .y = 0.5 * (x[ui].y + pull.y / pull.w)};
        }
        if (!reporter.advance(n)) break;
    }
}

// The full stress among landmarks, as terms for `majorize`: node a is landmark a.
struct LandmarkTerms {
    const PivotDistances& distances;

    template <class F>
    void for_each_term(node_id a, F&& f) const {
        const auto row = distances.row(static_cast<std::size_t>(a));
        for (std::size_t b = 0; b < distances.pivots.size(); ++b) {
            if (b == static_cast<std::size_t>(a)) continue;
            const double h = row[static_cast<std::size_t>(distances.pivots[b])];
            f(static_cast<node_id>(b), h, 1.0 / (h * h));
        }
    }
};

// Hop distances from `count` nodes drawn at random (the first of a random order from rng): landmarks,
// or the sources of a sampled measure.
inline PivotDistances distances_from_random_nodes(const HopAdjacency& adj, std::int32_t count, Rng& rng) {
    const node_id n = adj.size();
    const auto un = static_cast<std::size_t>(n);
    std::vector<node_id> chosen = random_order(n, rng);
    chosen.resize(static_cast<std::size_t>(std::clamp<node_id>(count, 0, n)));
    std::vector<std::uint32_t> rows(chosen.size() * un);
#pragma omp parallel
    {
        std::vector<node_id> queue;
#pragma omp for schedule(dynamic, 1)
        for (std::int64_t k = 0; k < static_cast<std::int64_t>(chosen.size()); ++k)
            adj.hops_from(chosen[static_cast<std::size_t>(k)],
                          std::span<std::uint32_t>(rows.data() + static_cast<std::size_t>(k) * un, un), queue);
    }
    return PivotDistances(std::move(chosen), std::move(rows));
}

// Landmark stress of one connected graph: `o.pivots` landmarks drawn at random (from `seed`) are laid
// out by full stress among themselves, from pivot MDS; every other node is then placed by the
// stress of its distances to the landmarks alone, which stay still (at most 30 majorization steps,
// each of which lowers that node's stress). The global shape is that of full stress on a sample;
// nodes with the same distances to every landmark share a place.
inline std::vector<Point> landmark_stress(const HopAdjacency& adj, const StressOptions& o, std::uint64_t seed,
                                          ProgressReporter& reporter) {
    const node_id n = adj.size();
    const auto un = static_cast<std::size_t>(n);
    const auto count = static_cast<std::size_t>(std::min<node_id>(o.pivots, n));
    Rng rng(seed);
    const PivotDistances d = distances_from_random_nodes(adj, static_cast<std::int32_t>(count), rng);
    std::vector<Point> positions = pivot_mds_coordinates(d, std::min<std::size_t>(mds_pivots, count));
    const LandmarkTerms terms{d};
    std::vector<Point> x(count);
    for (std::size_t k = 0; k < count; ++k) x[k] = positions[static_cast<std::size_t>(d.pivots[k])];
    const double scale = best_scale(terms, std::span<const Point>(x));
    for (Point& p : positions) p = {.x = p.x * scale, .y = p.y * scale};
    for (std::size_t k = 0; k < count; ++k)
        x[k] = {.x = x[k].x * scale + 1e-3 * (rng.uniform() - 0.5), .y = x[k].y * scale + 1e-3 * (rng.uniform() - 0.5)};
    majorize(terms, x, {}, {}, {}, o, reporter);

    std::vector<std::uint8_t> is_landmark(un, 0);
    for (std::size_t k = 0; k < count; ++k) {
        is_landmark[static_cast<std::size_t>(d.pivots[k])] = 1;
        positions[static_cast<std::size_t>(d.pivots[k])] = x[k];
    }
#pragma omp parallel
    {
        std::vector<double> hops(count), weight(count);
#pragma omp for schedule(dynamic, 256)
        for (node_id i = 0; i < n; ++i) {
            const auto ui = static_cast<std::size_t>(i);
            if (is_landmark[ui]) continue;
            for (std::size_t k = 0; k < count; ++k) {
                hops[k] = d.rows[k * un + ui];
                weight[k] = 1.0 / (hops[k] * hops[k]);
            }
            Point p = positions[ui];
            for (int step = 0; step < 30; ++step) {
                double w = 0, px = 0, py = 0;
                for (std::size_t k = 0; k < count; ++k) {
                    const double h = hops[k];
                    const double dx = p.x - x[k].x, dy = p.y - x[k].y;
                    const double e = length(dx, dy);
                    const Point u = e > 0 ? Point{.x = dx / e, .y = dy / e} : separating_direction(i, d.pivots[k]);
                    w += weight[k];
                    px += weight[k] * (x[k].x + h * u.x);
                    py += weight[k] * (x[k].y + h * u.y);
                }
                const Point next{.x = px / w, .y = py / w};
                const double moved = length(next.x - p.x, next.y - p.y);
                p = next;
                if (moved < 1e-3) break;
            }
            positions[ui] = p;
        }
    }
    return positions;
}

// Stress layout of one connected graph: from `start` when given (else pivot MDS, scaled to the best
// scale and jittered by a thousandth of a tie so that nodes with equal distances come apart).
inline std::vector<Point> stress_connected(const Graph& g, const StressOptions& o, std::span<const Point> start,
                                           std::span<const std::uint8_t> pinned, std::span<const double> anchoring,
                                           std::uint64_t seed, ProgressReporter& reporter) {
    const node_id n = g.num_nodes();
    if (n <= 2 && start.empty()) {
        if (n == 2) return {{-0.5, 0}, {0.5, 0}};
        return std::vector<Point>(static_cast<std::size_t>(n));
    }
    const HopAdjacency adj(g);
    const StressMethod method = o.method == StressMethod::automatic
                                    ? (n <= full_stress_limit ? StressMethod::full : StressMethod::sparse)
                                    : o.method;
    if (method == StressMethod::full && n > full_stress_largest)
        throw std::invalid_argument(
            "stress: method full needs " + std::to_string(4 * static_cast<std::int64_t>(n) * n) +
            " bytes of distances for a component of " + std::to_string(n) + " nodes; it is refused above " +
            std::to_string(full_stress_largest) + " nodes: use method sparse");
    if (method == StressMethod::landmark) return landmark_stress(adj, o, seed, reporter);
    const StressTerms terms(adj, method, o.pivots, seed, start.empty());
    std::vector<Point> x;
    if (!start.empty()) {
        x.assign(start.begin(), start.end());
    } else {
        x = terms.start();
        const double scale = best_scale(terms, x);
        Rng rng(seed, 1);
        for (Point& p : x)
            p = {.x = p.x * scale + 1e-3 * (rng.uniform() - 0.5), .y = p.y * scale + 1e-3 * (rng.uniform() - 0.5)};
    }
    majorize(terms, x, start, anchoring, pinned, o, reporter);
    return x;
}

inline void check_stress_options(const StressOptions& o, node_id n) {
    auto require = [](bool ok, const std::string& message) {
        if (!ok) throw std::invalid_argument("stress: " + message);
    };
    require(o.iterations >= 0, "iterations must be >= 0, got " + std::to_string(o.iterations));
    require(o.pivots >= 2, "pivots must be >= 2, got " + std::to_string(o.pivots));
    require(o.tolerance >= 0 && std::isfinite(o.tolerance),
            "tolerance must be finite and >= 0, got " + std::to_string(o.tolerance));
    require(o.anchoring.empty() || static_cast<std::int64_t>(o.anchoring.size()) == n,
            "anchoring has " + std::to_string(o.anchoring.size()) + " values for " + std::to_string(n) + " nodes");
    for (std::size_t i = 0; i < o.anchoring.size(); ++i)
        require(o.anchoring[i] >= 0 && std::isfinite(o.anchoring[i]),
                "anchoring[" + std::to_string(i) + "] must be finite and >= 0");
    check_positions(o.initial, n, "initial");
    require(o.initial.empty() || o.method != StressMethod::landmark,
            "method landmark starts from a layout of its own and takes no initial positions");
    require(o.initial.empty() ? o.pinned.empty() && o.anchoring.empty() : true,
            "pinned nodes and anchoring need initial positions");
}

}  // namespace detail

/// Pivot MDS (Brandes & Pich 2006, "Eigensolver methods for progressive multidimensional scaling of
/// large data", GD 2006): classical MDS of the hop distances approximated from `pivots` nodes
/// chosen by max/min sampling. Direction, weights, self-loops and parallel ties are ignored. Each
/// connected component is embedded on its own at the scale that best fits its distances to the
/// pivots, and the pieces are packed; a tie is drawn about 1 long. With every node a pivot it is
/// classical MDS (Torgerson 1952). O(k (n + m) + n k^2) time and O(n k) memory per component.
inline std::vector<Point> pivot_mds(const Graph& g, const PivotMdsOptions& options = {}) {
    if (options.pivots < 2)
        throw std::invalid_argument("pivot_mds: pivots must be >= 2, got " + std::to_string(options.pivots));
    return detail::lay_out_components(g, [&](const Graph& piece, std::int32_t component, std::span<const node_id>) {
        const node_id n = piece.num_nodes();
        if (n <= 2) return n == 2 ? std::vector<Point>{{-0.5, 0}, {0.5, 0}} : std::vector<Point>(1);
        const detail::HopAdjacency adj(piece);
        const detail::PivotDistances d(adj, options.pivots, options.seed ^ static_cast<std::uint64_t>(component));
        std::vector<Point> x = detail::pivot_mds_coordinates(d, d.pivots.size());
        // Best scale against the pivot distances.
        double numerator = 0, denominator = 0;
        for (std::size_t p = 0; p < d.pivots.size(); ++p) {
            const Point c = x[static_cast<std::size_t>(d.pivots[p])];
            const auto row = d.row(p);
            for (std::size_t i = 0; i < x.size(); ++i) {
                if (row[i] == 0) continue;
                const double e = detail::length(x[i].x - c.x, x[i].y - c.y), h = row[i];
                numerator += e / h;
                denominator += e * e / (h * h);
            }
        }
        const double scale = denominator > 0 ? numerator / denominator : 1.0;
        for (Point& p : x) p = {p.x * scale, p.y * scale};
        return x;
    });
}

/// Stress majorization (Gansner, Koren & North 2004, "Graph drawing by stress majorization", GD
/// 2004): positions whose distances approach the hop distances d_ij, minimising sum_ij w_ij
/// (|x_i - x_j| - d_ij)^2 with w_ij = d_ij^-2. Direction, weights, self-loops and parallel ties are
/// ignored; a tie is drawn about 1 long. Components up to 2000 nodes use the full stress over all
/// pairs; larger ones the sparse stress of Ortmann, Klimenta & Brandes (2016, "A sparse stress
/// model", GD 2016, JGAA 21(5)), whose `pivots` terms stand for the pairs of their regions. Each
/// component starts from pivot MDS (Brandes & Pich 2006) and is laid out on its own; the pieces are
/// packed. With `initial`, each component starts and stays where it is put instead, so `pinned` and
/// `anchoring` can hold a drawing still. Every step of full stress lowers the stress (plus the anchor
/// terms), and the result is the same,
/// bit for bit, whatever the number of threads.
///
/// Full: O(n (n + m)) to measure distances, O(n^2) memory and time per iteration. Sparse: O(k (n + m))
/// to measure, O(k n) memory (8 bytes per entry while measuring, 4 after), O(k n + m) per iteration.
/// Full stress is refused for components above 20,000 nodes.
///
/// Landmark stress (method landmark, no `initial`): `pivots` landmarks drawn at random are laid out
/// by full stress among themselves, and every other node is placed by its distances to them; the
/// global shape of full stress at O(k (n + m) + k^2 iterations) cost. auto_layout starts from it.
///
/// Sparse stress places each node by its hop distances to the pivots. On small-world graphs, where
/// those distances are few and short, many nodes share them and gather in clumps (on the 36,458
/// nodes of cond-mat-2005's largest component the stress after 30 steps is above pivot MDS's);
/// forceatlas2 draws such graphs better. Meshes, grids, trees and road-like graphs suit it.
/// Throws std::invalid_argument for bad options, initial positions of the wrong length or not finite,
/// pinned nodes outside the graph, or pinned or anchoring without initial; Cancelled on request.
inline std::vector<Point> stress(const Graph& g, const StressOptions& options = {}) {
    const node_id n = g.num_nodes();
    detail::check_stress_options(options, n);
    detail::ProgressReporter reporter(options.progress, static_cast<std::int64_t>(options.iterations) * n);
    std::vector<Point> positions;
    if (options.initial.empty()) {
        positions =
            detail::lay_out_components(g, [&](const Graph& piece, std::int32_t component, std::span<const node_id>) {
                return detail::stress_connected(piece, options, {}, {}, {},
                                                options.seed ^ static_cast<std::uint64_t>(component), reporter);
            });
    } else {
        // Each component in place: its nodes' initial positions are the start and the anchors.
        positions = options.initial;
        const std::vector<std::uint8_t> pinned = detail::pinned_flags(options.pinned, n, "stress");
        const ComponentsResult components = connected_components(g);
        std::vector<std::vector<node_id>> members(components.sizes.size());
        for (node_id u = 0; u < n; ++u) members[static_cast<std::size_t>(components.membership[u])].push_back(u);
        for (std::size_t c = 0; c < members.size(); ++c) {
            if (members[c].size() < 2) continue;
            const Graph sub = members.size() == 1 ? Graph{} : induced_subgraph(g, members[c]);
            const Graph& piece = members.size() == 1 ? g : sub;
            std::vector<Point> start;
            std::vector<std::uint8_t> held;
            std::vector<double> anchoring;
            for (const node_id u : members[c]) {
                start.push_back(options.initial[static_cast<std::size_t>(u)]);
                held.push_back(pinned.empty() ? 0 : pinned[static_cast<std::size_t>(u)]);
                if (!options.anchoring.empty()) anchoring.push_back(options.anchoring[static_cast<std::size_t>(u)]);
            }
            const std::vector<Point> x = detail::stress_connected(
                piece, options, start, held, anchoring, options.seed ^ static_cast<std::uint64_t>(c), reporter);
            for (std::size_t i = 0; i < members[c].size(); ++i)
                positions[static_cast<std::size_t>(members[c][i])] = x[i];
        }
    }
    reporter.finish();
    return positions;
}

}  // namespace essnet
