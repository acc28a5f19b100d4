#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "essnet/io/dl.hpp"
#include "support/bad_input.hpp"

namespace essnet {
namespace {

// Fixtures written by hand from the examples of the UCINET user's guide and Gephi's DL page; the
// expected actors and ties below are read off each file by hand.
const std::string dir = std::string(ESSNET_TEST_DATA_DIR) + "/formats/dl/";

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

// Directed, weight-1 ties without relation, from (source, target) pairs.
std::vector<TieRow> arcs(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::vector<TieRow> rows;
    for (const auto& [s, t] : pairs) rows.emplace_back(s, t, "", true, 1.0);
    return rows;
}

const std::vector<std::string> barry_ids = {"barry", "david", "lin", "pat", "russ"};
// The matrix of fullmatrix_labels.dl, row by row (and the node lists of nodelist1_labels.dl).
const std::vector<TieRow> barry_ties = arcs({{"barry", "david"},
                                             {"barry", "lin"},
                                             {"barry", "pat"},
                                             {"david", "barry"},
                                             {"david", "russ"},
                                             {"lin", "barry"},
                                             {"lin", "pat"},
                                             {"pat", "barry"},
                                             {"pat", "lin"},
                                             {"pat", "russ"},
                                             {"russ", "david"},
                                             {"russ", "pat"}});

TEST(DlRead, FullmatrixWithLabels) {
    const ActorNetwork net = read_dl(dir + "fullmatrix_labels.dl");
    EXPECT_EQ(net.actors().id, barry_ids);
    EXPECT_EQ(tie_rows(net), barry_ties);
}

TEST(DlRead, FullmatrixWithEmbeddedLabels) {
    const ActorNetwork net = read_dl(dir + "fullmatrix_embedded.dl");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"Bill", "Jan", "Jim", "Sue", "Zoe"}));
    EXPECT_EQ(tie_rows(net), arcs({{"Bill", "Jim"},
                                   {"Jan", "Sue"},
                                   {"Jan", "Zoe"},
                                   {"Jim", "Bill"},
                                   {"Jim", "Sue"},
                                   {"Sue", "Jan"},
                                   {"Sue", "Jim"},
                                   {"Zoe", "Jan"}}));
}

TEST(DlRead, FullmatrixWithoutLabelsNumbersActors) {
    const ActorNetwork net = read_dl(dir + "fullmatrix_nolabels.dl");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"1", "2", "3", "4", "5"}));
    EXPECT_EQ(tie_rows(net), arcs({{"1", "2"},
                                   {"1", "3"},
                                   {"1", "4"},
                                   {"1", "5"},
                                   {"2", "1"},
                                   {"2", "3"},
                                   {"3", "1"},
                                   {"3", "2"},
                                   {"3", "5"},
                                   {"4", "1"},
                                   {"5", "1"},
                                   {"5", "3"}}));
}

TEST(DlRead, MultipleMatricesRowAndColumnLabelsCrlfBom) {
    // Columns are the row labels in another order; one relation per matrix.
    const ActorNetwork net = read_dl(dir + "multiple_matrices.dl");
    const std::string c = "Chantier de l'économie sociale", r = "RIPESS", o = "OIT, Genève";
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{c, r, o}));
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{{c, r, "member_of", true, 1.0},
                                                  {r, c, "member_of", true, 1.0},
                                                  {c, o, "funded", true, 2.5},
                                                  {o, c, "funded", true, 0.5}}));
}

TEST(DlRead, DiagonalAbsentAndBlankSeparatedLabels) {
    const ActorNetwork net = read_dl(dir + "fullmatrix_diagonal_absent.dl");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{{"a", "b", "", true, 1.0},
                                                  {"b", "c", "", true, 4.0},
                                                  {"c", "a", "", true, 1.0},
                                                  {"c", "b", "", true, 1.0}}));
}

TEST(DlRead, Edgelist1WithLabelList) {
    const ActorNetwork net = read_dl(dir + "edgelist1_labels.dl");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"george", "sally", "jim", "billy", "jane"}));
    EXPECT_EQ(tie_rows(net),
              arcs({{"george", "sally"}, {"george", "jim"}, {"sally", "jim"}, {"jim", "george"}, {"billy", "jim"}}));
}

TEST(DlRead, Edgelist1WithEmbeddedLabels) {
    const ActorNetwork net = read_dl(dir + "edgelist1_embedded.dl");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"george", "sally", "jim", "billy", "jane"}));
    EXPECT_EQ(tie_rows(net),
              arcs({{"george", "sally"}, {"george", "jim"}, {"sally", "jim"}, {"billy", "george"}, {"jane", "jim"}}));
}

