#include <gtest/gtest.h>

#include <string>

#include "essnet/io/csv.hpp"

namespace essnet {
namespace {

const std::string actors_ok =
    "id,name,kind,country,region,founded,acronym\n"
    "chantier,Chantier de l'économie sociale,organization,CA,Québec,1996,\n"
    "ilo,Organisation internationale du travail,international_body,,,,OIT\n"
    "fiess,\"Forum international de l'économie sociale et solidaire, FIESS\",event,CA,Québec,,FIESS\n";

const std::string ties_ok =
    "source,target,relation,directed,weight,start_year,end_year,provenance\n"
    "chantier,fiess,organized,true,1,2011,,\"le Chantier à proposer au MAMROT\"\n"
    "ilo,fiess,participated_in,yes,2.5,2011,2011,\"« OIT »,\nsur deux lignes, avec \"\"guillemets\"\"\"\n"
    "chantier,ilo,partnership,false,,2009.0,,\n";

TEST(ReadCsv, ParsesQuotedFieldsUtf8AndExtras) {
    const ActorNetwork net = parse_csv(actors_ok, "actors.csv", ties_ok, "ties.csv");
    ASSERT_EQ(net.num_actors(), 3u);
    ASSERT_EQ(net.num_ties(), 3u);
    const auto& a = net.actors();
    EXPECT_EQ(a.name[1], "Organisation internationale du travail");
    EXPECT_EQ(a.name[2], "Forum international de l'économie sociale et solidaire, FIESS");
    EXPECT_EQ(a.region[0], "Québec");
    EXPECT_EQ(a.founded[0], 1996);
    EXPECT_EQ(a.founded[1], no_year);
    ASSERT_EQ(a.extra.size(), 1u);
    EXPECT_EQ(a.extra[0].name, "acronym");
    EXPECT_EQ(a.extra[0].values[1], "OIT");
    const auto& t = net.ties();
    EXPECT_EQ(t.provenance[1], "« OIT »,\nsur deux lignes, avec \"guillemets\"");
    EXPECT_EQ(t.directed[2], 0);
    EXPECT_DOUBLE_EQ(t.weight[1], 2.5);
    EXPECT_DOUBLE_EQ(t.weight[2], 1.0);  // empty weight
    EXPECT_EQ(t.start_year[2], 2009);    // "2009.0" as pandas writes it
    EXPECT_EQ(t.end_year[1], 2011);
    EXPECT_EQ(t.relation[0], "organized");
}

TEST(ReadCsv, BomCrlfBlankLinesAndMinimalColumns) {
    const std::string actors = "\xEF\xBB\xBFid\r\na\r\n\r\nb\r\n";
    const std::string ties = "target,source\r\nb,a\r\n";
    const ActorNetwork net = parse_csv(actors, "a.csv", ties, "t.csv");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(net.ties().source[0], 0);
    EXPECT_EQ(net.ties().target[0], 1);
    EXPECT_EQ(net.ties().directed[0], 1);
    // Lines of spaces and tabs only are blank too, also at the end of a file without a newline.
    const ActorNetwork spaced =
        parse_csv("id,name\n  \na,A\n \t \r\nb,B\n   ", "a.csv", "source,target\n\t\na,b\n", "t.csv");
    EXPECT_EQ(spaced.actors().id, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(spaced.num_ties(), 1u);
}

TEST(ReadCsv, HeaderOnlyFilesGiveEmptyNetwork) {
    const ActorNetwork net = parse_csv("id\n", "a.csv", "source,target", "t.csv");
    EXPECT_EQ(net.num_actors(), 0u);
    EXPECT_EQ(net.num_ties(), 0u);
}

// Each kind of bad input has its own error with file, line and column.
struct BadCase {
    const char* name;
    std::string actors;
    std::string ties;
    std::string file;
    std::int64_t line;
    std::int64_t column;
    std::string message_part;
};
void PrintTo(const BadCase& c, std::ostream* os) {
    *os << c.name;
}

class ReadCsvError : public testing::TestWithParam<BadCase> {};

TEST_P(ReadCsvError, NamesFileLineAndColumn) {
    const BadCase& c = GetParam();
    try {
        parse_csv(c.actors, "actors.csv", c.ties, "ties.csv");
        FAIL() << "no ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), c.file) << e.what();
        EXPECT_EQ(e.line(), c.line) << e.what();
        EXPECT_EQ(e.column(), c.column) << e.what();
        EXPECT_NE(e.message().find(c.message_part), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).rfind(
                      c.file + ":" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": ", 0),
                  0u);
    }
}

const std::string A = "id,name\na,Alpha\nb,Bêta\n";
const std::string T = "source,target,weight,start_year,end_year,directed\n";

INSTANTIATE_TEST_SUITE_P(
    AllErrors, ReadCsvError,
    testing::Values(
        BadCase{"unknown_actor", A, T + "a,b,1,,,\nb,zed,1,,,\n", "ties.csv", 3, 3,
                "tie target 'zed' is not an actor id"},
        BadCase{"unknown_source", A, T + "ghost,b,1,,,\n", "ties.csv", 2, 1, "tie source 'ghost'"},
        BadCase{"unreadable_year", A, T + "a,b,1,20x1,,\n", "ties.csv", 2, 7, "start_year '20x1' is not a year"},
        BadCase{"fractional_year", A, T + "a,b,1,2011.5,,\n", "ties.csv", 2, 7, "is not a year"},
        BadCase{"unreadable_end_year", A, T + "a,b,1,2001,soon,\n", "ties.csv", 2, 12, "end_year 'soon'"},
        BadCase{"end_before_start", A, T + "a,b,1,2001,1999,\n", "ties.csv", 2, 12,
                "end_year 1999 is before start_year 2001"},
        BadCase{"founded_year", "id,founded\na,MCMXCVI\n", "source,target\n", "actors.csv", 2, 3, "founded 'MCMXCVI'"},
        BadCase{"negative_weight", A, T + "a,b,-2,,,\n", "ties.csv", 2, 5, "weight '-2' is negative"},
        BadCase{"nan_weight", A, T + "a,b,nan,,,\n", "ties.csv", 2, 5, "weight is NaN"},
        BadCase{"infinite_weight", A, T + "a,b,inf,,,\n", "ties.csv", 2, 5, "is not finite"},
        BadCase{"huge_weight", A, T + "a,b,1e400,,,\n", "ties.csv", 2, 5, "is not finite"},
        BadCase{"text_weight", A, T + "a,b,heavy,,,\n", "ties.csv", 2, 5, "weight 'heavy' is not a number"},
        BadCase{"directed_flag", A, T + "a,b,1,,,maybe\n", "ties.csv", 2, 9, "directed 'maybe'"},
        BadCase{"duplicate_actor", "id\na\nb\na\n", "source,target\n", "actors.csv", 4, 1,
                "duplicate actor id 'a' (first defined on line 2)"},
        BadCase{"empty_actor_id", "id,name\n,Nobody\n", "source,target\n", "actors.csv", 2, 1, "actor id is empty"},
        BadCase{"too_many_fields", A, T + "a,b,1,,,,extra\n", "ties.csv", 2, 10,
                "expected 6 fields as in the header, found 7"},
        BadCase{"too_few_fields", "id,name,kind\na,Alpha\n", "source,target\n", "actors.csv", 2, 8,
                "expected 3 fields as in the header, found 2"},
        BadCase{"missing_required_column", A, "from,target\na,b\n", "ties.csv", 1, 1,
                "missing required column 'source'"},
        BadCase{"missing_id_column", "name\nAlpha\n", "source,target\n", "actors.csv", 1, 1,
                "missing required column 'id'"},
        BadCase{"repeated_column", "id,name,name\n", "source,target\n", "actors.csv", 1, 9,
                "column 'name' appears twice"},
        BadCase{"empty_file", "", "source,target\n", "actors.csv", 1, 1, "the file is empty"},
        BadCase{"unclosed_quote", "id,name\na,\"Alpha\nb,Beta\n", "source,target\n", "actors.csv", 2, 3,
                "quoted field is not closed"},
        BadCase{"stray_quote", "id,name\na,Al\"pha\n", "source,target\n", "actors.csv", 2, 5,
                "quote inside an unquoted field"},
        BadCase{"text_after_quote", "id,name\na,\"Alpha\"x\n", "source,target\n", "actors.csv", 2, 10,
                "after a closing quote"},
        BadCase{"invalid_utf8", "id,name\na,Caf\xE9\n", "source,target\n", "actors.csv", 2, 6, "invalid UTF-8"},
        // Columns count characters, not bytes: "Bêta" is 4 columns wide.
        BadCase{"column_counts_code_points", "id,name,founded\nb,Bêta,x\n", "source,target\n", "actors.csv", 2, 8,
                "founded 'x'"},
        // A quoted field spanning lines moves the line count on.
        BadCase{"bare_carriage_return", "id,kind\ra,org\rb,org\r", "source,target\n", "actors.csv", 1, 8,
                "carriage return without a line feed"},
        BadCase{"carriage_return_after_quote", "id,name\na,\"x\"\rb\n", "source,target\n", "actors.csv", 2, 6,
                "carriage return without a line feed"},
        BadCase{"nul_byte", std::string("id\na\0b\n", 8), "source,target\n", "actors.csv", 2, 2, "NUL byte"},
        BadCase{"year_out_of_range", "id,founded\na,99999999\n", "source,target\n", "actors.csv", 2, 3,
                "from -9999 to 9999"},
        // "Too few fields" points after the last field, counting the doubled quotes and lines of a quoted one.
        BadCase{"too_few_after_escaped_quotes", A, "source,target,provenance,weight\na,b,\"say \"\"hi\"\" now\"\n",
                "ties.csv", 2, 21, "expected 4 fields"},
        BadCase{"too_few_after_multiline_field", A, "source,target,provenance,weight\na,b,\"line1\nline2xx\"\n",
                "ties.csv", 3, 9, "expected 4 fields"},
        // Bytes that are not UTF-8 are escaped in messages, which stay valid UTF-8.
        BadCase{"message_escapes_control_characters", A, T + "a,b,\x01,,,\n", "ties.csv", 2, 5,
                "weight '\\x01' is not a number"},
        BadCase{"line_after_multiline_field", "id,name\na,\"two\nlines\"\nb,\"x\"y\n", "source,target\n", "actors.csv",
                4, 6, "after a closing quote"}),
    [](const testing::TestParamInfo<BadCase>& info) { return std::string(info.param.name); });

TEST(ReadCsv, WeightsAndYearsAsWritten) {
    // Blanks around values, a '+' sign, an underflow (reads as 0), a signed year.
    const ActorNetwork net = parse_csv(
        "id\na\nb\n", "a.csv", "source,target,weight,start_year\na,b, +2.5 ,+2011\na,b,1e-400, -44 \n", "t.csv");
    EXPECT_DOUBLE_EQ(net.ties().weight[0], 2.5);
    EXPECT_EQ(net.ties().weight[1], 0.0);
    EXPECT_EQ(net.ties().start_year[0], 2011);
    EXPECT_EQ(net.ties().start_year[1], -44);
}

TEST(ReadCsv, DirectedFlagsInAnyCaseAndAsPandasWritesThem) {
    // true/yes/1 and false/no/0 in any case; 1.0 and 0.0 as pandas writes a flag column with gaps;
    // empty: directed.
    const ActorNetwork net = parse_csv("id\na\nb\n", "a.csv",
                                       "source,target,directed\na,b,YES\na,b,1.0\na,b, No \na,b,0.0\na,b,\n", "t.csv");
    EXPECT_EQ(net.ties().directed, (std::vector<std::uint8_t>{1, 1, 0, 0, 1}));
    EXPECT_THROW(parse_csv("id\na\nb\n", "a.csv", "source,target,directed\na,b,1.5\n", "t.csv"), ParseError);
}

TEST(ReadCsv, DirectoryIsFileError) {
    try {
        read_csv("/tmp", "/tmp");
        FAIL();
    } catch (const FileError& e) {
        EXPECT_EQ(e.error_number(), EISDIR);
    }
}

TEST(ReadCsv, MissingFileIsFileError) {
    EXPECT_THROW(read_csv("/nonexistent/actors.csv", "/nonexistent/ties.csv"), FileError);
}

TEST(ReadCsv, ReadsFilesFromDisk) {
    const ActorNetwork net = read_csv(std::string(ESSNET_TEST_DATA_DIR) + "/small_actors.csv",
                                      std::string(ESSNET_TEST_DATA_DIR) + "/small_ties.csv");
    EXPECT_EQ(net.num_actors(), 5u);
    EXPECT_EQ(net.num_ties(), 5u);
}

}  // namespace
}  // namespace essnet
