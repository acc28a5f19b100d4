"""Rich display in Jupyter: every _repr_html_ is valid HTML, says what it should, and stays small on a
large network."""

import html5lib
import numpy as np
import pytest

import essnet


def parse(text):
    """Parses as HTML5 in strict mode: any parse error (a bad tag, an unescaped '<') raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(text)


def cells(fragment):
    return [td.text for td in fragment.iter("td")]


@pytest.fixture(scope="module")
def chantier():
    net = essnet.datasets.chantier()
    g = net.graph(directed=False)
    kinds = net.actors.set_index("id")["kind"].astype(str)
    return net, g, kinds


def results(net, g, kinds):
    return {
        "network": net,
        "graph": g,
        "partition": essnet.leiden(g, seed=1),
        "consensus": essnet.consensus(g, runs=10, seed=1),
        "brokerage": essnet.brokerage(net.graph(directed=True), kinds),
        "ei_index": essnet.ei_index(g, kinds),
    }


def test_every_result_displays_as_valid_html_and_keeps_its_text_repr(chantier):
    net, g, kinds = chantier
    for name, obj in results(net, g, kinds).items():
        text = obj._repr_html_()
        fragment = parse(text)
        assert fragment.find(".//table") is not None, name
        assert repr(obj).startswith("<essnet."), name
        assert html5lib.serialize(fragment), name


def test_network_display_counts_kinds_relations_and_years(chantier):
    net, _, _ = chantier
    fragment = parse(net._repr_html_())
    text = "".join(fragment.itertext())
    actors, ties = net.actors, net.ties
    assert f"actors: {len(actors)}" in text and f"ties: {len(ties)}" in text
    td = cells(fragment)
    # Counted here with pandas, independently of the display's own counting.
    for kind, count in actors["kind"].value_counts().items():
        if count:
            i = td.index(kind)
            assert td[i + 1] == str(count)
    years = ties["start_year"].dropna().astype(int).value_counts()
    for year, count in years.items():
        i = td.index(str(year))
        assert td[i + 1] == str(count)
    assert td[td.index("undated") + 1] == str(int(ties["start_year"].isna().sum()))


def test_graph_display_lists_the_largest_degrees_by_name(chantier):
    net, g, _ = chantier
    fragment = parse(g._repr_html_())
    td = cells(fragment)
    degree = dict(g.to_networkx().degree())  # networkx as the reference
    best = max(degree, key=degree.get)
    name = net.actors.set_index("id").loc[best, "name"]
    assert td[0] == f"{name} ({best})"
    assert td[1] == str(degree[best])


def test_partition_display_gives_sizes_and_quality(chantier):
    _, g, _ = chantier
    p = essnet.leiden(g, seed=1)
    text = "".join(parse(p._repr_html_()).itertext())
    assert f"communities: {p.n_communities}" in text
    assert f"quality: {p.quality:.4g}" in text
    td = cells(parse(p._repr_html_()))
    largest = int(np.argmax(np.bincount(p.membership)))
    assert td[:2] == [str(largest), str(np.bincount(p.membership).max())]  # numbered as in membership


def test_text_is_escaped():
    net = essnet.ActorNetwork()
    net.add_actor("a<b>", name="<script>alert(1)</script>", kind="<i>kind</i>")
    net.add_actor("c&d", name="R&D")
    net.add_tie("a<b>", "c&d", relation="x<y")
    for obj in (net, net.graph(), essnet.leiden(net.graph(directed=False))):
        text = obj._repr_html_()
        parse(text)
        assert "<script>" not in text and "<i>" not in text


def test_empty_and_one_node_displays():
    empty = essnet.ActorNetwork()
    parse(empty._repr_html_())
    parse(empty.graph()._repr_html_())
    one = essnet.ActorNetwork()
    one.add_actor("solo")
    g = one.graph(directed=False)
    parse(g._repr_html_())
    parse(essnet.leiden(g)._repr_html_())


def test_display_stays_small_on_a_large_network():
    net = essnet.generate.social_economy(100_000, seed=3)
    g = net.graph(directed=False)
    country = net.actors.set_index("id")["country"].astype(str)
    p = essnet.label_propagation(g, seed=1)
    objects = {"network": net, "graph": g, "partition": p, "ei_index": essnet.ei_index(g, country),
               "consensus": essnet.consensus(g, algorithm="label_propagation", runs=2, max_iterations=1, seed=1),
               "brokerage": essnet.brokerage(net.graph(directed=True), country)}
    for name, obj in objects.items():
        text = obj._repr_html_()
        parse(text)
        assert len(text) < 12_000, (name, len(text))
        assert len(list(parse(text).iter("tr"))) <= 4 * 13, name


def test_large_drawings_show_as_png():
    from IPython.core.interactiveshell import InteractiveShell

    formatter = InteractiveShell.instance().display_formatter  # what Jupyter puts in the notebook
    small = essnet.draw(essnet.generate.erdos_renyi(50, 100, seed=1), labels=0)
    assert set(formatter.format(small)[0]) == {"image/svg+xml", "text/plain"}
    g = essnet.generate.erdos_renyi(6000, 6000, seed=1)
    large = essnet.draw(g, pos=np.random.default_rng(1).random((6000, 2)), labels=0)
    data = formatter.format(large)[0]
    assert set(data) == {"image/png", "text/plain"}
    assert data["image/png"][:8] == b"\x89PNG\r\n\x1a\n"


def test_numbers_are_shown_exactly_with_separators():
    from essnet import _display

    assert _display.text(12345.0) == "12,345"
    assert _display.text(0.123456) == "0.1235"
    assert _display.text(float("nan")) == "&ndash;"
