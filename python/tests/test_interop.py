"""Conversion to and from networkx, igraph, scipy and pandas, checked against those libraries."""

import igraph
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import essnet
from test_graphml import assert_same_network, awkward_network


def sample_networkx(directed):
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_node("chantier", name="Chantier de l'économie sociale", kind="organization", founded=1996, members=700,
               score=2.5, listed=True)
    G.add_node("ripess", name="RIPESS", kind="network", members=120, listed=False)
    G.add_node("ilo")
    G.add_edge("chantier", "ripess", relation="member_of", weight=2.5, start_year=2002, note="statuts, art. 3")
    G.add_edge("chantier", "ripess", relation="partnership")
    G.add_edge("ilo", "ilo", amount=12)
    return G


@pytest.mark.parametrize("directed", [True, False])
def test_networkx_round_trip_keeps_attributes(directed):
    G = sample_networkx(directed)
    net = essnet.from_networkx(G)
    actors = net.actors.set_index("id")
    assert list(actors.index) == ["chantier", "ripess", "ilo"]
    assert actors.loc["chantier", "founded"] == 1996 and actors.loc["chantier", "kind"] == "organization"
    assert actors.loc["chantier", "members"] == "700" and actors.loc["ripess", "listed"] == "false"
    ties = net.ties
    assert list(ties["relation"].astype(object).fillna("")) == ["member_of", "partnership", ""]
    assert list(ties["weight"]) == [2.5, 1.0, 1.0] and set(ties["directed"]) == {directed}
    H = net.to_networkx()
    assert H.is_directed() == directed
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))

    def normal(edges):
        return sorted(((u, v) if directed else tuple(sorted((u, v))), sorted({"weight": 1.0, **d}.items()))
                      for u, v, d in edges)

    assert normal(H.edges(data=True)) == normal(G.edges(data=True))


def test_networkx_of_a_mixed_network_and_back():
    net = essnet.datasets.chantier()
    G = net.to_networkx()
    undirected = int((~net.ties["directed"]).sum())
    loops = int(((~net.ties["directed"]) & (net.ties["source"] == net.ties["target"])).sum())
    assert G.number_of_edges() == net.num_ties + undirected - loops
    assert sum(1 for *_, d in G.edges(data=True) if d.get("directed") is False) == 2 * undirected - loops
    back = essnet.from_networkx(G)
    assert back.num_actors == net.num_actors


@pytest.mark.parametrize("seed", [1, 2])
def test_awkward_network_through_networkx_and_igraph(seed):
    net = awkward_network(seed, directed=seed == 1)
    # networkx lists a multigraph's edges node by node, igraph may turn an undirected edge round:
    # the same ties come back, in another order or way round
    columns = list(net.ties.columns)

    def in_order(ties):
        frame = ties.astype({"relation": object}).fillna({"relation": ""}).astype(str)
        if not net.ties["directed"].any():  # an undirected tie may come back either way round
            swap = frame["source"] > frame["target"]
            frame.loc[swap, ["source", "target"]] = frame.loc[swap, ["target", "source"]].to_numpy()
        return frame.sort_values(columns).reset_index(drop=True)

    for back in (essnet.from_networkx(net.to_networkx()), essnet.from_igraph(net.to_igraph())):
        pd.testing.assert_frame_equal(net.actors, back.actors, check_categorical=False, check_dtype=False)
        pd.testing.assert_frame_equal(in_order(net.ties), in_order(back.ties))
    if net.ties["directed"].all():
        assert_same_network(net, essnet.from_igraph(net.to_igraph()))


