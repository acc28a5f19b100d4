"""Centrality measures."""

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
