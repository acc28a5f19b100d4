"""Plots of essnet's results with matplotlib (imported only when a plot is drawn).

Each function draws into ``ax`` (a new figure's Axes when None) and returns the Axes, so that plots
compose into figures and can be restyled:

>>> ax = essnet.plot.degree_distribution(g)
>>> ax.figure.savefig("degrees.png")

- :func:`degree_distribution`: the complementary cumulative degree distribution, log-log;
- :func:`over_time`: a measure year by year for chosen actors, from :func:`essnet.over_time`;
- :func:`community_sizes`: community sizes, coloured by stability for a :class:`Consensus`;
- :func:`rank_intervals`: the rank intervals of :func:`essnet.robustness`;
- :func:`by_group`: the distribution of a measure in each group (kind, country).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._args import _by_node
from ._graph import Graph, core_graph
from ._network import ActorNetwork
from .community import Consensus, Partition

__all__ = ["degree_distribution", "over_time", "community_sizes", "rank_intervals", "by_group"]


def _axes(ax):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(6.4, 4.2), layout="constrained")[1]


def _names(labels, ids) -> list[str]:
    """Display names of ids: from an ActorNetwork's names, a mapping or Series, else the ids."""
    if labels is None:
        return [str(i) for i in ids]
    if isinstance(labels, ActorNetwork):
        actors = labels.actors
        labels = pd.Series(actors["name"].to_numpy(), index=actors["id"])
        labels = labels[labels != ""]
    if isinstance(labels, pd.Series):
        labels = labels.to_dict()
    return [str(labels.get(i, i)) for i in ids]


