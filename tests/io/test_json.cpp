// Reading and writing JSON node-link.
//
// Expected values come from the fixtures networkx 2.8.8 wrote (tests/data/formats/json/, made by
// make_json_fixtures.py, whose graphs are the expected values), from hand-written documents and
// hand-computed positions, and, for round trips, from the network the test built.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "essnet/detail/text.hpp"
#include "essnet/io/json.hpp"
#include "support/bad_input.hpp"

namespace essnet {
namespace {

const std::string fixtures = std::string(ESSNET_TEST_DATA_DIR) + "/formats/json/";

std::string temp_path(const std::string& stem) {
    static int counter = 0;
    return (std::filesystem::temp_directory_path() /
            ("essnet_json_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + stem))
        .string();
}

// The value of an extra column by name, empty when the column is absent.
std::string_view extra_value(const std::vector<ExtraColumn>& columns, const std::string& name, std::size_t row) {
    for (const auto& c : columns)
        if (c.name == name) return c.values[row];
    return {};
}

std::vector<std::string> extra_names(const std::vector<ExtraColumn>& columns) {
    std::vector<std::string> names;
    for (const auto& c : columns) names.push_back(c.name);
    return names;
}

std::string tie_end(const ActorNetwork& net, std::int32_t row) {
    return net.actors().id[static_cast<std::size_t>(row)];
}

// ------------------------------------------------------------------------------------------------
// Files networkx wrote.

TEST(ReadJson, NetworkxGraphWithTypedAttributesAndEscapes) {
    const ActorNetwork net = read_json(fixtures + "nx_graph.json");
    const auto& a = net.actors();
    ASSERT_EQ(a.id, (std::vector<std::string>{"chantier", "ripess", "ilo", "fiess"}));
    EXPECT_EQ(a.name[0], "Chantier de l'économie sociale");  // written as \u00e9
    EXPECT_EQ(a.name[3], "FIESS, 2011");
    EXPECT_EQ(a.kind[2], "international_body");
    EXPECT_EQ(a.country[0], "CA");
    EXPECT_EQ(a.country[2], "");  // "" in the file
    EXPECT_EQ(a.region[0], "Québec");
    EXPECT_EQ(a.founded[0], 1996);
    EXPECT_EQ(a.founded[1], 2002);
    EXPECT_EQ(a.founded[2], no_year);
    // Extra columns in order of first appearance, as text.
    EXPECT_EQ(extra_names(a.extra),
              (std::vector<std::string>{"members", "share", "active", "tags", "note", "acronym"}));
    EXPECT_EQ(extra_value(a.extra, "members", 0), "70");
    EXPECT_EQ(extra_value(a.extra, "members", 1), "");  // null
    EXPECT_EQ(extra_value(a.extra, "share", 0), "0.25");
    EXPECT_EQ(extra_value(a.extra, "active", 0), "true");
    EXPECT_EQ(extra_value(a.extra, "tags", 0), "[\"économie\",\"sociale\"]");
    EXPECT_EQ(extra_value(a.extra, "note", 0), "dit \"le Chantier\"\\ligne 1\nligne 2");
    EXPECT_EQ(extra_value(a.extra, "acronym", 2), "OIT \xF0\x9F\x8C\x8D");  // "\ud83c\udf0d": U+1F30D
    EXPECT_EQ(extra_value(a.extra, "acronym", 0), "");

    const auto& t = net.ties();
    ASSERT_EQ(net.num_ties(), 3u);
    // networkx writes the edges of G.edges(): chantier-fiess, chantier-ripess, ilo-fiess.
    EXPECT_EQ(tie_end(net, t.source[0]), "chantier");
    EXPECT_EQ(tie_end(net, t.target[0]), "fiess");
    EXPECT_EQ(tie_end(net, t.target[1]), "ripess");
    EXPECT_EQ(tie_end(net, t.source[2]), "ilo");
    for (std::size_t e = 0; e < 3; ++e) EXPECT_EQ(t.directed[e], 0);
    EXPECT_EQ(t.relation[0], "organized");
    EXPECT_EQ(t.relation[1], "member_of");
    EXPECT_DOUBLE_EQ(t.weight[0], 2.5);
    EXPECT_DOUBLE_EQ(t.weight[1], 1.0);  // absent
    EXPECT_DOUBLE_EQ(t.weight[2], 1.0);  // 1
    EXPECT_EQ(t.start_year[0], 2011);
    EXPECT_EQ(t.end_year[0], 2011);
    EXPECT_EQ(t.start_year[1], no_year);
    EXPECT_EQ(t.end_year[2], no_year);
    EXPECT_EQ(t.provenance[0], "Rapport, p. 3");
    EXPECT_EQ(extra_names(t.extra), (std::vector<std::string>{"confidence"}));
    EXPECT_EQ(extra_value(t.extra, "confidence", 2), "0.9");
}

TEST(ReadJson, EdgesKeyAsNetworkx34WritesIt) {
    const ActorNetwork links = read_json(fixtures + "nx_graph.json");
    const ActorNetwork edges = read_json(fixtures + "nx_edges_key.json");  // indented, not \u-escaped
    EXPECT_EQ(edges.actors().id, links.actors().id);
    EXPECT_EQ(edges.actors().name[0], "Chantier de l'économie sociale");
    EXPECT_EQ(extra_value(edges.actors().extra, "acronym", 2), "OIT \xF0\x9F\x8C\x8D");
    ASSERT_EQ(edges.num_ties(), 3u);
    EXPECT_EQ(edges.ties().relation[2], "participated_in");
    EXPECT_EQ(extra_value(edges.ties().extra, "confidence", 2), "0.9");
}

TEST(ReadJson, NetworkxDigraphWithIntegerIds) {
    const ActorNetwork net = read_json(fixtures + "nx_digraph.json");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"0", "1", "2", "3"}));
    EXPECT_EQ(extra_value(net.actors().extra, "label", 3), "isolé");
    EXPECT_EQ(extra_value(net.actors().extra, "label", 2), "");
    const auto& t = net.ties();
    ASSERT_EQ(net.num_ties(), 4u);
    const std::vector<std::pair<std::string, std::string>> ends{{"0", "1"}, {"1", "0"}, {"1", "2"}, {"2", "2"}};
    const std::vector<double> weights{0.5, 1.5, 3.0, 0.0};
    for (std::size_t e = 0; e < 4; ++e) {
        EXPECT_EQ(tie_end(net, t.source[e]), ends[e].first);
        EXPECT_EQ(tie_end(net, t.target[e]), ends[e].second);
        EXPECT_EQ(t.directed[e], 1);
        EXPECT_DOUBLE_EQ(t.weight[e], weights[e]);
    }
    EXPECT_TRUE(t.extra.empty());
}

TEST(ReadJson, NetworkxMultigraphKeepsParallelTiesAndSkipsKeys) {
    const ActorNetwork net = read_json(fixtures + "nx_multigraph.json");
    const auto& t = net.ties();
    ASSERT_EQ(net.num_ties(), 4u);
    EXPECT_TRUE(t.extra.empty());  // "key" (0, 1, "third") is not a column
    for (std::size_t e = 0; e < 3; ++e) {
        EXPECT_EQ(tie_end(net, t.source[e]), "a");
        EXPECT_EQ(tie_end(net, t.target[e]), "b");
        EXPECT_EQ(t.directed[e], 0);
    }
    EXPECT_EQ(t.relation[0], "partnership");
    EXPECT_EQ(t.start_year[0], 2001);
    EXPECT_EQ(t.relation[1], "funded");
    EXPECT_DOUBLE_EQ(t.weight[1], 10.0);
    EXPECT_EQ(t.start_year[2], 2005);
    EXPECT_EQ(tie_end(net, t.source[3]), "b");
    EXPECT_EQ(tie_end(net, t.target[3]), "c");
}

TEST(ReadJson, NetworkxMultiDigraph) {
    const ActorNetwork net = read_json(fixtures + "nx_multidigraph.json");
    const auto& t = net.ties();
    ASSERT_EQ(net.num_ties(), 3u);
    EXPECT_EQ(t.directed, (std::vector<std::uint8_t>{1, 1, 1}));
    EXPECT_DOUBLE_EQ(t.weight[1], 2.0);
    EXPECT_EQ(extra_value(t.extra, "year_note", 1), "2011");
    EXPECT_EQ(extra_value(t.extra, "year_note", 2), "");
    EXPECT_EQ(tie_end(net, t.source[2]), "b");
    EXPECT_EQ(t.relation[2], "presented_to");
}

TEST(ReadJson, D3ForceShape) {
    const ActorNetwork net = read_json(fixtures + "d3_force.json");
    const auto& a = net.actors();
    EXPECT_EQ(a.id, (std::vector<std::string>{"Myriel", "Napoleon", "42"}));
    EXPECT_EQ(extra_names(a.extra), (std::vector<std::string>{"group", "index", "x", "y", "vx", "vy", "fx", "fy"}));
    EXPECT_EQ(extra_value(a.extra, "y", 0), "-3.25");
    EXPECT_EQ(extra_value(a.extra, "vx", 1), "0.001");
    EXPECT_EQ(extra_value(a.extra, "fx", 2), "");  // null
    const auto& t = net.ties();
    ASSERT_EQ(net.num_ties(), 2u);
    EXPECT_EQ(t.directed, (std::vector<std::uint8_t>{0, 0}));  // no "directed": undirected, as networkx reads it
    EXPECT_EQ(tie_end(net, t.source[1]), "42");
    EXPECT_EQ(extra_names(t.extra), (std::vector<std::string>{"value", "index"}));
    EXPECT_EQ(extra_value(t.extra, "value", 1), "8");
    EXPECT_DOUBLE_EQ(t.weight[1], 1.0);
}

// ------------------------------------------------------------------------------------------------
// Hand-written documents.

TEST(ParseJson, LinksBeforeNodesMixedDirectionAndDefaults) {
    const std::string text = R"({
  "links": [
    {"target": "b", "source": "a", "directed": false, "weight": null, "relation": 7},
    {"source": "b", "target": "a", "start_year": 2011.0, "end_year": null, "directed": null},
    {"source": "a", "target": "a", "key": {"any": ["thing"]}, "directed": true, "provenance": true}
  ],
  "graph": {"name": "g", "nested": [1, [2, {"x": null}]]},
  "other": "skipped",
  "directed": true,
  "multigraph": false,
  "nodes": [{"id": "a", "founded": null, "name": null}, {"id": "b", "kind": false}]
})";
    const ActorNetwork net = parse_json(text, "mixed.json");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(net.actors().founded[0], no_year);
    EXPECT_EQ(net.actors().name[0], "");
    EXPECT_EQ(net.actors().kind[1], "false");
    const auto& t = net.ties();
    ASSERT_EQ(net.num_ties(), 3u);
    EXPECT_EQ(t.directed, (std::vector<std::uint8_t>{0, 1, 1}));  // per link, else the top-level "directed"
    EXPECT_EQ(tie_end(net, t.source[0]), "a");
    EXPECT_EQ(tie_end(net, t.target[0]), "b");
    EXPECT_DOUBLE_EQ(t.weight[0], 1.0);
    EXPECT_EQ(t.relation[0], "7");
    EXPECT_EQ(t.start_year[1], 2011);
    EXPECT_EQ(t.end_year[1], no_year);
    EXPECT_EQ(t.provenance[2], "true");
    EXPECT_TRUE(t.extra.empty());
    EXPECT_TRUE(net.actors().extra.empty());
}

