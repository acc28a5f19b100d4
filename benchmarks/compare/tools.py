"""How each tool loads a graph and runs each algorithm, for the comparison runner.

A graph reaches every tool as the same arrays: n nodes numbered 0..n-1 (isolated ones included) and
the edge arrays (sources, targets). ALGORITHMS maps an algorithm to one function per tool that has
it; each returns a small summary (a number or tuple) that the runner compares across tools, so a
tool that computes something else is flagged rather than timed blindly. A tool missing from an
algorithm's entry lacks it and shows "-".
"""

from __future__ import annotations

import os
import time

import numpy as np

TOOLS = ["essnet", "networkx", "igraph", "graph-tool", "leidenalg"]


def timed(function):
    """(seconds, result) of one call."""
    t0 = time.perf_counter()
    result = function()
    return time.perf_counter() - t0, result


def prepare(tool: str) -> None:
    """Imports the tool's modules, so that loading times exclude import times."""
    modules = {"essnet": ["essnet"], "networkx": ["networkx"], "igraph": ["igraph"],
               "graph-tool": ["graph_tool.all"], "leidenalg": ["igraph", "leidenalg"]}[tool]
    for m in modules:
        __import__(m)


def seed() -> int:
    """The seed of this run for randomised algorithms (community detection): run.py gives each
    repetition its own, 1, 2, ..., so that quality can be averaged over the repetitions."""
    return int(os.environ.get("ESSNET_BENCH_SEED", "1"))


def reseed(tool: str) -> None:
    """Seeds igraph's random generator with this run's seed, before each algorithm (untimed), so
    that a result does not depend on which algorithms ran before it in the process."""
    if tool in ("igraph", "leidenalg"):
        import random

        import igraph

        igraph.set_random_number_generator(random.Random(seed()))


def load(tool: str, n: int, sources: np.ndarray, targets: np.ndarray, directed: bool, threads: int):
    """Builds the tool's own graph object from the arrays."""
    if tool == "essnet":
        import essnet

        return essnet.Graph.from_edges(sources, targets, num_nodes=n, directed=directed)
    if tool == "networkx":
        import networkx as nx

        # A multigraph when there are parallel edges, so that every tool sees every edge.
        a, b = (sources, targets) if directed else (np.minimum(sources, targets), np.maximum(sources, targets))
        multi = len(np.unique(a.astype(np.int64) * n + b)) < len(a)
        G = (nx.MultiDiGraph() if multi else nx.DiGraph()) if directed else (nx.MultiGraph() if multi else nx.Graph())
        G.add_nodes_from(range(n))
        G.add_edges_from(zip(sources.tolist(), targets.tolist()))
        return G
    if tool in ("igraph", "leidenalg"):
        import igraph

        return igraph.Graph(n=n, edges=np.column_stack([sources, targets]).tolist(), directed=directed)
    if tool == "graph-tool":
        import graph_tool.all as gt

        gt.openmp_set_num_threads(threads)
        g = gt.Graph(directed=directed)
        g.add_vertex(n)
        g.add_edge_list(np.column_stack([sources, targets]))
        return g
    raise ValueError(f"unknown tool {tool!r}")


def _degree_summary(graph, d):
    d = np.asarray(d)
    return int(d.sum()), int(d.max(initial=0))


def _directed(g):
    """Raises for a directed graph (the algorithm is for undirected ones: the runner shows n/a)."""
    if g.is_directed():
        raise ValueError("undirected graphs only")
    return False


def _undirected_refused(g):
    """Raises for an undirected graph (the algorithm is for directed ones: the runner shows n/a)."""
    if not g.is_directed():
        raise ValueError("directed graphs only")
    return None


def _pairs(degrees):
    d = degrees.astype(float)
    return d * (d - 1) / 2


def _nan_sum_summary(graph, values):
    return float(np.nansum(np.asarray(values, dtype=float)))


