"""Writes the Pajek fixtures in pajek/ with networkx's write_pajek and igraph's write_pajek.

Run with the project's virtual environment (Debian's networkx 2.8 and python3-igraph 0.10):

    .venv/bin/python tests/data/formats/make_pajek_fixtures.py

The graphs are built by the functions below, which python/tests/test_pajek.py imports to check
that essnet reads each file as the graph that was written. Node names hold what the tools can
write: networkx quotes a name only when it has a space (and then cannot hold a double quote), so
names with an apostrophe also hold a space; igraph writes weights with 15 significant digits, so
its weights have fewer.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent / "pajek"

ACTORS = [
    "Chantier de l'économie sociale",
    "RIPESS",
    "OIT, Genève",
    "Québec",
    "FIESS 2011",
    "中国社会企业",
    "Banque africaine de développement",
]


def networkx_undirected():
    """A weighted multigraph: a self-loop, two parallel edges, an isolated node."""
    import networkx as nx

    G = nx.MultiGraph()
    G.add_nodes_from(ACTORS)
    G.add_edge(ACTORS[0], ACTORS[1], weight=2.5)
    G.add_edge(ACTORS[0], ACTORS[2], weight=1.0)
    G.add_edge(ACTORS[0], ACTORS[2], weight=0.125)
    G.add_edge(ACTORS[3], ACTORS[0], weight=3.0)
    G.add_edge(ACTORS[4], ACTORS[4], weight=1e-3)
    G.add_edge(ACTORS[5], ACTORS[1], weight=0.1 + 0.2)  # written by repr: 0.30000000000000004
    return G


def networkx_directed():
    """An unweighted directed graph (networkx writes weight 1.0 on every line)."""
    import networkx as nx

    G = nx.DiGraph()
    G.add_nodes_from(ACTORS[:6])
    G.add_edges_from([(ACTORS[0], ACTORS[4]), (ACTORS[1], ACTORS[4]), (ACTORS[4], ACTORS[1]),
                      (ACTORS[2], ACTORS[0]), (ACTORS[5], ACTORS[3])])
    return G


def igraph_undirected():
    """Weighted, with coordinates and colours that a reader must skip."""
    import igraph as ig

    g = ig.Graph(n=6, edges=[(0, 1), (0, 2), (2, 3), (4, 4), (5, 1), (0, 1)], directed=False)
    g.vs["id"] = ACTORS[:6]
    g.vs["x"] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
    g.vs["y"] = [0.6, 0.5, 0.4, 0.3, 0.2, 0.1]
    g.vs["color"] = ["Red", "Blue", "Red", "Green", "Red", "Blue"]
    g.es["weight"] = [2.5, 1.0, 0.125, 4.0, 1e-3, 7.0]
    return g


def igraph_directed():
    import igraph as ig

    g = ig.Graph(n=5, edges=[(0, 1), (1, 0), (2, 4), (3, 0), (4, 2)], directed=True)
    g.vs["id"] = ACTORS[:5]
    g.es["weight"] = [1.0, 2.0, 0.5, 3.25, 10.0]
    return g


def igraph_without_labels():
    """No "id" attribute: igraph writes no vertex lines, so vertices are named by their numbers."""
    import igraph as ig

    return ig.Graph(n=4, edges=[(0, 1), (1, 2), (3, 0)], directed=True)


def igraph_two_mode():
    """Organisations (type False) and the events they took part in (type True), in that order."""
    import igraph as ig

    g = ig.Graph(n=5, edges=[(0, 3), (1, 3), (2, 4), (0, 4)], directed=False)
    g.vs["type"] = [False, False, False, True, True]
    g.vs["id"] = ["Chantier", "RIPESS", "OIT", "FIESS 2011", "Rio+20"]
    return g


FIXTURES = {
    "networkx_undirected.net": ("networkx", networkx_undirected),
    "networkx_directed.net": ("networkx", networkx_directed),
    "igraph_undirected.net": ("igraph", igraph_undirected),
    "igraph_directed.net": ("igraph", igraph_directed),
    "igraph_without_labels.net": ("igraph", igraph_without_labels),
    "igraph_two_mode.net": ("igraph", igraph_two_mode),
}


def main() -> None:
    import networkx as nx

    HERE.mkdir(exist_ok=True)
    for name, (tool, make) in FIXTURES.items():
        path = HERE / name
        if tool == "networkx":
            nx.write_pajek(make(), path)
        else:
            make().write_pajek(str(path))
        print("wrote", path)


if __name__ == "__main__":
    main()