TEST(ParseJson, NumbersAsWrittenAndNestedValuesAsCompactJson) {
    const std::string text =
        "\xEF\xBB\xBF{\"nodes\": [{\"id\": 1.50, \"v\": -0.0, \"big\": 123456789012345678901234567890},"
        " {\"id\": -7, \"v\": [ 1 , {\"k\" : [ ], \"s\": \"a\\\"\\u00e9\\n\", \"n\": null, \"t\": true}, 2e5 ],"
        " \"o\": {}, \"e\": \"\"}],"
        " \"links\": [{\"source\": 1.50, \"target\": -7, \"w\": 0.1, \"weight\": 1e-3}]}";
    const ActorNetwork net = parse_json(text, "n.json");
    const auto& a = net.actors();
    EXPECT_EQ(a.id, (std::vector<std::string>{"1.50", "-7"}));
    EXPECT_EQ(extra_value(a.extra, "v", 0), "-0.0");
    EXPECT_EQ(extra_value(a.extra, "big", 0), "123456789012345678901234567890");
    EXPECT_EQ(extra_value(a.extra, "v", 1), "[1,{\"k\":[],\"s\":\"a\\\"é\\n\",\"n\":null,\"t\":true},2e5]");
    EXPECT_EQ(extra_value(a.extra, "o", 1), "{}");
    EXPECT_EQ(extra_value(a.extra, "e", 1), "");
    EXPECT_EQ(net.ties().source[0], 0);
    EXPECT_EQ(net.ties().target[0], 1);
    EXPECT_DOUBLE_EQ(net.ties().weight[0], 0.001);
    EXPECT_EQ(extra_value(net.ties().extra, "w", 0), "0.1");
}

