// Pajek .net reader and writer; the format and the field mapping are described in
// include/essnet/io/pajek.hpp. The reader works line by line over the whole text in memory and
// only tokenizes the fields it needs, so that the drawing parameters after a label or a weight
// (which Pajek, networkx and igraph each spell differently) never stop a file from being read.
#include "essnet/io/pajek.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "essnet/detail/numbers.hpp"
#include "essnet/detail/read_file.hpp"
#include "essnet/detail/text.hpp"
#include "essnet/io/atomic_file.hpp"

namespace essnet {

namespace {

using detail::is_digits;
using detail::parse_int;

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (x != b[i]) return false;  // b is lower case
    }
    return true;
}

// The largest vertex count a file of `bytes` bytes may declare: node ids are int32, and a count
// far beyond what the file could describe is taken as corruption rather than allocated.
std::int64_t max_vertices(std::size_t bytes) {
    const std::int64_t plausible = (std::int64_t{1} << 20) + 64 * static_cast<std::int64_t>(bytes);
    return std::min<std::int64_t>(std::numeric_limits<std::int32_t>::max() - 1, plausible);
}

// Pajek's line parameters (see Pajek's "Drawing" description): a word that may follow the two
// vertex numbers of a tie in place of the weight.
bool is_line_parameter(std::string_view s) {
    static const char* const names[] = {"c",  "p",  "s", "a",  "w",  "h1",   "h2", "a1", "a2",  "k1",
                                        "k2", "ap", "l", "lp", "lr", "lphi", "lc", "la", "fos", "font"};
    for (const char* n : names)
        if (iequals(s, n)) return true;
    return false;
}

struct Line {
    std::string_view text;  // without the line end
    std::size_t start = 0;  // offset of the line in the whole text
    std::int64_t number = 0;
};

struct Token {
    std::string_view text;   // without the quotes of a quoted token
    std::size_t offset = 0;  // offset of the token's first character (its opening quote) in the text
    bool quoted = false;
};

class Reader {
public:
    Reader(std::string_view text, const std::string& name) : text_(text), name_(name) {
        pos_ = detail::check_text_file(text_, name_);
    }

    std::string_view text() const noexcept { return text_; }

    /// The next line that is neither blank nor a comment; false at the end of the text.
    bool next(Line& line) {
        while (pos_ <= text_.size()) {
            if (pos_ == text_.size() && (pos_ == 0 || text_[pos_ - 1] == '\n')) return false;
            std::size_t end = text_.find('\n', pos_);
            if (end == std::string_view::npos) end = text_.size();
            std::size_t stop = end;
            if (stop > pos_ && text_[stop - 1] == '\r') --stop;
            line = {text_.substr(pos_, stop - pos_), pos_, ++number_};
            pos_ = end + 1;
            const std::size_t cr = line.text.find('\r');
            if (cr != std::string_view::npos)
                fail(line, line.start + cr,
                     "carriage return without a line feed; lines must end with LF or CRLF (convert a file with "
                     "CR-only line ends first)");
            std::size_t i = 0;
            while (i < line.text.size() && is_blank(line.text[i])) ++i;
            if (i == line.text.size() || line.text[i] == '%') continue;
            return true;
        }
        return false;
    }

    [[noreturn]] void fail(const Line& line, std::size_t offset, const std::string& message) const {
        throw ParseError(name_, line.number, detail::column_of(text_, line.start, offset), message);
    }
    [[noreturn]] void fail(const Line& line, const Token& token, const std::string& message) const {
        fail(line, token.offset, message);
    }
    /// An error at the end of the text (a section cut short).
    [[noreturn]] void fail_at_end(const std::string& message) const {
        std::int64_t line = 1;
        std::size_t start = 0;
        for (std::size_t i = 0; i < text_.size(); ++i)
            if (text_[i] == '\n') {
                ++line;
                start = i + 1;
            }
        throw ParseError(name_, line, detail::column_of(text_, start, text_.size()), message);
    }

private:
    std::string_view text_;
    const std::string& name_;
    std::size_t pos_ = 0;
    std::int64_t number_ = 0;
};

// Walks the fields of one line.
class Fields {
public:
    Fields(const Reader& reader, const Line& line, std::size_t from = 0) : reader_(reader), line_(line), i_(from) {}

