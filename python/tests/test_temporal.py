"""essnet.temporal against journeys enumerated here year by year on small seeded temporal networks
(directed, undirected and mixed ties, undated ties, open ends, parallel ties), against networkx's
betweenness where every tie is active at once, and against hand computations on the bundled
Chantier network."""

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import essnet
from essnet import temporal

CAP = 2007  # open ends are cut here, and every search below ends by then


def random_network(seed, n=6, m=10, mixed=True, same_year=None):
    rng = np.random.default_rng(seed)
    net = essnet.ActorNetwork()
    for i in range(n):
        net.add_actor(f"a{i}")
    for _ in range(m):
        u, v = rng.choice(n, 2, replace=False)
        start = end = None
        roll = rng.integers(12)
        if same_year is not None:
            start = same_year
        elif roll == 0:
            end = 2001 + int(rng.integers(4))  # undated, with an end year
        elif roll > 1:
            start = 2000 + int(rng.integers(6))
            if roll > 4:
                end = start + int(rng.integers(3))
        net.add_tie(f"a{u}", f"a{v}", relation=("funded", "partnership")[int(rng.integers(2))],
                    directed=not mixed or bool(rng.integers(3)), start_year=start, end_year=end)
    return net


def brute_ties(net, directed, undated):
    """(u, v, first, last, tie row) for every way a tie can be followed."""
    out = []
    for row, t in enumerate(net.ties.itertuples()):
        if pd.isna(t.start_year) and undated == "never":
            continue
        first = 1990 if pd.isna(t.start_year) else int(t.start_year)
        last = CAP if pd.isna(t.end_year) else int(t.end_year)
        out.append((t.source, t.target, first, last, row))
        if not directed or not t.directed:
            out.append((t.target, t.source, first, last, row))
    return out


def journeys_year_by_year(ties, source, start, end, hop):
    """Every simple journey from source, each tie taken in any year it allows: yields
    (visited actors, first departure, arrival)."""
    def walk(at, clock, visited, departure):
        for u, v, first, last, _ in ties:
            if u != at or v in visited:
                continue
            for year in range(max(clock, first), last + 1):
                if year + hop > end:
                    break
                dep = year if departure is None else departure
                yield visited + [v], dep, year + hop
                yield from walk(v, year + hop, visited + [v], dep)
    yield from walk(source, start, [source], None)


def greedy_journeys(ties, source, start, end, hop):
    """Every simple route from source, travelled as early as it allows (of parallel ties, the one
    that arrives first): yields the (actor, arrival) states it visits, the source first."""
    def walk(at, clock, states):
        first = {}
        for u, v, lo, hi, _ in ties:
            year = max(clock, lo)
            if u == at and year <= hi and year + hop <= end:
                first[v] = min(first.get(v, math.inf), year + hop)
        for v, arrival in sorted(first.items()):
            if any(v == s[0] for s in states):
                continue
            path = states + [(v, arrival)]
            yield path
            yield from walk(v, arrival, path)
    yield from walk(source, start, [(source, start)])


CASES = [(seed, directed, undated, hop) for seed in range(5) for directed in (False, True)
         for undated in ("never", "always") for hop in (0, 1, 2)]


@pytest.mark.parametrize("seed,directed,undated,hop", CASES)
def test_earliest_arrival_and_journeys_equal_enumeration(seed, directed, undated, hop):
    net = random_network(seed)
    ties = brute_ties(net, directed, undated)
    ids = [f"a{i}" for i in range(6)]
    for start, end in ((2000, CAP), (2002, 2004)):
        for s in ids:
            best = {s: start}
            for visited, _, arrival in journeys_year_by_year(ties, s, start, end, hop):
                best[visited[-1]] = min(best.get(visited[-1], math.inf), arrival)
            got = temporal.earliest_arrival(net, s, start, end, hop_years=hop, undated=undated, directed=directed)
            assert list(got.index) == ids
            assert got.name == "arrival"
            assert got.to_dict() == {v: best.get(v, math.inf) for v in ids}
            for t in ids:
                j = temporal.journey(net, s, t, start, end, hop_years=hop, undated=undated, directed=directed)
                if t not in best:
                    assert j is None
                    continue
                clock, at = start, s
                for step in j.itertuples():
                    tie = net.ties.iloc[step.tie]
                    assert step.source == at
                    assert {step.source, step.target} == {tie.source, tie.target}
                    if directed and tie.directed:
                        assert (step.source, step.target) == (tie.source, tie.target)
                    assert step.year >= clock
                    assert pd.isna(tie.start_year) or step.year >= tie.start_year
                    assert pd.isna(tie.end_year) or step.year <= tie.end_year
                    assert step.relation == tie.relation
                    clock, at = step.year + hop, step.target
                assert at == t and clock == best[t]


