"""PageRank, eigenvector, Katz and HITS with their default arguments, against exact answers.

The references are dense solves written out here (numpy.linalg.solve, eigh, eig) on adjacency
matrices built from the edge lists, igraph's PRPACK for PageRank, and networkx's
``eigenvector_centrality_numpy`` for networks in pieces. Every comparison is absolute, at 1e-9.
"""

import gzip
import random
import warnings

import igraph
import networkx as nx
import numpy as np
import pytest

import essnet
from conftest import DATA, read_rows

EXACT = 1e-9


class Case:
    """A network as an edge list, with its essnet graph and its dense adjacency matrix."""

    def __init__(self, name, n, edges, weights=None, directed=False):
        self.name, self.n, self.edges, self.weights, self.directed = name, n, edges, weights, directed
        s = [u for u, _ in edges]
        t = [v for _, v in edges]
        self.graph = essnet.Graph.from_edges(s, t, weights, num_nodes=n, directed=directed)
        A = np.zeros((n, n))
        for i, (u, v) in enumerate(edges):
            w = 1.0 if weights is None else weights[i]
            A[u, v] += w
            if not directed and u != v:
                A[v, u] += w
        self.A = A

    def __repr__(self):
        return self.name


def indexed(pairs):
    index = {}
    edges = [(index.setdefault(u, len(index)), index.setdefault(v, len(index))) for u, v in pairs]
    return len(index), edges


def from_csv(name, relation=None, directed=False, weight=None):
    ids = [r["id"] for r in read_rows(DATA / name / "nodes.csv")]
    index = {v: i for i, v in enumerate(ids)}
    rows = [r for r in read_rows(DATA / name / "edges.csv") if relation is None or r.get("relation") == relation]
    edges = [(index[r["source"]], index[r["target"]]) for r in rows]
    weights = [float(r[weight]) for r in rows] if weight else None
    label = f"{name}-{relation or 'all'}-{'directed' if directed else 'undirected'}{'-weighted' if weight else ''}"
    return Case(label, len(ids), edges, weights, directed)


def from_pairs_file(name, path, directed):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt") as f:
        pairs = [tuple(line.split()[:2]) for line in f if line.strip() and not line.startswith("#")]
    n, edges = indexed(pairs)
    return Case(name, n, edges, directed=directed)


def chantier(directed):
    g = essnet.datasets.chantier().graph(directed=directed)
    s, t = g.edges[0], g.edges[1]
    return Case(f"chantier-{'directed' if directed else 'undirected'}", g.num_nodes, list(zip(s, t)),
                directed=directed)


def random_case(kind, seed):
    """Seeded random graphs of the shapes that break naive solvers."""
    rng = random.Random(seed)
    if kind == "disconnected":  # three pieces of different density, isolated nodes, a self-loop
        edges = [(rng.randrange(30), rng.randrange(30)) for _ in range(90)]
        edges += [(30 + rng.randrange(15), 30 + rng.randrange(15)) for _ in range(25)]
        edges += [(45 + rng.randrange(8), 45 + rng.randrange(8)) for _ in range(6)] + [(3, 3)]
        return Case(f"disconnected-{seed}", 60, edges)
    if kind == "bipartite":  # power iteration on A oscillates here
        edges = [(rng.randrange(25), 25 + rng.randrange(35)) for _ in range(120)]
        return Case(f"bipartite-{seed}", 60, edges)
    if kind == "dangling":  # directed, with nodes without out-arcs
        edges = [(rng.randrange(50), rng.randrange(70)) for _ in range(260)]
        return Case(f"dangling-{seed}", 70, edges, directed=True)
    if kind == "weighted":  # weighted, with parallel edges
        edges = [(rng.randrange(50), rng.randrange(50)) for _ in range(200)]
        edges += edges[:10]
        weights = [rng.choice([0.5, 1.0, 2.5, 0.333333, 7.0]) for _ in edges]
        return Case(f"weighted-{seed}", 50, edges, weights)
    raise ValueError(kind)


REFERENCE = [
    lambda: from_csv("zachary_karate"),
    lambda: from_csv("zachary_karate", weight="weight"),
    lambda: from_csv("padgett_florentine", "marriage"),
    lambda: from_csv("krackhardt_hightech", "advice", directed=True),
    lambda: from_csv("lazega_lawfirm", "advice", directed=True),
    lambda: from_csv("knoke_bureaucracies", "information", directed=True),
    lambda: from_csv("polblogs", directed=False),
    lambda: from_csv("polblogs", directed=True),
    lambda: from_pairs_file("email-Eu-core-directed", DATA / "email_eu_core" / "email-Eu-core.txt", True),
    lambda: from_pairs_file("lfr-1000", DATA / "lfr_n1000_mu0.3" / "network.dat", False),
    lambda: chantier(False),
    lambda: chantier(True),
] + [lambda k=k, s=s: random_case(k, s) for k in ("disconnected", "bipartite", "dangling", "weighted") for s in (1, 2)]


