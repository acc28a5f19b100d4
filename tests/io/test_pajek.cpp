#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "essnet/graph/builder.hpp"
#include "essnet/io/graph_network.hpp"
#include "essnet/io/pajek.hpp"
#include "support/bad_input.hpp"

namespace essnet {
namespace {

// One tie as (source id, target id, relation, directed, weight), for order-free comparisons.
using TieRow = std::tuple<std::string, std::string, std::string, bool, double>;

std::vector<TieRow> tie_rows(const ActorNetwork& net) {
    std::vector<TieRow> rows;
    const auto& t = net.ties();
    const auto& ids = net.actors().id;
    for (std::size_t e = 0; e < t.size(); ++e)
        rows.emplace_back(ids[static_cast<std::size_t>(t.source[e])], ids[static_cast<std::size_t>(t.target[e])],
                          std::string(t.relation[e]), t.directed[e] != 0, t.weight[e]);
    return rows;
}

std::vector<TieRow> sorted(std::vector<TieRow> rows) {
    std::sort(rows.begin(), rows.end());
    return rows;
}

const ExtraColumn* extra_column(const ActorNetwork& net, const std::string& name) {
    for (const auto& c : net.actors().extra)
        if (c.name == name) return &c;
    return nullptr;
}

// ---- reading --------------------------------------------------------------------------------

TEST(PajekRead, LabelsCoordinatesCommentsAndDefaults) {
    // Vertex 3 has no label, vertex 5 no line at all: both take their number.
    const std::string text =
        "% Chantier network, drawn in Pajek\r\n"
        "*Network Chantier\r\n"
        "*vertices 5\r\n"
        "1 \"Chantier de l'économie sociale\" 0.1 0.2 0.5 ellipse ic Red bc Black\r\n"
        "2 RIPESS 0.3 0.4\r\n"
        "\r\n"
        "   3\r\n"
        "4 \"  OIT, Genève \" box\r\n"
        "% a comment between sections\r\n"
        "*ARCS\r\n"
        "1 2 2.5\r\n"
        "2 4\r\n"
        "4 5 1e-3 c Blue l \"x y\"\r\n"
        "*edges\r\n"
        "1 3 c Red\r\n"
        "3\t5\t0\r\n";
    const ActorNetwork net = parse_pajek(text, "chantier.net");
    EXPECT_EQ(net.actors().id,
              (std::vector<std::string>{"Chantier de l'économie sociale", "RIPESS", "3", "  OIT, Genève ", "5"}));
    EXPECT_TRUE(net.actors().extra.empty());
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{
                                 {"Chantier de l'économie sociale", "RIPESS", "", true, 2.5},
                                 {"RIPESS", "  OIT, Genève ", "", true, 1.0},
                                 {"  OIT, Genève ", "5", "", true, 1e-3},
                                 {"Chantier de l'économie sociale", "3", "", false, 1.0},
                                 {"3", "5", "", false, 0.0},
                             }));
    EXPECT_EQ(net.actors().name[0], "");
    EXPECT_EQ(net.ties().start_year[0], no_year);
}

TEST(PajekRead, VertexLinesInAnyOrderAndEmptyLabel) {
    const ActorNetwork net = parse_pajek("\xEF\xBB\xBF*Vertices 3\n3 c\n1 \"\"\n2 b\n*Arcs\n3 1\n", "v.net");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"1", "b", "c"}));
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{{"c", "1", "", true, 1.0}}));
}

TEST(PajekRead, EmptyAndTieFreeNetworks) {
    EXPECT_EQ(parse_pajek("*Vertices 0\n", "e.net").num_actors(), 0u);
    const ActorNetwork net = parse_pajek("*Vertices 2\n*Arcs\n*Edges\n", "e.net");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(net.num_ties(), 0u);
}

