// The report of essnet analyze: its checksum, encodings, numbers on a network computed by hand, and
// how its folder is written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "charts.hpp"
#include "essnet/core/error.hpp"
#include "essnet/graph/selection.hpp"
#include "report.hpp"
#include "sha256.hpp"

namespace essnet::report {
namespace {

namespace fs = std::filesystem;

TEST(Sha256, FipsExamplesAndBlockBoundaries) {
    // FIPS 180-4's examples (NIST), then lengths around the 55/56- and 64-byte padding boundaries,
    // the expected digests from Python's hashlib.
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    const std::pair<std::size_t, const char*> lengths[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
        {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
        {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"}};
    for (const auto& [n, digest] : lengths) EXPECT_EQ(sha256_hex(std::string(n, 'a')), digest) << n;
}

TEST(Base64, Rfc4648Examples) {
    EXPECT_EQ(base64(""), "");
    EXPECT_EQ(base64("f"), "Zg==");
    EXPECT_EQ(base64("fo"), "Zm8=");
    EXPECT_EQ(base64("foo"), "Zm9v");
    EXPECT_EQ(base64("foob"), "Zm9vYg==");
    EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
    EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64(std::string("\xff\x00\x80", 3)), "/wCA");
}

TEST(Escape, MarkupCharacters) {
    EXPECT_EQ(escape("a < b & \"c\" > 'd'"), "a &lt; b &amp; &quot;c&quot; &gt; 'd'");
    // Control characters become spaces and a bad UTF-8 byte U+FFFD, instead of an error.
    EXPECT_EQ(escape("a\x0b\xff"), "a \xEF\xBF\xBD");
}

TEST(LineChart, OnePolylinePerSeriesWithAPointPerYear) {
    const std::string svg = line_chart({2001, 2002, 2005}, {{"ties", {1, 3, 7}}, {"actors", {2, 3, 4}}});
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    std::size_t lines = 0, dots = 0;
    for (std::size_t at = svg.find("<polyline"); at != std::string::npos; at = svg.find("<polyline", at + 1)) ++lines;
    for (std::size_t at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1)) ++dots;
    EXPECT_EQ(lines, 2u);
    EXPECT_EQ(dots, 6u);
    EXPECT_NE(svg.find(">2005</text>"), std::string::npos);
}

// a - b - c (b organises both ties), d isolated; b and c in one country.
Input path_network() {
    ActorNetwork net;
    net.add_actor({.id = "a", .name = "Alpha", .kind = "organization"});
    net.add_actor({.id = "b", .name = "Beta", .kind = "network", .country = "BR"});
    net.add_actor({.id = "c", .name = "Gamma", .kind = "organization", .country = "BR"});
    net.add_actor({.id = "d", .name = "Delta", .kind = "event"});
    net.add_tie({.source = "a",
                 .target = "b",
                 .relation = "partnership",
                 .directed = false,
                 .start_year = 2001,
                 .provenance = "a quote"});
    net.add_tie({.source = "b", .target = "c", .relation = "partnership", .directed = false, .start_year = 2003});
    Input in;
    in.graph = select_graph(net, {});
    in.network = std::move(net);
    in.title = "path";
    return in;
}

const Json& column(const Json& table, const std::string& key, std::size_t row) {
    const Json& columns = table["columns"];
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i]["key"] == key) return table["rows"][row][i];
    throw std::out_of_range(key);
}

TEST(Analyze, NumbersOfAPathComputedByHand) {
    const Report report = analyze(path_network(), {.robustness_runs = 5});
    const Json& r = report.results;
    const Json& ov = r["overview"];
    EXPECT_EQ(ov["actors"], 4);
    EXPECT_EQ(ov["ties"], 2);
    EXPECT_DOUBLE_EQ(ov["density"].get<double>(), 2.0 / 6);  // 2 of the 4 x 3 / 2 pairs
    EXPECT_EQ(ov["components"], 2);
    EXPECT_EQ(ov["largest_component"], 3);
    EXPECT_EQ(ov["isolated"], 1);
    EXPECT_DOUBLE_EQ(ov["share_quoted"].get<double>(), 0.5);
    EXPECT_TRUE(ov["share_inferred"].is_null());  // no "inferred" column
    const Json& c = r["tables"]["centrality"];
    // Degrees 1, 2, 1, 0. b is on the one path between a and c: 1 of the 3 pairs of other nodes,
    // normalised by (n - 1)(n - 2) / 2 = 3.
    EXPECT_EQ(column(c, "degree", 1), 2.0);
    EXPECT_EQ(column(c, "degree_rank", 1), 1.0);
    EXPECT_EQ(column(c, "degree_rank", 0), 2.0);  // a and c tie at rank 2
    EXPECT_EQ(column(c, "degree_rank", 3), 4.0);
    EXPECT_DOUBLE_EQ(column(c, "betweenness", 1).get<double>(), 1.0 / 3);
    // Disconnected, so harmonic rather than closeness: b reaches a and c at distance 1, (1 + 1) / 3.
    EXPECT_DOUBLE_EQ(column(c, "harmonic", 1).get<double>(), 2.0 / 3);
    EXPECT_EQ(r["method"]["parameters"]["measures"],
              Json::array({"degree", "betweenness", "harmonic", "eigenvector", "pagerank", "coreness"}));
    // Year by year: by 2001 one tie and two actors, by 2003 two ties and three actors (density 2/3).
    const Json& e = r["tables"]["evolution"];
    ASSERT_EQ(e["rows"].size(), 2u);
    EXPECT_EQ(column(e, "year", 0), 2001);
    EXPECT_EQ(column(e, "actors", 0), 2);
    EXPECT_EQ(column(e, "ties", 1), 2);
    EXPECT_DOUBLE_EQ(column(e, "density", 1).get<double>(), 2.0 / 3);
    EXPECT_EQ(column(e, "components", 1), 1);
    // The map's data: every actor, every tie with its quote.
    EXPECT_EQ(report.map_data["ids"], Json::array({"a", "b", "c", "d"}));
    EXPECT_EQ(report.map_data["ties"]["quotes"][report.map_data["ties"]["quote"][0].get<int>()], "a quote");
    // Brokerage by kind and by country (b is the only broker: a -> b -> c and back).
    EXPECT_TRUE(r["tables"].contains("brokerage_kind"));
    EXPECT_TRUE(r["tables"].contains("brokerage_country"));
    const Json& bk = r["tables"]["brokerage_kind"];
    EXPECT_EQ(column(bk, "id", 0), "b");
    EXPECT_EQ(column(bk, "total", 0), 2.0);
    EXPECT_EQ(column(bk, "itinerant", 0), 2.0);  // a and c are organisations, b a network
}

TEST(Analyze, DirectedParallelSelfLoopsUndatedAndMissingKinds) {
    // a -> b twice (2001, 2002), b -> b (2002), c -> a undated, an undirected partnership b - c
    // (2003), and d with neither kind nor ties. Selected as directed, the partnership is an arc each way.
    ActorNetwork net;
    net.add_actor({.id = "a", .kind = "organization"});
    net.add_actor({.id = "b", .kind = "network"});
    net.add_actor({.id = "c", .kind = "organization"});
    net.add_actor({.id = "d"});
    net.add_tie({.source = "a", .target = "b", .relation = "funded", .start_year = 2001});
    net.add_tie({.source = "a", .target = "b", .relation = "funded", .start_year = 2002});
    net.add_tie({.source = "b", .target = "b", .relation = "funded", .start_year = 2002});
    net.add_tie({.source = "c", .target = "a", .relation = "member_of"});
    net.add_tie({.source = "b", .target = "c", .relation = "partnership", .directed = false, .start_year = 2003});
    Input in;
    in.selection.directed = true;
    in.graph = select_graph(net, in.selection);
    in.network = std::move(net);
    const Report report = analyze(in, {.robustness_runs = 3});
    const Json& r = report.results;
    EXPECT_EQ(r["overview"]["ties"], 5);   // tie rows
    EXPECT_EQ(r["overview"]["edges"], 6);  // the partnership twice
    EXPECT_TRUE(r["overview"]["directed"].get<bool>());
    // Degree (in + out, each parallel arc and the loop's two ends counted): a 2 + 1, b 2 + 2 + 2, c 1 + 2.
    const Json& c = r["tables"]["centrality"];
    EXPECT_EQ(column(c, "degree", 0), 3.0);
    EXPECT_EQ(column(c, "degree", 1), 6.0);
    EXPECT_EQ(column(c, "degree", 2), 3.0);
    EXPECT_EQ(column(c, "degree", 3), 0.0);
    // Years in order, the undated tie last.
    const Json& y = r["tables"]["ties_by_year"];
    ASSERT_EQ(y["rows"].size(), 4u);
    EXPECT_EQ(y["rows"][0], Json::array({2001, 1}));
    EXPECT_EQ(y["rows"][1], Json::array({2002, 2}));
    EXPECT_EQ(y["rows"][2], Json::array({2003, 1}));
    EXPECT_EQ(y["rows"][3], Json::array({"(none)", 1}));
    // d has no kind: its own group, named "(none)".
    const Json& k = r["tables"]["actors_by_kind"];
    EXPECT_EQ(k["rows"], Json::parse(R"x([["organization", 2], ["(none)", 1], ["network", 1]])x"));
    // On the map only the partnership is drawn without an arrow; the loop is listed, not drawn.
    EXPECT_EQ(report.map_data["ties"]["directed"], Json::array({1, 1, 1, 1, 0}));
    EXPECT_TRUE(report.map_data["directed"].get<bool>());
    // Evolution by 2002: a and b have ties (two arcs and a loop between 2 actors; density counts
    // arcs over n (n - 1) = 2 ordered pairs, as density() does: 3 / 2).
    const Json& e = r["tables"]["evolution"];
    EXPECT_EQ(column(e, "actors", 1), 2);
    EXPECT_DOUBLE_EQ(column(e, "density", 1).get<double>(), 1.5);
}

TEST(Analyze, EmptyAndEdgeListInputs) {
    Input empty;
    empty.network = ActorNetwork();
    empty.graph = select_graph(*empty.network, {});
    const Report none = analyze(empty, {});
    EXPECT_EQ(none.results["overview"]["actors"], 0);
    EXPECT_FALSE(none.results.contains("evolution"));
    EXPECT_FALSE(html(none, {}).empty());
    Input edges = path_network();
    edges.network.reset();  // a bare graph: no kinds, countries or years
    const Report bare = analyze(edges, {});
    EXPECT_FALSE(bare.results["tables"].contains("brokerage_kind"));
    EXPECT_FALSE(bare.results["tables"].contains("evolution"));
    EXPECT_THROW(analyze(edges, {.group = "kind"}), std::invalid_argument);
}

TEST(Analyze, UnknownGroupOrMeasureNamesWhatThereIs) {
    try {
        analyze(path_network(), {.group = "sector"});
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("the columns are id, name, kind, country, region, founded"),
                  std::string::npos);
    }
    EXPECT_THROW(analyze(path_network(), {.measures = {"fame"}}), std::invalid_argument);
}

