// Drawings: a layout mapped to one geometry (the scene: discs, lines, labels, legends on a canvas),
// which every back end renders as it is: SVG written by essnet, PNG and PDF through cairo.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "essnet/graph/graph.hpp"
#include "essnet/layout/point.hpp"

namespace essnet {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

/// "#rrggbb".
std::string hex(Rgb colour);

/// Paul Tol's "muted" qualitative scheme (Tol 2021, "Colour Schemes", SRON/EPS/TN/09-002): nine
/// colours that people with any common colour-vision deficiency tell apart.
inline constexpr std::array<Rgb, 9> categorical_palette{{{0xCC, 0x66, 0x77},
                                                         {0x33, 0x22, 0x88},
                                                         {0xDD, 0xCC, 0x77},
                                                         {0x11, 0x77, 0x33},
                                                         {0x88, 0xCC, 0xEE},
                                                         {0x88, 0x22, 0x55},
                                                         {0x44, 0xAA, 0x99},
                                                         {0x99, 0x99, 0x33},
                                                         {0xAA, 0x44, 0x99}}};
/// The colour of the categories beyond the palette, and of nodes without a category (Tol's pale grey).
inline constexpr Rgb other_colour{0xDD, 0xDD, 0xDD};
/// Nodes when no colour is asked for.
inline constexpr Rgb plain_colour{0x44, 0x77, 0xAA};

/// Viridis (van der Walt & Smith 2015, matplotlib's default colour map) at t in [0, 1], linearly
/// interpolated between ten samples of matplotlib's table; t outside [0, 1] is clamped.
Rgb viridis(double t);

struct SceneNode {
    node_id node = 0;
    double x = 0, y = 0, radius = 0;  // canvas pixels, y downwards
    Rgb fill{};
    std::int32_t category = -1;  // index into Scene::categories, -1 for none or "other"
    std::string title{};         // tooltip text
};

struct SceneEdge {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // x2, y2 stop at the target's rim when arrow is set
    double width = 1, opacity = 0.4;
    bool arrow = false;
};

struct SceneLabel {
    node_id node = 0;
    std::string text{};
    double x = 0, y = 0;           // left end of the baseline
    double width = 0, height = 0;  // the box [x, x + width] x [y - ascent, y - ascent + height]
    double ascent = 0;
};

struct LegendEntry {
    std::string text{};
    Rgb colour{};
};

struct SizeLegendEntry {
    double value = 0, radius = 0;
};

/// The legends' marks, placed by make_scene so that every back end draws the same legend.
struct LegendText {
    double x = 0, y = 0;  // baseline start, or end when `end_anchored`
    std::string text{};
    bool title = false;
    bool end_anchored = false;
};
struct LegendDisc {
    double x = 0, y = 0, radius = 0;
    Rgb fill{};
};
struct LegendBar {  // a viridis gradient, left to right
    double x = 0, y = 0, width = 0, height = 0;
};

/// Everything a back end draws, in canvas pixels.
struct Scene {
    double width = 0, height = 0;
    double font_size = 11;
    double node_stroke = 0.8;                      ///< width of the white rim of the discs
    std::int64_t max_antialiased_edges = 200'000;  ///< see DrawOptions
    std::vector<SceneEdge> edges{};
    std::vector<SceneNode> nodes{};  // in drawing order: smaller discs first
    std::vector<SceneLabel> labels{};
    // Legends, drawn in the panel right of `legend_x`.
    double legend_x = 0;
    std::string colour_title{};
    std::vector<LegendEntry> categories{};  // a categorical colour legend
    bool continuous = false;                // a viridis colour bar from colour_min to colour_max
    double colour_min = 0, colour_max = 0;
    std::string size_title{};
    std::vector<SizeLegendEntry> sizes{};
    std::vector<LegendText> legend_texts{};
    std::vector<LegendDisc> legend_discs{};
    std::vector<LegendBar> legend_bars{};
};

struct DrawOptions {
    double width = 800, height = 600;  ///< canvas, pixels
    double margin = 24;
    /// Categorical colours: category of each node (-1: none), with the names of the categories. The
    /// nine most frequent categories take the palette, in order of frequency (ties: lower index); the
    /// others, and nodes without one, are grey and share one legend line "other".
    std::vector<std::int32_t> categories{};
    std::vector<std::string> category_names{};
    /// Categories in the order they take the palette, before the others (which follow by
    /// frequency): drawings of parts of one network keep the colours of the whole (small
    /// multiples). Empty: by frequency.
    std::vector<std::int32_t> category_order{};
    /// The part of the layout's plane the canvas shows (kept whole, aspect kept): drawings of
    /// parts of one layout then share a frame. By default the positions' bounding box.
    std::optional<BoundingBox> extent{};
    /// Continuous colours (viridis from the smallest to the largest value); NaN is grey.
    std::vector<double> colour_values{};
    std::string colour_title{};
    /// Disc areas proportional to these values, radii from min_radius to max_radius; NaN takes min.
    /// On a crowded canvas (under 625 square pixels per node) all radii shrink with the square root
    /// of the area per node, to no less than 0.6 pixels.
    std::vector<double> size_values{};
    std::string size_title{};
    double min_radius = 3, max_radius = 14;
    double radius = 5;  ///< every disc, when no size_values
    /// Label text of each node; empty: the node names.
    std::vector<std::string> labels{};
    /// Label the largest nodes (by size value, else degree), at most this many; -1: all.
    std::int32_t label_count = 20;
    /// Label exactly these nodes instead, in this order of priority.
    std::vector<node_id> labelled{};
    double font_size = 11;
    /// Tooltip of each node; empty: the label text with the colour and size values.
    std::vector<std::string> titles{};
    /// A PNG with more ties than this draws them aliased, each at least one pixel wide with its
    /// opacity scaled down by its width (the same ink per unit of length): about twice as fast, and
    /// at that density the same picture. SVG and PDF always keep the exact widths. -1: never.
    std::int64_t max_antialiased_edges = 200'000;
};

/// Maps a layout to a scene: positions scaled uniformly into the canvas (y up in the layout, down
/// on the canvas), colours, disc sizes, tie widths and opacities by weight (arrows when directed),
/// legends, and labels. Labels are placed greedily in order of priority, each at the first of four
/// places (right, left, above, below its disc) whose box overlaps no label placed before and no
/// other node's disc, and stays on the canvas; a label with no free place is left out. Text is measured with cairo's
/// metrics of DejaVu Sans, the font every back end names. O(n log n + m + k^2) for k labels. Throws
/// std::invalid_argument for positions or per-node options of the wrong length, positions that are not finite, or a
/// category outside category_names.
Scene make_scene(const Graph& g, std::span<const Point> positions, const DrawOptions& options = {});

/// The scene as an SVG document: ties as <line>, nodes as <circle> with a <title> tooltip and the
/// classes "node" and "c<k>" (its category k) for restyling, labels as <text>, and the legends.
std::string svg(const Scene& scene);

/// Writes the scene to `path` as SVG, PNG or PDF, by the extension (.svg, .png, .pdf, any case).
/// The file is written under a temporary name and renamed, so no half-written file is left.
/// Throws std::invalid_argument for another extension and essnet::FileError when it cannot write.
void write_drawing(const Scene& scene, const std::string& path);

/// The PNG bytes of the scene, as cairo renders it.
std::string png(const Scene& scene);

namespace detail {
/// Width, ascent and height of `text` in DejaVu Sans at `font_size` pixels (cairo's metrics).
struct TextBox {
    double width = 0, ascent = 0, height = 0;
};
TextBox measure_text(const std::string& text, double font_size);
}  // namespace detail

}  // namespace essnet