TEST(PajekRead, TwoModeKeepsModeColumn) {
    const ActorNetwork net = parse_pajek(
        "*Vertices 5 2\n1 \"Chantier\"\n2 RIPESS\n3 \"FIESS 2011\"\n4 \"Rio+20\"\n"
        "5 \"Forum social\"\n*Edges\n1 3\n2 3\n2 4\n1 5 2\n",
        "two.net");
    const ExtraColumn* mode = extra_column(net, "mode");
    ASSERT_NE(mode, nullptr);
    std::vector<std::string> modes;
    for (std::size_t i = 0; i < net.num_actors(); ++i) modes.emplace_back(mode->values[i]);
    EXPECT_EQ(modes, (std::vector<std::string>{"1", "1", "2", "2", "2"}));
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{{"Chantier", "FIESS 2011", "", false, 1.0},
                                                  {"RIPESS", "FIESS 2011", "", false, 1.0},
                                                  {"RIPESS", "Rio+20", "", false, 1.0},
                                                  {"Chantier", "Forum social", "", false, 2.0}}));
}

TEST(PajekRead, RelationsFromSectionHeaders) {
    const std::string text =
        "*Vertices 3\n1 a\n2 b\n3 c\n"
        "*Arcs\n1 2\n"                     // no relation
        "*Arcs :1 \"member of\"\n1 3 2\n"  // quoted label with a space
        "*Edges :2 partnership\n2 3\n"     // unquoted label
        "*Arcs :2\n3 1\n"                  // relation 2, labelled above
        "*Edges :3\n1 2\n"                 // never labelled: named by its number
        "*Arcs:1\n2 1\n"                   // no blank before ':'
        "*Arcs 1\n3 2\n";                  // a count after the keyword (igraph accepts it): ignored
    const ActorNetwork net = parse_pajek(text, "rel.net");
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{{"a", "b", "", true, 1.0},
                                                  {"a", "c", "member of", true, 2.0},
                                                  {"b", "c", "partnership", false, 1.0},
                                                  {"c", "a", "partnership", true, 1.0},
                                                  {"a", "b", "3", false, 1.0},
                                                  {"b", "a", "member of", true, 1.0},
                                                  {"c", "b", "", true, 1.0}}));
}

TEST(PajekRead, RelationLabelGivenAfterItsFirstUse) {
    const ActorNetwork net = parse_pajek("*Vertices 2\n*Arcs :4\n1 2\n*Edges :4 \"funded\"\n1 2\n", "r.net");
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{{"1", "2", "funded", true, 1.0}, {"1", "2", "funded", false, 1.0}}));
}

TEST(PajekRead, ArcslistEdgeslistAndMatrix) {
    const std::string text =
        "*Vertices 3\n1 a\n2 b\n3 c\n"
        "*Arcslist\n1 2 3\n3\n"
        "*Edgeslist :1 \"co\"\n2 3 1\n"
        "*Matrix :2 \"advice\"\n0 1.5 0\n0 0 0\n2 0 1\n";
    const ActorNetwork net = parse_pajek(text, "lists.net");
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{{"a", "b", "", true, 1.0},
                                                  {"a", "c", "", true, 1.0},
                                                  {"b", "c", "co", false, 1.0},
                                                  {"b", "a", "co", false, 1.0},
                                                  {"a", "b", "advice", true, 1.5},
                                                  {"c", "a", "advice", true, 2.0},
                                                  {"c", "c", "advice", true, 1.0}}));
}

TEST(PajekRead, TwoModeMatrixGivesEdgesBetweenModes) {
    // 2 organisations x 3 events, as igraph reads a two-mode *Matrix.
    const ActorNetwork net = parse_pajek("*Vertices 5 2\n*Matrix\n1 0 1\n0 3 0\n", "m.net");
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{
                                 {"1", "3", "", false, 1.0}, {"1", "5", "", false, 1.0}, {"2", "4", "", false, 3.0}}));
}

// ---- errors ---------------------------------------------------------------------------------

class PajekError : public testing::TestWithParam<test::BadInput> {};

