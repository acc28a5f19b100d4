// A Barnes-Hut quadtree (Barnes & Hut 1986, Nature 324:446) over weighted points, for far-field
// repulsion in force-directed layouts, with multipole moments for the 1/d force.
//
// A repulsion k m_i m_j / d along the offset is the gradient of k m_i m_j log|z - w| in the complex
// plane. Around a region's mass centre, sum_j m_j log(z - w_j) = M log z - sum_p a_p / (p z^p) with
// a_p = sum_j m_j w_j^p (a_1 = 0 at the mass centre), so the region pushes a node at offset z by
// k m_i conj(M / z + sum_p a_p / z^(p+1)) (Greengard & Rokhlin 1987, J. Comput. Phys. 73:325). The
// moments up to p = 3 make the far field about (size / distance)^3 accurate instead of
// (size / distance)^2 with the mass alone.
#pragma once

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <span>
#include <vector>

#include "essnet/layout/point.hpp"

namespace essnet::detail {

class BarnesHutTree {
public:
    struct Region {
        double mass = 0;
        double centre_x = 0, centre_y = 0;          // mass centre
        double size = 0;                            // twice the largest distance of a point from the mass centre
        std::complex<double> moment2{}, moment3{};  // a_2 and a_3 about the mass centre
        std::int32_t first = 0, last = 0;           // the region's points are order()[first, last)
        std::int32_t children[4] = {-1, -1, -1, -1};
        double min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // bounding box of the points (leaves only)
        bool leaf() const noexcept { return children[0] < 0 && children[1] < 0 && children[2] < 0 && children[3] < 0; }
    };

    /// Builds the tree over points (x[i], y[i]) of mass mass[i]. Leaves hold at most leaf_capacity
    /// points, or more at one place (or after `max_depth` splits). O(n depth) time.
    void build(std::span<const double> x, std::span<const double> y, std::span<const double> mass) {
        const auto n = static_cast<std::int32_t>(x.size());
        x_ = x;
        y_ = y;
        mass_ = mass;
        order_.resize(static_cast<std::size_t>(n));
        leaves_.clear();
        for (std::int32_t i = 0; i < n; ++i) order_[static_cast<std::size_t>(i)] = i;
        regions_.clear();
        if (n == 0) return;
        double min_x = x[0], max_x = x[0], min_y = y[0], max_y = y[0];
        for (std::int32_t i = 1; i < n; ++i) {
            min_x = std::min(min_x, x[static_cast<std::size_t>(i)]);
            max_x = std::max(max_x, x[static_cast<std::size_t>(i)]);
            min_y = std::min(min_y, y[static_cast<std::size_t>(i)]);
            max_y = std::max(max_y, y[static_cast<std::size_t>(i)]);
        }
        const double side = std::max(max_x - min_x, max_y - min_y);
        split(regions_, leaves_, 0, n, min_x, min_y, side, 0);
        // The points in tree order, so that the pairs of two leaves read consecutive memory.
        tree_x_.resize(static_cast<std::size_t>(n));
        tree_y_.resize(static_cast<std::size_t>(n));
        tree_mass_.resize(static_cast<std::size_t>(n));
        for (std::size_t k = 0; k < static_cast<std::size_t>(n); ++k) {
            const auto p = static_cast<std::size_t>(order_[k]);
            tree_x_[k] = x[p];
            tree_y_[k] = y[p];
            tree_mass_[k] = mass[p];
        }
    }

