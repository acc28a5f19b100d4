#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "essnet/io/graphml.hpp"
#include "support/networks.hpp"

namespace essnet {
namespace {

// As networkx 2.8's write_graphml writes a directed multigraph with typed attributes.
const std::string networkx_sample = R"(<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance")"
                                    R"( xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns )"
                                    R"(http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="d5" for="edge" attr.name="since" attr.type="long" />
  <key id="d4" for="edge" attr.name="weight" attr.type="double" />
  <key id="d3" for="edge" attr.name="relation" attr.type="string" />
  <key id="d2" for="node" attr.name="members" attr.type="long" />
  <key id="d1" for="node" attr.name="founded" attr.type="long" />
  <key id="d0" for="node" attr.name="kind" attr.type="string" />
  <graph edgedefault="directed">
    <node id="chantier">
      <data key="d0">organization</data>
      <data key="d1">1996</data>
      <data key="d2">700</data>
    </node>
    <node id="ripess">
      <data key="d0">network</data>
    </node>
    <node id="Économie &amp; &lt;solidarité&gt;" />
    <edge source="chantier" target="ripess" id="0">
      <data key="d3">member_of</data>
      <data key="d4">2.5</data>
      <data key="d5">2002</data>
    </edge>
    <edge source="chantier" target="ripess" id="1">
      <data key="d3">partnership</data>
    </edge>
    <edge source="ripess" target="Économie &amp; &lt;solidarité&gt;" id="0" />
  </graph>
</graphml>
)";

TEST(ReadGraphml, NetworkxTypedAttributes) {
    const ActorNetwork net = parse_graphml(networkx_sample, "nx.graphml");
    const auto& a = net.actors();
    ASSERT_EQ(net.num_actors(), 3u);
    EXPECT_EQ(a.id[2], "Économie & <solidarité>");
    EXPECT_EQ(a.kind[0], "organization");
    EXPECT_EQ(a.founded[0], 1996);
    EXPECT_EQ(a.founded[1], no_year);
    ASSERT_EQ(a.extra.size(), 1u);
    EXPECT_EQ(a.extra[0].name, "members");
    EXPECT_EQ(a.extra[0].values[0], "700");
    EXPECT_EQ(a.extra[0].values[1], "");
    const auto& t = net.ties();
    ASSERT_EQ(net.num_ties(), 3u);  // the parallel ties are both kept
    EXPECT_EQ(t.relation[0], "member_of");
    EXPECT_EQ(t.relation[1], "partnership");
    EXPECT_DOUBLE_EQ(t.weight[0], 2.5);
    EXPECT_DOUBLE_EQ(t.weight[1], 1.0);
    EXPECT_EQ(t.directed[0], 1);
    EXPECT_EQ(t.target[2], 2);
    ASSERT_EQ(t.extra.size(), 1u);
    EXPECT_EQ(t.extra[0].name, "since");
    EXPECT_EQ(t.extra[0].values[0], "2002");
}

// As yEd writes it: graphics keys without attr.name, labels inside y:ShapeNode.
const std::string yed_sample = R"(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <graph edgedefault="directed" id="G">
    <node id="n0">
      <data key="d5"><![CDATA[Québec]]></data>
      <data key="d6">
        <y:ShapeNode>
          <y:Geometry height="30.0" width="30.0" x="0.0" y="0.0"/>
          <y:NodeLabel alignment="center" autoSizePolicy="content">Chantier</y:NodeLabel>
          <y:Shape type="rectangle"/>
        </y:ShapeNode>
      </data>
    </node>
    <node id="n1">
      <data key="d6"><y:ShapeNode><y:NodeLabel>FBES</y:NodeLabel></y:ShapeNode></data>
    </node>
    <edge id="e0" source="n0" target="n1">
      <data key="d10"><y:PolyLineEdge><y:LineStyle color="#000000" type="line" width="1.0"/></y:PolyLineEdge></data>
    </edge>
  </graph>
</graphml>
)";

TEST(ReadGraphml, YedLabelsBecomeNames) {
    const ActorNetwork net = parse_graphml(yed_sample, "yed.graphml");
    const auto& a = net.actors();
    EXPECT_EQ(a.id, (std::vector<std::string>{"n0", "n1"}));
    EXPECT_EQ(a.name[0], "Chantier");
    EXPECT_EQ(a.name[1], "FBES");
    ASSERT_EQ(a.extra.size(), 1u);
    EXPECT_EQ(a.extra[0].values[0], "Québec");
    EXPECT_EQ(net.num_ties(), 1u);
    EXPECT_TRUE(net.ties().extra.empty());
}

// As Gephi writes it: a label key, weights, undirected edges, defaults.
const std::string gephi_sample =
    R"(<?xml version="1.0" encoding="UTF-8"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key attr.name="label" attr.type="string" for="node" id="label"/>
