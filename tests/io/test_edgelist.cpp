#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "essnet/io/edgelist.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

const std::string data_dir = ESSNET_TEST_DATA_DIR;

class TempFile {
public:
    explicit TempFile(const std::string& content) {
        path_ = (std::filesystem::temp_directory_path() /
                 ("essnet_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++) + ".txt"))
                    .string();
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~TempFile() { std::remove(path_.c_str()); }
    const std::string& path() const { return path_; }

private:
    static inline int counter_ = 0;
    std::string path_;
};

TEST(ReadEdgelist, CommentsBlanksTabsCommasSelfLoop) {
    // "# a comment", "% another", "1 2", "2<TAB>3", "", "3, 1", "4 4"
    const Graph g = read_edgelist(data_dir + "/small_edges.txt");
    EXPECT_EQ(g.node_names(), (std::vector<std::string>{"1", "2", "3", "4"}));
    EXPECT_EQ(g.num_edges(), 4);
    EXPECT_FALSE(g.directed());
    EXPECT_EQ(test::to_vector(g.out_neighbors(0)), (std::vector<node_id>{1, 2}));
    EXPECT_EQ(test::to_vector(g.out_neighbors(3)), (std::vector<node_id>{3, 3}));
}

TEST(ReadEdgelist, DirectedWeightedNamesCrlf) {
    TempFile f("Chantier\tFBES 2.5\r\nFBES RIPESS 1e-1\r\n007 7 3\r\n");
    const Graph g = read_edgelist(f.path(), {.directed = true, .weighted = true});
    EXPECT_EQ(g.node_names(), (std::vector<std::string>{"Chantier", "FBES", "RIPESS", "007", "7"}));
    EXPECT_TRUE(g.directed());
    EXPECT_DOUBLE_EQ(g.weight(0), 2.5);
    EXPECT_DOUBLE_EQ(g.weight(1), 0.1);
    EXPECT_DOUBLE_EQ(g.weight(2), 3.0);
    EXPECT_EQ(test::to_vector(g.in_neighbors(1)), (std::vector<node_id>{0}));
}

TEST(ReadEdgelist, LastLineWithoutNewlineAndLongLines) {
    const std::string long_name(5'000'000, 'x');  // longer than the read block
    TempFile f("a b\n" + long_name + " c");
    const EdgeList e = read_edgelist_arrays(f.path());
    ASSERT_EQ(e.sources.size(), 2u);
    EXPECT_EQ(e.names[2], long_name);
}

TEST(ReadEdgelist, ManyIntegerNodesKeepFirstAppearanceOrder) {
    std::string text;
    for (int i = 0; i < 200000; ++i) text += std::to_string(i * 7919 % 1000003) + " " + std::to_string(i) + "\n";
    TempFile f(text);
    const EdgeList e = read_edgelist_arrays(f.path());
    EXPECT_EQ(e.sources.size(), 200000u);
    EXPECT_EQ(e.names[0], "0");  // first line is "0 0"
    EXPECT_EQ(e.names[1], "7919");
    EXPECT_EQ(e.names[2], "1");
    EXPECT_EQ(e.sources[1], 1);
    EXPECT_EQ(e.targets[1], 2);
    for (std::size_t i = 0; i < e.sources.size(); ++i) {
        ASSERT_EQ(e.names[static_cast<std::size_t>(e.sources[i])], std::to_string(i * 7919 % 1000003));
        ASSERT_EQ(e.names[static_cast<std::size_t>(e.targets[i])], std::to_string(i));
    }
}

struct BadEdges {
    const char* name;
    std::string text;
    bool weighted;
    std::int64_t line;
    std::int64_t column;
    std::string message_part;
};
void PrintTo(const BadEdges& c, std::ostream* os) {
    *os << c.name;
}

class ReadEdgelistError : public testing::TestWithParam<BadEdges> {};

TEST_P(ReadEdgelistError, NamesFileLineAndColumn) {
    const BadEdges& c = GetParam();
    TempFile f(c.text);
    try {
        read_edgelist_arrays(f.path(), {.weighted = c.weighted});
        FAIL() << "no ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), f.path());
        EXPECT_EQ(e.line(), c.line) << e.what();
        EXPECT_EQ(e.column(), c.column) << e.what();
        EXPECT_NE(e.message().find(c.message_part), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(
    AllErrors, ReadEdgelistError,
    testing::Values(
        BadEdges{"one_field", "1 2\n3\n", false, 2, 2, "expected 2 fields (source target), found 1"},
        BadEdges{"extra_field", "1 2\n1 2 3\n", false, 2, 5,
                 "found more; read a third field as a weight with the weighted option (--weighted, weighted=True)"},
        BadEdges{"missing_weight", "a b\n", true, 1, 4, "expected 3 fields"},
        BadEdges{"negative_weight", "a b 1\nb c -0.5\n", true, 2, 5, "weight '-0.5' is negative"},
        BadEdges{"nan_weight", "a b nan\n", true, 1, 5, "NaN"},
        BadEdges{"text_weight", "a b 1\nb c x\n", true, 2, 5, "weight 'x' is not a number"},
        BadEdges{"huge_weight", "a b 1e999\n", true, 1, 5, "is not finite"},
        BadEdges{"empty_field", "a,,b\n", false, 1, 3, "empty field"},
        BadEdges{"trailing_comma", "a,b,\n", false, 1, 5, "empty field after ','"},
        BadEdges{"invalid_utf8", "ok fine\nb\xC3\x28 c\n", false, 2, 2, "invalid UTF-8"},
        BadEdges{"carriage_return_inside_line", "a b\rc d\n", false, 1, 4, "carriage return inside a line"},
        BadEdges{"nul_byte", std::string("a b\0\n", 5), false, 1, 4, "NUL byte"},
        BadEdges{"message_is_valid_utf8", "a b \xff\n", true, 1, 5, "weight '\\xff' is not a number"},
        BadEdges{"column_in_code_points", "é ü x\n", false, 1, 5, "found more"}),
    [](const testing::TestParamInfo<BadEdges>& info) { return std::string(info.param.name); });

TEST(ReadEdgelist, ByteOrderMarkAndTrailingCarriageReturns) {
    TempFile f(
        "\xEF\xBB\xBF"
        "1 2\r\r\n2 1 \r\n");
    const EdgeList e = read_edgelist_arrays(f.path());
    EXPECT_EQ(e.names, (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(e.sources.size(), 2u);
    TempFile comment("\xEF\xBB\xBF# a comment\n1 2\n");
    EXPECT_EQ(read_edgelist_arrays(comment.path()).sources.size(), 1u);
}

TEST(ReadEdgelist, DirectoryIsFileError) {
    try {
        read_edgelist_arrays("/tmp");
        FAIL();
    } catch (const FileError& e) {
        EXPECT_EQ(e.error_number(), EISDIR);
    }
}

TEST(ReadEdgelist, MissingFile) {
    EXPECT_THROW(read_edgelist("/nonexistent/edges.txt"), FileError);
}

TEST(ReadEdgelist, EmptyFileIsEmptyGraph) {
    TempFile f("# nothing here\n");
    const Graph g = read_edgelist(f.path());
    EXPECT_EQ(g.num_nodes(), 0);
}

}  // namespace
}  // namespace essnet
