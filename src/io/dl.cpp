// UCINET DL reader; the format and the field mapping are described in include/essnet/io/dl.hpp.
// The header is read as free-form words (UCINET lets options share lines or spread over several);
// label lists and the data are read line by line, since a matrix row is one line.
#include "essnet/io/dl.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "essnet/detail/numbers.hpp"
#include "essnet/detail/read_file.hpp"
#include "essnet/detail/text.hpp"

namespace essnet {

namespace {

using detail::is_digits;
using detail::parse_int;

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The largest N a file of `bytes` bytes may declare (see dl.hpp).
std::int64_t max_actors(std::size_t bytes) {
    const std::int64_t plausible = (std::int64_t{1} << 20) + 64 * static_cast<std::int64_t>(bytes);
    return std::min<std::int64_t>(std::numeric_limits<std::int32_t>::max() - 1, plausible);
}

// A place in the text.
struct Position {
    std::int64_t line = 1;
    std::size_t line_start = 0;
    std::size_t offset = 0;
};

struct Token {
    std::string_view text;  // without quotes
    Position at;
    bool quoted = false;
};

enum class Format { fullmatrix, edgelist1, nodelist1 };

struct LabelList {
    std::vector<Token> labels;
    Position end;  // where it ends (the start of the line that follows it)
    bool given = false;
    std::vector<Token> split;  // the labels split at blanks too (when none is quoted)
};

class DlParser {
public:
    DlParser(std::string_view text, const std::string& name) : text_(text), name_(name) {
        pos_ = line_start_ = detail::check_text_file(text_, name_);
    }

    ActorNetwork parse() {
        header();
        ActorNetwork net;
        switch (format_) {
            case Format::fullmatrix:
                fullmatrix(net);
                break;
            case Format::edgelist1:
            case Format::nodelist1:
                lists(net);
                break;
        }
        return net;
    }

private:
    // ---- positions and errors ----------------------------------------------------------------
    Position here() const { return {line_, line_start_, pos_}; }
    [[noreturn]] void fail(const Position& p, const std::string& message) const {
        throw ParseError(name_, p.line, detail::column_of(text_, p.line_start, p.offset), message);
    }
    [[noreturn]] void fail(const Token& t, const std::string& message) const { fail(t.at, message); }
    Position end_of_text() const {
        Position p;
        for (std::size_t i = 0; i < text_.size(); ++i)
            if (text_[i] == '\n') {
                ++p.line;
                p.line_start = i + 1;
            }
        p.offset = text_.size();
        return p;
    }

