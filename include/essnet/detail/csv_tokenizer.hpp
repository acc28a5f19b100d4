// An RFC 4180 tokenizer that remembers where every field starts, so that errors can name the line
// and column. Written for essnet rather than taken from a library because every field needs its
// position and the whole file is checked for UTF-8 on the way.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "essnet/core/error.hpp"
#include "essnet/detail/text.hpp"

namespace essnet::detail {

struct CsvField {
    std::string_view value{};
    std::int64_t line{};       // 1-based line where the field starts
    std::size_t line_start{};  // byte offset of that line
    std::size_t offset{};      // byte offset of the field's first character
    // Where the field ends (just after its last character or closing quote).
    std::int64_t end_line = 0;
    std::size_t end_line_start = 0;
    std::size_t end_offset = 0;
};

class CsvTokenizer {
public:
    CsvTokenizer(std::string_view text, std::string name, char delimiter = ',')
        : text_(text), name_(std::move(name)), delimiter_(delimiter) {
        pos_ = check_text_file(text_, name_);
        line_start_ = pos_;
    }

    const std::string& name() const noexcept { return name_; }

    /// Reads the next non-blank record into `fields`; false at the end of the text.
    bool next(std::vector<CsvField>& fields) {
        fields.clear();
        unescaped_.clear();
        while (pos_ < text_.size()) {
            // Skip blank lines, and lines of spaces and tabs only.
            std::size_t end = pos_;
            while (end < text_.size() && (text_[end] == ' ' || text_[end] == '\t')) ++end;
            if (end == text_.size()) {
                pos_ = end;
                break;
            }
            if (text_[end] == '\n' || (text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n')) {
                pos_ = end + (text_[end] == '\r' ? 2 : 1);
                ++line_;
                line_start_ = pos_;
                continue;
            }
            record_line_ = line_;
            record_line_start_ = line_start_;
            for (;;) {
                read_field(fields);
                if (pos_ >= text_.size()) return true;
                const char c = text_[pos_];
                if (c == delimiter_) {
                    ++pos_;
                    if (pos_ >= text_.size()) {
                        push_empty(fields);
                        return true;
                    }
                    continue;
                }
                // End of record: "\n" or "\r\n".
                pos_ += c == '\r' ? 2 : 1;
                ++line_;
                line_start_ = pos_;
                return true;
            }
        }
        return false;
    }

    /// Position just after the last field of the current record (for "too few fields" errors).
    std::int64_t record_line() const noexcept { return record_line_; }

    [[noreturn]] void fail(const CsvField& f, const std::string& message) const {
        throw ParseError(name_, f.line, column_of(text_, f.line_start, f.offset), message);
    }
    [[noreturn]] void fail_at(std::int64_t line, std::size_t line_start, std::size_t offset,
                              const std::string& message) const {
        throw ParseError(name_, line, column_of(text_, line_start, offset), message);
    }
    /// A field-less position at the end of the field `f` (where a missing field would start).
    CsvField end_of(const CsvField& f) const noexcept { return {{}, f.end_line, f.end_line_start, f.end_offset}; }

private:
    void push_empty(std::vector<CsvField>& fields) {
        fields.push_back({{}, line_, line_start_, pos_, line_, line_start_, pos_});
    }
    bool at_line_end(std::size_t i) const noexcept {
        return text_[i] == '\n' || (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n');
    }
    [[noreturn]] void bare_carriage_return(std::size_t at) const {
        fail_at(line_, line_start_, at,
                "carriage return without a line feed; lines must end with LF or CRLF (convert a file with "
                "CR-only line ends first)");
    }

    void read_field(std::vector<CsvField>& fields) {
        const std::size_t start = pos_;
        const std::int64_t line = line_;
        const std::size_t line_start = line_start_;
        if (pos_ < text_.size() && text_[pos_] == '"') {
            ++pos_;
            std::string* buffer = nullptr;
            std::size_t chunk = pos_;
            for (;;) {
                if (pos_ >= text_.size()) fail_at(line, line_start, start, "quoted field is not closed (missing '\"')");
                const char c = text_[pos_];
                if (c == '"') {
                    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {  // "" is a quote
                        if (!buffer) buffer = &unescaped_.emplace_back();
                        buffer->append(text_.substr(chunk, pos_ + 1 - chunk));
                        pos_ += 2;
                        chunk = pos_;
                        continue;
                    }
                    break;
                }
                if (c == '\n') {
                    ++line_;
                    line_start_ = pos_ + 1;
                }
                ++pos_;
            }
            std::string_view value = text_.substr(chunk, pos_ - chunk);
            if (buffer) {
                buffer->append(value);
                value = *buffer;
            }
            ++pos_;  // closing quote
            if (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_line_end(pos_)) {
                if (text_[pos_] == '\r') bare_carriage_return(pos_);
                fail_at(line_, line_start_, pos_,
                        std::string("expected '") + delimiter_ + "' or the end of the line after a closing quote");
            }
            fields.push_back({value, line, line_start, start, line_, line_start_, pos_});
            return;
        }
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == delimiter_ || at_line_end(pos_)) break;
            if (c == '\r') bare_carriage_return(pos_);
            if (c == '"')
                fail_at(line, line_start, pos_,
                        "quote inside an unquoted field; quote the whole field and double the quotes inside it");
            ++pos_;
        }
        fields.push_back({text_.substr(start, pos_ - start), line, line_start, start, line, line_start, pos_});
    }

    std::string_view text_;
    std::string name_;
    char delimiter_;
    std::size_t pos_ = 0;
    std::int64_t line_ = 1;
    std::size_t line_start_ = 0;
    std::int64_t record_line_ = 1;
    std::size_t record_line_start_ = 0;
    std::deque<std::string> unescaped_;  // storage for fields that had "" inside
};

}  // namespace essnet::detail