<key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
<key attr.name="weight" attr.type="double" for="edge" id="weight"/>
<key attr.name="r" attr.type="int" for="node" id="r"><default>153</default></key>
<key attr.name="x" attr.type="float" for="node" id="x"/>
<graph edgedefault="undirected">
<node id="0">
<data key="label">RIPESS</data>
<data key="x">-12.5E2</data>
</node>
<node id="1">
<data key="label">ILO</data>
<data key="r">10</data>
</node>
<edge id="0" source="0" target="1">
<data key="weight">3.0</data>
<data key="edgelabel">partners</data>
</edge>
</graph>
</graphml>
)";

TEST(ReadGraphml, GephiLabelsWeightsAndDefaults) {
    const ActorNetwork net = parse_graphml(gephi_sample, "gephi.graphml");
    const auto& a = net.actors();
    EXPECT_EQ(a.name[0], "RIPESS");
    EXPECT_EQ(a.name[1], "ILO");
    ASSERT_EQ(a.extra.size(), 2u);
    EXPECT_EQ(a.extra[0].name, "r");
    EXPECT_EQ(a.extra[0].values[0], "153");  // the key's default
    EXPECT_EQ(a.extra[0].values[1], "10");
    EXPECT_EQ(a.extra[1].values[0], "-12.5E2");
    const auto& t = net.ties();
    EXPECT_EQ(t.directed[0], 0);
    EXPECT_DOUBLE_EQ(t.weight[0], 3.0);
    ASSERT_EQ(t.extra.size(), 1u);
    EXPECT_EQ(t.extra[0].name, "Edge Label");
    EXPECT_EQ(t.extra[0].values[0], "partners");
}

TEST(ReadGraphml, EdgeBeforeItsNodesAndPerEdgeDirection) {
    const std::string text = R"(<graphml><graph edgedefault="undirected">
<edge source="a" target="b" directed="true"/>
<node id="a"/><node id="b"/>
<edge source="b" target="a"/>
</graph></graphml>)";
    const ActorNetwork net = parse_graphml(text);
    ASSERT_EQ(net.num_ties(), 2u);
    // The tie whose nodes were already known comes first; the early one is added at the end.
    EXPECT_EQ(net.ties().directed[0], 0);
    EXPECT_EQ(net.ties().directed[1], 1);
    EXPECT_EQ(net.ties().source[1], 0);
}

void expect_parse_error(const std::string& text, std::int64_t line, const std::string& fragment) {
    try {
        parse_graphml(text, "bad.graphml");
        FAIL() << "no error for:\n" << text;
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "bad.graphml");
        EXPECT_EQ(e.line(), line) << e.what();
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}

// As networkx 2.8 writes an attribute holding both ints and floats: one key per name and type.
const std::string networkx_mixed_types = R"(<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d3" for="edge" attr.name="weight" attr.type="double"/>
<key id="d2" for="edge" attr.name="weight" attr.type="long"/>
<key id="d1" for="node" attr.name="score" attr.type="double"/>
<key id="d0" for="node" attr.name="score" attr.type="long"/>
<graph edgedefault="undirected"><node id="a">
  <data key="d0">1</data>
</node>
<node id="b">
  <data key="d1">2.5</data>
</node>
<node id="c"/>
<edge source="a" target="b">
  <data key="d2">1</data>
</edge>
<edge source="b" target="c">
  <data key="d3">0.5</data>
</edge>
</graph></graphml>
)";

TEST(ReadGraphml, KeysOfOneNameShareAFieldOrColumn) {
    const ActorNetwork net = parse_graphml(networkx_mixed_types, "mixed.graphml");
    ASSERT_EQ(net.actors().extra.size(), 1u);
    EXPECT_EQ(net.actors().extra[0].name, "score");
    const auto& score = net.actors().extra[0].values;
    ASSERT_EQ(score.size(), 3u);
    EXPECT_EQ(score[0], "1");
    EXPECT_EQ(score[1], "2.5");
    EXPECT_EQ(score[2], "");
    EXPECT_DOUBLE_EQ(net.ties().weight[0], 1.0);
    EXPECT_DOUBLE_EQ(net.ties().weight[1], 0.5);
    // Each value is checked against its own key's type.
    std::string bad = networkx_mixed_types;
    bad.replace(bad.find("<data key=\"d0\">1<"), 17, "<data key=\"d0\">1.5<");
    expect_parse_error(bad, 7, "not an integer");
    // Keys of one name with different defaults cannot share a column.
    expect_parse_error(
        "<graphml><key id=\"s\" for=\"node\" attr.name=\"s\"><default>x</default></key>\n"
        "<key id=\"t\" for=\"node\" attr.name=\"s\"><default>y</default></key><graph/></graphml>",
        2, "different defaults");
}

