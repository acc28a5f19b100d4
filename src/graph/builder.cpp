#include "essnet/graph/builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace essnet {

namespace {

// A compressed sparse row adjacency: offsets, neighbours and the edge id of each arc.
struct Csr {
    std::vector<arc_index> offsets;
    std::vector<node_id> neighbors;
    std::vector<edge_id> edges;
};

// Arcs of the edges in edge order: u -> v for every edge (and v -> u too when undirected).
// Each list comes out in edge order, not sorted.
Csr fill_in_edge_order(node_id n, const std::vector<node_id>& from, const std::vector<node_id>& to, bool both_ways) {
    Csr c;
    const std::size_t m = from.size();
    c.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    for (std::size_t e = 0; e < m; ++e) {
        ++c.offsets[static_cast<std::size_t>(from[e]) + 1];
        if (both_ways) ++c.offsets[static_cast<std::size_t>(to[e]) + 1];
    }
    std::partial_sum(c.offsets.begin(), c.offsets.end(), c.offsets.begin());
    c.neighbors.resize(static_cast<std::size_t>(c.offsets.back()));
    c.edges.resize(c.neighbors.size());
    std::vector<arc_index> next(c.offsets.begin(), c.offsets.end() - 1);
    for (std::size_t e = 0; e < m; ++e) {
        auto a = static_cast<std::size_t>(next[static_cast<std::size_t>(from[e])]++);
        c.neighbors[a] = to[e];
        c.edges[a] = static_cast<edge_id>(e);
        if (both_ways) {
            a = static_cast<std::size_t>(next[static_cast<std::size_t>(to[e])]++);
            c.neighbors[a] = from[e];
            c.edges[a] = static_cast<edge_id>(e);
        }
    }
    return c;
}

// The transpose of a CSR. Scanning nodes in increasing order leaves every list of the result
// sorted by neighbour, and arcs to the same neighbour keep their order in the input, so a
// transpose of lists in edge order is sorted by (neighbour, edge id) without any sort.
Csr transpose(node_id n, const Csr& in) {
    Csr out;
    out.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    for (const node_id v : in.neighbors) ++out.offsets[static_cast<std::size_t>(v) + 1];
    std::partial_sum(out.offsets.begin(), out.offsets.end(), out.offsets.begin());
    out.neighbors.resize(in.neighbors.size());
    out.edges.resize(in.edges.size());
    std::vector<arc_index> next(out.offsets.begin(), out.offsets.end() - 1);
    for (node_id u = 0; u < n; ++u) {
        for (auto a = in.offsets[static_cast<std::size_t>(u)]; a < in.offsets[static_cast<std::size_t>(u) + 1]; ++a) {
            const auto v = static_cast<std::size_t>(in.neighbors[static_cast<std::size_t>(a)]);
            const auto b = static_cast<std::size_t>(next[v]++);
            out.neighbors[b] = u;
            out.edges[b] = in.edges[static_cast<std::size_t>(a)];
        }
    }
    return out;
}

// Drops the arcs of removed edges and renumbers the others.
void compact(Csr& c, const std::vector<edge_id>& new_id) {
    std::size_t k = 0;
    arc_index begin = 0;
    for (std::size_t u = 0; u + 1 < c.offsets.size(); ++u) {
        const arc_index end = c.offsets[u + 1];
        for (auto a = static_cast<std::size_t>(begin); a < static_cast<std::size_t>(end); ++a) {
            const edge_id e = new_id[static_cast<std::size_t>(c.edges[a])];
            if (e < 0) continue;
            c.neighbors[k] = c.neighbors[a];
            c.edges[k] = e;
            ++k;
        }
        begin = end;
        c.offsets[u + 1] = static_cast<arc_index>(k);
    }
    c.neighbors.resize(k);
    c.edges.resize(k);
}

}  // namespace

GraphBuilder::GraphBuilder(node_id num_nodes, GraphBuildOptions options) : num_nodes_(num_nodes), options_(options) {
    if (num_nodes < 0)
        throw std::invalid_argument("num_nodes must be non-negative, got " + std::to_string(num_nodes));
}

void GraphBuilder::reserve(std::size_t num_edges) {
    sources_.reserve(num_edges);
    targets_.reserve(num_edges);
    rows_.reserve(num_edges);
    if (stores_weights()) weights_.reserve(num_edges);
}

void GraphBuilder::add_edge(node_id u, node_id v, double w, std::int64_t row) {
    if (u < 0 || u >= num_nodes_ || v < 0 || v >= num_nodes_) {
        const node_id bad = (u < 0 || u >= num_nodes_) ? u : v;
        throw std::out_of_range("edge (" + std::to_string(u) + ", " + std::to_string(v) + "): node " +
                                std::to_string(bad) + " is not in 0.." + std::to_string(num_nodes_ - 1));
    }
    if (!(w >= 0) || std::isinf(w))
        throw std::invalid_argument("edge (" + std::to_string(u) + ", " + std::to_string(v) +
                                    "): weight must be finite and non-negative, got " + std::to_string(w));
    if (sources_.size() >= static_cast<std::size_t>(std::numeric_limits<edge_id>::max()))
        throw std::length_error("a Graph holds at most 2^31-1 edges");
    rows_.push_back(row < 0 ? static_cast<std::int64_t>(sources_.size()) : row);
    sources_.push_back(u);
    targets_.push_back(v);
    if (stores_weights()) weights_.push_back(options_.weighted ? w : 1.0);
}

