import numpy as np
import pytest

import essnet
from conftest import DATA


def test_read_csv_karate_nodes_and_edges():
    net = essnet.read_csv(DATA / "zachary_karate" / "nodes.csv", DATA / "zachary_karate" / "edges.csv")
    assert net.num_actors == 34
    assert net.num_ties == 78
    assert list(net.actors.columns) == ["id", "name", "kind", "country", "region", "founded", "faction", "label"]
    g = net.graph(directed=False, weight="weight")
    assert g.weighted and not g.directed
    assert g.weights.sum() == pytest.approx(231.0)  # sum of the weight column, by awk over edges.csv


def test_parse_error_has_position(tmp_path):
    actors = tmp_path / "actors.csv"
    ties = tmp_path / "ties.csv"
    actors.write_text("id,name\na,Alpha\nb,Bêta\n", encoding="utf-8")
    ties.write_text("source,target,weight\na,b,1\nb,zed,1\n", encoding="utf-8")
    with pytest.raises(essnet.ParseError) as info:
        essnet.read_csv(actors, ties)
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.file, e.line, e.column) == (str(ties), 3, 3)
    assert "tie target 'zed' is not an actor id" in e.message
    assert str(e).startswith(f"{ties}:3:3: ")


@pytest.mark.parametrize(
    "ties_text, line, column, fragment",
    [
        ("source,target,weight\na,b,-1\n", 2, 5, "negative"),
        ("source,target,weight\na,b,nan\n", 2, 5, "NaN"),
        ("source,target,start_year\na,b,20l1\n", 2, 5, "is not a year"),
        ("source,target\na,b,c\n", 2, 5, "expected 2 fields"),
        ("src,target\na,b\n", 1, 1, "missing required column 'source'"),
    ],
)
def test_each_bad_tie_file_has_its_error(tmp_path, ties_text, line, column, fragment):
    actors = tmp_path / "a.csv"
    actors.write_text("id\na\nb\n")
    ties = tmp_path / "t.csv"
    ties.write_text(ties_text)
    with pytest.raises(essnet.ParseError) as info:
        essnet.read_csv(actors, ties)
    assert (info.value.line, info.value.column) == (line, column)
    assert fragment in info.value.message


def test_duplicate_actor(tmp_path):
    actors = tmp_path / "a.csv"
    actors.write_text("id\na\na\n")
    ties = tmp_path / "t.csv"
    ties.write_text("source,target\n")
    with pytest.raises(essnet.ParseError, match="duplicate actor id 'a'"):
        essnet.read_csv(actors, ties)


def test_missing_files():
    with pytest.raises(FileNotFoundError):
        essnet.read_csv("/nonexistent/a.csv", "/nonexistent/t.csv")
    with pytest.raises(FileNotFoundError):
        essnet.read_edgelist("/nonexistent/edges.txt")


def test_read_edgelist(test_data_dir, tmp_path):
    g = essnet.read_edgelist(test_data_dir / "small_edges.txt")
    assert g.nodes == ["1", "2", "3", "4"]
    assert g.num_edges == 4 and not g.directed
    p = tmp_path / "w.txt"
    p.write_text("a,b,2.5\nb,c,1\n")
    g = essnet.read_edgelist(p, directed=True, weighted=True)
    assert g.directed and g.weighted
    np.testing.assert_array_equal(g.weights, [2.5, 1.0])
    with pytest.raises(essnet.ParseError) as info:
        essnet.read_edgelist(test_data_dir / "bad_weight_edges.txt", weighted=True)
    assert (info.value.line, info.value.column) == (2, 5)
    with pytest.raises(ValueError, match="duplicates must be"):
        essnet.read_edgelist(p, duplicates="merge")


def test_error_messages_are_text_even_for_binary_input(tmp_path):
    p = tmp_path / "e.txt"
    p.write_bytes(b"a b \xff\n")
    with pytest.raises(essnet.ParseError) as info:
        essnet.read_edgelist(p, weighted=True)
    assert "weight '\\xff' is not a number" in info.value.message


def test_directory_is_an_os_error(tmp_path):
    with pytest.raises(IsADirectoryError):
        essnet.read_edgelist(tmp_path)
    with pytest.raises(IsADirectoryError):
        essnet.read_edgelist_arrays(tmp_path)


def test_read_edgelist_arrays(test_data_dir):
    nodes, sources, targets, weights = essnet.read_edgelist_arrays(test_data_dir / "small_edges.txt")
    assert nodes == ["1", "2", "3", "4"] and weights is None
    assert sources.dtype == np.int32 and sources.tolist() == [0, 1, 2, 3] and targets.tolist() == [1, 2, 0, 3]
