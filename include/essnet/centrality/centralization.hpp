// Freeman centralization (Freeman 1979).
//
// Freeman L.C. (1979). Centrality in social networks: conceptual clarification. Social Networks
// 1(3):215-239. doi:10.1016/0378-8733(78)90021-7
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "essnet/centrality/betweenness.hpp"
#include "essnet/centrality/closeness.hpp"
#include "essnet/centrality/degree.hpp"
#include "essnet/components/connected_components.hpp"

namespace essnet {

enum class CentralizationMeasure { degree, betweenness, closeness };

/// Freeman's centralization of a graph: the sum over nodes of (largest score - score), divided by
/// the largest value that sum takes over graphs of the same size (a star, for all three measures),
/// so that a star scores 1 and a graph where every node scores the same scores 0. Degree counts
/// distinct neighbours (out-neighbours when directed, whose bound is (n-1)^2); betweenness is
/// unnormalized (pairs counted once when undirected; bound (n-1)^2 (n-2)/2, or (n-1)^2 (n-2)
/// directed); closeness is (n-1)/(sum of distances) without the Wasserman-Faust factor, for
/// connected undirected graphs (bound (n-1)(n-2)/(2n-3)). Graphs with fewer than 3 nodes give 0.
/// Throws std::invalid_argument for closeness of a directed or disconnected graph.
inline double centralization(const Graph& g, CentralizationMeasure measure) {
    const double n = g.num_nodes();
    if (n < 3) return 0;
    std::vector<double> score;
    double bound = 0;
    switch (measure) {
        case CentralizationMeasure::degree: {
            score.resize(static_cast<std::size_t>(g.num_nodes()));
            for (node_id v = 0; v < g.num_nodes(); ++v) {
                node_id previous = -1;
                double d = 0;
                for (const node_id w : g.out_neighbors(v)) {
                    if (w != v && w != previous) ++d;
                    previous = w;
                }
                score[static_cast<std::size_t>(v)] = d;
            }
            bound = g.directed() ? (n - 1) * (n - 1) : (n - 1) * (n - 2);
            break;
        }
        case CentralizationMeasure::betweenness:
            score = betweenness(g, {.normalized = false, .use_weights = false});
            bound = g.directed() ? (n - 1) * (n - 1) * (n - 2) : (n - 1) * (n - 1) * (n - 2) / 2;
            break;
        case CentralizationMeasure::closeness: {
            if (g.directed()) throw std::invalid_argument("closeness centralization is defined for undirected graphs");
            if (connected_components(g).count() != 1)
                throw std::invalid_argument("closeness centralization needs a connected graph");
            score = closeness(g, {.wf_improved = false, .use_weights = false});
            bound = (n - 1) * (n - 2) / (2 * n - 3);
            break;
        }
    }
    const double top = *std::max_element(score.begin(), score.end());
    double total = 0;
    for (const double x : score) total += top - x;
    return total / bound;
}

}  // namespace essnet
