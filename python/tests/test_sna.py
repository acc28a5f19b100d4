"""SNA measures against networkx and igraph (independent references)."""

import igraph
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import essnet
from test_centrality import essnet_from_csv, nx_from_csv
from conftest import from_networkx


def random_digraph(seed, weighted):
    rng = np.random.default_rng(seed)
    G = nx.gnm_random_graph(60, 300, seed=seed, directed=True)
    if weighted:
        for u, v in G.edges():
            G[u][v]["weight"] = float(rng.integers(1, 6))
    return G


def with_zero_weights(seed, directed):
    # Weights 0, 1 or 2: some nodes have only ties of weight 0 (networkx takes 0/0 shares as 0).
    rng = np.random.default_rng(seed)
    G = nx.gnm_random_graph(40, 90, seed=seed, directed=directed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.integers(0, 3))
    return G


CASES = [
    ("karate", nx.karate_club_graph(), None),
    ("zero weights", with_zero_weights(3, False), "weight"),
    ("zero weights directed", with_zero_weights(4, True), "weight"),
    ("karate weighted", nx.karate_club_graph(), "weight"),
    ("florentine", nx.florentine_families_graph(), None),
    ("directed", random_digraph(1, False), None),
    ("directed weighted", random_digraph(2, True), "weight"),
]


