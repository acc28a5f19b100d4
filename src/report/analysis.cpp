// The numbers of the report: every one comes from a library function, with the options the Method
// section states.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "charts.hpp"
#include "draw.hpp"
#include "essnet/centrality/approximate_betweenness.hpp"
#include "essnet/centrality/betweenness.hpp"
#include "essnet/centrality/centralization.hpp"
#include "essnet/centrality/closeness.hpp"
#include "essnet/centrality/coreness.hpp"
#include "essnet/centrality/degree.hpp"
#include "essnet/centrality/eigenvector.hpp"
#include "essnet/centrality/pagerank.hpp"
#include "essnet/community/consensus.hpp"
#include "essnet/community/leiden.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/components/connected_components.hpp"
#include "essnet/detail/text.hpp"
#include "essnet/draw/drawing.hpp"
#include "essnet/graph/subgraph.hpp"
#include "essnet/layout/auto.hpp"
#include "essnet/layout/over_time.hpp"
#include "essnet/layout/stress.hpp"
#include "essnet/sna/brokerage.hpp"
#include "essnet/sna/census.hpp"
#include "essnet/sna/groups.hpp"
#include "essnet/sna/robustness.hpp"
#include "essnet/sna/structural_holes.hpp"
#include "essnet/version.hpp"
#include "report.hpp"

namespace essnet::report {

const std::vector<std::string>& measure_names() {
    static const std::vector<std::string> names{"degree",   "strength",    "betweenness", "closeness",
                                                "harmonic", "eigenvector", "pagerank",    "coreness"};
    return names;
}

const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names{"html", "md", "csv", "json"};
    return names;
}

void check_formats(const std::vector<std::string>& formats) {
    if (formats.empty()) throw std::invalid_argument("formats: give at least one of html, md, csv, json");
    for (const auto& f : formats)
        if (std::find(format_names().begin(), format_names().end(), f) == format_names().end())
            throw std::invalid_argument("formats: unknown format '" + f + "'; the formats are html, md, csv, json");
}

