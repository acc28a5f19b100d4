"""QAP correlation and regression against R's sna (gcor, qaptest, netlm; r-cran-sna through
Rscript), and exact p-values against every permutation enumerated here."""

import itertools
import subprocess
import tempfile
from math import sqrt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import DATA

import essnet
from essnet.inference import dyadic, qap_correlation, qap_regression

R_SCRIPT = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
mode <- args[2]
reps <- as.integer(args[3])
read <- function(name) as.matrix(read.csv(file.path(folder, name), header = FALSE))
y <- read("y.csv")
k <- as.integer(args[4])
logistic <- args[5] == "logistic"
x <- lapply(seq_len(k), function(i) read(paste0("x", i, ".csv")))
set.seed(1)
out <- NULL
for (h in c("classical", "qapy", "qapx", "qapspp")) {
  f <- if (logistic) netlogit(y, x, mode = mode, nullhyp = h, reps = reps) else
    netlm(y, x, mode = mode, nullhyp = h, reps = reps)
  out <- rbind(out, data.frame(null = h, term = seq_along(f$coefficients), estimate = f$coefficients,
                               se = if (logistic) f$se else NA, deviance = if (logistic) f$deviance else NA,
                               aic = if (logistic) f$aic else NA, bic = if (logistic) f$bic else NA,
                               t = f$tstat, p_lower = f$pleeq, p_upper = f$pgreq, p_two_sided = f$pgreqabs))
  if (h != "classical") write.csv(f$dist, file.path(folder, paste0("dist_", h, ".csv")), row.names = FALSE)
}
write.csv(out, file.path(folder, "netlm.csv"), row.names = FALSE)
q <- qaptest(list(y, x[[1]]), gcor, g1 = 1, g2 = 2, mode = mode, reps = reps)
write.csv(q$dist, file.path(folder, "dist_gcor.csv"), row.names = FALSE)
v <- gvectorize(y, mode = mode)
fit <- summary(lm(v ~ do.call(cbind, lapply(x, gvectorize, mode = mode))))
write.csv(data.frame(gcor = q$testval, p_lower = q$pleeq, p_upper = q$pgreq,
                     r2 = fit$r.squared, adjusted = fit$adj.r.squared, sigma = fit$sigma,
                     se1 = fit$coefficients[1, 2]),
          file.path(folder, "gcor.csv"), row.names = FALSE)
"""

REPS = 1000


def sna(y, xs, directed, family="linear"):
    """R sna's netlm under each null, and gcor with qaptest of y against the first predictor, with
    sna's null distributions: binary networks give many equal t-values, which sna compares exactly
    after refits that differ in the last bits, so its p-values split ties at random. The shares are
    taken here from sna's own null draws, with equal values counted as equal."""
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        np.savetxt(d / "y.csv", y, delimiter=",", fmt="%.17g")
        for i, x in enumerate(xs):
            np.savetxt(d / f"x{i + 1}.csv", x, delimiter=",", fmt="%.17g")
        (d / "qap.R").write_text(R_SCRIPT)
        subprocess.run(["Rscript", str(d / "qap.R"), str(d), "digraph" if directed else "graph", str(REPS),
                        str(len(xs)), family], check=True, capture_output=True)
        dist = {name: pd.read_csv(d / f"dist_{name}.csv").to_numpy() for name in ("qapy", "qapx", "qapspp", "gcor")}
        return pd.read_csv(d / "netlm.csv"), pd.read_csv(d / "gcor.csv").iloc[0], dist


def monte_carlo_close(ours, theirs, reps):
    """Two p-values from independent runs of `reps` draws agree within 4.5 standard errors."""
    p = (ours + theirs) / 2
    return abs(ours - theirs) <= 4.5 * sqrt(max(p * (1 - p), 1 / reps) * 2 / reps) + 1e-12


def network_matrices(folder, relations):
    nodes = pd.read_csv(DATA / folder / "nodes.csv")
    edges = pd.read_csv(DATA / folder / "edges.csv")
    index = {v: i for i, v in enumerate(nodes["id"])}
    out = []
    for relation in relations:
        m = np.zeros((len(nodes), len(nodes)))
        e = edges[edges["relation"] == relation]
        m[e["source"].map(index), e["target"].map(index)] = 1
        out.append(m)
    return nodes, out


