"""CUG tests against R sna's cug.test (r-cran-sna through Rscript), on the reference networks and on
seeded random graphs: the observed statistic equal, the null distribution's mean and spread and the
p-values within Monte Carlo error. Label permutation tests against networkx's statistics on the same
relabellings, and against every relabelling enumerated here."""

import functools
import itertools
import subprocess
import tempfile
from math import sqrt
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from conftest import DATA, chantier_matrix, graph_of_matrix, relation_matrix

import essnet
from essnet import _core
from essnet.inference import cug_test, label_permutation_test

R_SCRIPT = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
y <- as.matrix(read.csv(file.path(folder, "y.csv"), header = FALSE))
mode <- args[2]
statistic <- args[3]
cmode <- args[4]
reps <- as.integer(args[5])
f <- switch(statistic,
  density = function(d, ...) gden(d, mode = mode),
  reciprocity = function(d, ...) grecip(d, measure = "edgewise"),
  transitivity = function(d, ...) gtrans(d, mode = mode),
  betweenness = function(d, ...) centralization(d, betweenness, mode = mode))
set.seed(1)
t <- cug.test(y, f, mode = mode, cmode = cmode, reps = reps)
write.csv(data.frame(observed = t$obs.stat, p_lower = t$plteobs, p_upper = t$pgteobs),
          file.path(folder, "cug.csv"), row.names = FALSE)
