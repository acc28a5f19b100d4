"""Partition quality, partition comparison and strongly connected components against networkx,
igraph, leidenalg and scikit-learn (to 1e-12; 1e-9 for adjusted mutual information)."""

import random

import igraph
import leidenalg
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from networkx.algorithms.community import modularity as nx_modularity
from networkx.algorithms.community import partition_quality as nx_partition_quality
from sklearn import metrics
from sklearn.metrics.cluster import contingency_matrix

import essnet
import essnet.community as community
from essnet.components import strongly_connected_components
from conftest import DATA, read_rows

TOL = 1e-12
RESOLUTIONS = [0.5, 1.0, 2.0]


# Test graphs: each as an essnet graph plus the edge list it came from.


class Case:
    def __init__(self, n, edges, weights, directed):
        self.n, self.edges, self.weights, self.directed = n, edges, weights, directed
        s, t = zip(*edges) if edges else ((), ())
        self.graph = essnet.Graph.from_edges(s, t, weights, num_nodes=n, directed=directed)

    def networkx(self, weighted=True, multi=True):
        if multi:
            G = nx.MultiDiGraph() if self.directed else nx.MultiGraph()
        else:
            G = nx.DiGraph() if self.directed else nx.Graph()
        G.add_nodes_from(range(self.n))
        for i, (u, v) in enumerate(self.edges):
            if weighted and self.weights is not None:
                G.add_edge(u, v, weight=self.weights[i])
            else:
                G.add_edge(u, v)
        return G

    def igraph(self):
        return igraph.Graph(n=self.n, edges=self.edges, directed=self.directed)


def karate(weighted):
    G = nx.karate_club_graph()
    edges = list(G.edges())
    weights = [float(G.edges[e]["weight"]) for e in edges] if weighted else None
    return Case(G.number_of_nodes(), edges, weights, directed=False)


def karate_clubs():
    G = nx.karate_club_graph()
    return np.array([0 if G.nodes[u]["club"] == "Mr. Hi" else 1 for u in G], dtype=np.int32)


def random_multigraph(seed, n, m, directed, weighted=True):
    """Seeded random graph with self-loops (one of them repeated) and parallel edges."""
    rng = random.Random(seed)
    edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(m)]
    edges += [(u, u) for u in rng.sample(range(n), 4)]
    edges += edges[:6] + [edges[-1]]
    weights = [rng.uniform(0.1, 3.0) for _ in edges] if weighted else None
    return Case(n, edges, weights, directed)


def random_simple_graph(seed, n, p, directed):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    return Case(n, list(G.edges()), None, directed)


def random_membership(seed, n, k):
    """Labels 0..k-1 spread at random, then mapped to non-contiguous values."""
    labels = np.random.default_rng(seed).integers(0, k, n)
    return (labels * 7 + 3).astype(np.int64)


def communities(membership):
    """A membership array as the list of node sets networkx takes."""
    blocks = {}
    for u, c in enumerate(np.asarray(membership).tolist()):
        blocks.setdefault(c, set()).add(u)
    return list(blocks.values())


def dense(membership):
    """Labels renumbered 0..k-1 (igraph and leidenalg need labels below the number of nodes)."""
    return np.unique(np.asarray(membership), return_inverse=True)[1].tolist()


def igraph_modularity(case, membership, weighted, resolution):
    # python-igraph 0.10.2's Graph.modularity drops its resolution and directed arguments, so call
    # the compiled method directly.
    weights = case.weights if weighted else None
    return igraph.GraphBase.modularity(case.igraph(), dense(membership), weights, resolution, True)


GRAPHS = [
    pytest.param(lambda: karate(False), id="karate"),
    pytest.param(lambda: karate(True), id="karate-weighted"),
    pytest.param(lambda: random_multigraph(1, 40, 90, directed=False), id="random-undirected"),
    pytest.param(lambda: random_multigraph(2, 40, 120, directed=True), id="random-directed"),
]