TEST(ReadGraphml, OneIdForANodeKeyAndAnEdgeKey) {
    // networkx's named_key_ids: the key id is the attribute name, here for nodes and for edges.
    const ActorNetwork net = parse_graphml(
        "<graphml><key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "<key id=\"weight\" for=\"node\" attr.name=\"weight\" attr.type=\"long\"/>\n"
        "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"weight\">3</data></node><node id=\"b\"/>\n"
        "<edge source=\"a\" target=\"b\"><data key=\"weight\">0.5</data></edge></graph></graphml>",
        "named.graphml");
    ASSERT_EQ(net.actors().extra.size(), 1u);
    EXPECT_EQ(net.actors().extra[0].name, "weight");
    EXPECT_EQ(net.actors().extra[0].values[0], "3");
    EXPECT_EQ(net.actors().extra[0].values[1], "");
    EXPECT_DOUBLE_EQ(net.ties().weight[0], 0.5);
    // Two keys that could both apply to one element may not share an id.
    expect_parse_error("<graphml><key id=\"k\" for=\"node\"/>\n<key id=\"k\" for=\"all\"/><graph/></graphml>", 2,
                       "declared twice");
    expect_parse_error("<graphml><key id=\"k\" for=\"edge\"/>\n<key id=\"k\" for=\"edge\"/><graph/></graphml>", 2,
                       "declared twice");
}

TEST(ReadGraphml, BadInputNamesLineAndColumn) {
    expect_parse_error("<graphml><graph>\n<node id=\"a\">\n", 3, "truncated");
    expect_parse_error("<graphml><graph>\n<node id=\"a\"/>\n<node id=\"a\"/>\n</graph></graphml>", 3, "used twice");
    expect_parse_error("<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"z\"/>\n</graph></graphml>", 3,
                       "unknown node 'z'");
    expect_parse_error(
        "<graphml><key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"int\"/><graph>\n<node id=\"a\">\n"
        "  <data key=\"k\">12x</data></node></graph></graphml>",
        3, "not an integer");
    expect_parse_error("<graphml><graph>\n<node id=\"a\"><data key=\"nope\">1</data></node></graph></graphml>", 2,
                       "undeclared key");
    expect_parse_error("<graphml><graph>\n<node id=\"a\"><graph/></node></graph></graphml>", 2, "nested graphs");
    expect_parse_error("<graphml><graph>\n<hyperedge/></graph></graphml>", 2, "hyperedges");
    expect_parse_error("<graphml>\n</graphml>", 1, "no <graph>");
    expect_parse_error("<graphml><graph>\n<node id=\"a\"></edge></graph></graphml>", 2, "malformed XML");
    expect_parse_error(
        "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>\n<node id=\"a\"/>\n"
        "<edge source=\"a\" target=\"a\"><data key=\"w\">-1</data></edge></graph></graphml>",
        3, "negative");
    expect_parse_error(
        "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph>\n<node id=\"a\"/>\n"
        "<edge source=\"a\" target=\"a\"><data key=\"w\">1e400</data></edge></graph></graphml>",
        3, "not finite");
    expect_parse_error(
        "<graphml><key id=\"y\" for=\"node\" attr.name=\"founded\" attr.type=\"long\"/><graph>\n"
        "<node id=\"a\"><data key=\"y\">99999999999</data></node></graph></graphml>",
        2, "not a year");
}

TEST(ReadGraphml, RefusesDoctypeAndEntities) {
    // A "billion laughs" document: refused at its DOCTYPE, before any entity can expand.
    const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE graphml [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<graphml><graph><node id="&lol2;"/></graph></graphml>)";
    expect_parse_error(laughs, 2, "DOCTYPE");
    const std::string external = R"(<?xml version="1.0"?>
<!DOCTYPE graphml SYSTEM "file:///etc/passwd">
<graphml><graph/></graphml>)";
    expect_parse_error(external, 2, "DOCTYPE");
    // Without a DTD an entity reference is undefined.
    expect_parse_error("<graphml><graph>\n<node id=\"&xxe;\"/></graph></graphml>", 2, "undefined entity");
}

TEST(WriteGraphml, RoundTripKeepsEveryField) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const ActorNetwork net = test::random_network(seed);
        test::expect_same_network(net, parse_graphml(graphml_text(net)));
    }
}