def _sum_summary(graph, values):
    return float(np.sum(np.asarray(values, dtype=float)))


def _component_sizes(tool, graph):
    """Size of the component of every node (undirected graphs), untimed, for the WF correction."""
    import essnet

    if tool == "networkx":
        import networkx as nx

        sizes = {}
        for part in nx.connected_components(graph):
            for v in part:
                sizes[v] = len(part)
        return np.array([sizes[v] for v in range(graph.number_of_nodes())])
    if tool in ("igraph", "leidenalg"):
        membership = np.asarray(graph.connected_components().membership)
    elif tool == "graph-tool":
        import graph_tool.all as gt

        membership = gt.label_components(graph)[0].a
    else:
        membership = essnet.connected_components(graph)
    return np.bincount(membership)[membership]


def _closeness_summary(tool):
    """networkx's closeness (with the Wasserman-Faust factor) from tools that give (r-1)/sum."""
    def summary(graph, values):
        values = np.nan_to_num(np.asarray(values, dtype=float))
        if tool in ("igraph", "graph-tool"):
            directed = graph.is_directed()
            if directed:
                return None  # reachability sets differ by tool: no like-for-like check
            n = len(values)
            r = _component_sizes(tool, graph)
            values = values * (r - 1) / max(n - 1, 1)
        return float(values.sum())
    return summary


def _gt():
    import graph_tool.all as gt

    return gt


def _nx():
    import networkx as nx

    return nx


def _essnet():
    import essnet

    return essnet


def _networkx_components(G):
    nx = _nx()
    parts = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    return sum(1 for _ in parts)


def _undirected_sum(graph, values):
    """For tools whose measure ignores direction: comparable on undirected graphs only."""
    return None if graph.is_directed() else _sum_summary(graph, values)


def _approx(graph, values):
    """For iterative methods stopped at a tolerance: the largest score, compared to 1e-4 relative."""
    return {"approx": float(np.max(np.asarray(values, dtype=float), initial=0.0))}


def _modularity_of(tool):
    """Summary of a community partition: its modularity, computed by igraph for every tool."""
    def summary(graph, membership):
        import igraph

        if tool in ("igraph", "leidenalg"):
            g = graph
        else:
            edges = graph.edges if tool == "essnet" else None
            if tool == "essnet":
                g = igraph.Graph(n=graph.num_nodes, edges=np.column_stack(edges).tolist(), directed=graph.directed)
            else:  # networkx
                g = igraph.Graph(n=len(graph), edges=list(graph.edges()), directed=graph.is_directed())
        return {"quality": g.modularity(list(membership))}
    return summary


def _nx_membership(G, communities):
    m = [0] * len(G)
    for c, nodes in enumerate(communities):
        for v in nodes:
            m[v] = c
    return m


def _gt_pagerank(g):
    return _gt().pagerank(g, damping=0.85, epsilon=1e-6).a


PIVOTS = 256  # sources of the sampled betweenness


def _pivots(n):
    """The sources every tool's sampled betweenness starts from: the same PIVOTS nodes (all of them
    on smaller graphs), drawn once from a fixed seed."""
    import random

    return sorted(random.Random(0).sample(range(n), min(PIVOTS, n)))


def _nx_sampled_betweenness(G):
    import random

    nx, pivots = _nx(), _pivots(len(G))

    class Pivots(random.Random):  # networkx draws its k sources with seed.sample: these ones
        def sample(self, population, k, **kwargs):
            return pivots

    scores = np.array(list(nx.betweenness_centrality(G, k=len(pivots), seed=Pivots(0), normalized=False).values()))
    return scores * (len(G) / len(pivots) if G.is_directed() else 1)  # networkx 2.x leaves out n / k here


def _gt_sampled_betweenness(g):
    pivots = _pivots(g.num_vertices())
    scores = _gt().betweenness(g, pivots=np.array(pivots, dtype=np.int64), norm=False)[0].a
    return scores * (g.num_vertices() / len(pivots))  # graph-tool sums over the pivots without scaling