    bool at_end() {
        skip_blanks();
        return i_ >= line_.text.size();
    }
    /// Offset (in the whole text) where the next field starts, or the end of the line.
    std::size_t offset() {
        skip_blanks();
        return line_.start + i_;
    }
    /// The next field: a "quoted" one (without its quotes) or a run of non-blank characters.
    Token next() {
        skip_blanks();
        const std::string_view s = line_.text;
        const std::size_t start = i_;
        if (i_ < s.size() && s[i_] == '"') {
            const std::size_t close = s.find('"', i_ + 1);
            if (close == std::string_view::npos)
                reader_.fail(line_, line_.start + start, "quoted text is not closed (missing '\"' on this line)");
            i_ = close + 1;
            if (i_ < s.size() && !is_blank(s[i_]))
                reader_.fail(line_, line_.start + i_, "expected a blank or the end of the line after a closing quote");
            return {s.substr(start + 1, close - start - 1), line_.start + start, true};
        }
        while (i_ < s.size() && !is_blank(s[i_])) ++i_;
        return {s.substr(start, i_ - start), line_.start + start, false};
    }

private:
    void skip_blanks() {
        while (i_ < line_.text.size() && is_blank(line_.text[i_])) ++i_;
    }
    const Reader& reader_;
    const Line& line_;
    std::size_t i_;
};

enum class Section { none, vertices, arcs, edges, arcslist, edgeslist, matrix };

struct PendingTie {
    std::int32_t source;
    std::int32_t target;
    std::int32_t relation;  // Pajek relation number; 0 when the section has none
    bool directed;
    double weight;
};

struct RelationLabel {
    std::string_view label;
    std::int64_t line = 0;
};

struct VertexLabel {
    std::int32_t vertex = 0;
    std::string_view text;  // empty when the line has no label
    Line line;
    std::size_t offset = 0;  // where the label starts in the text
};

class PajekParser {
public:
    PajekParser(std::string_view text, const std::string& name) : reader_(text, name) {}

    ActorNetwork parse() {
        Line line;
        while (reader_.next(line)) {
            Fields f(reader_, line);
            const std::size_t first = f.offset();
            if (line.text[first - line.start] == '*') {
                end_section(&line);
                start_section(line, first - line.start);
                continue;
            }
            switch (section_) {
                case Section::none:
                    reader_.fail(line, first, "expected a *Vertices line before the data");
                case Section::vertices:
                    vertex_line(line, f);
                    break;
                case Section::arcs:
                case Section::edges:
                    tie_line(line, f);
                    break;
                case Section::arcslist:
                case Section::edgeslist:
                    list_line(line, f);
                    break;
                case Section::matrix:
                    matrix_line(line, f);
                    break;
            }
        }
        end_section(nullptr);
        if (!have_vertices_)
            reader_.fail_at_end("the file has no *Vertices line (a Pajek .net file starts with *Vertices n)");
        return build();
    }

private:
    // ---- sections --------------------------------------------------------------------------
    // `at`: index in the line of the '*'.
    void start_section(const Line& line, std::size_t at) {
        const std::string_view s = line.text;
        std::size_t i = at + 1;
        while (i < s.size() && !is_blank(s[i]) && s[i] != ':') ++i;
        const std::string_view keyword = s.substr(at + 1, i - at - 1);
        const std::size_t head = line.start + at;
        if (iequals(keyword, "network") || iequals(keyword, "net")) {
            if (have_vertices_)
                reader_.fail(line, head,
                             "*Network after *Vertices; essnet reads one network per file (Pajek "
                             "project files, .paj, hold several)");
            return;  // the network's name is not kept
        }
        Section section;
        if (iequals(keyword, "vertices"))
            section = Section::vertices;
        else if (iequals(keyword, "arcs"))
            section = Section::arcs;
        else if (iequals(keyword, "edges"))
            section = Section::edges;
        else if (iequals(keyword, "arcslist"))
            section = Section::arcslist;
        else if (iequals(keyword, "edgeslist"))
            section = Section::edgeslist;
        else if (iequals(keyword, "matrix"))
            section = Section::matrix;
        else
            reader_.fail(line, head,
                         "unknown section " + detail::quoted(s.substr(at, i - at)) +
                             "; a .net file holds *Network, *Vertices, *Arcs, *Edges, *Arcslist, "
                             "*Edgeslist and *Matrix sections");
        if (section == Section::vertices) {
            vertices_line(line, head, i);
        } else {
            if (!have_vertices_)
                reader_.fail(line, head, "expected a *Vertices line before " + detail::quoted(s.substr(at, i - at)));
            relation_header(line, i);
            section_line_ = line.number;
            matrix_rows_ = 0;
        }
        section_ = section;
    }

