// The summary report of `essnet analyze`.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "essnet/graph/graph.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet::cli {

struct RankedActor {
    std::string id;
    std::string name;
    std::string kind;
    std::int64_t degree;
};

struct Summary {
    std::string title;
    bool has_network = false;  // false for an edge list: no kinds, relations or years
    std::int64_t num_actors = 0;
    std::int64_t num_ties = 0;
    node_id num_nodes = 0;
    std::int64_t num_edges = 0;
    bool directed = false;
    std::vector<std::pair<std::string, std::int64_t>> actors_by_kind;
    std::vector<std::pair<std::string, std::int64_t>> ties_by_relation;
    std::vector<std::pair<std::string, std::int64_t>> ties_by_year;
    std::int32_t components = 0;
    std::int64_t largest_component = 0;
    std::int64_t isolated = 0;
    std::vector<RankedActor> top_degree;
    // Per node, for nodes.csv.
    std::vector<std::int64_t> degree;
    std::vector<std::int32_t> component;
};

/// Summarises a graph and, when given, the network it was selected from.
Summary summarize(const std::string& title, const ActorNetwork* network, const Graph& g, std::size_t top);

std::string to_markdown(const Summary& s);

/// Writes summary.md, actors_by_kind.csv, ties_by_relation.csv, ties_by_year.csv, top_degree.csv and
/// nodes.csv into `directory` (created if needed), each to a temporary name first and then renamed.
/// Returns the file names written.
std::vector<std::string> write_report(const Summary& s, const Graph& g, const std::string& directory);

}  // namespace essnet::cli
