"""Inference for networks: QAP correlation and regression (Krackhardt 1987; Dekker, Krackhardt &
Snijders 2007), with the null hypotheses of R's sna, and dyadic predictors made from actor attributes;
conditional uniform graph tests (Anderson, Butts & Carley 1999); permutation tests of node labels;
bootstrap and jackknife standard errors of graph-level statistics (Snijders & Borgatti 1999).

The QAP functions take dyadic data as an essnet :class:`Graph` (its adjacency matrix: the summed
weights of the ties from row to column), a pandas DataFrame indexed by actor on both axes, or a
square numpy array. The actors are those of the first Graph or DataFrame given, in its order; the
others are aligned to them by id.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _core, centrality, community, paths, sna
from ._args import _by_node, _integer, _progress, _run, _seed
from ._graph import Graph, core_graph
from ._warnings import ConvergenceWarning

_COLUMNS = ["estimate", "std_error", "t_value", "p_lower", "p_upper", "p_two_sided"]


def _actors(values):
    """The actor ids of a labelled input, or None for a plain array."""
    if isinstance(values, Graph):
        return list(values.nodes)
    if isinstance(values, pd.DataFrame):
        return list(values.index)
    return None


def _matrix(values, actors, name: str) -> np.ndarray:
    """`values` as an (n, n) float64 array over `actors` (or of the size of the first array)."""
    if isinstance(values, Graph):
        dense = values.to_scipy().toarray()
        if actors is None:
            return dense
        index = {v: i for i, v in enumerate(values.nodes)}
        missing = next((a for a in actors if a not in index), None)
        if missing is not None:
            raise ValueError(f"{name}: actor {missing!r} is not a node of the graph")
        order = np.array([index[a] for a in actors], dtype=np.int64)
        return dense[np.ix_(order, order)]
    if isinstance(values, pd.DataFrame):
        if actors is None:
            actors = list(values.index)
        for axis, labels in (("rows", values.index), ("columns", values.columns)):
            have = set(labels)
            missing = next((a for a in actors if a not in have), None)
            if missing is not None:
                raise ValueError(f"{name}: actor {missing!r} is not among the {axis}")
        try:
            return values.loc[actors, actors].to_numpy(dtype=np.float64)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{name}: values must be numbers ({error})") from None
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name}: expected a Graph, a DataFrame or a square array of numbers ({error})") from None
    if array.ndim != 2 or array.shape[0] != array.shape[1]:
        raise ValueError(f"{name}: expected a square matrix, got shape {array.shape}")
    if actors is not None and array.shape[0] != len(actors):
        raise ValueError(f"{name}: a {array.shape[0]} x {array.shape[0]} array for {len(actors)} actors")
    return array


def _direction(directed, inputs) -> bool:
    """The given direction, or that of the graphs among the inputs (directed when none is a Graph)."""
    if directed is not None:
        return bool(directed)
    graphs = [v for v in inputs if isinstance(v, Graph)]
    return any(g.directed for g in graphs) if graphs else True


@dataclass(frozen=True)
class QapCorrelation:
    """A graph correlation and its QAP p-values (see :func:`qap_correlation`)."""

    estimate: float
    p_lower: float
    p_upper: float
    p_two_sided: float
    permutations: int
    exact: bool


@dataclass(frozen=True)
class QapRegression:
    """A QAP regression (see :func:`qap_regression`). The fit statistics of the other family are None."""

    coefficients: pd.DataFrame
    family: str
    r_squared: float | None
    adjusted_r_squared: float | None
    residual_std_error: float | None
    deviance: float | None
    aic: float | None
    bic: float | None
    dyads: int
    residual_degrees_of_freedom: int
    null: str
    permutations: int
    exact: bool

    def _repr_html_(self) -> str:
        fit = (f"R&sup2; {self.r_squared:.4f}, adjusted {self.adjusted_r_squared:.4f}" if self.family == "linear"
               else f"deviance {self.deviance:.4f}, AIC {self.aic:.4f}")
        head = (f"<p>QAP {self.family} regression ({self.null}, {self.permutations} permutations"
                f"{', exact' if self.exact else ''}): {self.dyads} dyads, {fit}</p>")
        return head + self.coefficients.to_html(float_format=lambda v: f"{v:.4g}")


def qap_correlation(a, b, *, directed: bool | None = None, permutations: int = 1000, seed: int = 0,
                    progress=False) -> QapCorrelation:
    """Graph correlation with its QAP test (Krackhardt 1987), as R sna's ``gcor`` and ``qaptest``.

    The Pearson correlation of the two matrices over the dyads (every ordered pair of distinct
    actors when directed, each pair once when not), and the shares of correlations at most
    (``p_lower``), at least (``p_upper``) and at least as large in absolute value (``p_two_sided``)
    when the rows and columns of ``b`` are relabelled by a random permutation of the actors.

    Parameters
    ----------
    a, b : Graph, DataFrame or (n, n) array
        Dyadic data on the same actors (see the module notes).
    directed : bool, optional
        Every ordered pair (R's ``mode="digraph"``) or each pair once (``"graph"``, symmetric
        matrices only); by default directed unless every Graph given is undirected.
    permutations : int, default 1000
        Random relabellings; when at least n!, every permutation is taken once and the p-values
        are exact (``exact`` is then True).
    seed : int, default 0
        The same seed gives the same p-values on any number of threads.
    progress : bool or callable, default False
        True shows a tqdm bar; a callable receives the share of work done.

    Notes
    -----
    O(permutations n^2) time. ValueError for actors missing from an input (the first named), a
    matrix of the wrong shape, values not finite off the diagonal, an asymmetric matrix when
    undirected, or a matrix constant over the dyads.
    """
    actors = _actors(a) or _actors(b)
    ma, mb = _matrix(a, actors, "a"), _matrix(b, actors, "b")
    if mb.shape != ma.shape:
        raise ValueError(f"b: a {mb.shape[0]} x {mb.shape[0]} matrix for {ma.shape[0]} actors")
    values = _run(_core.qap_correlation, "qap_correlation", progress, ma, mb, _direction(directed, (a, b)),
                  _integer(permutations, "permutations", 1, 2 ** 62), _seed(seed))
    return QapCorrelation(*values)


def qap_regression(y, x, *, names=None, family: str = "linear", null: str = "qapspp", intercept: bool = True,
                   directed: bool | None = None, permutations: int = 1000, seed: int = 0,
                   progress=False) -> QapRegression:
    """QAP regression, as R sna's ``netlm`` (t-values) and ``netlogit`` (z-values).

    Least squares, or logistic regression for a y of 0 and 1, of the dyads of ``y`` on the dyads of
    each predictor (after an intercept), with, for each term, the p-values of its t-value (z-value
    for the logistic family) under ``null``:

    - ``"classical"``: Student's t with dyads - terms degrees of freedom (for the logistic family
      too, as sna does);
    - ``"qapy"``: the rows and columns of y relabelled together (Krackhardt 1988);
    - ``"qapx"``: the term's own matrix relabelled, the other terms held;
    - ``"qapspp"`` (sna's default ``"qap"``): Dekker, Krackhardt & Snijders' (2007)
      semi-partialling: the term's residual from the regression on the other terms is relabelled
      and put in its place, which keeps the test right when predictors are correlated. With a single
      term it is ``"qapy"``, as in sna.

    Parameters
    ----------
    y : Graph, DataFrame or (n, n) array
        The dyadic outcome.
    x : a Graph, DataFrame or array, or a list of them
        The predictors, on the same actors (see :func:`dyadic` for predictors made from attributes).
    names : list of str, optional
        A name per predictor; ``x1, x2, ...`` by default (the index of ``coefficients``).
    family : {"linear", "logistic"}, default "linear"
        Least squares, or logistic regression fitted as R's ``glm`` fits it (iteratively
        reweighted least squares, the same start and stopping rule).
    null : {"qapspp", "qapy", "qapx", "classical"}, default "qapspp"
    intercept : bool, default True
        A constant term first, named ``intercept``.
    directed, permutations, seed, progress
        As :func:`qap_correlation`.

    Returns
    -------
    QapRegression
        ``coefficients``: a DataFrame with a row per term and the columns ``estimate``,
        ``std_error``, ``t_value`` (the z-value when logistic), ``p_lower``, ``p_upper`` and
        ``p_two_sided`` (the shares of null statistics at most, at least, and at least as large in
        absolute value as the observed one); ``r_squared``, ``adjusted_r_squared`` and
        ``residual_std_error`` (linear), ``deviance``, ``aic`` and ``bic`` (logistic, as sna's
        netlogit), ``dyads``, ``residual_degrees_of_freedom``, ``null``, ``permutations`` (per term)
        and ``exact``.

    Notes
    -----
    O(permutations terms^2 n^2) time, O(terms n^2) memory. ValueError for actors missing from an
    input (the first named), a predictor of the wrong shape (named), values not finite off the
    diagonal, an asymmetric matrix when undirected, or a predictor that is constant or a linear
    combination of the others, or a logistic y other than 0 and 1. A logistic fit that does not
    converge in 25 steps (separated data) raises :class:`essnet.ConvergenceWarning`.
    """
    predictors = list(x) if isinstance(x, (list, tuple)) else [x]
    if names is None:
        names = [f"x{i + 1}" for i in range(len(predictors))]
    names = [str(name) for name in names]
    if len(names) != len(predictors):
        raise ValueError(f"names: {len(names)} names for {len(predictors)} predictors")
    actors = next((a for a in map(_actors, [y, *predictors]) if a is not None), None)
    my = _matrix(y, actors, "y")
    mx = []
    for i, p in enumerate(predictors):
        m = _matrix(p, actors, f"x[{i}]")
        if m.shape != my.shape:
            raise ValueError(f"x[{i}]: a {m.shape[0]} x {m.shape[0]} matrix for {my.shape[0]} actors")
        mx.append(m)
    terms, r2, adjusted, error, deviance, aic, bic, converged, dyads, df, draws, exact = _run(
        _core.qap_regression, "qap_regression", progress, my, mx, _direction(directed, (y, *predictors)), family,
        null, bool(intercept), _integer(permutations, "permutations", 1, 2 ** 62), _seed(seed))
    if not converged:
        warnings.warn("qap_regression: the logistic fit did not converge in 25 steps (are the data separated?)",
                      ConvergenceWarning, stacklevel=2)
    index = (["intercept"] if intercept else []) + names
    linear = family == "linear"
    return QapRegression(pd.DataFrame(terms, index=index, columns=_COLUMNS), family,
                         r2 if linear else None, adjusted if linear else None, error if linear else None,
                         None if linear else deviance, None if linear else aic, None if linear else bic,
                         dyads, df, null, draws, exact)


def dyadic(values, kind: str = "same", *, network=None) -> pd.DataFrame:
    """A dyadic predictor made from an actor attribute, as a DataFrame indexed by actor both ways.

    ``kind`` says what the pair (i, j) gets: ``"same"`` 1 when i and j have the same value, else 0;
    ``"difference"`` the absolute difference ``abs(v_i - v_j)``; ``"sender"`` v_i; ``"receiver"`` v_j.

    Parameters
    ----------
    values : pandas Series by actor id, or the name of an actor column of ``network``
    kind : {"same", "difference", "sender", "receiver"}, default "same"
    network : ActorNetwork, optional
        Where a column name is looked up.

    Notes
    -----
    O(n^2). ValueError for an unknown kind, a column the network lacks, missing values, or
    non-numbers for the numeric kinds.
    """
    if isinstance(values, str):
        if network is None:
            raise ValueError(f"values: the column {values!r} needs network=")
        actors = network.actors
        if values not in actors.columns:
            raise ValueError(f"values: the network has no actor column {values!r}")
        values = actors.set_index("id")[values]
    if not isinstance(values, pd.Series):
        raise ValueError("values: expected a pandas Series indexed by actor id, or a column name")
    if values.isna().any():
        raise ValueError(f"values: actor {values.index[values.isna().to_numpy()][0]!r} has no value")
    ids = list(values.index)
    if kind == "same":
        v = values.to_numpy()
        matrix = (v[:, None] == v[None, :]).astype(np.float64)
    elif kind in ("difference", "sender", "receiver"):
        try:
            v = values.to_numpy(dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError(f"values: kind {kind!r} needs numbers") from None
        if kind == "difference":
            matrix = np.abs(v[:, None] - v[None, :])
        elif kind == "sender":
            matrix = np.repeat(v[:, None], len(v), axis=1)
        else:
            matrix = np.repeat(v[None, :], len(v), axis=0)
    else:
        raise ValueError(f"kind: expected 'same', 'difference', 'sender' or 'receiver', got {kind!r}")
    return pd.DataFrame(matrix, index=ids, columns=ids)


@dataclass(frozen=True)
class NullTest:
    """A statistic against its distribution under a null hypothesis (see :func:`cug_test` and
    :func:`label_permutation_test`).

    ``observed`` is the statistic of the data; ``null`` its value on each draw, in draw order;
    ``p_lower`` and ``p_upper`` the shares of draws at most and at least ``observed`` (sna's
    ``Pr(X<=Obs)`` and ``Pr(X>=Obs)``); ``p_two_sided`` the share of draws at least as far from the
    mean of the draws as ``observed``. Values within a relative 1e-9 count as equal. ``exact``: every
    relabelling was enumerated once, so the p-values are exact.
    """

    observed: float
    null: np.ndarray
    p_lower: float
    p_upper: float
    p_two_sided: float
    draws: int
    exact: bool

    def __repr__(self) -> str:
        return (f"<essnet.inference.NullTest observed {self.observed:.4g}, null mean {self.null.mean():.4g}, "
                f"p_lower {self.p_lower:.4g}, p_upper {self.p_upper:.4g}, {self.draws} draws"
                f"{', exact' if self.exact else ''}>")


def _essnet_measure(statistic, table):
    """(name, keywords) when ``statistic`` is one of essnet's measures in ``table`` (a function, or
    a functools.partial of one with keywords only, all of them known); None otherwise."""
    function, keywords = statistic, {}
    if isinstance(statistic, functools.partial):
        if statistic.args:
            return None
        function, keywords = statistic.func, dict(statistic.keywords)
    for name, (measure, known) in table.items():
        if function is measure and set(keywords) <= known:
            defaults = {k: p.default for k, p in inspect.signature(measure).parameters.items() if k in known}
            return name, {**defaults, **keywords}
    return None


def _graph_measures():
    return {"density": (sna.density, set()), "reciprocity": (sna.reciprocity, set()),
            "transitivity": (centrality.transitivity, set()),
            "average_clustering": (centrality.average_clustering, {"use_weights"}),
            "global_efficiency": (paths.global_efficiency, {"use_weights"}),
            "centralization": (centrality.centralization, {"measure"})}


def _graph_statistic(statistic):
    """(name, measure, use_weights) of the C++ path when ``statistic`` is one of essnet's graph-level
    measures, None for another callable; TypeError for anything else."""
    if not callable(statistic):
        raise TypeError(f"statistic must be a function of a Graph, got {statistic!r}")
    known = _essnet_measure(statistic, _graph_measures())
    if known is None:
        return None
    name, keywords = known
    return name, keywords.get("measure", ""), bool(keywords.get("use_weights", False))


def _number(value, what: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"statistic must return a number, got {type(value).__name__} for {what}") from None


def _loop(count: int, description: str, progress, compute) -> np.ndarray:
    """compute(d) for d in 0..count-1, in Python, with progress."""
    callback, close = _progress(progress, description)
    values = np.empty(count)
    try:
        for d in range(count):
            values[d] = compute(d)
            if callback is not None and callback((d + 1) / count) is False:
                raise KeyboardInterrupt
    finally:
        close()
    return values


def _null_test(observed: float, null: np.ndarray, exact: bool) -> NullTest:
    """The p-values of NullTestResult (essnet/inference/permutations.hpp), for draws made in Python:
    NaN draws left out, NaN p-values for a NaN observed value or no defined draw."""
    defined = null[~np.isnan(null)]
    if np.isnan(observed) or len(defined) == 0:
        return NullTest(observed, null, np.nan, np.nan, np.nan, len(null), exact)
    slack = 1e-9 * max(1.0, abs(observed))
    mean = defined.mean()
    return NullTest(observed, null, float(np.mean(defined <= observed + slack)),
                    float(np.mean(defined >= observed - slack)),
                    float(np.mean(np.abs(defined - mean) >= abs(observed - mean) - slack)), len(null), exact)


def cug_test(graph: Graph, statistic, *, condition: str = "size", draws: int = 1000, seed: int = 0,
             progress=False) -> NullTest:
    """Conditional uniform graph test (Anderson, Butts & Carley 1999), as R sna's ``cug.test``.

    Is ``statistic(graph)`` higher or lower than on random graphs that share some of the graph's
    features? Every random graph has the graph's number of nodes and direction, and:

    - ``"size"``: nothing else; every tie is present with probability 1/2 (sna's default);
    - ``"edges"``: its number of ties, placed uniformly at random;
    - ``"dyad_census"``: its numbers of mutual, asymmetric and null pairs (as ``"edges"`` when
      undirected).

    Ties are counted as distinct pairs of distinct nodes: the random graphs are unweighted, without
    self-loops or parallel ties, as sna's with ``diag=FALSE`` and ``ignore.eval=TRUE``. The observed
    value is computed on ``graph`` as given.

    Parameters
    ----------
    graph : Graph
    statistic : callable
        A function of a Graph returning a number. essnet's graph-level measures run in C++, in
        parallel: :func:`essnet.density`, :func:`essnet.reciprocity`, :func:`essnet.transitivity`,
        :func:`essnet.average_clustering`, :func:`essnet.global_efficiency` and
        :func:`essnet.centralization`, or a ``functools.partial`` of one with its keywords (say,
        ``partial(essnet.centralization, measure="betweenness")``). Any other callable runs in
        Python, one draw at a time, on graphs whose nodes are numbered 0..n-1.
    condition : {"size", "edges", "dyad_census"}, default "size"
    draws : int, default 1000
        Random graphs.
    seed : int, default 0
        Draw d depends on the seed and d alone: the same seed gives the same result on any number
        of threads, and for a measure passed as itself or as a lambda.
    progress : bool or callable, default False
        True shows a tqdm bar; a callable receives the share of work done.

    Returns
    -------
    NullTest

    Notes
    -----
    O(draws (n + m + cost of the statistic)) time; the "size" condition draws graphs of density
    1/2, n^2 / 2 ties each. ValueError for an unknown condition or draws < 1; what the statistic
    raises on a draw is raised (closeness centralization of a disconnected draw, for one).
    """
    core = core_graph(graph)
    draws = _integer(draws, "draws", 1, 2 ** 62)
    seed = _seed(seed)
    if condition not in ("size", "edges", "dyad_census"):
        raise ValueError(f"condition must be 'size', 'edges' or 'dyad_census', got {condition!r}")
    known = _graph_statistic(statistic)
    if known is not None:
        return NullTest(*_run(_core.cug_test, "cug_test", progress, core, *known, condition, draws, seed))
    observed = _number(statistic(graph), "the graph")
    null = _loop(draws, "cug_test", progress,
                 lambda d: _number(statistic(Graph(_core.cug_null_graph(core, condition, seed, d))), f"draw {d}"))
    return _null_test(observed, null, False)


def _label_measures():
    return {"ei_index": (sna.ei_index, {"use_weights"}), "assortativity": (sna.assortativity, {"kind"}),
            "modularity": (community.modularity, {"resolution", "use_weights"})}


def label_permutation_test(graph: Graph, statistic, labels, *, permutations: int = 1000, seed: int = 0,
                           progress=False) -> NullTest:
    """Permutation test of node labels: is ``statistic(graph, labels)`` further from chance than
    when the same labels are dealt to the nodes at random?

    The graph stays as it is and so do the labels' counts; only who holds which label changes
    (node i gets the label of node p(i) for a random permutation p). This is the test UCINET gives
    the E-I index, and the usual test of assortativity and of a partition's modularity.

    Parameters
    ----------
    graph : Graph
    statistic : callable
        A function of a Graph and the labels returning a number. These run in C++, in parallel:
        :func:`essnet.ei_index` (its ``network`` value), :func:`essnet.assortativity` and
        :func:`essnet.modularity`, or a ``functools.partial`` of one with its keywords (say,
        ``partial(essnet.assortativity, kind="numeric")``). Any other callable runs in Python, one
        permutation at a time, and receives the labels as they were given: a Series by node id, or
        an array in ``graph.nodes`` order.
    labels : array or pandas Series by node id
        One label per node: groups (any values) or numbers (numeric assortativity).
    permutations : int, default 1000
        Random relabellings; when at least n!, every permutation is taken once and the p-values are
        exact (``exact`` is then True).
    seed : int, default 0
        The same seed gives the same result on any number of threads.
    progress : bool or callable, default False

    Returns
    -------
    NullTest

    Notes
    -----
    O(permutations (n + m)) time for essnet's measures. ValueError for labels of the wrong length or
    with missing values; what the statistic raises is raised.
    """
    core = core_graph(graph)
    requested = _integer(permutations, "permutations", 1, 2 ** 62)
    seed = _seed(seed)
    if not callable(statistic):
        raise TypeError(f"statistic must be a function of a Graph and labels, got {statistic!r}")
    known = _essnet_measure(statistic, _label_measures())
    if known is not None:
        name, keywords = known
        kind = keywords.get("kind", "nominal")
        if name == "assortativity" and kind not in ("nominal", "numeric"):
            raise ValueError(f'kind must be "nominal" or "numeric", got {kind!r}')
        codes, values = [], []
        if name == "assortativity" and kind == "numeric":
            name = "numeric_assortativity"
            try:
                values = np.asarray(_by_node(labels, graph, "labels"), dtype=float)
            except (TypeError, ValueError):
                raise ValueError("labels must be numbers for kind='numeric'") from None
            if values.ndim != 1 or len(values) != graph.num_nodes:
                raise ValueError(f"labels must have one number per node ({graph.num_nodes}), got shape {values.shape}")
            values = values.tolist()
        else:
            name = "attribute_assortativity" if name == "assortativity" else name
            codes, _ = sna._groups(graph, labels, "labels")
        use_weights = bool(keywords.get("use_weights", True))  # ignored by assortativity
        try:
            resolution = float(keywords.get("resolution", 1.0))  # modularity's only
        except (TypeError, ValueError):
            raise TypeError(f"resolution must be a number, got {keywords['resolution']!r}") from None
        result = _run(_core.label_permutation_test, "label_permutation_test", progress, core, name, codes, values,
                      resolution, use_weights, requested, seed)
        return NullTest(*result)
    aligned = _by_node(labels, graph, "labels")
    array = np.asarray(aligned)
    if array.ndim != 1 or len(array) != graph.num_nodes:
        raise ValueError(f"labels must have one value per node ({graph.num_nodes}), got shape {array.shape}")
    as_series = isinstance(labels, pd.Series)

    def relabelled(order):
        permuted = array[order]
        return pd.Series(permuted, index=list(graph.nodes), name=labels.name) if as_series else permuted

    observed = _number(statistic(graph, relabelled(np.arange(len(array)))), "the labels given")
    _, count, exact = _core.node_permutations(len(array), requested, seed, 0, 0)
    block = {"first": 0, "rows": None}  # the relabellings, 64 at a time

    def compute(r):
        if block["rows"] is None or not block["first"] <= r < block["first"] + 64:
            block["first"] = r
            block["rows"] = _core.node_permutations(len(array), requested, seed, r, 64)[0]
        return _number(statistic(graph, relabelled(block["rows"][r - block["first"]])), f"permutation {r}")

    return _null_test(observed, _loop(count, "label_permutation_test", progress, compute), exact)


@dataclass(frozen=True)
class Resampling:
    """A statistic with its resampling distribution (see :func:`bootstrap` and :func:`jackknife`):
    ``estimate`` (of the graph itself), ``values`` (one per resampled graph), ``standard_error``,
    ``bias`` and the interval [``lower``, ``upper``]; ``method`` names the resampling."""

    estimate: float
    values: np.ndarray
    standard_error: float
    bias: float
    lower: float
    upper: float
    method: str

    def __repr__(self) -> str:
        return (f"<essnet.inference.Resampling {self.method}: estimate {self.estimate:.4g}, standard error "
                f"{self.standard_error:.4g}, interval [{self.lower:.4g}, {self.upper:.4g}]>")


def _confidence(value) -> float:
    try:
        c = float(value)
    except (TypeError, ValueError):
        raise TypeError(f"confidence must be a number in (0, 1), got {value!r}") from None
    if not 0 < c < 1:
        raise ValueError(f"confidence must be in (0, 1), got {value!r}")
    return c


def _standard_error_and_interval(estimate, values, method, confidence):
    """The summaries of essnet/inference/resampling.hpp, for statistics computed in Python."""
    from statistics import NormalDist

    n = len(values)
    if np.isnan(values).any():  # the statistic is undefined on some draw: so are the summaries
        return Resampling(estimate, values, np.nan, np.nan, np.nan, np.nan, method)
    if method == "bootstrap":
        se = float(np.std(values, ddof=1))
        lower, upper = np.quantile(values, [(1 - confidence) / 2, (1 + confidence) / 2])  # R's type 7
        return Resampling(estimate, values, se, float(values.mean() - estimate), float(lower), float(upper), method)
    se = float(np.sqrt((n - 1) / n * np.sum((values - values.mean()) ** 2)))
    z = NormalDist().inv_cdf((1 + confidence) / 2)
    return Resampling(estimate, values, se, float((n - 1) * (values.mean() - estimate)), estimate - z * se,
                      estimate + z * se, method)


def bootstrap(graph: Graph, statistic, *, draws: int = 1000, confidence: float = 0.95, seed: int = 0,
              progress=False) -> Resampling:
    """Bootstrap standard error and percentile interval of a graph-level statistic, by resampling
    the nodes (Snijders & Borgatti 1999).

    Each draw picks n nodes with replacement; copy a of node u and copy b of node v are tied as u
    and v are (with the same weights and multiplicity). Two copies of one node are not tied:
    Snijders & Borgatti leave those pairs out of their estimators, a graph cannot, so a statistic
    sees them as pairs without a tie (a density runs about (n - 1) / n low). A NaN statistic on any
    draw makes the summaries NaN. The standard error is the standard deviation of
    the draws' statistics, the interval their quantiles at (1 - confidence) / 2 and
    (1 + confidence) / 2 (R's default type 7), and ``bias`` the mean of the draws minus the
    estimate.

    Parameters
    ----------
    graph : Graph
    statistic : callable
        A function of a Graph returning a number; essnet's graph-level measures run in C++ in
        parallel, as for :func:`cug_test`. Other callables run in Python on the same draws.
    draws : int, default 1000
    confidence : float, default 0.95
    seed : int, default 0
        The same seed gives the same result on any number of threads.
    progress : bool or callable, default False

    Returns
    -------
    Resampling

    Notes
    -----
    O(draws (n + m + cost of the statistic)). ValueError for draws < 2 or confidence outside (0, 1).
    """
    core = core_graph(graph)
    draws = _integer(draws, "draws", 2, 2 ** 62)
    confidence = _confidence(confidence)
    seed = _seed(seed)
    known = _graph_statistic(statistic)
    if known is not None:
        return Resampling(*_run(_core.bootstrap, "bootstrap", progress, core, *known, draws, confidence, seed),
                          "bootstrap")
    estimate = _number(statistic(graph), "the graph")
    values = _loop(draws, "bootstrap", progress,
                   lambda d: _number(statistic(Graph(_core.bootstrap_graph(core, seed, d))), f"draw {d}"))
    return _standard_error_and_interval(estimate, values, "bootstrap", confidence)


def jackknife(graph: Graph, statistic, *, confidence: float = 0.95, progress=False) -> Resampling:
    """Jackknife standard error, bias and normal interval of a graph-level statistic (Snijders &
    Borgatti 1999): the statistic with each node left out in turn.

    ``values[i]`` is the statistic of the graph without node i; the standard error is
    sqrt((n - 1) / n x sum of (value - mean)^2), the bias (n - 1)(mean - estimate), and the interval
    estimate +- z standard errors for the normal quantile z of ``confidence``.

    Parameters
    ----------
    graph : Graph
    statistic : callable
        As :func:`bootstrap`.
    confidence : float, default 0.95
    progress : bool or callable, default False

    Returns
    -------
    Resampling

    Notes
    -----
    O(n (n + m + cost of the statistic)). ValueError for fewer than 2 nodes.
    """
    core = core_graph(graph)
    confidence = _confidence(confidence)
    n = graph.num_nodes
    if n < 2:
        raise ValueError(f"jackknife: needs at least 2 nodes, got {n}")
    known = _graph_statistic(statistic)
    if known is not None:
        return Resampling(*_run(_core.jackknife, "jackknife", progress, core, *known, confidence), "jackknife")
    nodes = list(graph.nodes)
    estimate = _number(statistic(graph), "the graph")
    values = _loop(n, "jackknife", progress,
                   lambda i: _number(statistic(graph.subgraph(nodes[:i] + nodes[i + 1:])), f"without node {i}"))
    return _standard_error_and_interval(estimate, values, "jackknife", confidence)
