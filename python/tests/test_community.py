"""Community detection against networkx, igraph and leidenalg (independent references)."""

import warnings

import igraph
import leidenalg
import networkx as nx
import numpy as np
import pytest
from conftest import DATA, from_networkx

import essnet
from essnet.community import Partition, consensus, label_propagation, leiden, louvain

KARATE_OPTIMUM = 0.419790  # Brandes et al. (2008), "On modularity clustering", by integer programming


def nx_communities(membership):
    return [set(np.flatnonzero(membership == c).tolist()) for c in range(membership.max() + 1)]


def connected(G, membership):
    H = G.to_undirected() if G.is_directed() else G
    return all(nx.is_connected(H.subgraph(c)) for c in nx_communities(membership))


def test_karate_best_of_ten_seeds_reaches_the_optimum():
    G = nx.karate_club_graph()
    g = from_networkx(G)
    best = -1.0
    for seed in range(10):
        p = leiden(g, seed=seed)
        assert isinstance(p, Partition) and p.membership.dtype == np.int32
        assert p.quality == pytest.approx(nx.community.modularity(G, nx_communities(p.membership), weight=None),
                                          abs=1e-12)
        assert p.n_communities == len(set(p.membership.tolist())) == len(p.sizes)
        assert connected(G, p.membership)
        best = max(best, p.quality)
    assert best == pytest.approx(KARATE_OPTIMUM, abs=1e-6)


def test_weighted_and_directed_quality_match_networkx():
    G = nx.karate_club_graph()  # networkx 2.8 gives the interaction counts as 'weight'
    g = from_networkx(G, weight="weight")
    for resolution in (0.5, 1.0, 2.0):
        p = leiden(g, resolution=resolution, seed=1)
        want = nx.community.modularity(G, nx_communities(p.membership), weight="weight", resolution=resolution)
        assert p.quality == pytest.approx(want, abs=1e-12)
    D = nx.gnp_random_graph(200, 0.03, seed=4, directed=True)
    d = from_networkx(D)
    p = leiden(d, seed=2)
    assert p.quality == pytest.approx(nx.community.modularity(D, nx_communities(p.membership), weight=None), abs=1e-12)
    assert connected(D, p.membership)


def test_cpm_quality_matches_leidenalg():
    G = nx.gnp_random_graph(300, 0.05, seed=7)
    g = from_networkx(G)
    ig = igraph.Graph(n=300, edges=list(G.edges()))
    for resolution in (0.05, 0.2):
        p = leiden(g, objective="cpm", resolution=resolution, seed=3)
        ref = leidenalg.CPMVertexPartition(ig, initial_membership=p.membership.tolist(),
                                           resolution_parameter=resolution)
        assert p.quality == pytest.approx(ref.quality(), abs=1e-9)
        assert connected(G, p.membership)
        # leidenalg's own optimiser as a yardstick: essnet's CPM quality is within 1% of it.
        best = leidenalg.find_partition(ig, leidenalg.CPMVertexPartition, resolution_parameter=resolution, seed=3)
        assert p.quality >= best.quality() - 0.01 * abs(best.quality())


def test_lfr_ground_truth_recovered():
    folder = DATA / "lfr_n1000_mu0.3"
    edges = np.loadtxt(folder / "network.dat", dtype=np.int64) - 1
    edges = edges[edges[:, 0] < edges[:, 1]]  # each edge is listed in both directions
    truth = np.loadtxt(folder / "community.dat", dtype=np.int64)[:, 1]
    g = essnet.Graph.from_edges(edges[:, 0], edges[:, 1], num_nodes=1000)
    p = leiden(g, seed=0)
    nmi = igraph.compare_communities(p.membership.tolist(), truth.tolist(), method="nmi")
    assert nmi >= 0.99


def test_email_eu_core_mean_modularity_at_least_leidenalg():
    g = essnet.read_edgelist(DATA / "email_eu_core" / "email-Eu-core.txt", directed=False, duplicates="max")
    s, t = g.edges
    ig = igraph.Graph(n=g.num_nodes, edges=list(zip(s.tolist(), t.tolist())))
    ours = [leiden(g, seed=seed).quality for seed in range(10)]
    theirs = [leidenalg.find_partition(ig, leidenalg.ModularityVertexPartition,
                                       seed=seed).quality() for seed in range(10)]
    # Both report modularity of the same graph; check ours against igraph's own modularity too.
    assert ours[0] == pytest.approx(ig.modularity(leiden(g, seed=0).membership.tolist()), abs=1e-12)
    assert np.mean(ours) >= np.mean(theirs) - 0.001


