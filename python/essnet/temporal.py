"""Time-respecting paths over the years ties are active: journeys, who can reach whom, temporal
closeness and journey betweenness, and how ties come and go.

A tie is active in every year from its ``start_year`` to its ``end_year``, both included; without an
end year it stays active. A **journey** takes each tie in a year the tie is active and arrives
``hop_years`` later (0 by default: an idea can cross several ties in one year, as in R tsna's
``tPath``, whose ``graph.step.time`` this is; 1 moves it one tie a year). It may wait at an actor for
a later tie. Directed ties are followed along their direction in a directed selection.

Ties without a start year are left out (``undated="never"``, as a year selection leaves them out);
``undated="always"`` makes them active from the start of time (up to their end year, if any).

Every function takes an :class:`~essnet.ActorNetwork` (the years live there) and the selection
arguments of :meth:`ActorNetwork.graph` that make sense here: ``relations``, ``kinds`` and
``directed`` (directed by default when every tie is). Parallel ties are kept, since their years may
differ; self-loops are dropped. Actors are given and returned by id.

Years: for forward journeys ``start`` defaults to the earliest dated year of the selected ties and
``end`` is open; for backward ones ``end`` defaults to the latest dated year plus ``hop_years`` (the
arrival of a tie taken that year) and ``start`` is open. A default never crosses a year given at the
other end: ``end=1999`` before the earliest year starts the search in 1999. With a large
``hop_years``, arrivals can fall after 9999.

Each call selects the ties and sorts them by year, O(m log m), before it searches.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _core
from ._args import _integer, _run
from ._network import ActorNetwork, _labels, _year

__all__ = ["earliest_arrival", "journey", "reachable", "closeness", "betweenness", "tie_changes", "tie_durations",
           "activity_spells"]


def _temporal_graph(network, relations, kinds, directed, undated) -> _core.TemporalGraph:
    if not isinstance(network, ActorNetwork):
        raise TypeError(f"expected an essnet.ActorNetwork (journeys need the tie years), got {type(network).__name__}")
    if undated not in ("never", "always"):
        raise ValueError(f'undated must be "never" or "always", got {undated!r}')
    if directed is not None and not isinstance(directed, (bool, np.bool_)):
        raise TypeError(f"directed must be True, False or None, got {directed!r}")
    return _core.temporal_graph(network._net, _labels(relations, "relations"), _labels(kinds, "kinds"), directed,
                                undated)


def _direction(direction: str) -> str:
    if direction not in ("forward", "backward"):
        raise ValueError(f'direction must be "forward" or "backward", got {direction!r}')
    return direction


def _window(start, end, hop_years):
    start = None if start is None else _year(start, 0, "start")
    end = None if end is None else _year(end, 0, "end")
    if start is not None and end is not None and start > end:
        raise ValueError(f"start ({start}) is after end ({end})")
    return start, end, _integer(hop_years, "hop_years", 0, 9999)


def _years_or_na(values: np.ndarray):
    """Float years from C++ (inf for an open end) as nullable integers, NA where open."""
    finite = np.isfinite(values)
    return pd.arrays.IntegerArray(np.where(finite, values, 0).astype(np.int32), ~finite)


def _node(tg: _core.TemporalGraph, actor, parameter: str) -> int:
    names = tg.node_names
    try:
        return names.index(actor)
    except ValueError:
        raise ValueError(f"{parameter}: actor {actor!r} is not in the selection") from None


def earliest_arrival(network: ActorNetwork, source, start: int | None = None, end: int | None = None, *,
                     direction: str = "forward", hop_years: int = 0, undated: str = "never", relations=None,
                     kinds=None, directed: bool | None = None) -> pd.Series:
    """Forward: the earliest year each actor can be reached by a journey from ``source`` leaving no
    earlier than ``start`` and arriving no later than ``end`` (``start`` itself for the source), as
    R tsna's ``tPath(direction="fwd")`` finds them; ``inf`` where no journey arrives.

    Backward: ``source`` is where journeys end; the latest year each actor can leave and still reach
    it by ``end`` (tsna's ``direction="bkwd"``); ``-inf`` where none can.

    A float Series indexed by actor id, named "arrival" or "departure". ``-inf`` (forward) or
    ``inf`` (backward) marks an actor reached through undated ties alone when ``undated="always"``
    and no year bounds the search. :func:`journey` gives a journey itself.

    Time O(m log n) for the search.
    """
    tg = _temporal_graph(network, relations, kinds, directed, undated)
    start, end, hop_years = _window(start, end, hop_years)
    r = _core.earliest_arrival(tg, _node(tg, source, "source"), _direction(direction), start, end, hop_years)
    name = "arrival" if direction == "forward" else "departure"
    return pd.Series(r["time"], index=pd.Index(tg.node_names, name="id"), name=name)


def journey(network: ActorNetwork, source, target, start: int | None = None, end: int | None = None, *,
            direction: str = "forward", hop_years: int = 0, undated: str = "never", relations=None, kinds=None,
            directed: bool | None = None) -> pd.DataFrame | None:
    """One journey from ``source`` to ``target``, tie by tie: forward, one that arrives first
    (leaving no earlier than ``start``); backward, one that leaves ``source`` last and still
    arrives by ``end``. Each tie is taken as early as the journey allows.

    A DataFrame with one row per tie taken, in order: ``source`` and ``target`` (actor ids, in the
    direction travelled), ``year`` (taken; NA for an undated tie taken before any year bounds the
    search), ``tie`` (the row of ``network.ties``) and its
    ``relation``. Empty when ``source`` is ``target``; None when no journey exists.

    Time O(m log n) for the search.
    """
    tg = _temporal_graph(network, relations, kinds, directed, undated)
    start, end, hop_years = _window(start, end, hop_years)
    r = _core.journey(tg, _node(tg, source, "source"), _node(tg, target, "target"), _direction(direction), start,
                      end, hop_years)
    if r is None:
        return None
    names = np.asarray(tg.node_names, dtype=object)
    relations_of = network.ties["relation"].to_numpy()
    return pd.DataFrame({
        "source": names[r["from"]].astype(object),
        "target": names[r["to"]].astype(object),
        "year": _years_or_na(r["year"]),
        "tie": r["tie"],
        "relation": pd.Categorical(relations_of[r["tie"]], categories=network.ties["relation"].cat.categories),
    })


def reachable(network: ActorNetwork, start: int | None = None, end: int | None = None, *, direction: str = "forward",
              hop_years: int = 0, sets: bool = False, undated: str = "never", relations=None, kinds=None,
              directed: bool | None = None, progress=False):
    """Who reaches whom by a journey between ``start`` and ``end``.

    Forward: for each actor, the actors it can reach, itself included, as R tsna's ``tReach`` counts
    them (``forward.reachable`` gives one set); backward: the actors that can reach it.

    By default an integer Series of set sizes indexed by actor id, named "reach". With
    ``sets=True``, the sets themselves: a boolean DataFrame, rows and columns by actor id, where
    row u, column v is True when u reaches v (forward) or v reaches u (backward).

    Time: a sweep over the years for every 512 actors at once, in parallel, each following a tie
    again in every year an actor it leaves gains origins: at most O(n / 512 x m x years), 3.3 s on
    2 threads for every actor of a synthetic network of 10^5 ties. The sets take n^2 bytes (more
    than 4 GiB raises ValueError before allocating). ``progress``: a bar (True) or a callable given
    the share done.
    """
    tg = _temporal_graph(network, relations, kinds, directed, undated)
    start, end, hop_years = _window(start, end, hop_years)
    index = pd.Index(tg.node_names, name="id")
    if sets:
        m = _run(_core.temporal_reachability_matrix, "reachable", progress, tg, _direction(direction), start, end,
                 hop_years)
        return pd.DataFrame(m.astype(bool), index=index, columns=index)
    size, _ = _run(_core.temporal_reach, "reachable", progress, tg, _direction(direction), start, end, hop_years,
                   False)
    return pd.Series(size, index=index, name="reach")


def closeness(network: ActorNetwork, start: int | None = None, end: int | None = None, *, direction: str = "forward",
              hop_years: int = 0, undated: str = "never", relations=None, kinds=None, directed: bool | None = None,
              progress=False) -> pd.Series:
    """Temporal closeness, the harmonic form of Pan & Saramäki (2011): for each actor u, the mean
    over the other actors v of 1 / latency(u, v), 0 where no journey leads. The latency counts the
    years from ``start`` to the arrival at v, both included (1 for an arrival in the start year).
    Backward, from v's latest departure towards u to ``end``.

    Latencies count from ``start``, the same for every actor: an actor whose ties begin late scores
    low however central it then is. To compare actors active from a given year, pass that year.

    A float Series indexed by actor id, in [0, 1]. Time as :func:`reachable`, counting arrivals
    year by year.
    """
    tg = _temporal_graph(network, relations, kinds, directed, undated)
    start, end, hop_years = _window(start, end, hop_years)
    _, values = _run(_core.temporal_reach, "closeness", progress, tg, _direction(direction), start, end, hop_years,
                     True)
    return pd.Series(values, index=pd.Index(tg.node_names, name="id"), name="closeness")


def betweenness(network: ActorNetwork, start: int | None = None, end: int | None = None, *, hop_years: int = 0,
                normalized: bool = False, undated: str = "never", relations=None, kinds=None,
                directed: bool | None = None, progress=False) -> pd.Series:
    """Journey betweenness: for each actor v, summed over ordered pairs (s, t) of other actors, the
    share of the journeys from s that reach t first (leaving no earlier than ``start``, arriving no
    later than ``end``) with the fewest ties, that pass through v: the shortest foremost journeys,
    after Buß, Molter, Niedermeier & Rymar (2020). Journeys are routes, sequences of actors, each
    travelled as early as it allows (of parallel ties, the one that arrives first); Buß et al. count
    every year of a time-expanded graph instead, so that a tie active for ten years would count ten
    times.

    With every tie active in every year it is the static betweenness over ordered pairs (twice
    networkx's for an undirected graph). ``normalized`` divides by (n - 1)(n - 2).

    A float Series indexed by actor id. Time O(n x S x d) for S (actor, arrival year) states reached
    from a source, in parallel over the sources.
    """
    tg = _temporal_graph(network, relations, kinds, directed, undated)
    start, end, hop_years = _window(start, end, hop_years)
    values = _run(_core.journey_betweenness, "betweenness", progress, tg, start, end, hop_years, bool(normalized))
    return pd.Series(values, index=pd.Index(tg.node_names, name="id"), name="betweenness")


def tie_changes(network: ActorNetwork, *, undated: str = "never", relations=None, kinds=None) -> pd.DataFrame:
    """Year by year, from the earliest to the latest dated start or end: the ties ``formed`` (their
    start year), ``ended`` (their end year, the last they are active) and ``active`` that year (with
    ``undated="always"``, the undated ties count as active every year). As R tsna's
    ``tEdgeFormation`` and ``tEdgeDissolution``, by tie row.

    A DataFrame indexed by year. Time O(m log m + years).
    """
    tg = _temporal_graph(network, relations, kinds, None, undated)
    c = _core.tie_changes(tg)
    return pd.DataFrame({"formed": c["formed"], "ended": c["ended"], "active": c["active"]},
                        index=pd.Index(c["year"], name="year"))


def tie_durations(network: ActorNetwork, until: int | None = None, *, undated: str = "never", relations=None,
                  kinds=None) -> pd.DataFrame:
    """How many years each tie lasts, from its start year to its end year, both included. A tie
    without an end year is still going: its duration runs to ``until`` (by default the latest dated
    year of the selection) and ``ongoing`` is True (the duration is right-censored). A tie without a
    start year (``undated="always"``) has no duration: 0. As R tsna's ``edgeDuration``.

    A DataFrame indexed by tie row (of ``network.ties``): source, target, relation, start_year,
    end_year, years, ongoing. Time O(m log m).
    """
    tg = _temporal_graph(network, relations, kinds, None, undated)
    until = None if until is None else _year(until, 0, "until")
    d = _core.tie_durations(tg, until)
    ties = network.ties.iloc[d["tie"]][["source", "target", "relation", "start_year", "end_year"]]
    out = ties.assign(years=d["years"], ongoing=d["ongoing"].astype(bool))
    out.index.name = "tie"
    return out


def activity_spells(network: ActorNetwork, *, undated: str = "never", relations=None, kinds=None) -> pd.DataFrame:
    """Each actor's activity spells: the runs of consecutive years in which it has at least one
    active tie (ties that end one year and begin the next make one spell).

    A DataFrame, one row per spell, by actor and year: ``id``; ``first`` and ``last`` year (nullable
    integers: ``first`` is NA for a spell begun by an undated tie, ``last`` for one still going);
    ``ongoing``, True when the spell has no end; and ``ties``, the actor's ties in the spell. Actors
    without ties have none. Time O(m log m).
    """
    tg = _temporal_graph(network, relations, kinds, None, undated)
    s = _core.activity_spells(tg)
    names = np.asarray(tg.node_names, dtype=object)
    return pd.DataFrame({"id": names[s["node"]].astype(object), "first": _years_or_na(s["first"]),
                         "last": _years_or_na(s["last"]), "ongoing": np.isposinf(s["last"]), "ties": s["ties"]})
