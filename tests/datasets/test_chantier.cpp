#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>

#include "essnet/components/connected_components.hpp"
#include "essnet/datasets/chantier.hpp"
#include "essnet/graph/selection.hpp"
#include "essnet/io/csv.hpp"

namespace essnet {
namespace {

// The counts the data set's README states ("- actors: 22", "- kind event: 6", ...), read from it.
std::map<std::string, std::int64_t> readme_counts() {
    std::ifstream in(std::string(ESSNET_DATASETS_DIR) + "/chantier/README.md");
    std::map<std::string, std::int64_t> counts;
    const std::regex line(R"(^- (actors|ties|kind \w+|relation \w+|ties with a start year): (\d+)\s*$)");
    std::string text;
    std::smatch m;
    while (std::getline(in, text))
        if (std::regex_match(text, m, line)) counts[m[1]] = std::stoll(m[2]);
    return counts;
}

TEST(Chantier, LoadsWithTheCountsItsReadmeStates) {
    const auto expected = readme_counts();
    ASSERT_TRUE(expected.count("actors") && expected.count("ties")) << "README has no counts";
    const ActorNetwork net = datasets::chantier();
    EXPECT_EQ(static_cast<std::int64_t>(net.num_actors()), expected.at("actors"));
    EXPECT_EQ(static_cast<std::int64_t>(net.num_ties()), expected.at("ties"));
    std::int64_t dated = 0;
    for (const auto y : net.ties().start_year) dated += y != no_year;
    EXPECT_EQ(dated, expected.at("ties with a start year"));
    for (const auto& [key, count] : expected) {
        const bool is_kind = key.rfind("kind ", 0) == 0;
        const bool is_relation = key.rfind("relation ", 0) == 0;
        if (!is_kind && !is_relation) continue;
        const auto& column = is_kind ? net.actors().kind : net.ties().relation;
        const std::string label = key.substr(key.find(' ') + 1);
        const auto code = column.find(label);
        std::int64_t n = 0;
        for (const auto c : column.codes()) n += c == code && code != CategoricalColumn::missing;
        EXPECT_EQ(n, count) << key;
    }
}

TEST(Chantier, EmbeddedCopyEqualsTheShippedFiles) {
    const std::string dir = std::string(ESSNET_DATASETS_DIR) + "/chantier/";
    const ActorNetwork from_files = read_csv(dir + "actors.csv", dir + "ties.csv");
    const ActorNetwork embedded = datasets::chantier();
    EXPECT_EQ(from_files.actors().id, embedded.actors().id);
    ASSERT_EQ(from_files.num_ties(), embedded.num_ties());
    for (std::size_t t = 0; t < embedded.num_ties(); ++t)
        EXPECT_EQ(from_files.ties().provenance[t], embedded.ties().provenance[t]);
}

TEST(Chantier, KnownActorsAndTies) {
    const ActorNetwork net = datasets::chantier();
    const auto chantier = net.actor_index("chantier");
    EXPECT_EQ(net.actors().founded[static_cast<std::size_t>(chantier)], 1996);
    EXPECT_EQ(net.actors().kind[static_cast<std::size_t>(net.actor_index("ilo"))], "international_body");
    EXPECT_EQ(net.actors().kind[static_cast<std::size_t>(net.actor_index("fiess_2011"))], "event");
    // Every tie has a provenance quotation from the document.
    for (std::size_t t = 0; t < net.num_ties(); ++t) EXPECT_FALSE(net.ties().provenance[t].empty()) << "tie " << t;
    // Everyone named is tied to the Chantier's story: one weak component.
    EXPECT_EQ(connected_components(select_graph(net)).count(), 1);
}

}  // namespace
}  // namespace essnet