TEST(DlRead, Edgelist1Weights) {
    const ActorNetwork net = read_dl(dir + "edgelist1_weights.dl");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"1", "2", "3"}));
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{{"1", "2", "", true, 1.56263736263736},
                                                  {"1", "3", "", true, 1.48687978687979},
                                                  {"2", "3", "", true, 1.39597069597070},
                                                  {"3", "1", "", true, 0.676190476190476}}));
}

TEST(DlRead, Nodelist1IsTheSameNetworkAsTheMatrix) {
    const ActorNetwork net = read_dl(dir + "nodelist1_labels.dl");
    EXPECT_EQ(net.actors().id, barry_ids);
    EXPECT_EQ(tie_rows(net), barry_ties);
}

TEST(DlRead, Nodelist1WithEmbeddedQuotedLabels) {
    const ActorNetwork net = read_dl(dir + "nodelist1_embedded.dl");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"FIESS 2011", "Chantier", "RIPESS", "OIT"}));
    EXPECT_EQ(tie_rows(net), arcs({{"FIESS 2011", "Chantier"}, {"FIESS 2011", "RIPESS"}, {"Chantier", "OIT"}}));
}

TEST(DlRead, HeaderSpellings) {
    // One line, commas, no blanks around '=', mixed case, labels on the LABELS: line, data on the DATA: line.
    const ActorNetwork a = parse_dl("Dl N=2,Format=EdgeList1,Labels: x,y\nData: 1 2 3\n2 1 0\n", "a.dl");
    EXPECT_EQ(a.actors().id, (std::vector<std::string>{"x", "y"}));
    EXPECT_EQ(tie_rows(a), (std::vector<TieRow>{{"x", "y", "", true, 3.0}}));  // a zero value is no tie
    // Labels one per line, quoted, with commas and spaces inside; NR = NC instead of N.
    const ActorNetwork b = parse_dl(
        "DL NR=2 NC=2\nLABELS:\n\"Forum social, Porto Alegre\"\nBanque africaine\n"
        "MATRIX LABELS: \"co-organised\"\nDATA:\n0 1\n0 0\n",
        "b.dl");
    EXPECT_EQ(b.actors().id, (std::vector<std::string>{"Forum social, Porto Alegre", "Banque africaine"}));
    EXPECT_EQ(tie_rows(b),
              (std::vector<TieRow>{{"Forum social, Porto Alegre", "Banque africaine", "co-organised", true, 1.0}}));
    // Several matrices without labels are numbered; a symmetric matrix gives both arcs.
    const ActorNetwork c = parse_dl("DL N=2 NM=2 DATA:\n0 1\n1 0\n0 0\n2 0\n", "c.dl");
    EXPECT_EQ(tie_rows(c), (std::vector<TieRow>{
                               {"1", "2", "1", true, 1.0}, {"2", "1", "1", true, 1.0}, {"2", "1", "2", true, 2.0}}));
    // Embedded labels with several matrices: the line of column labels may be repeated, in any order.
    for (const std::string second : {"", "a b\n"}) {
        const ActorNetwork d = parse_dl("DL N=2 NM=2 LABELS EMBEDDED DATA:\nb a\na 1 0\nb 0 0\n" + second +
                                            (second.empty() ? "b 0 1\na 0 0\n" : "b 1 0\na 0 0\n"),
                                        "d.dl");
        EXPECT_EQ(d.actors().id, (std::vector<std::string>{"b", "a"}));
        EXPECT_EQ(tie_rows(d), (std::vector<TieRow>{{"a", "b", "1", true, 1.0}, {"b", "a", "2", true, 1.0}}));
    }
}

TEST(DlRead, RowAndColumnLabelsEmbeddedAsUcinetExportsThem) {
    const ActorNetwork net = parse_dl(
        "DL N=2 NM=1\nFORMAT = FULLMATRIX DIAGONAL PRESENT\nLEVEL LABELS:\n\"advice\"\n"
        "ROW LABELS EMBEDDED\nCOLUMN LABELS EMBEDDED\nDATA:\n ANN BOB\nANN 0 1\nBOB 0 0\n",
        "u.dl");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"ANN", "BOB"}));
    EXPECT_EQ(tie_rows(net), (std::vector<TieRow>{{"ANN", "BOB", "advice", true, 1.0}}));
}

TEST(DlRead, EmptyNetwork) {
    EXPECT_EQ(parse_dl("DL N=0\nDATA:\n", "e.dl").num_actors(), 0u);
    const ActorNetwork net = parse_dl("DL N=3 FORMAT=NODELIST1\nDATA:\n", "e.dl");
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"1", "2", "3"}));
    EXPECT_EQ(net.num_ties(), 0u);
}

