// ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, PLOS ONE 9(6):e98679), as Gephi implements
// it (gephi/gephi, modules/LayoutPlugin/.../forceAtlas2/ForceAtlas2.java and ForceFactory.java).
#pragma once

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/parallel.hpp"
#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/layout/detail/barnes_hut.hpp"
#include "essnet/layout/pack.hpp"
#include "essnet/layout/point.hpp"

namespace essnet {

/// How repulsion between all pairs of nodes is computed.
enum class Repulsion {
    automatic,   ///< Barnes-Hut from 1000 nodes, exact below (Gephi's default switch)
    exact,       ///< every pair: O(n^2) per iteration
    barnes_hut,  ///< a quadtree and the opening rule with `theta`: O(n log n) per iteration
};

struct ForceAtlas2Options {
    int iterations = 100;  ///< steps of the layout; each moves every free node once
    /// Repulsion strength k_r: between nodes of masses m1 and m2 at distance d, k_r m1 m2 / d.
    /// Gephi's default is 2 from 100 nodes and 10 below; essnet keeps 2 whatever the size.
    double scaling = 2.0;
    /// Pull towards the origin: m g for a node of mass m (or m g d with strong_gravity).
    double gravity = 1.0;
    bool strong_gravity = false;  ///< gravity grows with the distance to the origin
    /// LinLog mode (Noack 2007): attraction log(1 + d) instead of d, for tighter clusters.
    bool linlog = false;
    /// Attraction along a tie of weight w is scaled by w^edge_weight_influence (0: weights ignored).
    double edge_weight_influence = 1.0;
    /// Gephi's "dissuade hubs" (outbound attraction distribution): the attraction of a tie is divided
    /// by the mass of its source, pushing hubs to the periphery and authorities to the centre. An
    /// undirected tie has no source: the pull on each end is divided by that end's mass.
    bool dissuade_hubs = false;
    /// Nodes are discs of radius node_sizes[u] that repel strongly when they touch (Gephi's "prevent
    /// overlap" / adjustSizes), with the speed capped as Gephi does.
    bool prevent_overlap = false;
    std::vector<double> node_sizes{};  ///< radius of each node, in layout units; empty: 1 each
    double jitter_tolerance = 1.0;     ///< how much swinging the adaptive speed accepts
    Repulsion repulsion = Repulsion::automatic;
    /// Barnes-Hut opening rule (Gephi's): a quadtree region not holding the node is taken as one mass
    /// at its mass centre when distance * theta > its size, where the size is twice the largest
    /// distance of one of its nodes from the mass centre. Larger theta: faster, coarser.
    double theta = 1.2;
    /// Start from these positions (one per node); empty: random, from `seed`.
    std::vector<Point> initial{};
    std::vector<node_id> pinned{};  ///< nodes that do not move (they still push and pull the others)
    /// Lay out each connected component on its own and pack them (lay_out_components). Ignored when
    /// `initial` or `pinned` is given: positions are then absolute and the graph is laid out whole.
    bool pack_components = true;
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

namespace detail {

// The forces of ForceAtlas2 on every node at given positions (Gephi's ForceFactory), each node
// summing its own in a fixed order.
class ForceAtlas2Forces {
public:
    ForceAtlas2Forces(const Graph& g, const ForceAtlas2Options& o, std::span<const double> sizes)
        : g_(g), o_(o), sizes_(sizes) {
        const node_id n = g.num_nodes();
        mass_.resize(static_cast<std::size_t>(n));
        for (node_id u = 0; u < n; ++u)
            mass_[static_cast<std::size_t>(u)] =
                1.0 + static_cast<double>(g.out_degree(u) + (g.directed() ? g.in_degree(u) : 0));
        // Attraction weight of each edge: w^influence.
        pull_.assign(static_cast<std::size_t>(g.num_edges()), 1.0);
        if (g.weighted() && o.edge_weight_influence != 0)
            for (edge_id e = 0; e < g.num_edges(); ++e)
                pull_[static_cast<std::size_t>(e)] =
                    o.edge_weight_influence == 1 ? g.weight(e) : std::pow(g.weight(e), o.edge_weight_influence);
        if (o.dissuade_hubs && n > 0) {  // Gephi compensates the division by masses with their mean
            double total = 0;
            for (const double m : mass_) total += m;
            attraction_ = total / static_cast<double>(n);
        }
        barnes_hut_ = o.repulsion == Repulsion::barnes_hut || (o.repulsion == Repulsion::automatic && n >= 1000);
    }