    /// For every point of leaf region `leaf`, by its tree position k (point order()[k]): calls
    /// pair(k, l) for each point l that the opening rule reaches one by one (k itself excluded), and
    /// far(k, region) for each region taken as one multipole. A region that is not the leaf or one
    /// of its ancestors is taken as one multipole for all the leaf's points when the point of the
    /// leaf's bounding box nearest to the region's mass centre is at distance d with d * theta >
    /// size: Gephi's opening rule then holds for each of them. Traversing once per leaf instead of
    /// once per point shares the walk among the leaf's points. The visiting order is fixed, so sums of
    /// forces do not depend on threads.
    template <class Pair, class Far>
    void visit_leaf(std::int32_t leaf, double theta, Pair&& pair, Far&& far) const {
        const Region& own = regions_[static_cast<std::size_t>(leaf)];
        const double theta2 = theta * theta;
        std::int32_t stack[4 * (max_depth + 2)];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const std::int32_t index = stack[--top];
            const Region& r = regions_[static_cast<std::size_t>(index)];
            const bool ancestor = r.first <= own.first && own.last <= r.last;
            if (!ancestor && r.last - r.first > 1) {
                const double dx = std::max({own.min_x - r.centre_x, r.centre_x - own.max_x, 0.0});
                const double dy = std::max({own.min_y - r.centre_y, r.centre_y - own.max_y, 0.0});
                if ((dx * dx + dy * dy) * theta2 > r.size * r.size) {
                    for (std::int32_t k = own.first; k < own.last; ++k) far(k, r);
                    continue;
                }
            }
            if (r.leaf()) {
                for (std::int32_t k = own.first; k < own.last; ++k)
                    for (std::int32_t l = r.first; l < r.last; ++l)
                        if (l != k) pair(k, l);
            } else {
                for (int q = 3; q >= 0; --q)
                    if (r.children[q] >= 0) stack[top++] = r.children[q];
            }
        }
    }

    /// The leaf regions, in the order of their points.
    const std::vector<std::int32_t>& leaves() const noexcept { return leaves_; }

    const std::vector<Region>& regions() const noexcept { return regions_; }
    const std::vector<std::int32_t>& order() const noexcept { return order_; }
    /// The points' coordinates and masses in tree order: entry k is point order()[k].
    std::span<const double> tree_x() const noexcept { return tree_x_; }
    std::span<const double> tree_y() const noexcept { return tree_y_; }
    std::span<const double> tree_mass() const noexcept { return tree_mass_; }

    /// The repulsion on a point of unit mass at (x, y) from region r as one multipole, per unit of
    /// the coefficient k: conj(M / z + a_2 / z^3 + a_3 / z^4) for z the offset from the mass centre.
    static std::complex<double> far_field(const Region& r, double x, double y) {
        // Complex arithmetic written out: std::complex division and products check for infinities
        // and NaN through library calls, which cost more than the whole field.
        const double zx = x - r.centre_x, zy = y - r.centre_y;
        const double norm = zx * zx + zy * zy;
        const double ix = zx / norm, iy = -zy / norm;             // 1 / z
        const double i2x = ix * ix - iy * iy, i2y = 2 * ix * iy;  // 1 / z^2
        // a_2 + a_3 / z
        const double sx = r.moment2.real() + r.moment3.real() * ix - r.moment3.imag() * iy;
        const double sy = r.moment2.imag() + r.moment3.real() * iy + r.moment3.imag() * ix;
        // M + (a_2 + a_3 / z) / z^2
        const double tx = r.mass + sx * i2x - sy * i2y, ty = sx * i2y + sy * i2x;
        // conj((...) / z)
        return {tx * ix - ty * iy, -(tx * iy + ty * ix)};
    }

    static constexpr int max_depth = 48;
    /// Regions of at most this many points are not split: their points are summed one by one.
    static constexpr std::int32_t leaf_capacity = 8;

private:
    // Quadrants holding at least this many points are built in parallel (the top two levels only).
    static constexpr std::int32_t parallel_points = 50'000;