TEST_P(PajekError, NamesLineAndColumn) {
    test::expect_parse_error(GetParam(), "bad.net", [](std::string_view text) { parse_pajek(text, "bad.net"); });
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PajekError,
    testing::Values(
        test::BadInput{"empty", "", 1, 1, "no *Vertices"},
        test::BadInput{"only_comments", "% nothing\n\n", 3, 1, "no *Vertices"},
        test::BadInput{"arcs_before_vertices", "*Arcs\n1 2\n", 1, 1, "expected a *Vertices line before"},
        test::BadInput{"data_before_vertices", "1 2\n", 1, 1, "expected a *Vertices line before the data"},
        test::BadInput{"vertex_count_missing", "*Vertices\n", 1, 10, "expected the number of vertices"},
        test::BadInput{"vertex_count_text", "*Vertices five\n", 1, 11, "non-negative integer"},
        test::BadInput{"vertex_count_negative", "*Vertices -3\n", 1, 11, "non-negative integer"},
        test::BadInput{"vertex_count_overflow", "*Vertices 99999999999999999999\n", 1, 11, "too large"},
        test::BadInput{"vertex_count_huge", "*Vertices 2000000000\n", 1, 11, "too large for a file"},
        test::BadInput{"two_mode_too_many", "*Vertices 3 4\n", 1, 13, "first-mode vertices must be from 1 to 3"},
        test::BadInput{"vertices_extra_text", "*Vertices 3 1 x\n", 1, 15, "unexpected text"},
        test::BadInput{"second_vertices", "*Vertices 1\n*Vertices 1\n", 2, 1, "second *Vertices"},
        test::BadInput{"vertex_out_of_range", "*Vertices 2\n1 a\n3 c\n", 3, 1, "vertex number 3 is out of range"},
        test::BadInput{"vertex_zero", "*Vertices 2\n0 a\n", 2, 1, "vertex number 0 is out of range"},
        test::BadInput{"vertex_not_number", "*Vertices 2\nx a\n", 2, 1, "expected a vertex number, found 'x'"},
        test::BadInput{"vertex_listed_twice", "*Vertices 2\n1 a\n2 b\n1 c\n", 4, 1, "vertex 1 is listed twice"},
        test::BadInput{"duplicate_label", "*Vertices 3\n1 a\n2 \"b c\"\n3  \"b c\"\n", 4, 4, "duplicate label 'b c'"},
        test::BadInput{"label_is_unlabelled_number", "*Vertices 3\n1 a\n2 \"3\"\n", 3, 3, "is also the id of vertex 3"},
        test::BadInput{"unclosed_label", "*Vertices 2\n1 \"Chantier\n", 2, 3, "not closed"},
        test::BadInput{"text_after_quote", "*Vertices 2\n1 \"a\"b\n", 2, 6, "after a closing quote"},
        test::BadInput{"arc_out_of_range", "*Vertices 2\n*Arcs\n1 2\n2 5\n", 4, 3, "vertex number 5 is out of range"},
        test::BadInput{"arc_negative_vertex", "*Vertices 2\n*Arcs\n-1 2\n", 3, 1, "vertex number -1 is out of range"},
        test::BadInput{"arc_one_vertex", "*Vertices 2\n*Arcs\n1\n", 3, 2, "found one"},
        test::BadInput{"arc_vertex_decimal", "*Vertices 2\n*Edges\n1 2.0\n", 3, 3, "expected a vertex number"},
        test::BadInput{"weight_text", "*Vertices 2\n*Arcs\n1 2 heavy\n", 3, 5, "weight 'heavy' is not a number"},
        test::BadInput{"weight_negative", "*Vertices 2\n*Arcs\n1 2 -1\n", 3, 5, "negative"},
        test::BadInput{"weight_nan", "*Vertices 2\n*Edges\n1 2 nan\n", 3, 5, "NaN"},
        test::BadInput{"weight_inf", "*Vertices 2\n*Edges\n1 2 1e999\n", 3, 5, "not finite"},
        test::BadInput{"unknown_section", "*Vertices 2\n*Partition x\n", 2, 1, "unknown section '*Partition'"},
        test::BadInput{"bad_relation_number", "*Vertices 2\n*Arcs :x\n", 2, 8, "relation number"},
        test::BadInput{"relation_without_colon", "*Vertices 2\n*Arcs \"x\"\n", 2, 7, "expected ':'"},
        test::BadInput{"relation_relabelled", "*Vertices 2\n*Arcs :1 \"a\"\n*Edges :1 \"b\"\n", 3, 11,
                       "relation 1 is labelled 'b' here but 'a' on line 2"},
        test::BadInput{"relation_label_unclosed", "*Vertices 2\n*Arcs :1 \"a\n", 2, 10, "not closed"},
        test::BadInput{"list_out_of_range", "*Vertices 2\n*Arcslist\n1 2 3\n", 3, 5, "vertex number 3"},
        test::BadInput{"matrix_short_row", "*Vertices 2\n*Matrix\n0 1\n1\n", 4, 2, "has 1 values, expected 2"},
        test::BadInput{"matrix_long_row", "*Vertices 2\n*Matrix\n0 1 1\n", 3, 5, "more than 2 values"},
        test::BadInput{"matrix_too_many_rows", "*Vertices 1\n*Matrix\n0\n1\n", 4, 1, "more than 1 rows"},
        test::BadInput{"matrix_truncated", "*Vertices 2\n*Matrix\n0 1\n", 4, 1, "has 1 rows, expected 2"},
        test::BadInput{"matrix_truncated_by_section", "*Vertices 2\n*Matrix\n0 1\n*Arcs\n", 4, 1,
                       "has 1 rows, expected 2 before this line"},
        test::BadInput{"matrix_negative", "*Vertices 1\n*Matrix\n-2\n", 3, 1, "negative"},
        test::BadInput{"invalid_utf8", "*Vertices 1\n1 \"caf\xE9\"\n", 2, 7, "invalid UTF-8"},
        test::BadInput{"nul_byte", std::string("*Vertices 1\n1 a\0b\n", 18), 2, 4, "NUL"},
        test::BadInput{"bare_carriage_return", "*Vertices 1\r1 a\n", 1, 12, "carriage return"},
        test::BadInput{"network_after_vertices", "*Vertices 1\n*Network two\n", 2, 1, "*Network after *Vertices"}));

