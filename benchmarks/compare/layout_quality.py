#!/usr/bin/env python3
"""How well each layout draws real networks: essnet's layouts against graph-tool's sfdp_layout and
igraph's layout_fruchterman_reingold, on the same graph in the same run.

Each tool runs with its defaults, from its own start, `--threads` threads where it has threads:
  essnet auto        essnet.layout.auto (what essnet.draw uses)
  essnet stress      essnet.layout.stress (full stress up to 2000 nodes, sparse above)
  essnet FR          essnet.layout.fruchterman_reingold
  graph-tool sfdp    graph_tool.draw.sfdp_layout
  igraph FR          igraph's layout_fruchterman_reingold
Prints seconds and essnet.layout.quality of each result (the same function for all): scale-normalised
stress (lower is better), neighbourhood preservation (higher is better) and crossings.

    .venv/bin/python benchmarks/compare/layout_quality.py --graphs netscience power cond-mat-2005
    .venv/bin/python benchmarks/compare/layout_quality.py --smoke

Graphs are names known to run.py (cond-mat-2005, as-22july06, lfr-1e5, ...) or graph-tool's
collection (netscience, power). sfdp takes minutes on 10^4 nodes and more: `--skip sfdp` leaves it out.
"""

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TOOLS = ["essnet auto", "essnet stress", "essnet FR", "graph-tool sfdp", "igraph FR"]


def edges_of(name, cache):
    """(n, sources, targets) of a graph known to run.py or to graph-tool's collection."""
    import numpy as np

    import run

    if name in run.STANDARD or name in run.SMOKE:
        data = np.load(run.cached_graph(name, cache))
        return int(data["n"]), data["sources"], data["targets"]
    import graph_tool.collection as collection

    g = collection.data[name]
    e = g.get_edges()
    return g.num_vertices(), e[:, 0], e[:, 1]


def lay_out(tool, n, sources, targets, threads):
    """Positions from `tool` and the seconds it took, loading excluded."""
    import numpy as np

    from tools import load

    import essnet

    if tool.startswith("essnet"):
        g = load("essnet", n, sources, targets, False, threads)
        function = {"essnet auto": essnet.layout.auto, "essnet stress": essnet.layout.stress,
                    "essnet FR": essnet.layout.fruchterman_reingold}[tool]
        start = time.perf_counter()
        return function(g), time.perf_counter() - start
    if tool == "graph-tool sfdp":
        import graph_tool.draw as gtd

        g = load("graph-tool", n, sources, targets, False, threads)
        start = time.perf_counter()
        pos = gtd.sfdp_layout(g)
        seconds = time.perf_counter() - start
        return np.asarray(pos.get_2d_array([0, 1])).T, seconds
    import igraph

    g = igraph.Graph(n=n, edges=list(zip(sources.tolist(), targets.tolist())))
    start = time.perf_counter()
    pos = np.array(g.layout_fruchterman_reingold().coords)
    return pos, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graphs", nargs="+", default=["netscience", "power", "as-22july06", "cond-mat-2005"])
    ap.add_argument("--skip", nargs="*", default=[], help="tools to leave out, e.g. sfdp")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cache", default=str(HERE.parents[1] / "build" / "compare-cache"))
    ap.add_argument("--smoke", action="store_true", help="karate only: checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.graphs = ["karate"]
    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    import essnet

    from tools import load

    tools = [t for t in TOOLS if not any(s in t for s in args.skip)]
    print("| graph | nodes | ties | tool | seconds | stress | neighbourhood preservation | crossings |")
    print("|---|---:|---:|---|---:|---:|---:|---:|")
    for name in args.graphs:
        n, sources, targets = edges_of(name, Path(args.cache))
        g = load("essnet", n, sources, targets, False, args.threads)
        for tool in tools:
            pos, seconds = lay_out(tool, n, sources, targets, args.threads)
            q = essnet.layout.quality(g, pos)
            crossings = f"{q['crossings']:.4g}" + ("" if q["crossings_exact"] else " (est.)")
            print(f"| {name} | {n} | {len(sources)} | {tool} | {seconds:.3g} | {q['stress']:.4f} | "
                  f"{q['neighbourhood_preservation']:.4f} | {crossings} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
