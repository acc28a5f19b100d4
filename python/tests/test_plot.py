"""essnet.plot draws on the Agg backend, each plot with the artists expected from the data."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.collections  # noqa: E402
import matplotlib.patches  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import essnet  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def chantier():
    net = essnet.datasets.chantier()
    return net, net.graph(directed=False)


def test_plots_import_matplotlib_only_when_drawing():
    import subprocess
    import sys

    code = "import sys, essnet; essnet.plot; print('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_degree_distribution_is_the_ccdf_on_log_axes(chantier):
    _, g = chantier
    ax = essnet.plot.degree_distribution(g)
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    (line,) = ax.get_lines()
    k, share = line.get_data()
    degree = np.asarray(essnet.degree(g))
    # The CCDF counted by brute force: for each degree k present, the share of nodes of degree >= k.
    expected_k = sorted(set(int(d) for d in degree if d > 0))
    assert list(k) == expected_k
    assert list(share) == [sum(1 for d in degree if d >= kk) / len(degree) for kk in expected_k]


def test_over_time_draws_one_line_per_actor(chantier):
    net, _ = chantier
    frame = essnet.over_time(net, essnet.degree, range(2001, 2013), cumulative=True)
    ax = essnet.plot.over_time(frame, top=3, labels=net)
    assert len(ax.get_lines()) == 3
    last = frame.iloc[-1].sort_values(ascending=False, kind="stable")
    names = net.actors.set_index("id")["name"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [names[a] for a in last.index[:3]]
    ax = essnet.plot.over_time(frame, ["chantier", "ilo"])
    assert [line.get_label() for line in ax.get_lines()] == ["chantier", "ilo"]
    with pytest.raises(ValueError, match="nobody"):
        essnet.plot.over_time(frame, ["nobody"])


def test_community_sizes_one_bar_per_community(chantier):
    _, g = chantier
    p = essnet.leiden(g, seed=1)
    ax = essnet.plot.community_sizes(p)
    bars = [a for a in ax.patches if isinstance(a, matplotlib.patches.Rectangle)]
    assert len(bars) == p.n_communities
    assert [b.get_height() for b in bars] == sorted(np.bincount(p.membership).tolist(), reverse=True)
    c = essnet.consensus(g, runs=10, seed=1)
    ax = essnet.plot.community_sizes(c)
    assert len(ax.patches) == c.partition.n_communities
    assert len(ax.figure.axes) == 2  # the colour bar of stability


def test_rank_intervals_one_line_and_one_dot_per_actor(chantier):
    _, g = chantier
    scores, _ = essnet.robustness(g, essnet.degree, share=0.2, runs=20, seed=1)
    ax = essnet.plot.rank_intervals(scores, top=5)
    (lines,) = [c for c in ax.collections if isinstance(c, matplotlib.collections.LineCollection)]
    assert len(lines.get_segments()) == 5
    top = scores.sort_values("rank", kind="stable").head(5)
    for segment, (_, row) in zip(lines.get_segments(), top.iterrows()):
        assert sorted([segment[0][0], segment[1][0]]) == [row["rank_low"], row["rank_high"]]
    (dots,) = ax.get_lines()
    assert list(dots.get_xdata()) == top["rank"].tolist()


def test_by_group_one_box_per_group(chantier):
    net, g = chantier
    kinds = net.actors.set_index("id")["kind"].astype(str)
    bc = essnet.betweenness(g)
    ax = essnet.plot.by_group(bc, kinds, graph=g)
    groups = kinds.reindex(g.nodes)
    assert len(ax.get_xticklabels()) == groups.nunique()
    medians = {k: np.median(bc[(groups == k).to_numpy()]) for k in groups.unique()}
    assert [t.get_text() for t in ax.get_xticklabels()] == sorted(medians, key=lambda k: (-medians[k], k))
    ax = essnet.plot.by_group(g.frame(bc=bc)["bc"], kinds, max_groups=2)
    assert len(ax.get_xticklabels()) == 3  # two largest and "other"


def test_plots_draw_into_given_axes(chantier):
    _, g = chantier
    fig, (a, b) = plt.subplots(1, 2)
    assert essnet.plot.degree_distribution(g, ax=a) is a
    assert essnet.plot.community_sizes(essnet.leiden(g), ax=b) is b
