"""Computed measures travel to files and other libraries with node_data=, and graphs write their actors'
names: read back by networkx (the reference reader) and by essnet's own readers."""

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import essnet


@pytest.fixture(scope="module")
def chantier():
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    bc = essnet.betweenness(g)
    p = essnet.leiden(g, seed=1)
    broker = bc > 0
    return net, g, bc, p, broker


def test_gexf_by_default_opens_in_networkx_with_measures_and_names(chantier, tmp_path):
    net, g, bc, p, broker = chantier
    path = tmp_path / "chantier.gexf"
    essnet.write_gexf(g, path, node_data=g.frame(betweenness=bc, community=p.membership, broker=broker))
    G = nx.read_gexf(path)  # networkx 2.8 reads GEXF 1.1draft and 1.2draft only
    names = net.actors.set_index("id")["name"]
    assert list(G.nodes) == g.nodes
    for i, node in enumerate(g.nodes):
        data = G.nodes[node]
        assert data["label"] == names[node]
        assert data["betweenness"] == bc[i]  # exactly: the shortest round-trip text
        assert data["community"] == p.membership[i]
        assert data["broker"] == bool(broker[i])
        assert data["kind"] == net.actors.set_index("id").loc[node, "kind"]
    back = essnet.read_gexf(path).actors
    assert back["name"].tolist() == names.reindex(g.nodes).tolist()
    assert [float(v) for v in back["betweenness"]] == bc.tolist()
    assert [int(v) for v in back["community"]] == p.membership.tolist()


def test_default_gexf_of_a_dated_network_opens_in_networkx(tmp_path):
    net = essnet.datasets.chantier()
    essnet.write_gexf(net, tmp_path / "net.gexf")
    G = nx.read_gexf(tmp_path / "net.gexf")
    assert G.number_of_nodes() == net.num_actors
    # An undirected tie of this mixed network is a "mutual" edge, which networkx reads as two arcs.
    undirected = int((~net.ties["directed"]).sum())
    assert G.number_of_edges() == net.num_ties + undirected
    assert essnet.read_gexf(tmp_path / "net.gexf").ties["directed"].tolist() == net.ties["directed"].tolist()


def test_graphml_and_json_carry_node_data(chantier, tmp_path):
    net, g, bc, p, broker = chantier
    frame = g.frame(betweenness=bc, community=p.membership, broker=broker)
    essnet.write_graphml(g, tmp_path / "g.graphml", node_data=frame)
    essnet.write_json(g, tmp_path / "g.json", node_data=frame)
    with open(tmp_path / "g.json", encoding="utf-8") as f:
        from_json = nx.node_link_graph(json.load(f))
    for G in (nx.read_graphml(tmp_path / "g.graphml"), from_json):
        for i, node in enumerate(g.nodes):
            assert G.nodes[node]["betweenness"] == bc[i]
            assert G.nodes[node]["community"] == p.membership[i]
            assert G.nodes[node]["broker"] == bool(broker[i])
            assert G.nodes[node]["name"] == net.actors.set_index("id").loc[node, "name"]
    for back in (essnet.read_graphml(tmp_path / "g.graphml").actors, essnet.read_json(tmp_path / "g.json").actors):
        assert [float(v) for v in back["betweenness"]] == bc.tolist()
        assert back["broker"].tolist() == ["true" if b else "false" for b in broker]


def test_a_network_takes_node_data_by_actor_id(tmp_path):
    net = essnet.datasets.chantier()
    score = pd.Series({"chantier": 0.75, "ilo": 1e-17})  # a subset of the actors: the rest are missing
    essnet.write_gexf(net, tmp_path / "n.gexf", node_data=pd.DataFrame({"score": score}))
    G = nx.read_gexf(tmp_path / "n.gexf")
    assert G.nodes["chantier"]["score"] == 0.75
    assert G.nodes["ilo"]["score"] == 1e-17
    assert "score" not in G.nodes["fbes"]
    G2 = net.to_networkx(node_data={"score": score})
    assert G2.nodes["ilo"]["score"] == 1e-17 and "score" not in G2.nodes["fbes"]


def test_pajek_writes_partitions_and_vectors_beside_the_network(chantier, tmp_path):
    _, g, bc, p, _ = chantier
    essnet.write_pajek(g, tmp_path / "chantier.net", node_data={"betweenness": bc, "community": p.membership})
    clu = (tmp_path / "chantier_community.clu").read_text().split("\n")
    vec = (tmp_path / "chantier_betweenness.vec").read_text().split("\n")
    assert clu[0] == vec[0] == f"*Vertices {g.num_nodes}"
    assert [int(v) for v in clu[1:-1]] == p.membership.tolist()
    assert [float(v) for v in vec[1:-1]] == bc.tolist()
    with pytest.raises(ValueError, match="text"):
        essnet.write_pajek(g, tmp_path / "x.net", node_data={"kind": np.array(["a"] * g.num_nodes)})
    with pytest.raises(ValueError, match="no value"):
        essnet.write_pajek(g, tmp_path / "x.net", node_data={"b": np.full(g.num_nodes, np.nan)})


def test_networkx_and_igraph_exports_take_node_data(chantier):
    _, g, bc, p, _ = chantier
    data = {"betweenness": bc, "community": p.membership}
    G = g.to_networkx(node_data=data)
    assert [G.nodes[v]["betweenness"] for v in g.nodes] == bc.tolist()
    h = g.to_igraph(node_data=g.frame(**data))
    assert h.vs["community"] == p.membership.tolist()
    assert h.vs["name"] == g.nodes


