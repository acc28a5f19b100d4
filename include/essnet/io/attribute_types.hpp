// Shared by the writers of typed formats (GraphML, GEXF, JSON): the narrowest type that holds every
// value of a text column, so that a column of numbers is written as numbers and read back as such
// by networkx, igraph and Gephi, while its text round-trips unchanged.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace essnet::detail {

enum class ValueType { boolean, integer, real, text };

/// "true" or "false" (as GraphML and GEXF write booleans).
inline bool is_boolean_text(std::string_view s) {
    return s == "true" || s == "false";
}

/// An integer written as from_chars/to_chars would write it back: no sign '+', no leading zeros.
inline bool is_integer_text(std::string_view s) {
    std::int64_t v;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size()) return false;
    const std::string_view digits = s.front() == '-' ? s.substr(1) : s;
    return !digits.empty() && (digits.size() == 1 || digits.front() != '0');
}

/// A finite decimal number in the form a number is written back in: -?(0|[1-9][0-9]*)(.[0-9]+)?
/// ([eE][-+]?[0-9]+)? ("1.5", "-2e3"; not "01000", which is a code to keep as text, nor ".5",
/// "5.", "+5", "inf", "nan" or hexadecimal).
inline bool is_real_text(std::string_view s) {
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i - start;
    };
    if (i < s.size() && s[i] == '-') ++i;
    const std::size_t first = i;
    const std::size_t whole = digits();
    if (whole == 0 || (whole > 1 && s[first] == '0')) return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (digits() == 0) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        if (digits() == 0) return false;
    }
    if (i != s.size()) return false;
    double v;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc{} && end == s.data() + s.size() && std::isfinite(v);
}

/// The narrowest type of a column, fed one value at a time; empty values (missing) fit any type,
/// and a column with no value at all is text.
class ColumnType {
public:
    void add(std::string_view value) {
        if (value.empty()) return;
        seen_ = true;
        boolean_ = boolean_ && is_boolean_text(value);
        integer_ = integer_ && is_integer_text(value);
        real_ = real_ && is_real_text(value);
    }
    ValueType type() const noexcept {
        if (!seen_) return ValueType::text;
        if (boolean_) return ValueType::boolean;
        if (integer_) return ValueType::integer;
        return real_ ? ValueType::real : ValueType::text;
    }

private:
    bool seen_ = false, boolean_ = true, integer_ = true, real_ = true;
};

/// The name GraphML's attr.type and GEXF's attribute type give a column of this type.
inline const char* xml_type_name(ValueType t) {
    switch (t) {
        case ValueType::boolean:
            return "boolean";
        case ValueType::integer:
            return "long";
        case ValueType::real:
            return "double";
        case ValueType::text:
            return "string";
    }
    return "string";
}

}  // namespace essnet::detail
