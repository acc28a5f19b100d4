// Reading and writing the binary snapshot.
#include "essnet/io/snapshot.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <type_traits>

#include "essnet/detail/numbers.hpp"
#include "essnet/detail/read_file.hpp"
#include "essnet/io/atomic_file.hpp"

namespace essnet {

namespace {

constexpr char magic[8] = {'E', 'S', 'S', 'N', 'E', 'T', 'S', 'N'};
constexpr std::uint32_t format_version = 1;
constexpr std::uint32_t byte_order_mark = 0x01020304;
constexpr std::size_t header_size = 8 + 4 + 4 + 8 + 8;

enum Tag : std::uint32_t { network_tag = 1, graph_tag = 2, named_graph_tag = 3 };

static_assert(std::endian::native == std::endian::little, "the snapshot format is little-endian");

// XXH64 (Yann Collet, https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md), seed 0:
// a fast checksum that catches truncation and flipped bits.
constexpr std::uint64_t p1 = 0x9E3779B185EBCA87ull, p2 = 0xC2B2AE3D27D4EB4Full, p3 = 0x165667B19E3779F9ull,
                        p4 = 0x85EBCA77C2B2AE63ull, p5 = 0x27D4EB2F165667C5ull;
std::uint64_t read64(const unsigned char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
std::uint32_t read32(const unsigned char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}
std::uint64_t xxh_round(std::uint64_t acc, std::uint64_t lane) {
    return std::rotl(acc + lane * p2, 31) * p1;
}
std::uint64_t merge(std::uint64_t acc, std::uint64_t v) {
    return (acc ^ xxh_round(0, v)) * p1 + p4;
}

}  // namespace

namespace detail {

std::uint64_t xxh64(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    std::uint64_t h;
    if (bytes.size() >= 32) {
        std::uint64_t v1 = p1 + p2, v2 = p2, v3 = 0, v4 = 0 - p1;
        for (; p + 32 <= end; p += 32) {
            v1 = xxh_round(v1, read64(p));
            v2 = xxh_round(v2, read64(p + 8));
            v3 = xxh_round(v3, read64(p + 16));
            v4 = xxh_round(v4, read64(p + 24));
        }
        h = std::rotl(v1, 1) + std::rotl(v2, 7) + std::rotl(v3, 12) + std::rotl(v4, 18);
        h = merge(merge(merge(merge(h, v1), v2), v3), v4);
    } else {
        h = p5;
    }
    h += bytes.size();
    for (; p + 8 <= end; p += 8) h = std::rotl(h ^ xxh_round(0, read64(p)), 27) * p1 + p4;
    if (p + 4 <= end) {
        h = std::rotl(h ^ (static_cast<std::uint64_t>(read32(p)) * p1), 23) * p2 + p3;
        p += 4;
    }
    for (; p < end; ++p) h = std::rotl(h ^ (*p * p5), 11) * p1;
    h ^= h >> 33;
    h *= p2;
    h ^= h >> 29;
    h *= p3;
    h ^= h >> 32;
    return h;
}

}  // namespace detail

/// Friend of the network, column and graph classes: moves their arrays in and out as they are.
class SnapshotCodec {
public:
    // ---- writing ----
    class Out {
    public:
        std::string bytes;
        template <class T>
        void value(T v) {
            static_assert(std::is_trivially_copyable_v<T>);
            bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
        }
        template <class T>
        void array(const std::vector<T>& v) {
            value<std::uint64_t>(v.size());
            bytes.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
        }
        void text(std::string_view s) {
            value<std::uint64_t>(s.size());
            bytes.append(s);
        }
        void texts(const std::vector<std::string>& list) {  // stored as a text column is
            StringColumn c;
            for (const auto& s : list) c.push_back(s);
            column(c);
        }
        void column(const StringColumn& c) {
            array(c.offsets_);
            text(c.chars_);
        }
        void column(const CategoricalColumn& c) {
            texts(c.categories_);
            array(c.codes_);
        }
        void extras(const std::vector<ExtraColumn>& list) {
            value<std::uint64_t>(list.size());
            for (const auto& c : list) {
                text(c.name);
                column(c.values);
            }
        }
    };

