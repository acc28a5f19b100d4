"""Readers and writers of networks and graphs."""

from __future__ import annotations

import os

from . import _core
from ._graph import Graph
from ._network import ActorNetwork


def _core_network(network_or_graph) -> _core.ActorNetwork:
    """The compiled network a writer writes: an ActorNetwork's own, or a Graph's as network_of makes
    it (one actor per node, one tie per edge with its weight)."""
    if isinstance(network_or_graph, ActorNetwork):
        return network_or_graph._net
    if isinstance(network_or_graph, Graph):
        return _core.network_of(network_or_graph._g)
    raise TypeError(f"expected an essnet.ActorNetwork or essnet.Graph, got {type(network_or_graph).__name__}")


def read_csv(actors: str | os.PathLike, ties: str | os.PathLike) -> ActorNetwork:
    """Read a network from an actor table and a tie table in CSV (RFC 4180, UTF-8).

    actors.csv needs an ``id`` column and may have name, kind, country, region, founded and any
    extra columns; ties.csv needs ``source`` and ``target`` and may have relation, directed,
    weight, start_year, end_year, provenance and extra columns.

    Raises
    ------
    essnet.ParseError
        Malformed input; ``file``, ``line`` and ``column`` say where.
    FileNotFoundError, OSError
        A file cannot be read.
    """
    return ActorNetwork(_core_network=_core.read_csv(os.fspath(actors), os.fspath(ties)))


def read_edgelist(path: str | os.PathLike, directed: bool = False, weighted: bool = False,
                  duplicates: str = "keep", self_loops: str = "keep") -> Graph:
    """Read a graph from a plain edge list: ``source target [weight]`` per line.

    Fields are separated by blanks or a comma; lines starting with ``#`` or ``%`` are comments.
    Node ids are the tokens as written, numbered in order of first appearance.

    Raises
    ------
    essnet.ParseError
        Wrong number of fields, a bad weight; ``file``, ``line`` and ``column`` say where.
    FileNotFoundError, OSError
        The file cannot be read.
    """
    return Graph(_core.read_edgelist(os.fspath(path), directed, weighted, duplicates, self_loops))


def parse_edgelist(path: str | os.PathLike, weighted: bool = False):
    """Parse an edge list into arrays, without building a graph.

    Same format and errors as :func:`read_edgelist`. Returns ``(nodes, sources, targets, weights)``:
    the node names in order of first appearance, int32 arrays of node numbers, and a float64 array of
    weights (``None`` unless ``weighted``).
    """
    return _core.parse_edgelist(os.fspath(path), weighted)
