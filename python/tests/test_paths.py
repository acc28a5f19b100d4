"""essnet.paths against scipy's csgraph.shortest_path and networkx (shortest_path_length,
all_shortest_paths, eccentricity, diameter, radius, average_shortest_path_length, global and local
efficiency), on the reference networks and on seeded random graphs: directed and undirected,
weighted and not, connected or in pieces."""

import itertools

import networkx as nx
import numpy as np
import pytest
import scipy.sparse.csgraph as csgraph

import essnet
from conftest import from_networkx


def random_graph(n, p, directed, weighted, seed):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    rng = np.random.default_rng(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.integers(1, 5)) if weighted else 1.0
    return G


CASES = [(directed, weighted, seed) for directed in (False, True) for weighted in (False, True) for seed in range(4)]


def nx_eccentricity(H, weight):
    """networkx's eccentricity with weights (networkx 2.8 takes them through sp=)."""
    return nx.eccentricity(H, sp=dict(nx.shortest_path_length(H, weight=weight)))


def pieces(G):
    """The components networkx's eccentricity is defined on: connected, or strongly connected."""
    parts = nx.strongly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    return [G.subgraph(c) for c in parts]


@pytest.mark.parametrize("directed,weighted,seed", CASES)
def test_distances_equal_scipy_and_networkx(directed, weighted, seed):
    G = random_graph(30, 0.08, directed, weighted, seed)
    g = from_networkx(G, weight="weight" if weighted else None)
    got = essnet.distances(g)
    want = csgraph.shortest_path(g.to_scipy(), directed=directed, unweighted=not weighted)
    np.testing.assert_array_equal(got, want)
    # Against the arcs: distances to the sources.
    np.testing.assert_array_equal(essnet.distances(g, direction="in"), want.T)
    # Rows for chosen sources, by id, with networkx's lengths.
    sources = [g.nodes[3], g.nodes[0]]
    rows = essnet.distances(g, sources)
    for row, s in zip(rows, sources):
        lengths = nx.single_source_dijkstra_path_length(G, int(s), weight="weight" if weighted else None)
        assert {g.nodes[i]: d for i, d in enumerate(row) if np.isfinite(d)} == {str(k): v for k, v in lengths.items()}


@pytest.mark.parametrize("directed,weighted,seed", CASES)
def test_all_shortest_paths_equal_networkx(directed, weighted, seed):
    G = random_graph(16, 0.2, directed, weighted, seed)
    g = from_networkx(G, weight="weight" if weighted else None)
    w = "weight" if weighted else None
    for s, t in itertools.product(range(0, 16, 3), range(0, 16, 2)):
        ours = essnet.all_shortest_paths(g, str(s), str(t))
        if nx.has_path(G, s, t):
            theirs = sorted([str(v) for v in p] for p in nx.all_shortest_paths(G, s, t, weight=w))
            assert sorted(ours) == theirs
            assert essnet.shortest_path(g, str(s), str(t)) in theirs
        else:
            assert ours == [] and essnet.shortest_path(g, str(s), str(t)) == []


@pytest.mark.parametrize("directed,weighted,seed", CASES)
def test_eccentricity_diameter_radius_equal_networkx_on_each_component(directed, weighted, seed):
    G = random_graph(40, 0.06 if seed % 2 else 0.12, directed, weighted, seed)
    g = from_networkx(G, weight="weight" if weighted else None)
    w = "weight" if weighted else None
    ecc = dict(zip(g.nodes, essnet.eccentricity(g)))
    diameter = 0
    for H in pieces(G):
        want = nx_eccentricity(H, w) if H.number_of_nodes() > 1 else {v: 0 for v in H}
        assert {str(v): ecc[str(v)] for v in H} == {str(v): e for v, e in want.items()}
        diameter = max(diameter, max(want.values()))
    d = essnet.diameter(g)
    assert d == diameter
    assert essnet.distances(g, [d.source])[0][g.nodes.index(d.target)] == diameter
    assert essnet.radius(g) == min(ecc.values())


