"""essnet: graph analytics for social-economy networks.

Load a network of actors (organisations, networks, public and international bodies, funders,
events, people) and their typed, dated ties; select a graph from it; compute measures that come back
as numpy arrays aligned with ``graph.nodes``.

>>> import essnet
>>> net = essnet.datasets.chantier()
>>> g = net.graph(years=(2009, 2012), directed=False)
>>> deg = essnet.degree(g)
"""

from . import _core, community, datasets, generate, sna
from ._core import Cancelled, ParseError, usual_kinds, usual_relations
from ._graph import Graph
from ._network import ActorNetwork
from .centrality import (
    approximate_betweenness,
    centralization,
    average_clustering,
    betweenness,
    closeness,
    clustering,
    coreness,
    degree,
    edge_betweenness,
    eigenvector,
    harmonic,
    hits,
    katz,
    pagerank,
    strength,
    transitivity,
    triangles,
)
from .community import (
    Consensus,
    Partition,
    adjusted_mutual_information,
    adjusted_rand_index,
    community_sizes,
    compare_partitions,
    conductance,
    consensus,
    contingency_table,
    cpm_quality,
    label_propagation,
    leiden,
    leiden_multiplex,
    louvain,
    modularity,
    normalized_mutual_information,
    partition_quality,
    rand_index,
    split_join_distance,
    variation_of_information,
)
from .components import connected_components, strongly_connected_components
from .io import parse_edgelist, read_csv, read_edgelist
from .sna import (
    assortativity,
    constraint,
    density,
    dyad_census,
    effective_size,
    efficiency,
    ei_index,
    hierarchy,
    mixing_matrix,
    reciprocity,
    structural_holes,
    triad_census,
)

__version__ = _core.__version__

__all__ = [
    "approximate_betweenness",
    "centralization",
    "average_clustering",
    "clustering",
    "coreness",
    "eigenvector",
    "hits",
    "katz",
    "pagerank",
    "strength",
    "transitivity",
    "triangles",
    "Consensus",
    "assortativity",
    "constraint",
    "density",
    "dyad_census",
    "effective_size",
    "efficiency",
    "ei_index",
    "hierarchy",
    "mixing_matrix",
    "reciprocity",
    "sna",
    "structural_holes",
    "triad_census",
    "Partition",
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
    "strongly_connected_components",
    "variation_of_information",
    "community",
    "consensus",
    "label_propagation",
    "leiden",
    "leiden_multiplex",
    "louvain",
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
