#include <gtest/gtest.h>

#include "essnet/graph/selection.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::to_vector;

// Actors: org (organization), net (network), ev1 (event), ev2 (event), p (person).
// Ties (row: source -> target, relation, years, weight column "w"):
//   0: p   -> org  leads            2000-       w=1
//   1: org -> ev1  participated_in  2001        w=2
//   2: net -> ev1  participated_in  2001        w=3
//   3: org -- net  partnership      1996-2004   w=4  (undirected)
//   4: org -> ev2  organized        2011        w=5
//   5: org -> ev2  participated_in  2011        w=6
//   6: org -> org  member_of        (no year)   w=7  (self-loop)
ActorNetwork sample() {
    ActorNetwork net({}, {"w"});
    net.add_actor({.id = "org", .kind = "organization"});
    net.add_actor({.id = "net", .kind = "network"});
    net.add_actor({.id = "ev1", .kind = "event"});
    net.add_actor({.id = "ev2", .kind = "event"});
    net.add_actor({.id = "p", .kind = "person"});
    net.add_tie({.source = "p", .target = "org", .relation = "leads", .start_year = 2000, .extra = {{"w", "1"}}});
    net.add_tie({.source = "org",
                 .target = "ev1",
                 .relation = "participated_in",
                 .start_year = 2001,
                 .end_year = 2001,
                 .extra = {{"w", "2"}}});
    net.add_tie({.source = "net",
                 .target = "ev1",
                 .relation = "participated_in",
                 .start_year = 2001,
                 .end_year = 2001,
                 .extra = {{"w", "3"}}});
    net.add_tie({.source = "org",
                 .target = "net",
                 .relation = "partnership",
                 .directed = false,
                 .start_year = 1996,
                 .end_year = 2004,
                 .extra = {{"w", "4"}}});
    net.add_tie({.source = "org",
                 .target = "ev2",
                 .relation = "organized",
                 .start_year = 2011,
                 .end_year = 2011,
                 .extra = {{"w", "5"}}});
    net.add_tie({.source = "org",
                 .target = "ev2",
                 .relation = "participated_in",
                 .start_year = 2011,
                 .end_year = 2011,
                 .extra = {{"w", "6"}}});
    net.add_tie({.source = "org", .target = "org", .relation = "member_of", .extra = {{"w", "7"}}});
    return net;
}

