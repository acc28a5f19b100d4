// JSON node-link (networkx node_link_data, d3). The file is parsed with nlohmann/json's SAX
// interface; the position of each token is found in the text (nlohmann reports positions only for
// syntax errors), so that every error names its line and column.
#include "essnet/io/json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "essnet/detail/numbers.hpp"
#include "essnet/detail/read_file.hpp"
#include "essnet/detail/text.hpp"
#include "essnet/io/atomic_file.hpp"
#include "essnet/io/attribute_types.hpp"

namespace essnet {

namespace {

// ---------------------------------------------------------------------------------------------
// JSON text helpers shared by the reader and the writer.

/// Appends `s` as a JSON string: quotes, backslashes and control characters escaped, other
/// characters (UTF-8) as they are. The caller has checked that `s` is valid UTF-8.
void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0;  // start of the run of characters copied as they are
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.substr(plain, i - plain));
        plain = i + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
        }
    }
    out.append(s.substr(plain));
    out += '"';
}

/// True when `s` is a number as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) {
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i - start;
    };
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] == '0')
        ++i;
    else if (digits() == 0)
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (digits() == 0) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (digits() == 0) return false;
    }
    return i == s.size();
}

bool is_number_char(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

bool is_json_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// ---------------------------------------------------------------------------------------------
// Reader.

enum class Kind { null, boolean, number, string, object, array };

const char* kind_name(Kind k) {
    switch (k) {
        case Kind::null:
            return "null";
        case Kind::boolean:
            return "a boolean";
        case Kind::number:
            return "a number";
        case Kind::string:
            return "a string";
        case Kind::object:
            return "an object";
        case Kind::array:
            return "an array";
    }
    return "a value";
}

/// A scalar value: `text` is the decoded string for a string, the JSON text as written for a
/// number, "true"/"false" for a boolean and empty for null; `at` is the byte offset of its token.
struct Scalar {
    Kind kind;
    std::string_view text;
    std::size_t at;
};

/// One value of a table row: `column` indexes the table's fields (fixed ones first, then extras).
struct Cell {
    std::uint64_t offset;
    std::uint64_t size;
    std::uint32_t column;
};

/// The text values of one table (nodes or links) as read, held until every extra column is known.
class TextRows {
public:
    void begin_row() { row_start_.push_back(cells_.size()); }
    void put(std::uint32_t column, std::string_view value) {
        cells_.push_back({chars_.size(), value.size(), column});
        chars_.append(value);
    }
    std::size_t rows() const { return row_start_.size(); }
    std::span<const Cell> row(std::size_t r) const {
        const std::size_t end = r + 1 < row_start_.size() ? row_start_[r + 1] : cells_.size();
        return {cells_.data() + row_start_[r], end - row_start_[r]};
    }
    std::string_view text(const Cell& c) const { return std::string_view(chars_).substr(c.offset, c.size); }

private:
    std::string chars_;
    std::vector<Cell> cells_;
    std::vector<std::size_t> row_start_;
};

/// Extra column names in order of first appearance, with the offset of that first appearance.
class ExtraNames {
public:
    std::uint32_t index(const std::string& name, std::size_t at) {
        const auto [it, fresh] = index_.try_emplace(name, static_cast<std::uint32_t>(names_.size()));
        if (fresh) {
            names_.push_back(name);
            first_at_.push_back(at);
        }
        return it->second;
    }
    const std::vector<std::string>& names() const { return names_; }
    std::size_t first_at(std::size_t column) const { return first_at_[column]; }

private:
    std::vector<std::string> names_;
    std::vector<std::size_t> first_at_;
    std::unordered_map<std::string, std::uint32_t> index_;
};

// Every row of a table holds a value for every extra column: a file whose objects each bring new
// keys would make rows x columns explode. Beyond 16 cells per byte of the file (and at least 2^20,
// at most 2^28) the file is refused, so that a small file cannot claim gigabytes.
std::size_t max_extra_cells(std::size_t file_bytes) {
    return std::min<std::size_t>(std::size_t{1} << 28, 16 * file_bytes + (std::size_t{1} << 20));
}

/// The compact JSON text of an array or object value, rebuilt from its events.
class CompactJson {
public:
    void open(bool object) {
        before_value();
        out_ += object ? '{' : '[';
        levels_.push_back({object, true});
    }
    void key(std::string_view k) {
        if (!levels_.back().first) out_ += ',';
        levels_.back().first = false;
        append_json_string(out_, k);
        out_ += ':';
    }
    void scalar(const Scalar& v) {
        before_value();
        if (v.kind == Kind::string)
            append_json_string(out_, v.text);
        else if (v.kind == Kind::null)
            out_ += "null";
        else
            out_ += v.text;
    }
    /// Closes the innermost level; true when the whole value is complete.
    bool close() {
        out_ += levels_.back().object ? '}' : ']';
        levels_.pop_back();
        return levels_.empty();
    }
    bool active() const { return !levels_.empty(); }
    std::string take() {
        std::string s = std::move(out_);
        out_.clear();
        return s;
    }

private:
    void before_value() {
        if (levels_.empty() || levels_.back().object) return;  // an object value follows its key
        if (!levels_.back().first) out_ += ',';
        levels_.back().first = false;
    }
    struct Level {
        bool object;
        bool first;
    };
    std::string out_;
    std::vector<Level> levels_;
};

// Fields of a node and of a link. Text fields are cell columns of the row; extra columns follow.
enum NodeColumn : std::uint32_t { node_id, node_name, node_kind, node_country, node_region, node_extra };
enum LinkColumn : std::uint32_t { link_source, link_target, link_relation, link_provenance, link_extra };

// What the value after the current key means.
enum class Field {
    id,
    name,
    kind,
    country,
    region,
    founded,  // node
    source,
    target,
    relation,
    provenance,
    weight,
    start_year,
    end_year,
    directed,
    skip,  // link
    extra,
    top_directed,
    top_multigraph,
    top_nodes,
    top_links,
    top_skip  // top level
};

Field node_field(std::string_view k) {
    if (k == "id") return Field::id;
    if (k == "name") return Field::name;
    if (k == "kind") return Field::kind;
    if (k == "country") return Field::country;
    if (k == "region") return Field::region;
    if (k == "founded") return Field::founded;
    return Field::extra;
}

Field link_field(std::string_view k) {
    if (k == "source") return Field::source;
    if (k == "target") return Field::target;
    if (k == "relation") return Field::relation;
    if (k == "provenance") return Field::provenance;
    if (k == "weight") return Field::weight;
    if (k == "start_year") return Field::start_year;
    if (k == "end_year") return Field::end_year;
    if (k == "directed") return Field::directed;
    if (k == "key") return Field::skip;
    return Field::extra;
}

class NodeLinkReader {
public:
    using Json = nlohmann::json;

    NodeLinkReader(std::string_view text, const std::string& name) : text_(text), name_(name) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") prev_end_ = 3;  // nlohmann skips a byte-order mark
    }

    ActorNetwork read() {
        // parse_error() throws; a false result without it would be a bug, reported all the same.
        if (!nlohmann::json::sax_parse(text_.data(), text_.data() + text_.size(), this))
            fail(text_.size(), "invalid JSON");
        return build();
    }

    // --- nlohmann SAX interface --------------------------------------------------------------
    bool null() { return scalar({Kind::null, {}, literal(4)}); }
    bool boolean(bool v) { return scalar({Kind::boolean, v ? "true" : "false", literal(v ? 4 : 5)}); }
    bool number_integer(Json::number_integer_t) { return number(); }
    bool number_unsigned(Json::number_unsigned_t) { return number(); }
    bool number_float(Json::number_float_t, const std::string&) { return number(); }
    bool binary(Json::binary_t&) { return true; }  // not produced by the JSON parser
    bool string(std::string& v) { return scalar({Kind::string, v, string_token()}); }
    bool start_object(std::size_t) { return open(true, literal(1)); }
    bool start_array(std::size_t) { return open(false, literal(1)); }
    bool end_object() { return close(literal(1)); }
    bool end_array() { return close(literal(1)); }
    bool key(std::string& k) {
        const std::size_t at = string_token();
        if (skip_depth_ > 0) return true;
        if (compact_.active()) {
            compact_.key(k);
            return true;
        }
        if (where_ == Where::top_object) return top_key(k, at);
        if (k.empty()) fail(at, std::string("a ") + (where_ == Where::node ? "node" : "link") + " has an empty key");
        if (!keys_seen_.insert(k).second)
            fail(at, std::string("key ") + detail::quoted(k) + " appears twice in this " +
                         (where_ == Where::node ? "node" : "link"));
        field_ = where_ == Where::node ? node_field(k) : link_field(k);
        if (field_ == Field::extra)
            extra_column_ = where_ == Where::node ? node_extras_.index(k, at) : link_extras_.index(k, at);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        const std::string what = e.what();
        // nlohmann's position counts the bytes read, up to and including the one that failed.
        std::size_t at = std::min(position == 0 ? 0 : position - 1, text_.size());
        const bool unexpected_token = what.find(" - unexpected ") != std::string::npos;
        const bool overflow = e.id == 406;
        if (unexpected_token || overflow) {
            // Point at the first character of the token: after the last token reported, skip
            // blanks and the ',' or ':' that was read correctly before it.
            std::size_t p = skip_blanks(prev_end_);
            if (p < text_.size() && (text_[p] == ',' || text_[p] == ':') && p < at) p = skip_blanks(p + 1);
            at = std::min(p, at);
        }
        if (overflow) {
            std::size_t end = at;
            while (end < text_.size() && is_number_char(text_[end])) ++end;
            fail(at,
                 "number " + detail::quoted(text_.substr(at, end - at)) + " is too large (out of range of a double)");
        }
        fail(at, "invalid JSON: " + syntax_message(what));
    }

private:
    enum class Where { top_value, top_object, nodes, node, links, link, done };

    // --- token positions ---------------------------------------------------------------------
    std::size_t skip_blanks(std::size_t p) const {
        while (p < text_.size() && is_json_space(text_[p])) ++p;
        return p;
    }
    // Start of the token just reported: after the previous token, blanks and one separator.
    std::size_t token_start() const {
        std::size_t p = skip_blanks(prev_end_);
        if (p < text_.size() && (text_[p] == ',' || text_[p] == ':')) p = skip_blanks(p + 1);
        return p;
    }
    std::size_t literal(std::size_t length) {
        const std::size_t at = token_start();
        prev_end_ = at + length;
        return at;
    }
    std::size_t string_token() {
        const std::size_t at = token_start();
        std::size_t p = at + 1;
        while (p < text_.size() && text_[p] != '"') p += text_[p] == '\\' ? 2 : 1;
        prev_end_ = p + 1;
        return at;
    }
    bool number() {
        const std::size_t at = token_start();
        std::size_t end = at;
        while (end < text_.size() && is_number_char(text_[end])) ++end;
        prev_end_ = end;
        return scalar({Kind::number, text_.substr(at, end - at), at});
    }

    static std::string syntax_message(const std::string& what) {
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while
        //  parsing value - invalid literal; last read: 'tru}'" -> "invalid literal (while parsing value)"
        const auto syntax = what.find("syntax error ");
        if (syntax == std::string::npos) {
            const auto bracket = what.find("] ");
            return bracket == std::string::npos ? what : what.substr(bracket + 2);
        }
        std::string rest = what.substr(syntax + 13);
        std::string context;
        if (rest.rfind("while parsing ", 0) == 0) {
            const auto dash = rest.find(" - ");
            context = rest.substr(14, dash == std::string::npos ? std::string::npos : dash - 14);
            rest = dash == std::string::npos ? std::string{} : rest.substr(dash + 3);
        } else if (rest.rfind("- ", 0) == 0) {
            rest = rest.substr(2);
        }
        const auto last_read = rest.find("; last read: '");
        if (last_read != std::string::npos) {  // the text read is left out: it may be long or not UTF-8
            const auto expected = rest.rfind("'; expected ");
            rest = rest.substr(0, last_read) +
                   (expected == std::string::npos || expected < last_read ? "" : rest.substr(expected + 1));
        }
        return context.empty() ? rest : rest + " (while parsing " + context + ")";
    }

    [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
        offset = std::min(offset, text_.size());
        std::size_t line_start = text_.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3 ? 3 : 0;
        std::int64_t line = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (text_[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        }
        throw ParseError(name_, line, detail::column_of(text_, line_start, offset), message);
    }

    // --- structure ---------------------------------------------------------------------------
    bool top_key(const std::string& k, std::size_t at) {
        if (!top_keys_.insert(k).second)
            fail(at, "key " + detail::quoted(k) + " appears twice in the top-level object");
        if (k == "directed")
            field_ = Field::top_directed;
        else if (k == "multigraph")
            field_ = Field::top_multigraph;
        else if (k == "nodes")
            field_ = Field::top_nodes;
        else if (k == "links" || k == "edges") {
            if (links_seen_)
                fail(at,
                     "the top-level object has both \"links\" and \"edges\"; a node-link file has one array of links");
            links_seen_ = true;
            links_key_ = k;
            field_ = Field::top_links;
        } else {
            field_ = Field::top_skip;
        }
        return true;
    }

    bool open(bool object, std::size_t at) {
        const Kind kind = object ? Kind::object : Kind::array;
        if (skip_depth_ > 0) {
            ++skip_depth_;
            return true;
        }
        if (compact_.active()) {
            compact_.open(object);
            return true;
        }
        switch (where_) {
            case Where::top_value:
                if (!object) fail(at, "expected a JSON object at the top level, found an array");
                where_ = Where::top_object;
                top_at_ = at;
                return true;
            case Where::top_object:
                switch (field_) {
                    case Field::top_nodes:
                    case Field::top_links:
                        if (object)
                            fail(at, std::string("\"") + (field_ == Field::top_nodes ? "nodes" : link_key()) +
                                         "\" must be an array, found an object");
                        if (field_ == Field::top_nodes) nodes_seen_ = true;
                        where_ = field_ == Field::top_nodes ? Where::nodes : Where::links;
                        return true;
                    case Field::top_directed:
                    case Field::top_multigraph:
                        wrong_top_type(at, kind);
                    default:
                        skip_depth_ = 1;
                        return true;
                }
            case Where::nodes:
                if (!object) fail(at, "each node must be a JSON object, found an array");
                where_ = Where::node;
                object_at_ = at;
                keys_seen_.clear();
                nodes_.begin_row();
                founded_.push_back(no_year);
                return true;
            case Where::links:
                if (!object) fail(at, "each link must be a JSON object, found an array");
                where_ = Where::link;
                object_at_ = at;
                keys_seen_.clear();
                links_.begin_row();
                weight_.push_back(1.0);
                start_year_.push_back(no_year);
                end_year_.push_back(no_year);
                directed_.push_back(-1);
                source_at_.push_back(0);
                target_at_.push_back(0);
                end_year_at_ = 0;
                return true;
            case Where::node:
            case Where::link:
                if (field_ == Field::skip) {
                    skip_depth_ = 1;
                } else if (field_ == Field::extra) {
                    compact_.open(object);
                } else {
                    fail(at, std::string("\"") + field_name() + "\" must be " + expected_type() + ", found " +
                                 kind_name(kind));
                }
                return true;
            case Where::done:
                break;
        }
        return true;
    }

    bool close(std::size_t at) {
        if (skip_depth_ > 0) {
            --skip_depth_;
            return true;
        }
        if (compact_.active()) {
            if (compact_.close()) {
                const std::string value = compact_.take();
                put_extra(value);
            }
            return true;
        }
        switch (where_) {
            case Where::nodes:
            case Where::links:
                where_ = Where::top_object;
                return true;
            case Where::node:
                finish_node();
                where_ = Where::nodes;
                return true;
            case Where::link:
                finish_link();
                where_ = Where::links;
                return true;
            case Where::top_object:
                if (!nodes_seen_)
                    fail(top_at_,
                         "the top-level object has no \"nodes\" array; a node-link file is "
                         "{\"nodes\": [...], \"links\": [...]}");
                if (!links_seen_)
                    fail(top_at_,
                         "the top-level object has no \"links\" (or \"edges\") array; write "
                         "\"links\": [] for a network without ties");
                where_ = Where::done;
                return true;
            default:
                break;
        }
        (void)at;
        return true;
    }

    bool scalar(const Scalar& v) {
        if (skip_depth_ > 0) return true;
        if (compact_.active()) {
            compact_.scalar(v);
            return true;
        }
        switch (where_) {
            case Where::top_value:
                fail(v.at, std::string("expected a JSON object at the top level, found ") + kind_name(v.kind));
            case Where::top_object:
                switch (field_) {
                    case Field::top_nodes:
                    case Field::top_links:
                        fail(v.at, std::string("\"") + (field_ == Field::top_nodes ? "nodes" : link_key()) +
                                       "\" must be an array, found " + kind_name(v.kind));
                    case Field::top_directed:
                    case Field::top_multigraph:
                        if (v.kind != Kind::boolean) wrong_top_type(v.at, v.kind);
                        if (field_ == Field::top_directed) directed_default_ = v.text == "true";
                        return true;
                    default:
                        return true;
                }
            case Where::nodes:
                fail(v.at, std::string("each node must be a JSON object, found ") + kind_name(v.kind));
            case Where::links:
                fail(v.at, std::string("each link must be a JSON object, found ") + kind_name(v.kind));
            case Where::node:
                node_value(v);
                return true;
            case Where::link:
                link_value(v);
                return true;
            case Where::done:
                break;
        }
        return true;
    }

    [[noreturn]] void wrong_top_type(std::size_t at, Kind kind) const {
        fail(at, std::string("\"") + (field_ == Field::top_directed ? "directed" : "multigraph") +
                     "\" must be true or false, found " + kind_name(kind));
    }

    const char* link_key() const { return links_key_.c_str(); }

    const char* field_name() const {
        switch (field_) {
            case Field::id:
                return "id";
            case Field::name:
                return "name";
            case Field::kind:
                return "kind";
            case Field::country:
                return "country";
            case Field::region:
                return "region";
            case Field::founded:
                return "founded";
            case Field::source:
                return "source";
            case Field::target:
                return "target";
            case Field::relation:
                return "relation";
            case Field::provenance:
                return "provenance";
            case Field::weight:
                return "weight";
            case Field::start_year:
                return "start_year";
            case Field::end_year:
                return "end_year";
            case Field::directed:
                return "directed";
            default:
                return "value";
        }
    }
    const char* expected_type() const {
        switch (field_) {
            case Field::id:
            case Field::source:
            case Field::target:
                return "a string or a number";
            case Field::founded:
            case Field::start_year:
            case Field::end_year:
                return "an integer year or null";
            case Field::weight:
                return "a number or null";
            case Field::directed:
                return "true, false or null";
            default:
                return "a string, a number, a boolean or null";
        }
    }
    [[noreturn]] void wrong_type(const Scalar& v) const {
        fail(v.at, std::string("\"") + field_name() + "\" must be " + expected_type() + ", found " + kind_name(v.kind));
    }

    // An actor id (node "id", link "source" and "target"): a string, or a number as written.
    std::string_view id_value(const Scalar& v) const {
        if (v.kind != Kind::string && v.kind != Kind::number) wrong_type(v);
        if (v.text.empty())
            fail(v.at, std::string("\"") + field_name() + "\" is an empty string; ids must not be empty");
        return v.text;
    }

    std::int32_t year_value(const Scalar& v) const {
        if (v.kind == Kind::null) return no_year;
        if (v.kind != Kind::number) wrong_type(v);
        const auto year = detail::parse_year(v.text);
        if (!year)
            fail(v.at, std::string(field_name()) + " " + std::string(v.text) +
                           " is not a year (expected an integer from -9999 to 9999 such as 2011, or null)");
        return *year;
    }

    void text_value(const Scalar& v, std::uint32_t column, TextRows& rows) const { rows.put(column, v.text); }

    void put_extra(std::string_view value) {
        if (where_ == Where::node)
            nodes_.put(node_extra + extra_column_, value);
        else
            links_.put(link_extra + extra_column_, value);
    }

    void node_value(const Scalar& v) {
        switch (field_) {
            case Field::id: {
                const std::string_view id = id_value(v);
                const auto [it, fresh] = node_ids_.try_emplace(std::string(id), v.at);
                if (!fresh) {
                    const std::size_t first = it->second;
                    const auto first_line =
                        1 + std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(first), '\n');
                    fail(v.at, "duplicate node id " + detail::quoted(id) + " (first defined on line " +
                                   std::to_string(first_line) + ")");
                }
                nodes_.put(node_id, id);
                return;
            }
            case Field::name:
                return text_value(v, node_name, nodes_);
            case Field::kind:
                return text_value(v, node_kind, nodes_);
            case Field::country:
                return text_value(v, node_country, nodes_);
            case Field::region:
                return text_value(v, node_region, nodes_);
            case Field::founded:
                founded_.back() = year_value(v);
                return;
            default:
                put_extra(v.text);
                return;
        }
    }

    void link_value(const Scalar& v) {
        switch (field_) {
            case Field::source:
                links_.put(link_source, id_value(v));
                source_at_.back() = v.at;
                return;
            case Field::target:
                links_.put(link_target, id_value(v));
                target_at_.back() = v.at;
                return;
            case Field::relation:
                return text_value(v, link_relation, links_);
            case Field::provenance:
                return text_value(v, link_provenance, links_);
            case Field::weight: {
                if (v.kind == Kind::null) return;
                if (v.kind != Kind::number) wrong_type(v);
                const auto w = detail::parse_weight(v.text);
                if (!w.error.empty()) fail(v.at, w.error);
                weight_.back() = w.value;
                return;
            }
            case Field::start_year:
                start_year_.back() = year_value(v);
                return;
            case Field::end_year:
                end_year_.back() = year_value(v);
                end_year_at_ = v.at;
                return;
            case Field::directed:
                if (v.kind == Kind::null) return;
                if (v.kind != Kind::boolean) wrong_type(v);
                directed_.back() = v.text == "true" ? 1 : 0;
                return;
            case Field::skip:
                return;
            default:
                put_extra(v.text);
                return;
        }
    }

    void finish_node() {
        for (const Cell& c : nodes_.row(nodes_.rows() - 1))
            if (c.column == node_id) return;
        fail(object_at_, "node has no \"id\"");
    }

    void finish_link() {
        bool source = false, target = false;
        for (const Cell& c : links_.row(links_.rows() - 1)) {
            source = source || c.column == link_source;
            target = target || c.column == link_target;
        }
        if (!source) fail(object_at_, "link has no \"source\"");
        if (!target) fail(object_at_, "link has no \"target\"");
        const std::int32_t start = start_year_.back(), end = end_year_.back();
        if (start != no_year && end != no_year && end < start)
            fail(end_year_at_, "end_year " + std::to_string(end) + " is before start_year " + std::to_string(start));
    }

    void check_table_size(const ExtraNames& extras, std::size_t rows, const char* table) const {
        const std::size_t columns = extras.names().size();
        const std::size_t most = max_extra_cells(text_.size());
        if (rows == 0 || columns <= most / rows) return;
        const std::size_t column = most / rows;  // the first column past the limit
        fail(extras.first_at(column), std::string("the ") + table + " have " + std::to_string(columns) +
                                          " different keys; with " + std::to_string(rows) + " " + table +
                                          " that is more extra values than essnet holds (" + std::to_string(most) +
                                          " for a file of this size)");
    }

    ActorNetwork build() {
        check_table_size(node_extras_, nodes_.rows(), "nodes");
        check_table_size(link_extras_, links_.rows(), "links");
        std::unordered_map<std::string, std::size_t>().swap(node_ids_);  // the network keeps its own index
        ActorNetwork net(node_extras_.names(), link_extras_.names());
        std::vector<std::string_view> extra;
        for (std::size_t r = 0; r < nodes_.rows(); ++r) {
            std::string_view fixed[node_extra];
            extra.assign(node_extras_.names().size(), {});
            for (const Cell& c : nodes_.row(r)) {
                if (c.column < node_extra)
                    fixed[c.column] = nodes_.text(c);
                else
                    extra[c.column - node_extra] = nodes_.text(c);
            }
            net.add_actor_row(fixed[node_id], fixed[node_name], fixed[node_kind], fixed[node_country],
                              fixed[node_region], founded_[r], extra);
        }
        net.reserve_ties(links_.rows());
        for (std::size_t r = 0; r < links_.rows(); ++r) {
            std::string_view fixed[link_extra];
            extra.assign(link_extras_.names().size(), {});
            for (const Cell& c : links_.row(r)) {
                if (c.column < link_extra)
                    fixed[c.column] = links_.text(c);
                else
                    extra[c.column - link_extra] = links_.text(c);
            }
            const auto actor = [&](LinkColumn column, std::size_t at) {
                const auto row = net.find_actor(fixed[column]);
                if (!row)
                    fail(at, std::string("link ") + (column == link_source ? "source " : "target ") +
                                 detail::quoted(fixed[column]) + " is not the id of a node");
                return *row;
            };
            const std::int32_t s = actor(link_source, source_at_[r]);
            const std::int32_t t = actor(link_target, target_at_[r]);
            const bool directed = directed_[r] < 0 ? directed_default_ : directed_[r] == 1;
            net.add_tie_rows(s, t, fixed[link_relation], directed, weight_[r], start_year_[r], end_year_[r],
                             fixed[link_provenance], extra);
        }
        return net;
    }

    std::string_view text_;
    const std::string& name_;
    std::size_t prev_end_ = 0;  // end of the last token reported by the parser

    Where where_ = Where::top_value;
    Field field_ = Field::top_skip;
    std::uint32_t extra_column_ = 0;
    std::size_t skip_depth_ = 0;  // > 0 inside a value that is skipped
    CompactJson compact_;         // active inside an array or object kept as an extra value
    std::size_t top_at_ = 0, object_at_ = 0, end_year_at_ = 0;
    std::unordered_set<std::string> top_keys_, keys_seen_;
    bool nodes_seen_ = false, links_seen_ = false, directed_default_ = false;
    std::string links_key_ = "links";  // or "edges", as the file names it

    TextRows nodes_;
    ExtraNames node_extras_;
    std::vector<std::int32_t> founded_;
    std::unordered_map<std::string, std::size_t> node_ids_;  // id -> offset of its first definition

    TextRows links_;
    ExtraNames link_extras_;
    std::vector<double> weight_;
    std::vector<std::int32_t> start_year_, end_year_;
    std::vector<std::int8_t> directed_;  // -1: the top-level "directed"
    std::vector<std::size_t> source_at_, target_at_;
};

