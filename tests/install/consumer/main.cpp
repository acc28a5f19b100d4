// An outside program built against an installed essnet.
#include <essnet/essnet.hpp>
#include <essnet/interop/boost_graph.hpp>
#include <essnet/interop/eigen.hpp>
#include <iostream>

int main() {
    const essnet::ActorNetwork net = essnet::datasets::chantier();
    const essnet::Graph g = essnet::select_graph(net);
    const auto degree = essnet::degree(g);
    const auto components = essnet::connected_components(g);
    const auto a = essnet::adjacency_matrix(g);
    if (g.num_nodes() != static_cast<essnet::node_id>(net.num_actors()) || degree.empty() ||
        a.rows() != g.num_nodes() || num_vertices(g) != g.num_nodes()) {
        std::cerr << "consumer: unexpected result\n";
        return 1;
    }
    std::cout << "consumer: essnet " << ESSNET_VERSION << ", " << g.num_nodes() << " actors, " << g.num_edges()
              << " edges, " << components.count() << " component(s)\n";
    return 0;
}
