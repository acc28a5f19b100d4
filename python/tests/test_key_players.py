"""Key players (Borgatti 2006): every measure against networkx on every k-subset of small graphs,
and the search against the best of them."""

import itertools

import networkx as nx
import pytest

import essnet


def reference(h, players, measure, steps):
    """Borgatti's measures computed with networkx, written out."""
    if measure in ("fragmentation", "distance_fragmentation"):
        rest = h.subgraph([v for v in h if v not in players])
        r = rest.number_of_nodes()
        if r < 2:
            return 1.0
        if measure == "fragmentation":
            return 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(rest)) / (r * (r - 1))
        lengths = dict(nx.all_pairs_shortest_path_length(rest))
        return 1 - sum(1 / d for u in lengths for v, d in lengths[u].items() if u != v) / (r * (r - 1))
    others = [v for v in h if v not in players]
    if not others:
        return 0.0
    d = nx.multi_source_dijkstra_path_length(h, set(players)) if players else {}
    if measure == "reach":
        return sum(1 for v in others if v in d and d[v] <= steps) / len(others)
    return sum(1 / d[v] for v in others if v in d) / len(others)


@pytest.mark.parametrize("measure", ["fragmentation", "distance_fragmentation", "reach", "distance_reach"])
def test_scores_and_search_equal_networkx_over_every_subset(measure):
    h = nx.les_miserables_graph() if measure == "fragmentation" else nx.krackhardt_kite_graph()
    h = nx.convert_node_labels_to_integers(h)
    if measure == "fragmentation":  # 77 nodes: k = 2 has 2,926 subsets
        sizes = [1, 2]
    else:
        sizes = [1, 2, 3]
    edges = list(h.edges)
    g = essnet.Graph.from_edges([u for u, _ in edges], [v for _, v in edges], num_nodes=h.number_of_nodes())
    for k in sizes:
        best = -1.0
        for subset in itertools.combinations(range(h.number_of_nodes()), k):
            expected = reference(h, subset, measure, 2)
            assert essnet.key_player_score(g, list(subset), measure=measure, steps=2) == pytest.approx(
                expected, abs=1e-12), subset
            best = max(best, expected)
        found = essnet.key_players(g, k, measure=measure, steps=2)
        assert len(found.players) == k and found.measure == measure
        assert found.score == pytest.approx(best, abs=1e-12)
        assert reference(h, found.players, measure, 2) == pytest.approx(best, abs=1e-12)


def test_key_players_of_the_chantier_network_and_errors():
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    found = essnet.key_players(g, 3, measure="fragmentation")
    assert set(found.players) <= set(g.nodes)
    again = essnet.key_players(g, 3, measure="fragmentation")
    assert again == found
    with pytest.raises(ValueError, match="measure"):
        essnet.key_players(g, 2, measure="betweenness")
    with pytest.raises(ValueError, match="k must be"):
        essnet.key_players(g, g.num_nodes + 1)
    with pytest.raises(ValueError, match="players"):
        essnet.key_player_score(g, ["no such actor"])
    with pytest.raises(ValueError, match="twice"):
        essnet.key_player_score(g, [g.nodes[0], g.nodes[0]])
