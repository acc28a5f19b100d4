"""UCINET DL (read only): hand-written fixtures with their expected actors and ties written out
here, the same networks read from Pajek and CSV files written by hand, and igraph's Read_DL on the
files it can read (igraph reads binary FULLMATRIX, EDGELIST1 and NODELIST1 without NM or quotes)."""

from collections import Counter

import pytest

import essnet
from conftest import TEST_DATA

DL = TEST_DATA / "formats" / "dl"


def tie_list(net):
    t = net.ties
    rel = t["relation"].astype(object).where(t["relation"].notna(), "")
    return list(zip(t["source"], t["target"], rel, t["directed"], t["weight"]))


def arcs(*pairs):
    return [(s, t, "", True, 1.0) for s, t in pairs]


BARRY = ["barry", "david", "lin", "pat", "russ"]
BARRY_TIES = arcs(("barry", "david"), ("barry", "lin"), ("barry", "pat"), ("david", "barry"), ("david", "russ"),
                  ("lin", "barry"), ("lin", "pat"), ("pat", "barry"), ("pat", "lin"), ("pat", "russ"),
                  ("russ", "david"), ("russ", "pat"))
C, R, ILO = "Chantier de l'économie sociale", "RIPESS", "OIT, Genève"

# file -> (actor ids, ties as (source, target, relation, directed, weight)), read off each file by hand.
EXPECTED = {
    "fullmatrix_labels.dl": (BARRY, BARRY_TIES),
    "nodelist1_labels.dl": (BARRY, BARRY_TIES),
    "fullmatrix_embedded.dl": (
        ["Bill", "Jan", "Jim", "Sue", "Zoe"],
        arcs(("Bill", "Jim"), ("Jan", "Sue"), ("Jan", "Zoe"), ("Jim", "Bill"), ("Jim", "Sue"), ("Sue", "Jan"),
             ("Sue", "Jim"), ("Zoe", "Jan"))),
    "fullmatrix_nolabels.dl": (
        ["1", "2", "3", "4", "5"],
        arcs(("1", "2"), ("1", "3"), ("1", "4"), ("1", "5"), ("2", "1"), ("2", "3"), ("3", "1"), ("3", "2"),
             ("3", "5"), ("4", "1"), ("5", "1"), ("5", "3"))),
    "fullmatrix_diagonal_absent.dl": (
        ["a", "b", "c"],
        [("a", "b", "", True, 1.0), ("b", "c", "", True, 4.0), ("c", "a", "", True, 1.0), ("c", "b", "", True, 1.0)]),
    "multiple_matrices.dl": (
        [C, R, ILO],
        [(C, R, "member_of", True, 1.0), (R, C, "member_of", True, 1.0), (C, ILO, "funded", True, 2.5),
         (ILO, C, "funded", True, 0.5)]),
    "edgelist1_labels.dl": (
        ["george", "sally", "jim", "billy", "jane"],
        arcs(("george", "sally"), ("george", "jim"), ("sally", "jim"), ("jim", "george"), ("billy", "jim"))),
    "edgelist1_embedded.dl": (
        ["george", "sally", "jim", "billy", "jane"],
        arcs(("george", "sally"), ("george", "jim"), ("sally", "jim"), ("billy", "george"), ("jane", "jim"))),
    "edgelist1_weights.dl": (
        ["1", "2", "3"],
        [("1", "2", "", True, 1.56263736263736), ("1", "3", "", True, 1.48687978687979),
         ("2", "3", "", True, 1.39597069597070), ("3", "1", "", True, 0.676190476190476)]),
    "nodelist1_embedded.dl": (
        ["FIESS 2011", "Chantier", "RIPESS", "OIT"],
        arcs(("FIESS 2011", "Chantier"), ("FIESS 2011", "RIPESS"), ("Chantier", "OIT"))),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_reads_as_written_out_by_hand(name):
    ids, ties = EXPECTED[name]
    net = essnet.read_dl(DL / name)
    assert list(net.actors["id"]) == ids
    assert tie_list(net) == ties
    assert net.ties["directed"].all()  # a DL matrix is read as arcs
    assert list(net.actors.columns) == ["id", "name", "kind", "country", "region", "founded"]


def test_matrix_node_list_and_pajek_file_are_the_same_network():
    pajek = essnet.read_pajek(DL / "barry.net")
    for name in ("fullmatrix_labels.dl", "nodelist1_labels.dl"):
        net = essnet.read_dl(DL / name)
        assert list(net.actors["id"]) == list(pajek.actors["id"])
        assert tie_list(net) == tie_list(pajek)


def test_multiple_matrices_are_the_csv_relations():
    csv = essnet.read_csv(DL / "multiple_matrices_actors.csv", DL / "multiple_matrices_ties.csv")
    net = essnet.read_dl(DL / "multiple_matrices.dl")
    assert list(net.actors["id"]) == list(csv.actors["id"])
    assert tie_list(net) == tie_list(csv)
    g = net.graph(relations="funded", weight="weight")
    assert g.num_edges == 2 and g.directed


@pytest.mark.parametrize("name", ["fullmatrix_labels.dl", "fullmatrix_nolabels.dl", "edgelist1_labels.dl",
                                  "edgelist1_embedded.dl", "nodelist1_labels.dl"])
def test_igraph_reads_the_same(name):
    import igraph as ig

    g = ig.Graph.Read_DL(str(DL / name))
    names = g.vs["name"] if "name" in g.vs.attributes() else [str(i + 1) for i in range(g.vcount())]
    net = essnet.read_dl(DL / name)
    assert list(net.actors["id"]) == names
    assert g.is_directed()
    assert Counter((s, t) for s, t, *_ in tie_list(net)) == Counter((names[e.source], names[e.target]) for e in g.es)


def test_symmetric_matrix_gives_both_arcs(tmp_path):
    path = tmp_path / "sym.dl"
    path.write_text("DL N=3\nLABELS:\nChantier, RIPESS, OIT\nDATA:\n0 2 0\n2 0 1\n0 1 0\n", encoding="utf-8")
    net = essnet.read_dl(path)
    assert tie_list(net) == [("Chantier", "RIPESS", "", True, 2.0), ("RIPESS", "Chantier", "", True, 2.0),
                             ("RIPESS", "OIT", "", True, 1.0), ("OIT", "RIPESS", "", True, 1.0)]
    g = net.graph(directed=False, duplicates="max", weight="weight")
    assert g.num_edges == 2


@pytest.mark.parametrize("text, line, column, fragment", [
    ("DL N=3\nDATA:\n0 1 0\n1 0\n0 0 0\n", 4, 4, "has 2 values, expected 3"),     # wrong number of values
    ("DL N=2\nDATA:\n0 1 1\n0 0\n", 3, 5, "more than 2 values"),
    ("DL N=3\nLABELS:\na, b\nDATA:\n", 4, 1, "expected 3 labels, found 2"),          # label count not N
    ("DL N=3 FORMAT=EDGELIST1\nDATA:\n1 2\n2 7\n", 4, 3, "node number 7 is out of range"),
    ("DL N=3 FORMAT=NODELIST1\nDATA:\n1 2 0\n", 3, 5, "node number 0 is out of range"),
    ("DL N=3\nDATA:\n0 1 0\n1 0 0\n", 5, 1, "the data end after 2 of the 3 rows"),   # truncated
    ("DL N=3\nLABELS:\na,b,c\n", 4, 1, "ends before the DATA: line"),
    ("DL N=2\nDATA:\n0 yes\n0 0\n", 3, 3, "not a number"),                           # wrong type
    ("DL N=2\nLABELS:\nx,x\nDATA:\n", 3, 3, "duplicate label 'x'"),                  # duplicate id
    ("DL N=99999999999999999999\nDATA:\n", 1, 6, "too large"),                       # huge number
    ("DL N=2 FORMAT=EDGELIST1\nDATA:\n1 2 -3\n", 3, 5, "negative"),
    ("DL N=2 FORMAT=EDGELIST2\nDATA:\n", 1, 15, "not supported"),
    ("graph N=2\n", 1, 1, "starts with the word DL"),
])
def test_bad_input_names_line_and_column(tmp_path, text, line, column, fragment):
    path = tmp_path / "bad.dl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(essnet.ParseError) as info:
        essnet.read_dl(path)
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.file, e.line, e.column) == (str(path), line, column)
    assert fragment in e.message


def test_missing_file():
    with pytest.raises(FileNotFoundError):
        essnet.read_dl(DL / "missing.dl")
