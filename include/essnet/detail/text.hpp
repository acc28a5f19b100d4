// Text helpers shared by the readers: UTF-8 checks and column numbers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "essnet/core/error.hpp"

namespace essnet::detail {

/// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8
/// (overlong forms, surrogates and code points above U+10FFFF are invalid).
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    std::size_t len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07u;
    } else
        return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3Fu);
    }
    static constexpr std::uint32_t min_for_length[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_length[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

/// Offset of the first byte that does not start valid UTF-8, or npos.
inline std::size_t find_invalid_utf8(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

/// 1-based column of byte `offset` in a line that starts at `line_start`, counting code points.
inline std::int64_t column_of(std::string_view text, std::size_t line_start, std::size_t offset) noexcept {
    std::int64_t column = 1;
    for (std::size_t i = line_start; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return column;
}

}  // namespace essnet::detail

namespace essnet::detail {

/// Input text for an error message, in single quotes: bytes that are not valid UTF-8 and control
/// characters are written as \xNN, so that a message is always valid, printable UTF-8.
inline std::string quoted(std::string_view s, std::size_t max_bytes = 200) {
    std::string out = "'";
    static constexpr char hex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < s.size() && i < max_bytes;) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = utf8_sequence_length(s, i);
        if (len == 0 || c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
            ++i;
            continue;
        }
        out.append(s.substr(i, len));
        i += len;
    }
    if (s.size() > max_bytes) out += "...";
    return out + "'";
}

}  // namespace essnet::detail

namespace essnet::detail {

/// Where a text file's content starts: after a UTF-8 byte-order mark, if any. Throws a ParseError
/// naming `name`, line and column at the first NUL byte or invalid UTF-8 sequence, so that readers
/// only ever see valid UTF-8.
inline std::size_t check_text_file(std::string_view text, const std::string& name) {
    const std::size_t bad = std::min(find_invalid_utf8(text), text.find('\0'));
    if (bad != std::string_view::npos) {
        std::int64_t line = 1;
        std::size_t start = 0;
        for (std::size_t i = 0; i < bad; ++i)
            if (text[i] == '\n') {
                ++line;
                start = i + 1;
            }
        throw ParseError(name, line, column_of(text, start, bad),
                         text[bad] == '\0' ? "NUL byte in a text file" : "invalid UTF-8 byte sequence");
    }
    return text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

}  // namespace essnet::detail
