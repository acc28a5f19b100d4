// From a layout to a scene: scaling, colours, sizes, ties, legends and label placement.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "essnet/draw/drawing.hpp"
#include "essnet/layout/detail/grid.hpp"

namespace essnet {

std::string hex(Rgb colour) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", colour.r, colour.g, colour.b);
    return text;
}

Rgb viridis(double t) {
    // matplotlib's viridis at 0, 1/9, ..., 1.
    static constexpr std::array<Rgb, 10> samples{{{0x44, 0x01, 0x54},
                                                  {0x48, 0x28, 0x78},
                                                  {0x3e, 0x49, 0x89},
                                                  {0x31, 0x68, 0x8e},
                                                  {0x26, 0x82, 0x8e},
                                                  {0x1f, 0x9e, 0x89},
                                                  {0x35, 0xb7, 0x79},
                                                  {0x6e, 0xce, 0x58},
                                                  {0xb5, 0xde, 0x2b},
                                                  {0xfd, 0xe7, 0x25}}};
    if (!(t > 0)) return samples.front();  // also NaN
    if (t >= 1) return samples.back();
    const double at = t * 9;
    const auto k = static_cast<std::size_t>(at);
    const double f = at - static_cast<double>(k);
    auto mix = [&](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround(a + f * (static_cast<double>(b) - a)));
    };
    return {mix(samples[k].r, samples[k + 1].r), mix(samples[k].g, samples[k + 1].g),
            mix(samples[k].b, samples[k + 1].b)};
}

namespace {

template <class T>
void check_length(const std::vector<T>& values, node_id n, const char* parameter) {
    if (!values.empty() && static_cast<std::int64_t>(values.size()) != n)
        throw std::invalid_argument(std::string("draw: ") + parameter + " has " + std::to_string(values.size()) +
                                    " values for " + std::to_string(n) + " nodes");
}

std::string number_text(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", v);
    return text;
}

bool boxes_overlap(const SceneLabel& a, const SceneLabel& b) {
    const double a_top = a.y - a.ascent, b_top = b.y - b.ascent;
    return a.x < b.x + b.width && b.x < a.x + a.width && a_top < b_top + b.height && b_top < a_top + a.height;
}

}  // namespace

