// Structural equivalence and blockmodels: distances between the tie profiles of nodes (as R sna's
// sedist), their hierarchical clustering (as equiv.clust with R's hclust), CONCOR (Breiger, Boorman
// & Arabie 1975) and blockmodel images (as sna's blockmodel).
//
// Lorrain F. & White H.C. (1971). Structural equivalence of individuals in social networks. Journal
// of Mathematical Sociology 1(1):49-80. doi:10.1080/0022250X.1971.9989788
// Breiger R.L., Boorman S.A. & Arabie P. (1975). An algorithm for clustering relational data with
// applications to social network analysis and comparison with multidimensional scaling. Journal of
// Mathematical Psychology 12(3):328-383. doi:10.1016/0022-2496(75)90028-0
// Murtagh F. (1985). Multidimensional clustering algorithms. COMPSTAT Lectures 4, Physica-Verlag.
#pragma once

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "essnet/graph/graph.hpp"

namespace essnet {

/// How two nodes' tie profiles are compared. A node's profile is its row of the adjacency matrix
/// followed by its column (its ties out, then in; both the same when undirected), as sna's sedist
/// builds it; for nodes i and j the entries at positions i and j are left out (self-ties are not
/// observed), so each comparison covers 2 (n - 2) entries.
enum class EquivalenceMethod {
    hamming,      ///< sum of absolute differences (the number of differing ties when binary)
    euclidean,    ///< square root of the sum of squared differences
    correlation,  ///< Pearson correlation of the profiles (a similarity: 1 when equivalent); 0 when undefined
};

struct StructuralEquivalenceOptions {
    EquivalenceMethod method = EquivalenceMethod::hamming;
    /// Tie weights as the matrix entries (parallel ties summed); when false every tie counts 1.
    bool use_weights = true;
};

/// How hierarchical clustering measures the distance between two clusters.
enum class Linkage {
    single,    ///< the closest pair of members
    complete,  ///< the farthest pair (R's hclust default, and sna's equiv.clust)
    average,   ///< the mean over all pairs (UPGMA)
};

/// One merge of a hierarchical clustering, in the layout of SciPy's linkage matrix: clusters 0..n-1
/// are the nodes, cluster n + t is the one made by merge t.
struct ClusterMerge {
    std::int64_t a = 0, b = 0;  ///< the clusters merged, a < b
    double height = 0;          ///< the distance between them
    std::int64_t size = 0;      ///< nodes in the merged cluster
};

/// Blockmodel images: what each block of the adjacency matrix holds, as sna's block.content.
enum class BlockContent { density, sum, mean_row_sum, mean_column_sum, min, max, median };

namespace detail {

// A graph's adjacency as sorted neighbour lists with summed weights, out and in, without self-ties.
struct WeightedLists {
    std::vector<std::vector<std::pair<node_id, double>>> out, in;

    WeightedLists(const Graph& g, bool use_weights) {
        const auto n = static_cast<std::size_t>(g.num_nodes());
        out.resize(n);
        in.resize(n);
        for (node_id u = 0; u < g.num_nodes(); ++u) {
            const auto targets = g.out_neighbors(u);
            const auto edges = g.out_edges(u);
            for (std::size_t k = 0; k < targets.size(); ++k) {
                const node_id v = targets[k];
                if (v == u) continue;
                const double w = use_weights ? g.weight(edges[k]) : 1.0;
                auto& list = out[static_cast<std::size_t>(u)];
                if (!list.empty() && list.back().first == v) {
                    if (use_weights) list.back().second += w;
                } else {
                    list.emplace_back(v, w);
                }
            }
        }
        for (node_id u = 0; u < g.num_nodes(); ++u)
            for (const auto& [v, w] : out[static_cast<std::size_t>(u)])
                in[static_cast<std::size_t>(v)].emplace_back(u, w);
    }

