#!/usr/bin/env python3
"""Writes the GraphML and GEXF fixtures of the format tests with networkx, igraph and graph-tool.

    /usr/bin/python3 tests/data/formats/make_xml_fixtures.py

Each file holds the same small network: actors with a name, a kind, an integer, a float and a
boolean attribute; ties with a relation, a weight and a year. The tests read each file with essnet
and with the tool that wrote it and compare the two.
"""

import os

import graph_tool.all as gt
import igraph
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))

ACTORS = [
    ("chantier", "Chantier de l'économie sociale", "organization", 700, 2.5, True),
    ("ripess", "RIPESS", "network", 120, 0.25, False),
    ("fbes", "Fórum Brasileiro de Economia Solidária", "network", 3000, 1e-3, True),
    ("ilo", 'ILO "OIT", Genève', "international_body", 187, 42.0, False),
]
TIES = [
    ("chantier", "ripess", "member_of", 1.0, 2002),
    ("fbes", "ripess", "member_of", 2.0, 2003),
    ("chantier", "fbes", "partnership", 0.5, 2011),
    ("chantier", "fbes", "partnership", 1.5, 2012),
    ("ilo", "chantier", "funded", 3.0, 2011),
]


def networkx_graph(directed):
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    for i, name, kind, members, score, listed in ACTORS:
        G.add_node(i, name=name, kind=kind, members=members, score=score, listed=listed)
    for s, t, relation, weight, year in TIES:
        G.add_edge(s, t, relation=relation, weight=weight, start_year=year)
    return G


def igraph_graph(directed):
    g = igraph.Graph(directed=directed)
    g.add_vertices(len(ACTORS))
    g.vs["id"] = [a[0] for a in ACTORS]
    g.vs["name"] = [a[1] for a in ACTORS]
    g.vs["kind"] = [a[2] for a in ACTORS]
    g.vs["members"] = [a[3] for a in ACTORS]
    g.vs["score"] = [a[4] for a in ACTORS]
    g.vs["listed"] = [a[5] for a in ACTORS]
    index = {a[0]: k for k, a in enumerate(ACTORS)}
    g.add_edges([(index[s], index[t]) for s, t, *_ in TIES])
    g.es["relation"] = [t[2] for t in TIES]
    g.es["weight"] = [t[3] for t in TIES]
    g.es["start_year"] = [t[4] for t in TIES]
    return g


def graph_tool_graph(directed):
    g = gt.Graph(directed=directed)
    g.add_vertex(len(ACTORS))
    props = {"name": ("string", 1), "kind": ("string", 2), "members": ("int", 3), "score": ("double", 4),
             "listed": ("bool", 5)}
    for key, (kind, column) in props.items():
        p = g.new_vertex_property(kind)
        for k, a in enumerate(ACTORS):
            p[g.vertex(k)] = a[column]
        g.vertex_properties[key] = p
    index = {a[0]: k for k, a in enumerate(ACTORS)}
    relation = g.new_edge_property("string")
    weight = g.new_edge_property("double")
    year = g.new_edge_property("int")
    for s, t, r, w, y in TIES:
        e = g.add_edge(index[s], index[t])
        relation[e], weight[e], year[e] = r, w, y
    g.edge_properties["relation"] = relation
    g.edge_properties["weight"] = weight
    g.edge_properties["start_year"] = year
    return g


def main():
    for directed in (True, False):
        suffix = "directed" if directed else "undirected"
        nx.write_graphml(networkx_graph(directed), os.path.join(HERE, "graphml", f"networkx_{suffix}.graphml"))
        igraph_graph(directed).write_graphml(os.path.join(HERE, "graphml", f"igraph_{suffix}.graphml"))
        graph_tool_graph(directed).save(os.path.join(HERE, "graphml", f"graph_tool_{suffix}.graphml"))
        nx.write_gexf(networkx_graph(directed), os.path.join(HERE, "gexf", f"networkx_{suffix}.gexf"))


if __name__ == "__main__":
    main()