TEST(ParseJson, EmptyNetwork) {
    const ActorNetwork net = parse_json(" {\"nodes\":[],\"links\":[]} \n", "e.json");
    EXPECT_EQ(net.num_actors(), 0u);
    EXPECT_EQ(net.num_ties(), 0u);
}

// ------------------------------------------------------------------------------------------------
// Errors, with positions counted by hand.

class JsonErrors : public ::testing::TestWithParam<test::BadInput> {};

TEST_P(JsonErrors, ParseErrorNamesLineAndColumn) {
    test::expect_parse_error(GetParam(), "bad.json", [](std::string_view text) { parse_json(text, "bad.json"); });
}

const std::string ok_nodes = "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"links\": [\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, JsonErrors,
    ::testing::Values(
        // Syntax.
        test::BadInput{"empty", "", 1, 1, "unexpected end of input"},
        test::BadInput{"blank", "\n  \n", 3, 1, "unexpected end of input"},
        test::BadInput{"truncated", "{\"nodes\": [{\"id\": \"a\"}", 1, 23, "unexpected end of input"},
        test::BadInput{"truncated_in_string", "{\"nodes\": [{\"id\": \"a", 1, 21, "missing closing quote"},
        test::BadInput{"missing_comma",
                       "{\"nodes\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\" \"name\": \"B\"}\n], \"links\": []}", 3, 14,
                       "unexpected string literal; expected '}'"},
        test::BadInput{"missing_colon", "{\"nodes\" [], \"links\": []}", 1, 10, "expected ':'"},
        test::BadInput{"invalid_literal", "{\"nodes\": [{\"id\": tru}], \"links\": []}", 1, 22, "invalid literal"},
        test::BadInput{"trailing_comma", "{\"nodes\": [], \"links\": [],}", 1, 27, "unexpected '}'"},
        test::BadInput{"double_comma", "{\"graph\": [1,,2], \"nodes\": [], \"links\": []}", 1, 14, "unexpected ','"},
        test::BadInput{"bad_escape", "{\"nodes\": [\n {\"id\": \"a\\qb\"}], \"links\": []}", 2, 12, "invalid string"},
        test::BadInput{"raw_newline_in_string", "{\"nodes\": [{\"id\": \"a\nb\"}], \"links\": []}", 1, 21,
                       "control character"},
        test::BadInput{"invalid_utf8", "{\"nodes\": [{\"id\": \"a\xff\"}], \"links\": []}", 1, 21, "UTF-8"},
        test::BadInput{"columns_count_code_points",
                       "{\"nodes\": [{\"id\": \"é€\", "
                       "\"x\": nul}], \"links\": []}",
                       1, 33, "invalid literal"},
        test::BadInput{"trailing_garbage", "{\"nodes\": [], \"links\": []}\nx", 2, 1, "invalid literal"},
        test::BadInput{"second_value", "{\"nodes\": [], \"links\": []} {}", 1, 28, "expected end of input"},
        test::BadInput{"comment", "// nodes\n{\"nodes\": [], \"links\": []}", 1, 1, "invalid literal"},
        test::BadInput{"huge_number", "{\"nodes\": [{\"id\": \"a\", \"x\":\n  1e400}], \"links\": []}", 2, 3,
                       "too large"},
        test::BadInput{"huge_negative_weight",
                       ok_nodes + "  {\"source\": \"a\", \"target\": \"b\", \"weight\": -1.5e999}]}", 3, 44,
                       "too large"},
        // Structure.
        test::BadInput{"top_level_array", "[{\"nodes\": []}]", 1, 1, "expected a JSON object at the top level"},
        test::BadInput{"top_level_string", "  \"nodes\"", 1, 3, "expected a JSON object at the top level"},
        test::BadInput{"missing_nodes", "{\"links\": []}", 1, 1, "no \"nodes\""},
        test::BadInput{"missing_links", "\n {\"nodes\": [], \"graph\": {}}", 2, 2, "no \"links\""},
        test::BadInput{"nodes_not_array", "{\"nodes\": {}, \"links\": []}", 1, 11, "\"nodes\" must be an array"},
        test::BadInput{"edges_not_array", "{\"nodes\": [], \"edges\": 3}", 1, 24, "\"edges\" must be an array"},
        test::BadInput{"links_and_edges", "{\"nodes\": [], \"links\": [], \"edges\": []}", 1, 28, "both"},
        test::BadInput{"nodes_twice", "{\"nodes\": [], \"nodes\": [], \"links\": []}", 1, 15, "appears twice"},
        test::BadInput{"node_not_object", "{\"nodes\": [\"a\"], \"links\": []}", 1, 12,
                       "each node must be a JSON object"},
        test::BadInput{"link_not_object", ok_nodes + "  [\"a\", \"b\"]]}", 3, 3, "each link must be a JSON object"},
        test::BadInput{"node_without_id", "{\"nodes\": [{\"id\": \"a\"},\n  {\"name\": \"B\"}], \"links\": []}", 2, 3,
                       "node has no \"id\""},
        test::BadInput{"duplicate_id", "{\"nodes\": [{\"id\": \"a\"},\n {\"id\": \"a\"}], \"links\": []}", 2, 9,
                       "duplicate node id 'a' (first defined on line 1)"},
        test::BadInput{"duplicate_id_number_and_string", "{\"nodes\": [{\"id\": 1}, {\"id\": \"1\"}], \"links\": []}",
                       1, 30, "duplicate node id '1'"},
        test::BadInput{"id_boolean", "{\"nodes\": [{\"id\": true}], \"links\": []}", 1, 19,
                       "\"id\" must be a string or a number, found a boolean"},
        test::BadInput{"id_array", "{\"nodes\": [{\"id\": [0, 1]}], \"links\": []}", 1, 19, "found an array"},
        test::BadInput{"id_empty", "{\"nodes\": [{\"id\": \"\"}], \"links\": []}", 1, 19, "empty"},
        test::BadInput{"duplicate_key", "{\"nodes\": [{\"id\": \"a\", \"id\": \"b\"}], \"links\": []}", 1, 24,
                       "appears twice"},
        test::BadInput{"name_object", "{\"nodes\": [{\"id\": \"a\", \"name\": {\"fr\": \"A\"}}], \"links\": []}", 1, 32,
                       "\"name\" must be"},
        test::BadInput{"founded_string", "{\"nodes\": [{\"id\": \"a\", \"founded\": \"1996\"}], \"links\": []}", 1, 35,
                       "\"founded\" must be an integer year"},
        test::BadInput{"founded_fraction", "{\"nodes\": [{\"id\": \"a\", \"founded\": 1996.5}], \"links\": []}", 1, 35,
                       "is not a year"},
        test::BadInput{"founded_out_of_range", "{\"nodes\": [{\"id\": \"a\", \"founded\": 12000}], \"links\": []}", 1,
                       35, "is not a year"},
        test::BadInput{"directed_string", "{\"directed\": \"yes\", \"nodes\": [], \"links\": []}", 1, 14,
                       "\"directed\" must be true or false"},
        test::BadInput{"multigraph_number", "{\"multigraph\": 1, \"nodes\": [], \"links\": []}", 1, 16,
                       "\"multigraph\" must be true or false"},
        // Links.
        test::BadInput{"unknown_target", ok_nodes + " {\"source\": \"a\", \"target\": \"zed\"}]}", 3, 28,
                       "link target 'zed' is not the id of a node"},
        test::BadInput{"unknown_source_before_nodes",
                       "{\"links\": [{\"source\": \"q\", \"target\": \"a\"}],\n \"nodes\": [{\"id\": \"a\"}]}", 1, 23,
                       "link source 'q' is not the id of a node"},
        test::BadInput{"number_vs_text_id", "{\"nodes\": [{\"id\": 1.0}], \"links\": [{\"source\": 1, \"target\": 1}]}",
                       1, 47, "link source '1' is not the id of a node"},
        test::BadInput{"link_without_target", ok_nodes + "  {\"source\": \"a\"}]}", 3, 3, "link has no \"target\""},
        test::BadInput{"link_without_source", ok_nodes + "  {}]}", 3, 3, "link has no \"source\""},
        test::BadInput{"weight_string", ok_nodes + "  {\"source\": \"a\", \"target\": \"b\", \"weight\": \"2\"}]}", 3,
                       44, "\"weight\" must be a number or null, found a string"},
        test::BadInput{"weight_boolean", ok_nodes + "  {\"source\": \"a\", \"target\": \"b\", \"weight\": true}]}", 3,
                       44, "found a boolean"},
        test::BadInput{"weight_negative", ok_nodes + "  {\"source\": \"a\", \"target\": \"b\", \"weight\": -0.5}]}", 3,
                       44, "negative"},
        test::BadInput{"start_year_fraction",
                       ok_nodes + "  {\"source\": \"a\", \"target\": \"b\", \"start_year\": 2011.25}]}", 3, 48,
                       "start_year 2011.25 is not a year"},
        test::BadInput{"end_year_exponent", ok_nodes + "  {\"source\": \"a\", \"target\": \"b\", \"end_year\": 2e3}]}",
                       3, 46, "end_year 2e3 is not a year"},
        test::BadInput{
            "end_before_start",
            ok_nodes + "  {\"source\": \"a\", \"target\": \"b\", \"end_year\": 2001, \"start_year\": 2005}]}", 3, 46,
            "end_year 2001 is before start_year 2005"},
        test::BadInput{"link_directed_number", ok_nodes + "  {\"source\": \"a\", \"target\": \"b\", \"directed\": 1}]}",
                       3, 46, "\"directed\" must be true, false or null"},
        test::BadInput{"source_null", ok_nodes + "  {\"source\": null, \"target\": \"b\"}]}", 3, 14,
                       "\"source\" must be a string or a number, found null"}));