def test_louvain_levels_and_quality():
    G = nx.karate_club_graph()
    g = from_networkx(G)
    p = louvain(g, seed=0)
    assert p.levels and np.array_equal(p.levels[-1].membership, p.membership)
    qualities = [level.quality for level in p.levels]
    assert qualities == sorted(qualities)
    for level in p.levels:
        reference = nx.community.modularity(G, nx_communities(level.membership), weight=None)
        assert level.quality == pytest.approx(reference, abs=1e-12)
    ig = igraph.Graph(n=34, edges=list(G.edges()))
    assert max(louvain(g, seed=s).quality for s in range(5)) >= ig.community_multilevel().modularity - 1e-9


def test_label_propagation_against_networkx_quality():
    G = nx.karate_club_graph()
    g = from_networkx(G)
    p = label_propagation(g, seed=4)
    assert p.quality == pytest.approx(nx.community.modularity(G, nx_communities(p.membership), weight=None), abs=1e-12)
    assert np.array_equal(p.membership, label_propagation(g, seed=4).membership)
    # A stable labelling: every node carries one of the labels most common among its neighbours.
    for v in G:
        counts = np.bincount([p.membership[u] for u in G[v]], minlength=p.n_communities)
        assert counts[p.membership[v]] == counts.max()


def test_consensus_frames_and_determinism():
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    r = consensus(g, runs=20, seed=1)
    # The first round is Leiden with seeds 1..20: co-assignment and stability recomputed from it.
    runs = [leiden(g, seed=seed).membership for seed in range(1, 21)]
    s, t = g.edges
    np.testing.assert_array_equal(r.co_assignment, np.mean([m[s] == m[t] for m in runs], axis=0))
    stable = np.zeros(g.num_nodes)
    for m in runs:
        for c in np.unique(r.partition.membership):
            members = r.partition.membership == c
            labels, counts = np.unique(m[members], return_counts=True)
            plurality = labels[np.argmax(counts)]  # labels ascending: the lowest wins a tie
            stable[members] += m[members] == plurality
    np.testing.assert_allclose(r.stability, stable / len(runs), rtol=0, atol=1e-15)
    frame = r.frame()
    assert list(frame.columns) == ["community", "stability"] and list(frame.index) == g.nodes
    assert len(r.edge_frame()) == g.num_edges
    again = consensus(g, runs=20, seed=1)
    assert np.array_equal(again.partition.membership, r.partition.membership)
    assert np.array_equal(again.stability, r.stability)


def test_partition_helpers_and_errors():
    g = essnet.datasets.chantier().graph(directed=False)
    p = leiden(g)
    assert sum(len(c) for c in p.communities()) == g.num_nodes
    assert list(p.frame().index) == g.nodes
    with pytest.raises(ValueError, match="objective"):
        leiden(g, objective="surprise")
    with pytest.raises(ValueError, match="initial_membership"):
        leiden(g, initial_membership=[0, 1])
    with pytest.raises(ValueError, match="resolution"):
        leiden(g, resolution=-1)
    with pytest.raises(ValueError, match="algorithm"):
        consensus(g, algorithm="infomap")
    # Integer arguments out of range or of the wrong type are named, with the value given.
    with pytest.raises(ValueError, match=r"seed must be from 0 to 18446744073709551615, got -1"):
        leiden(g, seed=-1)
    with pytest.raises(TypeError, match=r"seed must be an integer, got 1\.5"):
        louvain(g, seed=1.5)
    with pytest.raises(TypeError, match="n_iterations"):
        leiden(g, n_iterations=1.5)
    with pytest.raises(ValueError, match="runs must be from"):
        consensus(g, runs=2**40)
    with pytest.raises(ValueError, match="max_iterations"):
        label_propagation(g, max_iterations=2**31)
    assert leiden(g, seed=np.uint64(2**64 - 1)).n_communities > 0  # numpy integers are integers
    with pytest.raises(TypeError, match="layer_weights can name layers only when layers is a dict"):
        essnet.leiden_multiplex([g, g], {"a": 1.0, "b": 2.0})
    empty = leiden(essnet.Graph())
    assert empty.n_communities == 0 and empty.membership.shape == (0,)
    for algorithm in (leiden, louvain, label_propagation):  # modularity without edges is 0/0, as in igraph
        assert np.isnan(algorithm(essnet.Graph.from_edges([], [], num_nodes=2)).quality)
        assert np.isnan(algorithm(essnet.Graph()).quality)
    assert np.isnan(igraph.Graph(n=2).modularity([0, 1]))
    # Labels are names: the largest possible one neither sizes a table nor changes the result.
    path = essnet.Graph.from_edges([0, 1, 2], [1, 2, 3])
    sparse = leiden(path, initial_membership=[0, 2**31 - 1, 0, 0], n_iterations=0)
    assert sparse.membership.tolist() == [0, 1, 2, 2]  # {0, 2, 3} is not connected: split
    huge = essnet.Graph.from_edges([0, 1], [1, 2], weights=[1e308, 1e308], num_nodes=3)
    with pytest.raises(ValueError, match="overflows"):
        leiden(huge)
    with pytest.raises(ValueError, match="overflows"):
        louvain(huge)


