// Journeys, temporal reachability, closeness, journey betweenness and tie dynamics against
// brute force written out here: every journey enumerated tie by tie and year by year on small
// seeded temporal networks (directed, undirected and mixed ties, undated ties, open ends, parallel
// ties), and hand computations.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "essnet/core/random.hpp"
#include "essnet/temporal/betweenness.hpp"
#include "essnet/temporal/journeys.hpp"
#include "essnet/temporal/reachability.hpp"
#include "essnet/temporal/temporal_graph.hpp"
#include "essnet/temporal/tie_dynamics.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

constexpr std::int32_t cap = 2009;  // no brute-force year goes past it

struct BruteTie {
    int u, v;
    bool directed;
    int first, last;  // years, with open ends already cut to 1995 and cap
};

std::string actor_id(int i) {
    std::string id = "a";
    id += std::to_string(i);
    return id;
}

// A random network of n actors with ties dated 2000..2005, some without an end year, some
// undated (a few of those with an end year), some undirected, a few parallel.
ActorNetwork random_temporal(std::uint64_t seed, int n, int m, bool mixed) {
    Rng rng(seed);
    ActorNetwork net;
    for (int i = 0; i < n; ++i) net.add_actor({.id = actor_id(i)});
    for (int k = 0; k < m; ++k) {
        const int u = static_cast<int>(rng.below(static_cast<std::uint64_t>(n)));
        int v = static_cast<int>(rng.below(static_cast<std::uint64_t>(n)));
        if (v == u) v = (u + 1) % n;
        Tie t{.source = actor_id(u), .target = actor_id(v)};
        t.directed = !mixed || rng.below(3) != 0;
        const auto roll = rng.below(12);
        if (roll == 0) t.end_year = 2001 + static_cast<std::int32_t>(rng.below(4));  // undated, with an end
        if (roll > 1) {
            t.start_year = 2000 + static_cast<std::int32_t>(rng.below(6));
            if (roll > 4) t.end_year = t.start_year + static_cast<std::int32_t>(rng.below(3));
        }
        net.add_tie(t);
    }
    return net;
}

std::vector<BruteTie> brute_ties(const ActorNetwork& net, bool undated_always) {
    std::vector<BruteTie> out;
    const auto& t = net.ties();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.start_year[i] == no_year && !undated_always) continue;
        out.push_back({t.source[i], t.target[i], t.directed[i] != 0,
                       t.start_year[i] == no_year ? 1995 : t.start_year[i],
                       t.end_year[i] == no_year ? cap : t.end_year[i]});
    }
    return out;
}

// Every journey from `at` (clock `clock`), year by year: each tie taken in any year y with
// clock <= y, first <= y <= last, arriving at y + hop <= end; simple in the actors it visits
// (a journey that comes back to an actor could have waited there). visit(node, first departure, arrival).
template <class Visit>
void enumerate(const std::vector<BruteTie>& ties, bool directed_graph, int at, int clock, int end, int hop,
               std::vector<char>& on_path, int departure, Visit&& visit) {
    for (const BruteTie& t : ties) {
        for (int side = 0; side < 2; ++side) {
            const bool along = side == 0;
            if (!along && directed_graph && t.directed) continue;
            const int from = along ? t.u : t.v;
            const int to = along ? t.v : t.u;
            if (from != at || on_path[static_cast<std::size_t>(to)]) continue;
            for (int y = std::max(clock, t.first); y <= t.last; ++y) {
                if (y + hop > end) break;
                const int dep = departure < 0 ? y : departure;
                visit(to, dep, y + hop);
                on_path[static_cast<std::size_t>(to)] = 1;
                enumerate(ties, directed_graph, to, y + hop, end, hop, on_path, dep, visit);
                on_path[static_cast<std::size_t>(to)] = 0;
            }
        }
    }
}

TemporalGraph graph_of(const ActorNetwork& net, bool directed, bool undated_always) {
    TemporalSelection s;
    s.directed = directed;
    s.undated = undated_always ? UndatedTies::always : UndatedTies::never;
    return temporal_graph(net, s);
}

struct Case {
    std::uint64_t seed;
    bool directed;
    bool undated_always;
    int hop;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    for (std::uint64_t seed = 1; seed <= 6; ++seed)
        for (const bool directed : {false, true})
            for (const bool undated : {false, true})
                for (const int hop : {0, 1, 2}) out.push_back({seed, directed, undated, hop});
    return out;
}

