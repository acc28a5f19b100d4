"""GraphML and GEXF: read and write, as a stream."""

from __future__ import annotations

import os

from . import _core
from ._network import ActorNetwork, core_network_of


def read_graphml(path: str | os.PathLike) -> ActorNetwork:
    """Read a GraphML file (as networkx, igraph, graph-tool, Gephi or yEd write it).

    Time O(file size + n + m), one pass over the text; memory O(n + m) for what it returns.

    Node ids become actor ids and edges ties. Typed ``<key>`` attributes named name, kind,
    country, region and founded fill the actor fields (``label``, as Gephi writes it, or yEd's
    node label gives the name when there is no ``name``); relation, weight, start_year, end_year
    and provenance fill the tie fields; every other attribute becomes an extra text column, its
    value as written. An edge's ``directed`` attribute, or the graph's ``edgedefault`` (undirected
    when absent), gives each tie's direction. Graph-level data and graphics are not kept.

    Raises
    ------
    essnet.ParseError
        Malformed XML, a ``<!DOCTYPE>`` (refused: no entity is ever expanded or fetched), a repeated
        node id, an edge naming an unknown node, a value that does not fit its key's type, nested
        graphs or hyperedges; ``file``, ``line`` and ``column`` say where.
    FileNotFoundError, OSError
        The file cannot be read.
    """
    return ActorNetwork(_core_network=_core.read_graphml(os.fspath(path)))


def write_graphml(network_or_graph, path: str | os.PathLike, *, node_data=None) -> None:
    """Write an ActorNetwork (or a Graph: one node per graph node, edges with their weights) as
    GraphML that networkx, igraph, graph-tool, Gephi and yEd read.

    Time O(n + m); the file is written to a temporary name and renamed, so a failed write leaves no half-written file.

    Every actor and tie field that holds a value is written as a typed key; extra columns are
    typed boolean, long, double or string, the narrowest that holds all their values. The
    direction is the graph's ``edgedefault``, with ``directed="false"`` on the undirected ties of a
    network that mixes both (networkx refuses such a file: it reads networks of one direction).
    The file is written under a temporary name and renamed, so an interrupted write leaves no
    partial file, and a file it replaces keeps its permissions.

    ``node_data``: computed columns written as node attributes, typed by their values (boolean,
    integer, real or text; numbers read back equal), missing values left out: a DataFrame indexed by
    node id, such as ``g.frame(betweenness=bc, community=p.membership)``, or a dict of arrays aligned
    with ``g.nodes`` (actor order for a network). A Graph selected from a network writes each node
    with its actor's name (the label) and fields.

    Raises
    ------
    ValueError
        A value holds a control character that XML 1.0 cannot represent.
    OSError
        The file cannot be written.
    """
    _core.write_graphml(core_network_of(network_or_graph, node_data), os.fspath(path))


def read_gexf(path: str | os.PathLike) -> ActorNetwork:
    """Read a GEXF file (1.1draft, 1.2draft or 1.3, as Gephi and networkx write it).

    Time O(file size + n + m), one pass over the text; memory O(n + m) for what it returns.

    Node ids become actor ids and labels names; edges become ties, directed by their ``type`` or the
    graph's ``defaultedgetype`` ("mutual" is read as undirected). Attributes titled kind, country,
    region and founded fill the actor fields, relation, start_year, end_year and provenance the tie
    fields, and every other attribute becomes an extra text column. A tie's relation is its
    "relation" attribute, else its ``kind``, else its label. An edge's ``start`` and ``end`` (years,
    or dates whose year is kept) are the tie's years; an edge with several spells becomes one tie
    per spell. Node times and viz: data are not kept.

    Raises
    ------
    essnet.ParseError
        Malformed XML, a ``<!DOCTYPE>``, a repeated node id, an edge naming an unknown node, a value
        that does not fit its attribute's type, nested nodes; ``file``, ``line`` and ``column`` say where.
    FileNotFoundError, OSError
        The file cannot be read.
    """
    return ActorNetwork(_core_network=_core.read_gexf(os.fspath(path)))


def write_gexf(network_or_graph, path: str | os.PathLike, *, node_data=None, version: str = "1.2draft") -> None:
    """Write an ActorNetwork (or a Graph) as GEXF for Gephi, with tie years on its timeline.

    Time O(n + m); the file is written to a temporary name and renamed, so a failed write leaves no half-written file.

    When any tie has a year the graph is dynamic (``timeformat="integer"``): each tie's start_year
    and end_year are its edge's ``start`` and ``end``, so the network plays on Gephi's timeline.
    A network that mixes directed and undirected ties is a directed graph whose undirected ties are
    ``type="mutual"`` edges in 1.2draft (networkx reads each as two arcs) and ``type="undirected"``
    in 1.3; essnet reads both back as undirected ties.
    Names are node labels (an actor without a name has none, so Gephi shows its id); relations are
    edge labels and a "relation" attribute; the other fields and extra columns are typed attributes.
    ``version``: "1.2draft" (the default, which Gephi and networkx both read) or "1.3" (which
    Gephi 0.9 and later read). Written under a temporary name, then renamed.

    ``node_data``: computed columns written as node attributes, typed by their values (boolean,
    integer, real or text; numbers read back equal), missing values left out: a DataFrame indexed by
    node id, such as ``g.frame(betweenness=bc, community=p.membership)``, or a dict of arrays aligned
    with ``g.nodes`` (actor order for a network). A Graph selected from a network writes each node
    with its actor's name (the label) and fields.

    Raises
    ------
    ValueError
        An unknown version, or a value with a control character that XML 1.0 cannot represent.
    OSError
        The file cannot be written.
    """
    _core.write_gexf(core_network_of(network_or_graph, node_data), os.fspath(path), version)
