"""Writes the networkx node-link fixtures of essnet's JSON tests (tests/io/test_json.cpp,
python/tests/test_json.py).

Run with the networkx these fixtures record (2.8.8, Debian 12's python3-networkx):

    .venv/bin/python tests/data/formats/json/make_json_fixtures.py

Each file is what ``json.dump(networkx.node_link_data(G), f)`` writes for the graph built below;
the tests compare essnet's reading of it with networkx's own ``node_link_graph`` reading, and with
the values written here by hand. d3_force.json is not made by this script: it is written by hand
in the shape d3-force reads and writes (see README.md).
"""

import json
from pathlib import Path

import networkx as nx
from networkx.readwrite import json_graph

HERE = Path(__file__).resolve().parent


def graph():
    """Undirected, string ids, typed node and edge attributes, non-ASCII and escapes."""
    G = nx.Graph()
    G.add_node("chantier", name="Chantier de l'économie sociale", kind="organization", country="CA",
               region="Québec", founded=1996, members=70, share=0.25, active=True,
               tags=["économie", "sociale"], note='dit "le Chantier"\\ligne 1\nligne 2')
    G.add_node("ripess", name="RIPESS", kind="network", founded=2002, members=None)
    G.add_node("ilo", name="Organisation internationale du travail", kind="international_body", country="",
               acronym="OIT 🌍")
    G.add_node("fiess", name="FIESS, 2011", kind="event")
    G.add_edge("chantier", "fiess", relation="organized", weight=2.5, start_year=2011, end_year=2011,
               provenance="Rapport, p. 3")
    G.add_edge("ilo", "fiess", relation="participated_in", weight=1, start_year=2011, confidence=0.9)
    G.add_edge("chantier", "ripess", relation="member_of")
    return G


def digraph():
    """Directed, integer ids (written as JSON numbers), weights, a self-loop, an isolated node."""
    G = nx.DiGraph()
    G.add_nodes_from([(0, {"label": "zero"}), (1, {"label": "un"}), (2, {}), (3, {"label": "isolé"})])
    G.add_edge(0, 1, weight=0.5)
    G.add_edge(1, 0, weight=1.5)
    G.add_edge(1, 2, weight=3.0)
    G.add_edge(2, 2, weight=0.0)
    return G


def multigraph():
    """Undirected multigraph: parallel ties with their networkx keys, one with a string key."""
    G = nx.MultiGraph()
    G.add_nodes_from(["a", "b", "c"])
    G.add_edge("a", "b", relation="partnership", start_year=2001)
    G.add_edge("a", "b", relation="funded", weight=10.0)
    G.add_edge("b", "a", key="third", relation="partnership", start_year=2005)
    G.add_edge("b", "c")
    return G


def multidigraph():
    """Directed multigraph: a -> b twice and b -> a once."""
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", relation="funded", weight=1.0, year_note=2010)
    G.add_edge("a", "b", relation="funded", weight=2.0, year_note=2011)
    G.add_edge("b", "a", relation="presented_to")
    return G


def write(name, data, **options):
    with open(HERE / name, "w", encoding="utf-8") as f:
        json.dump(data, f, **options)
        f.write("\n")


if __name__ == "__main__":
    print("networkx", nx.__version__)
    write("nx_graph.json", json_graph.node_link_data(graph()))  # ensure_ascii: \u escapes
    write("nx_digraph.json", json_graph.node_link_data(digraph()), indent=2)
    write("nx_multigraph.json", json_graph.node_link_data(multigraph()), indent=1, ensure_ascii=False)
    write("nx_multidigraph.json", json_graph.node_link_data(multidigraph()))
    # networkx 3.4 names the links array "edges" (node_link_data(G, edges="edges")); 2.8 writes the
    # same with link="edges".
    write("nx_edges_key.json", json_graph.node_link_data(graph(), link="edges"), indent=1, ensure_ascii=False)
