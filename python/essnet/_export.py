"""Graphs and networks out to networkx, igraph and scipy (private; see essnet.interop).

It reads a Graph or an ActorNetwork through their public attributes only, so that those classes can
use it without importing essnet.interop, which builds them.
"""

from __future__ import annotations

import math

import numpy as np

from . import _core, _node_data


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        import pandas as pd

        if value is pd.NA:
            return ""
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    return str(value)


def _typed(values: list[str]) -> list:
    """The values of a text column as booleans, integers or floats when every non-empty one is,
    else as they are; empty values become None. The type is the one the GraphML, GEXF and JSON
    writers declare for the column (essnet's C++ rule: an integer fits in 64 bits, a real is
    finite and written as numbers are written back)."""
    kind = _core.column_type(values)
    convert = {"boolean": lambda v: v == "true", "integer": int, "real": float}.get(kind, lambda v: v)
    return [None if v == "" else convert(v) for v in values]


def _years_or_none(column) -> list:
    import pandas as pd

    return [None if pd.isna(v) else int(v) for v in column.tolist()]


def _node_attributes(net) -> tuple[list[str], list[dict]]:
    actors = net.actors
    ids = actors["id"].tolist()
    columns = {}
    for k in ("name", "kind", "country", "region"):
        columns[k] = [_text(v) or None for v in actors[k].tolist()]
    columns["founded"] = _years_or_none(actors["founded"])
    for k in actors.columns[6:]:
        columns[k] = _typed(actors[k].tolist())
    rows = [{k: col[i] for k, col in columns.items() if col[i] is not None} for i in range(len(ids))]
    return ids, rows


def _edge_rows(net) -> list[tuple[str, str, bool, dict]]:
    ties = net.ties
    columns = {
        "relation": [_text(v) or None for v in ties["relation"].tolist()],
        "weight": ties["weight"].tolist(),
        "start_year": _years_or_none(ties["start_year"]),
        "end_year": _years_or_none(ties["end_year"]),
        "provenance": [v or None for v in ties["provenance"].tolist()],
    }
    for k in ties.columns[8:]:
        columns[k] = _typed(ties[k].tolist())
    rows = []
    for i, (s, t, d) in enumerate(zip(ties["source"], ties["target"], ties["directed"])):
        rows.append((s, t, bool(d), {k: col[i] for k, col in columns.items() if col[i] is not None}))
    return rows


_ACTOR_FIELDS = ("id", "name", "kind", "country", "region", "founded")


def _extra_columns(node_data, ids: list, taken) -> dict[str, list]:
    """The node_data columns as plain values aligned with ids; ValueError for a name already taken."""
    if node_data is None:
        return {}
    columns = {name: _node_data.python_values(c) for name, c in _node_data.aligned(node_data, ids).items()}
    for name in columns:
        if name in taken:
            raise ValueError(f"node_data: the column {name!r} would replace the node attribute of that name")
    return columns


def _add_node_data(G, ids: list, columns: dict[str, list]) -> None:
    for name, values in columns.items():
        for node, value in zip(ids, values):
            if value is not None:
                G.nodes[node][name] = value


def network_to_networkx(net, node_data=None):
    """See :meth:`ActorNetwork.to_networkx`."""
    import networkx as nx

    ids, node_rows = _node_attributes(net)
    extra = _extra_columns(node_data, ids, set(_ACTOR_FIELDS) | set(net.actors.columns))
    edges = _edge_rows(net)
    directions = {d for _, _, d, _ in edges}
    G = nx.MultiGraph() if directions == {False} else nx.MultiDiGraph()
    G.add_nodes_from(zip(ids, node_rows))
    # Edges go in as (u, v, data) triples, not keywords: an extra column called "key" (networkx's
    # multigraph key) or "u_for_edge" stays an attribute like any other.
    for s, t, d, attrs in edges:
        if G.is_directed() and not d:  # a mixed network: an undirected tie both ways
            attrs = {**attrs, "directed": False}
            G.add_edges_from([(s, t, attrs)] if s == t else [(s, t, attrs), (t, s, attrs)])
        else:
            G.add_edges_from([(s, t, attrs)])
    _add_node_data(G, ids, extra)
    return G


