"""Speed and size of `essnet analyze`'s report: the bundled Chantier network, and synthetic
social-economy networks (essnet.generate.social_economy) of the sizes asked for.

    .venv/bin/python benchmarks/report.py                  # Chantier and 10^5 actors, ~4 x 10^5 ties
    .venv/bin/python benchmarks/report.py --actors 10000 --repeat 3
    .venv/bin/python benchmarks/report.py --smoke          # a tiny run for the test command

Prints, per network, the median wall time of --repeat runs of the essnet program (threads: what
OpenMP takes, OMP_NUM_THREADS to change it), its peak memory, and the size of report.html and of
the whole folder.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import essnet

ROOT = Path(__file__).resolve().parents[1]


def run_once(cli, inputs, out):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([str(cli), "analyze", *map(str, inputs), "--out", str(out)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"essnet analyze failed: {done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def measure(cli, label, inputs, folder, repeat):
    times, peaks = [], []
    for i in range(repeat):
        out = folder / f"{label}-{i}"
        seconds, peak = run_once(cli, inputs, out)
        times.append(seconds)
        peaks.append(peak)
    html = (out / "report.html").stat().st_size / 1e6
    total = sum(p.stat().st_size for p in out.iterdir()) / 1e6
    print(f"{label:<34} {statistics.median(times):9.2f} s {max(peaks):9.0f} MB {html:10.1f} MB {total:9.1f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actors", type=int, nargs="*", default=[100_000], help="sizes of the synthetic networks")
    parser.add_argument("--partnerships", type=float, default=5.0,
                        help="partnerships per actor (5 gives about 4 ties per actor)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--smoke", action="store_true", help="Chantier and 300 actors, once")
    parser.add_argument("--cli", default=os.environ.get("ESSNET_CLI", ROOT / "build" / "bin" / "essnet"))
    args = parser.parse_args()
    sizes = [300] if args.smoke else args.actors
    threads = os.environ.get("OMP_NUM_THREADS", str(os.cpu_count()))
    print(f"essnet analyze, {threads} threads, median of {args.repeat} run(s)")
    print(f"{'network':<34} {'time':>11} {'peak memory':>12} {'report.html':>13} {'folder':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        measure(args.cli, "Chantier (bundled)", [], folder, args.repeat)
        for n in sizes:
            net = essnet.generate.social_economy(n, partnerships_per_actor=args.partnerships, seed=1)
            path = folder / f"synthetic-{n}.essnet"
            essnet.save(net, path)
            measure(args.cli, f"synthetic {len(net.actors)} actors, {len(net.ties)} ties", [path], folder,
                    args.repeat)


if __name__ == "__main__":
    main()
