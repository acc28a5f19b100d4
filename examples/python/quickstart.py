"""Load the bundled Chantier network, select the ties active in 2009-2012 and rank actors by degree."""

import tempfile
from pathlib import Path

import essnet

net = essnet.datasets.chantier()
print(net)
print(net.actors[["id", "name", "kind"]].head())

g = net.graph(years=(2009, 2012), directed=False)
table = g.frame(degree=essnet.degree(g), component=essnet.connected_components(g))
names = dict(zip(net.actors["id"], net.actors["name"]))
table["name"] = [names[i] for i in table.index]
print(g)
print(table.sort_values("degree", ascending=False).head(5).to_string())

# Who brokers in each actor's own neighbourhood, and what kinds of actor surround it.
kinds = net.actors.set_index("id")["kind"]
ego = essnet.ego_measures(g, kinds)
columns = ["size", "density", "ego_betweenness", "heterogeneity"]
print(ego.sort_values("ego_betweenness", ascending=False)[columns].head(3))

# Files for other tools: Gephi (with the ties' years on its timeline), networkx, a fast snapshot.
with tempfile.TemporaryDirectory() as folder:
    essnet.write_gexf(net, Path(folder) / "chantier.gexf")
    essnet.write_graphml(net, Path(folder) / "chantier.graphml")
    essnet.save(net, Path(folder) / "chantier.essnet")
    again = essnet.load(Path(folder) / "chantier.essnet")
    print(again, "->", essnet.read_graphml(Path(folder) / "chantier.graphml"))
print(essnet.from_networkx(g.to_networkx()))