@pytest.mark.parametrize("name", ["zachary_karate", "lesmis", "florentine"])
def test_reference_networks_equal_networkx(name):
    G = {"zachary_karate": nx.karate_club_graph, "lesmis": nx.les_miserables_graph,
         "florentine": nx.florentine_families_graph}[name]()
    G = nx.convert_node_labels_to_integers(G)
    g = from_networkx(G)
    assert essnet.diameter(g) == nx.diameter(G)
    assert essnet.radius(g) == nx.radius(G)
    assert list(essnet.eccentricity(g)) == [nx.eccentricity(G)[v] for v in G]
    assert essnet.average_shortest_path_length(g) == pytest.approx(nx.average_shortest_path_length(G), rel=1e-14)
    assert essnet.global_efficiency(g) == pytest.approx(nx.global_efficiency(G), rel=1e-14)
    assert essnet.local_efficiency(g) == pytest.approx(nx.local_efficiency(G), rel=1e-14)
    weighted = from_networkx(G, weight="weight") if name == "lesmis" else None
    if weighted is not None:
        assert essnet.diameter(weighted) == max(nx_eccentricity(G, "weight").values())
        assert essnet.average_shortest_path_length(weighted) == pytest.approx(
            nx.average_shortest_path_length(G, weight="weight"), rel=1e-14)


@pytest.mark.parametrize("directed,weighted,seed", CASES)
def test_path_lengths_and_efficiency(directed, weighted, seed):
    G = random_graph(30, 0.1, directed, weighted, seed)
    g = from_networkx(G, weight="weight" if weighted else None)
    D = csgraph.shortest_path(g.to_scipy(), directed=directed, unweighted=not weighted)
    pairs = D[~np.eye(len(D), dtype=bool)] if directed else D[np.triu_indices(len(D), 1)]
    values, counts = np.unique(pairs, return_counts=True)
    got = essnet.distance_distribution(g)
    assert list(got.index) == list(values) and list(got) == list(counts)
    by = essnet.average_shortest_path_length(g, by_component=True)
    for H in pieces(G):
        members = [g.nodes.index(str(v)) for v in H]
        component = essnet.connected_components(g) if not directed else essnet.strongly_connected_components(g)
        row = by.loc[component[members[0]]]
        assert row["nodes"] == H.number_of_nodes()
        want = nx.average_shortest_path_length(H, weight="weight" if weighted else None) if len(H) > 1 else 0
        assert row["average"] == pytest.approx(want, rel=1e-12)
    if not directed:
        assert essnet.global_efficiency(g) == pytest.approx(nx.global_efficiency(G), rel=1e-12)
        assert essnet.local_efficiency(g) == pytest.approx(nx.local_efficiency(G), rel=1e-12)


def test_bad_input_names_what_is_wrong():
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    with pytest.raises(ValueError, match="nobody"):
        essnet.shortest_path(g, "chantier", "nobody")
    with pytest.raises(ValueError, match="direction"):
        essnet.distances(g, direction="sideways")
    with pytest.raises(ValueError, match="MB"):
        essnet.distances(g, max_bytes=100)
    zero = essnet.Graph.from_edges([0], [1], [0.0])
    with pytest.raises(ValueError, match="edge 0"):
        essnet.distances(zero)
    pieces_graph = essnet.Graph.from_edges([0, 2], [1, 3])
    with pytest.raises(ValueError, match="by_component"):
        essnet.average_shortest_path_length(pieces_graph)
    with pytest.raises(ValueError, match="without nodes"):
        essnet.radius(essnet.Graph.from_edges([], [], num_nodes=0))


def test_chantier_by_hand():
    # Read off the bundled network's ties (examples/data/chantier/ties.csv): the Chantier organised
    # FIESS 2011, where the ILO took part; the other way, through Nancy Neamtan (who leads the
    # Chantier) and the ILO's 2009 panel she joined and the ILO organised, is a step longer.
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    assert essnet.all_shortest_paths(g, "chantier", "ilo") == [["chantier", "fiess_2011", "ilo"]]
    assert essnet.distances(g, ["chantier"])[0][g.nodes.index("ilo_panel_2009")] == 2
    assert essnet.shortest_path(g, "chantier", "ilo", direction="out") == ["chantier", "fiess_2011", "ilo"]
    directed = net.graph(directed=True)
    assert essnet.shortest_path(directed, "chantier", "ilo") == []  # every tie of the ILO leaves it
    assert essnet.shortest_path(directed, "chantier", "ilo", direction="all") == ["chantier", "fiess_2011", "ilo"]
    d = essnet.diameter(g)
    assert float(d) == essnet.eccentricity(g).max()


