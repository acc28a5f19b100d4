"""Connected components."""

from __future__ import annotations

import numpy as np

from . import _core
from ._graph import Graph, core_graph


def connected_components(graph: Graph) -> np.ndarray:
    """Component of every node, aligned with ``graph.nodes`` (int32).

    Components are numbered 0, 1, ... in order of their first node, the order in which networkx's
    ``connected_components`` yields them; a directed graph gives its weakly connected components.

    Time and memory O(n + m).
    """
    membership, _sizes = _core.connected_components(core_graph(graph))
    return membership


def strongly_connected_components(graph: Graph) -> np.ndarray:
    """Strongly connected component of every node, aligned with ``graph.nodes`` (int32).

    Two nodes share a component when each reaches the other along arcs (Tarjan 1972, iterative, so
    long paths cannot overflow the stack). As sets, the components are those of networkx's
    ``strongly_connected_components``; they are numbered 0, 1, ... in order of their first node
    (networkx yields them in no documented order). An undirected graph gives its connected components.

    Time and memory O(n + m) (Tarjan, iterative).
    """
    membership, _sizes = _core.strongly_connected_components(core_graph(graph))
    return membership
