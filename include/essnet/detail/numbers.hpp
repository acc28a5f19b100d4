// Reading weights and years from text, with the same rules in every reader.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "essnet/core/types.hpp"
#include "essnet/detail/text.hpp"

namespace essnet::detail {

inline constexpr std::int32_t min_year = -9999;
inline constexpr std::int32_t max_year = 9999;

inline std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// True for one or more ASCII digits and nothing else.
inline bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A whole decimal integer (optionally signed with '-'), or std::nullopt.
inline std::optional<std::int64_t> parse_int(std::string_view s) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return v;
}

/// A weight: a finite, non-negative decimal number ("2", "+2.5", "1e-3"; blanks around are
/// ignored; an underflow such as "1e-400" reads as 0). Returns the value or an error message.
struct WeightParse {
    double value = 0;
    std::string error{};  // empty when the text is a valid weight
};

inline WeightParse parse_weight(std::string_view text) {
    std::string_view s = trim_blanks(text);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    double w = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), w);
    const bool whole = end == s.data() + s.size() && !s.empty();
    if (ec == std::errc::result_out_of_range && whole) {
        // Overflow is an error; underflow rounds to zero or a subnormal, as strtod gives it.
        w = std::strtod(std::string(s).c_str(), nullptr);
        if (std::isinf(w)) return {0, "weight " + quoted(text) + " is not finite"};
    } else if (ec != std::errc{} || !whole) {
        return {0, "weight " + quoted(text) + " is not a number"};
    }
    if (std::isnan(w)) return {0, "weight is NaN; weights must be finite non-negative numbers"};
    if (std::isinf(w)) return {0, "weight " + quoted(text) + " is not finite"};
    if (w < 0) return {0, "weight " + quoted(text) + " is negative; weights must be non-negative"};
    return {w == 0 ? 0.0 : w, {}};  // no negative zero
}

/// A year: an integer in -9999..9999, optionally signed, optionally followed by ".0" (as pandas
/// writes integer columns with missing values); blanks around are ignored. Empty is no_year.
/// Returns std::nullopt when the text is not a year.
inline std::optional<std::int32_t> parse_year(std::string_view text) {
    std::string_view s = trim_blanks(text);
    if (s.empty()) return no_year;
    if (s.front() == '+') s.remove_prefix(1);
    const auto dot = s.find('.');
    const std::string_view digits = s.substr(0, dot);
    if (dot != std::string_view::npos &&
        (dot + 1 == s.size() || s.find_first_not_of('0', dot + 1) != std::string_view::npos))
        return std::nullopt;
    std::int32_t year = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), year);
    if (ec != std::errc{} || end != digits.data() + digits.size() || digits.empty() || year < min_year ||
        year > max_year)
        return std::nullopt;
    return year;
}

/// The words a "directed" field may hold, case and surrounding blanks aside: true, yes, 1 (or 1.0,
/// as pandas writes a column of flags with gaps) for a directed tie; false, no, 0 (0.0) for an
/// undirected one; empty for the reader's default.
enum class DirectedWord { empty, directed, undirected, invalid };

inline DirectedWord parse_directed_word(std::string_view text) {
    const std::string_view s = trim_blanks(text);
    auto is = [&](std::string_view word) {
        return s.size() == word.size() && std::equal(s.begin(), s.end(), word.begin(), [](char a, char b) {
                   return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
               });
    };
    if (s.empty()) return DirectedWord::empty;
    if (is("true") || is("yes") || is("1") || is("1.0")) return DirectedWord::directed;
    if (is("false") || is("no") || is("0") || is("0.0")) return DirectedWord::undirected;
    return DirectedWord::invalid;
}

/// The flag a "directed" field gives: `empty` for an empty field. Throws std::invalid_argument,
/// naming the text, for any other word.
inline bool parse_directed_flag(std::string_view text, bool empty) {
    switch (parse_directed_word(text)) {
        case DirectedWord::empty:
            return empty;
        case DirectedWord::directed:
            return true;
        case DirectedWord::undirected:
            return false;
        case DirectedWord::invalid:
            break;
    }
    throw std::invalid_argument("directed " + quoted(text) + " is not one of true/false, yes/no, 1/0");
}

}  // namespace essnet::detail
