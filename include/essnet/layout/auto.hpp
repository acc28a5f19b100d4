// The layout drawings use when none is given.
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/layout/forceatlas2.hpp"
#include "essnet/layout/stress.hpp"

namespace essnet {

struct AutoLayoutOptions {
    /// ForceAtlas2 steps after the stress start.
    int polish_iterations = 50;
    /// Landmarks of the stress start of components above 2000 nodes; 0: 300, fewer on large
    /// components so that their distances take at most 100 MB.
    std::int32_t landmarks = 0;
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

/// The layout essnet's drawings use when none is given: stress for the global shape, then
/// ForceAtlas2 for the neighbourhoods. Each connected component starts from full stress majorization
/// (up to 2000 nodes) or landmark stress (above), is shaken by a quarter of a tie length so that
/// nodes sharing a place come apart, and takes `polish_iterations` ForceAtlas2 steps with Gephi's
/// settings (Barnes-Hut from 1000 nodes); the pieces are packed. Stress keeps the hop distances
/// (low scale-normalised stress), ForceAtlas2 draws each node among its neighbours (high
/// neighbourhood preservation). The choice may improve between versions; name a layout for
/// positions that must stay the same. O(k (n + m) + iterations (n log n + m)) time and O(k n) memory
/// for k landmarks.
inline std::vector<Point> auto_layout(const Graph& g, const AutoLayoutOptions& options = {}) {
    if (options.polish_iterations < 0)
        throw std::invalid_argument("auto_layout: polish_iterations must be >= 0, got " +
                                    std::to_string(options.polish_iterations));
    if (options.landmarks < 0 || options.landmarks == 1)
        throw std::invalid_argument("auto_layout: landmarks must be 0 or >= 2, got " +
                                    std::to_string(options.landmarks));
    const node_id n = g.num_nodes();
    detail::ProgressReporter reporter(options.progress, static_cast<std::int64_t>(options.polish_iterations + 100) * n);
    std::vector<Point> positions =
        detail::lay_out_components(g, [&](const Graph& piece, std::int32_t component, std::span<const node_id>) {
            const node_id size = piece.num_nodes();
            const std::uint64_t seed = options.seed ^ static_cast<std::uint64_t>(component);
            constexpr std::int64_t distance_bytes = 100'000'000;
            const std::int32_t landmarks = options.landmarks > 0
                                               ? options.landmarks
                                               : static_cast<std::int32_t>(std::clamp<std::int64_t>(
                                                     distance_bytes / 4 / std::max<node_id>(size, 1), 100, 300));
            const StressOptions start{
                .method = size <= detail::full_stress_limit ? StressMethod::full : StressMethod::landmark,
                .pivots = landmarks,
                .seed = seed};
            std::vector<Point> x = detail::stress_connected(piece, start, {}, {}, {}, seed, reporter);
            if (size <= 2 || options.polish_iterations == 0) return x;
            Rng rng(seed, 2);
            for (Point& p : x) p = {.x = p.x + 0.5 * (rng.uniform() - 0.5), .y = p.y + 0.5 * (rng.uniform() - 0.5)};
            const ForceAtlas2Options polish{.iterations = options.polish_iterations, .seed = seed};
            x = detail::forceatlas2_run(piece, polish, std::move(x), {}, {}, reporter);
            // ForceAtlas2's scale grows with a component's size and degrees: back to tie lengths, so
            // that every component is drawn at the scale of its hop distances.
            const double scale = detail::hop_scale(detail::HopAdjacency(piece), x, 100, seed);
            for (Point& p : x) p = {.x = p.x * scale, .y = p.y * scale};
            return x;
        });
    reporter.finish();
    return positions;
}

}  // namespace essnet