TEST(Journeys, EarliestArrivalEqualsEnumeration) {
    for (const Case& c : cases()) {
        const ActorNetwork net = random_temporal(c.seed, 6, 9, true);
        const TemporalGraph tg = graph_of(net, c.directed, c.undated_always);
        const auto ties = brute_ties(net, c.undated_always);
        for (const int start : {2000, 2002}) {
            for (const int end : {2003, cap}) {
                for (int s = 0; s < 6; ++s) {
                    std::vector<int> best(6, cap + 100);
                    best[static_cast<std::size_t>(s)] = start;
                    std::vector<char> on_path(6, 0);
                    on_path[static_cast<std::size_t>(s)] = 1;
                    enumerate(ties, c.directed, s, start, end, c.hop, on_path, -1, [&](int v, int, int arrival) {
                        best[static_cast<std::size_t>(v)] = std::min(best[static_cast<std::size_t>(v)], arrival);
                    });
                    const JourneyOptions o{.start = start, .end = end, .hop_years = c.hop};
                    const Journeys j = earliest_arrival(tg, s, o);
                    for (int v = 0; v < 6; ++v) {
                        const int want =
                            best[static_cast<std::size_t>(v)] > cap ? no_year : best[static_cast<std::size_t>(v)];
                        ASSERT_EQ(j.time[static_cast<std::size_t>(v)], want)
                            << "seed " << c.seed << " directed " << c.directed << " hop " << c.hop << " start " << start
                            << " end " << end << " " << s << " -> " << v;
                        // The journey given is a real one and arrives then.
                        const auto steps = journey(j, v);
                        ASSERT_EQ(steps.has_value(), want != no_year);
                        if (!steps) continue;
                        int clock = start, at = s;
                        for (const JourneyStep& step : *steps) {
                            const auto e = static_cast<std::size_t>(step.edge);
                            ASSERT_EQ(step.from, at);
                            ASSERT_GE(step.year, clock);
                            ASSERT_GE(step.year, tg.first_years()[e]);
                            ASSERT_LE(step.year, tg.last_years()[e]);
                            const Graph& g = tg.graph();
                            const bool forward_arc =
                                g.edge_source(step.edge) == step.from && g.edge_target(step.edge) == step.to;
                            const bool back_arc = !g.directed() && g.edge_target(step.edge) == step.from &&
                                                  g.edge_source(step.edge) == step.to;
                            ASSERT_TRUE(forward_arc || back_arc);
                            clock = step.year + c.hop;
                            at = step.to;
                        }
                        EXPECT_EQ(at, v);
                        EXPECT_EQ(clock, want);
                        EXPECT_EQ(static_cast<int>(steps->size()), j.hops[static_cast<std::size_t>(v)]);
                    }
                }
            }
        }
    }
}

TEST(Journeys, LatestDepartureEqualsEnumeration) {
    for (const Case& c : cases()) {
        const ActorNetwork net = random_temporal(c.seed + 100, 6, 9, true);
        const TemporalGraph tg = graph_of(net, c.directed, c.undated_always);
        const auto ties = brute_ties(net, c.undated_always);
        for (const int start : {1995, 2001}) {
            for (const int end : {2003, 2005}) {
                // latest[u][t]: the latest first departure from u of a journey reaching t by end.
                std::vector<std::vector<int>> latest(6, std::vector<int>(6, no_year));
                for (int u = 0; u < 6; ++u) {
                    latest[static_cast<std::size_t>(u)][static_cast<std::size_t>(u)] = end;
                    std::vector<char> on_path(6, 0);
                    on_path[static_cast<std::size_t>(u)] = 1;
                    enumerate(ties, c.directed, u, start, end, c.hop, on_path, -1, [&](int v, int dep, int) {
                        int& l = latest[static_cast<std::size_t>(u)][static_cast<std::size_t>(v)];
                        l = std::max(l, dep);
                    });
                }
                for (int t = 0; t < 6; ++t) {
                    const JourneyOptions o{.direction = TimeDirection::backward,
                                           .start = start == 1995 ? open_start : start,
                                           .end = end,
                                           .hop_years = c.hop};
                    const Journeys j = earliest_arrival(tg, t, o);
                    for (int u = 0; u < 6; ++u) {
                        const int want = latest[static_cast<std::size_t>(u)][static_cast<std::size_t>(t)];
                        ASSERT_EQ(j.time[static_cast<std::size_t>(u)], want)
                            << "seed " << c.seed << " directed " << c.directed << " hop " << c.hop << " " << u << " -> "
                            << t;
                        const auto steps = journey(j, u);
                        ASSERT_EQ(steps.has_value(), want != no_year);
                        if (!steps || steps->empty()) continue;
                        EXPECT_EQ(steps->front().from, u);
                        EXPECT_EQ(steps->front().year, want);
                        EXPECT_EQ(steps->back().to, t);
                        EXPECT_LE(steps->back().year + c.hop, end);
                        for (std::size_t k = 1; k < steps->size(); ++k)
                            EXPECT_GE((*steps)[k].year, (*steps)[k - 1].year + c.hop);
                    }
                }
            }
        }
    }
}

