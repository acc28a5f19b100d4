"""Paths and distances: shortest paths, distance matrices, eccentricity, radius and diameter, the
distribution of path lengths, and efficiency.

Sources and targets are node ids (``graph.nodes``: actor ids); paths come back as lists of them,
distances as numpy arrays aligned with ``graph.nodes``, with ``inf`` where no path leads. Weighted
graphs use their weights as lengths (Dijkstra) unless ``use_weights=False``; lengths within a
relative 1e-10 of each other are equal (igraph's rule), so decimal weights give the shortest paths of
exact arithmetic. A weight of 0 is refused: two paths of one length would differ by a cycle.

A node's eccentricity is measured within its component (connected, or strongly connected when the
graph is directed), where networkx's is undefined on a graph in pieces; on a connected graph the two
agree. Long computations release the GIL, stop on Ctrl-C and take ``progress=True`` for a bar.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _core
from ._args import _run
from ._graph import Graph, _node_numbers_of, core_graph

__all__ = ["distances", "shortest_path", "all_shortest_paths", "eccentricity", "radius", "diameter", "Diameter",
           "average_shortest_path_length", "distance_distribution", "global_efficiency", "local_efficiency",
           "local_efficiencies", "reach_counts", "krackhardt_hierarchy"]

_DIRECTIONS = ("out", "in", "all")


def _direction(direction: str) -> str:
    if direction not in _DIRECTIONS:
        raise ValueError(f'direction must be "out", "in" or "all", got {direction!r}')
    return direction


def _node(graph: Graph, node, parameter: str) -> int:
    return _node_numbers_of([node], graph, parameter)[0]


def distances(graph: Graph, sources=None, *, use_weights: bool = True, direction: str = "out",
              cutoff: float | None = None, max_bytes: int | None = None, progress=False) -> np.ndarray:
    """Shortest-path distances from each of ``sources`` (node ids; all nodes by default) to every
    node: a (len(sources), n) float64 array, rows in the order of ``sources`` and columns aligned with
    ``graph.nodes``, ``inf`` where no path leads (as scipy's ``csgraph.shortest_path``).

    ``direction`` ("out", "in" or "all"): a directed graph's paths follow its arcs, go against them
    (distances *to* the sources), or ignore their direction. ``cutoff``: nodes farther away are left
    at ``inf``. Sources run in parallel.

    The array takes 8 x rows x n bytes: above ``max_bytes`` (the machine's physical memory by
    default) ValueError gives its size before anything is allocated.

    Time O(rows x m) unweighted (a breadth-first search per source), O(rows x m log n) weighted.
    """
    g = core_graph(graph)
    numbers = [] if sources is None else _node_numbers_of(list(sources), graph, "sources")
    if sources is not None and not numbers:
        return np.zeros((0, graph.num_nodes))
    return _run(_core.distance_matrix, "distances", progress, g, numbers, bool(use_weights), _direction(direction),
                float("inf") if cutoff is None else float(cutoff), 0 if max_bytes is None else int(max_bytes))


def shortest_path(graph: Graph, source, target, *, use_weights: bool = True, direction: str = "out") -> list:
    """One shortest path from ``source`` to ``target`` (node ids), as the list of its node ids from
    source to target; ``[]`` when no path leads there. Among equal paths it takes, going back from the
    target, the predecessor that comes first in ``graph.nodes``, so the answer is the same on every
    run. Time O(m) unweighted, O(m log n) weighted."""
    path = _core.shortest_path(core_graph(graph), _node(graph, source, "source"), _node(graph, target, "target"),
                               bool(use_weights), _direction(direction))
    nodes = graph.nodes
    return [nodes[v] for v in path]


def all_shortest_paths(graph: Graph, source, target, *, use_weights: bool = True, direction: str = "out",
                       max_paths: int = 1_000_000) -> list[list]:
    """Every shortest path from ``source`` to ``target``, each as a list of node ids, ordered by the
    positions of their nodes in ``graph.nodes``; ``[]`` when none leads there (networkx raises).
    Parallel edges do not multiply paths. Their number can grow exponentially with the length: more
    than ``max_paths`` raises ValueError. Time O(m log n) plus O(paths x length)."""
    paths = _core.all_shortest_paths(core_graph(graph), _node(graph, source, "source"), _node(graph, target, "target"),
                                     bool(use_weights), _direction(direction), int(max_paths))
    nodes = graph.nodes
    return [[nodes[v] for v in p] for p in paths]


def eccentricity(graph: Graph, *, use_weights: bool = True, progress=False) -> np.ndarray:
    """Each node's largest distance to a node of its own component (connected, or strongly
    connected when directed); 0 for a node alone. Equal to networkx's ``eccentricity`` on a connected
    graph and on each component taken alone. Aligned with ``graph.nodes``.

    Time: undirected, the bounds of Takes & Kosters (2013) pin every eccentricity down after a few
    searches on real networks (n in the worst case); directed, a search from every node of each
    strong component, in parallel.
    """
    return _run(_core.eccentricity, "eccentricity", progress, core_graph(graph), bool(use_weights))


class Diameter(float):
    """A diameter: a float, with ``source`` and ``target``, the node ids of two nodes that far apart
    (None for a graph without nodes), and ``searches``, the shortest-path searches it took."""

    source: object
    target: object
    searches: int

    def __new__(cls, value: float, source, target, searches: int):
        d = super().__new__(cls, value)
        d.source, d.target, d.searches = source, target, searches
        return d

    def __repr__(self) -> str:
        return f"Diameter({float(self)!r}, source={self.source!r}, target={self.target!r})"


def diameter(graph: Graph, *, use_weights: bool = True, progress=False) -> Diameter:
    """The longest shortest path between two nodes of one component (connected, or strongly
    connected when directed), as a float that also carries its ends (``.source``, ``.target``); 0
    when no two nodes reach each other. Equal to networkx's ``diameter`` on a connected graph, and
    to the largest of its values over the components otherwise.

    Time: undirected, Takes & Kosters' (2011) BoundingDiameters, usually a few dozen searches
    whatever the size (components taken largest first); directed, a search from every node of each
    strong component, in parallel.
    """
    value, source, target, searches = _run(_core.diameter, "diameter", progress, core_graph(graph), bool(use_weights))
    nodes = graph.nodes
    ends = (None, None) if source < 0 else (nodes[source], nodes[target])
    return Diameter(value, *ends, searches)


def radius(graph: Graph, *, use_weights: bool = True, progress=False) -> float:
    """The smallest eccentricity (see :func:`eccentricity`); 0 when a node stands alone, as in igraph.
    Equal to networkx's ``radius`` on a connected graph. ValueError for a graph without nodes."""
    if graph.num_nodes == 0:
        raise ValueError("the radius of a graph without nodes is undefined")
    return float(eccentricity(graph, use_weights=use_weights, progress=progress).min())


