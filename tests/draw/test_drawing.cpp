#include <expat.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "essnet/core/error.hpp"
#include "essnet/draw/drawing.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/layout/forceatlas2.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

// Element counts of an XML document parsed by expat: {"circle.node": k, ...}; "error" when it does
// not parse.
std::map<std::string, int> elements(const std::string& xml) {
    std::map<std::string, int> count;
    XML_Parser parser = XML_ParserCreate(nullptr);
    XML_SetUserData(parser, &count);
    XML_SetStartElementHandler(parser, [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto& c = *static_cast<std::map<std::string, int>*>(data);
        ++c[name];
        for (int i = 0; attributes[i]; i += 2)
            if (std::string(attributes[i]) == "class" && std::string(attributes[i + 1]).rfind("node", 0) == 0)
                ++c[std::string(name) + ".node"];
    });
    if (XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR) ++count["error"];
    XML_ParserFree(parser);
    return count;
}

TEST(Drawing, SvgParsesWithOneNodeElementPerNodeAndALegend) {
    const Graph g = generate::barabasi_albert({.n = 60, .m = 2, .seed = 1});
    const auto pos = forceatlas2(g);
    std::vector<std::int32_t> group(60);
    for (int u = 0; u < 60; ++u) group[u] = u % 3;
    std::vector<double> size(60);
    for (int u = 0; u < 60; ++u) size[u] = static_cast<double>(g.out_degree(u));
    const Scene scene = make_scene(g, pos,
                                   {.categories = group,
                                    .category_names = {"ngo", "network", "<ministry> & co"},
                                    .colour_title = "kind",
                                    .size_values = size,
                                    .size_title = "degree"});
    const auto count = elements(svg(scene));
    EXPECT_EQ(count.count("error"), 0u);
    EXPECT_EQ(count.at("circle.node"), 60);
    EXPECT_EQ(count.at("line"), g.num_edges());
    EXPECT_GT(count.at("text"), 0);
    EXPECT_EQ(count.at("title"), 60);
    // Three categories in the legend, by frequency (all 20), and the size legend.
    ASSERT_EQ(scene.categories.size(), 3u);
    EXPECT_EQ(scene.categories[0].colour, categorical_palette[0]);
    EXPECT_EQ(scene.sizes.size(), 3u);
    const std::string text = svg(scene);
    EXPECT_NE(text.find("&lt;ministry&gt; &amp; co"), std::string::npos);
    EXPECT_NE(text.find(".c0 { fill: #cc6677; }"), std::string::npos);
}

TEST(Drawing, LabelsDoNotOverlap) {
    const Graph g = generate::barabasi_albert({.n = 300, .m = 2, .seed = 3});
    const Scene scene = make_scene(g, forceatlas2(g), {.label_count = -1});
    ASSERT_GT(scene.labels.size(), 10u);
    for (std::size_t a = 0; a < scene.labels.size(); ++a)
        for (std::size_t b = a + 1; b < scene.labels.size(); ++b) {
            const SceneLabel &p = scene.labels[a], &q = scene.labels[b];
            const bool apart = p.x + p.width <= q.x || q.x + q.width <= p.x ||
                               p.y - p.ascent + p.height <= q.y - q.ascent ||
                               q.y - q.ascent + q.height <= p.y - p.ascent;
            EXPECT_TRUE(apart) << p.text << " and " << q.text;
        }
    for (const SceneLabel& l : scene.labels) {
        EXPECT_GE(l.x, 0);
        EXPECT_LE(l.x + l.width, scene.width);
    }
    // The largest nodes come first: with one label, the node of highest degree has it.
    node_id hub = 0;
    for (node_id u = 1; u < g.num_nodes(); ++u)
        if (g.out_degree(u) > g.out_degree(hub)) hub = u;
    EXPECT_EQ(make_scene(g, forceatlas2(g), {.label_count = 1}).labels.at(0).node, hub);
}

TEST(Drawing, NodesFitTheCanvasWithTheAspectKept) {
    const Graph g = make_graph(3, {{0, 1}, {1, 2}});
    // A layout twice as wide as tall: x spans the plot width, y keeps the same scale.
    const Scene s = make_scene(g, std::vector<Point>{{0, 0}, {2, 1}, {4, 0}},
                               {.width = 400, .height = 400, .margin = 0, .radius = 0});
    std::map<node_id, Point> at;
    for (const auto& v : s.nodes) at[v.node] = {v.x, v.y};
    EXPECT_NEAR(at[0].x, 0, 1e-9);
    EXPECT_NEAR(at[2].x, 400, 1e-9);
    // Scale 400 / 4 = 100 pixels per unit: y spans 100 pixels about the middle, 200; y up in the
    // layout is down on the canvas.
    EXPECT_NEAR(at[1].y, 150, 1e-9);
    EXPECT_NEAR(at[0].y, 250, 1e-9);
}

