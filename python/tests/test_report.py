"""essnet analyze's report: every table recomputed through the Python API, and the HTML report
opened in a real browser (Debian's Chromium, headless, driven by playwright-core from npm) with every
network request blocked.

The browser checks compare what the page shows with references computed here from the input files
(pandas, networkx), not with the report's own numbers.
"""

import hashlib
import json
import os
import subprocess
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import essnet

from conftest import DATA, ROOT

CLI = Path(os.environ.get("ESSNET_CLI", ROOT / "build" / "bin" / "essnet"))
BROWSER = ROOT / "tests" / "report" / "browser.mjs"
SHOTS = Path(os.environ.get("ESSNET_TEST_OUTPUT", ROOT / "build" / "test-output" / "report"))


def analyze(out, *args):
    run = subprocess.run([str(CLI), "analyze", *map(str, args), "--out", str(out)], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr
    return json.loads((out / "results.json").read_text(encoding="utf-8"))


def table(results, name):
    t = results["tables"][name]
    return pd.DataFrame(t["rows"], columns=[c["key"] for c in t["columns"]])


@pytest.fixture(scope="module")
def chantier(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "chantier"
    return out, analyze(out)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A 10^4-actor synthetic network and its report."""
    folder = tmp_path_factory.mktemp("synthetic")
    net = essnet.generate.social_economy(10_000, seed=3)
    essnet.save(net, folder / "synthetic.essnet")
    return net, folder / "report", analyze(folder / "report", folder / "synthetic.essnet")


def ranks(values):
    return pd.Series(values).rank(method="min", ascending=False).to_numpy()


def close(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12, equal_nan=True)


def groups_of(values):
    return [v if isinstance(v, str) and v else "(none)" for v in values]


# The same numbers: every table of the bundled network's report, recomputed.

def test_overview_and_counts(chantier):
    _, r = chantier
    net = essnet.datasets.chantier()
    g = net.graph()
    ov = r["overview"]
    assert (ov["actors"], ov["ties"], ov["directed"]) == (len(net.actors), len(net.ties), g.directed)
    close(ov["density"], essnet.density(g))
    comp = essnet.connected_components(g)
    assert ov["components"] == len(set(comp))
    assert ov["largest_component"] == np.bincount(comp).max()
    assert ov["isolated"] == int((essnet.degree(g) == 0).sum())
    close(ov["share_quoted"], (net.ties["provenance"].fillna("") != "").mean())
    close(ov["share_inferred"], (net.ties["inferred"].astype(str).str.lower() == "true").mean())
    kinds = table(r, "actors_by_kind").set_index("kind")["count"]
    assert kinds.to_dict() == net.actors["kind"].value_counts().to_dict()
    relations = table(r, "ties_by_relation").set_index("relation")["count"]
    assert relations.to_dict() == net.ties["relation"].value_counts().to_dict()
    years = table(r, "ties_by_year")
    dated = net.ties["start_year"].dropna().astype(int).value_counts().sort_index()
    assert list(years["year"]) == list(dated.index) + ["(none)"]  # in order, the undated last
    assert list(years["count"]) == list(dated) + [net.ties["start_year"].isna().sum()]


def test_centrality_table(chantier):
    _, r = chantier
    g = essnet.datasets.chantier().graph()
    t = table(r, "centrality")
    assert list(t["id"]) == list(g.nodes)
    expected = {
        "degree": essnet.degree(g),
        "betweenness": essnet.betweenness(g, use_weights=False),
        "closeness": essnet.closeness(g, use_weights=False),
        "eigenvector": essnet.eigenvector(g),
        "pagerank": essnet.pagerank(g),
        "coreness": essnet.coreness(g),
    }
    assert r["method"]["parameters"]["measures"] == list(expected)
    for name, values in expected.items():
        close(t[name], values)
        close(t[name + "_rank"], ranks(values))
    cz = r["centrality"]["centralization"]
    close(cz["degree"], essnet.centralization(g, "degree"))
    close(cz["betweenness"], essnet.centralization(g, "betweenness"))
    close(cz["closeness"], essnet.centralization(g, "closeness"))
    # And against networkx for the path measures (the graph is simple and connected).
    G = nx.Graph(list(zip(*[np.asarray(g.nodes)[e] for e in g.edges])))
    nx_between = nx.betweenness_centrality(G)
    close(t["betweenness"], [nx_between[v] for v in g.nodes])


def test_top_actors_and_robustness(chantier):
    _, r = chantier
    g = essnet.datasets.chantier().graph()
    top = table(r, "top_actors")
    rob = table(r, "robustness").set_index("measure")
    measures = {"degree": essnet.degree, "betweenness": lambda h: essnet.betweenness(h, use_weights=False),
                "closeness": lambda h: essnet.closeness(h, use_weights=False), "eigenvector": essnet.eigenvector,
                "pagerank": essnet.pagerank, "coreness": essnet.coreness}
    for name, measure in measures.items():
        # The Python robustness runs its copies one at a time; the report's run in parallel.
        per_actor, spearman = essnet.robustness(g, measure, share=0.1, runs=20, seed=0)
        close(rob.loc[name, ["spearman_median", "spearman_low", "spearman_high"]],
              np.quantile(spearman.dropna(), [0.5, 0.05, 0.95]))
        rows = top[top["measure"] == name]
        scores = pd.Series(np.asarray(measure(g), dtype=float), index=g.nodes)
        expected = scores.sort_values(ascending=False, kind="stable").head(10)
        assert list(rows["id"]) == list(expected.index)
        close(rows["score"], expected)
        close(rows["rank"], scores.rank(method="min", ascending=False)[expected.index])
        actors = per_actor.loc[expected.index]
        close(rows["rank_low"], np.floor(actors["rank_low"]))
        close(rows["rank_high"], np.ceil(actors["rank_high"]))
        close(rows["top_share"], actors["top_share"])
        assert list(rows["fragile"]) == list(np.ceil(actors["rank_high"]) > 10)


def test_brokerage_and_structural_holes(chantier):
    _, r = chantier
    net = essnet.datasets.chantier()
    g = net.graph()
    actors = net.actors.set_index("id").loc[list(g.nodes)]
    for column in ("kind", "country"):
        t = table(r, "brokerage_" + column).set_index("id").loc[list(g.nodes)]
        b = essnet.brokerage(g, groups_of(actors[column]))
        names = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]
        close(t[names], b.raw)
        close(t[["z_" + k for k in names]], b.z)
        assert list(t["group"]) == groups_of(actors[column])
        close([r["brokerage"][column][k]["z"] for k in names], b.network.loc["z"])
    sh = table(r, "structural_holes").set_index("id").loc[list(g.nodes)]
    expected = essnet.structural_holes(g)
    for column in ("constraint", "effective_size", "efficiency", "hierarchy"):
        close(sh[column], expected[column])


def same_partition(a, b):
    return len(set(zip(a, b))) == len(set(a)) == len(set(b))


def test_communities(chantier):
    _, r = chantier
    net = essnet.datasets.chantier()
    g = net.graph()
    t = table(r, "communities")
    leiden = essnet.community.leiden(g, seed=0)
    consensus = essnet.community.consensus(g, runs=100, seed=0)
    assert same_partition(t["leiden"], leiden.membership)
    assert same_partition(t["bloc"], consensus.partition.membership)
    close(t["stability"], consensus.stability)
    c = r["communities"]
    close(c["leiden"]["modularity"], essnet.community.modularity(g, leiden.membership))
    close(c["consensus"]["modularity"], essnet.community.modularity(g, consensus.partition.membership))
    assert c["consensus"]["rounds"] == consensus.iterations
    # Blocs are numbered by decreasing size.
    blocs = table(r, "blocs")
    sizes = pd.Series(t["bloc"]).value_counts().sort_index()
    assert list(blocs["size"]) == list(sizes)
    assert list(sizes) == sorted(sizes, reverse=True)
    ei = table(r, "ei_index").set_index("attribute")["ei_index"]
    actors = net.actors.set_index("id").loc[list(g.nodes)]
    close(ei["kind"], essnet.ei_index(g, groups_of(actors["kind"])).network)
    close(ei["country"], essnet.ei_index(g, groups_of(actors["country"])).network)
    close(ei["bloc"], essnet.ei_index(g, list(t["bloc"])).network)


def test_evolution(chantier):
    _, r = chantier
    net = essnet.datasets.chantier()
    t = table(r, "evolution")
    years = sorted(net.ties["start_year"].dropna().astype(int).unique())
    assert list(t["year"]) == years
    for _, row in t.iterrows():
        g = net.graph(years=(None, int(row["year"])))
        d = essnet.degree(g)
        active = int((d > 0).sum())
        ties = net.ties[net.ties["start_year"] <= row["year"]]
        assert row["ties"] == len(ties)
        assert row["new_ties"] == (net.ties["start_year"] == row["year"]).sum()
        assert row["actors"] == active
        close(row["density"], essnet.density(g.subgraph(np.asarray(g.nodes)[d > 0])))
        comp = essnet.connected_components(g)
        assert row["components"] == len(set(comp[d > 0]))
    assert r["evolution"]["periods"][-1] == f"by {years[-1]}"


def test_files_are_the_tables(chantier):
    out, r = chantier
    for name, t in r["tables"].items():
        frame = pd.read_csv(out / f"{name}.csv", keep_default_na=False, dtype=str)
        assert list(frame.columns) == [c["key"] for c in t["columns"]]
        assert len(frame) == len(t["rows"])
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "22 actors and 25 ties" in summary
    html = (out / "report.html").read_text(encoding="utf-8")
    for section in ("overview", "map", "centrality", "brokerage", "communities", "evolution", "robustness", "method"):
        assert f'<section id="{section}">' in html
    assert "sigma" in html and "MIT" in html  # the bundled packages' licences
    # The input's checksum is that of the bundled tables.
    sources = r["input"]
    assert sources[0]["sha256"] == hashlib.sha256((DATA / "chantier" / "actors.csv").read_bytes()).hexdigest()
    assert sources[1]["sha256"] == hashlib.sha256((DATA / "chantier" / "ties.csv").read_bytes()).hexdigest()


def test_python_report_is_the_command_line_report(chantier, tmp_path):
    _, cli = chantier
    r = essnet.report(essnet.datasets.chantier(), tmp_path / "py", title=cli["title"])
    assert r["tables"] == cli["tables"]
    assert r["overview"] == cli["overview"]
    # No file was read: the checksum is that of the network as essnet.save writes it.
    essnet.save(essnet.datasets.chantier(), tmp_path / "chantier.essnet")
    assert r["input"][0]["sha256"] == hashlib.sha256((tmp_path / "chantier.essnet").read_bytes()).hexdigest()
    assert sorted(p.name for p in (tmp_path / "py").iterdir()) == sorted(
        [f"{name}.csv" for name in r["tables"]] + ["report.html", "summary.md", "results.json", ".essnet-report"])
    # Options and selections reach the report.
    small = essnet.report(essnet.datasets.chantier(), measures=["degree", "pagerank"], group="country",
                          years=(2009, 2011), relations=["participated_in", "organized"], robustness_runs=0)
    assert small["method"]["parameters"]["measures"] == ["degree", "pagerank"]
    assert small["overview"]["ties"] == 13  # as the command-line test counts by hand
    assert "brokerage_kind" not in small["tables"] and "robustness" not in small["tables"]
    graph = essnet.report(essnet.datasets.chantier().graph(), formats=["md"])
    assert graph["overview"]["actors"] == 22 and "evolution" not in graph


def test_python_report_errors(tmp_path):
    net = essnet.datasets.chantier()
    with pytest.raises(ValueError, match="the columns are id, name, kind, country"):
        essnet.report(net, group="sector")
    with pytest.raises(ValueError, match="unknown measure 'fame'"):
        essnet.report(net, measures=["fame"])
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        essnet.report(net, tmp_path / "x", formats=["pdf"])
    with pytest.raises(ValueError, match="select from a network"):
        essnet.report(net.graph(), years=2001)
    with pytest.raises(ValueError, match="relations"):
        essnet.report(net, relations=["loves"])
    with pytest.raises(TypeError):
        essnet.report("actors.csv")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    with pytest.raises(OSError, match="not an essnet report"):
        essnet.report(net, tmp_path / "mine")
    assert not (tmp_path / "x").exists()


# In the browser.

def open_in_browser(report, name, year, query):
    SHOTS.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(["node", str(BROWSER), str(report), str(SHOTS / name), str(year), query],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def not_blank(path, least_colours=8):
    from PIL import Image

    image = Image.open(path).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) >= least_colours, f"{path} looks blank"
    white = max(count for count, colour in colours if colour == (255, 255, 255)) if any(
        colour == (255, 255, 255) for _, colour in colours) else 0
    assert white < 0.995 * image.width * image.height, f"{path} is almost all white"


def check_frames(seen):
    gaps = np.array(seen["frame_gaps_ms"])
    assert len(gaps) > 50
    # Frames while hovering, zooming and panning; the 95th percentile, since a loaded shared
    # machine delays the odd frame whatever the page does.
    assert np.percentile(gaps, 95) < 100, sorted(gaps)[-10:]


def test_chantier_in_the_browser(chantier):
    out, r = chantier
    seen = open_in_browser(out / "report.html", "chantier", 2001, "RIPESS")
    assert seen["console_errors"] == []
    assert seen["requests"] == []
    net = essnet.datasets.chantier()
    assert seen["nodes"] == len(net.actors)
    # The slider at 2001: exactly the ties begun by 2001, from ties.csv.
    ids = seen["ids"]
    shown = sorted((ids[s], ids[t]) for s, t, _ in seen["visible_ties"])
    ties = net.ties[net.ties["start_year"] <= 2001]
    assert shown == sorted(zip(ties["source"], ties["target"]))
    assert seen["slider_year"] == 2001
    # Searching RIPESS selects it and lists its ties with their quotes.
    assert ids[seen["search"]["selected"]] == "ripess"
    mine = net.ties[(net.ties["source"] == "ripess") | (net.ties["target"] == "ripess")]
    assert sorted(seen["search"]["quotes"]) == sorted(mine["provenance"])
    assert len(seen["search"]["ties"]) == len(mine)
    # Sorting by betweenness puts first the actor networkx finds the highest.
    g = net.graph()
    G = nx.Graph(list(zip(*[np.asarray(g.nodes)[e] for e in g.edges])))
    between = nx.betweenness_centrality(G)
    top = max(between, key=between.get)
    assert seen["sorted_first"] == net.actors.set_index("id").loc[top, "name"]
    assert seen["sort_order"] == "descending"
    assert seen["sorted_values"] == sorted(seen["sorted_values"], reverse=True)
    # The map can be coloured by kind, country (some actors have one) and bloc.
    assert seen["colour_options"] == ["kind", "country", "bloc"]
    assert seen["country_legend"] == "country"
    for shot in ("page", "map", "year", "search", "full"):
        not_blank(SHOTS / f"chantier-{shot}.png")
    check_frames(seen)


def test_synthetic_in_the_browser(synthetic):
    net, out, r = synthetic
    assert (out / "report.html").stat().st_size < 30e6
    name = net.actors["name"].iloc[123]
    seen = open_in_browser(out / "report.html", "synthetic", 2000, name)
    assert seen["console_errors"] == []
    assert seen["requests"] == []
    assert seen["nodes"] == len(net.actors)
    ids = seen["ids"]
    shown = sorted((ids[s], ids[t]) for s, t, _ in seen["visible_ties"])
    ties = net.ties[(net.ties["start_year"] <= 2000) & (net.ties["source"] != net.ties["target"])]
    assert shown == sorted(zip(ties["source"], ties["target"]))
    assert ids[seen["search"]["selected"]] == net.actors["id"].iloc[123]
    mine = net.ties[(net.ties["source"] == ids[seen["search"]["selected"]]) |
                    (net.ties["target"] == ids[seen["search"]["selected"]])]
    assert len(seen["search"]["ties"]) == len(mine)
    # Above 5,000 actors betweenness is approximated; the sort follows the report's own column.
    t = table(r, "centrality")
    assert "approximate" in r["centrality"]["methods"]["betweenness"]
    assert seen["sorted_first"] == t.loc[t["betweenness"].idxmax(), "name"]
    assert seen["sorted_values"] == sorted(seen["sorted_values"], reverse=True)
    assert seen["colour_options"] == ["kind", "country", "bloc"]
    for shot in ("page", "map", "year", "search"):
        not_blank(SHOTS / f"synthetic-{shot}.png")
    check_frames(seen)


@pytest.mark.parametrize("actors, ties, nodes, shown", [
    ("id\n", "source,target,relation\n", 0, []),  # empty
    ("id\na\n", "source,target,relation\n", 1, []),  # one actor
    # A self-loop (listed, not drawn) and two parallel ties, one begun after 2001.
    ("id\na\nb\n", "source,target,relation,start_year\na,a,funded,2001\na,b,funded,2001\na,b,funded,2002\n", 2,
     [("a", "b")]),
])
def test_small_networks_in_the_browser(tmp_path, actors, ties, nodes, shown):
    (tmp_path / "actors.csv").write_text(actors)
    (tmp_path / "ties.csv").write_text(ties)
    r = analyze(tmp_path / "report", tmp_path / "actors.csv", tmp_path / "ties.csv")
    assert r["overview"]["actors"] == nodes
    seen = open_in_browser(tmp_path / "report" / "report.html", f"small-{nodes}", 2001, "a")
    assert seen["console_errors"] == [] and seen["requests"] == []
    assert seen["nodes"] == nodes
    if shown:
        assert sorted((seen["ids"][s], seen["ids"][t]) for s, t, _ in seen["visible_ties"]) == shown
        assert len(seen["search"]["ties"]) == 3  # the loop and both parallel ties


def test_errors_keep_the_exit_codes(tmp_path):
    def run(*args):
        return subprocess.run([str(CLI), "analyze", *map(str, args)], capture_output=True, text=True)

    bad = run("--group", "sector", "--out", tmp_path / "x")
    assert bad.returncode == 2 and "the columns are id, name, kind, country" in bad.stderr
    assert not (tmp_path / "x").exists()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert run("--out", blocker / "report").returncode == 4
    broken = tmp_path / "ties.csv"
    broken.write_text("source,target,start_year\nchantier,ripess,soon\n")
    wrong = run(DATA / "chantier" / "actors.csv", broken, "--out", tmp_path / "y")
    assert wrong.returncode == 3 and "ties.csv:2:" in wrong.stderr
