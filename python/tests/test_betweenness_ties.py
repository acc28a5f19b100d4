"""Weighted shortest paths whose lengths tie only in exact arithmetic (0.333333 + 0.166667 = 0.5):
betweenness against an exact Brandes in rational arithmetic (exact_paths.py), where networkx,
which compares float lengths with ==, misses ties."""

import collections
import gzip

import networkx as nx
import numpy as np
import pytest

import essnet
from conftest import DATA
from exact_paths import decimal_weight_network, exact_betweenness, exact_edge_betweenness


def essnet_graph(n, edges):
    return essnet.Graph.from_edges([u for u, _, _ in edges], [v for _, v, _ in edges],
                                   [float(w) for _, _, w in edges], num_nodes=n)


def networkx_misses(n, edges, exact):
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from((u, v, float(w)) for u, v, w in edges)
    nxb = nx.betweenness_centrality(G, weight="weight")
    return sum(abs(nxb[v] - exact[v]) > 1e-9 for v in range(n))


def astro_ph_ball(size):
    """The co-authorship ties among the `size` authors nearest (by hops) to the most prolific one in
    Newman's astro-ph network, whose weights are decimal collaboration strengths."""
    with gzip.open(DATA / "newman_astro_ph" / "astro-ph.edges.txt.gz", "rt") as f:
        ties = [line.split() for line in f]
    neighbours = collections.defaultdict(list)
    for u, v, _ in ties:
        neighbours[u].append(v)
        neighbours[v].append(u)
    start = max(neighbours, key=lambda x: len(neighbours[x]))
    order, chosen = [start], {start}
    for x in order:
        for y in neighbours[x]:
            if y not in chosen and len(chosen) < size:
                chosen.add(y)
                order.append(y)
    index = {v: i for i, v in enumerate(sorted(chosen, key=int))}
    return len(index), [(index[u], index[v], w) for u, v, w in ties if u in chosen and v in chosen]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_decimal_weights_equal_exact_brandes(seed):
    n, edges = decimal_weight_network(seed)
    exact = exact_betweenness(n, edges, directed=False)
    g = essnet_graph(n, edges)
    np.testing.assert_allclose(essnet.betweenness(g), exact, rtol=0, atol=1e-12)
    np.testing.assert_allclose(essnet.edge_betweenness(g), exact_edge_betweenness(n, edges, directed=False),
                               rtol=0, atol=1e-12)
    assert networkx_misses(n, edges, exact) >= 10  # the ties the test is about


def test_decimal_weights_directed_equal_exact_brandes():
    n, edges = decimal_weight_network(5)
    g = essnet.Graph.from_edges([u for u, _, _ in edges], [v for _, v, _ in edges], [float(w) for _, _, w in edges],
                                num_nodes=n, directed=True)
    np.testing.assert_allclose(essnet.betweenness(g), exact_betweenness(n, edges, directed=True), rtol=0, atol=1e-12)
    np.testing.assert_allclose(essnet.edge_betweenness(g), exact_edge_betweenness(n, edges, directed=True),
                               rtol=0, atol=1e-12)


def test_astro_ph_coauthorship_equals_exact_brandes():
    n, edges = astro_ph_ball(160)
    exact = exact_betweenness(n, edges, directed=False)
    np.testing.assert_allclose(essnet.betweenness(essnet_graph(n, edges)), exact, rtol=0, atol=1e-12)
    assert networkx_misses(n, edges, exact) >= 1


def test_approximate_betweenness_samples_tied_paths():
    n, edges = decimal_weight_network(0)
    exact = np.array(exact_betweenness(n, edges, directed=False))
    estimate = essnet.approximate_betweenness(essnet_graph(n, edges), epsilon=0.02, delta=0.05, seed=3)
    assert np.max(np.abs(estimate - exact)) <= 0.02


def test_cutoff_admits_a_path_of_exactly_its_length():
    # 0 - 1 - 2 with lengths 0.1 and 0.2: the path 0-2 is 0.3 exactly, 0.30000000000000004 in floats.
    g = essnet.Graph.from_edges([0, 1], [1, 2], [0.1, 0.2])
    assert essnet.betweenness(g, cutoff=0.3, normalized=False)[1] == 1
    assert essnet.betweenness(g, cutoff=0.29, normalized=False)[1] == 0
