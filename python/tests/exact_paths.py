"""Exact shortest-path betweenness, a reference for weighted graphs whose path lengths tie.

Brandes' algorithm (Brandes 2001) with every edge length a ``fractions.Fraction`` taken from the
weight's decimal text, so that two paths of equal length in decimal arithmetic are seen as equal.
networkx sums float lengths and compares them with ``==``: 0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1
differ in the last bit, and such a tie is missed. Weights must be positive. Pure Python,
no essnet import.
"""

import heapq
import random
from fractions import Fraction


def _length(w):
    """The exact value of the weight ``w`` as written: ``Fraction("0.1")`` is 1/10."""
    return Fraction(str(w))


def _shortest_arcs(n, edges, directed):
    """``arcs[u][v]``: the smallest length of an edge from ``u`` to ``v``, self-loops left out."""
    arcs = [{} for _ in range(n)]
    for u, v, w in edges:
        if u == v:
            continue
        length = _length(w)
        pairs = [(u, v)] if directed else [(u, v), (v, u)]
        for a, b in pairs:
            if b not in arcs[a] or length < arcs[a][b]:
                arcs[a][b] = length
    return arcs


def _dijkstra(arcs, s):
    """From source ``s``: nodes by distance, shortest-path predecessors and path counts."""
    dist = {s: Fraction(0)}
    sigma = {s: 1}
    preds = {s: []}
    order = []
    done = set()
    heap = [(Fraction(0), s)]
    while heap:
        d, v = heapq.heappop(heap)
        if v in done:
            continue
        done.add(v)
        order.append(v)
        for w, length in arcs[v].items():
            dw = d + length
            if w not in dist or dw < dist[w]:
                dist[w] = dw
                sigma[w] = sigma[v]
                preds[w] = [v]
                heapq.heappush(heap, (dw, w))
            elif dw == dist[w] and w not in done:
                sigma[w] += sigma[v]
                preds[w].append(v)
    return order, preds, sigma


def _dependencies(arcs, s):
    """Brandes' accumulation from ``s``: node dependencies and the credit of each arc (v, w)."""
    order, preds, sigma = _dijkstra(arcs, s)
    delta = dict.fromkeys(order, Fraction(0))
    arc_credit = {}
    for w in reversed(order):
        coeff = (1 + delta[w]) / sigma[w]
        for v in preds[w]:
            c = sigma[v] * coeff
            arc_credit[(v, w)] = c
            delta[v] += c
    del delta[s]
    return delta, arc_credit


def exact_betweenness(n, edges, directed, normalized=True):
    """Node betweenness of the graph on nodes ``0..n-1`` with ``edges`` as (u, v, weight).

    Scaled as networkx's ``betweenness_centrality(G, weight="weight", endpoints=False)``: each
    source contributes its dependencies, so an undirected pair counts twice; normalized divides
    by (n-1)(n-2) (when n > 2), otherwise an undirected score is halved. A list of floats.
    """
    arcs = _shortest_arcs(n, edges, directed)
    total = [Fraction(0)] * n
    for s in range(n):
        delta, _ = _dependencies(arcs, s)
        for v, d in delta.items():
            total[v] += d
    if normalized:
        scale = Fraction(1, (n - 1) * (n - 2)) if n > 2 else Fraction(1)
    else:
        scale = Fraction(1) if directed else Fraction(1, 2)
    return [float(b * scale) for b in total]


def exact_edge_betweenness(n, edges, directed, normalized=True):
    """Edge betweenness, one float per entry of ``edges`` in the same order.

    Scaled as networkx's ``edge_betweenness_centrality(G, weight="weight")``: normalized divides
    the sum over sources by n(n-1) (when n > 1), otherwise an undirected score is halved. Parallel
    edges of the smallest weight share their pair's credit equally (networkx's multigraph rule);
    heavier parallel edges and self-loops get 0.
    """
    arcs = _shortest_arcs(n, edges, directed)

    def pair(u, v):
        return (u, v) if directed else (min(u, v), max(u, v))

    credit = {}
    for s in range(n):
        _, arc_credit = _dependencies(arcs, s)
        for (v, w), c in arc_credit.items():
            credit[pair(v, w)] = credit.get(pair(v, w), Fraction(0)) + c
    shortest = {}
    for u, v, w in edges:
        if u != v and _length(w) == arcs[u][v]:
            shortest[pair(u, v)] = shortest.get(pair(u, v), 0) + 1
    if normalized:
        scale = Fraction(1, n * (n - 1)) if n > 1 else Fraction(1)
    else:
        scale = Fraction(1) if directed else Fraction(1, 2)
    result = []
    for u, v, w in edges:
        if u == v or _length(w) != arcs[u][v]:
            result.append(0.0)
        else:
            share = credit.get(pair(u, v), Fraction(0)) / shortest[pair(u, v)]
            result.append(float(share * scale))
    return result


# Weights whose sums tie often in decimal arithmetic (0.1 + 0.2 == 0.3, 0.333333 + 0.166667 ==
# 0.5) but, summed along paths in different orders, not always in binary floating point.
_DECIMAL_WEIGHTS = ("0.100000", "0.200000", "0.300000", "0.333333", "0.166667", "0.500000")


def decimal_weight_network(seed, n=60, m=150):
    """A seeded random simple undirected graph: ``(n, edges)`` with ``m`` edges (u, v, weight).

    Each weight is decimal text with six digits from a small set, so many shortest paths tie
    exactly while their float lengths differ in the last bit; the graph need not be connected.
    """
    rng = random.Random(seed)
    pairs = set()
    while len(pairs) < m:
        u, v = rng.sample(range(n), 2)
        pairs.add((min(u, v), max(u, v)))
    return n, [(u, v, rng.choice(_DECIMAL_WEIGHTS)) for u, v in sorted(pairs)]
