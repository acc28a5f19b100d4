"""How a network and its measures change: year-by-year tables, growth, and robustness to missing
or spurious ties."""

from __future__ import annotations

import random
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from . import _core
from ._args import _int32, _run, _seed
from ._graph import Graph, core_graph

__all__ = ["over_time", "growth", "robustness"]


def over_time(network, measure: Callable[[Graph], np.ndarray], years: Iterable, *, cumulative: bool = False,
              **selection) -> pd.DataFrame:
    """Any node measure over a sequence of year snapshots or windows, as a year x actor table.

    ``years``: years (a snapshot of the ties active that year) or (first, last) windows; with
    ``cumulative`` each year y is the window (None, y) of all ties begun by then. ``selection``
    goes to :meth:`ActorNetwork.graph` (relations, kinds, directed, weight ...). Columns are the
    actors of the network in its actor order (the same for every row, whatever the year), so
    rows compare directly; an actor left out by a kind selection gets NaN.

    >>> essnet.over_time(net, essnet.degree, range(2005, 2013), cumulative=True)

    Time: one graph selection and one measure per year.
    """
    actors = list(network.actors["id"])
    rows, labels = [], []
    for y in years:
        window = (None, y) if cumulative else y
        g = network.graph(years=window, **selection)
        values = pd.Series(np.asarray(measure(g), dtype=float), index=g.nodes)
        rows.append(values.reindex(actors).to_numpy())
        labels.append(f"{y[0]}-{y[1]}" if isinstance(y, (tuple, list)) else y)
    return pd.DataFrame(rows, index=pd.Index(labels, name="year"), columns=pd.Index(actors, name="id"))


def growth(network) -> pd.DataFrame:
    """Per start year: the ties that began that year, the actors whose first tie began that year
    (new actors), and the running totals of both. Undated ties are left out.

    Time O(m log m).
    """
    ties = network.ties.dropna(subset=["start_year"])
    years = ties["start_year"].astype(int)
    new_ties = years.value_counts().sort_index()
    ends = pd.concat([pd.DataFrame({"id": ties["source"], "year": years}),
                      pd.DataFrame({"id": ties["target"], "year": years})])
    first = ends.groupby("id")["year"].min()
    new_actors = first.value_counts().reindex(new_ties.index, fill_value=0)
    out = pd.DataFrame({"new_ties": new_ties, "new_actors": new_actors})
    out.index.name = "year"
    out["ties"] = out["new_ties"].cumsum()
    out["actors"] = out["new_actors"].cumsum()
    return out


def robustness(graph: Graph, measure: Callable[[Graph], np.ndarray], *, perturbation: str = "drop_ties",
               share: float = 0.1, runs: int = 100, seed: int | None = 0, interval: float = 0.9, top: int = 10,
               progress=False) -> tuple[pd.DataFrame, pd.Series]:
    """How far a node measure can be trusted when the map is incomplete or noisy (after Borgatti,
    Carley & Krackhardt 2006): the measure is recomputed on ``runs`` perturbed copies — ``share``
    of the ties dropped ("drop_ties"), of the actors dropped ("drop_actors") or as many random
    ties between two distinct actors added ("add_ties") — seeded, and compared with the unperturbed
    values. The copies keep the actors' ids (after "drop_actors" an unnamed graph's node numbers
    become strings, as in :meth:`Graph.subgraph`), so a measure that looks actors up by id, such as
    ``lambda h: essnet.ei_index(h, groups).node``, works on them.

    Returns (per_actor, rank_correlation). ``per_actor``, indexed by node id: the observed score
    and rank (1 = highest), and the ``interval`` (default 90%) range of each over the copies in
    which the actor is present (score_low, score_high, rank_low, rank_high) and the share of runs
    in which it ranks in the first ``top`` (top_share). ``rank_correlation``: per run, Spearman's
    correlation between the perturbed and the observed scores of the actors present in both (NaN when either is
    constant). The copies are made in C++ (``seed`` picks them: copy r draws from its own stream, so
    the same seed gives the same copies anywhere; None draws a fresh seed); the measure runs once per
    copy, with essnet's own parallel code. ``progress``: a bar (True) or a callable given the share
    done.

    Time: runs x (O(n + m) for the copy + the measure) + O(runs x n log n); memory O(runs x n).
    """
    if seed is None:
        seed = random.SystemRandom().getrandbits(64)

    def on_copy(core_copy):
        return np.asarray(measure(Graph(core_copy, graph.network)), dtype=float)

    r = _run(_core.robustness, "robustness", progress, core_graph(graph), on_copy, perturbation, float(share),
             _int32(runs, "runs"), _seed(seed), float(interval), _int32(top, "top"))
    frame = graph.frame(score=r["score"], rank=r["rank"], score_low=r["score_low"], score_high=r["score_high"],
                        rank_low=r["rank_low"], rank_high=r["rank_high"], top_share=r["top_share"])
    return frame, pd.Series(r["rank_correlation"], name="spearman", index=pd.RangeIndex(runs, name="run"))
