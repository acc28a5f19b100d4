#!/usr/bin/env python3
"""QAP regression: essnet.inference.qap_regression against R sna's netlm, on the same data in one run.

A seeded directed network of --actors actors: y is a weighted outcome, the predictors are a binary
network, a uniform dyadic attribute and a normal one correlated with the first (3 predictors and an
intercept). Each tool fits the linear model and tests every term with --permutations permutations
under Dekker et al.'s semi-partialling (sna's nullhyp "qapspp") and under "qapy". Both get the same
matrices; essnet runs on --threads threads, R on one (sna has no threads). The estimates are checked
equal to 1e-9. Prints the median seconds over --repeat runs (R runs once: it takes minutes).

    .venv/bin/python benchmarks/compare/qap.py --actors 500 --permutations 1000
    .venv/bin/python benchmarks/compare/qap.py --smoke
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

R_SCRIPT = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
read <- function(name) as.matrix(read.csv(file.path(folder, name), header = FALSE))
y <- read("y.csv")
x <- list(read("x1.csv"), read("x2.csv"), read("x3.csv"))
set.seed(1)
for (h in c("qapy", "qapspp")) {
  t <- system.time(f <- netlm(y, x, nullhyp = h, reps = as.integer(args[2])))[["elapsed"]]
  cat(h, t, sprintf("%.17g", f$coefficients), "\n")
}
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actors", type=int, default=500)
    ap.add_argument("--permutations", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--smoke", action="store_true", help="30 actors, 50 permutations: checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.actors, args.permutations, args.repeat = 30, 50, 1
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # before any OpenMP runtime starts

    import numpy as np

    from essnet.inference import qap_regression
    from tools import timed

    rng = np.random.default_rng(1)
    n = args.actors
    a = (rng.random((n, n)) < 0.05).astype(float)
    b = rng.random((n, n))
    c = 0.5 * a + rng.normal(size=(n, n))
    y = 0.3 * a + 0.1 * b + rng.normal(size=(n, n))
    print(f"{n} actors ({n * (n - 1)} dyads), 3 predictors, {args.permutations} permutations; "
          f"essnet on {args.threads} threads (median of {args.repeat}), R sna netlm on 1")
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        for name, m in (("y", y), ("x1", a), ("x2", b), ("x3", c)):
            np.savetxt(d / f"{name}.csv", m, delimiter=",", fmt="%.17g")
        (d / "qap.R").write_text(R_SCRIPT)
        out = subprocess.run(["Rscript", str(d / "qap.R"), str(d), str(args.permutations)], check=True,
                             capture_output=True, text=True).stdout
    r = {line.split()[0]: [float(v) for v in line.split()[1:]] for line in out.strip().splitlines()}
    print("| null | essnet s | R sna s | ratio |")
    print("|---|---:|---:|---:|")
    for null in ("qapy", "qapspp"):
        times, fit = [], None
        for _ in range(args.repeat):
            t, fit = timed(lambda: qap_regression(y, [a, b, c], null=null, permutations=args.permutations, seed=1))
            times.append(t)
        np.testing.assert_allclose(fit.coefficients["estimate"], r[null][1:], rtol=1e-9, atol=1e-12)
        ours, theirs = statistics.median(times), r[null][0]
        print(f"| {null} | {ours:.3g} | {theirs:.3g} | {theirs / ours:.1f}x |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
