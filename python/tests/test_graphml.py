"""GraphML against networkx, igraph and graph-tool: their files read by essnet, essnet's read by them."""

import os
import warnings

import graph_tool.all as gt
import igraph
import networkx as nx
import numpy as np
import pandas as pd
import pytest

import essnet

FORMATS = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "formats")


def awkward_network(seed, directed=True, actors=25, ties=60):
    """A network with awkward text (non-ASCII, quotes, commas, line breaks, markup, blanks), typed
    extra columns, empty values, parallel ties and self-loops, all ties of one direction."""
    rng = np.random.default_rng(seed)
    texts = ["Chantier de l'économie sociale", 'RIPESS "Intercontinental"', "a, b; c", "two\nlines",
             "<b>&amp;</b>", "  blanks  ", "Fórum Brasileiro", "日本語", "tab\there", "crlf\r\nline", ""]
    net = essnet.ActorNetwork(["acronym", "members", "score", "listed"], ["note", "amount"])
    ids = []
    for i in range(actors):
        ident = f"{texts[rng.integers(len(texts) - 1)]} #{i}" if i % 3 == 0 else f"a{i}"
        ids.append(ident)
        kinds = ["organization", "network", "event", ""]
        net.add_actor(ident, name=str(rng.choice(texts)), kind=str(rng.choice(kinds)),
                      country=str(rng.choice(["CA", "BR", ""])), region=str(rng.choice(texts)),
                      founded=int(rng.integers(1900, 2020)) if rng.random() < 0.7 else None,
                      acronym=str(rng.choice(texts)), members=str(rng.integers(0, 5000)) if rng.random() < 0.8 else "",
                      score=str(rng.integers(0, 1000) / 8), listed=str(rng.choice(["true", "false", ""])))
    for k in range(ties):
        s = ids[rng.integers(actors)]
        t = s if k % 13 == 0 else ids[rng.integers(actors)]
        start = int(rng.integers(1990, 2020)) if rng.random() < 0.7 else None
        net.add_tie(s, t, relation=str(rng.choice(["member_of", "partnership", "funded", ""])), directed=directed,
                    weight=float(rng.integers(1, 50) / 4) if rng.random() < 0.5 else 1.0, start_year=start,
                    end_year=start + int(rng.integers(0, 4)) if start and rng.random() < 0.5 else None,
                    provenance=str(rng.choice(texts)), note=str(rng.choice(texts)), amount=str(rng.integers(0, 10**6)))
        if k % 9 == 0:
            net.add_tie(s, t, relation="partnership", directed=directed)
    return net


def assert_same_network(want, got):
    pd.testing.assert_frame_equal(want.actors, got.actors, check_categorical=False, check_dtype=False)
    pd.testing.assert_frame_equal(want.ties, got.ties, check_categorical=False, check_dtype=False)


def present(value):
    return value is not None and not (isinstance(value,
                                                 float) and np.isnan(value)) and value is not pd.NA and value != ""


# ---- files written by other tools ----

def tool_view_networkx(path):
    G = nx.read_graphml(path)
    nodes = [(v, d) for v, d in G.nodes(data=True)]
    edges = [(u, v, d) for u, v, d in G.edges(data=True)]
    return nodes, edges, G.is_directed()


def read_igraph(path):
    with warnings.catch_warnings():  # a file with an "id" attribute: igraph keeps that one
        warnings.filterwarnings("ignore", message="Could not add vertex ids")
        return igraph.Graph.Read_GraphML(path)


def tool_view_igraph(path):
    g = read_igraph(path)
    nodes = [(v["id"], {k: v[k] for k in g.vs.attributes() if k != "id"}) for v in g.vs]
    ids = g.vs["id"]
    edges = [(ids[e.source], ids[e.target], e.attributes()) for e in g.es]
    return nodes, edges, g.is_directed()


def tool_view_graph_tool(path):
    g = gt.load_graph(path)
    props = g.vertex_properties

    def value(p, x):  # graph-tool keeps booleans as 0/1 bytes
        return bool(p[x]) if p.value_type() == "bool" else p[x]

    nodes = [(f"n{int(v)}", {k: value(props[k], v) for k in props.keys()}) for v in g.vertices()]
    edges = [(f"n{int(e.source())}", f"n{int(e.target())}",
              {k: g.edge_properties[k][e] for k in g.edge_properties.keys()})
             for e in g.edges()]
    return nodes, edges, g.is_directed()