// Every prefix of a valid document is an error (never a crash or a silently shorter network), and
// every one-byte change either parses or throws ParseError.
TEST(JsonErrors, TruncationsAndByteChangesNeverCrash) {
    const std::string text = R"({"directed": true, "nodes": [{"id": "a", "name": "Économie", "x": [1, {"y": null}]},
{"id": 2, "founded": 1996}], "links": [{"source": "a", "target": 2, "weight": 2.5, "directed": false,
"start_year": 2001, "end_year": 2003, "relation": "r"}]})";
    ASSERT_NO_THROW(parse_json(text, "ok.json"));
    for (std::size_t n = 0; n + 1 < text.size(); ++n) {
        if (n + 1 == text.size()) continue;
        EXPECT_THROW(parse_json(text.substr(0, n), "cut.json"), ParseError) << n;
    }
    std::mt19937_64 rng(12345);
    const std::string alphabet = "{}[]:,\"\\ 0-9.eE+atrufnl\x01\xC3\xFF";
    for (int trial = 0; trial < 3000; ++trial) {
        std::string changed = text;
        changed[rng() % changed.size()] = alphabet[rng() % alphabet.size()];
        try {
            parse_json(changed, "changed.json");
        } catch (const ParseError& e) {
            EXPECT_GE(e.line(), 1);
            EXPECT_GE(e.column(), 1);
        }
    }
}