TEST(WriteGraphml, TypesExtraColumnsAndDeclaresOnlyUsedFields) {
    ActorNetwork net({"members", "score", "listed", "note"}, {});
    net.add_actor({.id = "a", .extra = {{"members", "12"}, {"score", "2.5"}, {"listed", "true"}, {"note", "007"}}});
    net.add_actor({.id = "b", .extra = {{"members", "-3"}, {"score", "4"}, {"listed", ""}, {"note", "x"}}});
    net.add_tie({.source = "a", .target = "b"});
    const std::string text = graphml_text(net);
    EXPECT_NE(text.find("attr.name=\"members\" attr.type=\"long\""), std::string::npos) << text;
    EXPECT_NE(text.find("attr.name=\"score\" attr.type=\"double\""), std::string::npos);
    EXPECT_NE(text.find("attr.name=\"listed\" attr.type=\"boolean\""), std::string::npos);
    EXPECT_NE(text.find("attr.name=\"note\" attr.type=\"string\""), std::string::npos);
    EXPECT_EQ(text.find("attr.name=\"weight\""), std::string::npos);  // every weight is 1
    EXPECT_EQ(text.find("attr.name=\"kind\""), std::string::npos);
    EXPECT_NE(text.find("edgedefault=\"directed\""), std::string::npos);
}

TEST(WriteGraphml, ControlCharacterIsRefusedAndLeavesTheOldFile) {
    const auto path = (std::filesystem::temp_directory_path() / "essnet_write_graphml_test.graphml").string();
    ActorNetwork good;
    good.add_actor({.id = "a"});
    write_graphml(good, path);
    ActorNetwork bad;
    bad.add_actor({.id = std::string("bell\x07")});
    EXPECT_THROW(write_graphml(bad, path), std::invalid_argument);
    EXPECT_EQ(read_graphml(path).actors().id, (std::vector<std::string>{"a"}));
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
        EXPECT_EQ(entry.path().string().find("essnet_write_graphml_test.graphml.tmp"), std::string::npos);
    std::remove(path.c_str());
    EXPECT_THROW(write_graphml(good, "/nonexistent-folder/x.graphml"), FileError);
    EXPECT_THROW(read_graphml("/nonexistent-folder/x.graphml"), FileError);
}

}  // namespace
}  // namespace essnet

namespace essnet {
namespace {

TEST(ReadGraphml, DefaultsAreTypeChecked) {
    const ActorNetwork net = parse_graphml(
        "<graphml><key id=\"b\" for=\"node\" attr.name=\"listed\" attr.type=\"boolean\"><default>True</default></key>"
        "<graph><node id=\"a\"/></graph></graphml>");
    EXPECT_EQ(net.actors().extra[0].values[0], "true");
    EXPECT_THROW(
        parse_graphml("<graphml><key id=\"k\" for=\"node\" attr.name=\"n\" attr.type=\"int\"><default>abc</default>"
                      "</key><graph/></graphml>"),
        ParseError);
}

TEST(ReadGraphml, DeclaredEncodingBuiltInNamesAndYedLabels) {
    // ISO-8859-1, as the file declares: the byte E9 is é.
    const ActorNetwork latin = parse_graphml(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml><key id=\"n\" for=\"node\" attr.name=\"name\"/>"
        "<graph><node id=\"a\"><data key=\"n\">Qu\xE9"
        "bec</data></node></graph></graphml>");
    EXPECT_EQ(latin.actors().name[0], "Québec");
    // An edge attribute called "source" is kept as "source_attribute".
    const ActorNetwork renamed = parse_graphml(
        "<graphml><key id=\"s\" for=\"edge\" attr.name=\"source\"/><graph><node id=\"a\"/>"
        "<edge source=\"a\" target=\"a\"><data key=\"s\">report</data></edge></graph></graphml>");
    EXPECT_EQ(renamed.ties().extra[0].name, "source_attribute");
    EXPECT_EQ(renamed.ties().extra[0].values[0], "report");
    // With a name key, a yEd label does not fill an empty name.
    const ActorNetwork yed = parse_graphml(
        "<graphml xmlns:y=\"http://www.yworks.com/xml/graphml\"><key id=\"n\" for=\"node\" attr.name=\"name\"/>"
        "<key id=\"g\" for=\"node\"/><key id=\"d6\" for=\"node\" yfiles.type=\"nodegraphics\"/><graph><node id=\"a\">"
        "<data key=\"d6\"><y:ShapeNode><y:NodeLabel>Label</y:NodeLabel></y:ShapeNode></data></node></graph></graphml>");
    EXPECT_EQ(yed.actors().name[0], "");
}

TEST(WriteGraphml, InvalidUtf8IsRefusedAndCodesStayText) {
    ActorNetwork bad;
    bad.add_actor({.id = std::string("caf\xE9")});
    EXPECT_THROW(graphml_text(bad), std::invalid_argument);
    ActorNetwork codes({"postcode"}, {});
    codes.add_actor({.id = "a", .extra = {{"postcode", "01000"}}});
    codes.add_actor({.id = "b", .extra = {{"postcode", "75001"}}});
    EXPECT_NE(graphml_text(codes).find("attr.name=\"postcode\" attr.type=\"string\""), std::string::npos);
    EXPECT_THROW(ActorNetwork({"name"}, {}), std::invalid_argument);
    EXPECT_THROW(ActorNetwork({}, {"weight"}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
