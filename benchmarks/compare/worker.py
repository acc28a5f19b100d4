"""One timed run: load one graph into one tool, run the requested algorithms, print JSON.

    worker.py TOOL GRAPH.npz THREADS ALGORITHM [ALGORITHM ...]

Run by run.py in a fresh process per (tool, graph, repetition), so that tools never share memory
or warm caches, a crash or a timeout costs one run, and the thread count is set before any import.
"""

import json
import sys
import time

import numpy as np

from tools import ALGORITHMS, load, prepare, reseed


def main() -> int:
    tool, path, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    algorithms = sys.argv[4:]
    data = np.load(path)
    n, directed = int(data["n"]), bool(data["directed"])
    prepare(tool)
    t0 = time.perf_counter()
    graph = load(tool, n, data["sources"], data["targets"], directed, threads)
    out = {"load": time.perf_counter() - t0, "times": {}, "results": {}}
    for name in algorithms:
        if tool not in ALGORITHMS[name]:
            continue
        run, summary = ALGORITHMS[name][tool]
        try:
            reseed(tool)
            t0 = time.perf_counter()
            result = run(graph)
            out["times"][name] = time.perf_counter() - t0
            out["results"][name] = summary(graph, result)
        except Exception as e:  # a tool that does not handle this graph (say, directed): "n/a"
            out.setdefault("errors", {})[name] = f"{type(e).__name__}: {e}"[:80]
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
