// Boost.Graph interop: essnet::Graph models the BGL concepts VertexListGraph, IncidenceGraph,
// AdjacencyGraph, EdgeListGraph and BidirectionalGraph, so BGL algorithms run on it without a copy:
//
//     #include <essnet/interop/boost_graph.hpp>
//     boost::breadth_first_search(g, source, boost::visitor(vis).vertex_index_map(boost::get(boost::vertex_index, g)));
//     boost::dijkstra_shortest_paths(g, source, boost::distance_map(...).weight_map(boost::get(boost::edge_weight,
//     g)));
//
// BGL fixes directedness at compile time and essnet at run time, so BGL always sees a directed
// graph: an undirected essnet graph appears as its symmetric directed version, each edge as two
// arcs (u->v and v->u), which is what traversals and shortest paths need. num_edges() and edges()
// therefore count arcs. Edge descriptors carry the essnet edge id, so edge_index and edge_weight
// maps read the Graph's own arrays.
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <utility>

#include "essnet/graph/graph.hpp"

namespace essnet::bgl {

/// An arc of the graph: source, target and the essnet edge id.
struct Arc {
    node_id source = -1;
    node_id target = -1;
    edge_id id = -1;
    friend bool operator==(const Arc& a, const Arc& b) noexcept {
        return a.id == b.id && a.source == b.source && a.target == b.target;
    }
    friend bool operator!=(const Arc& a, const Arc& b) noexcept { return !(a == b); }
};

/// Iterates the arcs at one node, out (from the node) or in (towards it).
class LocalArcIterator
    : public boost::iterator_facade<LocalArcIterator, Arc, std::random_access_iterator_tag, Arc, std::ptrdiff_t> {
public:
    LocalArcIterator() = default;
    LocalArcIterator(const Graph* g, node_id u, arc_index a, bool out) : g_(g), u_(u), a_(a), out_(out) {}

private:
    friend class boost::iterator_core_access;
    Arc dereference() const {
        const auto i = static_cast<std::size_t>(a_);
        return out_ ? Arc{u_, g_->targets()[i], g_->arc_edges()[i]}
                    : Arc{g_->in_sources()[i], u_, g_->in_arc_edges()[i]};
    }
    bool equal(const LocalArcIterator& o) const { return a_ == o.a_; }
    void increment() { ++a_; }
    void decrement() { --a_; }
    void advance(std::ptrdiff_t n) { a_ += n; }
    std::ptrdiff_t distance_to(const LocalArcIterator& o) const { return o.a_ - a_; }

    const Graph* g_ = nullptr;
    node_id u_ = 0;
    arc_index a_ = 0;
    bool out_ = true;
};

/// Iterates every arc of the graph, node by node.
class ArcIterator : public boost::iterator_facade<ArcIterator, Arc, std::forward_iterator_tag, Arc> {
public:
    ArcIterator() = default;
    ArcIterator(const Graph* g, arc_index a) : g_(g), a_(a) {
        if (g_) skip_to_source();
    }

private:
    friend class boost::iterator_core_access;
    Arc dereference() const {
        const auto i = static_cast<std::size_t>(a_);
        return {u_, g_->targets()[i], g_->arc_edges()[i]};
    }
    bool equal(const ArcIterator& o) const { return a_ == o.a_; }
    void increment() {
        ++a_;
        skip_to_source();
    }
    void skip_to_source() {
        const auto offsets = g_->offsets();
        while (u_ < g_->num_nodes() && offsets[static_cast<std::size_t>(u_) + 1] <= a_) ++u_;
    }

    const Graph* g_ = nullptr;
    arc_index a_ = 0;
    node_id u_ = 0;
};

struct TraversalCategory : virtual boost::vertex_list_graph_tag,
                           virtual boost::adjacency_graph_tag,
                           virtual boost::edge_list_graph_tag,
                           virtual boost::bidirectional_graph_tag {};

/// Edge weights (1 for an unweighted graph), read from the Graph.
struct WeightMap {
    using key_type = Arc;
    using value_type = double;
    using reference = double;
    using category = boost::readable_property_map_tag;
    const Graph* g;
};
inline double get(const WeightMap& m, const Arc& a) {
    return m.g->weight(a.id);
}

/// Edge ids 0..num_edges()-1 (both arcs of an undirected edge share the id).
struct EdgeIndexMap {
    using key_type = Arc;
    using value_type = edge_id;
    using reference = edge_id;
    using category = boost::readable_property_map_tag;
};
inline edge_id get(const EdgeIndexMap&, const Arc& a) {
    return a.id;
}

}  // namespace essnet::bgl

