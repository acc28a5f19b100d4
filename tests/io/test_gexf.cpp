#include <gtest/gtest.h>

#include <string>

#include "essnet/io/gexf.hpp"
#include "support/networks.hpp"

namespace essnet {
namespace {

// As Gephi 0.10 exports a dynamic graph (GEXF 1.3): viz elements, typed attributes, spells.
const std::string gephi_sample = R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz">
  <meta lastmodifieddate="2026-11-27"><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">
    <attributes class="node" mode="static">
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="members" title="members" type="integer"><default>0</default></attribute>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="prov" title="provenance" type="string"/>
    </attributes>
    <nodes>
      <node id="chantier" label="Chantier de l'économie sociale">
        <attvalues><attvalue for="kind" value="organization"/><attvalue for="members" value="700"/></attvalues>
        <viz:size value="10.0"/><viz:position x="1.0" y="2.0"/><viz:color r="153" g="0" b="0"/>
      </node>
      <node id="fiess" label="FIESS 2011"><attvalues><attvalue for="kind" value="event"/></attvalues></node>
      <node id="ilo" label="ILO"/>
    </nodes>
    <edges>
      <edge id="0" source="chantier" target="fiess" label="organized" weight="2.0" start="2010-06-01" end="2011-10-20">
        <attvalues><attvalue for="prov" value="Chantier, rapport 2011 &amp; annexes"/></attvalues>
      </edge>
      <edge id="1" source="ilo" target="chantier" type="undirected">
        <spells><spell start="2009-01-01" end="2012-12-31"/><spell start="2015-01-01"/></spells>
      </edge>
    </edges>
  </graph>
</gexf>
)";

TEST(ReadGexf, GephiDynamicWithSpellsAndViz) {
    const ActorNetwork net = parse_gexf(gephi_sample, "gephi.gexf");
    const auto& a = net.actors();
    ASSERT_EQ(net.num_actors(), 3u);
    EXPECT_EQ(a.name[0], "Chantier de l'économie sociale");
    EXPECT_EQ(a.kind[1], "event");
    ASSERT_EQ(a.extra.size(), 1u);
    EXPECT_EQ(a.extra[0].values[0], "700");
    EXPECT_EQ(a.extra[0].values[2], "0");  // the attribute's default
    const auto& t = net.ties();
    ASSERT_EQ(net.num_ties(), 3u);  // one tie per spell of edge 1
    EXPECT_EQ(t.relation[0], "organized");
    EXPECT_DOUBLE_EQ(t.weight[0], 2.0);
    EXPECT_EQ(t.start_year[0], 2010);
    EXPECT_EQ(t.end_year[0], 2011);
    EXPECT_EQ(t.provenance[0], "Chantier, rapport 2011 & annexes");
    EXPECT_EQ(t.directed[1], 0);
    EXPECT_EQ(t.start_year[1], 2009);
    EXPECT_EQ(t.end_year[1], 2012);
    EXPECT_EQ(t.start_year[2], 2015);
    EXPECT_EQ(t.end_year[2], no_year);
}

// As networkx 2.8's write_gexf writes (GEXF 1.2draft), with integer times.
const std::string networkx_sample = R"(<?xml version='1.0' encoding='utf-8'?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance")"
                                    R"( xsi:schemaLocation="http://www.gexf.net/1.2draft )"
                                    R"(http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
  <meta lastmodifieddate="2026-11-27">
    <creator>NetworkX 2.8.8</creator>
  </meta>
  <graph defaultedgetype="undirected" mode="dynamic" name="" timeformat="long">
    <attributes mode="static" class="edge">
      <attribute id="1" title="relation" type="string" />
    </attributes>
    <attributes mode="static" class="node">
      <attribute id="0" title="founded" type="long" />
    </attributes>
    <nodes>
      <node id="a" label="a">
        <attvalues>
          <attvalue for="0" value="1996" />
        </attvalues>
      </node>
      <node id="b" label="b" />
    </nodes>
    <edges>
      <edge source="a" target="b" id="0" start="2011" end="2013">
        <attvalues>
          <attvalue for="1" value="partnership" />
        </attvalues>
      </edge>
    </edges>
  </graph>
