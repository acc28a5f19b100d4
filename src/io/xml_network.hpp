// Shared by the GraphML and GEXF readers and writers (private to src/io): building an ActorNetwork
// from string ids as elements stream in, and writing text in pieces.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "essnet/detail/numbers.hpp"
#include "essnet/io/atomic_file.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet::detail {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using IdMap = std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>>;

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
