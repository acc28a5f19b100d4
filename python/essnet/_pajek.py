"""Pajek .net files (private; see essnet.io)."""

from __future__ import annotations

import os
import tempfile

import numpy as np
import pandas as pd

from . import _core, _node_data
from ._graph import Graph
from ._network import ActorNetwork, core_network_of


def read_pajek(path: str | os.PathLike) -> ActorNetwork:
    """Read a network from a Pajek ``.net`` file.

    Time O(file size + n + m), one pass over the text; memory O(n + m) for what it returns.

    Read: ``*Vertices n`` (required) with vertex lines ``number label ...`` (labels quoted or
    not; coordinates, shape and drawing parameters after the label are ignored; a vertex without
    a label takes its number); ``*Vertices n n1`` for two-mode networks; ``*Arcs`` and ``*Edges``
    (``from to [weight]``, weight 1 by default), ``*Arcslist``, ``*Edgeslist`` and ``*Matrix``;
    relations named by the section header, as in ``*Arcs :2 "advice"``. Section names are
    case-insensitive; ``%`` starts a comment line. Files are UTF-8.

    Kept
    ----
    Actor ids are the vertex labels, in vertex order; a two-mode file adds an extra actor column
    ``mode`` holding ``"1"`` or ``"2"``. Each tie keeps its ends, weight, direction (``*Arcs``,
    ``*Arcslist`` and a one-mode ``*Matrix`` are directed; ``*Edges``, ``*Edgeslist`` and a two-mode
    ``*Matrix`` are not) and relation (the section's label, or its number when it has none; empty
    without ``:k``). Pajek holds no names, kinds, years or provenance: those stay empty.

    Raises
    ------
    essnet.ParseError
        Malformed input: no ``*Vertices``, a vertex number out of range, a duplicate label, a
        non-numeric field, a negative, infinite or NaN weight, an unknown section...; ``file``,
        ``line`` and ``column`` say where.
    FileNotFoundError, OSError
        The file cannot be read.
    """
    return ActorNetwork(_core_network=_core.read_pajek(os.fspath(path)))


def _write_atomically(path: str, text: str) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=".essnet-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _partition_and_vector_files(path: str, node_data, ids: list) -> dict[str, str]:
    """{file name: text} of the .clu (integers, booleans as 0/1) and .vec (reals) files of node_data."""
    stem = path[:-4] if path.lower().endswith(".net") else path
    files = {}
    for name, column in _node_data.aligned(node_data, ids).items():
        if any(c in name for c in "/\\\0") or name.startswith("."):
            raise ValueError(f"node_data column {name!r} cannot be part of a file name (Pajek keeps each column in "
                             "a file NAME_COLUMN.clu or .vec)")
        if column.isna().any():
            missing = ids[int(np.flatnonzero(column.isna().to_numpy())[0])]
            raise ValueError(f"node_data[{name!r}] has no value for node {missing!r}: Pajek's .clu and .vec files "
                             "hold one value per vertex")
        if pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column):
            lines, extension = [str(int(v)) for v in column.to_numpy(dtype=np.int64)], ".clu"
        elif pd.api.types.is_float_dtype(column):
            values = column.to_numpy(dtype=np.float64)
            if not np.isfinite(values).all():
                raise ValueError(f"node_data[{name!r}] holds an infinite value: Pajek's .vec files hold finite numbers")
            lines, extension = [repr(float(v)) for v in values], ".vec"
        else:
            raise ValueError(f"node_data[{name!r}] holds text: Pajek keeps numbers only (partitions in .clu files, "
                             "vectors in .vec files)")
        files[f"{stem}_{name}{extension}"] = f"*Vertices {len(ids)}\n" + "\n".join(lines) + ("\n" if lines else "")
    return files


def write_pajek(network_or_graph, path: str | os.PathLike, *, node_data=None) -> None:
    """Write a network (or a graph) as a Pajek ``.net`` file.

    Time O(n + m); the file is written to a temporary name and renamed, so a failed write leaves no half-written file.

    Written: ``*Vertices n`` and one line ``number "id"`` per actor (``*Vertices n n1`` when the
    actors have a ``mode`` column of ``"1"`` then ``"2"`` values); then the ties without a
    relation under plain ``*Arcs`` / ``*Edges``, and those of each named relation under
    ``*Arcs :k "relation"`` / ``*Edges :k "relation"``, with weights (only when some weight is not
    1) written so that they read back exactly. The file is written to a temporary name and renamed,
    so an interrupted write never leaves a half-written file.

    Not written, because Pajek cannot hold them: names, kinds, countries, regions, founded years,
    tie years, provenance and extra columns (other than ``mode``); ties are grouped by relation and
    direction. Pajek has no escape character: a double quote in an id or a relation is written as
    an apostrophe, a line break as a space.

    networkx's ``read_pajek`` reads the one-mode files with a single tie section (one direction,
    one relation) and no backslash in an id (it reads lines as shell words, which take a
    backslash as an escape); igraph's ``Graph.Read_Pajek`` reads those without relation labels.

    Raises
    ------
    ValueError
        Two actor ids become the same label once quotes and line breaks are replaced; a node_data
        column that Pajek cannot hold.
    TypeError
        The first argument is neither an ActorNetwork nor a Graph.
    OSError
        The file cannot be written.
    """
    path = os.fspath(path)
    network = core_network_of(network_or_graph)  # TypeError for anything but a network or a graph
    files = {}
    if node_data is not None:
        ids = network_or_graph.nodes if isinstance(network_or_graph, Graph) else network_or_graph.actors["id"].tolist()
        files = _partition_and_vector_files(path, node_data, ids)
    _core.write_pajek(network, path)
    for name, text in files.items():
        _write_atomically(name, text)