def test_bad_node_data_is_refused_by_name(chantier, tmp_path):
    _, g, bc, _, _ = chantier
    path = tmp_path / "g.gexf"
    with pytest.raises(ValueError, match="one value per node"):
        essnet.write_gexf(g, path, node_data={"bc": bc[:3]})
    with pytest.raises(ValueError, match="'nobody' is not a node id"):
        essnet.write_gexf(g, path, node_data=pd.DataFrame({"x": [1]}, index=["nobody"]))
    with pytest.raises(ValueError, match="kind"):
        essnet.write_gexf(g, path, node_data={"kind": bc})  # the actors' own field
    with pytest.raises(ValueError, match="finite"):
        essnet.write_gexf(g, path, node_data={"bc": np.full(g.num_nodes, np.inf)})
    with pytest.raises(TypeError, match="DataFrame"):
        essnet.write_gexf(g, path, node_data=[1, 2])
    assert not path.exists()


def test_graphs_without_a_network_write_their_ids(tmp_path):
    g = essnet.generate.erdos_renyi(5, 4, seed=1)
    assert g.network is None
    essnet.write_gexf(g, tmp_path / "g.gexf", node_data={"x": np.arange(5)})
    G = nx.read_gexf(tmp_path / "g.gexf")
    assert sorted(G.nodes) == ["0", "1", "2", "3", "4"]
    assert G.nodes["3"].get("label") is None  # no label: Gephi shows the id
    assert G.nodes["3"]["x"] == 3


def test_graph_keeps_its_network_through_subgraphs_and_snapshots(tmp_path):
    net = essnet.datasets.chantier()
    g = net.graph(relations=["partnership"])
    assert g.network is net
    assert g.subgraph(g.nodes[:2]).network is net
    assert essnet.ego_graph(g, "chantier").network is net
    essnet.save(net, tmp_path / "s.essnet", graphs={"p": g})
    loaded, graphs = essnet.load(tmp_path / "s.essnet", graphs=True)
    assert graphs["p"].network is loaded


def test_integer_and_boolean_columns_with_missing_rows_stay_integers(tmp_path):
    net = essnet.datasets.chantier()
    bloc = pd.Series({"chantier": 3, "ilo": 1})
    flag = pd.Series({"chantier": True})
    essnet.write_gexf(net, tmp_path / "n.gexf", node_data=pd.DataFrame({"bloc": bloc, "flag": flag}))
    G = nx.read_gexf(tmp_path / "n.gexf")
    assert G.nodes["chantier"]["bloc"] == 3 and isinstance(G.nodes["chantier"]["bloc"], int)
    assert G.nodes["chantier"]["flag"] is True
    assert "bloc" not in G.nodes["fbes"]
    essnet.write_graphml(net.graph(directed=True), tmp_path / "n.graphml", node_data={"bloc": bloc})
    assert nx.read_graphml(tmp_path / "n.graphml").nodes["ilo"]["bloc"] == 1


def test_pajek_takes_nullable_columns_and_refuses_file_names(chantier, tmp_path):
    _, g, _, p, broker = chantier
    data = {"bloc": pd.array(p.membership, dtype="Int64"), "broker": pd.array(broker, dtype="boolean")}
    essnet.write_pajek(g, tmp_path / "c.net", node_data=data)
    assert (tmp_path / "c_bloc.clu").read_text().split("\n")[1:-1] == [str(c) for c in p.membership]
    assert (tmp_path / "c_broker.clu").read_text().split("\n")[1:-1] == [str(int(b)) for b in broker]
    with pytest.raises(ValueError, match="file name"):
        essnet.write_pajek(g, tmp_path / "c.net", node_data={"../x": p.membership})
    with pytest.raises(TypeError):
        essnet.write_pajek([1, 2], tmp_path / "x.net", node_data={"x": [1]})


def test_column_names_must_be_distinct_and_not_label(chantier, tmp_path):
    _, g, bc, _, _ = chantier
    two = pd.DataFrame([[1.0, 2.0]] * g.num_nodes, index=g.nodes, columns=["x", "x"])
    with pytest.raises(ValueError, match="two columns"):
        essnet.write_gexf(g, tmp_path / "g.gexf", node_data=two)
    with pytest.raises(ValueError, match="two columns"):
        essnet.write_gexf(g, tmp_path / "g.gexf", node_data={0: bc, "0": bc})
    with pytest.raises(ValueError, match="label"):
        essnet.write_gexf(g, tmp_path / "g.gexf", node_data={"label": bc})
    repeated = pd.Series([1.0, 2.0], index=["chantier", "chantier"])
    with pytest.raises(ValueError, match="repeats"):
        essnet.write_gexf(g, tmp_path / "g.gexf", node_data={"x": repeated})


def test_a_snapshot_gives_a_graph_its_network_only_when_it_was_selected_from_it(tmp_path):
    net = essnet.datasets.chantier()
    other = essnet.ActorNetwork()
    other.add_actor("x")
    other.add_actor("y")
    other.add_tie("x", "y")
    essnet.save(net, tmp_path / "s.essnet", graphs={"own": net.graph(), "foreign": other.graph()})
    loaded, graphs = essnet.load(tmp_path / "s.essnet", graphs=True)
    assert graphs["own"].network is loaded
    assert graphs["foreign"].network is None
    essnet.write_gexf(graphs["foreign"], tmp_path / "f.gexf")
    assert sorted(nx.read_gexf(tmp_path / "f.gexf").nodes) == ["x", "y"]