TEST(TemporalReach, SizesClosenessAndMatrixEqualEnumeration) {
    for (const Case& c : cases()) {
        const int n = 7;
        const ActorNetwork net = random_temporal(c.seed + 200, n, 11, true);
        const TemporalGraph tg = graph_of(net, c.directed, c.undated_always);
        const auto ties = brute_ties(net, c.undated_always);
        const int start = 2001;
        for (const auto direction : {TimeDirection::forward, TimeDirection::backward}) {
            const bool forward = direction == TimeDirection::forward;
            const int end = forward ? cap : 2004;
            const JourneyOptions o{.direction = direction, .start = start, .end = end, .hop_years = c.hop};
            // best[u][v]: earliest arrival at v from u (forward) or latest departure from v to u (backward).
            std::vector<std::vector<int>> best(static_cast<std::size_t>(n),
                                               std::vector<int>(static_cast<std::size_t>(n), no_year));
            for (int u = 0; u < n; ++u) {
                std::vector<char> on_path(static_cast<std::size_t>(n), 0);
                on_path[static_cast<std::size_t>(u)] = 1;
                if (forward)
                    best[static_cast<std::size_t>(u)][static_cast<std::size_t>(u)] = start;
                else
                    best[static_cast<std::size_t>(u)][static_cast<std::size_t>(u)] = end;
                enumerate(ties, c.directed, u, start, end, c.hop, on_path, -1, [&](int v, int dep, int arr) {
                    if (forward) {
                        int& b = best[static_cast<std::size_t>(u)][static_cast<std::size_t>(v)];
                        b = b == no_year ? arr : std::min(b, arr);
                    } else {
                        int& b = best[static_cast<std::size_t>(v)][static_cast<std::size_t>(u)];
                        b = std::max(b, dep);
                    }
                });
            }
            const TemporalReach r = temporal_reach(tg, o);
            const auto matrix = temporal_reachability_matrix(tg, o);
            for (int u = 0; u < n; ++u) {
                std::int64_t size = 0;
                double closeness = 0;
                for (int v = 0; v < n; ++v) {
                    const int b = best[static_cast<std::size_t>(u)][static_cast<std::size_t>(v)];
                    const bool reached = b != no_year;
                    EXPECT_EQ(matrix[static_cast<std::size_t>(u * n + v)], reached ? 1 : 0) << u << " " << v;
                    size += reached;
                    if (reached && u != v) closeness += 1.0 / ((forward ? b - start : end - b) + 1.0);
                }
                EXPECT_EQ(r.size[static_cast<std::size_t>(u)], size) << "seed " << c.seed << " node " << u;
                EXPECT_NEAR(r.closeness[static_cast<std::size_t>(u)], closeness / (n - 1), 1e-12)
                    << "seed " << c.seed << " node " << u;
            }
        }
    }
}

// Earliest arrivals from one origin, year by year: in each year, every tie active that year is
// taken from every actor reached by then, until nothing changes (a fixpoint, not a search).
std::vector<int> arrivals_year_by_year(const std::vector<BruteTie>& ties, bool directed, int origin, int n, int start,
                                       int end, int hop) {
    std::vector<int> arrival(static_cast<std::size_t>(n), cap + 100);
    arrival[static_cast<std::size_t>(origin)] = start;
    for (int year = start; year <= end; ++year) {
        for (bool changed = true; changed;) {
            changed = false;
            for (const BruteTie& t : ties) {
                if (year < t.first || year > t.last || year + hop > end) continue;
                for (int side = 0; side < 2; ++side) {
                    if (side == 1 && directed && t.directed) continue;
                    const int from = side == 0 ? t.u : t.v;
                    const int to = side == 0 ? t.v : t.u;
                    int& a = arrival[static_cast<std::size_t>(to)];
                    if (arrival[static_cast<std::size_t>(from)] <= year && year + hop < a) {
                        a = year + hop;
                        changed = true;
                    }
                }
            }
        }
    }
    return arrival;
}

