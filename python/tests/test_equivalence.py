"""Structural equivalence, its hierarchical clustering and blockmodels against R sna's sedist,
equiv.clust (R's hclust) and blockmodel through Rscript; CONCOR against the iteration written out
here with numpy, as Breiger, Boorman & Arabie (1975) and the concoR package specify it."""

import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import chantier_matrix, graph_of_matrix, relation_matrix

import essnet

R_SCRIPT = r"""
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
y <- as.matrix(read.csv(file.path(folder, "y.csv"), header = FALSE))
dimnames(y) <- NULL
k <- as.integer(args[2])
for (method in c("hamming", "euclidean", "correlation")) {
  write.table(sedist(y, method = method), file.path(folder, paste0("sedist_", method, ".csv")),
              sep = ",", row.names = FALSE, col.names = FALSE)
  for (linkage in c("complete", "average", "single")) {
    # sna leaves NA for a constant profile in equiv.clust, which hclust refuses
    e <- tryCatch(equiv.clust(y, method = method, cluster.method = linkage), error = function(e) NULL)
    if (is.null(e)) next
    write.table(data.frame(height = e$cluster$height),
                file.path(folder, paste0("heights_", method, "_", linkage, ".csv")), sep = ",", row.names = FALSE)
    write.table(data.frame(block = cutree(e$cluster, k)),
                file.path(folder, paste0("cut_", method, "_", linkage, ".csv")), sep = ",", row.names = FALSE)
  }
}
b <- scan(file.path(folder, "blocks.csv"), quiet = TRUE)
for (content in c("density", "sum", "meanrowsum", "meancolsum", "min", "max", "median")) {
  m <- blockmodel(y, b, block.content = content)$block.model
  write.table(m, file.path(folder, paste0("block_", content, ".csv")), sep = ",", row.names = FALSE,
              col.names = FALSE)
}
"""

K = 4


def sna(matrix, blocks):
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        np.savetxt(d / "y.csv", matrix, delimiter=",", fmt="%.17g")
        np.savetxt(d / "blocks.csv", np.asarray(blocks) + 1, fmt="%d")
        (d / "eq.R").write_text(R_SCRIPT)
        subprocess.run(["Rscript", str(d / "eq.R"), str(d), str(K)], check=True, capture_output=True)
        out = {}
        for f in d.glob("*_*.csv"):
            header = f.name.startswith(("heights", "cut"))
            out[f.stem] = pd.read_csv(f, header=0 if header else None).to_numpy()
        return out


matrix_of = relation_matrix
graph_of = graph_of_matrix


def cases():
    yield "krackhardt advice", matrix_of("krackhardt_hightech", "advice"), True
    yield "lazega cowork", matrix_of("lazega_lawfirm", "cowork", symmetric=True), False
    yield "knoke information", matrix_of("knoke_bureaucracies", "information"), True
    yield "chantier", chantier_matrix(True), True
    rng = np.random.default_rng(3)
    valued = np.where(rng.random((30, 30)) < 0.2, rng.integers(1, 6, (30, 30)), 0).astype(float)
    np.fill_diagonal(valued, 0)
    yield "random valued", valued, True


@pytest.mark.parametrize("case", list(cases()), ids=lambda c: c[0])
def test_equivalence_and_blockmodels_equal_sna(case):
    _, matrix, directed = case
    g = graph_of(matrix, directed)
    n = len(matrix)
    blocks = np.arange(n) % 5
    blocks[3] = 5  # a block of one node: NaN on its diagonal
    ref = sna(matrix, blocks)
    for method in ("hamming", "euclidean", "correlation"):
        ours = essnet.structural_equivalence(g, method)
        assert list(ours.index) == list(g.nodes)
        expected = ref[f"sedist_{method}"]
        if method == "correlation":
            np.fill_diagonal(expected, 1.0)  # sna's own correlation of a profile with itself
        np.testing.assert_allclose(ours.to_numpy(), expected, rtol=1e-9, atol=1e-9)
        for linkage in ("complete", "average", "single"):
            clusters = essnet.equivalence_clusters(g, method, linkage=linkage)
            if f"heights_{method}_{linkage}" not in ref:
                # sna failed: for some pair a profile is constant once positions i and j are left
                # out; essnet correlates such a pair 0.
                constant = [(i, j) for i in range(n) for j in range(n) if i != j
                            and min(np.ptp(np.delete(np.r_[matrix[k], matrix[:, k]], [i, j, n + i, n + j]))
                                    for k in (i, j)) == 0]
                assert method == "correlation" and constant
                assert all(ours.to_numpy()[i, j] == 0 for i, j in constant)
                assert len(clusters.heights) == n - 1
                continue
            heights = ref[f"heights_{method}_{linkage}"][:, 0]
            cut = clusters.membership(K).to_numpy()
            expected_cut = ref[f"cut_{method}_{linkage}"][:, 0] - 1
            if method != "correlation":
                # Whole numbers and their roots: the same doubles as R's, so the same merges, ties included.
                np.testing.assert_allclose(clusters.heights, heights, rtol=1e-12)
                np.testing.assert_array_equal(cut, expected_cut)
                continue
            # sna clusters -r, essnet 1 - r; correlations equal to the last bits may break ties
            # otherwise, so the heights are compared as sets and the cut where it is unambiguous.
            heights = heights + 1
            np.testing.assert_allclose(np.sort(clusters.heights), np.sort(heights), rtol=1e-9, atol=1e-9)
            top = np.sort(heights)[n - K - 1:n - K + 1]
            if top[1] - top[0] > 1e-9:
                np.testing.assert_array_equal(cut, expected_cut)
    for content, word in (("density", "density"), ("sum", "sum"), ("mean_row_sum", "meanrowsum"),
                          ("mean_column_sum", "meancolsum"), ("min", "min"), ("max", "max"), ("median", "median")):
        b = essnet.blockmodel(g, blocks, content=content)
        expected = ref[f"block_{word}"].astype(float)
        expected[np.isinf(expected)] = np.nan  # sna's min and max of no cells; essnet's NaN
        np.testing.assert_allclose(b.image.to_numpy(), expected, rtol=1e-12, atol=1e-12, equal_nan=True)
        assert list(b.image.index) == list(range(6)) and b.content == content


