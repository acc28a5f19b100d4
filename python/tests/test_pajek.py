"""Pajek .net: essnet against networkx (read_pajek, write_pajek) and igraph (Read_Pajek, write_pajek).

The fixtures in tests/data/formats/pajek/ were written by networkx and igraph with
tests/data/formats/make_pajek_fixtures.py; its functions rebuild the graphs they came from.
"""

import importlib.util
import math
import random
from collections import Counter

import pytest

import essnet
from conftest import TEST_DATA

FORMATS = TEST_DATA / "formats"
PAJEK = FORMATS / "pajek"


def _fixture_module():
    spec = importlib.util.spec_from_file_location("make_pajek_fixtures", FORMATS / "make_pajek_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fixtures = _fixture_module()


# ---- helpers ---------------------------------------------------------------------------------

def _key(u, v, directed):
    return (u, v) if directed else tuple(sorted((u, v)))


def essnet_edges(net):
    """Counter of (ends, relation, directed, weight) over the ties; undirected ends sorted."""
    t = net.ties
    rel = t["relation"].astype(object).where(t["relation"].notna(), "")
    return Counter(
        (_key(s, d, bool(di)), r, bool(di), float(w))
        for s, d, r, di, w in zip(t["source"], t["target"], rel, t["directed"], t["weight"])
    )


def networkx_edges(G, relation=""):
    return Counter((_key(u, v, G.is_directed()), relation, G.is_directed(), float(d.get("weight", 1.0)))
                   for u, v, d in G.edges(data=True))


def igraph_names(g):
    if "name" in g.vs.attributes():
        return list(g.vs["name"])
    return [str(i + 1) for i in range(g.vcount())]  # no vertex lines: Pajek names vertices by number


def igraph_edges(g, names, id_attr=None):
    weights = g.es["weight"] if "weight" in g.es.attributes() else [1.0] * g.ecount()
    return Counter((_key(names[e.source], names[e.target], g.is_directed()), "", g.is_directed(), float(w))
                   for e, w in zip(g.es, weights))


# ---- files written by networkx and igraph, read by essnet -------------------------------------

@pytest.mark.parametrize("name, make", [
    ("networkx_undirected.net", fixtures.networkx_undirected),
    ("networkx_directed.net", fixtures.networkx_directed),
])
def test_reads_files_written_by_networkx(name, make):
    import networkx as nx

    path = PAJEK / name
    net = essnet.read_pajek(path)
    source = make()
    assert list(net.actors["id"]) == list(source.nodes())
    assert essnet_edges(net) == networkx_edges(source)
    back = nx.read_pajek(path)  # networkx's own reading of its file agrees
    assert list(back.nodes()) == list(net.actors["id"])
    assert essnet_edges(net) == networkx_edges(back)


@pytest.mark.parametrize("name, make", [
    ("igraph_undirected.net", fixtures.igraph_undirected),
    ("igraph_directed.net", fixtures.igraph_directed),
    ("igraph_without_labels.net", fixtures.igraph_without_labels),
    ("igraph_two_mode.net", fixtures.igraph_two_mode),
])
def test_reads_files_written_by_igraph(name, make):
    import igraph as ig

    path = PAJEK / name
    net = essnet.read_pajek(path)
    source = make()
    source_names = source.vs["id"] if "id" in source.vs.attributes() else [str(i + 1) for i in range(source.vcount())]
    assert list(net.actors["id"]) == source_names
    assert essnet_edges(net) == igraph_edges(source, source_names)
    back = ig.Graph.Read_Pajek(str(path))
    assert igraph_names(back) == list(net.actors["id"])
    assert essnet_edges(net) == igraph_edges(back, igraph_names(back))
    if "type" in source.vs.attributes():
        assert list(net.actors["mode"]) == ["2" if t else "1" for t in source.vs["type"]]
        assert list(net.actors["mode"]) == ["2" if t else "1" for t in back.vs["type"]]
    else:
        assert "mode" not in net.actors.columns


# ---- files written by essnet, read by networkx and igraph ------------------------------------

PIECES = ["a", "Z", "é", "ü", "中", "🙂", " ", ",", "'", "*", "%", "1", "42", ":", "=", "-", "&", "Québec", "(", "#"]


def random_id(rng, pieces):
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))


