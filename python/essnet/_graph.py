"""The analytic graph type."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from . import _core, _display, _export
from ._args import _by_node, _int32


def _node_numbers(values, parameter: str) -> np.ndarray:
    a = np.asarray(values)
    if a.size == 0:
        return np.zeros(0, dtype=np.int64)
    if a.ndim != 1:
        raise ValueError(f"{parameter} must be one-dimensional, got shape {a.shape}")
    if not np.issubdtype(a.dtype, np.integer):
        raise TypeError(f"{parameter} must be integer node numbers, got dtype {a.dtype}")
    return a.astype(np.int64, copy=False)


def _node_numbers_of(ids, graph: "Graph", parameter: str) -> list[int]:
    """Node numbers of node ids of ``graph.nodes``; ValueError naming the parameter for an unknown id."""
    position = {v: i for i, v in enumerate(graph.nodes)}
    numbers = []
    for v in ids:
        if v not in position:
            raise ValueError(f"{parameter}: node {v!r} is not in the graph")
        numbers.append(position[v])
    return numbers


def core_graph(graph) -> _core.Graph:
    """The compiled graph inside an essnet.Graph; TypeError for anything else."""
    if not isinstance(graph, Graph):
        raise TypeError(f"expected an essnet.Graph, got {type(graph).__name__}")
    return graph._g


class Graph:
    """An immutable graph in compressed sparse row form.

    Made by :meth:`ActorNetwork.graph`, :func:`essnet.read_edgelist` or :meth:`Graph.from_edges`.
    Node ``i`` is ``graph.nodes[i]``; every per-node result of essnet is aligned with that order.
    An undirected edge is stored once per direction; a directed graph also keeps its in-arcs.
    """

    __slots__ = ("_g", "_network", "_path_lengths")

    def __init__(self, core: _core.Graph | None = None, network=None) -> None:
        self._g = core if core is not None else _core.Graph()
        # All shortest-path lengths, by use_weights: the graph never changes, and
        # distance_distribution and average_shortest_path_length read the same searches.
        self._path_lengths: dict = {}
        # The network the nodes' actors come from; kept only while every node names its actor row.
        self._network = network if network is not None and len(self._g.node_actors) == self._g.num_nodes else None

    @property
    def network(self):
        """The :class:`ActorNetwork` this graph was selected from (its nodes are that network's
        actors), or None for a graph read from an edge list, generated or built from arrays. Writers
        use it to label the nodes with the actors' names and fields, and :func:`essnet.draw` to
        colour by an actor column."""
        return self._network

    @classmethod
    def from_edges(
        cls,
        sources: Sequence[int] | np.ndarray,
        targets: Sequence[int] | np.ndarray,
        weights: Sequence[float] | np.ndarray | None = None,
        *,
        num_nodes: int | None = None,
        nodes: Sequence[str] | None = None,
        directed: bool = False,
        duplicates: str = "keep",
        self_loops: str = "keep",
    ) -> Graph:
        """Build a graph from edge arrays of node numbers 0..num_nodes-1.

        Parameters
        ----------
        sources, targets : array-like of int
            Endpoints of each edge.
        weights : array-like of float, optional
            Edge weights (finite, non-negative); the graph is unweighted without them.
        num_nodes : int, optional
            Number of nodes; by default ``len(nodes)`` or one more than the largest endpoint.
        nodes : sequence of str, optional
            External ids of the nodes.
        directed : bool, default False
        duplicates : {"keep", "sum", "max"}, default "keep"
            Keep parallel edges, or merge them summing or taking the largest weight.
        self_loops : {"keep", "drop"}, default "keep"

        Raises
        ------
        ValueError
            Arrays of different lengths, a negative or NaN weight, an unknown policy.
        IndexError
            An endpoint outside 0..num_nodes-1.
        """
        s = _node_numbers(sources, "sources")
        t = _node_numbers(targets, "targets")
        if num_nodes is None:
            if nodes is not None:
                num_nodes = len(nodes)
            else:
                num_nodes = int(max(s.max(initial=-1), t.max(initial=-1))) + 1
        if len(s) != len(t):
            raise ValueError(f"sources and targets must have the same length, got {len(s)} and {len(t)}")
        if num_nodes > np.iinfo(np.int32).max:
            raise ValueError(f"num_nodes must be below 2**31, got {num_nodes}")
        for name, a in (("sources", s), ("targets", t)):
            if a.size and (a.min() < 0 or a.max() >= num_nodes):
                bad = a[(a < 0) | (a >= num_nodes)][0]
                raise IndexError(f"{name}: node {bad} is not in 0..{num_nodes - 1}")
        w = None if weights is None else np.ascontiguousarray(weights, dtype=np.float64)
        names = None if nodes is None else [str(n) for n in nodes]
        return cls(
            _core.Graph._from_edges(
                num_nodes, s.astype(np.int32), t.astype(np.int32), w, directed, duplicates, self_loops, names
            )
        )

    @property
    def nodes(self) -> list:
        """External id of each node (actor ids, edge-list tokens), or 0..n-1 when unnamed."""
        names = self._g._node_names
        return names if names or self._g.num_nodes == 0 else list(range(self._g.num_nodes))

    @property
    def num_nodes(self) -> int:
        return self._g.num_nodes

    @property
    def num_edges(self) -> int:
        return self._g.num_edges

    @property
    def directed(self) -> bool:
        return self._g.directed

    @property
    def weighted(self) -> bool:
        return self._g.weighted

    @property
    def edges(self) -> tuple[np.ndarray, np.ndarray]:
        """(sources, targets) of every edge, as node numbers, in edge-id order."""
        return self._g.sources, self._g.targets

    @property
    def weights(self) -> np.ndarray:
        """Weight of every edge (all ones when unweighted)."""
        return self._g.weights

    @property
    def edge_rows(self) -> np.ndarray:
        """Row of the tie (or input edge) each edge came from."""
        return self._g.edge_rows

    @property
    def node_actors(self) -> np.ndarray:
        """Actor row of each node, for graphs selected from an ActorNetwork (empty otherwise)."""
        return self._g.node_actors

    def subgraph(self, nodes) -> Graph:
        """The subgraph induced by ``nodes`` (ids of ``graph.nodes``), in the order given, with every
        edge between two of them (weights and rows kept, in this graph's edge order). An unnamed
        graph's node numbers become their decimal strings. ValueError for an unknown or repeated id."""
        return Graph(_core.induced_subgraph(self._g, _node_numbers_of(nodes, self, "nodes")), self._network)

    def neighbors(self, node: int, direction: str = "out") -> np.ndarray:
        """Neighbours of node number ``node`` (``direction`` "out" or "in"), sorted."""
        node = _int32(node, "node")
        if direction == "out":
            return self._g.out_neighbors(node)
        if direction == "in":
            return self._g.in_neighbors(node)
        raise ValueError(f"direction must be 'out' or 'in', got {direction!r}")

    @property
    def memory_bytes(self) -> int:
        """Bytes held by the graph's arrays (names excluded)."""
        return self._g.memory_bytes

    def frame(self, **columns: Any):
        """A pandas DataFrame indexed by node id with the given per-node arrays as columns: arrays
        and lists in node order, or pandas Series indexed by node id (one value for every node).

        >>> g.frame(degree=essnet.degree(g), component=essnet.connected_components(g))
        """
        import pandas as pd

        aligned = {}
        for name, values in columns.items():
            values = _by_node(values, self, name)  # a Series by node id; anything else in node order
            if len(values) != self.num_nodes:
                raise ValueError(f"{name}: expected {self.num_nodes} values (one per node), got {len(values)}")
            aligned[name] = np.asarray(values)
        return pd.DataFrame(aligned, index=pd.Index(self.nodes, name="id"))

    def to_networkx(self, *, node_data=None):
        """The graph as a networkx Graph or DiGraph (MultiGraph or MultiDiGraph when it has parallel
        edges), nodes named as ``graph.nodes``, with a ``weight`` on each edge when weighted.
        ``node_data``: computed columns to attach as node attributes, a DataFrame indexed by node id
        (``graph.frame(...)``) or a dict of arrays aligned with ``graph.nodes``; missing values
        (NaN, None) are left out."""
        return _export.graph_to_networkx(self, node_data)

    def to_igraph(self, *, node_data=None):
        """The graph as an igraph Graph, vertex ``name`` the node ids, ``weight`` when weighted;
        ``node_data`` as :meth:`to_networkx` (missing values are None)."""
        return _export.graph_to_igraph(self, node_data)

    def to_scipy(self):
        """The adjacency matrix as a scipy CSR array (n x n, float64): the sum of the weights of the
        edges from row to column (1 per edge when unweighted), symmetric when undirected, a
        self-loop once on the diagonal, as networkx's ``to_scipy_sparse_array``."""
        return _export.graph_to_scipy(self)

    def _display_names(self, numbers) -> list[str]:
        """Node ids, with the actor's name beside it when the graph has a network, for displays."""
        nodes = self.nodes
        if self._network is None:
            return [str(nodes[i]) for i in numbers]
        names = self._network._net._actor_columns()["name"]
        rows = self.node_actors
        out = []
        for i in numbers:
            name = names[rows[i]]
            out.append(f"{name} ({nodes[i]})" if name and name != nodes[i] else str(nodes[i]))
        return out

    def _repr_html_(self) -> str:
        """Size, direction, weights, degrees and the best-connected nodes, bounded in size."""
        n, m = self.num_nodes, self.num_edges
        s, t = self.edges
        degree = np.bincount(s, minlength=n) + np.bincount(t, minlength=n)
        pairs = n * (n - 1) if self.directed else n * (n - 1) / 2
        facts = [("nodes", n), ("edges", m), ("directed", self.directed), ("weighted", self.weighted),
                 ("density", m / pairs if pairs else float("nan")), ("self-loops", int(np.count_nonzero(s == t))),
                 ("isolated nodes", int(np.count_nonzero(degree == 0)))]
        if n:
            facts += [("degree min / mean / max", f"{degree.min()} / {degree.mean():.3g} / {degree.max()}")]
        if self._network is not None:
            facts.append(("selected from", repr(self._network)))
        top = np.argsort(-degree, kind="stable")[: _display.ROWS]
        rows = [[name, int(degree[i])] for name, i in zip(self._display_names(top), top)]
        tables = [_display.table("largest degrees (in + out)" if self.directed else "largest degrees",
                                 ["node", "degree"], rows, total=n)] if n else []
        return _display.summary(repr(self), facts, tables)

    def __repr__(self) -> str:
        kind = "directed" if self.directed else "undirected"
        weighted = ", weighted" if self.weighted else ""
        return f"<essnet.Graph {kind}{weighted}, {self.num_nodes} nodes, {self.num_edges} edges>"