// ---- writing --------------------------------------------------------------------------------

TEST(PajekWrite, TextByHand) {
    ActorNetwork net;
    net.add_actor({.id = "chantier", .name = "Chantier de l'économie sociale", .founded = 1996});
    net.add_actor({.id = "Rio+20 \"forum\""});
    net.add_actor({.id = "line\nbreak"});
    net.add_tie({.source = "chantier", .target = "Rio+20 \"forum\"", .relation = "participated_in", .weight = 2.5});
    net.add_tie({.source = "chantier", .target = "line\nbreak"});
    net.add_tie(
        {.source = "line\nbreak", .target = "chantier", .relation = "partnership", .directed = false, .weight = 0.1});
    net.add_tie({.source = "Rio+20 \"forum\"", .target = "chantier", .relation = "participated_in", .directed = false});
    net.add_tie({.source = "chantier", .target = "chantier", .directed = false, .weight = 1e-300});
    EXPECT_EQ(pajek_text(net),
              "*Vertices 3\n"
              "1 \"chantier\"\n"
              "2 \"Rio+20 'forum'\"\n"
              "3 \"line break\"\n"
              "*Arcs\n"
              "1 3 1\n"
              "*Edges\n"
              "1 1 1e-300\n"
              "*Arcs :1 \"participated_in\"\n"
              "1 2 2.5\n"
              "*Edges :1 \"participated_in\"\n"
              "2 1 1\n"
              "*Edges :2 \"partnership\"\n"
              "3 1 0.1\n");
}

TEST(PajekWrite, UnweightedSingleRelationUsesPlainHeaders) {
    ActorNetwork net;
    for (const char* id : {"a", "b", "c"}) net.add_actor({.id = id});
    net.add_tie({.source = "a", .target = "b", .directed = false});
    net.add_tie({.source = "c", .target = "b", .directed = false});
    EXPECT_EQ(pajek_text(net), "*Vertices 3\n1 \"a\"\n2 \"b\"\n3 \"c\"\n*Edges\n1 2\n3 2\n");
    EXPECT_EQ(pajek_text(ActorNetwork{}), "*Vertices 0\n");
}