namespace {

using Clock = std::chrono::steady_clock;

// Logs a step and, when it ends, how long it took.
class Step {
public:
    // `announce`: say when the step starts too (on large graphs, where steps take a while).
    Step(const Options& o, bool announce, std::string what) : o_(o), what_(std::move(what)), start_(Clock::now()) {
        if (o_.log && announce) o_.log(what_ + " ...");
    }
    ~Step() {
        if (!o_.log || std::uncaught_exceptions() > 0) return;  // no line for a step that failed
        const double s = std::chrono::duration<double>(Clock::now() - start_).count();
        if (s < 0.5) return;
        std::ostringstream line;
        line.precision(2);
        line << std::fixed << what_ << ": " << s << " s";
        try {
            o_.log(line.str());
        } catch (...) {
            // A destructor must not throw; the log's own errors are the caller's to keep.
        }
    }

private:
    const Options& o_;
    std::string what_;
    Clock::time_point start_;
};

// A table: columns (key and label) and rows of values.
Json table(std::string title, std::initializer_list<std::pair<std::string, std::string>> columns) {
    Json t;
    t["title"] = std::move(title);
    t["columns"] = Json::array();
    for (const auto& [key, label] : columns) t["columns"].push_back({{"key", key}, {"label", label}});
    t["rows"] = Json::array();
    return t;
}

void add_column(Json& t, const std::string& key, const std::string& label) {
    t["columns"].push_back({{"key", key}, {"label", label}});
}

// NaN and infinities become null in JSON.
Json number(double x) {
    return std::isfinite(x) ? Json(x) : Json(nullptr);
}

// Per node of the analysed graph: id, display name, kind and country (empty when unknown).
struct Nodes {
    std::vector<std::string> id, name, kind, country;
    std::vector<std::int32_t> row;  // actor row, -1 without a network
    bool has_kind = false, has_country = false;
};

Nodes nodes_of(const Input& in) {
    const Graph& g = in.graph;
    Nodes v;
    const auto n = static_cast<std::size_t>(g.num_nodes());
    v.id.resize(n);
    v.name.resize(n);
    v.kind.resize(n);
    v.country.resize(n);
    v.row.assign(n, -1);
    const auto rows = g.node_actors();
    for (std::size_t u = 0; u < n; ++u) {
        v.id[u] = printable(g.node_name(static_cast<node_id>(u)));
        v.name[u] = v.id[u];
        if (!in.network || rows.empty()) continue;
        const auto r = static_cast<std::size_t>(rows[u]);
        const ActorTable& a = in.network->actors();
        v.row[u] = rows[u];
        if (!a.name[r].empty()) v.name[u] = printable(a.name[r]);
        v.kind[u] = printable(a.kind[r]);
        v.country[u] = printable(a.country[r]);
        v.has_kind = v.has_kind || !v.kind[u].empty();
        v.has_country = v.has_country || !v.country[u].empty();
    }
    return v;
}

// Group codes of text values, in order of first appearance; an empty value is its own group "(none)".
struct Groups {
    std::vector<std::int32_t> code;
    std::vector<std::string> names;
};

Groups groups_of(const std::vector<std::string>& values) {
    Groups gr;
    std::unordered_map<std::string, std::int32_t> index;
    for (const auto& v : values) {
        const std::string name = v.empty() ? "(none)" : v;
        const auto [it, added] = index.try_emplace(name, static_cast<std::int32_t>(gr.names.size()));
        if (added) gr.names.push_back(name);
        gr.code.push_back(it->second);
    }
    return gr;
}

// Distinct tie rows of the graph's edges (an undirected tie of a directed graph is two edges).
std::vector<std::int64_t> tie_rows(const Graph& g) {
    std::vector<std::int64_t> rows(g.edge_rows().begin(), g.edge_rows().end());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

// Counts of text values, most frequent first (ties by name).
std::vector<std::pair<std::string, std::int64_t>> counts(const std::vector<std::string>& values, const char* missing) {
    std::map<std::string, std::int64_t> c;
    for (const auto& v : values) ++c[v.empty() ? missing : v];
    std::vector<std::pair<std::string, std::int64_t>> out(c.begin(), c.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

Json counts_table(const std::string& title, const std::string& key, const std::string& label,
                  const std::vector<std::pair<std::string, std::int64_t>>& rows, const std::string& count_label) {
    Json t = table(title, {{key, label}, {"count", count_label}});
    for (const auto& [k, c] : rows) t["rows"].push_back({k, c});
    return t;
}

// Nodes by decreasing value (NaN last), ties by node order.
std::vector<std::size_t> order_by(const std::vector<double>& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double x = values[a], y = values[b];
        if (std::isnan(y)) return !std::isnan(x);
        if (std::isnan(x)) return false;
        return x > y;
    });
    return order;
}

std::vector<double> as_double(const std::vector<std::int64_t>& v) {
    return {v.begin(), v.end()};
}

// A text such as "organization 5, network 2" of the most frequent values among `members`.
std::string composition(const std::vector<std::string>& values, const std::vector<std::size_t>& members,
                        std::size_t most) {
    std::vector<std::string> picked;
    picked.reserve(members.size());
    for (const auto u : members) picked.push_back(values[u]);
    const auto c = counts(picked, "(none)");
    std::string out;
    for (std::size_t i = 0; i < c.size() && i < most; ++i) {
        if (i) out += ", ";
        out += c[i].first;
        out += " ";
        out += std::to_string(c[i].second);
    }
    if (c.size() > most) out += ", ...";
    return out;
}

struct Measure {
    std::string name;
    std::vector<double> values;
    std::string method;  // how it was computed, for the Method section
};

// The measures to compute: the ones asked for, or every one that applies.
std::vector<std::string> chosen_measures(const Options& o, const Graph& g, bool connected) {
    if (!o.measures.empty()) return o.measures;
    std::vector<std::string> out{"degree"};
    if (g.weighted()) out.push_back("strength");
    out.push_back("betweenness");
    if (g.num_nodes() <= o.exact_limit) out.push_back(connected ? "closeness" : "harmonic");
    for (const char* m : {"eigenvector", "pagerank", "coreness"}) out.emplace_back(m);
    return out;
}

Measure compute_measure(const std::string& name, const Graph& g, const Options& o) {
    Measure m{name, {}, {}};
    if (name == "degree") {
        m.values = as_double(degree(g));
        m.method = "number of ties (a multi-tie counts once per tie, a self-loop twice)";
    } else if (name == "strength") {
        m.values = strength(g);
        m.method = "sum of tie weights";
    } else if (name == "betweenness") {
        if (g.num_nodes() <= o.exact_limit) {
            m.values = betweenness(g, {.use_weights = false, .progress = o.progress});
            m.method = "exact (Brandes 2001), normalised as networkx, ties as hops";
        } else {
            const auto r = approximate_betweenness(g, {.use_weights = false, .seed = o.seed, .progress = o.progress});
            m.values = r.score;
            m.method = "approximate (Riondato & Kornaropoulos 2016): " + std::to_string(r.samples) +
                       " sampled paths, every score within 0.01 of the exact one with probability 0.9; the "
                       "graph has more than " +
                       std::to_string(o.exact_limit) + " nodes";
        }
    } else if (name == "closeness") {
        m.values = closeness(g, {.use_weights = false, .progress = o.progress});
        m.method = "Wasserman-Faust closeness (networkx's wf_improved), ties as hops";
    } else if (name == "harmonic") {
        m.values = harmonic(g, {.normalized = true, .use_weights = false, .progress = o.progress});
        m.method = "harmonic centrality (Marchiori & Latora 2000), divided by n - 1, ties as hops";
    } else if (name == "eigenvector") {
        const auto r = eigenvector(g);
        m.values = r.score;
        m.method = std::string("principal eigenvector, unit L2 norm") + (r.converged ? "" : " (did not converge)");
    } else if (name == "pagerank") {
        const auto r = pagerank(g);
        m.values = r.score;
        m.method =
            std::string("PageRank, damping 0.85, L1 error below 1e-10") + (r.converged ? "" : " (did not converge)");
    } else {
        m.values = as_double(coreness(g));
        m.method = "k-core number (Batagelj & Zaversnik 2003)";
    }
    return m;
}

// Per-node positions of the analysed graph: stress up to `layout_per_year_limit` nodes, ForceAtlas2 above.
std::vector<Point> map_layout(const Graph& g, const Options& o) {
    if (g.num_nodes() <= o.layout_per_year_limit) return stress(g, {.seed = o.seed, .progress = o.progress});
    return auto_layout(g, {.seed = o.seed, .progress = o.progress});
}

// A map: SVG, inline or as an image (whose styles and ids then stay its own), or a PNG image for
// large graphs.
std::string picture(const Graph& g, std::span<const Point> positions, const DrawOptions& d, const Options& o,
                    bool inline_svg) {
    const Scene scene = make_scene(g, positions, d);
    if (g.num_nodes() <= o.svg_limit && g.num_edges() <= 4 * static_cast<std::int64_t>(o.svg_limit)) {
        std::string s = svg(scene);
        if (!inline_svg) return "<img alt=\"map\" src=\"data:image/svg+xml;base64," + base64(s) + "\">";
        // Inline SVG: drop the XML declaration.
        if (s.rfind("<?xml", 0) == 0) s.erase(0, s.find('\n') + 1);
        return s;
    }
    return "<img alt=\"map\" src=\"data:image/png;base64," + base64(png(scene)) + "\">";
}

}  // namespace

void check(const Input& in, const Options& o) {
    if (!o.group.empty() && !(in.network && cli::actor_column(*in.network, o.group))) {
        std::string known;
        if (in.network) {
            for (const auto& c : reserved_actor_columns()) known += (known.empty() ? "" : ", ") + c;
            for (const auto& c : in.network->actors().extra) known += ", " + c.name;
        }
        throw std::invalid_argument("group: no actor column '" + o.group + "'" +
                                    (in.network ? "; the columns are " + known : "; an edge list has no columns"));
    }
    std::vector<std::string> seen;
    for (const auto& m : o.measures) {
        if (std::find(measure_names().begin(), measure_names().end(), m) == measure_names().end()) {
            std::string known;
            for (const auto& k : measure_names()) known += (known.empty() ? "" : ", ") + k;
            throw std::invalid_argument("measures: unknown measure '" + m + "'; the measures are " + known);
        }
        if (std::find(seen.begin(), seen.end(), m) != seen.end())
            throw std::invalid_argument("measures: '" + m + "' is given twice");
        seen.push_back(m);
    }
    check_formats(o.formats);
    if (o.top < 1) throw std::invalid_argument("top must be at least 1, got " + std::to_string(o.top));
    if (o.consensus_runs < 1)
        throw std::invalid_argument("consensus_runs must be at least 1, got " + std::to_string(o.consensus_runs));
    if (o.robustness_runs < 0)
        throw std::invalid_argument("robustness_runs must be at least 0, got " + std::to_string(o.robustness_runs));
    if (!(o.missing_share >= 0 && o.missing_share < 1))
        throw std::invalid_argument("missing_share must be in [0, 1), got " + std::to_string(o.missing_share));
}

Report analyze(const Input& in, const Options& o) {
    const Graph& g = in.graph;
    const auto n = static_cast<std::size_t>(g.num_nodes());
    const Nodes nodes = nodes_of(in);
    const bool large = g.num_nodes() > o.exact_limit;
    const ActorNetwork* network = in.network ? &*in.network : nullptr;
    Report report;
    Json& r = report.results;

    check(in, o);
    std::vector<std::string> group_columns;
    if (!o.group.empty()) {
        group_columns.push_back(o.group);
    } else {
        if (nodes.has_kind) group_columns.emplace_back("kind");
        if (nodes.has_country) group_columns.emplace_back("country");
    }
    auto node_column = [&](const std::string& column) {
        const auto values = *cli::actor_column(*network, column);
        std::vector<std::string> out(n);
        for (std::size_t u = 0; u < n; ++u) out[u] = printable(values[static_cast<std::size_t>(nodes.row[u])]);
        return out;
    };

    // Every top-level key first, in order: an ordered_json object is a vector, so adding a key
    // would invalidate the references held to the others below.
    for (const char* key : {"title", "essnet_version", "input", "overview", "centrality", "brokerage", "communities",
                            "evolution", "method", "tables"})
        r[key] = Json::object();
    r["title"] = printable(in.title);
    r["essnet_version"] = ESSNET_VERSION;
    Json& sources = r["input"] = Json::array();
    for (const auto& [file, sha] : in.sources) sources.push_back({{"file", file}, {"sha256", sha}});

    // 1. Overview.
    const auto comps = connected_components(g);
    const auto deg = degree(g);
    std::int64_t largest = 0, isolated = 0;
    for (const auto s : comps.sizes) largest = std::max(largest, s);
    for (const auto d : deg) isolated += d == 0;
    const bool connected = comps.count() <= 1;
    const auto rows = tie_rows(g);
    Json& ov = r["overview"];
    ov["actors"] = g.num_nodes();
    ov["ties"] = network ? static_cast<std::int64_t>(rows.size()) : g.num_edges();
    ov["edges"] = g.num_edges();
    ov["directed"] = g.directed();
    ov["weighted"] = g.weighted();
    ov["density"] = number(density(g));
    ov["reciprocity"] = g.directed() ? number(reciprocity(g)) : Json(nullptr);
    ov["components"] = comps.count();
    ov["largest_component"] = largest;
    ov["isolated"] = isolated;
    Json& tables = r["tables"];
    if (network) {
        const TieTable& t = network->ties();
        std::int64_t quoted = 0, inferred = 0;
        const ExtraColumn* inferred_column = nullptr;
        for (const auto& c : t.extra)
            if (c.name == "inferred") inferred_column = &c;
        std::vector<std::string> relation;
        std::map<std::int32_t, std::int64_t> by_year;  // no_year, the smallest, counts the undated ties
        for (const auto row : rows) {
            const auto i = static_cast<std::size_t>(row);
            quoted += !t.provenance[i].empty();
            if (inferred_column) {
                const std::string_view v = inferred_column->values[i];
                inferred += v == "true" || v == "True" || v == "1" || v == "yes";
            }
            relation.push_back(printable(t.relation[i]));
            ++by_year[t.start_year[i]];
        }
        const double m = std::max<double>(1, static_cast<double>(rows.size()));
        ov["share_quoted"] = rows.empty() ? Json(nullptr) : Json(static_cast<double>(quoted) / m);
        ov["share_inferred"] =
            rows.empty() || !inferred_column ? Json(nullptr) : Json(static_cast<double>(inferred) / m);
        tables["actors_by_kind"] =
            counts_table("Actors by kind", "kind", "kind", counts(nodes.kind, "(none)"), "actors");
        if (nodes.has_country)
            tables["actors_by_country"] =
                counts_table("Actors by country", "country", "country", counts(nodes.country, "(none)"), "actors");
        tables["ties_by_relation"] =
            counts_table("Ties by relation", "relation", "relation", counts(relation, "(none)"), "ties");
        // Years in order, the undated ties last.
        Json years_table = table("Ties by start year", {{"year", "start year"}, {"count", "ties"}});
        for (const auto& [y, c] : by_year)
            if (y != no_year) years_table["rows"].push_back({y, c});
        if (by_year.count(no_year)) years_table["rows"].push_back({"(none)", by_year[no_year]});
        tables["ties_by_year"] = std::move(years_table);
    }

    // 3. Centrality.
    std::vector<Measure> measures;
    for (const auto& name : chosen_measures(o, g, connected)) {
        const Step step(o, large, "centrality: " + name);
        measures.push_back(compute_measure(name, g, o));
    }
    {
        Json& c = r["centrality"];
        Json t = table("Centrality", {{"id", "id"}, {"name", "actor"}, {"kind", "kind"}, {"country", "country"}});
        for (const auto& m : measures) {
            add_column(t, m.name, m.name);
            add_column(t, m.name + "_rank", m.name + " rank");
            c["methods"][m.name] = m.method;
        }
        std::vector<std::vector<double>> ranks;
        for (const auto& m : measures) ranks.push_back(detail::min_ranks(m.values));
        for (std::size_t u = 0; u < n; ++u) {
            Json row = {nodes.id[u], nodes.name[u], nodes.kind[u], nodes.country[u]};
            for (std::size_t k = 0; k < measures.size(); ++k) {
                row.push_back(number(measures[k].values[u]));
                row.push_back(number(ranks[k][u]));
            }
            t["rows"].push_back(std::move(row));
        }
        tables["centrality"] = std::move(t);
        Json& cz = c["centralization"];
        if (n >= 3) {
            cz["degree"] = number(centralization(g, CentralizationMeasure::degree));
            if (n <= static_cast<std::size_t>(o.exact_limit))
                cz["betweenness"] = number(centralization(g, CentralizationMeasure::betweenness));
            if (connected && !g.directed() && n <= static_cast<std::size_t>(o.exact_limit))
                cz["closeness"] = number(centralization(g, CentralizationMeasure::closeness));
        }
    }

    // 7. Robustness of the top-k rankings (computed here: the top-k tables flag fragile ranks).
    std::vector<RobustnessResult> robust(measures.size());
    if (g.num_edges() > 0 && o.robustness_runs > 0) {
        Json t = table("Rank correlation with the observed scores when " +
                           std::to_string(static_cast<int>(std::lround(o.missing_share * 100))) +
                           "% of the ties are missing",
                       {{"measure", "measure"},
                        {"spearman_median", "Spearman (median)"},
                        {"spearman_low", "Spearman (5%)"},
                        {"spearman_high", "Spearman (95%)"}});
        for (std::size_t k = 0; k < measures.size(); ++k) {
            const Step step(o, large,
                            "robustness: " + measures[k].name + ", " + std::to_string(o.robustness_runs) + " runs");
            const std::string name = measures[k].name;
            // The copies are measured on several threads: their measures report to no one.
            Options quiet = o;
            quiet.progress = {};
            robust[k] = robustness(g, [&](const Graph& h) { return compute_measure(name, h, quiet).values; },
                                   {.perturbation = Perturbation::drop_ties,
                                    .share = o.missing_share,
                                    .runs = o.robustness_runs,
                                    .seed = o.seed,
                                    .top = static_cast<std::int32_t>(o.top),
                                    .parallel = true,
                                    .progress = o.progress});
            const auto& rc = robust[k].rank_correlation;
            t["rows"].push_back({name, number(detail::quantile(rc, 0.5)), number(detail::quantile(rc, 0.05)),
                                 number(detail::quantile(rc, 0.95))});
        }
        tables["robustness"] = std::move(t);
    }
    {
        Json t = table("Top actors per measure", {{"measure", "measure"},
                                                  {"rank", "rank"},
                                                  {"id", "id"},
                                                  {"name", "actor"},
                                                  {"score", "score"},
                                                  {"rank_low", "rank (5%)"},
                                                  {"rank_high", "rank (95%)"},
                                                  {"top_share", "share of runs in the top " + std::to_string(o.top)},
                                                  {"fragile", "fragile"}});
        for (std::size_t k = 0; k < measures.size(); ++k) {
            const auto order = order_by(measures[k].values);
            const auto ranks = detail::min_ranks(measures[k].values);
            for (std::size_t i = 0; i < order.size() && i < o.top; ++i) {
                const std::size_t u = order[i];
                if (std::isnan(measures[k].values[u])) break;
                Json row = {measures[k].name, number(ranks[u]), nodes.id[u], nodes.name[u],
                            number(measures[k].values[u])};
                if (robust[k].rank_low.empty()) {
                    row.insert(row.end(), {nullptr, nullptr, nullptr, nullptr});
                } else {
                    // The interval rounded outwards to whole ranks.
                    const double high = std::ceil(robust[k].rank_high[u]);
                    row.push_back(number(std::floor(robust[k].rank_low[u])));
                    row.push_back(number(high));
                    row.push_back(number(robust[k].top_share[u]));
                    // Fragile: in more than 5% of the runs the actor falls out of the top k.
                    row.push_back(!(high <= static_cast<double>(o.top)));
                }
                t["rows"].push_back(std::move(row));
            }
        }
        tables["top_actors"] = std::move(t);
    }

    // 4. Brokerage.
    for (const auto& column : group_columns) {
        const Step step(o, large, "brokerage by " + column);
        const Groups gr = groups_of(node_column(column));
        const auto b = brokerage(g, gr.code);
        Json t = table("Brokerage roles by " + column, {{"id", "id"}, {"name", "actor"}, {"group", column}});
        static const std::array<const char*, 6> labels = {"coordinator", "itinerant", "representative",
                                                          "gatekeeper",  "liaison",   "total"};
        for (std::size_t role = 0; role < 6; ++role) add_column(t, labels[role], labels[role]);
        for (std::size_t role = 0; role < 6; ++role)
            add_column(t, std::string("z_") + labels[role], std::string("z ") + labels[role]);
        for (const auto u : order_by([&] {
                 std::vector<double> total(n);
                 for (std::size_t v = 0; v < n; ++v) total[v] = b.raw[v][BrokerageRole::total];
                 return total;
             }())) {
            Json row = {nodes.id[u], nodes.name[u], gr.names[static_cast<std::size_t>(gr.code[u])]};
            for (std::size_t role = 0; role < 6; ++role) row.push_back(number(b.raw[u][role]));
            for (std::size_t role = 0; role < 6; ++role) row.push_back(number(b.z[u][role]));
            t["rows"].push_back(std::move(row));
        }
        tables["brokerage_" + column] = std::move(t);
        Json global;
        for (std::size_t role = 0; role < 6; ++role)
            global[labels[role]] = {{"count", number(b.global_raw[role])}, {"z", number(b.global_z[role])}};
        r["brokerage"][column] = std::move(global);
    }
    {
        const Step step(o, large, "structural holes");
        const auto sh = structural_holes(g);
        Json t = table("Structural holes (Burt 1992)", {{"id", "id"},
                                                        {"name", "actor"},
                                                        {"constraint", "constraint"},
                                                        {"effective_size", "effective size"},
                                                        {"efficiency", "efficiency"},
                                                        {"hierarchy", "hierarchy"}});
        std::vector<double> key(n);
        for (std::size_t u = 0; u < n; ++u) key[u] = -sh.constraint[u];
        for (const auto u : order_by(key))
            t["rows"].push_back({nodes.id[u], nodes.name[u], number(sh.constraint[u]), number(sh.effective_size[u]),
                                 number(sh.efficiency[u]), number(sh.hierarchy[u])});
        tables["structural_holes"] = std::move(t);
    }

    // 5. Communities.
    std::vector<std::int32_t> bloc(n, 0);
    {
        Partition leiden_partition;
        {
            const Step step(o, large, "communities: Leiden");
            leiden_partition = leiden(g, {.seed = o.seed});
        }
        ConsensusResult cons;
        {
            const Step step(o, large, "communities: consensus of " + std::to_string(o.consensus_runs) + " Leiden runs");
            cons = consensus(g, {.runs = o.consensus_runs, .seed = o.seed, .progress = o.progress});
        }
        // Blocs: the consensus communities, numbered by decreasing size from 1.
        const auto k = static_cast<std::size_t>(cons.partition.n_communities);
        std::vector<std::vector<std::size_t>> members(k);
        for (std::size_t u = 0; u < n; ++u)
            members[static_cast<std::size_t>(cons.partition.membership[u])].push_back(u);
        std::vector<std::size_t> by_size(k);
        std::iota(by_size.begin(), by_size.end(), 0);
        std::stable_sort(by_size.begin(), by_size.end(),
                         [&](std::size_t a, std::size_t b) { return members[a].size() > members[b].size(); });
        std::vector<std::int32_t> number_of(k);
        for (std::size_t i = 0; i < k; ++i) number_of[by_size[i]] = static_cast<std::int32_t>(i + 1);
        for (std::size_t u = 0; u < n; ++u) bloc[u] = number_of[static_cast<std::size_t>(cons.partition.membership[u])];
        Json& c = r["communities"];
        c["leiden"] = {
            {"communities", leiden_partition.n_communities},
            {"modularity", number(g.num_edges() ? modularity(g, leiden_partition.membership) : std::nan(""))}};
        c["consensus"] = {
            {"runs", o.consensus_runs},
            {"communities", cons.partition.n_communities},
            {"modularity", number(g.num_edges() ? modularity(g, cons.partition.membership) : std::nan(""))},
            {"rounds", cons.iterations},
            {"converged", cons.converged}};
        Json t = table("Communities", {{"id", "id"},
                                       {"name", "actor"},
                                       {"bloc", "bloc (consensus)"},
                                       {"leiden", "Leiden community"},
                                       {"stability", "stability"}});
        for (std::size_t u = 0; u < n; ++u)
            t["rows"].push_back(
                {nodes.id[u], nodes.name[u], bloc[u], leiden_partition.membership[u] + 1, number(cons.stability[u])});
        tables["communities"] = std::move(t);
        Json blocs = table("Blocs", {{"bloc", "bloc"},
                                     {"size", "actors"},
                                     {"stability", "mean stability"},
                                     {"kinds", "kinds"},
                                     {"countries", "countries"},
                                     {"leading", "leading actors (degree)"}});
        for (std::size_t i = 0; i < k; ++i) {
            const auto& mem = members[by_size[i]];
            double s = 0;
            for (const auto u : mem) s += cons.stability[u];
            std::vector<std::size_t> lead = mem;
            std::stable_sort(lead.begin(), lead.end(), [&](std::size_t a, std::size_t b) { return deg[a] > deg[b]; });
            std::string leading;
            for (std::size_t j = 0; j < lead.size() && j < 3; ++j) leading += (j ? ", " : "") + nodes.name[lead[j]];
            blocs["rows"].push_back({i + 1, mem.size(), number(s / static_cast<double>(mem.size())),
                                     nodes.has_kind ? Json(composition(nodes.kind, mem, 4)) : Json(""),
                                     nodes.has_country ? Json(composition(nodes.country, mem, 4)) : Json(""), leading});
        }
        tables["blocs"] = std::move(blocs);
        Json ei = table("E-I index (Krackhardt & Stern 1988): -1 all ties inside groups, +1 all between",
                        {{"attribute", "grouping"}, {"groups", "groups"}, {"ei_index", "E-I index"}});
        std::vector<std::string> attributes = group_columns;
        for (const char* a : {"kind", "country"})
            if ((a == std::string("kind") ? nodes.has_kind : nodes.has_country) &&
                std::find(attributes.begin(), attributes.end(), a) == attributes.end())
                attributes.emplace_back(a);
        for (const auto& a : attributes) {
            const Groups gr = groups_of(node_column(a));
            ei["rows"].push_back({a, gr.names.size(), number(ei_index(g, gr.code).network)});
        }
        std::vector<std::int32_t> bloc_codes(n);
        for (std::size_t u = 0; u < n; ++u) bloc_codes[u] = bloc[u] - 1;
        ei["rows"].push_back({"bloc", k, number(k ? ei_index(g, bloc_codes).network : std::nan(""))});
        tables["ei_index"] = std::move(ei);
    }

    // 2 and 6. Maps and evolution.
    std::vector<Point> positions;
    {
        const Step step(o, large, "map layout");
        positions = map_layout(g, o);
    }
    DrawOptions d{.width = 900, .height = 640, .label_count = 20};
    if (nodes.has_kind) {
        const Groups gr = groups_of(nodes.kind);
        d.categories = gr.code;
        d.category_names = gr.names;
        d.colour_title = "kind";
        // The whole network's most frequent kinds take the palette first, on every map.
        std::vector<std::int64_t> count(gr.names.size(), 0);
        for (const auto c : gr.code) ++count[static_cast<std::size_t>(c)];
        d.category_order.resize(gr.names.size());
        std::iota(d.category_order.begin(), d.category_order.end(), 0);
        std::stable_sort(d.category_order.begin(), d.category_order.end(), [&](std::int32_t a, std::int32_t b) {
            return count[static_cast<std::size_t>(a)] > count[static_cast<std::size_t>(b)];
        });
    }
    d.size_values = as_double(deg);
    d.size_title = "degree";
    d.labels = nodes.name;
    // Short labels: an actor's acronym where the network has one.
    if (network && cli::actor_column(*network, "acronym")) {
        const auto acronyms = node_column("acronym");
        for (std::size_t u = 0; u < n; ++u)
            if (!acronyms[u].empty()) d.labels[u] = acronyms[u];
    }
    {
        const Step step(o, large, "static map");
        report.map = picture(g, positions, d, o, true);
    }

    // Year y of the evolution shows the selected ties begun by the end of y: the selection's ties
    // active in [first, y], `first` being the first year of the selection's window (a tie begun
    // before it counts from `first` on).
    const std::int32_t first = in.selection.years ? in.selection.years->first : -9999;
    auto year_of = [&](std::int64_t row) {
        const auto y = network->ties().start_year[static_cast<std::size_t>(row)];
        return y == no_year ? no_year : std::max(y, first);
    };
    std::vector<std::int32_t> years;  // in order
    if (network) {
        std::set<std::int32_t> ys;
        for (const auto row : rows)
            if (year_of(row) != no_year) ys.insert(year_of(row));
        years.assign(ys.begin(), ys.end());
    }
    std::vector<std::vector<Point>> yearly;           // positions per year, for the timeline
    std::vector<std::uint8_t> laid(years.size(), 0);  // the years with a layout of their own
    if (!years.empty()) {
        const Step step(o, large, "evolution over " + std::to_string(years.size()) + " years");
        GraphSelection sel = in.selection;
        Json t =
            table("Year by year (ties begun by the end of the year)", {{"year", "year"},
                                                                       {"new_ties", "new ties"},
                                                                       {"ties", "ties"},
                                                                       {"actors", "actors with ties"},
                                                                       {"density", "density (actors with ties)"},
                                                                       {"components", "components (actors with ties)"},
                                                                       {"largest", "largest component"},
                                                                       {"top", "top actors (degree)"}});
        std::map<std::int32_t, std::int64_t> new_ties;
        for (const auto row : rows) ++new_ties[year_of(row)];
        std::vector<double> actor_series, tie_series;
        for (const auto y : years) {
            sel.years = YearRange{first, y};
            const Graph h = select_graph(*network, sel);
            const auto dh = degree(h);
            const auto ch = connected_components(h);
            std::int64_t active = 0, largest_h = 0, alone = 0;
            for (const auto x : dh) active += x > 0, alone += x == 0;
            for (const auto s : ch.sizes) largest_h = std::max(largest_h, s);
            const auto ties_h = static_cast<std::int64_t>(tie_rows(h).size());
            // Density among the actors with ties, as density() defines it on their subgraph.
            std::vector<node_id> with_ties;
            for (std::size_t u = 0; u < n; ++u)
                if (dh[u] > 0) with_ties.push_back(static_cast<node_id>(u));
            const double dens = density(induced_subgraph(h, with_ties));
            std::string top;
            const auto order = order_by(as_double(dh));
            for (std::size_t i = 0; i < order.size() && i < 3 && dh[order[i]] > 0; ++i)
                top += (i ? ", " : "") + nodes.name[order[i]];
            t["rows"].push_back({y, new_ties[y], ties_h, active, number(dens), ch.count() - alone, largest_h, top});
            const double a = static_cast<double>(active);
            actor_series.push_back(a);
            tie_series.push_back(static_cast<double>(ties_h));
        }
        tables["evolution"] = std::move(t);
        report.growth_chart = line_chart(years, {{"actors with ties", actor_series}, {"ties", tie_series}});
        // Small multiples: up to four periods ending at evenly spaced years, the last year last.
        std::vector<std::size_t> picked;
        const std::size_t count = std::min<std::size_t>(4, years.size());
        for (std::size_t i = 0; i < count; ++i)
            picked.push_back(count == 1 ? years.size() - 1 : (years.size() - 1) * (i + 1) / count);
        // Layouts over time for at most 12 evenly spaced years and those of the small multiples;
        // a year in between shows the layout of the last year laid out before it.
        if (g.num_nodes() <= o.layout_per_year_limit) {
            const std::size_t most = std::min<std::size_t>(12, years.size());
            for (std::size_t i = 0; i < most; ++i) laid[most == 1 ? 0 : (years.size() - 1) * i / (most - 1)] = 1;
            for (const auto i : picked) laid[i] = 1;
            std::vector<YearRange> windows;
            for (std::size_t i = 0; i < years.size(); ++i)
                if (laid[i]) windows.push_back({first, years[i]});
            auto layouts = layout_over_time(*network, in.selection, windows,
                                            {.initial = positions, .seed = o.seed, .progress = o.progress});
            yearly.resize(years.size());
            std::size_t next = 0;
            for (std::size_t i = 0; i < years.size(); ++i)
                yearly[i] = laid[i] ? std::move(layouts[next++]) : (i ? yearly[i - 1] : positions);
        }
        // Each period: the actors with ties by then, where the timeline puts them that year.
        struct Period {
            Graph graph;
            std::vector<Point> where;
            DrawOptions draw;
        };
        std::vector<Period> drawn;
        std::vector<Point> all;  // one frame for every period: the extent of all of them
        Json periods = Json::array();
        for (const auto i : picked) {
            sel.years = YearRange{first, years[i]};
            const Graph h = select_graph(*network, sel);
            const auto dh = degree(h);
            const auto& p = yearly.empty() ? positions : yearly[i];
            Period period{{}, {}, d};
            period.draw.width = 440;
            period.draw.height = 330;
            period.draw.label_count = 6;
            period.draw.min_radius = 2;
            period.draw.max_radius = 8;
            period.draw.size_values.clear();
            period.draw.labels.clear();
            period.draw.categories.clear();
            std::vector<node_id> active;
            for (std::size_t u = 0; u < n; ++u) {
                if (dh[u] == 0) continue;
                active.push_back(static_cast<node_id>(u));
                period.where.push_back(p[u]);
                period.draw.size_values.push_back(static_cast<double>(dh[u]));
                period.draw.labels.push_back(d.labels[u]);
                if (!d.categories.empty()) period.draw.categories.push_back(d.categories[u]);
            }
            period.graph = induced_subgraph(h, active);
            all.insert(all.end(), period.where.begin(), period.where.end());
            drawn.push_back(std::move(period));
            periods.push_back(in.selection.years ? std::to_string(first) + "-" + std::to_string(years[i])
                                                 : "by " + std::to_string(years[i]));
        }
        for (auto& period : drawn) {
            period.draw.extent = bounding_box(all);
            report.periods.push_back(picture(period.graph, period.where, period.draw, o, false));
        }
        r["evolution"]["periods"] = std::move(periods);
        r["evolution"]["layout"] = yearly.empty() ? "one layout of the whole network for every year (foresighted)"
                                                  : "stress, anchored from year to year (Brandes & Mader 2012)";
    }

    // The interactive map's data.
    {
        Json& m = report.map_data;
        m["ids"] = nodes.id;
        m["names"] = nodes.name;
        if (network && cli::actor_column(*network, "acronym")) m["acronyms"] = node_column("acronym");
        const Groups kinds = groups_of(nodes.kind), countries = groups_of(nodes.country);
        m["kinds"] = kinds.names;
        m["kind"] = kinds.code;
        m["countries"] = countries.names;
        m["country"] = countries.code;
        m["bloc"] = bloc;
        // The static maps' colours, so that both maps agree.
        for (const Rgb c : categorical_palette) m["palette"].push_back(hex(c));
        m["other"] = hex(other_colour);
        // Positions as whole numbers from 0 to 10,000 over the extent of every layout together, so
        // that a node keeps its place on the screen from one year's layout to the next.
        double lo = 0, hi = 1;
        bool first_point = true;
        auto extend = [&](const std::vector<Point>& p) {
            for (const auto& q : p) {
                if (first_point) lo = hi = q.x, first_point = false;
                lo = std::min({lo, q.x, q.y});
                hi = std::max({hi, q.x, q.y});
            }
        };
        extend(positions);
        for (std::size_t i = 0; i < yearly.size(); ++i)
            if (laid[i]) extend(yearly[i]);
        const double scale = 10000 / std::max(hi - lo, 1e-300);
        auto rounded = [&](const std::vector<Point>& p) {
            Json xy = Json::array();
            for (const auto& q : p) {
                xy.push_back(std::lround((q.x - lo) * scale));
                xy.push_back(std::lround((q.y - lo) * scale));
            }
            return xy;
        };
        m["xy"] = rounded(positions);
        Json& per_year = m["layouts"] = Json::object();
        for (std::size_t i = 0; i < yearly.size(); ++i)
            if (laid[i]) per_year[std::to_string(years[i])] = rounded(yearly[i]);
        for (const auto& meas : measures) {
            Json v = Json::array();
            for (const double x : meas.values) {
                if (!std::isfinite(x)) {
                    v.push_back(nullptr);
                    continue;
                }
                // Four significant digits.
                const double scale = x == 0 ? 1 : std::pow(10.0, 3 - std::floor(std::log10(std::fabs(x))));
                v.push_back(std::round(x * scale) / scale);
            }
            m["measures"][meas.name] = std::move(v);
        }
        m["years"] = years;
        Json source = Json::array(), target = Json::array(), relation = Json::array(), start = Json::array(),
             end = Json::array(), quote = Json::array(), quotes = Json::array(), relations = Json::array(),
             directed = Json::array();
        if (network) {
            const TieTable& t = network->ties();
            std::vector<std::int32_t> node_of_actor(network->num_actors(), -1);
            for (std::size_t u = 0; u < n; ++u)
                node_of_actor[static_cast<std::size_t>(nodes.row[u])] = static_cast<std::int32_t>(u);
            std::unordered_map<std::string_view, std::int32_t> quote_index;
            for (const auto& name : t.relation.categories()) relations.push_back(printable(name));
            for (const auto row : rows) {
                const auto i = static_cast<std::size_t>(row);
                source.push_back(node_of_actor[static_cast<std::size_t>(t.source[i])]);
                target.push_back(node_of_actor[static_cast<std::size_t>(t.target[i])]);
                relation.push_back(t.relation.codes()[i]);
                directed.push_back(g.directed() && t.directed[i] ? 1 : 0);
                start.push_back(t.start_year[i] == no_year ? Json(nullptr) : Json(t.start_year[i]));
                end.push_back(t.end_year[i] == no_year ? Json(nullptr) : Json(t.end_year[i]));
                const std::string_view q = t.provenance[i];
                const auto [it, added] = quote_index.try_emplace(q, static_cast<std::int32_t>(quotes.size()));
                if (added) quotes.push_back(printable(q));
                quote.push_back(it->second);
            }
        } else {
            const auto s = g.edge_sources();
            const auto tg = g.edge_targets();
            for (edge_id e = 0; e < g.num_edges(); ++e) {
                source.push_back(s[static_cast<std::size_t>(e)]);
                target.push_back(tg[static_cast<std::size_t>(e)]);
                directed.push_back(g.directed() ? 1 : 0);
            }
        }
        m["ties"] = {{"source", source},    {"target", target}, {"relation", relation}, {"start", start},
                     {"end", end},          {"quote", quote},   {"quotes", quotes},     {"relations", relations},
                     {"directed", directed}};
        m["directed"] = g.directed();
    }

    // 8. Method.
    Json& method = r["method"];
    method["selection"] = {{"relations", in.selection.relations ? Json(*in.selection.relations) : Json("all")},
                           {"years", in.selection.years ? Json(std::to_string(in.selection.years->first) + "-" +
                                                               std::to_string(in.selection.years->last))
                                                        : Json("all")},
                           {"directed", g.directed()},
                           {"weight", in.selection.weight.empty() ? Json(nullptr) : Json(in.selection.weight)}};
    method["parameters"] = {{"seed", o.seed},
                            {"measures",
                             [&] {
                                 Json a = Json::array();
                                 for (const auto& m : measures) a.push_back(m.name);
                                 return a;
                             }()},
                            {"groups", group_columns},
                            {"top", o.top},
                            {"consensus_runs", o.consensus_runs},
                            {"robustness_runs", o.robustness_runs},
                            {"missing_share", o.missing_share},
                            {"exact_limit", o.exact_limit}};
    if (r["evolution"].empty()) r.erase("evolution");
    return report;
}

}  // namespace essnet::report
