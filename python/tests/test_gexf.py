"""GEXF against networkx (which reads and writes GEXF 1.2draft) and the GEXF rules Gephi follows."""

import os
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

import essnet
from test_graphml import FORMATS, assert_same_network, awkward_network


@pytest.mark.parametrize("direction", ["directed", "undirected"])
def test_files_written_by_networkx(direction):
    path = os.path.join(FORMATS, "gexf", f"networkx_{direction}.gexf")
    net = essnet.read_gexf(path)
    G = nx.read_gexf(path)
    actors = net.actors.set_index("id")
    assert list(actors.index) == list(G.nodes())
    for v, d in G.nodes(data=True):
        assert actors.loc[v, "name"] == d["label"]  # a GEXF node's name is its label
        assert actors.loc[v, "name_attribute"] == d["name"]  # an attribute titled name is kept beside it
        assert actors.loc[v, "kind"] == d["kind"]
        assert int(actors.loc[v, "members"]) == d["members"]
        assert float(actors.loc[v, "score"]) == d["score"]
        assert actors.loc[v, "listed"] == str(d["listed"]).lower()
    ties = net.ties
    assert set(ties["directed"]) == {direction == "directed"}
    got = sorted(zip(ties["source"], ties["target"], ties["relation"].astype(str), ties["weight"],
                     ties["start_year"].astype(int)))
    want = sorted((u, v, d["relation"], d["weight"], d["start_year"]) for u, v, d in G.edges(data=True))
    if direction == "undirected":
        got = sorted((min(a, b), max(a, b), *r) for a, b, *r in got)
        want = sorted((min(a, b), max(a, b), *r) for a, b, *r in want)
    assert got == want


@pytest.mark.parametrize("directed", [True, False])
def test_networkx_reads_what_essnet_writes(tmp_path, directed):
    net = awkward_network(5, directed)
    path = str(tmp_path / "net.gexf")
    essnet.write_gexf(net, path, version="1.2draft")
    G = nx.read_gexf(path)
    actors = net.actors.set_index("id")
    assert list(G.nodes()) == list(actors.index)
    for v, d in G.nodes(data=True):
        row = actors.loc[v]
        assert d.get("label") == (row["name"] or None)  # an actor without a name has no label
        assert d.get("acronym", "") == row["acronym"]
        assert d.get("members") == (int(row["members"]) if row["members"] else None)
        assert d.get("listed") == {"true": True, "false": False, "": None}[row["listed"]]
        assert d.get("founded") == (None if pd.isna(row["founded"]) else int(row["founded"]))
    ties = net.ties
    # networkx gives a tie's years as the edge's start and end
    got = sorted((u, v, d.get("relation", ""), d.get("weight", 1.0), d.get("start", -1), d.get("end", -1),
                  d.get("note", ""))
                 for u, v, d in G.edges(data=True))
    want = sorted((s, t, r if isinstance(r, str) else "", w, -1 if pd.isna(a) else int(a),
                   -1 if pd.isna(b) else int(b), n)
                  for s, t, r, w, a, b, n in zip(ties["source"], ties["target"], ties["relation"], ties["weight"],
                                                 ties["start_year"], ties["end_year"], ties["note"]))
    if not directed:
        got = sorted((min(a, b), max(a, b), *r) for a, b, *r in got)
        want = sorted((min(a, b), max(a, b), *r) for a, b, *r in want)
    assert got == want


NAMESPACES = {"1.3": "{http://gexf.net/1.3}", "1.2draft": "{http://www.gexf.net/1.2draft}"}


@pytest.mark.parametrize("version", ["1.2draft", "1.3"])
def test_gexf_for_gephi_timeline(tmp_path, version):
    """The rules of GEXF that Gephi's importer and timeline rely on, in both versions: a dynamic graph
    with an integer time format, each edge's start and end its tie's years, an undirected tie of a
    directed graph typed "mutual" (1.2draft) or "undirected" (1.3), both among the edge types of the
    GEXF schema, and every attvalue naming a declared attribute."""
    ns = NAMESPACES[version]
    net = essnet.datasets.chantier()
    path = tmp_path / "chantier.gexf"
    essnet.write_gexf(net, path, version=version)
    root = ET.parse(path).getroot()
    assert root.tag == f"{ns}gexf" and root.get("version") == version.replace("draft", "")
    graph = root.find(f"{ns}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "integer"
    assert graph.get("defaultedgetype") == "directed"
    declared = {a.get("class"): {x.get("id") for x in a} for a in graph.findall(f"{ns}attributes")}
    node_ids = [n.get("id") for n in graph.find(f"{ns}nodes")]
    assert node_ids == list(net.actors["id"])
    for n, name in zip(graph.find(f"{ns}nodes"), net.actors["name"]):
        assert n.get("label") == (name or None)
        for value in n.iter(f"{ns}attvalue"):
            assert value.get("for") in declared["node"]
    edges = list(graph.find(f"{ns}edges"))
    assert len(edges) == net.num_ties
    undirected_type = "mutual" if version == "1.2draft" else "undirected"
    for e, (_, tie) in zip(edges, net.ties.iterrows()):
        assert e.get("source") in node_ids and e.get("target") in node_ids
        assert e.get("start") == (None if pd.isna(tie["start_year"]) else str(tie["start_year"]))
        assert e.get("end") == (None if pd.isna(tie["end_year"]) else str(tie["end_year"]))
        assert e.get("type") == (None if tie["directed"] else undirected_type)
        for value in e.iter(f"{ns}attvalue"):
            assert value.get("for") in declared["edge"]
    assert_same_network(net, essnet.read_gexf(path))


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("version", ["1.3", "1.2draft"])
def test_round_trip_keeps_every_field(tmp_path, seed, version):
    net = awkward_network(seed, directed=seed == 1)
    path = str(tmp_path / "net.gexf")
    essnet.write_gexf(net, path, version=version)
    assert_same_network(net, essnet.read_gexf(path))
    synthetic = essnet.generate.social_economy(200, seed=seed)
    essnet.write_gexf(synthetic, path, version=version)
    assert_same_network(synthetic, essnet.read_gexf(path))


def test_bad_input_and_options(tmp_path):
    path = tmp_path / "bad.gexf"
    path.write_text('<gexf><graph>\n<nodes><node id="a"/></nodes>\n'
                    '<edges><edge source="a" target="a" start="x"/></edges></graph></gexf>')
    with pytest.raises(essnet.ParseError) as e:
        essnet.read_gexf(path)
    assert e.value.line == 3 and "not a year" in str(e.value)
    with pytest.raises(ValueError, match="version"):
        essnet.write_gexf(essnet.datasets.chantier(), tmp_path / "x.gexf", version="2.0")
    assert not (tmp_path / "x.gexf").exists()