</gexf>
)";

TEST(ReadGexf, NetworkxDraftWithIntegerTimes) {
    const ActorNetwork net = parse_gexf(networkx_sample, "nx.gexf");
    EXPECT_EQ(net.actors().founded[0], 1996);
    EXPECT_EQ(net.actors().name[1], "b");
    ASSERT_EQ(net.num_ties(), 1u);
    EXPECT_EQ(net.ties().relation[0], "partnership");
    EXPECT_EQ(net.ties().directed[0], 0);
    EXPECT_EQ(net.ties().start_year[0], 2011);
    EXPECT_EQ(net.ties().end_year[0], 2013);
}

void expect_parse_error(const std::string& text, std::int64_t line, const std::string& fragment) {
    try {
        parse_gexf(text, "bad.gexf");
        FAIL() << "no error for:\n" << text;
    } catch (const ParseError& e) {
        EXPECT_EQ(e.line(), line) << e.what();
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
}

TEST(ReadGexf, BadInputNamesLineAndColumn) {
    const std::string head = "<gexf><graph>\n";
    expect_parse_error(head + "<nodes><node id=\"a\"/>\n<node id=\"a\"/></nodes></graph></gexf>", 3, "used twice");
    expect_parse_error(
        head + "<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"b\"/></edges></graph></gexf>", 3,
        "unknown node 'b'");
    expect_parse_error(head + "<nodes>\n<node id=\"a\"><nodes><node id=\"b\"/></nodes></node></nodes></graph></gexf>",
                       3, "hierarchies");
    expect_parse_error(
        head +
            "<attributes class=\"node\"><attribute id=\"0\" title=\"n\" type=\"integer\"/></attributes>\n"
            "<nodes><node id=\"a\"><attvalues><attvalue for=\"0\" "
            "value=\"1.5\"/></attvalues></node></nodes></graph></gexf>",
        3, "not an integer");
    expect_parse_error(head +
                           "<nodes><node id=\"a\">\n<attvalues><attvalue for=\"9\" "
                           "value=\"1\"/></attvalues></node></nodes></graph></gexf>",
                       3, "undeclared");
    expect_parse_error(head +
                           "<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"a\" "
                           "weight=\"NaN\"/></edges></graph></gexf>",
                       3, "NaN");
    expect_parse_error(head +
                           "<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"a\" start=\"2012\" "
                           "end=\"2010\"/></edges></graph></gexf>",
                       3, "before start year");
    expect_parse_error(head +
                           "<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"a\" "
                           "start=\"20120\"/></edges></graph></gexf>",
                       3, "not a year");
    expect_parse_error("<gexf>\n</gexf>", 1, "no <graph>");
    expect_parse_error("<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY x \"y\">]><gexf/>", 2, "DOCTYPE");
    expect_parse_error(head + "<nodes><node id=\"a\">\n", 3, "truncated");
}

TEST(WriteGexf, RoundTripKeepsEveryFieldInBothVersions) {
    for (const char* version : {"1.3", "1.2draft"})
        for (std::uint64_t seed = 1; seed <= 4; ++seed) {
            SCOPED_TRACE(std::string(version) + " seed " + std::to_string(seed));
            const ActorNetwork net = test::random_network(seed);
            test::expect_same_network(net, parse_gexf(gexf_text(net, {.version = version})));
        }
}

TEST(WriteGexf, TieYearsAreEdgeIntervals) {
    ActorNetwork net;
    net.add_actor({.id = "a"});
    net.add_actor({.id = "b"});
    net.add_tie({.source = "a", .target = "b", .relation = "funded", .start_year = 2009, .end_year = 2011});
    net.add_tie({.source = "b", .target = "a", .directed = false});
    const std::string text = gexf_text(net);
    // 1.2draft by default: networkx 2 reads no other version, Gephi reads both.
    EXPECT_NE(text.find("xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos) << text;
    EXPECT_NE(gexf_text(net, {.version = "1.3"}).find("xmlns=\"http://gexf.net/1.3\""), std::string::npos);
    // Actors without a name get no label, so that Gephi and networkx show their ids.
    EXPECT_NE(text.find("<node id=\"a\"/>"), std::string::npos) << text;
    EXPECT_NE(text.find("mode=\"dynamic\" timeformat=\"integer\""), std::string::npos);
    EXPECT_NE(text.find("label=\"funded\" start=\"2009\" end=\"2011\""), std::string::npos);
    EXPECT_NE(text.find("type=\"mutual\""), std::string::npos);
    EXPECT_NE(gexf_text(net, {.version = "1.3"}).find("type=\"undirected\""), std::string::npos);
    EXPECT_THROW(gexf_text(net, {.version = "2.0"}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet

namespace essnet {
namespace {

TEST(ReadGexf, AttributeDeclaredAfterNodesIsRefused) {
    // An <attribute> inside an <attributes> left open across the first node (found by review: it
    // used to index a column that did not exist).
    const std::string text =
        "<gexf><graph><attributes class=\"node\"><nodes><node id=\"a\"/></nodes>\n<attribute id=\"0\" title=\"t\"/>"
        "</attributes><nodes><node id=\"b\"><attvalues><attvalue for=\"0\" value=\"v\"/></attvalues></node></nodes>"
        "</graph></gexf>";
    EXPECT_THROW(parse_gexf(text), ParseError);
}

TEST(ReadGexf, BuiltInNamesAsAttributeTitlesAreRenamed) {
    // The node's name is its label; an attribute titled "name" is kept as "name_attribute".
    const std::string text = R"(<gexf><graph>
<attributes class="node"><attribute id="0" title="name" type="string"/></attributes>
<attributes class="edge"><attribute id="1" title="weight" type="double"/></attributes>
<nodes><node id="a" label="A"><attvalues><attvalue for="0" value="other"/></attvalues></node></nodes>
<edges><edge source="a" target="a" weight="2"><attvalues><attvalue for="1" value="5"/></attvalues></edge></edges>
</graph></gexf>)";
    const ActorNetwork net = parse_gexf(text);
    EXPECT_EQ(net.actors().name[0], "A");
    ASSERT_EQ(net.actors().extra.size(), 1u);
    EXPECT_EQ(net.actors().extra[0].name, "name_attribute");
    EXPECT_EQ(net.actors().extra[0].values[0], "other");
    EXPECT_DOUBLE_EQ(net.ties().weight[0], 2.0);
    EXPECT_EQ(net.ties().extra[0].name, "weight_attribute");
}

TEST(ReadGexf, OpenBoundsTimestampsAndDefaults) {
    // startopen="2010" excludes 2010: from 2011; endopen="2014": to 2013; a timestamp is one year;
    // a boolean default written "True" is kept as "true"; a bad integer default is refused.
    const std::string text = R"(<gexf><graph mode="dynamic">
<attributes class="node"><attribute id="0" title="listed" type="boolean">)"
                             R"(<default>True</default></attribute></attributes>
<nodes><node id="a"/></nodes>
<edges><edge source="a" target="a" startopen="2010" endopen="2014"/><edge source="a" target="a" timestamp="2012"/>
<edge source="a" target="a" startopen="2010-03-01"/></edges>
</graph></gexf>)";
    const ActorNetwork net = parse_gexf(text);
    EXPECT_EQ(net.actors().extra[0].values[0], "true");
    EXPECT_EQ(net.ties().start_year[0], 2011);
    EXPECT_EQ(net.ties().end_year[0], 2013);
    EXPECT_EQ(net.ties().start_year[1], 2012);
    EXPECT_EQ(net.ties().end_year[1], 2012);
    EXPECT_EQ(net.ties().start_year[2], 2010);
    EXPECT_THROW(parse_gexf("<gexf><graph><attributes class=\"node\"><attribute id=\"0\" title=\"n\" type=\"integer\">"
                            "<default>abc</default></attribute></attributes></graph></gexf>"),
                 ParseError);
}

}  // namespace
}  // namespace essnet
