// Small named graphs for tests, each drawn where it is used.
#pragma once

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "essnet/graph/builder.hpp"

namespace essnet::test {

inline Graph make_graph(node_id n, const std::vector<std::pair<node_id, node_id>>& edges,
                        GraphBuildOptions options = {}, const std::vector<double>& weights = {}) {
    if (!weights.empty()) options.weighted = true;
    GraphBuilder b(n, options);
    for (std::size_t i = 0; i < edges.size(); ++i)
        b.add_edge(edges[i].first, edges[i].second, weights.empty() ? 1.0 : weights[i]);
    return std::move(b).build();
}

/// Element-wise EXPECT_NEAR of two score vectors, naming the index that differs.
inline void expect_all_near(const std::vector<double>& got, const std::vector<double>& want, double eps) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], eps) << "at " << i;
}

template <class Span>
std::vector<typename Span::value_type> to_vector(Span s) {
    return {s.begin(), s.end()};
}

}  // namespace essnet::test
