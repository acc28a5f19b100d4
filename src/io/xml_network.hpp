// Shared by the GraphML and GEXF readers and writers (private to src/io): building an ActorNetwork
// from string ids as elements stream in, and writing text in pieces.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "essnet/core/error.hpp"
#include "essnet/detail/numbers.hpp"
#include "essnet/detail/text.hpp"
#include "essnet/io/atomic_file.hpp"
#include "essnet/io/attribute_types.hpp"
#include "essnet/model/actor_network.hpp"
#include "essnet/model/id_index.hpp"

namespace essnet::detail {

/// The node ids of a file, numbered in order of appearance (the actor rows).
class NodeIds {
public:
    std::optional<std::int32_t> find(std::string_view id) const { return index_.find(id, ids_); }
    /// Numbers a new id; false when it was already seen.
    bool add(std::string_view id) {
        ids_.emplace_back(id);
        if (index_.insert(static_cast<std::int32_t>(ids_.size() - 1), ids_)) return true;
        ids_.pop_back();
        return false;
    }

private:
    std::vector<std::string> ids_;
    IdIndex index_;
};

/// A tie whose endpoints are given by id, with the position it was read at.
struct PendingTie {
    std::string source, target, relation, provenance;
    bool directed = true;
    double weight = 1;
    std::int32_t start_year = no_year, end_year = no_year;
    std::vector<std::string> extra;
    std::int64_t line = 0, column = 0;
};

/// The name an extra column read from a file gets: its own, or with "_attribute" appended when it
/// is the name of a built-in column (a GEXF node attribute titled "name", say, whose actor name is
/// the node label) or of a column already taken.
inline std::string extra_column_name(std::string name, const std::vector<std::string>& reserved,
                                     const std::vector<std::string>& taken) {
    auto used = [&](const std::string& n) {
        return std::find(reserved.begin(), reserved.end(), n) != reserved.end() ||
               std::find(taken.begin(), taken.end(), n) != taken.end();
    };
    if (name.empty()) name = "attribute";
    while (used(name)) name += "_attribute";
    return name;
}

/// The types of GraphML keys and GEXF attributes that essnet checks (others are text).
enum class ValueKind { text, integer, real, boolean };

// The value of a typed attribute as essnet keeps it (booleans as true or false, whatever the tool wrote:
// "True" as networkx, "1" as graph-tool), or std::nullopt when it does not fit the type.
inline std::optional<std::string> typed_value(ValueKind type, std::string_view value) {
    switch (type) {
        case ValueKind::integer: {
            std::int64_t v;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec != std::errc{} || end != value.data() + value.size() || value.empty()) return std::nullopt;
            break;
        }
        case ValueKind::real: {
            std::string_view v = value;
            if (!v.empty() && v.front() == '+') v.remove_prefix(1);
            double x;
            const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
            if ((ec != std::errc{} && ec != std::errc::result_out_of_range) || end != v.data() + v.size() || v.empty())
                return std::nullopt;
            break;
        }
        case ValueKind::boolean:
            if (value == "true" || value == "True" || value == "TRUE" || value == "1") return "true";
            if (value == "false" || value == "False" || value == "FALSE" || value == "0") return "false";
            return std::nullopt;
        case ValueKind::text:
            break;
    }
    return std::string(value);
}

inline const char* type_error(ValueKind type) {
    switch (type) {
        case ValueKind::integer:
            return "is not an integer";
        case ValueKind::real:
            return "is not a number";
        case ValueKind::boolean:
            return "is not a boolean (true or false)";
        case ValueKind::text:
            break;
    }
    return "";
}

/// Adds the ties that named nodes declared after them, once every node is known; a ParseError at
/// the tie's element for a node that never came.
inline void add_pending_ties(ActorNetwork& network, const NodeIds& ids, const std::vector<PendingTie>& pending,
                             const std::string& file) {
    for (const auto& p : pending) {
        const auto s = ids.find(p.source), t = ids.find(p.target);
        if (!s || !t)
            throw ParseError(file, p.line, p.column,
                             "edge names the unknown node " + detail::quoted(!s ? p.source : p.target));
        const std::vector<std::string_view> extra(p.extra.begin(), p.extra.end());
        network.add_tie_rows(*s, *t, p.relation, p.directed, p.weight, p.start_year, p.end_year, p.provenance, extra);
    }
}

/// Text without the blanks and line breaks around it (typed XML values).
inline std::string_view trim_space(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

/// The year a field holds (no_year when empty); otherwise throws error(message) naming the field.
template <class MakeError>
std::int32_t year_field(std::string_view text, const char* field, MakeError&& error) {
    const auto year = parse_year(text);
    if (!year) throw error(std::string(field) + " " + quoted(text) + " is not a year in -9999..9999");
    return *year;
}

/// Checks the years of a tie; returns an error message or "".
inline std::string check_tie_years(std::int32_t start, std::int32_t end) {
    if (start != no_year && end != no_year && end < start)
        return "end year " + std::to_string(end) + " is before start year " + std::to_string(start);
    return {};
}

/// Shortest text that reads back as the same double.
inline std::string number_text(double x) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
    return std::string(buffer, end);
}

