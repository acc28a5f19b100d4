// Disconnected graphs: lay out each component on its own, then pack the pieces without overlap.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <numeric>
#include <span>
#include <vector>

#include "essnet/components/connected_components.hpp"
#include "essnet/graph/subgraph.hpp"
#include "essnet/layout/point.hpp"

namespace essnet {

/// Places pieces side by side without overlap: piece k (its points in its own coordinates) is moved,
/// never scaled or turned, so that the bounding boxes of any two pieces of two or more points are
/// at least `gap` apart (single points: half a gap).
/// Pieces are taken tallest first and put left to right on shelves whose width is about the square
/// root of the total area, so that the result is roughly square (shelf packing; see Coffman et al.
/// 1980, "Performance bounds for level-oriented two-dimensional packing algorithms", SIAM J. Comput.
/// 9(4)). Single points are put last, half a gap apart in rows as wide as the shelves, below them
/// (in a square grid when there is nothing else). The packed drawing is centred on the origin. O(p log p + total
/// points) time for p pieces.
inline void pack_pieces(std::vector<std::vector<Point>>& pieces, double gap) {
    struct Box {
        std::size_t piece;
        BoundingBox box;
    };
    std::vector<Box> boxes;
    std::vector<std::size_t> singles;
    double area = 0, widest = 0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        if (pieces[k].empty()) continue;
        if (pieces[k].size() == 1) {
            singles.push_back(k);
            continue;
        }
        const BoundingBox b = bounding_box(pieces[k]);
        boxes.push_back({k, b});
        area += (b.width() + gap) * (b.height() + gap);
        widest = std::max(widest, b.width());
    }
    std::stable_sort(boxes.begin(), boxes.end(),
                     [](const Box& a, const Box& b) { return a.box.height() > b.box.height(); });
    const double shelf_width = std::max(widest, std::sqrt(area));
    double x = 0, y = 0, shelf_height = 0, right = 0;
    for (const Box& b : boxes) {
        if (x > 0 && x + b.box.width() > shelf_width) {
            y += shelf_height + gap;
            x = 0;
            shelf_height = 0;
        }
        for (Point& p : pieces[b.piece]) {
            p.x += x - b.box.min_x;
            p.y += y - b.box.min_y;
        }
        right = std::max(right, x + b.box.width());
        x += b.box.width() + gap;
        shelf_height = std::max(shelf_height, b.box.height());
    }
    if (!singles.empty()) {
        // Half a gap apart, in rows as wide as the shelves, below them: many isolated nodes take
        // little room beside the compact drawing of a large small-world component.
        const double step = gap / 2;
        const auto square = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(singles.size()))));
        // As wide as the shelves, and never narrower than a square of the single points.
        const std::size_t columns =
            boxes.empty() ? square : std::max(square, static_cast<std::size_t>(right / step) + 1);
        const double top = boxes.empty() ? 0 : -gap;
        for (std::size_t i = 0; i < singles.size(); ++i)
            pieces[singles[i]][0] = {.x = step * static_cast<double>(i % columns),
                                     .y = top - step * static_cast<double>(i / columns)};
    }
    // Centre the whole drawing on the origin.
    BoundingBox all{};
    bool first = true;
    for (const auto& piece : pieces)
        for (const Point& p : piece) {
            if (first) all = {p.x, p.y, p.x, p.y};
            first = false;
            all.min_x = std::min(all.min_x, p.x);
            all.max_x = std::max(all.max_x, p.x);
            all.min_y = std::min(all.min_y, p.y);
            all.max_y = std::max(all.max_y, p.y);
        }
    const double cx = (all.min_x + all.max_x) / 2, cy = (all.min_y + all.max_y) / 2;
    for (auto& piece : pieces)
        for (Point& p : piece) {
            p.x -= cx;
            p.y -= cy;
        }
}

namespace detail {

// Mean length of the edges of g drawn at `positions`; 1 when g has no edge of non-zero length.
inline double mean_edge_length(const Graph& g, std::span<const Point> positions) {
    double total = 0;
    std::int64_t count = 0;
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const Point a = positions[static_cast<std::size_t>(g.edge_source(e))];
        const Point b = positions[static_cast<std::size_t>(g.edge_target(e))];
        const double d = detail::length(a.x - b.x, a.y - b.y);
        if (d > 0) {
            total += d;
            ++count;
        }
    }
    return count > 0 ? total / static_cast<double>(count) : 1.0;
}

// Lays out each connected component (weak, when directed) with `lay_out(subgraph, component,
// nodes)`, where node i of the subgraph is nodes[i] of g, which returns one point per node of the
// subgraph, and packs the pieces with pack_pieces, twice the longest mean edge length of a piece
// apart (so that a node's nearest drawn nodes are in its own piece). A connected graph is laid out
// whole, with no copy.
template <class LayOut>
std::vector<Point> lay_out_components(const Graph& g, LayOut&& lay_out) {
    const node_id n = g.num_nodes();
    if (n == 0) return {};
    const ComponentsResult components = connected_components(g);
    if (components.count() == 1) {
        std::vector<node_id> all(static_cast<std::size_t>(n));
        std::iota(all.begin(), all.end(), node_id{0});
        return lay_out(g, std::int32_t{0}, std::span<const node_id>(all));
    }
    std::vector<std::vector<node_id>> members(components.sizes.size());
    for (node_id u = 0; u < n; ++u) members[static_cast<std::size_t>(components.membership[u])].push_back(u);
    std::vector<std::vector<Point>> pieces(members.size());
    // The gap: the longest mean edge length of a piece, measured as each is laid out.
    std::vector<double> edge_lengths(members.size(), 0.0);
    auto lay_out_piece = [&](std::size_t c) {
        if (members[c].size() == 1) {
            pieces[c] = {Point{}};
            return;
        }
        const Graph sub = induced_subgraph(g, members[c]);
        pieces[c] = lay_out(sub, static_cast<std::int32_t>(c), std::span<const node_id>(members[c]));
        edge_lengths[c] = mean_edge_length(sub, pieces[c]);
    };
    // Small components one per thread (a layout's own parallel loops then run on that thread
    // alone), so that thousands of small pieces do not each pay for a team of threads every
    // iteration; then the large ones one after another, each with every thread. Each piece is laid
    // out as it would be alone, so the result does not depend on the thread count.
    constexpr std::size_t small = 2000;
    std::exception_ptr error;
#pragma omp parallel for schedule(dynamic, 1)
    for (std::int64_t c = 0; c < static_cast<std::int64_t>(members.size()); ++c) {
        if (members[static_cast<std::size_t>(c)].size() >= small) continue;
        try {
            lay_out_piece(static_cast<std::size_t>(c));
        } catch (...) {
#pragma omp critical(essnet_lay_out_components)
            if (!error) error = std::current_exception();
        }
    }
    if (error) std::rethrow_exception(error);
    for (std::size_t c = 0; c < members.size(); ++c)
        if (members[c].size() >= small) lay_out_piece(c);
    const double longest = *std::max_element(edge_lengths.begin(), edge_lengths.end());
    const double gap = longest > 0 ? longest : 1.0;
    pack_pieces(pieces, 2 * gap);
    std::vector<Point> positions(static_cast<std::size_t>(n));
    for (std::size_t c = 0; c < members.size(); ++c)
        for (std::size_t i = 0; i < members[c].size(); ++i)
            positions[static_cast<std::size_t>(members[c][i])] = pieces[c][i];
    return positions;
}

}  // namespace detail

}  // namespace essnet