@pytest.mark.parametrize("seed,directed,undated,hop", CASES)
def test_latest_departure_equals_enumeration(seed, directed, undated, hop):
    net = random_network(seed + 50)
    ties = brute_ties(net, directed, undated)
    ids = [f"a{i}" for i in range(6)]
    start, end = 2001, 2004
    latest = {(u, u): end for u in ids}
    for u in ids:
        for visited, departure, _ in journeys_year_by_year(ties, u, start, end, hop):
            latest[u, visited[-1]] = max(latest.get((u, visited[-1]), -math.inf), departure)
    for t in ids:
        got = temporal.earliest_arrival(net, t, start, end, direction="backward", hop_years=hop, undated=undated,
                                        directed=directed)
        assert got.name == "departure"
        assert got.to_dict() == {u: latest.get((u, t), -math.inf) for u in ids}
        for u in ids:
            j = temporal.journey(net, u, t, start, end, direction="backward", hop_years=hop, undated=undated,
                                 directed=directed)
            assert (j is None) == ((u, t) not in latest)
            if j is not None and len(j):
                assert j["source"].iloc[0] == u and j["target"].iloc[-1] == t
                assert j["year"].iloc[0] == latest[u, t]
                assert j["year"].iloc[-1] + hop <= end


@pytest.mark.parametrize("seed,directed,undated,hop", CASES)
def test_reach_closeness_and_sets_equal_enumeration(seed, directed, undated, hop):
    net = random_network(seed + 100, n=7, m=12)
    ties = brute_ties(net, directed, undated)
    ids = [f"a{i}" for i in range(7)]
    start = 2001
    arrival = {}
    for s in ids:
        arrival[s, s] = start
        for visited, _, a in journeys_year_by_year(ties, s, start, CAP, hop):
            arrival[s, visited[-1]] = min(arrival.get((s, visited[-1]), math.inf), a)
    kw = dict(hop_years=hop, undated=undated, directed=directed)
    reach = temporal.reachable(net, start, CAP, **kw)
    assert reach.to_dict() == {s: sum((s, v) in arrival for v in ids) for s in ids}
    sets = temporal.reachable(net, start, CAP, sets=True, **kw)
    assert sets.to_numpy().tolist() == [[(s, v) in arrival for v in ids] for s in ids]
    closeness = temporal.closeness(net, start, CAP, **kw)
    for s in ids:
        want = sum(1 / (arrival[s, v] - start + 1) for v in ids if v != s and (s, v) in arrival) / 6
        assert closeness[s] == pytest.approx(want, rel=1e-12)
    # Backward: who reaches each actor by 2004, and the latest departure of each journey there.
    latest = {}
    for s in ids:
        latest[s, s] = 2004
        for visited, departure, _ in journeys_year_by_year(ties, s, 1990, 2004, hop):
            latest[s, visited[-1]] = max(latest.get((s, visited[-1]), -math.inf), departure)
    back = temporal.reachable(net, None, 2004, direction="backward", **kw)
    assert back.to_dict() == {t: sum((s, t) in latest for s in ids) for t in ids}
    back_sets = temporal.reachable(net, None, 2004, direction="backward", sets=True, **kw)
    assert back_sets.to_numpy().tolist() == [[(s, t) in latest for s in ids] for t in ids]
    # Backward closeness: latencies from each actor's latest departure towards t to 2004.
    back_closeness = temporal.closeness(net, None, 2004, direction="backward", **kw)
    for t in ids:
        want = sum(1 / (2004 - latest[s, t] + 1) for s in ids if s != t and (s, t) in latest) / 6
        assert back_closeness[t] == pytest.approx(want, rel=1e-12)