def _path_lengths(graph: Graph, use_weights: bool, progress) -> dict:
    """All shortest-path lengths, searched once per graph and use_weights."""
    key = bool(use_weights)
    if key not in graph._path_lengths:
        graph._path_lengths[key] = _run(_core.path_lengths, "path lengths", progress, core_graph(graph), key)
    return graph._path_lengths[key]


def average_shortest_path_length(graph: Graph, *, use_weights: bool = True, by_component: bool = False,
                                 progress=False):
    """The average distance over the ordered pairs of distinct nodes, as networkx's
    ``average_shortest_path_length``: a float for a connected graph (strongly connected when
    directed), where ValueError otherwise says to pass ``by_component=True``. That gives a DataFrame
    with one row per component (numbered as :func:`essnet.connected_components`, or
    :func:`essnet.strongly_connected_components` when directed): its ``nodes`` and the ``average``
    over its pairs (0 for one node).

    Time O(n m) unweighted, O(n m log n) weighted, in parallel.
    """
    r = _path_lengths(graph, use_weights, progress)
    if by_component:
        return pd.DataFrame({"nodes": r["component_nodes"], "average": r["component_average"]},
                            index=pd.RangeIndex(len(r["component_nodes"]), name="component"))
    if graph.num_nodes == 0:
        raise ValueError("the average shortest path length of a graph without nodes is undefined")
    if len(r["component_nodes"]) > 1:
        kind = "strongly connected" if graph.directed else "connected"
        raise ValueError(f"the graph is not {kind} ({len(r['component_nodes'])} components): pass "
                         "by_component=True for the average of each")
    return float(r["component_average"][0])