TEST(JsonErrors, DeeplyNestedValuesDoNotOverflowTheStack) {
    const std::size_t depth = 200000;
    const std::string nested = std::string(depth, '[') + std::string(depth, ']');
    const ActorNetwork net =
        parse_json("{\"graph\": " + nested + ", \"nodes\": [{\"id\": \"a\", \"deep\": " + nested + "}], \"links\": []}",
                   "deep.json");
    EXPECT_EQ(extra_value(net.actors().extra, "deep", 0).size(), 2 * depth);
    EXPECT_THROW(parse_json("{\"nodes\": " + std::string(depth, '['), "deep.json"), ParseError);
}

TEST(JsonErrors, TooManyDifferentKeysIsRefusedBeforeAllocating) {
    // 20000 nodes with a key of their own: 20000 x 20000 extra values, more than the limit of 16
    // per byte of the file plus 2^20 (597806 x 16 + 2^20 = 10613472). The error names the first key past
    // the limit: that of node 10613472 / 20000 = 530, on line 530 + 2.
    std::string text = "{\"links\": [], \"nodes\": [\n";
    for (int i = 0; i < 20000; ++i)
        text += "{\"id\": \"n" + std::to_string(i) + "\", \"k" + std::to_string(i) + "\": 1}" +
                (i + 1 < 20000 ? ",\n" : "\n");
    text += "]}";
    try {
        parse_json(text, "keys.json");
        FAIL() << "no ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), 532);
        EXPECT_EQ(e.column(), 16);  // {"id": "n530", "k530": 1}
        EXPECT_NE(e.message().find("20000 different keys"), std::string::npos) << e.what();
    }
}

