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
