// Shared helpers of the report's writers: numbers as text and table lookups.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

#include "report.hpp"

namespace essnet::report {

/// A JSON value as short text: integers whole, other numbers to four significant digits, null "–".
inline std::string cell_text(const Json& v) {
    if (v.is_null()) return "–";
    if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
    if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
    if (v.is_number_float()) {
        const double x = v.get<double>();
        if (x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.4g", x);
        return buffer;
    }
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
}

/// Index of the column `key` of a table, or -1.
inline int column_index(const Json& table, const std::string& key) {
    const Json& columns = table["columns"];
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i]["key"] == key) return static_cast<int>(i);
    return -1;
}

}  // namespace essnet::report
