// The interactive map of essnet's HTML report: sigma.js drawing a graphology graph built from the
// data the report embeds (<script type="application/json" id="essnet-map-data">). Pan and zoom,
// a tooltip on hover, a click lists an actor's ties with their quotes, a search box, colour by kind,
// country or bloc, size by a measure, a timeline (cumulative or window) and a legend.
import Graph from "graphology";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, NodePointProgram } from "sigma/rendering";

// The report gives the palette of its static maps; these are Paul Tol's muted colours, the same.
let PALETTE = ["#cc6677", "#332288", "#ddcc77", "#117733", "#88ccee", "#882255", "#44aa99", "#999933", "#aa4499"];
let OTHER = "#dddddd";
const FADED = "#eeeeee";
const COLOUR_NAMES = { kind: "kind", country: "country", bloc: "bloc (consensus community)" };
// The names of each colouring's categories in the report's data.
const CATEGORY_NAMES = { kind: "kinds", country: "countries" };

function element(tag, attributes = {}, text = "") {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

function formatNumber(x) {
  if (x === null || x === undefined) return "–";
  if (Number.isInteger(x)) return String(x);
  return Number(x).toPrecision(4);
}

// Categories of a node attribute: the nine most frequent take the palette, the rest are "other".
function categories(codes, names) {
  const count = new Map();
  for (const c of codes) count.set(c, (count.get(c) || 0) + 1);
  const order = [...count.keys()].sort((a, b) => count.get(b) - count.get(a) || a - b);
  const colour = new Map();
  order.forEach((c, i) => colour.set(c, i < PALETTE.length ? PALETTE[i] : OTHER));
  const legend = order.slice(0, PALETTE.length).map((c) => ({ name: names[c], colour: colour.get(c), count: count.get(c) }));
  const others = order.slice(PALETTE.length).reduce((s, c) => s + count.get(c), 0);
  if (others) legend.push({ name: "other", colour: OTHER, count: others });
  return { colour, legend };
}

function start() {
  const holder = document.getElementById("essnet-map");
  const source = document.getElementById("essnet-map-data");
  if (!holder || !source) return;
  const data = JSON.parse(source.textContent);
  if (data.palette) PALETTE = data.palette;
  if (data.other) OTHER = data.other;
  const n = data.ids.length;
  const ties = data.ties;
  const m = ties.source.length;
  const dated = ties.start.length === m;
  const acronyms = data.acronyms || [];
  const label = (i) => acronyms[i] || data.names[i];

  // Controls.
  holder.textContent = "";
  const bar = element("div", { class: "map-controls" });
  const search = element("input", { type: "search", id: "map-search", placeholder: "Find an actor", "aria-label": "Find an actor" });
  if (n <= 5000) {
    const list = element("datalist", { id: "map-actors" });
    for (let i = 0; i < n; i++) list.appendChild(element("option", { value: data.names[i] }));
    bar.appendChild(list);
    search.setAttribute("list", "map-actors");
  }
  bar.appendChild(search);
  const colourBy = element("select", { id: "map-colour", "aria-label": "Colour by" });
  for (const key of ["kind", "country", "bloc"]) {
    const codes = data[key];
    if (key !== "bloc" && !(data[CATEGORY_NAMES[key]] || []).some((s) => s !== "(none)")) continue;
    if (codes) colourBy.appendChild(element("option", { value: key }, "colour: " + key));
  }
  bar.appendChild(colourBy);
  const sizeBy = element("select", { id: "map-size", "aria-label": "Size by" });
  for (const key of Object.keys(data.measures || {})) sizeBy.appendChild(element("option", { value: key }, "size: " + key));
  bar.appendChild(sizeBy);
  const years = data.years || [];
  const slider = element("input", { type: "range", id: "map-year", "aria-label": "Year" });
  const mode = element("select", { id: "map-mode", "aria-label": "Timeline" });
  const yearLabel = element("output", { id: "map-year-label" });
  if (years.length && dated) {
    slider.min = years[0];
    slider.max = years[years.length - 1] + 1; // the last step shows every tie, dated or not
    slider.step = 1;
    slider.value = slider.max;
    mode.appendChild(element("option", { value: "cumulative" }, "ties begun by then"));
    mode.appendChild(element("option", { value: "window" }, "ties active that year"));
    const timeline = element("span", { class: "map-timeline" });
    timeline.append(slider, yearLabel, mode);
    bar.appendChild(timeline);
  }
  const reset = element("button", { type: "button", id: "map-reset", title: "Show the whole map" }, "whole map");
  bar.appendChild(reset);
  const stage = element("div", { class: "map-stage", id: "map-stage" });
  const tooltip = element("div", { class: "map-tooltip", role: "tooltip" });
  tooltip.hidden = true;
  stage.appendChild(tooltip);
  const legend = element("div", { class: "map-legend", id: "map-legend" });
  const panel = element("div", { class: "map-panel", id: "map-panel" });
  panel.appendChild(element("p", { class: "hint" }, "Click an actor, or find one by name, to list its ties and their sources."));
  const side = element("div", { class: "map-side" });
  side.append(legend, panel);
  const body = element("div", { class: "map-body" });
  body.append(stage, side);
  holder.append(bar, body);

  // The graph: node i is key "i", tie t is key "t" (self-loops are listed, not drawn).
  const graph = new Graph({ type: data.directed ? "directed" : "undirected", multi: true, allowSelfLoops: false });
  const xy = data.xy;
  for (let i = 0; i < n; i++) {
    graph.addNode(String(i), { x: xy[2 * i], y: xy[2 * i + 1], label: label(i), size: 3, color: OTHER });
  }
  const incident = Array.from({ length: n }, () => []);
  for (let t = 0; t < m; t++) {
    const s = ties.source[t], d = ties.target[t];
    incident[s].push(t);
    if (d !== s) incident[d].push(t);
    if (s === d) continue;
    // An undirected tie of a directed graph is drawn without an arrow.
    const arrow = data.directed && ties.directed && ties.directed[t];
    graph.addEdgeWithKey(String(t), String(s), String(d), { size: 0.6, color: "#c8c8c8", type: arrow ? "arrow" : "line" });
  }

  const state = { year: null, mode: "cumulative", selected: null, neighbours: new Set() };
  const tieShownIn = (t, year, windowed) => {
    if (year === null) return true;
    const s = ties.start[t];
    if (s === null || s > year) return false;
    if (windowed) {
      const e = ties.end[t];
      if (e !== null && e < year) return false;
    }
    return true;
  };
  // Ties shown at the slider's year, and actors with a tie shown (null: every tie and actor).
  const shown = new Uint8Array(m).fill(1);
  let active = null;
  // Recomputes both; returns the keys of the ties and actors whose look changed.
  const recomputeTimeline = () => {
    const edges = [], nodes = [];
    const windowed = state.mode === "window";
    for (let t = 0; t < m; t++) {
      const now = tieShownIn(t, state.year, windowed) ? 1 : 0;
      if (now !== shown[t]) {
        shown[t] = now;
        if (ties.source[t] !== ties.target[t]) edges.push(String(t));
      }
    }
    const was = active;
    if (state.year === null) active = null;
    else {
      active = new Uint8Array(n);
      for (let t = 0; t < m; t++) if (shown[t]) active[ties.source[t]] = active[ties.target[t]] = 1;
    }
    for (let i = 0; i < n; i++) if ((was ? was[i] : 1) !== (active ? active[i] : 1)) nodes.push(String(i));
    return { edges, nodes };
  };

  const recolour = () => {
    const key = colourBy.value || "bloc";
    const names = key === "bloc" ? [...new Set(data.bloc)].sort((a, b) => a - b).reduce((a, b) => ((a[b] = "bloc " + b), a), []) : data[CATEGORY_NAMES[key]];
    const { colour, legend: lines } = categories(data[key], names);
    graph.updateEachNodeAttributes((node, attrs) => ({ ...attrs, color: colour.get(data[key][Number(node)]) }), { attributes: ["color"] });
    state.legend = { title: COLOUR_NAMES[key] || key, lines };
  };
  const drawLegend = () => {
    legend.textContent = "";
    legend.appendChild(element("h4", {}, state.legend.title));
    const ul = element("ul");
    for (const line of state.legend.lines) {
      const li = element("li");
      li.append(element("span", { class: "swatch", style: "background:" + line.colour }), document.createTextNode(line.name + " (" + line.count + ")"));
      ul.appendChild(li);
    }
    legend.appendChild(ul);
    if (sizeBy.value) legend.appendChild(element("p", {}, "size: " + sizeBy.value));
    if (state.year !== null) legend.appendChild(element("p", {}, "grey: no tie " + (state.mode === "window" ? "active in " : "begun by ") + state.year));
  };
  const applySize = () => {
    const values = (data.measures || {})[sizeBy.value];
    if (!values) return;
    let lo = Infinity, hi = -Infinity;
    for (const v of values) if (v !== null) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    const big = n > 20000 ? 6 : n > 2000 ? 9 : 14;
    const small = n > 20000 ? 1.5 : 3;
    graph.forEachNode((node) => {
      const v = values[Number(node)];
      const t = v === null || !(hi > lo) ? 0 : (v - lo) / (hi - lo);
      graph.setNodeAttribute(node, "size", small + (big - small) * Math.sqrt(t));
    });
  };
  // Positions: the layout of the latest year not after the slider's, or the whole map's. Returns
  // whether they changed.
  let placed = xy;
  const applyPositions = () => {
    const layouts = data.layouts || {};
    let use = xy;
    if (state.year !== null) for (const y of years) if (y <= state.year && layouts[y]) use = layouts[y];
    if (use === placed) return false;
    placed = use;
    graph.updateEachNodeAttributes((node, attrs) => ({ ...attrs, x: use[2 * Number(node)], y: use[2 * Number(node) + 1] }), { attributes: ["x", "y"] });
    return true;
  };

  // Large maps draw nodes as points and ties as lines: one vertex per node and two per tie, which
  // software WebGL (no GPU) draws many times faster than the instanced discs and rectangles.
  const large = n > 2000 || m > 8000;
  // One frame for every year's layout (the report puts them all in 0..10,000 together): sigma
  // would otherwise fit each year's layout to the screen, and actors would seem to move.
  const frame = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] };
  for (const positions of [xy, ...Object.values(data.layouts || {})])
    for (let k = 0; k < positions.length; k += 2) {
      frame.x = [Math.min(frame.x[0], positions[k]), Math.max(frame.x[1], positions[k])];
      frame.y = [Math.min(frame.y[0], positions[k + 1]), Math.max(frame.y[1], positions[k + 1])];
    }
  const renderer = new Sigma(graph, stage, {
    nodeProgramClasses: large ? { circle: NodePointProgram } : {},
    edgeProgramClasses: large ? { arrow: EdgeLineProgram, line: EdgeLineProgram } : { arrow: EdgeArrowProgram },
    labelRenderedSizeThreshold: n > 2000 ? 8 : 5,
    labelFont: "DejaVu Sans, sans-serif",
    // Large maps stay smooth while the camera moves: ties and labels come back when it stops.
    hideEdgesOnMove: m > 20000,
    hideLabelsOnMove: n > 5000,
    zIndex: true,
    nodeReducer: (node, attrs) => {
      const i = Number(node);
      const out = { ...attrs };
      if (active && !active[i]) {
        out.color = FADED;
        out.label = null;
        out.zIndex = 0;
      }
      if (state.selected !== null) {
        if (node === state.selected) {
          out.highlighted = true;
          out.zIndex = 2;
        } else if (!state.neighbours.has(node)) {
          out.color = FADED;
          out.label = null;
        } else out.zIndex = 1;
      }
      return out;
    },
    edgeReducer: (edge, attrs) => {
      const t = Number(edge);
      if (!shown[t]) return { ...attrs, hidden: true };
      if (state.selected !== null) {
        if (ties.source[t] === Number(state.selected) || ties.target[t] === Number(state.selected))
          return { ...attrs, color: "#555", size: 1.5, zIndex: 1 };
        return { ...attrs, color: "#eeeeee" };
      }
      return attrs;
    },
  });

  if (n > 0) {
    for (const axis of ["x", "y"]) if (frame[axis][0] === frame[axis][1]) frame[axis] = [frame[axis][0] - 1, frame[axis][1] + 1];
    renderer.setCustomBBox(frame);
  }

  const describe = (i) => {
    const lines = [data.names[i]];
    const kind = data.kinds[data.kind[i]], country = data.countries[data.country[i]];
    const facts = [];
    if (kind && kind !== "(none)") facts.push(kind);
    if (country && country !== "(none)") facts.push(country);
    facts.push("bloc " + data.bloc[i]);
    lines.push(facts.join(" · "));
    for (const [key, values] of Object.entries(data.measures || {})) lines.push(key + ": " + formatNumber(values[i]));
    return lines;
  };

  const select = (node) => {
    state.selected = node;
    state.neighbours = new Set(node === null ? [] : graph.neighbors(node));
    panel.textContent = "";
    if (node === null) {
      panel.appendChild(element("p", { class: "hint" }, "Click an actor, or find one by name, to list its ties and their sources."));
      renderer.refresh({ skipIndexation: true });
      return;
    }
    const i = Number(node);
    const [name, ...facts] = describe(i);
    panel.appendChild(element("h4", { class: "selected-name" }, name));
    panel.appendChild(element("p", { class: "facts" }, facts.join("; ")));
    const list = element("ol", { class: "ties" });
    for (const t of incident[i]) {
      const other = ties.source[t] === i ? ties.target[t] : ties.source[t];
      const arrow = ties.source[t] === i ? "→" : "←";
      const li = element("li", { "data-tie": String(t) });
      if (!shown[t]) li.className = "outside";
      const relation = (ties.relations || [])[ties.relation[t]] || "tie";
      const when = ties.start[t] === null || ties.start[t] === undefined ? "" : " (" + ties.start[t] + (ties.end[t] ? "–" + ties.end[t] : "") + ")";
      li.appendChild(element("span", { class: "tie" }, relation + " " + arrow + " " + data.names[other] + when));
      const quote = ties.quotes && ties.quote[t] !== undefined ? ties.quotes[ties.quote[t]] : "";
      if (quote) li.appendChild(element("blockquote", {}, quote));
      list.appendChild(li);
    }
    panel.appendChild(element("p", {}, incident[i].length + " tie" + (incident[i].length === 1 ? "" : "s") + ":"));
    panel.appendChild(list);
    renderer.refresh({ skipIndexation: true });
  };

  renderer.on("clickNode", ({ node }) => select(node));
  renderer.on("clickStage", () => select(null));
  renderer.on("enterNode", ({ node, event }) => {
    tooltip.textContent = "";
    describe(Number(node)).forEach((line, k) => tooltip.appendChild(element(k ? "div" : "strong", {}, line)));
    tooltip.style.left = event.x + 12 + "px";
    tooltip.style.top = event.y + 12 + "px";
    tooltip.hidden = false;
  });
  renderer.on("leaveNode", () => (tooltip.hidden = true));

  const find = (query) => {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const fields = (i) => [data.names[i], data.ids[i], acronyms[i] || ""].map((s) => s.toLowerCase());
    for (let i = 0; i < n; i++) if (fields(i).includes(q)) return i;
    for (let i = 0; i < n; i++) if (fields(i).some((s) => s.includes(q))) return i;
    return null;
  };
  const onSearch = () => {
    const i = find(search.value);
    search.classList.toggle("not-found", i === null && search.value.trim() !== "");
    if (i === null) return;
    select(String(i));
    const where = renderer.getNodeDisplayData(String(i));
    if (where) renderer.getCamera().animate({ x: where.x, y: where.y, ratio: Math.min(renderer.getCamera().ratio, 0.5) }, { duration: 300 });
  };
  search.addEventListener("change", onSearch);
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter") onSearch();
  });
  colourBy.addEventListener("change", () => {
    recolour();
    drawLegend();
    renderer.refresh({ skipIndexation: true });
  });
  sizeBy.addEventListener("change", () => {
    applySize();
    drawLegend();
    renderer.refresh();
  });
  const onYear = () => {
    const y = Number(slider.value);
    state.year = y > years[years.length - 1] ? null : y;
    state.mode = mode.value;
    yearLabel.value = state.year === null ? "all years" : String(state.year);
    const changed = recomputeTimeline();
    const moved = applyPositions();
    drawLegend();
    if (state.selected !== null) select(state.selected);
    else if (moved) renderer.refresh();
    // Only the ties and actors that appear or fade are processed again.
    else if (changed.edges.length || changed.nodes.length) renderer.refresh({ partialGraph: changed, skipIndexation: true });
  };
  slider.addEventListener("input", onYear);
  reset.addEventListener("click", () => renderer.getCamera().animatedReset({ duration: 300 }));
  mode.addEventListener("change", onYear);

  colourBy.value = colourBy.querySelector("option[value=kind]") ? "kind" : "bloc";
  sizeBy.value = sizeBy.querySelector("option[value=degree]") ? "degree" : sizeBy.value;
  applySize();
  recolour();
  drawLegend();
  if (years.length && dated) yearLabel.value = "all years";
  renderer.refresh();
  // For scripts and tests: the graph, the renderer and the controls' state.
  window.essnetMap = { graph, renderer, state, select, find };
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
