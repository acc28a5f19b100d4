#include "essnet/graph/builder.hpp"

#include <algorithm>

#ifdef _OPENMP
#include <omp.h>
#endif
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include "essnet/core/parallel.hpp"

namespace essnet {

namespace {

// A compressed sparse row adjacency: offsets, neighbours and the edge id of each arc.
struct Csr {
    std::vector<arc_index> offsets;
    std::vector<node_id> neighbors;
    std::vector<edge_id> edges;
};

int scatter_chunks() {
#ifdef _OPENMP
    return std::clamp(omp_get_max_threads(), 1, 8);
#else
    return 1;
#endif
}

// A stable counting scatter, in parallel: items are split into contiguous chunks; enumerate(b, e, f)
// calls f(key, neighbour, edge) for the arcs of items b..e-1 in order. Each chunk counts its keys,
// then writes them behind the chunks before it, so the result is the sequential one whatever the
// number of threads.
template <class Enumerate>
Csr counting_scatter(node_id n, const std::vector<std::int64_t>& bounds, Enumerate enumerate) {
    const auto chunks = static_cast<std::int64_t>(bounds.size()) - 1;
    const auto nn = static_cast<std::size_t>(n);
    std::vector<std::vector<arc_index>> cursor(static_cast<std::size_t>(chunks), std::vector<arc_index>(nn, 0));
#pragma omp parallel for schedule(static, 1)
    for (std::int64_t c = 0; c < chunks; ++c) {
        auto& count = cursor[static_cast<std::size_t>(c)];
        enumerate(bounds[static_cast<std::size_t>(c)], bounds[static_cast<std::size_t>(c) + 1],
                  [&](node_id key, node_id, edge_id) { ++count[static_cast<std::size_t>(key)]; });
    }
    Csr out;
    out.offsets.assign(nn + 1, 0);
#pragma omp parallel for schedule(static)
    for (std::int64_t v = 0; v < static_cast<std::int64_t>(nn); ++v) {
        arc_index total = 0;
        for (auto& count : cursor) {
            const arc_index k = count[static_cast<std::size_t>(v)];
            count[static_cast<std::size_t>(v)] = total;
            total += k;
        }
        out.offsets[static_cast<std::size_t>(v) + 1] = total;
    }
    std::partial_sum(out.offsets.begin(), out.offsets.end(), out.offsets.begin());
#pragma omp parallel for schedule(static)
    for (std::int64_t v = 0; v < static_cast<std::int64_t>(nn); ++v)
        for (auto& start : cursor) start[static_cast<std::size_t>(v)] += out.offsets[static_cast<std::size_t>(v)];
    out.neighbors.resize(static_cast<std::size_t>(out.offsets.back()));
    out.edges.resize(out.neighbors.size());
#pragma omp parallel for schedule(static, 1)
    for (std::int64_t c = 0; c < chunks; ++c) {
        auto& next = cursor[static_cast<std::size_t>(c)];
        enumerate(bounds[static_cast<std::size_t>(c)], bounds[static_cast<std::size_t>(c) + 1],
                  [&](node_id key, node_id neighbor, edge_id e) {
                      const auto a = static_cast<std::size_t>(next[static_cast<std::size_t>(key)]++);
                      out.neighbors[a] = neighbor;
                      out.edges[a] = e;
                  });
    }
    return out;
}

// Splits 0..items-1 into ranges of about equal weight, weight(i) being prefix[i+1] - prefix[i]
// (prefix empty: every item weighs 1).
std::vector<std::int64_t> chunk_bounds(std::int64_t items, const std::vector<arc_index>& prefix) {
    const auto chunks = std::max<std::int64_t>(1, std::min<std::int64_t>(scatter_chunks(), items));
    if (!prefix.empty()) return detail::equal_weight_bounds(prefix, chunks);
    std::vector<std::int64_t> bounds;
    for (std::int64_t c = 0; c <= chunks; ++c) bounds.push_back(items * c / chunks);
    return bounds;
}

// Arcs of the edges in edge order: u -> v for every edge (and v -> u too when undirected).
// Each list comes out in edge order, not sorted.
Csr fill_in_edge_order(node_id n, const std::vector<node_id>& from, const std::vector<node_id>& to, bool both_ways) {
    const auto m = static_cast<std::int64_t>(from.size());
    return counting_scatter(n, chunk_bounds(m, {}), [&](std::int64_t b, std::int64_t e, auto&& f) {
        for (auto i = static_cast<std::size_t>(b); i < static_cast<std::size_t>(e); ++i) {
            f(from[i], to[i], static_cast<edge_id>(i));
            if (both_ways) f(to[i], from[i], static_cast<edge_id>(i));
        }
    });
}

// The transpose of a CSR. Scanning nodes in increasing order leaves every list of the result
// sorted by neighbour, and arcs to the same neighbour keep their order in the input, so a
// transpose of lists in edge order is sorted by (neighbour, edge id) without any sort.
Csr transpose(node_id n, const Csr& in) {
    return counting_scatter(n, chunk_bounds(n, in.offsets), [&](std::int64_t b, std::int64_t e, auto&& f) {
        for (auto u = static_cast<node_id>(b); u < static_cast<node_id>(e); ++u)
            for (auto a = static_cast<std::size_t>(in.offsets[static_cast<std::size_t>(u)]);
                 a < static_cast<std::size_t>(in.offsets[static_cast<std::size_t>(u) + 1]); ++a)
                f(in.neighbors[a], u, in.edges[a]);
    });
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
    if (num_nodes < 0) throw std::invalid_argument("num_nodes must be non-negative, got " + std::to_string(num_nodes));
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

std::size_t GraphBuilder::keep_edges(std::vector<edge_id>& new_id) {
    std::size_t k = 0;
    for (std::size_t i = 0; i < new_id.size(); ++i) {
        if (new_id[i] < 0) continue;
        new_id[i] = static_cast<edge_id>(k);
        sources_[k] = sources_[i];
        targets_[k] = targets_[i];
        rows_[k] = rows_[i];
        if (!weights_.empty()) weights_[k] = weights_[i];
        ++k;
    }
    sources_.resize(k);
    targets_.resize(k);
    rows_.resize(k);
    if (!weights_.empty()) weights_.resize(k);
    return k;
}

Graph GraphBuilder::build() && {
    const bool keep_weights = stores_weights();
    std::size_t m = sources_.size();

    if (options_.self_loops == SelfLoopPolicy::drop) {
        std::vector<edge_id> new_id(m, 0);
        for (std::size_t i = 0; i < m; ++i)
            if (sources_[i] == targets_[i]) new_id[i] = -1;
        m = keep_edges(new_id);
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
                    w = options_.duplicates == DuplicatePolicy::sum
                            ? w + weights_[static_cast<std::size_t>(dup)]
                            : std::max(w, weights_[static_cast<std::size_t>(dup)]);
                }
                a = r;
            }
        }
        m = keep_edges(new_id);
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
