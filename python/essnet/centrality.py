"""Centrality measures: numpy arrays aligned with ``graph.nodes`` (edge measures: with edge ids).

Defaults follow networkx, and each docstring names any difference. Long computations release the
GIL, stop on Ctrl-C (KeyboardInterrupt) and show a tqdm progress bar with ``progress=True``.
"""

from __future__ import annotations

import numpy as np

from . import _core
from ._graph import Graph, core_graph


def degree(graph: Graph, direction: str = "all") -> np.ndarray:
    """Degree of every node, aligned with ``graph.nodes`` (int64).

    As networkx: a parallel edge counts once per edge, a self-loop counts 2, and for a directed
    graph ``direction`` picks "out", "in" or "all" (in + out, networkx's DiGraph.degree).
    """
    return _core.degree(core_graph(graph), direction)


def _progress(progress, description: str):
    """A progress callback for the C++ side, and a function that closes it."""
    if progress is True:
        from tqdm.auto import tqdm

        bar = tqdm(total=100, desc=description, unit="%", leave=False)

        def update(fraction: float) -> None:
            bar.n = round(100 * fraction)
            bar.refresh()

        return update, bar.close
    if progress is False or progress is None:
        return None, lambda: None
    if callable(progress):
        return progress, lambda: None
    raise TypeError(f"progress must be True, False or a callable taking the share done, got {progress!r}")


def _run(function, description, progress, *args):
    callback, close = _progress(progress, description)
    try:
        return function(*args, callback)
    finally:
        close()


def _cutoff(cutoff) -> float:
    if cutoff is None:
        return -1.0
    if cutoff < 0:
        raise ValueError(f"cutoff must be non-negative or None, got {cutoff}")
    return float(cutoff)


def betweenness(graph: Graph, *, normalized: bool = True, endpoints: bool = False, use_weights: bool = True,
                cutoff: float | None = None, progress=False) -> np.ndarray:
    """Betweenness centrality of every node (Brandes 2001), as networkx's ``betweenness_centrality``.

    Parameters
    ----------
    normalized : bool, default True
        Divide by the number of pairs, (n-1)(n-2) (n(n-1) with endpoints), times 2 when undirected.
    endpoints : bool, default False
        Count a path's endpoints as lying on it.
    use_weights : bool, default True
        Use the graph's edge weights as lengths when it has them (networkx's ``weight="weight"``);
        otherwise every edge has length 1.
    cutoff : float, optional
        Only paths of at most this length count (as igraph's ``cutoff``).
    progress : bool or callable, default False
        True shows a tqdm bar; a callable receives the share of work done.

    Parallel edges count as one path (the shortest), self-loops are ignored. Runs in parallel over
    source nodes; O(n m) unweighted, O(n m log n) weighted. Ctrl-C raises KeyboardInterrupt.
    """
    return _run(_core.betweenness, "betweenness", progress, core_graph(graph), normalized, endpoints, use_weights,
                _cutoff(cutoff))


def edge_betweenness(graph: Graph, *, normalized: bool = True, use_weights: bool = True,
                     cutoff: float | None = None, progress=False) -> np.ndarray:
    """Betweenness of every edge, aligned with the edge ids (``graph.edges``), as networkx's
    ``edge_betweenness_centrality`` (normalized by n(n-1)). Parallel edges share their credit."""
    return _run(_core.edge_betweenness, "edge betweenness", progress, core_graph(graph), normalized, use_weights,
                _cutoff(cutoff))


def closeness(graph: Graph, *, wf_improved: bool = True, use_weights: bool = True, progress=False) -> np.ndarray:
    """Closeness centrality, as networkx's ``closeness_centrality``: (r-1) / (sum of distances from
    the r-1 nodes that reach the node), times (r-1)/(n-1) with ``wf_improved`` (Wasserman & Faust).
    Directed graphs use distances *to* the node, as networkx does."""
    return _run(_core.closeness, "closeness", progress, core_graph(graph), wf_improved, use_weights)


def harmonic(graph: Graph, *, normalized: bool = False, use_weights: bool = True, progress=False) -> np.ndarray:
    """Harmonic centrality, as networkx's ``harmonic_centrality``: the sum of 1/d(v, u) over the
    other nodes v (distances *to* u when directed); ``normalized`` divides by n - 1."""
    return _run(_core.harmonic, "harmonic", progress, core_graph(graph), normalized, use_weights)
