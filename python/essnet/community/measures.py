"""Quality of a partition and comparison of two partitions.

A partition is a membership array: one non-negative integer label per node, aligned with
``graph.nodes`` (labels need not be contiguous). Every function also accepts an object with a
``membership`` attribute, such as the result of a community detection. Logarithms are natural.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _core
from .._args import _by_node
from .._graph import Graph, core_graph

__all__ = [
    "adjusted_mutual_information",
    "adjusted_rand_index",
    "community_sizes",
    "compare_partitions",
    "conductance",
    "contingency_table",
    "cpm_quality",
    "modularity",
    "normalized_mutual_information",
    "partition_quality",
    "rand_index",
    "split_join_distance",
    "variation_of_information",
]

_INT32_MAX = np.iinfo(np.int32).max


def _labels(values, parameter: str) -> np.ndarray:
    """A membership (or an object with a ``membership`` attribute) as a 1-D int32 array of
    non-negative integer labels; ValueError naming `parameter` otherwise."""
    a = np.asarray(getattr(values, "membership", values))
    if a.ndim != 1:
        raise ValueError(f"{parameter} must be one-dimensional, got shape {a.shape}")
    if a.size == 0:
        return np.zeros(0, dtype=np.int32)
    if np.issubdtype(a.dtype, np.floating):
        if not np.all(np.isfinite(a)) or not np.all(a == np.round(a)):
            raise ValueError(f"{parameter} must hold integer labels, got non-integer values")
    elif not np.issubdtype(a.dtype, np.integer):
        raise ValueError(f"{parameter} must hold integer labels, got dtype {a.dtype}")
    negative = np.flatnonzero(a < 0)
    if negative.size:
        i = int(negative[0])
        raise ValueError(f"{parameter}[{i}] is negative ({a[i]})")
    if a.max() > _INT32_MAX:
        raise ValueError(f"{parameter} labels must be at most {_INT32_MAX}, got {a.max()}")
    return a.astype(np.int32, copy=False)


def _membership(graph: Graph, membership) -> np.ndarray:
    """A membership of graph's nodes (a pandas Series by node id, or in node order) as _labels."""
    return _labels(_by_node(membership, graph, "membership"), "membership")


def modularity(graph: Graph, membership, *, resolution: float = 1.0, use_weights: bool = True) -> float:
    """Modularity of a partition.

    Newman & Girvan (2004) with edge weights and the resolution of Reichardt & Bornholdt (2006),
    ``Q = 1/(2m) sum_ij [A_ij - resolution k_i k_j / (2m)] delta(c_i, c_j)``; for a directed graph
    the form of Leicht & Newman (2008), ``Q = 1/m sum_ij [A_ij - resolution k_i^out k_j^in / m]
    delta(c_i, c_j)``. Parallel edges add up and an undirected self-loop counts twice in its node's
    degree, so the value is that of networkx's ``community.modularity`` and igraph's ``modularity``.

    Parameters
    ----------
    graph : essnet.Graph
    membership : array-like of int, or an object with a ``membership`` attribute
        Community label of each node.
    resolution : float, default 1.0
        Finite and non-negative; above 1 favours smaller communities.
    use_weights : bool, default True
        Use the edge weights (networkx's ``weight="weight"``); False or None counts every edge 1.

    Returns
    -------
    float
        NaN for a graph without edges (networkx raises ZeroDivisionError; igraph returns NaN).

    Raises
    ------
    ValueError
        A membership that is not one non-negative integer per node; a bad resolution.
    """
    labels = _membership(graph, membership)
    return _core.modularity(core_graph(graph), labels, float(resolution), bool(use_weights))


def cpm_quality(graph: Graph, membership, *, resolution: float = 1.0, use_weights: bool = True) -> float:
    """Quality of a partition under the Constant Potts Model (Traag, Van Dooren & Nesterov 2011).

    The value of leidenalg's ``CPMVertexPartition(graph, initial_membership=membership,
    weights=..., resolution_parameter=resolution).quality()``:
    ``f * sum_c [w_c - resolution * P(n_c)]`` with ``w_c`` the weight inside community c (a
    self-loop counts once), ``P(s) = s (s - 1) / d``, plus ``s`` when the graph has any
    self-loop, and ``f = d = 2`` for an undirected graph, 1 for a directed one.

    Parameters
    ----------
    graph : essnet.Graph
    membership : array-like of int, or an object with a ``membership`` attribute
    resolution : float, default 1.0
        Finite and non-negative.
    use_weights : bool, default True
        Use the edge weights; False or None counts every edge 1.
    """
    labels = _membership(graph, membership)
    return _core.cpm_quality(core_graph(graph), labels, float(resolution), bool(use_weights))


def community_sizes(membership) -> np.ndarray:
    """Number of nodes with each label, indexed by label 0 .. largest label (int64), as
    ``numpy.bincount``: a label no node has gets 0."""
    return _core.community_sizes(_labels(membership, "membership"))


def partition_quality(graph: Graph, membership) -> tuple[float, float]:
    """Coverage and performance of a partition (Fortunato 2010), unweighted, as networkx's
    ``community.partition_quality``.

    Coverage is the share of edges inside communities (parallel edges and self-loops counted).
    Performance is the share of pairs of distinct nodes (ordered pairs when directed) that are
    adjacent within a community or non-adjacent across communities. On graphs without parallel
    edges or self-loops both equal networkx's. Differences: networkx counts a self-loop as one more
    correct pair (its performance can exceed 1) and gives performance -1 for any multigraph; here
    parallel edges join one pair and self-loops are no pairs. Coverage is NaN without edges,
    performance NaN with fewer than 2 nodes (networkx raises ZeroDivisionError).

    Returns
    -------
    (coverage, performance) : tuple of float
    """
    labels = _membership(graph, membership)
    return _core.partition_quality(core_graph(graph), labels)


