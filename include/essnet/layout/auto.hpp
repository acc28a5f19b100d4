// The layout drawings use when none is given.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "essnet/layout/forceatlas2.hpp"
#include "essnet/layout/quality.hpp"
#include "essnet/layout/stress.hpp"

namespace essnet {

struct AutoLayoutOptions {
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

namespace detail {

inline constexpr int auto_polish_iterations = 100;                // at most
inline constexpr std::int64_t auto_landmark_bytes = 100'000'000;  // distances kept per component, at most
inline constexpr std::int64_t auto_stress_sources = 200;  // sources of the stress measured after each step, at most
// ForceAtlas2 may raise the stress by this share of the gap between the start's stress and the
// ceiling: much where the start draws the hop distances well, little where it is near the ceiling.
inline constexpr double auto_stress_ceiling = 0.2, auto_stress_share = 0.25;

// The scale s at which ForceAtlas2's energy is least along the ray s x (x centred on the origin).
// With forces c_e d on each end of tie e, k_r m_i m_j / d between two nodes and m_i g towards the
// origin, the energy at scale s is s^2 A / 2 - C log s + s B + constant, with A = sum_e c_e d_e^2,
// B = g sum_i m_i |x_i| and C = k_r sum_{i<j} m_i m_j: least where s^2 A + s B - C = 0. A drawing at
// that scale is where the steps' attraction and repulsion balance overall, so the first steps
// refine the drawing instead of inflating it. 1 when no tie has a length. For linear attraction
// without dissuade_hubs, strong gravity or overlap prevention (the settings auto uses).
inline double forceatlas2_balanced_scale(const Graph& g, const ForceAtlas2Options& o, std::span<const Point> x) {
    const ForceAtlas2Forces forces(g, o, {});
    const auto& mass = forces.mass();
    const auto& pull = forces.pull();
    const auto sources = g.edge_sources(), targets = g.edge_targets();
    double a = 0, b = 0, total_mass = 0, squares = 0;
    for (std::size_t e = 0; e < sources.size(); ++e) {
        const Point& p = x[static_cast<std::size_t>(sources[e])];
        const Point& q = x[static_cast<std::size_t>(targets[e])];
        a += forces.attraction() * pull[e] * ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y));
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
        b += mass[i] * length(x[i].x, x[i].y);
        total_mass += mass[i];
        squares += mass[i] * mass[i];
    }
    b *= o.gravity;
    const double c = o.scaling * (total_mass * total_mass - squares) / 2;
    if (!(a > 0) || !(c > 0)) return 1.0;
    return (-b + std::sqrt(b * b + 4 * a * c)) / (2 * a);
}

// Sums for the best uniform scale of a drawing (as layout_quality's) over the pairs of a source of
// d and another node; summed per source, in order, the same for any number of threads.
inline HopFit sampled_fit(const PivotDistances& d, std::span<const Point> x) {
    const std::size_t n = x.size();
    std::vector<HopFit> per_source(d.pivots.size());
#pragma omp parallel for schedule(dynamic, 1)
    for (std::int64_t k = 0; k < static_cast<std::int64_t>(d.pivots.size()); ++k) {
        const auto row = d.row(static_cast<std::size_t>(k));
        const Point from = x[static_cast<std::size_t>(d.pivots[static_cast<std::size_t>(k)])];
        HopFit sums;
        for (std::size_t i = 0; i < n; ++i) {
            if (row[i] == 0) continue;
            sums.add(length(x[i].x - from.x, x[i].y - from.y), row[i]);
        }
        per_source[static_cast<std::size_t>(k)] = sums;
    }
    HopFit total;
    for (const HopFit& f : per_source) total += f;
    return total;
}

// Scale-normalised stress over the pairs of a source of d and another node.
inline double sampled_stress(const PivotDistances& d, std::span<const Point> x) {
    const HopFit fit = sampled_fit(d, x);
    return fit.pairs > 0 ? fit.stress() : 0.0;
}

}  // namespace detail