class DlError : public testing::TestWithParam<test::BadInput> {};

TEST_P(DlError, NamesLineAndColumn) {
    test::expect_parse_error(GetParam(), "bad.dl", [](std::string_view text) { parse_dl(text, "bad.dl"); });
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DlError,
    testing::Values(
        test::BadInput{"empty", "", 1, 1, "starts with the word DL"},
        test::BadInput{"not_dl", "*Vertices 3\n", 1, 1, "starts with the word DL"},
        test::BadInput{"no_data", "DL N=2\n", 2, 1, "ends before the DATA: line"},
        test::BadInput{"no_n", "DL FORMAT=EDGELIST1\nDATA:\n1 2\n", 2, 1, "gives no N"},
        test::BadInput{"row_labels_embedded_alone", "DL N=2\nROW LABELS EMBEDDED\nDATA:\n", 2, 1,
                       "rows only or on columns only"},
        test::BadInput{"n_not_number", "DL N=five\nDATA:\n", 1, 6, "non-negative integer"},
        test::BadInput{"n_missing_equals", "DL N 5\nDATA:\n", 1, 6, "expected '='"},
        test::BadInput{"n_overflow", "DL N=99999999999999999999\nDATA:\n", 1, 6, "too large"},
        test::BadInput{"n_huge", "DL N=2000000000 FORMAT=EDGELIST1\nDATA:\n", 1, 6, "too large for a file"},
        test::BadInput{"unknown_keyword", "DL N=2\nWEIGHTS=yes\nDATA:\n", 2, 1, "unknown DL keyword 'WEIGHTS'"},
        test::BadInput{"unsupported_format", "DL N=2 FORMAT=LOWERHALF\nDATA:\n", 1, 15, "'LOWERHALF' is not supported"},
        test::BadInput{"rectangular", "DL NR=2 NC=3\nDATA:\n", 1, 4, "rectangular"},
        test::BadInput{"nm_with_edgelist", "DL N=2 NM=2 FORMAT=EDGELIST1\nDATA:\n", 1, 8, "FULLMATRIX only"},
        test::BadInput{"too_few_labels", "DL N=3\nLABELS:\na,b\nDATA:\n", 4, 1, "expected 3 labels, found 2"},
        test::BadInput{"too_many_labels", "DL N=2\nLABELS:\na,b,\nc\nDATA:\n", 4, 1, "expected 2 labels, found 3"},
        test::BadInput{"duplicate_label", "DL N=2\nLABELS:\na, a\nDATA:\n0 0\n0 0\n", 3, 4, "duplicate label 'a'"},
        test::BadInput{"matrix_labels_count", "DL N=1 NM=2\nMATRIX LABELS:\nx\nDATA:\n", 4, 1,
                       "expected 2 matrix labels"},
        test::BadInput{"unclosed_label", "DL N=1\nLABELS:\n\"abc\nDATA:\n", 3, 1, "not closed"},
        test::BadInput{"column_label_unknown", "DL N=2\nROW LABELS:\na,b\nCOL LABELS:\na,c\nDATA:\n", 5, 3,
                       "column label 'c' is not a row label"},
        test::BadInput{"row_too_short", "DL N=3\nDATA:\n0 1 0\n1 0\n", 4, 4, "has 2 values, expected 3"},
        test::BadInput{"row_too_long", "DL N=2\nDATA:\n0 1 1\n", 3, 5, "more than 2 values"},
        test::BadInput{"matrix_truncated", "DL N=3\nDATA:\n0 1 0\n1 0 0\n", 5, 1, "after 2 of the 3 rows of matrix 1"},
        test::BadInput{"second_matrix_truncated", "DL N=2 NM=2\nDATA:\n0 1\n1 0\n0 0\n", 6, 1,
                       "after 1 of the 2 rows of matrix 2"},
        test::BadInput{"matrix_extra_rows", "DL N=1\nDATA:\n0\n1\n", 4, 1, "more data than the 1 matrix rows"},
        test::BadInput{"matrix_value_text", "DL N=2\nDATA:\n0 x\n0 0\n", 3, 3, "weight 'x' is not a number"},
        test::BadInput{"matrix_value_negative", "DL N=2\nDATA:\n0 -1\n0 0\n", 3, 3, "negative"},
        test::BadInput{"matrix_value_nan", "DL N=2\nDATA:\n0 nan\n0 0\n", 3, 3, "NaN"},
        test::BadInput{"embedded_no_header", "DL N=2 LABELS EMBEDDED\nDATA:\na 0 1\nb 0 0\n", 3, 1,
                       "starts with a line of the 2 column labels"},
        test::BadInput{"embedded_unknown_row", "DL N=2 LABELS EMBEDDED\nDATA:\na b\na 0 1\nc 0 0\n", 5, 1,
                       "label 'c' is not a column label"},
        test::BadInput{"embedded_row_twice", "DL N=2 LABELS EMBEDDED\nDATA:\na b\na 0 1\na 0 0\n", 5, 1,
                       "appears twice"},
        test::BadInput{"edge_out_of_range", "DL N=3 FORMAT=EDGELIST1\nDATA:\n1 2\n3 4\n", 4, 3,
                       "node number 4 is out of range (N = 3)"},
        test::BadInput{"edge_zero", "DL N=3 FORMAT=EDGELIST1\nDATA:\n0 2\n", 3, 1, "node number 0 is out of range"},
        test::BadInput{"edge_label_without_embedded", "DL N=3 FORMAT=EDGELIST1\nDATA:\nbob 2\n", 3, 1,
                       "use LABELS EMBEDDED"},
        test::BadInput{"edge_one_field", "DL N=3 FORMAT=EDGELIST1\nDATA:\n1 2\n3\n", 4, 2, "found one"},
        test::BadInput{"edge_four_fields", "DL N=3 FORMAT=EDGELIST1\nDATA:\n1 2 1 5\n", 3, 7, "found more"},
        test::BadInput{"edge_weight_inf", "DL N=3 FORMAT=EDGELIST1\nDATA:\n1 2 1e999\n", 3, 5, "not finite"},
        test::BadInput{"embedded_too_many_actors", "DL N=2 FORMAT=EDGELIST1 LABELS EMBEDDED\nDATA:\na b\nb c\n", 4, 3,
                       "would be actor 3 but N = 2"},
        test::BadInput{"embedded_not_in_list", "DL N=2 FORMAT=EDGELIST1 LABELS EMBEDDED\nLABELS:\na,b\nDATA:\na z\n", 5,
                       3, "not in the LABELS: list"},
        test::BadInput{"nodelist_out_of_range", "DL N=2 FORMAT=NODELIST1\nDATA:\n1 2 3\n", 3, 5, "node number 3"},
        test::BadInput{"invalid_utf8", "DL N=1\nLABELS:\n\xC3\x28\nDATA:\n0\n", 3, 1, "invalid UTF-8"},
        test::BadInput{"bare_carriage_return", "DL N=1\rDATA:\n0\n", 1, 7, "carriage return"}));

