"""The report of ``essnet analyze``, from Python."""

from __future__ import annotations

import json
import os
import sys
from typing import Sequence

from . import _core
from ._args import _int32, _integer, _seed
from ._graph import Graph, core_graph
from ._network import ActorNetwork, _labels, _year_window


def report(data, out: str | os.PathLike | None = None, *, title: str | None = None, group: str | None = None,
           measures: Sequence[str] | None = None, relations: Sequence[str] | str | None = None,
           years: int | tuple[int, int] | None = None, directed: bool | None = None, weighted: bool = False,
           seed: int = 0, formats: Sequence[str] = ("html", "md", "csv", "json"), interactive: bool = True,
           top: int = 10, consensus_runs: int = 100, robustness_runs: int = 20, missing_share: float = 0.1,
           exact_limit: int = 5000, layout_per_year_limit: int = 5000, svg_limit: int = 5000,
           progress=False) -> dict:
    """The report ``essnet analyze`` writes, for an :class:`ActorNetwork` or a :class:`Graph`:
    overview, maps (static, and interactive in the HTML), centrality with Freeman centralization
    and the robustness of the top ranks, Gould-Fernandez brokerage by ``group`` (kind, and country
    where actors have one, by default) and Burt's structural holes, Leiden communities and a
    consensus of ``consensus_runs`` runs with each actor's stability, the E-I index, year-by-year
    evolution, and the method. The README's "Command line" section describes each part.

    Returns every number as a dict (what results.json holds: ``tables`` maps each table's name to
    its ``columns`` and ``rows``). With ``out``, also writes the folder: report.html (one
    self-contained file), summary.md, one CSV per table and results.json, as ``formats`` asks; the
    folder is written beside its target and renamed into place, replacing an earlier report, and a
    folder holding anything else is refused (OSError).

    A network is analysed through the selection ``relations``, ``years``, ``directed`` and
    ``weighted`` (its weight column), as :meth:`ActorNetwork.graph` takes them. ``measures`` picks
    centrality measures among degree, strength, betweenness, closeness, harmonic, eigenvector,
    pagerank and coreness (all that apply by default). Above ``exact_limit`` nodes betweenness is
    approximated and closeness and harmonic are left out unless named; above
    ``layout_per_year_limit`` one layout serves every year; above ``svg_limit`` the static maps are
    PNG images. ``robustness_runs`` copies with ``missing_share`` of the ties dropped give the rank
    intervals of the ``top`` actors per measure. Seeded by ``seed``. ``progress``: True prints each
    long step on stderr, a callable receives each line; Ctrl-C stops the report (KeyboardInterrupt)
    and leaves no folder.

    ValueError names an unknown group column (listing those there are), measure, format, relation
    or a bad year window.
    """
    options = _core.ReportOptions()
    options.group = "" if group is None else str(group)
    options.measures = [] if measures is None else [str(m) for m in measures]
    options.seed = _seed(seed)
    options.formats = [str(f) for f in formats]
    options.interactive = bool(interactive)
    options.top = _integer(top, "top", 1, 1000)
    options.consensus_runs = _integer(consensus_runs, "consensus_runs", 1, 100_000)
    options.robustness_runs = _integer(robustness_runs, "robustness_runs", 0, 100_000)
    share = float(missing_share)
    if not 0 <= share < 1:
        raise ValueError(f"missing_share must be in [0, 1), got {missing_share!r}")
    options.missing_share = share
    options.exact_limit = _int32(exact_limit, "exact_limit")
    options.layout_per_year_limit = _int32(layout_per_year_limit, "layout_per_year_limit")
    options.svg_limit = _int32(svg_limit, "svg_limit")
    if isinstance(data, ActorNetwork):
        network, graph = data._net, None
        window = None if years is None else _year_window(years)
    elif isinstance(data, Graph):
        if relations is not None or years is not None or directed is not None or weighted:
            raise ValueError("relations, years, directed and weighted select from a network; a Graph is analysed as "
                             "it is")
        network, graph, window = None, core_graph(data), None
    else:
        raise TypeError(f"data must be an essnet.ActorNetwork or an essnet.Graph, got {type(data).__name__}")
    if title is None:
        title = "Network" if graph is None else "Graph"
    if progress is True:
        def log(line):
            print("essnet:", line, file=sys.stderr, flush=True)
    elif progress is False or progress is None:
        log = None
    elif callable(progress):
        log = progress
    else:
        raise TypeError(f"progress must be True, False or a callable taking a line of text, got {progress!r}")
    results, _ = _core.report(network, graph, _labels(relations, "relations"), window, directed, bool(weighted),
                              str(title), options, None if out is None else os.fspath(out), log, None)
    return json.loads(results)