// ---------------------------------------------------------------------------------------------
// Writer.

void check_utf8(std::string_view s, const std::string& what) {
    if (detail::find_invalid_utf8(s) != std::string_view::npos)
        throw std::invalid_argument(what + " is not valid UTF-8 text: " + detail::quoted(s));
}

void append_string(std::string& out, std::string_view s, const std::string& what) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            check_utf8(s, what);
            break;
        }
    }
    append_json_string(out, s);
}

/// A double as the shortest JSON number that reads back as the same value, always with a
/// fraction or exponent, as Python writes floats (1 -> 1.0).
void append_double(std::string& out, double v) {
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    std::string_view s(buffer, static_cast<std::size_t>(end - buffer));
    out.append(s);
    if (s.find_first_of(".e") == std::string_view::npos) out += ".0";
}

/// A value of a typed extra column.
void append_typed(std::string& out, std::string_view value, detail::ValueType type, const std::string& what) {
    if (type == detail::ValueType::text)
        append_string(out, value, what);
    else
        out.append(value);  // true/false, or a JSON number (see column_types)
}

/// The type each extra column is written as: detail::ColumnType's, except that a number column
/// with a value that is not spelt as a JSON number (007, .5, 5.) is text, so that its text is kept.
std::vector<detail::ValueType> column_types(const std::vector<ExtraColumn>& columns, const char* table,
                                            const std::vector<std::string_view>& reserved) {
    std::vector<detail::ValueType> types;
    for (const ExtraColumn& c : columns) {
        if (std::find(reserved.begin(), reserved.end(), c.name) != reserved.end())
            throw std::invalid_argument(std::string("cannot write the extra ") + table + " column " +
                                        detail::quoted(c.name) + " as JSON node-link: " + table +
                                        " objects use that key for an essnet field; rename the column");
        check_utf8(c.name, std::string("the name of an extra ") + table + " column");
        detail::ColumnType type;
        bool json_numbers = true;
        for (std::size_t r = 0; r < c.values.size(); ++r) {
            const std::string_view v = c.values[r];
            type.add(v);
            json_numbers = json_numbers && (v.empty() || is_json_number(v));
        }
        const detail::ValueType t = type.type();
        types.push_back(t == detail::ValueType::real && !json_numbers ? detail::ValueType::text : t);
    }
    return types;
}

}  // namespace

