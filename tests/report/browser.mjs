// Opens an essnet report in headless Chromium (Debian's, driven by playwright-core) from file://,
// with every network request blocked, works its controls as a reader would, and prints what it saw
// as JSON for python/tests/test_report.py to check against independent references.
//
//   node tests/report/browser.mjs REPORT.html SCREENSHOT_PREFIX [YEAR] [SEARCH]
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../../src/report/web/package.json"));
const { chromium } = require("playwright-core");

const [report, shots, year = "2001", query = "RIPESS"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.ESSNET_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu-sandbox"],
});
const seen = { console_errors: [], requests: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  // Every request but the report itself is recorded and refused.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === pathToFileURL(report).href) return route.continue();
    seen.requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") seen.console_errors.push(m.text());
  });
  page.on("pageerror", (e) => seen.console_errors.push(String(e)));
  page.on("requestfailed", (r) => {
    if (!seen.requests.includes(r.url())) seen.requests.push(r.url());
  });
  const started = Date.now();
  await page.goto(pathToFileURL(report).href, { waitUntil: "load" });
  await page.waitForFunction(() => window.essnetMap !== undefined, null, { timeout: 60000 });
  seen.load_ms = Date.now() - started;
  seen.nodes = await page.evaluate(() => window.essnetMap.graph.order);
  seen.map_ties = await page.evaluate(() => window.essnetMap.graph.size);
  await page.locator("#map").scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots + "-page.png" });
  await page.locator("#map-stage").screenshot({ path: shots + "-map.png" });

  // Frames while the reader hovers, zooms and pans: the gaps between animation frames.
  const stage = await page.locator("#map-stage").boundingBox();
  await page.evaluate(() => {
    window.frameGaps = [];
    let last = performance.now();
    const tick = (now) => {
      window.frameGaps.push(now - last);
      last = now;
      if (window.frameGaps.length < 100000) window.frameRequest = requestAnimationFrame(tick);
    };
    window.frameRequest = requestAnimationFrame(tick);
  });
  for (let i = 0; i < 30; i++)
    await page.mouse.move(stage.x + stage.width * (0.2 + 0.02 * i), stage.y + stage.height * (0.3 + 0.015 * i));
  await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(60);
  }
  await page.mouse.down();
  for (let i = 0; i < 20; i++) await page.mouse.move(stage.x + stage.width / 2 + 8 * i, stage.y + stage.height / 2 + 4 * i);
  await page.mouse.up();
  await page.waitForTimeout(400);
  seen.frame_gaps_ms = await page.evaluate(() => {
    cancelAnimationFrame(window.frameRequest);
    return window.frameGaps.slice(1);
  });

  // The timeline: the ties drawn once the slider is at `year`.
  const slider = page.locator("#map-year");
  seen.has_timeline = (await slider.count()) > 0;
  if (seen.has_timeline) {
    const timed = await page.evaluate((y) => {
      const input = document.getElementById("map-year");
      const t0 = performance.now();
      input.value = y;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - t0)));
    }, year);
    seen.slider_ms = timed;
    await page.click("#map-reset");
    await page.waitForTimeout(500);
    seen.slider_year = await page.evaluate(() => window.essnetMap.state.year);
    seen.visible_ties = await page.evaluate(() => {
      const { graph, renderer } = window.essnetMap;
      const out = [];
      graph.forEachEdge((edge, attributes, source, target) => {
        const shown = renderer.getEdgeDisplayData(edge);
        if (shown && !shown.hidden) out.push([Number(source), Number(target), Number(edge)]);
      });
      return out;
    });
    await page.locator("#map-stage").screenshot({ path: shots + "-year.png" });
    // Back to every year.
    await page.evaluate(() => {
      const input = document.getElementById("map-year");
      input.value = input.max;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  // Colourings: the choices offered, and the legend once coloured by country.
  seen.colour_options = await page.evaluate(() => [...document.querySelectorAll("#map-colour option")].map((o) => o.value));
  if (seen.colour_options.includes("country")) {
    await page.selectOption("#map-colour", "country");
    seen.country_legend = await page.evaluate(() => document.querySelector("#map-legend h4").textContent);
    await page.selectOption("#map-colour", seen.colour_options[0]);
  }

  // The search box.
  await page.fill("#map-search", query);
  await page.press("#map-search", "Enter");
  await page.waitForTimeout(500);
  seen.search = await page.evaluate(() => {
    const selected = window.essnetMap.state.selected;
    const panel = document.getElementById("map-panel");
    return {
      selected: selected === null ? null : Number(selected),
      name: panel.querySelector(".selected-name")?.textContent ?? null,
      ties: [...panel.querySelectorAll("li")].map((li) => li.querySelector(".tie").textContent),
      quotes: [...panel.querySelectorAll("blockquote")].map((q) => q.textContent),
    };
  });
  await page.locator("#map").screenshot({ path: shots + "-search.png" });

  // The centrality table sorted by betweenness: a click on its header.
  const header = page.locator('#centrality-table th[data-key="betweenness"]');
  if ((await header.count()) > 0) {
    await header.click();
    seen.sorted_first = await page.evaluate(() => {
      const row = document.querySelector("#centrality-table tbody tr");
      return row ? row.cells[0].textContent : null;
    });
    seen.sort_order = await header.getAttribute("aria-sort");
    seen.sorted_values = await page.evaluate(() => {
      const table = document.getElementById("centrality-table");
      const column = [...table.querySelectorAll("th")].findIndex((th) => th.dataset.key === "betweenness");
      return [...table.tBodies[0].rows].map((row) => Number(row.cells[column].dataset.v));
    });
  }
  // Map data the checks need to tie what was seen to actors.
  seen.ids = await page.evaluate(() => JSON.parse(document.getElementById("essnet-map-data").textContent).ids);
  await page.screenshot({ path: shots + "-full.png", fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