TEST(Drawing, ExtentSetsTheFrame) {
    // Two nodes at (0, 0) and (1, 1) in the frame (0, 0)-(2, 2) of a 400 x 400 canvas without
    // margins: 200 pixels per unit, the second node in the middle, the first at the bottom left.
    const Graph g = make_graph(2, {{0, 1}});
    const Scene s =
        make_scene(g, std::vector<Point>{{0, 0}, {1, 1}},
                   {.width = 400, .height = 400, .margin = 0, .extent = BoundingBox{0, 0, 2, 2}, .radius = 0});
    std::map<node_id, Point> at;
    for (const auto& v : s.nodes) at[v.node] = {v.x, v.y};
    EXPECT_NEAR(at[1].x, 200, 1e-9);
    EXPECT_NEAR(at[1].y, 200, 1e-9);
    EXPECT_NEAR(at[0].x, 0, 1e-9);
    EXPECT_NEAR(at[0].y, 400, 1e-9);
    EXPECT_THROW(make_scene(g, std::vector<Point>{{0, 0}, {1, 1}}, {.extent = BoundingBox{1, 0, 0, 1}}),
                 std::invalid_argument);
}

TEST(Drawing, PaletteFallsBackToGreyBeyondNineCategories) {
    const Graph g = make_graph(12, {});
    std::vector<std::int32_t> c(12);
    std::vector<std::string> names;
    for (int u = 0; u < 12; ++u) {
        c[u] = u;
        names.push_back(std::string("g").append(std::to_string(u)));
    }
    c[11] = 0;  // g0 is the most frequent
    const Scene s = make_scene(g, std::vector<Point>(12, Point{}), {.categories = c, .category_names = names});
    ASSERT_EQ(s.categories.size(), 10u);
    EXPECT_EQ(s.categories[0].text, "g0");
    EXPECT_EQ(s.categories[9].text, "other (2)");
    EXPECT_EQ(s.categories[9].colour, other_colour);
}

TEST(Drawing, CategoryOrderKeepsColoursAcrossDrawings) {
    // Category 2 is rarest here but listed first: it takes the palette's first colour, and category
    // 0, absent from this drawing, keeps its place (its colour is not handed to another).
    const Graph g = make_graph(4, {});
    const std::vector<Point> pos(4);
    const Scene s = make_scene(
        g, pos, {.categories = {1, 1, 1, 2}, .category_names = {"a", "b", "c"}, .category_order = {2, 0, 1}});
    ASSERT_EQ(s.categories.size(), 2u);
    EXPECT_EQ(s.categories[0].text, "c");
    EXPECT_EQ(s.categories[0].colour, categorical_palette[0]);
    EXPECT_EQ(s.categories[1].text, "b");
    EXPECT_EQ(s.categories[1].colour, categorical_palette[2]);
    EXPECT_THROW(make_scene(g, pos, {.categories = {0, 0, 0, 0}, .category_names = {"a"}, .category_order = {1}}),
                 std::invalid_argument);
}

TEST(Drawing, ViridisEnds) {
    EXPECT_EQ(hex(viridis(0)), "#440154");
    EXPECT_EQ(hex(viridis(1)), "#fde725");
    EXPECT_EQ(hex(viridis(2)), "#fde725");
}

TEST(Drawing, WritesByExtensionAtomically) {
    const Graph g = make_graph(3, {{0, 1}, {1, 2}}, {.directed = true});
    const Scene s = make_scene(g, std::vector<Point>{{0, 0}, {1, 0}, {2, 1}});
    const auto dir = std::filesystem::temp_directory_path() / ("essnet-draw-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    for (const char* name : {"map.svg", "map.PNG", "map.pdf"}) {
        write_drawing(s, (dir / name).string());
        EXPECT_GT(std::filesystem::file_size(dir / name), 100u);
    }
    std::ifstream png_file(dir / "map.PNG", std::ios::binary);
    std::string magic(8, '\0');
    png_file.read(magic.data(), 8);
    EXPECT_EQ(magic, "\x89PNG\r\n\x1a\n");
    EXPECT_THROW(write_drawing(s, (dir / "map.gif").string()), std::invalid_argument);
    EXPECT_THROW(write_drawing(s, (dir / "missing" / "map.svg").string()), FileError);
    // Nothing but the three drawings is left.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 3);
    std::filesystem::remove_all(dir);
}

TEST(Drawing, BadInputNamesTheParameter) {
    const Graph g = make_graph(2, {{0, 1}});
    const std::vector<Point> pos{{0, 0}, {1, 1}};
    EXPECT_THROW(make_scene(g, std::vector<Point>{{0, 0}}), std::invalid_argument);
    EXPECT_THROW(make_scene(g, std::vector<Point>{{0, 0}, {NAN, 0}}), std::invalid_argument);
    EXPECT_THROW(make_scene(g, pos, {.categories = {0, 1}, .category_names = {"a"}}), std::invalid_argument);
    EXPECT_THROW(make_scene(g, pos, {.size_values = {1}}), std::invalid_argument);
    EXPECT_THROW(make_scene(g, pos, {.labelled = {5}}), std::invalid_argument);
    // Empty and one-node graphs draw.
    EXPECT_EQ(elements(svg(make_scene(Graph{}, std::vector<Point>{}))).count("error"), 0u);
    EXPECT_EQ(make_scene(make_graph(1, {}), std::vector<Point>{{3, 3}}).nodes.size(), 1u);
}

}  // namespace
}  // namespace essnet