TEST(PajekWrite, TwoModeOnlyWhenModesAreSorted) {
    ActorNetwork sorted_modes({"mode"}, {});
    sorted_modes.add_actor({.id = "a", .extra = {{"mode", "1"}}});
    sorted_modes.add_actor({.id = "b", .extra = {{"mode", "2"}}});
    sorted_modes.add_actor({.id = "c", .extra = {{"mode", "2"}}});
    EXPECT_EQ(pajek_text(sorted_modes).substr(0, 14), "*Vertices 3 1\n");
    ActorNetwork unsorted({"mode"}, {});
    unsorted.add_actor({.id = "a", .extra = {{"mode", "2"}}});
    unsorted.add_actor({.id = "b", .extra = {{"mode", "1"}}});
    EXPECT_EQ(pajek_text(unsorted).substr(0, 12), "*Vertices 2\n");
    ActorNetwork other({"mode"}, {});
    other.add_actor({.id = "a", .extra = {{"mode", "1"}}});
    other.add_actor({.id = "b", .extra = {{"mode", "event"}}});
    EXPECT_EQ(pajek_text(other).substr(0, 12), "*Vertices 2\n");
}

TEST(PajekWrite, IdsThatWouldCollideAreRefused) {
    ActorNetwork net;
    net.add_actor({.id = "say \"hi\""});
    net.add_actor({.id = "say 'hi'"});
    EXPECT_THROW(pajek_text(net), std::invalid_argument);
}

TEST(PajekWrite, GraphThroughNetworkOf) {
    GraphBuilder b(3, {.directed = true, .weighted = true});
    b.add_edge(0, 1, 0.5);
    b.add_edge(2, 0, 3.0);
    const Graph g = std::move(b).build();
    EXPECT_EQ(pajek_text(network_of(g)), "*Vertices 3\n1 \"0\"\n2 \"1\"\n3 \"2\"\n*Arcs\n1 2 0.5\n3 1 3\n");
}

TEST(PajekWrite, FileRoundTripAndFileErrors) {
    const auto dir = std::filesystem::temp_directory_path() / ("essnet_pajek_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "net.net").string();
    ActorNetwork net;
    net.add_actor({.id = "é"});
    net.add_actor({.id = "b c"});
    net.add_tie({.source = "é", .target = "b c", .relation = "funded", .weight = 0.1 + 0.2});
    write_pajek(net, path);
    const ActorNetwork back = read_pajek(path);
    EXPECT_EQ(back.actors().id, net.actors().id);
    EXPECT_EQ(tie_rows(back), tie_rows(net));  // 0.30000000000000004 exactly
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp-" + std::to_string(::getpid())));
    EXPECT_THROW(read_pajek((dir / "missing.net").string()), FileError);
    EXPECT_THROW(write_pajek(net, (dir / "no" / "such" / "dir.net").string()), FileError);
    std::filesystem::remove_all(dir);
}

// ---- seeded round trips -------------------------------------------------------------------

// Text pieces for ids: non-ASCII, spaces, commas, apostrophes, backslashes, Pajek's own
// markers (*, %), digits (an id may look like a vertex number).
const std::vector<std::string> pieces = {"a", "Z", "é", "ü",  "中", "🙂", " ", ",",  "'", "\\",
                                         "*", "%", "1", "42", ":",  "=",    "-", "\t", "&", "Québec"};

std::string random_text(std::mt19937_64& rng, std::size_t min_pieces) {
    std::string s;
    const std::size_t count = min_pieces + rng() % 4;
    for (std::size_t i = 0; i < count; ++i) s += pieces[rng() % pieces.size()];
    return s;
}

ActorNetwork random_network(std::uint64_t seed, bool two_mode) {
    std::mt19937_64 rng(seed);
    ActorNetwork net(two_mode ? std::vector<std::string>{"mode"} : std::vector<std::string>{}, {});
    const std::size_t n = rng() % 12;
    const std::size_t first_mode = n == 0 ? 0 : 1 + rng() % n;
    for (std::size_t i = 0; i < n; ++i) {
        std::string id = random_text(rng, 1);
        while (net.find_actor(id)) id += pieces[rng() % pieces.size()];
        Actor a{.id = id};
        if (two_mode) a.extra = {{"mode", i < first_mode ? "1" : "2"}};
        net.add_actor(a);
    }
    const std::vector<std::string> relations = {"", "member_of", "partenariat, « Québec »", "funded by 🙂"};
    const std::size_t m = n == 0 ? 0 : rng() % 25;
    const bool weighted = rng() % 2 == 0;
    for (std::size_t e = 0; e < m; ++e) {
        Tie t;
        t.source = net.actors().id[rng() % n];
        t.target = net.actors().id[rng() % n];
        t.relation = relations[rng() % relations.size()];
        t.directed = rng() % 2 == 0;
        if (weighted) t.weight = static_cast<double>(rng() % 1000000) / static_cast<double>(1 + rng() % 997);
        net.add_tie(t);
    }
    return net;
}

TEST(PajekRoundTrip, SeededRandomNetworksKeepIdsTiesRelationsAndModes) {
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        const bool two_mode = seed % 3 == 0;
        const ActorNetwork net = random_network(seed, two_mode);
        const std::string text = pajek_text(net);
        const ActorNetwork back = parse_pajek(text, "round.net");
        ASSERT_EQ(back.actors().id, net.actors().id) << "seed " << seed << "\n" << text;
        EXPECT_EQ(sorted(tie_rows(back)), sorted(tie_rows(net))) << "seed " << seed << "\n" << text;
        const ExtraColumn* mode = extra_column(back, "mode");
        if (two_mode && net.num_actors() > 0) {
            ASSERT_NE(mode, nullptr) << "seed " << seed;
            for (std::size_t i = 0; i < net.num_actors(); ++i)
                EXPECT_EQ(mode->values[i], extra_column(net, "mode")->values[i]);
        } else {
            EXPECT_EQ(mode, nullptr) << "seed " << seed;
        }
        EXPECT_EQ(pajek_text(back), text) << "seed " << seed;  // writing again changes nothing
    }
}