def conductance(graph: Graph, membership, *, use_weights: bool = True) -> np.ndarray:
    """Conductance of each community S, ``cut(S) / min(vol(S), vol(V - S))`` (float64, indexed by
    label 0 .. largest label).

    As networkx's ``cuts.conductance(G, S, T=V - S, weight=...)``: the cut counts edges between S
    and the rest (arcs in both directions when directed), the volume sums degrees (out-degrees when
    directed). Differences: ``use_weights`` defaults to True here, to None (unweighted) in networkx; a
    community whose smaller volume is 0 (no edges, all of them, or an unused label) gets NaN where
    networkx raises ZeroDivisionError.
    """
    labels = _membership(graph, membership)
    return _core.conductance(core_graph(graph), labels, bool(use_weights))


def _first_appearance(labels: np.ndarray) -> np.ndarray:
    """Distinct labels in order of first appearance."""
    values, first = np.unique(labels, return_index=True)
    return values[np.argsort(first)]


def contingency_table(a, b) -> pd.DataFrame:
    """Dense contingency table of two partitions of the same nodes: the number of nodes with label
    i in `a` and label j in `b`, rows are the labels of `a` and columns those of `b`, both sorted
    (as ``sklearn.metrics.cluster.contingency_matrix``, with the labels kept as index and columns).
    """
    la, lb = _labels(a, "a"), _labels(b, "b")
    row, col, count, rows, cols = _core.contingency_table(la, lb)
    table = np.zeros((rows, cols), dtype=np.int64)
    table[row, col] = count
    frame = pd.DataFrame(table, index=pd.Index(_first_appearance(la), name="a"),
                         columns=pd.Index(_first_appearance(lb), name="b"))
    return frame.sort_index(axis=0).sort_index(axis=1)


def normalized_mutual_information(a, b) -> float:
    """Normalized mutual information of Danon et al. (2005), ``2 I(a, b) / (H(a) + H(b))``, as
    igraph's ``compare_communities(method="nmi")`` and scikit-learn's
    ``normalized_mutual_info_score``; 1 when both entropies are 0 (both partitions trivial)."""
    return _core.normalized_mutual_information(_labels(a, "a"), _labels(b, "b"))


def adjusted_mutual_information(a, b) -> float:
    """Adjusted mutual information of Vinh, Epps & Bailey (2010), arithmetic-mean normalisation,
    as scikit-learn's ``adjusted_mutual_info_score`` (exact expected mutual information).

    1 for no nodes and for two trivial partitions, as scikit-learn; 1 also when both partitions put
    every node alone, where the ratio is 0/0 and scikit-learn returns rounding noise."""
    return _core.adjusted_mutual_information(_labels(a, "a"), _labels(b, "b"))


def adjusted_rand_index(a, b) -> float:
    """Adjusted Rand index of Hubert & Arabie (1985), as igraph's
    ``compare_communities(method="adjusted_rand")`` and scikit-learn's ``adjusted_rand_score``.

    1 when the chance correction is 0/0 (fewer than 2 nodes, both partitions trivial or both all
    singletons), as scikit-learn; igraph returns NaN or raises there."""
    return _core.adjusted_rand_index(_labels(a, "a"), _labels(b, "b"))


def rand_index(a, b) -> float:
    """Rand index (Rand 1971): the share of node pairs on which the partitions agree, as igraph's
    ``compare_communities(method="rand")`` and scikit-learn's ``rand_score``; 1 with fewer than 2
    nodes, as scikit-learn (igraph raises)."""
    return _core.rand_index(_labels(a, "a"), _labels(b, "b"))


def variation_of_information(a, b) -> float:
    """Variation of information of Meilă (2007), ``H(a) + H(b) - 2 I(a, b)`` in nats, as igraph's
    ``compare_communities(method="vi")``."""
    return _core.variation_of_information(_labels(a, "a"), _labels(b, "b"))


def split_join_distance(a, b) -> tuple[int, int]:
    """The two projection distances of van Dongen's (2000) split-join distance, as igraph's
    ``split_join_distance``: nodes to move so that each community of `a` fits in one of `b`, and
    the reverse. Their sum is ``compare_partitions(a, b, "split-join")``."""
    return _core.split_join_distance(_labels(a, "a"), _labels(b, "b"))


_METHODS = {
    "nmi": normalized_mutual_information,
    "danon": normalized_mutual_information,
    "ami": adjusted_mutual_information,
    "ari": adjusted_rand_index,
    "adjusted_rand": adjusted_rand_index,
    "rand": rand_index,
    "vi": variation_of_information,
    "meila": variation_of_information,
    "split-join": lambda a, b: float(sum(split_join_distance(a, b))),
    "split_join": lambda a, b: float(sum(split_join_distance(a, b))),
}


def compare_partitions(a, b, method: str = "nmi") -> float:
    """Compare two partitions of the same nodes, as igraph's ``compare_communities`` (whose
    default method is "vi"; here it is "nmi").

    Parameters
    ----------
    a, b : array-like of int, or objects with a ``membership`` attribute
    method : str, default "nmi"
        "nmi" (normalized mutual information), "ami" (adjusted mutual information), "ari"
        (adjusted Rand index), "rand", "vi" (variation of information) or "split-join"; igraph's
        names "danon", "adjusted_rand", "meila" and "split_join" are accepted too.

    Raises
    ------
    ValueError
        An unknown method; memberships of different lengths or with bad labels.
    """
    try:
        measure = _METHODS[method]
    except (KeyError, TypeError):
        raise ValueError(f"method must be one of {', '.join(map(repr, _METHODS))}, got {method!r}") from None
    return measure(a, b)
