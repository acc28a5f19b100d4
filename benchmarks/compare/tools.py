"""How each tool loads a graph and runs each algorithm, for the comparison runner.

A graph reaches every tool as the same arrays: n nodes numbered 0..n-1 (isolated ones included) and
the edge arrays (sources, targets). ALGORITHMS maps an algorithm to one function per tool that has
it; each returns a small summary (a number or tuple) that the runner compares across tools, so a
tool that computes something else is flagged rather than timed blindly. A tool missing from an
algorithm's entry lacks it and shows "-".
"""

from __future__ import annotations

import numpy as np

TOOLS = ["essnet", "networkx", "igraph", "graph-tool", "leidenalg"]


def prepare(tool: str) -> None:
    """Imports the tool's modules, so that loading times exclude import times."""
    modules = {"essnet": ["essnet"], "networkx": ["networkx"], "igraph": ["igraph"],
               "graph-tool": ["graph_tool.all"], "leidenalg": ["igraph", "leidenalg"]}[tool]
    for m in modules:
        __import__(m)


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


def _essnet_degree(g):
    import essnet

    d = essnet.degree(g)
    return int(d.sum()), int(d.max(initial=0))


def _networkx_degree(G):
    d = np.fromiter((k for _, k in G.degree()), dtype=np.int64, count=G.number_of_nodes())
    return int(d.sum()), int(d.max(initial=0))


def _igraph_degree(g):
    d = np.asarray(g.degree())
    return int(d.sum()), int(d.max(initial=0))


def _graphtool_degree(g):
    d = g.degree_property_map("total").a if not g.is_directed() else (
        g.degree_property_map("in").a + g.degree_property_map("out").a)
    return int(d.sum()), int(d.max(initial=0))


def _essnet_components(g):
    import essnet

    return int(essnet.connected_components(g).max(initial=-1)) + 1


def _networkx_components(G):
    import networkx as nx

    parts = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    return sum(1 for _ in parts)


def _igraph_components(g):
    return len(g.connected_components(mode="weak"))


def _graphtool_components(g):
    import graph_tool.all as gt

    _, hist = gt.label_components(g, directed=False)
    return len(hist)


ALGORITHMS = {
    "degree": {
        "essnet": _essnet_degree,
        "networkx": _networkx_degree,
        "igraph": _igraph_degree,
        "graph-tool": _graphtool_degree,
    },
    "connected_components": {
        "essnet": _essnet_components,
        "networkx": _networkx_components,
        "igraph": _igraph_components,
        "graph-tool": _graphtool_components,
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
