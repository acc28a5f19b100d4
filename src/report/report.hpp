// The report of `essnet analyze`: the research questions asked of a social-economy network (who is
// central, who brokers between groups, which blocs form and how sure we can be, how the network
// grew), answered with the library's measures in one self-contained HTML file, a Markdown summary,
// one CSV per table and results.json with every number.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/graph/selection.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet::report {

using Json = nlohmann::ordered_json;

/// What is analysed: a network and the selection of its graph, or a bare graph (an edge list).
struct Input {
    std::optional<ActorNetwork> network{};
    GraphSelection selection{};  ///< how `graph` was selected from `network`
    Graph graph{};
    std::string title{};
    /// Each input file and the SHA-256 of its bytes, so that a report names exactly what it read.
    std::vector<std::pair<std::string, std::string>> sources{};
};

/// The centrality measures a report can hold, in the order of its tables.
const std::vector<std::string>& measure_names();

/// The output formats a report can be written in.
const std::vector<std::string>& format_names();

/// Throws std::invalid_argument naming a format that is not one of format_names().
void check_formats(const std::vector<std::string>& formats);

struct Options {
    /// Actor column whose values group the actors for brokerage and the E-I index; empty: kind, and
    /// country when some actor has one.
    std::string group{};
    /// Centrality measures (names from measure_names()); empty: every one that applies (strength
    /// only when weighted; closeness when the graph is connected, harmonic when not; neither above
    /// `exact_limit` nodes).
    std::vector<std::string> measures{};
    std::uint64_t seed = 0;
    std::vector<std::string> formats{"html", "md", "csv", "json"};
    bool interactive = true;  ///< the interactive map in the HTML report
    std::size_t top = 10;     ///< actors listed per measure, and the k of the top-k robustness
    int consensus_runs = 100;
    int robustness_runs = 20;
    double missing_share = 0.1;  ///< share of ties dropped in each robustness run
    /// Above this many nodes betweenness is approximated (Riondato & Kornaropoulos) and closeness
    /// and harmonic centrality are left out unless named in `measures`.
    node_id exact_limit = 5000;
    /// Above this many nodes, one layout of the whole span serves every year (foresighted layout)
    /// instead of one anchored stress layout per year.
    node_id layout_per_year_limit = 5000;
    /// Above this many nodes or 4x as many ties, the static maps are PNG images instead of SVG.
    node_id svg_limit = 5000;
    /// Called with a line of progress for each long step (stderr in the command line).
    std::function<void(const std::string&)> log{};
    /// Called often during the long steps (layouts, path measures, consensus, robustness) with the
    /// share of that step done; returning false stops the report, which throws Cancelled.
    ProgressHook progress{};
};

/// Everything the report shows: the numbers (results.json) and the pictures.
struct Report {
    Json results;
    std::string map;                   ///< the static map, SVG markup or an <img> of a PNG
    std::vector<std::string> periods;  ///< small-multiple maps, one per period, the same way
    std::string growth_chart;          ///< SVG
    Json map_data;                     ///< what the interactive map draws
};

/// Checks the options against the input. Throws std::invalid_argument naming the option: a `group`
/// column that does not exist (listing those that do), an unknown or repeated measure, an unknown
/// format or none, a `top` or `consensus_runs` below 1, negative `robustness_runs`, a
/// `missing_share` outside [0, 1).
void check(const Input& input, const Options& options);

/// Computes the report, after check(). Throws Cancelled when `progress` asks to stop.
Report analyze(const Input& input, const Options& options);

/// Writes the report's files into `directory`: report.html, summary.md, one CSV per table and
/// results.json, as `options.formats` asks. They are written into a new folder beside it that is
/// then renamed, so an interrupted run leaves no partial report; an earlier report there is
/// replaced. Throws FileError when the folder cannot be written, or when it exists and holds files
/// that are not an essnet report. Returns the names of the files written.
std::vector<std::string> write(const Report& report, const Options& options, const std::string& directory);

/// The Markdown summary (summary.md), also what `essnet analyze` prints.
std::string markdown(const Report& report);

/// The self-contained HTML report.
std::string html(const Report& report, const Options& options);

}  // namespace essnet::report