def random_network(seed, *, pieces=PIECES, relations=("",), directions=(True, False), two_mode=False,
                   weighted=None):
    rng = random.Random(seed)
    net = essnet.ActorNetwork(["mode"] if two_mode else [])
    n = rng.randint(2 if two_mode else 1, 12)
    first = rng.randint(1, n - 1) if two_mode else n
    ids = []
    while len(ids) < n:
        i = random_id(rng, pieces)
        if i not in ids:
            ids.append(i)
    for k, i in enumerate(ids):
        if two_mode:
            net.add_actor(i, mode="1" if k < first else "2")
        else:
            net.add_actor(i)
    if weighted is None:
        weighted = rng.random() < 0.5
    for _ in range(rng.randint(0, 25)):
        w = rng.randrange(1, 10**6) / rng.randrange(1, 997) if weighted else 1.0
        # Two-mode ties join the modes (organisations to events), as in a bipartite graph.
        s, t = (rng.choice(ids[:first]), rng.choice(ids[first:])) if two_mode else (rng.choice(ids), rng.choice(ids))
        net.add_tie(s, t, relation=rng.choice(relations), directed=rng.choice(directions), weight=w)
    return net


@pytest.mark.parametrize("seed", range(40))
def test_networkx_reads_what_essnet_writes(tmp_path, seed):
    import networkx as nx

    # networkx reads one tie section (it takes every line after *Arcs or *Edges as a tie) and
    # reads labels with shlex, which treats a backslash as an escape: ids here have no backslash.
    directed = seed % 2 == 0
    relation = "member_of" if seed % 3 == 0 else ""
    net = random_network(seed, relations=(relation,), directions=(directed,))
    path = tmp_path / "net.net"
    essnet.write_pajek(net, path)
    G = nx.read_pajek(path)
    assert list(G.nodes()) == list(net.actors["id"])
    assert G.is_directed() == directed or net.num_ties == 0
    assert networkx_edges(G, relation) == essnet_edges(net)


@pytest.mark.parametrize("seed", range(40))
def test_igraph_reads_what_essnet_writes(tmp_path, seed):
    import igraph as ig

    # igraph reads files without relation labels; backslashes are ordinary characters to it.
    directed = seed % 2 == 0
    two_mode = seed % 5 == 0
    net = random_network(seed, pieces=PIECES + ["\\"], directions=(directed,), two_mode=two_mode)
    path = tmp_path / "net.net"
    essnet.write_pajek(net, path)
    g = ig.Graph.Read_Pajek(str(path))
    assert igraph_names(g) == list(net.actors["id"])
    if net.num_ties:
        assert g.is_directed() == directed
    assert igraph_edges(g, igraph_names(g)) == essnet_edges(net)
    if two_mode:
        assert ["2" if t else "1" for t in g.vs["type"]] == list(net.actors["mode"])


def test_networkx_and_igraph_read_an_essnet_graph(tmp_path):
    import igraph as ig
    import networkx as nx

    g = essnet.Graph.from_edges([0, 1, 2], [1, 2, 0], [0.5, 2.0, 1e-9], nodes=["a b", "é", "c,d"], directed=True)
    path = tmp_path / "g.net"
    essnet.write_pajek(g, path)
    G = nx.read_pajek(path)
    assert list(G.nodes()) == ["a b", "é", "c,d"]
    assert sorted((u, v, d["weight"]) for u, v, d in G.edges(data=True)) == [
        ("a b", "é", 0.5), ("c,d", "a b", 1e-9), ("é", "c,d", 2.0)]
    h = ig.Graph.Read_Pajek(str(path))
    assert h.vs["name"] == ["a b", "é", "c,d"] and h.is_directed()
    assert h.get_edgelist() == [(0, 1), (1, 2), (2, 0)] and h.es["weight"] == [0.5, 2.0, 1e-9]


# ---- round trips ---------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(60))
def test_seeded_round_trip_keeps_ids_ties_relations_and_modes(tmp_path, seed):
    relations = ("", "member_of", "partenariat, « Québec »", "funded by 🙂", "1")
    net = random_network(seed, pieces=PIECES + ["\\", "\t"], relations=relations, two_mode=seed % 4 == 0,
                         weighted=seed % 2 == 0)
    path = tmp_path / "round.net"
    essnet.write_pajek(net, path)
    back = essnet.read_pajek(path)
    assert list(back.actors["id"]) == list(net.actors["id"])
    assert essnet_edges(back) == essnet_edges(net)
    if seed % 4 == 0:
        assert list(back.actors["mode"]) == list(net.actors["mode"])
    else:
        assert "mode" not in back.actors.columns
    # What Pajek cannot hold comes back empty.
    assert back.ties["start_year"].isna().all() and (back.ties["provenance"] == "").all()