    static double at(const std::vector<std::pair<node_id, double>>& list, node_id v) {
        const auto it = std::lower_bound(list.begin(), list.end(), v,
                                         [](const std::pair<node_id, double>& e, node_id x) { return e.first < x; });
        return it != list.end() && it->first == v ? it->second : 0.0;
    }
};

}  // namespace detail

/// Structural equivalence of every pair of nodes (Lorrain & White 1971), as R sna's `sedist` with
/// diag=FALSE: an n x n row-major matrix of distances (Hamming, Euclidean) or correlations between
/// the nodes' tie profiles (see EquivalenceMethod). The diagonal holds 0 (distances) or 1
/// (correlation). O(sum over nodes of d^2 + n^2) time, in parallel, O(n^2) memory.
inline std::vector<double> structural_equivalence(const Graph& g, const StructuralEquivalenceOptions& options = {}) {
    const node_id n = g.num_nodes();
    const auto un = static_cast<std::size_t>(n);
    const detail::WeightedLists a(g, options.use_weights);
    // Per node: sums and sums of squares of its row and of its column.
    std::vector<double> row_sum(un, 0), col_sum(un, 0), row_sq(un, 0), col_sq(un, 0);
    for (std::size_t u = 0; u < un; ++u) {
        for (const auto& [v, w] : a.out[u]) row_sum[u] += w, row_sq[u] += w * w;
        for (const auto& [v, w] : a.in[u]) col_sum[u] += w, col_sq[u] += w * w;
    }
    const bool correlation = options.method == EquivalenceMethod::correlation;
    const bool squares = options.method != EquivalenceMethod::hamming;
    std::vector<double> result(un * un, 0.0);
    const double entries = 2.0 * static_cast<double>(n - 2);
#pragma omp parallel
    {
        // shared[j]: over the positions k where both i and j have a tie, the sum of min(x, y)
        // (Hamming) or of x y (Euclidean, correlation), rows and columns together.
        std::vector<double> shared(un, 0.0);
        std::vector<char> seen(un, 0);
        std::vector<node_id> touched;
#pragma omp for schedule(dynamic, 16)
        for (node_id i = 0; i < n; ++i) {
            const auto ui = static_cast<std::size_t>(i);
            touched.clear();
            const auto add = [&](node_id j, double x, double y) {
                const auto uj = static_cast<std::size_t>(j);
                if (!seen[uj]) seen[uj] = 1, touched.push_back(j);
                shared[uj] += squares ? x * y : std::min(x, y);
            };
            for (const auto& [k, x] : a.out[ui])  // row i against row j at position k: j -> k
                for (const auto& [j, y] : a.in[static_cast<std::size_t>(k)])
                    if (j != i) add(j, x, y);
            for (const auto& [k, x] : a.in[ui])  // column i against column j at k: k -> j
                for (const auto& [j, y] : a.out[static_cast<std::size_t>(k)])
                    if (j != i) add(j, x, y);
            for (node_id j = 0; j < n; ++j) {
                const auto uj = static_cast<std::size_t>(j);
                double& cell = result[ui * un + uj];
                if (i == j) {
                    cell = correlation ? 1.0 : 0.0;
                    continue;
                }
                // The entries at positions i and j are not compared: take A_ij and A_ji out of the sums.
                const double aij = detail::WeightedLists::at(a.out[ui], j),
                             aji = detail::WeightedLists::at(a.out[uj], i);
                const double both = shared[uj];
                if (options.method == EquivalenceMethod::hamming) {
                    cell = (row_sum[ui] - aij) + (row_sum[uj] - aji) + (col_sum[ui] - aji) + (col_sum[uj] - aij) -
                           2 * both;
                    continue;
                }
                const double sxx = (row_sq[ui] - aij * aij) + (col_sq[ui] - aji * aji);
                const double syy = (row_sq[uj] - aji * aji) + (col_sq[uj] - aij * aij);
                if (!correlation) {
                    cell = std::sqrt(std::max(0.0, sxx + syy - 2 * both));
                    continue;
                }
                const double sx = (row_sum[ui] - aij) + (col_sum[ui] - aji);
                const double sy = (row_sum[uj] - aji) + (col_sum[uj] - aij);
                const double vx = sxx - sx * sx / entries, vy = syy - sy * sy / entries;
                const double scale = 1e-12 * std::max({1.0, sxx, syy});
                cell = vx > scale && vy > scale ? (both - sx * sy / entries) / std::sqrt(vx * vy) : 0.0;
            }
            for (const node_id j : touched)
                shared[static_cast<std::size_t>(j)] = 0.0, seen[static_cast<std::size_t>(j)] = 0;
        }
    }
    return result;
}

/// Agglomerative hierarchical clustering of n items from their n x n row-major distance matrix
/// (symmetric; the diagonal is not read), by the stored nearest-neighbour algorithm of R's hclust
/// (Murtagh 1985, "Multidimensional clustering algorithms", COMPSTAT Lectures 4): each item keeps
/// its nearest later item, the closest such pair merges (the first found on ties), and the
/// distances to the merged cluster follow the linkage (Lance & Williams 1967). The same merges and
/// heights as R's hclust, ties included. O(n^2) time for most inputs, O(n^3) at worst; O(n^2)
/// memory. Returns the n - 1 merges as SciPy's linkage matrix.
/// Throws std::invalid_argument for a matrix of the wrong size or with values not finite.
inline std::vector<ClusterMerge> hierarchical_clustering(std::span<const double> distances, std::int64_t n,
                                                         Linkage linkage = Linkage::complete) {
    if (n < 0 || static_cast<std::size_t>(n) * static_cast<std::size_t>(n) != distances.size())
        throw std::invalid_argument("hierarchical_clustering: the distances must form an n x n matrix");
    const auto un = static_cast<std::size_t>(n);
    std::vector<double> d(distances.begin(), distances.end());
    for (std::size_t i = 0; i < un; ++i)
        for (std::size_t j = 0; j < un; ++j)
            if (i != j && !std::isfinite(d[i * un + j]))
                throw std::invalid_argument("hierarchical_clustering: distance (" + std::to_string(i) + ", " +
                                            std::to_string(j) + ") is not finite");
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> size(un, 1), nearest_distance(un, inf);
    std::vector<std::size_t> nearest(un, 0);
    std::vector<char> active(un, 1);
    // The nearest active item after i (the first on ties), as hclust keeps it.
    const auto find_nearest = [&](std::size_t i) {
        nearest_distance[i] = inf;
        for (std::size_t j = i + 1; j < un; ++j)
            if (active[j] && d[i * un + j] < nearest_distance[i]) nearest_distance[i] = d[i * un + j], nearest[i] = j;
    };
    for (std::size_t i = 0; i + 1 < un; ++i) find_nearest(i);
    std::vector<ClusterMerge> found;  // by the items standing for the clusters, in merge order
    for (std::size_t step = 0; step + 1 < un; ++step) {
        double least = inf;
        std::size_t im = 0, jm = 0;
        for (std::size_t i = 0; i + 1 < un; ++i)
            if (active[i] && nearest_distance[i] < least) least = nearest_distance[i], im = i, jm = nearest[i];
        const std::size_t i2 = std::min(im, jm), j2 = std::max(im, jm);
        active[j2] = 0;
        double closest = inf;
        std::size_t closest_item = i2;
        for (std::size_t k = 0; k < un; ++k) {
            if (!active[k] || k == i2) continue;
            const double di = d[i2 * un + k], dj = d[j2 * un + k];
            double v = 0;
            switch (linkage) {
                case Linkage::single:
                    v = std::min(di, dj);
                    break;
                case Linkage::complete:
                    v = std::max(di, dj);
                    break;
                case Linkage::average:
                    v = (size[i2] * di + size[j2] * dj) / (size[i2] + size[j2]);
                    break;
            }
            d[i2 * un + k] = d[k * un + i2] = v;
            if (i2 < k && v < closest) closest = v, closest_item = k;
        }
        size[i2] += size[j2];
        nearest_distance[i2] = closest;
        nearest[i2] = closest_item;
        found.push_back(
            {static_cast<std::int64_t>(i2), static_cast<std::int64_t>(j2), least, static_cast<std::int64_t>(size[i2])});
        for (std::size_t i = 0; i + 1 < un; ++i)
            if (active[i] && (nearest[i] == i2 || nearest[i] == j2)) find_nearest(i);
    }
    // Each merge naming the clusters made so far (union-find on the items standing for them).
    std::vector<std::int64_t> parent(un), cluster(un);
    std::iota(parent.begin(), parent.end(), 0);
    std::iota(cluster.begin(), cluster.end(), 0);
    const auto root = [&](std::int64_t v) {
        while (parent[static_cast<std::size_t>(v)] != v)
            v = parent[static_cast<std::size_t>(v)] =
                parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(v)])];
        return v;
    };
    for (std::size_t t = 0; t < found.size(); ++t) {
        const std::int64_t ra = root(found[t].a), rb = root(found[t].b);
        const std::int64_t ca = cluster[static_cast<std::size_t>(ra)], cb = cluster[static_cast<std::size_t>(rb)];
        found[t].a = std::min(ca, cb);
        found[t].b = std::max(ca, cb);
        parent[static_cast<std::size_t>(rb)] = ra;
        cluster[static_cast<std::size_t>(ra)] = n + static_cast<std::int64_t>(t);
    }
    return found;
}

