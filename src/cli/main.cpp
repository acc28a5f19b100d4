// The essnet command-line program.
//
// Exit codes: 0 success, 2 usage error (bad command line), 3 input error (unreadable or malformed
// input file), 4 output error (cannot write the report), 1 any other failure.
#include <CLI/CLI.hpp>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "draw.hpp"
#include "essnet/datasets/chantier.hpp"
#include "essnet/graph/selection.hpp"
#include "essnet/io/csv.hpp"
#include "essnet/io/dl.hpp"
#include "essnet/io/edgelist.hpp"
#include "essnet/io/gexf.hpp"
#include "essnet/io/graph_network.hpp"
#include "essnet/io/graphml.hpp"
#include "essnet/io/json.hpp"
#include "essnet/io/pajek.hpp"
#include "essnet/io/snapshot.hpp"
#include "essnet/version.hpp"
#include "report.hpp"
#include "sha256.hpp"

namespace essnet::datasets::embedded {
extern const char* const chantier_actors_csv;  // the bundled network's tables, compiled into the library
extern const char* const chantier_ties_csv;
}  // namespace essnet::datasets::embedded

namespace {

constexpr int exit_usage = 2;
constexpr int exit_input = 3;
constexpr int exit_output = 4;

struct AnalyzeArgs {
    std::vector<std::string> inputs;
    std::string out;
    bool directed = false;
    bool undirected = false;
    bool weighted = false;
    std::string years, relations, measures, formats = "html,md,csv,json";
    essnet::report::Options options;
    bool no_interactive = false;
};

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

// "2005" or "2001-2012".
essnet::YearRange parse_years(const std::string& text) {
    auto year = [&](std::string_view s) {
        std::int32_t y = 0;
        const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), y);
        if (s.empty() || error != std::errc{} || end != s.data() + s.size() || y < -9999 || y > 9999)
            throw std::invalid_argument("--years must be a year or FIRST-LAST (such as 2001-2012), got '" + text + "'");
        return y;
    };
    const auto dash = text.find('-', 1);
    if (dash == std::string::npos) return {year(text), year(text)};
    const essnet::YearRange r{year(std::string_view(text).substr(0, dash)),
                              year(std::string_view(text).substr(dash + 1))};
    if (r.first > r.last)
        throw std::invalid_argument("--years: the first year " + std::to_string(r.first) + " is after the last " +
                                    std::to_string(r.last));
    return r;
}

// A network format, from a file name's extension; empty for an edge list.
std::string format_of(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".graphml" || ext == ".gexf" || ext == ".net" || ext == ".dl" || ext == ".json" || ext == ".essnet")
        return ext.substr(1);
    return {};
}

struct Input {
    std::optional<essnet::ActorNetwork> network;
    essnet::Graph graph;  // when the input is a graph (an edge list, or a snapshot of a graph)
    std::string title, name;
};

// Reads ACTORS.csv TIES.csv, a file in one of the formats above, or an edge list.
Input read_input(const std::vector<std::string>& inputs, bool directed, bool weighted) {
    using namespace essnet;
    Input in;
    if (inputs.empty()) {
        in.network = datasets::chantier();
        in.title = "Chantier de l'économie sociale: international network (bundled)";
        in.name = "chantier";
        return in;
    }
    in.name = std::filesystem::path(inputs.back()).stem().string();
    if (inputs.size() == 2) {
        in.network = read_csv(inputs[0], inputs[1]);
        in.title = "Network " + inputs[0] + " + " + inputs[1];
        return in;
    }
    const std::string& path = inputs[0];
    const std::string format = format_of(path);
    in.title = (format.empty() ? "Edge list " : "Network ") + path;
    if (format == "graphml")
        in.network = read_graphml(path);
    else if (format == "gexf")
        in.network = read_gexf(path);
    else if (format == "net")
        in.network = read_pajek(path);
    else if (format == "dl")
        in.network = read_dl(path);
    else if (format == "json")
        in.network = read_json(path);
    else if (format == "essnet") {
        Snapshot s = load_snapshot(path);
        if (s.network)
            in.network = std::move(*s.network);
        else if (s.graph)
            in.graph = std::move(*s.graph);
        else
            throw ParseError(path, 1, 1, "the snapshot holds neither a network nor a graph");
    } else
        in.graph = read_edgelist(path, {.directed = directed, .weighted = weighted});
    return in;
}