def network_to_igraph(net, node_data=None):
    """See :meth:`ActorNetwork.to_igraph`."""
    import igraph

    ids, node_rows = _node_attributes(net)
    extra = _extra_columns(node_data, ids, set(_ACTOR_FIELDS) | set(net.actors.columns) | {"label"})
    edges = _edge_rows(net)
    directed = {d for _, _, d, _ in edges} != {False}
    index = {v: i for i, v in enumerate(ids)}
    pairs, attrs = [], []
    for s, t, d, a in edges:
        pairs.append((index[s], index[t]))
        attrs.append({**a, "directed": True} if directed and d else {**a, "directed": False} if directed else a)
        if directed and not d and s != t:
            pairs.append((index[t], index[s]))
            attrs.append({**a, "directed": False})
    if "label" in net.actors.columns[6:]:
        raise ValueError("the extra actor column 'label' would clash with the names, which igraph keeps in 'label'")
    g = igraph.Graph(n=len(ids), edges=pairs, directed=directed)
    g.vs["name"] = ids
    for key in dict.fromkeys(k for row in node_rows for k in row):
        g.vs["label" if key == "name" else key] = [row.get(key) for row in node_rows]
    mixed = directed and any(not d for _, _, d, _ in edges)
    for key in dict.fromkeys(k for a in attrs for k in a):
        if key == "directed" and not mixed:
            continue
        g.es[key] = [a.get(key) for a in attrs]
    for key, values in extra.items():
        g.vs[key] = values
    return g


def graph_to_networkx(graph, node_data=None):
    """See :meth:`Graph.to_networkx`."""
    import networkx as nx

    extra = _extra_columns(node_data, graph.nodes, ())
    s, t = graph.edges
    pairs = list(zip(s.tolist(), t.tolist()))
    keyed = pairs if graph.directed else [(min(a, b), max(a, b)) for a, b in pairs]
    multi = len(set(keyed)) != len(keyed)
    kind = {(False, False): nx.Graph, (True, False): nx.DiGraph,
            (False, True): nx.MultiGraph, (True, True): nx.MultiDiGraph}
    G = kind[(graph.directed, multi)]()
    nodes = graph.nodes
    G.add_nodes_from(nodes)
    w = graph.weights.tolist()
    for (a, b), weight in zip(pairs, w):
        if graph.weighted:
            G.add_edge(nodes[a], nodes[b], weight=weight)
        else:
            G.add_edge(nodes[a], nodes[b])
    _add_node_data(G, nodes, extra)
    return G


def graph_to_igraph(graph, node_data=None):
    """See :meth:`Graph.to_igraph`."""
    import igraph

    extra = _extra_columns(node_data, graph.nodes, {"name"})
    s, t = graph.edges
    g = igraph.Graph(n=graph.num_nodes, edges=list(zip(s.tolist(), t.tolist())), directed=graph.directed)
    g.vs["name"] = [str(v) for v in graph.nodes]
    if graph.weighted:
        g.es["weight"] = graph.weights.tolist()
    for key, values in extra.items():
        g.vs[key] = values
    return g


def graph_to_scipy(graph):
    """See :meth:`Graph.to_scipy`."""
    import scipy.sparse as sp

    n = graph.num_nodes
    s, t = graph.edges
    w = graph.weights
    if not graph.directed:
        off = s != t  # an undirected edge fills both cells, a self-loop its one diagonal cell
        s, t, w = np.concatenate([s, t[off]]), np.concatenate([t, s[off]]), np.concatenate([w, w[off]])
    return sp.csr_array((w.astype(np.float64), (s.astype(np.int64), t.astype(np.int64))), shape=(n, n))
