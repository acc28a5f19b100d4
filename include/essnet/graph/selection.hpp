// Selecting a Graph from an ActorNetwork: which relations, kinds of actor and years, directed or
// not, weighted by which column, and what to do with duplicate ties and self-loops.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "essnet/graph/builder.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// Years first..last, both included.
struct YearRange {
    std::int32_t first{};
    std::int32_t last{};
};

struct GraphSelection {
    /// Relations to keep; all when not given (an empty list keeps none).
    std::optional<std::vector<std::string>> relations{};
    /// Kinds of actor to keep as nodes; every actor when not given (an empty list keeps none). A tie
    /// is kept only when both of its actors are kept.
    std::optional<std::vector<std::string>> kinds{};
    /// Keep the ties active during these years: start_year <= last and (no end_year or
    /// end_year >= first). Ties without a start year are left out of a year selection.
    std::optional<YearRange> years{};
    /// Directed graph or not; by default directed when every tie of the network is directed, so that
    /// all selections from one network agree. In a directed graph an undirected tie becomes two
    /// edges, one each way (both mapping to the same tie row), so it counts twice in in + out degree.
    std::optional<bool> directed{};
    /// Weight column: "weight" or the name of an extra numeric tie column (read as the weight
    /// column is: blanks ignored, empty means 1); empty for unweighted.
    std::string weight{};
    DuplicatePolicy duplicates = DuplicatePolicy::keep;
    SelfLoopPolicy self_loops = SelfLoopPolicy::keep;
};

/// Builds the Graph of a selection. Nodes are the kept actors in actor order (node_names are actor
/// ids, node_actors their rows); edge_rows are tie rows. O(actors + ties) plus the build.
///
/// Throws std::invalid_argument naming the parameter when a relation or kind is not in the network,
/// when years.first > years.last, or when the weight column is unknown or holds a value that is
/// not a finite non-negative number.
Graph select_graph(const ActorNetwork& network, const GraphSelection& selection = {});

}  // namespace essnet