/// The clusters left after the first n - k merges, numbered 0, 1, ... in order of their first
/// member (as R's cutree numbers them from 1). Throws std::invalid_argument unless 1 <= k <= n.
inline std::vector<std::int32_t> cut_clusters(const std::vector<ClusterMerge>& merges, std::int64_t n, std::int64_t k) {
    if (k < 1 || k > std::max<std::int64_t>(n, 1))
        throw std::invalid_argument("cut_clusters: k must be from 1 to " + std::to_string(n) + ", got " +
                                    std::to_string(k));
    if (n < 0 || merges.size() != static_cast<std::size_t>(std::max<std::int64_t>(n - 1, 0)))
        throw std::invalid_argument("cut_clusters: " + std::to_string(merges.size()) + " merges for " +
                                    std::to_string(n) + " items (n - 1 expected)");
    for (std::size_t t = 0; t < merges.size(); ++t)
        if (merges[t].a < 0 || merges[t].a >= merges[t].b || merges[t].b >= n + static_cast<std::int64_t>(t))
            throw std::invalid_argument("cut_clusters: merge " + std::to_string(t) + " joins clusters " +
                                        std::to_string(merges[t].a) + " and " + std::to_string(merges[t].b) +
                                        ", which do not exist yet");
    const auto un = static_cast<std::size_t>(n);
    std::vector<std::int64_t> parent(un + merges.size());
    std::iota(parent.begin(), parent.end(), 0);
    for (std::size_t t = 0; t + static_cast<std::size_t>(k) < un; ++t) {
        parent[static_cast<std::size_t>(merges[t].a)] = n + static_cast<std::int64_t>(t);
        parent[static_cast<std::size_t>(merges[t].b)] = n + static_cast<std::int64_t>(t);
    }
    std::vector<std::int32_t> label(parent.size(), -1), membership(un);
    std::int32_t next = 0;
    for (std::size_t i = 0; i < un; ++i) {
        std::size_t r = i;
        while (parent[r] != static_cast<std::int64_t>(r)) r = static_cast<std::size_t>(parent[r]);
        if (label[r] < 0) label[r] = next++;
        membership[i] = label[r];
    }
    return membership;
}