def binary_cases():
    """Directed 0/1 outcomes, for both families: Krackhardt's advice, Knoke's information."""
    nodes, (advice, friendship) = network_matrices("krackhardt_hightech", ["advice", "friendship"])
    dept = dyadic(nodes.set_index("id")["dept"], "same").to_numpy()
    yield "krackhardt", advice, [friendship, dept], True
    nodes, (information, money) = network_matrices("knoke_bureaucracies", ["information", "money"])
    yield "knoke", information, [money], True


def cases():
    yield from binary_cases()
    nodes, (advice, cowork) = network_matrices("lazega_lawfirm", ["advice", "cowork"])
    cowork = np.maximum(cowork, cowork.T)
    # Lazega's 71 actors make sna slow (each null refits 2,485 dyads 1,000 times): one predictor.
    yield "lazega undirected", np.maximum(advice, advice.T), [cowork], False
    rng = np.random.default_rng(7)
    a = (rng.random((25, 25)) < 0.2).astype(float)
    b = rng.random((25, 25))
    c = 0.5 * a + rng.normal(size=(25, 25))
    yield "random weighted", 0.3 * a + 0.2 * b + rng.normal(size=(25, 25)), [a, b, c], True


def check_against_sna(name, y, xs, directed, family):
    ref, gcor, dist = sna(y, xs, directed, family)
    for null in ("classical", "qapy", "qapx", "qapspp"):
        fit = qap_regression(y, xs, family=family, null=null, directed=directed, permutations=REPS, seed=3)
        r = ref[ref["null"] == null]
        c = fit.coefficients
        np.testing.assert_allclose(c["estimate"], r["estimate"], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(c["t_value"], r["t"], rtol=1e-9, atol=1e-12)
        for column in ("p_lower", "p_upper", "p_two_sided"):
            for term, (ours, theirs) in enumerate(zip(c[column], r[column])):
                if null == "qapx" and term == 0:
                    # The constant never changes under permutation: every null t equals the observed
                    # one, which sna's refits miss by rounding. Exactly: p_lower = p_upper = 1.
                    assert ours == 1.0
                    continue
                if null == "classical":
                    assert ours == pytest.approx(theirs, rel=1e-6, abs=1e-300), (null, column, term)
                else:
                    which = ("p_lower", "p_upper", "p_two_sided").index(column)
                    theirs = shares(r["t"].iloc[term], dist[null][:, term])[which]
                    assert monte_carlo_close(ours, theirs, REPS), (name, null, column, term, ours, theirs)
        if family == "logistic":
            np.testing.assert_allclose(c["std_error"], r["se"], rtol=1e-9)
            reference = tuple(r[["deviance", "aic", "bic"]].iloc[0])
            assert (fit.deviance, fit.aic, fit.bic) == pytest.approx(reference, rel=1e-9)
    return gcor, dist


@pytest.mark.parametrize("case", list(cases()), ids=lambda c: c[0])
def test_netlm_and_gcor_equal_sna(case):
    name, y, xs, directed = case
    gcor, dist = check_against_sna(name, y, xs, directed, "linear")
    fit = qap_regression(y, xs, null="classical", directed=directed)
    assert fit.r_squared == pytest.approx(gcor["r2"], rel=1e-9)
    assert fit.adjusted_r_squared == pytest.approx(gcor["adjusted"], rel=1e-9)
    assert fit.residual_std_error == pytest.approx(gcor["sigma"], rel=1e-9)
    assert fit.coefficients["std_error"].iloc[0] == pytest.approx(gcor["se1"], rel=1e-9)
    corr = qap_correlation(y, xs[0], directed=directed, permutations=REPS, seed=5)
    assert corr.estimate == pytest.approx(gcor["gcor"], rel=1e-12)
    lower, upper, _ = shares(gcor["gcor"], dist["gcor"][:, 0])
    assert monte_carlo_close(corr.p_lower, lower, REPS)
    assert monte_carlo_close(corr.p_upper, upper, REPS)


def logistic_cases():
    yield from binary_cases()
    rng = np.random.default_rng(9)
    a, b = rng.random((22, 22)), (rng.random((22, 22)) < 0.3).astype(float)
    y = (rng.random((22, 22)) < 1 / (1 + np.exp(-(-1 + 1.5 * a + 0.8 * b)))).astype(float)
    y, a, b = np.maximum(y, y.T), a + a.T, np.maximum(b, b.T)
    yield "random undirected", y, [a, b], False


@pytest.mark.parametrize("case", list(logistic_cases()), ids=lambda c: c[0])
def test_netlogit_equals_sna(case):
    check_against_sna(*case, "logistic")


def test_logistic_needs_zeros_and_ones():
    rng = np.random.default_rng(2)
    with pytest.raises(ValueError, match="logistic"):
        qap_regression(rng.random((6, 6)), [rng.random((6, 6))], family="logistic")
    with pytest.raises(ValueError, match="family"):
        qap_regression(rng.random((6, 6)), [rng.random((6, 6))], family="poisson")


def dyads(m, directed):
    n = len(m)
    return np.array([m[i, j] for i in range(n) for j in range(n) if (i != j if directed else i > j)])


def t_values(y, xs, directed):
    """OLS t-values by numpy's least squares, written out."""
    X = np.column_stack([np.ones(len(dyads(y, directed)))] + [dyads(x, directed) for x in xs])
    v = dyads(y, directed)
    beta = np.linalg.lstsq(X, v, rcond=None)[0]
    resid = v - X @ beta
    sigma2 = resid @ resid / (len(v) - X.shape[1])
    return beta / np.sqrt(np.diag(np.linalg.inv(X.T @ X)) * sigma2)


def shares(observed, null):
    slack = 1e-9 * max(1.0, abs(observed))
    null = np.asarray(null)
    return (np.mean(null <= observed + slack), np.mean(null >= observed - slack),
            np.mean(np.abs(null) >= abs(observed) - slack))


@pytest.mark.parametrize("directed", [True, False])
def test_every_permutation_gives_exact_p_values(directed):
    rng = np.random.default_rng(11)
    n = 5
    y, a, b = rng.random((n, n)), rng.random((n, n)), (rng.random((n, n)) < 0.5).astype(float)
    if not directed:
        y, a, b = y + y.T, a + a.T, np.maximum(b, b.T)
    perms = [np.array(p) for p in itertools.permutations(range(n))]
    # Correlation: b relabelled by each of the 120 permutations.
    r = np.corrcoef(dyads(y, directed), dyads(b, directed))[0, 1]
    null = [np.corrcoef(dyads(y, directed), dyads(b[np.ix_(p, p)], directed))[0, 1] for p in perms]
    corr = qap_correlation(y, b, directed=directed)
    assert corr.exact and corr.permutations == 120
    assert corr.estimate == pytest.approx(r, rel=1e-12)
    assert (corr.p_lower, corr.p_upper, corr.p_two_sided) == pytest.approx(shares(r, null), abs=1e-12)
    # Regression under qapy, qapx and qapspp, by their definitions.
    observed = t_values(y, [a, b], directed)
    fits = {null: qap_regression(y, [a, b], null=null, directed=directed) for null in ("qapy", "qapx", "qapspp")}
    for fit in fits.values():
        assert fit.exact and fit.permutations == 120
        np.testing.assert_allclose(fit.coefficients["t_value"], observed, rtol=1e-9)
    qapy = np.array([t_values(y[np.ix_(p, p)], [a, b], directed) for p in perms])
    X = [np.ones((n, n)), a, b]
    for term in range(3):
        qapx = [t_values(y, [X[1][np.ix_(p, p)] if term == 1 else X[1], X[2][np.ix_(p, p)] if term == 2 else X[2]],
                         directed)[term] for p in perms] if term else [observed[0]] * len(perms)
        # Semi-partialling: the term's residual on the others, relabelled, in its place.
        others = [X[s] for s in range(3) if s != term]
        rest = np.column_stack([dyads(o, directed) for o in others])
        own = dyads(X[term], directed)
        e = own - rest @ np.linalg.lstsq(rest, own, rcond=None)[0]
        E = np.zeros((n, n))
        pairs = [(i, j) for i in range(n) for j in range(n) if (i != j if directed else i > j)]
        for (i, j), v in zip(pairs, e):
            E[i, j] = v
            if not directed:
                E[j, i] = v
        spp = []
        for p in perms:
            cols = np.column_stack([dyads(o, directed) for o in others] + [dyads(E[np.ix_(p, p)], directed)])
            v = dyads(y, directed)
            beta = np.linalg.lstsq(cols, v, rcond=None)[0]
            resid = v - cols @ beta
            s2 = resid @ resid / (len(v) - cols.shape[1])
            spp.append(beta[-1] / np.sqrt(np.linalg.inv(cols.T @ cols)[-1, -1] * s2))
        for null, values in (("qapy", qapy[:, term]), ("qapx", qapx), ("qapspp", spp)):
            row = fits[null].coefficients.iloc[term]
            expected = shares(observed[term], values)
            assert (row["p_lower"], row["p_upper"], row["p_two_sided"]) == pytest.approx(expected, abs=1e-12), (
                null, term)


def test_seeds_labels_and_dyadic_predictors():
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    kind = dyadic("kind", network=net)
    fit = qap_regression(g, [kind], names=["same kind"], permutations=200, seed=1)
    assert list(fit.coefficients.index) == ["intercept", "same kind"]
    assert fit.dyads == g.num_nodes * (g.num_nodes - 1) // 2  # an undirected graph counts each pair once
    again = qap_regression(g, [kind], names=["same kind"], permutations=200, seed=1)
    pd.testing.assert_frame_equal(fit.coefficients, again.coefficients)
    # Labels align: the same predictor with its actors in another order gives the same fit.
    shuffled = kind.iloc[::-1, ::-1]
    pd.testing.assert_frame_equal(qap_regression(g, [shuffled], names=["same kind"], permutations=200,
                                                 seed=1).coefficients, fit.coefficients)
    s = pd.Series([1.0, 3.0, 7.0], index=["a", "b", "c"])
    np.testing.assert_array_equal(dyadic(s, "difference").to_numpy(), [[0, 2, 6], [2, 0, 4], [6, 4, 0]])
    np.testing.assert_array_equal(dyadic(s, "sender").to_numpy(), [[1, 1, 1], [3, 3, 3], [7, 7, 7]])
    np.testing.assert_array_equal(dyadic(s, "receiver").to_numpy(), [[1, 3, 7], [1, 3, 7], [1, 3, 7]])
    np.testing.assert_array_equal(dyadic(pd.Series(["x", "y", "x"]), "same").to_numpy(),
                                  [[1, 0, 1], [0, 1, 0], [1, 0, 1]])


def test_errors_name_the_problem():
    rng = np.random.default_rng(0)
    y = rng.random((6, 6))
    with pytest.raises(ValueError, match=r"x\[1\]"):
        qap_regression(y, [rng.random((6, 6)), rng.random((5, 5))])
    with pytest.raises(ValueError, match="linear combination|constant"):
        qap_regression(y, [np.ones((6, 6))])
    with pytest.raises(ValueError, match="symmetric"):
        qap_regression(y, [rng.random((6, 6))], directed=False)
    with pytest.raises(ValueError, match="null"):
        qap_regression(y, [rng.random((6, 6))], null="qap")
    with pytest.raises(ValueError, match="permutations"):
        qap_correlation(y, rng.random((6, 6)), permutations=0)
    with pytest.raises(ValueError, match="constant"):
        qap_correlation(y, np.zeros((6, 6)))
    labelled = pd.DataFrame(y, index=list("abcdef"), columns=list("abcdef"))
    other = pd.DataFrame(y, index=list("abcdeg"), columns=list("abcdeg"))
    with pytest.raises(ValueError, match="'f'"):
        qap_correlation(labelled, other)
    with pytest.raises(ValueError, match="finite"):
        bad = y.copy()
        bad[0, 1] = np.nan
        qap_correlation(bad, y)
    with pytest.raises(ValueError, match="kind"):
        dyadic(pd.Series([1, 2]), "ratio")
