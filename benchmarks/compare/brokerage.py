#!/usr/bin/env python3
"""Brokerage roles at scale: essnet on a synthetic social-economy network with about 10^6 directed
ties and 20 country groups, against R's sna::brokerage on a 10^4-tie network from the same
generator for scale (sna builds an n x n sociomatrix, so it cannot take the large one).

    .venv/bin/python benchmarks/compare/brokerage.py                 # ~10^6 ties (about a minute)
    .venv/bin/python benchmarks/compare/brokerage.py --smoke         # tiny, checks the script
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

R_SCRIPT = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
e <- read.csv(args[1])
cl <- read.csv(args[2])$group
n <- length(cl)
g <- matrix(0, n, n)
g[cbind(e$source + 1, e$target + 1)] <- 1
diag(g) <- 0
t0 <- proc.time()[["elapsed"]]
b <- brokerage(g, cl)
cat(proc.time()[["elapsed"]] - t0, "\n")
"""


def network(actors: int, seed: int):
    """The directed graph of a synthetic network and each node's country."""
    import essnet

    net = essnet.generate.social_economy(actors, num_countries=20, seed=seed)
    g = net.graph(directed=True)
    country = net.actors.set_index("id").loc[g.nodes, "country"].astype(object).fillna("none").tolist()
    return g, country


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actors", type=int, default=290_000, help="actors of the large network (~10^6 ties)")
    ap.add_argument("--small-actors", type=int, default=2_050, help="actors of the network given to R (~10^4 ties)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if args.smoke:
        args.actors, args.small_actors, args.repeat = 2_000, 300, 1
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    import numpy as np
    import pandas as pd

    import essnet

    rows = []
    for label, actors in (("large", args.actors), ("small", args.small_actors)):
        g, country = network(actors, seed=1)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            b = essnet.brokerage(g, country)
            times.append(time.perf_counter() - t0)
        rows.append((label, "essnet", g.num_nodes, g.num_edges, len(set(country)), float(np.median(times)),
                     int(b.raw["total"].sum())))
        if label == "small":
            with tempfile.TemporaryDirectory() as d:
                d = Path(d)
                s, t = g.edges
                pd.DataFrame({"source": s, "target": t}).to_csv(d / "e.csv", index=False)
                groups = pd.factorize(np.asarray(country, dtype=object))[0]
                pd.DataFrame({"group": groups}).to_csv(d / "c.csv", index=False)
                (d / "b.R").write_text(R_SCRIPT)
                out = subprocess.run(["Rscript", str(d / "b.R"), str(d / "e.csv"), str(d / "c.csv")],
                                     capture_output=True, text=True, check=True)
                rows.append((label, "R sna::brokerage", g.num_nodes, g.num_edges, len(set(country)),
                             float(out.stdout.split()[-1]), None))
    print(f"{args.threads} threads for essnet; R on one; median of {args.repeat} for essnet, one R run\n")
    print("| network | tool | nodes | directed ties | groups | seconds | brokered two-paths |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for label, tool, n, m, k, sec, total in rows:
        print(f"| {label} | {tool} | {n} | {m} | {k} | {sec:.3g} | {'' if total is None else total} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
