// The essnet command-line program.
//
// Exit codes: 0 success, 2 usage error (bad command line), 3 input error (unreadable or malformed
// input file), 4 output error (cannot write the report), 1 any other failure.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "essnet/datasets/chantier.hpp"
#include "essnet/graph/selection.hpp"
#include "essnet/io/csv.hpp"
#include "essnet/io/edgelist.hpp"
#include "essnet/version.hpp"
#include "report.hpp"

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
    std::size_t top = 10;
};

int analyze(const AnalyzeArgs& args) {
    using namespace essnet;
    std::optional<ActorNetwork> network;
    Graph graph;
    std::string title, default_out;
    try {
        if (args.inputs.empty()) {
            network = datasets::chantier();
            title = "Chantier de l'économie sociale: international network (bundled)";
            default_out = "chantier";
        } else if (args.inputs.size() == 2) {
            network = read_csv(args.inputs[0], args.inputs[1]);
            title = "Network " + args.inputs[0] + " + " + args.inputs[1];
            default_out = std::filesystem::path(args.inputs[1]).stem().string();
        } else {
            graph = read_edgelist(args.inputs[0], {.directed = args.directed, .weighted = args.weighted});
            title = "Edge list " + args.inputs[0];
            default_out = std::filesystem::path(args.inputs[0]).stem().string();
        }
        if (network) {
            GraphSelection selection;
            if (args.directed) selection.directed = true;
            if (args.undirected) selection.directed = false;
            if (args.weighted) selection.weight = "weight";
            graph = select_graph(*network, selection);
        }
    } catch (const ParseError& e) {
        std::cerr << "essnet: input error: " << e.what() << "\n";
        return exit_input;
    } catch (const FileError& e) {
        std::cerr << "essnet: input error: " << e.what() << "\n";
        return exit_input;
    }
    const std::string out = args.out.empty() ? (std::filesystem::path("essnet-output") / default_out).string() : args.out;
    const auto summary = cli::summarize(title, network ? &*network : nullptr, graph, args.top);
    std::cout << cli::to_markdown(summary);
    try {
        const auto files = cli::write_report(summary, graph, out);
        std::cout << "\nReport written to " << out << "/ (";
        for (std::size_t i = 0; i < files.size(); ++i) std::cout << (i ? ", " : "") << files[i];
        std::cout << ")\n";
    } catch (const FileError& e) {
        std::cerr << "essnet: output error: " << e.what() << "\n";
        return exit_output;
    }
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
        "Summarise a network: actors by kind, ties by relation and year, connected components and the "
        "actors with the highest degree. With no input, analyses the bundled Chantier network.");
    cmd->add_option("inputs", args.inputs, "ACTORS.csv TIES.csv (a network), or EDGELIST (one edge per line)")
        ->check(CLI::ExistingFile)
        ->expected(0, 2);
    cmd->add_option("-o,--out", args.out, "Output folder for the report (default: essnet-output/NAME)");
    auto* directed = cmd->add_flag("--directed", args.directed,
                                   "A directed graph (an undirected tie becomes an arc each way); by default a "
                                   "network is directed when all its ties are, an edge list undirected");
    cmd->add_flag("--undirected", args.undirected, "An undirected graph")->excludes(directed);
    cmd->add_flag("--weighted", args.weighted, "Use the ties' weight column, or read a third edge-list column as weight");
    cmd->add_option("--top", args.top, "How many highest-degree actors to list (1 to 1000000)")
        ->check(CLI::Range(1, 1000000));
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return exit_usage;
    }
    try {
        return analyze(args);
    } catch (const std::exception& e) {
        std::cerr << "essnet: error: " << e.what() << "\n";
        return 1;
    }
}