TEST(TemporalReach, ManySweepsEqualYearByYearArrivals) {
    // 700 nodes: two sweeps of origins, the second partial, origins taken out of node order.
    const ActorNetwork net = random_temporal(77, 700, 1800, true);
    for (const bool undated : {false, true}) {
        for (const int hop : {0, 2}) {
            const TemporalGraph tg = graph_of(net, true, undated);
            const auto ties = brute_ties(net, undated);
            const JourneyOptions o{.start = 2001, .end = 2006, .hop_years = hop};
            const TemporalReach r = temporal_reach(tg, o);
            for (int u = 0; u < 700; ++u) {
                const auto arrival = arrivals_year_by_year(ties, true, u, 700, 2001, 2006, hop);
                std::int64_t size = 0;
                double closeness = 0;
                for (int v = 0; v < 700; ++v) {
                    const int t = arrival[static_cast<std::size_t>(v)];
                    if (t > cap) continue;
                    ++size;
                    if (v != u) closeness += 1.0 / (t - 2001 + 1.0);
                }
                ASSERT_EQ(r.size[static_cast<std::size_t>(u)], size) << u;
                ASSERT_NEAR(r.closeness[static_cast<std::size_t>(u)], closeness / 699, 1e-12) << u;
            }
        }
    }
}

// A hand computation. a -> b 2001..2003, b -> c in 2000 (too early for a journey through b),
// b -> d in 2003, d -> c 2003..2004, a - e undirected from 2002 on, e -> c in 2005.
// From a, starting in 2000: b 2001, e 2002, d 2003 (a b d), c 2003 (a b d c; a e c arrives in 2005).
TEST(JourneyBetweenness, HandComputation) {
    ActorNetwork net;
    for (const char* id : {"a", "b", "c", "d", "e"}) net.add_actor({.id = id});
    net.add_tie({.source = "a", .target = "b", .start_year = 2001, .end_year = 2003});
    net.add_tie({.source = "b", .target = "c", .start_year = 2000, .end_year = 2000});
    net.add_tie({.source = "b", .target = "d", .start_year = 2003, .end_year = 2003});
    net.add_tie({.source = "d", .target = "c", .start_year = 2003, .end_year = 2004});
    net.add_tie({.source = "a", .target = "e", .directed = false, .start_year = 2002});
    net.add_tie({.source = "e", .target = "c", .start_year = 2005, .end_year = 2005});
    const TemporalGraph tg = temporal_graph(net, {.directed = true});  // the undirected tie is two arcs
    const Journeys j = earliest_arrival(tg, 0, {.start = 2000});
    EXPECT_EQ(j.time, (std::vector<std::int32_t>{2000, 2001, 2003, 2003, 2002}));
    const auto path = journey(j, 2);
    ASSERT_TRUE(path);
    ASSERT_EQ(path->size(), 3u);
    EXPECT_EQ((*path)[0].to, 1);
    EXPECT_EQ((*path)[1].to, 3);
    EXPECT_EQ((*path)[2].to, 2);
    EXPECT_EQ((*path)[0].year, 2001);
    EXPECT_EQ((*path)[1].year, 2003);
    // From b: c 2000 directly, d 2003. From e: a 2002, b 2002 (e a b), d 2003 (e a b d), c 2003
    // (e a b d c). The pairs each actor lies on: a: (e,b) (e,d) (e,c); b: (a,d) (a,c) (e,d) (e,c);
    // d: (a,c) (e,c); e: none (a e c is not foremost).
    const auto bc = journey_betweenness(tg, {.start = 2000});
    EXPECT_EQ(bc, (std::vector<double>{3, 4, 0, 2, 0}));
    // Starting in 2004 only a-e (both ways), d-c and e-c remain: e-c 2005, a-e-c 2005.
    const auto late = journey_betweenness(tg, {.start = 2004});
    EXPECT_EQ(late, (std::vector<double>{0, 0, 0, 0, 1}));
}