    // Moves past a line end at pos_ ("\n" or "\r\n"); a lone "\r" is refused.
    bool at_line_end() const { return pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r'); }
    void skip_line_end() {
        if (text_[pos_] == '\r') {
            if (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n')
                fail(here(),
                     "carriage return without a line feed; lines must end with LF or CRLF (convert a file "
                     "with CR-only line ends first)");
            ++pos_;
        }
        ++pos_;
        ++line_;
        line_start_ = pos_;
    }

    // ---- header words --------------------------------------------------------------------------
    // The next header word: '=' or ':' alone, a "quoted" text, or a run of other characters up to
    // a blank, line end, comma, '=' or ':'. Blanks, line ends and commas before it are skipped.
    std::optional<Token> word() {
        for (;;) {
            while (pos_ < text_.size() && (is_blank(text_[pos_]) || text_[pos_] == ',')) ++pos_;
            if (pos_ >= text_.size()) return std::nullopt;
            if (!at_line_end()) break;
            skip_line_end();
        }
        const Position at = here();
        const char c = text_[pos_];
        if (c == '=' || c == ':') {
            ++pos_;
            return Token{text_.substr(at.offset, 1), at};
        }
        if (c == '"') {
            const std::size_t close = text_.find_first_of("\"\n\r", pos_ + 1);
            if (close == std::string_view::npos || text_[close] != '"')
                fail(at, "quoted text is not closed (missing '\"' on this line)");
            pos_ = close + 1;
            return Token{text_.substr(at.offset + 1, close - at.offset - 1), at, true};
        }
        while (pos_ < text_.size() && !is_blank(text_[pos_]) && text_[pos_] != ',' && text_[pos_] != '=' &&
               text_[pos_] != ':' && text_[pos_] != '\n' && text_[pos_] != '\r')
            ++pos_;
        return Token{text_.substr(at.offset, pos_ - at.offset), at};
    }
    Token expect_word(const char* what) {
        const auto t = word();
        if (!t) fail(end_of_text(), std::string("the file ends where ") + what + " was expected");
        return *t;
    }
    void expect(const char* punctuation, const char* after) {
        const Token t = expect_word(punctuation);
        if (t.text != punctuation || t.quoted)
            fail(t, std::string("expected '") + punctuation + "' after " + after + ", found " + detail::quoted(t.text));
    }
    // The next word when it is `punctuation` (consumed), else nothing is consumed.
    bool accept(char punctuation) {
        const std::size_t pos = pos_, line_start = line_start_;
        const std::int64_t line = line_;
        const auto t = word();
        if (t && t->text.size() == 1 && t->text[0] == punctuation && !t->quoted) return true;
        pos_ = pos;
        line_ = line;
        line_start_ = line_start;
        return false;
    }

    std::int64_t count_option(const Token& keyword) {
        expect("=", std::string(keyword.text).c_str());
        const Token v = expect_word("a number");
        const auto n = parse_int(v.text);
        if (!n || *n < 0 || v.quoted) {
            if (is_digits(v.text) && !v.quoted)
                fail(v, std::string(keyword.text) + " = " + detail::quoted(v.text) + " is too large");
            fail(v, "expected a non-negative integer after " + std::string(keyword.text) + " =, found " +
                        detail::quoted(v.text));
        }
        if (*n > max_actors(text_.size()))
            fail(v, std::string(keyword.text) + " = " + detail::quoted(v.text) + " is too large for a file of " +
                        std::to_string(text_.size()) + " bytes");
        return *n;
    }

    void header() {
        const auto dl = word();
        if (!dl || lower(dl->text) != "dl") fail(dl ? dl->at : here(), "a UCINET DL file starts with the word DL");
        std::optional<Token> n_token, nr_token, nc_token, row_embedded, column_embedded;
        std::int64_t nr = -1, nc = -1;
        Position data_at;
        for (;;) {
            const auto t = word();
            if (!t) fail(end_of_text(), "the file ends before the DATA: line");
            const std::string kw = lower(t->text);
            if (t->quoted) fail(*t, "expected a DL keyword, found the quoted text " + detail::quoted(t->text));
            if (kw == "n") {
                n_ = count_option(*t);
                n_token = t;
            } else if (kw == "nm") {
                nm_ = count_option(*t);
                nm_token_ = *t;
                if (nm_ < 1) fail(*t, "NM must be at least 1");
            } else if (kw == "nr") {
                nr = count_option(*t);
                nr_token = t;
            } else if (kw == "nc") {
                nc = count_option(*t);
                nc_token = t;
            } else if (kw == "format") {
                expect("=", "FORMAT");
                const Token f = expect_word("a format name");
                const std::string name = lower(f.text);
                if (name == "fullmatrix" || name == "fullmat")
                    format_ = Format::fullmatrix;
                else if (name == "edgelist1")
                    format_ = Format::edgelist1;
                else if (name == "nodelist1")
                    format_ = Format::nodelist1;
                else
                    fail(f, "DL format " + detail::quoted(f.text) +
                                " is not supported; essnet reads FULLMATRIX, EDGELIST1 and NODELIST1");
            } else if (kw == "diagonal") {
                accept('=');
                const Token v = expect_word("PRESENT or ABSENT");
                const std::string value = lower(v.text);
                if (value == "present")
                    diagonal_ = true;
                else if (value == "absent")
                    diagonal_ = false;
                else
                    fail(v, "expected PRESENT or ABSENT after DIAGONAL, found " + detail::quoted(v.text));
            } else if (kw == "labels") {
                if (accept(':')) {
                    rows_ = label_list();
                } else {
                    const Token e = expect_word("':' or EMBEDDED");
                    if (lower(e.text) != "embedded")
                        fail(e, "expected ':' or EMBEDDED after LABELS, found " + detail::quoted(e.text));
                    accept(':');
                    embedded_ = true;
                }
            } else if (kw == "row" || kw == "col" || kw == "column" || kw == "matrix" || kw == "level") {
                const Token l = expect_word("LABELS");
                if (lower(l.text) != "labels")
                    fail(l, "expected LABELS after " + std::string(t->text) + ", found " + detail::quoted(l.text));
                if (!accept(':')) {
                    const Token e = expect_word("':'");
                    if (lower(e.text) != "embedded" || kw == "matrix" || kw == "level")
                        fail(e,
                             "expected ':' after " + std::string(t->text) + " LABELS, found " + detail::quoted(e.text));
                    accept(':');
                    (kw == "row" ? row_embedded : column_embedded) = *t;
                    continue;
                }
                if (kw == "row")
                    rows_ = label_list();
                else if (kw == "matrix" || kw == "level")
                    matrices_ = label_list();
                else
                    columns_ = label_list();
            } else if (kw == "data") {
                data_at = t->at;
                expect(":", "DATA");
                break;
            } else {
                fail(*t, "unknown DL keyword " + detail::quoted(t->text) +
                             " (essnet reads N, NM, NR, NC, FORMAT, DIAGONAL, LABELS, ROW LABELS, COLUMN LABELS, "
                             "MATRIX LABELS, LABELS EMBEDDED and DATA:)");
            }
        }
        // ROW LABELS EMBEDDED with COLUMN LABELS EMBEDDED is LABELS EMBEDDED; one alone is not read.
        if (row_embedded && column_embedded)
            embedded_ = true;
        else if (row_embedded || column_embedded)
            fail(row_embedded ? row_embedded->at : column_embedded->at,
                 "labels embedded on rows only or on columns only are not supported; essnet reads LABELS EMBEDDED "
                 "(or ROW and COLUMN LABELS EMBEDDED together)");
        if (nr >= 0 || nc >= 0) {
            if (nr < 0 || nc < 0 || nr != nc)
                fail(nr_token ? nr_token->at : nc_token->at,
                     "rectangular (two-mode) DL data is not supported; essnet reads square data (N, or NR = NC)");
            if (n_token && n_ != nr) fail(n_token->at, "N differs from NR and NC");
            n_ = nr;
            n_token = nr_token;
        }
        if (!n_token) fail(data_at, "the DL header gives no N (the number of actors) before DATA:");
        if (nm_ > 1 && format_ != Format::fullmatrix)
            fail(nm_token_, "NM > 1 (several matrices) is supported with FORMAT = FULLMATRIX only");
        check_count(rows_, n_, "labels");
        check_count(columns_, n_, "column labels");
        check_count(matrices_, nm_, "matrix labels");
        if (!rows_.given && columns_.given) std::swap(rows_, columns_);
        check_unique(rows_);
        check_unique(matrices_);
    }

    // A label list after "LABELS:"; see dl.hpp for the rules.
    LabelList label_list() {
        LabelList list;
        list.given = true;
        bool any_quoted = false;
        std::vector<Token> items;
        bool first = true;
        while (pos_ < text_.size()) {
            std::size_t eol = text_.find('\n', pos_);
            if (eol == std::string_view::npos) eol = text_.size();
            std::size_t stop = eol;
            if (stop > pos_ && text_[stop - 1] == '\r') --stop;
            const std::string_view segment = text_.substr(pos_, stop - pos_);
            if (!first && starts_with_keyword(segment)) break;
            first = false;
            const std::size_t cr = segment.find('\r');
            if (cr != std::string_view::npos) {
                pos_ += cr;
                skip_line_end();  // throws
            }
            std::size_t i = 0;
            while (i < segment.size()) {
                while (i < segment.size() && is_blank(segment[i])) ++i;
                if (i == segment.size()) break;
                if (segment[i] == ',') {
                    ++i;
                    continue;
                }
                const Position at{line_, line_start_, pos_ + i};
                if (segment[i] == '"') {
                    const std::size_t close = segment.find('"', i + 1);
                    if (close == std::string_view::npos)
                        fail(at, "quoted label is not closed (missing '\"' on this line)");
                    items.push_back({segment.substr(i + 1, close - i - 1), at, true});
                    any_quoted = true;
                    i = close + 1;
                    while (i < segment.size() && is_blank(segment[i])) ++i;
                    if (i < segment.size() && segment[i] != ',')
                        fail({line_, line_start_, pos_ + i},
                             "expected ',' or the end of the line after a quoted label");
                    continue;
                }
                std::size_t end = segment.find(',', i);
                if (end == std::string_view::npos) end = segment.size();
                items.push_back({detail::trim_blanks(segment.substr(i, end - i)), at});
                i = end;
            }
            pos_ = eol;
            if (pos_ < text_.size()) skip_line_end();
        }
        list.end = here();
        list.labels = std::move(items);
        if (!any_quoted) list.split = split_at_blanks(list.labels);
        return list;
    }

    static std::vector<Token> split_at_blanks(const std::vector<Token>& labels) {
        std::vector<Token> out;
        for (const Token& t : labels) {
            std::size_t i = 0;
            while (i < t.text.size()) {
                while (i < t.text.size() && is_blank(t.text[i])) ++i;
                if (i == t.text.size()) break;
                std::size_t j = i;
                while (j < t.text.size() && !is_blank(t.text[j])) ++j;
                Position at = t.at;
                at.offset += i;
                out.push_back({t.text.substr(i, j - i), at});
                i = j;
            }
        }
        return out;
    }

    // Does a line start a new header item (which ends a label list)?
    static bool starts_with_keyword(std::string_view segment) {
        std::vector<std::string> words;
        std::size_t i = 0;
        while (words.size() < 3 && i < segment.size()) {
            while (i < segment.size() && is_blank(segment[i])) ++i;
            if (i == segment.size()) break;
            if (segment[i] == '=' || segment[i] == ':') {
                words.emplace_back(1, segment[i++]);
                continue;
            }
            const std::size_t start = i;
            while (i < segment.size() && !is_blank(segment[i]) && segment[i] != '=' && segment[i] != ':' &&
                   segment[i] != ',')
                ++i;
            if (i == start) return false;
            words.push_back(lower(segment.substr(start, i - start)));
        }
        if (words.empty()) return false;
        const std::string& w = words[0];
        const std::string second = words.size() > 1 ? words[1] : "";
        if (w == "data") return second == ":";
        if (w == "labels") return second == ":" || second == "embedded";
        if (w == "row" || w == "col" || w == "column" || w == "matrix" || w == "level") return second == "labels";
        if (w == "format" || w == "n" || w == "nm" || w == "nr" || w == "nc") return second == "=";
        if (w == "diagonal") return second == "present" || second == "absent" || second == "=";
        return false;
    }

    void check_count(LabelList& list, std::int64_t expected, const char* what) {
        if (!list.given) return;
        if (static_cast<std::int64_t>(list.labels.size()) == expected) return;
        if (static_cast<std::int64_t>(list.split.size()) == expected) {
            list.labels = list.split;
            return;
        }
        const std::string message = "expected " + std::to_string(expected) + " " + what + ", found " +
                                    std::to_string(list.labels.size()) +
                                    " (labels are separated by commas or line ends)";
        if (static_cast<std::int64_t>(list.labels.size()) > expected) fail(list.labels[expected], message);
        fail(list.end, message);
    }

    void check_unique(const LabelList& list) {
        std::unordered_map<std::string_view, const Token*> seen;
        for (const Token& t : list.labels) {
            if (t.text.empty()) fail(t, "empty label");
            auto [it, fresh] = seen.try_emplace(t.text, &t);
            if (!fresh)
                fail(t, "duplicate label " + detail::quoted(t.text) + " (first on line " +
                            std::to_string(it->second->at.line) + "); labels are actor ids and must be unique");
        }
    }

    std::string relation(std::int64_t m) const {
        if (matrices_.given) return std::string(matrices_.labels[static_cast<std::size_t>(m)].text);
        return nm_ > 1 ? std::to_string(m + 1) : std::string();
    }

    // ---- data lines ----------------------------------------------------------------------------
    // The fields of the next non-blank data line; false at the end of the text.
    bool data_line(std::vector<Token>& fields, Position& line_end) {
        fields.clear();
        while (pos_ < text_.size()) {
            while (pos_ < text_.size() && !at_line_end()) {
                const char c = text_[pos_];
                if (is_blank(c) || c == ',') {
                    ++pos_;
                    continue;
                }
                const Position at = here();
                if (c == '"') {
                    const std::size_t close = text_.find_first_of("\"\n\r", pos_ + 1);
                    if (close == std::string_view::npos || text_[close] != '"')
                        fail(at, "quoted label is not closed (missing '\"' on this line)");
                    fields.push_back({text_.substr(pos_ + 1, close - pos_ - 1), at, true});
                    pos_ = close + 1;
                    continue;
                }
                while (pos_ < text_.size() && !is_blank(text_[pos_]) && text_[pos_] != ',' && !at_line_end()) ++pos_;
                fields.push_back({text_.substr(at.offset, pos_ - at.offset), at});
            }
            line_end = here();
            if (pos_ < text_.size()) skip_line_end();
            if (!fields.empty()) return true;
        }
        return false;
    }

    double value(const Token& t) const {
        const auto w = detail::parse_weight(t.text);
        if (!w.error.empty() || t.quoted)
            fail(t, w.error.empty() ? "expected a number, found " + detail::quoted(t.text) : w.error);
        return w.value;
    }

    std::int32_t node_number(const Token& t) const {
        const auto v = parse_int(t.text);
        if (t.quoted || !(is_digits(t.text) || (t.text.size() > 1 && t.text[0] == '-' && is_digits(t.text.substr(1)))))
            fail(t, "expected a node number (1 to " + std::to_string(n_) + "), found " + detail::quoted(t.text) +
                        (format_ == Format::fullmatrix ? "" : "; use LABELS EMBEDDED for labels in the data"));
        if (!v || *v < 1 || *v > n_)
            fail(t, "node number " + std::string(t.text) + " is out of range (N = " + std::to_string(n_) + ")");
        return static_cast<std::int32_t>(*v - 1);
    }

    void add_listed_actors(ActorNetwork& net) {
        const std::vector<std::string_view> none;
        if (rows_.given) {
            for (const Token& t : rows_.labels) net.add_actor_row(t.text, {}, {}, {}, {}, no_year, none);
        } else {
            for (std::int64_t i = 1; i <= n_; ++i) net.add_actor_row(std::to_string(i), {}, {}, {}, {}, no_year, none);
        }
    }

    // An embedded label: an actor of the LABELS: list, or a new actor (at most N of them).
    std::int32_t embedded_actor(ActorNetwork& net, const Token& t, bool may_add) {
        if (t.text.empty()) fail(t, "empty label");
        if (const auto row = net.find_actor(t.text)) return *row;
        if (rows_.given || !may_add)
            fail(t, "label " + detail::quoted(t.text) + " is not " +
                        (rows_.given ? "in the LABELS: list" : "a column label"));
        if (static_cast<std::int64_t>(net.num_actors()) == n_)
            fail(t, "label " + detail::quoted(t.text) + " would be actor " + std::to_string(n_ + 1) +
                        " but N = " + std::to_string(n_));
        return net.add_actor_row(t.text, {}, {}, {}, {}, no_year, {});
    }

    void fullmatrix(ActorNetwork& net) {
        const std::vector<std::string_view> none;
        if (!embedded_)
            add_listed_actors(net);
        else if (rows_.given)
            add_listed_actors(net);
        // Column c of the data is actor column_actor[c].
        std::vector<std::int32_t> column_actor(static_cast<std::size_t>(n_));
        for (std::int64_t c = 0; c < n_; ++c) column_actor[static_cast<std::size_t>(c)] = static_cast<std::int32_t>(c);
        if (columns_.given) {
            std::vector<bool> used(static_cast<std::size_t>(n_), false);
            for (std::int64_t c = 0; c < n_; ++c) {
                const Token& t = columns_.labels[static_cast<std::size_t>(c)];
                const auto row = net.find_actor(t.text);
                if (!row)
                    fail(t,
                         "column label " + detail::quoted(t.text) + " is not a row label (essnet reads square data)");
                if (used[static_cast<std::size_t>(*row)]) fail(t, "duplicate column label " + detail::quoted(t.text));
                used[static_cast<std::size_t>(*row)] = true;
                column_actor[static_cast<std::size_t>(c)] = *row;
            }
        }
        set_column_actors(column_actor);
        const std::int64_t values = diagonal_ ? n_ : n_ - 1;
        std::vector<Token> fields;
        Position line_end;
        for (std::int64_t m = 0; m < nm_; ++m) {
            const std::string rel = relation(m);
            std::vector<bool> row_seen(embedded_ ? static_cast<std::size_t>(n_) : 0, false);
            std::int64_t rows = 0;
            bool header_allowed = embedded_;
            while (rows < n_) {
                if (!data_line(fields, line_end))
                    fail(end_of_text(), "the data end after " + std::to_string(rows) + " of the " + std::to_string(n_) +
                                            " rows of matrix " + std::to_string(m + 1) + " (N = " + std::to_string(n_) +
                                            (nm_ > 1 ? ", NM = " + std::to_string(nm_) : std::string()) + ")");
                if (header_allowed && static_cast<std::int64_t>(fields.size()) == n_) {
                    column_header(net, fields, column_actor, m == 0);
                    header_allowed = false;
                    continue;
                }
                if (embedded_ && m == 0 && header_allowed)
                    fail(fields.front(), "with LABELS EMBEDDED the matrix starts with a line of the " +
                                             std::to_string(n_) + " column labels, found " +
                                             std::to_string(fields.size()) + " fields");
                header_allowed = false;
                std::size_t first = 0;
                std::int32_t row = static_cast<std::int32_t>(rows);
                if (embedded_) {
                    row = embedded_actor(net, fields[0], false);
                    if (row_seen[static_cast<std::size_t>(row)])
                        fail(fields[0], "row " + detail::quoted(fields[0].text) + " appears twice in matrix " +
                                            std::to_string(m + 1));
                    row_seen[static_cast<std::size_t>(row)] = true;
                    first = 1;
                }
                const auto count = static_cast<std::int64_t>(fields.size() - first);
                if (count > values)
                    fail(fields[first + static_cast<std::size_t>(values)],
                         "matrix row has more than " + std::to_string(values) + " values");
                if (count < values)
                    fail(line_end, "matrix row has " + std::to_string(count) + " values, expected " +
                                       std::to_string(values) + (diagonal_ ? "" : " (DIAGONAL ABSENT)"));
                for (std::int64_t k = 0; k < values; ++k) {
                    const double w = value(fields[first + static_cast<std::size_t>(k)]);
                    if (w == 0) continue;
                    // With DIAGONAL ABSENT a row skips the column of its own actor.
                    const std::int64_t skip = diagonal_ ? values : column_of_actor_[static_cast<std::size_t>(row)];
                    const std::int64_t c = k < skip ? k : k + 1;
                    net.add_tie_rows(row, column_actor[static_cast<std::size_t>(c)], rel, true, w, no_year, no_year, {},
                                     none);
                }
                ++rows;
            }
        }
        if (data_line(fields, line_end))
            fail(fields.front(), "more data than the " + std::to_string(n_ * nm_) +
                                     " matrix rows that N = " + std::to_string(n_) +
                                     (nm_ > 1 ? " and NM = " + std::to_string(nm_) : std::string()) + " announce");
    }

    void set_column_actors(const std::vector<std::int32_t>& column_actor) {
        column_of_actor_.assign(static_cast<std::size_t>(n_), 0);
        for (std::size_t c = 0; c < column_actor.size(); ++c)
            column_of_actor_[static_cast<std::size_t>(column_actor[c])] = static_cast<std::int64_t>(c);
    }

    void column_header(ActorNetwork& net, const std::vector<Token>& fields, std::vector<std::int32_t>& column_actor,
                       bool first_matrix) {
        std::vector<bool> used(static_cast<std::size_t>(n_), false);
        for (std::size_t c = 0; c < fields.size(); ++c) {
            const std::int32_t a = embedded_actor(net, fields[c], first_matrix && !rows_.given);
            if (used[static_cast<std::size_t>(a)])
                fail(fields[c], "duplicate column label " + detail::quoted(fields[c].text));
            used[static_cast<std::size_t>(a)] = true;
            column_actor[c] = a;
        }
        set_column_actors(column_actor);
    }

    void lists(ActorNetwork& net) {
        const std::vector<std::string_view> none;
        if (!embedded_ || rows_.given) add_listed_actors(net);
        const std::string rel = relation(0);
        std::vector<Token> fields;
        Position line_end;
        auto actor = [&](const Token& t) { return embedded_ ? embedded_actor(net, t, true) : node_number(t); };
        while (data_line(fields, line_end)) {
            if (format_ == Format::edgelist1) {
                if (fields.size() < 2) fail(line_end, "expected two or three fields (i j [value]), found one");
                if (fields.size() > 3) fail(fields[3], "expected two or three fields (i j [value]), found more");
                const std::int32_t s = actor(fields[0]);
                const std::int32_t t = actor(fields[1]);
                const double w = fields.size() == 3 ? value(fields[2]) : 1.0;
                if (w != 0) net.add_tie_rows(s, t, rel, true, w, no_year, no_year, {}, none);
            } else {
                const std::int32_t s = actor(fields[0]);
                for (std::size_t k = 1; k < fields.size(); ++k)
                    net.add_tie_rows(s, actor(fields[k]), rel, true, 1.0, no_year, no_year, {}, none);
            }
        }
    }

    std::string_view text_;
    const std::string& name_;
    std::size_t pos_ = 0;
    std::int64_t line_ = 1;
    std::size_t line_start_ = 0;

    std::int64_t n_ = 0;
    std::int64_t nm_ = 1;
    Token nm_token_;
    Format format_ = Format::fullmatrix;
    bool diagonal_ = true;
    bool embedded_ = false;
    LabelList rows_, columns_, matrices_;
    std::vector<std::int64_t> column_of_actor_;  // actor row -> its column in the matrix
};

}  // namespace

ActorNetwork parse_dl(std::string_view text, const std::string& name) {
    return DlParser(text, name).parse();
}

ActorNetwork read_dl(const std::string& path) {
    const std::string text = detail::read_file(path);
    return parse_dl(text, path);
}

}  // namespace essnet
