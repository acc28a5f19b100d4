// essnet draw: a map of a network in SVG, PNG or PDF.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "essnet/draw/drawing.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet::cli {

struct DrawRequest {
    std::string layout = "auto";  // auto, forceatlas2, spectral or circular
    std::string color{};          // "", community, or an actor column (kind, country, ...)
    std::string size{};           // "", degree, strength, betweenness, pagerank, or a numeric actor column
    int labels = 20;              // how many of the largest actors to label; -1 for all
    double width = 800, height = 600;
    std::uint64_t seed = 0;
};

/// The scene of a map of `graph` (selected from `network` when there is one). Throws
/// std::invalid_argument naming a layout, colour or size that does not exist.
Scene map_scene(const Graph& graph, const ActorNetwork* network, const DrawRequest& request);

/// Text of an actor column for every actor row (id, name, kind, country, region, founded or an
/// extra column); std::nullopt when the network has no such column.
std::optional<std::vector<std::string>> actor_column(const ActorNetwork& network, const std::string& name);

}  // namespace essnet::cli