TEST(JourneyBetweenness, CountsEveryShortestForemostJourney) {
    // Two journeys from s to t arrive in 2002 with two ties: s-x-t and s-y-t; s-z-w-t also
    // arrives in 2002 but with three. x and y each get half of (s,t); z and w nothing from it.
    ActorNetwork net;
    for (const char* id : {"s", "x", "y", "z", "w", "t"}) net.add_actor({.id = id});
    net.add_tie({.source = "s", .target = "x", .start_year = 2001});
    net.add_tie({.source = "s", .target = "x", .start_year = 2001});  // a parallel tie: the same journey
    net.add_tie({.source = "x", .target = "t", .start_year = 2002});
    net.add_tie({.source = "s", .target = "y", .start_year = 2000});
    net.add_tie({.source = "y", .target = "t", .start_year = 2002});
    net.add_tie({.source = "s", .target = "z", .start_year = 2000});
    net.add_tie({.source = "z", .target = "w", .start_year = 2000});
    net.add_tie({.source = "w", .target = "t", .start_year = 2002});
    const TemporalGraph tg = temporal_graph(net);
    const auto bc = journey_betweenness(tg, {.start = 2000});
    // x: (s,t) 1/2; y: (s,t) 1/2; z: (s,w); w: (z,t).
    EXPECT_EQ(bc, (std::vector<double>{0, 0.5, 0.5, 1, 1, 0}));
    // A parallel tie that begins later adds no route: s-x is taken in 2001 either way.
    net.add_tie({.source = "s", .target = "x", .start_year = 2002});
    EXPECT_EQ(journey_betweenness(temporal_graph(net), {.start = 2000}), bc);
    const auto normalized = journey_betweenness(tg, {.start = 2000}, true);
    EXPECT_DOUBLE_EQ(normalized[3], 1.0 / 20);
}

TEST(TieDynamics, ChangesDurationsAndSpells) {
    ActorNetwork net;
    for (const char* id : {"a", "b", "c", "d"}) net.add_actor({.id = id});
    net.add_tie({.source = "a", .target = "b", .start_year = 2000, .end_year = 2002});
    net.add_tie({.source = "a", .target = "c", .directed = false, .start_year = 2003, .end_year = 2003});
    net.add_tie({.source = "b", .target = "c", .start_year = 2005});
    net.add_tie({.source = "c", .target = "d"});  // undated
    const TemporalGraph tg = temporal_graph(net, {.directed = true});
    ASSERT_EQ(tg.graph().num_edges(), 4);  // a-c both ways; c-d left out
    const TieChanges ch = tie_changes(tg);
    EXPECT_EQ(ch.year, (std::vector<std::int32_t>{2000, 2001, 2002, 2003, 2004, 2005}));
    EXPECT_EQ(ch.formed, (std::vector<std::int64_t>{1, 0, 0, 1, 0, 1}));
    EXPECT_EQ(ch.ended, (std::vector<std::int64_t>{0, 0, 1, 1, 0, 0}));
    EXPECT_EQ(ch.active, (std::vector<std::int64_t>{1, 1, 1, 1, 0, 1}));
    const auto d = tie_durations(tg, 2010);
    ASSERT_EQ(d.size(), 3u);
    EXPECT_EQ(d[0].years, 3);
    EXPECT_EQ(d[1].years, 1);
    EXPECT_EQ(d[2].years, 6);
    EXPECT_TRUE(d[2].ongoing);
    EXPECT_EQ(tie_durations(tg)[2].years, 1);  // cut at the latest dated year, 2005
    const auto spells = activity_spells(tg);
    // a: 2000-2003 (two ties touching); b: 2000-2002, 2005-; c: 2003, 2005-.
    ASSERT_EQ(spells.size(), 5u);
    EXPECT_EQ(spells[0].node, 0);
    EXPECT_EQ(spells[0].first, 2000);
    EXPECT_EQ(spells[0].last, 2003);
    EXPECT_EQ(spells[0].ties, 2);
    EXPECT_EQ(spells[2].node, 1);
    EXPECT_EQ(spells[2].first, 2005);
    EXPECT_EQ(spells[2].last, open_end);
    EXPECT_EQ(spells[3].node, 2);
    EXPECT_EQ(spells[3].last, 2003);
    // Undated ties kept as always active: c-d from the start of time, without end.
    const TemporalSelection always{.directed = true, .undated = UndatedTies::always};
    const auto all = activity_spells(temporal_graph(net, always));
    EXPECT_EQ(all.back().node, 3);
    EXPECT_EQ(all.back().first, open_start);
    EXPECT_EQ(all.back().last, open_end);
    EXPECT_EQ(tie_changes(temporal_graph(net, always)).active.front(), 2);
}