# algorithm -> tool -> (run, summary): run(graph) is timed; summary(graph, result) is not, and gives
# a value every tool must agree on (None: no like-for-like check for this tool).
ALGORITHMS = {
    "degree": {
        "essnet": (lambda g: _essnet().degree(g), _degree_summary),
        "networkx": (lambda G: [k for _, k in G.degree()], _degree_summary),
        "igraph": (lambda g: g.degree(), _degree_summary),
        "graph-tool": (lambda g: g.degree_property_map("total").a if not g.is_directed()
                       else g.degree_property_map("in").a + g.degree_property_map("out").a, _degree_summary),
    },
    "connected_components": {
        "essnet": (lambda g: int(_essnet().connected_components(g).max(initial=-1)) + 1, lambda g, r: r),
        "networkx": (_networkx_components, lambda g, r: r),
        "igraph": (lambda g: len(g.connected_components(mode="weak")), lambda g, r: r),
        "graph-tool": (lambda g: len(_gt().label_components(g, directed=False)[1]), lambda g, r: r),
    },
    "betweenness": {  # unnormalized, networkx's convention (each unordered pair once when undirected)
        "essnet": (lambda g: _essnet().betweenness(g, normalized=False), _sum_summary),
        "networkx": (lambda G: list(_nx().betweenness_centrality(G, normalized=False).values()), _sum_summary),
        "igraph": (lambda g: g.betweenness(directed=g.is_directed()), _sum_summary),
        "graph-tool": (lambda g: _gt().betweenness(g, norm=False)[0].a, _sum_summary),
    },
    # Brandes from the same PIVOTS sources, scaled by n / PIVOTS (networkx's k, graph-tool's pivots).
    "betweenness_sampled": {
        "essnet": (lambda g: _essnet().betweenness(g, normalized=False, sources=_pivots(g.num_nodes)), _sum_summary),
        "networkx": (_nx_sampled_betweenness, _sum_summary),
        "graph-tool": (_gt_sampled_betweenness, _sum_summary),
    },
    "closeness": {
        "essnet": (lambda g: _essnet().closeness(g), _closeness_summary("essnet")),
        "networkx": (lambda G: list(_nx().closeness_centrality(G).values()), _closeness_summary("networkx")),
        "igraph": (lambda g: g.closeness(mode="in"), _closeness_summary("igraph")),
        "graph-tool": (lambda g: _gt().closeness(g).a, _closeness_summary("graph-tool")),
    },
    # Damping 0.85, every iterative tool to an L1 change of 1e-6 (igraph's PRPACK solves exactly).
    # essnet's tolerance bounds the error, alpha / (1 - alpha) times the change: the same rule is
    # tolerance = 1e-6 * 0.85 / 0.15. benchmarks/compare/spectral.py compares the exact defaults.
    "pagerank": {
        "essnet": (lambda g: _essnet().pagerank(g, tolerance=1e-6 * 0.85 / 0.15), _approx),
        "networkx": (lambda G: list(_nx().pagerank(G, tol=1e-6 / max(len(G), 1)).values()), _approx),
        "igraph": (lambda g: g.pagerank(damping=0.85), _approx),
        "graph-tool": (_gt_pagerank, _approx),
    },
    "clustering": {  # local clustering coefficient, undirected simple graphs
        "essnet": (lambda g: _essnet().clustering(g), _sum_summary),
        "networkx": (lambda G: list(_nx().clustering(G).values()), _sum_summary),
        "igraph": (lambda g: g.transitivity_local_undirected(mode="zero"), _undirected_sum),
        "graph-tool": (lambda g: _gt().local_clustering(g).a, _undirected_sum),
    },
    # Triangles per node, undirected simple graphs. igraph and graph-tool have no per-node count;
    # their local clustering times d (d - 1) / 2 gives it (computed in their C/C++ cores).
    "triangles": {
        "essnet": (lambda g: _essnet().triangles(g), _sum_summary),
        "networkx": (lambda G: list(_nx().triangles(G).values()), _sum_summary),
        "igraph": (lambda g: np.rint(np.asarray(g.transitivity_local_undirected(mode="zero"))
                                     * _pairs(np.asarray(g.degree()))) if not _directed(g) else None, _sum_summary),
        "graph-tool": (lambda g: np.rint(_gt().local_clustering(g).a * _pairs(g.degree_property_map("total").a))
                       if not _directed(g) else None, _sum_summary),
    },
    "coreness": {
        "essnet": (lambda g: _essnet().coreness(g), _degree_summary),
        "networkx": (lambda G: list(_nx().core_number(G).values()), _degree_summary),
        "igraph": (lambda g: g.coreness(), _degree_summary),
        "graph-tool": (lambda g: _gt().kcore_decomposition(g).a, _degree_summary),
    },
    "leiden": {  # modularity, 2 rounds (igraph's default); summary: modularity of the result
        "essnet": (lambda g: _essnet().community.leiden(g, seed=seed()).membership, _modularity_of("essnet")),
        "igraph": (lambda g: g.community_leiden(objective_function="modularity", n_iterations=2).membership,
                   _modularity_of("igraph")),
        "leidenalg": (lambda g: __import__("leidenalg").find_partition(
            g, __import__("leidenalg").ModularityVertexPartition, seed=seed()).membership, _modularity_of("leidenalg")),
    },
    "louvain": {
        "essnet": (lambda g: _essnet().community.louvain(g, seed=seed()).membership, _modularity_of("essnet")),
        "networkx": (lambda G: _nx_membership(G, _nx().community.louvain_communities(G, seed=seed())),
                     _modularity_of("networkx")),
        "igraph": (lambda g: g.community_multilevel().membership, _modularity_of("igraph")),
    },
    "constraint": {  # Burt's constraint (sum over nodes with contacts)
        "essnet": (lambda g: _essnet().constraint(g), _nan_sum_summary),
        "networkx": (lambda G: list(_nx().constraint(G).values()), _nan_sum_summary),
    },
    "effective_size": {  # Burt's effective size (sum over nodes with contacts)
        "essnet": (lambda g: _essnet().effective_size(g), _nan_sum_summary),
        "networkx": (lambda G: list(_nx().effective_size(G).values()), _nan_sum_summary),
    },
    "triad_census": {  # directed graphs: the 16 counts
        "essnet": (lambda g: _essnet().triad_census(g).tolist(), lambda g, r: [int(x) for x in r]),
        "networkx": (lambda G: list(_nx().triadic_census(G).values()), lambda g, r: [int(x) for x in r]),
        "igraph": (lambda g: _undirected_refused(g) or list(g.triad_census()), lambda g, r: [int(x) for x in r]),
    },
    "harmonic": {  # sum of 1/d, unnormalized
        "essnet": (lambda g: _essnet().harmonic(g), _sum_summary),
        "networkx": (lambda G: list(_nx().harmonic_centrality(G).values()), _sum_summary),
        "igraph": (lambda g: g.harmonic_centrality(mode="in", normalized=False), _sum_summary),
        "graph-tool": (lambda g: _gt().closeness(g, harmonic=True, norm=False).a, _sum_summary),
    },
}


def version(tool: str) -> str:
    try:
        if tool == "essnet":
            import essnet

            return essnet.__version__
        if tool == "networkx":
            import networkx

            return networkx.__version__
        if tool == "igraph":
            import igraph

            return igraph.__version__
        if tool == "graph-tool":
            import graph_tool

            return graph_tool.__version__.split()[0]
        if tool == "leidenalg":
            import leidenalg

            return leidenalg.version
    except ImportError:
        return "not installed"
    return "?"
