"""Argument checks and the progress hook shared by the public functions (private)."""

from __future__ import annotations

import operator


def _integer(value, parameter: str, low: int, high: int) -> int:
    """value as an int within [low, high]; otherwise an error that names the parameter."""
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{parameter} must be an integer, got {value!r}") from None
    if not low <= number <= high:
        raise ValueError(f"{parameter} must be from {low} to {high}, got {number}")
    return number


def _seed(value) -> int:
    """A seed: any integer from 0 to 2**64 - 1."""
    return _integer(value, "seed", 0, 2**64 - 1)


def _int32(value, parameter: str) -> int:
    """An integer argument held in 32 bits by the library (which checks its meaning)."""
    return _integer(value, parameter, -(2**31), 2**31 - 1)


def _by_node(values, graph, parameter: str):
    """A pandas Series indexed by node id, put in graph.nodes order (a Series with a RangeIndex,
    and anything else, is taken in order as it is)."""
    import pandas as pd

    if not isinstance(values, pd.Series) or isinstance(values.index, pd.RangeIndex):
        return values
    repeated = values.index[values.index.duplicated()].unique().tolist()
    if repeated:
        raise ValueError(f"{parameter} has more than one value for nodes {repeated[:5]}")
    missing = [v for v in graph.nodes if v not in values.index]
    if missing:
        raise ValueError(f"{parameter} has no value for nodes {missing[:5]}")
    return values.reindex(graph.nodes)


def _progress(progress, description: str):
    """A progress callback for the C++ side, and a function that closes it."""
    if progress is True:
        from tqdm.auto import tqdm

        bar = tqdm(total=100, desc=description, unit="%", leave=False)

        def update(fraction: float) -> None:
            bar.n = round(100 * fraction)
            bar.refresh()

        return update, bar.close
    if progress is False or progress is None:
        return None, lambda: None
    if callable(progress):
        return progress, lambda: None
    raise TypeError(f"progress must be True, False or a callable taking the share done, got {progress!r}")


def _run(function, description, progress, *args):
    callback, close = _progress(progress, description)
    try:
        return function(*args, callback)
    finally:
        close()