def partitions_of(case, seed):
    yield random_membership(seed, case.n, 2)
    yield random_membership(seed + 1, case.n, 5)
    yield np.arange(case.n)  # every node alone
    yield np.zeros(case.n, dtype=np.int64)  # one community
    if case.n == 34:
        yield karate_clubs()


# Quality.


@pytest.mark.parametrize("make", GRAPHS)
@pytest.mark.parametrize("resolution", RESOLUTIONS)
def test_modularity_matches_networkx_and_igraph(make, resolution):
    case = make()
    for weighted in (True, False):
        G = case.networkx(weighted)
        for membership in partitions_of(case, 10):
            expected = nx_modularity(G, communities(membership), weight="weight" if weighted else None,
                                     resolution=resolution)
            got = community.modularity(case.graph, membership, resolution=resolution, use_weights=weighted)
            assert isinstance(got, float)
            assert got == pytest.approx(expected, abs=TOL)
            assert got == pytest.approx(igraph_modularity(case, membership, weighted, resolution), abs=TOL)


def test_modularity_of_a_graph_without_edges_is_nan():
    # networkx raises ZeroDivisionError; igraph returns NaN.
    g = essnet.Graph.from_edges([], [], num_nodes=3)
    assert np.isnan(community.modularity(g, [0, 0, 1]))
    assert np.isnan(igraph.Graph(n=3).modularity([0, 0, 1]))


@pytest.mark.parametrize("make", GRAPHS)
@pytest.mark.parametrize("resolution", [0.05, 0.5, 1.0, 2.0])
def test_cpm_quality_matches_leidenalg(make, resolution):
    case = make()
    for weighted in (True, False):
        weights = case.weights if weighted else None
        for membership in partitions_of(case, 20):
            expected = leidenalg.CPMVertexPartition(case.igraph(), initial_membership=dense(membership),
                                                    weights=weights, resolution_parameter=resolution).quality()
            got = community.cpm_quality(case.graph, membership, resolution=resolution, use_weights=weighted)
            assert got == pytest.approx(expected, abs=TOL * max(1.0, abs(expected)))


def test_cpm_quality_without_self_loops_matches_leidenalg():
    # leidenalg's self-loop correction applies only when the graph has one: check both sides of it.
    for directed in (False, True):
        case = random_simple_graph(3, 30, 0.15, directed)
        membership = random_membership(4, case.n, 4)
        expected = leidenalg.CPMVertexPartition(case.igraph(), initial_membership=dense(membership),
                                                resolution_parameter=0.3).quality()
        assert community.cpm_quality(case.graph, membership, resolution=0.3) == pytest.approx(expected, abs=TOL)


def test_community_sizes_is_a_bincount():
    membership = random_membership(5, 200, 6)
    sizes = community.community_sizes(membership)
    assert sizes.dtype == np.int64
    np.testing.assert_array_equal(sizes, np.bincount(membership))
    assert community.community_sizes([]).shape == (0,)


@pytest.mark.parametrize("case", [
    pytest.param(karate(False), id="karate"),
    pytest.param(random_simple_graph(6, 40, 0.1, directed=False), id="random-undirected"),
    pytest.param(random_simple_graph(7, 40, 0.1, directed=True), id="random-directed"),
])
def test_partition_quality_matches_networkx_on_simple_graphs(case):
    G = case.networkx(multi=False)
    for membership in partitions_of(case, 30):
        coverage, performance = community.partition_quality(case.graph, membership)
        expected = nx_partition_quality(G, communities(membership))
        assert coverage == pytest.approx(expected[0], abs=TOL)
        assert performance == pytest.approx(expected[1], abs=TOL)


