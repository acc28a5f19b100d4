"""essnet: graph analytics for social-economy networks.

Load a network of actors (organisations, networks, public and international bodies, funders,
events, people) and their typed, dated ties; select a graph from it; compute measures that come back
as numpy arrays aligned with ``graph.nodes``.

>>> import essnet
>>> net = essnet.datasets.chantier()
>>> g = net.graph(years=(2009, 2012), directed=False)
>>> deg = essnet.degree(g)
"""

from . import _core, datasets, generate
from ._core import Cancelled, ParseError, usual_kinds, usual_relations
from ._graph import Graph
from ._network import ActorNetwork
from .centrality import betweenness, closeness, degree, edge_betweenness, harmonic
from .components import connected_components
from .io import parse_edgelist, read_csv, read_edgelist

__version__ = _core.__version__

__all__ = [
    "ActorNetwork",
    "Cancelled",
    "Graph",
    "ParseError",
    "betweenness",
    "closeness",
    "connected_components",
    "datasets",
    "parse_edgelist",
    "degree",
    "edge_betweenness",
    "generate",
    "harmonic",
    "read_csv",
    "read_edgelist",
    "usual_kinds",
    "usual_relations",
]
