"""degree and connected_components against networkx and igraph on real and random graphs."""

import random

import igraph
import networkx as nx
import numpy as np
import pytest

import essnet
from conftest import DATA, read_rows


def networkx_from_csv(name, relation=None, directed=False):
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_nodes_from(r["id"] for r in read_rows(DATA / name / "nodes.csv"))
    for r in read_rows(DATA / name / "edges.csv"):
        if relation is None or r["relation"] == relation:
            G.add_edge(r["source"], r["target"])
    return G


CASES = [
    ("zachary_karate", None, False),
    ("padgett_florentine", "marriage", False),  # Pucci is isolated
    ("krackhardt_hightech", "advice", True),
]


@pytest.mark.parametrize("name, relation, directed", CASES)
def test_degree_matches_networkx_on_real_networks(name, relation, directed):
    net = essnet.read_csv(DATA / name / "nodes.csv", DATA / name / "edges.csv")
    g = net.graph(relations=relation, directed=directed)
    G = networkx_from_csv(name, relation, directed)
    deg = essnet.degree(g)
    assert deg.dtype == np.int64 and deg.shape == (g.num_nodes,)
    assert deg.tolist() == [G.degree(n) for n in g.nodes]
    if directed:
        assert essnet.degree(g, "in").tolist() == [G.in_degree(n) for n in g.nodes]
        assert essnet.degree(g, "out").tolist() == [G.out_degree(n) for n in g.nodes]


@pytest.mark.parametrize("name, relation, directed", CASES)
def test_components_match_networkx_on_real_networks(name, relation, directed):
    net = essnet.read_csv(DATA / name / "nodes.csv", DATA / name / "edges.csv")
    g = net.graph(relations=relation, directed=directed)
    G = networkx_from_csv(name, relation, directed)
    expected = nx.weakly_connected_components(G) if directed else nx.connected_components(G)
    assert_same_partition(essnet.connected_components(g), g.nodes, list(expected))


def assert_same_partition(membership, nodes, expected_sets):
    assert membership.dtype == np.int32 and membership.shape == (len(nodes),)
    got = {}
    for node, c in zip(nodes, membership.tolist()):
        got.setdefault(c, set()).add(node)
    assert sorted(map(sorted, got.values())) == sorted(map(sorted, expected_sets))
    # Numbered in order of first node, as networkx yields components.
    firsts = [membership[i] for i in range(len(nodes))]
    seen = []
    for c in firsts:
        if c not in seen:
            seen.append(c)
    assert seen == list(range(len(seen)))


def random_multigraph(seed, n, m, directed):
    rng = random.Random(seed)
    edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(m)]
    edges += [(u, u) for u in rng.sample(range(n), 3)]  # self-loops
    edges += edges[:5]  # multi-edges
    return edges


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("directed", [False, True])
def test_random_multigraphs_against_networkx_and_igraph(seed, directed):
    n = 60
    edges = random_multigraph(seed, n, 70, directed)  # sparse: several components and isolated nodes
    s, t = zip(*edges)
    g = essnet.Graph.from_edges(s, t, num_nodes=n, directed=directed)
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    assert essnet.degree(g).tolist() == [G.degree(u) for u in range(n)]
    ig = igraph.Graph(n=n, edges=edges, directed=directed)
    assert essnet.degree(g).tolist() == ig.degree()
    if directed:
        assert essnet.degree(g, "in").tolist() == ig.indegree()
        assert essnet.degree(g, "out").tolist() == ig.outdegree()
    expected = nx.weakly_connected_components(G) if directed else nx.connected_components(G)
    assert_same_partition(essnet.connected_components(g), list(range(n)), list(expected))


def test_empty_and_single_node():
    empty = essnet.Graph()
    assert essnet.degree(empty).shape == (0,)
    assert essnet.connected_components(empty).shape == (0,)
    one = essnet.Graph.from_edges([], [], num_nodes=1)
    assert essnet.degree(one).tolist() == [0]
    assert essnet.connected_components(one).tolist() == [0]


def test_direction_parameter_is_checked():
    with pytest.raises(ValueError, match="direction"):
        essnet.degree(essnet.Graph(), "sideways")
