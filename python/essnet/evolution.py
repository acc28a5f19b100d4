"""How a network and its measures change: year-by-year tables, growth, and robustness to missing
or spurious ties."""

from __future__ import annotations

import warnings
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from ._args import _seed
from ._graph import Graph

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
    (new actors), and the running totals of both. Undated ties are left out."""
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


def _perturbed(graph: Graph, kind: str, share: float, rng: np.random.Generator) -> tuple[Graph, np.ndarray]:
    """A perturbed copy and the positions of the original nodes in it (-1 for dropped ones)."""
    s, t = graph.edges
    w = graph.weights if graph.weighted else None
    n = graph.num_nodes
    keep_nodes = np.arange(n)
    if kind == "drop_ties":
        keep = rng.random(len(s)) >= share
        s, t = s[keep], t[keep]
        w = None if w is None else w[keep]
    elif kind == "add_ties":
        # share x m ties between two distinct nodes: b is drawn among the n - 1 nodes other than a.
        extra = int(round(share * len(s))) if n >= 2 else 0
        a = rng.integers(0, n, extra)
        b = rng.integers(0, max(n - 1, 1), extra)
        b += b >= a
        s, t = np.concatenate([s, a]), np.concatenate([t, b])
        w = None if w is None else np.concatenate([w, np.ones(extra)])
    elif kind == "drop_actors":
        alive = rng.random(n) >= share
        position = np.full(n, -1)
        position[alive] = np.arange(int(alive.sum()))
        # The induced subgraph keeps the actors' ids (an unnamed graph's numbers become strings).
        return graph.subgraph([graph.nodes[i] for i in np.flatnonzero(alive)]), position
    else:
        raise ValueError(f'perturbation must be "drop_ties", "drop_actors" or "add_ties", got {kind!r}')
    # Same nodes, same ids: a measure that looks actors up by id works on the copy.
    names = graph.nodes if graph._g._node_names else None
    return Graph.from_edges(s, t, w, num_nodes=n, nodes=names, directed=graph.directed), keep_nodes


def robustness(graph: Graph, measure: Callable[[Graph], np.ndarray], *, perturbation: str = "drop_ties",
               share: float = 0.1, runs: int = 100, seed: int = 0,
               interval: float = 0.9) -> tuple[pd.DataFrame, pd.Series]:
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
    in which it stays in the top 10. ``rank_correlation``: per run, Spearman's correlation between
    the perturbed and the observed scores of the actors present in both (NaN when either is
    constant). Each run computes the measure with essnet's own parallel code, so both cores are
    busy.
    """
    if not 0 <= share < 1:
        raise ValueError(f"share must be in [0, 1), got {share}")
    if runs < 1:
        raise ValueError(f"runs must be at least 1, got {runs}")
    if not 0 < interval <= 1:
        raise ValueError(f"interval must be in (0, 1], got {interval}")
    observed = np.asarray(measure(graph), dtype=float)
    n = graph.num_nodes

    def ranks(x):
        return pd.Series(x).rank(ascending=False, method="min").to_numpy()

    base_rank = ranks(observed)
    scores = np.full((runs, n), np.nan)
    rank = np.full((runs, n), np.nan)
    correlation = np.empty(runs)
    rng = np.random.default_rng(None if seed is None else _seed(seed))  # None: fresh entropy, as numpy
    for r in range(runs):
        g, position = _perturbed(graph, perturbation, share, rng)
        values = np.asarray(measure(g), dtype=float)
        present = position >= 0
        scores[r, present] = values[position[present]]
        rank[r, present] = ranks(values)[position[present]]
        both = present & ~np.isnan(scores[r]) & ~np.isnan(observed)
        with warnings.catch_warnings():  # constant scores have no rank correlation: NaN, not a warning
            warnings.simplefilter("ignore")
            correlation[r] = pd.Series(observed[both]).corr(pd.Series(scores[r, both]), method="spearman")
    lo, hi = (1 - interval) / 2, 1 - (1 - interval) / 2
    with np.errstate(all="ignore"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            frame = graph.frame(score=observed, rank=base_rank,
                                score_low=np.nanquantile(scores, lo, axis=0),
                                score_high=np.nanquantile(scores, hi, axis=0),
                                rank_low=np.nanquantile(rank, lo, axis=0), rank_high=np.nanquantile(rank, hi, axis=0),
                                top10_share=np.nanmean(np.where(np.isnan(rank), np.nan, rank <= 10), axis=0))
    return frame, pd.Series(correlation, name="spearman", index=pd.RangeIndex(runs, name="run"))
