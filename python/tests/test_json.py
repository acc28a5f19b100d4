"""JSON node-link: essnet.read_json / essnet.write_json against networkx's node_link_data and
node_link_graph (networkx 2.8), on the fixtures networkx wrote (tests/data/formats/json/, made by
make_json_fixtures.py), on graphs networkx writes during the test, and on seeded random networks.

Expected values come from networkx reading or writing the same file, or are written out by hand.
"""

import json
import math
import random

import networkx as nx
import pandas as pd
import pytest
from networkx.readwrite import json_graph

import essnet
from conftest import TEST_DATA

FIXTURES = TEST_DATA / "formats" / "json"
ACTOR_FIELDS = ("name", "kind", "country", "region")
TIE_FIELDS = ("relation", "provenance")


# ---------------------------------------------------------------------------------------------
# How essnet should read a value networkx wrote: the text of a JSON value.

def as_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # json.dump writes floats as repr
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def cell(frame, column, row):
    """A text cell of an essnet table, "" when missing (categorical NaN or absent column)."""
    if column not in frame.columns:
        return ""
    value = frame[column].iloc[row]
    return "" if pd.isna(value) else value


def year(frame, column, row):
    value = frame[column].iloc[row]
    return None if pd.isna(value) else int(value)


def node_id_text(node):
    return node if isinstance(node, str) else json.dumps(node)