def test_what_pajek_cannot_hold(tmp_path):
    net = essnet.ActorNetwork(["sector"], ["source_doc"])
    net.add_actor('le "Chantier"', name="Chantier de l'économie sociale", kind="network", founded=1996,
                  sector="économie sociale")
    net.add_actor("RIPESS\nInternational")
    net.add_tie('le "Chantier"', "RIPESS\nInternational", relation='dit "membre"', start_year=2001,
                provenance="p. 3", source_doc="x")
    path = tmp_path / "lossy.net"
    essnet.write_pajek(net, path)
    text = path.read_text(encoding="utf-8")
    assert text == "*Vertices 2\n1 \"le 'Chantier'\"\n2 \"RIPESS International\"\n*Arcs :1 \"dit 'membre'\"\n1 2\n"
    back = essnet.read_pajek(path)
    assert list(back.actors["id"]) == ["le 'Chantier'", "RIPESS International"]
    assert back.actors["name"].tolist() == ["", ""] and back.actors["founded"].isna().all()
    assert list(back.actors.columns) == ["id", "name", "kind", "country", "region", "founded"]
    assert back.ties["relation"].tolist() == ["dit 'membre'"]


def test_ids_that_would_collide_are_refused(tmp_path):
    net = essnet.ActorNetwork()
    net.add_actor('say "hi"')
    net.add_actor("say 'hi'")
    with pytest.raises(ValueError, match="both be written as the Pajek label"):
        essnet.write_pajek(net, tmp_path / "x.net")
    assert not (tmp_path / "x.net").exists()
    with pytest.raises(TypeError):
        essnet.write_pajek("not a network", tmp_path / "x.net")


def test_multirelational_file_by_hand(tmp_path):
    path = tmp_path / "multi.net"
    path.write_text(
        "% relations by hand\r\n*Vertices 3\r\n1 \"Chantier\" 0.1 0.2 box\r\n2 RIPESS\r\n"
        "*Arcs :1 \"member of\"\r\n1 2 2\r\n*Edges :2 \"partnership\"\r\n2 3\r\n*arcslist :1\r\n3 1 2\r\n",
        encoding="utf-8")
    net = essnet.read_pajek(path)
    assert list(net.actors["id"]) == ["Chantier", "RIPESS", "3"]
    t = net.ties
    assert list(zip(t["source"], t["target"], t["relation"], t["directed"], t["weight"])) == [
        ("Chantier", "RIPESS", "member of", True, 2.0),
        ("RIPESS", "3", "partnership", False, 1.0),
        ("3", "Chantier", "member of", True, 1.0),
        ("3", "RIPESS", "member of", True, 1.0),
    ]
    assert t["weight"].dtype.kind == "f" and not math.isnan(t["weight"].sum())


# ---- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, line, column, fragment", [
    ("", 1, 1, "no *Vertices"),
    ("*Arcs\n1 2\n", 1, 1, "before '*Arcs'"),
    ("*Vertices 3\n1 \"Chantier\n", 2, 3, "not closed"),                       # truncated label
    ("*Vertices 2\n*Matrix\n0 1\n", 4, 1, "has 1 rows, expected 2"),           # truncated matrix
    ("*Vertices 2\n*Arcs\n1 two\n", 3, 3, "expected a vertex number"),         # wrong type
    ("*Vertices 2\n*Arcs\n1 2 x\n", 3, 5, "not a number"),
    ("*Vertices 2\n*Edges\n1 3\n", 3, 3, "vertex number 3 is out of range"),   # unknown id
    ("*Vertices 2\n1 a\n2 a\n", 3, 3, "duplicate label 'a'"),                  # duplicate id
    ("*Vertices 99999999999999999999999\n", 1, 11, "too large"),               # huge numbers
    ("*Vertices 2\n*Arcs\n1 2 1e400\n", 3, 5, "not finite"),
    ("*Vertices 2\n*Arcs\n1 2 -0.5\n", 3, 5, "negative"),
    ("*Vertices 2\n*Edges\n1 2 NaN\n", 3, 5, "NaN"),
    ("*Vertices 2\n*Paths\n", 2, 1, "unknown section"),
])
def test_bad_input_names_line_and_column(tmp_path, text, line, column, fragment):
    path = tmp_path / "bad.net"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(essnet.ParseError) as info:
        essnet.read_pajek(path)
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.file, e.line, e.column) == (str(path), line, column)
    assert fragment in e.message


def test_not_utf8_and_missing_file(tmp_path):
    path = tmp_path / "latin1.net"
    path.write_bytes("*Vertices 1\n1 \"Qu\xe9bec\"\n".encode("latin-1"))
    with pytest.raises(essnet.ParseError, match="invalid UTF-8") as info:
        essnet.read_pajek(path)
    assert (info.value.line, info.value.column) == (2, 6)
    with pytest.raises(FileNotFoundError):
        essnet.read_pajek(tmp_path / "missing.net")