@pytest.mark.parametrize("directed", [False, True])
def test_partition_quality_on_multigraphs(directed):
    # networkx: coverage counts parallel edges and self-loops, and performance is -1 for any
    # multigraph. essnet's performance is that of the simple graph without self-loops.
    case = random_multigraph(8, 30, 60, directed)
    membership = random_membership(9, case.n, 3)
    coverage, performance = community.partition_quality(case.graph, membership)
    multi = nx_partition_quality(case.networkx(), communities(membership))
    assert coverage == pytest.approx(multi[0], abs=TOL)
    assert multi[1] == -1
    simple = case.networkx(multi=False)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    assert performance == pytest.approx(nx_partition_quality(simple, communities(membership))[1], abs=TOL)


@pytest.mark.parametrize("make", GRAPHS)
def test_conductance_matches_networkx(make):
    case = make()
    for weighted in (True, False):
        G = case.networkx(weighted)
        membership = random_membership(11, case.n, 4)
        got = community.conductance(case.graph, membership, use_weights=weighted)
        assert got.dtype == np.float64 and got.shape == (membership.max() + 1,)
        for c in range(membership.max() + 1):
            S = set(np.flatnonzero(membership == c).tolist())
            if not S:
                assert np.isnan(got[c])  # a label no node has
                continue
            # networkx 2.8.8's directed cut_size fails with T=None, so pass the complement.
            expected = nx.conductance(G, S, set(G) - S, weight="weight" if weighted else None)
            assert got[c] == pytest.approx(expected, abs=TOL)


def test_conductance_is_nan_where_networkx_divides_by_zero():
    case = karate(False)
    with pytest.raises(ZeroDivisionError):
        nx.conductance(case.networkx(), set(range(case.n)))
    assert np.isnan(community.conductance(case.graph, np.zeros(case.n, dtype=int))[0])


# Comparison.


def comparison_cases():
    yield random_membership(1, 60, 3), random_membership(2, 60, 4)
    yield random_membership(3, 500, 12), random_membership(4, 500, 30)
    a = random_membership(5, 1000, 25)
    b = a.copy()
    flip = np.random.default_rng(6).random(1000) < 0.2  # a noisy copy
    b[flip] = random_membership(7, int(flip.sum()), 40)
    yield a, b
    # Unbalanced sizes: one large community and many small ones.
    rng = np.random.default_rng(8)
    yield np.minimum(rng.geometric(0.3, 400), 15), rng.integers(0, 3, 400) * 1000
    yield karate_clubs(), random_membership(9, 34, 4)
    yield np.arange(50), random_membership(10, 50, 5)  # singletons against a coarse partition


@pytest.mark.parametrize("a, b", list(comparison_cases()))
def test_comparisons_match_igraph(a, b):
    da, db = dense(a), dense(b)
    assert community.normalized_mutual_information(a, b) == pytest.approx(
        igraph.compare_communities(da, db, method="nmi"), abs=TOL)
    assert community.variation_of_information(a, b) == pytest.approx(
        igraph.compare_communities(da, db, method="vi"), abs=TOL)
    assert community.rand_index(a, b) == pytest.approx(igraph.compare_communities(da, db, method="rand"), abs=TOL)
    assert community.adjusted_rand_index(a, b) == pytest.approx(
        igraph.compare_communities(da, db, method="adjusted_rand"), abs=TOL)
    assert community.split_join_distance(a, b) == tuple(igraph.split_join_distance(da, db))


@pytest.mark.parametrize("a, b", list(comparison_cases()))
def test_comparisons_match_scikit_learn(a, b):
    assert community.adjusted_mutual_information(a, b) == pytest.approx(
        metrics.adjusted_mutual_info_score(a, b), abs=1e-9)
    assert community.adjusted_mutual_information(b, a) == pytest.approx(
        metrics.adjusted_mutual_info_score(a, b), abs=1e-9)
    assert community.normalized_mutual_information(a, b) == pytest.approx(
        metrics.normalized_mutual_info_score(a, b), abs=TOL)
    assert community.adjusted_rand_index(a, b) == pytest.approx(metrics.adjusted_rand_score(a, b), abs=TOL)
    assert community.rand_index(a, b) == pytest.approx(metrics.rand_score(a, b), abs=TOL)


