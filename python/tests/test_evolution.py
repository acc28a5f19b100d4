"""Year-by-year tables, growth and robustness."""

import numpy as np
import pandas as pd
import pytest

import essnet


def active(ties, first, last):
    """Ties active in [first, last] (None: open), dated ties only, by the definition in the docs."""
    t = ties.dropna(subset=["start_year"])
    keep = np.ones(len(t), dtype=bool)
    if last is not None:
        keep &= (t["start_year"] <= last).to_numpy(dtype=bool)
    if first is not None:
        keep &= (t["end_year"].isna() | (t["end_year"] >= first)).fillna(False).to_numpy(dtype=bool)
    return t[keep]


def degree_by_hand(net, ties):
    counts = pd.concat([ties["source"], ties["target"]]).value_counts()
    return counts.reindex(net.actors["id"], fill_value=0).to_numpy(dtype=float)


def test_over_time_snapshots_and_cumulative():
    net = essnet.datasets.chantier()
    years = [2008, 2009, 2010, 2011]
    table = essnet.over_time(net, essnet.degree, years, directed=False)
    assert list(table.index) == years and list(table.columns) == list(net.actors["id"])
    for y in years:
        np.testing.assert_array_equal(table.loc[y].to_numpy(), degree_by_hand(net, active(net.ties, y, y)))
    cumulative = essnet.over_time(net, essnet.degree, years, cumulative=True, directed=False)
    for y in years:
        np.testing.assert_array_equal(cumulative.loc[y].to_numpy(), degree_by_hand(net, active(net.ties, None, y)))
    windows = essnet.over_time(net, essnet.degree, [(2008, 2009)], directed=False)
    np.testing.assert_array_equal(windows.iloc[0].to_numpy(), degree_by_hand(net, active(net.ties, 2008, 2009)))
    assert list(windows.index) == ["2008-2009"]
    listed = essnet.over_time(net, essnet.degree, [[2008, 2009]],
                              directed=False)  # a window as a list, as graph() takes
    assert list(listed.index) == ["2008-2009"]
    pd.testing.assert_frame_equal(listed, windows)


def test_growth_counts():
    net = essnet.datasets.chantier()
    g = essnet.growth(net)
    dated = net.ties.dropna(subset=["start_year"])
    first_seen = {}
    for s, t, y in zip(dated["source"], dated["target"], dated["start_year"]):
        for a in (s, t):
            first_seen[a] = min(first_seen.get(a, 9999), int(y))
    for year, row in g.iterrows():
        assert row["new_ties"] == int((dated["start_year"] == year).sum())
        assert row["new_actors"] == sum(1 for y in first_seen.values() if y == year)
    assert g["ties"].iloc[-1] == len(dated) and g["actors"].iloc[-1] == len(first_seen)


def test_robustness():
    g = essnet.generate.barabasi_albert(300, 2, seed=1)
    frame, rho = essnet.robustness(g, essnet.betweenness, share=0.0, runs=3, seed=1)
    np.testing.assert_allclose(frame["score_low"], frame["score"])
    np.testing.assert_allclose(frame["rank_high"], frame["rank"])
    assert np.allclose(rho, 1.0)
    frames = {}
    for kind in ("drop_ties", "drop_actors", "add_ties"):
        frame, rho = essnet.robustness(g, essnet.betweenness, perturbation=kind, share=0.1, runs=20, seed=2)
        assert (frame["score_low"] <= frame["score_high"]).all() and (frame["rank_low"] <= frame["rank_high"]).all()
        again, rho2 = essnet.robustness(g, essnet.betweenness, perturbation=kind, share=0.1, runs=20, seed=2)
        pd.testing.assert_frame_equal(frame, again)
        frames[kind] = frame
    # The hub of a Barabási-Albert graph stays at the top when 10% of the ties go missing.
    dropped = frames["drop_ties"]
    assert dropped.loc[dropped["score"].idxmax(), "top_share"] > 0.8
    # add_ties adds round(0.1 m) ties every run, none of them a self-loop.
    added, _ = essnet.robustness(g, lambda h: np.full(h.num_nodes, h.num_edges), perturbation="add_ties", share=0.1,
                                 runs=5)
    assert (added["score_low"] == g.num_edges + round(0.1 * g.num_edges)).all()
    assert (added["score_high"] == added["score_low"]).all()
    loops, _ = essnet.robustness(g, lambda h: np.full(h.num_nodes, np.sum(h.edges[0] == h.edges[1])),
                                 perturbation="add_ties",
                                 runs=5)
    assert (loops["score_high"] == 0).all()
    with pytest.raises(ValueError, match="perturbation"):
        essnet.robustness(g, essnet.degree, perturbation="rewire")
    with pytest.raises(ValueError, match="share"):
        essnet.robustness(g, essnet.degree, share=1.5)
    with pytest.raises(ValueError, match="interval must be in"):
        essnet.robustness(g, essnet.degree, interval=1.5)
    with pytest.raises(ValueError, match="seed must be from 0"):
        essnet.robustness(g, essnet.degree, seed=-1)


