// The layout drawings use when none is given.
#pragma once

#include <algorithm>
#include <cstdint>
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

inline constexpr int auto_polish_iterations = 50;
inline constexpr std::int64_t auto_landmark_bytes = 100'000'000;  // distances kept per component, at most

}  // namespace detail

/// The layout essnet's drawings use when none is given: stress for the global shape, then
/// ForceAtlas2 for the neighbourhoods. Each connected component starts from full stress majorization
/// (up to 2000 nodes) or landmark stress (above: 300 landmarks, fewer when their distances would
/// pass 100 MB), is shaken by a quarter of a tie length so that nodes sharing a place come apart,
/// takes 50 ForceAtlas2 steps with Gephi's settings (Barnes-Hut from 1000 nodes), and is scaled
/// so that its drawn distances best fit its hop distances (from 100 random sources); the pieces are
/// packed. Stress keeps the hop distances (low scale-normalised stress), ForceAtlas2 draws each node
/// among its neighbours (high neighbourhood preservation). The choice may improve between versions;
/// name a layout for positions that must stay the same. O(k (n + m) + iterations (n log n + m)) time
/// and O(k n) memory for k landmarks.
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
            Rng rng(seed, 2);
            for (Point& p : x) p = {.x = p.x + 0.5 * (rng.uniform() - 0.5), .y = p.y + 0.5 * (rng.uniform() - 0.5)};
            const ForceAtlas2Options polish{.iterations = detail::auto_polish_iterations, .seed = seed};
            x = detail::forceatlas2_run(piece, polish, std::move(x), {}, {}, reporter);
            // ForceAtlas2's scale grows with a component's size and degrees: back to tie lengths, so
            // that every component is drawn at the scale of its hop distances.
            Rng pick(seed, 3);
            std::vector<node_id> sources = detail::random_order(size, pick);
            sources.resize(std::min<std::size_t>(sources.size(), 100));
            const detail::HopFit fit = detail::hop_fit(detail::HopAdjacency(piece), x, sources);
            const double scale = fit.b > 0 ? fit.a / fit.b : 1.0;
            for (Point& p : x) p = {.x = p.x * scale, .y = p.y * scale};
            return x;
        });
    reporter.finish();
    return positions;
}

}  // namespace essnet