KRACKHARDT_R = """
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[2])
e <- read.csv(args[1])
m <- matrix(0, n, n)
if (nrow(e) > 0) for (i in seq_len(nrow(e))) m[e$s[i] + 1, e$t[i] + 1] <- 1
cat(sprintf("%.17g", c(connectedness(m), hierarchy(m, measure = "krackhardt"), efficiency(m), lubness(m))),
    sep = "\\n")
"""


def sna_krackhardt(n, sources, targets, tmp_path):
    import subprocess

    (tmp_path / "k.R").write_text(KRACKHARDT_R)
    (tmp_path / "e.csv").write_text("s,t\n" + "".join(f"{s},{t}\n" for s, t in zip(sources, targets)))
    out = subprocess.run(["Rscript", str(tmp_path / "k.R"), str(tmp_path / "e.csv"), str(n)], capture_output=True,
                         text=True, check=True).stdout.split()
    return [float(x) for x in out]


@pytest.mark.parametrize("seed", range(6))
def test_krackhardt_hierarchy_equals_r_sna(seed, tmp_path):
    rng = np.random.default_rng(seed)
    n = [3, 6, 9, 12, 15, 20][seed]
    m = int(n * [0.8, 1.2, 2.0][seed % 3])
    sources, targets = rng.integers(0, n, m), rng.integers(0, n, m)
    g = essnet.Graph.from_edges(sources, targets, num_nodes=n, directed=True)
    got = essnet.krackhardt_hierarchy(g)
    want = sna_krackhardt(n, sources, targets, tmp_path)
    for key, value in zip(["connectedness", "hierarchy", "efficiency", "lub"], want):
        if np.isnan(value):
            assert np.isnan(got[key]), key
        else:
            assert got[key] == pytest.approx(value, rel=1e-12, abs=1e-15), key


def test_an_organisation_chart_scores_one_and_a_cycle_does_not(tmp_path):
    tree = essnet.Graph.from_edges([0, 0, 1, 1, 2], [1, 2, 3, 4, 5], directed=True)
    assert essnet.krackhardt_hierarchy(tree) == {"connectedness": 1.0, "hierarchy": 1.0, "efficiency": 1.0, "lub": 1.0}
    cycle = essnet.Graph.from_edges([0, 1, 2], [1, 2, 0], directed=True)
    assert essnet.krackhardt_hierarchy(cycle)["hierarchy"] == 0.0
    with pytest.raises(ValueError, match="max_component"):
        essnet.krackhardt_hierarchy(tree, max_component=3)


def test_reach_counts_equal_networkx():
    G = random_graph(40, 0.05, True, False, 3)
    g = from_networkx(G)
    counts = essnet.paths.reach_counts(g)
    for v in G:
        assert counts.loc[str(v), "out"] == len(nx.descendants(G, v))
        assert counts.loc[str(v), "in"] == len(nx.ancestors(G, v))


def test_path_lengths_are_searched_once_per_graph():
    g = from_networkx(random_graph(200, 0.03, False, False, 1))
    calls = []
    essnet.average_shortest_path_length(g, by_component=True, progress=calls.append)
    assert calls and calls[-1] == 1.0
    calls.clear()
    essnet.distance_distribution(g, progress=calls.append)  # the same searches, not run again
    assert calls == []
    essnet.distance_distribution(g, use_weights=False, progress=calls.append)  # other lengths: searched
    assert calls and calls[-1] == 1.0


def test_reach_counts_progress_runs_once_from_0_to_1():
    g = from_networkx(random_graph(300, 0.02, True, False, 2))
    shares = []
    essnet.paths.reach_counts(g, progress=shares.append)
    assert shares == sorted(shares) and shares[-1] == 1.0 and shares.count(1.0) == 1