@pytest.fixture(scope="module", params=range(len(REFERENCE)), ids=lambda i: f"network{i}")
def case(request):
    return REFERENCE[request.param]()


def exact_pagerank(A, alpha=0.85):
    """x = alpha M x + (1 - alpha) / n, M column-stochastic, dangling columns uniform: a dense solve."""
    n = len(A)
    out = A.sum(axis=1)
    M = np.where(out[:, None] > 0, A / np.where(out > 0, out, 1)[:, None], 1.0 / n).T
    return np.linalg.solve(np.eye(n) - alpha * M, np.full(n, (1 - alpha) / n))


def principal(M, symmetric):
    """The eigenvalue of largest real part of M and its unit, non-negative eigenvector, with the gap
    to the next eigenvalue (which must be positive for the eigenvector to be unique)."""
    if symmetric:
        values, vectors = np.linalg.eigh(M)
        order = np.argsort(values)[::-1]
    else:
        values, vectors = np.linalg.eig(M)
        order = np.argsort(-values.real)
    top = order[0]
    x = vectors[:, top].real
    x = x / (np.sign(x.sum()) * np.linalg.norm(x))
    gap = values[top].real - values[order[1]].real if len(values) > 1 else np.inf
    return values[top].real, x, gap


def no_warning(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error", essnet.ConvergenceWarning)
        return function(*args, **kwargs)


def test_pagerank_default_is_exact(case):
    pr = no_warning(essnet.pagerank, case.graph)
    assert pr.converged and pr.residual <= 1e-10
    np.testing.assert_allclose(pr, exact_pagerank(case.A), rtol=0, atol=EXACT)


def test_pagerank_equals_igraph_prpack(case):
    # igraph counts an undirected self-loop twice in a node's strength, networkx and essnet once
    # (as the adjacency matrix has it), so the comparison is on the graph without its self-loops.
    keep = [i for i, (u, v) in enumerate(case.edges) if u != v]
    weights = [case.weights[i] for i in keep] if case.weights else [1.0] * len(keep)
    loopless = Case(case.name, case.n, [case.edges[i] for i in keep], weights, case.directed)
    G = igraph.Graph(n=case.n, edges=loopless.edges, directed=case.directed)
    G.es["weight"] = weights
    want = G.pagerank(implementation="prpack", weights="weight")
    np.testing.assert_allclose(essnet.pagerank(loopless.graph), want, rtol=0, atol=EXACT)


def test_eigenvector_default_is_exact(case):
    value, want, gap = principal(case.A.T, not case.directed)
    assert gap > 1e-6 * max(value, 1), f"{case}: the principal eigenvalue is not simple, the eigenvector is not unique"
    got = no_warning(essnet.eigenvector, case.graph)
    assert got.converged and np.all(got >= 0)
    np.testing.assert_allclose(got, want, rtol=0, atol=EXACT)


def test_katz_default_solver_is_exact(case):
    value, _, _ = principal(case.A.T, not case.directed)
    alpha = 0.9 / value
    x = np.linalg.solve(np.eye(case.n) - alpha * case.A.T, np.ones(case.n))
    got = no_warning(essnet.katz, case.graph, alpha=alpha)
    assert got.converged and got.residual <= 1e-10
    np.testing.assert_allclose(got, x / np.linalg.norm(x), rtol=0, atol=EXACT)
    with pytest.raises(ValueError, match=r"lambda_max, the largest eigenvalue of the adjacency matrix, is") as e:
        essnet.katz(case.graph, alpha=1.0001 / value)
    assert float(str(e.value).split(" is ")[1].split(")")[0]) == pytest.approx(value, rel=1e-6)


def test_hits_default_is_exact(case):
    gram = case.A.T @ case.A
    value, a, gap = principal(gram, True)
    hubs, authorities = no_warning(essnet.hits, case.graph)
    assert hubs.converged and authorities.converged
    if gap > 1e-6 * value:  # a unique authority vector
        h = case.A @ a
        np.testing.assert_allclose(authorities, a / a.sum(), rtol=0, atol=EXACT)
        np.testing.assert_allclose(hubs, h / h.sum(), rtol=0, atol=EXACT)
    else:  # an undirected bipartite graph: sigma^2 is double, and any vector of its eigenspace is exact
        x = authorities / np.linalg.norm(authorities)
        assert np.linalg.norm(gram @ x - value * x) <= EXACT * value


def test_eigenvector_in_pieces_is_networkx_numpy_and_per_component_is_each_piece():
    case = random_case("disconnected", 3)
    G = nx.Graph()
    G.add_nodes_from(range(case.n))
    for u, v in case.edges:
        G.add_edge(u, v, weight=G.get_edge_data(u, v, {"weight": 0})["weight"] + 1)
    want = nx.eigenvector_centrality_numpy(G, weight="weight")
    got = essnet.eigenvector(case.graph)
    np.testing.assert_allclose(got, [abs(want[v]) for v in range(case.n)], rtol=0, atol=EXACT)
    assert np.count_nonzero(got) == 30  # the densest piece holds the principal eigenvector
    pieces = essnet.eigenvector(case.graph, per_component=True)
    for component in nx.connected_components(G):
        nodes = sorted(component)
        sub = case.A[np.ix_(nodes, nodes)]
        if len(nodes) == 1:
            np.testing.assert_allclose(pieces[nodes], [1.0])
            continue
        _, x, _ = principal(sub, True)
        np.testing.assert_allclose(pieces[nodes], x, rtol=0, atol=EXACT)


def test_tied_components_share_and_zero_eigenvalue_goes_to_the_sinks():
    # Two triangles: the eigenvalue 2 twice; each node gets 1/sqrt(3) / sqrt(2).
    two = essnet.Graph.from_edges([0, 1, 2, 3, 4, 5], [1, 2, 0, 4, 5, 3], num_nodes=6)
    np.testing.assert_allclose(essnet.eigenvector(two), np.full(6, 1 / np.sqrt(6)), atol=EXACT)
    # A directed path has no cycle: A^T is nilpotent; the eigenvector for 0 is the sink.
    path = essnet.Graph.from_edges([0, 1], [1, 2], directed=True)
    np.testing.assert_allclose(essnet.eigenvector(path), [0, 0, 1], atol=EXACT)
    np.testing.assert_allclose(essnet.eigenvector(essnet.Graph.from_edges([], [], num_nodes=4)), np.full(4, 0.5))


def test_power_solver_kept_and_its_non_convergence_warns():
    case = random_case("bipartite", 1)
    _, want, _ = principal(case.A, True)
    np.testing.assert_allclose(essnet.eigenvector(case.graph, solver="power", max_iterations=100000), want,
                               atol=1e-6)
    with pytest.warns(essnet.ConvergenceWarning, match=r"eigenvector centrality did not converge: 3 iterations"):
        r = essnet.eigenvector(case.graph, solver="power", max_iterations=3)
    assert not r.converged and r.iterations == 3 and r.residual > 0
    with pytest.raises(ValueError, match="solver must be 'krylov' or 'power', got 'arpack'"):
        essnet.eigenvector(case.graph, solver="arpack")
    with pytest.raises(ValueError, match="per_component needs solver krylov"):
        essnet.eigenvector(case.graph, solver="power", per_component=True)


def test_non_convergence_warns_for_every_iterative_measure():
    g = from_csv("polblogs", directed=True).graph
    for measure, call in [("pagerank", lambda: essnet.pagerank(g, max_iterations=3)),
                          ("katz centrality", lambda: essnet.katz(g, alpha=1e-3, max_iterations=1, tolerance=1e-16)),
                          ("hits", lambda: essnet.hits(g, max_iterations=0, tolerance=1e-16))]:
        with pytest.warns(essnet.ConvergenceWarning, match=measure + r" did not converge: \d+ iterations"):
            r = call()
        r = r[0] if isinstance(r, tuple) else r
        assert not r.converged and r.residual > 0


def test_default_stopping_rule_does_not_grow_with_n():
    # networkx's rule (L1 change < n tol) stops after a few iterations on large graphs; essnet's
    # bound is absolute. On R-MAT scale 16 the default result is within 1e-10 in L1.
    g = essnet.generate.rmat(scale=16, seed=2)
    pr = essnet.pagerank(g)
    tight = essnet.pagerank(g, tolerance=1e-14)
    assert np.abs(pr - tight).sum() <= 1e-10
    G = igraph.Graph(n=g.num_nodes, edges=list(zip(*g.edges)), directed=False)
    np.testing.assert_allclose(pr, G.pagerank(implementation="prpack"), rtol=0, atol=EXACT)