class ReportFolder : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("essnet-report-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path root_;
};

TEST_F(ReportFolder, WritesReplacesAndRefuses) {
    const Report report = analyze(path_network(), {.robustness_runs = 2});
    const fs::path out = root_ / "report";
    auto names = write(report, {}, out.string());
    EXPECT_TRUE(fs::exists(out / "report.html"));
    EXPECT_TRUE(fs::exists(out / "centrality.csv"));
    EXPECT_EQ(names.front(), "report.html");
    // An earlier report is replaced whole.
    std::ofstream(out / "stale.csv") << "old";
    names = write(report, {.formats = {"md"}}, out.string());
    EXPECT_EQ(names, std::vector<std::string>{"summary.md"});
    EXPECT_FALSE(fs::exists(out / "stale.csv"));
    EXPECT_FALSE(fs::exists(out / "report.html"));
    // A folder with other files is left alone.
    const fs::path mine = root_ / "mine";
    fs::create_directories(mine);
    std::ofstream(mine / "notes.txt") << "keep";
    EXPECT_THROW(write(report, {}, mine.string()), FileError);
    EXPECT_TRUE(fs::exists(mine / "notes.txt"));
    // Under a file: cannot be written. Nothing is left beside the targets.
    std::ofstream(root_ / "file") << "x";
    EXPECT_THROW(write(report, {}, (root_ / "file" / "report").string()), FileError);
    for (const auto& entry : fs::directory_iterator(root_))
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

}  // namespace
}  // namespace essnet::report