// Runs `read`; a malformed or unreadable input is reported on stderr and gives false.
template <class Read>
bool reporting_input_errors(Read&& read) {
    try {
        read();
        return true;
    } catch (const essnet::ParseError& e) {
        std::cerr << "essnet: input error: " << e.what() << "\n";
    } catch (const essnet::FileError& e) {
        std::cerr << "essnet: input error: " << e.what() << "\n";
    } catch (const std::bad_alloc&) {
        std::cerr << "essnet: input error: not enough memory to read the input\n";
    }
    return false;
}

// Each input file with the SHA-256 of its bytes; the bundled tables for the bundled network.
std::vector<std::pair<std::string, std::string>> sources_of(const std::vector<std::string>& inputs) {
    using essnet::report::sha256_hex;
    std::vector<std::pair<std::string, std::string>> out;
    if (inputs.empty()) {
        out.emplace_back("chantier/actors.csv (bundled)", sha256_hex(essnet::datasets::embedded::chantier_actors_csv));
        out.emplace_back("chantier/ties.csv (bundled)", sha256_hex(essnet::datasets::embedded::chantier_ties_csv));
        return out;
    }
    for (const auto& path : inputs) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in) throw essnet::FileError(path, errno, "read");
        out.emplace_back(path, sha256_hex(bytes.str()));
    }
    return out;
}

int analyze(AnalyzeArgs args) {
    using namespace essnet;
    report::Options& options = args.options;
    report::Input input;
    try {
        if (!args.years.empty()) input.selection.years = parse_years(args.years);
        if (!args.relations.empty()) input.selection.relations = split_list(args.relations);
        options.measures = split_list(args.measures);
        options.formats = split_list(args.formats);
        report::check_formats(options.formats);
        options.interactive = !args.no_interactive;
    } catch (const std::invalid_argument& e) {
        std::cerr << "essnet: usage error: " << e.what() << "\n";
        return exit_usage;
    }
    if (args.directed) input.selection.directed = true;
    if (args.undirected) input.selection.directed = false;
    if (args.weighted) input.selection.weight = "weight";
    Input in;
    bool selection_error = false;
    const bool read = reporting_input_errors([&] {
        in = read_input(args.inputs, args.directed, args.weighted);
        input.sources = sources_of(args.inputs);
        if (in.network) {
            try {
                in.graph = select_graph(*in.network, input.selection);
            } catch (const std::invalid_argument& e) {
                std::cerr << "essnet: usage error: " << e.what() << "\n";
                selection_error = true;
            }
        }
    });
    if (selection_error) return exit_usage;
    if (!read) return exit_input;
    if (!in.network && (input.selection.years || input.selection.relations)) {
        std::cerr << "essnet: usage error: --years and --relations need a network with tie years and relations, "
                     "not an edge list\n";
        return exit_usage;
    }
    input.network = std::move(in.network);
    input.graph = std::move(in.graph);
    input.title = in.title;
    const std::string out = args.out.empty() ? (std::filesystem::path("essnet-output") / in.name).string() : args.out;
    options.log = [](const std::string& line) { std::cerr << "essnet: " << line << std::endl; };
    try {
        report::check(input, options);
    } catch (const std::invalid_argument& e) {
        std::cerr << "essnet: usage error: " << e.what() << "\n";
        return exit_usage;
    }
    const report::Report result = report::analyze(input, options);  // any failure here: exit 1
    std::cout << report::markdown(result);
    try {
        const auto files = report::write(result, options, out);
        std::cout << "\nReport written to " << out << "/ (";
        for (std::size_t i = 0; i < files.size(); ++i) std::cout << (i ? ", " : "") << files[i];
        std::cout << ")\n";
    } catch (const FileError& e) {
        std::cerr << "essnet: output error: " << e.what() << "\n";
        return exit_output;
    }
    return 0;
}

struct ConvertArgs {
    std::vector<std::string> inputs;
    std::string output;
    std::string gexf_version = "1.2draft";
    bool directed = false, weighted = false;
};

