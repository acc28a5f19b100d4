"""essnet.draw: the SVG parses with one node element per node and a legend, the PNG's node pixels
lie where the layout puts them, labels do not overlap, and every way of giving colours works."""

import io
import xml.etree.ElementTree as ET

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from PIL import Image

import essnet
from conftest import from_networkx

SVG = "{http://www.w3.org/2000/svg}"


def node_circles(svg):
    root = ET.fromstring(svg)
    return [c for c in root.iter(SVG + "circle") if "node" in c.get("class", "").split()]


def test_svg_has_a_node_per_actor_and_the_legend():
    net = essnet.datasets.chantier()
    d = essnet.draw(net, color="kind", size="degree")
    g = net.graph()
    circles = node_circles(d.svg)
    assert len(circles) == g.num_nodes
    assert all(c.find(SVG + "title") is not None for c in circles)
    legend = ET.fromstring(d.svg).find(f"{SVG}g[@class='legend']")
    texts = [t.text for t in legend.iter(SVG + "text")]
    assert "kind" in texts and "degree" in texts
    kinds = set(net.actors.set_index("id")["kind"].reindex(g.nodes))
    assert {text for text, _ in d.legend} == kinds
    assert d._repr_svg_() == d.svg


def test_png_node_pixels_lie_where_the_layout_puts_them():
    net = essnet.datasets.chantier()
    g = net.graph()
    d = essnet.draw(net, color="kind", labels=0, width=600, height=600)
    image = np.asarray(Image.open(io.BytesIO(d.png())).convert("RGB")).astype(int)
    assert image.shape == (600, 600, 3)
    # Where each node is expected: the layout scaled into the canvas, as the docstring says
    # (uniform scale, centred, y flipped, margin 24 + the largest radius 5; no legend panel... the
    # colour legend takes 200 px on the right).
    pos = d.positions
    left, right, top, bottom = 29, 600 - 200 - 29, 29, 600 - 29
    span = pos.max(axis=0) - pos.min(axis=0)
    scale = min((right - left) / span[0], (bottom - top) / span[1])
    centre = (pos.max(axis=0) + pos.min(axis=0)) / 2
    colours = dict(d.legend)
    kind = net.actors.set_index("id")["kind"].reindex(g.nodes).to_numpy()
    hits = 0
    for (x, y), k in zip(pos, kind):
        px = (left + right) / 2 + (x - centre[0]) * scale
        py = (top + bottom) / 2 - (y - centre[1]) * scale
        want = np.array([int(colours[k][i:i + 2], 16) for i in (1, 3, 5)])
        got = image[int(round(py)), int(round(px))]
        hits += np.abs(got - want).max() <= 40
    assert hits >= g.num_nodes - 2  # a disc may lie under a larger one


def test_labels_do_not_overlap_and_the_hubs_come_first():
    G = nx.les_miserables_graph()
    g = from_networkx(G)
    d = essnet.draw(g, labels=-1)
    boxes = [(x, y - ascent, x + w, y - ascent + h) for _, _, x, y, w, h, ascent in d._scene.labels]
    assert len(boxes) > 20
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
    top = essnet.draw(g, labels=1).labels
    assert top == [max(G.degree, key=lambda item: item[1])[0]]


def test_colour_inputs():
    G = nx.karate_club_graph()
    g = from_networkx(G)
    p = essnet.leiden(g, seed=1)
    by_partition = essnet.draw(g, color=p)
    assert len(by_partition.legend) == p.n_communities
    club = pd.Series({str(v): G.nodes[v]["club"] for v in G.nodes()})
    by_series = essnet.draw(g, color=club.iloc[::-1])
    assert {text for text, _ in by_series.legend} == {"Mr. Hi", "Officer"}
    continuous = essnet.draw(g, color=essnet.pagerank(g), size=essnet.degree(g))
    fills = {c.get("fill") for c in node_circles(continuous.svg)}
    assert "#440154" in fills and "#fde725" in fills  # viridis ends for the smallest and largest
    assert len(essnet.draw(g, color="community").legend) >= 2
    # Twelve groups: nine colours, and grey for the three smallest.
    many = essnet.draw(g, color=[f"g{min(i, 11)}" for i in range(34)])
    assert len(many.legend) == 10 and many.legend[-1] == ("other (3)", "#dddddd")