    void skip_blanks(std::string_view s, std::size_t& i) {
        while (i < s.size() && is_blank(s[i])) ++i;
    }

    // After a tie section's keyword: nothing, ":k", ":k label", ":k \"label\"", or a number (a
    // count that some writers put there, ignored).
    void relation_header(const Line& line, std::size_t i) {
        const std::string_view s = line.text;
        relation_ = 0;
        skip_blanks(s, i);
        if (i == s.size()) return;
        if (s[i] != ':') {
            if (is_digits(detail::trim_blanks(s.substr(i)))) return;
            reader_.fail(line, line.start + i,
                         "expected ':' and a relation number (as in *Arcs :2 \"advice\"), found " +
                             detail::quoted(detail::trim_blanks(s.substr(i))));
        }
        ++i;
        skip_blanks(s, i);
        const std::size_t digits = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        const auto k = parse_int(s.substr(digits, i - digits));
        if (!k || *k < 1 || *k > std::numeric_limits<std::int32_t>::max())
            reader_.fail(line, line.start + digits, "expected a relation number (1, 2, ...) after ':'");
        relation_ = static_cast<std::int32_t>(*k);
        if (i < s.size() && !is_blank(s[i]))
            reader_.fail(line, line.start + i, "expected a blank after the relation number");
        skip_blanks(s, i);
        if (i == s.size()) return;
        const std::size_t label_at = line.start + i;
        std::string_view label;
        if (s[i] == '"') {
            const std::size_t close = s.find('"', i + 1);
            if (close == std::string_view::npos)
                reader_.fail(line, label_at, "quoted text is not closed (missing '\"' on this line)");
            label = s.substr(i + 1, close - i - 1);
            i = close + 1;
            skip_blanks(s, i);
            if (i != s.size()) reader_.fail(line, line.start + i, "unexpected text after the relation label");
        } else {
            label = detail::trim_blanks(s.substr(i));
        }
        if (label.empty()) return;
        auto [it, fresh] = relation_labels_.try_emplace(relation_, RelationLabel{label, line.number});
        if (!fresh && it->second.label != label)
            reader_.fail(line, label_at,
                         "relation " + std::to_string(relation_) + " is labelled " + detail::quoted(label) +
                             " here but " + detail::quoted(it->second.label) + " on line " +
                             std::to_string(it->second.line));
    }

    void vertices_line(const Line& line, std::size_t head, std::size_t i) {
        if (have_vertices_)
            reader_.fail(line, head,
                         "a second *Vertices line; essnet reads one network per file "
                         "(Pajek project files, .paj, hold several)");
        have_vertices_ = true;
        Fields f(reader_, line, i);
        if (f.at_end()) reader_.fail(line, f.offset(), "expected the number of vertices after *Vertices");
        const Token count = f.next();
        n_ = count_value(line, count, "number of vertices");
        if (!f.at_end()) {
            const Token first_mode = f.next();
            const std::int64_t n1 = count_value(line, first_mode, "number of first-mode vertices");
            if (n1 < 1 || n1 > n_)
                reader_.fail(line, first_mode,
                             "the number of first-mode vertices must be from 1 to " + std::to_string(n_) +
                                 " (the number of vertices), found " + std::to_string(n1));
            n1_ = n1;
            if (!f.at_end()) reader_.fail(line, f.offset(), "unexpected text after *Vertices n n1");
        }
        label_of_.assign(static_cast<std::size_t>(n_), -1);
    }

    std::int64_t count_value(const Line& line, const Token& t, const char* what) {
        const auto v = parse_int(t.text);
        if (!v || *v < 0 || t.quoted) {
            if (is_digits(t.text) && !t.quoted)
                reader_.fail(line, t, std::string(what) + " " + detail::quoted(t.text) + " is too large");
            reader_.fail(
                line, t,
                std::string("expected the ") + what + " (a non-negative integer), found " + detail::quoted(t.text));
        }
        if (*v > max_vertices(reader_.text().size()))
            reader_.fail(line, t,
                         std::string(what) + " " + detail::quoted(t.text) + " is too large for a file of " +
                             std::to_string(reader_.text().size()) + " bytes");
        return *v;
    }