/// The image of a blockmodel, as R sna's `blockmodel` with diag=FALSE: for blocks r and s (labels
/// 0..B-1 of `membership`), what the cells (u, v) with u in r, v in s and u != v hold, by `content`:
/// density (their mean), sum, mean_row_sum (the mean over u of the row sums), mean_column_sum, min,
/// max or median. A block pair without cells (a one-node block with itself) gets NaN, or 0 for the
/// sums (as sna). B x B
/// row-major. Cells are the summed tie weights (1 per tie pair when use_weights is false).
/// O(n^2) time, O(n^2) memory for median and O(B^2 + n + m) otherwise.
/// Throws std::invalid_argument when membership does not hold one non-negative label per node.
inline std::vector<double> blockmodel_image(const Graph& g, std::span<const std::int32_t> membership,
                                            BlockContent content = BlockContent::density, bool use_weights = true) {
    const node_id n = g.num_nodes();
    if (membership.size() != static_cast<std::size_t>(n))
        throw std::invalid_argument("blockmodel: membership has " + std::to_string(membership.size()) + " labels for " +
                                    std::to_string(n) + " nodes");
    std::int32_t blocks = 0;
    for (const std::int32_t b : membership) {
        if (b < 0)
            throw std::invalid_argument("blockmodel: block labels must be non-negative, got " + std::to_string(b));
        blocks = std::max(blocks, b + 1);
    }
    const auto ub = static_cast<std::size_t>(blocks);
    std::vector<double> members(ub, 0);
    for (const std::int32_t b : membership) members[static_cast<std::size_t>(b)] += 1;
    const detail::WeightedLists a(g, use_weights);
    std::vector<double> image(ub * ub, std::numeric_limits<double>::quiet_NaN());
    const auto cells = [&](std::size_t r, std::size_t s) {
        return members[r] * members[s] - (r == s ? members[r] : 0);
    };
    if (content == BlockContent::density || content == BlockContent::sum || content == BlockContent::mean_row_sum ||
        content == BlockContent::mean_column_sum) {
        std::vector<double> total(ub * ub, 0.0);
        for (node_id u = 0; u < n; ++u)
            for (const auto& [v, w] : a.out[static_cast<std::size_t>(u)])
                total[static_cast<std::size_t>(membership[static_cast<std::size_t>(u)]) * ub +
                      static_cast<std::size_t>(membership[static_cast<std::size_t>(v)])] += w;
        for (std::size_t r = 0; r < ub; ++r)
            for (std::size_t s = 0; s < ub; ++s) {
                const double c = cells(r, s);
                const double t = total[r * ub + s];
                if (c == 0 && content == BlockContent::density) continue;
                switch (content) {
                    case BlockContent::density:
                        image[r * ub + s] = t / c;
                        break;
                    case BlockContent::sum:
                        image[r * ub + s] = t;
                        break;
                    case BlockContent::mean_row_sum:
                        image[r * ub + s] = t / members[r];
                        break;
                    default:
                        image[r * ub + s] = t / members[s];
                        break;
                }
            }
        return image;
    }
    // min, max, median: every cell's value, zeros included.
    std::vector<std::vector<double>> values(ub * ub);
    for (node_id u = 0; u < n; ++u) {
        const auto& row = a.out[static_cast<std::size_t>(u)];
        auto it = row.begin();
        for (node_id v = 0; v < n; ++v) {
            while (it != row.end() && it->first < v) ++it;
            if (u == v) continue;
            const double x = it != row.end() && it->first == v ? it->second : 0.0;
            values[static_cast<std::size_t>(membership[static_cast<std::size_t>(u)]) * ub +
                   static_cast<std::size_t>(membership[static_cast<std::size_t>(v)])]
                .push_back(x);
        }
    }
    for (std::size_t c = 0; c < values.size(); ++c) {
        auto& v = values[c];
        if (v.empty()) continue;
        if (content == BlockContent::min) {
            image[c] = *std::min_element(v.begin(), v.end());
        } else if (content == BlockContent::max) {
            image[c] = *std::max_element(v.begin(), v.end());
        } else {
            std::sort(v.begin(), v.end());
            const std::size_t h = v.size() / 2;
            image[c] = v.size() % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
        }
    }
    return image;
}

