#!/usr/bin/env python3
"""ForceAtlas2 against graphology-layout-forceatlas2 (node), and graph-tool's sfdp_layout.

On each graph, in one run, from the same random start (uniform in a square of side 10 sqrt(n)):
  essnet      essnet.layout.forceatlas2: Barnes-Hut, theta 1.2, scaling 2, gravity 1, the given
              iterations, `--threads` threads;
  graphology  graphology-layout-forceatlas2 0.10 under node with the same settings (one thread);
  graph-tool  sfdp_layout with its defaults (until its own convergence), `--threads` threads.
Prints median seconds per iteration (per run for sfdp), the ratio graphology / essnet, and the
quality of each result: scale-normalised stress, neighbourhood preservation and crossings
(essnet.layout.quality, the same function for all three).

    .venv/bin/python benchmarks/compare/layout.py --graphs cond-mat-2005 --iterations 100 --repeat 3
    .venv/bin/python benchmarks/compare/layout.py --smoke

graphology comes from benchmarks/compare/node (npm ci there; scripts/setup.sh does it).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NODE_DIR = HERE / "node"
sys.path.insert(0, str(HERE))


def run_graphology(n, sources, targets, start, iterations, theta):
    import numpy as np

    with tempfile.TemporaryDirectory() as tmp:
        edges = Path(tmp) / "edges.txt"
        with open(edges, "w") as f:
            f.write(f"{n}\n")
            f.write("\n".join(f"{s} {t}" for s, t in zip(sources.tolist(), targets.tolist())))
        np.savetxt(str(edges) + ".start", start)
        out = Path(tmp) / "positions.txt"
        done = subprocess.run(["node", str(NODE_DIR / "forceatlas2.js"), str(edges), str(iterations), str(theta),
                               str(out)], capture_output=True, text=True, check=True)
        return json.loads(done.stdout)["seconds_per_iteration"], np.loadtxt(out).reshape(n, 2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graphs", nargs="+", default=["cond-mat-2005", "as-22july06"], help="graph names known to run.py")
    ap.add_argument("--iterations", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--cache", default=str(HERE.parents[1] / "build" / "compare-cache"))
    ap.add_argument("--no-sfdp", action="store_true", help="leave graph-tool's sfdp out (minutes per run)")
    ap.add_argument("--smoke", action="store_true", help="karate, one repetition: checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.graphs, args.repeat, args.iterations = ["karate"], 1, 20
    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    import numpy as np

    import run
    from tools import load

    import essnet
    import graph_tool.draw as gtd

    rows = []
    for name in args.graphs:
        data = np.load(run.cached_graph(name, Path(args.cache)))
        n = int(data["n"])
        sources, targets = data["sources"], data["targets"]
        eg = load("essnet", n, sources, targets, False, args.threads)
        gg = load("graph-tool", n, sources, targets, False, args.threads)
        start = np.random.default_rng(0).uniform(-0.5, 0.5, size=(n, 2)) * 10 * np.sqrt(n)
        print(f"{name}: {n} nodes, {len(sources)} edges, {args.iterations} iterations, {args.threads} threads",
              flush=True)
        times = {"essnet": [], "graphology": []}
        if not args.no_sfdp:
            times["graph-tool sfdp"] = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            pos_essnet = essnet.layout.forceatlas2(eg, iterations=args.iterations, initial=start,
                                                   repulsion="barnes_hut")
            times["essnet"].append((time.perf_counter() - t0) / args.iterations)
            per_iteration, pos_graphology = run_graphology(n, sources, targets, start, args.iterations, 1.2)
            times["graphology"].append(per_iteration)
            if not args.no_sfdp:
                t0 = time.perf_counter()
                pos_sfdp = gtd.sfdp_layout(gg)
                times["graph-tool sfdp"].append(time.perf_counter() - t0)
                pos_sfdp = np.asarray(pos_sfdp.get_2d_array([0, 1])).T
        med = {key: statistics.median(v) for key, v in times.items()}
        results = [("essnet", pos_essnet), ("graphology", pos_graphology)]
        if not args.no_sfdp:
            results.append(("graph-tool sfdp", pos_sfdp))
        for tool, pos in results:
            q = essnet.layout.quality(eg, pos)
            rows.append((name, tool, med[tool], med["graphology"] / med[tool] if tool == "graphology" else None, q))
        rows[-len(results)] = rows[-len(results)][:3] + (med["graphology"] / med["essnet"],) + rows[-len(results)][4:]

    print()
    print("| graph | tool | median s per iteration (sfdp: per run) | graphology / essnet | stress "
          "| neighbourhood preservation | crossings |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, tool, seconds, ratio, q in rows:
        shown = "-" if ratio is None or tool != "essnet" else f"{ratio:.1f}"
        crossings = f"{q['crossings']:.4g}" + ("" if q["crossings_exact"] else " (est.)")
        print(f"| {name} | {tool} | {seconds:.4g} | {shown} | {q['stress']:.4f} | "
              f"{q['neighbourhood_preservation']:.4f} | {crossings} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