def compare_with_tool(net, view):
    nodes, edges, directed = view
    actors = net.actors.set_index("id")
    assert sorted(actors.index) == sorted(v for v, _ in nodes)
    for v, attrs in nodes:
        row = actors.loc[v]
        for key, value in attrs.items():
            if not present(value):
                continue
            got = row[key]
            if isinstance(value, bool):
                assert got == ("true" if value else "false"), (v, key)
            elif isinstance(value, (int, np.integer)):
                assert int(got) == value, (v, key)
            elif isinstance(value, float):
                # graph-tool writes floats in hex or short
                assert float(got) == pytest.approx(value, rel=1e-6), (v, key)
            else:
                assert got == value, (v, key)
    ties = net.ties
    assert len(ties) == len(edges)
    assert set(ties["directed"]) == {directed}
    got_edges = sorted(zip(ties["source"], ties["target"], ties["relation"].astype(str), ties["weight"],
                           ties["start_year"].astype(int)))
    want = sorted((u, v, d["relation"], float(d.get("weight", 1.0)), int(d["start_year"])) for u, v, d in edges)
    if not directed:
        got_edges = sorted((min(a, b), max(a, b), *rest) for a, b, *rest in got_edges)
        want = sorted((min(a, b), max(a, b), *rest) for a, b, *rest in want)
    assert got_edges == want


@pytest.mark.parametrize("direction", ["directed", "undirected"])
@pytest.mark.parametrize("tool, view", [("networkx", tool_view_networkx), ("igraph", tool_view_igraph),
                                        ("graph_tool", tool_view_graph_tool)])
def test_files_written_by_other_tools(tool, view, direction):
    path = os.path.join(FORMATS, "graphml", f"{tool}_{direction}.graphml")
    net = essnet.read_graphml(path)
    assert net.num_actors == 4 and net.num_ties == 5
    compare_with_tool(net, view(path))
    # names, as each tool wrote them, are the actors' names
    assert "Chantier de l'économie sociale" in set(net.actors["name"])


def test_networkx_attributes_of_mixed_int_and_float(tmp_path):
    # networkx writes one key per attribute name and type: weights 1 and 0.5 come as a long key and
    # a double key of the same name, as do the scores.
    g = nx.Graph()
    g.add_edge("a", "b", weight=1)
    g.add_edge("b", "c", weight=0.5)
    g.nodes["a"]["score"], g.nodes["b"]["score"] = 1, 2.5
    path = tmp_path / "mixed.graphml"
    nx.write_graphml(g, path)
    assert open(path).read().count('attr.name="weight"') == 2
    want = nx.read_graphml(path)
    net = essnet.read_graphml(path)
    assert list(net.actors.columns).count("score") == 1 and "score_attribute" not in net.actors.columns
    got_scores = {a: (float(s) if s else None) for a, s in zip(net.actors["id"], net.actors["score"])}
    assert got_scores == {v: want.nodes[v].get("score") for v in want.nodes}
    got_weights = {frozenset((s, t)): w for s, t, w in zip(net.ties["source"], net.ties["target"], net.ties["weight"])}
    assert got_weights == {frozenset((u, v)): d["weight"] for u, v, d in want.edges(data=True)}


# ---- files essnet writes, read by other tools ----

@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("seed", [1, 2])
def test_networkx_reads_what_essnet_writes(tmp_path, directed, seed):
    net = awkward_network(seed, directed)
    path = str(tmp_path / "net.graphml")
    essnet.write_graphml(net, path)
    G = nx.read_graphml(path)
    assert G.is_directed() == directed and G.is_multigraph()
    actors = net.actors.set_index("id")
    assert list(G.nodes()) == list(actors.index)
    for v, d in G.nodes(data=True):
        row = actors.loc[v]
        assert d.get("name", "") == row["name"]
        assert d.get("region", "") == (row["region"] if isinstance(row["region"], str) else "")
        assert d.get("acronym", "") == row["acronym"]
        assert d.get("members") == (int(row["members"]) if row["members"] else None)
        assert d.get("score") == float(row["score"])
        assert d.get("listed") == {"true": True, "false": False, "": None}[row["listed"]]
        assert d.get("founded") == (None if pd.isna(row["founded"]) else int(row["founded"]))
    ties = net.ties
    got = [(u, v, d.get("relation", ""), d.get("weight", 1.0), d.get("start_year", -1), d.get("provenance", ""),
            d.get("note", ""))
           for u, v, d in G.edges(data=True)]
    want = [(s, t, r if isinstance(r, str) else "", w, -1 if pd.isna(y) else int(y), p, n)
            for s, t, r, w, y, p, n in zip(ties["source"], ties["target"], ties["relation"], ties["weight"],
                                           ties["start_year"], ties["provenance"], ties["note"])]
    if not directed:
        got = [(min(a, b), max(a, b), *rest) for a, b, *rest in got]
        want = [(min(a, b), max(a, b), *rest) for a, b, *rest in want]
    assert sorted(got) == sorted(want)