def distance_distribution(graph: Graph, *, use_weights: bool = True, progress=False) -> pd.Series:
    """How many pairs of distinct nodes lie at each distance: a Series of counts indexed by distance,
    in increasing order, with a last entry at ``inf`` for the pairs no path joins (when there are
    any). Pairs are
    unordered in an undirected graph and ordered in a directed one (as igraph's
    ``path_length_hist``). Time O(n m) unweighted, O(n m log n) weighted, in parallel."""
    r = _path_lengths(graph, use_weights, progress)
    index, counts = r["distances"], r["counts"].astype(np.int64)
    if r["unconnected"]:
        index, counts = np.append(index, np.inf), np.append(counts, r["unconnected"])
    return pd.Series(counts, index=pd.Index(index, name="distance"), name="pairs")


def global_efficiency(graph: Graph, *, use_weights: bool = False, progress=False) -> float:
    """Latora & Marchiori's (2001) global efficiency: the average of 1 / d(u, v) over the ordered
    pairs of distinct nodes, 0 for a pair no path joins. Equal to networkx's ``global_efficiency``,
    which counts hops; ``use_weights=True`` uses the weights as lengths. A directed graph follows its
    arcs (networkx takes undirected graphs only). Time O(n m), in parallel."""
    return _run(_core.global_efficiency, "global efficiency", progress, core_graph(graph), bool(use_weights))


def local_efficiencies(graph: Graph, *, use_weights: bool = False, progress=False) -> np.ndarray:
    """Each node's local efficiency: the global efficiency of the subgraph induced by its neighbours
    (either direction; the node left out), 0 with fewer than two. Aligned with ``graph.nodes``.
    Time O(sum over nodes of degree x ties among the neighbours), in parallel."""
    return _run(_core.local_efficiency, "local efficiency", progress, core_graph(graph), bool(use_weights))


def local_efficiency(graph: Graph, *, use_weights: bool = False, progress=False) -> float:
    """The average of :func:`local_efficiencies`, as networkx's ``local_efficiency``; 0 for a graph
    without nodes."""
    values = local_efficiencies(graph, use_weights=use_weights, progress=progress)
    return float(values.mean()) if values.size else 0.0


def reach_counts(graph: Graph, *, progress=False) -> pd.DataFrame:
    """How many other nodes each node reaches along the arcs (``out``) and how many reach it
    (``in``), as a DataFrame indexed by node id; both are the component's size less one when the
    graph is undirected. Time O(n m): a breadth-first search each way from every node, in parallel."""
    out, into = _run(_core.reach_counts, "reach counts", progress, core_graph(graph))
    return graph.frame(out=out, **{"in": into})


def krackhardt_hierarchy(graph: Graph, *, max_component: int = 20_000, progress=False) -> dict:
    """Krackhardt's (1994) four graph hierarchy measures, equal to R sna's: ``connectedness`` (the
    share of pairs joined by a semipath), ``hierarchy`` (1 - the share of reachable pairs that reach
    each other: ``hierarchy(measure="krackhardt")``), ``efficiency`` (1 - the arcs beyond a spanning
    tree of each weak component over the most there could be) and ``lub`` (least-upper-boundedness:
    1 - the share of pairs without a least upper bound, a node that reaches both and every other node
    that reaches both, as sna's ``lubness`` tests it). Each is in [0, 1], 1 for
    an organisation chart (an out-tree); NaN where there is no pair to judge, as in sna. An
    undirected edge is an arc each way; weights, self-loops and parallel arcs are ignored.

    Time O(n m) plus O(k^3 / 64) per weak component of k nodes; a component above ``max_component``
    nodes raises ValueError rather than run for hours.
    """
    return _run(_core.krackhardt_hierarchy, "Krackhardt hierarchy", progress, core_graph(graph), int(max_component))