TEST(JsonErrors, MissingFileIsFileError) {
    EXPECT_THROW(read_json(temp_path("absent.json")), FileError);
}

// ------------------------------------------------------------------------------------------------
// Writer.

TEST(WriteJson, ExactTextOfASmallMixedMultigraph) {
    // "code" and "odd" hold numbers, but spelt otherwise than JSON numbers: written as text.
    ActorNetwork net({"members", "active", "share", "code", "empty", "odd"}, {"note", "count"});
    net.add_actor({.id = "a",
                   .name = "Économie \"sociale\"",
                   .kind = "network",
                   .founded = 1996,
                   .extra = {{"members", "70"}, {"active", "true"}, {"share", "1.5"}, {"code", "007"}}});
    net.add_actor({.id = "b", .country = "CA", .extra = {{"members", "-3"}, {"share", "2"}, {"code", "12"}}});
    net.add_actor({.id = "c\n\t\\", .extra = {{"active", "false"}, {"share", "-0.25e3"}, {"odd", ".5"}}});
    net.add_tie({.source = "a", .target = "b", .relation = "funded", .weight = 2.5, .start_year = 2001});
    net.add_tie({.source = "a", .target = "b", .directed = false, .end_year = 2010, .extra = {{"count", "3"}}});
    net.add_tie({.source = "b", .target = "a", .provenance = "p, q", .extra = {{"note", "x\x01y"}}});
    net.add_tie({.source = "a", .target = "b", .weight = 0.1});
    const std::string expected =
        "{\n"
        "  \"directed\": true,\n"
        "  \"multigraph\": true,\n"
        "  \"graph\": {},\n"
        "  \"nodes\": [\n"
        "    {\"id\": \"a\", \"name\": \"Économie \\\"sociale\\\"\", \"kind\": \"network\", \"founded\": 1996, "
        "\"members\": 70, \"active\": true, \"share\": 1.5, \"code\": \"007\"},\n"
        "    {\"id\": \"b\", \"country\": \"CA\", \"members\": -3, \"share\": 2, \"code\": \"12\"},\n"
        "    {\"id\": \"c\\n\\t\\\\\", \"active\": false, \"share\": -0.25e3, \"odd\": \".5\"}\n"
        "  ],\n"
        "  \"links\": [\n"
        "    {\"source\": \"a\", \"target\": \"b\", \"key\": 0, \"directed\": true, \"relation\": \"funded\", "
        "\"weight\": 2.5, \"start_year\": 2001},\n"
        "    {\"source\": \"a\", \"target\": \"b\", \"key\": 1, \"directed\": false, \"weight\": 1.0, \"end_year\": "
        "2010, "
        "\"count\": 3},\n"
        "    {\"source\": \"b\", \"target\": \"a\", \"key\": 0, \"directed\": true, \"weight\": 1.0, \"provenance\": "
        "\"p, q\", \"note\": \"x\\u0001y\"},\n"
        "    {\"source\": \"a\", \"target\": \"b\", \"key\": 2, \"directed\": true, \"weight\": 0.1}\n"
        "  ]\n"
        "}\n";
    EXPECT_EQ(json_text(net), expected);
}

TEST(WriteJson, DirectionAndMultigraphFlags) {
    ActorNetwork net;
    EXPECT_EQ(json_text(net),
              "{\n  \"directed\": false,\n  \"multigraph\": false,\n  \"graph\": {},\n  \"nodes\": [],\n"
              "  \"links\": []\n}\n");
    net.add_actor({.id = "a"});
    net.add_actor({.id = "b"});
    net.add_tie({.source = "a", .target = "b", .directed = false});
    net.add_tie({.source = "b", .target = "a", .directed = false});  // the same unordered pair
    std::string text = json_text(net);
    EXPECT_NE(text.find("\"directed\": false,\n  \"multigraph\": true"), std::string::npos) << text;
    EXPECT_NE(text.find("\"source\": \"b\", \"target\": \"a\", \"key\": 1, \"weight\""), std::string::npos) << text;
    EXPECT_EQ(text.find("\"directed\": true"), std::string::npos);

    ActorNetwork directed;
    directed.add_actor({.id = "a"});
    directed.add_actor({.id = "b"});
    directed.add_tie({.source = "a", .target = "b"});
    directed.add_tie({.source = "b", .target = "a"});  // an ordered pair each: not a multigraph
    text = json_text(directed);
    EXPECT_NE(text.find("\"directed\": true,\n  \"multigraph\": false"), std::string::npos) << text;
    EXPECT_EQ(text.find("\"key\""), std::string::npos);
    EXPECT_EQ(text.find("\"directed\": true}"), std::string::npos);  // no per-link flag unless mixed
}