def test_save_by_extension_and_bad_input(tmp_path):
    g = from_networkx(nx.path_graph(4))
    d = essnet.draw(g, layout="circular")
    for name in ("map.svg", "map.png", "map.pdf"):
        d.save(tmp_path / name)
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "map.pdf").read_bytes()[:5] == b"%PDF-"
    ET.fromstring((tmp_path / "map.svg").read_text())
    with pytest.raises(ValueError, match="extension"):
        d.save(tmp_path / "map.gif")
    with pytest.raises(OSError):
        d.save(tmp_path / "missing" / "map.svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.pdf", "map.png", "map.svg"]
    with pytest.raises(ValueError, match="pos"):
        essnet.draw(g, pos=np.zeros((3, 2)))
    with pytest.raises(ValueError, match="pos"):
        essnet.draw(g, pos=[[0, 0], [1, np.nan], [2, 2], [3, 3]])
    with pytest.raises(ValueError, match="color"):
        essnet.draw(g, color="kind")
    with pytest.raises(ValueError, match="size"):
        essnet.draw(g, size="fame")
    with pytest.raises(ValueError, match="layout"):
        essnet.draw(g, layout="tree")
    with pytest.raises(TypeError):
        essnet.draw(nx.path_graph(3))


def test_draws_into_matplotlib_axes():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    g = from_networkx(nx.karate_club_graph())
    fig, ax = plt.subplots()
    d = essnet.draw(g, ax=ax, labels=5)
    assert len(ax.collections) == 2 and len(ax.texts) == len(d.labels)
    plt.close(fig)
    # A directed graph gets one arrowhead per tie, its tip where the SVG's line ends.
    directed = essnet.Graph.from_edges([0, 1, 2], [1, 2, 0], num_nodes=3, directed=True)
    fig, ax = plt.subplots()
    d = essnet.draw(directed, ax=ax)
    heads = ax.collections[1].get_paths()
    assert len(ax.collections) == 3 and len(heads) == 3
    for ((_, _), end), head in zip(d._scene.edges, heads):
        assert np.allclose(head.vertices[0], end)
    plt.close(fig)


def test_empty_and_one_node():
    assert len(node_circles(essnet.draw(essnet.Graph.from_edges([], [], num_nodes=0)).svg)) == 0
    assert len(node_circles(essnet.draw(essnet.Graph.from_edges([], [], num_nodes=1)).svg)) == 1


def test_many_ties_draw_aliased_with_the_same_ink():
    rng = np.random.default_rng(3)
    n, m = 400, 3000
    sources = rng.integers(0, n, m)
    g = essnet.Graph.from_edges(sources, (sources + rng.integers(1, n, m)) % n, num_nodes=n)  # no self-loop
    pos = rng.uniform(0, 1, (n, 2))

    def picture(limit):
        d = essnet.draw(g, pos=pos, labels=0, max_antialiased_ties=limit)
        return np.asarray(Image.open(io.BytesIO(d.png())).convert("L")).astype(float)

    smooth, aliased = picture(None), picture(m - 1)  # m ties: over the limit of m - 1
    assert (picture(m) == smooth).all()  # at the limit: still antialiased
    ink_smooth, ink_aliased = (255 - smooth).sum(), (255 - aliased).sum()
    assert 0.85 < ink_aliased / ink_smooth < 1.15
    # Aliased pixels take few grey levels (each an integer number of ties over white); antialiased
    # ones take many (partial coverage).
    assert len(np.unique(aliased)) < len(np.unique(smooth)) / 2
    with pytest.raises(ValueError, match="max_antialiased_ties"):
        essnet.draw(g, pos=pos, max_antialiased_ties=-5)