@pytest.mark.parametrize("perturbation", ["drop_ties", "drop_actors", "add_ties"])
def test_robustness_copies_keep_the_actor_ids(perturbation):
    # Two separate 5-cliques, one group each: every actor's E-I index is -1 in any copy (a tie
    # added across the groups can raise it, so add_ties only checks that ids are found).
    names = [f"org{i}" for i in range(10)]
    pairs = [(a, b) for block in (range(5), range(5, 10)) for a in block for b in block if a < b]
    g = essnet.Graph.from_edges([a for a, _ in pairs], [b for _, b in pairs], nodes=names)
    groups = pd.Series(["a"] * 5 + ["b"] * 5, index=names)
    frame, _ = essnet.robustness(g, lambda h: essnet.ei_index(h, groups).node, perturbation=perturbation, share=0.3,
                                 runs=30)
    assert list(frame.index) == names
    if perturbation != "add_ties":
        assert (frame["score_low"] == -1).all() and (frame["score_high"] == -1).all()


@pytest.mark.parametrize("perturbation", ["drop_ties", "drop_actors", "add_ties"])
def test_robustness_statistics_equal_numpy_pandas_and_scipy_on_the_same_copies(perturbation):
    # The measure records every copy it sees (by actor id); the summaries are then recomputed here
    # with numpy's nanquantile, pandas' ranks and scipy's Spearman, and must equal essnet's.
    from scipy import stats

    names = [f"a{i}" for i in range(120)]
    base = essnet.generate.barabasi_albert(120, 2, seed=3)
    s, t = base.edges
    g = essnet.Graph.from_edges(s, t, nodes=names)
    seen = []

    def measure(h):
        values = essnet.betweenness(h)
        seen.append(pd.Series(values, index=h.nodes))
        return values

    frame, rho = essnet.robustness(g, measure, perturbation=perturbation, share=0.2, runs=12, seed=5, interval=0.8,
                                   top=7)
    observed, copies = seen[0], seen[1:]
    assert len(copies) == 12
    scores = np.array([c.reindex(names).to_numpy() for c in copies])
    ranks = np.array([c.rank(ascending=False, method="min").reindex(names).to_numpy() for c in copies])
    np.testing.assert_allclose(frame["score"], observed.reindex(names), rtol=0, atol=0)
    np.testing.assert_allclose(frame["score_low"], np.nanquantile(scores, 0.1, axis=0), rtol=1e-12)
    np.testing.assert_allclose(frame["score_high"], np.nanquantile(scores, 0.9, axis=0), rtol=1e-12)
    np.testing.assert_allclose(frame["rank_low"], np.nanquantile(ranks, 0.1, axis=0), rtol=1e-12)
    np.testing.assert_allclose(frame["rank_high"], np.nanquantile(ranks, 0.9, axis=0), rtol=1e-12)
    with np.errstate(invalid="ignore"):
        top = np.nanmean(np.where(np.isnan(ranks), np.nan, ranks <= 7), axis=0)
    np.testing.assert_allclose(frame["top_share"], top, rtol=1e-12)
    for run, copy in enumerate(copies):
        both = copy.index.intersection(names)
        want = stats.spearmanr(observed[both], copy[both]).correlation
        assert rho[run] == pytest.approx(want, abs=1e-12), run


def test_two_mode_density_by_hand():
    # Actors a, b and events x, y, z: a-x (twice), b-y, and a-b inside one mode: 2 tied pairs of 6.
    g = essnet.Graph.from_edges([0, 0, 1, 0], [2, 2, 3, 1], num_nodes=5, nodes=["a", "b", "x", "y", "z"])
    actors = pd.Series([True, True, False, False, False], index=g.nodes)
    assert essnet.two_mode_density(g, actors) == pytest.approx(2 / 6, abs=1e-15)
    assert essnet.two_mode_density(g, np.ones(5, dtype=bool)) == 0.0
