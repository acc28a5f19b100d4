"""Inference for networks: QAP correlation and regression (Krackhardt 1987; Dekker, Krackhardt &
Snijders 2007), with the null hypotheses of R's sna, and dyadic predictors made from actor attributes.

Every function takes dyadic data as an essnet :class:`Graph` (its adjacency matrix: the summed
weights of the ties from row to column), a pandas DataFrame indexed by actor on both axes, or a
square numpy array. The actors are those of the first Graph or DataFrame given, in its order; the
others are aligned to them by id.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import _core
from ._args import _integer, _run, _seed
from ._graph import Graph
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
