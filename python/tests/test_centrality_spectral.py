"""PageRank, eigenvector, Katz, HITS, strength, coreness, triangles, clustering and transitivity
against networkx (and igraph where it defines the same quantity)."""


import igraph
import networkx as nx
import numpy as np
import pytest

import essnet
from test_centrality import REAL, as_array, essnet_from_csv, networkx_graph, nx_from_csv, random_graph

TIGHT = dict(max_iterations=10000, tolerance=1e-14)


def simple(G):
    return nx.DiGraph(G) if G.is_directed() else nx.Graph(G)


def summed_simple(G, weight):
    """networkx simple graph whose edge weights add up parallel edges (as essnet's adjacency)."""
    S = nx.DiGraph() if G.is_directed() else nx.Graph()
    S.add_nodes_from(G)
    for u, v, d in G.edges(data=True):
        w = d.get(weight, 1.0) if weight else 1.0
        if S.has_edge(u, v):
            S[u][v]["weight"] += w
        else:
            S.add_edge(u, v, weight=w)
    return S


@pytest.mark.parametrize("name, relation, directed, weight", REAL)
def test_real_networks(name, relation, directed, weight):
    g = essnet_from_csv(name, relation, directed, weight)
    G = nx_from_csv(name, relation, directed, weight)
    nodes = g.nodes
    w = "weight" if weight else None
    pr = essnet.pagerank(g, **TIGHT)
    assert pr.converged and pr.iterations > 1
    np.testing.assert_allclose(pr, as_array(nx.pagerank(G, weight=w or "none", tol=1e-15, max_iter=10000), nodes),
                               rtol=1e-9)
    S = summed_simple(G, w)
    ev = as_array(nx.eigenvector_centrality_numpy(S, weight="weight"), nodes)
    np.testing.assert_allclose(essnet.eigenvector(g, **TIGHT), np.abs(ev), rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(essnet.katz(g, alpha=0.01, **TIGHT),
                               as_array(nx.katz_centrality(S, alpha=0.01, weight="weight", tol=1e-15, max_iter=10000),
                                        nodes),
                               rtol=1e-9)
    np.testing.assert_allclose(essnet.strength(g), [G.degree(n, weight=w) for n in nodes], rtol=1e-12)
    np.testing.assert_allclose(essnet.coreness(g), as_array(nx.core_number(simple(G)), nodes))
    C = simple(G) if not weight else summed_simple(G, w)
    np.testing.assert_allclose(essnet.clustering(g), as_array(nx.clustering(C, weight=w and "weight"), nodes),
                               rtol=1e-9, atol=1e-15)
    assert essnet.average_clustering(g) == pytest.approx(nx.average_clustering(C, weight=w and "weight"), rel=1e-9)
    if not directed:
        assert essnet.triangles(g).tolist() == as_array(nx.triangles(C), nodes).tolist()
        assert essnet.transitivity(g) == pytest.approx(nx.transitivity(C), rel=1e-12)


def test_email_eu_core_every_measure_against_networkx():
    """A 1,005-node directed graph with self-loops (the issue's largest real test network)."""
    from conftest import DATA

    g = essnet.read_edgelist(DATA / "email_eu_core" / "email-Eu-core.txt", directed=True, duplicates="max")
    nodes = g.nodes
    s, t = g.edges
    G = nx.DiGraph()
    G.add_nodes_from(nodes)
    G.add_edges_from((nodes[a], nodes[b]) for a, b in zip(s, t))
    L = G.copy()
    L.remove_edges_from(nx.selfloop_edges(L))
    np.testing.assert_allclose(essnet.betweenness(g), as_array(nx.betweenness_centrality(G), nodes), rtol=1e-9,
                               atol=1e-15)
    np.testing.assert_allclose(essnet.closeness(g), as_array(nx.closeness_centrality(G), nodes), rtol=1e-9)
    np.testing.assert_allclose(essnet.harmonic(g), as_array(nx.harmonic_centrality(G), nodes), rtol=1e-9)
    np.testing.assert_allclose(essnet.pagerank(g, **TIGHT), as_array(nx.pagerank(G, tol=1e-15, max_iter=10000), nodes),
                               rtol=1e-9)
    np.testing.assert_allclose(essnet.katz(g, alpha=0.005, **TIGHT),
                               as_array(nx.katz_centrality(G, alpha=0.005, tol=1e-15, max_iter=10000),
                                        nodes), rtol=1e-9)
    ev = as_array(nx.eigenvector_centrality_numpy(G), nodes)
    np.testing.assert_allclose(essnet.eigenvector(g, **TIGHT), np.abs(ev), rtol=1e-7, atol=1e-12)
    h, a = essnet.hits(g, max_iterations=10000, tolerance=1e-15)
    H, A = nx.hits(G, max_iter=10000, tol=1e-14)
    np.testing.assert_allclose(h, as_array(H, nodes), rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(a, as_array(A, nodes), rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(essnet.degree(g), [G.degree(v) for v in nodes])
    np.testing.assert_allclose(essnet.coreness(g), as_array(nx.core_number(L), nodes))
    np.testing.assert_allclose(essnet.clustering(g), as_array(nx.clustering(L), nodes), rtol=1e-9, atol=1e-15)
    U = nx.Graph(L)
    u = essnet.read_edgelist(DATA / "email_eu_core" / "email-Eu-core.txt", directed=False, duplicates="max",
                             self_loops="drop")
    triangles = nx.triangles(U)
    assert essnet.triangles(u).tolist() == [triangles[v] for v in u.nodes]
    assert essnet.transitivity(u) == pytest.approx(nx.transitivity(U), rel=1e-12)


def test_hits_against_graph_tool():
    import graph_tool.all as gt

    g = essnet.generate.erdos_renyi(300, 1500, directed=True, seed=3)
    s, t = g.edges
    G = gt.Graph(directed=True)
    G.add_vertex(g.num_nodes)
    G.add_edge_list(np.column_stack([s, t]))
    _, auth, hub = gt.hits(G, epsilon=1e-15, max_iter=100000)
    h, a = essnet.hits(g, max_iterations=100000, tolerance=1e-15)
    # graph-tool scales both vectors to unit L2 norm; essnet (as networkx) to unit sum.
    np.testing.assert_allclose(h, hub.a / hub.a.sum(), rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(a, auth.a / auth.a.sum(), rtol=1e-7, atol=1e-12)


def test_hits_against_networkx():
    g = essnet_from_csv("krackhardt_hightech", "advice", True)
    G = simple(nx_from_csv("krackhardt_hightech", "advice", True))
    h, a = essnet.hits(g, max_iterations=10000, tolerance=1e-15)
    H, A = nx.hits(G, max_iter=10000, tol=1e-14)
    np.testing.assert_allclose(h, as_array(H, g.nodes), rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(a, as_array(A, g.nodes), rtol=1e-7, atol=1e-12)
    assert h.sum() == pytest.approx(1) and a.sum() == pytest.approx(1)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_random_graphs(seed, directed, weighted):
    n, edges, weights = random_graph(seed, directed, weighted)
    s, t = zip(*edges)
    g = essnet.Graph.from_edges(s, t, weights, num_nodes=n, directed=directed)
    G = networkx_graph(n, edges, weights, directed)
    nodes = list(range(n))
    pers = np.arange(1, n + 1, dtype=float)
    np.testing.assert_allclose(essnet.pagerank(g, personalization=pers, **TIGHT),
                               as_array(nx.pagerank(G, personalization=dict(zip(nodes, pers)), tol=1e-15,
                                                    max_iter=10000,
                                                    weight="weight" if weighted else "none"), nodes), rtol=1e-9)
    np.testing.assert_allclose(essnet.strength(g), [G.degree(u, weight="weight") for u in nodes], rtol=1e-12)
    S = nx.DiGraph(G) if directed else nx.Graph(G)
    S.remove_edges_from(nx.selfloop_edges(S))
    np.testing.assert_allclose(essnet.coreness(g), as_array(nx.core_number(S), nodes))
    C = summed_simple(G, "weight" if weighted else None)
    C.remove_edges_from(nx.selfloop_edges(C))
    reference = nx.clustering(C, weight="weight" if weighted else None)
    np.testing.assert_allclose(essnet.clustering(g), as_array(reference, nodes), rtol=1e-9, atol=1e-15)
    if not directed:
        ig = igraph.Graph(n=n, edges=edges)
        ig.simplify()
        assert essnet.triangles(g).sum() == 3 * len(ig.cliques(3, 3))
        assert essnet.coreness(g).tolist() == ig.coreness()


def test_large_graph_triangles_against_igraph():
    g = essnet.generate.rmat(12, 16, seed=2)
    s, t = g.edges
    ig = igraph.Graph(n=g.num_nodes, edges=np.column_stack([s, t]).tolist())
    np.testing.assert_allclose(essnet.clustering(g), ig.transitivity_local_undirected(mode="zero"), rtol=1e-12)
    assert essnet.transitivity(g) == pytest.approx(ig.transitivity_undirected(), rel=1e-12)
    assert essnet.coreness(g).tolist() == ig.coreness()


def test_iteration_reporting_and_errors():
    g = essnet.datasets.chantier().graph()
    with pytest.warns(essnet.ConvergenceWarning, match=r"pagerank did not converge: 2 iterations .* residual"):
        r = essnet.pagerank(g, max_iterations=2)
    assert r.iterations == 2 and not r.converged and r.dtype == np.float64 and r.residual > 1e-10
    assert issubclass(essnet.ConvergenceWarning, RuntimeWarning)
    with pytest.raises(ValueError, match="alpha"):
        essnet.pagerank(g, alpha=1.5)
    with pytest.raises(ValueError, match="personalization"):
        essnet.pagerank(g, personalization=[1, 2])
    with pytest.raises(ValueError, match="directed"):
        essnet.triangles(essnet.datasets.chantier().graph(directed=True))
    empty = essnet.Graph()
    assert essnet.pagerank(empty).shape == (0,) and essnet.coreness(empty).shape == (0,)


def test_approximate_betweenness_within_epsilon():
    g = essnet.generate.barabasi_albert(300, 2, seed=1)
    exact = essnet.betweenness(g)
    r = essnet.approximate_betweenness(g, epsilon=0.03, delta=0.1, seed=5)
    assert r.samples > 0 and r.vertex_diameter_bound >= 3
    assert np.max(np.abs(r - exact)) <= 0.03
    assert np.array_equal(r, essnet.approximate_betweenness(g, epsilon=0.03, delta=0.1, seed=5))
    with pytest.raises(ValueError, match="epsilon"):
        essnet.approximate_betweenness(g, epsilon=2)
    with pytest.raises(ValueError, match="seed must be from 0 to"):
        essnet.approximate_betweenness(g, seed=-1)


@pytest.mark.parametrize("directed", [False, True])
def test_approximate_betweenness_against_networkx(directed):
    # A grid has many shortest paths per pair (the bidirectional sampler must pick among them
    # uniformly); a second component and an isolated node make some pairs unreachable, and the
    # directed case drops some arcs so that paths run one way only.
    G = nx.grid_2d_graph(6, 6, create_using=nx.DiGraph if directed else nx.Graph)
    G = nx.convert_node_labels_to_integers(G)
    if directed:
        G.remove_edges_from([(u, v) for u, v in list(G.edges()) if (u * 7 + v) % 5 == 0])
    G.add_nodes_from(range(36, 44))  # 36-39 and 43 isolated
    G.add_edges_from([(40, 41), (41, 42), (42, 40)])
    g = essnet.Graph.from_edges([u for u, _ in G.edges()], [v for _, v in G.edges()], num_nodes=44,
                                directed=directed)
    exact = np.array([nx.betweenness_centrality(G)[v] for v in range(44)])
    for seed in range(3):
        r = essnet.approximate_betweenness(g, epsilon=0.01, delta=0.1, seed=seed)
        assert np.max(np.abs(r - exact)) <= 0.01


def test_approximate_betweenness_bounds_weighted_paths_and_refuses_tiny_epsilon():
    # K40 whose chain (i, i + 1) weighs 1 and every other edge 1000: weighted shortest paths walk
    # the chain, up to 40 nodes, though any two nodes are one hop apart.
    n = 40
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    weights = [1.0 if v == u + 1 else 1000.0 for u, v in pairs]
    g = essnet.Graph.from_edges([u for u, _ in pairs], [v for _, v in pairs], weights, num_nodes=n)
    G = nx.Graph()
    G.add_weighted_edges_from((u, v, w) for (u, v), w in zip(pairs, weights))
    most_nodes = max(len(p) for targets in nx.all_pairs_dijkstra_path(G) for p in targets[1].values())
    r = essnet.approximate_betweenness(g, epsilon=0.05, delta=0.1, seed=1)
    assert most_nodes == n and r.vertex_diameter_bound >= most_nodes
    exact = np.array([nx.betweenness_centrality(G, weight="weight")[v] for v in range(n)])
    assert np.max(np.abs(r - exact)) <= 0.05
    # A 7-node path of weight 0.7 centred on node 0: eccentricity 2.1, and 4.2 / 0.7 must not round
    # down below 6 hops.
    path = essnet.Graph.from_edges([0, 1, 2, 0, 4, 5], [1, 2, 3, 4, 5, 6], [0.7] * 6)
    assert essnet.approximate_betweenness(path, epsilon=0.1).vertex_diameter_bound >= 7
    with pytest.raises(ValueError, match=r"epsilon 1e-09 would need 4.\d+e\+18 samples"):
        essnet.approximate_betweenness(g, epsilon=1e-9)


@pytest.mark.parametrize("scale", [1e160, 1e-160])
def test_spectral_measures_and_clustering_at_extreme_weights(scale):
    # Every measure here is unchanged when all weights are scaled; squares and triple products of
    # weights near 1e160 overflow, near 1e-160 underflow.
    edges = [(0, 1, 1.0), (1, 2, 2.0), (2, 0, 3.0), (2, 3, 1.0), (3, 0, 2.0), (1, 0, 1.0)]
    for directed in (False, True):
        G = (nx.DiGraph if directed else nx.Graph)()
        G.add_weighted_edges_from((u, v, w * scale) for u, v, w in edges)
        g = essnet.Graph.from_edges([u for u, _, _ in edges], [v for _, v, _ in edges],
                                    [w * scale for _, _, w in edges],
                                    num_nodes=4, directed=directed, duplicates="max")
        unit = nx.DiGraph() if directed else nx.Graph()
        unit.add_weighted_edges_from(edges)
        # The eigenvector does not change when the weights are scaled: the exact one of the unit
        # weights is the reference (networkx's power iteration on A + I barely moves from the
        # uniform vector when the weights are near 1e-160, and squares entries near 1e160).
        want = nx.eigenvector_centrality_numpy(unit, weight="weight")
        np.testing.assert_allclose(essnet.eigenvector(g, **TIGHT), [want[v] for v in range(4)], rtol=1e-9)
        want = nx.clustering(unit, weight="weight")
        np.testing.assert_allclose(essnet.clustering(g), [want[v] for v in range(4)], rtol=1e-12)
        hubs, authorities = essnet.hits(g, **TIGHT)
        want_h, want_a = nx.hits(unit, max_iter=10000, tol=1e-14)
        np.testing.assert_allclose(hubs, [want_h[v] for v in range(4)], rtol=1e-8, atol=1e-12)
    path = essnet.Graph.from_edges([0, 1], [1, 2])
    # Normalised Katz does not depend on beta: networkx with beta 1 is the reference.
    want = nx.katz_centrality(nx.path_graph(3), beta=1.0, max_iter=10000, tol=1e-14)
    np.testing.assert_allclose(essnet.katz(path, beta=scale, **TIGHT), [want[v] for v in range(3)], rtol=1e-9)


def test_result_attributes_survive_arithmetic_and_personalization_must_name_a_node():
    g = essnet.generate.barabasi_albert(50, 2, seed=3)
    pr = essnet.pagerank(g)
    assert (pr * 2).converged == pr.converged and pr[:5].iterations == pr.iterations
    r = essnet.approximate_betweenness(g, epsilon=0.1, seed=1)
    assert np.abs(r - 1).samples == r.samples
    with pytest.raises(ValueError, match="personalization names no node of the graph"):
        essnet.pagerank(g, personalization={"nope": 1.0})


def test_centralization_star_path_and_errors():
    star = essnet.Graph.from_edges([0, 0, 0, 0], [1, 2, 3, 4])
    for m in ("degree", "betweenness", "closeness"):
        assert essnet.centralization(star, m) == pytest.approx(1.0)
    path = essnet.Graph.from_edges([0, 1, 2], [1, 2, 3])
    # Degree: gaps 1, 0, 0, 1 over (n-1)(n-2) = 6. Betweenness (pairs once): scores 0, 2, 2, 0,
    # gaps 2 + 0 + 0 + 2 over (n-1)^2 (n-2) / 2 = 9.
    assert essnet.centralization(path, "degree") == pytest.approx(2 / 6)
    assert essnet.centralization(path, "betweenness") == pytest.approx(4 / 9)
    with pytest.raises(ValueError, match="measure"):
        essnet.centralization(path, "eigen")


def test_chantier_spectral_and_local_measures_against_networkx():
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    G = nx.MultiGraph()
    G.add_nodes_from(net.actors["id"])
    G.add_edges_from(zip(net.ties["source"], net.ties["target"]))
    S = summed_simple(G, None)
    nodes = g.nodes
    np.testing.assert_allclose(essnet.pagerank(g, **TIGHT), as_array(nx.pagerank(G, tol=1e-15, max_iter=10000), nodes),
                               rtol=1e-9)
    np.testing.assert_allclose(essnet.degree(g), [G.degree(v) for v in nodes])
    np.testing.assert_allclose(essnet.coreness(g), as_array(nx.core_number(nx.Graph(G)), nodes))
    np.testing.assert_allclose(essnet.clustering(g), as_array(nx.clustering(nx.Graph(G)), nodes), rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(essnet.katz(g, alpha=0.05, **TIGHT),
                               as_array(nx.katz_centrality(S, alpha=0.05, weight="weight", tol=1e-15, max_iter=10000),
                                        nodes),
                               rtol=1e-9)
    assert essnet.triangles(g).tolist() == as_array(nx.triangles(nx.Graph(G)), nodes).tolist()
