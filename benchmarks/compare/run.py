#!/usr/bin/env python3
"""Side-by-side benchmark of essnet against networkx, python-igraph, graph-tool and leidenalg.

Every tool gets the same graphs (the same node numbering and edge arrays), in one run. For each
graph and repetition the tools take turns, each in a fresh process with a timeout; loading is
timed apart from the algorithms. The report is a Markdown table of median times and of the ratios
essnet / peer (below 1: essnet is faster), with a check that every tool computed the same thing
(for randomised heuristics such as community detection, each repetition runs with its own seed,
1, 2, ..., and the check compares each tool's mean quality over the repetitions).

    .venv/bin/python benchmarks/compare/run.py                      # the standard graphs
    .venv/bin/python benchmarks/compare/run.py --graphs as-22july06 rmat16 --repeat 5 --threads 2
    .venv/bin/python benchmarks/compare/run.py --smoke              # tiny graphs, one repetition

Graphs: the real networks the repository carries (karate, florentine, krackhardt-advice,
chantier), graph-tool's collection (as-22july06, cond-mat-2005, email-Enron) and generated ones
(rmat16, rmat20, ba-1M, lfr-1e4, lfr-1e5; seeded, so every run sees the same graph). Generated and
converted graphs are cached in --cache as .npz files.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
from tools import ALGORITHMS, TOOLS, version  # noqa: E402

DATA = ROOT / "examples" / "data"
STANDARD = ["karate", "florentine", "krackhardt-advice", "chantier", "as-22july06", "cond-mat-2005", "email-Enron",
            "rmat16", "rmat20", "ba-1M", "lfr-1e4", "lfr-1e5"]
SMOKE = ["karate", "krackhardt-advice", "rmat8", "lfr-300"]
COMMUNITY = ["email-Eu-core", "polblogs", "blogcatalog"]  # community benchmarks (compare/community_quality.py)


def csv_graph(folder: str, relation: str | None, directed: bool):
    with open(DATA / folder / "nodes.csv", newline="", encoding="utf-8") as f:
        ids = [r["id"] for r in csv.DictReader(f)]
    index = {v: i for i, v in enumerate(ids)}
    s, t = [], []
    with open(DATA / folder / "edges.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if relation is None or r.get("relation") == relation:
                s.append(index[r["source"]])
                t.append(index[r["target"]])
    return len(ids), np.array(s, dtype=np.int32), np.array(t, dtype=np.int32), directed, None


def make_graph(name: str):
    """(n, sources, targets, directed, ground-truth communities or None) of a named graph."""
    import essnet

    def from_essnet(g, truth=None):
        s, t = g.edges
        return g.num_nodes, s, t, g.directed, truth

    if name == "karate":
        return csv_graph("zachary_karate", None, False)
    if name == "florentine":
        return csv_graph("padgett_florentine", "marriage", False)
    if name == "krackhardt-advice":
        return csv_graph("krackhardt_hightech", "advice", True)
    if name == "chantier":
        return from_essnet(essnet.datasets.chantier().graph(directed=False))
    if name in ("as-22july06", "cond-mat-2005", "email-Enron"):
        import graph_tool.collection

        g = graph_tool.collection.data[name]
        e = g.get_edges()
        return g.num_vertices(), e[:, 0].astype(np.int32), e[:, 1].astype(np.int32), g.is_directed(), None
    if name == "email-Eu-core":  # undirected and simple, as a community benchmark
        g = essnet.read_edgelist(DATA / "email_eu_core" / "email-Eu-core.txt", directed=False, duplicates="max")
        return from_essnet(g)
    if name in ("polblogs", "blogcatalog"):  # undirected and simple
        import pandas as pd

        if name == "polblogs":
            nodes = pd.read_csv(DATA / "polblogs" / "nodes.csv")["id"].tolist()
            edges = pd.read_csv(DATA / "polblogs" / "edges.csv")
            index = {v: i for i, v in enumerate(nodes)}
            s, t = edges["source"].map(index).to_numpy(), edges["target"].map(index).to_numpy()
            n = len(nodes)
        else:
            edges = pd.read_csv(DATA / "blogcatalog" / "edges.csv.gz", header=None, names=["u", "v"])
            s, t = edges["u"].to_numpy() - 1, edges["v"].to_numpy() - 1
            n = int(max(s.max(), t.max())) + 1
        return from_essnet(essnet.Graph.from_edges(s, t, num_nodes=n, duplicates="max", self_loops="drop"))
    if name.startswith("rmat") and name.endswith("d"):  # directed, e.g. rmat16d: 2^16 nodes, ~10^6 arcs
        return from_essnet(essnet.generate.rmat(int(name[4:-1]), 16, directed=True, seed=1))
    if name.startswith("rmat"):
        return from_essnet(essnet.generate.rmat(int(name[4:]), 16, seed=1))
    if name == "ba-1M":
        return from_essnet(essnet.generate.barabasi_albert(200_000, 5, seed=1))
    if name.startswith("lfr-"):
        n = int(float(name[4:]))
        g, truth, _ = essnet.generate.lfr(n, average_degree=20 if n >= 1000 else 10, max_degree=50, mu=0.3, seed=1)
        return from_essnet(g, truth)
    raise SystemExit(f"unknown graph {name!r}; known: {', '.join(STANDARD + SMOKE)}")


def cached_graph(name: str, cache: Path) -> Path:
    path = cache / f"{name}.npz"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        n, s, t, directed, truth = make_graph(name)
        tmp = cache / f"{name}.tmp.npz"
        np.savez(tmp, n=n, sources=np.asarray(s, dtype=np.int32), targets=np.asarray(t, dtype=np.int32),
                 directed=directed, truth=np.asarray([] if truth is None else truth, dtype=np.int32))
        os.replace(tmp, path)
    return path


def limit_memory(gigabytes: float):
    def apply():
        limit = int(gigabytes * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run_once(tool, graph_path, threads, algorithms, timeout, memory_gb, seed=1):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), ESSNET_BENCH_SEED=str(seed))
    cmd = [sys.executable, str(HERE / "worker.py"), tool, str(graph_path), str(threads), *algorithms]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env,
                           preexec_fn=limit_memory(memory_gb))
    except subprocess.TimeoutExpired:
        return {"error": "timeout"}
    if p.returncode != 0:
        last = (p.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": "out of memory" if "MemoryError" in p.stderr or "bad_alloc" in p.stderr else last[:80]}
    return json.loads(p.stdout)


def heuristic_check(by_rep: dict, repeat: int) -> str:
    """For randomised heuristics (results {"quality": q}, repetition r run with seed r): compares
    essnet's mean quality with each tool's over the repetitions both completed, and says "lower
    than" for a tool whose mean is more than 0.001 above essnet's (a report, not a mismatch)."""
    quality = {t: {i: r["quality"] for i, r in rs.items()} for t, rs in by_rep.items()}
    if "essnet" not in quality:
        return "-"
    ours = quality["essnet"]
    lower = []
    for tool, theirs in quality.items():
        shared = sorted(ours.keys() & theirs.keys())
        if tool != "essnet" and shared and \
                statistics.mean(ours[i] for i in shared) < statistics.mean(theirs[i] for i in shared) - 1e-3:
            lower.append(tool)
    shown = ", ".join(f"{t} {statistics.mean(q.values()):.4f}" + (f" ({len(q)} seeds)" if len(q) < repeat else "")
                      for t, q in quality.items())
    seeds = f"{repeat} seeds" if repeat > 1 else "1 seed"
    return ("yes" if not lower else "lower than " + ", ".join(lower)) + f" (mean quality over {seeds}: {shown})"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def memory_gib() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def same_result(a, b) -> bool:
    """Equal, floats to 1e-9 relative (tools add up in different orders), {"approx": x} to 1e-4;
    {"quality": q} (heuristics such as community detection, where partitions differ): essnet's
    quality b is at most 0.001 below the tool's a; the table then compares the means over the
    repetitions (one seed each) and says "lower than", which does not count as a mismatch."""
    if isinstance(a, dict) and isinstance(b, dict) and "quality" in a:
        return b["quality"] >= a["quality"] - 1e-3
    if isinstance(a, dict) and isinstance(b, dict):
        return math.isclose(a["approx"], b["approx"], rel_tol=1e-4)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same_result(x, y) for x, y in zip(a, b))
    return a == b