    // Checks that the section just read is complete; `next` is the line that starts the next
    // section (null at the end of the text).
    void end_section(const Line* next) {
        if (section_ == Section::matrix) {
            const std::int64_t rows = n1_ > 0 ? n1_ : n_;
            if (matrix_rows_ < rows) {
                const std::string message = "*Matrix on line " + std::to_string(section_line_) + " has " +
                                            std::to_string(matrix_rows_) + " rows, expected " + std::to_string(rows);
                if (next) reader_.fail(*next, next->start, message + " before this line");
                reader_.fail_at_end(message + " before the end of the file");
            }
        }
        section_ = Section::none;
    }

    // ---- lines ------------------------------------------------------------------------------
    void vertex_line(const Line& line, Fields& f) {
        const Token num = f.next();
        const std::int32_t v = vertex(line, num);
        const auto slot = static_cast<std::size_t>(v);
        if (label_of_[slot] >= 0)
            reader_.fail(line, num,
                         "vertex " + std::to_string(v + 1) + " is listed twice (first on line " +
                             std::to_string(labels_[static_cast<std::size_t>(label_of_[slot])].line.number) + ")");
        VertexLabel entry{v, {}, line, f.offset()};
        if (!f.at_end()) entry.text = f.next().text;
        label_of_[slot] = static_cast<std::int32_t>(labels_.size());
        labels_.push_back(entry);
        if (entry.text.empty()) return;  // named by its number
        auto [it, fresh] = by_label_.try_emplace(entry.text, v);
        if (!fresh) {
            const VertexLabel& first =
                labels_[static_cast<std::size_t>(label_of_[static_cast<std::size_t>(it->second)])];
            reader_.fail(line, entry.offset,
                         "duplicate label " + detail::quoted(entry.text) + " (vertex " +
                             std::to_string(it->second + 1) + " on line " + std::to_string(first.line.number) +
                             " has it); labels are actor ids and must be unique");
        }
    }

    void tie_line(const Line& line, Fields& f) {
        const std::int32_t s = vertex(line, f.next());
        if (f.at_end()) reader_.fail(line, f.offset(), "expected two vertex numbers, found one");
        const std::int32_t t = vertex(line, f.next());
        double w = 1.0;
        if (!f.at_end()) {
            const Token field = f.next();
            if (field.quoted || !is_line_parameter(field.text)) w = weight(line, field);
        }
        ties_.push_back({s, t, relation_, section_ == Section::arcs, w});
    }

    void list_line(const Line& line, Fields& f) {
        const std::int32_t s = vertex(line, f.next());
        const bool directed = section_ == Section::arcslist;
        while (!f.at_end()) ties_.push_back({s, vertex(line, f.next()), relation_, directed, 1.0});
    }

    void matrix_line(const Line& line, Fields& f) {
        const std::int64_t rows = n1_ > 0 ? n1_ : n_;
        const std::int64_t columns = n1_ > 0 ? n_ - n1_ : n_;
        if (matrix_rows_ == rows)
            reader_.fail(line, f.offset(),
                         "*Matrix on line " + std::to_string(section_line_) + " has more than " + std::to_string(rows) +
                             " rows");
        const auto row = static_cast<std::int32_t>(matrix_rows_++);
        std::int64_t column = 0;
        while (!f.at_end()) {
            const Token value = f.next();
            if (column == columns)
                reader_.fail(line, value, "*Matrix row has more than " + std::to_string(columns) + " values");
            const double w = weight(line, value);
            if (w != 0) {
                if (n1_ > 0)
                    ties_.push_back({row, static_cast<std::int32_t>(n1_ + column), relation_, false, w});
                else
                    ties_.push_back({row, static_cast<std::int32_t>(column), relation_, true, w});
            }
            ++column;
        }
        if (column < columns)
            reader_.fail(line, f.offset(),
                         "*Matrix row has " + std::to_string(column) + " values, expected " + std::to_string(columns));
    }

    // ---- fields -----------------------------------------------------------------------------
    std::int32_t vertex(const Line& line, const Token& t) {
        const bool number =
            !t.quoted && (is_digits(t.text) || (t.text.size() > 1 && t.text[0] == '-' && is_digits(t.text.substr(1))));
        if (!number) reader_.fail(line, t, "expected a vertex number, found " + detail::quoted(t.text));
        const auto v = parse_int(t.text);
        if (!v || *v < 1 || *v > n_)
            reader_.fail(line, t,
                         "vertex number " + std::string(t.text) + " is out of range (the network has " +
                             std::to_string(n_) + " vertices, numbered from 1)");
        return static_cast<std::int32_t>(*v - 1);
    }

