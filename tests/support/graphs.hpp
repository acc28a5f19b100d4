// Small named graphs for tests, each drawn where it is used.
#pragma once

#include <utility>
#include <vector>

#include "essnet/graph/builder.hpp"

namespace essnet::test {

inline Graph make_graph(node_id n, const std::vector<std::pair<node_id, node_id>>& edges, GraphBuildOptions options = {},
                        const std::vector<double>& weights = {}) {
    if (!weights.empty()) options.weighted = true;
    GraphBuilder b(n, options);
    for (std::size_t i = 0; i < edges.size(); ++i)
        b.add_edge(edges[i].first, edges[i].second, weights.empty() ? 1.0 : weights[i]);
    return std::move(b).build();
}

template <class Span>
std::vector<typename Span::value_type> to_vector(Span s) {
    return {s.begin(), s.end()};
}

}  // namespace essnet::test