@pytest.mark.parametrize("a, b", list(comparison_cases())[:3])
def test_contingency_table_matches_scikit_learn(a, b):
    table = community.contingency_table(a, b)
    assert isinstance(table, pd.DataFrame)
    np.testing.assert_array_equal(table.to_numpy(), contingency_matrix(a, b))
    assert table.index.tolist() == sorted(set(a.tolist()))
    assert table.columns.tolist() == sorted(set(b.tolist()))
    pd.testing.assert_frame_equal(table, pd.crosstab(pd.Series(a, name="a"), pd.Series(b, name="b")),
                                  check_dtype=False)


def test_compare_partitions_dispatches_like_igraph():
    a, b = random_membership(12, 80, 4), random_membership(13, 80, 6)
    da, db = dense(a), dense(b)
    for method, igraph_method in [("nmi", "nmi"), ("danon", "nmi"), ("vi", "vi"), ("meila", "vi"),
                                  ("rand", "rand"), ("ari", "adjusted_rand"), ("adjusted_rand", "adjusted_rand"),
                                  ("split-join", "split-join"), ("split_join", "split-join")]:
        assert community.compare_partitions(a, b, method) == pytest.approx(
            igraph.compare_communities(da, db, method=igraph_method), abs=TOL), method
    assert community.compare_partitions(a, b) == community.normalized_mutual_information(a, b)
    assert community.compare_partitions(a, b, "ami") == pytest.approx(metrics.adjusted_mutual_info_score(a, b),
                                                                      abs=1e-9)
    with pytest.raises(ValueError, match="method.*'jaccard'"):
        community.compare_partitions(a, b, "jaccard")


def test_degenerate_comparisons():
    # No node and one node: igraph NMI 1 and VI 0; scikit-learn AMI, ARI and Rand 1.
    for a in ([], [5]):
        assert community.normalized_mutual_information(a, a) == 1
        assert community.variation_of_information(a, a) == 0
        assert community.adjusted_mutual_information(a, a) == metrics.adjusted_mutual_info_score(a, a) == 1
        assert community.adjusted_rand_index(a, a) == metrics.adjusted_rand_score(a, a) == 1
        assert community.rand_index(a, a) == metrics.rand_score(a, a) == 1
    # Both trivial: igraph's ARI is NaN, scikit-learn's 1.
    assert np.isnan(igraph.compare_communities([0, 0, 0], [0, 0, 0], method="adjusted_rand"))
    assert community.adjusted_rand_index([0, 0, 0], [1, 1, 1]) == metrics.adjusted_rand_score([0, 0, 0], [1, 1, 1])
    assert community.normalized_mutual_information([0, 0, 0], [1, 1, 1]) == 1
    # Both all singletons: AMI is 0/0; scikit-learn returns rounding noise, essnet 1.
    assert community.adjusted_mutual_information(np.arange(10), np.arange(10)[::-1]) == 1


# Inputs.


class Labelled:
    def __init__(self, membership):
        self.membership = membership


