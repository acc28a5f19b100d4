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
