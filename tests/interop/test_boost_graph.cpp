#include <gtest/gtest.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>

#include "essnet/interop/boost_graph.hpp"
#include "support/graphs.hpp"

namespace essnet {
namespace {

using test::make_graph;

TEST(BoostGraph, ModelsTheConcepts) {
    using G = Graph;
    using Vertex = boost::graph_traits<G>::vertex_descriptor;
    using Edge = boost::graph_traits<G>::edge_descriptor;
    BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<G>));
    BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<G>));
    BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<G>));
    BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<G>));
    BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<G>));
    BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<G, Vertex, boost::vertex_index_t>));
    BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<G, Edge, boost::edge_weight_t>));
    BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<G, Edge, boost::edge_index_t>));
    SUCCEED();
}

struct RecordingVisitor : boost::default_bfs_visitor {
    std::vector<node_id>* order;
    std::vector<int>* dist;
    void discover_vertex(node_id u, const Graph&) const { order->push_back(u); }
    void tree_edge(const bgl::Arc& a, const Graph&) const {
        (*dist)[static_cast<std::size_t>(a.target)] = (*dist)[static_cast<std::size_t>(a.source)] + 1;
    }
};

//  0 --- 1 --- 2 --- 3        5 (isolated)
//   \         /
//    `-- 4 --'
TEST(BoostGraph, BreadthFirstSearchUndirected) {
    const Graph g = make_graph(6, {{0, 1}, {1, 2}, {2, 3}, {0, 4}, {4, 2}});
    std::vector<node_id> order;
    std::vector<int> dist(6, -1);
    dist[0] = 0;
    std::vector<boost::default_color_type> colors(6);
    boost::breadth_first_search(
        g, 0,
        boost::visitor(RecordingVisitor{{}, &order, &dist})
            .color_map(boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g))));
    // Hand-computed: distances 0,1,2,3,1 and 5 unreachable; neighbours are visited in sorted order.
    EXPECT_EQ(dist, (std::vector<int>{0, 1, 2, 3, 1, -1}));
    EXPECT_EQ(order, (std::vector<node_id>{0, 1, 4, 2, 3}));
}

//  0 --2--> 1 --1--> 3
//  |        ^        ^
//  5        1        |
//  v        |        |
//  2 ---1---+---7----'
TEST(BoostGraph, DijkstraDirectedWeighted) {
    const Graph g = make_graph(4, {{0, 1}, {1, 3}, {0, 2}, {2, 1}, {2, 3}}, {.directed = true}, {2, 1, 5, 1, 7});
    std::vector<double> dist(4);
    std::vector<node_id> pred(4);
    boost::dijkstra_shortest_paths(
        g, 0,
        boost::distance_map(boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g)))
            .predecessor_map(boost::make_iterator_property_map(pred.begin(), boost::get(boost::vertex_index, g)))
            .weight_map(boost::get(boost::edge_weight, g)));
    // By hand: d(1) = 2 (0->1), d(3) = 3 (0->1->3), d(2) = 5 (0->2).
    EXPECT_EQ(dist, (std::vector<double>{0, 2, 5, 3}));
    EXPECT_EQ(pred, (std::vector<node_id>{0, 0, 0, 1}));
}

TEST(BoostGraph, DijkstraUndirectedSeesBothDirections) {
    // 0 -3- 1 -1- 2, and 0 -10- 2: the undirected path 2->1->0 must be usable from 2.
    const Graph g = make_graph(3, {{0, 1}, {1, 2}, {0, 2}}, {}, {3, 1, 10});
    std::vector<double> dist(3);
    boost::dijkstra_shortest_paths(
        g, 2,
        boost::distance_map(boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g)))
            .weight_map(boost::get(boost::edge_weight, g)));
    EXPECT_EQ(dist, (std::vector<double>{4, 1, 0}));
}

TEST(BoostGraph, EdgesAndInEdges) {
    const Graph g = make_graph(3, {{0, 1}, {2, 1}, {0, 2}}, {.directed = true});
    EXPECT_EQ(num_edges(g), 3);
    std::vector<std::tuple<node_id, node_id, edge_id>> arcs;
    for (auto [it, end] = edges(g); it != end; ++it) arcs.emplace_back(it->source, it->target, it->id);
    EXPECT_EQ(arcs, (std::vector<std::tuple<node_id, node_id, edge_id>>{{0, 1, 0}, {0, 2, 2}, {2, 1, 1}}));
    std::vector<node_id> into1;
    for (auto [it, end] = in_edges(1, g); it != end; ++it) into1.push_back(source(*it, g));
    EXPECT_EQ(into1, (std::vector<node_id>{0, 2}));
    EXPECT_EQ(in_degree(1, g), 2);
    // Empty graph: no vertices, no edges.
    const Graph empty;
    auto [b, e] = edges(empty);
    EXPECT_TRUE(b == e);
}

}  // namespace
}  // namespace essnet
