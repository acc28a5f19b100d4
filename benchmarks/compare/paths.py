#!/usr/bin/env python3
"""Shortest paths at equal answers: essnet against scipy, igraph and networkx, in one run.

  all-pairs   unweighted distances from every node (or the first --sources nodes): essnet.distances
              against scipy.sparse.csgraph.shortest_path(unweighted=True) (BFS from each source, one
              thread) and igraph's Graph.distances; every matrix checked equal to essnet's.
  diameter    the exact diameter of the largest component: essnet.diameter (Takes & Kosters'
              bounds) against igraph's Graph.diameter (a BFS from every node) and networkx's
              diameter (all eccentricities); a peer that would run past --budget seconds is
              extrapolated from 200 (igraph: its eccentricity of 200 nodes, the same C searches) or
              20 (networkx) of its searches, and marked so.
Prints median times and the ratios (peer / essnet: above 1, essnet is faster), with the thread count.

    .venv/bin/python benchmarks/compare/paths.py --graphs cond-mat-2005 rmat20 --repeat 3 --threads 2
    .venv/bin/python benchmarks/compare/paths.py --smoke
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graphs", nargs="+", default=["cond-mat-2005", "rmat20"], help="graph names known to run.py")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--sources", type=int, default=0, help="all-pairs from this many sources (0: all nodes)")
    ap.add_argument("--all-pairs-limit", type=int, default=50_000,
                    help="skip the all-pairs comparison on graphs with more nodes than this")
    ap.add_argument("--budget", type=float, default=120, help="seconds a peer's diameter may take before it is "
                    "extrapolated from 200 of its searches")
    ap.add_argument("--networkx-limit", type=int, default=2_000_000,
                    help="skip networkx on graphs with more edges (building its graph alone takes minutes)")
    ap.add_argument("--cache", default=str(HERE.parents[1] / "build" / "compare-cache"))
    ap.add_argument("--smoke", action="store_true", help="karate, one repetition: checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.graphs, args.repeat = ["karate"], 1
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # before any OpenMP runtime starts

    import numpy as np
    import scipy.sparse.csgraph as csgraph

    import run
    from tools import load, timed

    import essnet

    rows = []
    for name in args.graphs:
        data = np.load(run.cached_graph(name, Path(args.cache)))
        n, directed = int(data["n"]), bool(data["directed"])
        eg = load("essnet", n, data["sources"], data["targets"], directed, args.threads)
        ig = load("igraph", n, data["sources"], data["targets"], directed, args.threads)
        ids = eg.nodes  # one list: the property builds it on each access
        print(f"{name}: {n} nodes, {len(data['sources'])} edges, {args.threads} threads", flush=True)
        if n <= args.all_pairs_limit:
            k = n if args.sources <= 0 else min(args.sources, n)
            A = eg.to_scipy()
            sources = list(range(k))
            times = {"essnet": [], "scipy": [], "igraph": []}
            for _ in range(args.repeat):
                chosen = None if k == n else [ids[i] for i in sources]
                t, ours = timed(lambda: essnet.distances(eg, chosen))
                times["essnet"].append(t)
                t, theirs = timed(lambda: csgraph.shortest_path(A, directed=directed, unweighted=True, indices=sources))
                times["scipy"].append(t)
                assert np.array_equal(ours, theirs), "essnet's distances differ from scipy's"
                t, ig_d = timed(lambda: np.asarray(ig.distances(source=sources), dtype=float))
                times["igraph"].append(t)
                assert np.array_equal(ours, ig_d), "essnet's distances differ from igraph's"
                del theirs, ig_d
            med = {key: statistics.median(v) for key, v in times.items()}
            for tool in ("essnet", "scipy", "igraph"):
                rows.append((name, f"distances {k} x {n}", tool, med[tool], med[tool] / med["essnet"], ""))
        # Diameter of the largest component.
        membership = essnet.connected_components(eg) if not directed else essnet.strongly_connected_components(eg)
        largest = int(np.bincount(membership).argmax())
        keep = [ids[i] for i in np.flatnonzero(membership == largest)]
        sub = eg.subgraph(keep)
        s, t = sub.edges
        sub_ig = load("igraph", sub.num_nodes, s, t, directed, args.threads)
        times = []
        for _ in range(args.repeat):
            t_es, d = timed(lambda: essnet.diameter(sub))
            times.append(t_es)
        t_es = statistics.median(times)
        task = f"diameter of {sub.num_nodes} nodes"
        rows.append((name, task, "essnet", t_es, 1.0, f"{float(d):g}, {d.searches} searches"))
        # A peer's all-BFS diameter: timed whole when its sample says it fits the budget.
        # igraph's eccentricity of a sample runs the same C breadth-first searches as its diameter,
        # without building a distance matrix in Python.
        sample = list(range(min(200, sub.num_nodes)))
        t_sample, _ = timed(lambda: sub_ig.eccentricity(vertices=sample))
        estimate = t_sample * sub.num_nodes / len(sample)
        if estimate <= args.budget:
            t_ig, d_ig = timed(lambda: sub_ig.diameter(directed=directed, unconn=False))
            assert d_ig == float(d), f"igraph's diameter {d_ig} differs from essnet's {float(d)}"
            rows.append((name, f"diameter of {sub.num_nodes} nodes", "igraph", t_ig, t_ig / t_es, f"{d_ig:g}"))
        else:
            rows.append((name, f"diameter of {sub.num_nodes} nodes", "igraph", estimate, estimate / t_es,
                         "extrapolated from 200 BFS"))
        if len(s) > args.networkx_limit:
            rows.append((name, task, "networkx", float("nan"), float("nan"),
                         f"not run: {len(s)} edges, above --networkx-limit"))
            continue
        G = load("networkx", sub.num_nodes, s, t, directed, args.threads)
        import networkx as nx

        nodes = list(G.nodes)[: min(20, sub.num_nodes)]
        t_sample, _ = timed(lambda: [nx.single_source_shortest_path_length(G, v) for v in nodes])
        estimate = t_sample * sub.num_nodes / len(nodes)
        if estimate <= args.budget:
            t_nx, d_nx = timed(lambda: nx.diameter(G))
            assert d_nx == float(d), f"networkx's diameter {d_nx} differs from essnet's {float(d)}"
            rows.append((name, f"diameter of {sub.num_nodes} nodes", "networkx", t_nx, t_nx / t_es, f"{d_nx:g}"))
        else:
            rows.append((name, f"diameter of {sub.num_nodes} nodes", "networkx", estimate, estimate / t_es,
                         f"extrapolated from {len(nodes)} BFS"))

    print()
    print(f"| graph | task | tool | median s | peer / essnet time | note |  (threads: {args.threads})")
    print("|---|---|---|---:|---:|---|")
    for name, task, tool, seconds, ratio, note in rows:
        print(f"| {name} | {task} | {tool} | {seconds:.4g} | {ratio:.2f} | {note} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
