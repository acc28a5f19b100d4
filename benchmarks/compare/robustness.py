#!/usr/bin/env python3
"""Robustness of betweenness (essnet.robustness): --runs perturbed copies (10% of the ties dropped)
of a Barabási-Albert network with about 10^4 ties, timed with 1 and with 2 OpenMP threads, each in
a fresh process. Prints both times and the speed-up.

    .venv/bin/python benchmarks/compare/robustness.py --runs 1000
    .venv/bin/python benchmarks/compare/robustness.py --smoke
"""

import argparse
import json
import os
import subprocess
import sys
import time


def child(nodes: int, runs: int) -> None:
    import essnet

    g = essnet.generate.barabasi_albert(nodes, 5, seed=1)
    t0 = time.perf_counter()
    essnet.robustness(g, essnet.betweenness, runs=runs, seed=1)
    print(json.dumps({"seconds": time.perf_counter() - t0, "edges": g.num_edges}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.smoke:
        args.nodes, args.runs = 200, 5
    if args.child:
        child(args.nodes, args.runs)
        return 0
    times = {}
    for threads in (1, 2):
        out = subprocess.run([sys.executable, __file__, "--child", "--nodes", str(args.nodes), "--runs",
                              str(args.runs)],
                             env=dict(os.environ,
                                      OMP_NUM_THREADS=str(threads)), capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        times[threads] = r["seconds"]
        print(f"{threads} thread(s): {r['seconds']:.2f} s for {args.runs} perturbations of {r['edges']} ties",
              flush=True)
    print(f"speed-up with 2 threads: {times[1] / times[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
