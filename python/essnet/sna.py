"""Social network analysis: structural holes, census, group structure."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _core, _display
from ._args import _by_node, _int32, _run, _seed
from ._graph import Graph, _node_numbers_of, core_graph

__all__ = ["ego_graph", "ego_measures", "project", "two_mode_density", "Brokerage", "brokerage", "structural_holes",
           "constraint", "effective_size", "efficiency", "hierarchy", "density", "reciprocity",
           "dyad_census", "triad_census", "EIIndex", "ei_index", "mixing_matrix", "assortativity",
           "structural_equivalence", "EquivalenceClusters", "equivalence_clusters", "concor", "Blockmodel",
           "blockmodel", "KeyPlayers", "key_players", "key_player_score"]


def structural_holes(graph: Graph, *, use_weights: bool = True) -> pd.DataFrame:
    """Burt's (1992) structural-hole measures of every node, as a DataFrame indexed by node id with
    columns constraint, effective_size, efficiency and hierarchy.

    Mutual weights a_uv + a_vu over each node's contacts in either direction, as networkx's
    ``constraint`` and ``effective_size`` (whose values were checked against UCINET); efficiency is
    effective size over the number of contacts; hierarchy is Burt's concentration of constraint
    (0: spread evenly; NaN with fewer than two contacts). Parallel edges are summed, self-loops
    ignored; a node without contacts gets NaN.

    Time O(sum over nodes of d(u)^2), in parallel; memory O(n + m).
    """
    c, es, ef, h = _core.structural_holes(core_graph(graph), use_weights)
    return graph.frame(constraint=c, effective_size=es, efficiency=ef, hierarchy=h)


def constraint(graph: Graph, *, use_weights: bool = True) -> np.ndarray:
    """Burt's constraint of every node (networkx's ``constraint``); see :func:`structural_holes`.

    Time O(sum over nodes of d(u)^2), in parallel; memory O(n + m).
    """
    return _core.structural_holes(core_graph(graph), use_weights)[0]


def effective_size(graph: Graph, *, use_weights: bool = True) -> np.ndarray:
    """Burt's effective size of every node (networkx's ``effective_size``); see :func:`structural_holes`.

    Time O(sum over nodes of d(u)^2), in parallel; memory O(n + m).
    """
    return _core.structural_holes(core_graph(graph), use_weights)[1]


def efficiency(graph: Graph, *, use_weights: bool = True) -> np.ndarray:
    """Burt's efficiency (effective size over the number of contacts); see :func:`structural_holes`.

    Time O(sum over nodes of d(u)^2), in parallel; memory O(n + m).
    """
    return _core.structural_holes(core_graph(graph), use_weights)[2]


def hierarchy(graph: Graph, *, use_weights: bool = True) -> np.ndarray:
    """Burt's hierarchy of every node; see :func:`structural_holes`.

    Time O(sum over nodes of d(u)^2), in parallel; memory O(n + m).
    """
    return _core.structural_holes(core_graph(graph), use_weights)[3]


def density(graph: Graph) -> float:
    """Edges over possible edges, as networkx's ``density`` (self-loops and parallel edges count).

    Time O(n + m).
    """
    return _core.density(core_graph(graph))


def reciprocity(graph: Graph) -> float:
    """Share of the arcs of a directed graph whose reverse arc exists (networkx's
    ``overall_reciprocity``; parallel arcs count once). ValueError for an undirected graph.

    Time O(m log d) for the largest degree d (a binary search per arc).
    """
    return _core.reciprocity(core_graph(graph))


def dyad_census(graph: Graph) -> dict:
    """Mutual, asymmetric and null pairs of a directed graph (Holland & Leinhardt), as
    ``{"mutual": M, "asymmetric": A, "null": N}`` (R sna's ``dyad.census``, igraph's ``dyad_census``).

    Time O(m log d) for the largest degree d (a binary search per arc).
    """
    m, a, n = _core.dyad_census(core_graph(graph))
    return {"mutual": m, "asymmetric": a, "null": n}


def triad_census(graph: Graph) -> pd.Series:
    """The 16-type MAN triad census of a directed graph (Batagelj & Mrvar 2001), as a Series indexed
    by type ("003" ... "300"), equal to networkx's ``triadic_census`` and igraph's ``triad_census``.

    Time O(m d) for the largest degree d (Batagelj & Mrvar 2001), in parallel; memory O(n + m).
    """
    return pd.Series(_core.triad_census(core_graph(graph)), index=list(_core.triad_types), name="triads")


def _groups(graph: Graph, groups, parameter: str = "groups"):
    """Integer labels aligned with graph.nodes, and the group names in label order."""
    values = np.asarray(_by_node(groups, graph, parameter), dtype=object)
    if values.ndim != 1 or len(values) != graph.num_nodes:
        raise ValueError(f"{parameter} must have one value per node ({graph.num_nodes}), got shape {values.shape}")
    if pd.isna(values).any():
        raise ValueError(f"{parameter} has missing values")
    codes, names = pd.factorize(values, sort=True)
    return codes.astype(np.int32).tolist(), list(names)


@dataclass
class EIIndex:
    """Krackhardt & Stern's E-I index: ``network`` (a number), ``group`` (a Series by group name) and
    ``node`` (an array aligned with ``graph.nodes``)."""

    network: float
    group: pd.Series
    node: np.ndarray

    def __repr__(self) -> str:
        return f"<essnet.EIIndex network {self.network:.4g}, {len(self.group)} groups>"

    def _repr_html_(self) -> str:
        """The network's index and each group's, most inward first; bounded in size."""
        group = self.group.sort_values(kind="stable")
        rows = [[name, float(v)] for name, v in group.items()]
        facts = [("E-I index of the network", float(self.network)), ("groups", len(group)),
                 ("nodes", len(self.node))]
        return _display.summary(repr(self), facts, [_display.table("E-I index by group", ["group", "E-I index"], rows)])


def ei_index(graph: Graph, groups, *, use_weights: bool = True) -> EIIndex:
    """Krackhardt & Stern's (1988) E-I index, (E - I) / (E + I) with E the ties between groups and I
    the ties within: for the whole network, for each group (ties with an end in it) and for each
    node (its own ties). -1: all ties inside groups; +1: all across. ``groups``: one value per
    node (strings or numbers), or a Series indexed by node id (say, ``net.actors.set_index("id")
    ["country"]``). Each edge counts once, weighted when the graph is; NaN where there is no tie.

    Time and memory O(n + m).
    """
    codes, names = _groups(graph, groups)
    network, group, node = _core.ei_index(core_graph(graph), codes, use_weights)
    return EIIndex(network=network, group=pd.Series(group, index=names, name="ei_index"), node=node)


def mixing_matrix(graph: Graph, groups, *, normalized: bool = False) -> pd.DataFrame:
    """Edge ends between groups (rows: source group, columns: target group), as networkx's
    ``attribute_mixing_matrix``; an undirected edge counts both ways. ``normalized``: divide by the
    total.

    Time O(n + m); memory O(groups^2).
    """
    codes, names = _groups(graph, groups)
    m = _core.mixing_matrix(core_graph(graph), codes)
    if normalized and m.sum() > 0:
        m = m / m.sum()
    return pd.DataFrame(m, index=names, columns=names)


def assortativity(graph: Graph, values, *, kind: str = "nominal") -> float:
    """Newman's (2003) assortativity of an attribute: ``kind="nominal"`` for categories (networkx's
    ``attribute_assortativity_coefficient``) or ``"numeric"`` for numbers (networkx's
    ``numeric_assortativity_coefficient``). NaN when undefined.

    Time and memory O(n + m).
    """
    if kind == "nominal":
        codes, _ = _groups(graph, values, "values")
        return _core.attribute_assortativity(core_graph(graph), codes)
    if kind == "numeric":
        aligned = _by_node(values, graph, "values")
        try:
            x = np.asarray(aligned, dtype=float)
        except (TypeError, ValueError):
            raise ValueError("values must be numbers for kind='numeric' (kind='nominal' takes categories)") from None
        if x.ndim != 1 or len(x) != graph.num_nodes:
            raise ValueError(f"values must have one number per node ({graph.num_nodes}), got shape {x.shape}")
        return _core.numeric_assortativity(core_graph(graph), x.tolist())
    raise ValueError(f'kind must be "nominal" or "numeric", got {kind!r}')


ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]


@dataclass
class Brokerage:
    """Gould-Fernandez brokerage, everything R's ``sna::brokerage`` reports, as DataFrames with the
    columns coordinator (sna's w_I), itinerant (w_O), representative (b_IO), gatekeeper (b_OI),
    liaison (b_O) and total (t):

    ``raw``, ``expected``, ``sd``, ``z``: per node, indexed by node id; ``network``: one row each
    for raw, expected, sd and z over the whole network; ``groups``: expected and sd per group.
    """

    raw: pd.DataFrame
    expected: pd.DataFrame
    sd: pd.DataFrame
    z: pd.DataFrame
    network: pd.DataFrame
    groups: pd.DataFrame

    def __repr__(self) -> str:
        groups = len(self.groups.index.get_level_values(0).unique())
        paths = int(self.network.loc["raw", "total"])
        return f"<essnet.Brokerage {len(self.raw)} nodes, {groups} groups, {paths} brokered paths>"

    def _repr_html_(self) -> str:
        """The whole network's roles against chance, and the leading brokers; bounded in size."""
        network = [[statistic] + [float(v) for v in self.network.loc[statistic]] for statistic in self.network.index]
        top = self.raw["total"].sort_values(ascending=False, kind="stable").index[: _display.ROWS]
        leaders = [[node] + [float(self.raw.loc[node, r]) for r in ROLES] + [float(self.z.loc[node, "total"])]
                   for node in top]
        return _display.summary(repr(self), [], [
            _display.table("the network: roles against chance", ["statistic"] + ROLES, network),
            _display.table("leading brokers (raw counts, and the z-score of the total)", ["node"] + ROLES + ["z total"],
                           leaders, total=len(self.raw))])


def brokerage(graph: Graph, groups) -> Brokerage:
    """Gould & Fernandez's (1989) brokerage roles of every node for a grouping of the nodes
    (country, kind, sector ...), with the expected counts, standard deviations and z-scores that R's
    ``sna::brokerage`` reports (identical to it). A node b brokers each open two-path a -> b -> c
    (no arc a -> c) as coordinator (a, b, c in one group), itinerant (a and c together, b apart),
    representative (b with a), gatekeeper (b with c) or liaison (all apart). Parallel arcs count
    once and self-loops are ignored. An undirected graph is read as symmetric (every edge an arc
    both ways), as sna reads a symmetric sociomatrix. ``groups``: one value per node, or a Series
    indexed by node id.

    Time O(sum over brokers b of in(b) x out(b)), the two-paths through b, in parallel; memory O(n + m).
    """
    codes, names = _groups(graph, groups)
    r = _core.brokerage(core_graph(graph), codes)
    index = pd.Index(graph.nodes, name="id")

    def frame(values, idx):
        return pd.DataFrame(values, index=idx, columns=ROLES)

    network = pd.DataFrame([r["global_raw"], r["global_expected"], r["global_sd"], r["global_z"]],
                           index=["raw", "expected", "sd", "z"], columns=ROLES)
    group_index = pd.MultiIndex.from_product([names, ["expected", "sd"]], names=["group", "statistic"])
    both = np.empty((2 * len(names), 6))
    both[0::2] = r["group_expected"]
    both[1::2] = r["group_sd"]
    return Brokerage(raw=frame(r["raw"], index), expected=frame(r["expected"], index), sd=frame(r["sd"], index),
                     z=frame(r["z"], index), network=network,
                     groups=pd.DataFrame(both, index=group_index, columns=ROLES))


def _mode_mask(graph: Graph, onto) -> np.ndarray:
    mask = np.asarray(_by_node(onto, graph, "onto"))
    if mask.ndim != 1 or len(mask) != graph.num_nodes:
        raise ValueError(f"onto must have one value per node ({graph.num_nodes}), got shape {mask.shape}")
    if mask.dtype != bool:
        raise ValueError("onto must be booleans (True for the nodes to keep)")
    return mask


def project(graph: Graph, onto, *, weight: str = "none") -> Graph:
    """Projects a two-mode network (actors x events, actors x organisations) onto the nodes where
    ``onto`` is True: two of them are tied when they share a neighbour of the other mode.

    ``weight``: "none" (a plain tie, networkx's ``bipartite.projected_graph``), "count" (the number
    of shared neighbours, ``weighted_projected_graph``) or "newman" (Newman's 2001 collaboration
    weights, sum of 1 / (deg(k) - 1) over shared k, ``collaboration_weighted_projected_graph``).
    Ties within one mode are ignored, a directed graph is read as undirected and parallel edges
    count once. The result is an undirected graph on the kept nodes (same ids, same order).

    >>> kinds = net.actors.set_index("id")["kind"]
    >>> g = net.graph(relations=["participated_in", "organized"], directed=False)
    >>> co = essnet.project(g, kinds.reindex(g.nodes) != "event", weight="count")

    Time O(sum over nodes k of the other mode of deg(k)^2), in parallel; memory O(size of the
    projection).
    """
    mask = _mode_mask(graph, onto)
    nodes, s, t, w = _core.project(core_graph(graph), mask.astype(np.uint8).tolist(), weight)
    names = graph.nodes
    return Graph.from_edges(s, t, None if weight == "none" else w, num_nodes=len(nodes),
                            nodes=[str(names[i]) for i in nodes])


def two_mode_density(graph: Graph, onto) -> float:
    """Density of a two-mode network: the pairs of one node of each mode that are tied (either way,
    any number of times) over ``|A| x |B|``, where ``onto`` marks the nodes of mode A (booleans, one
    per node or a Series by node id); 0 when a mode is empty.

    Time and memory O(n + m).
    """
    mask = _mode_mask(graph, onto)
    return _core.two_mode_density(core_graph(graph), mask.astype(np.uint8).tolist())


def _node_index(graph: Graph, node) -> int:
    """Position of the node with id ``node`` in graph.nodes."""
    nodes = graph.nodes
    try:
        return nodes.index(node)
    except ValueError:
        raise ValueError(f"node {node!r} is not in the graph") from None


def ego_graph(graph: Graph, node, *, radius: int = 1, direction: str = "all", center: bool = True) -> Graph:
    """The ego network of ``node`` (an id of ``graph.nodes``): the subgraph induced by it and every
    node within ``radius`` steps, as networkx's ``ego_graph``. ``direction`` ("all", "out" or "in")
    says which arcs of a directed graph lead to alters; "all" is networkx's ``undirected=True``
    (networkx's default follows arcs out). ``center=False`` leaves the ego out. Nodes keep their ids
    (an unnamed graph's node numbers become their decimal strings), in the parent's order; edges keep
    their weights and rows.

    Time O(size of the ego network's ties).
    """
    ego = _node_index(graph, node)
    return Graph(_core.ego_graph(core_graph(graph), ego, _int32(radius, "radius"), direction, center), graph.network)


def ego_measures(graph: Graph, groups=None, *, direction: str = "all", use_weights: bool = True) -> pd.DataFrame:
    """Ego-network measures of every node (radius 1), as a DataFrame indexed by node id:

    - ``size``: alters (nodes tied to the ego along ``direction``: "all", "out" or "in");
    - ``pairs``: pairs of alters (ordered pairs when directed); ``ties``: those tied (j -> k when
      directed); ``density``: ties / pairs (NaN with fewer than two alters);
    - ``brokerage``: pairs of alters not tied to each other (UCINET's "Broker"), and
      ``normalized_brokerage`` = brokerage / pairs;
    - ``ego_betweenness``: the ego's betweenness inside its ego network (Everett & Borgatti 2005);
    - ``effective_size`` and ``efficiency``: Burt's, as :func:`structural_holes` (``use_weights``);
    - with ``groups`` (one value per node, or a Series indexed by node id): one column per group,
      ``alters[<group>]``, the alters in it; ``heterogeneity``, Blau's index 1 - sum of squared
      shares; and ``same_group``, the share of alters in the ego's own group.

    Ties count once however many parallel edges carry them; self-loops are ignored.

    Time O(sum over egos of size x ties of the ego network), in parallel; memory O(n) per thread.
    """
    codes, names = ([], []) if groups is None else _groups(graph, groups)
    r = _core.ego_measures(core_graph(graph), codes, direction, use_weights)
    pairs = r["pairs"]
    with np.errstate(invalid="ignore", divide="ignore"):
        normalized = np.where(pairs > 0, r["brokerage"] / np.maximum(pairs, 1), np.nan)
    frame = graph.frame(size=r["size"], pairs=pairs, ties=r["ties"], density=r["density"], brokerage=r["brokerage"],
                        normalized_brokerage=normalized, ego_betweenness=r["ego_betweenness"],
                        effective_size=r["effective_size"], efficiency=r["efficiency"])
    if groups is not None:
        counts = r["composition"]
        for c, name in enumerate(names):
            frame[f"alters[{name}]"] = counts[:, c]
        size = r["size"].astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            shares = counts / size[:, None]
            frame["heterogeneity"] = np.where(size > 0, 1 - (shares ** 2).sum(axis=1), np.nan)
            if graph.num_nodes:
                own = counts[np.arange(graph.num_nodes), np.asarray(codes, dtype=np.int64)]
            else:
                own = np.zeros(0)
            frame["same_group"] = np.where(size > 0, own / size, np.nan)
    return frame


def structural_equivalence(graph: Graph, method: str = "hamming", *, use_weights: bool = True) -> pd.DataFrame:
    """How alike the ties of every pair of nodes are (Lorrain & White 1971), as R sna's ``sedist``.

    A node's profile is its row of the adjacency matrix followed by its column (its ties out, then
    in; the same twice when undirected). For nodes i and j the entries at positions i and j are left
    out, as sna does with ``diag=FALSE``, so each comparison covers 2 (n - 2) entries.

    Parameters
    ----------
    graph : Graph
    method : {"hamming", "euclidean", "correlation"}, default "hamming"
        Sum of absolute differences (the number of differing ties when unweighted), the root of the
        sum of squared differences, or the Pearson correlation of the profiles (a similarity: 1 for
        structurally equivalent nodes; 0 where a profile is constant, as in sna).
    use_weights : bool, default True
        Tie weights as the entries (parallel ties summed); when False every tie counts 1.

    Returns
    -------
    DataFrame
        n x n, indexed by node id on both axes.

    Notes
    -----
    O(sum over nodes of d^2 + n^2) time, in parallel; O(n^2) memory.
    """
    d = _core.structural_equivalence(core_graph(graph), method, use_weights)
    nodes = list(graph.nodes)
    return pd.DataFrame(d, index=nodes, columns=nodes)


@dataclass(frozen=True)
class EquivalenceClusters:
    """A hierarchical clustering of the nodes (see :func:`equivalence_clusters`).

    ``linkage`` is SciPy's linkage matrix (n - 1 rows: cluster a, cluster b, height, size; clusters
    0..n-1 are the nodes in ``nodes`` order, cluster n + t the one made by row t), so that
    ``scipy.cluster.hierarchy.dendrogram(c.linkage, labels=c.nodes)`` draws the tree.
    """

    linkage: np.ndarray
    nodes: list
    method: str
    linkage_method: str

    @property
    def heights(self) -> np.ndarray:
        """The height of each merge, in order."""
        return self.linkage[:, 2]

    def membership(self, k: int) -> pd.Series:
        """The k clusters left before the last k - 1 merges, numbered 0, 1, ... in order of their
        first node (as R's ``cutree``, which numbers from 1), as a Series by node id."""
        n = len(self.nodes)
        labels = _core.cut_clusters(self.linkage, n, _int32(k, "k"))
        return pd.Series(labels, index=self.nodes, name="cluster")


def equivalence_clusters(graph: Graph, method: str = "hamming", *, linkage: str = "complete",
                         use_weights: bool = True) -> EquivalenceClusters:
    """Hierarchical clustering of the nodes by structural equivalence, as R sna's ``equiv.clust``.

    The distances are those of :func:`structural_equivalence`, with 1 - r for the correlation method
    (sna clusters -r: the same tree, with heights 1 lower). Agglomeration by the stored
    nearest-neighbour algorithm of R's ``hclust`` (Murtagh 1985) gives its merges and heights, ties
    included.

    Parameters
    ----------
    graph : Graph
    method : {"hamming", "euclidean", "correlation"}, default "hamming"
    linkage : {"complete", "average", "single"}, default "complete"
        The distance between clusters: their farthest pair (hclust's and sna's default), the mean
        over their pairs (UPGMA), or their closest pair.
    use_weights : bool, default True

    Returns
    -------
    EquivalenceClusters
        ``.membership(k)`` cuts the tree into k clusters; ``.linkage`` feeds SciPy.

    Notes
    -----
    O(n^2) time for most inputs (O(n^3) at worst) and O(n^2) memory after the distances.
    """
    z = _core.equivalence_clustering(core_graph(graph), method, linkage, use_weights)
    return EquivalenceClusters(z, list(graph.nodes), method, linkage)


def concor(graph: Graph, splits: int = 1, *, cutoff: float = 0.999, max_iterations: int = 25,
           use_weights: bool = True) -> pd.Series:
    """CONCOR (Breiger, Boorman & Arabie 1975): blocks of structurally similar nodes by iterated
    correlation.

    The columns of the adjacency matrix stacked on its transpose (each node's ties in, then out) are
    correlated, and the correlation matrix correlated again until every entry is beyond
    +-``cutoff`` (or ``max_iterations`` correlations); the nodes fall into two blocks by the sign of
    their correlation with the first node. Each of ``splits`` rounds splits every block of two or
    more nodes again, on its own columns, as the concoR package for R does.

    Returns
    -------
    Series
        The block of each node (at most 2^splits blocks), numbered 0, 1, ... in order of each
        block's first node, indexed by node id.

    Notes
    -----
    O(splits iterations n^3) time, O(n^2) memory. A node without ties correlates 0 with the others.
    ValueError for splits < 0, cutoff outside (0, 1) or max_iterations < 1.
    """
    try:
        cutoff = float(cutoff)
    except (TypeError, ValueError):
        raise TypeError(f"cutoff must be a number in (0, 1), got {cutoff!r}") from None
    blocks = _core.concor(core_graph(graph), _int32(splits, "splits"), cutoff,
                          _int32(max_iterations, "max_iterations"), use_weights)
    return pd.Series(blocks, index=list(graph.nodes), name="block")


@dataclass(frozen=True)
class Blockmodel:
    """A blockmodel (see :func:`blockmodel`): ``membership`` (the block of each node, a Series by
    node id), ``image`` (a DataFrame of block contents, rows from, columns to, indexed by block) and
    ``content`` (what the image holds)."""

    membership: pd.Series
    image: pd.DataFrame
    content: str

    def __repr__(self) -> str:
        return f"<essnet.Blockmodel {len(self.image)} blocks, {self.content}>"

    def _repr_html_(self) -> str:
        return f"<p>Blockmodel: {len(self.image)} blocks, {self.content}</p>" + self.image.to_html(
            float_format=lambda v: f"{v:.3g}")


def blockmodel(graph: Graph, membership, *, content: str = "density", use_weights: bool = True) -> Blockmodel:
    """The image of a blockmodel, as R sna's ``blockmodel`` with ``diag=FALSE``.

    For blocks r and s, what the cells (u, v) of the adjacency matrix with u in r, v in s and u != v
    hold: ``"density"`` their mean (the share of possible ties present when unweighted), ``"sum"``,
    ``"mean_row_sum"`` (the mean over u of its row sum; sna's ``meanrowsum``),
    ``"mean_column_sum"``, ``"min"``, ``"max"`` or ``"median"``. A one-node block has no cell
    with itself: NaN there, or 0 for the sums (as in sna; sna gives Inf and -Inf for min and max).

    Parameters
    ----------
    graph : Graph
    membership : array, pandas Series by node id, or EquivalenceClusters-style labels
        The block of each node (any values; blocks are ordered by sorted label), say
        ``equivalence_clusters(g).membership(4)`` or ``concor(g, 2)``.
    content : str, default "density"
    use_weights : bool, default True
        Tie weights as the cells (parallel ties summed); when False every tie counts 1.

    Notes
    -----
    O(n + m + blocks^2) time; O(n^2) for "min", "max" and "median".
    """
    codes, names = _groups(graph, membership, "membership")
    image = _core.blockmodel_image(core_graph(graph), codes, content, use_weights)
    return Blockmodel(pd.Series(np.asarray(names, dtype=object)[codes] if codes else [], index=list(graph.nodes),
                                name="block"),
                      pd.DataFrame(image, index=names, columns=names), content)


_KEY_PLAYER_MEASURES = ("fragmentation", "distance_fragmentation", "reach", "distance_reach")


@dataclass(frozen=True)
class KeyPlayers:
    """A key-player set (see :func:`key_players`): ``players`` (node ids), ``score`` and ``measure``."""

    players: list
    score: float
    measure: str


def key_players(graph: Graph, k: int, *, measure: str = "distance_fragmentation", steps: int = 1,
                restarts: int = 10, seed: int = 0, progress=False) -> KeyPlayers:
    """The k actors that matter most as a set (Borgatti 2006): whose removal most fragments the
    network (KPP-Neg), or who reach most of it (KPP-Pos).

    Ties count in either direction and once; weights and self-ties are ignored. With r the nodes
    left after removing the set and n - k the nodes outside it, ``measure`` is one of:

    - ``"fragmentation"``: the share of pairs of remaining nodes that can no longer reach each other
      (Borgatti's F: 1 - sum of s (s - 1) over the components left, over r (r - 1));
    - ``"distance_fragmentation"``: 1 - the mean of 1 / distance over the ordered pairs of
      remaining nodes (D_F; unreachable pairs add 0), which also rewards lengthening paths;
    - ``"reach"``: the share of the other nodes within ``steps`` ties of a member (m-reach);
    - ``"distance_reach"``: the mean over the other nodes of 1 / (distance to the nearest
      member) (D_R).

    Parameters
    ----------
    graph : Graph
    k : int
        The size of the set.
    measure : str, default "distance_fragmentation"
    steps : int, default 1
        m of ``"reach"``.
    restarts : int, default 10
        Local searches: the first from the greedy set (one best node at a time), the others from
        random sets; each swaps a member for an outsider while that raises the score. The best set
        found wins. They run in parallel.
    seed : int, default 0
        The same seed gives the same set on any number of threads.
    progress : bool or callable, default False

    Returns
    -------
    KeyPlayers

    Notes
    -----
    A heuristic, as Borgatti's KeyPlayer program is; the tests check it against every k-subset on
    small graphs. O(restarts x rounds x k (n - k)) scores, each O(n + m), or O(n (n + m)) for
    ``"distance_fragmentation"``: use ``"fragmentation"`` on large graphs. ValueError for k outside
    0..n, restarts < 1 or steps < 1.
    """
    if measure not in _KEY_PLAYER_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(_KEY_PLAYER_MEASURES)}, got {measure!r}")
    players, score = _run(_core.key_players, "key_players", progress, core_graph(graph), _int32(k, "k"), measure,
                          _int32(steps, "steps"), _int32(restarts, "restarts"), _seed(seed))
    nodes = list(graph.nodes)
    return KeyPlayers([nodes[i] for i in players], score, measure)


def key_player_score(graph: Graph, players, *, measure: str = "distance_fragmentation", steps: int = 1) -> float:
    """The score of a given set of node ids by ``measure`` (see :func:`key_players`).

    O(n + m), or O(n (n + m)) for ``"distance_fragmentation"``. ValueError for an unknown node or a
    node given twice.
    """
    if measure not in _KEY_PLAYER_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(_KEY_PLAYER_MEASURES)}, got {measure!r}")
    numbers = _node_numbers_of(list(players), graph, "players")
    if len(set(numbers)) != len(numbers):
        raise ValueError("players: a node is given twice")
    return _core.key_player_score(core_graph(graph), numbers, measure, _int32(steps, "steps"))
