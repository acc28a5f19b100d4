// Measures of how well a drawing shows its graph, to compare layouts and to test them.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/parallel.hpp"
#include "essnet/core/random.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/layout/detail/adjacency.hpp"
#include "essnet/layout/detail/grid.hpp"
#include "essnet/layout/point.hpp"

namespace essnet {

struct LayoutQualityOptions {
    /// Stress is summed over the pairs of every source when the graph has at most this many nodes,
    /// and over this many sources drawn from `seed` (an unbiased estimate) otherwise.
    std::int32_t max_sources = 1000;
    /// Crossings are counted exactly over all pairs of edges when there are at most this many edges,
    /// and estimated from `crossing_samples` random pairs otherwise.
    std::int64_t max_exact_crossing_edges = 4000;
    std::int64_t crossing_samples = 2'000'000;
    /// Two nodes overlap when nearer than twice this radius; 0: 1/400 of the drawing's diagonal
    /// (nodes of 5 pixels' radius on a map 1414 pixels across its diagonal).
    double node_radius = 0;
    std::uint64_t seed = 0;
};

struct LayoutQuality {
    /// Scale-normalised stress: min over s of the mean over connected pairs of (s e_ij - d_ij)^2 /
    /// d_ij^2, with e the drawn and d the graph (hop) distance; 0 is a perfect drawing of distances.
    double stress = 0;
    /// Mean over nodes with neighbours of the Jaccard index between the node's k graph neighbours
    /// and its k nearest drawn nodes; 1 is best.
    double neighbourhood_preservation = 0;
    double crossings = 0;         ///< pairs of edges without a common end whose segments cross
    bool crossings_exact = true;  ///< false when `crossings` is estimated from samples
    std::int64_t overlaps = 0;    ///< pairs of nodes nearer than twice the node radius
};

namespace detail {

// Orientation of c relative to the line a -> b: +1, -1 or 0 when collinear.
inline int orientation(const Point& a, const Point& b, const Point& c) {
    const double v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    return (v > 0) - (v < 0);
}

// Whether segments ab and cd cross at a point inside both (touching or collinear does not count).
inline bool segments_cross(const Point& a, const Point& b, const Point& c, const Point& d) {
    const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
    const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    return o1 * o2 < 0 && o3 * o4 < 0;
}

// Over the pairs of each source with every node it reaches: their count, and the sums of e / d and
// e^2 / d^2, where e is the drawn and d the hop distance. One breadth-first search per source, each
// summed on its own, then in source order, so that the sums do not depend on the number of threads.
// The best uniform scale of the drawing is a / b, and its scale-normalised stress 1 - a^2 / (b pairs).
struct HopFit {
    double pairs = 0, a = 0, b = 0;
    void add(double e, double d) {
        pairs += 1;
        a += e / d;
        b += e * e / (d * d);
    }
    HopFit& operator+=(const HopFit& other) {
        pairs += other.pairs;
        a += other.a;
        b += other.b;
        return *this;
    }
    // min over s of sum (s e/d - 1)^2 = pairs - a^2 / b, at s = a / b; divided by the pairs.
    double stress() const { return b > 0 ? std::max(0.0, 1.0 - a * a / (b * pairs)) : 1.0; }
};

inline HopFit hop_fit(const HopAdjacency& adj, std::span<const Point> x, std::span<const node_id> sources) {
    const auto un = static_cast<std::size_t>(adj.size());
    std::vector<HopFit> per_source(sources.size());
#pragma omp parallel
    {
        std::vector<std::int32_t> distance(un, -1);
        std::vector<node_id> queue(un);
#pragma omp for schedule(dynamic, 1)
        for (std::int64_t k = 0; k < static_cast<std::int64_t>(sources.size()); ++k) {
            const node_id s = sources[static_cast<std::size_t>(k)];
            const Point xs = x[static_cast<std::size_t>(s)];
            std::size_t head = 0, tail = 0;
            queue[tail++] = s;
            distance[static_cast<std::size_t>(s)] = 0;
            HopFit sums;
            while (head < tail) {
                const node_id u = queue[head++];
                const std::int32_t du = distance[static_cast<std::size_t>(u)];
                if (u != s) {
                    const Point xu = x[static_cast<std::size_t>(u)];
                    sums.add(length(xu.x - xs.x, xu.y - xs.y), du);
                }
                for (const node_id v : adj.neighbours(u))
                    if (distance[static_cast<std::size_t>(v)] < 0) {
                        distance[static_cast<std::size_t>(v)] = du + 1;
                        queue[tail++] = v;
                    }
            }
            for (std::size_t i = 0; i < tail; ++i) distance[static_cast<std::size_t>(queue[i])] = -1;
            per_source[static_cast<std::size_t>(k)] = sums;
        }
    }
    HopFit total;
    for (const HopFit& f : per_source) total += f;
    return total;
}

}  // namespace detail

/// Scale-normalised stress (Gansner, Koren & North 2004, with the optimal uniform scaling of Kruiger
/// et al. 2017), neighbourhood preservation (Kruiger et al. 2017, EuroVis; Gansner et al. 2012),
/// edge crossings and node overlaps of a drawing of g. Direction and weights are ignored: distances
/// are hop counts in the undirected graph, and pairs in different components are skipped.
/// O(s (n + m) + n k + c) time for s stress sources, k the mean degree and c crossing tests;
/// O(n + m) memory. Throws std::invalid_argument when positions are not one finite point per node
/// or an option is out of range.
inline LayoutQuality layout_quality(const Graph& g, std::span<const Point> positions,
                                    const LayoutQualityOptions& options = {}) {
    const node_id n = g.num_nodes();
    if (static_cast<std::int64_t>(positions.size()) != n)
        throw std::invalid_argument("layout_quality: positions has " + std::to_string(positions.size()) +
                                    " points for a graph of " + std::to_string(n) + " nodes");
    detail::check_positions(positions, n, "positions");
    if (options.max_sources < 1 || options.crossing_samples < 1 || options.max_exact_crossing_edges < 0 ||
        !(options.node_radius >= 0))
        throw std::invalid_argument(
            "layout_quality: max_sources and crossing_samples must be >= 1, "
            "max_exact_crossing_edges and node_radius >= 0");
    LayoutQuality q;
    if (n == 0) return q;
    const auto un = static_cast<std::size_t>(n);
    const detail::HopAdjacency adj(g);  // undirected, without repeats or self-loops

    // Stress, from every node or from max_sources of them drawn at random.
    std::vector<node_id> sources;
    if (n <= options.max_sources) {
        sources.resize(un);
        for (node_id u = 0; u < n; ++u) sources[static_cast<std::size_t>(u)] = u;
    } else {
        Rng rng(options.seed);
        sources = detail::random_order(n, rng);
        sources.resize(static_cast<std::size_t>(options.max_sources));
    }
    const detail::HopFit total = detail::hop_fit(adj, positions, sources);
    if (total.pairs > 0) q.stress = total.stress();

    // Neighbourhood preservation.
    const detail::PointGrid grid(positions);
    std::vector<double> jaccard(un, 0.0);
#pragma omp parallel for schedule(dynamic, 64)
    for (node_id u = 0; u < n; ++u) {
        const auto mine = adj.neighbours(u);
        if (mine.empty()) continue;
        std::vector<std::int32_t> near = grid.nearest(u, static_cast<std::int64_t>(mine.size()));
        std::sort(near.begin(), near.end());
        std::int64_t common = 0;
        for (std::size_t a = 0, b = 0; a < mine.size() && b < near.size();) {
            if (mine[a] == near[b]) {
                ++common;
                ++a;
                ++b;
            } else if (mine[a] < near[b]) {
                ++a;
            } else {
                ++b;
            }
        }
        const auto united = static_cast<std::int64_t>(mine.size() + near.size()) - common;
        jaccard[static_cast<std::size_t>(u)] = static_cast<double>(common) / static_cast<double>(united);
    }
    std::int64_t with_neighbours = 0;
    double jaccard_sum = 0;
    for (node_id u = 0; u < n; ++u)
        if (!adj.neighbours(u).empty()) {
            ++with_neighbours;
            jaccard_sum += jaccard[static_cast<std::size_t>(u)];
        }
    q.neighbourhood_preservation = with_neighbours > 0 ? jaccard_sum / static_cast<double>(with_neighbours) : 1.0;

    // Crossings between edges (each undirected pair of distinct nodes once).
    std::vector<std::pair<node_id, node_id>> edges;
    for (node_id u = 0; u < n; ++u)
        for (const node_id v : adj.neighbours(u))
            if (u < v) edges.emplace_back(u, v);
    auto crossing = [&](std::size_t i, std::size_t j) {
        const auto [a, b] = edges[i];
        const auto [c, d] = edges[j];
        if (a == c || a == d || b == c || b == d) return false;
        return detail::segments_cross(positions[static_cast<std::size_t>(a)], positions[static_cast<std::size_t>(b)],
                                      positions[static_cast<std::size_t>(c)], positions[static_cast<std::size_t>(d)]);
    };
    const auto m = static_cast<std::int64_t>(edges.size());
    if (m <= options.max_exact_crossing_edges) {
        std::int64_t count = 0;
#pragma omp parallel for schedule(dynamic, 16) reduction(+ : count)
        for (std::int64_t i = 0; i < m; ++i)
            for (std::int64_t j = i + 1; j < m; ++j)
                count += crossing(static_cast<std::size_t>(i), static_cast<std::size_t>(j));
        q.crossings = static_cast<double>(count);
    } else {
        Rng rng(options.seed, 1);
        std::int64_t hits = 0;
        for (std::int64_t s = 0; s < options.crossing_samples; ++s) {
            const auto i = rng.below(static_cast<std::uint64_t>(m));
            auto j = rng.below(static_cast<std::uint64_t>(m - 1));
            if (j >= i) ++j;
            hits += crossing(i, j);
        }
        const double pairs = static_cast<double>(m) * static_cast<double>(m - 1) / 2;
        q.crossings = pairs * static_cast<double>(hits) / static_cast<double>(options.crossing_samples);
        q.crossings_exact = false;
    }

    // Overlaps.
    const BoundingBox box = bounding_box(positions);
    const double radius =
        options.node_radius > 0 ? options.node_radius : detail::length(box.width(), box.height()) / 400;
    std::int64_t overlaps = 0;
    if (radius > 0) {
#pragma omp parallel for schedule(dynamic, 256) reduction(+ : overlaps)
        for (node_id u = 0; u < n; ++u) grid.within(u, 2 * radius, [&](std::int32_t v) { overlaps += v > u; });
    } else {
        // A drawing of one point: every pair overlaps.
        overlaps = static_cast<std::int64_t>(n) * (n - 1) / 2;
    }
    q.overlaps = overlaps;
    return q;
}

}  // namespace essnet
