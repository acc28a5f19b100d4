"""Layouts: a position for every node, as an (n, 2) float64 array aligned with ``graph.nodes``.

>>> g = essnet.datasets.chantier().graph()
>>> pos = essnet.layout.forceatlas2(g, seed=1)
>>> essnet.layout.quality(g, pos)["stress"]
"""

from __future__ import annotations

import numpy as np

from . import _core
from ._args import _by_node, _int32, _integer, _run, _seed
from ._graph import Graph, _node_numbers_of, core_graph
from ._network import _labels, _year_window

__all__ = ["auto", "bipartite", "circular", "forceatlas2", "fruchterman_reingold", "over_time", "pivot_mds", "quality",
           "spectral", "stress"]


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
    return _node_numbers_of(values, graph, "pinned")


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

    Notes
    -----
    Returns an (n, 2) float64 array aligned with ``graph.nodes``. O(iterations (n log n + m)) time
    with Barnes-Hut, O(iterations (n^2 + m)) exact; O(n + m) memory. ValueError names a bad argument;
    Ctrl-C raises KeyboardInterrupt.
    """
    start = None if initial is None else _positions(initial, graph, "initial")
    return _run(_core.forceatlas2, "forceatlas2", progress, core_graph(graph), _int32(iterations, "iterations"),
                float(scaling), float(gravity), bool(strong_gravity), bool(linlog), float(edge_weight_influence),
                bool(dissuade_hubs), bool(prevent_overlap), _sizes(node_sizes, graph), float(jitter_tolerance),
                repulsion, float(theta), start, _pinned(pinned, graph), bool(pack_components), _seed(seed))


def fruchterman_reingold(graph: Graph, *, iterations: int = 500, start_temperature: float = 0.0,
                         use_weights: bool = True, repulsion: str = "auto", initial=None, pinned=None,
                         pack_components: bool = True, seed: int = 0, progress=False) -> np.ndarray:
    """Fruchterman-Reingold (1991, Software: Practice and Experience 21(11)), with its grid variant.

    With the ideal tie length 1, every pair of nodes repels with force 1 / d and every tie pulls its
    ends with force d ** 2 (times its weight with ``use_weights``); a step moves each node along its
    force by at most the temperature, which cools linearly from ``start_temperature`` (0:
    sqrt(n) / 10, as igraph) to 0. Random starts are uniform in a square of side sqrt(n).

    Parameters
    ----------
    iterations : int, default 500
        Steps (igraph's default).
    start_temperature : float, default 0.0
        Largest move in the first step, in tie lengths; 0 picks sqrt(n) / 10.
    use_weights : bool, default True
        A tie of weight w pulls w times as hard.
    repulsion : {"auto", "all_pairs", "grid"}, default "auto"
        "grid" (the paper's variant) lets only nodes within 2 tie lengths repel; "auto" uses it from
        1000 nodes, as igraph.
    initial, pinned, pack_components, seed, progress
        As :func:`forceatlas2`.

    Notes
    -----
    Returns an (n, 2) float64 array aligned with ``graph.nodes``; the same for any number of
    threads. O(iterations (n^2 + m)) time for all pairs, about O(iterations (n + m)) with the grid.
    """
    start = None if initial is None else _positions(initial, graph, "initial")
    return _run(_core.fruchterman_reingold, "fruchterman_reingold", progress, core_graph(graph),
                _int32(iterations, "iterations"), float(start_temperature), bool(use_weights), repulsion, start,
                _pinned(pinned, graph), bool(pack_components), _seed(seed))


def stress(graph: Graph, *, method: str = "auto", pivots: int = 200, iterations: int = 500, tolerance: float = 1e-5,
           initial=None, pinned=None, anchoring=None, seed: int = 0, progress=False) -> np.ndarray:
    """Stress majorization (Gansner, Koren & North 2004): drawn distances close to the hop distances.

    Minimises the sum over pairs of ``(|x_i - x_j| - d_ij) ** 2 / d_ij ** 2``, where d is the number of
    ties on a shortest path; a tie is drawn about 1 long. Direction, weights, self-loops and
    parallel ties are ignored. Each component starts from pivot MDS (:func:`pivot_mds`) and the
    pieces are packed. Every step of full stress lowers the stress (with the anchor terms); the
    result is the same, bit for bit, for any
    number of threads.

    Parameters
    ----------
    method : {"auto", "full", "sparse", "landmark"}, default "auto"
        "full" sums over every pair (O(n^2) memory and time per step); "sparse" is the sparse stress
        of Ortmann, Klimenta & Brandes (2016): the ties plus, for each node, one term per pivot that
        stands for the nodes near that pivot (O(pivots n + m) per step). "landmark" draws ``pivots``
        landmarks at random, lays them out by full stress among themselves, then places every other
        node by its distances to the still landmarks (at most 30 steps each): the global shape of
        full stress, at O(pivots (n + m)) cost; nodes with equal distances to every landmark share a
        place, and it takes no ``initial``. "auto" uses full stress for components up to 2000 nodes
        and sparse above.
    pivots : int, default 200
        Pivots of sparse stress, landmarks of landmark stress.
    iterations : int, default 500
        At most this many steps.
    tolerance : float, default 1e-5
        Stop when a step lowers the stress by less than this share of it.
    initial : array (n, 2), optional
        Start here, each component laid out in place (no packing).
    pinned : node ids or boolean mask, optional
        Nodes that keep their ``initial`` position.
    anchoring : float or array of n floats, optional
        Pull each node towards its ``initial`` position: 1 weighs the anchor as much as all the
        node's distances together, 0 leaves it free (Brandes & Mader 2012). Keeps the mental map
        across snapshots. One value for every node, or one per node.
    seed : int, default 0
        Picks the first pivot and the jitter that separates nodes with equal distances.
    progress : bool or callable, default False
        True shows a tqdm bar; a callable receives the share of work done.

    Notes
    -----
    Returns an (n, 2) float64 array aligned with ``graph.nodes``. Full: O(n (n + m)) time to
    measure the distances; sparse: O(pivots (n + m)) time and 4 pivots n bytes. ValueError names a
    bad argument; pinned nodes or anchoring need ``initial``.

    Sparse stress places each node by its hop distances to the pivots: on large small-world graphs,
    where those distances are few and short, nodes that share them gather in clumps, and
    :func:`forceatlas2` draws better. Meshes, grids, trees and road-like networks suit it.
    """
    start = None if initial is None else _positions(initial, graph, "initial")
    return _run(_core.stress_layout, "stress", progress, core_graph(graph), method, _int32(pivots, "pivots"),
                _int32(iterations, "iterations"), float(tolerance), start, _pinned(pinned, graph),
                _anchoring(anchoring, graph), _seed(seed))


def _anchoring(values, graph: Graph) -> list[float]:
    if values is None:
        return []
    a = np.asarray(values, dtype=np.float64)
    if a.ndim == 0:
        a = np.full(graph.num_nodes, float(a))
    if a.shape != (graph.num_nodes,):
        raise ValueError(f"anchoring must be one number or one per node, shape ({graph.num_nodes},), got {a.shape}")
    return a.tolist()


def pivot_mds(graph: Graph, *, pivots: int = 50, seed: int = 0) -> np.ndarray:
    """Pivot MDS (Brandes & Pich 2006): classical MDS of the hop distances, approximated from
    ``pivots`` nodes chosen far apart (the first from ``seed``, each next the farthest from those
    chosen). With every node a pivot it is classical MDS. Direction, weights, self-loops and
    parallel ties are ignored; each component is embedded at the scale that best fits its distances
    (a tie about 1 long) and the pieces are packed. O(pivots (n + m) + n pivots ** 2) time,
    O(n pivots) memory."""
    return _core.pivot_mds(core_graph(graph), _int32(pivots, "pivots"), _seed(seed))


def over_time(network, years, *, cumulative: bool = False, anchoring: float = 0.1, seed: int = 0, progress=False,
              relations=None, kinds=None, directed: bool | None = None, weight: str | None = None,
              duplicates: str = "keep", self_loops: str = "keep") -> dict:
    """One layout per year snapshot or window, each keeping the reader's mental map of the last.

    ``years``, ``cumulative`` and the selection (``relations``, ``kinds``, ``directed`` ..., as
    :meth:`ActorNetwork.graph`) pick the graphs as :func:`essnet.over_time` does. The network of the
    window from the first year to the last is laid out first (:func:`stress`, components packed).
    The first snapshot starts from that map; each later one starts from the snapshot before it.
    Each is refined by stress majorization with the anchoring term of Brandes & Mader (2012): an
    actor that had ties in the snapshot before is pulled towards where it was, ``anchoring`` times
    as hard as its distances pull it (0: no pull; more: steadier maps that fit their own year less
    well); an actor new to the ties moves freely from its place on the whole map. An actor without
    ties that year stays where it was, so every actor has a place on every map.

    Returns ``{year label: (n, 2) array aligned with that snapshot's graph.nodes}`` (the actors the
    selection keeps, the same for every year) in the order of ``years``; labels are as in
    :func:`essnet.over_time`, and a year given twice is a ValueError. Positions are in tie lengths and
    comparable across years. Time: one graph selection and one stress layout per snapshot.
    """
    years = list(years)
    labels = [f"{y[0]}-{y[1]}" if isinstance(y, (tuple, list)) else y for y in years]
    if len(set(labels)) < len(labels):
        raise ValueError(f"years has a year or window twice: {labels}")
    windows = [_year_window((None, y) if cumulative else y) for y in years]
    layouts = _run(_core.layout_over_time, "layout", progress, network._net, _labels(relations, "relations"),
                   _labels(kinds, "kinds"), directed, weight, duplicates, self_loops, windows,
                   float(anchoring), _seed(seed))
    return dict(zip(labels, layouts))


def circular(graph: Graph, *, order=None) -> np.ndarray:
    """Every node on the unit circle, evenly spaced counter-clockwise from (1, 0), as networkx's
    ``circular_layout``: the k-th node of ``order`` (node ids; ``graph.nodes`` by default) at angle
    2 pi k / n. One node sits at the origin. O(n)."""
    numbers = [] if order is None else _node_numbers_of(order, graph, "order")
    return _core.circular(core_graph(graph), numbers)


def bipartite(graph: Graph, first_side, *, sweeps: int = 8) -> np.ndarray:
    """Two-mode data on two lines: the nodes where ``first_side`` is true (actors, say) at x = 0,
    the others (events) at x = 1, each side spread over y in [0, 1].

    ``first_side`` is a boolean array aligned with ``graph.nodes`` or a pandas Series by node id.
    Each side is ordered by the barycentre heuristic (Sugiyama, Tagawa & Toda 1981): ``sweeps``
    times, a side is sorted by the mean place of its nodes' neighbours on the other side, which
    reduces crossings; 0 keeps the node order. O(sweeps (m + n log n)).
    """
    side = np.asarray(_by_node(first_side, graph, "first_side"))
    if side.shape != (graph.num_nodes,):
        raise ValueError(f"first_side must have one value per node, shape ({graph.num_nodes},), got {side.shape}")
    return _core.bipartite(core_graph(graph), side.astype(bool).astype(np.uint8).tolist(), _int32(sweeps, "sweeps"))


def spectral(graph: Graph, *, use_weights: bool = True, max_restarts: int = 1000,
             tolerance: float = 1e-10) -> np.ndarray:
    """Spectral layout (Hall 1970; Koren 2005): x and y are the Laplacian eigenvectors of the second
    and third smallest eigenvalues, as networkx's ``spectral_layout``, each oriented so its largest
    entry is positive and scaled to a mean tie length of 1. Direction is ignored, parallel ties add
    their weights (``use_weights``), self-loops are dropped. Each component is laid out on its own
    and the pieces packed. Components up to 200 nodes are solved densely, larger ones by restarted
    Lanczos to the relative residual ``tolerance``; RuntimeError if it does not converge."""
    return _core.spectral_layout(core_graph(graph), bool(use_weights), _int32(max_restarts, "max_restarts"),
                                 float(tolerance))


def auto(graph: Graph, *, seed: int = 0, progress=False) -> np.ndarray:
    """The layout :func:`essnet.draw` (and ``essnet draw`` on the command line) uses when none is
    given: stress for the global shape, then ForceAtlas2 for the neighbourhoods.

    Each connected component starts from full stress (:func:`stress`, up to 2000 nodes) or landmark
    stress (above: up to 300 landmarks, fewer when their distances would pass 100 MB). It is
    centred, scaled to where ForceAtlas2's attraction and repulsion balance, and shaken by a quarter
    of a tie so that nodes sharing a place come apart. It then takes ForceAtlas2 steps with Gephi's
    settings, at most 100: after each step the scale-normalised stress is measured from 200 random
    sources, and the run stops before the first step that raises it above the start's by more than
    a quarter of the gap between the start's stress and 0.2. A component the plane fits well (a
    mesh, a road network) is polished long; a small-world one, whose start is near 0.2 already,
    takes a few steps. Last, it is scaled so that its drawn distances best fit its hop distances,
    and the pieces are packed. The stress start keeps hop distances (low scale-normalised stress),
    the ForceAtlas2 steps draw each node among its neighbours (high neighbourhood preservation).
    The same seed gives the same positions on any number of threads. The choice may improve
    between versions; name a layout for positions that must stay the same.
    O((k + 200) (n + m) + steps (200 n + n log n + m)) time and O((k + 200) n) memory for k
    landmarks."""
    return _run(_core.auto_layout, "layout", progress, core_graph(graph), _seed(seed))


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
