import numpy as np
import pandas as pd
import pytest

import essnet


def sample_network():
    net = essnet.ActorNetwork(extra_tie_columns=["w"])
    net.add_actor("org", name="Organisation", kind="organization", founded=1996)
    net.add_actor("ev", kind="event")
    net.add_actor("p", kind="person")
    net.add_tie("p", "org", relation="leads", start_year=2000, w="1")
    net.add_tie("org", "ev", relation="organized", start_year=2011, end_year=2011, w="2")
    net.add_tie("org", "ev", relation="participated_in", start_year=2011, end_year=2011, w="3")
    net.add_tie("org", "p", relation="partnership", directed=False, start_year=1996, end_year=2004, w="4")
    return net


def test_build_network_and_frames():
    net = sample_network()
    assert net.num_actors == 3 and net.num_ties == 4
    assert list(net.actors["id"]) == ["org", "ev", "p"]
    assert net.actors["founded"].tolist()[0] == 1996
    assert net.ties["end_year"].isna().tolist() == [True, False, False, False]
    with pytest.raises(IndexError):
        net.add_tie("org", "nobody")
    with pytest.raises(ValueError):
        net.add_actor("org")
    with pytest.raises(ValueError):
        net.add_tie("org", "ev", weight=-1.0)


def test_graph_selection_parameters():
    net = sample_network()
    g = net.graph()
    assert not g.directed and g.num_nodes == 3 and g.num_edges == 4  # the network has an undirected tie
    assert g.nodes == ["org", "ev", "p"]
    d = net.graph(directed=True)
    assert d.directed and d.num_edges == 5  # the partnership is an edge each way
    assert net.graph(relations=[]).num_edges == 0 and net.graph(kinds=[]).num_nodes == 0
    assert net.graph(years=(2005, None), directed=False).edge_rows.tolist() == [0, 1, 2]
    assert net.graph(years=(None, 1999), directed=False).edge_rows.tolist() == [3]
    assert net.graph(relations="organized").num_edges == 1
    assert net.graph(kinds=["organization", "event"]).nodes == ["org", "ev"]
    assert net.graph(years=2011, directed=False).edge_rows.tolist() == [0, 1, 2]
    assert net.graph(years=(1990, 1999), directed=False).edge_rows.tolist() == [3]
    w = net.graph(relations=["organized", "participated_in"], weight="w", duplicates="sum", directed=False)
    assert w.num_edges == 1 and w.weights.tolist() == [5.0]
    with pytest.raises(ValueError, match="relations: 'funded'"):
        net.graph(relations="funded")
    with pytest.raises(ValueError, match="kinds"):
        net.graph(kinds="martian")
    with pytest.raises(ValueError, match="years"):
        net.graph(years=(2010, 2000))
    with pytest.raises(ValueError, match="weight"):
        net.graph(weight="nope")
    with pytest.raises(ValueError, match="self_loops"):
        net.graph(self_loops="maybe")
    with pytest.raises(TypeError, match="years"):
        net.graph(years=2011.7)
    with pytest.raises(TypeError, match="years"):
        net.graph(years="2011")
    with pytest.raises(ValueError, match="years"):
        net.graph(years=(1, 2, 3))
    with pytest.raises(TypeError, match="relations"):
        net.graph(relations=[1])


def test_from_edges_and_arrays():
    g = essnet.Graph.from_edges([0, 1, 2], [1, 2, 0], [1.0, 2.0, 3.0], directed=True)
    assert g.num_nodes == 3 and g.directed and g.weighted
    assert g.nodes == [0, 1, 2]
    s, t = g.edges
    assert s.dtype == np.int32 and s.tolist() == [0, 1, 2] and t.tolist() == [1, 2, 0]
    assert g.neighbors(0, "in").tolist() == [2]
    named = essnet.Graph.from_edges([0], [1], nodes=["a", "b", "c"])
    assert named.nodes == ["a", "b", "c"] and named.num_nodes == 3
    empty = essnet.Graph.from_edges([], [])
    assert empty.num_nodes == 0 and empty.nodes == []
    with pytest.raises(IndexError):
        essnet.Graph.from_edges([0, 5], [1, 1], num_nodes=3)
    with pytest.raises(ValueError):
        essnet.Graph.from_edges([0], [1], [-1.0])
    with pytest.raises(ValueError):
        essnet.Graph.from_edges([0, 1], [1])
    with pytest.raises(IndexError):
        g.neighbors(7)
    with pytest.raises(TypeError, match="integer"):
        essnet.Graph.from_edges([0.5], [1.0])
    weighted_empty = essnet.Graph.from_edges([], [], [], num_nodes=2)
    assert weighted_empty.weighted and weighted_empty.num_edges == 0
    with pytest.raises(TypeError, match="essnet.Graph"):
        essnet.degree("not a graph")
    with pytest.raises(TypeError, match="essnet.Graph"):
        essnet.connected_components(None)


def test_frame_keyed_by_node_id():
    net = sample_network()
    g = net.graph()
    df = g.frame(degree=essnet.degree(g))
    assert df.index.name == "id" and df.loc["org", "degree"] == 4  # leads, organized, participated_in, partnership
    with pytest.raises(ValueError):
        g.frame(degree=[1, 2])
    assert "undirected, 3 nodes, 4 edges" in repr(g)


def test_frame_and_measures_take_series_by_node_id():
    import networkx as nx

    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("c", "d")]
    g = essnet.Graph.from_edges([0, 1, 2, 3, 4, 2], [1, 2, 0, 4, 5, 3], nodes=list("abcdef"))
    G = nx.Graph(edges)
    memb = pd.Series([0, 0, 0, 1, 1, 1], index=list("abcdef"))
    shuffled = memb.iloc[[3, 0, 4, 1, 5, 2]]
    reference = nx.community.modularity(G, [set("abc"), set("def")])
    assert essnet.modularity(g, shuffled) == pytest.approx(reference, rel=1e-12)
    assert g.frame(community=shuffled)["community"].tolist() == memb.tolist()
    # A Series with a RangeIndex is read in order.
    assert g.frame(degree=pd.Series(essnet.degree(g)))["degree"].tolist() == essnet.degree(g).tolist()
    start = essnet.leiden(g, initial_membership=shuffled, n_iterations=0)
    assert start.membership.tolist() == [0, 0, 0, 1, 1, 1]
    weights = {"a": 1.0, "b": 0.0, "c": 0.0, "d": 0.0, "e": 0.0, "f": 0.0}
    reference = nx.pagerank(G, personalization=weights, tol=1e-12)
    want = [reference[v] for v in g.nodes]
    np.testing.assert_allclose(essnet.pagerank(g, personalization=pd.Series(weights).iloc[::-1], tolerance=1e-12), want,
                               rtol=1e-8)
    # Ids of other graphs are ignored, as networkx does; naming none of this graph's is an error.
    np.testing.assert_allclose(essnet.pagerank(g, personalization={**weights, "zz": 5.0}, tolerance=1e-12), want,
                               rtol=1e-8)
    with pytest.raises(ValueError, match="personalization names no node of the graph"):
        essnet.pagerank(g, personalization={"zz": 1.0})
    with pytest.raises(ValueError, match="membership has no value for nodes"):
        essnet.modularity(g, memb.iloc[1:])
    with pytest.raises(ValueError, match="node must be from"):
        g.neighbors(2**40)