def betweenness_by_enumeration(ties, ids, start, end, hop):
    """Journey betweenness from every route enumerated: for each pair, the routes that arrive
    first, and of those the ones with the fewest ties, each counted once."""
    total = dict.fromkeys(ids, 0.0)
    for s in ids:
        by_target = {}
        for path in greedy_journeys(ties, s, start, end, hop):
            by_target.setdefault(path[-1][0], set()).add(tuple(path))
        for t, paths in by_target.items():
            first = min(p[-1][1] for p in paths)
            fewest = min(len(p) for p in paths if p[-1][1] == first)
            counted = [p for p in paths if p[-1][1] == first and len(p) == fewest]
            for v in ids:
                if v not in (s, t):
                    total[v] += sum(any(a == v for a, _ in p) for p in counted) / len(counted)
    return total


@pytest.mark.parametrize("seed,directed,undated,hop", CASES)
def test_betweenness_equals_enumeration(seed, directed, undated, hop):
    net = random_network(seed + 200, n=7, m=13)
    ties = brute_ties(net, directed, undated)
    ids = [f"a{i}" for i in range(7)]
    start = 2000
    got = temporal.betweenness(net, start, CAP, hop_years=hop, undated=undated, directed=directed)
    assert got.name == "betweenness"
    assert got.to_dict() == pytest.approx(betweenness_by_enumeration(ties, ids, start, CAP, hop), abs=1e-12)
    # An earlier end leaves the later journeys out.
    bounded = temporal.betweenness(net, start, 2003, hop_years=hop, undated=undated, directed=directed)
    assert bounded.to_dict() == pytest.approx(betweenness_by_enumeration(ties, ids, start, 2003, hop), abs=1e-12)
    normalized = temporal.betweenness(net, start, CAP, hop_years=hop, undated=undated, directed=directed,
                                      normalized=True)
    assert np.allclose(normalized.to_numpy(), got.to_numpy() / 30)


@pytest.mark.parametrize("directed", [False, True])
def test_betweenness_with_every_tie_active_at_once_is_networkx_betweenness(directed):
    net = random_network(7, n=25, m=60, mixed=False, same_year=2000)
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(f"a{i}" for i in range(25))
    G.add_edges_from(zip(net.ties["source"], net.ties["target"]))
    want = nx.betweenness_centrality(G, normalized=False)
    got = temporal.betweenness(net, directed=directed)
    factor = 1 if directed else 2  # networkx counts an undirected pair once
    for v, b in want.items():
        assert got[v] == pytest.approx(factor * b, abs=1e-9)


def test_chantier_journeys_by_hand():
    net = essnet.datasets.chantier()
    # Undirected (the network mixes directed and undirected ties), undated ties left out. From the
    # 2001 meeting: the Chantier and RIPESS in 2001, the Québec-France relations (1996) in 2001, the
    # 2006 summit in 2006, MAMROT in 2010, FIESS 2011 and its participants (ILO, OECD, ITUC, the
    # three banks) in 2011, the ILO's 2009 meetings through the ILO in 2011 and Nancy Neamtan through
    # them, Rio+20 and the UN in 2012. The FBES, the European Commission, the OECD forum and RELIESS
    # are tied by undated ties only.
    arrival = temporal.earliest_arrival(net, "rencontre_2001", 2001)
    want = {"rencontre_2001": 2001, "chantier": 2001, "ripess": 2001, "relations_quebec_france": 2001,
            "sommet_ess_2006": 2006, "mamrot": 2010, "fiess_2011": 2011, "ilo": 2011, "oecd": 2011, "ituc": 2011,
            "afdb": 2011, "idb": 2011, "adb": 2011, "ilo_panel_2009": 2011, "ilo_johannesburg_2009": 2011,
            "neamtan_nancy": 2011, "rio20": 2012, "un": 2012, "fbes": math.inf, "european_commission": math.inf,
            "oecd_forum_social_innovation": math.inf, "reliess": math.inf}
    assert arrival.to_dict() == want
    # "Could an idea that left the 2001 meeting reach Rio+20 through ties that existed at the time?"
    j = temporal.journey(net, "rencontre_2001", "rio20", 2001)
    assert j[["source", "target", "year"]].values.tolist() == [["rencontre_2001", "chantier", 2001],
                                                               ["chantier", "rio20", 2012]]
    assert list(j["relation"]) == ["organized", "participated_in"]
    # Along the ties' directions the meeting only reaches RIPESS, which it founded.
    directed = temporal.earliest_arrival(net, "rencontre_2001", 2001, directed=True)
    assert directed[np.isfinite(directed)].to_dict() == {"rencontre_2001": 2001, "ripess": 2001}
    # One tie a year: the Chantier in 2002, FIESS (its tie dates from 2011) in 2012, then the ILO,
    # its 2009 panel and Nancy Neamtan a year apart.
    slow = temporal.earliest_arrival(net, "rencontre_2001", 2001, hop_years=1)
    assert slow[["chantier", "fiess_2011", "ilo", "ilo_panel_2009", "neamtan_nancy"]].tolist() == \
        [2002, 2012, 2013, 2014, 2015]
    # With undated ties always there, the Chantier's president is reached in 2001 (she leads it).
    always = temporal.earliest_arrival(net, "rencontre_2001", 2001, undated="always")
    assert always["neamtan_nancy"] == 2001 and always["fbes"] == 2001
    # Backward: who could have passed something to Rio+20 by 2012, and leaving when at the latest.
    back = temporal.earliest_arrival(net, "rio20", end=2012, direction="backward")
    assert back[["chantier", "un", "ilo", "rencontre_2001"]].tolist() == [2012, 2012, 2012, 2012]
    assert back["fbes"] == -math.inf


