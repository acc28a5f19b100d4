"""Ego networks against networkx's ego_graph, density and betweenness (independent references)."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import essnet
from conftest import from_networkx


def graphs():
    yield "undirected", nx.gnm_random_graph(40, 120, seed=3)
    yield "directed", nx.gnm_random_graph(40, 160, seed=4, directed=True)
    yield "karate", nx.karate_club_graph()


GRAPHS = list(graphs())


def nx_ego(G, v, radius, direction):
    if direction == "all" or not G.is_directed():
        return nx.ego_graph(G, v, radius=radius, undirected=True)
    base = G if direction == "out" else G.reverse(copy=False)
    return G.subgraph(nx.ego_graph(base, v, radius=radius).nodes())


def edge_set(g):
    s, t = g.edges
    names = g.nodes
    pairs = [(names[a], names[b]) for a, b in zip(s.tolist(), t.tolist())]
    return sorted(pairs if g.directed else [tuple(sorted(p)) for p in pairs])


@pytest.mark.parametrize("name, G", GRAPHS, ids=[c[0] for c in GRAPHS])
@pytest.mark.parametrize("radius", [0, 1, 2])
@pytest.mark.parametrize("direction", ["all", "out", "in"])
def test_ego_graph_equals_networkx(name, G, radius, direction):
    g = from_networkx(G)
    for v in list(G.nodes())[:10]:
        e = essnet.ego_graph(g, str(v), radius=radius, direction=direction)
        H = nx_ego(G, v, radius, direction)
        assert sorted(e.nodes) == sorted(str(x) for x in H.nodes())
        want = [(str(a), str(b)) for a, b in H.edges()]
        assert edge_set(e) == sorted(want if G.is_directed() else [tuple(sorted(p)) for p in want])
        without = essnet.ego_graph(g, str(v), radius=radius, direction=direction, center=False)
        assert str(v) not in without.nodes and without.num_nodes == e.num_nodes - 1


@pytest.mark.parametrize("name, G", GRAPHS, ids=[c[0] for c in GRAPHS])
@pytest.mark.parametrize("direction", ["all", "out", "in"])
def test_ego_measures_equal_networkx(name, G, direction):
    g = from_networkx(G)
    rng = np.random.default_rng(7)
    colour = pd.Series(rng.choice(["a", "b", "c"], size=G.number_of_nodes()), index=[str(v) for v in G.nodes()])
    m = essnet.ego_measures(g, colour, direction=direction, use_weights=False)
    effective = nx.effective_size(G)
    for v in G.nodes():
        H = nx_ego(G, v, 1, direction)
        alters = [x for x in H.nodes() if x != v]
        k = len(alters)
        row = m.loc[str(v)]
        ties = H.subgraph(alters).number_of_edges()
        pairs = k * (k - 1) if G.is_directed() else k * (k - 1) // 2
        assert row["size"] == k
        assert row["pairs"] == pairs
        assert row["ties"] == ties
        assert row["brokerage"] == pairs - ties
        if k >= 2:
            assert row["density"] == pytest.approx(nx.density(H.subgraph(alters)), rel=1e-12)
            assert row["normalized_brokerage"] == pytest.approx((pairs - ties) / pairs, rel=1e-12)
        else:
            assert np.isnan(row["density"])
        assert row["ego_betweenness"] == pytest.approx(nx.betweenness_centrality(H, normalized=False)[v], abs=1e-12)
        np.testing.assert_allclose(row["effective_size"], effective[v], rtol=1e-12, equal_nan=True)
        counts = colour[[str(x) for x in alters]].value_counts()
        for c in ["a", "b", "c"]:
            assert row[f"alters[{c}]"] == counts.get(c, 0)
        if k:
            shares = counts / k
            assert row["heterogeneity"] == pytest.approx(1 - (shares ** 2).sum(), rel=1e-12)
            assert row["same_group"] == pytest.approx(counts.get(colour[str(v)], 0) / k, rel=1e-12)


def test_parallel_edges_and_self_loops_count_once():
    G = nx.MultiGraph(nx.gnm_random_graph(30, 80, seed=5))
    for u, v in list(G.edges())[:20]:
        G.add_edge(u, v)
    for u in range(0, 30, 4):
        G.add_edge(u, u)
    simple = nx.Graph(G)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    got = essnet.ego_measures(from_networkx(G))
    want = essnet.ego_measures(from_networkx(simple))
    cols = ["size", "pairs", "ties", "density", "brokerage", "ego_betweenness"]
    pd.testing.assert_frame_equal(got[cols], want[cols])
    # and the plain graph's values are networkx's
    for v in simple.nodes():
        H = nx.ego_graph(simple, v)
        assert got.loc[str(v), "ego_betweenness"] == pytest.approx(nx.betweenness_centrality(H, normalized=False)[v])


def test_chantier_ego_table_by_kind():
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    kinds = net.actors.set_index("id")["kind"]
    m = essnet.ego_measures(g, kinds)
    composition = m[[c for c in m.columns if c.startswith("alters[")]]
    assert (composition.sum(axis=1) == m["size"]).all()
    assert list(m.index) == g.nodes


def test_edge_cases_and_errors():
    empty = essnet.Graph()
    assert len(essnet.ego_measures(empty)) == 0
    g = essnet.Graph.from_edges([0], [1], num_nodes=3)
    m = essnet.ego_measures(g)
    assert list(m["size"]) == [1, 1, 0]
    assert m["ego_betweenness"].tolist() == [0, 0, 0]
    assert essnet.ego_graph(g, 2).nodes == ["2"]
    with pytest.raises(ValueError, match="not in the graph"):
        essnet.ego_graph(g, 7)
    with pytest.raises(ValueError, match="radius"):
        essnet.ego_graph(g, 0, radius=-1)
    with pytest.raises(ValueError, match="radius must be from"):
        essnet.ego_graph(g, 0, radius=2**31)
    with pytest.raises(TypeError, match="radius must be an integer, got 1.5"):
        essnet.ego_graph(g, 0, radius=1.5)
    with pytest.raises(ValueError, match="direction"):
        essnet.ego_measures(g, direction="both")
    with pytest.raises(ValueError, match="one value per node"):
        essnet.ego_measures(g, ["a", "b"])


def test_subgraph_keeps_ids_weights_and_order():
    g = essnet.Graph.from_edges([0, 1, 2], [1, 2, 0], [1.5, 2.5, 3.5], num_nodes=3, nodes=["x", "y", "z"])
    s = g.subgraph(["z", "y"])
    assert s.nodes == ["z", "y"]
    assert s.num_edges == 1 and s.weights.tolist() == [2.5] and s.edge_rows.tolist() == [1]
    with pytest.raises(ValueError, match="not in the graph"):
        g.subgraph(["w"])
    with pytest.raises(ValueError, match="twice"):
        g.subgraph(["x", "x"])
