// Charts of the report, as inline SVG, and the base64 encoding that embeds PNG maps.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace essnet::report {

/// A line chart of one or more series over years, as an SVG element: axes with round ticks, one
/// coloured line with dots per series, and a legend.
std::string line_chart(const std::vector<std::int32_t>& years,
                       const std::vector<std::pair<std::string, std::vector<double>>>& series);

/// Standard base64 (RFC 4648) of `bytes`, with padding.
std::string base64(std::string_view bytes);

/// Text as the report shows it: control characters (which XML cannot hold) as spaces, and any
/// invalid UTF-8 byte (JSON cannot hold it) as U+FFFD.
std::string printable(std::string_view text);

/// `text`, made printable(), escaped for HTML and XML text and double-quoted attributes (the XML
/// writers' rule: &, <, > and " as entities, a line break as &#10;).
std::string escape(std::string_view text);

}  // namespace essnet::report