@pytest.mark.parametrize("name, G, weight", CASES, ids=[c[0] for c in CASES])
def test_structural_holes_against_networkx(name, G, weight):
    g = from_networkx(G, weight)
    nodes = list(G.nodes())
    sh = essnet.structural_holes(g, use_weights=weight is not None)
    c = nx.constraint(G, weight=weight)
    es = nx.effective_size(G, weight=weight)
    if G.is_directed():
        # networkx gives NaN to a node without out-arcs (len(G[v]) counts successors); essnet
        # measures it over its in-contacts. Compare those nodes by their in-contacts alone.
        R = G.reverse()
        for v in nodes:
            if G.out_degree(v) == 0 and G.in_degree(v) > 0:
                c[v], es[v] = nx.constraint(R, [v], weight=weight)[v], nx.effective_size(R, [v], weight=weight)[v]
    np.testing.assert_allclose(sh["constraint"], [c[v] for v in nodes], rtol=1e-12, equal_nan=True)
    np.testing.assert_allclose(sh["effective_size"], [es[v] for v in nodes], rtol=1e-12, equal_nan=True)
    contacts = np.array([len(set(nx.all_neighbors(G, v)) - {v}) for v in nodes], dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        np.testing.assert_allclose(sh["efficiency"], np.array([es[v] for v in nodes]) / contacts, rtol=1e-12,
                                   equal_nan=True)
    np.testing.assert_allclose(essnet.constraint(g, use_weights=weight is not None), sh["constraint"], equal_nan=True)


def test_hierarchy_against_its_definition():
    # Burt's hierarchy from networkx's local constraint: sum r ln r / (N ln N), r = c_ij / (C / N).
    G = nx.karate_club_graph()
    g = from_networkx(G)
    h = essnet.hierarchy(g, use_weights=False)
    for i, v in enumerate(G):
        contacts = set(nx.all_neighbors(G, v))
        terms = np.array([nx.local_constraint(G, v, u) for u in contacts])
        n = len(contacts)
        if n < 2:
            assert np.isnan(h[i])
            continue
        r = terms / (terms.sum() / n)
        assert h[i] == pytest.approx(np.sum(r * np.log(r)) / (n * np.log(n)), rel=1e-12, abs=1e-15)


def test_census_against_networkx_and_igraph():
    for seed in range(3):
        G = nx.gnm_random_graph(80, 500, seed=seed, directed=True)
        g = from_networkx(G)
        census = essnet.triad_census(g)
        want = nx.triadic_census(G)
        assert census.to_dict() == want
        ig = igraph.Graph(n=80, edges=list(G.edges()), directed=True)
        assert list(census.values) == list(ig.triad_census())
        d = essnet.dyad_census(g)
        assert (d["mutual"], d["asymmetric"], d["null"]) == tuple(ig.dyad_census())
        assert essnet.reciprocity(g) == pytest.approx(nx.overall_reciprocity(G), rel=1e-12)
        assert essnet.density(g) == pytest.approx(nx.density(G), rel=1e-12)
    # A real directed network.
    g = essnet_from_csv("krackhardt_hightech", "advice", True)
    G = nx.DiGraph(nx_from_csv("krackhardt_hightech", "advice", True))
    assert essnet.triad_census(g).to_dict() == nx.triadic_census(G)
    with pytest.raises(ValueError, match="directed"):
        essnet.triad_census(essnet.Graph.from_edges([0], [1]))


def test_group_measures_against_networkx():
    G = nx.karate_club_graph()
    g = from_networkx(G)
    club = [G.nodes[v]["club"] for v in G]
    M = essnet.mixing_matrix(g, club)
    ref = nx.attribute_mixing_matrix(G, "club", mapping={"Mr. Hi": 0, "Officer": 1}, normalized=False)
    np.testing.assert_array_equal(M.loc[["Mr. Hi", "Officer"], ["Mr. Hi", "Officer"]].to_numpy(), ref)
    assert essnet.assortativity(g, club) == pytest.approx(nx.attribute_assortativity_coefficient(G, "club"), rel=1e-12)
    degree = [G.degree(v) for v in G]
    nx.set_node_attributes(G, dict(zip(G, degree)), "deg")
    assert essnet.assortativity(g, degree, kind="numeric") == pytest.approx(
        nx.numeric_assortativity_coefficient(G, "deg"), rel=1e-12)
    for scale in (1e160, 1e-160):  # a correlation does not depend on the unit of the values
        assert essnet.assortativity(g, np.array(degree) * scale, kind="numeric") == pytest.approx(
            nx.numeric_assortativity_coefficient(G, "deg"), rel=1e-12)
    D = random_digraph(3, False)
    nx.set_node_attributes(D, {v: v % 3 for v in D}, "k")
    d = from_networkx(D)
    assert essnet.assortativity(d, [v % 3 for v in D]) == pytest.approx(
        nx.attribute_assortativity_coefficient(D, "k"), rel=1e-12)


def test_ei_index_on_chantier_by_hand():
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    kind = net.actors.set_index("id")["kind"]
    r = essnet.ei_index(g, kind, use_weights=False)
    # The same counts with pandas: a tie is internal when both ends are of one kind.
    ties = net.ties[net.ties["source"] != net.ties["target"]]
    same = ties["source"].map(kind).to_numpy() == ties["target"].map(kind).to_numpy()
    e, i = (~same).sum(), same.sum()
    assert r.network == pytest.approx((e - i) / (e + i), rel=1e-12)
    for k in r.group.index:
        touches = (ties["source"].map(kind) == k).to_numpy() | (ties["target"].map(kind) == k).to_numpy()
        ek, ik = (touches & ~same).sum(), (touches & same).sum()
        assert r.group[k] == pytest.approx((ek - ik) / (ek + ik), rel=1e-12)
    assert r.node.shape == (g.num_nodes,)
    with pytest.raises(ValueError, match="groups"):
        essnet.ei_index(g, ["a", "b"])
    # Values by id: a repeated or missing id, or text where numbers are needed, is named.
    doubled = pd.concat([kind, kind.iloc[:1]])
    with pytest.raises(ValueError, match=f"groups has more than one value for nodes \\['{kind.index[0]}'\\]"):
        essnet.ei_index(g, doubled)
    with pytest.raises(ValueError, match="values has no value for nodes"):
        essnet.assortativity(g, kind.iloc[1:], kind="numeric")
    with pytest.raises(ValueError, match="values must be numbers for kind='numeric'"):
        essnet.assortativity(g, kind, kind="numeric")
    with pytest.raises(ValueError, match="onto has no value for nodes"):
        essnet.project(g, (kind != "event").iloc[1:])


@pytest.mark.parametrize("weight", ["none", "count", "newman"])
def test_projection_against_networkx(weight):
    from networkx.algorithms import bipartite

    B = bipartite.random_graph(30, 20, 0.15, seed=4)
    top = [v for v, d in B.nodes(data=True) if d["bipartite"] == 0]
    g = from_networkx(B)
    onto = np.array([B.nodes[v]["bipartite"] == 0 for v in B])
    p = essnet.project(g, onto, weight=weight)
    ref = {"none": bipartite.projected_graph, "count": bipartite.weighted_projected_graph,
           "newman": bipartite.collaboration_weighted_projected_graph}[weight](B, top)
    assert p.nodes == [str(v) for v in top] and p.num_edges == ref.number_of_edges()
    s, t = p.edges
    w = p.weights if weight != "none" else np.ones(p.num_edges)
    for a, b, x in zip(s, t, w):
        u, v = int(p.nodes[a]), int(p.nodes[b])
        assert ref.has_edge(u, v)
        if weight != "none":
            assert x == pytest.approx(ref[u][v]["weight"], rel=1e-12)
    assert essnet.two_mode_density(g, onto) == pytest.approx(bipartite.density(B, top), rel=1e-12)


def test_chantier_co_participation_in_one_call():
    net = essnet.datasets.chantier()
    g = net.graph(relations=["participated_in", "organized"], directed=False)
    kinds = net.actors.set_index("id")["kind"]
    co = essnet.project(g, kinds.reindex(g.nodes) != "event", weight="count")
    events = set(net.actors.loc[net.actors["kind"] == "event", "id"])
    assert set(co.nodes) == set(g.nodes) - events
    # Every co-participation tie joins two actors that share an event (checked with pandas).
    ties = net.ties[net.ties["relation"].isin(["participated_in", "organized"])]
    ends = pd.concat([ties[["source", "target"]], ties[["target", "source"]].set_axis(["source", "target"], axis=1)])
    at = ends[ends["target"].isin(events) & ~ends["source"].isin(events)].drop_duplicates()
    s, t = co.edges
    for a, b, w in zip(s, t, co.weights):
        shared = set(at.loc[at["source"] == co.nodes[a], "target"]) & set(at.loc[at["source"] == co.nodes[b], "target"])
        assert len(shared) == w
