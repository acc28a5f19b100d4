#include "charts.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "../io/xml_stream.hpp"
#include "essnet/detail/text.hpp"

namespace essnet::report {

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = detail::utf8_sequence_length(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (len == 1 && (c < 0x20 || c == 0x7f))
            out += ' ';
        else
            out.append(text.substr(i, len));
        i += len;
    }
    return out;
}

std::string escape(std::string_view text) {
    std::string out;
    detail::append_xml_escaped(out, printable(text), true, "report text");
    return out;
}

std::string base64(std::string_view bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto b = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16 |
                       static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                       static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 2]));
        out += digits[b >> 18 & 63];
        out += digits[b >> 12 & 63];
        out += digits[b >> 6 & 63];
        out += digits[b & 63];
    }
    if (i < bytes.size()) {
        unsigned b = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16;
        if (i + 1 < bytes.size()) b |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += digits[b >> 18 & 63];
        out += digits[b >> 12 & 63];
        out += i + 1 < bytes.size() ? digits[b >> 6 & 63] : '=';
        out += '=';
    }
    return out;
}

namespace {

// Round tick values covering [0, top]: steps of 1, 2 or 5 times a power of ten, about five of them.
std::vector<double> ticks(double top) {
    if (!(top > 0)) return {0, 1};
    const double raw = top / 5;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power;
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw) {
            step = m * power;
            break;
        }
    std::vector<double> out;
    for (double v = 0; v < top + step * 0.999; v += step) out.push_back(v);
    return out;
}

std::string format_tick(double v) {
    std::ostringstream s;
    if (v >= 1e6)
        s << v / 1e6 << "M";
    else if (v >= 1e4)
        s << v / 1e3 << "k";
    else
        s << v;
    return s.str();
}

}  // namespace

std::string line_chart(const std::vector<std::int32_t>& years,
                       const std::vector<std::pair<std::string, std::vector<double>>>& series) {
    static constexpr const char* colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    const double width = 640, height = 300, left = 56, right = 150, top = 16, bottom = 36;
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    double highest = 0;
    for (const auto& [name, values] : series)
        for (const double v : values) highest = std::max(highest, v);
    const auto y_ticks = ticks(highest);
    const double y_max = y_ticks.back();
    const std::int32_t first = years.empty() ? 0 : years.front(), last = years.empty() ? 1 : years.back();
    const double span = std::max(1, last - first);
    auto x_of = [&](double year) { return left + (year - first) / span * plot_w; };
    auto y_of = [&](double v) { return top + plot_h - v / y_max * plot_h; };
    std::ostringstream s;
    s.precision(5);
    s << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " << width << " " << height
      << "\" width=\"" << width << "\" height=\"" << height
      << "\" role=\"img\" font-family=\"DejaVu Sans, sans-serif\" "
      << "font-size=\"11\">\n";
    for (const double v : y_ticks) {
        s << "<line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\"" << y_of(v) << "\" y2=\"" << y_of(v)
          << "\" stroke=\"#e3e3e3\"/><text x=\"" << left - 6 << "\" y=\"" << y_of(v) + 4
          << "\" text-anchor=\"end\" fill=\"#444\">" << format_tick(v) << "</text>\n";
    }
    // About eight year labels.
    const std::int32_t every = std::max(1, static_cast<std::int32_t>(std::ceil(span / 8)));
    for (std::int32_t y = first; y <= last; y += every)
        s << "<text x=\"" << x_of(y) << "\" y=\"" << top + plot_h + 18 << "\" text-anchor=\"middle\" fill=\"#444\">"
          << y << "</text>\n";
    s << "<line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\"" << top + plot_h << "\" y2=\""
      << top + plot_h << "\" stroke=\"#888\"/>\n";
    for (std::size_t k = 0; k < series.size(); ++k) {
        const auto& [name, values] = series[k];
        const char* colour = colours[k % 4];
        s << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\" points=\"";
        for (std::size_t i = 0; i < values.size() && i < years.size(); ++i)
            s << (i ? " " : "") << x_of(years[i]) << "," << y_of(values[i]);
        s << "\"/>\n";
        if (years.size() <= 60)
            for (std::size_t i = 0; i < values.size() && i < years.size(); ++i)
                s << "<circle cx=\"" << x_of(years[i]) << "\" cy=\"" << y_of(values[i]) << "\" r=\"2.5\" fill=\""
                  << colour << "\"><title>" << years[i] << ": " << escape(name) << " " << values[i]
                  << "</title></circle>\n";
        const double ly = top + 10 + 18 * static_cast<double>(k);
        s << "<line x1=\"" << width - right + 14 << "\" x2=\"" << width - right + 34 << "\" y1=\"" << ly << "\" y2=\""
          << ly << "\" stroke=\"" << colour << "\" stroke-width=\"2\"/><text x=\"" << width - right + 40 << "\" y=\""
          << ly + 4 << "\" fill=\"#222\">" << escape(name) << "</text>\n";
    }
    s << "</svg>";
    return s.str();
}

}  // namespace essnet::report
