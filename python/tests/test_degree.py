"""Degree against networkx and igraph."""

import igraph
import numpy as np
import pytest

import essnet
from conftest import CASES, DATA, networkx_from_csv, random_multigraph_pair


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


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("directed", [False, True])
def test_degree_of_random_multigraphs_against_networkx_and_igraph(seed, directed):
    n, edges, g, G = random_multigraph_pair(seed, directed)
    assert essnet.degree(g).tolist() == [G.degree(u) for u in range(n)]
    ig = igraph.Graph(n=n, edges=edges, directed=directed)
    assert essnet.degree(g).tolist() == ig.degree()
    if directed:
        assert essnet.degree(g, "in").tolist() == ig.indegree()
        assert essnet.degree(g, "out").tolist() == ig.outdegree()


def test_degree_of_empty_and_single_node():
    assert essnet.degree(essnet.Graph()).shape == (0,)
    assert essnet.degree(essnet.Graph.from_edges([], [], num_nodes=1)).tolist() == [0]


def test_direction_parameter_is_checked():
    with pytest.raises(ValueError, match="direction"):
        essnet.degree(essnet.Graph(), "sideways")