namespace boost {

template <>
struct graph_traits<essnet::Graph> {
    using vertex_descriptor = essnet::node_id;
    using edge_descriptor = essnet::bgl::Arc;
    using directed_category = bidirectional_tag;
    using edge_parallel_category = allow_parallel_edge_tag;
    using traversal_category = essnet::bgl::TraversalCategory;
    using vertex_iterator = counting_iterator<essnet::node_id>;
    using out_edge_iterator = essnet::bgl::LocalArcIterator;
    using in_edge_iterator = essnet::bgl::LocalArcIterator;
    using edge_iterator = essnet::bgl::ArcIterator;
    using adjacency_iterator = const essnet::node_id*;
    using vertices_size_type = essnet::node_id;
    using edges_size_type = essnet::arc_index;
    using degree_size_type = essnet::arc_index;
    static vertex_descriptor null_vertex() { return -1; }
};

template <>
struct property_map<essnet::Graph, vertex_index_t> {
    using type = typed_identity_property_map<essnet::node_id>;
    using const_type = type;
};
template <>
struct property_map<essnet::Graph, edge_weight_t> {
    using type = essnet::bgl::WeightMap;
    using const_type = type;
};
template <>
struct property_map<essnet::Graph, edge_index_t> {
    using type = essnet::bgl::EdgeIndexMap;
    using const_type = type;
};

}  // namespace boost

namespace essnet {

// BGL free functions, found by argument-dependent lookup on essnet::Graph.

inline std::pair<boost::counting_iterator<node_id>, boost::counting_iterator<node_id>> vertices(const Graph& g) {
    return {boost::counting_iterator<node_id>(0), boost::counting_iterator<node_id>(g.num_nodes())};
}
inline node_id num_vertices(const Graph& g) {
    return g.num_nodes();
}

inline std::pair<bgl::LocalArcIterator, bgl::LocalArcIterator> out_edges(node_id u, const Graph& g) {
    const auto offsets = g.offsets();
    const auto i = static_cast<std::size_t>(u);
    return {bgl::LocalArcIterator(&g, u, offsets[i], true), bgl::LocalArcIterator(&g, u, offsets[i + 1], true)};
}
inline std::pair<bgl::LocalArcIterator, bgl::LocalArcIterator> in_edges(node_id v, const Graph& g) {
    const auto offsets = g.in_offsets();
    const auto i = static_cast<std::size_t>(v);
    return {bgl::LocalArcIterator(&g, v, offsets[i], false), bgl::LocalArcIterator(&g, v, offsets[i + 1], false)};
}
inline arc_index out_degree(node_id u, const Graph& g) {
    return g.out_degree(u);
}
inline arc_index in_degree(node_id u, const Graph& g) {
    return g.in_degree(u);
}
inline arc_index degree(node_id u, const Graph& g) {
    return g.out_degree(u) + g.in_degree(u);
}
inline node_id source(const bgl::Arc& a, const Graph&) {
    return a.source;
}
inline node_id target(const bgl::Arc& a, const Graph&) {
    return a.target;
}

inline std::pair<const node_id*, const node_id*> adjacent_vertices(node_id u, const Graph& g) {
    const auto n = g.out_neighbors(u);
    return {n.data(), n.data() + n.size()};
}

inline std::pair<bgl::ArcIterator, bgl::ArcIterator> edges(const Graph& g) {
    return {bgl::ArcIterator(&g, 0), bgl::ArcIterator(&g, g.num_arcs())};
}
inline arc_index num_edges(const Graph& g) {
    return g.num_arcs();
}

}  // namespace essnet

namespace boost {

// Property maps of essnet::Graph, in namespace boost so that qualified boost::get(...) finds them.
inline typed_identity_property_map<essnet::node_id> get(vertex_index_t, const essnet::Graph&) {
    return {};
}
inline essnet::bgl::WeightMap get(edge_weight_t, const essnet::Graph& g) {
    return {&g};
}
inline essnet::bgl::EdgeIndexMap get(edge_index_t, const essnet::Graph&) {
    return {};
}
inline essnet::node_id get(vertex_index_t, const essnet::Graph&, essnet::node_id u) {
    return u;
}
inline double get(edge_weight_t, const essnet::Graph& g, const essnet::bgl::Arc& a) {
    return g.weight(a.id);
}
inline essnet::edge_id get(edge_index_t, const essnet::Graph&, const essnet::bgl::Arc& a) {
    return a.id;
}

}  // namespace boost
