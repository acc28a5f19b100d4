#!/usr/bin/env python3
"""Time-respecting paths on a synthetic social-economy network with about 10^5 dated ties
(essnet.generate.social_economy: yearly events, partnerships and memberships with start and end
years, over 30 years), in one run:

  reachable    forward reach sizes of every actor (R tsna's tReach), from the first year: the
               bit-parallel sweeps of essnet.temporal.reachable, checked against one earliest-arrival
               search (tsna's tPath, the way tsna computes tReach) for each of --sample actors. The
               C++ benchmark bench_temporal times one search (BM_EarliestArrival), for the ratio.
  closeness    temporal closeness of every actor (the same sweep).
  betweenness  journey betweenness on a smaller network of the same kind (--betweenness-actors),
               at a size where it takes seconds.

No peer library computes journeys: networkx and igraph have none, and R's tsna is not packaged for
Debian. The issue's target is absolute: reach for every actor of a 10^5-tie network under 10 s.
Prints medians over --repeat runs, with the thread count.

    .venv/bin/python benchmarks/compare/temporal.py --repeat 3 --threads 2
    .venv/bin/python benchmarks/compare/temporal.py --smoke
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actors", type=int, default=40_200, help="actors of the synthetic network (10^5 ties)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--sample", type=int, default=200, help="actors searched one by one for the baseline")
    ap.add_argument("--betweenness-actors", type=int, default=2000, help="actors of the betweenness network")
    ap.add_argument("--smoke", action="store_true", help="a small network, one repetition: checks the script works")
    args = ap.parse_args()
    if args.smoke:
        args.actors, args.repeat, args.sample, args.betweenness_actors = 500, 1, 20, 100
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # before any OpenMP runtime starts

    import numpy as np

    import essnet
    from essnet import temporal
    from tools import timed

    net = essnet.generate.social_economy(args.actors, seed=1)
    ties = net.ties
    dated = int(ties["start_year"].notna().sum())
    start = int(ties["start_year"].min())
    print(f"social_economy({args.actors}, seed=1): {net.num_actors} actors, {net.num_ties} ties ({dated} dated, "
          f"{int(ties['end_year'].notna().sum())} with an end year), years {start}-{int(ties['start_year'].max())}; "
          f"{args.threads} threads, median of {args.repeat}")

    reach_times, reach = [], None
    for _ in range(args.repeat):
        t, reach = timed(lambda: temporal.reachable(net, start))
        reach_times.append(t)
    ids = list(reach.index)
    sample = ids[:: max(1, len(ids) // args.sample)][: args.sample]
    for actor in sample:
        arrival = temporal.earliest_arrival(net, actor, start)
        size = int(np.isfinite(arrival.to_numpy()).sum())
        if size != reach[actor]:
            raise SystemExit(f"reach of {actor}: sweep {reach[actor]}, search {size}")
    sweep = statistics.median(reach_times)
    print(f"reachable (every actor)   {sweep:8.3f} s   mean reach {reach.mean():.0f}; equal to single searches "
          f"from {len(sample)} actors")

    close_times = [timed(lambda: temporal.closeness(net, start))[0] for _ in range(args.repeat)]
    print(f"closeness (every actor)   {statistics.median(close_times):8.3f} s")

    between_times, between = [], None
    small = essnet.generate.social_economy(args.betweenness_actors, seed=1)
    for _ in range(args.repeat):
        t, between = timed(lambda: temporal.betweenness(small, start))
        between_times.append(t)
    print(f"betweenness ({small.num_actors} actors, {small.num_ties} ties)   {statistics.median(between_times):8.3f} s")
    if sweep > 10 and not args.smoke:
        print("reachable took more than the 10 s target")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