def test_membership_inputs():
    case = karate(False)
    clubs = karate_clubs()
    expected = community.modularity(case.graph, clubs)
    assert community.modularity(case.graph, clubs.tolist()) == expected
    assert community.modularity(case.graph, clubs.astype(float)) == expected  # integer-valued floats
    assert community.modularity(case.graph, Labelled(clubs)) == expected  # a Partition-like object
    assert community.normalized_mutual_information(Labelled(clubs), clubs) == 1
    with pytest.raises(ValueError, match="membership must hold integer labels"):
        community.modularity(case.graph, clubs + 0.5)
    with pytest.raises(ValueError, match="membership must hold integer labels"):
        community.modularity(case.graph, ["a"] * case.n)
    with pytest.raises(ValueError, match="membership must be one-dimensional"):
        community.modularity(case.graph, clubs.reshape(2, 17))
    with pytest.raises(ValueError, match=r"membership\[3\] is negative"):
        community.modularity(case.graph, [0, 0, 0, -1] + [0] * (case.n - 4))
    with pytest.raises(ValueError, match="membership must have one value per node"):
        community.modularity(case.graph, clubs[:10])
    with pytest.raises(ValueError, match="resolution"):
        community.modularity(case.graph, clubs, resolution=-1)
    with pytest.raises(ValueError, match="resolution"):
        community.cpm_quality(case.graph, clubs, resolution=float("nan"))
    with pytest.raises(ValueError, match="a and b must have the same length"):
        community.adjusted_rand_index([0, 1], [0])
    with pytest.raises(ValueError, match=r"b\[1\] is negative"):
        community.rand_index([0, 1], [0, -2])
    with pytest.raises(ValueError, match="b labels must be at most"):
        community.rand_index([0, 1], [0, 2**40])
    with pytest.raises(TypeError, match="essnet.Graph"):
        community.modularity(case.networkx(), clubs)


def test_return_types():
    case = karate(True)
    clubs = karate_clubs()
    assert isinstance(community.cpm_quality(case.graph, clubs), float)
    coverage, performance = community.partition_quality(case.graph, clubs)
    assert isinstance(coverage, float) and isinstance(performance, float)
    assert isinstance(community.adjusted_mutual_information(clubs, clubs), float)
    assert community.conductance(case.graph, clubs).dtype == np.float64


# Strongly connected components.


def assert_components_as_sets(membership, expected_sets, n):
    assert membership.dtype == np.int32 and membership.shape == (n,)
    got = {}
    for u, c in enumerate(membership.tolist()):
        got.setdefault(c, set()).add(u)
    assert sorted(map(sorted, got.values())) == sorted(map(sorted, expected_sets))
    # Numbered in order of first node.
    firsts = list(dict.fromkeys(membership.tolist()))
    assert firsts == list(range(len(firsts)))


@pytest.mark.parametrize("seed", range(8))
def test_strong_components_match_networkx(seed):
    case = random_multigraph(seed, 60, 40 + 15 * seed, directed=True, weighted=False)
    expected = nx.strongly_connected_components(case.networkx())
    assert_components_as_sets(strongly_connected_components(case.graph), list(expected), case.n)


def test_strong_components_of_a_real_network():
    net = essnet.read_csv(DATA / "krackhardt_hightech" / "nodes.csv", DATA / "krackhardt_hightech" / "edges.csv")
    g = net.graph(relations="friendship", directed=True)
    G = nx.MultiDiGraph()
    G.add_nodes_from(g.nodes)
    G.add_edges_from((r["source"], r["target"]) for r in read_rows(DATA / "krackhardt_hightech" / "edges.csv")
                     if r["relation"] == "friendship")
    index = {name: i for i, name in enumerate(g.nodes)}
    expected = [{index[x] for x in comp} for comp in nx.strongly_connected_components(G)]
    assert_components_as_sets(strongly_connected_components(g), expected, len(g.nodes))


def test_strong_components_undirected_and_long_paths():
    case = random_multigraph(3, 50, 40, directed=False, weighted=False)
    np.testing.assert_array_equal(strongly_connected_components(case.graph),
                                  essnet.connected_components(case.graph))
    assert strongly_connected_components(essnet.Graph()).shape == (0,)
    n = 1_000_000
    path = essnet.Graph.from_edges(np.arange(n - 1), np.arange(1, n), num_nodes=n, directed=True)
    np.testing.assert_array_equal(strongly_connected_components(path), np.arange(n))
    cycle = essnet.Graph.from_edges(np.arange(n), (np.arange(n) + 1) % n, num_nodes=n, directed=True)
    assert not strongly_connected_components(cycle).any()
