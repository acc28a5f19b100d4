// Graph: the one analytic type of essnet, an immutable compressed sparse row (CSR) graph.
//
// Layout (after gapbs src/graph.h): `offsets` (int64, n+1) and `targets` (int32 node ids) hold the
// out-arcs of every node, sorted by target and then by edge id; `arc_edges` gives the edge id of each
// arc. An undirected edge {u, v} is stored as two arcs, u->v and v->u (a self-loop {u, u} as two arcs
// at u, so it adds 2 to the degree of u, as in networkx). A directed graph also stores the reverse CSR
// (in-arcs). Edge ids 0..m-1 follow the order in which edges were given, and `edge_rows` maps each edge
// back to the row of the tie (or of the input edge) it came from. Weights are per edge.
//
// Only GraphBuilder (graph/builder.hpp) and select_graph (graph/selection.hpp) make a Graph.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "essnet/core/types.hpp"

namespace essnet {

class GraphBuilder;
class SnapshotCodec;

class Graph {
public:
    /// The empty undirected graph.
    Graph() = default;

    bool directed() const noexcept { return directed_; }
    bool weighted() const noexcept { return weighted_; }
    node_id num_nodes() const noexcept { return static_cast<node_id>(offsets_.size() - 1); }
    std::int64_t num_edges() const noexcept { return static_cast<std::int64_t>(edge_sources_.size()); }
    /// Number of stored out-arcs: num_edges() when directed, 2 * num_edges() when undirected.
    arc_index num_arcs() const noexcept { return static_cast<arc_index>(targets_.size()); }

    /// Out-neighbours of u (all neighbours when undirected), sorted, with repeats for multi-edges.
    std::span<const node_id> out_neighbors(node_id u) const noexcept { return slice(targets_, offsets_, u); }
    /// In-neighbours of u; the same as out_neighbors when undirected.
    std::span<const node_id> in_neighbors(node_id u) const noexcept {
        return directed_ ? slice(in_sources_, in_offsets_, u) : out_neighbors(u);
    }
    /// Edge ids of the out-arcs of u, aligned with out_neighbors(u).
    std::span<const edge_id> out_edges(node_id u) const noexcept { return slice(arc_edges_, offsets_, u); }
    /// Edge ids of the in-arcs of u, aligned with in_neighbors(u).
    std::span<const edge_id> in_edges(node_id u) const noexcept {
        return directed_ ? slice(in_arc_edges_, in_offsets_, u) : out_edges(u);
    }
    arc_index out_degree(node_id u) const noexcept { return offsets_[u + 1] - offsets_[u]; }
    arc_index in_degree(node_id u) const noexcept {
        return directed_ ? in_offsets_[u + 1] - in_offsets_[u] : out_degree(u);
    }

    node_id edge_source(edge_id e) const noexcept { return edge_sources_[static_cast<std::size_t>(e)]; }
    node_id edge_target(edge_id e) const noexcept { return edge_targets_[static_cast<std::size_t>(e)]; }
    /// Weight of edge e; 1 for an unweighted graph.
    double weight(edge_id e) const noexcept { return weights_.empty() ? 1.0 : weights_[static_cast<std::size_t>(e)]; }

    // Raw arrays, for kernels.
    std::span<const arc_index> offsets() const noexcept { return offsets_; }
    std::span<const node_id> targets() const noexcept { return targets_; }
    std::span<const edge_id> arc_edges() const noexcept { return arc_edges_; }
    std::span<const arc_index> in_offsets() const noexcept { return directed_ ? in_offsets_ : offsets_; }
    std::span<const node_id> in_sources() const noexcept { return directed_ ? in_sources_ : targets_; }
    std::span<const edge_id> in_arc_edges() const noexcept { return directed_ ? in_arc_edges_ : arc_edges_; }
    /// Per-edge weights; empty when unweighted.
    std::span<const double> weights() const noexcept { return weights_; }
    std::span<const node_id> edge_sources() const noexcept { return edge_sources_; }
    std::span<const node_id> edge_targets() const noexcept { return edge_targets_; }

    /// External id of each node (actor ids, or the tokens of an edge list); empty when the graph was
    /// built from plain arrays without names, in which case node u is called by its number.
    const std::vector<std::string>& node_names() const noexcept { return node_names_; }
    /// External id of node u (its number when the graph has no names).
    std::string node_name(node_id u) const {
        return node_names_.empty() ? std::to_string(u) : node_names_[static_cast<std::size_t>(u)];
    }
    /// Actor row of each node when the graph was selected from an ActorNetwork; empty otherwise.
    std::span<const std::int32_t> node_actors() const noexcept { return node_actors_; }
    /// For each edge, the tie row (or input edge position) it came from. A merged edge (duplicate
    /// policy sum or max) keeps the first row.
    std::span<const std::int64_t> edge_rows() const noexcept { return edge_rows_; }

    /// Bytes of the topology arrays (offsets and targets, plus their reverse when directed).
    std::size_t topology_bytes() const noexcept {
        return bytes(offsets_) + bytes(targets_) + bytes(in_offsets_) + bytes(in_sources_);
    }
    /// Bytes of every array the graph holds, names excluded.
    std::size_t memory_bytes() const noexcept {
        return topology_bytes() + bytes(arc_edges_) + bytes(in_arc_edges_) + bytes(weights_) + bytes(edge_sources_) +
               bytes(edge_targets_) + bytes(node_actors_) + bytes(edge_rows_);
    }

private:
    friend class GraphBuilder;
    friend class SnapshotCodec;  // io/snapshot: stores and restores the arrays as they are

    template <class T>
    static std::span<const T> slice(const std::vector<T>& values, const std::vector<arc_index>& offsets,
                                    node_id u) noexcept {
        const auto b = static_cast<std::size_t>(offsets[static_cast<std::size_t>(u)]);
        const auto e = static_cast<std::size_t>(offsets[static_cast<std::size_t>(u) + 1]);
        return {values.data() + b, e - b};
    }
    template <class T>
    static std::size_t bytes(const std::vector<T>& v) noexcept {
        return v.size() * sizeof(T);
    }

    bool directed_ = false;
    bool weighted_ = false;
    std::vector<arc_index> offsets_{0};
    std::vector<node_id> targets_;
    std::vector<edge_id> arc_edges_;
    std::vector<arc_index> in_offsets_;
    std::vector<node_id> in_sources_;
    std::vector<edge_id> in_arc_edges_;
    std::vector<node_id> edge_sources_;
    std::vector<node_id> edge_targets_;
    std::vector<double> weights_;
    std::vector<std::string> node_names_;
    std::vector<std::int32_t> node_actors_;
    std::vector<std::int64_t> edge_rows_;
};

}  // namespace essnet