@pytest.mark.parametrize("directed", [True, False])
def test_igraph_and_graph_tool_read_what_essnet_writes(tmp_path, directed):
    net = awkward_network(3, directed)
    path = str(tmp_path / "net.graphml")
    essnet.write_graphml(net, path)
    actors, ties = net.actors, net.ties
    g = read_igraph(path)
    assert g.is_directed() == directed
    assert g.vs["id"] == list(actors["id"])
    assert g.vs["name"] == [x or "" for x in actors["name"]]
    founded = [None if pd.isna(x) else int(x) for x in actors["founded"]]
    assert [int(x) if x == x else None for x in g.vs["founded"]] == founded
    assert g.es["weight"] == list(ties["weight"])
    pairs = [(g.vs[e.source]["id"], g.vs[e.target]["id"]) for e in g.es]
    want = list(zip(ties["source"], ties["target"]))
    if not directed:  # igraph may store an undirected edge either way round
        pairs, want = [tuple(sorted(p)) for p in pairs], [tuple(sorted(p)) for p in want]
    assert pairs == want
    assert g.es["note"] == list(ties["note"])
    h = gt.load_graph(path)
    assert h.is_directed() == directed
    assert list(h.vertex_properties["acronym"]) == list(actors["acronym"])
    in_order = sorted(h.edges(), key=lambda e: h.edge_index[e])
    assert [h.edge_properties["weight"][e] for e in in_order] == list(ties["weight"])
    assert [h.edge_properties["provenance"][e] for e in in_order] == list(ties["provenance"])


def test_graph_is_written_with_weights(tmp_path):
    g = essnet.Graph.from_edges([0, 1, 2], [1, 2, 0], [0.5, 2.0, 1.0], num_nodes=4, nodes=["a", "b", "c", "d"],
                                directed=True)
    path = str(tmp_path / "g.graphml")
    essnet.write_graphml(g, path)
    G = nx.read_graphml(path)
    assert list(G.nodes()) == ["a", "b", "c", "d"]
    want = [("a", "b", 0.5), ("b", "c", 2.0), ("c", "a", 1.0)]
    assert [(u, v, d["weight"]) for u, v, d in G.edges(data=True)] == want


# ---- round trips ----

@pytest.mark.parametrize("seed", [1, 2, 3])
def test_round_trip_keeps_every_field(tmp_path, seed):
    net = awkward_network(seed, directed=seed != 2)
    path = str(tmp_path / "net.graphml")
    essnet.write_graphml(net, path)
    assert_same_network(net, essnet.read_graphml(path))


def test_round_trip_of_synthetic_and_chantier_networks(tmp_path):
    for net in (essnet.generate.social_economy(300, seed=4), essnet.datasets.chantier()):
        path = str(tmp_path / "net.graphml")
        essnet.write_graphml(net, path)
        assert_same_network(net, essnet.read_graphml(path))


# ---- bad input ----

def test_bad_input_names_file_line_and_column(tmp_path):
    path = tmp_path / "bad.graphml"
    path.write_text('<graphml><graph>\n<node id="a"/>\n<edge source="a" target="b"/>\n</graph></graphml>')
    with pytest.raises(essnet.ParseError) as e:
        essnet.read_graphml(path)
    assert (e.value.file, e.value.line, e.value.column) == (str(path), 3, 1)
    assert "unknown node 'b'" in str(e.value)
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<graphml/>')
    with pytest.raises(essnet.ParseError, match="DOCTYPE"):
        essnet.read_graphml(path)
    with pytest.raises(FileNotFoundError):
        essnet.read_graphml(tmp_path / "missing.graphml")


def test_a_failed_write_leaves_no_file(tmp_path):
    target = tmp_path / "folder"
    target.mkdir()
    with pytest.raises(OSError):
        essnet.write_graphml(essnet.datasets.chantier(), target)  # a folder cannot be replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]
    net = essnet.ActorNetwork()
    net.add_actor("bell\x07")
    with pytest.raises(ValueError, match="control character"):
        essnet.write_graphml(net, tmp_path / "x.graphml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]
    with pytest.raises(TypeError):
        essnet.write_graphml("not a network", tmp_path / "y.graphml")
