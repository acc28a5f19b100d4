"""Centrality against networkx (and igraph and graph-tool where they define the same quantity),
to 1e-9 relative, on real networks and seeded random graphs of every kind."""

import os
import random
import signal
import threading
import time

import graph_tool.all as gt
import igraph
import networkx as nx
import numpy as np
import pytest

import essnet
from conftest import DATA, read_rows

RTOL = 1e-9


def nx_from_csv(name, relation=None, directed=False, weight=None):
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_nodes_from(r["id"] for r in read_rows(DATA / name / "nodes.csv"))
    for r in read_rows(DATA / name / "edges.csv"):
        if relation is None or r.get("relation") == relation:
            G.add_edge(r["source"], r["target"], **({"weight": float(r[weight])} if weight else {}))
    return G


def essnet_from_csv(name, relation=None, directed=False, weight=None):
    net = essnet.read_csv(DATA / name / "nodes.csv", DATA / name / "edges.csv")
    return net.graph(relations=relation, directed=directed, weight=weight)


def as_array(values, nodes):
    return np.array([values[n] for n in nodes], dtype=float)


REAL = [
    ("zachary_karate", None, False, None),
    ("zachary_karate", None, False, "weight"),
    ("padgett_florentine", "marriage", False, None),
    ("krackhardt_hightech", "advice", True, None),
    ("lazega_lawfirm", "advice", True, None),
]


class FixedSample(random.Random):
    """A random.Random whose sample() gives the nodes it was made with: networkx's
    betweenness_centrality(k=...) then runs from exactly those sources."""

    def __init__(self, nodes):
        super().__init__(0)
        self.nodes = list(nodes)

    def sample(self, population, k, **kwargs):
        assert k == len(self.nodes) and set(self.nodes) <= set(population)
        return list(self.nodes)


@pytest.mark.parametrize("name, relation, directed, weight", REAL)
def test_betweenness_from_given_sources_equals_networkx_k(name, relation, directed, weight):
    g = essnet_from_csv(name, relation, directed, weight)
    G = nx_from_csv(name, relation, directed, weight)
    nodes, w = g.nodes, ("weight" if weight else None)
    sources = random.Random(4).sample(list(nodes), 7)
    # networkx 2.x scales by n / k (3.5 scales sources and other nodes apart): the reference here.
    assert nx.__version__.startswith("2."), f"this comparison is written for networkx 2.x, got {nx.__version__}"
    for normalized, endpoints in [(True, False), (False, False), (False, True), (True, True)]:
        theirs = as_array(nx.betweenness_centrality(G, k=7, seed=FixedSample(sources), normalized=normalized,
                                                    endpoints=endpoints, weight=w), nodes)
        if directed and not normalized:
            theirs *= len(nodes) / 7  # networkx 2.x leaves out n / k here; essnet does not
        np.testing.assert_allclose(essnet.betweenness(g, sources=sources, normalized=normalized, endpoints=endpoints),
                                   theirs, rtol=RTOL, atol=1e-15)


