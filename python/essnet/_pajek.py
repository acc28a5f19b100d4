"""Pajek .net files (private; see essnet.io)."""

from __future__ import annotations

import os

from . import _core
from ._network import ActorNetwork, core_network_of


def read_pajek(path: str | os.PathLike) -> ActorNetwork:
    """Read a network from a Pajek ``.net`` file.

    Time O(file size + n + m), one pass over the text; memory O(n + m) for what it returns.

    Read: ``*Vertices n`` (required) with vertex lines ``number label ...`` (labels quoted or
    not; coordinates, shape and drawing parameters after the label are ignored; a vertex without
    a label takes its number); ``*Vertices n n1`` for two-mode networks; ``*Arcs`` and ``*Edges``
    (``from to [weight]``, weight 1 by default), ``*Arcslist``, ``*Edgeslist`` and ``*Matrix``;
    relations named by the section header, as in ``*Arcs :2 "advice"``. Section names are
    case-insensitive; ``%`` starts a comment line. Files are UTF-8.

    Kept
    ----
    Actor ids are the vertex labels, in vertex order; a two-mode file adds an extra actor column
    ``mode`` holding ``"1"`` or ``"2"``. Each tie keeps its ends, weight, direction (``*Arcs``,
    ``*Arcslist`` and a one-mode ``*Matrix`` are directed; ``*Edges``, ``*Edgeslist`` and a two-mode
    ``*Matrix`` are not) and relation (the section's label, or its number when it has none; empty
    without ``:k``). Pajek holds no names, kinds, years or provenance: those stay empty.

    Raises
    ------
    essnet.ParseError
        Malformed input: no ``*Vertices``, a vertex number out of range, a duplicate label, a
        non-numeric field, a negative, infinite or NaN weight, an unknown section...; ``file``,
        ``line`` and ``column`` say where.
    FileNotFoundError, OSError
        The file cannot be read.
    """
    return ActorNetwork(_core_network=_core.read_pajek(os.fspath(path)))


def write_pajek(network_or_graph, path: str | os.PathLike) -> None:
    """Write a network (or a graph) as a Pajek ``.net`` file.

    Time O(n + m); the file is written to a temporary name and renamed, so a failed write leaves no half-written file.

    Written: ``*Vertices n`` and one line ``number "id"`` per actor (``*Vertices n n1`` when the
    actors have a ``mode`` column of ``"1"`` then ``"2"`` values); then the ties without a
    relation under plain ``*Arcs`` / ``*Edges``, and those of each named relation under
    ``*Arcs :k "relation"`` / ``*Edges :k "relation"``, with weights (only when some weight is not
    1) written so that they read back exactly. The file is written to a temporary name and renamed,
    so an interrupted write never leaves a half-written file.

    Not written, because Pajek cannot hold them: names, kinds, countries, regions, founded years,
    tie years, provenance and extra columns (other than ``mode``); ties are grouped by relation and
    direction. Pajek has no escape character: a double quote in an id or a relation is written as
    an apostrophe, a line break as a space.

    networkx's ``read_pajek`` reads the one-mode files with a single tie section (one direction,
    one relation) and no backslash in an id (it reads lines as shell words, which take a
    backslash as an escape); igraph's ``Graph.Read_Pajek`` reads those without relation labels.

    Raises
    ------
    ValueError
        Two actor ids become the same label once quotes and line breaks are replaced.
    TypeError
        The first argument is neither an ActorNetwork nor a Graph.
    OSError
        The file cannot be written.
    """
    _core.write_pajek(core_network_of(network_or_graph), os.fspath(path))
