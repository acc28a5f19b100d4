"""CSV tables, edge lists and essnet snapshots (private; see essnet.io)."""

from __future__ import annotations

import os

import numpy as np

from . import _core
from ._graph import Graph
from ._network import ActorNetwork


def read_csv(actors: str | os.PathLike, ties: str | os.PathLike) -> ActorNetwork:
    """Read a network from an actor table and a tie table in CSV (RFC 4180, UTF-8).

    Time O(file size + n + m), one pass over the text; memory O(n + m) for what it returns.

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


def read_edgelist(path: str | os.PathLike, *, directed: bool = False, weighted: bool = False,
                  duplicates: str = "keep", self_loops: str = "keep") -> Graph:
    """Read a graph from a plain edge list: ``source target [weight]`` per line.

    Time O(file size + n + m), one pass over the text; memory O(n + m) for what it returns.

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


def read_edgelist_arrays(path: str | os.PathLike, *, weighted: bool = False):
    """Read an edge list file into arrays, without building a graph.

    Time O(file size + n + m), one pass over the text; memory O(n + m) for what it returns.

    Same format and errors as :func:`read_edgelist`. Returns ``(nodes, sources, targets, weights)``:
    the node names in order of first appearance, int32 arrays of node numbers, and a float64 array of
    weights (``None`` unless ``weighted``).
    """
    return _core.read_edgelist_arrays(os.fspath(path), weighted)


def save(network_or_graph, path: str | os.PathLike, *, graphs: dict | None = None) -> None:
    """Save an ActorNetwork or a Graph, and optionally named graphs with it, as an essnet snapshot:
    a versioned, checksummed binary file that :func:`load` reads at close to disk speed.

    Time and memory O(n + m); written to a temporary name and renamed.

    >>> essnet.save(net, "chantier.essnet", graphs={"partnerships": g})
    >>> net = essnet.load("chantier.essnet")

    Written under a temporary name, then renamed, so an interrupted save leaves no partial file.
    Raises OSError when the file cannot be written.
    """
    graphs = {} if graphs is None else dict(graphs)
    for name, g in graphs.items():
        if not isinstance(name, str) or not isinstance(g, Graph):
            raise TypeError(f"graphs must map names (str) to essnet.Graph, got {name!r}: {type(g).__name__}")
    if isinstance(network_or_graph, ActorNetwork):
        network, graph = network_or_graph._net, None
    elif isinstance(network_or_graph, Graph):
        network, graph = None, network_or_graph._g
    else:
        raise TypeError(f"expected an essnet.ActorNetwork or essnet.Graph, got {type(network_or_graph).__name__}")
    _core.save_snapshot(os.fspath(path), network, graph, [(k, g._g) for k, g in graphs.items()])


def _source_of(graph, main):
    """The loaded network when the saved graph was selected from it (each node names its actor row
    and that actor's id), else None: a snapshot may hold graphs of other networks."""
    if not isinstance(main, ActorNetwork):
        return None
    rows = np.asarray(graph.node_actors)
    if len(rows) != graph.num_nodes or (len(rows) and rows.max(initial=-1) >= main.num_actors):
        return None
    ids = np.asarray(main._net._actor_columns()["id"], dtype=object)
    return main if list(ids[rows]) == list(graph._node_names) else None


def load(path: str | os.PathLike, *, graphs: bool = False):
    """Load what :func:`save` saved: the ActorNetwork or Graph, or with ``graphs=True`` a pair of it
    and the dict of named graphs saved with it.

    Time O(n + m): the arrays are read back as written, with no parsing of text.

    Raises
    ------
    essnet.ParseError
        The file is not a snapshot, comes from a newer format version, is truncated, fails its
        checksum or holds inconsistent arrays (``line`` is 1, ``column`` the byte offset + 1).
    FileNotFoundError, OSError
        The file cannot be read.
    """
    network, graph, named = _core.load_snapshot(os.fspath(path))
    if network is None and graph is None:
        raise ValueError(f"{os.fspath(path)}: the snapshot holds neither a network nor a graph")
    main = ActorNetwork(_core_network=network) if network is not None else Graph(graph)
    if graphs:
        return main, {name: Graph(g, _source_of(g, main)) for name, g in named}
    return main
