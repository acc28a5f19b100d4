#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "essnet/detail/numbers.hpp"
#include "essnet/detail/read_file.hpp"
#include "essnet/detail/text.hpp"
#include "essnet/io/edgelist.hpp"

namespace essnet {

namespace {

// Node names to dense ids. Canonical decimal integers (the common case in large edge lists) are
// looked up by value: small values in a direct table, others in an open-addressing hash table.
// Every other name goes through a string map. Whether a token is a canonical integer depends on its
// spelling alone ("7" is, "007" is not), so the paths never disagree about a name.
class NodeIndex {
public:
    explicit NodeIndex(std::vector<std::string>& names) : names_(names) { rehash(1 << 10); }

    node_id get_name(std::string_view token) {
        auto it = by_name_.find(std::string(token));
        if (it != by_name_.end()) return it->second;
        const auto id = new_id(token);
        by_name_.emplace(std::string(token), id);
        return id;
    }

    node_id get_integer(std::uint64_t value, std::string_view token) {
        if (value >= dense_.size() && value < dense_limit()) grow_dense(value);
        if (value < dense_.size()) {
            node_id& id = dense_[value];
            if (id < 0) id = new_id(token);
            return id;
        }
        const std::uint64_t key = value + 1;  // 0 marks an empty slot
        std::size_t slot = mix(key) & mask_;
        while (slots_[slot].key != 0) {
            if (slots_[slot].key == key) return slots_[slot].id;
            slot = (slot + 1) & mask_;
        }
        const node_id id = new_id(token);
        slots_[slot] = {key, id};
        if (++used_ * 2 > slots_.size()) rehash(slots_.size() * 2);
        return id;
    }

private:
    struct Slot {
        std::uint64_t key;
        node_id id;
    };

    // The direct table may cover values up to a few times the number of nodes seen (at least 4M
    // values, 16 MB), so a sparse set of huge ids cannot make it explode.
    std::size_t dense_limit() const { return std::max<std::size_t>(std::size_t{1} << 22, 4 * names_.size()); }

    void grow_dense(std::uint64_t value) {
        const std::size_t size =
            std::min<std::size_t>(dense_limit(), std::max<std::size_t>(value + 1, 2 * dense_.size()));
        dense_.resize(size, -1);
        // Move hashed values that the direct table now covers.
        std::vector<Slot> keep;
        for (const Slot& s : slots_) {
            if (s.key == 0) continue;
            if (s.key - 1 < size)
                dense_[s.key - 1] = s.id;
            else
                keep.push_back(s);
        }
        std::fill(slots_.begin(), slots_.end(), Slot{0, 0});
        used_ = 0;
        for (const Slot& s : keep) insert_slot(s);
    }
    static std::uint64_t mix(std::uint64_t x) {  // splitmix64 finalizer
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    void insert_slot(const Slot& s) {
        std::size_t slot = mix(s.key) & mask_;
        while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
        slots_[slot] = s;
        ++used_;
    }
    node_id new_id(std::string_view token) {
        if (names_.size() >= static_cast<std::size_t>(std::numeric_limits<node_id>::max()))
            throw std::length_error("an edge list may name at most 2^31-1 nodes");
        names_.emplace_back(token);
        return static_cast<node_id>(names_.size() - 1);
    }
    void rehash(std::size_t capacity) {
        std::vector<Slot> old(capacity, Slot{0, 0});
        old.swap(slots_);
        mask_ = capacity - 1;
        used_ = 0;
        for (const Slot& s : old)
            if (s.key != 0) insert_slot(s);
    }

    std::vector<std::string>& names_;
    std::vector<node_id> dense_;
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t used_ = 0;
    std::unordered_map<std::string, node_id> by_name_;
};

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

inline bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

class LineParser {
public:
    LineParser(const std::string& path, bool weighted, EdgeList& out)
        : path_(path), weighted_(weighted), out_(out), index_(out.names) {}