def degree_distribution(graph: Graph, *, direction: str = "all", ax=None):
    """The share of nodes of degree k or more, P(K >= k), against k, on log-log axes (one line of
    markers). ``direction``: "all" (in + out in a directed graph), "out" or "in". Nodes of degree 0
    cannot be drawn on a log scale: the title counts them.

    Time O(n + m).
    """
    core_graph(graph)
    sources, targets = graph.edges
    n = graph.num_nodes
    if direction == "all" or (not graph.directed and direction in ("out", "in")):
        degree = np.bincount(sources, minlength=n) + np.bincount(targets, minlength=n)
    elif direction == "out":
        degree = np.bincount(sources, minlength=n)
    elif direction == "in":
        degree = np.bincount(targets, minlength=n)
    else:
        raise ValueError(f'direction must be "all", "out" or "in", got {direction!r}')
    ax = _axes(ax)
    k, counts = np.unique(degree[degree > 0], return_counts=True)
    share = counts[::-1].cumsum()[::-1] / max(n, 1)  # nodes of degree >= k
    ax.plot(k, share, marker="o", markersize=4, linestyle="-", linewidth=0.8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("degree k" if direction == "all" else f"{direction}-degree k")
    ax.set_ylabel("P(K \u2265 k)")
    zero = int(np.count_nonzero(degree == 0))
    ax.set_title(f"degree distribution of {n:,} nodes" + (f" ({zero:,} of degree 0 not shown)" if zero else ""))
    return ax


def over_time(frame: pd.DataFrame, actors=None, *, top: int = 5, labels=None, ax=None):
    """A measure over the years for chosen actors: one line per actor.

    ``frame`` is what :func:`essnet.over_time` returns (one row per year, one column per actor id).
    ``actors``: the ids to draw; by default the ``top`` actors with the largest value in the last
    year. ``labels``: the ActorNetwork (its names are used) or a mapping from id to name.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"frame must be the DataFrame of essnet.over_time, got {type(frame).__name__}")
    if actors is None:
        last = frame.iloc[-1] if len(frame) else pd.Series(dtype=float)
        actors = last.sort_values(ascending=False, kind="stable").index[:top].tolist()
    else:
        actors = list(actors)
        missing = [a for a in actors if a not in frame.columns]
        if missing:
            raise ValueError(f"actors: {missing[0]!r} is not a column of the frame")
    ax = _axes(ax)
    years = frame.index.to_numpy()
    for actor, name in zip(actors, _names(labels, actors)):
        ax.plot(years, frame[actor].to_numpy(dtype=float), marker="o", markersize=3, label=name)
    ax.set_xlabel(frame.index.name or "year")
    ax.set_ylabel("score")
    if actors:
        ax.legend(fontsize="small")
    return ax


def community_sizes(result, *, top: int = 30, ax=None):
    """The sizes of the communities of a :class:`Partition` or :class:`Consensus`, largest first,
    one bar each (the ``top`` largest). A Consensus colours each bar by its actors' mean stability
    (0 to 1, with a colour bar): pale blocs are the ones the runs disagree on."""
    if isinstance(result, Consensus):
        partition, stability = result.partition, np.asarray(result.stability, dtype=float)
    elif isinstance(result, Partition):
        partition, stability = result, None
    else:
        raise TypeError(f"community_sizes takes a Partition or a Consensus, got {type(result).__name__}")
    sizes = partition.sizes
    order = np.argsort(-sizes, kind="stable")[:top]
    ax = _axes(ax)
    x = np.arange(1, len(order) + 1)
    if stability is None:
        ax.bar(x, sizes[order], color="#4477aa")
    else:
        import matplotlib as mpl

        membership = np.asarray(partition.membership)
        mean = np.bincount(membership, weights=stability, minlength=partition.n_communities) / np.maximum(sizes, 1)
        norm = mpl.colors.Normalize(0.0, 1.0)
        cmap = mpl.colormaps["viridis"]
        ax.bar(x, sizes[order], color=cmap(norm(mean[order])))
        ax.figure.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, label="mean stability")
    ax.set_xlabel("community, by size")
    ax.set_ylabel("nodes")
    shown = "" if len(order) == partition.n_communities else f", the {len(order)} largest shown"
    ax.set_title(f"{partition.n_communities} communities{shown}")
    return ax


def rank_intervals(per_actor: pd.DataFrame, *, top: int = 10, labels=None, ax=None):
    """The rank intervals of :func:`essnet.robustness`: for the ``top`` actors by observed rank, a
    line across the interval of the ranks they took in the perturbed copies (``rank_low`` to
    ``rank_high``: the central share ``interval`` of them, 90% by default), and a dot at the observed
    rank. Long lines are fragile ranks."""
    needed = {"rank", "rank_low", "rank_high"}
    if not isinstance(per_actor, pd.DataFrame) or not needed <= set(per_actor.columns):
        raise TypeError("per_actor must be the first DataFrame essnet.robustness returns (rank, rank_low, rank_high)")
    chosen = per_actor.sort_values("rank", kind="stable").head(top)
    ax = _axes(ax)
    y = np.arange(len(chosen))
    ax.hlines(y, chosen["rank_low"], chosen["rank_high"], color="#4477aa", linewidth=3)
    ax.plot(chosen["rank"], y, linestyle="none", marker="o", color="#cc6677", label="observed rank")
    ax.set_yticks(y, _names(labels, chosen.index.tolist()))
    ax.invert_yaxis()
    ax.set_xlabel("rank (1 is the highest score)")
    ax.legend(fontsize="small")
    return ax


def by_group(values, groups, *, graph: Graph | None = None, max_groups: int = 12, ax=None):
    """The distribution of a measure in each group, one box per group (median, quartiles, whiskers
    at 1.5 IQR, outliers), ordered by median, largest first (equal medians by group name).

    ``values`` and ``groups``: pandas Series indexed by node id (aligned on the index), or arrays in
    node order (``graph`` then says the nodes). The ``max_groups`` largest groups get a box each,
    the others are pooled as "other"; nodes without a group or a value are left out.
    """
    if graph is not None:
        values = pd.Series(np.asarray(_by_node(values, graph, "values"), dtype=float), index=graph.nodes)
        groups = pd.Series(np.asarray(_by_node(groups, graph, "groups"), dtype=object), index=graph.nodes)
    elif isinstance(values, pd.Series) and isinstance(groups, pd.Series):
        groups = groups.reindex(values.index)
    else:
        values, groups = pd.Series(np.asarray(values, dtype=float)), pd.Series(np.asarray(groups, dtype=object))
        if len(values) != len(groups):
            raise ValueError(f"values and groups must have the same length, got {len(values)} and {len(groups)}")
    data = pd.DataFrame({"value": pd.to_numeric(values, errors="coerce").to_numpy(),
                         "group": groups.astype(object).to_numpy()})
    data = data[data["group"].notna() & (data["group"] != "") & data["value"].notna()]
    largest = data["group"].value_counts().index[:max_groups]
    data.loc[~data["group"].isin(largest), "group"] = "other"
    medians = data.groupby("group")["value"].median()
    order = sorted(medians.index, key=lambda g: (-medians[g], str(g)))  # ties by name
    ax = _axes(ax)
    ax.boxplot([data.loc[data["group"] == g, "value"].to_numpy() for g in order], labels=[str(g) for g in order])
    ax.set_ylabel(values.name if isinstance(values, pd.Series) and values.name else "value")
    ax.tick_params(axis="x", labelrotation=45)
    return ax
