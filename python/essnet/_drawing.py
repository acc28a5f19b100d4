"""Drawings: essnet.draw maps a layout to one geometry, shown inline in Jupyter and saved as SVG,
PNG or PDF (private module; the public names are essnet.draw and essnet.Drawing)."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from . import _core, centrality
from . import layout as _layout
from ._args import _by_node, _int32, _integer, _seed
from ._graph import Graph, _node_numbers_of, core_graph
from ._network import ActorNetwork
from .community import Partition, leiden

_MEASURES = {
    "degree": centrality.degree,
    "strength": centrality.strength,
    "betweenness": centrality.betweenness,
    "closeness": centrality.closeness,
    "harmonic": centrality.harmonic,
    "pagerank": centrality.pagerank,
    "eigenvector": centrality.eigenvector,
    "coreness": centrality.coreness,
}
_LAYOUTS = {"forceatlas2": _layout.forceatlas2, "spectral": _layout.spectral, "circular": _layout.circular}


INLINE_SVG_LIMIT = 5000  # nodes; the report draws its static map as a PNG above the same number


class Drawing:
    """A drawing of a graph: shows inline in Jupyter as SVG (as PNG above 5,000 nodes); ``.svg`` is
    the text, ``.png()`` the bytes of the PNG, ``.save(path)`` writes SVG, PNG or PDF by the extension (atomically: no
    half-written file). ``.positions`` is the layout drawn, aligned with ``graph.nodes``."""

    def __init__(self, scene, positions: np.ndarray) -> None:
        self._scene = scene
        self.positions = positions

    @property
    def svg(self) -> str:
        return _core.scene_svg(self._scene)

    def _repr_svg_(self) -> str | None:
        # IPython asks for every representation; above the limit only the PNG of _repr_mimebundle_.
        return self.svg if len(self._scene.nodes) <= INLINE_SVG_LIMIT else None

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        """SVG inline, or a PNG above ``INLINE_SVG_LIMIT`` nodes, so that a notebook stays light."""
        if len(self._scene.nodes) > INLINE_SVG_LIMIT:
            return {"image/png": self.png(), "text/plain": repr(self)}
        return {"image/svg+xml": self.svg, "text/plain": repr(self)}

    def png(self) -> bytes:
        return _core.scene_png(self._scene)

    def save(self, path: str | os.PathLike) -> None:
        _core.write_drawing(self._scene, os.fspath(path))

    @property
    def labels(self) -> list[str]:
        """The label texts drawn (some are left out when they have no free place)."""
        return [label[1] for label in self._scene.labels]

    @property
    def legend(self) -> list[tuple[str, str]]:
        """The colour legend: (text, "#rrggbb") per line."""
        return list(self._scene.legend)

    def __repr__(self) -> str:
        return (f"<essnet.Drawing {self._scene.width:g}x{self._scene.height:g}: {len(self._scene.nodes)} nodes, "
                f"{len(self._scene.labels)} labels>")


def _column(network: ActorNetwork | None, graph: Graph, name: str) -> pd.Series | None:
    """An actor column of the network, per node of the graph; None when there is no such column."""
    if network is None:
        return None
    actors = network.actors
    if name not in actors.columns:
        return None
    rows = graph.node_actors
    if len(rows) == graph.num_nodes:
        return actors[name].iloc[rows].reset_index(drop=True)
    return actors.set_index("id")[name].reindex(graph.nodes).reset_index(drop=True)


def _per_node(values, graph: Graph, parameter: str):
    values = _by_node(values, graph, parameter)
    a = values.to_numpy() if isinstance(values, pd.Series) else np.asarray(values)
    if a.shape != (graph.num_nodes,):
        raise ValueError(f"{parameter} must have one value per node, shape ({graph.num_nodes},), got {a.shape}")
    return a


def _colours(color, graph, network, seed):
    """(categories, names, values, title) for the C++ scene."""
    if color is None:
        return [], [], [], ""
    title = ""
    if isinstance(color, Partition):
        membership, title = np.asarray(color.membership), "community"
        return membership.astype(np.int32).tolist(), [str(c) for c in range(int(membership.max()) + 1)], [], title
    if isinstance(color, str):
        column = _column(network, graph, color)
        if column is None and color == "community":
            return _colours(leiden(graph, seed=seed), graph, network, seed)
        if column is None:
            raise ValueError(f"color={color!r} is not an actor column of the network"
                             + ("" if network is not None else " (pass the ActorNetwork, or network=)")
                             + " nor 'community'")
        values, title = column.to_numpy(), color
    else:
        values = _per_node(color, graph, "color")
    if np.issubdtype(values.dtype, np.number) and values.dtype != bool:
        return [], [], values.astype(np.float64).tolist(), title
    codes, names = pd.factorize(pd.Series(values).replace("", np.nan))
    return codes.astype(np.int32).tolist(), [str(v) for v in names], [], title


def _sizes(size, graph, network):
    if size is None:
        return [], ""
    if isinstance(size, str):
        column = _column(network, graph, size)
        if column is not None:
            return pd.to_numeric(column, errors="coerce").to_numpy(np.float64).tolist(), size
        if size in _MEASURES:
            return np.asarray(_MEASURES[size](graph), dtype=np.float64).tolist(), size
        raise ValueError(f"size={size!r} is neither a measure ({', '.join(sorted(_MEASURES))}) nor an actor column")
    return _per_node(size, graph, "size").astype(np.float64).tolist(), ""


def _labels(label, graph, network):
    if label is None:
        names = _column(network, graph, "name")
        if names is None:
            return []
        ids = pd.Series(graph.nodes, dtype=object)
        return [str(n) if isinstance(n, str) and n else str(i) for n, i in zip(names, ids)]
    if isinstance(label, str):
        column = _column(network, graph, label)
        if column is None:
            raise ValueError(f"label={label!r} is not an actor column of the network")
        return ["" if pd.isna(v) else str(v) for v in column]
    return ["" if v is None else str(v) for v in _per_node(label, graph, "label")]


def draw(graph_or_network, pos=None, *, layout: str = "auto", color=None, size=None, label=None, labels=20,
         network: ActorNetwork | None = None, seed: int = 0, width: float = 800, height: float = 600,
         font_size: float = 11, max_antialiased_ties: int | None = 200_000, ax=None) -> Drawing:
    """Draw a network or a graph.

    Parameters
    ----------
    graph_or_network : Graph or ActorNetwork
        An ActorNetwork is drawn as ``network.graph()``; its actor columns can then be named below.
    pos : array (n, 2), optional
        Positions aligned with ``graph.nodes``; otherwise computed by ``layout``.
    layout : {"auto", "forceatlas2", "spectral", "circular"} or callable, default "auto"
        "auto" is :func:`essnet.layout.auto`; a callable takes the graph and returns positions.
    color : column name, "community", Partition, array or Series by node id, optional
        Text values (or a Partition, or "community": Leiden with ``seed``) are categories: the nine
        most frequent take Paul Tol's colour-blind-safe "muted" colours, the rest are grey ("other").
        Numbers are continuous: viridis from the smallest to the largest, NaN grey.
    size : measure name, column name, array or Series, optional
        Disc area grows with the value: a measure of essnet ("degree", "betweenness", "pagerank",
        ...) or an actor column; with a legend.
    label : column name, array or Series, optional
        Label texts; by default the actors' names (a network's "name" column), else the node ids.
    labels : int or list of node ids, default 20
        How many of the largest nodes (by ``size``, else degree) get a label, -1 for all; or exactly
        which nodes. Labels never overlap: one with no free place around its node is left out.
    network : ActorNetwork, optional
        The network whose actor columns name colours, sizes and labels; by default the one the
        Graph was selected from (``graph.network``).
    seed : int, default 0
        Seed of the layout and of "community".
    width, height, font_size : float
        Canvas size in pixels and label size.
    max_antialiased_ties : int or None, default 200_000
        A PNG of more ties draws them aliased, each at least one pixel wide with its opacity scaled
        down by its width (the same ink): about twice as fast, and at that density the same
        picture. SVG and PDF keep exact widths. None: always antialiased.
    ax : matplotlib Axes, optional
        Also draw into these Axes (matplotlib is imported only then), for composed figures.

    Notes
    -----
    Returns a :class:`Drawing`. ValueError names a bad argument.
    """
    if isinstance(graph_or_network, ActorNetwork):
        network = graph_or_network if network is None else network
        graph = graph_or_network.graph()
    elif isinstance(graph_or_network, Graph):
        graph = graph_or_network
        network = graph.network if network is None else network
    else:
        raise TypeError(f"draw takes an essnet.Graph or ActorNetwork, got {type(graph_or_network).__name__}")
    seed = _seed(seed)
    if pos is not None:
        positions = _layout._positions(pos, graph, "pos")
    elif callable(layout):
        positions = _layout._positions(layout(graph), graph, "pos")
    elif layout == "auto":
        positions = _layout.auto(graph, seed=seed)
    elif layout in _LAYOUTS:
        function = _LAYOUTS[layout]
        positions = function(graph, seed=seed) if layout == "forceatlas2" else function(graph)
    else:
        raise ValueError(f"layout must be 'auto', {', '.join(repr(k) for k in _LAYOUTS)} or a callable, got {layout!r}")
    categories, names, colour_values, colour_title = _colours(color, graph, network, seed)
    size_values, size_title = _sizes(size, graph, network)
    texts = _labels(label, graph, network)
    if isinstance(labels, (int, np.integer)):
        label_count, labelled = _int32(labels, "labels"), []
    else:
        label_count, labelled = 0, _node_numbers_of(labels, graph, "labels")
    scene = _core.make_scene(core_graph(graph), positions, float(width), float(height), categories, names,
                             colour_values, colour_title, size_values, size_title, texts, label_count, labelled,
                             float(font_size), [],
                             -1 if max_antialiased_ties is None else _integer(max_antialiased_ties,
                                                                              "max_antialiased_ties", 0, 2**62))
    drawing = Drawing(scene, positions)
    if ax is not None:
        _draw_on_axes(drawing, ax)
    return drawing


def _draw_on_axes(drawing: Drawing, ax) -> None:
    """The scene in matplotlib: ties as a LineCollection, nodes as circles, labels as text, canvas
    pixels as data units with y downwards."""
    from matplotlib.collections import LineCollection, PatchCollection, PolyCollection
    from matplotlib.patches import Circle

    scene = drawing._scene
    styles = scene.edge_styles
    # Canvas pixels at 96 per inch; matplotlib widths are in points (72 per inch).
    ax.add_collection(LineCollection(scene.edges, colors=[(0.53, 0.53, 0.53, opacity) for _, opacity, _ in styles],
                                     linewidths=[0.75 * width for width, _, _ in styles], zorder=1))
    # Arrowheads as the SVG draws them: triangles 6 tie widths long and wide, tips on the target's rim.
    heads = []
    for ((x1, y1), (x2, y2)), (width, _, arrow) in zip(scene.edges, styles):
        length = np.hypot(x2 - x1, y2 - y1)
        if arrow and length > 0:
            ux, uy, size = (x2 - x1) / length, (y2 - y1) / length, 6 * width
            bx, by = x2 - size * ux, y2 - size * uy
            heads.append([(x2, y2), (bx - size / 2 * uy, by + size / 2 * ux), (bx + size / 2 * uy, by - size / 2 * ux)])
    if heads:
        ax.add_collection(PolyCollection(heads, facecolors=[(0.53, 0.53, 0.53, 1.0)], edgecolors="none", zorder=1))
    circles = [Circle((x, y), r) for _, x, y, r, _, _ in scene.nodes]
    ax.add_collection(PatchCollection(circles, facecolors=[fill for *_, fill, _ in scene.nodes], edgecolors="white",
                                      linewidths=0.5, zorder=2))
    for _, text, x, y, *_ in scene.labels:
        ax.text(x, y, text, fontsize=scene.font_size * 0.75, family="DejaVu Sans", zorder=3)
    ax.set_xlim(0, scene.width)
    ax.set_ylim(scene.height, 0)
    ax.set_aspect("equal")
    ax.set_axis_off()