// Every prefix of a file and seeded random byte replacements either read or throw ParseError.
TEST(DlFuzz, TruncatedAndMutatedFilesReadOrThrowParseError) {
    const std::vector<std::string> samples = {
        "DL N=3, NM=2\r\nFORMAT = FULLMATRIX\r\nROW LABELS:\r\n\"a b\", c\r\nd\r\nCOLUMN LABELS:\r\nd, c, \"a b\"\r\n"
        "MATRIX LABELS:\r\nx, y\r\nDATA:\r\n0 1 0\r\n0 0 2.5\r\n1 0 0\r\n0 0 0\r\n0 1 0\r\n1 1 1\r\n",
        "dl n=4 format=edgelist1 labels embedded data:\n\"é x\" b 2\nb c\nc d 0\n",
        "DL N=4 FORMAT=NODELIST1 DIAGONAL ABSENT LABELS:\na b c d\nDATA:\n1 2 3\n4 1\n",
        "DL N=3 LABELS EMBEDDED DIAGONAL ABSENT\nDATA:\nc b a\na 1 0\nb 0 1\nc 1 1\n"};
    std::size_t read = 0;
    auto attempt = [&](const std::string& text) {
        try {
            parse_dl(text, "fuzz.dl");
            ++read;
        } catch (const ParseError&) {
        }
    };
    const std::string alphabet = " \t\n\r\",:=-.0123456789abcdelnmDLN\xC3\xA9";
    std::mt19937_64 rng(20240602);
    for (const std::string& sample : samples) {
        ASSERT_NO_THROW(parse_dl(sample, "sample.dl")) << sample;
        for (std::size_t cut = 0; cut <= sample.size(); ++cut) attempt(sample.substr(0, cut));
        for (int i = 0; i < 2000; ++i) {
            std::string s = sample;
            const std::size_t changes = 1 + rng() % 4;
            for (std::size_t k = 0; k < changes; ++k) s[rng() % s.size()] = alphabet[rng() % alphabet.size()];
            attempt(s);
        }
    }
    EXPECT_GT(read, 0u);
}

TEST(DlRead, MissingFile) {
    EXPECT_THROW(read_dl(dir + "missing.dl"), FileError);
}

}  // namespace
}  // namespace essnet