    const std::vector<double>& mass() const noexcept { return mass_; }
    /// Attraction weight of each edge (w^edge_weight_influence), by edge id.
    const std::vector<double>& pull() const noexcept { return pull_; }
    double attraction() const noexcept { return attraction_; }

    // Writes the force on each node at (x, y) into (fx, fy).
    void compute(std::span<const double> x, std::span<const double> y, std::span<double> fx, std::span<double> fy) {
        const node_id n = g_.num_nodes();
        const auto un = static_cast<std::size_t>(n);
        const bool sized = o_.prevent_overlap;
        const double k_r = o_.scaling;
        const auto& mass = mass_;
        auto size_of = [&](std::size_t i) { return sizes_.empty() ? 1.0 : sizes_[i]; };
        // Repulsion on a node at (xi, yi) of mass mi and size si from one at (xj, yj), one-sided
        // (each node sums its own forces).
        auto repel_from = [&](double xi, double yi, double mi, double si, double xj, double yj, double mj, double sj,
                              double& sx, double& sy) {
            const double dx = xi - xj, dy = yi - yj;
            const double d2 = dx * dx + dy * dy;
            if (!sized) {
                if (d2 > 0) {
                    const double f = k_r * mi * mj / d2;
                    sx += dx * f;
                    sy += dy * f;
                }
                return;
            }
            const double gap = std::sqrt(d2) - si - sj;
            if (gap > 0) {
                const double f = k_r * mi * mj / (gap * gap);
                sx += dx * f;
                sy += dy * f;
            } else if (gap < 0) {
                const double f = 100 * k_r * mi * mj;
                sx += dx * f;
                sy += dy * f;
            }
        };
        auto repel = [&](std::size_t i, std::size_t j, double& sx, double& sy) {
            repel_from(x[i], y[i], mass[i], size_of(i), x[j], y[j], mass[j], size_of(j), sx, sy);
        };
        if (barnes_hut_) {
            // Repulsion leaf by leaf of the quadtree, in tree order: each leaf's nodes belong to one
            // thread, and the pairs of two leaves read consecutive memory.
            tree_.build(x, y, mass_);
            const auto& leaves = tree_.leaves();
            const auto& order = tree_.order();
            const auto tx = tree_.tree_x(), ty = tree_.tree_y(), tm = tree_.tree_mass();
            auto tree_size = [&](std::int32_t k) {
                return size_of(static_cast<std::size_t>(order[static_cast<std::size_t>(k)]));
            };
            tree_fx_.resize(un);
            tree_fy_.resize(un);
#pragma omp parallel for schedule(dynamic, 16)
            for (std::int64_t leaf = 0; leaf < static_cast<std::int64_t>(leaves.size()); ++leaf) {
                const auto& region = tree_.regions()[static_cast<std::size_t>(leaves[static_cast<std::size_t>(leaf)])];
                for (std::int32_t k = region.first; k < region.last; ++k) {
                    tree_fx_[static_cast<std::size_t>(k)] = 0;
                    tree_fy_[static_cast<std::size_t>(k)] = 0;
                }
                tree_.visit_leaf(
                    leaves[static_cast<std::size_t>(leaf)], o_.theta,
                    [&](std::int32_t k, std::int32_t l) {
                        const auto a = static_cast<std::size_t>(k), b = static_cast<std::size_t>(l);
                        repel_from(tx[a], ty[a], tm[a], sized ? tree_size(k) : 1.0, tx[b], ty[b], tm[b],
                                   sized ? tree_size(l) : 1.0, tree_fx_[a], tree_fy_[a]);
                    },
                    [&](std::int32_t k, const BarnesHutTree::Region& r) {
                        const auto a = static_cast<std::size_t>(k);
                        const std::complex<double> f = BarnesHutTree::far_field(r, tx[a], ty[a]);
                        tree_fx_[a] += k_r * tm[a] * f.real();
                        tree_fy_[a] += k_r * tm[a] * f.imag();
                    });
                for (std::int32_t k = region.first; k < region.last; ++k) {
                    const auto i = static_cast<std::size_t>(order[static_cast<std::size_t>(k)]);
                    fx[i] = tree_fx_[static_cast<std::size_t>(k)];
                    fy[i] = tree_fy_[static_cast<std::size_t>(k)];
                }
            }
        }
#pragma omp parallel for schedule(dynamic, 256)
        for (node_id u = 0; u < n; ++u) {
            const auto i = static_cast<std::size_t>(u);
            double sx = 0, sy = 0;
            if (barnes_hut_) {
                sx = fx[i];
                sy = fy[i];
            } else {
                for (std::size_t j = 0; j < un; ++j)
                    if (j != i) repel(i, j, sx, sy);
            }
            // Gravity towards the origin.
            const double d0 = detail::length(x[i], y[i]);
            if (d0 > 0) {
                const double f = o_.strong_gravity ? mass[i] * o_.gravity : mass[i] * o_.gravity / d0;
                sx -= x[i] * f;
                sy -= y[i] * f;
            }
            // Attraction along the ties at u; `source_mass` divides it when dissuading hubs.
            auto attract = [&](std::size_t j, edge_id e, double source_mass) {
                const double dx = x[i] - x[j], dy = y[i] - y[j];
                double c = attraction_ * pull_[static_cast<std::size_t>(e)];
                if (o_.dissuade_hubs) c /= source_mass;
                double d = o_.linlog || sized ? detail::length(dx, dy) : 0;
                if (sized) {
                    d -= size_of(i) + size_of(j);
                    if (d <= 0) return;
                }
                if (o_.linlog) {
                    if (d <= 0) return;
                    c *= std::log1p(d) / d;
                }
                sx -= dx * c;
                sy -= dy * c;
            };
            const auto out = g_.out_neighbors(u);
            const auto out_edges = g_.out_edges(u);
            for (std::size_t k = 0; k < out.size(); ++k)
                attract(static_cast<std::size_t>(out[k]), out_edges[k], mass[i]);
            if (g_.directed()) {
                const auto in = g_.in_neighbors(u);
                const auto in_edges = g_.in_edges(u);
                for (std::size_t k = 0; k < in.size(); ++k) {
                    const auto j = static_cast<std::size_t>(in[k]);
                    attract(j, in_edges[k], mass[j]);
                }
            }
            fx[i] = sx;
            fy[i] = sy;
        }
    }

private:
    const Graph& g_;
    const ForceAtlas2Options& o_;
    std::span<const double> sizes_;
    std::vector<double> mass_, pull_;
    double attraction_ = 1.0;
    bool barnes_hut_ = false;
    BarnesHutTree tree_;
    std::vector<double> tree_fx_, tree_fy_;  // repulsion in tree order
};

// Called after each step of a run with the positions (x, then y); false stops the run.
using AfterStep = std::function<bool(std::span<const double>, std::span<const double>)>;

// One ForceAtlas2 run on a whole graph from `start`; units of progress are nodes x iterations.
inline std::vector<Point> forceatlas2_run(const Graph& g, const ForceAtlas2Options& o, std::vector<Point> start,
                                          std::span<const std::uint8_t> pinned, std::span<const double> sizes,
                                          ProgressReporter& reporter, const AfterStep& after_step = {}) {
    const node_id n = g.num_nodes();
    const auto un = static_cast<std::size_t>(n);
    std::vector<double> x(un), y(un), fx(un, 0.0), fy(un, 0.0), old_fx(un, 0.0), old_fy(un, 0.0);
    for (std::size_t i = 0; i < un; ++i) {
        x[i] = start[i].x;
        y[i] = start[i].y;
    }
    ForceAtlas2Forces forces(g, o, sizes);
    const auto& mass = forces.mass();
    const bool sized = o.prevent_overlap;
    double speed = 1.0, speed_efficiency = 1.0;
    for (int iteration = 0; iteration < o.iterations; ++iteration) {
        std::swap(fx, old_fx);
        std::swap(fy, old_fy);
        forces.compute(x, y, fx, fy);

        // Adaptive global speed (Gephi's ForceAtlas2.goAlgo).
        auto free = [&](std::int64_t i) { return pinned.empty() || !pinned[static_cast<std::size_t>(i)]; };
        const double swinging = deterministic_sum(n, [&](std::int64_t i) {
            const auto k = static_cast<std::size_t>(i);
            return free(i) ? mass[k] * detail::length(old_fx[k] - fx[k], old_fy[k] - fy[k]) : 0.0;
        });
        const double traction = deterministic_sum(n, [&](std::int64_t i) {
            const auto k = static_cast<std::size_t>(i);
            return free(i) ? mass[k] * 0.5 * detail::length(old_fx[k] + fx[k], old_fy[k] + fy[k]) : 0.0;
        });
        if (swinging == 0 && traction == 0) break;  // no force on any free node: at rest
        const double nodes = static_cast<double>(n);
        const double estimated_jitter = 0.05 * std::sqrt(nodes);
        double jitter = o.jitter_tolerance * std::max(std::sqrt(estimated_jitter),
                                                      std::min(10.0, estimated_jitter * traction / (nodes * nodes)));
        constexpr double min_speed_efficiency = 0.05;
        if (swinging / traction > 2.0) {
            if (speed_efficiency > min_speed_efficiency) speed_efficiency *= 0.5;
            jitter = std::max(jitter, o.jitter_tolerance);
        }
        const double target_speed = jitter * speed_efficiency * traction / swinging;
        if (swinging > jitter * traction) {
            if (speed_efficiency > min_speed_efficiency) speed_efficiency *= 0.7;
        } else if (speed < 1000) {
            speed_efficiency *= 1.3;
        }
        speed = speed + std::min(target_speed - speed, 0.5 * speed);

        // Move each free node, slower when it swings.
#pragma omp parallel for schedule(static)
        for (node_id u = 0; u < n; ++u) {
            const auto i = static_cast<std::size_t>(u);
            if (!free(u)) continue;
            const double node_swinging = mass[i] * detail::length(old_fx[i] - fx[i], old_fy[i] - fy[i]);
            double factor = speed / (1.0 + std::sqrt(speed * node_swinging));
            if (sized) {
                // Gephi cannot trust the swinging when nodes collide: slower steps, at most 10 long.
                const double force = detail::length(fx[i], fy[i]);
                factor = force > 0 ? std::min(0.1 * factor * force, 10.0) / force : 0.0;
            }
            x[i] += fx[i] * factor;
            y[i] += fy[i] * factor;
        }
        if (!reporter.advance(n)) break;
        if (after_step && !after_step(x, y)) break;
    }
    std::vector<Point> positions(un);
    for (std::size_t i = 0; i < un; ++i) positions[i] = {.x = x[i], .y = y[i]};
    return positions;
}

}  // namespace detail

/// ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, PLOS ONE 9(6):e98679), following Gephi's
/// implementation: repulsion k_r (deg(u) + 1)(deg(v) + 1) / d between every pair of nodes, linear
/// attraction d along each tie (log(1 + d) in LinLog mode) scaled by w^edge_weight_influence,
/// gravity, and Gephi's adaptive speed: each step, the global speed follows the ratio of the nodes'
/// traction to their swinging (changes of direction of the force) under the jitter tolerance, and
/// each node moves by speed / (1 + sqrt(speed x its swinging)) times its force. Attraction of a
/// directed graph counts each arc at both ends, as Gephi does.
///
/// Barnes-Hut: see `theta`. The opening rule is Gephi's; graphology-layout-forceatlas2 opens a
/// region when 2 x its width / distance >= theta instead. Where Gephi and graphology take a far
/// region as its mass at its mass centre, essnet adds the region's quadrupole and octupole moments
/// (see detail/barnes_hut.hpp): at the default theta the repulsion is then within about 1% of the
/// exact sum, where the mass alone is off by several percent.
///
/// Every node computes its own forces and the sums of the adaptive speed are taken in fixed blocks,
/// so the same seed gives the same coordinates, bit for bit, whatever the number of threads.
///
/// Disconnected graphs: with pack_components (the default), each component is laid out on its own,
/// from random positions drawn with Rng(seed, component), and the pieces are packed with
/// pack_pieces; isolated nodes go in a grid at the side. Otherwise the whole graph is one run and
/// gravity keeps its pieces together.
///
/// Returns one point per node. O(iterations (n log n + m)) time with Barnes-Hut (O(iterations
/// (n^2 + m)) exact), O(n + m) memory.
/// Throws std::invalid_argument for a negative iteration count, scaling <= 0, negative gravity,
/// theta or jitter tolerance, initial positions or node sizes of the wrong length or not finite, a
/// pinned node outside the graph, or a negative edge_weight_influence;
/// Cancelled when the progress hook asks to stop.
inline std::vector<Point> forceatlas2(const Graph& g, const ForceAtlas2Options& options = {}) {
    const node_id n = g.num_nodes();
    const ForceAtlas2Options& o = options;
    auto require = [](bool ok, const std::string& message) {
        if (!ok) throw std::invalid_argument("forceatlas2: " + message);
    };
    require(o.iterations >= 0, "iterations must be >= 0, got " + std::to_string(o.iterations));
    require(o.scaling > 0 && std::isfinite(o.scaling), "scaling must be > 0, got " + std::to_string(o.scaling));
    require(o.gravity >= 0 && std::isfinite(o.gravity), "gravity must be >= 0, got " + std::to_string(o.gravity));
    require(o.theta >= 0 && std::isfinite(o.theta), "theta must be >= 0, got " + std::to_string(o.theta));
    require(o.jitter_tolerance > 0 && std::isfinite(o.jitter_tolerance),
            "jitter_tolerance must be > 0, got " + std::to_string(o.jitter_tolerance));
    require(o.edge_weight_influence >= 0 && std::isfinite(o.edge_weight_influence),
            "edge_weight_influence must be >= 0, got " + std::to_string(o.edge_weight_influence));
    detail::check_positions(o.initial, n, "initial");
    require(o.node_sizes.empty() || static_cast<std::int64_t>(o.node_sizes.size()) == n,
            "node_sizes has " + std::to_string(o.node_sizes.size()) + " values for " + std::to_string(n) + " nodes");
    for (std::size_t i = 0; i < o.node_sizes.size(); ++i)
        require(o.node_sizes[i] >= 0 && std::isfinite(o.node_sizes[i]),
                "node_sizes[" + std::to_string(i) + "] must be finite and >= 0");
    const std::vector<std::uint8_t> pinned = detail::pinned_flags(o.pinned, n, "forceatlas2");

    detail::ProgressReporter reporter(o.progress, static_cast<std::int64_t>(o.iterations) * n);
    // Random starts spread over a square whose area grows with n, so early steps are not all repulsion.
    auto random_start = [](node_id nodes, Rng& rng) {
        return detail::random_square(nodes, 10.0 * std::sqrt(static_cast<double>(std::max<node_id>(nodes, 1))), rng);
    };
    std::vector<Point> positions;
    if (!o.initial.empty() || !o.pinned.empty() || !o.pack_components) {
        Rng rng(o.seed);
        positions = detail::forceatlas2_run(g, o, o.initial.empty() ? random_start(n, rng) : o.initial, pinned,
                                            o.node_sizes, reporter);
    } else {
        positions = detail::lay_out_components(
            g, [&](const Graph& piece, std::int32_t component, std::span<const node_id> nodes) {
                std::vector<double> sizes;
                for (const node_id u : nodes)
                    if (!o.node_sizes.empty()) sizes.push_back(o.node_sizes[static_cast<std::size_t>(u)]);
                Rng rng(o.seed, static_cast<std::uint64_t>(component));
                return detail::forceatlas2_run(piece, o, random_start(piece.num_nodes(), rng), {}, sizes, reporter);
            });
    }
    reporter.finish();
    return positions;
}

}  // namespace essnet
