#!/usr/bin/env python3
"""Reading network files: essnet against networkx and igraph on the same files, and the essnet
snapshot against re-parsing the same network from CSV.

A synthetic social-economy network of about 10^6 ties (names, kinds, countries, years, weights,
provenance) is written once as GraphML and as GEXF 1.2draft (the version networkx reads), as CSV
tables and as a snapshot. Each reader then reads the same file --repeat times, each run in a fresh
process (so the peak memory of each is its own); medians are reported, with ratios.

    .venv/bin/python benchmarks/compare/formats.py                 # ~10^6 ties (several minutes: networkx is slow)
    .venv/bin/python benchmarks/compare/formats.py --smoke         # tiny, checks the script
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

READERS = {
    "graphml": {
        "essnet": "import essnet; essnet.read_graphml(path)",
        "networkx": "import networkx; networkx.read_graphml(path)",
        "igraph": "import igraph; igraph.Graph.Read_GraphML(path)",
    },
    "gexf": {
        "essnet": "import essnet; essnet.read_gexf(path)",
        "networkx": "import networkx; networkx.read_gexf(path)",
    },
    "snapshot": {
        "essnet load": "import essnet; essnet.load(path)",
        "essnet read_csv": "import essnet; essnet.read_csv(path + '.actors.csv', path + '.ties.csv')",
    },
}


def peak_memory() -> int:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def child(statement: str, path: str) -> None:
    exec(statement.split(";")[0])  # the import, outside the timing
    t0 = time.perf_counter()
    exec(statement, {"path": path})
    seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "peak_bytes": peak_memory()}))


def run(statement: str, path: str, threads: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", statement, path], capture_output=True, text=True,
                         env=dict(os.environ, OMP_NUM_THREADS=str(threads)))
    if out.returncode != 0:
        raise RuntimeError(f"{statement} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actors", type=int, default=410_000, help="actors of the synthetic network (~10^6 ties)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--skip", nargs="*", default=[], help="readers to leave out, as format:tool")
    ap.add_argument("--formats", nargs="*", default=list(READERS), choices=list(READERS))
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return 0
    if args.smoke:
        args.actors, args.repeat = 300, 1
    import essnet

    net = essnet.generate.social_economy(args.actors, seed=1)
    ties = net.ties
    ties["directed"] = True  # networkx and igraph refuse GraphML that mixes directed and undirected edges
    net = essnet.from_pandas(net.actors, ties)
    with tempfile.TemporaryDirectory() as tmp:
        paths = {"graphml": os.path.join(tmp, "net.graphml"), "gexf": os.path.join(tmp, "net.gexf"),
                 "snapshot": os.path.join(tmp, "net.essnet")}
        essnet.write_graphml(net, paths["graphml"])
        essnet.write_gexf(net, paths["gexf"], version="1.2draft")
        essnet.save(net, paths["snapshot"])
        net.actors.to_csv(paths["snapshot"] + ".actors.csv", index=False)
        net.ties.to_csv(paths["snapshot"] + ".ties.csv", index=False)
        print(f"network: {net.num_actors} actors, {net.num_ties} ties; essnet with {args.threads} threads, "
              f"others on one; median of {args.repeat}, each run in a fresh process")
        megabytes = {key: os.path.getsize(path) / 1e6 for key, path in paths.items()}
        csv_megabytes = (os.path.getsize(paths['snapshot'] + '.actors.csv')
                         + os.path.getsize(paths['snapshot'] + '.ties.csv')) / 1e6
        print(f"file sizes: GraphML {megabytes['graphml']:.1f} MB, GEXF {megabytes['gexf']:.1f} MB, "
              f"snapshot {megabytes['snapshot']:.1f} MB, CSV {csv_megabytes:.1f} MB")
        print()
        print("| file | reader | median s | peak memory MB | ratio to essnet |")
        print("|---|---|---:|---:|---:|")
        baseline = run("import essnet", paths["snapshot"], args.threads)["peak_bytes"] / 1e6
        print(f"(peak memory of a process that only imports essnet: {baseline:.0f} MB)")
        for fmt, readers in READERS.items():
            if fmt not in args.formats:
                continue
            medians = {}
            for tool, statement in readers.items():
                if f"{fmt}:{tool}" in args.skip:
                    continue
                runs = [run(statement, paths[fmt], args.threads) for _ in range(args.repeat)]
                medians[tool] = statistics.median(r["seconds"] for r in runs)
                peak = max(r["peak_bytes"] for r in runs) / 1e6
                first = next(iter(medians.values()))
                print(f"| {fmt} | {tool} | {medians[tool]:.3f} | {peak:.0f} | {medians[tool] / first:.1f} |",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
