// A layout is one point per node, aligned with the graph's nodes.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/random.hpp"
#include "essnet/core/types.hpp"

namespace essnet {

/// A position in the plane, in layout units (a drawing scales them to the page).
struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

/// The smallest axis-aligned box holding a set of points.
struct BoundingBox {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    double width() const noexcept { return max_x - min_x; }
    double height() const noexcept { return max_y - min_y; }
};

/// The bounding box of `points`; all zeros when there are none.
inline BoundingBox bounding_box(std::span<const Point> points) {
    if (points.empty()) return {};
    BoundingBox box{.min_x = points[0].x, .min_y = points[0].y, .max_x = points[0].x, .max_y = points[0].y};
    for (const Point& p : points) {
        box.min_x = std::min(box.min_x, p.x);
        box.max_x = std::max(box.max_x, p.x);
        box.min_y = std::min(box.min_y, p.y);
        box.max_y = std::max(box.max_y, p.y);
    }
    return box;
}

namespace detail {

// Length of (dx, dy). std::hypot guards against overflow at a large cost in speed; layout
// coordinates are far from the limits of double.
inline double length(double dx, double dy) noexcept {
    return std::sqrt(dx * dx + dy * dy);
}

// Throws std::invalid_argument unless `positions` is empty or holds one finite point per node.
inline void check_positions(std::span<const Point> positions, node_id n, const char* parameter) {
    if (positions.empty()) return;
    if (static_cast<std::int64_t>(positions.size()) != n)
        throw std::invalid_argument(std::string(parameter) + " has " + std::to_string(positions.size()) +
                                    " points for a graph of " + std::to_string(n) + " nodes");
    for (std::size_t i = 0; i < positions.size(); ++i)
        if (!std::isfinite(positions[i].x) || !std::isfinite(positions[i].y))
            throw std::invalid_argument(std::string(parameter) + "[" + std::to_string(i) + "] is not finite");
}

// One flag per node, 1 for the nodes of `pinned`; empty when none is pinned. Throws
// std::invalid_argument naming `layout` for a node outside 0..n-1.
inline std::vector<std::uint8_t> pinned_flags(std::span<const node_id> pinned, node_id n, const char* layout) {
    std::vector<std::uint8_t> flags;
    if (!pinned.empty()) flags.assign(static_cast<std::size_t>(n), 0);
    for (const node_id u : pinned) {
        if (u < 0 || u >= n)
            throw std::invalid_argument(std::string(layout) + ": pinned node " + std::to_string(u) + " is not in 0.." +
                                        std::to_string(n - 1));
        flags[static_cast<std::size_t>(u)] = 1;
    }
    return flags;
}

// A unit vector for the pair (i, j), the opposite one for (j, i): the direction in which coincident
// nodes are pushed apart, the same whatever the thread count.
inline Point separating_direction(node_id i, node_id j) {
    const auto lo = static_cast<std::uint64_t>(std::min(i, j)), hi = static_cast<std::uint64_t>(std::max(i, j));
    std::uint64_t h = (lo * 0x9e3779b97f4a7c15ULL) ^ (hi + 0x632be59bd9b4e019ULL);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    const double angle = static_cast<double>(h >> 11) * 0x1.0p-53 * 6.283185307179586;
    const double sign = i < j ? 1.0 : -1.0;
    return {sign * std::cos(angle), sign * std::sin(angle)};
}

// Uniform random points in a square of side `side` centred on the origin.
inline std::vector<Point> random_square(node_id n, double side, Rng& rng) {
    std::vector<Point> points(static_cast<std::size_t>(n));
    for (Point& p : points) {
        p.x = (rng.uniform() - 0.5) * side;
        p.y = (rng.uniform() - 0.5) * side;
    }
    return points;
}

}  // namespace detail

}  // namespace essnet