ActorNetwork parse_json(std::string_view text, const std::string& name) {
    NodeLinkReader reader(text, name);
    return reader.read();
}

ActorNetwork read_json(const std::string& path) {
    const std::string text = detail::read_file(path);
    return parse_json(text, path);
}

std::string json_text(const ActorNetwork& network) {
    const ActorTable& a = network.actors();
    const TieTable& t = network.ties();
    const auto actor_types = column_types(a.extra, "actor", {"id", "name", "kind", "country", "region", "founded"});
    const auto tie_types = column_types(
        t.extra, "tie",
        {"source", "target", "relation", "weight", "start_year", "end_year", "provenance", "directed", "key"});

    bool any_directed = false, any_undirected = false;
    for (const std::uint8_t d : t.directed) (d ? any_directed : any_undirected) = true;
    const bool directed = any_directed;  // true when all or some ties are directed
    const bool mixed = any_directed && any_undirected;

    // networkx keys: the ties of one pair numbered 0, 1, ... in tie order.
    std::vector<std::uint32_t> keys(t.size());
    bool multigraph = false;
    {
        std::unordered_map<std::uint64_t, std::uint32_t> seen;
        seen.reserve(t.size());
        for (std::size_t e = 0; e < t.size(); ++e) {
            auto u = static_cast<std::uint32_t>(t.source[e]), v = static_cast<std::uint32_t>(t.target[e]);
            if (!directed && v < u) std::swap(u, v);
            keys[e] = seen[(std::uint64_t{u} << 32) | v]++;
            multigraph = multigraph || keys[e] > 0;
        }
    }

    std::string out;
    out.reserve(64 + 48 * a.size() + 64 * t.size());
    out += "{\n  \"directed\": ";
    out += directed ? "true" : "false";
    out += ",\n  \"multigraph\": ";
    out += multigraph ? "true" : "false";
    out += ",\n  \"graph\": {},\n  \"nodes\": [";
    const auto field = [&](const char* key) {
        out += ", \"";
        out += key;
        out += "\": ";
    };
    const auto text_field = [&](const char* key, std::string_view value, const auto& where) {
        if (value.empty()) return;
        field(key);
        append_string(out, value, where() + " " + key);
    };
    for (std::size_t r = 0; r < a.size(); ++r) {
        const auto where = [&] { return "actor " + detail::quoted(a.id[r]); };
        out += r == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ";
        append_string(out, a.id[r], "actor id");
        text_field("name", a.name[r], where);
        text_field("kind", a.kind[r], where);
        text_field("country", a.country[r], where);
        text_field("region", a.region[r], where);
        if (a.founded[r] != no_year) {
            field("founded");
            out += std::to_string(a.founded[r]);
        }
        for (std::size_t c = 0; c < a.extra.size(); ++c) {
            const std::string_view value = a.extra[c].values[r];
            if (value.empty()) continue;
            out += ", ";
            append_string(out, a.extra[c].name, "column name");
            out += ": ";
            append_typed(out, value, actor_types[c], where() + " " + a.extra[c].name);
        }
        out += '}';
    }
    out += a.size() == 0 ? "],\n  \"links\": [" : "\n  ],\n  \"links\": [";
    for (std::size_t e = 0; e < t.size(); ++e) {
        const auto where = [&] { return "tie " + std::to_string(e); };
        const double w = t.weight[e];
        if (!std::isfinite(w) || w < 0)
            throw std::invalid_argument("tie " + std::to_string(e) + " has weight " + std::to_string(w) +
                                        "; JSON node-link weights are finite non-negative numbers");
        out += e == 0 ? "\n    {\"source\": " : ",\n    {\"source\": ";
        append_string(out, a.id[static_cast<std::size_t>(t.source[e])], "actor id");
        out += ", \"target\": ";
        append_string(out, a.id[static_cast<std::size_t>(t.target[e])], "actor id");
        if (multigraph) {
            field("key");
            out += std::to_string(keys[e]);
        }
        if (mixed) {
            field("directed");
            out += t.directed[e] ? "true" : "false";
        }
        text_field("relation", t.relation[e], where);
        field("weight");
        append_double(out, w == 0 ? 0.0 : w);
        if (t.start_year[e] != no_year) {
            field("start_year");
            out += std::to_string(t.start_year[e]);
        }
        if (t.end_year[e] != no_year) {
            field("end_year");
            out += std::to_string(t.end_year[e]);
        }
        text_field("provenance", t.provenance[e], where);
        for (std::size_t c = 0; c < t.extra.size(); ++c) {
            const std::string_view value = t.extra[c].values[e];
            if (value.empty()) continue;
            out += ", ";
            append_string(out, t.extra[c].name, "column name");
            out += ": ";
            append_typed(out, value, tie_types[c], where() + " " + t.extra[c].name);
        }
        out += '}';
    }
    out += t.size() == 0 ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

void write_json(const ActorNetwork& network, const std::string& path) {
    write_file_atomically(path, json_text(network));
}

}  // namespace essnet
