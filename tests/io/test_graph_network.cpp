#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/graph/selection.hpp"
#include "essnet/io/gexf.hpp"
#include "essnet/io/graph_network.hpp"
#include "support/networks.hpp"

namespace essnet {
namespace {

ActorNetwork three_actors() {
    ActorNetwork net({"acronym"}, {});
    net.add_actor({.id = "chantier", .name = "Chantier", .kind = "organization", .country = "CA", .founded = 1996});
    net.add_actor({.id = "ilo",
                   .name = "Organisation internationale du travail",
                   .kind = "international_body",
                   .extra = {{"acronym", "OIT"}}});
    net.add_actor({.id = "fiess", .name = "FIESS", .kind = "event"});
    net.add_tie({.source = "chantier", .target = "fiess", .relation = "organized", .start_year = 2011});
    net.add_tie({.source = "ilo", .target = "fiess", .relation = "participated_in", .start_year = 2011});
    return net;
}

TEST(NetworkOf, GraphAloneGivesIdsOnly) {
    const Graph g = select_graph(three_actors(), {.kinds = std::vector<std::string>{"international_body", "event"}});
    const ActorNetwork net = network_of(g);
    ASSERT_EQ(net.num_actors(), 2u);
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"ilo", "fiess"}));
    EXPECT_EQ(net.actors().name[0], "");
    ASSERT_EQ(net.num_ties(), 1u);
    EXPECT_EQ(net.ties().source[0], 0);
    EXPECT_EQ(net.ties().target[0], 1);
}

TEST(NetworkOf, TheSourceNetworkGivesEachNodeItsActorsFields) {
    const ActorNetwork source = three_actors();
    const Graph g = select_graph(source, {.kinds = std::vector<std::string>{"international_body", "event"}});
    const ActorNetwork net = network_of(g, &source);
    EXPECT_EQ(net.actors().id, (std::vector<std::string>{"ilo", "fiess"}));
    EXPECT_EQ(net.actors().name[0], "Organisation internationale du travail");
    EXPECT_EQ(net.actors().kind[1], "event");
    ASSERT_EQ(net.actors().extra.size(), 1u);
    EXPECT_EQ(net.actors().extra[0].name, "acronym");
    EXPECT_EQ(net.actors().extra[0].values[0], "OIT");
    EXPECT_EQ(net.actors().extra[0].values[1], "");
    // The names become GEXF labels.
    EXPECT_NE(gexf_text(net).find("label=\"Organisation internationale du travail\""), std::string::npos);

    ActorNetwork other;
    other.add_actor({.id = "someone"});
    EXPECT_THROW(network_of(g, &other), std::invalid_argument);
}

TEST(WithActorColumns, AppendsColumnsAndKeepsEverythingElse) {
    const ActorNetwork net = test::random_network(3);
    std::vector<std::string> score(net.num_actors()), bloc(net.num_actors());
    for (std::size_t i = 0; i < net.num_actors(); ++i) {
        score[i] = std::to_string(0.5 * static_cast<double>(i));
        bloc[i] = i % 3 == 0 ? "" : std::to_string(i % 3);
    }
    const ActorNetwork out = with_actor_columns(net, {"measured", "bloc"}, {score, bloc});
    ASSERT_EQ(out.actors().extra.size(), net.actors().extra.size() + 2);
    const auto& added = out.actors().extra;
    EXPECT_EQ(added[added.size() - 2].name, "measured");
    EXPECT_EQ(added.back().name, "bloc");
    for (std::size_t i = 0; i < net.num_actors(); ++i) {
        EXPECT_EQ(added[added.size() - 2].values[i], score[i]);
        EXPECT_EQ(added.back().values[i], bloc[i]);
    }
    // Every field and tie is as before: dropping the new columns gives the same network back.
    test::expect_same_network(net, with_actor_columns(net, {}, {}));
    EXPECT_EQ(out.num_ties(), net.num_ties());

    EXPECT_THROW(with_actor_columns(net, {"kind"}, {score}), std::invalid_argument);           // built in
    EXPECT_THROW(with_actor_columns(net, {"a", "a"}, {score, score}), std::invalid_argument);  // repeated
    EXPECT_THROW(with_actor_columns(net, {"short"}, {{"1"}}), std::invalid_argument);          // length
    EXPECT_THROW(with_actor_columns(net, {"x"}, {}), std::invalid_argument);                   // count
}

}  // namespace
}  // namespace essnet
