"""Gould-Fernandez brokerage against R's sna::brokerage (r-cran-sna), run through Rscript."""

import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import DATA

import essnet

R_SCRIPT = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
e <- read.csv(args[1])
cl <- read.csv(args[2])$group
n <- length(cl)
g <- matrix(0, n, n)
if (nrow(e) > 0) g[cbind(e$source + 1, e$target + 1)] <- 1
diag(g) <- 0
b <- brokerage(g, cl)
out <- args[3]
write.csv(b$raw.nli, file.path(out, "raw.csv"), row.names = FALSE)
write.csv(b$exp.nli, file.path(out, "expected.csv"), row.names = FALSE)
write.csv(b$sd.nli, file.path(out, "sd.csv"), row.names = FALSE)
write.csv(b$z.nli, file.path(out, "z.csv"), row.names = FALSE)
write.csv(rbind(b$raw.gli, b$exp.gli, b$sd.gli, b$z.gli), file.path(out, "network.csv"), row.names = FALSE)
"""


def sna_brokerage(sources, targets, groups):
    """R's sna::brokerage on the binary sociomatrix of the arcs (both ways for an undirected edge)."""
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        pd.DataFrame({"source": sources, "target": targets}).to_csv(d / "edges.csv", index=False)
        pd.DataFrame({"group": groups}).to_csv(d / "groups.csv", index=False)
        (d / "brokerage.R").write_text(R_SCRIPT)
        subprocess.run(["Rscript", str(d / "brokerage.R"), str(d / "edges.csv"), str(d / "groups.csv"), str(d)],
                       check=True, capture_output=True)
        return {name: pd.read_csv(d / f"{name}.csv").to_numpy(dtype=float)
                for name in ("raw", "expected", "sd", "z", "network")}


def check_against_sna(g, groups):
    s, t = g.edges
    if not g.directed:
        s, t = np.concatenate([s, t]), np.concatenate([t, s])
    codes = pd.factorize(np.asarray(groups, dtype=object), sort=True)[0]
    ref = sna_brokerage(s, t, codes)
    ours = essnet.brokerage(g, groups)
    np.testing.assert_array_equal(ours.raw.to_numpy(), ref["raw"])
    for name in ("expected", "sd", "z"):
        np.testing.assert_allclose(getattr(ours, name).to_numpy(), ref[name], rtol=1e-12, atol=1e-12, equal_nan=True)
    np.testing.assert_allclose(ours.network.to_numpy(), ref["network"], rtol=1e-12, atol=1e-12, equal_nan=True)
    return ours


def csv_graph(folder, relation, directed):
    nodes = pd.read_csv(DATA / folder / "nodes.csv")
    edges = pd.read_csv(DATA / folder / "edges.csv")
    if relation is not None:
        edges = edges[edges["relation"] == relation]
    index = {v: i for i, v in enumerate(nodes["id"])}
    g = essnet.Graph.from_edges(edges["source"].map(index), edges["target"].map(index), num_nodes=len(nodes),
                                nodes=[str(v) for v in nodes["id"]], directed=directed)
    return g, nodes


def test_knoke_bureaucracies():
    g, nodes = csv_graph("knoke_bureaucracies", "information", True)
    # A grouping for the test: public bodies, businesses, voluntary organisations.
    sector = {"COUN": "public", "EDUC": "public", "MAYR": "public", "WELF": "public", "COMM": "business",
              "INDU": "business", "NEWS": "business", "WEST": "business", "WRO": "voluntary", "UWAY": "voluntary"}
    ours = check_against_sna(g, [sector[v] for v in nodes["id"]])
    assert ours.raw["total"].sum() > 0


@pytest.mark.parametrize("folder, attribute", [("krackhardt_hightech", "dept"), ("lazega_lawfirm", "office"),
                                               ("lazega_lawfirm", "practice")])
def test_advice_networks(folder, attribute):
    g, nodes = csv_graph(folder, "advice", True)
    check_against_sna(g, nodes[attribute].tolist())


@pytest.mark.parametrize("attribute", ["kind", "country"])
def test_chantier_undirected(attribute):
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    groups = net.actors.set_index("id").loc[g.nodes, attribute].astype(object).fillna("none").tolist()
    ours = check_against_sna(g, groups)
    assert list(ours.raw.index) == g.nodes


@pytest.mark.parametrize("seed", range(3))
def test_random_graphs(seed):
    rng = np.random.default_rng(seed)
    g = essnet.generate.erdos_renyi(40, 200, directed=True, seed=seed)
    check_against_sna(g, rng.integers(0, 4, size=40).tolist())


def test_errors():
    g = essnet.Graph.from_edges([0, 1], [1, 2], directed=True)
    with pytest.raises(ValueError, match="groups"):
        essnet.brokerage(g, ["a", "b"])