Scene make_scene(const Graph& g, std::span<const Point> positions, const DrawOptions& o) {
    const node_id n = g.num_nodes();
    if (static_cast<std::int64_t>(positions.size()) != n)
        throw std::invalid_argument("draw: positions has " + std::to_string(positions.size()) + " points for " +
                                    std::to_string(n) + " nodes");
    detail::check_positions(positions, n, "positions");
    check_length(o.categories, n, "categories");
    check_length(o.colour_values, n, "colour_values");
    check_length(o.size_values, n, "size_values");
    check_length(o.labels, n, "labels");
    check_length(o.titles, n, "titles");
    if (!o.categories.empty() && !o.colour_values.empty())
        throw std::invalid_argument("draw: give categories or colour_values, not both");
    if (!(o.width > 0) || !(o.height > 0) || !(o.margin >= 0) || !(o.font_size > 0) || !(o.min_radius >= 0) ||
        !(o.max_radius >= o.min_radius) || !(o.radius >= 0))
        throw std::invalid_argument(
            "draw: width, height and font_size must be > 0, margin and radii >= 0, "
            "max_radius >= min_radius");
    for (const std::int32_t c : o.categories)
        if (c < -1 || c >= static_cast<std::int32_t>(o.category_names.size()))
            throw std::invalid_argument("draw: category " + std::to_string(c) + " has no name (" +
                                        std::to_string(o.category_names.size()) + " names)");
    for (const node_id u : o.labelled)
        if (u < 0 || u >= n)
            throw std::invalid_argument("draw: labelled node " + std::to_string(u) + " is not in the graph");

    Scene scene;
    scene.width = o.width;
    scene.height = o.height;
    scene.font_size = o.font_size;
    scene.max_antialiased_edges = o.max_antialiased_edges;
    const bool legend = !o.categories.empty() || !o.colour_values.empty() || !o.size_values.empty();
    const double panel = legend ? std::min(200.0, o.width / 3) : 0;
    scene.legend_x = o.width - panel;

    // Radii. On a crowded canvas (under 625 square pixels per node) every radius shrinks with the
    // square root of the area per node, down to 0.6 pixels, so that discs do not hide the map.
    const double plot_area = std::max(1.0, (scene.legend_x - 2 * o.margin) * (o.height - 2 * o.margin));
    const double crowding = n > 0 ? std::min(1.0, std::sqrt(plot_area / static_cast<double>(n)) / 25) : 1.0;
    const double min_radius = std::max(std::min(o.min_radius, 0.6), o.min_radius * crowding);
    const double max_radius = std::max(min_radius, o.max_radius * crowding);
    scene.node_stroke = crowding < 0.2 ? 0.0 : 0.8 * std::min(1.0, 2 * crowding);  // no rim on tiny discs
    std::vector<double> radius(static_cast<std::size_t>(n), std::max(std::min(o.radius, 0.6), o.radius * crowding));
    double size_min = 0, size_max = 0;
    if (!o.size_values.empty()) {
        bool first = true;
        for (const double v : o.size_values)
            if (std::isfinite(v)) {
                size_min = first ? v : std::min(size_min, v);
                size_max = first ? v : std::max(size_max, v);
                first = false;
            }
        // Area proportional to the value above the smallest: r^2 linear in v.
        auto radius_of = [&](double v) {
            if (!std::isfinite(v) || size_max == size_min)
                return std::isfinite(v) && size_max == size_min ? (min_radius + max_radius) / 2 : min_radius;
            const double t = (v - size_min) / (size_max - size_min);
            return std::sqrt(min_radius * min_radius + t * (max_radius * max_radius - min_radius * min_radius));
        };
        for (node_id u = 0; u < n; ++u)
            radius[static_cast<std::size_t>(u)] = radius_of(o.size_values[static_cast<std::size_t>(u)]);
        scene.size_title = o.size_title;
        if (size_max > size_min)
            for (const double t : {0.0, 0.5, 1.0}) {
                const double v = size_min + t * (size_max - size_min);
                scene.sizes.push_back({v, radius_of(v)});
            }
        else if (!first)
            scene.sizes.push_back({size_min, radius_of(size_min)});
    }

    // Colours.
    std::vector<Rgb> fill(static_cast<std::size_t>(n), plain_colour);
    std::vector<std::int32_t> shown(static_cast<std::size_t>(n), -1);  // legend line of each node
    if (!o.categories.empty()) {
        const auto k = o.category_names.size();
        std::vector<std::int64_t> count(k, 0);
        for (const std::int32_t c : o.categories)
            if (c >= 0) ++count[static_cast<std::size_t>(c)];
        std::vector<std::size_t> by_size(k);
        std::iota(by_size.begin(), by_size.end(), std::size_t{0});
        // Rank: place in category_order, then frequency.
        std::vector<std::size_t> listed(k, k);
        for (std::size_t i = 0; i < o.category_order.size(); ++i) {
            const std::int32_t c = o.category_order[i];
            if (c < 0 || static_cast<std::size_t>(c) >= k)
                throw std::invalid_argument("category_order: category " + std::to_string(c) + " is not one of the " +
                                            std::to_string(k) + " category_names");
            listed[static_cast<std::size_t>(c)] = std::min(listed[static_cast<std::size_t>(c)], i);
        }
        std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) {
            return listed[a] != listed[b] ? listed[a] < listed[b] : count[a] > count[b];
        });
        std::vector<std::int32_t> line(k, -1);
        std::int64_t others = 0;
        for (std::size_t r = 0; r < k; ++r) {
            const std::size_t c = by_size[r];
            if (count[c] == 0) continue;
            if (r < categorical_palette.size()) {
                line[c] = static_cast<std::int32_t>(scene.categories.size());
                scene.categories.push_back({o.category_names[c], categorical_palette[r]});
            } else {
                ++others;
            }
        }
        bool uncategorised = false;
        for (node_id u = 0; u < n; ++u) {
            const std::int32_t c = o.categories[static_cast<std::size_t>(u)];
            const std::int32_t l = c >= 0 ? line[static_cast<std::size_t>(c)] : -1;
            shown[static_cast<std::size_t>(u)] = l;
            fill[static_cast<std::size_t>(u)] =
                l >= 0 ? scene.categories[static_cast<std::size_t>(l)].colour : other_colour;
            uncategorised = uncategorised || l < 0;
        }
        if (uncategorised)
            scene.categories.push_back({others > 0 ? "other (" + std::to_string(others) + ")" : "none", other_colour});
        scene.colour_title = o.colour_title;
    } else if (!o.colour_values.empty()) {
        bool first = true;
        for (const double v : o.colour_values)
            if (std::isfinite(v)) {
                scene.colour_min = first ? v : std::min(scene.colour_min, v);
                scene.colour_max = first ? v : std::max(scene.colour_max, v);
                first = false;
            }
        const double span = scene.colour_max - scene.colour_min;
        for (node_id u = 0; u < n; ++u) {
            const double v = o.colour_values[static_cast<std::size_t>(u)];
            fill[static_cast<std::size_t>(u)] =
                !std::isfinite(v) ? other_colour : viridis(span > 0 ? (v - scene.colour_min) / span : 0.5);
        }
        scene.continuous = true;
        scene.colour_title = o.colour_title;
    }

    // Positions: one uniform scale into the plot area, y flipped.
    const double largest_radius = n > 0 ? *std::max_element(radius.begin(), radius.end()) : 0;
    const double inset = o.margin + largest_radius;
    const double left = inset, right = scene.legend_x - inset, top = inset, bottom = o.height - inset;
    if (o.extent &&
        !(std::isfinite(o.extent->min_x) && std::isfinite(o.extent->max_x) && std::isfinite(o.extent->min_y) &&
          std::isfinite(o.extent->max_y) && o.extent->min_x <= o.extent->max_x && o.extent->min_y <= o.extent->max_y))
        throw std::invalid_argument("extent must be finite, with min_x <= max_x and min_y <= max_y");
    const BoundingBox box = o.extent ? *o.extent : bounding_box(positions);
    const double sx = box.width() > 0 ? (right - left) / box.width() : 0;
    const double sy = box.height() > 0 ? (bottom - top) / box.height() : 0;
    double scale = box.width() > 0 && box.height() > 0 ? std::min(sx, sy) : std::max(sx, sy);
    if (!(scale > 0)) scale = 0;
    const double cx = (box.min_x + box.max_x) / 2, cy = (box.min_y + box.max_y) / 2;
    const double mid_x = (left + right) / 2, mid_y = (top + bottom) / 2;
    std::vector<Point> at(static_cast<std::size_t>(n));
    for (node_id u = 0; u < n; ++u) {
        const Point p = positions[static_cast<std::size_t>(u)];
        at[static_cast<std::size_t>(u)] = {mid_x + (p.x - cx) * scale, mid_y - (p.y - cy) * scale};
    }

    // Ties: width and opacity by weight.
    double w_min = 0, w_max = 0;
    if (g.weighted() && g.num_edges() > 0) {
        const auto w = g.weights();
        w_min = *std::min_element(w.begin(), w.end());
        w_max = *std::max_element(w.begin(), w.end());
    }
    scene.edges.reserve(static_cast<std::size_t>(g.num_edges()));
    for (edge_id e = 0; e < g.num_edges(); ++e) {
        const node_id u = g.edge_source(e), v = g.edge_target(e);
        if (u == v) continue;
        const Point a = at[static_cast<std::size_t>(u)], b = at[static_cast<std::size_t>(v)];
        const double t = w_max > w_min ? (g.weight(e) - w_min) / (w_max - w_min) : 0.0;
        SceneEdge edge{.x1 = a.x,
                       .y1 = a.y,
                       .x2 = b.x,
                       .y2 = b.y,
                       .width = 0.6 + 2.4 * t,
                       .opacity = 0.3 + 0.4 * t,
                       .arrow = g.directed()};
        if (edge.arrow) {  // stop at the target's rim, where the arrowhead ends
            const double d = detail::length(b.x - a.x, b.y - a.y), r = radius[static_cast<std::size_t>(v)];
            if (d > r) {
                edge.x2 = b.x - (b.x - a.x) * r / d;
                edge.y2 = b.y - (b.y - a.y) * r / d;
            }
        }
        scene.edges.push_back(edge);
    }

    // Label texts and tooltips.
    auto label_text = [&](node_id u) {
        return o.labels.empty() ? g.node_name(u) : o.labels[static_cast<std::size_t>(u)];
    };
    scene.nodes.reserve(static_cast<std::size_t>(n));
    for (node_id u = 0; u < n; ++u) {
        std::string title;
        if (!o.titles.empty()) {
            title = o.titles[static_cast<std::size_t>(u)];
        } else {
            title = label_text(u);
            if (!o.categories.empty() && o.categories[static_cast<std::size_t>(u)] >= 0)
                title += "\n" + (o.colour_title.empty() ? std::string("group") : o.colour_title) + ": " +
                         o.category_names[static_cast<std::size_t>(o.categories[static_cast<std::size_t>(u)])];
            if (!o.colour_values.empty())
                title += "\n" + (o.colour_title.empty() ? std::string("value") : o.colour_title) + ": " +
                         number_text(o.colour_values[static_cast<std::size_t>(u)]);
            if (!o.size_values.empty())
                title += "\n" + (o.size_title.empty() ? std::string("size") : o.size_title) + ": " +
                         number_text(o.size_values[static_cast<std::size_t>(u)]);
        }
        scene.nodes.push_back({.node = u,
                               .x = at[static_cast<std::size_t>(u)].x,
                               .y = at[static_cast<std::size_t>(u)].y,
                               .radius = radius[static_cast<std::size_t>(u)],
                               .fill = fill[static_cast<std::size_t>(u)],
                               .category = shown[static_cast<std::size_t>(u)],
                               .title = std::move(title)});
    }
    std::stable_sort(scene.nodes.begin(), scene.nodes.end(),
                     [](const SceneNode& a, const SceneNode& b) { return a.radius < b.radius; });

    // Legends, in the panel right of legend_x.
    if (legend) {
        double y = 24;
        const double x = scene.legend_x + 8, line = o.font_size + 6;
        auto text = [&](double tx, double ty, std::string t, bool title, bool end = false) {
            scene.legend_texts.push_back({.x = tx, .y = ty, .text = std::move(t), .title = title, .end_anchored = end});
        };
        if (!scene.categories.empty() || scene.continuous) {
            text(x, y, o.colour_title.empty() ? "colour" : o.colour_title, true);
            y += line;
            for (const LegendEntry& entry : scene.categories) {
                scene.legend_discs.push_back({.x = x + 6, .y = y - o.font_size / 3, .radius = 5, .fill = entry.colour});
                text(x + 16, y, entry.text, false);
                y += line;
            }
            if (scene.continuous) {
                scene.legend_bars.push_back({.x = x, .y = y - o.font_size, .width = 120, .height = 10});
                y += o.font_size + 4;
                text(x, y, number_text(scene.colour_min), false);
                text(x + 120, y, number_text(scene.colour_max), false, true);
                y += line;
            }
            y += 8;
        }
        if (!scene.sizes.empty()) {
            text(x, y, o.size_title.empty() ? "size" : o.size_title, true);
            y += line;
            for (const SizeLegendEntry& entry : scene.sizes) {
                y += entry.radius;
                scene.legend_discs.push_back(
                    {.x = x + 14, .y = y - o.font_size / 3, .radius = entry.radius, .fill = {0xbb, 0xbb, 0xbb}});
                text(x + 34, y, number_text(entry.value), false);
                y += entry.radius + 6;
            }
        }
    }

    // Labels: priority by the given list, else by size value, else by degree.
    std::vector<node_id> priority = o.labelled;
    if (priority.empty() && o.label_count != 0) {
        priority.resize(static_cast<std::size_t>(n));
        std::iota(priority.begin(), priority.end(), node_id{0});
        auto weight = [&](node_id u) {
            if (!o.size_values.empty()) {
                const double v = o.size_values[static_cast<std::size_t>(u)];
                return std::isfinite(v) ? v : -std::numeric_limits<double>::infinity();
            }
            return static_cast<double>(g.out_degree(u) + (g.directed() ? g.in_degree(u) : 0));
        };
        std::stable_sort(priority.begin(), priority.end(), [&](node_id a, node_id b) { return weight(a) > weight(b); });
        if (o.label_count > 0 && static_cast<std::int64_t>(priority.size()) > o.label_count)
            priority.resize(static_cast<std::size_t>(o.label_count));
    }
    // Discs are obstacles too: a label may not cover another node.
    const detail::PointGrid grid(at);
    auto covers_a_disc = [&](const SceneLabel& label) {
        const double cx = label.x + label.width / 2, cy = label.y - label.ascent + label.height / 2;
        const double reach = detail::length(label.width / 2, label.height / 2) + largest_radius;
        bool hit = false;
        grid.within_point({cx, cy}, reach, [&](std::int32_t v) {
            if (v == label.node || hit) return;
            const Point c = at[static_cast<std::size_t>(v)];
            // Distance from the disc's centre to the box.
            const double dx = std::max({label.x - c.x, 0.0, c.x - (label.x + label.width)});
            const double dy =
                std::max({label.y - label.ascent - c.y, 0.0, c.y - (label.y - label.ascent + label.height)});
            hit = detail::length(dx, dy) < radius[static_cast<std::size_t>(v)];
        });
        return hit;
    };
    for (const node_id u : priority) {
        const std::string text = label_text(u);
        if (text.empty()) continue;
        const detail::TextBox box_of_text = detail::measure_text(text, o.font_size);
        const Point p = at[static_cast<std::size_t>(u)];
        const double r = radius[static_cast<std::size_t>(u)] + 2;
        const double w = box_of_text.width, h = box_of_text.height, asc = box_of_text.ascent;
        const double middle = p.y + asc - h / 2;  // baseline that centres the box on the node
        const std::array<Point, 4> places{
            {{p.x + r, middle}, {p.x - r - w, middle}, {p.x - w / 2, p.y - r - h + asc}, {p.x - w / 2, p.y + r + asc}}};
        for (const Point& place : places) {
            SceneLabel label{
                .node = u, .text = text, .x = place.x, .y = place.y, .width = w, .height = h, .ascent = asc};
            const bool inside =
                label.x >= 0 && label.x + w <= scene.legend_x && label.y - asc >= 0 && label.y - asc + h <= o.height;
            if (!inside) continue;
            if (std::any_of(scene.labels.begin(), scene.labels.end(),
                            [&](const SceneLabel& other) { return boxes_overlap(label, other); }) ||
                covers_a_disc(label))
                continue;
            scene.labels.push_back(std::move(label));
            break;
        }
    }
    return scene;
}

}  // namespace essnet