TEST(SelectGraph, EverythingByDefault) {
    const auto net = sample();
    const Graph g = select_graph(net);
    EXPECT_FALSE(g.directed());  // the network has an undirected tie
    EXPECT_EQ(g.num_nodes(), 5);
    EXPECT_EQ(g.num_edges(), 7);
    EXPECT_EQ(g.node_names(), (std::vector<std::string>{"org", "net", "ev1", "ev2", "p"}));
    EXPECT_EQ(to_vector(g.node_actors()), (std::vector<std::int32_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(to_vector(g.edge_rows()), (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(to_vector(g.out_neighbors(1)), (std::vector<node_id>{0, 2}));  // net -- org (partnership), net -- ev1
}

TEST(SelectGraph, DirectedUndirectedTieBecomesTwoEdges) {
    const Graph g = select_graph(sample(), {.directed = true});
    EXPECT_TRUE(g.directed());
    EXPECT_EQ(g.num_edges(), 8);  // 7 ties, the undirected one becomes an edge each way
    EXPECT_EQ(to_vector(g.edge_rows()), (std::vector<std::int64_t>{0, 1, 2, 3, 3, 4, 5, 6}));
    EXPECT_EQ(to_vector(g.out_neighbors(1)), (std::vector<node_id>{0, 2}));  // net -> org (partnership), net -> ev1
}

TEST(SelectGraph, DirectedByDefaultWhenEveryTieIsDirected) {
    ActorNetwork net;
    net.add_actor({.id = "a"});
    net.add_actor({.id = "b"});
    net.add_tie({.source = "a", .target = "b", .start_year = 2000});
    EXPECT_TRUE(select_graph(net).directed());
    // The same whatever the selection keeps, so snapshots of one network agree.
    EXPECT_TRUE(select_graph(net, {.years = YearRange{1990, 1991}}).directed());
    EXPECT_FALSE(select_graph(sample(), {.relations = std::vector<std::string>{"leads"}}).directed());
}

TEST(SelectGraph, EmptyListsKeepNothing) {
    const Graph g = select_graph(sample(), {.relations = std::vector<std::string>{}});
    EXPECT_EQ(g.num_nodes(), 5);
    EXPECT_EQ(g.num_edges(), 0);
    EXPECT_EQ(select_graph(sample(), {.kinds = std::vector<std::string>{}}).num_nodes(), 0);
}

TEST(SelectGraph, Relations) {
    const Graph g = select_graph(sample(), {.relations = std::vector<std::string>{"participated_in"}});
    EXPECT_EQ(g.num_nodes(), 5);  // nodes are all actors, isolates included
    EXPECT_EQ(to_vector(g.edge_rows()), (std::vector<std::int64_t>{1, 2, 5}));
}

TEST(SelectGraph, Kinds) {
    const Graph g = select_graph(sample(), {.kinds = std::vector<std::string>{"organization", "event"}});
    EXPECT_EQ(g.node_names(), (std::vector<std::string>{"org", "ev1", "ev2"}));
    EXPECT_EQ(to_vector(g.edge_rows()), (std::vector<std::int64_t>{1, 4, 5, 6}));
}

TEST(SelectGraph, SingleYearAndWindow) {
    const auto net = sample();
    // 2001: p->org (2000, open), org->ev1, net->ev1, partnership (1996-2004).
    const Graph y2001 = select_graph(net, {.years = YearRange{2001, 2001}, .directed = false});
    EXPECT_EQ(to_vector(y2001.edge_rows()), (std::vector<std::int64_t>{0, 1, 2, 3}));
    // 2005-2011: p->org (open-ended), the two 2011 ties; the partnership ended in 2004.
    const Graph late = select_graph(net, {.years = YearRange{2005, 2011}, .directed = false});
    EXPECT_EQ(to_vector(late.edge_rows()), (std::vector<std::int64_t>{0, 4, 5}));
    // 1990-1995: nothing was active yet; the undated self-loop is never in a year selection.
    EXPECT_EQ(select_graph(net, {.years = YearRange{1990, 1995}}).num_edges(), 0);
}

TEST(SelectGraph, WeightFromExtraColumnAndDuplicates) {
    const Graph g = select_graph(sample(), {.relations = std::vector<std::string>{"organized", "participated_in"},
                                            .directed = false,
                                            .weight = "w",
                                            .duplicates = DuplicatePolicy::sum});
    // org-ev1 (2), net-ev1 (3), org-ev2 (5 + 6 merged).
    ASSERT_EQ(g.num_edges(), 3);
    EXPECT_TRUE(g.weighted());
    EXPECT_EQ(std::vector<double>(g.weights().begin(), g.weights().end()), (std::vector<double>{2, 3, 11}));
    EXPECT_EQ(to_vector(g.edge_rows()), (std::vector<std::int64_t>{1, 2, 4}));
}

TEST(SelectGraph, SelfLoopDrop) {
    const Graph g = select_graph(sample(), {.self_loops = SelfLoopPolicy::drop});
    EXPECT_EQ(g.num_edges(), 6);
}

TEST(SelectGraph, Errors) {
    const auto net = sample();
    EXPECT_THROW(select_graph(net, {.relations = std::vector<std::string>{"funded"}}), std::invalid_argument);
    EXPECT_THROW(select_graph(net, {.kinds = std::vector<std::string>{"martian"}}), std::invalid_argument);
    EXPECT_THROW(select_graph(net, {.years = YearRange{2010, 2000}}), std::invalid_argument);
    EXPECT_THROW(select_graph(net, {.weight = "strength"}), std::invalid_argument);
    try {
        select_graph(net, {.relations = std::vector<std::string>{"funded"}});
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("relations: 'funded'"), std::string::npos) << e.what();
    }
    ActorNetwork bad({}, {"w"});
    bad.add_actor({.id = "a"});
    bad.add_tie({.source = "a", .target = "a", .relation = "x", .extra = {{"w", " +2 "}}});
    bad.add_tie({.source = "a", .target = "a", .relation = "y", .extra = {{"w", "heavy"}}});
    bad.add_tie({.source = "a", .target = "a", .relation = "x", .extra = {{"w", ""}}});
    EXPECT_THROW(select_graph(bad, {.weight = "w"}), std::invalid_argument);
    // Only the selected rows are read: "heavy" is in a 'y' tie. Blanks and '+' are fine, empty is 1.
    const Graph x = select_graph(bad, {.relations = std::vector<std::string>{"x"}, .weight = "w"});
    EXPECT_EQ(std::vector<double>(x.weights().begin(), x.weights().end()), (std::vector<double>{2, 1}));
}

TEST(SelectGraph, EmptyNetwork) {
    const Graph g = select_graph(ActorNetwork{});
    EXPECT_EQ(g.num_nodes(), 0);
    EXPECT_FALSE(g.directed());
}

}  // namespace
}  // namespace essnet