void GraphBuilder::add_edges(std::span<const node_id> sources, std::span<const node_id> targets,
                             std::span<const double> weights) {
    if (sources.size() != targets.size())
        throw std::invalid_argument("sources and targets must have the same length, got " +
                                    std::to_string(sources.size()) + " and " + std::to_string(targets.size()));
    if (!weights.empty() && weights.size() != sources.size())
        throw std::invalid_argument("weights must be empty or as long as sources (" + std::to_string(sources.size()) +
                                    "), got " + std::to_string(weights.size()));
    reserve(sources_.size() + sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i)
        add_edge(sources[i], targets[i], weights.empty() ? 1.0 : weights[i]);
}

void GraphBuilder::set_node_names(std::vector<std::string> names) {
    if (names.size() != static_cast<std::size_t>(num_nodes_))
        throw std::invalid_argument("node names: expected " + std::to_string(num_nodes_) + " names, got " +
                                    std::to_string(names.size()));
    names_ = std::move(names);
}

void GraphBuilder::set_node_actors(std::vector<std::int32_t> actors) {
    if (actors.size() != static_cast<std::size_t>(num_nodes_))
        throw std::invalid_argument("node actors: expected " + std::to_string(num_nodes_) + " rows, got " +
                                    std::to_string(actors.size()));
    actors_ = std::move(actors);
}

Graph GraphBuilder::build() && {
    const bool keep_weights = stores_weights();
    std::size_t m = sources_.size();

    // Self-loops.
    if (options_.self_loops == SelfLoopPolicy::drop) {
        std::size_t k = 0;
        for (std::size_t i = 0; i < m; ++i) {
            if (sources_[i] == targets_[i]) continue;
            sources_[k] = sources_[i];
            targets_[k] = targets_[i];
            rows_[k] = rows_[i];
            if (!weights_.empty()) weights_[k] = weights_[i];
            ++k;
        }
        m = k;
        sources_.resize(m);
        targets_.resize(m);
        rows_.resize(m);
        if (!weights_.empty()) weights_.resize(m);
    }

    // Sorted adjacency: lists in edge order, then one transpose (undirected: the arcs are
    // symmetric) or two (directed: in-arcs, then out-arcs).
    Csr out, in;
    if (options_.directed) {
        in = transpose(num_nodes_, fill_in_edge_order(num_nodes_, sources_, targets_, false));
        out = transpose(num_nodes_, in);
    } else {
        out = transpose(num_nodes_, fill_in_edge_order(num_nodes_, sources_, targets_, true));
    }

    // Duplicates sit next to each other in the sorted lists: keep the first edge of each run (the
    // earliest given), fold the weights of the others into it, then drop them.
    if (options_.duplicates != DuplicatePolicy::keep && m > 0) {
        std::vector<edge_id> new_id(m, 0);
        for (node_id u = 0; u < num_nodes_; ++u) {
            const auto b = static_cast<std::size_t>(out.offsets[static_cast<std::size_t>(u)]);
            const auto e = static_cast<std::size_t>(out.offsets[static_cast<std::size_t>(u) + 1]);
            for (std::size_t a = b; a < e;) {
                const node_id v = out.neighbors[a];
                const edge_id first = out.edges[a];
                std::size_t r = a + 1;
                for (; r < e && out.neighbors[r] == v; ++r) {
                    const edge_id dup = out.edges[r];
                    // Fold each duplicate once: from its canonical side (u <= v when undirected),
                    // and once per edge although an undirected self-loop has two arcs.
                    if (dup == first || dup == out.edges[r - 1] || new_id[static_cast<std::size_t>(dup)] < 0) continue;
                    if (!options_.directed && u > v) continue;
                    new_id[static_cast<std::size_t>(dup)] = -1;
                    if (weights_.empty()) continue;
                    auto& w = weights_[static_cast<std::size_t>(first)];
                    w = options_.duplicates == DuplicatePolicy::sum ? w + weights_[static_cast<std::size_t>(dup)]
                                                                    : std::max(w, weights_[static_cast<std::size_t>(dup)]);
                }
                a = r;
            }
        }
        std::size_t k = 0;
        for (std::size_t i = 0; i < m; ++i) {
            if (new_id[i] < 0) continue;
            new_id[i] = static_cast<edge_id>(k);
            sources_[k] = sources_[i];
            targets_[k] = targets_[i];
            rows_[k] = rows_[i];
            if (!weights_.empty()) weights_[k] = weights_[i];
            ++k;
        }
        m = k;
        sources_.resize(m);
        targets_.resize(m);
        rows_.resize(m);
        if (!weights_.empty()) weights_.resize(m);
        compact(out, new_id);
        if (options_.directed) compact(in, new_id);
    }

    Graph g;
    g.directed_ = options_.directed;
    g.weighted_ = keep_weights;
    g.offsets_ = std::move(out.offsets);
    g.targets_ = std::move(out.neighbors);
    g.arc_edges_ = std::move(out.edges);
    if (options_.directed) {
        g.in_offsets_ = std::move(in.offsets);
        g.in_sources_ = std::move(in.neighbors);
        g.in_arc_edges_ = std::move(in.edges);
    }
    g.edge_sources_ = std::move(sources_);
    g.edge_targets_ = std::move(targets_);
    g.weights_ = std::move(weights_);
    g.edge_rows_ = std::move(rows_);
    g.node_names_ = std::move(names_);
    g.node_actors_ = std::move(actors_);
    return g;
}

}  // namespace essnet
