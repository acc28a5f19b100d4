"""Generators: determinism, statistics against theory, and agreement in distribution with networkx."""

import networkx as nx
import numpy as np
import pytest
from scipy import stats

import essnet
from essnet import generate


def edges(g):
    s, t = g.edges
    return list(zip(s.tolist(), t.tolist()))


def test_same_seed_same_graph_other_seed_other_graph():
    for make in (
        lambda seed: generate.erdos_renyi(300, 900, seed=seed),
        lambda seed: generate.barabasi_albert(300, 3, seed=seed),
        lambda seed: generate.stochastic_block_model([100, 100], [[0.1, 0.01], [0.01, 0.1]], seed=seed)[0],
        lambda seed: generate.lfr(500, average_degree=10, max_degree=30, seed=seed)[0],
        lambda seed: generate.rmat(10, seed=seed),
    ):
        assert edges(make(1)) == edges(make(1))
        assert edges(make(1)) != edges(make(2))


def test_erdos_renyi_degrees_match_networkx_in_distribution():
    n, m = 500, 2000
    ours = np.concatenate([essnet.degree(generate.erdos_renyi(n, m, seed=s)) for s in range(20)])
    theirs = np.concatenate([[d for _, d in nx.gnm_random_graph(n, m, seed=s).degree()] for s in range(20)])
    assert ours.mean() == pytest.approx(2 * m / n)
    assert stats.ks_2samp(ours, theirs).pvalue > 0.001


def test_barabasi_albert_matches_networkx_in_distribution():
    n, m = 2000, 3
    g = generate.barabasi_albert(n, m, seed=1)
    G = nx.barabasi_albert_graph(n, m, seed=1)
    assert g.num_edges == G.number_of_edges()  # the same model: m + (n - m - 1) m edges
    ours = np.concatenate([essnet.degree(generate.barabasi_albert(n, m, seed=s)) for s in range(10)])
    theirs = np.concatenate([[d for _, d in nx.barabasi_albert_graph(n, m, seed=s).degree()] for s in range(10)])
    assert stats.ks_2samp(ours, theirs).pvalue > 0.001


def test_sbm_block_edge_counts_match_networkx_on_average():
    sizes, p = [60, 90], [[0.2, 0.02], [0.02, 0.1]]

    def counts(pairs, block):
        c = np.zeros((2, 2))
        for u, v in pairs:
            a, b = sorted((block[u], block[v]))
            c[a, b] += 1
        return c

    graphs = (generate.stochastic_block_model(sizes, p, seed=s) for s in range(30))
    ours = np.mean([counts(edges(g), b) for g, b in graphs], axis=0)
    block = [0] * 60 + [1] * 90
    theirs = np.mean([counts(nx.stochastic_block_model(sizes, p, seed=s).edges(), block) for s in range(30)], axis=0)
    expected = np.array([[60 * 59 / 2 * 0.2, 60 * 90 * 0.02], [0, 90 * 89 / 2 * 0.1]])
    np.testing.assert_allclose(ours, expected, rtol=0.05, atol=1)
    np.testing.assert_allclose(theirs, expected, rtol=0.05, atol=1)


@pytest.mark.parametrize("mu", [0.1, 0.3, 0.5])
def test_lfr_mixing_and_ground_truth(mu):
    g, community, mixing = generate.lfr(2000, average_degree=15, max_degree=40, mu=mu, min_community=20,
                                        max_community=80, seed=5)
    s, t = g.edges
    realised = np.mean(community[s] != community[t])
    assert realised == pytest.approx(mixing)
    assert abs(realised - mu) <= 0.02
    assert community.dtype == np.int32 and community.shape == (g.num_nodes,)
    # Networkx sees the same graph: simple, and each community's nodes mostly tied inside it.
    G = nx.Graph(edges(g))
    assert G.number_of_edges() == g.num_edges


def test_rmat_is_simple_and_skewed():
    g = generate.rmat(12, 16, seed=3)
    assert g.num_nodes == 4096 and not g.directed
    G = nx.Graph(edges(g))
    assert G.number_of_edges() == g.num_edges and nx.number_of_selfloops(G) == 0
    d = essnet.degree(g)
    assert d.max() > 20 * d.mean()  # heavy-tailed, as Graph500 graphs are


def test_social_economy_network():
    net = generate.social_economy(3000, num_years=10, seed=2)
    actors, ties = net.actors, net.ties
    assert actors["name"].str.startswith("Synthetic").all()
    assert ties["provenance"].str.startswith("synthetic").all()
    assert set(ties["relation"].unique()) >= {"leads", "organized", "participated_in", "partnership", "member_of",
                                              "funded"}
    assert ties["start_year"].between(1990, 1999).all()
    g2000 = net.graph(years=1995)
    assert 0 < g2000.num_edges < net.num_ties


def test_errors_name_the_parameter():
    with pytest.raises(ValueError, match="m must be"):
        generate.erdos_renyi(10, 100)
    with pytest.raises(ValueError, match="mu"):
        generate.lfr(1000, mu=2)
    with pytest.raises(ValueError, match="symmetric"):
        generate.stochastic_block_model([2, 2], [[0.1, 0.2], [0.3, 0.1]])
    with pytest.raises(ValueError, match="scale"):
        generate.rmat(0)
    with pytest.raises(ValueError, match="seed must be from 0 to"):
        generate.rmat(4, seed=-3)
    with pytest.raises(TypeError, match="seed must be an integer"):
        generate.erdos_renyi(10, 5, seed="7")
    with pytest.raises(ValueError, match="n must be from"):
        generate.erdos_renyi(2**40, 0)
    with pytest.raises(TypeError, match="sizes must be an integer, got 2.7"):
        generate.stochastic_block_model([2.7, 3], [[0.1, 0.1], [0.1, 0.1]])
    with pytest.raises(ValueError, match="max_degree must be from"):
        generate.lfr(100, max_degree=2**40)
