// Conditional uniform graph tests (Anderson, Butts & Carley 1999).
//
// Anderson B.S., Butts C.T. & Carley K.M. (1999). The interaction of size and density with
// graph-level indices. Social Networks 21(3):239-267. doi:10.1016/S0378-8733(99)00011-8
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "essnet/core/progress.hpp"
#include "essnet/core/random.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/inference/permutations.hpp"

namespace essnet {

/// What the random graphs of a CUG test keep of the observed graph: always its number of nodes and
/// its direction, and
enum class CugCondition {
    size,         ///< nothing else: every tie present with probability 1/2 (sna's cmode "size")
    edges,        ///< its number of ties, drawn uniformly (G(n, m); sna's "edges")
    dyad_census,  ///< its mutual, asymmetric and null dyads (sna's "dyad.census"; as edges when undirected)
};

struct CugOptions {
    CugCondition condition = CugCondition::size;
    std::int64_t draws = 1000;  ///< random graphs
    std::uint64_t seed = 0;     ///< the same seed gives the same draws on any number of threads
    ProgressHook progress{};
};

namespace detail {

// Distinct ties between distinct nodes: arcs when directed, unordered pairs when not.
inline std::int64_t distinct_ties(const Graph& g) {
    std::int64_t ends = 0;
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        const auto out = g.out_neighbors(u);
        for (std::size_t k = 0; k < out.size(); ++k) ends += out[k] != u && (k == 0 || out[k] != out[k - 1]);
    }
    return g.directed() ? ends : ends / 2;
}

// Mutual and asymmetric pairs of a directed graph (parallel arcs once, self-loops not at all).
inline std::pair<std::int64_t, std::int64_t> mutual_and_asymmetric(const Graph& g) {
    std::int64_t arcs = 0, reciprocated = 0;
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        const auto out = g.out_neighbors(u);
        for (std::size_t k = 0; k < out.size(); ++k) {
            if (out[k] == u || (k > 0 && out[k] == out[k - 1])) continue;
            ++arcs;
            const auto back = g.out_neighbors(out[k]);
            reciprocated += std::binary_search(back.begin(), back.end(), u);
        }
    }
    return {reciprocated / 2, arcs - reciprocated};
}

// What a CUG null keeps of the observed graph.
struct CugTarget {
    node_id n = 0;
    bool directed = false;
    CugCondition condition = CugCondition::size;
    std::int64_t ties = 0;                    // edges
    std::int64_t mutual = 0, asymmetric = 0;  // dyad census, directed

    CugTarget(const Graph& g, CugCondition c) : n(g.num_nodes()), directed(g.directed()), condition(c) {
        if (condition == CugCondition::dyad_census && !directed) condition = CugCondition::edges;
        if (condition == CugCondition::edges) ties = distinct_ties(g);
        if (condition == CugCondition::dyad_census) std::tie(mutual, asymmetric) = mutual_and_asymmetric(g);
    }

    Graph draw(std::uint64_t seed, std::int64_t d) const {
        const std::uint64_t draw_seed = Rng(seed, static_cast<std::uint64_t>(d)).next();
        switch (condition) {
            case CugCondition::size:
                return generate::stochastic_block_model(
                           {.sizes = {n}, .probabilities = {{0.5}}, .directed = directed, .seed = draw_seed})
                    .graph;
            case CugCondition::edges:
                return generate::erdos_renyi({.n = n, .m = ties, .directed = directed, .seed = draw_seed});
            case CugCondition::dyad_census: {
                // A uniform set of mutual + asymmetric pairs, a uniform share of them mutual, and a
                // fair coin for the direction of each asymmetric one: uniform among the digraphs
                // with this dyad census.
                const Graph pairs = generate::erdos_renyi({.n = n, .m = mutual + asymmetric, .seed = draw_seed});
                std::vector<std::pair<node_id, node_id>> chosen;
                chosen.reserve(static_cast<std::size_t>(mutual + asymmetric));
                for (node_id u = 0; u < n; ++u)
                    for (const node_id v : pairs.out_neighbors(u))
                        if (u < v) chosen.emplace_back(u, v);
                Rng rng(draw_seed, 1);
                shuffle(chosen, rng);
                GraphBuilder b(n, {.directed = true});
                b.reserve(static_cast<std::size_t>(2 * mutual + asymmetric));
                for (std::size_t k = 0; k < chosen.size(); ++k) {
                    const auto [u, v] = chosen[k];
                    if (static_cast<std::int64_t>(k) < mutual) {
                        b.add_edge(u, v);
                        b.add_edge(v, u);
                    } else if (rng.next() >> 63) {
                        b.add_edge(u, v);
                    } else {
                        b.add_edge(v, u);
                    }
                }
                return std::move(b).build();
            }
        }
        throw std::logic_error("unknown CUG condition");
    }
};

}  // namespace detail

/// Draw `draw` of the null distribution of cug_test(g, ..., options): a random graph on g's nodes,
/// with g's direction, kept to options.condition. Draw d depends on (seed, d) alone.
/// Unweighted, without self-loops or parallel ties; node names are not copied.
inline Graph cug_null_graph(const Graph& g, CugCondition condition, std::uint64_t seed, std::int64_t draw) {
    return detail::CugTarget(g, condition).draw(seed, draw);
}

/// Conditional uniform graph test (Anderson, Butts & Carley 1999), as R sna's `cug.test`: the
/// statistic of g against its values on `draws` random graphs with g's number of nodes and
/// direction and, by `condition`, its number of ties or its dyad census. The random graphs are
/// unweighted, without self-loops or parallel ties (ties are counted as distinct pairs of distinct
/// nodes), as sna's with diag=FALSE and ignore.eval=TRUE; `statistic` sees g itself as given.
/// `statistic` (const Graph& -> double) is called from several threads at once. The same seed
/// gives the same result on any number of threads. O(draws (n + m + cost of the statistic)) time.
/// Throws std::invalid_argument for draws < 1; what `statistic` throws is rethrown.
template <class Statistic>
NullTestResult cug_test(const Graph& g, Statistic&& statistic, const CugOptions& options = {}) {
    if (options.draws < 1)
        throw std::invalid_argument("cug_test: draws must be >= 1, got " + std::to_string(options.draws));
    const detail::CugTarget target(g, options.condition);
    NullTestResult result;
    result.observed = statistic(g);
    detail::simulate_null(result, options.draws, options.progress,
                          [&](std::int64_t d) { return statistic(target.draw(options.seed, d)); });
    return result;
}

}  // namespace essnet
