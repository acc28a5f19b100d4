#!/usr/bin/env python3
"""Approximate betweenness: essnet's (epsilon, delta) sampling against graph-tool's pivot sampling.

On one graph (graph-tool's cond-mat-2005 by default), in one run and with the same thread count:
  exact        essnet.betweenness (normalised as networkx), the reference for the errors;
  essnet       essnet.approximate_betweenness(epsilon, delta, seed) (Riondato & Kornaropoulos 2016);
  graph-tool   graph_tool.centrality.betweenness(pivots=k random nodes, norm=True): Brandes from
               k sources only, which graph-tool scales up to estimate the full sum.
Each repetition uses a new seed for both tools and the tools alternate. Prints the median time and
the median and worst maximum absolute error over all nodes against the exact values, and the ratio
of the times (essnet / graph-tool; below 1: essnet is faster).

    .venv/bin/python benchmarks/compare/approximate_betweenness.py --repeat 3
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", default="cond-mat-2005", help="a graph name known to run.py")
    ap.add_argument("--epsilon", type=float, default=0.01)
    ap.add_argument("--delta", type=float, default=0.1)
    ap.add_argument("--pivots", type=int, default=1000, help="graph-tool's number of pivots")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cache", default=str(HERE.parents[1] / "build" / "compare-cache"))
    args = ap.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # before any OpenMP runtime starts

    import numpy as np

    import run  # the comparison runner: graph names and the cache
    from tools import load

    path = run.cached_graph(args.graph, Path(args.cache))
    data = np.load(path)
    n, directed = int(data["n"]), bool(data["directed"])
    eg = load("essnet", n, data["sources"], data["targets"], directed, args.threads)
    gg = load("graph-tool", n, data["sources"], data["targets"], directed, args.threads)
    import essnet
    import graph_tool.centrality as gtc

    t0 = time.perf_counter()
    exact = np.asarray(essnet.betweenness(eg))
    exact_time = time.perf_counter() - t0
    print(f"{args.graph}: {n} nodes, {len(data['sources'])} edges; exact betweenness {exact_time:.2f} s "
          f"({args.threads} threads)", flush=True)

    times = {"essnet": [], "graph-tool": []}
    errors = {"essnet": [], "graph-tool": []}
    samples = []
    for rep in range(args.repeat):
        seed = 1000 + rep
        t0 = time.perf_counter()
        est = essnet.approximate_betweenness(eg, epsilon=args.epsilon, delta=args.delta, seed=seed)
        times["essnet"].append(time.perf_counter() - t0)
        errors["essnet"].append(float(np.max(np.abs(np.asarray(est) - exact))))
        samples.append(est.samples)

        pivots = np.random.default_rng(seed).choice(n, size=min(args.pivots, n), replace=False)
        t0 = time.perf_counter()
        vb, _ = gtc.betweenness(gg, pivots=pivots, norm=True)
        gt_est = vb.a  # graph-tool scales the pivots' sum to the full one
        times["graph-tool"].append(time.perf_counter() - t0)
        errors["graph-tool"].append(float(np.max(np.abs(gt_est - exact))))
        print(f"  seed {seed}: essnet {times['essnet'][-1]:.3f} s, max error {errors['essnet'][-1]:.2e}, "
              f"{samples[-1]} samples; graph-tool {times['graph-tool'][-1]:.3f} s, "
              f"max error {errors['graph-tool'][-1]:.2e}", flush=True)

    print()
    print("| tool | setting | median s | median max error | worst max error |")
    print("|---|---|---:|---:|---:|")
    print(f"| essnet | epsilon {args.epsilon}, delta {args.delta} ({statistics.median(samples):.0f} samples) | "
          f"{statistics.median(times['essnet']):.3g} | {statistics.median(errors['essnet']):.2e} | "
          f"{max(errors['essnet']):.2e} |")
    print(f"| graph-tool | {args.pivots} pivots | {statistics.median(times['graph-tool']):.3g} | "
          f"{statistics.median(errors['graph-tool']):.2e} | {max(errors['graph-tool']):.2e} |")
    ratio = statistics.median(times["essnet"]) / statistics.median(times["graph-tool"])
    print(f"\nessnet / graph-tool time: {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
