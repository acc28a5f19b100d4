#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "essnet/graph/selection.hpp"
#include "essnet/io/snapshot.hpp"
#include "support/graphs.hpp"
#include "support/networks.hpp"

namespace essnet {
namespace detail {
std::uint64_t xxh64(std::string_view bytes);  // src/io/snapshot.cpp
}
namespace {

TEST(Snapshot, ChecksumIsXxh64) {
    // Values from the reference implementation (python3-xxhash 3.2, xxhash.xxh64(...).intdigest()).
    EXPECT_EQ(detail::xxh64(""), 0xef46db3751d8e999ull);
    EXPECT_EQ(detail::xxh64("a"), 0xd24ec4f1a98c6e5bull);
    EXPECT_EQ(detail::xxh64("abc"), 0x44bc2cf5ad770999ull);
    EXPECT_EQ(detail::xxh64("essnet snapshot"), 0xf0b576cec7a4cdb7ull);
    std::string long_text;
    for (int r = 0; r < 3; ++r)
        for (int i = 0; i < 256; ++i) long_text += static_cast<char>(i);
    long_text += "xyz";
    EXPECT_EQ(detail::xxh64(long_text), 0xe921a1b45bd779f8ull);
}

void expect_same_graph(const Graph& a, const Graph& b) {
    using test::to_vector;
    EXPECT_EQ(a.directed(), b.directed());
    EXPECT_EQ(a.weighted(), b.weighted());
    EXPECT_EQ(to_vector(a.offsets()), to_vector(b.offsets()));
    EXPECT_EQ(to_vector(a.targets()), to_vector(b.targets()));
    EXPECT_EQ(to_vector(a.arc_edges()), to_vector(b.arc_edges()));
    EXPECT_EQ(to_vector(a.in_offsets()), to_vector(b.in_offsets()));
    EXPECT_EQ(to_vector(a.in_sources()), to_vector(b.in_sources()));
    EXPECT_EQ(to_vector(a.edge_sources()), to_vector(b.edge_sources()));
    EXPECT_EQ(to_vector(a.edge_targets()), to_vector(b.edge_targets()));
    EXPECT_EQ(to_vector(a.weights()), to_vector(b.weights()));
    EXPECT_EQ(a.node_names(), b.node_names());
    EXPECT_EQ(to_vector(a.node_actors()), to_vector(b.node_actors()));
    EXPECT_EQ(to_vector(a.edge_rows()), to_vector(b.edge_rows()));
}

Snapshot sample() {
    Snapshot s;
    s.network = test::random_network(7);
    s.graphs.emplace_back("all, undirected", select_graph(*s.network, {.directed = false}));
    s.graphs.emplace_back("weighted", select_graph(*s.network, {.directed = true, .weight = "weight"}));
    return s;
}

TEST(Snapshot, RoundTripKeepsNetworkAndGraphs) {
    const Snapshot s = sample();
    const Snapshot back = decode_snapshot(encode_snapshot(s));
    ASSERT_TRUE(back.network.has_value());
    EXPECT_FALSE(back.graph.has_value());
    test::expect_same_network(*s.network, *back.network);
    ASSERT_EQ(back.graphs.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(back.graphs[i].first, s.graphs[i].first);
        expect_same_graph(s.graphs[i].second, back.graphs[i].second);
    }
    // The restored network works like the original: same ids, lookups, categories.
    EXPECT_EQ(back.network->find_actor(s.network->actors().id[5]), 5);
    EXPECT_EQ(back.network->actors().kind.categories(), s.network->actors().kind.categories());
    expect_same_graph(select_graph(*s.network, {}), select_graph(*back.network, {}));
}

TEST(Snapshot, GraphAloneAndEmpty) {
    Snapshot s;
    s.graph = test::make_graph(3, {{0, 1}, {1, 2}}, {.directed = true});
    const Snapshot back = decode_snapshot(encode_snapshot(s));
    ASSERT_TRUE(back.graph.has_value());
    EXPECT_FALSE(back.network.has_value());
    expect_same_graph(*s.graph, *back.graph);
    const Snapshot empty = decode_snapshot(encode_snapshot(Snapshot{}));
    EXPECT_FALSE(empty.network || empty.graph);
    Snapshot zero;
    zero.graph = Graph{};
    zero.network = ActorNetwork{};
    const Snapshot zero_back = decode_snapshot(encode_snapshot(zero));
    EXPECT_EQ(zero_back.graph->num_nodes(), 0);
    EXPECT_EQ(zero_back.network->num_actors(), 0u);
}

void expect_error(const std::string& bytes, const std::string& fragment) {
    try {
        decode_snapshot(bytes, "x.essnet");
        FAIL() << "no error";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "x.essnet");
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}

TEST(Snapshot, TruncatedCorruptedAndForeignFilesAreRefused) {
    const std::string bytes = encode_snapshot(sample());
    for (std::size_t size : {std::size_t{0}, std::size_t{5}, std::size_t{8}, std::size_t{20}, std::size_t{31},
                             std::size_t{32}, std::size_t{33}, bytes.size() / 2, bytes.size() - 1})
        expect_error(bytes.substr(0, size), size < 8 ? "not an essnet snapshot" : "truncated");
    expect_error(bytes + "x", "after its end");
    for (std::size_t at : {std::size_t{40}, bytes.size() / 3, bytes.size() - 1}) {
        std::string flipped = bytes;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
        expect_error(flipped, "checksum");
    }
    std::string newer = bytes;
    newer[8] = 2;
    expect_error(newer, "newer");
    expect_error("<graphml/>", "not an essnet snapshot");
}

// A file whose checksum is right but whose arrays are not (as a hand-made file could be) is
// refused by the structural checks, never read out of bounds.
TEST(Snapshot, InconsistentArraysWithAValidChecksumAreRefused) {
    Snapshot s;
    s.graph = test::make_graph(3, {{0, 1}, {1, 2}});
    std::string bytes = encode_snapshot(s);
    // The first target of the graph: after the header, section tag and length, two flags, and the
    // offsets array (count + 4 values). Set it to node 7.
    const std::size_t targets = 32 + 4 + 8 + 2 + 8 + 4 * 8 + 8;
    const node_id seven = 7;
    std::memcpy(bytes.data() + targets, &seven, sizeof seven);
    const std::uint64_t checksum = detail::xxh64(std::string_view(bytes).substr(32));
    std::memcpy(bytes.data() + 24, &checksum, 8);
    expect_error(bytes, "out of range");
}

TEST(Snapshot, FilesAreWrittenWhole) {
    const auto path = (std::filesystem::temp_directory_path() / "essnet_snapshot_test.essnet").string();
    save_snapshot(sample(), path);
    test::expect_same_network(*sample().network, *load_snapshot(path).network);
    std::filesystem::remove(path);
    EXPECT_THROW(load_snapshot(path), FileError);
    EXPECT_THROW(save_snapshot(sample(), "/nonexistent-folder/x.essnet"), FileError);
}

}  // namespace
}  // namespace essnet
