// The cairo back end (PNG and PDF), and text metrics for label placement.
#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <numbers>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/core/error.hpp"
#include "essnet/core/parallel.hpp"
#include "essnet/draw/drawing.hpp"
#include "essnet/io/atomic_file.hpp"

namespace essnet {

namespace {

constexpr const char* font_family = "DejaVu Sans";

void set_colour(cairo_t* cr, Rgb c, double alpha = 1.0) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

void select_font(cairo_t* cr, double size, bool bold = false) {
    cairo_select_font_face(cr, font_family, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

constexpr Rgb edge_grey{0x88, 0x88, 0x88};

// Strokes ties one by one (each blends with what is below it, as in the SVG). Aliased, a tie is at
// least one pixel wide (a thinner one would break into dots), its opacity scaled down by its width
// so that it carries the same ink: cairo then skips the coverage computation.
void stroke_edges(cairo_t* cr, std::span<const SceneEdge> edges, bool aliased) {
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    if (aliased) cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    for (const SceneEdge& e : edges) {
        set_colour(cr, edge_grey, aliased ? e.opacity * std::min(e.width, 1.0) : e.opacity);
        cairo_set_line_width(cr, aliased ? std::max(e.width, 1.0) : e.width);
        cairo_move_to(cr, e.x1, e.y1);
        cairo_line_to(cr, e.x2, e.y2);
        cairo_stroke(cr);
        if (e.arrow) {
            // A head 6 line widths long (as the SVG marker), its tip at (x2, y2).
            const double dx = e.x2 - e.x1, dy = e.y2 - e.y1, d = std::sqrt(dx * dx + dy * dy);
            if (d > 0) {
                const double ux = dx / d, uy = dy / d, length = 6 * e.width, half = 3 * e.width;
                cairo_move_to(cr, e.x2, e.y2);
                cairo_line_to(cr, e.x2 - ux * length - uy * half, e.y2 - uy * length + ux * half);
                cairo_line_to(cr, e.x2 - ux * length + uy * half, e.y2 - uy * length - ux * half);
                cairo_close_path(cr);
                set_colour(cr, edge_grey);
                cairo_fill(cr);
            }
        }
    }
}

// Many ties on a raster surface are stroked in parallel: each thread strokes a consecutive share
// into a transparent layer of its own, and the layers are painted in order. Painting "over" is
// associative, so the picture is the one of stroking them all in order, up to rounding.
void draw_edges(cairo_t* cr, std::span<const SceneEdge> edges, std::int64_t max_antialiased) {
    const int threads = detail::thread_count();
    cairo_surface_t* target = cairo_get_target(cr);
    const bool raster = cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_IMAGE;
    const bool aliased = raster && max_antialiased >= 0 && static_cast<std::int64_t>(edges.size()) > max_antialiased;
    if (!raster || threads < 2 || edges.size() < 20000) return stroke_edges(cr, edges, aliased);
    const int width = cairo_image_surface_get_width(target), height = cairo_image_surface_get_height(target);
    std::vector<cairo_surface_t*> layers(static_cast<std::size_t>(threads));
#pragma omp parallel for schedule(static, 1) num_threads(threads)
    for (int t = 0; t < threads; ++t) {
        const std::size_t first = edges.size() * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
        const std::size_t last = edges.size() * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads);
        cairo_surface_t* layer = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
        cairo_t* layer_cr = cairo_create(layer);
        stroke_edges(layer_cr, edges.subspan(first, last - first), aliased);
        cairo_destroy(layer_cr);
        layers[static_cast<std::size_t>(t)] = layer;
    }
    for (cairo_surface_t* layer : layers) {
        cairo_set_source_surface(cr, layer, 0, 0);
        cairo_paint(cr);
        cairo_surface_destroy(layer);
    }
}

// Draws the scene as it is: the same marks, in the same order, as the SVG back end.
void render(cairo_t* cr, const Scene& s) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    draw_edges(cr, s.edges, s.max_antialiased_edges);
    cairo_set_line_width(cr, s.node_stroke);
    for (const SceneNode& v : s.nodes) {
        cairo_new_path(cr);
        cairo_arc(cr, v.x, v.y, v.radius, 0, 2 * std::numbers::pi);
        set_colour(cr, v.fill);
        if (s.node_stroke > 0) {
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_stroke(cr);
        } else {
            cairo_fill(cr);
        }
    }
    const Rgb ink{0x22, 0x22, 0x22};
    select_font(cr, s.font_size);
    set_colour(cr, ink);
    for (const SceneLabel& l : s.labels) {
        cairo_move_to(cr, l.x, l.y);
        cairo_show_text(cr, l.text.c_str());
    }
    for (const LegendBar& bar : s.legend_bars) {
        cairo_pattern_t* gradient = cairo_pattern_create_linear(bar.x, 0, bar.x + bar.width, 0);
        for (int k = 0; k <= 10; ++k) {
            const Rgb c = viridis(k / 10.0);
            cairo_pattern_add_color_stop_rgb(gradient, k / 10.0, c.r / 255.0, c.g / 255.0, c.b / 255.0);
        }
        cairo_rectangle(cr, bar.x, bar.y, bar.width, bar.height);
        cairo_set_source(cr, gradient);
        cairo_fill(cr);
        cairo_pattern_destroy(gradient);
    }
    for (const LegendDisc& disc : s.legend_discs) {
        cairo_new_path(cr);
        cairo_arc(cr, disc.x, disc.y, disc.radius, 0, 2 * std::numbers::pi);
        set_colour(cr, disc.fill);
        cairo_fill(cr);
    }
    for (const LegendText& t : s.legend_texts) {
        select_font(cr, s.font_size, t.title);
        set_colour(cr, ink);
        double x = t.x;
        if (t.end_anchored) {
            cairo_text_extents_t extents;
            cairo_text_extents(cr, t.text.c_str(), &extents);
            x -= extents.x_advance;
        }
        cairo_move_to(cr, x, t.y);
        cairo_show_text(cr, t.text.c_str());
    }
}

// cairo's stream writer into a string.
cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("cairo could not ") + what + ": " + cairo_status_to_string(status));
}

