// Checks shared by the layout tests.
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "essnet/layout/point.hpp"

namespace essnet::test {

/// Expects the bounding boxes of the pieces (node lists) of a layout to be pairwise disjoint.
inline void expect_pieces_apart(const std::vector<Point>& p, const std::vector<std::vector<node_id>>& pieces) {
    std::vector<BoundingBox> boxes;
    for (const auto& piece : pieces) {
        std::vector<Point> points;
        for (const node_id u : piece) points.push_back(p[static_cast<std::size_t>(u)]);
        boxes.push_back(bounding_box(points));
    }
    for (std::size_t a = 0; a < boxes.size(); ++a)
        for (std::size_t b = a + 1; b < boxes.size(); ++b) {
            const bool apart = boxes[a].max_x < boxes[b].min_x || boxes[b].max_x < boxes[a].min_x ||
                               boxes[a].max_y < boxes[b].min_y || boxes[b].max_y < boxes[a].min_y;
            EXPECT_TRUE(apart) << "pieces " << a << " and " << b << " overlap";
        }
}

}  // namespace essnet::test
