"""GraphML and GEXF."""

from __future__ import annotations

import os

from . import _core
from ._network import ActorNetwork
from .io import _core_network

def read_graphml(*args, **kwargs):
    raise NotImplementedError("read_graphml")


def write_graphml(*args, **kwargs):
    raise NotImplementedError("write_graphml")


def read_gexf(*args, **kwargs):
    raise NotImplementedError("read_gexf")


def write_gexf(*args, **kwargs):
    raise NotImplementedError("write_gexf")