// ---- malformed input never escapes as anything but ParseError --------------------------------

// Every prefix of a file (a truncated download) and seeded random byte replacements either read
// or throw ParseError: no other exception, no crash, no hang.
TEST(PajekFuzz, TruncatedAndMutatedFilesReadOrThrowParseError) {
    const std::string sample =
        "% sample\r\n*Network n\r\n*Vertices 6 2\r\n1 \"Chantier de l'économie\" 0.1 0.2 box\r\n2 RIPESS\r\n4\r\n"
        "5 \"5\"\r\n*Arcs :1 \"member of\"\r\n1 2 2.5 c Red\r\n2 4\r\n*Edges :2\r\n3 5 1e-3\r\n*Arcslist\r\n"
        "1 3 4\r\n*Edgeslist :1\r\n2 6\r\n*Matrix\r\n1 0 2 0\r\n0 0 0 1\r\n*Arcs\r\n6 1\r\n";
    ASSERT_EQ(parse_pajek(sample, "sample.net").num_ties(), 10u);  // 2 + 1 + 2 + 1 + 3 (two-mode matrix) + 1
    std::size_t read = 0;
    auto attempt = [&](const std::string& text) {
        try {
            parse_pajek(text, "fuzz.net");
            ++read;
        } catch (const ParseError&) {
        }
    };
    for (std::size_t cut = 0; cut <= sample.size(); ++cut) attempt(sample.substr(0, cut));
    const std::string alphabet = " \t\n\r\"*%:-.,0123456789aeE\xC3\xA9";
    std::mt19937_64 rng(20240601);
    for (int i = 0; i < 5000; ++i) {
        std::string s = sample;
        const std::size_t changes = 1 + rng() % 4;
        for (std::size_t k = 0; k < changes; ++k) s[rng() % s.size()] = alphabet[rng() % alphabet.size()];
        attempt(s);
    }
    EXPECT_GT(read, 0u);
}

}  // namespace
}  // namespace essnet

namespace essnet {
namespace {

TEST(WritePajekLabels, RefusesWhatItsReaderWouldRefuseOrMerge) {
    ActorNetwork nul;
    nul.add_actor({.id = std::string("a\0b", 3)});
    EXPECT_THROW(pajek_text(nul), std::invalid_argument);
    // x"y and x'y would both be written x'y and read back as one relation.
    ActorNetwork quotes;
    quotes.add_actor({.id = "a"});
    quotes.add_tie({.source = "a", .target = "a", .relation = "x\"y"});
    quotes.add_tie({.source = "a", .target = "a", .relation = "x'y"});
    EXPECT_THROW(pajek_text(quotes), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
