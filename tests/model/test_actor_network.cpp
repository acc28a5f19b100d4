#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "essnet/model/actor_network.hpp"

namespace essnet {
namespace {

TEST(ActorNetwork, AddActorsAndTies) {
    ActorNetwork net({"acronym"}, {"inferred"});
    EXPECT_EQ(net.add_actor({.id = "chantier",
                             .name = "Chantier de l'économie sociale",
                             .kind = "organization",
                             .country = "CA",
                             .region = "Québec",
                             .founded = 1996,
                             .extra = {{"acronym", ""}}}),
              0);
    EXPECT_EQ(net.add_actor({.id = "ilo",
                             .name = "Organisation internationale du travail",
                             .kind = "international_body",
                             .extra = {{"acronym", "OIT"}}}),
              1);
    EXPECT_EQ(net.add_tie({.source = "chantier",
                           .target = "ilo",
                           .relation = "presented_to",
                           .start_year = 2009,
                           .provenance = "« l'entreprise durable »",
                           .extra = {{"inferred", "false"}}}),
              0);
    const auto& a = net.actors();
    EXPECT_EQ(a.size(), 2u);
    EXPECT_EQ(a.name[0], "Chantier de l'économie sociale");
    EXPECT_EQ(a.kind[1], "international_body");
    EXPECT_EQ(a.country[1], "");  // missing
    EXPECT_EQ(a.country.code(1), CategoricalColumn::missing);
    EXPECT_EQ(a.founded[0], 1996);
    EXPECT_EQ(a.founded[1], no_year);
    EXPECT_EQ(a.extra[0].values[1], "OIT");
    const auto& t = net.ties();
    EXPECT_EQ(t.source[0], 0);
    EXPECT_EQ(t.target[0], 1);
    EXPECT_EQ(t.relation[0], "presented_to");
    EXPECT_EQ(t.directed[0], 1);
    EXPECT_EQ(t.weight[0], 1.0);
    EXPECT_EQ(t.end_year[0], no_year);
    EXPECT_EQ(t.provenance[0], "« l'entreprise durable »");
    EXPECT_EQ(net.actor_index("ilo"), 1);
    EXPECT_FALSE(net.find_actor("oecd").has_value());
}

TEST(ActorNetwork, CategoriesAreSharedCodes) {
    ActorNetwork net;
    net.add_actor({.id = "a", .kind = "event"});
    net.add_actor({.id = "b", .kind = "person"});
    net.add_actor({.id = "c", .kind = "event"});
    EXPECT_EQ(net.actors().kind.codes(), (std::vector<std::int32_t>{0, 1, 0}));
    EXPECT_EQ(net.actors().kind.categories(), (std::vector<std::string>{"event", "person"}));
}

TEST(ActorNetwork, Errors) {
    ActorNetwork net;
    net.add_actor({.id = "a"});
    EXPECT_THROW(net.add_actor({.id = "a"}), std::invalid_argument);
    EXPECT_THROW(net.add_actor({.id = ""}), std::invalid_argument);
    EXPECT_THROW(net.add_actor({.id = "b", .extra = {{"colour", "red"}}}), std::invalid_argument);
    EXPECT_THROW(net.add_tie({.source = "a", .target = "zz"}), std::out_of_range);
    EXPECT_THROW(net.add_tie({.source = "a", .target = "a", .weight = -2}), std::invalid_argument);
    EXPECT_THROW(net.add_tie({.source = "a", .target = "a", .weight = std::nan("")}), std::invalid_argument);
    EXPECT_THROW(net.add_tie({.source = "a", .target = "a", .start_year = 2010, .end_year = 2009}),
                 std::invalid_argument);
    EXPECT_THROW(net.add_tie({.source = "a", .target = "a", .weight = std::numeric_limits<double>::infinity()}),
                 std::invalid_argument);
    EXPECT_THROW(net.add_tie({.source = "a", .target = "a", .start_year = 10000}), std::invalid_argument);
    EXPECT_THROW(net.add_actor({.id = "c", .founded = -10000}), std::invalid_argument);
    EXPECT_THROW(net.actor_index("nobody"), std::out_of_range);
    EXPECT_THROW(ActorNetwork({"x", "x"}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace essnet
