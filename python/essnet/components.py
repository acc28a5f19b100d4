"""Connected components."""

from __future__ import annotations

import numpy as np

from . import _core
from ._graph import Graph, core_graph


def connected_components(graph: Graph) -> np.ndarray:
    """Component of every node, aligned with ``graph.nodes`` (int32).

    Components are numbered 0, 1, ... in order of their first node, the order in which networkx's
    ``connected_components`` yields them; a directed graph gives its weakly connected components.
    """
    membership, _sizes = _core.connected_components(core_graph(graph))
    return membership