    double weight(const Line& line, const Token& t) {
        const auto w = detail::parse_weight(t.text);
        if (!w.error.empty()) reader_.fail(line, t, w.error);
        return w.value;
    }

    // ---- the network ------------------------------------------------------------------------
    ActorNetwork build() {
        // A vertex without a label takes its number; no other vertex may have that label.
        for (const VertexLabel& l : labels_) {
            if (!is_digits(l.text)) continue;
            const auto v = parse_int(l.text);
            if (!v || *v < 1 || *v > n_ || std::to_string(*v) != l.text) continue;
            const auto other = static_cast<std::int32_t>(*v - 1);
            const std::int32_t i = label_of_[static_cast<std::size_t>(other)];
            if (other != l.vertex && (i < 0 || labels_[static_cast<std::size_t>(i)].text.empty()))
                reader_.fail(l.line, l.offset,
                             "label " + detail::quoted(l.text) + " of vertex " + std::to_string(l.vertex + 1) +
                                 " is also the id of vertex " + std::to_string(*v) +
                                 ", which has no label and so is named by its number; labels are actor ids and "
                                 "must be unique");
        }
        std::vector<std::string> extra_actor;
        if (n1_ > 0) extra_actor.emplace_back("mode");
        ActorNetwork net(extra_actor, {});
        std::string number;
        std::vector<std::string_view> extra(n1_ > 0 ? 1 : 0);
        for (std::int64_t v = 0; v < n_; ++v) {
            const std::int32_t i = label_of_[static_cast<std::size_t>(v)];
            std::string_view id;
            if (i >= 0 && !labels_[static_cast<std::size_t>(i)].text.empty()) {
                id = labels_[static_cast<std::size_t>(i)].text;
            } else {
                number = std::to_string(v + 1);
                id = number;
            }
            if (n1_ > 0) extra[0] = v < n1_ ? std::string_view("1") : std::string_view("2");
            net.add_actor_row(id, {}, {}, {}, {}, no_year, extra);
        }
        std::unordered_map<std::int32_t, std::string> relation_names;
        for (const auto& [k, label] : relation_labels_) relation_names.emplace(k, label.label);
        net.reserve_ties(ties_.size());
        const std::vector<std::string_view> none;
        for (const PendingTie& t : ties_) {
            std::string_view relation;
            if (t.relation != 0) {
                auto it = relation_names.find(t.relation);
                if (it == relation_names.end())
                    it = relation_names.emplace(t.relation, std::to_string(t.relation)).first;
                relation = it->second;
            }
            net.add_tie_rows(t.source, t.target, relation, t.directed, t.weight, no_year, no_year, {}, none);
        }
        return net;
    }

    Reader reader_;
    Section section_ = Section::none;
    bool have_vertices_ = false;
    std::int64_t n_ = 0;
    std::int64_t n1_ = 0;                 // > 0 for a two-mode network
    std::vector<std::int32_t> label_of_;  // vertex -> index in labels_, or -1 when it has no line
    std::vector<VertexLabel> labels_;
    std::unordered_map<std::string_view, std::int32_t> by_label_;  // label -> vertex
    std::int32_t relation_ = 0;
    std::unordered_map<std::int32_t, RelationLabel> relation_labels_;
    std::int64_t section_line_ = 0;
    std::int64_t matrix_rows_ = 0;
    std::vector<PendingTie> ties_;
};

// ---- writing ---------------------------------------------------------------------------------

// A label as Pajek can hold it: no double quote (no escape exists), no line break. Text that is not
// valid UTF-8 or holds a NUL byte, which the reader refuses, is refused here too.
std::string pajek_label(std::string_view s) {
    if (detail::find_invalid_utf8(s) != std::string_view::npos || s.find('\0') != std::string_view::npos)
        throw std::invalid_argument("label " + detail::quoted(s) + " is not valid UTF-8 or holds a NUL byte");
    std::string out(s);
    for (char& c : out) {
        if (c == '"')
            c = '\'';
        else if (c == '\n' || c == '\r')
            c = ' ';
    }
    return out;
}

void append_number(std::string& out, std::int64_t v) {
    char buffer[24];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, r.ptr);
}

void append_weight(std::string& out, double w) {
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, w);  // shortest form that reads back the same
    out.append(buffer, r.ptr);
}