def test_leiden_multiplex_against_leidenalg():
    # Two layers on the same 200 nodes: a planted partition and a random layer.
    import random

    rng = random.Random(5)
    blocks = [v // 40 for v in range(200)]
    a = [(u, v) for u in range(200) for v in range(u + 1,
                                                   200) if rng.random() < (0.15 if blocks[u] == blocks[v] else 0.01)]
    b = [(u, v) for u in range(200) for v in range(u + 1, 200) if rng.random() < 0.03]
    layers = [essnet.Graph.from_edges([u for u, _ in e], [v for _, v in e], num_nodes=200) for e in (a, b)]
    iga, igb = (igraph.Graph(n=200, edges=e) for e in (a, b))
    weights = [1.0, 0.5]
    p = essnet.leiden_multiplex(layers, weights, seed=2)
    # The reported quality is sum_l w_l Q_l, each Q_l as leidenalg computes it for this partition.
    ref = sum(w * leidenalg.ModularityVertexPartition(g, initial_membership=p.membership.tolist()).quality()
              for w, g in zip(weights, (iga, igb)))
    assert p.quality == pytest.approx(ref, abs=1e-9)
    # leidenalg's multiplex optimiser as the yardstick for the optimum found.
    parts = [leidenalg.ModularityVertexPartition(g) for g in (iga, igb)]
    leidenalg.Optimiser().optimise_partition_multiplex(parts, layer_weights=weights)
    theirs = sum(w * part.quality() for w, part in zip(weights, parts))
    assert p.quality >= theirs - 0.01
    H = nx.Graph()
    H.add_nodes_from(range(200))
    H.add_edges_from(a + b)
    assert connected(H, p.membership)


def test_leiden_multiplex_on_relations():
    net = essnet.datasets.chantier()
    layers = net.graphs_by_relation()
    assert list(layers) == list(dict.fromkeys(net.ties["relation"]))
    assert len({g.num_nodes for g in layers.values()}) == 1
    p = essnet.leiden_multiplex(layers, {"participated_in": 2.0}, seed=1)
    assert p.membership.shape == (net.num_actors,)
    with pytest.raises(ValueError, match="unknown layers"):
        essnet.leiden_multiplex(layers, {"no_such_relation": 1.0})
    with pytest.raises(ValueError, match="layer_weights"):
        essnet.leiden_multiplex(list(layers.values()), [1.0])


def _holds_a_heaviest_label(G, membership):
    """Every node with neighbours carries a label of greatest count among its neighbours (networkx graph)."""
    for v in G:
        counts = {}
        for u in G[v]:
            if u != v:
                counts[membership[u]] = counts.get(membership[u], 0) + 1
        if counts and counts.get(membership[v], 0) != max(counts.values()):
            return False
    return True


def test_label_propagation_reports_sweeps_and_warns_when_unstable():
    G = nx.gnm_random_graph(400, 1200, seed=3)
    g = from_networkx(G)
    full = label_propagation(g, seed=1)
    assert full.converged and full.iterations >= 1
    assert _holds_a_heaviest_label(G, dict(zip(G.nodes(), full.membership)))
    unstable = 0
    for seed in range(5):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            one = label_propagation(g, seed=seed, max_iterations=1)
        assert one.iterations == 1
        assert one.converged == _holds_a_heaviest_label(G, dict(zip(G.nodes(), one.membership)))
        assert any(issubclass(w.category, essnet.ConvergenceWarning) for w in caught) == (not one.converged)
        unstable += not one.converged
    assert unstable > 0  # one sweep rarely settles 400 nodes
