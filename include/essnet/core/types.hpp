// Basic integer types and sentinels shared by the whole library.
#pragma once

#include <cstdint>
#include <limits>

namespace essnet {

/// Dense node id inside a Graph: 0 .. num_nodes()-1.
using node_id = std::int32_t;
/// Dense edge id inside a Graph: 0 .. num_edges()-1.
using edge_id = std::int32_t;
/// Position in a CSR arc array (arcs can outnumber 2^31 before nodes do).
using arc_index = std::int64_t;

/// Which arcs of a directed graph count, or are followed (ignored for undirected graphs).
enum class Direction {
    out,  ///< arcs leaving the node
    in,   ///< arcs entering the node
    all,  ///< both (networkx's DiGraph.degree; paths that ignore the arcs' direction)
};

/// A year that is not known (an empty cell in a table).
inline constexpr std::int32_t no_year = std::numeric_limits<std::int32_t>::min();

}  // namespace essnet
