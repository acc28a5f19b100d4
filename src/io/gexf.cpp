// Reading and writing GEXF 1.3.