def test_chantier_reach_closeness_and_betweenness_by_hand():
    net = essnet.datasets.chantier()
    # Undirected, from 1996: the Chantier reaches every actor but the four tied by undated ties only.
    reach = temporal.reachable(net)
    assert reach["chantier"] == 18 and reach["fbes"] == 1
    # Its latencies from 1996: Québec-France 1; the meeting and RIPESS 6; the summit 11; MAMROT 15;
    # FIESS, its six participants and the ILO's two meetings with Nancy Neamtan 16 (ten actors);
    # Rio+20 and the UN 17.
    c = temporal.closeness(net)
    want = (1 + 2 / 6 + 1 / 11 + 1 / 15 + 10 / 16 + 2 / 17) / 21
    assert c["chantier"] == pytest.approx(want, rel=1e-12)
    # Along the directions, only the Chantier and the 2001 meeting pass anything on: the Québec-France
    # relations reach the meeting, RIPESS, the summit, MAMROT, FIESS and Rio+20 through the
    # Chantier (6 pairs); the Chantier and the relations reach RIPESS through the meeting (2).
    b = temporal.betweenness(net, directed=True)
    assert b[b > 0].to_dict() == {"chantier": 6.0, "rencontre_2001": 2.0}


def test_tie_changes_durations_and_spells_by_hand():
    net = essnet.datasets.chantier()
    changes = temporal.tie_changes(net)
    # Dated ties start in 1996 (1), 2001 (2), 2006 (1), 2009 (4), 2010 (1), 2011 (7), 2012 (2); none ends.
    assert list(changes.index) == list(range(1996, 2013))
    formed = changes["formed"]
    assert formed[formed > 0].to_dict() == {1996: 1, 2001: 2, 2006: 1, 2009: 4, 2010: 1, 2011: 7, 2012: 2}
    assert (changes["ended"] == 0).all()
    assert changes["active"].tolist() == list(np.cumsum(formed))
    durations = temporal.tie_durations(net)
    assert len(durations) == 18
    assert durations["ongoing"].all()
    assert durations.loc[durations["start_year"] == 1996, "years"].tolist() == [17]  # 1996..2012
    assert temporal.tie_durations(net, until=2020)["years"].max() == 25
    spells = temporal.activity_spells(net).set_index("id")
    assert spells.loc["chantier", "first"] == 1996 and pd.isna(spells.loc["chantier", "last"])
    assert spells.loc["chantier", "ties"] == 6 and spells.loc["chantier", "ongoing"]  # its dated ties
    assert "fbes" not in spells.index

    # Ties that end: a spell breaks where a year has no tie, and endings are counted.
    net2 = essnet.ActorNetwork()
    for a in "abc":
        net2.add_actor(a)
    net2.add_tie("a", "b", start_year=2000, end_year=2001)
    net2.add_tie("a", "c", start_year=2003, end_year=2004)
    net2.add_tie("b", "c", start_year=2002, end_year=2002)
    s = temporal.activity_spells(net2)
    assert s[["id", "first", "last", "ties"]].values.tolist() == [["a", 2000, 2001, 1], ["a", 2003, 2004, 1],
                                                                  ["b", 2000, 2002, 2], ["c", 2002, 2004, 2]]
    ch = temporal.tie_changes(net2)
    assert ch["ended"].tolist() == [0, 1, 1, 0, 1] and ch["active"].tolist() == [1, 1, 1, 1, 1]
    assert temporal.tie_durations(net2)["years"].tolist() == [2, 2, 1]


