// The HTML report: one file with its styles, scripts and data inline, readable without JavaScript
// (tables and maps are static markup; scripts add sorting and the interactive map).
#include <algorithm>
#include <set>
#include <sstream>

#include "charts.hpp"
#include "format.hpp"
#include "report.hpp"

namespace essnet::report {

namespace embedded {
extern const char* const map_js;    // sigma.js + graphology + map.js, bundled by esbuild (empty when not built)
extern const char* const licences;  // the licences of the bundled packages
}  // namespace embedded

namespace {

constexpr const char* style = R"CSS(
:root { --ink: #1d2330; --muted: #5b6270; --line: #d9dce3; --accent: #1f5fa8; --faint: #f5f6f8; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; font-size: 15px; }
header { padding: 1.4rem 2rem 0.6rem; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 0.3rem; font-size: 1.6rem; }
header p { margin: 0.2rem 0; color: var(--muted); }
nav { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; margin-top: 0.6rem; }
nav a { color: var(--accent); text-decoration: none; }
main { padding: 0 2rem 2rem; max-width: 1400px; }
section { margin-top: 2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 0.6rem; margin: 0.8rem 0; }
.figure { background: var(--faint); border-radius: 6px; padding: 0.5rem 0.7rem; }
.figure b { display: block; font-size: 1.35rem; }
.figure span { color: var(--muted); font-size: 0.85rem; }
.row { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.4rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.22rem 0.55rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: var(--faint); position: sticky; top: 0; }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th[aria-sort=descending]::after { content: " ▼"; }
table.sortable th[aria-sort=ascending]::after { content: " ▲"; }
.scroll { max-height: 34rem; overflow: auto; border: 1px solid var(--line); display: inline-block; max-width: 100%; }
tr.fragile td, span.fragile { color: #a33; }
.note { color: var(--muted); font-size: 0.85rem; max-width: 60rem; }
figure { margin: 0.5rem 0; }
figure svg, figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { color: var(--muted); font-size: 0.85rem; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 0.8rem; }
#essnet-map { margin-top: 1rem; }
.map-controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.4rem; }
.map-controls input[type=search] { width: 16rem; padding: 0.25rem; }
.map-controls input.not-found { outline: 2px solid #c33; }
.map-timeline { display: inline-flex; gap: 0.4rem; align-items: center; }
.map-timeline input { width: 16rem; }
.map-body { display: flex; gap: 0.8rem; align-items: stretch; }
.map-stage { position: relative; flex: 1 1 auto; height: 620px; border: 1px solid var(--line); background: #fff; }
.map-side { flex: 0 0 22rem; max-height: 620px; overflow: auto; font-size: 0.85rem; }
.map-legend ul { list-style: none; padding: 0; margin: 0.2rem 0; }
.map-legend .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 50%; margin-right: 0.4rem; vertical-align: middle; }
.map-legend h4, .map-panel h4 { margin: 0.4rem 0 0.2rem; }
.map-panel ol { padding-left: 1.2rem; }
.map-panel li.outside { color: var(--muted); }
.map-panel blockquote { margin: 0.2rem 0 0.5rem; padding-left: 0.5rem; border-left: 3px solid var(--line); color: var(--muted); }
.map-tooltip { position: absolute; z-index: 5; pointer-events: none; background: rgba(255,255,255,0.96); border: 1px solid var(--line); border-radius: 4px; padding: 0.3rem 0.5rem; font-size: 0.8rem; max-width: 22rem; box-shadow: 0 1px 4px rgba(0,0,0,0.15); }
.hint { color: var(--muted); }
details.licences pre { white-space: pre-wrap; font-size: 0.75rem; }
dl.method dt { font-weight: bold; margin-top: 0.5rem; }
dl.method dd { margin-left: 1.2rem; }
@media print {
  nav, #essnet-map, .noprint { display: none; }
  .scroll { max-height: none; overflow: visible; border: none; }
  section { break-inside: avoid-page; }
  main { padding: 0 0.5rem; }
}
)CSS";

// Sorting of the tables marked "sortable": a click on a header sorts by that column (numbers by
// their data-v value), a second click reverses.
constexpr const char* sort_script = R"JS(
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var descending = th.getAttribute("aria-sort") !== "descending";
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) {
        var cell = row.cells[column];
        var v = cell.getAttribute("data-v");
        return v === null ? cell.textContent : v === "" ? NaN : Number(v);
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        if (typeof x === "number" && typeof y === "number") {
          if (isNaN(x)) return isNaN(y) ? 0 : 1;
          if (isNaN(y)) return -1;
          return descending ? y - x : x - y;
        }
        return descending ? String(y).localeCompare(String(x)) : String(x).localeCompare(String(y));
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
)JS";

// Text for HTML, and JSON safe inside a <script> element.
std::string script_json(const Json& data) {
    std::string s = data.dump();
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        if (c == '<')
            out += "\\u003c";
        else
            out += c;
    }
    return out;
}

// An HTML table: the rows listed in `shown` (all when empty), the columns of `keys` (all when
// empty); numbers right-aligned with their exact value in data-v for sorting.
std::string html_table(const Json& table, const std::vector<std::size_t>& shown = {},
                       std::vector<std::string> keys = {}, const std::string& id = "", int fragile_column = -1) {
    if (keys.empty())
        for (const Json& c : table["columns"]) keys.push_back(c["key"]);
    std::vector<int> index;
    for (const auto& k : keys) index.push_back(column_index(table, k));
    std::ostringstream h;
    h << "<div class=\"scroll\"><table class=\"sortable\"" << (id.empty() ? "" : " id=\"" + id + "\"")
      << "><thead><tr>";
    for (const int i : index)
        h << "<th data-key=\"" << escape(table["columns"][static_cast<std::size_t>(i)]["key"].get<std::string>())
          << "\">" << escape(table["columns"][static_cast<std::size_t>(i)]["label"].get<std::string>()) << "</th>";
    h << "</tr></thead><tbody>\n";
    const Json& rows = table["rows"];
    auto row_html = [&](const Json& row) {
        const bool fragile = fragile_column >= 0 && row[static_cast<std::size_t>(fragile_column)] == true;
        h << (fragile ? "<tr class=\"fragile\">" : "<tr>");
        for (const int i : index) {
            const Json& v = row[static_cast<std::size_t>(i)];
            if (v.is_number())
                h << "<td class=\"n\" data-v=\"" << v.dump() << "\">" << cell_text(v) << "</td>";
            else if (v.is_null())
                h << "<td class=\"n\" data-v=\"\">–</td>";
            else
                h << "<td>" << escape(cell_text(v)) << "</td>";
        }
        h << "</tr>\n";
    };
    if (shown.empty())
        for (const Json& row : rows) row_html(row);
    else
        for (const auto r : shown) row_html(rows[r]);
    h << "</tbody></table></div>\n";
    return h.str();
}

// Rows of a table holding the `limit` largest values of any of the `keys` columns (all rows when
// the table is short), in table order.
std::vector<std::size_t> top_rows(const Json& table, const std::vector<std::string>& keys, std::size_t limit,
                                  bool smallest = false) {
    const Json& rows = table["rows"];
    std::set<std::size_t> picked;
    if (rows.size() <= limit * 2) {
        std::vector<std::size_t> all(rows.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        return all;
    }
    for (const auto& key : keys) {
        const int c = column_index(table, key);
        if (c < 0) continue;
        std::vector<std::pair<double, std::size_t>> values;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const Json& v = rows[i][static_cast<std::size_t>(c)];
            if (v.is_number()) values.emplace_back(smallest ? v.get<double>() : -v.get<double>(), i);
        }
        const std::size_t k = std::min(limit, values.size());
        std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
        for (std::size_t i = 0; i < k; ++i) picked.insert(values[i].second);
    }
    return {picked.begin(), picked.end()};
}

std::string figure(const std::string& value, const std::string& label) {
    return "<div class=\"figure\"><b>" + escape(value) + "</b><span>" + escape(label) + "</span></div>";
}

std::string percent(const Json& share) {
    if (share.is_null()) return "–";
    return cell_text(Json(share.get<double>() * 100)) + "%";
}

struct Definition {
    const char* name;
    const char* text;
};

// What each measure means, with its reference.
constexpr Definition definitions[] = {
    {"degree", "The number of ties of an actor (in + out when directed)."},
    {"strength", "The sum of the weights of an actor's ties."},
    {"betweenness",
     "The share of shortest paths between other actors that pass through an actor, normalised by the number of "
     "pairs as in networkx (Freeman 1977; Brandes 2001, doi:10.1080/0022250X.2001.9990249)."},
    {"closeness",
     "How near an actor is to all others: (r - 1) / (sum of distances) times (r - 1) / (n - 1) for the r actors "
     "it reaches (Wasserman & Faust 1994)."},
    {"harmonic",
     "The mean of 1 / distance to every other actor, 0 for those it cannot reach (Marchiori & Latora 2000, "
     "doi:10.1016/S0378-4371(00)00311-3)."},
    {"eigenvector",
     "An actor is central when its neighbours are: the principal eigenvector of the adjacency matrix, unit length "
     "(Bonacich 1987, doi:10.1086/228631)."},
    {"pagerank",
     "The share of time a random walker spends at an actor, following ties with probability 0.85 and jumping "
     "anywhere otherwise (Brin & Page 1998)."},
    {"coreness",
     "The largest k such that the actor belongs to a group where every member has at least k ties inside (Seidman "
     "1983; Batagelj & Zaversnik 2003)."},
    {"centralization",
     "Freeman centralization: how far the network is from one where every actor scores the same (0) towards a star "
     "(1) (Freeman 1979, doi:10.1016/0378-8733(78)90021-7)."},
    {"brokerage",
     "Gould-Fernandez roles of an actor b on two-paths a → b → c with no tie a → c, by the groups of a, b and c: "
     "coordinator (all one group), itinerant (a and c in one group, b outside), representative (b in a's group), "
     "gatekeeper (b in c's group), liaison (three groups). z-scores compare with a random network of the same density "
     "and groups, as R's sna::brokerage (Gould & Fernandez 1989, doi:10.2307/270949)."},
    {"structural holes",
     "Burt's constraint (how much an actor's ties lead to each other; low for brokers), effective size (the "
     "non-redundant contacts), efficiency and hierarchy (Burt 1992)."},
    {"Leiden",
     "Communities that maximise modularity, found by the Leiden algorithm (Traag, Waltman & van Eck 2019, "
     "doi:10.1038/s41598-019-41695-z)."},
    {"consensus",
     "Leiden run with many seeds; ties whose ends share a community in at least half of the runs are kept and the "
     "process repeated until the runs agree (Lancichinetti & Fortunato 2012, doi:10.1038/srep00336). An actor's "
     "stability is the share of the first runs that put it with its bloc."},
    {"E-I index",
     "(external - internal) / (external + internal) ties of a grouping: -1 when every tie stays inside groups, +1 "
     "when every tie crosses (Krackhardt & Stern 1988, doi:10.2307/2786835)."},
    {"robustness",
     "The measures are recomputed on copies of the network with a share of the ties dropped at random; an actor's "
     "rank interval spans 90% of the copies, and a top rank is fragile when the actor leaves the top k in more than "
     "5% of them (Borgatti, Carley & Krackhardt 2006, doi:10.1016/j.socnet.2005.05.001)."},
    {"layout",
     "Maps by stress majorization (Gansner, Koren & North 2004, doi:10.1007/978-3-540-31843-9_25) and, above "
     "layout_per_year_limit actors, ForceAtlas2 (Jacomy et al. 2014, doi:10.1371/journal.pone.0098679); yearly maps "
     "are anchored to the year before (Brandes & Mader 2012, doi:10.1007/978-3-642-25878-7_11)."},
};

}  // namespace