    static void write_network(Out& out, const ActorNetwork& net) {
        const auto& a = net.actors_;
        out.texts(a.id);
        out.column(a.name);
        out.column(a.kind);
        out.column(a.country);
        out.column(a.region);
        out.array(a.founded);
        out.extras(a.extra);
        const auto& t = net.ties_;
        out.array(t.source);
        out.array(t.target);
        out.column(t.relation);
        out.array(t.directed);
        out.array(t.weight);
        out.array(t.start_year);
        out.array(t.end_year);
        out.column(t.provenance);
        out.extras(t.extra);
    }

    static void write_graph(Out& out, const Graph& g) {
        out.value<std::uint8_t>(g.directed_);
        out.value<std::uint8_t>(g.weighted_);
        out.array(g.offsets_);
        out.array(g.targets_);
        out.array(g.arc_edges_);
        out.array(g.in_offsets_);
        out.array(g.in_sources_);
        out.array(g.in_arc_edges_);
        out.array(g.edge_sources_);
        out.array(g.edge_targets_);
        out.array(g.weights_);
        out.texts(g.node_names_);
        out.array(g.node_actors_);
        out.array(g.edge_rows_);
    }

    // ---- reading ----
    class In {
    public:
        In(std::string_view bytes, std::size_t base, const std::string& name)
            : bytes_(bytes), base_(base), name_(name) {}

        [[noreturn]] void fail(const std::string& message) const {
            throw ParseError(name_, 1, static_cast<std::int64_t>(base_ + at_) + 1,
                             "invalid snapshot at byte " + std::to_string(base_ + at_) + ": " + message);
        }
        bool done() const { return at_ == bytes_.size(); }
        std::size_t at() const { return at_; }

        template <class T>
        T value() {
            T v;
            if (bytes_.size() - at_ < sizeof v) fail("the data ends early");
            std::memcpy(&v, bytes_.data() + at_, sizeof v);
            at_ += sizeof v;
            return v;
        }
        template <class T>
        std::vector<T> array() {
            const auto count = value<std::uint64_t>();
            if (count > (bytes_.size() - at_) / sizeof(T))
                fail("an array of " + std::to_string(count) + " values runs past the end");
            std::vector<T> v(static_cast<std::size_t>(count));
            if (!v.empty())
                std::memcpy(v.data(), bytes_.data() + at_, v.size() * sizeof(T));  // memcpy of null is undefined
            at_ += v.size() * sizeof(T);
            return v;
        }
        std::string text() {
            const auto size = value<std::uint64_t>();
            if (size > bytes_.size() - at_) fail("a text of " + std::to_string(size) + " bytes runs past the end");
            std::string s(bytes_.substr(at_, static_cast<std::size_t>(size)));
            at_ += static_cast<std::size_t>(size);
            return s;
        }
        // Offsets from 0 to `size`, never decreasing, `count` + 1 of them (any count when count < 0).
        void check_offsets(const std::vector<std::int64_t>& offsets, std::int64_t count, std::size_t size,
                           const char* what) {
            if (offsets.empty() || (count >= 0 && offsets.size() != static_cast<std::size_t>(count) + 1))
                fail(std::string(what) + ": wrong number of offsets");
            if (offsets.front() != 0 || offsets.back() != static_cast<std::int64_t>(size))
                fail(std::string(what) + ": offsets do not span the data");
            for (std::size_t i = 1; i < offsets.size(); ++i)
                if (offsets[i] < offsets[i - 1]) fail(std::string(what) + ": offsets decrease");
        }
        std::vector<std::string> texts() {
            const StringColumn c = string_column(-1, "text list");
            std::vector<std::string> list;
            list.reserve(c.size());
            for (std::size_t i = 0; i < c.size(); ++i) list.emplace_back(c[i]);
            return list;
        }
        // A text column of `rows` rows (any number when rows < 0).
        StringColumn string_column(std::int64_t rows, const char* what) {
            StringColumn c;
            c.offsets_ = array<std::int64_t>();
            c.chars_ = text();
            check_offsets(c.offsets_, rows, c.chars_.size(), what);
            return c;
        }
        CategoricalColumn categorical(std::size_t rows, const char* what) {
            CategoricalColumn c;
            c.categories_ = texts();
            c.codes_ = array<std::int32_t>();
            if (c.codes_.size() != rows) fail(std::string(what) + ": wrong number of rows");
            const auto k = static_cast<std::int32_t>(c.categories_.size());
            for (const auto code : c.codes_)
                if (code < CategoricalColumn::missing || code >= k)
                    fail(std::string(what) + ": a code is out of range");
            for (std::int32_t i = 0; i < k; ++i)
                if (c.categories_[static_cast<std::size_t>(i)].empty() ||
                    !c.index_.emplace(c.categories_[static_cast<std::size_t>(i)], i).second)
                    fail(std::string(what) + ": an empty or repeated category");
            return c;
        }
        std::vector<ExtraColumn> extras(std::size_t rows) {
            const auto count = value<std::uint64_t>();
            if (count > bytes_.size() - at_) fail("too many extra columns");
            std::vector<ExtraColumn> list;
            for (std::uint64_t i = 0; i < count; ++i) {
                ExtraColumn c;
                c.name = text();
                for (const auto& other : list)
                    if (other.name == c.name) fail("extra column '" + c.name + "' appears twice");
                c.values = string_column(static_cast<std::int64_t>(rows), "extra column");
                list.push_back(std::move(c));
            }
            return list;
        }
        void check_years(const std::vector<std::int32_t>& years, std::size_t rows, const char* what) {
            if (years.size() != rows) fail(std::string(what) + ": wrong number of rows");
            for (const auto y : years)
                if (y != no_year && (y < detail::min_year || y > detail::max_year))
                    fail(std::string(what) + ": a year is out of range");
        }