write.csv(data.frame(null = t$rep.stat), file.path(folder, "null.csv"), row.names = FALSE)
"""

REPS = 1000


def sna_cug(matrix, directed, statistic, condition):
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        np.savetxt(d / "y.csv", matrix, delimiter=",", fmt="%.17g")
        (d / "cug.R").write_text(R_SCRIPT)
        cmode = {"dyad_census": "dyad.census"}.get(condition, condition)
        subprocess.run(["Rscript", str(d / "cug.R"), str(d), "digraph" if directed else "graph", statistic, cmode,
                        str(REPS)], check=True, capture_output=True)
        return pd.read_csv(d / "cug.csv").iloc[0], pd.read_csv(d / "null.csv")["null"].to_numpy()


def random_matrix(nodes, density, seed, symmetric):
    """A seeded Bernoulli random graph: each ordered pair (each pair when symmetric) is a tie with the
    given probability, no loops."""
    ties = (np.random.default_rng(seed).random((nodes, nodes)) < density).astype(float)
    np.fill_diagonal(ties, 0)
    return np.triu(ties, 1) + np.triu(ties, 1).T if symmetric else ties


def matrix_of(folder, relation, symmetric):
    if folder == "chantier":
        return chantier_matrix(False)
    if folder.startswith("random"):
        nodes, density, seed = relation
        return random_matrix(nodes, density, seed, symmetric)
    return relation_matrix(folder, relation, symmetric)


graph_of = graph_of_matrix


STATISTICS = {"density": essnet.density, "reciprocity": essnet.reciprocity, "transitivity": essnet.transitivity,
              "betweenness": functools.partial(essnet.centralization, measure="betweenness")}

CASES = [("krackhardt_hightech", "advice", True, "betweenness", "edges"),
         ("krackhardt_hightech", "advice", True, "betweenness", "dyad_census"),
         ("krackhardt_hightech", "friendship", True, "reciprocity", "edges"),
         ("krackhardt_hightech", "friendship", True, "density", "size"),
         ("lazega_lawfirm", "cowork", False, "transitivity", "edges"),
         ("lazega_lawfirm", "cowork", False, "betweenness", "size"),
         ("knoke_bureaucracies", "information", True, "betweenness", "dyad_census"),
         ("chantier", "all ties", False, "transitivity", "edges"),
         ("random", (30, 0.12, 4), True, "betweenness", "edges"),
         ("random", (30, 0.12, 4), True, "betweenness", "dyad_census"),
         ("random", (30, 0.12, 4), True, "reciprocity", "edges"),
         ("random", (40, 0.1, 5), False, "transitivity", "size"),
         ("random", (40, 0.1, 5), False, "betweenness", "edges")]


def monte_carlo_close(ours, theirs):
    """Two p-values from independent runs of REPS draws agree within 4.5 standard errors."""
    p = (ours + theirs) / 2
    return abs(ours - theirs) <= 4.5 * sqrt(max(p * (1 - p), 1 / REPS) * 2 / REPS) + 1e-12


def case_id(case):
    folder, relation, directed, statistic, condition = case
    if folder == "random":
        nodes, density, seed = relation
        folder, relation = f"random{'_directed' if directed else ''}", f"G({nodes},{density})seed{seed}"
    return "-".join([folder, relation, statistic, condition])


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_cug_test_agrees_with_sna(case):
    folder, relation, directed, statistic, condition = case
    matrix = matrix_of(folder, relation, not directed)
    ref, ref_null = sna_cug(matrix, directed, statistic, condition)
    ours = cug_test(graph_of(matrix, directed), STATISTICS[statistic], condition=condition, draws=REPS, seed=2)
    assert ours.observed == pytest.approx(ref["observed"], rel=1e-12, abs=1e-12)
    assert ours.draws == REPS and len(ours.null) == REPS and not ours.exact
    spread = sqrt(ours.null.var() / REPS + ref_null.var() / REPS)
    assert abs(ours.null.mean() - ref_null.mean()) <= 4.5 * spread + 1e-12, (ours.null.mean(), ref_null.mean())
    assert ours.null.std() == pytest.approx(ref_null.std(), rel=0.15, abs=1e-12)
    assert monte_carlo_close(ours.p_lower, ref["p_lower"]), (ours.p_lower, ref["p_lower"])
    assert monte_carlo_close(ours.p_upper, ref["p_upper"]), (ours.p_upper, ref["p_upper"])


def test_cug_conditions_keep_what_they_say_and_python_statistics_see_the_same_draws():
    g = graph_of(matrix_of("krackhardt_hightech", "advice", False), True)
    census = essnet.dyad_census(g)
    mutual, asymmetric = census["mutual"], census["asymmetric"]
    seen = []

    def census_of(draw):
        c = essnet.dyad_census(draw)
        seen.append((c["mutual"], c["asymmetric"], draw.num_edges))
        return essnet.centralization(draw, "betweenness")

    by_python = cug_test(g, census_of, condition="dyad_census", draws=50, seed=5)
    assert seen[1:] == [(mutual, asymmetric, 2 * mutual + asymmetric)] * 50
    by_cpp = cug_test(g, STATISTICS["betweenness"], condition="dyad_census", draws=50, seed=5)
    # Betweenness sums in another order on 2 threads than inside the parallel loop of draws.
    np.testing.assert_allclose(by_python.null, by_cpp.null, rtol=1e-12)
    assert (by_python.p_lower, by_python.p_upper, by_python.p_two_sided) == (
        by_cpp.p_lower, by_cpp.p_upper, by_cpp.p_two_sided)
    # The edges null: as many arcs, no loops, no parallel arcs.
    for d in range(20):
        draw = essnet.Graph(_core.cug_null_graph(g._g, "edges", 5, d))
        assert draw.directed and draw.num_edges == 2 * mutual + asymmetric
    # networkx's transitivity of each draw equals the C++ statistic's.
    undirected = essnet.Graph.from_edges(*np.nonzero(np.triu(matrix_of("lazega_lawfirm", "cowork", True))),
                                         num_nodes=71)
    ours = cug_test(undirected, essnet.transitivity, condition="edges", draws=20, seed=5)
    theirs = [nx.transitivity(essnet.Graph(_core.cug_null_graph(undirected._g, "edges", 5, d)).to_networkx())
              for d in range(20)]
    np.testing.assert_allclose(ours.null, theirs, rtol=1e-12)


def test_cug_errors_and_edge_cases():
    g = essnet.Graph.from_edges([0, 1], [1, 2], num_nodes=4)
    with pytest.raises(ValueError, match="condition"):
        cug_test(g, essnet.density, condition="ties")
    with pytest.raises(ValueError, match="draws"):
        cug_test(g, essnet.density, draws=0)
    with pytest.raises(TypeError, match="statistic"):
        cug_test(g, "density")
    with pytest.raises(TypeError, match="number"):
        cug_test(g, lambda x: "high", draws=3)
    # Closeness centralization needs a connected graph; a disconnected draw says so.
    closeness = functools.partial(essnet.centralization, measure="closeness")
    with pytest.raises(ValueError, match="connected"):
        cug_test(essnet.Graph.from_edges([0, 1, 2], [1, 2, 3]), closeness, condition="edges", draws=200)
    empty = essnet.Graph.from_edges([], [], num_nodes=0)
    r = cug_test(empty, essnet.density, draws=4)
    assert r.draws == 4
    one = cug_test(essnet.Graph.from_edges([0], [0], num_nodes=1), lambda x: x.num_edges, condition="edges", draws=3)
    assert one.observed == 1 and list(one.null) == [0, 0, 0]


def lazega():
    nodes = pd.read_csv(DATA / "lazega_lawfirm" / "nodes.csv")
    matrix = matrix_of("lazega_lawfirm", "cowork", True)
    return nodes, matrix, graph_of(matrix, False)


def networkx_statistic(name, graph, values):
    h = graph.to_networkx()
    attrs = {i: v for i, v in zip(h.nodes, values)}
    nx.set_node_attributes(h, attrs, "label")
    if name == "nominal":
        return nx.attribute_assortativity_coefficient(h, "label")
    if name == "numeric":
        return nx.numeric_assortativity_coefficient(h, "label")
    if name == "modularity":
        groups = {}
        for node, v in attrs.items():
            groups.setdefault(v, set()).add(node)
        return nx.community.modularity(h, list(groups.values()))
    within = sum(attrs[u] == attrs[v] for u, v in h.edges)
    return (h.number_of_edges() - 2 * within) / h.number_of_edges()  # E-I: (E - I) / (E + I)


@pytest.mark.parametrize("name", ["ei", "nominal", "numeric", "modularity"])
def test_label_permutations_equal_networkx_on_the_same_relabellings(name):
    nodes, _, g = lazega()
    column = "age" if name == "numeric" else "office"
    labels = nodes[column].to_numpy()
    statistic = {"ei": essnet.ei_index, "nominal": essnet.assortativity,
                 "numeric": functools.partial(essnet.assortativity, kind="numeric"),
                 "modularity": essnet.modularity}[name]
    r = label_permutation_test(g, statistic, labels, permutations=200, seed=4)
    rows, count, exact = _core.node_permutations(len(labels), 200, 4, 0, 200)
    assert count == 200 and not exact
    assert all(sorted(row) == list(range(len(labels))) for row in rows)
    assert r.observed == pytest.approx(networkx_statistic(name, g, labels), abs=1e-12)
    expected = np.array([networkx_statistic(name, g, labels[row]) for row in rows])
    np.testing.assert_allclose(r.null, expected, rtol=1e-10, atol=1e-12)
    assert r.p_upper == np.mean(expected >= r.observed - 1e-9)
    assert r.p_lower == np.mean(expected <= r.observed + 1e-9)
    # The office a lawyer works in shapes who they work with: far above every relabelling.
    if name in ("ei", "nominal", "modularity"):
        assert (r.p_upper if name != "ei" else r.p_lower) < 0.01


def test_every_relabelling_of_six_nodes_gives_exact_p_values():
    # Two triangles joined by one tie; labels 0 0 1 1 1 0.
    g = essnet.Graph.from_edges([0, 1, 2, 3, 4, 5, 2], [1, 2, 0, 4, 5, 3, 3])
    labels = np.array([0, 0, 1, 1, 1, 0])
    r = label_permutation_test(g, essnet.modularity, labels, permutations=720)
    assert r.exact and r.draws == 720
    null = np.array([networkx_statistic("modularity", g, labels[list(p)])
                     for p in itertools.permutations(range(6))])
    assert sorted(r.null) == pytest.approx(sorted(null), abs=1e-12)
    observed = networkx_statistic("modularity", g, labels)
    assert r.p_upper == pytest.approx(np.mean(null >= observed - 1e-9))
    assert r.p_lower == pytest.approx(np.mean(null <= observed + 1e-9))
    assert r.p_two_sided == pytest.approx(np.mean(np.abs(null - null.mean()) >= abs(observed - null.mean()) - 1e-9))
    # A Python statistic sees the labels as given, relabelled the same way.
    by_python = label_permutation_test(g, lambda graph, values: essnet.modularity(graph, values), labels,
                                       permutations=720)
    np.testing.assert_allclose(by_python.null, r.null, atol=1e-15)
    series = pd.Series(labels, index=list(g.nodes))
    seen = []
    label_permutation_test(g, lambda graph, values: seen.append(values) or 0.0, series, permutations=5)
    assert all(isinstance(s, pd.Series) and list(s.index) == list(g.nodes) for s in seen)


def test_label_permutation_errors():
    g = essnet.Graph.from_edges([0, 1], [1, 2])
    with pytest.raises(ValueError, match="labels"):
        label_permutation_test(g, essnet.ei_index, ["a", "b"])
    with pytest.raises(ValueError, match="permutations"):
        label_permutation_test(g, essnet.ei_index, ["a", "b", "a"], permutations=0)
    with pytest.raises(ValueError, match="numbers"):
        label_permutation_test(g, functools.partial(essnet.assortativity, kind="numeric"), ["a", "b", "a"])
    with pytest.raises(ValueError, match="kind"):
        label_permutation_test(g, functools.partial(essnet.assortativity, kind="ordinal"), [1, 2, 1])


def test_jackknife_equals_numpy_written_out():
    from essnet.inference import jackknife

    matrix = matrix_of("krackhardt_hightech", "friendship", False)
    g = graph_of(matrix, True)
    n = len(matrix)
    r = jackknife(g, essnet.density)
    values = np.array([np.delete(np.delete(matrix, i, 0), i, 1).sum() / ((n - 1) * (n - 2)) for i in range(n)])
    np.testing.assert_allclose(r.values, values, rtol=1e-12)
    assert r.estimate == pytest.approx(matrix.sum() / (n * (n - 1)), rel=1e-12)
    se = sqrt((n - 1) / n * ((values - values.mean()) ** 2).sum())
    assert r.standard_error == pytest.approx(se, rel=1e-12)
    assert r.bias == pytest.approx((n - 1) * (values.mean() - r.estimate), rel=1e-9, abs=1e-15)
    z = 1.959963984540054
    assert (r.lower, r.upper) == pytest.approx((r.estimate - z * se, r.estimate + z * se))
    by_python = jackknife(g, lambda x: essnet.density(x), confidence=0.95)
    np.testing.assert_allclose(by_python.values, r.values, rtol=1e-12)
    assert by_python.standard_error == pytest.approx(r.standard_error, rel=1e-12)
    assert by_python.method == r.method == "jackknife"


def test_bootstrap_draws_are_shared_and_agree_with_the_jackknife():
    from essnet.inference import bootstrap, jackknife

    g = graph_of(matrix_of("lazega_lawfirm", "cowork", True), False)
    fast = bootstrap(g, essnet.transitivity, draws=300, seed=1)
    slow = bootstrap(g, lambda x: essnet.transitivity(x), draws=300, seed=1)
    np.testing.assert_allclose(slow.values, fast.values, rtol=1e-12)
    assert (slow.lower, slow.upper) == pytest.approx((fast.lower, fast.upper), rel=1e-12)
    assert slow.standard_error == pytest.approx(fast.standard_error, rel=1e-12)
    # Snijders & Borgatti (1999): the two standard errors of density come out close.
    b = bootstrap(g, essnet.density, draws=2000, seed=2)
    j = jackknife(g, essnet.density)
    assert b.standard_error == pytest.approx(j.standard_error, rel=0.3)
    assert b.lower < b.estimate < b.upper
    with pytest.raises(ValueError, match="draws"):
        bootstrap(g, essnet.density, draws=1)
    with pytest.raises(ValueError, match="confidence"):
        jackknife(g, essnet.density, confidence=95)


def test_undefined_statistics_give_undefined_p_values():
    # No ties: the E-I index is undefined (NaN), and so are its p-values, not 0.
    empty = essnet.Graph.from_edges([], [], num_nodes=6)
    r = label_permutation_test(empty, essnet.ei_index, [0, 0, 0, 1, 1, 1], permutations=50)
    assert np.isnan(r.observed) and np.isnan(r.p_lower) and np.isnan(r.p_upper) and np.isnan(r.p_two_sided)
    # A statistic undefined on some draws: those draws are left out of the shares.
    g = essnet.Graph.from_edges([0, 1, 2, 3], [1, 2, 3, 4], num_nodes=6)
    r = cug_test(g, lambda x: np.nan if x.num_edges % 2 else float(x.num_edges), draws=200, seed=3)
    defined = r.null[~np.isnan(r.null)]
    assert 0 < len(defined) < 200 and r.observed == 4.0
    assert r.p_lower == np.mean(defined <= 4.0 + 1e-9) and r.p_upper == np.mean(defined >= 4.0 - 1e-9)