int convert(const ConvertArgs& args) {
    using namespace essnet;
    const std::string format = format_of(args.output);
    if (format.empty() || format == "dl") {
        std::cerr
            << "essnet: usage error: the output's extension must be .graphml, .gexf, .net, .json or .essnet, got '"
            << args.output << "'\n";
        return exit_usage;
    }
    Input in;
    if (!reporting_input_errors([&] { in = read_input(args.inputs, args.directed, args.weighted); })) return exit_input;
    try {
        if (format == "essnet") {
            Snapshot s;
            if (in.network)
                s.network = std::move(*in.network);
            else
                s.graph = std::move(in.graph);
            save_snapshot(s, args.output);
        } else {
            const ActorNetwork net = in.network ? std::move(*in.network) : network_of(in.graph);
            if (format == "graphml")
                write_graphml(net, args.output);
            else if (format == "gexf")
                write_gexf(net, args.output, {.version = args.gexf_version});
            else if (format == "net")
                write_pajek(net, args.output);
            else
                write_json(net, args.output);
        }
    } catch (const FileError& e) {
        std::cerr << "essnet: output error: " << e.what() << "\n";
        return exit_output;
    } catch (const std::invalid_argument& e) {
        std::cerr << "essnet: output error: " << e.what() << "\n";
        return exit_output;
    }
    std::cout << "Wrote " << args.output << "\n";
    return 0;
}

struct DrawArgs {
    std::vector<std::string> files;  // inputs, then the output
    essnet::cli::DrawRequest request;
    bool directed = false, weighted = false;
};