/// Hierarchical clustering of the nodes by structural equivalence, as sna's `equiv.clust` (with
/// R's hclust): the distances of structural_equivalence, or 1 - r for the correlation method (sna
/// clusters -r: the same tree, its heights 1 lower). See hierarchical_clustering.
inline std::vector<ClusterMerge> equivalence_clustering(const Graph& g,
                                                        const StructuralEquivalenceOptions& options = {},
                                                        Linkage linkage = Linkage::complete) {
    std::vector<double> d = structural_equivalence(g, options);
    if (options.method == EquivalenceMethod::correlation)
        for (double& x : d) x = 1 - x;
    return hierarchical_clustering(d, g.num_nodes(), linkage);
}

struct ConcorOptions {
    int splits = 1;           ///< rounds of splitting: at most 2^splits blocks
    double cutoff = 0.999;    ///< iterate until every correlation is beyond +-cutoff
    int max_iterations = 25;  ///< or this many correlations have been taken
    bool use_weights = true;  ///< tie weights as the matrix entries; when false every tie counts 1
};

namespace detail {

// Pearson correlations of the columns of m; a column without variance correlates 0 with the others.
inline Eigen::MatrixXd column_correlations(const Eigen::MatrixXd& m) {
    Eigen::MatrixXd z = m.rowwise() - m.colwise().mean();
    for (Eigen::Index c = 0; c < z.cols(); ++c) {
        const double norm = z.col(c).norm();
        if (norm > 1e-12 * std::max(1.0, m.col(c).cwiseAbs().maxCoeff()))
            z.col(c) /= norm;
        else
            z.col(c).setZero();
    }
    Eigen::MatrixXd r = z.transpose() * z;
    for (Eigen::Index c = 0; c < r.cols(); ++c) r(c, c) = 1;
    return r;
}

}  // namespace detail

