// A Graph as an ActorNetwork, so that every network writer also writes graphs, and computed columns
// joined to a network's actors, so that writers carry measures to Gephi and other tools.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "essnet/graph/graph.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// One actor per node and one tie per edge, directed as the graph, with the edge's weight; no
/// relation, years or other tie attributes. Each actor's id is the node's name (its number when the
/// graph has none). When `actors_from` is the network the graph was selected from, each node's actor
/// keeps that network's fields (name, kind, country, region, founded) and extra columns, so that a
/// written graph shows its actors' names; otherwise the other fields are empty. Throws
/// std::invalid_argument when `actors_from` is not the graph's network (a node's actor row is out of
/// range or has another id). Time and memory O(n + m).
inline ActorNetwork network_of(const Graph& g, const ActorNetwork* actors_from = nullptr) {
    const auto rows = g.node_actors();
    const bool with_fields = actors_from != nullptr && !rows.empty();
    std::vector<std::string> extra_names;
    if (with_fields)
        for (const ExtraColumn& c : actors_from->actors().extra) extra_names.push_back(c.name);
    ActorNetwork net(extra_names, {});
    std::vector<std::string_view> extra(extra_names.size());
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        const std::string id = g.node_name(u);
        if (!with_fields) {
            net.add_actor_row(id, {}, {}, {}, {}, no_year, extra);
            continue;
        }
        const ActorTable& a = actors_from->actors();
        const auto row = static_cast<std::size_t>(rows[static_cast<std::size_t>(u)]);
        if (row >= a.size() || a.id[row] != id)
            throw std::invalid_argument("network_of: node " + id + " is not an actor of the network given");
        for (std::size_t c = 0; c < extra.size(); ++c) extra[c] = a.extra[c].values[row];
        net.add_actor_row(id, a.name[row], a.kind[row], a.country[row], a.region[row], a.founded[row], extra);
    }
    const std::vector<std::string_view> none;
    net.reserve_ties(static_cast<std::size_t>(g.num_edges()));
    for (edge_id e = 0; e < g.num_edges(); ++e)
        net.add_tie_rows(g.edge_source(e), g.edge_target(e), {}, g.directed(), g.weight(e), no_year, no_year, {}, none);
    return net;
}

/// A copy of `net` with extra actor columns appended: `names[c]` holds `values[c]`, one text per
/// actor in actor order (empty for missing). Writers type a column by its values (boolean, integer,
/// real or text), so numbers written as they read back (the shortest round-trip form) come back
/// equal. Throws std::invalid_argument for a name that is empty, repeated, a built-in column or an
/// existing extra column, or a column whose length is not the number of actors. Time and memory
/// O(size of the network + size of the columns).
inline ActorNetwork with_actor_columns(const ActorNetwork& net, const std::vector<std::string>& names,
                                       const std::vector<std::vector<std::string>>& values) {
    if (names.size() != values.size())
        throw std::invalid_argument("with_actor_columns: " + std::to_string(names.size()) + " names for " +
                                    std::to_string(values.size()) + " columns");
    const ActorTable& a = net.actors();
    const TieTable& t = net.ties();
    std::vector<std::string> actor_columns, tie_columns;
    for (const ExtraColumn& c : a.extra) actor_columns.push_back(c.name);
    for (std::size_t c = 0; c < names.size(); ++c) {
        if (values[c].size() != a.size())
            throw std::invalid_argument("node data column " + names[c] + " has " + std::to_string(values[c].size()) +
                                        " values for " + std::to_string(a.size()) + " actors");
        actor_columns.push_back(names[c]);
    }
    for (const ExtraColumn& c : t.extra) tie_columns.push_back(c.name);
    ActorNetwork out(actor_columns, tie_columns);  // checks the names: empty, repeated or built-in
    std::vector<std::string_view> extra(actor_columns.size());
    for (std::size_t r = 0; r < a.size(); ++r) {
        std::size_t k = 0;
        for (const ExtraColumn& c : a.extra) extra[k++] = c.values[r];
        for (const auto& column : values) extra[k++] = column[r];
        out.add_actor_row(a.id[r], a.name[r], a.kind[r], a.country[r], a.region[r], a.founded[r], extra);
    }
    std::vector<std::string_view> tie_extra(t.extra.size());
    out.reserve_ties(t.size());
    for (std::size_t r = 0; r < t.size(); ++r) {
        for (std::size_t c = 0; c < t.extra.size(); ++c) tie_extra[c] = t.extra[c].values[r];
        out.add_tie_rows(t.source[r], t.target[r], t.relation[r], t.directed[r] != 0, t.weight[r], t.start_year[r],
                         t.end_year[r], t.provenance[r], tie_extra);
    }
    return out;
}

}  // namespace essnet
