"""Seeded random graph generators: the same graph for the same seed on any machine and thread count.

Every generator draws from essnet's own random streams (xoshiro256**), never from a standard
library distribution, so a seed names one graph everywhere.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from . import _core
from ._args import _int32, _integer, _seed
from ._graph import Graph
from ._network import ActorNetwork


def erdos_renyi(n: int, m: int, *, directed: bool = False, seed: int = 0) -> Graph:
    """Erdős–Rényi G(n, m): uniform among simple graphs with n nodes and exactly m edges
    (networkx's ``gnm_random_graph``). Raises ValueError when m exceeds the number of node pairs."""
    return Graph(_core.erdos_renyi(_int32(n, "n"), _integer(m, "m", 0, 2**63 - 1), directed, _seed(seed)))


def barabasi_albert(n: int, m: int, *, seed: int = 0) -> Graph:
    """Barabási–Albert preferential attachment, as networkx's ``barabasi_albert_graph``: a star on
    m + 1 nodes, then each new node attaches to m distinct nodes chosen in proportion to degree.
    Raises ValueError unless 1 <= m < n."""
    return Graph(_core.barabasi_albert(_int32(n, "n"), _int32(m, "m"), _seed(seed)))


def stochastic_block_model(sizes: Sequence[int], probabilities, *, directed: bool = False,
                           seed: int = 0) -> tuple[Graph, np.ndarray]:
    """Stochastic block model: returns the graph and the block of each node (int32).

    ``probabilities[r][s]`` is the edge probability between blocks r and s (symmetric when
    undirected). No self-loops. Drawn in O(n + m) with geometric skips.
    """
    p = [[float(x) for x in row] for row in probabilities]
    graph, block = _core.stochastic_block_model([_int32(s, "sizes") for s in sizes], p, directed, _seed(seed))
    return Graph(graph), block


def lfr(n: int, *, average_degree: float = 20, max_degree: int = 50, mu: float = 0.3,
        degree_exponent: float = 2.5, community_exponent: float = 1.5, min_community: int = 20,
        max_community: int = 100, seed: int = 0) -> tuple[Graph, np.ndarray, float]:
    """LFR benchmark graph (Lancichinetti, Fortunato & Radicchi 2008).

    Returns the graph, the ground-truth community of each node (int32) and the realised mixing
    (the share of edge ends that leave their community; close to ``mu``).
    Raises ValueError for inconsistent parameters.
    """
    graph, community, mixing = _core.lfr(_int32(n, "n"), average_degree, _int32(max_degree, "max_degree"), mu,
                                         degree_exponent, community_exponent, _int32(min_community, "min_community"),
                                         _int32(max_community, "max_community"), _seed(seed))
    return Graph(graph), community, mixing


def rmat(scale: int, edge_factor: int = 16, *, a: float = 0.57, b: float = 0.19, c: float = 0.19,
         directed: bool = False, simple: bool = True, scramble: bool = True, seed: int = 0) -> Graph:
    """R-MAT / Kronecker graph with the Graph500 parameters: 2**scale nodes, edge_factor * 2**scale
    edges drawn; with ``simple`` (default) self-loops and repeated edges are removed. ``scramble``
    relabels the nodes at random, as Graph500 does. Parallel and thread-count independent."""
    return Graph(_core.rmat(_int32(scale, "scale"), _int32(edge_factor, "edge_factor"), a, b, c, directed, simple,
                            scramble, _seed(seed)))


def social_economy(num_actors: int = 1000, *, first_year: int = 1990, num_years: int = 30,
                   num_countries: int = 20, num_sectors: int = 8, events_per_year: int = 10,
                   participants_per_event: float = 12, partnerships_per_actor: float = 2,
                   memberships_per_actor: float = 1, funding_per_funder: float = 5,
                   seed: int = 0) -> ActorNetwork:
    """A synthetic social-economy network, labelled as such (names start with "Synthetic", every
    tie's provenance names the generator and seed): actors of every usual kind in several countries
    and sectors, yearly events with organisers and participants, partnerships and memberships with
    start and end years, people leading organisations, and weighted funding ties."""
    return ActorNetwork(_core_network=_core.social_economy(
        _int32(num_actors, "num_actors"), _int32(first_year, "first_year"), _int32(num_years, "num_years"),
        _int32(num_countries, "num_countries"), _int32(num_sectors, "num_sectors"),
        _int32(events_per_year, "events_per_year"), participants_per_event, partnerships_per_actor,
        memberships_per_actor, funding_per_funder, _seed(seed)))
