#!/usr/bin/env python3
"""Peak memory of each measure against the size of the graph it runs on.

For every measure, a fresh process builds the seeded R-MAT graph (scale 20, 16 edges per node:
about 16 M edges, by default), resets the kernel's peak-RSS mark (/proc/self/clear_refs), runs the
measure, and reads the new peak (VmHWM). The extra memory is the peak minus the resident size
just before the run; the table divides it by the graph's own size (Graph.memory_bytes: CSR arrays,
edge ids and endpoints). Exact betweenness, closeness and harmonic centrality would take hours on
this graph, so they are stopped through their progress hook after --stop-after seconds, once
every thread has allocated its buffers and is working; their peak is reached by then.

    .venv/bin/python benchmarks/compare/memory.py                  # scale 20 (Linux only)
    .venv/bin/python benchmarks/compare/memory.py --scale 10       # quick check of the script
"""

import argparse
import json
import os
import subprocess
import sys
import time

MEASURES = ["degree", "pagerank", "eigenvector", "katz", "hits", "coreness", "triangles", "clustering",
            "transitivity", "connected_components", "betweenness", "edge_betweenness", "closeness", "harmonic",
            "approximate_betweenness", "leiden", "louvain", "label_propagation", "consensus"]
STOPPED = {"betweenness", "edge_betweenness", "closeness", "harmonic", "approximate_betweenness", "consensus"}


def status_kib(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def child(measure: str, scale: int, stop_after: float) -> None:
    import essnet

    g = essnet.generate.rmat(scale, 16, seed=1)
    stop_at = time.perf_counter() + stop_after

    class Stop(Exception):
        pass

    def progress(_fraction):
        if time.perf_counter() > stop_at:
            raise Stop()

    calls = {
        "degree": lambda: essnet.degree(g),
        "pagerank": lambda: essnet.pagerank(g),
        "eigenvector": lambda: essnet.eigenvector(g),
        "katz": lambda: essnet.katz(g, alpha=1e-5),
        "hits": lambda: essnet.hits(g),
        "coreness": lambda: essnet.coreness(g),
        "triangles": lambda: essnet.triangles(g),
        "clustering": lambda: essnet.clustering(g),
        "transitivity": lambda: essnet.transitivity(g),
        "connected_components": lambda: essnet.connected_components(g),
        "betweenness": lambda: essnet.betweenness(g, progress=progress),
        "edge_betweenness": lambda: essnet.edge_betweenness(g, progress=progress),
        "closeness": lambda: essnet.closeness(g, progress=progress),
        "harmonic": lambda: essnet.harmonic(g, progress=progress),
        "approximate_betweenness": lambda: essnet.approximate_betweenness(g, progress=progress),
        "leiden": lambda: essnet.leiden(g),
        "louvain": lambda: essnet.louvain(g),
        "label_propagation": lambda: essnet.label_propagation(g),
        "consensus": lambda: essnet.consensus(g, runs=4, max_iterations=1, progress=progress),
    }
    before = status_kib("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # reset the peak-RSS mark to the current RSS
    t0 = time.perf_counter()
    stopped = False
    try:
        calls[measure]()
    except Stop:
        stopped = True
    seconds = time.perf_counter() - t0
    peak = status_kib("VmHWM")
    print(json.dumps({"graph_bytes": g.memory_bytes, "nodes": g.num_nodes, "edges": g.num_edges,
                      "extra_bytes": (peak - before) * 1024, "seconds": seconds, "stopped": stopped}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=20)
    ap.add_argument("--measures", nargs="+", default=MEASURES, choices=MEASURES)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--stop-after", type=float, default=5.0)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.scale, args.stop_after)
        return 0
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
    print(f"R-MAT scale {args.scale}, 16 edges per node, {args.threads} threads\n")
    print("| measure | graph MB | extra peak MB | extra / graph | seconds | note |")
    print("|---|---:|---:|---:|---:|---|")
    worst = 0.0
    for m in args.measures:
        out = subprocess.run([sys.executable, __file__, "--child", m, "--scale", str(args.scale),
                              "--stop-after", str(args.stop_after)], env=env, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"| {m} | - | - | - | - | failed: {out.stderr.strip().splitlines()[-1][:80]} |")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        ratio = r["extra_bytes"] / r["graph_bytes"]
        worst = max(worst, ratio)
        note = f"stopped after {args.stop_after:g} s" if r["stopped"] else ""
        print(f"| {m} | {r['graph_bytes'] / 1e6:.0f} | {r['extra_bytes'] / 1e6:.0f} | {ratio:.2f} | "
              f"{r['seconds']:.2f} | {note} |", flush=True)
    print(f"\nlargest extra / graph: {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
