#include "essnet/graph/builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace essnet {

namespace {

// Stable counting sort of edge positions by key: O(m + n).
std::vector<std::int64_t> counting_sort(const std::vector<std::int64_t>& order, const std::vector<node_id>& key,
                                        node_id n) {
    std::vector<std::int64_t> start(static_cast<std::size_t>(n) + 1, 0);
    for (const auto i : order) ++start[static_cast<std::size_t>(key[static_cast<std::size_t>(i)]) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::int64_t> sorted(order.size());
    for (const auto i : order) sorted[static_cast<std::size_t>(start[static_cast<std::size_t>(key[static_cast<std::size_t>(i)])]++)] = i;
    return sorted;
}

// Fills a CSR from (node, neighbour, edge) arcs and sorts each adjacency by (neighbour, edge id).
void fill_csr(node_id n, const std::vector<node_id>& from, const std::vector<node_id>& to, bool both_ways,
              std::vector<arc_index>& offsets, std::vector<node_id>& neighbors, std::vector<edge_id>& edges) {
    const std::size_t m = from.size();
    offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    for (std::size_t e = 0; e < m; ++e) {
        ++offsets[static_cast<std::size_t>(from[e]) + 1];
        if (both_ways) ++offsets[static_cast<std::size_t>(to[e]) + 1];
    }
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    neighbors.resize(static_cast<std::size_t>(offsets.back()));
    edges.resize(neighbors.size());
    std::vector<arc_index> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t e = 0; e < m; ++e) {
        auto a = static_cast<std::size_t>(next[static_cast<std::size_t>(from[e])]++);
        neighbors[a] = to[e];
        edges[a] = static_cast<edge_id>(e);
        if (both_ways) {
            a = static_cast<std::size_t>(next[static_cast<std::size_t>(to[e])]++);
            neighbors[a] = from[e];
            edges[a] = static_cast<edge_id>(e);
        }
    }
    // Arcs were placed in edge order, so sorting by neighbour alone (stably) leaves equal
    // neighbours ordered by edge id. Pack (neighbour, edge) in one key for a fast unstable sort.
#pragma omp parallel
    {
        std::vector<std::uint64_t> keys;
#pragma omp for schedule(dynamic, 1024)
        for (node_id u = 0; u < n; ++u) {
            const auto b = static_cast<std::size_t>(offsets[static_cast<std::size_t>(u)]);
            const auto e = static_cast<std::size_t>(offsets[static_cast<std::size_t>(u) + 1]);
            if (std::is_sorted(neighbors.begin() + static_cast<std::ptrdiff_t>(b),
                               neighbors.begin() + static_cast<std::ptrdiff_t>(e)))
                continue;
            keys.resize(e - b);
            for (std::size_t a = b; a < e; ++a)
                keys[a - b] = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(neighbors[a])) << 32) |
                              static_cast<std::uint32_t>(edges[a]);
            std::sort(keys.begin(), keys.end());
            for (std::size_t a = b; a < e; ++a) {
                neighbors[a] = static_cast<node_id>(keys[a - b] >> 32);
                edges[a] = static_cast<edge_id>(keys[a - b] & 0xffffffffu);
            }
        }
    }
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
    if (options_.weighted || options_.duplicates != DuplicatePolicy::keep) weights_.reserve(num_edges);
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
    if (options_.weighted || options_.duplicates != DuplicatePolicy::keep)
        weights_.push_back(options_.weighted ? w : 1.0);
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
    const bool keep_weights = options_.weighted || options_.duplicates == DuplicatePolicy::sum;
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

    // Duplicates: group equal (canonical) pairs with two stable counting sorts, keep the first edge
    // of each group (in input order) and fold the others' weights into it.
    if (options_.duplicates != DuplicatePolicy::keep && m > 0) {
        std::vector<node_id> lo(m), hi(m);
        for (std::size_t i = 0; i < m; ++i) {
            lo[i] = sources_[i];
            hi[i] = targets_[i];
            if (!options_.directed && lo[i] > hi[i]) std::swap(lo[i], hi[i]);
        }
        std::vector<std::int64_t> order(m);
        std::iota(order.begin(), order.end(), 0);
        order = counting_sort(order, hi, num_nodes_);
        order = counting_sort(order, lo, num_nodes_);
        std::vector<std::uint8_t> kept(m, 0);
        for (std::size_t g = 0; g < m;) {
            const auto first = static_cast<std::size_t>(order[g]);
            kept[first] = 1;
            std::size_t j = g + 1;
            for (; j < m; ++j) {
                const auto i = static_cast<std::size_t>(order[j]);
                if (lo[i] != lo[first] || hi[i] != hi[first]) break;
                if (options_.duplicates == DuplicatePolicy::sum)
                    weights_[first] += weights_[i];
                else
                    weights_[first] = std::max(weights_[first], weights_[i]);
            }
            g = j;
        }
        std::size_t k = 0;
        for (std::size_t i = 0; i < m; ++i) {
            if (!kept[i]) continue;
            sources_[k] = sources_[i];
            targets_[k] = targets_[i];
            rows_[k] = rows_[i];
            weights_[k] = weights_[i];
            ++k;
        }
        m = k;
        sources_.resize(m);
        targets_.resize(m);
        rows_.resize(m);
        weights_.resize(m);
    }
    if (!keep_weights) weights_.clear();

    Graph g;
    g.directed_ = options_.directed;
    fill_csr(num_nodes_, sources_, targets_, !options_.directed, g.offsets_, g.targets_, g.arc_edges_);
    if (options_.directed)
        fill_csr(num_nodes_, targets_, sources_, false, g.in_offsets_, g.in_sources_, g.in_arc_edges_);
    g.edge_sources_ = std::move(sources_);
    g.edge_targets_ = std::move(targets_);
    g.weights_ = std::move(weights_);
    g.edge_rows_ = std::move(rows_);
    g.node_names_ = std::move(names_);
    g.node_actors_ = std::move(actors_);
    return g;
}

}  // namespace essnet
