#!/usr/bin/env python3
"""PageRank and eigenvector centrality at equal accuracy: essnet's defaults against igraph and graph-tool.

On each graph, in one run and with the same thread count (igraph has no threads):
  PageRank (damping 0.85)
    essnet      essnet.pagerank(g): stops once its proven L1 error bound is below 1e-10;
    graph-tool  graph_tool.centrality.pagerank(epsilon=1e-10): stops when the L1 change is below 1e-10;
    igraph      Graph.pagerank(implementation="prpack"): a direct solve, the reference for the errors.
  Eigenvector centrality (unit L2 norm, compared after scaling every tool's vector to it)
    essnet      essnet.eigenvector(g): restarted Lanczos (Spectra), relative residual 1e-12;
    igraph      Graph.eigenvector_centrality(): ARPACK at machine precision, the reference.
Each repetition alternates the tools. Prints median times, iterations and time per iteration, the
largest absolute error against the reference, and the ratios of the times (peer / essnet: above 1,
essnet is faster).

    .venv/bin/python benchmarks/compare/spectral.py --graphs cond-mat-2005 rmat20 --repeat 5 --threads 2
    .venv/bin/python benchmarks/compare/spectral.py --smoke
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def unit(values):
    import numpy as np

    x = np.asarray(values, dtype=float)
    return x / (np.sign(x.sum()) * np.linalg.norm(x))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graphs", nargs="+", default=["cond-mat-2005", "rmat20"], help="graph names known to run.py")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cache", default=str(HERE.parents[1] / "build" / "compare-cache"))
    ap.add_argument("--smoke", action="store_true", help="karate, one repetition: checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.graphs, args.repeat = ["karate"], 1
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # before any OpenMP runtime starts

    import numpy as np

    import run  # the comparison runner: graph names and the cache
    from tools import load, timed

    import essnet
    import graph_tool.centrality as gtc

    rows = []
    for name in args.graphs:
        data = np.load(run.cached_graph(name, Path(args.cache)))
        n, directed = int(data["n"]), bool(data["directed"])
        eg = load("essnet", n, data["sources"], data["targets"], directed, args.threads)
        ig = load("igraph", n, data["sources"], data["targets"], directed, args.threads)
        gg = load("graph-tool", n, data["sources"], data["targets"], directed, args.threads)
        print(f"{name}: {n} nodes, {len(data['sources'])} edges, {args.threads} threads", flush=True)
        times = {key: [] for key in ("pr-essnet", "pr-graph-tool", "pr-igraph", "ev-essnet", "ev-igraph")}
        for _ in range(args.repeat):
            t, pr_ig = timed(lambda: np.asarray(ig.pagerank(damping=0.85, implementation="prpack")))
            times["pr-igraph"].append(t)
            t, pr_es = timed(lambda: essnet.pagerank(eg))
            times["pr-essnet"].append(t)
            t, (pr_gt, gt_iterations) = timed(lambda: gtc.pagerank(gg, damping=0.85, epsilon=1e-10, ret_iter=True))
            times["pr-graph-tool"].append(t)
            t, ev_ig = timed(lambda: np.asarray(ig.eigenvector_centrality(directed=directed, scale=False)))
            times["ev-igraph"].append(t)
            t, ev_es = timed(lambda: essnet.eigenvector(eg))
            times["ev-essnet"].append(t)
        med = {key: statistics.median(v) for key, v in times.items()}
        rows.append((name, "pagerank", "essnet", "bound 1e-10", med["pr-essnet"], pr_es.iterations,
                     float(np.max(np.abs(pr_es - pr_ig))), 1.0))
        rows.append((name, "pagerank", "graph-tool", "change 1e-10", med["pr-graph-tool"], int(gt_iterations),
                     float(np.max(np.abs(pr_gt.a - pr_ig))), med["pr-graph-tool"] / med["pr-essnet"]))
        rows.append((name, "pagerank", "igraph", "PRPACK", med["pr-igraph"], None, 0.0,
                     med["pr-igraph"] / med["pr-essnet"]))
        reference = unit(ev_ig)
        rows.append((name, "eigenvector", "essnet", "Lanczos 1e-12", med["ev-essnet"], ev_es.iterations,
                     float(np.max(np.abs(unit(ev_es) - reference))), 1.0))
        rows.append((name, "eigenvector", "igraph", "ARPACK", med["ev-igraph"], None, 0.0,
                     med["ev-igraph"] / med["ev-essnet"]))
        assert pr_es.converged and ev_es.converged
        assert np.max(np.abs(pr_es - pr_ig)) <= 1e-9, "essnet's PageRank is not within 1e-9 of PRPACK"
        assert np.max(np.abs(unit(ev_es) - reference)) <= 1e-9, "essnet's eigenvector is not within 1e-9 of ARPACK"

    print()
    print("| graph | measure | tool | stopping rule | median s | iterations | ms per iteration "
          "| max error vs reference | peer / essnet time |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|")
    for name, measure, tool, rule, seconds, iterations, error, ratio in rows:
        per = f"{1000 * seconds / iterations:.2f}" if iterations else "-"
        print(f"| {name} | {measure} | {tool} | {rule} | {seconds:.4g} | {iterations if iterations else '-'} | "
              f"{per} | {error:.1e} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