TEST(WriteJson, RefusesWhatTheFormatCannotHold) {
    ActorNetwork reserved({}, {"key"});
    EXPECT_THROW(json_text(reserved), std::invalid_argument);
    // Built-in names cannot be extra columns at all (the network refuses them).
    EXPECT_THROW(ActorNetwork({"founded"}, {}), std::invalid_argument);

    ActorNetwork bad_utf8;
    bad_utf8.add_actor({.id = "a", .name = "caf\xE9"});
    EXPECT_THROW(json_text(bad_utf8), std::invalid_argument);

    ActorNetwork nan_weight;
    nan_weight.add_actor({.id = "a"});
    nan_weight.add_tie_rows(0, 0, {}, true, std::numeric_limits<double>::quiet_NaN(), no_year, no_year, {}, {});
    EXPECT_THROW(json_text(nan_weight), std::invalid_argument);
}

TEST(WriteJson, AtomicFileAndErrors) {
    ActorNetwork net;
    net.add_actor({.id = "a"});
    const std::string path = temp_path("out.json");
    write_json(net, path);
    EXPECT_EQ(read_json(path).actors().id, (std::vector<std::string>{"a"}));
    std::remove(path.c_str());
    EXPECT_THROW(write_json(net, temp_path("no/such/dir/out.json")), FileError);
    // A failed write leaves the old file as it was.
    std::ofstream(path) << "old";
    ActorNetwork bad({}, {"key"});
    EXPECT_THROW(write_json(bad, path), std::invalid_argument);
    std::ifstream in(path);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content, "old");
    // Replacing a file keeps its permissions: a private file stays private.
    namespace fs = std::filesystem;
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    write_json(net, path);
    EXPECT_EQ(fs::status(path).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(read_json(path).actors().id, (std::vector<std::string>{"a"}));
    std::remove(path.c_str());
}

// ------------------------------------------------------------------------------------------------
// Round trips on seeded random networks.

class Random {
public:
    explicit Random(std::uint64_t seed) : rng_(seed) {}
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    std::string text() {
        static const std::vector<std::string> pieces{
            "a",    "Z",    " ",    "  ",      ",",      ";",        "\"", "'",    "\\",
            "\n",   "\r\n", "\t",   "é",       "Québec", "économie", "€",  "中文", "\xF0\x9F\x8C\x8D",
            "\x01", "\x1f", "\x7f", "{",       "}",      "[",        "]",  ":",    "null",
            "true", "0",    "-1.5", "\\u00e9", "/",      "<",        "&"};
        std::string s;
        const std::size_t n = below(6);
        for (std::size_t i = 0; i < n; ++i) s += pieces[below(pieces.size())];
        return s;
    }
    std::string integer() {
        return std::to_string(static_cast<std::int64_t>(rng_() >> 1) * (chance(50) ? 1 : -1) >> below(60));
    }
    std::string real() {
        static const std::vector<std::string> reals{"0.25", "-3.5", "1e-7", "2.5E+10", "0.1", "123.456", "-0.0", "7"};
        return reals[below(reals.size())];
    }
    std::int32_t year() { return static_cast<std::int32_t>(below(19999)) - 9999; }
    double weight() {
        switch (below(4)) {
            case 0:
                return 1.0;
            case 1:
                return static_cast<double>(below(100));
            case 2:
                return static_cast<double>(rng_() >> 11) * 0x1.0p-53 * 1e6;
            default:
                return std::ldexp(static_cast<double>(rng_() >> 11), static_cast<int>(below(200)) - 150);
        }
    }

private:
    std::mt19937_64 rng_;
};

