// Runs graphology-layout-forceatlas2 on an edge list: node forceatlas2.js EDGES ITERATIONS THETA OUT
// EDGES holds "source target" per line (node numbers 0..n-1, first line "n"); OUT receives one
// "x y" line per node. Prints the seconds per iteration, the layout alone (not the graph's build).
const fs = require("fs");
const Graph = require("graphology");
const forceAtlas2 = require("graphology-layout-forceatlas2");

const [edgesPath, iterationsText, thetaText, outPath, scalingText, seedText] = process.argv.slice(2);
const lines = fs.readFileSync(edgesPath, "utf8").split("\n");
const n = parseInt(lines[0], 10);
const graph = new Graph({ type: "undirected", multi: true });
for (let i = 0; i < n; i++) graph.addNode(String(i));
for (let k = 1; k < lines.length; k++) {
  if (!lines[k]) continue;
  const [s, t] = lines[k].split(" ");
  graph.addEdge(s, t);
}
// Starting positions from the file beside the edges (the same as essnet's), so both start alike.
const start = fs.readFileSync(edgesPath + ".start", "utf8").split("\n");
for (let i = 0; i < n; i++) {
  const [x, y] = start[i].split(" ").map(Number);
  graph.setNodeAttribute(String(i), "x", x);
  graph.setNodeAttribute(String(i), "y", y);
}
const iterations = parseInt(iterationsText, 10);
const settings = {
  barnesHutOptimize: true,
  barnesHutTheta: parseFloat(thetaText),
  scalingRatio: parseFloat(scalingText || "2"),
  gravity: 1,
};
const begin = process.hrtime.bigint();
forceAtlas2.assign(graph, { iterations, settings });
const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
const out = [];
graph.forEachNode((node, a) => out.push(a.x + " " + a.y));
fs.writeFileSync(outPath, out.join("\n") + "\n");
console.log(JSON.stringify({ seconds_per_iteration: seconds / iterations }));
