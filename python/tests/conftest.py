import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
TEST_DATA = ROOT / "tests" / "data"


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def from_networkx(G, weight=None):
    """The essnet graph of a networkx graph: same node order, node ids as strings, optional weights."""
    import essnet

    nodes = list(G.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    s = [index[u] for u, _ in G.edges()]
    t = [index[v] for _, v in G.edges()]
    w = None if weight is None else [d[weight] for _, _, d in G.edges(data=True)]
    return essnet.Graph.from_edges(s, t, w, num_nodes=len(nodes), nodes=[str(v) for v in nodes],
                                   directed=G.is_directed())


@pytest.fixture
def data_dir():
    return DATA


@pytest.fixture
def test_data_dir():
    return TEST_DATA


# Real networks and random multigraphs shared by the degree and components tests.
CASES = [
    ("zachary_karate", None, False),
    ("padgett_florentine", "marriage", False),  # Pucci is isolated
    ("krackhardt_hightech", "advice", True),
]


def networkx_from_csv(name, relation=None, directed=False):
    import networkx as nx

    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_nodes_from(r["id"] for r in read_rows(DATA / name / "nodes.csv"))
    for r in read_rows(DATA / name / "edges.csv"):
        if relation is None or r["relation"] == relation:
            G.add_edge(r["source"], r["target"])
    return G


def random_multigraph(seed, n, m, directed):
    import random

    rng = random.Random(seed)
    edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(m)]
    edges += [(u, u) for u in rng.sample(range(n), 3)]  # self-loops
    edges += edges[:5]  # multi-edges
    return edges


def random_multigraph_pair(seed, directed):
    """A sparse random multigraph on 60 nodes (several components, isolated nodes, self-loops,
    multi-edges) as (n, edges, essnet graph, networkx graph)."""
    import essnet
    import networkx as nx

    n = 60
    edges = random_multigraph(seed, n, 70, directed)
    s, t = zip(*edges)
    g = essnet.Graph.from_edges(s, t, num_nodes=n, directed=directed)
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    return n, edges, g, G


def relation_matrix(folder, relation, symmetric=False):
    """The 0/1 adjacency matrix of one relation of a reference network in examples/data, in the
    order of its nodes.csv; made symmetric (a tie either way) when asked."""
    import numpy as np
    import pandas as pd

    nodes = pd.read_csv(DATA / folder / "nodes.csv")
    edges = pd.read_csv(DATA / folder / "edges.csv")
    index = {v: i for i, v in enumerate(nodes["id"])}
    m = np.zeros((len(nodes), len(nodes)))
    e = edges[edges["relation"] == relation]
    m[e["source"].map(index), e["target"].map(index)] = 1
    return np.maximum(m, m.T) if symmetric else m


def chantier_matrix(directed):
    """The bundled Chantier network's 0/1 adjacency matrix: every tie, no self-ties."""
    import numpy as np

    import essnet

    a = (essnet.datasets.chantier().graph(directed=directed).to_scipy().toarray() > 0).astype(float)
    np.fill_diagonal(a, 0)
    return a


def graph_of_matrix(matrix, directed):
    """An essnet Graph with the ties of an adjacency matrix (each pair once when undirected),
    weighted unless every entry is 0 or 1."""
    import numpy as np

    import essnet

    rows, cols = np.nonzero(matrix if directed else np.triu(matrix))
    weighted = not np.isin(matrix, (0, 1)).all()
    return essnet.Graph.from_edges(rows, cols, matrix[rows, cols] if weighted else None, num_nodes=len(matrix),
                                   directed=directed)