/// A column that a writer of a typed format writes as an attribute: its name, its type, and each
/// row's value (empty: left out), formatted into `scratch` when it is not stored as text.
struct WrittenColumn {
    std::string name;
    ValueType type;
    std::function<std::string_view(std::size_t row, std::string& scratch)> value;
};

enum class NameColumn { leave_out, when_used, always };

inline std::string_view year_text(std::int32_t year, std::string& scratch) {
    if (year == no_year) return {};
    scratch = std::to_string(year);
    return scratch;
}

template <class Column>
bool any_value(const Column& column, std::size_t rows) {
    for (std::size_t i = 0; i < rows; ++i)
        if (!column[i].empty()) return true;
    return false;
}

/// The extra columns that hold a value, each typed by the narrowest type that holds all its values.
inline void add_extra_columns(std::vector<WrittenColumn>& columns, const std::vector<ExtraColumn>& extra,
                              std::size_t n) {
    for (const auto& c : extra) {
        if (!any_value(c.values, n)) continue;
        ColumnType type;
        for (std::size_t i = 0; i < n; ++i) type.add(c.values[i]);
        columns.push_back({c.name, type.type(), [&c](std::size_t i, std::string&) { return c.values[i]; }});
    }
}

/// The actor columns that hold a value: name (as `name` says), kind, country, region, founded and
/// the extra columns, each extra typed by the narrowest type that holds all its values.
inline std::vector<WrittenColumn> actor_columns(const ActorTable& a, NameColumn name) {
    const std::size_t n = a.size();
    std::vector<WrittenColumn> columns;
    auto text = [&](const char* title, const auto& column) {
        if (any_value(column, n))
            columns.push_back({title, ValueType::text, [&column](std::size_t i, std::string&) { return column[i]; }});
    };
    if (name == NameColumn::always)
        columns.push_back({"name", ValueType::text, [&a](std::size_t i, std::string&) { return a.name[i]; }});
    else if (name == NameColumn::when_used)
        text("name", a.name);
    text("kind", a.kind);
    text("country", a.country);
    text("region", a.region);
    if (std::any_of(a.founded.begin(), a.founded.end(), [](std::int32_t y) { return y != no_year; }))
        columns.push_back({"founded", ValueType::integer,
                           [&a](std::size_t i, std::string& s) { return year_text(a.founded[i], s); }});
    add_extra_columns(columns, a.extra, n);
    return columns;
}

/// The tie columns that hold a value: relation, then (with `weight_and_years`) weight when some
/// weight is not 1 and the start and end years, then provenance and the extra columns.
inline std::vector<WrittenColumn> tie_columns(const TieTable& t, bool weight_and_years) {
    const std::size_t n = t.size();
    std::vector<WrittenColumn> columns;
    if (any_value(t.relation, n))
        columns.push_back({"relation", ValueType::text, [&t](std::size_t i, std::string&) { return t.relation[i]; }});
    if (weight_and_years) {
        if (std::any_of(t.weight.begin(), t.weight.end(), [](double w) { return w != 1.0; }))
            columns.push_back({"weight", ValueType::real, [&t](std::size_t i, std::string& s) {
                                   s = number_text(t.weight[i]);
                                   return std::string_view(s);
                               }});
        auto dated = [](const std::vector<std::int32_t>& years) {
            return std::any_of(years.begin(), years.end(), [](std::int32_t y) { return y != no_year; });
        };
        if (dated(t.start_year))
            columns.push_back({"start_year", ValueType::integer,
                               [&t](std::size_t i, std::string& s) { return year_text(t.start_year[i], s); }});
        if (dated(t.end_year))
            columns.push_back({"end_year", ValueType::integer,
                               [&t](std::size_t i, std::string& s) { return year_text(t.end_year[i], s); }});
    }
    if (any_value(t.provenance, n))
        columns.push_back(
            {"provenance", ValueType::text, [&t](std::size_t i, std::string&) { return t.provenance[i]; }});
    add_extra_columns(columns, t.extra, n);
    return columns;
}

/// One row's values, each computed once.
class RowValues {
public:
    explicit RowValues(const std::vector<WrittenColumn>& columns)
        : columns_(columns), scratch_(columns.size()), values_(columns.size()) {}
    void fill(std::size_t row) {
        for (std::size_t k = 0; k < columns_.size(); ++k) values_[k] = columns_[k].value(row, scratch_[k]);
    }
    std::string_view operator[](std::size_t k) const { return values_[k]; }
    std::size_t size() const { return values_.size(); }

private:
    const std::vector<WrittenColumn>& columns_;
    std::vector<std::string> scratch_;
    std::vector<std::string_view> values_;
};

/// Text output gathered in a buffer and handed to an AtomicFile every MiB.
class ChunkedWriter {
public:
    explicit ChunkedWriter(AtomicFile* file) : file_(file) {}
    std::string& buffer() { return buffer_; }
    void maybe_flush() {
        if (file_ && buffer_.size() >= (1u << 20)) {
            file_->write(buffer_);
            buffer_.clear();
        }
    }
    void finish() {
        if (file_) {
            file_->write(buffer_);
            buffer_.clear();
            file_->commit();
        }
    }

private:
    AtomicFile* file_;
    std::string buffer_;
};

}  // namespace essnet::detail