def test_edge_cases_and_bad_input():
    empty = essnet.ActorNetwork()
    assert temporal.reachable(empty).empty
    assert temporal.betweenness(empty).empty
    assert temporal.tie_changes(empty).empty
    assert temporal.activity_spells(empty).empty
    one = essnet.ActorNetwork()
    one.add_actor("x")
    one.add_tie("x", "x", start_year=2000)  # a self-loop takes a journey nowhere
    assert temporal.reachable(one).tolist() == [1]
    assert temporal.closeness(one).tolist() == [0.0]
    assert temporal.earliest_arrival(one, "x", 2000).tolist() == [2000]
    # Without a dated tie there is no earliest year: the search starts before any year.
    assert temporal.earliest_arrival(one, "x").tolist() == [-math.inf]
    assert temporal.journey(one, "x", "x").empty

    net = essnet.datasets.chantier()
    with pytest.raises(ValueError, match="source: actor 'nope'"):
        temporal.earliest_arrival(net, "nope")
    with pytest.raises(ValueError, match="target: actor 'nope'"):
        temporal.journey(net, "chantier", "nope")
    with pytest.raises(ValueError, match="start .2005. is after end .2000."):
        temporal.reachable(net, 2005, 2000)
    with pytest.raises(ValueError, match="hop_years"):
        temporal.reachable(net, hop_years=-1)
    with pytest.raises(ValueError, match="direction"):
        temporal.reachable(net, direction="sideways")
    with pytest.raises(ValueError, match="undated"):
        temporal.reachable(net, undated="sometimes")
    with pytest.raises(ValueError, match="relations"):
        temporal.reachable(net, relations=["nope"])
    with pytest.raises(ValueError, match="start must be a year"):
        temporal.reachable(net, 20000)
    with pytest.raises(TypeError, match="ActorNetwork"):
        temporal.reachable(net.graph())
    # No dated tie and undated ties left out: closeness has no start year to count from.
    undated = essnet.ActorNetwork()
    undated.add_actor("a")
    undated.add_actor("b")
    undated.add_tie("a", "b")
    with pytest.raises(ValueError, match="start"):
        temporal.closeness(undated)
    assert temporal.reachable(undated).tolist() == [1, 1]
    assert temporal.reachable(undated, undated="always").tolist() == [2, 1]
    arrival = temporal.earliest_arrival(undated, "a", undated="always")
    assert arrival.tolist() == [-math.inf, -math.inf]
    assert temporal.journey(undated, "a", "b", undated="always")["year"].isna().all()


def test_default_years():
    net = essnet.ActorNetwork()
    for a in "abcd":
        net.add_actor(a)
    net.add_tie("a", "b", start_year=2005, end_year=2005)
    net.add_tie("c", "d", end_year=1990)  # undated, ended in 1990
    # Backward, the default end leaves time for the last hop: forward and backward agree.
    assert temporal.earliest_arrival(net, "a", hop_years=1)["b"] == 2006
    assert temporal.earliest_arrival(net, "b", direction="backward", hop_years=1)["a"] == 2005
    forward = temporal.reachable(net, sets=True, hop_years=1, undated="always")
    backward = temporal.reachable(net, sets=True, hop_years=1, undated="always", direction="backward")
    assert (forward.to_numpy() == backward.to_numpy().T).all()
    # The earliest year counts the end of an undated tie: c reaches d in 1990, both ways.
    assert temporal.earliest_arrival(net, "c", undated="always")["d"] == 1990
    assert temporal.journey(net, "c", "d", undated="always")["year"].tolist() == [1990]
    # A default year never crosses the one given: ending before the earliest year starts there.
    before = temporal.earliest_arrival(net, "a", end=1999)
    assert before.to_dict() == {"a": 1999, "b": math.inf, "c": math.inf, "d": math.inf}
    assert temporal.closeness(net, end=1999).tolist() == [0.0] * 4
    assert temporal.earliest_arrival(net, "b", start=2010, direction="backward")["b"] == 2010
