#!/usr/bin/env python3
"""Community detection quality: essnet against leidenalg (and igraph) on the same graphs, one run.

Three parts, all with seeds 0, 1, ... for every tool (--parts picks some):
  modularity   mean and best modularity over --seeds runs of Leiden (modularity, 2 rounds) on
               email-Eu-core, polblogs, blogcatalog (undirected, simple) and cond-mat-2005;
               essnet.leiden against leidenalg.find_partition(ModularityVertexPartition) and
               igraph's community_leiden(objective_function="modularity"); every modularity is
               computed by igraph on the same graph.
  lfr          LFR graphs from essnet.generate.lfr (--lfr-nodes nodes, average degree 20, maximum
               50) at mu = 0.1, ..., 0.6, --lfr-seeds graphs each: mean NMI (igraph's
               compare_communities, Danon et al.) of each tool's partition with the planted one;
               --lfr-runs runs of each tool per graph (one by default) give the mean difference
               from leidenalg a standard error, paired by graph and seed.
  louvain      mean modularity and median time over --seeds runs of essnet.louvain and igraph's
               community_multilevel (its random generator seeded the same) on --louvain-graphs.
Prints Markdown tables; the last column says whether essnet meets the bar: mean modularity at
least leidenalg's minus 0.001, mean NMI at least leidenalg's; for Louvain, mean modularity at least
igraph's and at least 3 times faster.

    .venv/bin/python benchmarks/compare/community_quality.py                 # full run (minutes)
    .venv/bin/python benchmarks/compare/community_quality.py --smoke         # tiny, checks the script
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def modularity_runs(tools: dict, ig, seeds: int):
    """Each tool's modularity (computed by igraph on `ig`) and seconds for seeds 0..seeds-1."""
    q, secs = {}, {}
    for tool, fn in tools.items():
        q[tool], secs[tool] = [], []
        for seed in range(seeds):
            t0 = time.perf_counter()
            membership = fn(seed)
            secs[tool].append(time.perf_counter() - t0)
            q[tool].append(ig.modularity(membership))
    return q, secs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graphs", nargs="+", default=["email-Eu-core", "polblogs", "blogcatalog", "cond-mat-2005"])
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--lfr-nodes", type=int, default=10_000)
    ap.add_argument("--lfr-seeds", type=int, default=5)
    ap.add_argument("--lfr-runs", type=int, default=1,
                    help="runs of each tool per LFR graph (seeds s + 1000 r); above 1, adds the standard error")
    ap.add_argument("--mus", type=float, nargs="+", default=[0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    ap.add_argument("--louvain-graphs", nargs="+", default=["cond-mat-2005", "lfr-1e5"])
    parts = ["modularity", "lfr", "louvain"]
    ap.add_argument("--parts", nargs="+", default=parts, choices=parts)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--smoke", action="store_true", help="karate and a 300-node LFR graph, 2 seeds")
    ap.add_argument("--cache", default=str(HERE.parents[1] / "build" / "compare-cache"))
    args = ap.parse_args()
    if args.smoke:
        args.graphs, args.seeds, args.lfr_nodes, args.lfr_seeds, args.mus = ["karate"], 2, 300, 1, [0.1, 0.3]
        args.louvain_graphs = ["karate"]
    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    import igraph
    import leidenalg
    import numpy as np

    import essnet
    import run

    def both_graphs(name: str):
        """A cached benchmark graph as (nodes, sources, essnet graph, igraph graph)."""
        data = np.load(run.cached_graph(name, Path(args.cache)))
        n, s, t = int(data["n"]), data["sources"], data["targets"]
        edges = np.column_stack([s, t]).tolist()
        return n, s, essnet.Graph.from_edges(s, t, num_nodes=n), igraph.Graph(n=n, edges=edges)

    def tools(g, ig):
        return {
            "essnet": lambda seed: essnet.leiden(g, seed=seed).membership.tolist(),
            "leidenalg": lambda seed: leidenalg.find_partition(
                ig, leidenalg.ModularityVertexPartition, seed=seed).membership,
            "igraph": lambda seed: (igraph.set_random_number_generator(__import__("random").Random(seed)),
                                    ig.community_leiden(objective_function="modularity", n_iterations=2).membership)[1],
        }

    ok = True
    if "modularity" not in args.parts:
        args.graphs = []
    if "lfr" not in args.parts:
        args.mus = []
    if "louvain" not in args.parts:
        args.louvain_graphs = []
    if args.graphs:
        print(f"## Mean modularity over {args.seeds} seeds (Leiden, modularity; computed by igraph)\n")
        print("| graph | nodes | edges | essnet mean | leidenalg mean | igraph mean | essnet best | leidenalg best | "
              "essnet s/run | leidenalg s/run | meets bar |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name in args.graphs:
        n, s, g, ig = both_graphs(name)
        q, secs = modularity_runs(tools(g, ig), ig, args.seeds)
        mean = {k: statistics.mean(v) for k, v in q.items()}
        meets = mean["essnet"] >= mean["leidenalg"] - 0.001
        ok &= meets
        print(f"| {name} | {n} | {len(s)} | {mean['essnet']:.5f} | {mean['leidenalg']:.5f} | {mean['igraph']:.5f} | "
              f"{max(q['essnet']):.5f} | {max(q['leidenalg']):.5f} | {statistics.median(secs['essnet']):.3g} | "
              f"{statistics.median(secs['leidenalg']):.3g} | {'yes' if meets else 'no'} |", flush=True)

    if args.mus:
        runs = f", {args.lfr_runs} runs each" if args.lfr_runs > 1 else ""
        print(f"\n## LFR ({args.lfr_nodes} nodes): mean NMI with the planted partition over "
              f"{args.lfr_seeds} graphs{runs}\n")
        print("| mu | realised mixing | essnet NMI | leidenalg NMI | igraph NMI "
              "| essnet - leidenalg (standard error) | meets bar |")
        print("|---:|---:|---:|---:|---:|---:|---|")
    for mu in args.mus:
        nmi = {"essnet": [], "leidenalg": [], "igraph": []}
        mixing = []
        for seed in range(args.lfr_seeds):
            g, truth, mix = essnet.generate.lfr(args.lfr_nodes, average_degree=20 if args.lfr_nodes >= 1000 else 10,
                                                max_degree=50, mu=mu, seed=seed)
            mixing.append(mix)
            s, t = g.edges
            ig = igraph.Graph(n=g.num_nodes, edges=np.column_stack([s, t]).tolist())
            for run_index in range(args.lfr_runs):
                for tool, fn in tools(g, ig).items():
                    found = fn(seed + 1000 * run_index)
                    nmi[tool].append(igraph.compare_communities(found, truth.tolist(), method="nmi"))
        mean = {k: statistics.mean(v) for k, v in nmi.items()}
        # Paired by graph and seed: the spread of the differences, not of each tool's NMI.
        differences = [a - b for a, b in zip(nmi["essnet"], nmi["leidenalg"])]
        error = f" ({statistics.stdev(differences) / len(differences) ** 0.5:.4f})" if len(differences) > 1 else ""
        meets = mean["essnet"] >= mean["leidenalg"]
        ok &= meets
        print(f"| {mu:.1f} | {statistics.mean(mixing):.3f} | {mean['essnet']:.4f} | {mean['leidenalg']:.4f} | "
              f"{mean['igraph']:.4f} | {mean['essnet'] - mean['leidenalg']:+.4f}{error} | "
              f"{'yes' if meets else 'no'} |", flush=True)
    if args.louvain_graphs:
        print(f"\n## Louvain: mean modularity over {args.seeds} seeds (computed by igraph) and median time\n")
        print("| graph | essnet mean | igraph mean | essnet - igraph (standard error) "
              "| essnet min..max | igraph min..max | essnet s | igraph s | speed-up | meets bar |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name in args.louvain_graphs:
        n, s, g, ig = both_graphs(name)
        runs = {
            "essnet": lambda seed: essnet.louvain(g, seed=seed).membership.tolist(),
            "igraph": lambda seed: (igraph.set_random_number_generator(__import__("random").Random(seed)),
                                    ig.community_multilevel().membership)[1],
        }
        q, secs = modularity_runs(runs, ig, args.seeds)
        mean = {k: statistics.mean(v) for k, v in q.items()}
        speedup = statistics.median(secs["igraph"]) / statistics.median(secs["essnet"])
        differences = [a - b for a, b in zip(q["essnet"], q["igraph"])]
        error = f" ({statistics.stdev(differences) / len(differences) ** 0.5:.6f})" if len(differences) > 1 else ""
        meets = mean["essnet"] >= mean["igraph"] and speedup >= 3
        ok &= meets
        print(f"| {name} | {mean['essnet']:.5f} | {mean['igraph']:.5f} | "
              f"{mean['essnet'] - mean['igraph']:+.6f}{error} | "
              f"{min(q['essnet']):.4f}..{max(q['essnet']):.4f} | "
              f"{min(q['igraph']):.4f}..{max(q['igraph']):.4f} | {statistics.median(secs['essnet']):.3g} | "
              f"{statistics.median(secs['igraph']):.3g} | {speedup:.1f} | {'yes' if meets else 'no'} |", flush=True)
    igraph.set_random_number_generator(__import__("random"))

    print("\nall bars met" if ok else "\nsome bars not met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