def fmt_time(t):
    return "-" if t is None else (f"{t:.3g}" if isinstance(t, float) else t)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graphs", nargs="+", default=None, help="graph names (default: the standard set)")
    parser.add_argument("--algorithms", nargs="+", default=list(ALGORITHMS), choices=list(ALGORITHMS))
    parser.add_argument("--tools", nargs="+", default=TOOLS, choices=TOOLS)
    parser.add_argument("--threads", type=int, default=2, help="OpenMP threads for essnet and graph-tool")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run (load and algorithms)")
    parser.add_argument("--memory", type=float, default=16, help="GiB of address space per run")
    parser.add_argument("--cache", type=Path, default=ROOT / "build" / "compare-cache")
    parser.add_argument("--smoke", action="store_true", help="tiny graphs, one repetition: checks the runner works")
    parser.add_argument("--json", type=Path, help="also write the raw timings here")
    args = parser.parse_args()
    if args.repeat < 1 or args.threads < 1:
        parser.error("--repeat and --threads must be positive")
    graphs = args.graphs or (SMOKE if args.smoke else STANDARD)
    repeat = 1 if args.smoke else args.repeat

    runs = {}  # (graph, tool) -> list of worker outputs
    sizes = {}
    for name in graphs:
        path = cached_graph(name, args.cache)
        with np.load(path) as d:
            sizes[name] = (int(d["n"]), len(d["sources"]), bool(d["directed"]))
        for rep in range(repeat):
            for tool in args.tools:  # alternate the tools within each repetition
                wanted = [a for a in args.algorithms if tool in ALGORITHMS[a]]
                if not wanted:
                    continue
                runs.setdefault((name, tool), []).append(
                    run_once(tool, path, args.threads, wanted, args.timeout, args.memory, seed=rep + 1))

    peers = [t for t in args.tools if t != "essnet"]
    print(f"# essnet comparison, {datetime.date.today().isoformat()}")
    print()
    print(f"Machine: {cpu_model()}, {os.cpu_count()} cores, {memory_gib():.0f} GiB; "
          f"{args.threads} threads for essnet and graph-tool (networkx, igraph and leidenalg run on one); "
          f"median of {repeat} run(s), times in seconds.")
    print("Versions: " + ", ".join(f"{t} {version(t)}" for t in args.tools))
    print()
    header = ["graph", "nodes", "edges", "algorithm", *args.tools, *[f"essnet/{p}" for p in peers], "same result"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] * 4 + ["---:"] * (len(args.tools) + len(peers)) + ["---"]) + "|")

    def median_of(name, tool, key):
        outs = runs.get((name, tool))
        if not outs:
            return None
        errors = [o["error"] for o in outs if "error" in o]
        if errors:
            return errors[0]
        if any(key in o.get("errors", {}) for o in outs):
            return "n/a"
        values = [o["times"][key] if key != "load" else o["load"] for o in outs if key == "load" or key in o["times"]]
        return statistics.median(values) if values else None

    table = []
    for name in graphs:
        n, m, directed = sizes[name]
        for algorithm in ["load", *args.algorithms]:
            cells = {t: (median_of(name, t, algorithm) if algorithm == "load" or t in ALGORITHMS[algorithm] else None)
                     for t in args.tools}
            ratios = []
            for p in peers:
                e, q = cells.get("essnet"), cells.get(p)
                ratios.append(f"{e / q:.3g}" if isinstance(e, float) and isinstance(q, float) and q > 0 else "-")
            check = ""
            if algorithm != "load":
                # Every repetition's result of each tool, by repetition.
                by_rep = {t: {i: o["results"][algorithm] for i, o in enumerate(runs.get((name, t), []))
                              if o.get("results", {}).get(algorithm) is not None} for t in args.tools}
                by_rep = {t: r for t, r in by_rep.items() if r}
                if any(isinstance(r, dict) and "quality" in r for rs in by_rep.values() for r in rs.values()):
                    check = heuristic_check(by_rep, repeat)
                else:
                    results = {t: rs[min(rs)] for t, rs in by_rep.items()}  # each tool's first result
                    reference = results.get("essnet")
                    differ = [t for t, r in results.items() if not same_result(r, reference)]
                    if reference is not None and not differ:
                        check = "yes"
                    else:
                        check = "differs: " + ", ".join(differ) if differ else "-"
            row = [name, str(n), str(m) + (" (directed)" if directed else ""), algorithm,
                   *[fmt_time(cells[t]) for t in args.tools], *ratios, check]
            table.append(row)
            print("| " + " | ".join(row) + " |")
    if args.json:
        args.json.write_text(json.dumps({"graphs": sizes, "runs": {f"{g}|{t}": r for (g, t), r in runs.items()}},
                                        indent=1))
    mismatches = [r for r in table if r[-1].startswith("differs")]
    if mismatches:
        print(f"\n{len(mismatches)} result(s) differ between tools", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
