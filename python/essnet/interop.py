"""Conversion to and from networkx, igraph, scipy and pandas.

Field mapping, the same in both directions: node ids are actor ids (as strings); node attributes
name, kind, country, region and founded are the actor fields; edge attributes relation, weight,
start_year, end_year and provenance are the tie fields; every other attribute is an extra column,
whose text values come back typed (booleans, integers, floats or strings, the narrowest type that
holds the whole column, as the GraphML and GEXF writers do). Empty values are left out.
"""

from __future__ import annotations


from . import _core
from ._export import _text, graph_to_igraph, graph_to_networkx, graph_to_scipy, network_to_igraph, network_to_networkx
from ._network import ActorNetwork

__all__ = ["from_pandas", "from_networkx", "from_igraph", "network_to_networkx", "network_to_igraph",
           "graph_to_networkx", "graph_to_igraph", "graph_to_scipy"]

_ACTOR_FIELDS = ("name", "kind", "country", "region", "founded")
_TIE_FIELDS = ("relation", "weight", "start_year", "end_year", "provenance")


def _year(value, where: str) -> int:
    """A year by the readers' rule (-9999..9999, "2011.0" allowed, empty for none)."""
    try:
        return _core.parse_year(_text(value))
    except ValueError as e:
        raise ValueError(f"{where}: {e}") from None


def _weight(value, where: str) -> float:
    text = _text(value)
    if text == "":
        return 1.0
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{where}: weight {text!r} is not a number") from None


def _directed(value, default: bool, where: str) -> int:
    """A "directed" flag by the readers' rule (true/yes/1, false/no/0, empty for the default)."""
    try:
        return int(_core.parse_directed(_text(value), default))
    except ValueError as e:
        raise ValueError(f"{where}: {e}") from None


def _build(actor_rows: list[dict], tie_rows: list[dict], default_directed: bool) -> ActorNetwork:
    """An ActorNetwork from rows of actor and tie attributes (the mapping of this module)."""
    actor_extra = list(dict.fromkeys(k for row in actor_rows for k in row if k not in ("id",) + _ACTOR_FIELDS))
    tie_extra = list(dict.fromkeys(k for row in tie_rows for k in row
                                   if k not in ("source", "target", "directed") + _TIE_FIELDS))
    ids = [_text(r["id"]) for r in actor_rows]
    core = _core.network_from_columns(
        ids,
        [_text(r.get("name")) for r in actor_rows],
        [_text(r.get("kind")) for r in actor_rows],
        [_text(r.get("country")) for r in actor_rows],
        [_text(r.get("region")) for r in actor_rows],
        [_year(r.get("founded"), f"actor {i}: founded") for i, r in zip(ids, actor_rows)],
        [(str(k), [_text(r.get(k)) for r in actor_rows]) for k in actor_extra],
        [_text(r["source"]) for r in tie_rows],
        [_text(r["target"]) for r in tie_rows],
        [_text(r.get("relation")) for r in tie_rows],
        [_directed(r.get("directed"), default_directed, f"tie {i}") for i, r in enumerate(tie_rows)],
        [_weight(r.get("weight"), f"tie {i}") for i, r in enumerate(tie_rows)],
        [_year(r.get("start_year"), f"tie {i}: start_year") for i, r in enumerate(tie_rows)],
        [_year(r.get("end_year"), f"tie {i}: end_year") for i, r in enumerate(tie_rows)],
        [_text(r.get("provenance")) for r in tie_rows],
        [(str(k), [_text(r.get(k)) for r in tie_rows]) for k in tie_extra],
    )
    return ActorNetwork(_core_network=core)


def from_pandas(actors, ties) -> ActorNetwork:
    """An ActorNetwork from an actor DataFrame (an ``id`` column; name, kind, country, region,
    founded and any other columns optional) and a tie DataFrame (``source`` and ``target``;
    relation, directed, weight, start_year, end_year, provenance and any other columns optional),
    the tables :attr:`ActorNetwork.actors` and :attr:`ActorNetwork.ties` give. Missing values
    (None, NaN, pandas.NA) are empty, as an empty field of :func:`read_csv`: an empty weight is 1,
    an empty year is none. Other columns become extra text columns. ValueError names the row of a
    bad value.

    Time and memory O(n + m)."""
    for frame, required, what in ((actors, ["id"], "actors"), (ties, ["source", "target"], "ties")):
        missing = [c for c in required if c not in frame.columns]
        if missing:
            raise ValueError(f"{what} has no column {missing[0]!r}")
    actor_rows = actors.to_dict("records")
    tie_rows = ties.to_dict("records")
    return _build(actor_rows, tie_rows, True)


def _one_tie_per_undirected_pair(tie_rows: list[dict]) -> list[dict]:
    """In a directed graph, a tie marked directed=False stands for an undirected tie, which
    to_networkx and to_igraph give as two arcs: keep one of each such pair."""
    pending = {}
    kept = []
    for row in tie_rows:
        if row.get("directed") is not False or row["source"] == row["target"]:
            kept.append(row)
            continue
        attrs = repr(sorted((k, repr(v)) for k, v in row.items() if k not in ("source", "target")))
        back = (row["target"], row["source"], attrs)
        if pending.get(back, 0):
            pending[back] -= 1  # the second arc of a pair
            continue
        here = (row["source"], row["target"], attrs)
        pending[here] = pending.get(here, 0) + 1
        kept.append(row)
    return kept


def from_networkx(G) -> ActorNetwork:
    """An ActorNetwork from a networkx graph (Graph, DiGraph or their multigraphs), keeping node
    and edge attributes (see the module docstring). Ties are directed as the graph is; an edge
    attribute ``directed`` overrides it per tie. Multigraph keys are not kept.

    Time and memory O(n + m)."""
    actor_rows = [{**{k: v for k, v in d.items()}, "id": v_id} for v_id, d in G.nodes(data=True)]
    tie_rows = [{**d, "source": u, "target": v} for u, v, d in G.edges(data=True)]
    if G.is_directed():
        tie_rows = _one_tie_per_undirected_pair(tie_rows)
    for row in actor_rows:
        row["id"] = _text(row["id"])
    return _build(actor_rows, tie_rows, G.is_directed())


def from_igraph(g) -> ActorNetwork:
    """An ActorNetwork from an igraph Graph, keeping vertex and edge attributes. Actor ids are the
    vertex attribute ``id`` when there is one (igraph's GraphML reader keeps a file's ids there, and
    ``name`` is then the actors' names), else ``name`` (igraph's vertex names, as :meth:`to_igraph`
    writes them, with the names in ``label``), else the vertex numbers.

    Time and memory O(n + m)."""
    attributes = g.vs.attributes()
    key = "id" if "id" in attributes else "name" if "name" in attributes else None
    actor_rows = []
    for v in g.vs:
        row = {k: v[k] for k in attributes if k != key}
        if key == "name" and "label" in row:
            row["name"] = row.pop("label")
        row["id"] = _text(v[key]) if key else str(v.index)
        actor_rows.append(row)
    ids = [r["id"] for r in actor_rows]
    tie_rows = [{**e.attributes(), "source": ids[e.source], "target": ids[e.target]} for e in g.es]
    if g.is_directed():
        tie_rows = _one_tie_per_undirected_pair(tie_rows)
    return _build(actor_rows, tie_rows, g.is_directed())
