"""JSON node-link (networkx node_link_data, d3)."""

from __future__ import annotations

import os

from . import _core
from ._network import ActorNetwork, core_network_of


def read_json(path: str | os.PathLike) -> ActorNetwork:
    """Read a network from a JSON node-link file, as networkx's ``node_link_data`` and d3 write it.

    Time O(file size + n + m), one pass over the text; memory O(n + m) for what it returns.

    The top level is an object with a ``"nodes"`` array and a ``"links"`` array (``"edges"``, as
    networkx 3.4 names it, is read the same); ``"directed"`` (false when absent, as networkx and d3
    read it) gives the direction of links without a ``"directed"`` key of their own; ``"graph"``
    and other top-level keys are skipped. Keys may come in any order.

    Nodes: ``id`` (required, unique: a string, or a number as written, so ``7`` is the actor
    ``"7"``) is the actor id; ``name``, ``kind``, ``country``, ``region`` and ``founded`` (an
    integer year or null) are actor fields; any other key is an extra actor column.
    Links: ``source`` and ``target`` name node ids (not indices into the nodes, so a d3 file
    needs ids, as d3-force reads them with ``.id(d => d.id)``); ``relation``, ``weight`` (a finite non-negative
    number, 1 when absent or null), ``start_year``, ``end_year`` (integer years or null),
    ``provenance`` and ``directed`` (true, false or null) are tie fields; ``key`` (the networkx
    multigraph key) is skipped, since parallel links are always kept as separate ties; any other key
    is an extra tie column.

    Extra columns (and text fields) hold text: strings as they are, numbers as written (``2.50``
    stays ``"2.50"``; ids too, so ``1`` and ``1.0`` are two nodes, where networkx sees one),
    booleans as ``"true"``/``"false"``, null as empty (missing), arrays and objects as compact JSON
    text (``{"a":[1,2]}``).

    Parameters
    ----------
    path : str or os.PathLike
        A UTF-8 JSON file.

    Returns
    -------
    ActorNetwork
        Actors in node order, ties in link order.

    Raises
    ------
    essnet.ParseError
        Malformed input, with ``file``, ``line`` and ``column`` (from 1, counting characters) of
        the first character that cannot continue valid JSON or of the offending value: invalid
        JSON (truncated, a missing comma, a comment, invalid UTF-8), numbers too large for a double
        (``1e400``), a missing ``"nodes"`` or ``"links"``, a node without id, a duplicate id, a
        link naming an unknown node, a repeated key, a weight that is not a number or is negative,
        a year that is not an integer from -9999 to 9999, an end year before the start year, a
        ``directed`` that is not a boolean.
    FileNotFoundError, OSError
        The file cannot be read.

    See Also
    --------
    write_json
    """
    return ActorNetwork(_core_network=_core.read_json(os.fspath(path)))


def write_json(network_or_graph, path: str | os.PathLike, *, node_data=None) -> None:
    """Write a network (or a graph) as a JSON node-link file that networkx's ``node_link_graph``
    and d3 read.

    Time O(n + m); the file is written to a temporary name and renamed, so a failed write leaves no half-written file.

    ``"directed"`` is true when every tie is directed and false when none is (or there are no
    ties); when the network mixes both, it is true and every link carries its own boolean
    ``"directed"``. ``"multigraph"`` is true when two ties join the same pair of actors (ordered
    when directed); every link then has a ``"key"`` numbering the ties of its pair 0, 1, ... as
    networkx does. ``"graph"`` is ``{}``. Nodes carry ``id`` and their non-empty fields; links
    carry ``source``, ``target``, ``weight`` (always, as a float) and their non-empty fields.
    Extra columns are typed: a column whose values are all ``true``/``false`` is written as JSON
    booleans, all integers as JSON integers, all numbers as JSON numbers (networkx reads them back
    as bool, int and float); any other column, or a number column with a value not spelt as a JSON
    number (``007``, ``.5``), as strings. Missing (empty) values are left out. The file is UTF-8,
    written to a temporary name and renamed, so an interrupted write leaves no partial file.

    A :class:`Graph` is written as one node per node (its name, or its number when it has none)
    and one link per edge with its weight, directed as the graph.

    ``node_data``: computed columns written as node attributes, typed by their values (boolean,
    integer, real or text; numbers read back equal), missing values left out: a DataFrame indexed by
    node id, such as ``g.frame(betweenness=bc, community=p.membership)``, or a dict of arrays aligned
    with ``g.nodes`` (actor order for a network). A Graph selected from a network writes each node
    with its actor's name (the label) and fields.

    Parameters
    ----------
    network_or_graph : ActorNetwork or Graph
    path : str or os.PathLike
    node_data : pandas.DataFrame or dict of arrays, optional
        Computed columns written as node keys (see above).

    Notes
    -----
    The format cannot hold graph attributes, the difference between an empty value and a missing
    one (both are left out), or an extra column without any value (it is not written); reading the
    file back gives extra columns in order of first appearance.

    Raises
    ------
    ValueError
        Text that is not valid UTF-8, a negative or non-finite weight, or an extra column named as
        a node key (id, name, kind, country, region, founded) or a link key (source, target,
        relation, weight, start_year, end_year, provenance, directed, key).
    TypeError
        Not an ActorNetwork or a Graph.
    OSError
        The file cannot be written.

    See Also
    --------
    read_json
    """
    _core.write_json(core_network_of(network_or_graph, node_data), os.fspath(path))