/// CONCOR (Breiger, Boorman & Arabie 1975): the columns of the adjacency matrix stacked on its
/// transpose (each node's ties in, then out) are correlated, and the correlation matrix is
/// correlated again until every entry is beyond +-cutoff (or max_iterations); the nodes then fall
/// into two blocks by the sign of their correlation with the first node. Each round splits every
/// block of two or more nodes again, on its own columns. Returns block labels numbered in order of
/// each block's first node. A node without ties correlates 0 with the others.
/// O(splits x iterations x n^3) time, O(n^2) memory.
/// Throws std::invalid_argument for splits < 0, cutoff outside (0, 1) or max_iterations < 1.
inline std::vector<std::int32_t> concor(const Graph& g, const ConcorOptions& options = {}) {
    if (options.splits < 0)
        throw std::invalid_argument("concor: splits must be >= 0, got " + std::to_string(options.splits));
    if (!(options.cutoff > 0 && options.cutoff < 1))
        throw std::invalid_argument("concor: cutoff must be in (0, 1), got " + std::to_string(options.cutoff));
    if (options.max_iterations < 1)
        throw std::invalid_argument("concor: max_iterations must be >= 1, got " +
                                    std::to_string(options.max_iterations));
    const node_id n = g.num_nodes();
    const detail::WeightedLists a(g, options.use_weights);
    Eigen::MatrixXd stacked = Eigen::MatrixXd::Zero(2 * static_cast<Eigen::Index>(n), n);
    for (node_id u = 0; u < n; ++u)
        for (const auto& [v, w] : a.out[static_cast<std::size_t>(u)]) {
            stacked(u, v) = w;      // column v: its ties in
            stacked(n + v, u) = w;  // column u: its ties out
        }
    std::vector<std::vector<node_id>> blocks{std::vector<node_id>(static_cast<std::size_t>(n))};
    std::iota(blocks[0].begin(), blocks[0].end(), node_id{0});
    if (n == 0) blocks.clear();
    for (int round = 0; round < options.splits; ++round) {
        std::vector<std::vector<node_id>> next;
        for (const auto& block : blocks) {
            if (block.size() < 2) {
                next.push_back(block);
                continue;
            }
            Eigen::MatrixXd columns(stacked.rows(), static_cast<Eigen::Index>(block.size()));
            for (std::size_t c = 0; c < block.size(); ++c)
                columns.col(static_cast<Eigen::Index>(c)) = stacked.col(block[c]);
            Eigen::MatrixXd r = detail::column_correlations(columns);
            for (int it = 1; it < options.max_iterations && (r.array().abs() <= options.cutoff).any(); ++it)
                r = detail::column_correlations(r);
            std::vector<node_id> with_first, others;
            for (std::size_t c = 0; c < block.size(); ++c)
                (r(static_cast<Eigen::Index>(c), 0) > 0 ? with_first : others).push_back(block[c]);
            next.push_back(std::move(with_first));
            if (!others.empty()) next.push_back(std::move(others));
        }
        blocks = std::move(next);
    }
    std::vector<std::int32_t> membership(static_cast<std::size_t>(n), -1);
    std::sort(blocks.begin(), blocks.end(), [](const auto& p, const auto& q) { return p.front() < q.front(); });
    for (std::size_t b = 0; b < blocks.size(); ++b)
        for (const node_id v : blocks[b]) membership[static_cast<std::size_t>(v)] = static_cast<std::int32_t>(b);
    return membership;
}

}  // namespace essnet