    private:
        std::string_view bytes_;
        std::size_t base_;
        std::size_t at_ = 0;
        const std::string& name_;
    };

    static ActorNetwork read_network(In& in) {
        ActorNetwork net;
        auto& a = net.actors_;
        a.id = in.texts();
        const std::size_t n = a.id.size();
        if (n > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) in.fail("too many actors");
        a.name = in.string_column(static_cast<std::int64_t>(n), "actor names");
        a.kind = in.categorical(n, "actor kinds");
        a.country = in.categorical(n, "actor countries");
        a.region = in.categorical(n, "actor regions");
        a.founded = in.array<std::int32_t>();
        in.check_years(a.founded, n, "founded years");
        a.extra = in.extras(n);
        net.actor_rows_.reserve(n, a.id);
        for (std::size_t i = 0; i < n; ++i)
            if (a.id[i].empty() || !net.actor_rows_.insert(static_cast<std::int32_t>(i), a.id))
                in.fail("actor id '" + a.id[i] + "' is empty or repeated");
        auto& t = net.ties_;
        t.source = in.array<std::int32_t>();
        t.target = in.array<std::int32_t>();
        const std::size_t m = t.source.size();
        if (t.target.size() != m) in.fail("tie targets: wrong number of rows");
        for (std::size_t i = 0; i < m; ++i)
            if (t.source[i] < 0 || static_cast<std::size_t>(t.source[i]) >= n || t.target[i] < 0 ||
                static_cast<std::size_t>(t.target[i]) >= n)
                in.fail("tie " + std::to_string(i) + " names an actor out of range");
        t.relation = in.categorical(m, "tie relations");
        t.directed = in.array<std::uint8_t>();
        if (t.directed.size() != m) in.fail("tie directions: wrong number of rows");
        for (const auto d : t.directed)
            if (d > 1) in.fail("tie directions: a flag is neither 0 nor 1");
        t.weight = in.array<double>();
        if (t.weight.size() != m) in.fail("tie weights: wrong number of rows");
        for (const double w : t.weight)
            if (!std::isfinite(w) || w < 0) in.fail("tie weights: a weight is negative or not finite");
        t.start_year = in.array<std::int32_t>();
        in.check_years(t.start_year, m, "start years");
        t.end_year = in.array<std::int32_t>();
        in.check_years(t.end_year, m, "end years");
        for (std::size_t i = 0; i < m; ++i)
            if (t.start_year[i] != no_year && t.end_year[i] != no_year && t.end_year[i] < t.start_year[i])
                in.fail("tie " + std::to_string(i) + " ends before it starts");
        t.provenance = in.string_column(static_cast<std::int64_t>(m), "tie provenance");
        t.extra = in.extras(m);
        return net;
    }