int pixels(double size) {
    return std::max(1, static_cast<int>(std::ceil(size)));
}

std::string pdf(const Scene& scene) {
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, scene.width, scene.height);
    cairo_t* cr = cairo_create(surface);
    render(cr, scene);
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t finished = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    check(drawn, "draw the PDF");
    check(finished, "write the PDF");
    return bytes;
}

}  // namespace

std::string png(const Scene& scene) {
    cairo_surface_t* surface =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixels(scene.width), pixels(scene.height));
    cairo_t* cr = cairo_create(surface);
    render(cr, scene);
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    std::string bytes;
    const cairo_status_t written =
        drawn == CAIRO_STATUS_SUCCESS ? cairo_surface_write_to_png_stream(surface, append, &bytes) : drawn;
    cairo_surface_destroy(surface);
    check(written, "draw the PNG");
    return bytes;
}

void write_drawing(const Scene& scene, const std::string& path) {
    const auto dot = path.find_last_of('.');
    std::string extension = dot == std::string::npos ? "" : path.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string bytes;
    if (extension == "svg")
        bytes = svg(scene);
    else if (extension == "png")
        bytes = png(scene);
    else if (extension == "pdf")
        bytes = pdf(scene);
    else
        throw std::invalid_argument("draw: cannot tell the format of '" + path +
                                    "' from its extension; use .svg, .png or .pdf");
    AtomicFile out(path);
    out.write(bytes);
    out.commit();
}

namespace detail {

TextBox measure_text(const std::string& text, double font_size) {
    // One small surface per thread, kept while the thread lives: measuring is called once per label.
    struct Measurer {
        cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
        cairo_t* cr = cairo_create(surface);
        ~Measurer() {
            cairo_destroy(cr);
            cairo_surface_destroy(surface);
        }
    };
    thread_local Measurer measurer;
    cairo_t* cr = measurer.cr;
    select_font(cr, font_size);
    cairo_font_extents_t font;
    cairo_font_extents(cr, &font);
    cairo_text_extents_t extents;
    cairo_text_extents(cr, text.c_str(), &extents);
    return {.width = extents.x_advance, .ascent = font.ascent, .height = font.ascent + font.descent};
}

}  // namespace detail

}  // namespace essnet