std::string html(const Report& report, const Options& options) {
    const Json& r = report.results;
    const Json& t = r["tables"];
    const Json& ov = r["overview"];
    std::ostringstream h;
    const std::string title = r["title"].get<std::string>();
    h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing may leave the file: no request to any host, whatever the data holds.
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
         "style-src 'unsafe-inline'; img-src data:; font-src data:\">\n"
      << "<meta name=\"generator\" content=\"essnet " << escape(r["essnet_version"].get<std::string>()) << "\">\n"
      << "<title>" << escape(title) << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n";
    h << "<header><h1>" << escape(title) << "</h1>\n<p>A report by essnet "
      << escape(r["essnet_version"].get<std::string>())
      << ". Every number is in results.json and the CSV files beside this page.</p>\n<nav>"
      << "<a href=\"#overview\">Overview</a><a href=\"#map\">Map</a><a href=\"#centrality\">Centrality</a>"
      << "<a href=\"#brokerage\">Brokerage</a><a href=\"#communities\">Communities</a>"
      << (t.contains("evolution") ? "<a href=\"#evolution\">Evolution</a>" : "")
      << "<a href=\"#robustness\">Robustness</a><a href=\"#method\">Method</a></nav></header>\n<main>\n";

    // 1. Overview.
    h << "<section id=\"overview\"><h2>Overview</h2>\n<div class=\"figures\">"
      << figure(cell_text(ov["actors"]), "actors") << figure(cell_text(ov["ties"]), "ties")
      << figure(cell_text(ov["density"]), "density") << figure(cell_text(ov["components"]), "components")
      << figure(cell_text(ov["largest_component"]), "actors in the largest component")
      << figure(cell_text(ov["isolated"]), "isolated actors");
    if (!ov["reciprocity"].is_null()) h << figure(cell_text(ov["reciprocity"]), "reciprocity");
    if (ov.contains("share_quoted")) h << figure(percent(ov["share_quoted"]), "ties quoting a source");
    if (ov.contains("share_inferred") && !ov["share_inferred"].is_null())
        h << figure(percent(ov["share_inferred"]), "ties inferred");
    h << "</div>\n<p class=\"note\">The analysed graph is " << (ov["directed"].get<bool>() ? "directed" : "undirected")
      << (ov["weighted"].get<bool>() ? " and weighted" : "") << ".</p>\n<div class=\"row\">";
    for (const char* name : {"actors_by_kind", "actors_by_country", "ties_by_relation", "ties_by_year"})
        if (t.contains(name))
            h << "<div><h3>" << escape(t[name]["title"].get<std::string>()) << "</h3>"
              << html_table(t[name], top_rows(t[name], {"count"}, 15)) << "</div>";
    h << "</div></section>\n";

    // 2. Map.
    h << "<section id=\"map\"><h2>Map</h2>\n<figure class=\"static\">" << report.map << "<figcaption>"
      << (t.contains("actors_by_kind") ? "Colour: kind of actor; size" : "Size")
      << ": degree; the labelled actors are the largest whose labels fit.</figcaption></figure>\n";
    const bool interactive = options.interactive && embedded::map_js[0] != '\0';
    if (interactive)
        h << "<h3>Interactive map</h3><p class=\"note\">Drag to pan, scroll to zoom, hover for details, click an "
             "actor for its ties and their sources. The timeline shows the ties begun by a year (or active that "
             "year) on that year's map.</p>\n<div id=\"essnet-map\"><noscript>The interactive map needs JavaScript; "
             "the static map above shows the same network.</noscript></div>\n";
    h << "</section>\n";

    // 3. Centrality.
    const Json& cent = t["centrality"];
    std::vector<std::string> measure_keys;
    for (const Json& m : r["method"]["parameters"]["measures"]) measure_keys.push_back(m);
    h << "<section id=\"centrality\"><h2>Centrality</h2>\n";
    const Json& cz = r["centrality"]["centralization"];
    if (!cz.empty()) {
        h << "<p>Freeman centralization (0: every actor alike; 1: a star):";
        for (const auto& [k, v] : cz.items()) h << " " << escape(k) << " <b>" << cell_text(v) << "</b>;";
        h << "</p>\n";
    }
    h << "<h3>Top actors per measure</h3>\n";
    if (t.contains("robustness"))
        h << "<p class=\"note\">Rank intervals hold in 90% of " << options.robustness_runs
          << " copies of the network with " << cell_text(Json(options.missing_share * 100))
          << "% of the ties dropped at random; a rank in red is fragile: the actor leaves the top " << options.top
          << " in more than 5% of the copies.</p>\n";
    h << "<div class=\"row\">";
    const Json& top = t["top_actors"];
    for (const auto& m : measure_keys) {
        h << "<div><h3>" << escape(m) << "</h3><ol>";
        for (const Json& row : top["rows"]) {
            if (row[0] != m) continue;
            const bool fragile = row[8] == true;
            h << "<li" << (fragile ? " class=\"fragile\"" : "") << ">" << escape(row[3].get<std::string>())
              << " <small>" << cell_text(row[4]);
            if (!row[5].is_null())
                h << ", rank " << cell_text(row[5]) << "–" << cell_text(row[6]) << (fragile ? " (fragile)" : "");
            h << "</small></li>";
        }
        h << "</ol></div>";
    }
    h << "</div>\n<h3>All measures</h3>\n";
    const auto shown = top_rows(cent, measure_keys, 25);
    if (shown.size() < cent["rows"].size())
        h << "<p class=\"note\">" << shown.size() << " of " << cent["rows"].size()
          << " actors: the 25 highest by each measure (click a header to sort). Every actor is in centrality.csv.</p>";
    std::vector<std::string> cent_keys{"name", "kind", "country"};
    for (const auto& m : measure_keys) cent_keys.push_back(m);
    h << html_table(cent, shown, cent_keys, "centrality-table");
    h << "<dl class=\"method\">";
    for (const auto& [k, v] : r["centrality"]["methods"].items())
        h << "<dt>" << escape(k) << "</dt><dd>" << escape(v.get<std::string>()) << "</dd>";
    h << "</dl></section>\n";

    // 4. Brokerage.
    h << "<section id=\"brokerage\"><h2>Brokerage</h2>\n";
    bool any = false;
    for (const auto& [name, table] : t.items()) {
        if (name.rfind("brokerage_", 0) != 0) continue;
        any = true;
        const std::string column = name.substr(10);
        const Json& global = r["brokerage"][column];
        h << "<h3>" << escape(table["title"].get<std::string>()) << "</h3>\n<p class=\"note\">Whole network, z-scores "
          << "against a random network of the same density:";
        for (const auto& [role, v] : global.items())
            h << " " << escape(role) << " " << cell_text(v["count"]) << " (z " << cell_text(v["z"]) << ");";
        h << "</p>\n"
          << html_table(table, top_rows(table, {"total"}, 25),
                        {"name", "group", "coordinator", "itinerant", "representative", "gatekeeper", "liaison",
                         "total", "z_total"});
    }
    if (!any) h << "<p class=\"note\">No grouping of the actors (an edge list has no kinds or countries).</p>";
    h << "<h3>" << escape(t["structural_holes"]["title"].get<std::string>()) << "</h3>\n"
      << html_table(t["structural_holes"], top_rows(t["structural_holes"], {"constraint"}, 25, true));
    h << "</section>\n";

    // 5. Communities.
    const Json& c = r["communities"];
    h << "<section id=\"communities\"><h2>Communities</h2>\n<p>Leiden finds <b>" << c["leiden"]["communities"]
      << "</b> communities (modularity " << cell_text(c["leiden"]["modularity"]) << "). A consensus of "
      << c["consensus"]["runs"] << " Leiden runs gives <b>" << c["consensus"]["communities"]
      << "</b> blocs (modularity " << cell_text(c["consensus"]["modularity"]) << ", " << c["consensus"]["rounds"]
      << " rounds" << (c["consensus"]["converged"].get<bool>() ? "" : ", the runs did not fully agree") << ").</p>\n";
    h << "<h3>Blocs</h3>" << html_table(t["blocs"], top_rows(t["blocs"], {"size"}, 30)) << "<h3>E-I index</h3>"
      << html_table(t["ei_index"]);
    if (t["communities"]["rows"].size() <= 300)
        h << "<h3>Actors</h3>" << html_table(t["communities"], {}, {"name", "bloc", "leiden", "stability"});
    h << "</section>\n";

    // 6. Evolution.
    if (t.contains("evolution")) {
        h << "<section id=\"evolution\"><h2>Evolution</h2>\n<figure>" << report.growth_chart
          << "<figcaption>Actors with ties and ties begun by the end of each year.</figcaption></figure>\n"
          << html_table(t["evolution"]) << "<h3>The network period by period</h3><div class=\"multiples\">";
        const Json& periods = r["evolution"]["periods"];
        for (std::size_t i = 0; i < report.periods.size(); ++i)
            h << "<figure>" << report.periods[i] << "<figcaption>Ties begun " << escape(periods[i].get<std::string>())
              << "</figcaption></figure>";
        h << "</div><p class=\"note\">Layout: " << escape(r["evolution"]["layout"].get<std::string>())
          << ".</p></section>\n";
    }

    // 7. Robustness.
    h << "<section id=\"robustness\"><h2>Robustness</h2>\n";
    if (t.contains("robustness"))
        h << "<p class=\"note\">" << escape(t["robustness"]["title"].get<std::string>()) << ", over "
          << options.robustness_runs << " copies.</p>" << html_table(t["robustness"]) << "<h3>Top ranks</h3>"
          << html_table(top, {}, {"measure", "rank", "name", "score", "rank_low", "rank_high", "top_share", "fragile"},
                        "robustness-table", 8);
    else
        h << "<p class=\"note\">The network has no ties to drop.</p>";
    h << "</section>\n";

    // 8. Method.
    h << "<section id=\"method\"><h2>Method</h2>\n<dl class=\"method\">";
    for (const auto& d : definitions) h << "<dt>" << d.name << "</dt><dd>" << escape(d.text) << "</dd>";
    h << "</dl>\n<h3>Parameters</h3><table>";
    for (const auto& [k, v] : r["method"]["selection"].items())
        h << "<tr><th>" << escape(k) << "</th><td>" << escape(v.is_string() ? v.get<std::string>() : v.dump())
          << "</td></tr>";
    for (const auto& [k, v] : r["method"]["parameters"].items())
        h << "<tr><th>" << escape(k) << "</th><td>" << escape(v.is_string() ? v.get<std::string>() : v.dump())
          << "</td></tr>";
    h << "<tr><th>essnet</th><td>" << escape(r["essnet_version"].get<std::string>()) << "</td></tr>";
    for (const Json& source : r["input"])
        h << "<tr><th>input</th><td>" << escape(source["file"].get<std::string>()) << "<br>SHA-256 <code>"
          << escape(source["sha256"].get<std::string>()) << "</code></td></tr>";
    h << "</table>\n";
    if (interactive)
        h << "<details class=\"licences\"><summary>Licences of the bundled map software (sigma.js, "
             "graphology)</summary><pre>"
          << escape(embedded::licences) << "</pre></details>\n";
    h << "</section>\n</main>\n";
    if (interactive)
        h << "<script type=\"application/json\" id=\"essnet-map-data\">" << script_json(report.map_data)
          << "</script>\n"
          << "<script>" << embedded::map_js << "</script>\n";
    h << "<script>" << sort_script << "</script>\n</body>\n</html>\n";
    return h.str();
}

}  // namespace essnet::report