def concor_by_hand(matrix, splits, cutoff=0.999, max_iterations=25):
    """CONCOR written out: columns of [A; A^T], correlations iterated, split by sign, recursively."""
    stacked = np.vstack([matrix, matrix.T])

    def correlate(m):
        r = np.corrcoef(m, rowvar=False)
        r[np.isnan(r)] = 0
        np.fill_diagonal(r, 1)
        return r

    blocks = [list(range(len(matrix)))]
    for _ in range(splits):
        next_blocks = []
        for block in blocks:
            if len(block) < 2:
                next_blocks.append(block)
                continue
            r = correlate(stacked[:, block])
            iterations = 1
            while (np.abs(r) <= cutoff).any() and iterations < max_iterations:
                r = correlate(r)
                iterations += 1
            first = [v for v, x in zip(block, r[:, 0]) if x > 0]
            rest = [v for v, x in zip(block, r[:, 0]) if x <= 0]
            next_blocks += [first] + ([rest] if rest else [])
        blocks = next_blocks
    labels = np.empty(len(matrix), dtype=int)
    for b, block in enumerate(sorted(blocks, key=min)):
        labels[block] = b
    return labels


@pytest.mark.parametrize("splits", [1, 2, 3])
def test_concor_equals_the_iteration_written_out(splits):
    for _, matrix, directed in cases():
        g = graph_of(matrix, directed)
        ours = essnet.concor(g, splits)
        assert list(ours.index) == list(g.nodes)
        np.testing.assert_array_equal(ours.to_numpy(), concor_by_hand(matrix, splits))


def test_concor_and_clusters_find_planted_positions():
    # Two positions: 0-7 send to 8-15 and nowhere else; the receivers send nothing.
    rows, cols = zip(*[(u, v) for u in range(8) for v in range(8, 16) if (u + v) % 3])
    g = essnet.Graph.from_edges(rows, cols, num_nodes=16, directed=True)
    assert essnet.concor(g).tolist() == [0] * 8 + [1] * 8
    membership = essnet.equivalence_clusters(g, "correlation").membership(2)
    assert membership.tolist() == [0] * 8 + [1] * 8
    b = essnet.blockmodel(g, membership)
    expected = np.array([[0, sum(1 for u in range(8) for v in range(8, 16) if (u + v) % 3) / 64], [0, 0]])
    np.testing.assert_allclose(b.image.to_numpy(), expected)


def test_errors_and_small_graphs():
    g = essnet.Graph.from_edges([0, 1], [1, 2])
    with pytest.raises(ValueError, match="method"):
        essnet.structural_equivalence(g, "jaccard")
    with pytest.raises(ValueError, match="linkage"):
        essnet.equivalence_clusters(g, linkage="ward")
    with pytest.raises(ValueError, match="k must be"):
        essnet.equivalence_clusters(g).membership(4)
    with pytest.raises(ValueError, match="cutoff"):
        essnet.concor(g, cutoff=1.5)
    with pytest.raises(ValueError, match="membership"):
        essnet.blockmodel(g, [0, 1])
    with pytest.raises(ValueError, match="content"):
        essnet.blockmodel(g, [0, 1, 1], content="types")
    one = essnet.Graph.from_edges([], [], num_nodes=1)
    assert essnet.structural_equivalence(one).shape == (1, 1)
    assert len(essnet.equivalence_clusters(one).linkage) == 0
    assert essnet.equivalence_clusters(one).membership(1).tolist() == [0]
    assert essnet.concor(one).tolist() == [0]
