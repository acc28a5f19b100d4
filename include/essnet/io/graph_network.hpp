// A Graph as an ActorNetwork, so that every network writer also writes graphs.
#pragma once

#include "essnet/graph/graph.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// One actor per node (id: the node's name, or its number when the graph has none) and one tie per
/// edge, directed as the graph, with the edge's weight; no relation, years or other attributes.
inline ActorNetwork network_of(const Graph& g) {
    ActorNetwork net;
    const std::vector<std::string_view> none;
    for (node_id u = 0; u < g.num_nodes(); ++u) net.add_actor_row(g.node_name(u), {}, {}, {}, {}, no_year, none);
    net.reserve_ties(static_cast<std::size_t>(g.num_edges()));
    for (edge_id e = 0; e < g.num_edges(); ++e)
        net.add_tie_rows(g.edge_source(e), g.edge_target(e), {}, g.directed(), g.weight(e), no_year, no_year, {}, none);
    return net;
}

}  // namespace essnet
