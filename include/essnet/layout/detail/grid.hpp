// A uniform grid over points for near-neighbour queries.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>
#include <span>
#include <utility>
#include <vector>

#include "essnet/layout/point.hpp"

namespace essnet::detail {

class PointGrid {
public:
    /// Buckets `points` into about points.size() / per_cell square cells (at most 2^22 cells).
    explicit PointGrid(std::span<const Point> points, double per_cell = 2.0) : points_(points) {
        const BoundingBox box = bounding_box(points);
        min_x_ = box.min_x;
        min_y_ = box.min_y;
        const double n = std::max<double>(1.0, static_cast<double>(points.size()));
        const double area = std::max(box.width(), 1e-300) * std::max(box.height(), 1e-300);
        cell_ = std::sqrt(area * per_cell / n);
        if (!(cell_ > 0) || !std::isfinite(cell_)) cell_ = 1.0;
        cell_ = std::max({cell_, box.width() / 2048, box.height() / 2048});
        columns_ = static_cast<std::int64_t>(box.width() / cell_) + 1;
        rows_ = static_cast<std::int64_t>(box.height() / cell_) + 1;
        start_.assign(static_cast<std::size_t>(columns_ * rows_ + 1), 0);
        for (const Point& p : points) ++start_[static_cast<std::size_t>(cell_of(p) + 1)];
        for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
        members_.resize(points.size());
        std::vector<std::int64_t> next(start_.begin(), start_.end() - 1);
        for (std::size_t i = 0; i < points.size(); ++i)
            members_[static_cast<std::size_t>(next[static_cast<std::size_t>(cell_of(points[i]))]++)] =
                static_cast<std::int32_t>(i);
    }

    /// The k points nearest to point i (i excluded), nearest first; ties by index.
    std::vector<std::int32_t> nearest(std::int32_t i, std::int64_t k) const {
        using Entry = std::pair<double, std::int32_t>;
        std::priority_queue<Entry> best;  // the k best so far, worst on top
        const Point p = points_[static_cast<std::size_t>(i)];
        const std::int64_t cx = column(p.x), cy = row(p.y);
        const std::int64_t wanted = std::min<std::int64_t>(k, static_cast<std::int64_t>(points_.size()) - 1);
        for (std::int64_t ring = 0;; ++ring) {
            for_ring(cx, cy, ring, [&](std::int32_t j) {
                if (j == i) return;
                const Point q = points_[static_cast<std::size_t>(j)];
                const Entry e{length(p.x - q.x, p.y - q.y), j};
                if (static_cast<std::int64_t>(best.size()) < wanted) {
                    best.push(e);
                } else if (wanted > 0 && e < best.top()) {
                    best.pop();
                    best.push(e);
                }
            });
            // Points beyond this ring are at least ring * cell away.
            const bool full = static_cast<std::int64_t>(best.size()) == wanted;
            if ((full && (wanted == 0 || best.top().first <= static_cast<double>(ring) * cell_)) ||
                (ring > columns_ && ring > rows_))
                break;
        }
        std::vector<std::int32_t> result(best.size());
        for (auto it = result.rbegin(); it != result.rend(); ++it) {
            *it = best.top().second;
            best.pop();
        }
        return result;
    }

    /// Calls visit(j) for every point j != i within `radius` of point i.
    template <class Visit>
    void within(std::int32_t i, double radius, Visit&& visit) const {
        within_point(points_[static_cast<std::size_t>(i)], radius, [&](std::int32_t j) {
            if (j != i) visit(j);
        });
    }

    /// Calls visit(j) for every point j within `radius` of p.
    template <class Visit>
    void within_point(Point p, double radius, Visit&& visit) const {
        const std::int64_t reach = static_cast<std::int64_t>(std::ceil(radius / cell_));
        const std::int64_t cx = column(p.x), cy = row(p.y);
        for (std::int64_t r = std::max<std::int64_t>(0, cy - reach); r <= std::min(rows_ - 1, cy + reach); ++r)
            for (std::int64_t c = std::max<std::int64_t>(0, cx - reach); c <= std::min(columns_ - 1, cx + reach); ++c)
                for (std::int64_t k = start_[static_cast<std::size_t>(r * columns_ + c)];
                     k < start_[static_cast<std::size_t>(r * columns_ + c + 1)]; ++k) {
                    const std::int32_t j = members_[static_cast<std::size_t>(k)];
                    const Point q = points_[static_cast<std::size_t>(j)];
                    if (length(p.x - q.x, p.y - q.y) < radius) visit(j);
                }
    }

private:
    std::int64_t column(double x) const {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>((x - min_x_) / cell_), 0, columns_ - 1);
    }
    std::int64_t row(double y) const {
        return std::clamp<std::int64_t>(static_cast<std::int64_t>((y - min_y_) / cell_), 0, rows_ - 1);
    }
    std::int64_t cell_of(const Point& p) const { return row(p.y) * columns_ + column(p.x); }

    template <class Visit>
    void for_ring(std::int64_t cx, std::int64_t cy, std::int64_t ring, Visit&& visit) const {
        auto cell = [&](std::int64_t c, std::int64_t r) {
            if (c < 0 || r < 0 || c >= columns_ || r >= rows_) return;
            for (std::int64_t k = start_[static_cast<std::size_t>(r * columns_ + c)];
                 k < start_[static_cast<std::size_t>(r * columns_ + c + 1)]; ++k)
                visit(members_[static_cast<std::size_t>(k)]);
        };
        if (ring == 0) return cell(cx, cy);
        for (std::int64_t c = cx - ring; c <= cx + ring; ++c) {
            cell(c, cy - ring);
            cell(c, cy + ring);
        }
        for (std::int64_t r = cy - ring + 1; r <= cy + ring - 1; ++r) {
            cell(cx - ring, r);
            cell(cx + ring, r);
        }
    }

    std::span<const Point> points_;
    double min_x_ = 0, min_y_ = 0, cell_ = 1;
    std::int64_t columns_ = 1, rows_ = 1;
    std::vector<std::int64_t> start_;
    std::vector<std::int32_t> members_;
};

}  // namespace essnet::detail