TEST(Temporal, EdgeCasesAndBadInput) {
    const TemporalGraph empty;
    EXPECT_TRUE(temporal_reach(empty, {.start = 2000}).size.empty());
    EXPECT_TRUE(journey_betweenness(empty).empty());
    EXPECT_TRUE(tie_changes(empty).year.empty());
    EXPECT_THROW(earliest_arrival(empty, 0), std::out_of_range);

    ActorNetwork net;
    net.add_actor({.id = "only"});
    net.add_tie({.source = "only", .target = "only", .start_year = 2000});  // a self-loop is dropped
    const TemporalGraph one = temporal_graph(net);
    EXPECT_EQ(one.graph().num_edges(), 0);
    EXPECT_EQ(temporal_reach(one, {.start = 2000}).size, (std::vector<std::int64_t>{1}));
    EXPECT_EQ(temporal_reach(one, {.start = 2000}).closeness, (std::vector<double>{0}));
    EXPECT_EQ(earliest_arrival(one, 0, {.start = 2000}).time, (std::vector<std::int32_t>{2000}));

    EXPECT_THROW(earliest_arrival(one, 0, {.start = 2005, .end = 2000}), std::invalid_argument);
    EXPECT_THROW(earliest_arrival(one, 0, {.hop_years = -1}), std::invalid_argument);
    EXPECT_THROW(earliest_arrival(one, 0, {.start = 12000}), std::invalid_argument);
    EXPECT_THROW(earliest_arrival(one, 1), std::out_of_range);
    EXPECT_NO_THROW(temporal_reach(one));  // one node: no latency to count
    net.add_actor({.id = "other"});
    const TemporalGraph two = temporal_graph(net);
    EXPECT_THROW(temporal_reach(two), std::invalid_argument);  // closeness counts years from the start
    EXPECT_THROW(temporal_reach(two, {.direction = TimeDirection::backward}), std::invalid_argument);
    EXPECT_EQ(temporal_reach(two, {}, false).size, (std::vector<std::int64_t>{1, 1}));
    EXPECT_THROW(journey_betweenness(one, {.direction = TimeDirection::backward}), std::invalid_argument);
    EXPECT_THROW(temporal_reachability_matrix(one, {}, 0), std::length_error);
    EXPECT_THROW(TemporalGraph(Graph{}, {2000}, {2000}), std::invalid_argument);
    const Graph edge = test::make_graph(2, {{0, 1}}, {.directed = true});
    EXPECT_THROW(TemporalGraph(edge, {no_year}, {2000}), std::invalid_argument);  // not a year: open_start
    EXPECT_THROW(TemporalGraph(edge, {2000}, {10000}), std::invalid_argument);
    EXPECT_NO_THROW(TemporalGraph(edge, {open_start}, {open_end}));
    try {
        temporal_graph(net, {.relations = std::vector<std::string>{"nope"}});
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("nope"), std::string::npos);
    }
}

TEST(Temporal, OpenStartWithUndatedTies) {
    // With undated ties always active and no start, the journeys that need no dated tie arrive at
    // open_start; a hop then takes no time (there was all the time in the world).
    ActorNetwork net;
    for (const char* id : {"a", "b", "c"}) net.add_actor({.id = id});
    net.add_tie({.source = "a", .target = "b"});
    net.add_tie({.source = "b", .target = "c", .start_year = 2003});
    TemporalSelection s;
    s.undated = UndatedTies::always;
    const TemporalGraph tg = temporal_graph(net, s);
    const Journeys j = earliest_arrival(tg, 0, {.hop_years = 1});
    EXPECT_EQ(j.time, (std::vector<std::int32_t>{open_start, open_start, 2004}));
    // Backward with an open end: b -> c never ends, so there is no latest departure.
    const Journeys open = earliest_arrival(tg, 2, {.direction = TimeDirection::backward, .hop_years = 1});
    EXPECT_EQ(open.time, (std::vector<std::int32_t>{open_end, open_end, open_end}));
    // By 2006: b leaves for c in 2005 at the latest, a for b in 2004.
    const Journeys back = earliest_arrival(tg, 2, {.direction = TimeDirection::backward, .end = 2006, .hop_years = 1});
    EXPECT_EQ(back.time, (std::vector<std::int32_t>{2004, 2005, 2006}));
}

}  // namespace
}  // namespace essnet
