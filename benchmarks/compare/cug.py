#!/usr/bin/env python3
"""CUG test: essnet.inference.cug_test against R sna's cug.test, on the same graph in one run.

A seeded undirected G(n, m) graph of --actors actors and mean degree --degree; the statistic is
Freeman's betweenness centralization, the null keeps the number of ties (sna's cmode "edges"), and
each tool draws --draws random graphs. essnet runs on --threads threads, R on one (sna has no
threads). The observed statistics are checked equal to 1e-9 and the null means within Monte Carlo
error. Prints the median seconds over --repeat runs (R runs once: it takes minutes).

    .venv/bin/python benchmarks/compare/cug.py --actors 1000 --draws 1000
    .venv/bin/python benchmarks/compare/cug.py --smoke
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from math import sqrt
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

R_SCRIPT = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
e <- as.matrix(read.csv(args[1], header = FALSE))
n <- as.integer(args[2])
y <- matrix(0, n, n)
y[e + 1] <- 1
y[e[, 2:1] + 1] <- 1
set.seed(1)
t <- system.time(r <- cug.test(y, centralization, FUN.args = list(FUN = betweenness), mode = "graph",
                               cmode = "edges", reps = as.integer(args[3])))[["elapsed"]]
cat(t, sprintf("%.17g", r$obs.stat), sprintf("%.17g", mean(r$rep.stat)), sprintf("%.17g", sd(r$rep.stat)), "\n")
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actors", type=int, default=1000)
    ap.add_argument("--degree", type=float, default=6.0)
    ap.add_argument("--draws", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--smoke", action="store_true", help="60 actors, 50 draws: checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.actors, args.draws, args.repeat = 60, 50, 1
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # before any OpenMP runtime starts

    from functools import partial

    import numpy as np

    import essnet
    from essnet.inference import cug_test
    from tools import timed

    n = args.actors
    g = essnet.generate.erdos_renyi(n, int(n * args.degree / 2), seed=1)
    statistic = partial(essnet.centralization, measure="betweenness")
    edges = np.array([[u, v] for u, v in zip(*g.to_scipy().nonzero()) if u < v])
    print(f"G(n, m): {n} actors, {len(edges)} ties; betweenness centralization, {args.draws} draws of the "
          f"edges null; essnet on {args.threads} threads (median of {args.repeat}), R sna cug.test on 1")
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        np.savetxt(d / "edges.csv", edges, delimiter=",", fmt="%d")
        (d / "cug.R").write_text(R_SCRIPT)
        out = subprocess.run(["Rscript", str(d / "cug.R"), str(d / "edges.csv"), str(n), str(args.draws)],
                             check=True, capture_output=True, text=True).stdout
    r_seconds, r_observed, r_mean, r_sd = (float(v) for v in out.split())
    times, test = [], None
    for _ in range(args.repeat):
        t, test = timed(lambda: cug_test(g, statistic, condition="edges", draws=args.draws, seed=1))
        times.append(t)
    assert abs(test.observed - r_observed) <= 1e-9 * max(1.0, abs(r_observed)), (test.observed, r_observed)
    spread = sqrt(test.null.var() / args.draws + r_sd ** 2 / args.draws)
    assert abs(test.null.mean() - r_mean) <= 4.5 * spread + 1e-12, (test.null.mean(), r_mean)
    ours = statistics.median(times)
    print("| tool | seconds | null mean | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| essnet | {ours:.3g} | {test.null.mean():.4g} | |")
    print(f"| R sna | {r_seconds:.3g} | {r_mean:.4g} | {r_seconds / ours:.1f}x |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