def check_same_as_networkx(net, path):
    """essnet's reading of a node-link file equals networkx's reading of the same file."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    link_key = "edges" if "edges" in data else "links"
    G = json_graph.node_link_graph(data, link=link_key)
    links = data[link_key]
    actors, ties = net.actors, net.ties

    assert list(actors["id"]) == [node_id_text(n) for n in G.nodes]
    for i, (node, attrs) in enumerate(G.nodes(data=True)):
        for key, value in attrs.items():
            if key == "founded":
                assert year(actors, key, i) == value
            else:
                assert cell(actors, key, i) == as_text(value), (node, key)
        for key in set(actors.columns) - set(attrs) - {"id", "founded"}:
            assert cell(actors, key, i) == "", (node, key)
        if "founded" not in attrs:
            assert year(actors, "founded", i) is None

    assert net.num_ties == G.number_of_edges() == len(links)
    directed = data.get("directed", False)
    auto_keys = {}  # networkx numbers the links of a pair 0, 1, ... when the file has no "key" (d3)
    for i, link in enumerate(links):
        s, t = link["source"], link["target"]
        assert (ties["source"][i], ties["target"][i]) == (node_id_text(s), node_id_text(t))
        pair = (s, t) if G.is_directed() else frozenset((s, t))
        auto_keys[pair] = auto_keys.get(pair, -1) + 1
        attrs = G.edges[s, t, link.get("key", auto_keys[pair])] if G.is_multigraph() else G.edges[s, t]
        assert bool(ties["directed"][i]) == attrs.get("directed", directed)
        weight = attrs.get("weight")
        assert ties["weight"][i] == (1.0 if weight is None else float(weight))
        assert year(ties, "start_year", i) == attrs.get("start_year")
        assert year(ties, "end_year", i) == attrs.get("end_year")
        for key, value in attrs.items():
            if key not in ("weight", "start_year", "end_year", "directed"):
                assert cell(ties, key, i) == as_text(value), (i, key)
        for key in set(ties.columns) - set(attrs) - {"source", "target", "directed", "weight", "start_year",
                                                     "end_year"}:
            assert cell(ties, key, i) == "", (i, key)
        assert "key" not in ties.columns


# ---------------------------------------------------------------------------------------------
# Files networkx wrote.

@pytest.mark.parametrize("name", ["nx_graph.json", "nx_digraph.json", "nx_multigraph.json",
                                  "nx_multidigraph.json", "nx_edges_key.json"])
def test_fixture_written_by_networkx_reads_as_networkx_reads_it(name):
    net = essnet.read_json(FIXTURES / name)
    check_same_as_networkx(net, FIXTURES / name)


def test_fixture_values_by_hand():
    net = essnet.read_json(FIXTURES / "nx_graph.json")
    a = net.actors
    assert list(a.columns) == ["id", "name", "kind", "country", "region", "founded", "members", "share",
                               "active", "tags", "note", "acronym"]
    assert a["name"][0] == "Chantier de l'économie sociale"
    assert a["region"][0] == "Québec"
    assert a["founded"].tolist()[:2] == [1996, 2002] and pd.isna(a["founded"][2])
    assert a["tags"][0] == '["économie","sociale"]'
    assert a["note"][0] == 'dit "le Chantier"\\ligne 1\nligne 2'
    assert a["acronym"][2] == "OIT 🌍"
    t = net.ties
    assert t["directed"].tolist() == [False, False, False]
    assert t["weight"].tolist() == [2.5, 1.0, 1.0]
    assert t["confidence"].tolist() == ["", "", "0.9"]


def test_d3_force_file():
    net = essnet.read_json(FIXTURES / "d3_force.json")
    assert net.actors["id"].tolist() == ["Myriel", "Napoleon", "42"]
    assert net.actors["group"].tolist() == ["1", "1", "2"]
    assert net.actors["x"].tolist() == ["12.5", "40", ""]
    assert net.ties["value"].tolist() == ["1", "8"]
    assert net.ties["directed"].tolist() == [False, False]
    # networkx reads a file without "directed" as undirected too
    check_same_as_networkx(net, FIXTURES / "d3_force.json")


# ---------------------------------------------------------------------------------------------
# Graphs networkx writes now.

NASTY = ["a", "Z", " ", ",", ";", '"', "'", "\\", "\n", "\r\n", "\t", "é", "Québec", "€", "中文", "🌍", "\x01",
         "{", "]", ":", "null", "0", "-1.5", "\\u00e9", "/"]


def nasty_text(rng, min_pieces=0):
    return "".join(rng.choice(NASTY) for _ in range(rng.randint(min_pieces, 5)))


def random_value(rng):
    kind = rng.randrange(8)
    if kind == 0:
        return nasty_text(rng)
    if kind == 1:
        return rng.randint(-10**6, 10**6)
    if kind == 2:
        return rng.uniform(-1e3, 1e3)
    if kind == 3:
        return rng.random() < 0.5
    if kind == 4:
        return None
    if kind == 5:
        return [rng.randint(0, 9), nasty_text(rng), {"k": rng.random(), "n": None}]
    if kind == 6:
        return 2**70 + rng.randint(0, 100)
    return rng.choice([0.1, 1e-7, 2.5e10, -0.0, 1e300])


def random_networkx_graph(seed):
    rng = random.Random(seed)
    cls = [nx.Graph, nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph][seed % 4]
    G = cls()
    n = rng.randint(1, 25)
    nodes = []
    for i in range(n):
        node = i if rng.random() < 0.3 else nasty_text(rng) + f"#{i}"
        attrs = {}
        for key in ("name", "kind", "country", "region"):
            if rng.random() < 0.4:
                attrs[key] = nasty_text(rng)
        if rng.random() < 0.4:
            attrs["founded"] = rng.randint(-9999, 9999)
        for key in ("alpha", "beta", "gamma é"):
            if rng.random() < 0.5:
                attrs[key] = random_value(rng)
        G.add_node(node, **attrs)
        nodes.append(node)
    for _ in range(rng.randint(0, 50)):
        u, v = rng.choice(nodes), rng.choice(nodes)
        attrs = {}
        if rng.random() < 0.6:
            attrs["weight"] = rng.choice([rng.uniform(0, 100), rng.randint(0, 9), 0.1])
        if rng.random() < 0.4:
            attrs["relation"] = rng.choice(["funded", "member_of", "partnership"])
        if rng.random() < 0.3:
            attrs["start_year"] = rng.randint(1900, 2000)
        if rng.random() < 0.3:
            attrs["end_year"] = rng.randint(2000, 2020)
        if rng.random() < 0.3:
            attrs["provenance"] = nasty_text(rng)
        for key in ("note", "count"):
            if rng.random() < 0.4:
                attrs[key] = random_value(rng)
        G.add_edge(u, v, **attrs)
    return G


@pytest.mark.parametrize("seed", range(24))
def test_random_networkx_graphs_read_the_same(tmp_path, seed):
    G = random_networkx_graph(seed)
    path = tmp_path / "nx.json"
    with open(path, "w", encoding="utf-8") as f:
        json.dump(json_graph.node_link_data(G), f, ensure_ascii=seed % 2 == 0, indent=None if seed % 3 else 1)
    check_same_as_networkx(essnet.read_json(path), path)


# ---------------------------------------------------------------------------------------------
# Files essnet writes, read by networkx.

def random_network(seed):
    """A seeded random ActorNetwork with nasty text, typed extra columns, parallel ties and, by
    seed, no, all or some directed ties."""
    rng = random.Random(seed)
    direction = seed % 3  # 0 undirected, 1 directed, 2 mixed
    net = essnet.ActorNetwork(["label", "members", "share", "flag", "code"], ["note", "count", "score", "ok"])
    ids = []
    for i in range(rng.randint(1, 25)):
        node = str(i) if rng.random() < 0.3 else nasty_text(rng) + f"#{i}"
        extra = {}
        if rng.random() < 0.6:
            extra["label"] = nasty_text(rng)
        if rng.random() < 0.6:
            extra["members"] = str(rng.randint(-10**12, 10**12))
        if rng.random() < 0.6:
            extra["share"] = rng.choice(["0.25", "-3.5", "1e-7", "2.5E+10", "7", repr(rng.random())])
        if rng.random() < 0.6:
            extra["flag"] = rng.choice(["true", "false"])
        if rng.random() < 0.6:
            extra["code"] = rng.choice(["007", "12", "1.50", "x"])
        net.add_actor(node, name=nasty_text(rng) if rng.random() < 0.7 else "",
                      kind=rng.choice(["", "network", "event"]), country=rng.choice(["", "CA", "Brésil"]),
                      region=nasty_text(rng) if rng.random() < 0.3 else "",
                      founded=rng.randint(-9999, 9999) if rng.random() < 0.5 else None, **extra)
        ids.append(node)
    last = None
    for i in range(rng.randint(0, 50)):
        if last is not None and rng.random() < 0.2:
            s, t = last  # a parallel tie
        else:
            s, t = rng.choice(ids), rng.choice(ids)
        last = (s, t)
        extra = {}
        if rng.random() < 0.5:
            extra["note"] = nasty_text(rng)
        if rng.random() < 0.5:
            extra["count"] = str(rng.randint(0, 999))
        if rng.random() < 0.5:
            extra["score"] = rng.choice(["0.1", "123.456", "-0.0", repr(rng.uniform(-5, 5))])
        if rng.random() < 0.5:
            extra["ok"] = rng.choice(["true", "false"])
        start = rng.randint(1900, 2000) if rng.random() < 0.5 else None
        net.add_tie(s, t, relation=rng.choice(["", "funded", "partnership"]),
                    directed=direction == 1 or (direction == 2 and rng.random() < 0.5),
                    weight=rng.choice([1.0, float(rng.randint(0, 9)), rng.uniform(0, 1e6), 0.1]),
                    start_year=start, end_year=start + 3 if start is not None and rng.random() < 0.5 else None,
                    provenance=nasty_text(rng) if rng.random() < 0.4 else "", **extra)
    return net


def typed(values):
    """The Python type networkx should get for an essnet text column (as detail::ColumnType and the
    JSON writer pick it): bool, int, float or str."""
    present = [v for v in values if v != ""]
    if not present:
        return str
    if all(v in ("true", "false") for v in present):
        return bool
    if all(v.lstrip("-").isdigit() and (v.lstrip("-") == "0" or not v.lstrip("-").startswith("0"))
           for v in present):
        return int
    try:
        json_numbers = all(isinstance(json.loads(v), (int, float)) for v in present)
    except ValueError:
        json_numbers = False
    return float if json_numbers else str


def expected_value(text, kind):
    if kind is bool:
        return text == "true"
    if kind is int:
        return int(text)
    if kind is float:
        return json.loads(text)  # the number as written: 7 stays int, 2.5E+10 is a float
    return text


@pytest.mark.parametrize("seed", range(30))
def test_files_essnet_writes_load_in_networkx(tmp_path, seed):
    net = random_network(seed)
    path = tmp_path / "essnet.json"
    essnet.write_json(net, path)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    G = json_graph.node_link_graph(data)
    actors, ties = net.actors, net.ties

    # Direction and parallel ties, computed here from the tie table.
    any_directed, any_undirected = ties["directed"].any(), (~ties["directed"]).any()
    assert G.is_directed() == bool(any_directed)
    pair = (lambda s, t: (s, t)) if any_directed else (lambda s, t: tuple(sorted((s, t))))
    keys, counts = [], {}
    for s, t in zip(ties["source"], ties["target"]):
        keys.append(counts.get(pair(s, t), 0))
        counts[pair(s, t)] = keys[-1] + 1
    assert G.is_multigraph() == any(k > 0 for k in keys)
    assert G.graph == {}

    assert list(G.nodes) == list(actors["id"])
    actor_types = {c: typed(actors[c].tolist()) for c in ("label", "members", "share", "flag", "code")}
    assert actor_types["members"] is int or not (actors["members"] != "").any()
    for i, node in enumerate(G.nodes):
        attrs = G.nodes[node]
        expected = {k: cell(actors, k, i) for k in ACTOR_FIELDS if cell(actors, k, i) != ""}
        if year(actors, "founded", i) is not None:
            expected["founded"] = year(actors, "founded", i)
        for column, kind in actor_types.items():
            if actors[column][i] != "":
                expected[column] = expected_value(actors[column][i], kind)
        assert attrs == expected
        for column, kind in actor_types.items():
            if column in attrs:  # a number column value written without fraction (7) reads as int
                assert type(attrs[column]) in ((int, float) if kind is float else (kind,))

    assert G.number_of_edges() == net.num_ties
    tie_types = {c: typed(ties[c].tolist()) for c in ("note", "count", "score", "ok")}
    for i in range(net.num_ties):
        s, t = ties["source"][i], ties["target"][i]
        attrs = G.edges[s, t, keys[i]] if G.is_multigraph() else G.edges[s, t]
        expected = {"weight": float(ties["weight"][i])}
        for k in TIE_FIELDS:
            if cell(ties, k, i) != "":
                expected[k] = cell(ties, k, i)
        for k in ("start_year", "end_year"):
            if year(ties, k, i) is not None:
                expected[k] = year(ties, k, i)
        if any_directed and any_undirected:
            expected["directed"] = bool(ties["directed"][i])
        for column, kind in tie_types.items():
            if ties[column][i] != "":
                expected[column] = expected_value(ties[column][i], kind)
        assert attrs == expected
        assert type(attrs["weight"]) is float
        if "count" in attrs:
            assert type(attrs["count"]) is int  # an integer column comes back as int


@pytest.mark.parametrize("seed", range(30))
def test_round_trip_keeps_everything(tmp_path, seed):
    net = random_network(seed)
    path = tmp_path / "round.json"
    essnet.write_json(net, path)
    back = essnet.read_json(path)
    a, b = net.actors, back.actors
    fixed = ["id", "name", "kind", "country", "region", "founded"]
    pd.testing.assert_frame_equal(a[fixed].astype(object), b[fixed].astype(object))
    for column in set(a.columns) | set(b.columns):
        if column not in fixed:
            assert [cell(a, column, i) for i in range(len(a))] == [cell(b, column, i) for i in range(len(b))], column
    s, t = net.ties, back.ties
    fixed = ["source", "target", "relation", "directed", "weight", "start_year", "end_year", "provenance"]
    pd.testing.assert_frame_equal(s[fixed].astype(object), t[fixed].astype(object))
    for column in set(s.columns) | set(t.columns):
        if column not in fixed:
            assert [cell(s, column, i) for i in range(len(s))] == [cell(t, column, i) for i in range(len(t))], column


def test_graph_is_written_with_weights(tmp_path):
    g = essnet.Graph.from_edges([0, 1, 2, 2], [1, 2, 0, 0], [0.5, 2.0, 1.0, 3.25], num_nodes=4,
                                nodes=["a", "b", "c", "isolé"], directed=True)
    path = tmp_path / "graph.json"
    essnet.write_json(g, path)
    with open(path, encoding="utf-8") as f:
        G = json_graph.node_link_graph(json.load(f))
    assert G.is_directed() and G.is_multigraph()  # c -> a twice
    assert list(G.nodes) == ["a", "b", "c", "isolé"]
    assert sorted((u, v, d["weight"]) for u, v, d in G.edges(data=True)) == [
        ("a", "b", 0.5), ("b", "c", 2.0), ("c", "a", 1.0), ("c", "a", 3.25)]


def test_write_refuses_what_it_cannot_hold(tmp_path):
    net = essnet.ActorNetwork([], ["key"])
    with pytest.raises(ValueError, match="'key'"):
        essnet.write_json(net, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()
    with pytest.raises(TypeError):
        essnet.write_json("not a network", tmp_path / "x.json")
    with pytest.raises(OSError):
        essnet.write_json(essnet.ActorNetwork(), tmp_path / "missing" / "x.json")


# ---------------------------------------------------------------------------------------------
# Bad input: positions counted by hand.

NODES = '{"nodes": [{"id": "a"}, {"id": "b"}],\n "links": [\n'


@pytest.mark.parametrize(
    "text, line, column, fragment",
    [
        ("", 1, 1, "unexpected end of input"),
        ('{"nodes": [{"id": "a"}', 1, 23, "unexpected end of input"),
        ('{"nodes": [\n  {"id": "a"},\n  {"id": "b" "name": "B"}\n], "links": []}', 3, 14, "expected '}'"),
        ('{"nodes": [{"id": "é€", "x": nul}], "links": []}', 1, 33, "invalid literal"),
        ('{"links": []}', 1, 1, 'no "nodes"'),
        ('{"nodes": [{"id": "a"},\n  {"name": "B"}], "links": []}', 2, 3, 'node has no "id"'),
        ('{"nodes": [{"id": "a"},\n {"id": "a"}], "links": []}', 2, 9, "duplicate node id 'a'"),
        (NODES + ' {"source": "a", "target": "zed"}]}', 3, 28, "link target 'zed' is not the id of a node"),
        (NODES + '  {"source": "a", "target": "b", "weight": "2"}]}', 3, 44, '"weight" must be a number'),
        (NODES + '  {"source": "a", "target": "b", "weight": -0.5}]}', 3, 44, "negative"),
        (NODES + '  {"source": "a", "target": "b", "weight": 1e400}]}', 3, 44, "too large"),
        (NODES + '  {"source": "a", "target": "b", "start_year": 2011.25}]}', 3, 48, "is not a year"),
        (NODES + '  {"source": "a", "target": "b", "weight": NaN}]}', 3, 44, "invalid literal"),
    ],
)
def test_bad_input_gives_parse_error_with_position(tmp_path, text, line, column, fragment):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(essnet.ParseError) as info:
        essnet.read_json(path)
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.file, e.line, e.column) == (str(path), line, column), str(e)
    assert fragment in e.message
    assert str(e).startswith(f"{path}:{line}:{column}: ")


def test_networkx_nan_weight_is_a_parse_error(tmp_path):
    G = nx.Graph()
    G.add_edge("a", "b", weight=math.nan)
    path = tmp_path / "nan.json"
    with open(path, "w") as f:
        json.dump(json_graph.node_link_data(G), f)  # Python writes NaN, which is not JSON
    with pytest.raises(essnet.ParseError, match="invalid literal"):
        essnet.read_json(path)


def test_truncated_networkx_file(tmp_path):
    text = (FIXTURES / "nx_digraph.json").read_text(encoding="utf-8")
    cut = text[: text.index('"links"')]
    path = tmp_path / "cut.json"
    path.write_text(cut, encoding="utf-8")
    with pytest.raises(essnet.ParseError) as info:
        essnet.read_json(path)
    lines = cut.split("\n")
    assert (info.value.line, info.value.column) == (len(lines), len(lines[-1]) + 1)
    assert "unexpected end of input" in info.value.message


def test_missing_file():
    with pytest.raises(FileNotFoundError):
        essnet.read_json(FIXTURES / "absent.json")