    void parse(std::string_view line, std::int64_t line_number) {
        line_ = line;
        line_number_ = line_number;
        if (line_number == 1 && line_.substr(0, 3) == "\xEF\xBB\xBF") line_.remove_prefix(3);  // byte-order mark
        while (!line_.empty() && line_.back() == '\r') line_.remove_suffix(1);
        std::size_t p = 0;
        while (p < line_.size() && is_blank(line_[p])) ++p;
        if (p == line_.size() || line_[p] == '#' || line_[p] == '%') return;
        const std::size_t expected = weighted_ ? 3 : 2;
        std::string_view fields[3];
        std::size_t starts[3];
        std::uint64_t values[3];
        bool integers[3];
        std::size_t count = 0;
        for (;;) {
            const std::size_t start = p;
            std::uint64_t value = 0;
            bool digits = true;
            while (p < line_.size() && !is_blank(line_[p]) && line_[p] != ',') {
                if (line_[p] == '\r')
                    fail(p,
                         "carriage return inside a line; lines must end with LF or CRLF (convert a file with "
                         "CR-only line ends first)");
                if (line_[p] == '\0') fail(p, "NUL byte in a text file");
                const auto d = static_cast<unsigned>(line_[p]) - unsigned{'0'};
                digits = digits && d <= 9;
                value = value * 10 + d;
                ++p;
            }
            if (p == start) fail(start, "empty field");
            if (count == expected)
                fail(start, "expected " + std::to_string(expected) + " fields (source target" +
                                (weighted_ ? " weight" : "") + "), found more" +
                                (weighted_ ? ""
                                           : "; read a third field as a weight with the weighted option (--weighted, "
                                             "weighted=True)"));
            fields[count] = line_.substr(start, p - start);
            values[count] = value;
            // Canonical: digits only, no leading zero, short enough not to overflow.
            integers[count] = digits && p - start <= 18 && (line_[start] != '0' || p - start == 1);
            starts[count++] = start;
            while (p < line_.size() && is_blank(line_[p])) ++p;
            if (p < line_.size() && line_[p] == ',') {
                ++p;
                while (p < line_.size() && is_blank(line_[p])) ++p;
                if (p == line_.size()) fail(p, "empty field after ','");
            }
            if (p == line_.size()) break;
        }
        if (count < expected)
            fail(line_.size(), "expected " + std::to_string(expected) + " fields (source target" +
                                   (weighted_ ? " weight" : "") + "), found " + std::to_string(count));
        out_.sources.push_back(integers[0] ? index_.get_integer(values[0], fields[0]) : node(fields[0], starts[0]));
        out_.targets.push_back(integers[1] ? index_.get_integer(values[1], fields[1]) : node(fields[1], starts[1]));
        if (weighted_) out_.weights.push_back(weight(fields[2], starts[2]));
    }

private:
    node_id node(std::string_view token, std::size_t start) {
        for (const char c : token) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                const auto bad = detail::find_invalid_utf8(token);
                if (bad != std::string_view::npos) fail(start + bad, "invalid UTF-8 byte sequence in a node name");
                break;
            }
        }
        return index_.get_name(token);
    }
    double weight(std::string_view token, std::size_t start) {
        const auto w = detail::parse_weight(token);
        if (!w.error.empty()) fail(start, w.error);
        return w.value;
    }
    [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
        throw ParseError(path_, line_number_, detail::column_of(line_, 0, offset), message);
    }

    const std::string& path_;
    bool weighted_;
    EdgeList& out_;
    NodeIndex index_;
    std::string_view line_;
    std::int64_t line_number_ = 0;
};

}  // namespace

EdgeList read_edgelist_arrays(const std::string& path, const EdgeListOptions& options) {
    const bool weighted = options.weighted;
    std::unique_ptr<std::FILE, FileCloser> file(detail::open_for_reading(path));
    EdgeList out;
    struct stat info {};
    if (::fstat(::fileno(file.get()), &info) == 0 && S_ISREG(info.st_mode)) {  // reserve for ~12 bytes per line
        out.sources.reserve(static_cast<std::size_t>(info.st_size) / 12);
        out.targets.reserve(static_cast<std::size_t>(info.st_size) / 12);
    }
    LineParser parser(path, weighted, out);
    constexpr std::size_t block = 1 << 22;
    std::string buffer(block, '\0');
    std::size_t carried = 0;  // bytes of an unfinished line kept at the front of the buffer
    std::int64_t line_number = 0;
    for (;;) {
        if (carried == buffer.size()) buffer.resize(buffer.size() * 2);  // a line longer than the block
        const std::size_t got = std::fread(buffer.data() + carried, 1, buffer.size() - carried, file.get());
        if (got == 0 && std::ferror(file.get())) throw FileError(path, errno, "read");
        const std::size_t size = carried + got;
        const bool at_end = got == 0;
        std::string_view data(buffer.data(), size);
        std::size_t start = 0;
        for (;;) {
            const auto nl = static_cast<const char*>(std::memchr(data.data() + start, '\n', size - start));
            if (!nl) break;
            const auto end = static_cast<std::size_t>(nl - data.data());
            parser.parse(data.substr(start, end - start), ++line_number);
            start = end + 1;
        }
        if (at_end) {
            if (start < size) parser.parse(data.substr(start), ++line_number);
            break;
        }
        carried = size - start;
        std::memmove(buffer.data(), buffer.data() + start, carried);
    }
    return out;
}

Graph read_edgelist(const std::string& path, const EdgeListOptions& options) {
    EdgeList list = read_edgelist_arrays(path, options);
    GraphBuilder builder(static_cast<node_id>(list.names.size()), {.directed = options.directed,
                                                                   .weighted = options.weighted,
                                                                   .duplicates = options.duplicates,
                                                                   .self_loops = options.self_loops});
    builder.add_edges(list.sources, list.targets, list.weights);
    builder.set_node_names(std::move(list.names));
    return std::move(builder).build();
}

}  // namespace essnet