// The number of first-mode actors when the "mode" column makes the network two-mode as Pajek
// writes it (all "1" then all "2", at least one "1"), else 0.
std::int64_t first_mode_count(const ActorTable& actors) {
    const ExtraColumn* mode = nullptr;
    for (const auto& c : actors.extra)
        if (c.name == "mode") mode = &c;
    if (!mode || actors.size() == 0) return 0;
    std::int64_t ones = 0;
    bool seen_two = false;
    for (std::size_t i = 0; i < actors.size(); ++i) {
        const std::string_view v = mode->values[i];
        if (v == "1") {
            if (seen_two) return 0;
            ++ones;
        } else if (v == "2") {
            seen_two = true;
        } else {
            return 0;
        }
    }
    return ones;
}

}  // namespace

ActorNetwork parse_pajek(std::string_view text, const std::string& name) {
    return PajekParser(text, name).parse();
}

ActorNetwork read_pajek(const std::string& path) {
    const std::string text = detail::read_file(path);
    return parse_pajek(text, path);
}

std::string pajek_text(const ActorNetwork& network) {
    const ActorTable& actors = network.actors();
    const TieTable& ties = network.ties();
    std::string out = "*Vertices ";
    append_number(out, static_cast<std::int64_t>(actors.size()));
    if (const std::int64_t n1 = first_mode_count(actors); n1 > 0) {
        out += ' ';
        append_number(out, n1);
    }
    out += '\n';
    std::unordered_map<std::string, std::size_t> written;  // label -> actor row
    written.reserve(actors.size());
    for (std::size_t i = 0; i < actors.size(); ++i) {
        std::string label = pajek_label(actors.id[i]);
        append_number(out, static_cast<std::int64_t>(i + 1));
        out += " \"";
        out += label;
        out += "\"\n";
        auto [it, fresh] = written.try_emplace(std::move(label), i);
        if (!fresh)
            throw std::invalid_argument("actor ids " + detail::quoted(actors.id[it->second]) + " and " +
                                        detail::quoted(actors.id[i]) + " would both be written as the Pajek label " +
                                        detail::quoted(it->first) +
                                        " (Pajek labels cannot hold double quotes or line breaks)");
    }
    const bool weighted = std::any_of(ties.weight.begin(), ties.weight.end(), [](double w) { return w != 1.0; });
    // Sections in order: no relation (code -1) arcs, then edges; then each relation in order of
    // first appearance, arcs then edges. Ties are bucketed by section, keeping table order.
    const auto& categories = ties.relation.categories();
    const std::size_t sections = 2 * (categories.size() + 1);
    auto section_of = [&](std::size_t e) {
        return 2 * static_cast<std::size_t>(ties.relation.code(e) + 1) + (ties.directed[e] ? 0 : 1);
    };
    std::vector<std::size_t> start(sections + 1, 0);
    for (std::size_t e = 0; e < ties.size(); ++e) ++start[section_of(e) + 1];
    for (std::size_t s = 0; s < sections; ++s) start[s + 1] += start[s];
    std::vector<std::size_t> order(ties.size());
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t e = 0; e < ties.size(); ++e) order[next[section_of(e)]++] = e;
    // Relations that become the same label (x"y and x'y) would merge on reading: refused.
    std::unordered_map<std::string, std::size_t> relation_labels;
    for (std::size_t code = 0; code < categories.size(); ++code)
        if (const auto [it, fresh] = relation_labels.emplace(pajek_label(categories[code]), code); !fresh)
            throw std::invalid_argument("relations " + detail::quoted(categories[it->second]) + " and " +
                                        detail::quoted(categories[code]) + " would both be written " +
                                        detail::quoted(it->first) + " (Pajek has no escape for a double quote)");
    for (std::size_t s = 0; s < sections; ++s) {
        if (start[s] == start[s + 1]) continue;
        out += s % 2 == 0 ? "*Arcs" : "*Edges";
        if (s >= 2) {
            const std::size_t code = s / 2 - 1;
            out += " :";
            append_number(out, static_cast<std::int64_t>(code + 1));
            out += " \"";
            out += pajek_label(categories[code]);
            out += '"';
        }
        out += '\n';
        for (std::size_t k = start[s]; k < start[s + 1]; ++k) {
            const std::size_t e = order[k];
            append_number(out, ties.source[e] + 1);
            out += ' ';
            append_number(out, ties.target[e] + 1);
            if (weighted) {
                out += ' ';
                append_weight(out, ties.weight[e]);
            }
            out += '\n';
        }
    }
    return out;
}

void write_pajek(const ActorNetwork& network, const std::string& path) {
    write_file_atomically(path, pajek_text(network));
}

}  // namespace essnet
