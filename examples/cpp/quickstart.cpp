// Load the bundled Chantier network, select the ties active in 2009-2012, list the actors by
// degree, and save the network for Gephi.
#include <algorithm>
#include <essnet/essnet.hpp>
#include <filesystem>
#include <iostream>
#include <numeric>

int main() {
    const essnet::ActorNetwork net = essnet::datasets::chantier();
    const essnet::Graph g = essnet::select_graph(net, {.years = essnet::YearRange{2009, 2012}, .directed = false});
    const auto degree = essnet::degree(g);
    const auto components = essnet::connected_components(g);

    std::vector<essnet::node_id> order(static_cast<std::size_t>(g.num_nodes()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return degree[a] > degree[b]; });
    std::cout << "2009-2012: " << g.num_nodes() << " actors, " << g.num_edges() << " ties, " << components.count()
              << " components\n";
    for (std::size_t i = 0; i < 5 && i < order.size(); ++i) {
        const auto u = order[i];
        std::cout << "  " << net.actors().name[static_cast<std::size_t>(g.node_actors()[u])] << ": " << degree[u]
                  << "\n";
    }

    // GEXF for Gephi: each tie's years become its edge's interval on the timeline.
    const auto path = (std::filesystem::temp_directory_path() / "chantier.gexf").string();
    essnet::write_gexf(net, path);
    std::cout << "wrote " << path << " (" << essnet::read_gexf(path).num_ties() << " ties)\n";
    std::filesystem::remove(path);
}