ActorNetwork random_network(std::uint64_t seed, int direction) {  // direction: 0 none, 1 all, 2 mixed
    Random r(seed);
    ActorNetwork net({"label", "members", "share", "flag", "never"}, {"note", "count", "score", "ok"});
    const std::size_t n = 1 + r.below(30);
    for (std::size_t i = 0; i < n; ++i) {
        std::string id = r.chance(30) ? std::to_string(i) : r.text() + "#" + std::to_string(i);
        Actor a{.id = id};
        if (r.chance(70)) a.name = r.text();
        if (r.chance(50)) a.kind = usual_kinds()[r.below(usual_kinds().size())];
        if (r.chance(40)) a.country = r.text();
        if (r.chance(40)) a.region = r.text();
        if (r.chance(50)) a.founded = r.year();
        if (r.chance(60)) a.extra.push_back({"label", r.text()});
        if (r.chance(60)) a.extra.push_back({"members", r.integer()});
        if (r.chance(60)) a.extra.push_back({"share", r.real()});
        if (r.chance(60)) a.extra.push_back({"flag", r.chance(50) ? "true" : "false"});
        net.add_actor(a);
    }
    const std::size_t m = r.below(60);
    for (std::size_t e = 0; e < m; ++e) {
        Tie t{.source = net.actors().id[r.below(n)], .target = net.actors().id[r.below(n)]};
        if (e > 0 && r.chance(20)) {  // a parallel tie
            t.source = net.actors().id[static_cast<std::size_t>(net.ties().source.back())];
            t.target = net.actors().id[static_cast<std::size_t>(net.ties().target.back())];
        }
        t.directed = direction == 1 || (direction == 2 && r.chance(50));
        if (r.chance(60)) t.relation = usual_relations()[r.below(usual_relations().size())];
        t.weight = r.weight();
        if (r.chance(50)) t.start_year = r.year();
        if (r.chance(30)) t.end_year = t.start_year == no_year ? r.year() : std::min(9999, t.start_year + 5);
        if (r.chance(40)) t.provenance = r.text();
        if (r.chance(50)) t.extra.push_back({"note", r.text()});
        if (r.chance(50)) t.extra.push_back({"count", std::to_string(r.below(1000))});
        if (r.chance(50)) t.extra.push_back({"score", r.real()});
        if (r.chance(50)) t.extra.push_back({"ok", r.chance(50) ? "true" : "false"});
        net.add_tie(t);
    }
    return net;
}

void expect_same_network(const ActorNetwork& x, const ActorNetwork& y) {
    const auto &a = x.actors(), &b = y.actors();
    ASSERT_EQ(a.id, b.id);
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a.name[i], b.name[i]);
        EXPECT_EQ(a.kind[i], b.kind[i]);
        EXPECT_EQ(a.country[i], b.country[i]);
        EXPECT_EQ(a.region[i], b.region[i]);
        EXPECT_EQ(a.founded[i], b.founded[i]);
        for (const auto& c : a.extra) EXPECT_EQ(c.values[i], extra_value(b.extra, c.name, i)) << c.name;
        for (const auto& c : b.extra) EXPECT_EQ(c.values[i], extra_value(a.extra, c.name, i)) << c.name;
    }
    const auto &s = x.ties(), &t = y.ties();
    ASSERT_EQ(s.size(), t.size());
    for (std::size_t e = 0; e < s.size(); ++e) {
        EXPECT_EQ(s.source[e], t.source[e]);
        EXPECT_EQ(s.target[e], t.target[e]);
        EXPECT_EQ(s.relation[e], t.relation[e]);
        EXPECT_EQ(s.directed[e], t.directed[e]);
        EXPECT_EQ(s.weight[e], t.weight[e]);  // exactly: the shortest text that reads back the same
        EXPECT_EQ(s.start_year[e], t.start_year[e]);
        EXPECT_EQ(s.end_year[e], t.end_year[e]);
        EXPECT_EQ(s.provenance[e], t.provenance[e]);
        for (const auto& c : s.extra) EXPECT_EQ(c.values[e], extra_value(t.extra, c.name, e)) << c.name;
        for (const auto& c : t.extra) EXPECT_EQ(c.values[e], extra_value(s.extra, c.name, e)) << c.name;
    }
}

TEST(JsonRoundTrip, SeededRandomNetworksKeepEverything) {
    for (std::uint64_t seed = 1; seed <= 90; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const ActorNetwork net = random_network(seed, static_cast<int>(seed % 3));
        const std::string text = json_text(net);
        ASSERT_EQ(detail::find_invalid_utf8(text), std::string::npos);
        for (const char c : text) ASSERT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\n');
        const ActorNetwork back = parse_json(text, "round.json");
        expect_same_network(net, back);
        // Extra columns come back in order of first appearance; from then on the text is stable.
        const std::string again = json_text(back);
        EXPECT_EQ(json_text(parse_json(again, "again.json")), again);
    }
}

TEST(JsonRoundTrip, ThroughAFile) {
    const ActorNetwork net = random_network(2024, 2);
    const std::string path = temp_path("round.json");
    write_json(net, path);
    expect_same_network(net, read_json(path));
    std::remove(path.c_str());
}

}  // namespace
}  // namespace essnet

namespace essnet {
namespace {

TEST(ReadJsonLimits, EmptyKeysAndKeyFloodsAreParseErrors) {
    // An empty key cannot name a column: a ParseError at the key, not an invalid_argument.
    EXPECT_THROW(parse_json(R"({"nodes":[{"id":1,"":2}],"links":[]})", "e.json"), ParseError);
    // 2,000 nodes each with a key of its own: 4 million cells from a 70 KB file, refused.
    std::string text = R"({"nodes":[)";
    for (int i = 0; i < 2000; ++i) {
        if (i > 0) text += ',';
        text.append(R"({"id":)").append(std::to_string(i)).append(R"(,"k)").append(std::to_string(i)).append(R"(":1})");
    }
    text += R"(],"links":[]})";
    EXPECT_THROW(parse_json(text, "flood.json"), ParseError);
}

}  // namespace
}  // namespace essnet
