// GraphBuilder: the one way to make a Graph from edges.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

/// What to do with several edges between the same pair of nodes (the same ordered pair when
/// directed, the same unordered pair when undirected).
enum class DuplicatePolicy {
    keep,  ///< keep every edge: a multigraph (the default)
    sum,   ///< merge into one edge whose weight is the sum (an unweighted edge counts 1, so an
           ///< unweighted input becomes a graph weighted by multiplicity)
    max,   ///< merge into one edge with the largest weight (an unweighted input becomes simple)
};

/// What to do with an edge from a node to itself.
enum class SelfLoopPolicy { keep, drop };

struct GraphBuildOptions {
    bool directed = false;
    /// Keep the weights given to add_edge; when false the graph is unweighted (every weight 1).
    bool weighted = false;
    DuplicatePolicy duplicates = DuplicatePolicy::keep;
    SelfLoopPolicy self_loops = SelfLoopPolicy::keep;
};

/// Collects edges, then builds the CSR in O(n + m log d) time (d: largest degree), O(n + m) memory.
///
///     GraphBuilder b(4, {.directed = true});
///     b.add_edge(0, 1);
///     b.add_edge(1, 2);
///     Graph g = std::move(b).build();
class GraphBuilder {
public:
    /// Throws std::invalid_argument when num_nodes is negative.
    explicit GraphBuilder(node_id num_nodes, GraphBuildOptions options = {});

    void reserve(std::size_t num_edges);
    /// Adds edge u -> v with weight w. `row` is the position the edge is reported to come from
    /// (Graph::edge_rows); by default, the number of edges added before it.
    /// Throws std::out_of_range for a node outside 0..num_nodes-1 and std::invalid_argument for a
    /// weight that is negative, infinite or NaN.
    void add_edge(node_id u, node_id v, double w = 1.0, std::int64_t row = -1);
    /// Adds many edges; `weights` is empty or as long as `sources`.
    void add_edges(std::span<const node_id> sources, std::span<const node_id> targets,
                   std::span<const double> weights = {});
    /// External ids, one per node. Throws std::invalid_argument when the count differs from num_nodes.
    void set_node_names(std::vector<std::string> names);
    /// Actor rows, one per node (for graphs selected from an ActorNetwork).
    void set_node_actors(std::vector<std::int32_t> actors);

    Graph build() &&;

private:
    // An unweighted graph merged by sum becomes weighted by multiplicity.
    bool stores_weights() const noexcept { return options_.weighted || options_.duplicates == DuplicatePolicy::sum; }
    // Keeps the edges whose new_id is not negative, in order, and sets their new ids; returns the
    // number kept.
    std::size_t keep_edges(std::vector<edge_id>& new_id);

    node_id num_nodes_;
    GraphBuildOptions options_;
    std::vector<node_id> sources_;
    std::vector<node_id> targets_;
    std::vector<double> weights_;
    std::vector<std::int64_t> rows_;
    std::vector<std::string> names_;
    std::vector<std::int32_t> actors_;
};

}  // namespace essnet
