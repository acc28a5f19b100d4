"""Computed per-node columns (``node_data=``) aligned with a graph's nodes or a network's actors, for
the writers and the exports to networkx and igraph (private)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd


RESERVED = ("label",)  # GEXF and igraph keep the names there


def _nullable(column: pd.Series) -> pd.Series:
    """Integer and boolean columns as pandas' nullable types, so that a missing row does not turn them
    into reals."""
    if pd.api.types.is_bool_dtype(column) and not isinstance(column.dtype, pd.BooleanDtype):
        return column.astype("boolean")
    if pd.api.types.is_integer_dtype(column) and not isinstance(column.dtype, pd.api.extensions.ExtensionDtype):
        return column.astype("Int64")
    return column


def _by_id(column: pd.Series, known: pd.Index, what: str) -> pd.Series:
    index = column.index
    if not index.is_unique:
        raise ValueError(f"{what}: the index repeats the id {index[index.duplicated()][0]!r}")
    unknown = index.difference(known)
    if len(unknown):
        raise ValueError(f"{what}: {unknown[0]!r} is not a node id (the index must hold node ids)")
    return _nullable(column).reindex(known).reset_index(drop=True)


def aligned(node_data, ids: list) -> dict[str, pd.Series]:
    """The columns of ``node_data`` in the order of ``ids``, as Series with pandas' missing values.

    ``node_data`` is a DataFrame indexed by node (actor) id, whose ids must all be in ``ids`` (ids
    without a row get missing values; integer and boolean columns stay so), or a dict of arrays
    aligned with ``ids`` (a Series in it is taken by its index, the same way). ValueError names the
    column or the id that does not fit; column names must be distinct as text and not "label".
    """
    n = len(ids)
    known = pd.Index(ids)
    columns = {}
    if isinstance(node_data, pd.DataFrame):
        items = [(name, node_data.iloc[:, i]) for i, name in enumerate(node_data.columns)]
    elif isinstance(node_data, Mapping):
        items = list(node_data.items())
    else:
        raise TypeError("node_data must be a pandas DataFrame indexed by node id or a dict of arrays aligned with "
                        f"the nodes, got {type(node_data).__name__}")
    for name, values in items:
        key = str(name)
        if key in columns:
            raise ValueError(f"node_data has two columns named {key!r}")
        if key in RESERVED:
            raise ValueError(f"node_data column {key!r}: the node labels are the names (rename the column)")
        if isinstance(node_data, pd.DataFrame) or (isinstance(values, pd.Series)
                                                   and not isinstance(values.index, pd.RangeIndex)):
            columns[key] = _by_id(values, known, f"node_data[{key!r}]")
            continue
        array = np.asarray(values)
        if array.shape != (n,):
            raise ValueError(f"node_data[{key!r}] must have one value per node ({n}), got shape {array.shape}")
        if isinstance(values, pd.Series):
            columns[key] = values.reset_index(drop=True)
        elif isinstance(values, pd.api.extensions.ExtensionArray):
            columns[key] = pd.Series(values)  # keeps a nullable dtype
        else:
            columns[key] = pd.Series(array)
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
