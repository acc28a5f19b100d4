"""The actor network: actors and their typed, dated ties."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from . import _core, _display, _export, _node_data
from ._args import _by_node
from ._graph import Graph

_NO_YEAR = np.iinfo(np.int32).min
_MIN_YEAR, _MAX_YEAR = -9999, 9999


def _years(values: np.ndarray):
    import pandas as pd

    missing = values == _NO_YEAR
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype(np.int32), missing)


def _categorical(column: dict):
    import pandas as pd

    return pd.Categorical.from_codes(column["codes"], categories=column["categories"])


def _labels(values, parameter: str):
    if values is None:
        return None
    if isinstance(values, str):
        return [values]
    values = list(values)
    for v in values:
        if not isinstance(v, str):
            raise TypeError(f"{parameter} must be strings, got {v!r}")
    return values


def _year(value, default: int, parameter: str) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{parameter} must be an integer year or None, got {value!r}")
    if not _MIN_YEAR <= int(value) <= _MAX_YEAR:
        raise ValueError(f"{parameter} must be a year from {_MIN_YEAR} to {_MAX_YEAR}, got {value}")
    return int(value)


def _year_window(years):
    """A year or a (first, last) pair, either end None for open, as the (first, last) C++ takes."""
    if years is None:
        return None
    if isinstance(years, (tuple, list)):
        if len(years) != 2:
            raise ValueError(f"years must be a year or a (first, last) pair, got {years!r}")
        return (_year(years[0], _MIN_YEAR, "years[0]"), _year(years[1], _MAX_YEAR, "years[1]"))
    year = _year(years, 0, "years")
    return (year, year)


class ActorNetwork:
    """Actors (organisations, networks, public and international bodies, funders, events, people) and
    their typed, dated ties.

    Read one with :func:`essnet.read_csv`, load the bundled one with
    :func:`essnet.datasets.chantier`, or build one with :meth:`add_actor` and :meth:`add_tie`.
    Select a :class:`Graph` from it with :meth:`graph`.
    """

    __slots__ = ("_net",)

    def __init__(
        self,
        extra_actor_columns: Sequence[str] = (),
        extra_tie_columns: Sequence[str] = (),
        *,
        _core_network: _core.ActorNetwork | None = None,
    ) -> None:
        if _core_network is not None:
            self._net = _core_network
        else:
            self._net = _core.ActorNetwork(list(extra_actor_columns), list(extra_tie_columns))

    @property
    def num_actors(self) -> int:
        return self._net.num_actors

    @property
    def num_ties(self) -> int:
        return self._net.num_ties

    def add_actor(self, id: str, *, name: str = "", kind: str = "", country: str = "", region: str = "",
                  founded: int | None = None, **extra: str) -> int:
        """Add an actor; returns its row. Extra keyword arguments fill declared extra columns.

        Raises ValueError for an empty or duplicate id or an undeclared extra column.
        """
        return self._net.add_actor(id, name=name, kind=kind, country=country, region=region, founded=founded, **extra)

    def add_tie(self, source: str, target: str, *, relation: str = "", directed: bool = True, weight: float = 1.0,
                start_year: int | None = None, end_year: int | None = None, provenance: str = "", **extra: str) -> int:
        """Add a tie between two existing actors; returns its row.

        Raises IndexError for an unknown actor id, ValueError for a negative or NaN weight or an end
        year before the start year.
        """
        return self._net.add_tie(source, target, relation=relation, directed=directed, weight=weight,
                                 start_year=start_year, end_year=end_year, provenance=provenance, **extra)

    @property
    def actors(self):
        """The actor table as a pandas DataFrame, one row per actor (the row is the actor's index):
        id, name, kind, country, region (categorical), founded (nullable Int32) and extra columns."""
        import pandas as pd

        c = self._net._actor_columns()
        data = {
            "id": c["id"],
            "name": c["name"],
            "kind": _categorical(c["kind"]),
            "country": _categorical(c["country"]),
            "region": _categorical(c["region"]),
            "founded": _years(c["founded"]),
        }
        data.update(c["extra"])
        return pd.DataFrame(data)

    @property
    def ties(self):
        """The tie table as a pandas DataFrame, one row per tie: source, target (actor ids),
        relation (categorical), directed (bool), weight (float), start_year, end_year (nullable
        Int32), provenance and extra columns."""
        import pandas as pd

        c = self._net._tie_columns()
        data = {
            "source": c["source"],
            "target": c["target"],
            "relation": _categorical(c["relation"]),
            "directed": c["directed"].astype(bool),
            "weight": c["weight"],
            "start_year": _years(c["start_year"]),
            "end_year": _years(c["end_year"]),
            "provenance": c["provenance"],
        }
        data.update(c["extra"])
        return pd.DataFrame(data)

    def graph(
        self,
        relations: Sequence[str] | str | None = None,
        kinds: Sequence[str] | str | None = None,
        years: int | tuple[int, int] | None = None,
        directed: bool | None = None,
        weight: str | None = None,
        duplicates: str = "keep",
        self_loops: str = "keep",
    ) -> Graph:
        """Select a graph.

        Parameters
        ----------
        relations : str or list of str, optional
            Relations to keep (all by default; an empty list keeps none).
        kinds : str or list of str, optional
            Kinds of actor to keep as nodes (all by default; an empty list keeps none); a tie is
            kept when both ends are.
        years : int or (first, last), optional
            Keep ties active in that year or window: start_year <= last and (no end_year or
            end_year >= first); ``None`` for either end leaves it open. Undated ties are left out
            of a year selection.
        directed : bool, optional
            By default directed when every tie of the network is directed (the same for every
            selection from one network). In a directed graph an undirected tie becomes two edges,
            one each way, so it counts twice in in + out degree.
        weight : str, optional
            "weight" or an extra numeric tie column; unweighted by default.
        duplicates : {"keep", "sum", "max"}, default "keep"
            Parallel ties between the same actors: keep them all, or merge them.
        self_loops : {"keep", "drop"}, default "keep"

        Notes
        -----
        Nodes are the kept actors in actor order (isolated actors included).

        Raises
        ------
        ValueError
            An unknown relation, kind or weight column (the message names the parameter and lists
            the known values), a year window whose first year is after its last.
        """
        return Graph(self._net.graph(
            _labels(relations, "relations"), _labels(kinds, "kinds"), _year_window(years), directed, weight,
            duplicates, self_loops,
        ), self)

    def graphs_by_relation(self, relations: Sequence[str] | None = None, **selection) -> dict[str, Graph]:
        """One graph per relation (the layers of a multiplex network), all on the same nodes and with
        the same direction: ``{relation: graph}`` in order of first appearance among the ties.
        ``relations`` picks some (all by default); other arguments as :meth:`graph`. Feed it to
        :func:`essnet.leiden_multiplex`."""
        if relations is None:
            relations = list(dict.fromkeys(self.ties["relation"].dropna().tolist()))
        if "directed" not in selection or selection["directed"] is None:
            selection["directed"] = self.graph(relations=[]).directed  # one direction for every layer
        return {r: self.graph(relations=[r], **selection) for r in relations}

    def to_networkx(self, *, node_data=None):
        """The network as a networkx MultiDiGraph (a MultiGraph when no tie is directed), node and
        edge attributes included (see :mod:`essnet.interop`). A network that mixes directed and
        undirected ties gives each undirected tie as two arcs with ``directed=False``.
        ``node_data``: computed columns to add as node attributes, a DataFrame indexed by actor id or
        a dict of arrays in actor order; missing values (NaN, None) are left out."""
        return _export.network_to_networkx(self, node_data)

    def to_igraph(self, *, node_data=None):
        """The network as an igraph Graph: vertex ``name`` the actor id, ``label`` its name, other
        fields and columns as vertex and edge attributes (undirected when no tie is directed; in a
        mixed network each undirected tie is two arcs with ``directed`` False). ``node_data`` as
        :meth:`to_networkx` (missing values are None)."""
        return _export.network_to_igraph(self, node_data)

    def frame(self, **columns):
        """A pandas DataFrame indexed by actor id with the given per-actor values as columns: arrays
        in actor order, or Series indexed by actor id (one value for every actor), as
        :meth:`Graph.frame` does for a graph's nodes; pass it as ``node_data=`` to a writer."""
        import pandas as pd

        ids = self._net._actor_columns()["id"]
        actors = _Ids(ids)
        aligned = {}
        for name, values in columns.items():
            values = np.asarray(_by_node(values, actors, name))
            if values.shape != (len(ids),):
                raise ValueError(f"{name}: expected {len(ids)} values (one per actor), got shape {values.shape}")
            aligned[name] = values
        return pd.DataFrame(aligned, index=pd.Index(ids, name="id"))

    def __repr__(self) -> str:
        return f"<essnet.ActorNetwork {self.num_actors} actors, {self.num_ties} ties>"

    def _repr_html_(self) -> str:
        """Counts by kind, country, relation and year, bounded in size whatever the network's."""
        a, t = self._net._actor_columns(), self._net._tie_columns()
        directed = int(np.count_nonzero(t["directed"]))
        start = t["start_year"]
        dated = start != _NO_YEAR
        facts = [("actors", self.num_actors), ("ties", self.num_ties),
                 ("directed ties", directed), ("undirected ties", self.num_ties - directed),
                 ("countries", len(a["country"]["categories"])), ("dated ties", int(np.count_nonzero(dated)))]
        extra = list(a["extra"])
        if extra:
            more = " ..." if len(extra) > _display.ROWS else ""
            facts.append(("extra actor columns", ", ".join(extra[: _display.ROWS]) + more))
        tables = [_display.table("actors by kind", ["kind", "actors"], _category_counts(a["kind"])),
                  _display.table("actors by country", ["country", "actors"], _category_counts(a["country"])),
                  _display.table("ties by relation", ["relation", "ties"], _category_counts(t["relation"])),
                  _display.table("ties by start year", ["years", "ties"], _year_counts(start),
                                 limit=_display.ROWS + 1)]
        return _display.summary(repr(self), facts, tables)


class _Ids:
    """The actor ids as the ``nodes`` that essnet's per-node argument checks align values with."""

    def __init__(self, nodes: list) -> None:
        self.nodes = nodes


def _category_counts(column: dict) -> list[list]:
    """[value, count] rows of a categorical column, largest first, empty values as "(none)"."""
    codes = np.asarray(column["codes"])
    k = len(column["categories"])
    counts = np.bincount(codes[codes >= 0], minlength=k)
    rows = [[column["categories"][i], int(counts[i])] for i in np.argsort(-counts, kind="stable")]
    missing = int(np.count_nonzero(codes < 0))
    return rows + ([["(none)", missing]] if missing else [])


def _year_counts(years: np.ndarray) -> list[list]:
    """[years, count] rows in year order, at most ROWS of them: each year that has ties, or equal
    spans of years when there are more; undated last."""
    dated = years[years != _NO_YEAR]
    rows = []
    distinct, counts = np.unique(dated, return_counts=True)
    if 0 < len(distinct) <= _display.ROWS:
        rows = [[str(int(y)), int(c)] for y, c in zip(distinct, counts)]
    elif dated.size:
        first, last = int(dated.min()), int(dated.max())
        width = max(1, -(-(last - first + 1) // _display.ROWS))
        counts = np.bincount((dated - first) // width)
        for i, c in enumerate(counts):
            if c:
                lo, hi = first + i * width, min(first + (i + 1) * width - 1, last)
                rows.append([str(lo) if lo == hi else f"{lo}-{hi}", int(c)])
    if dated.size < years.size:
        rows.append(["undated", int(years.size - dated.size)])
    return rows


def core_network_of(network_or_graph, node_data=None) -> _core.ActorNetwork:
    """The compiled network a writer writes: an ActorNetwork's own, or a Graph's as network_of makes
    it (one actor per node with the fields of its actor when the graph came from a network, one tie
    per edge with its weight), with the ``node_data`` columns added as extra actor columns."""
    if isinstance(network_or_graph, ActorNetwork):
        net, ids = network_or_graph._net, None
    elif isinstance(network_or_graph, Graph):
        source = network_or_graph.network
        net = _core.network_of(network_or_graph._g, None if source is None else source._net)
        ids = network_or_graph.nodes
    else:
        raise TypeError(f"expected an essnet.ActorNetwork or essnet.Graph, got {type(network_or_graph).__name__}")
    if node_data is None:
        return net
    if ids is None:
        ids = net._actor_columns()["id"]
    names, values = _node_data.as_text(node_data, ids)
    try:
        return _core.with_actor_columns(net, names, values)
    except ValueError as e:
        raise ValueError(f"node_data: {e}") from None
