// The SVG back end: the scene written as text, nothing recomputed.
#include <charconv>
#include <cstdio>
#include <string>

#include "../io/xml_stream.hpp"
#include "essnet/draw/drawing.hpp"

namespace essnet {

namespace {

// A coordinate to 1/100 pixel, without trailing zeros.
std::string num(double v) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, v, std::chars_format::fixed, 2).ptr;
    std::string s(text, end);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

// Appends "name=\"value\"" after a space, the value as num() writes it.
void attribute(std::string& out, const char* name, double value) {
    out += ' ';
    out += name;
    out += "=\"";
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 2).ptr;
    const char* last = end;
    while (last > text + 1 && last[-1] == '0') --last;
    if (last[-1] == '.') --last;
    out.append(text, static_cast<std::size_t>(last - text));
    out += '"';
}

// Text for element content, escaped by the XML writers' rule (io/xml_stream.hpp): std::invalid_argument
// for text that is not valid UTF-8 or holds a control character XML 1.0 cannot hold.
std::string escaped(const std::string& text) {
    std::string out;
    detail::append_xml_escaped(out, text, false, "drawn text '" + text.substr(0, 40) + "'");
    return out;
}

}  // namespace

std::string svg(const Scene& s) {
    std::string out;
    out.reserve(256 + 160 * (s.nodes.size() + s.edges.size()));
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(s.width) + "\" height=\"" + num(s.height) +
           "\" viewBox=\"0 0 " + num(s.width) + " " + num(s.height) + "\">\n";
    out +=
        "<style>\n"
        ".edge { stroke: #888888; stroke-linecap: round; }\n"
        ".label, .legend text { font-family: 'DejaVu Sans', sans-serif; fill: #222222; }\n"
        ".legend .title { font-weight: bold; }\n";
    out += ".node { stroke: #ffffff; stroke-width: " + num(s.node_stroke) + "; }\n";
    for (std::size_t k = 0; k < s.categories.size(); ++k)
        out += ".c" + std::to_string(k) + " { fill: " + hex(s.categories[k].colour) + "; }\n";
    out += "</style>\n";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    bool arrows = false;
    for (const SceneEdge& e : s.edges) arrows = arrows || e.arrow;
    if (arrows)
        out +=
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
            "markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" "
            "fill=\"#888888\"/></marker></defs>\n";
    // Ties of one width and opacity (an unweighted graph) take them from the style, not each line.
    out += "<g class=\"edges\"";
    bool uniform = true;
    for (const SceneEdge& e : s.edges)
        uniform = uniform && e.width == s.edges.front().width && e.opacity == s.edges.front().opacity;
    if (uniform && !s.edges.empty()) {
        attribute(out, "stroke-width", s.edges.front().width);
        attribute(out, "stroke-opacity", s.edges.front().opacity);
    }
    out += ">\n";
    for (const SceneEdge& e : s.edges) {
        out += "<line class=\"edge\"";
        attribute(out, "x1", e.x1);
        attribute(out, "y1", e.y1);
        attribute(out, "x2", e.x2);
        attribute(out, "y2", e.y2);
        if (!uniform) {
            attribute(out, "stroke-width", e.width);
            attribute(out, "stroke-opacity", e.opacity);
        }
        if (e.arrow) out += " marker-end=\"url(#arrow)\"";
        out += "/>\n";
    }
    out += "</g>\n<g class=\"nodes\">\n";
    for (const SceneNode& v : s.nodes) {
        out += "<circle class=\"node";
        if (v.category >= 0) {
            out += " c";
            out += std::to_string(v.category);
        }
        out += "\" data-node=\"";
        out += std::to_string(v.node);
        out += '"';
        attribute(out, "cx", v.x);
        attribute(out, "cy", v.y);
        attribute(out, "r", v.radius);
        if (v.category < 0) {
            out += " fill=\"";
            out += hex(v.fill);
            out += '"';
        }
        out += "><title>";
        out += escaped(v.title);
        out += "</title></circle>\n";
    }
    out += "</g>\n<g class=\"labels\">\n";
    for (const SceneLabel& l : s.labels)
        out += "<text class=\"label\" x=\"" + num(l.x) + "\" y=\"" + num(l.y) + "\" font-size=\"" + num(s.font_size) +
               "\">" + escaped(l.text) + "</text>\n";
    out += "</g>\n";

    // Legends, as make_scene placed them.
    if (!s.legend_texts.empty()) {
        out += "<g class=\"legend\">\n";
        if (!s.legend_bars.empty()) {
            out += "<defs><linearGradient id=\"viridis\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">";
            for (int k = 0; k <= 10; ++k)
                out += "<stop offset=\"" + num(k / 10.0) + "\" stop-color=\"" + hex(viridis(k / 10.0)) + "\"/>";
            out += "</linearGradient></defs>\n";
        }
        for (const LegendBar& bar : s.legend_bars)
            out += "<rect x=\"" + num(bar.x) + "\" y=\"" + num(bar.y) + "\" width=\"" + num(bar.width) +
                   "\" height=\"" + num(bar.height) + "\" fill=\"url(#viridis)\"/>\n";
        for (const LegendDisc& disc : s.legend_discs)
            out += "<circle cx=\"" + num(disc.x) + "\" cy=\"" + num(disc.y) + "\" r=\"" + num(disc.radius) +
                   "\" fill=\"" + hex(disc.fill) + "\"/>\n";
        for (const LegendText& text : s.legend_texts) {
            out += "<text";
            if (text.title) out += " class=\"title\"";
            out += " x=\"" + num(text.x) + "\" y=\"" + num(text.y) + "\" font-size=\"" + num(s.font_size) + "\"";
            if (text.end_anchored) out += " text-anchor=\"end\"";
            out += '>';
            out += escaped(text.text);
            out += "</text>\n";
        }
        out += "</g>\n";
    }
    out += "</svg>\n";
    return out;
}

}  // namespace essnet