    // Appends the region of points order_[first, last), in the square at (x0, y0) of side `side`,
    // and its subtree to `regions` in pre-order, and its leaves to `leaves`; returns its index. Large
    // regions near the root build their quadrants in parallel, each into vectors of its own that are
    // then appended in quadrant order: the arrays are those of the serial build.
    std::int32_t split(std::vector<Region>& regions, std::vector<std::int32_t>& leaves, std::int32_t first,
                       std::int32_t last, double x0, double y0, double side, int depth) {
        const auto index = static_cast<std::int32_t>(regions.size());
        regions.push_back({.first = first, .last = last});
        const auto begin = order_.begin() + first, end = order_.begin() + last;
        bool same_place = true;
        for (auto it = begin; it != end; ++it)
            if (x_[static_cast<std::size_t>(*it)] != x_[static_cast<std::size_t>(*begin)] ||
                y_[static_cast<std::size_t>(*it)] != y_[static_cast<std::size_t>(*begin)])
                same_place = false;
        if (last - first > leaf_capacity && !same_place && depth < max_depth) {
            const double half = side / 2, mid_x = x0 + half, mid_y = y0 + half;
            const auto below =
                std::partition(begin, end, [&](std::int32_t p) { return y_[static_cast<std::size_t>(p)] < mid_y; });
            const auto left_low =
                std::partition(begin, below, [&](std::int32_t p) { return x_[static_cast<std::size_t>(p)] < mid_x; });
            const auto left_high =
                std::partition(below, end, [&](std::int32_t p) { return x_[static_cast<std::size_t>(p)] < mid_x; });
            const std::int32_t bounds[5] = {first, static_cast<std::int32_t>(left_low - order_.begin()),
                                            static_cast<std::int32_t>(below - order_.begin()),
                                            static_cast<std::int32_t>(left_high - order_.begin()), last};
            const double corner_x[4] = {x0, mid_x, x0, mid_x}, corner_y[4] = {y0, y0, mid_y, mid_y};
            if (depth < 2 && last - first >= parallel_points) {
                std::vector<Region> sub[4];
                std::vector<std::int32_t> sub_leaves[4];
#pragma omp parallel for schedule(dynamic, 1)
                for (int q = 0; q < 4; ++q)
                    if (bounds[q + 1] > bounds[q])
                        split(sub[q], sub_leaves[q], bounds[q], bounds[q + 1], corner_x[q], corner_y[q], half,
                              depth + 1);
                for (int q = 0; q < 4; ++q) {
                    if (sub[q].empty()) continue;
                    const auto offset = static_cast<std::int32_t>(regions.size());
                    for (Region region : sub[q]) {
                        for (auto& child : region.children)
                            if (child >= 0) child += offset;
                        regions.push_back(region);
                    }
                    for (const std::int32_t leaf : sub_leaves[q]) leaves.push_back(leaf + offset);
                    regions[static_cast<std::size_t>(index)].children[q] = offset;
                }
            } else {
                for (int q = 0; q < 4; ++q)
                    if (bounds[q + 1] > bounds[q]) {
                        const std::int32_t child =
                            split(regions, leaves, bounds[q], bounds[q + 1], corner_x[q], corner_y[q], half, depth + 1);
                        regions[static_cast<std::size_t>(index)].children[q] = child;
                    }
            }
        }
        Region& r = regions[static_cast<std::size_t>(index)];
        double mass = 0, sx = 0, sy = 0;
        for (auto it = begin; it != end; ++it) {
            const auto p = static_cast<std::size_t>(*it);
            mass += mass_[p];
            sx += mass_[p] * x_[p];
            sy += mass_[p] * y_[p];
        }
        r.mass = mass;
        r.centre_x = mass > 0 ? sx / mass : x_[static_cast<std::size_t>(*begin)];
        r.centre_y = mass > 0 ? sy / mass : y_[static_cast<std::size_t>(*begin)];
        double radius = 0;
        for (auto it = begin; it != end; ++it) {
            const auto p = static_cast<std::size_t>(*it);
            radius = std::max(radius, length(x_[p] - r.centre_x, y_[p] - r.centre_y));
        }
        r.size = 2 * radius;
        if (r.leaf()) {
            leaves.push_back(index);
            r.min_x = r.max_x = x_[static_cast<std::size_t>(*begin)];
            r.min_y = r.max_y = y_[static_cast<std::size_t>(*begin)];
            for (auto it = begin; it != end; ++it) {
                const auto p = static_cast<std::size_t>(*it);
                r.min_x = std::min(r.min_x, x_[p]);
                r.max_x = std::max(r.max_x, x_[p]);
                r.min_y = std::min(r.min_y, y_[p]);
                r.max_y = std::max(r.max_y, y_[p]);
            }
        }
        for (auto it = begin; it != end; ++it) {
            const auto p = static_cast<std::size_t>(*it);
            const std::complex<double> w(x_[p] - r.centre_x, y_[p] - r.centre_y);
            const std::complex<double> w2 = w * w;
            r.moment2 += mass_[p] * w2;
            r.moment3 += mass_[p] * w2 * w;
        }
        return index;
    }

    std::span<const double> x_, y_, mass_;
    std::vector<std::int32_t> order_, leaves_;
    std::vector<Region> regions_;
    std::vector<double> tree_x_, tree_y_, tree_mass_;
};

}  // namespace essnet::detail