int draw(const DrawArgs& args) {
    using namespace essnet;
    std::vector<std::string> inputs = args.files;
    const std::string output = inputs.back();
    inputs.pop_back();
    std::string ext = std::filesystem::path(output).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".svg" && ext != ".png" && ext != ".pdf") {
        std::cerr << "essnet: usage error: the output's extension must be .svg, .png or .pdf, got '" << output << "'\n";
        return exit_usage;
    }
    Input in;
    const bool read = reporting_input_errors([&] {
        in = read_input(inputs, args.directed, args.weighted);
        if (in.network) {
            GraphSelection selection;
            if (args.directed) selection.directed = true;
            if (args.weighted) selection.weight = "weight";
            in.graph = select_graph(*in.network, selection);
        }
    });
    if (!read) return exit_input;
    Scene scene;
    try {
        scene = cli::map_scene(in.graph, in.network ? &*in.network : nullptr, args.request);
    } catch (const std::invalid_argument& e) {
        std::cerr << "essnet: usage error: " << e.what() << "\n";
        return exit_usage;
    }
    try {
        write_drawing(scene, output);
    } catch (const FileError& e) {
        std::cerr << "essnet: output error: " << e.what() << "\n";
        return exit_output;
    }
    std::cout << "Wrote " << output << " (" << in.graph.num_nodes() << " actors, " << scene.labels.size()
              << " labelled)\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"essnet: graph analytics for social-economy networks"};
    app.set_version_flag("--version", std::string(ESSNET_VERSION));
    app.require_subcommand(1);
    AnalyzeArgs args;
    auto* cmd = app.add_subcommand(
        "analyze",
        "Answer the research questions of a network in a report: who is central, who brokers between groups, "
        "which blocs form and how sure we can be, how the network grew. Writes report.html (one self-contained "
        "file with an interactive map), summary.md, one CSV per table and results.json. With no input, analyses "
        "the bundled Chantier network.");
    cmd->add_option("inputs", args.inputs,
                    "ACTORS.csv TIES.csv (a network); a .graphml, .gexf, .net (Pajek), .dl (UCINET), .json "
                    "(node-link) or .essnet (snapshot) file; or EDGELIST (one edge per line)")
        ->check(CLI::ExistingFile)
        ->expected(0, 2);
    cmd->add_option("-o,--out", args.out, "Output folder for the report (default: essnet-output/NAME)");
    auto* directed = cmd->add_flag("--directed", args.directed,
                                   "A directed graph (an undirected tie becomes an arc each way); by default a "
                                   "network is directed when all its ties are, an edge list undirected");
    cmd->add_flag("--undirected", args.undirected, "An undirected graph")->excludes(directed);
    cmd->add_flag("--weighted", args.weighted,
                  "Use the ties' weight column, or read a third edge-list column as weight");
    cmd->add_option("--group", args.options.group,
                    "Actor column that groups actors for brokerage and the E-I index (default: kind, and country "
                    "where actors have one)");
    cmd->add_option("--measures", args.measures,
                    "Centrality measures, comma-separated: degree, strength, betweenness, closeness, harmonic, "
                    "eigenvector, pagerank, coreness (default: all that apply)");
    cmd->add_option("--years", args.years, "Only the ties active in a year or window: 2005 or 2001-2012");
    cmd->add_option("--relations", args.relations, "Only these relations, comma-separated (default: all)");
    cmd->add_option("--seed", args.options.seed, "Seed of the layouts, communities and robustness runs");
    cmd->add_option("--format", args.formats, "Files to write, comma-separated: html, md, csv, json (default: all)");
    cmd->add_flag("--no-interactive", args.no_interactive, "Leave the interactive map out of report.html");
    cmd->add_option("--top", args.options.top, "How many top actors to list per measure (1 to 1000)")
        ->check(CLI::Range(1, 1000));
    ConvertArgs convert_args;
    auto* conversion = app.add_subcommand(
        "convert",
        "Convert a network between formats: INPUT... OUTPUT, the output's extension choosing the format "
        "(.graphml, .gexf, .net, .json or .essnet).");
    conversion
        ->add_option("files", convert_args.inputs,
                     "INPUT OUTPUT or ACTORS.csv TIES.csv OUTPUT: any input analyze reads, then the file to write")
        ->expected(2, 3)
        ->required();
    conversion
        ->add_option("--gexf-version", convert_args.gexf_version,
                     "GEXF version: 1.2draft (the default; Gephi and networkx read it) or 1.3")
        ->check(CLI::IsMember({"1.3", "1.2draft"}));
    conversion->add_flag("--directed", convert_args.directed, "Read an edge list as directed (default: undirected)");
    conversion->add_flag("--weighted", convert_args.weighted, "Read an edge list's third column as weights");
    DrawArgs draw_args;
    auto* drawing = app.add_subcommand(
        "draw", "Draw a map of a network: INPUT... OUTPUT, the output's extension choosing SVG, PNG or PDF.");
    drawing
        ->add_option("files", draw_args.files,
                     "[INPUT...] OUTPUT: any input analyze reads (none: the bundled Chantier network), then "
                     "the map to write")
        ->expected(1, 3)
        ->required();
    drawing->add_option("--layout", draw_args.request.layout, "auto (default), forceatlas2, spectral or circular")
        ->check(CLI::IsMember({"auto", "forceatlas2", "spectral", "circular"}));
    drawing->add_option("--color", draw_args.request.color,
                        "community (Leiden), or an actor column: kind, country, region, founded or an extra one");
    drawing->add_option("--size", draw_args.request.size,
                        "degree, strength, betweenness, pagerank, or a numeric actor column");
    drawing->add_option("--labels", draw_args.request.labels, "How many of the largest actors to label; -1 for all")
        ->check(CLI::Range(-1, 1000000));
    drawing->add_option("--width", draw_args.request.width, "Width in pixels (points in a PDF)")
        ->check(CLI::Range(16.0, 20000.0));
    drawing->add_option("--height", draw_args.request.height, "Height in pixels (points in a PDF)")
        ->check(CLI::Range(16.0, 20000.0));
    drawing->add_option("--seed", draw_args.request.seed, "Seed of the layout and of the communities");
    drawing->add_flag("--directed", draw_args.directed, "A directed graph, with arrows");
    drawing->add_flag("--weighted", draw_args.weighted, "Tie widths by weight");
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_usage;
    }
    try {
        if (drawing->parsed()) return draw(draw_args);
        if (conversion->parsed()) {
            convert_args.output = convert_args.inputs.back();
            convert_args.inputs.pop_back();
            return convert(convert_args);
        }
        return analyze(std::move(args));
    } catch (const std::exception& e) {
        std::cerr << "essnet: error: " << e.what() << "\n";
        return 1;
    }
}