def test_igraph_conversion_matches_igraph_reading():
    g = igraph.Graph.Famous("Zachary")
    g.vs["name"] = [f"v{i}" for i in range(g.vcount())]
    g.vs["faction"] = [i % 2 for i in range(g.vcount())]
    g.es["weight"] = [float(i % 3 + 1) for i in range(g.ecount())]
    net = essnet.from_igraph(g)
    assert list(net.actors["id"]) == g.vs["name"]
    assert list(net.actors["faction"]) == [str(x) for x in g.vs["faction"]]
    assert list(net.ties["weight"]) == g.es["weight"]
    h = net.to_igraph()
    assert h.vs["name"] == g.vs["name"] and h.vs["faction"] == g.vs["faction"]
    assert h.get_edgelist() == g.get_edgelist() and h.es["weight"] == g.es["weight"]
    # a Graph selected from it converts too, with the same betweenness as igraph's
    sel = net.graph(directed=False, weight=None)
    np.testing.assert_allclose(essnet.betweenness(sel, normalized=False), sel.to_igraph().betweenness(), rtol=1e-12)


def test_graph_conversions():
    g = essnet.Graph.from_edges([0, 0, 1, 2, 2], [1, 1, 2, 2, 0], [1.0, 2.0, 0.5, 4.0, 1.5], num_nodes=4,
                                nodes=["a", "b", "c", "d"])
    G = g.to_networkx()
    assert isinstance(G, nx.MultiGraph) and G.number_of_edges() == 5 and list(G.nodes()) == ["a", "b", "c", "d"]
    simple = essnet.Graph.from_edges([0, 1], [1, 2], num_nodes=3, directed=True)
    assert isinstance(simple.to_networkx(), nx.DiGraph)
    for graph in (g, simple):
        want = nx.to_scipy_sparse_array(graph.to_networkx(), nodelist=graph.nodes, weight="weight", format="csr")
        got = graph.to_scipy()
        assert got.shape == want.shape
        np.testing.assert_array_equal(got.toarray(), want.toarray())
    ig = g.to_igraph()
    assert ig.vs["name"] == ["a", "b", "c", "d"] and ig.es["weight"] == [1.0, 2.0, 0.5, 4.0, 1.5]


def test_from_pandas_takes_the_tables_it_gives():
    net = essnet.generate.social_economy(200, seed=5)
    assert_same_network(net, essnet.from_pandas(net.actors, net.ties))
    actors = pd.DataFrame({"id": ["a", "b"], "budget": [1.5, None]})
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "directed": [False], "start_year": [2011.0]})
    small = essnet.from_pandas(actors, ties)
    assert list(small.actors["budget"]) == ["1.5", ""]
    assert bool(small.ties["directed"][0]) is False and small.ties["start_year"][0] == 2011
    with pytest.raises(ValueError, match="no column 'id'"):
        essnet.from_pandas(pd.DataFrame({"name": ["a"]}), ties)
    with pytest.raises(ValueError, match="ties row 0"):
        essnet.from_pandas(actors, pd.DataFrame({"source": ["a"], "target": ["zz"]}))
    with pytest.raises(ValueError, match="not a year"):
        essnet.from_pandas(actors, pd.DataFrame({"source": ["a"], "target": ["b"], "start_year": [2011.5]}))


def test_mixed_network_keeps_its_ties_through_networkx_and_igraph():
    net = essnet.ActorNetwork()
    for a in "abc":
        net.add_actor(a)
    net.add_tie("a", "b", relation="funded")
    net.add_tie("b", "c", relation="partnership", directed=False)
    net.add_tie("c", "c", relation="partnership", directed=False)
    for back in (essnet.from_networkx(net.to_networkx()), essnet.from_igraph(net.to_igraph())):
        assert back.num_ties == 3
        assert list(back.ties["directed"]) == [True, False, False]


def test_igraph_graphml_ids_are_actor_ids(tmp_path):
    net = essnet.datasets.chantier()
    path = str(tmp_path / "c.graphml")
    essnet.write_graphml(net, path)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = igraph.Graph.Read_GraphML(path)  # ids in "id", names in "name"
    back = essnet.from_igraph(g)
    assert list(back.actors["id"]) == list(net.actors["id"])
    assert list(back.actors["name"]) == list(net.actors["name"])


