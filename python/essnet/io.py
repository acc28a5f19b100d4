"""Every reader and writer of networks and graphs.

CSV tables (actors and ties), plain edge lists, essnet snapshots, GraphML, GEXF, JSON node-link,
Pajek .net and UCINET DL (read only). Each is also at the top level: ``essnet.read_graphml`` is
``essnet.io.read_graphml``.
"""

from ._dl import read_dl
from ._nodelink import read_json, write_json
from ._pajek import read_pajek, write_pajek
from ._tables import load, read_csv, read_edgelist, read_edgelist_arrays, save
from ._xml import read_gexf, read_graphml, write_gexf, write_graphml

__all__ = ["read_csv", "read_edgelist", "read_edgelist_arrays", "load", "save", "read_graphml", "write_graphml",
           "read_gexf", "write_gexf", "read_json", "write_json", "read_pajek", "write_pajek", "read_dl"]
