// Shared by the GraphML and GEXF readers and writers (private to src/io): building an ActorNetwork
// from string ids as elements stream in, and writing text in pieces.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <optional>
#include <vector>

#include "essnet/core/error.hpp"
#include "essnet/detail/numbers.hpp"
#include "essnet/detail/text.hpp"
#include "essnet/io/atomic_file.hpp"
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
        case ValueKind::text: break;
    }
    return std::string(value);
}

inline const char* type_error(ValueKind type) {
    switch (type) {
        case ValueKind::integer: return "is not an integer";
        case ValueKind::real: return "is not a number";
        case ValueKind::boolean: return "is not a boolean (true or false)";
        case ValueKind::text: break;
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
            throw ParseError(file, p.line, p.column, "edge names the unknown node " + detail::quoted(!s ? p.source : p.target));
        const std::vector<std::string_view> extra(p.extra.begin(), p.extra.end());
        network.add_tie_rows(*s, *t, p.relation, p.directed, p.weight, p.start_year, p.end_year, p.provenance, extra);
    }
}

/// Text without the blanks and line breaks around it (typed XML values).
inline std::string_view trim_space(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
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