def test_typing_keeps_codes_as_text():
    net = essnet.ActorNetwork(["postcode", "size"])
    net.add_actor("a", postcode="01000", size="1_000")
    net.add_actor("b", postcode="75001", size="12")
    G = net.to_networkx()
    assert G.nodes["a"]["postcode"] == "01000" and G.nodes["a"]["size"] == "1_000"


def test_networkx_keeps_a_tie_column_called_key():
    # networkx's add_edge takes "key" as the multigraph key: as keywords, ties sharing a value
    # would overwrite each other and the column would vanish.
    net = essnet.ActorNetwork(extra_tie_columns=["key"])
    net.add_actor("a")
    net.add_actor("b")
    net.add_tie("a", "b", relation="funded", key="grant")
    net.add_tie("a", "b", relation="funded", weight=2.0, key="grant")
    net.add_tie("a", "b", relation="member_of", key="x")
    G = net.to_networkx()
    assert G.number_of_edges() == 3
    assert sorted(d["key"] for _, _, d in G.edges(data=True)) == ["grant", "grant", "x"]
    assert essnet.from_networkx(G).num_ties == 3


def test_extra_columns_come_back_with_the_type_the_writers_declare(tmp_path):
    # A 20-digit number does not fit in 64 bits: the GraphML writer declares the column double,
    # and to_networkx gives it as a float, not as a Python int of arbitrary size. A leading zero
    # keeps a code as text.
    net = essnet.ActorNetwork(extra_actor_columns=["code", "zip", "count"])
    net.add_actor("a", code="12345678901234567890", zip="01000", count="3")
    net.add_actor("b", code="7", zip="02100", count="")
    path = tmp_path / "net.graphml"
    essnet.write_graphml(net, path)
    G = nx.read_graphml(path)  # networkx applies the declared types
    H = net.to_networkx()
    for node in ("a", "b"):
        for column in ("code", "zip", "count"):
            if column in G.nodes[node]:
                ours, theirs = H.nodes[node][column], G.nodes[node][column]
                assert isinstance(ours, type(theirs)) and isinstance(theirs, type(ours)), (node, column, ours, theirs)
                assert ours == theirs, (node, column)
            else:
                assert column not in H.nodes[node]
    assert H.nodes["a"]["code"] == 1.2345678901234567e19
    assert H.nodes["b"]["zip"] == "02100" and H.nodes["a"]["count"] == 3


def test_from_pandas_reads_years_and_flags_by_the_csv_readers_rules(tmp_path):
    actors = pd.DataFrame({"id": ["a", "b"], "founded": [1996.0, np.nan]})
    ties = pd.DataFrame({"source": ["a", "a", "b"], "target": ["b", "b", "a"], "directed": ["YES", 0.0, ""],
                         "start_year": ["2011.0", None, 2012]})
    net = essnet.from_pandas(actors, ties)
    # The same tables written as CSV and read by the C++ reader give the same network.
    actors.to_csv(tmp_path / "actors.csv", index=False)
    ties.to_csv(tmp_path / "ties.csv", index=False)
    read = essnet.read_csv(tmp_path / "actors.csv", tmp_path / "ties.csv")
    assert net.ties["directed"].tolist() == read.ties["directed"].tolist() == [True, False, True]
    assert net.ties["start_year"].tolist()[::2] == read.ties["start_year"].tolist()[::2] == [2011, 2012]
    assert net.actors["founded"].tolist()[0] == read.actors["founded"].tolist()[0] == 1996
    with pytest.raises(ValueError, match=r"tie 0: directed 'maybe' is not one of true/false"):
        essnet.from_pandas(actors, ties.assign(directed=["maybe", "1", "1"]))
    with pytest.raises(ValueError, match=r"tie 0: start_year: '2.011e3' is not a year"):
        essnet.from_pandas(actors, ties.assign(start_year=["2.011e3", None, None]))