    static Graph read_graph(In& in) {
        Graph g;
        const auto directed = in.value<std::uint8_t>();
        const auto weighted = in.value<std::uint8_t>();
        if (directed > 1 || weighted > 1) in.fail("graph flags are neither 0 nor 1");
        g.directed_ = directed;
        g.weighted_ = weighted;
        g.offsets_ = in.array<arc_index>();
        g.targets_ = in.array<node_id>();
        g.arc_edges_ = in.array<edge_id>();
        g.in_offsets_ = in.array<arc_index>();
        g.in_sources_ = in.array<node_id>();
        g.in_arc_edges_ = in.array<edge_id>();
        g.edge_sources_ = in.array<node_id>();
        g.edge_targets_ = in.array<node_id>();
        g.weights_ = in.array<double>();
        g.node_names_ = in.texts();
        g.node_actors_ = in.array<std::int32_t>();
        g.edge_rows_ = in.array<std::int64_t>();

        if (g.offsets_.empty() || g.offsets_.size() - 1 > static_cast<std::size_t>(std::numeric_limits<node_id>::max()))
            in.fail("graph offsets: wrong number");
        const auto n = static_cast<node_id>(g.offsets_.size() - 1);
        const std::size_t m = g.edge_sources_.size();
        if (m > static_cast<std::size_t>(std::numeric_limits<edge_id>::max()) || g.edge_targets_.size() != m)
            in.fail("graph edges: wrong number of targets");
        for (std::size_t e = 0; e < m; ++e)
            if (g.edge_sources_[e] < 0 || g.edge_sources_[e] >= n || g.edge_targets_[e] < 0 || g.edge_targets_[e] >= n)
                in.fail("graph edge " + std::to_string(e) + " names a node out of range");
        if (g.weighted_ ? g.weights_.size() != m : !g.weights_.empty()) in.fail("graph weights: wrong number");
        for (const double w : g.weights_)
            if (!std::isfinite(w) || w < 0) in.fail("graph weights: a weight is negative or not finite");
        auto check_csr = [&](const std::vector<arc_index>& offsets, const std::vector<node_id>& ends,
                             const std::vector<edge_id>& edges, std::size_t arcs, const char* what) {
            std::vector<std::int64_t> as64(offsets.begin(), offsets.end());
            in.check_offsets(as64, n, ends.size(), what);
            if (ends.size() != arcs || edges.size() != arcs) in.fail(std::string(what) + ": wrong number of arcs");
            for (node_id u = 0; u < n; ++u)
                for (auto a = offsets[static_cast<std::size_t>(u)]; a < offsets[static_cast<std::size_t>(u) + 1]; ++a) {
                    const auto i = static_cast<std::size_t>(a);
                    if (ends[i] < 0 || ends[i] >= n || edges[i] < 0 || static_cast<std::size_t>(edges[i]) >= m)
                        in.fail(std::string(what) + ": an arc names a node or edge out of range");
                    if (a > offsets[static_cast<std::size_t>(u)] && ends[i] < ends[i - 1])
                        in.fail(std::string(what) + ": neighbours are not sorted");
                }
        };
        check_csr(g.offsets_, g.targets_, g.arc_edges_, g.directed_ ? m : 2 * m, "graph arcs");
        if (g.directed_)
            check_csr(g.in_offsets_, g.in_sources_, g.in_arc_edges_, m, "graph in-arcs");
        else if (!g.in_offsets_.empty() || !g.in_sources_.empty() || !g.in_arc_edges_.empty())
            in.fail("an undirected graph holds in-arcs");
        if (!g.node_names_.empty() && g.node_names_.size() != static_cast<std::size_t>(n))
            in.fail("graph node names: wrong number");
        if (!g.node_actors_.empty() && g.node_actors_.size() != static_cast<std::size_t>(n))
            in.fail("graph node actors: wrong number");
        if (!g.edge_rows_.empty() && g.edge_rows_.size() != m) in.fail("graph edge rows: wrong number");
        for (const auto a : g.node_actors_)
            if (a < 0) in.fail("graph node actors: a row is negative");
        for (const auto r : g.edge_rows_)
            if (r < 0) in.fail("graph edge rows: a row is negative");
        return g;
    }
};

std::string encode_snapshot(const Snapshot& snapshot) {
    SnapshotCodec::Out payload;
    auto section = [&](std::uint32_t tag, auto&& body) {
        payload.value(tag);
        const std::size_t length_at = payload.bytes.size();
        payload.value<std::uint64_t>(0);
        body();
        const std::uint64_t length = payload.bytes.size() - length_at - 8;
        std::memcpy(payload.bytes.data() + length_at, &length, 8);
    };
    if (snapshot.network) section(network_tag, [&] { SnapshotCodec::write_network(payload, *snapshot.network); });
    if (snapshot.graph) section(graph_tag, [&] { SnapshotCodec::write_graph(payload, *snapshot.graph); });
    for (const auto& named : snapshot.graphs)
        section(named_graph_tag, [&] {
            payload.text(named.first);
            SnapshotCodec::write_graph(payload, named.second);
        });
    SnapshotCodec::Out file;
    file.bytes.append(magic, sizeof magic);
    file.value(format_version);
    file.value(byte_order_mark);
    file.value<std::uint64_t>(payload.bytes.size());
    file.value<std::uint64_t>(detail::xxh64(payload.bytes));
    file.bytes += payload.bytes;
    return std::move(file.bytes);
}

Snapshot decode_snapshot(std::string_view bytes, const std::string& name) {
    auto fail = [&](std::size_t at, const std::string& message) {
        return ParseError(name, 1, static_cast<std::int64_t>(at) + 1, message);
    };
    if (bytes.size() < sizeof magic || std::memcmp(bytes.data(), magic, sizeof magic) != 0)
        throw fail(0, "not an essnet snapshot (it does not start with ESSNETSN)");
    if (bytes.size() < header_size) throw fail(bytes.size(), "the snapshot is truncated: its header is incomplete");
    SnapshotCodec::In header(bytes.substr(8, header_size - 8), 8, name);
    const auto version = header.value<std::uint32_t>();
    const auto mark = header.value<std::uint32_t>();
    const auto size = header.value<std::uint64_t>();
    const auto checksum = header.value<std::uint64_t>();
    if (mark != byte_order_mark) throw fail(12, "the snapshot was written with another byte order");
    if (version > format_version)
        throw fail(8, "snapshot format version " + std::to_string(version) + " is newer than this essnet reads (" +
                          std::to_string(format_version) + ")");
    if (version == 0) throw fail(8, "snapshot format version 0 is not valid");
    const std::string_view payload = bytes.substr(header_size);
    if (payload.size() < size)
        throw fail(bytes.size(), "the snapshot is truncated: " + std::to_string(header_size + size) +
                                     " bytes expected, " + std::to_string(bytes.size()) + " found");
    if (payload.size() > size)
        throw fail(header_size + size,
                   "the snapshot has " + std::to_string(payload.size() - size) + " bytes after its end");
    if (detail::xxh64(payload) != checksum)
        throw fail(header_size, "the snapshot is corrupted: its checksum does not match");

    Snapshot s;
    SnapshotCodec::In in(payload, header_size, name);
    while (!in.done()) {
        const auto tag = in.value<std::uint32_t>();
        const auto length = in.value<std::uint64_t>();
        const std::size_t begin = in.at();
        if (tag == network_tag && !s.network)
            s.network = SnapshotCodec::read_network(in);
        else if (tag == graph_tag && !s.graph)
            s.graph = SnapshotCodec::read_graph(in);
        else if (tag == named_graph_tag) {
            std::string graph_name = in.text();
            s.graphs.emplace_back(std::move(graph_name), SnapshotCodec::read_graph(in));
        } else
            in.fail("unknown or repeated section " + std::to_string(tag));
        if (in.at() - begin != length) in.fail("a section's length does not match its content");
    }
    return s;
}

void save_snapshot(const Snapshot& snapshot, const std::string& path) {
    write_file_atomically(path, encode_snapshot(snapshot));
}

Snapshot load_snapshot(const std::string& path) {
    // Mapped rather than read: the arrays are copied once, from the page cache into the network.
    std::FILE* f = detail::open_for_reading(path);
    struct stat info {};
    const int fd = ::fileno(f);
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size == 0) {
        std::fclose(f);
        return decode_snapshot(detail::read_file(path), path);  // pipes, empty files: read them
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    std::fclose(f);
    if (map == MAP_FAILED) return decode_snapshot(detail::read_file(path), path);
    ::madvise(map, size, MADV_SEQUENTIAL);
    try {
        Snapshot s = decode_snapshot(std::string_view(static_cast<const char*>(map), size), path);
        ::munmap(map, size);
        return s;
    } catch (...) {
        ::munmap(map, size);
        throw;
    }
}

}  // namespace essnet
