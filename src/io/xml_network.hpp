// Shared by the GraphML and GEXF readers and writers (private to src/io): building an ActorNetwork
// from string ids as elements stream in, and writing text in pieces.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <optional>
#include <vector>

#include "essnet/detail/numbers.hpp"
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