/// The layout essnet's drawings use when none is given: stress for the global shape, then
/// ForceAtlas2 for the neighbourhoods, for as long as it keeps the global shape. Each connected
/// component:
/// - starts from full stress majorization (up to 2000 nodes) or landmark stress (above: 300
///   landmarks, fewer when their distances would pass 100 MB);
/// - is centred, scaled to where ForceAtlas2's attraction and repulsion balance overall, and shaken
///   by a quarter of a tie so that nodes sharing a place come apart;
/// - takes ForceAtlas2 steps with Gephi's settings (Barnes-Hut from 1000 nodes), at most 100.
///   After each step the scale-normalised stress is measured over the pairs from 200 random
///   sources (drawn independently of the landmarks; fewer above 125,000 nodes, so that their
///   distances stay within 100 MB). The run stops at the first step that raises it above the stress
///   start's by more than a quarter of the gap between that stress and 0.2, and the drawing of the
///   step before is kept (the shaken start when it is the first). A component the plane fits well (a mesh, a road
///   network: low stress) is polished long; a small-world one, whose start is near 0.2 already,
///   takes a few steps;
/// - is scaled so that its drawn distances best fit its hop distances. The pieces are packed.
/// Stress keeps the hop distances (low scale-normalised stress), ForceAtlas2 draws each node among
/// its neighbours (high neighbourhood preservation). The same seed gives the same drawing on any
/// number of threads. The choice may improve between versions; name a layout for positions that
/// must stay the same. O((k + 200) (n + m) + steps (200 n + n log n + m)) time and O((k + 200) n)
/// memory for k landmarks.
inline std::vector<Point> auto_layout(const Graph& g, const AutoLayoutOptions& options = {}) {
    const node_id n = g.num_nodes();
    detail::ProgressReporter reporter(options.progress,
                                      static_cast<std::int64_t>(detail::auto_polish_iterations + 100) * n);
    std::vector<Point> positions =
        detail::lay_out_components(g, [&](const Graph& piece, std::int32_t component, std::span<const node_id>) {
            const node_id size = piece.num_nodes();
            const std::uint64_t seed = options.seed ^ static_cast<std::uint64_t>(component);
            const StressOptions start{
                .method = size <= detail::full_stress_limit ? StressMethod::full : StressMethod::landmark,
                .pivots = static_cast<std::int32_t>(
                    std::clamp<std::int64_t>(detail::auto_landmark_bytes / 4 / std::max<node_id>(size, 1), 100, 300)),
                .seed = seed};
            std::vector<Point> x = detail::stress_connected(piece, start, {}, {}, {}, seed, reporter);
            if (size <= 2) return x;
            // Stress is measured from sources drawn independently of the landmarks, whose distances
            // the start fits better than the others'.
            Rng pick(seed, 3);
            const auto sources = static_cast<std::int32_t>(std::clamp<std::int64_t>(
                detail::auto_landmark_bytes / 4 / std::max<node_id>(size, 1), 20, detail::auto_stress_sources));
            const detail::PivotDistances sampled =
                detail::distances_from_random_nodes(detail::HopAdjacency(piece), sources, pick);
            const double start_stress = detail::sampled_stress(sampled, x);
            const double budget = detail::auto_stress_share * std::max(detail::auto_stress_ceiling - start_stress, 0.0);
            // Centred, at ForceAtlas2's balanced scale, and shaken by a quarter of a tie so that
            // nodes sharing a place come apart.
            Point centre{};
            for (const Point& p : x) centre = {.x = centre.x + p.x, .y = centre.y + p.y};
            centre = {.x = centre.x / static_cast<double>(size), .y = centre.y / static_cast<double>(size)};
            for (Point& p : x) p = {.x = p.x - centre.x, .y = p.y - centre.y};
            const ForceAtlas2Options polish{.iterations = detail::auto_polish_iterations, .seed = seed};
            const double balanced = detail::forceatlas2_balanced_scale(piece, polish, x);
            Rng rng(seed, 2);
            for (Point& p : x)
                p = {.x = balanced * (p.x + 0.5 * (rng.uniform() - 0.5)),
                     .y = balanced * (p.y + 0.5 * (rng.uniform() - 0.5))};
            // ForceAtlas2 draws nodes among their neighbours but, step by step, bends the hop
            // distances: keep the last drawing whose stress is within the budget.
            std::vector<Point> kept = x, drawn(static_cast<std::size_t>(size));
            auto within_budget = [&](std::span<const double> px, std::span<const double> py) {
                for (std::size_t i = 0; i < drawn.size(); ++i) drawn[i] = {.x = px[i], .y = py[i]};
                const double stress = detail::sampled_stress(sampled, drawn);
                if (stress > start_stress + budget) return false;
                kept.swap(drawn);
                return true;
            };
            detail::forceatlas2_run(piece, polish, std::move(x), {}, {}, reporter, within_budget);
            x = std::move(kept);
            // ForceAtlas2's scale grows with a component's size and degrees: back to tie lengths, so
            // that every component is drawn at the scale of its hop distances.
            const detail::HopFit fit = detail::sampled_fit(sampled, x);
            const double scale = fit.b > 0 ? fit.a / fit.b : 1.0;
            for (Point& p : x) p = {.x = p.x * scale, .y = p.y * scale};
            return x;
        });
    reporter.finish();
    return positions;
}

}  // namespace essnet
