#!/usr/bin/env python3
"""Edge-list parsing throughput: essnet.read_edgelist against pandas.read_csv (C engine).

Writes a seeded R-MAT edge list ("u v" per line, decimal node ids) to a temporary file, then times,
alternating the tools, each repetition on the same file:
  essnet parse   essnet.read_edgelist_arrays(path)  (parse and number the nodes: arrays out)
  essnet graph   essnet.read_edgelist(path)   (the same, then build the graph)
  pandas   pandas.read_csv(path, sep=" ", header=None, names=["u", "v"], engine="c")  (parse only)
and prints the median times, the MB/s of each, and the ratio pandas / essnet parse (> 1: essnet
faster). pandas.read_csv only splits the columns into integers; essnet also maps every token to a
node number, so the comparison favours pandas.

    .venv/bin/python benchmarks/compare/parse_edgelist.py --edges 10000000 --repeat 5

(.venv is the environment scripts/build.sh makes: Debian's python3 with essnet installed.)
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

import numpy as np
import pandas as pd

import essnet


def rmat_edges(scale: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """R-MAT with Graph500 parameters (A=0.57, B=0.19, C=0.19), vectorised over bits."""
    rng = np.random.default_rng(seed)
    u = np.zeros(m, dtype=np.int64)
    v = np.zeros(m, dtype=np.int64)
    for _ in range(scale):
        r = rng.random(m)
        down = r >= 0.76  # quadrants C, D
        right = ((r >= 0.57) & (r < 0.76)) | (r >= 0.95)  # quadrants B, D
        u = (u << 1) | down
        v = (v << 1) | right
    return u, v


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edges", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.edges < 1 or args.repeat < 1:
        parser.error("--edges and --repeat must be positive")

    scale = max(4, int(np.ceil(np.log2(max(args.edges // 16, 16)))))
    u, v = rmat_edges(scale, args.edges, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "edges.txt")
        pd.DataFrame({"u": u, "v": v}).to_csv(path, sep=" ", header=False, index=False)
        size_mb = os.path.getsize(path) / 1e6
        times = {"essnet parse": [], "essnet graph": [], "pandas": []}
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            nodes, sources, targets, _ = essnet.read_edgelist_arrays(path)
            times["essnet parse"].append(time.perf_counter() - t0)
            assert len(sources) == args.edges, "essnet read a wrong number of edges"
            # Check once against the written edges: node numbers map back to the ids.
            names = np.asarray(nodes, dtype=np.int64)
            assert np.array_equal(names[sources], u) and np.array_equal(names[targets], v)
            del nodes, sources, targets, names
            t0 = time.perf_counter()
            g = essnet.read_edgelist(path)
            times["essnet graph"].append(time.perf_counter() - t0)
            assert g.num_edges == args.edges, "essnet read a wrong number of edges"
            del g
            t0 = time.perf_counter()
            df = pd.read_csv(path, sep=" ", header=None, names=["u", "v"], engine="c")
            times["pandas"].append(time.perf_counter() - t0)
            assert len(df) == args.edges, "pandas read a wrong number of edges"
            del df
    med = {k: statistics.median(t) for k, t in times.items()}
    threads = os.environ.get("OMP_NUM_THREADS", str(os.cpu_count()))
    print(f"# Edge-list parsing: {args.edges:,} edges, {size_mb:.1f} MB, median of {args.repeat}")
    print(f"# essnet parse and pandas run on 1 thread; essnet graph builds with up to {threads} OpenMP threads")
    print()
    print("| tool | median s | MB/s |")
    print("|---|---:|---:|")
    for k in ("essnet parse", "essnet graph", "pandas"):
        print(f"| {k} | {med[k]:.3f} | {size_mb / med[k]:.0f} |")
    print()
    print(f"ratio pandas / essnet parse time: {med['pandas'] / med['essnet parse']:.2f} (above 1: essnet is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
