"""Centrality measures: numpy arrays aligned with ``graph.nodes`` (edge measures: with edge ids).

Defaults follow networkx, and each docstring names any difference. Long computations release the
GIL, stop on Ctrl-C (KeyboardInterrupt) and show a tqdm progress bar with ``progress=True``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _core
from ._args import _int32, _integer, _run, _seed
from ._graph import Graph, _node_numbers_of, core_graph
from ._warnings import warn_unconverged


def strength(graph: Graph, direction: str = "all") -> np.ndarray:
    """Weighted degree of every node (float64): the sum of its edges' weights, as networkx's
    ``degree(weight="weight")`` (a self-loop counts twice; 1 per edge when unweighted).

    Time and memory O(n + m).
    """
    return _core.strength(core_graph(graph), direction)


def degree(graph: Graph, direction: str = "all") -> np.ndarray:
    """Degree of every node, aligned with ``graph.nodes`` (int64).

    As networkx: a parallel edge counts once per edge, a self-loop counts 2, and for a directed
    graph ``direction`` picks "out", "in" or "all" (in + out, networkx's DiGraph.degree).

    Time and memory O(n + m).
    """
    return _core.degree(core_graph(graph), direction)


def _cutoff(cutoff) -> float:
    if cutoff is None:
        return -1.0
    if cutoff < 0:
        raise ValueError(f"cutoff must be non-negative or None, got {cutoff}")
    return float(cutoff)


def betweenness(graph: Graph, *, normalized: bool = True, endpoints: bool = False, use_weights: bool = True,
                cutoff: float | None = None, samples: int | None = None, sources=None, seed: int = 0,
                progress=False) -> np.ndarray:
    """Betweenness centrality of every node (Brandes 2001), as networkx's ``betweenness_centrality``.

    Parameters
    ----------
    normalized : bool, default True
        Divide by the number of pairs, (n-1)(n-2) (n(n-1) with endpoints), times 2 when undirected.
    endpoints : bool, default False
        Count a path's endpoints as lying on it.
    use_weights : bool, default True
        Use the graph's edge weights as lengths when it has them (networkx's ``weight="weight"``);
        otherwise every edge has length 1. Lengths must then be positive: a tie of weight 0 raises
        ValueError (networkx counts such paths by the order it meets nodes in; igraph refuses them).
    cutoff : float, optional
        Only paths of at most this length count (as igraph's ``cutoff``).
    samples : int, optional
        Estimate from this many distinct sources drawn at random (networkx 2.x's ``k``): the sum
        runs over the paths from those sources and is multiplied by n / samples, so the expected
        score is the exact one (a normalized estimate may pass 1). Time falls in proportion.
        Prefer :func:`approximate_betweenness` when every score needs a guaranteed error (it takes
        as many samples as epsilon and delta ask for); ``samples`` suits a fixed budget, or
        ranking the most central nodes of a large graph.
    sources : node ids, optional
        Estimate from these distinct nodes instead of random ones (graph-tool's ``pivots``),
        scaled by n / len(sources) in the same way.
    seed : int, default 0
        Draws the sources of ``samples``: the same seed gives the same sources, hence the same
        scores up to the order of floating-point sums, on any number of threads.
    progress : bool or callable, default False
        True shows a tqdm bar; a callable receives the share of work done.

    Notes
    -----
    Weighted path lengths within a relative 1e-10 of each other count as equal (igraph's rule), so
    decimal weights (0.333333 + 0.166667 and 0.5) tie as they do in exact arithmetic; networkx
    compares floats exactly and misses such ties. The same rule holds for :func:`edge_betweenness`
    and :func:`approximate_betweenness` (closeness and harmonic sum distances, where ties do not
    matter). Parallel edges count as one path (the shortest), self-loops are ignored. networkx 2.x
    leaves out the n / k factor for directed graphs with ``normalized=False``; essnet applies it
    in every case (networkx 3.5 scales the sources and the other nodes by different factors). Runs
    in parallel over source nodes; O(k m) unweighted, O(k m log n) weighted for k sources (every
    node by default). Ctrl-C raises KeyboardInterrupt.
    """
    numbers = []
    if sources is not None:
        if isinstance(sources, (str, bytes)) or not hasattr(sources, "__iter__"):
            raise TypeError(f"sources must be a list of node ids, got {sources!r}")
        ids = list(sources)
        if not ids:
            raise ValueError("sources is empty: give at least one node, or None for every node")
        repeated = pd.Index(ids)[pd.Index(ids).duplicated()].unique().tolist()
        if repeated:
            raise ValueError(f"sources gives node {repeated[0]!r} twice")
        numbers = _node_numbers_of(ids, graph, "sources")
    count = 0 if samples is None else _integer(samples, "samples", 1, max(graph.num_nodes, 1))
    if count and sources is not None:
        raise ValueError("give samples or sources, not both")
    return _run(_core.betweenness, "betweenness", progress, core_graph(graph), normalized, endpoints, use_weights,
                _cutoff(cutoff), count, numbers, _seed(seed))


def edge_betweenness(graph: Graph, *, normalized: bool = True, use_weights: bool = True,
                     cutoff: float | None = None, progress=False) -> np.ndarray:
    """Betweenness of every edge, aligned with the edge ids (``graph.edges``), as networkx's
    ``edge_betweenness_centrality`` (normalized by n(n-1)). Parallel edges share their credit.
    Parameters and the ValueError for ties of weight 0 as :func:`betweenness`.

    Time O(n m) unweighted, O(n m log n) weighted, in parallel over sources; memory O(n + m) per
    thread.
    """
    return _run(_core.edge_betweenness, "edge betweenness", progress, core_graph(graph), normalized, use_weights,
                _cutoff(cutoff))


def closeness(graph: Graph, *, wf_improved: bool = True, use_weights: bool = True, progress=False) -> np.ndarray:
    """Closeness centrality, as networkx's ``closeness_centrality``: (r-1) / (sum of distances from
    the r-1 nodes that reach the node), times (r-1)/(n-1) with ``wf_improved`` (Wasserman & Faust).
    Directed graphs use distances *to* the node, as networkx does.

    Time O(n m) unweighted (a breadth-first search from every node), O(n m log n) weighted, in
    parallel; memory O(n) per thread.
    """
    return _run(_core.closeness, "closeness", progress, core_graph(graph), wf_improved, use_weights)


def harmonic(graph: Graph, *, normalized: bool = False, use_weights: bool = True, progress=False) -> np.ndarray:
    """Harmonic centrality, as networkx's ``harmonic_centrality``: the sum of 1/d(v, u) over the
    other nodes v (distances *to* u when directed); ``normalized`` divides by n - 1.

    Time O(n m) unweighted, O(n m log n) weighted, in parallel; memory O(n) per thread.
    """
    return _run(_core.harmonic, "harmonic", progress, core_graph(graph), normalized, use_weights)


class IterativeResult(np.ndarray):
    """Scores (a numpy array) that also carry ``iterations``, ``converged`` and ``residual`` (the
    error bound or residual reached, as the function's docstring defines it); arrays made from it
    (slices, arithmetic) carry them too."""

    iterations: int
    converged: bool
    residual: float

    def __array_finalize__(self, obj):
        self.iterations = getattr(obj, "iterations", None)
        self.converged = getattr(obj, "converged", None)
        self.residual = getattr(obj, "residual", None)


def _iterative(result, measure: str, tolerance: float, warn: bool = True) -> np.ndarray:
    scores, iterations, converged, residual = result
    out = scores.view(IterativeResult)
    out.iterations, out.converged, out.residual = iterations, converged, residual
    if warn and not converged:
        warn_unconverged(measure, iterations, residual, tolerance)
    return out


def _vector(values, graph: Graph, parameter: str):
    if values is None:
        return []
    if isinstance(values, pd.Series) and not isinstance(values.index, pd.RangeIndex):
        values = values.to_dict()  # by node id, as a dict
    if isinstance(values, dict):
        # Ids of other graphs are ignored (networkx's rule): one dict can serve several selections.
        if values and not any(node in values for node in graph.nodes):
            raise ValueError(f"{parameter} names no node of the graph (its keys are node ids, as graph.nodes)")
        values = [values.get(node, 0.0) for node in graph.nodes]
    a = np.asarray(values, dtype=float)
    if a.shape != (graph.num_nodes,):
        raise ValueError(f"{parameter} must have one value per node ({graph.num_nodes}), got shape {a.shape}")
    return a.tolist()


def pagerank(graph: Graph, *, alpha: float = 0.85, personalization=None, dangling=None,
             max_iterations: int = 10000, tolerance: float = 1e-10, use_weights: bool = True) -> np.ndarray:
    """PageRank, as networkx's ``pagerank``: scores summing to 1, exact to ``tolerance``.

    Parameters
    ----------
    alpha : float, default 0.85
        Damping factor, in [0, 1).
    personalization, dangling : array or dict, optional
        Restart distribution and where the mass of nodes without out-arcs goes: arrays aligned
        with ``graph.nodes`` or dicts keyed by node id (uniform, and the personalization, when
        omitted).
    max_iterations : int, default 10000
    tolerance : float, default 1e-10
        A bound on the L1 distance to the exact scores, so on every score's error, whatever the
        graph's size: the iteration stops once alpha / (1 - alpha) times the last L1 change is
        below it. networkx's ``tol`` instead stops when the L1 change is below n * tol, an error
        of up to n * tol * alpha / (1 - alpha); ``tolerance = n * tol * alpha / (1 - alpha)`` is
        networkx's rule.
    use_weights : bool, default True

    Notes
    -----
    The result has ``.iterations``, ``.converged`` and ``.residual`` (the error bound reached);
    a result that did not converge raises :class:`essnet.ConvergenceWarning`.

    Time O(m) per iteration, in parallel (about 150 iterations at the defaults); memory O(n).
    """
    return _iterative(_core.pagerank(core_graph(graph), alpha, _vector(personalization, graph, "personalization"),
                                     _vector(dangling, graph, "dangling"), _int32(max_iterations, "max_iterations"),
                                     tolerance, use_weights), "pagerank", tolerance)


def eigenvector(graph: Graph, *, max_iterations: int = 1000, tolerance: float = 1e-12, use_weights: bool = True,
                per_component: bool = False, solver: str = "krylov") -> np.ndarray:
    """Eigenvector centrality: the principal eigenvector of A^T (in-arcs count when directed), with
    unit L2 norm and non-negative entries, as networkx's ``eigenvector_centrality_numpy``.

    Parameters
    ----------
    max_iterations : int, default 1000
        Restarts of the Krylov method (iterations of the power method).
    tolerance : float, default 1e-12
        Krylov: stop when ||A^T x - lambda x|| <= tolerance * lambda, which bounds every entry's
        error by tolerance * lambda_1 / (lambda_1 - lambda_2). Power: stop when the L1 change is
        below tolerance (networkx's ``eigenvector_centrality`` stops at n * tol).
    use_weights : bool, default True
    per_component : bool, default False
        One unit-norm vector per (weakly) connected component.
    solver : {"krylov", "power"}, default "krylov"
        Restarted Lanczos or Arnoldi (exact where the power method stalls: small spectral gap,
        bipartite graphs), or networkx's power iteration on A^T + I.

    Notes
    -----
    A network in pieces: the principal eigenvector lives on the component with the largest
    eigenvalue, and every other node scores 0, as with networkx's ``eigenvector_centrality_numpy``;
    use ``per_component=True`` to rank the actors of every component. Components tied for the
    largest eigenvalue share it equally. When that eigenvalue is 0 (no edges, or a directed graph
    without cycles), the nodes without out-arcs share the score equally.

    The result has ``.iterations`` (matrix-vector products), ``.converged`` and ``.residual``;
    a result that did not converge raises :class:`essnet.ConvergenceWarning`.

    Time O(m) per matrix-vector product (a few dozen per component with Lanczos); memory O(n + m)
    for the largest component's matrix.
    """
    return _iterative(_core.eigenvector(core_graph(graph), _int32(max_iterations, "max_iterations"), tolerance,
                                        use_weights, per_component, solver), "eigenvector centrality", tolerance)


def katz(graph: Graph, *, alpha: float = 0.1, beta: float = 1.0, max_iterations: int = 1000,
         tolerance: float = 1e-10, normalized: bool = True, use_weights: bool = True) -> np.ndarray:
    """Katz centrality, as networkx's ``katz_centrality``: the solution of x = alpha A^T x + beta,
    with unit L2 norm when ``normalized``.

    Solved by conjugate gradients (undirected) or BiCGSTAB (directed) until every entry's error is
    provably below ``tolerance`` (the result's ``.residual`` is that bound). ``alpha`` must lie in
    [0, 1 / lambda_max), lambda_max the largest eigenvalue of the adjacency matrix: a larger alpha
    raises ValueError naming lambda_max (networkx's series would diverge). The result has
    ``.iterations`` and ``.converged``; a result that did not converge raises
    :class:`essnet.ConvergenceWarning`.

    Time O(m) per iteration of the Krylov solve, plus the largest eigenvalue; memory O(n + m).
    """
    return _iterative(_core.katz(core_graph(graph), alpha, beta, _int32(max_iterations, "max_iterations"), tolerance,
                                 normalized, use_weights), "katz centrality", tolerance)


def hits(graph: Graph, *, max_iterations: int = 1000, tolerance: float = 1e-12, normalized: bool = True):
    """HITS hubs and authorities, as networkx's ``hits``: the principal singular vectors of the
    adjacency matrix (authorities: the principal eigenvector of A^T A, by Lanczos), returned as
    (hubs, authorities), each summing to 1 when ``normalized`` (unit L2 norm otherwise). Edge
    weights are always used, as networkx does; a graph without edges gets uniform hubs and zero
    authorities, and components tied for the largest singular value share it equally.
    ``tolerance`` bounds ||A^T A a - sigma^2 a|| / sigma^2; both arrays carry ``.iterations``,
    ``.converged`` and ``.residual``, and a result that did not converge raises
    :class:`essnet.ConvergenceWarning`.

    Time O(m) per product with A^T A; memory O(n + m).
    """
    hubs, authorities, iterations, converged, residual = _core.hits(
        core_graph(graph), _int32(max_iterations, "max_iterations"), tolerance, normalized)
    return (_iterative((hubs, iterations, converged, residual), "hits", tolerance),
            _iterative((authorities, iterations, converged, residual), "hits", tolerance, warn=False))


def coreness(graph: Graph) -> np.ndarray:
    """Core number of every node (Batagelj & Zaversnik 2003), as networkx's ``core_number`` on the
    simple graph (parallel edges once, self-loops ignored; in + out neighbours when directed).

    Time and memory O(n + m) (bucket peeling).
    """
    return _core.coreness(core_graph(graph))


def triangles(graph: Graph) -> np.ndarray:
    """Number of triangles through every node of an undirected graph (networkx's ``triangles``).

    Time O(m^1.5), in parallel; memory O(n + m).
    """
    return _core.triangles(core_graph(graph))


def clustering(graph: Graph, *, use_weights: bool = True) -> np.ndarray:
    """Local clustering coefficient, as networkx's ``clustering``: Watts-Strogatz for undirected
    graphs (Onnela's weighted form when the graph has weights), Fagiolo's for directed ones.
    Self-loops are ignored, also when finding the largest weight (networkx counts a self-loop's).

    Time O(m^1.5), in parallel; memory O(n + m).
    """
    return _core.clustering(core_graph(graph), use_weights)


def average_clustering(graph: Graph, *, use_weights: bool = True) -> float:
    """Mean local clustering, zeros included (networkx's ``average_clustering``).

    Time O(m^1.5), in parallel; memory O(n + m).
    """
    return _core.average_clustering(core_graph(graph), use_weights)


def transitivity(graph: Graph) -> float:
    """3 x triangles / connected triples of an undirected graph (networkx's ``transitivity``).

    Time O(m^1.5), in parallel; memory O(n + m).
    """
    return _core.transitivity(core_graph(graph))


def approximate_betweenness(graph: Graph, *, epsilon: float = 0.01, delta: float = 0.1, use_weights: bool = True,
                            seed: int = 0, progress=False) -> np.ndarray:
    """Approximate betweenness by sampling shortest paths (Riondato & Kornaropoulos 2016),
    normalized as :func:`betweenness`: with probability at least 1 - delta every estimate is within
    epsilon of the exact value. Seeded; the result has ``.samples`` (pairs drawn) and
    ``.vertex_diameter_bound``. ValueError for ties of weight 0 (as :func:`betweenness`) and for an
    epsilon so small that it would need 10^15 samples or more.

    Time O(samples x m) for the sampled shortest paths, samples growing as log(1/delta) / epsilon^2
    times a vertex-diameter term; memory O(n) per thread.
    """
    scores, samples, vd = _run(_core.approximate_betweenness, "approximate betweenness", progress, core_graph(graph),
                               epsilon, delta, use_weights, _seed(seed))
    out = scores.view(ApproximateResult)
    out.samples, out.vertex_diameter_bound = samples, vd
    return out


class ApproximateResult(np.ndarray):
    """Estimates (a numpy array) that also carry ``samples`` and ``vertex_diameter_bound``; arrays
    made from it (slices, arithmetic) carry them too."""

    samples: int
    vertex_diameter_bound: int

    def __array_finalize__(self, obj):
        self.samples = getattr(obj, "samples", None)
        self.vertex_diameter_bound = getattr(obj, "vertex_diameter_bound", None)


def centralization(graph: Graph, measure: str = "degree") -> float:
    """Freeman's (1979) centralization for "degree", "betweenness" or "closeness": the sum of gaps
    to the largest score over its largest possible value (a star scores 1, a regular graph 0).
    Weights are not used. Degree counts distinct neighbours (out-neighbours when directed, so an
    in-star is not central); betweenness is unnormalized; closeness needs a connected undirected
    graph. Graphs with fewer than 3 nodes give 0.

    Time that of the measure (degree O(n + m); betweenness and closeness O(n m) unweighted).
    """
    return _core.centralization(core_graph(graph), measure)
