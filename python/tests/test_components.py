"""Connected components against networkx."""

import networkx as nx
import numpy as np
import pytest

import essnet
from conftest import CASES, DATA, networkx_from_csv, random_multigraph_pair


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


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("directed", [False, True])
def test_components_of_random_multigraphs_against_networkx(seed, directed):
    n, edges, g, G = random_multigraph_pair(seed, directed)
    expected = nx.weakly_connected_components(G) if directed else nx.connected_components(G)
    assert_same_partition(essnet.connected_components(g), list(range(n)), list(expected))


def test_components_of_empty_and_single_node():
    assert essnet.connected_components(essnet.Graph()).shape == (0,)
    assert essnet.connected_components(essnet.Graph.from_edges([], [], num_nodes=1)).tolist() == [0]
