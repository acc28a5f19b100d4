"""Community detection: Leiden, Louvain, label propagation and consensus over many seeds."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from .. import _core, _display
from .._args import _by_node, _int32, _run, _seed
from .._graph import Graph, core_graph
from .._warnings import ConvergenceWarning

__all__ = ["Partition", "Consensus", "leiden", "leiden_multiplex", "louvain", "label_propagation", "consensus"]


@dataclass(repr=False)
class Partition:
    """A partition of a graph's nodes into communities.

    ``membership`` (int32, aligned with ``graph.nodes``) numbers the communities 0..k-1 in order of
    their first node; ``quality`` is the value of the function the algorithm optimised (modularity or
    CPM) on the input graph; ``n_communities`` is k. ``levels`` (Louvain only) holds the partition
    after each aggregation level, finest first. ``iterations`` and ``converged`` (label propagation
    only; None otherwise): the sweeps run and whether the labelling became stable within
    ``max_iterations``.
    """

    membership: np.ndarray
    quality: float
    n_communities: int
    graph: Graph | None = None
    levels: list[Partition] = field(default_factory=list)
    iterations: int | None = None
    converged: bool | None = None

    @property
    def sizes(self) -> np.ndarray:
        """Number of nodes in each community (int64)."""
        return np.bincount(self.membership, minlength=self.n_communities).astype(np.int64)

    def communities(self) -> list[list]:
        """The node ids of each community, as lists, in community order."""
        nodes = self.graph.nodes if self.graph is not None else list(range(len(self.membership)))
        out: list[list] = [[] for _ in range(self.n_communities)]
        for node, c in zip(nodes, self.membership):
            out[c].append(node)
        return out

    def frame(self):
        """A pandas DataFrame indexed by node id with a ``community`` column."""
        if self.graph is None:
            raise ValueError("this partition was made without a graph; use .membership")
        return self.graph.frame(community=self.membership)

    def __len__(self) -> int:
        return self.n_communities

    def __repr__(self) -> str:
        return f"<essnet.Partition {self.n_communities} communities, quality {self.quality:.6g}>"

    def _members(self, community_order, per_community: int = 3) -> list[str]:
        """The first few members of each community, by name when the graph knows its actors."""
        membership = np.asarray(self.membership)
        out = []
        for c in community_order:
            nodes = np.flatnonzero(membership == c)[:per_community].tolist()
            names = self.graph._display_names(nodes) if self.graph is not None else [str(v) for v in nodes]
            more = self.sizes[c] > len(nodes)
            out.append(", ".join(names) + (", ..." if more else ""))
        return out

    def _repr_html_(self) -> str:
        """Communities by size with their first members, and the quality; bounded in size."""
        sizes = self.sizes
        n = int(sizes.sum())
        order = np.argsort(-sizes, kind="stable")[: _display.ROWS]
        rows = [[int(c), int(sizes[c]), float(sizes[c] / n), members]
                for c, members in zip(order, self._members(order))]
        facts = [("communities", self.n_communities), ("quality", float(self.quality)), ("nodes", n),
                 ("largest community", f"{sizes.max() / n:.1%} of the nodes" if n else "none"),
                 ("single-node communities", int(np.count_nonzero(sizes == 1)))]
        table = _display.table("communities by size", ["community", "nodes", "share", "members"], rows,
                               total=self.n_communities)
        return _display.summary(repr(self), facts, [table])


def _partition(t, graph: Graph) -> Partition:
    membership, quality, k = t
    return Partition(membership=membership, quality=quality, n_communities=k, graph=graph)


def _membership_argument(values, graph: Graph, parameter: str) -> list[int]:
    if values is None:
        return []
    a = np.asarray(_by_node(getattr(values, "membership", values), graph, parameter))
    if a.ndim != 1 or len(a) != graph.num_nodes:
        raise ValueError(f"{parameter} must have one label per node ({graph.num_nodes}), got shape {a.shape}")
    if a.size and not np.issubdtype(a.dtype, np.integer):
        if not np.issubdtype(a.dtype, np.floating) or not np.all(np.equal(np.mod(a, 1), 0)):
            raise ValueError(f"{parameter} must hold integer labels")
    if a.size and (a.min() < 0 or a.max() > np.iinfo(np.int32).max):
        raise ValueError(f"{parameter} labels must be non-negative 32-bit integers")
    return a.astype(np.int32).tolist()


def leiden(graph: Graph, *, objective: str = "modularity", resolution: float = 1.0, n_iterations: int = 2,
           initial_membership=None, seed: int = 0, use_weights: bool = True, randomness: float = 0.01,
           progress=False) -> Partition:
    """Leiden community detection (Traag, Waltman & van Eck 2019, Scientific Reports 9:5233).

    Fast local moving, randomised refinement, aggregation on the refined partition; every community
    it returns is connected. Same defaults as igraph's ``community_leiden`` and leidenalg's
    ``find_partition`` except that the objective is modularity, as networkx's ``louvain_communities``.

    Parameters
    ----------
    objective : "modularity" or "cpm"
        Modularity (weighted; Leicht & Newman's directed modularity for a directed graph) or the
        Constant Potts Model (arcs inside minus ``resolution`` times node pairs), as leidenalg's
        ``ModularityVertexPartition`` / ``CPMVertexPartition``.
    resolution : float, default 1
        gamma: above 1 favours smaller communities (modularity); the density threshold (CPM).
    n_iterations : int, default 2
        Rounds of the whole algorithm; negative: until a round changes nothing.
    initial_membership : array of int, optional
        Start from this partition (one label per node) instead of singletons.
    seed : int, default 0
        The same seed gives the same partition on any machine and thread count.
    use_weights : bool, default True
        Use the graph's edge weights (non-negative); when False every edge counts 1.
    randomness : float, default 0.01
        theta, how random the refinement's merges are: 0.01 as in Traag et al. (2019) and igraph's
        beta; small values approach leidenalg's greedy merges. Gains are measured in edge weight
        (an unweighted edge counts 1), so theta goes with the scale of the weights, as igraph's beta.
    progress : bool or callable
        Show a progress bar (True) or call progress(share_done) between rounds.

    Notes
    -----
    Time near O(m) per round in practice (local moving over shrinking aggregate graphs; no tighter
    worst-case bound is known); memory O(n + m).
    """
    init = _membership_argument(initial_membership, graph, "initial_membership")
    return _partition(_run(_core.leiden, "leiden", progress, core_graph(graph), objective, resolution,
                           _int32(n_iterations, "n_iterations"), init, _seed(seed), use_weights, randomness), graph)


def leiden_multiplex(layers, layer_weights=None, *, objective: str = "modularity", resolution: float = 1.0,
                     n_iterations: int = 2, initial_membership=None, seed: int = 0, use_weights: bool = True,
                     randomness: float = 0.01, progress=False) -> Partition:
    """Leiden on a multiplex network: one partition of the nodes shared by several layers (say, one
    graph per relation, from :meth:`ActorNetwork.graphs_by_relation`), maximising the weighted sum
    of each layer's quality, as leidenalg's ``Optimiser.optimise_partition_multiplex``.

    ``layers``: a list of graphs on the same nodes with the same direction, or a dict
    ``{name: graph}``. ``layer_weights``: one weight per layer (a list, or a dict by name), 1 for
    every layer by default; a negative weight makes a layer's ties push communities apart. The
    result's ``quality`` is the weighted sum of the layers' qualities; its communities are connected
    in the union of the layers. Other parameters as :func:`leiden`.

    Time and memory as :func:`leiden` on the union of the layers.
    """
    if isinstance(layers, dict):
        names = list(layers)
        layers = [layers[k] for k in names]
        if isinstance(layer_weights, dict):
            unknown = set(layer_weights) - set(names)
            if unknown:
                raise ValueError(f"layer_weights names unknown layers: {sorted(unknown)}")
            layer_weights = [layer_weights.get(k, 1.0) for k in names]
    elif isinstance(layer_weights, dict):
        raise TypeError("layer_weights can name layers only when layers is a dict; give a list of weights")
    layers = list(layers)
    if not layers:
        raise ValueError("layers must hold at least one graph")
    if layer_weights is None:
        layer_weights = [1.0] * len(layers)
    init = _membership_argument(initial_membership, layers[0], "initial_membership")
    t = _run(_core.leiden_multiplex, "leiden", progress, [core_graph(g) for g in layers],
             [float(w) for w in layer_weights], objective, resolution, _int32(n_iterations, "n_iterations"), init,
             _seed(seed), use_weights, randomness)
    return _partition(t, layers[0])


def louvain(graph: Graph, *, objective: str = "modularity", resolution: float = 1.0, seed: int = 0,
            use_weights: bool = True) -> Partition:
    """Louvain community detection (Blondel et al. 2008), as networkx's ``louvain_communities`` and
    igraph's ``community_multilevel``. The result's ``levels`` list the partition after each
    aggregation level (networkx's ``louvain_partitions``). Communities may be disconnected; Leiden
    repairs that. Parameters as :func:`leiden`.

    Time near O(m log n) in practice (Blondel et al.); memory O(n + m).
    """
    best, levels = _core.louvain(core_graph(graph), objective, resolution, _seed(seed), use_weights)
    p = _partition(best, graph)
    p.levels = [_partition(level, graph) for level in levels]
    return p


def label_propagation(graph: Graph, *, seed: int = 0, use_weights: bool = True,
                      max_iterations: int = 1000) -> Partition:
    """Asynchronous label propagation (Raghavan, Albert & Kumara 2007), as networkx's
    ``asyn_lpa_communities``: each node takes the label heaviest among its neighbours, in random
    order, until every node holds one of its neighbourhood's heaviest labels. Arcs count both ways
    (a directed graph is treated as undirected); self-loops are ignored, where networkx counts them.
    Weight sums within a relative 1e-10 count as tied. ``quality`` is the result's modularity;
    ``iterations`` counts the sweeps, and a labelling still unstable after ``max_iterations`` sweeps
    has ``converged`` False and raises :class:`essnet.ConvergenceWarning`.

    Time O(m) per sweep, a handful of sweeps in practice; memory O(n + m).
    """
    t, iterations, converged = _core.label_propagation(core_graph(graph), _seed(seed), use_weights,
                                                       _int32(max_iterations, "max_iterations"))
    p = _partition(t, graph)
    p.iterations, p.converged = iterations, converged
    if not converged:
        warnings.warn(f"label_propagation did not converge: the labelling was still changing after {iterations} "
                      "sweeps; raise max_iterations", ConvergenceWarning, stacklevel=2)
    return p


@dataclass(repr=False)
class Consensus:
    """The result of :func:`consensus`.

    ``partition``: the consensus partition. ``co_assignment``: per edge (aligned with
    ``graph.edges``), the share of runs that put its two ends in one community. ``stability``: per
    node (aligned with ``graph.nodes``), the share of runs in which the node sat with the bulk of its
    consensus community. ``iterations`` and ``converged``: how many consensus rounds ran and whether
    the last runs all agreed.
    """

    partition: Partition
    co_assignment: np.ndarray
    stability: np.ndarray
    iterations: int
    converged: bool
    graph: Graph

    def frame(self):
        """Per node: consensus community and stability, as a pandas DataFrame indexed by node id."""
        return self.graph.frame(community=self.partition.membership, stability=self.stability)

    def edge_frame(self):
        """Per edge: source and target ids and co-assignment share, as a pandas DataFrame."""
        import pandas as pd

        sources, targets = self.graph.edges
        nodes = np.asarray(self.graph.nodes, dtype=object)
        return pd.DataFrame({"source": nodes[sources], "target": nodes[targets], "co_assignment": self.co_assignment})

    def __repr__(self) -> str:
        return (f"<essnet.Consensus {self.partition.n_communities} communities, {self.iterations} rounds, "
                f"converged={self.converged}>")

    def _repr_html_(self) -> str:
        """The blocs with their mean stability, and the least stable actors; bounded in size."""
        p = self.partition
        sizes = p.sizes
        membership = np.asarray(p.membership)
        stability = np.asarray(self.stability, dtype=float)
        mean = np.bincount(membership, weights=stability, minlength=p.n_communities) / np.maximum(sizes, 1)
        order = np.argsort(-sizes, kind="stable")[: _display.ROWS]
        rows = [[int(c), int(sizes[c]), float(mean[c]), members]
                for c, members in zip(order, p._members(order))]
        shaky = np.argsort(stability, kind="stable")[: _display.ROWS]
        names = self.graph._display_names(shaky)
        facts = [("communities", p.n_communities), ("modularity or quality", float(p.quality)),
                 ("rounds", self.iterations), ("converged", bool(self.converged)),
                 ("mean stability", float(stability.mean()) if stability.size else float("nan")),
                 ("actors with stability below 0.5", int(np.count_nonzero(stability < 0.5)))]
        tables = [_display.table("blocs by size", ["community", "nodes", "mean stability", "members"], rows,
                                 total=p.n_communities),
                  _display.table("least stable actors", ["node", "community", "stability"],
                                 [[name, int(membership[i]), float(stability[i])] for name, i in zip(names, shaky)],
                                 total=len(stability))]
        return _display.summary(repr(self), facts, tables)


def consensus(graph: Graph, *, algorithm: str = "leiden", runs: int = 100, threshold: float = 0.5,
              max_iterations: int = 10, objective: str = "modularity", resolution: float = 1.0,
              use_weights: bool = True, seed: int = 0, progress=False) -> Consensus:
    """Consensus clustering (Lancichinetti & Fortunato 2012, Scientific Reports 2:336) over ``runs``
    seeded runs of ``algorithm`` ("leiden", "louvain" or "label_propagation"), run in parallel.

    Each pair of nodes joined by an edge (either way, any number of times) is weighted by the share
    of runs that put them together; weights below ``threshold`` are dropped and the algorithm runs
    again on that weighted, undirected graph until all runs agree or ``max_iterations`` rounds have run.
    Each node's stability says how often it stayed with its bloc: "this bloc is robust, these three
    actors are not". Same seed, same result on any thread count.

    Time: ``runs`` runs of the algorithm per round (in parallel) plus O(runs x m) for the
    co-assignment; memory O(runs x n + m).
    """
    best, co, stability, iterations, converged = _run(
        _core.consensus, "consensus", progress, core_graph(graph), algorithm, _int32(runs, "runs"), threshold,
        _int32(max_iterations, "max_iterations"), objective, resolution, use_weights, _seed(seed))
    return Consensus(partition=_partition(best, graph), co_assignment=co, stability=stability, iterations=iterations,
                     converged=converged, graph=graph)
