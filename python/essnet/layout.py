"""Layouts: a position for every node, as an (n, 2) float64 array aligned with ``graph.nodes``.

>>> g = essnet.datasets.chantier().graph()
>>> pos = essnet.layout.forceatlas2(g, seed=1)
>>> essnet.layout.quality(g, pos)["stress"]
"""

from __future__ import annotations

import numpy as np

from . import _core
from ._args import _int32, _integer, _run, _seed
from ._graph import Graph, core_graph

__all__ = ["forceatlas2", "quality"]


def _positions(values, graph: Graph, parameter: str) -> np.ndarray:
    """An (n, 2) float64 array of finite positions; ValueError naming the parameter otherwise."""
    a = np.asarray(values, dtype=np.float64)
    if a.ndim != 2 or a.shape != (graph.num_nodes, 2):
        raise ValueError(f"{parameter} must have shape ({graph.num_nodes}, 2), one row per node, got {a.shape}")
    bad = np.flatnonzero(~np.isfinite(a).all(axis=1))
    if bad.size:
        raise ValueError(f"{parameter} has a value that is not finite in row {int(bad[0])}")
    return np.ascontiguousarray(a)


def _pinned(values, graph: Graph) -> list[int]:
    """Node numbers from a boolean mask of length n or from node ids of ``graph.nodes``."""
    if values is None:
        return []
    a = np.asarray(values)
    if a.dtype == bool:
        if a.shape != (graph.num_nodes,):
            raise ValueError(f"pinned as a mask must have shape ({graph.num_nodes},), got {a.shape}")
        return np.flatnonzero(a).tolist()
    position = {v: i for i, v in enumerate(graph.nodes)}
    numbers = []
    for v in values:
        if v not in position:
            raise ValueError(f"pinned node {v!r} is not in the graph")
        numbers.append(position[v])
    return numbers


def _sizes(values, graph: Graph) -> list[float]:
    if values is None:
        return []
    a = np.asarray(values, dtype=np.float64)
    if a.shape != (graph.num_nodes,):
        raise ValueError(f"node_sizes must have one value per node, shape ({graph.num_nodes},), got {a.shape}")
    return a.tolist()


def forceatlas2(graph: Graph, *, iterations: int = 100, scaling: float = 2.0, gravity: float = 1.0,
                strong_gravity: bool = False, linlog: bool = False, edge_weight_influence: float = 1.0,
                dissuade_hubs: bool = False, prevent_overlap: bool = False, node_sizes=None,
                jitter_tolerance: float = 1.0, repulsion: str = "auto", theta: float = 1.2, initial=None,
                pinned=None, pack_components: bool = True, seed: int = 0, progress=False) -> np.ndarray:
    """ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, PLOS ONE 9(6):e98679), as Gephi's.

    Nodes repel in proportion to the product of their masses (degree + 1) over their distance; ties
    pull their ends together in proportion to the distance; gravity pulls every node to the origin.
    Gephi's adaptive speed moves each node less when its force keeps changing direction.

    Parameters
    ----------
    iterations : int, default 100
        Steps; each moves every free node once.
    scaling : float, default 2.0
        Repulsion strength (Gephi's scaling ratio): larger spreads the map.
    gravity : float, default 1.0
        Pull towards the origin, m * gravity for a node of mass m.
    strong_gravity : bool, default False
        Gravity grows with the distance from the origin.
    linlog : bool, default False
        LinLog attraction, log(1 + d): tighter, better separated clusters.
    edge_weight_influence : float, default 1.0
        A tie of weight w pulls with w ** edge_weight_influence (0 ignores weights).
    dissuade_hubs : bool, default False
        Divide the pull of a tie by its source's mass (each end's own mass when undirected): hubs
        go to the periphery.
    prevent_overlap : bool, default False
        Nodes are discs of radius ``node_sizes`` that push apart when they touch.
    node_sizes : array of float, optional
        Radius of each node, in layout units; 1 each by default.
    jitter_tolerance : float, default 1.0
        How much swinging the adaptive speed accepts: more is faster, less is more precise.
    repulsion : {"auto", "exact", "barnes_hut"}, default "auto"
        "auto" uses Barnes-Hut from 1000 nodes (as Gephi) and every pair below.
    theta : float, default 1.2
        Barnes-Hut opening rule (Gephi's): a region is taken as one multipole when distance * theta
        exceeds its size (twice its largest distance from its mass centre). essnet adds quadrupole
        and octupole moments, so at 1.2 the repulsion is within about 1% of the exact sum.
    initial : array (n, 2), optional
        Starting positions; random from ``seed`` otherwise.
    pinned : node ids or boolean mask, optional
        Nodes that keep their starting position.
    pack_components : bool, default True
        Lay out each connected component on its own and pack them side by side, isolated nodes in a
        grid; ignored when ``initial`` or ``pinned`` is given.
    seed : int, default 0
        The same seed gives the same positions, bit for bit, on any number of threads.
    progress : bool or callable, default False
        True shows a tqdm bar; a callable receives the share of work done.

    Returns an (n, 2) float64 array aligned with ``graph.nodes``. O(iterations (n log n + m)) time
    with Barnes-Hut, O(iterations (n^2 + m)) exact; O(n + m) memory. ValueError names a bad argument;
    Ctrl-C raises KeyboardInterrupt.
    """
    start = None if initial is None else _positions(initial, graph, "initial")
    return _run(_core.forceatlas2, "forceatlas2", progress, core_graph(graph), _int32(iterations, "iterations"),
                float(scaling), float(gravity), bool(strong_gravity), bool(linlog), float(edge_weight_influence),
                bool(dissuade_hubs), bool(prevent_overlap), _sizes(node_sizes, graph), float(jitter_tolerance),
                repulsion, float(theta), start, _pinned(pinned, graph), bool(pack_components), _seed(seed))


def quality(graph: Graph, positions, *, max_sources: int = 1000, max_exact_crossing_edges: int = 4000,
            crossing_samples: int = 2_000_000, node_radius: float = 0.0, seed: int = 0) -> dict:
    """How well a drawing shows its graph, as a dict:

    - ``stress``: scale-normalised stress, the mean over connected pairs of (s e - d)^2 / d^2 for the
      drawn distance e, the hop distance d and the best uniform scale s; 0 is perfect.
    - ``neighbourhood_preservation``: mean Jaccard index of each node's graph neighbours and as many
      nearest drawn nodes; 1 is perfect.
    - ``crossings``: pairs of ties without a common end whose segments cross; exact up to
      ``max_exact_crossing_edges`` ties, estimated from ``crossing_samples`` random pairs above
      (``crossings_exact`` says which).
    - ``overlaps``: pairs of nodes nearer than 2 * ``node_radius`` (0: 1/400 of the diagonal).

    Direction and weights are ignored. Stress uses every node as a source up to ``max_sources``
    nodes, and that many random sources (from ``seed``) above. O(s (n + m) + n k + c) time for s
    sources, mean degree k and c crossing tests.
    """
    return _core.layout_quality(core_graph(graph), _positions(positions, graph, "positions"),
                                _int32(max_sources, "max_sources"),
                                _integer(max_exact_crossing_edges, "max_exact_crossing_edges", 0, 2**62),
                                _integer(crossing_samples, "crossing_samples", 1, 2**62), float(node_radius),
                                _seed(seed))
