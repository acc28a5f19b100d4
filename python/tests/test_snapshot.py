"""The essnet snapshot: round trips, the checksum against the xxhash reference, bad files."""

import struct

import numpy as np
import pytest
import xxhash

import essnet
from test_graphml import assert_same_network, awkward_network


def same_graph(a, b):
    assert a.nodes == b.nodes and a.directed == b.directed and a.weighted == b.weighted
    for x, y in zip(a.edges, b.edges):
        np.testing.assert_array_equal(x, y)
    np.testing.assert_array_equal(a.weights, b.weights)
    np.testing.assert_array_equal(a.edge_rows, b.edge_rows)
    np.testing.assert_array_equal(a._g.offsets, b._g.offsets)
    np.testing.assert_array_equal(a._g.neighbors, b._g.neighbors)


def test_network_and_named_graphs_round_trip(tmp_path):
    net = essnet.generate.social_economy(500, seed=3)
    graphs = {"partnerships": net.graph(relations="partnership", directed=False),
              "funding, weighted": net.graph(relations="funded", weight="weight")}
    path = tmp_path / "net.essnet"
    essnet.save(net, path, graphs=graphs)
    back, named = essnet.load(path, graphs=True)
    assert_same_network(net, back)
    assert list(named) == list(graphs)
    for name in graphs:
        same_graph(graphs[name], named[name])
    assert_same_network(net, essnet.load(path))
    awkward = awkward_network(4)
    essnet.save(awkward, path)
    assert_same_network(awkward, essnet.load(path))


def test_graph_alone(tmp_path):
    g, _, _ = essnet.generate.lfr(500, mu=0.3, seed=2)
    path = tmp_path / "g.essnet"
    essnet.save(g, path)
    back = essnet.load(path)
    assert isinstance(back, essnet.Graph)
    same_graph(g, back)
    assert essnet.load(path, graphs=True)[1] == {}


def test_header_and_checksum_are_as_documented(tmp_path):
    path = tmp_path / "c.essnet"
    essnet.save(essnet.datasets.chantier(), path)
    data = path.read_bytes()
    magic, version, mark, size, checksum = struct.unpack("<8sIIQQ", data[:32])
    assert magic == b"ESSNETSN" and version == 1 and mark == 0x01020304
    assert size == len(data) - 32
    assert checksum == xxhash.xxh64(data[32:]).intdigest()


def test_truncated_corrupted_and_foreign_files(tmp_path):
    path = tmp_path / "c.essnet"
    essnet.save(essnet.datasets.chantier(), path)
    data = path.read_bytes()
    bad = tmp_path / "bad.essnet"
    for cut in (0, 10, 32, len(data) // 2, len(data) - 1):
        bad.write_bytes(data[:cut])
        with pytest.raises(essnet.ParseError, match="not an essnet snapshot|truncated"):
            essnet.load(bad)
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    bad.write_bytes(bytes(flipped))
    with pytest.raises(essnet.ParseError, match="checksum") as e:
        essnet.load(bad)
    assert e.value.file == str(bad) and e.value.line == 1
    bad.write_text("id,name\n")
    with pytest.raises(essnet.ParseError, match="not an essnet snapshot"):
        essnet.load(bad)
    with pytest.raises(FileNotFoundError):
        essnet.load(tmp_path / "missing.essnet")
    with pytest.raises(TypeError):
        essnet.save([1, 2], tmp_path / "x.essnet")
    with pytest.raises(TypeError):
        essnet.save(essnet.datasets.chantier(), tmp_path / "x.essnet", graphs={"g": "not a graph"})
    assert not (tmp_path / "x.essnet").exists()
