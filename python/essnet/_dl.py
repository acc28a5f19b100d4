"""UCINET DL files, read only (private; see essnet.io)."""

from __future__ import annotations

import os

from . import _core
from ._network import ActorNetwork


def read_dl(path: str | os.PathLike) -> ActorNetwork:
    """Read a network from a UCINET DL file (read only).

    Time O(file size + n + m), one pass over the text; memory O(n + m) for what it returns.

    Read: the ``DL N=...`` header (``NM``, ``FORMAT = FULLMATRIX | EDGELIST1 | NODELIST1``,
    ``LABELS:``, ``ROW LABELS:`` / ``COLUMN LABELS:``, ``LABELS EMBEDDED``, ``MATRIX LABELS:``,
    ``DIAGONAL PRESENT | ABSENT``; keywords in any case), then ``DATA:``.

    Kept
    ----
    Actor ids are the labels (or ``"1"`` .. ``"N"`` without labels). A DL matrix is read as
    directed arcs: each non-zero cell is a tie from its row's actor to its column's actor, with the
    value as weight, so a symmetric matrix gives both arcs. With ``NM > 1`` each matrix is one
    relation, named by ``MATRIX LABELS:`` (or its number). Edge list rows ``i j [w]`` and node
    list rows ``i j k ...`` give one directed tie per pair. DL holds no names, kinds, years or
    provenance.

    Raises
    ------
    essnet.ParseError
        Malformed input: a matrix row with the wrong number of values, a label count that is not
        N, a node number out of range, data that end too early, an unsupported format...;
        ``file``, ``line`` and ``column`` say where.
    FileNotFoundError, OSError
        The file cannot be read.
    """
    return ActorNetwork(_core_network=_core.read_dl(os.fspath(path)))
