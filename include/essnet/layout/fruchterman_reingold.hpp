// Fruchterman-Reingold force-directed placement (Fruchterman & Reingold 1991, Software: Practice and
// Experience 21(11)), with its grid variant for large graphs.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/layout/detail/grid.hpp"
#include "essnet/layout/pack.hpp"
#include "essnet/layout/point.hpp"

namespace essnet {

/// How Fruchterman-Reingold finds the nodes that repel one another.
enum class RepulsionRange {
    automatic,  ///< the grid from 1000 nodes, every pair below (igraph's default switch)
    all_pairs,  ///< every pair: O(n^2) per iteration
    grid,       ///< only nodes within 2 tie lengths, found on a grid: about O(n) per iteration
};

struct FruchtermanReingoldOptions {
    int iterations = 500;  ///< steps, each moving every free node once (igraph's default)
    /// Largest move in the first step, in tie lengths; it cools linearly to 0 over the steps.
    /// 0: sqrt(n) / 10, as igraph.
    double start_temperature = 0;
    bool use_weights = true;  ///< a tie of weight w pulls w times as hard (igraph's weights)
    RepulsionRange repulsion = RepulsionRange::automatic;
    std::vector<Point> initial{};   ///< start here (one point per node); empty: random, from `seed`
    std::vector<node_id> pinned{};  ///< nodes that do not move
    /// Lay out each connected component on its own and pack them; ignored with initial or pinned.
    bool pack_components = true;
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

namespace detail {

inline std::vector<Point> fruchterman_reingold_run(const Graph& g, const FruchtermanReingoldOptions& o,
                                                   std::vector<Point> x, std::span<const std::uint8_t> pinned,
                                                   ProgressReporter& reporter) {
    const node_id n = g.num_nodes();
    const auto un = static_cast<std::size_t>(n);
    const bool grid = o.repulsion == RepulsionRange::grid || (o.repulsion == RepulsionRange::automatic && n >= 1000);
    constexpr double reach = 2.0;  // the grid variant's cut-off: twice the ideal tie length
    const double start = o.start_temperature > 0 ? o.start_temperature : std::sqrt(static_cast<double>(n)) / 10;
    std::vector<Point> move(un);
    for (int iteration = 0; iteration < o.iterations; ++iteration) {
        const double temperature = start * (1.0 - static_cast<double>(iteration) / o.iterations);
        std::optional<PointGrid> cells;  // about two nodes per cell
        if (grid) cells.emplace(x, 2.0);
#pragma omp parallel for schedule(dynamic, 256)
        for (node_id u = 0; u < n; ++u) {
            const auto i = static_cast<std::size_t>(u);
            double fx = 0, fy = 0;
            // Repulsion k^2 / d with the ideal length k = 1.
            auto repel = [&](std::int32_t j) {
                const double dx = x[i].x - x[static_cast<std::size_t>(j)].x;
                const double dy = x[i].y - x[static_cast<std::size_t>(j)].y;
                const double d2 = dx * dx + dy * dy;
                if (d2 > 0) {
                    fx += dx / d2;
                    fy += dy / d2;
                } else {  // coincident: a unit push along a direction fixed by the pair
                    const Point away = separating_direction(u, static_cast<node_id>(j));
                    fx += away.x;
                    fy += away.y;
                }
            };
            if (grid) {
                cells->within(static_cast<std::int32_t>(u), reach, repel);
            } else {
                for (node_id v = 0; v < n; ++v)
                    if (v != u) repel(static_cast<std::int32_t>(v));
            }
            // Attraction d^2 / k along each tie, times its weight.
            auto pull = [&](node_id v, edge_id e) {
                if (v == u) return;
                const double dx = x[static_cast<std::size_t>(v)].x - x[i].x;
                const double dy = x[static_cast<std::size_t>(v)].y - x[i].y;
                const double f = length(dx, dy) * (o.use_weights ? g.weight(e) : 1.0);
                fx += dx * f;
                fy += dy * f;
            };
            const auto out = g.out_neighbors(u);
            const auto out_edges = g.out_edges(u);
            for (std::size_t k = 0; k < out.size(); ++k) pull(out[k], out_edges[k]);
            if (g.directed()) {
                const auto in = g.in_neighbors(u);
                const auto in_edges = g.in_edges(u);
                for (std::size_t k = 0; k < in.size(); ++k) pull(in[k], in_edges[k]);
            }
            const double f = length(fx, fy);
            const double step = f > 0 ? std::min(f, temperature) / f : 0.0;
            move[i] = {.x = fx * step, .y = fy * step};
        }
        for (std::size_t i = 0; i < un; ++i)
            if (pinned.empty() || !pinned[i]) x[i] = {.x = x[i].x + move[i].x, .y = x[i].y + move[i].y};
        if (!reporter.advance(n)) break;
    }
    return x;
}

}  // namespace detail

/// Fruchterman-Reingold (1991, "Graph drawing by force-directed placement", Software: Practice and
/// Experience 21(11)): with the ideal tie length k = 1, every pair of nodes repels with force 1 / d
/// and every tie pulls its ends with force d^2 (times its weight with use_weights); each step moves a
/// node along its force by at most the temperature, which cools linearly from start_temperature to
/// 0. The grid variant of the paper only lets nodes within 2 tie lengths repel, found on a grid of
/// cells. Direction is ignored; a tie between u and v pulls both; self-loops are ignored. Random
/// starts are uniform in a square of side sqrt(n), as igraph's. Every node computes its own force
/// from the previous positions, so the result is the same whatever the number of threads.
/// Disconnected graphs are laid out by component and packed (pack_components), each from
/// Rng(seed, component). O(iterations (n^2 + m)) time for all pairs, O(iterations (n + m)) for the
/// grid on an evenly spread layout; O(n + m) memory.
/// Throws std::invalid_argument for negative iterations or temperature, initial positions of the
/// wrong length or not finite, or a pinned node outside the graph; Cancelled on request.
inline std::vector<Point> fruchterman_reingold(const Graph& g, const FruchtermanReingoldOptions& options = {}) {
    const node_id n = g.num_nodes();
    const auto& o = options;
    auto require = [](bool ok, const std::string& message) {
        if (!ok) throw std::invalid_argument("fruchterman_reingold: " + message);
    };
    require(o.iterations >= 0, "iterations must be >= 0, got " + std::to_string(o.iterations));
    require(o.start_temperature >= 0 && std::isfinite(o.start_temperature),
            "start_temperature must be finite and >= 0, got " + std::to_string(o.start_temperature));
    detail::check_positions(o.initial, n, "initial");
    const std::vector<std::uint8_t> pinned = detail::pinned_flags(o.pinned, n, "fruchterman_reingold");
    detail::ProgressReporter reporter(o.progress, static_cast<std::int64_t>(o.iterations) * n);
    auto random_start = [](node_id nodes, Rng& rng) {
        return detail::random_square(nodes, std::sqrt(static_cast<double>(nodes)), rng);
    };
    std::vector<Point> positions;
    if (!o.initial.empty() || !o.pinned.empty() || !o.pack_components) {
        Rng rng(o.seed);
        positions = detail::fruchterman_reingold_run(g, o, o.initial.empty() ? random_start(n, rng) : o.initial, pinned,
                                                     reporter);
    } else {
        positions =
            detail::lay_out_components(g, [&](const Graph& piece, std::int32_t component, std::span<const node_id>) {
                Rng rng(o.seed, static_cast<std::uint64_t>(component));
                return detail::fruchterman_reingold_run(piece, o, random_start(piece.num_nodes(), rng), {}, reporter);
            });
    }
    reporter.finish();
    return positions;
}

}  // namespace essnet
