"""Load the bundled Chantier network, select the ties active in 2009-2012 and rank actors by degree."""

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
