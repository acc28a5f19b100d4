"""Computed per-node columns (``node_data=``) aligned with a graph's nodes or a network's actors, for
the writers and the exports to networkx and igraph (private)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd


def aligned(node_data, ids: list) -> dict[str, pd.Series]:
    """The columns of ``node_data`` in the order of ``ids``, as Series with pandas' missing values.

    ``node_data`` is a DataFrame indexed by node (actor) id, whose ids must all be in ``ids`` (ids
    without a row get missing values), or a dict of arrays aligned with ``ids`` (a Series in it is
    taken by its index). ValueError names the column or the id that does not fit.
    """
    n = len(ids)
    if isinstance(node_data, pd.DataFrame):
        index = node_data.index
        if not index.is_unique:
            raise ValueError(f"node_data: the index repeats the id {index[index.duplicated()][0]!r}")
        known = pd.Index(ids)
        unknown = index.difference(known)
        if len(unknown):
            raise ValueError(f"node_data: {unknown[0]!r} is not a node id (the index must hold node ids)")
        frame = node_data.reindex(known)
        return {str(name): frame[name].reset_index(drop=True) for name in frame.columns}
    if not isinstance(node_data, Mapping):
        raise TypeError("node_data must be a pandas DataFrame indexed by node id or a dict of arrays aligned with "
                        f"the nodes, got {type(node_data).__name__}")
    columns = {}
    for name, values in node_data.items():
        if isinstance(values, pd.Series):
            unknown = values.index.difference(pd.Index(ids))
            if len(unknown):
                raise ValueError(f"node_data[{name!r}]: {unknown[0]!r} is not a node id")
            values = values.reindex(ids).reset_index(drop=True)
        else:
            array = np.asarray(values)
            if array.shape != (n,):
                raise ValueError(f"node_data[{name!r}] must have one value per node ({n}), got shape {array.shape}")
            values = pd.Series(array)
        columns[str(name)] = values
    return columns


def _text(value, name: str, row: int, ids: list) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if not math.isfinite(value):
            raise ValueError(f"node_data[{name!r}] is {value} at node {ids[row]!r}: files hold finite numbers only")
        return repr(float(value))  # the shortest text that reads back as the same double
    return str(value)


def as_text(node_data, ids: list) -> tuple[list[str], list[list[str]]]:
    """Column names and their values as text, missing values empty, numbers written so that they read
    back equal; the writers type each column by its values (boolean, integer, real or text)."""
    columns = aligned(node_data, ids)
    names, values = [], []
    for name, column in columns.items():
        names.append(name)
        values.append([_text(v, name, i, ids) for i, v in enumerate(column.astype(object).tolist())])
    return names, values


def python_values(column: pd.Series) -> list:
    """Plain Python values (bool, int, float, str), None where missing, for networkx and igraph."""
    out = []
    for v in column.astype(object).tolist():
        if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            out.append(v)
    return out