def test_sampled_betweenness_is_unbiased_and_seeded():
    # The mean of the estimates over 600 seeds is the exact betweenness, within 5 standard errors
    # of the mean, node by node; a seed gives the same estimate again (to the order of the sums).
    g = essnet_from_csv("zachary_karate")
    exact = as_array(nx.betweenness_centrality(nx_from_csv("zachary_karate")), g.nodes)
    draws = np.array([essnet.betweenness(g, samples=5, seed=seed) for seed in range(600)])
    error = draws.std(axis=0) / np.sqrt(len(draws))
    assert (np.abs(draws.mean(axis=0) - exact) <= 5 * error + 1e-12).all()
    assert (draws.std(axis=0) > 0).any()
    np.testing.assert_allclose(draws[3], essnet.betweenness(g, samples=5, seed=3), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(essnet.betweenness(g, samples=g.num_nodes, seed=8), exact, rtol=RTOL, atol=1e-15)
    with pytest.raises(ValueError, match="samples"):
        essnet.betweenness(g, samples=35)
    with pytest.raises(ValueError, match="samples"):
        essnet.betweenness(g, samples=0)
    with pytest.raises(ValueError, match="not both"):
        essnet.betweenness(g, samples=3, sources=[g.nodes[0]])
    with pytest.raises(ValueError, match=f"node {g.nodes[1]!r} twice"):
        essnet.betweenness(g, sources=[g.nodes[1], g.nodes[0], g.nodes[1]])
    with pytest.raises(ValueError, match="sources"):
        essnet.betweenness(g, sources=["nobody"])
    with pytest.raises(ValueError, match="empty"):
        essnet.betweenness(g, sources=[])
    with pytest.raises(TypeError, match="sources"):
        essnet.betweenness(g, sources=5)


@pytest.mark.parametrize("name, relation, directed, weight", REAL)
def test_real_networks_against_networkx(name, relation, directed, weight):
    g = essnet_from_csv(name, relation, directed, weight)
    G = nx_from_csv(name, relation, directed, weight)
    nodes = g.nodes
    w = "weight" if weight else None
    np.testing.assert_allclose(essnet.betweenness(g), as_array(nx.betweenness_centrality(G, weight=w), nodes),
                               rtol=RTOL, atol=1e-15)
    np.testing.assert_allclose(essnet.betweenness(g, normalized=False, endpoints=True),
                               as_array(nx.betweenness_centrality(G, normalized=False, endpoints=True, weight=w),
                                        nodes),
                               rtol=RTOL)
    np.testing.assert_allclose(essnet.closeness(g), as_array(nx.closeness_centrality(G, distance=w), nodes), rtol=RTOL)
    np.testing.assert_allclose(essnet.closeness(g, wf_improved=False),
                               as_array(nx.closeness_centrality(G, distance=w, wf_improved=False), nodes), rtol=RTOL)
    np.testing.assert_allclose(essnet.harmonic(g), as_array(nx.harmonic_centrality(G, distance=w), nodes), rtol=RTOL)
    if not G.is_multigraph() or not any(G.number_of_edges(u, v) > 1 for u, v in G.edges()):
        S = nx.DiGraph(G) if directed else nx.Graph(G)
        eb = nx.edge_betweenness_centrality(S, weight=w)
        s, t = g.edges
        expected = [eb[(nodes[a], nodes[b])] if (nodes[a], nodes[b]) in eb else eb[(nodes[b], nodes[a])]
                    for a, b in zip(s, t)]
        np.testing.assert_allclose(essnet.edge_betweenness(g), expected, rtol=RTOL, atol=1e-15)


def test_chantier_against_networkx():
    net = essnet.datasets.chantier()
    g = net.graph()
    G = nx.MultiGraph()
    G.add_nodes_from(net.actors["id"])
    G.add_edges_from(zip(net.ties["source"], net.ties["target"]))
    np.testing.assert_allclose(essnet.betweenness(g), as_array(nx.betweenness_centrality(G), g.nodes), rtol=RTOL)
    np.testing.assert_allclose(essnet.closeness(g), as_array(nx.closeness_centrality(G), g.nodes), rtol=RTOL)
    np.testing.assert_allclose(essnet.harmonic(g), as_array(nx.harmonic_centrality(G), g.nodes), rtol=RTOL)


def test_email_eu_core_against_igraph_and_graph_tool():
    """A 1,005-node directed graph with self-loops: igraph and graph-tool (C/C++) as references."""
    g = essnet.read_edgelist(DATA / "email_eu_core" / "email-Eu-core.txt", directed=True, duplicates="max")
    s, t = g.edges
    ig = igraph.Graph(n=g.num_nodes, edges=list(zip(s.tolist(), t.tolist())), directed=True)
    ig.simplify(loops=True)
    raw = essnet.betweenness(g, normalized=False)
    np.testing.assert_allclose(raw, ig.betweenness(directed=True), rtol=RTOL, atol=1e-9)
    # igraph's harmonic_centrality uses outgoing paths; on the reversed graph it is networkx's.
    np.testing.assert_allclose(essnet.harmonic(g), ig.harmonic_centrality(mode="in", normalized=False), rtol=RTOL)
    G = gt.Graph(directed=True)
    G.add_vertex(g.num_nodes)
    G.add_edge_list(np.column_stack([s, t]))
    gt.remove_self_loops(G)
    vb, _ = gt.betweenness(G, norm=False)
    np.testing.assert_allclose(raw, vb.a, rtol=RTOL, atol=1e-9)


def random_graph(seed, directed, weighted):
    rng = random.Random(seed)
    n = 40
    edges = [(rng.randrange(n - 5), rng.randrange(n - 5)) for _ in range(70)]  # last 5 nodes isolated
    edges += [(3, 3), (7, 7)] + edges[:4]  # self-loops and parallel edges
    weights = [rng.choice([1.0, 2.0, 0.5, 3.25]) for _ in edges] if weighted else None
    return n, edges, weights


def networkx_graph(n, edges, weights, directed):
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_nodes_from(range(n))
    for i, (u, v) in enumerate(edges):
        G.add_edge(u, v, **({"weight": weights[i]} if weights else {}))
    return G


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_random_graphs_against_networkx(seed, directed, weighted):
    n, edges, weights = random_graph(seed, directed, weighted)
    s, t = zip(*edges)
    g = essnet.Graph.from_edges(s, t, weights, num_nodes=n, directed=directed)
    G = networkx_graph(n, edges, weights, directed)
    w = "weight" if weighted else None
    nodes = list(range(n))
    np.testing.assert_allclose(essnet.betweenness(g), as_array(nx.betweenness_centrality(G, weight=w), nodes),
                               rtol=RTOL, atol=1e-15)
    np.testing.assert_allclose(essnet.betweenness(g, normalized=False),
                               as_array(nx.betweenness_centrality(G, weight=w, normalized=False),
                                        nodes), rtol=RTOL, atol=1e-12)
    np.testing.assert_allclose(essnet.closeness(g), as_array(nx.closeness_centrality(G, distance=w), nodes), rtol=RTOL)
    np.testing.assert_allclose(essnet.harmonic(g), as_array(nx.harmonic_centrality(G, distance=w), nodes), rtol=RTOL)


@pytest.mark.parametrize("directed", [False, True])
def test_cutoff_matches_igraph(directed):
    n, edges, _ = random_graph(11, directed, False)
    s, t = zip(*edges)
    g = essnet.Graph.from_edges(s, t, num_nodes=n, directed=directed, duplicates="max", self_loops="drop")
    ig = igraph.Graph(n=n, edges=list(zip(g.edges[0].tolist(), g.edges[1].tolist())), directed=directed)
    for cutoff in (1, 1.5, 2, 2.5, 3):  # a fractional cutoff admits paths up to its floor
        np.testing.assert_allclose(essnet.betweenness(g, normalized=False, cutoff=cutoff),
                                   ig.betweenness(directed=directed, cutoff=cutoff), rtol=RTOL, atol=1e-12)
        np.testing.assert_allclose(essnet.edge_betweenness(g, normalized=False, cutoff=cutoff),
                                   ig.edge_betweenness(directed=directed, cutoff=cutoff), rtol=RTOL, atol=1e-12)


def test_dtypes_shapes_and_errors():
    g = essnet.datasets.chantier().graph()
    for f in (essnet.betweenness, essnet.closeness, essnet.harmonic):
        r = f(g)
        assert r.dtype == np.float64 and r.shape == (g.num_nodes,)
    assert essnet.edge_betweenness(g).shape == (g.num_edges,)
    with pytest.raises(ValueError, match="cutoff"):
        essnet.betweenness(g, cutoff=-1)
    # Path counts need positive lengths: a tie of weight 0 is refused, not counted by settle order.
    zero = essnet.Graph.from_edges([2, 2, 1], [1, 0, 0], [1.0, 1.0, 0.0])
    for f in (essnet.betweenness, essnet.edge_betweenness, essnet.approximate_betweenness):
        with pytest.raises(ValueError, match=r"positive weights; edge 2 \(1 - 0\) weighs 0"):
            f(zero)
        assert f(zero, use_weights=False).shape == (3,)
    for name in ("pagerank", "eigenvector", "katz", "hits"):
        with pytest.raises(TypeError, match="max_iterations must be an integer"):
            getattr(essnet, name)(g, max_iterations=1.5)
    with pytest.raises(TypeError, match="progress"):
        essnet.betweenness(g, progress="yes")
    seen = []
    essnet.betweenness(g, progress=seen.append)
    assert seen and seen[-1] == 1.0
    with pytest.raises(ZeroDivisionError):  # an error in the callback stops the run and comes back
        essnet.betweenness(essnet.generate.rmat(12), progress=lambda f: 1 / 0)


def test_ctrl_c_interrupts_a_long_run_within_a_second():
    g = essnet.generate.rmat(16, 16, seed=1)  # minutes of betweenness
    sent = []

    def interrupt():
        sent.append(time.perf_counter())
        os.kill(os.getpid(), signal.SIGINT)

    timer = threading.Timer(0.5, interrupt)
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        essnet.betweenness(g)
    returned = time.perf_counter()
    timer.join()
    assert sent and returned - sent[0] < 1.0
