// Erdős–Rényi G(n, m), Barabási–Albert, stochastic block model and R-MAT.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "essnet/core/random.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/graph/builder.hpp"

namespace essnet::generate {

namespace {

// Pair index k in [0, n(n-1)/2) to the pair (u, v), u < v, in the order (0,1), (0,2), (1,2), (0,3), ...
std::pair<node_id, node_id> undirected_pair(std::uint64_t k) {
    auto v = static_cast<std::uint64_t>((1.0 + std::sqrt(1.0 + 8.0 * static_cast<double>(k))) / 2.0);
    while (v * (v - 1) / 2 > k) --v;
    while ((v + 1) * v / 2 <= k) ++v;
    return {static_cast<node_id>(k - v * (v - 1) / 2), static_cast<node_id>(v)};
}

// Pair index k in [0, n(n-1)) to the ordered pair (u, v), u != v.
std::pair<node_id, node_id> directed_pair(std::uint64_t k, std::uint64_t n) {
    const auto u = k / (n - 1);
    auto v = k % (n - 1);
    if (v >= u) ++v;
    return {static_cast<node_id>(u), static_cast<node_id>(v)};
}

// An open-addressing set of 64-bit values, for sampling without replacement.
class U64Set {
public:
    explicit U64Set(std::size_t expected) {
        std::size_t cap = 16;
        while (cap < 2 * expected + 1) cap *= 2;
        keys_.assign(cap, empty);
        mask_ = cap - 1;
    }
    /// Inserts x; false when it was there.
    bool insert(std::uint64_t x) {
        std::size_t i = mix(x) & mask_;
        while (keys_[i] != empty) {
            if (keys_[i] == x) return false;
            i = (i + 1) & mask_;
        }
        keys_[i] = x;
        return true;
    }
    bool contains(std::uint64_t x) const {
        std::size_t i = mix(x) & mask_;
        while (keys_[i] != empty) {
            if (keys_[i] == x) return true;
            i = (i + 1) & mask_;
        }
        return false;
    }

private:
    static constexpr std::uint64_t empty = ~std::uint64_t{0};
    static std::uint64_t mix(std::uint64_t x) {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        return x;
    }
    std::vector<std::uint64_t> keys_;
    std::size_t mask_;
};

}  // namespace

Graph erdos_renyi(const ErdosRenyiOptions& options) {
    const auto [n, m, directed, seed] = options;
    if (n < 0) throw std::invalid_argument("n must be non-negative, got " + std::to_string(n));
    const auto nn = static_cast<std::uint64_t>(n);
    const std::uint64_t pairs = nn < 2 ? 0 : (directed ? nn * (nn - 1) : nn * (nn - 1) / 2);
    if (m < 0 || static_cast<std::uint64_t>(m) > pairs)
        throw std::invalid_argument("m must be in 0.." + std::to_string(pairs) + " for n = " + std::to_string(n) +
                                    (directed ? " (directed)" : "") + ", got " + std::to_string(m));
    Rng rng(seed);
    const auto mm = static_cast<std::uint64_t>(m);
    std::vector<std::uint64_t> chosen;
    chosen.reserve(mm);
    // Floyd's algorithm draws a uniform m-subset of the pair indices; for dense graphs draw the
    // complement instead and list what it leaves out.
    const bool complement = mm > pairs / 2;
    const std::uint64_t draw = complement ? pairs - mm : mm;
    U64Set set(draw);
    std::vector<std::uint64_t> drawn;
    drawn.reserve(draw);
    for (std::uint64_t j = pairs - draw; j < pairs; ++j) {
        const std::uint64_t t = rng.below(j + 1);
        const std::uint64_t pick = set.insert(t) ? t : (set.insert(j), j);
        drawn.push_back(pick);
    }
    if (complement) {
        for (std::uint64_t k = 0; k < pairs; ++k)
            if (!set.contains(k)) chosen.push_back(k);
    } else {
        chosen = std::move(drawn);
    }
    GraphBuilder b(n, {.directed = directed});
    b.reserve(chosen.size());
    for (const auto k : chosen) {
        const auto [u, v] = directed ? directed_pair(k, nn) : undirected_pair(k);
        b.add_edge(u, v);
    }
    return std::move(b).build();
}

Graph barabasi_albert(const BarabasiAlbertOptions& options) {
    const auto [n, m, seed] = options;
    if (m < 1 || m >= n)
        throw std::invalid_argument("barabasi_albert needs 1 <= m < n, got m = " + std::to_string(m) +
                                    ", n = " + std::to_string(n));
    Rng rng(seed);
    GraphBuilder b(n);
    b.reserve(static_cast<std::size_t>(m) + static_cast<std::size_t>(n - m - 1) * static_cast<std::size_t>(m));
    // Each node appears in `repeated` once per edge end, so a uniform draw from it is a draw
    // proportional to degree. Start from a star on nodes 0..m (centre 0).
    std::vector<node_id> repeated;
    repeated.reserve(2 * static_cast<std::size_t>(m) * static_cast<std::size_t>(n));
    for (node_id v = 1; v <= m; ++v) {
        b.add_edge(0, v);
        repeated.push_back(0);
        repeated.push_back(v);
    }
    std::vector<node_id> targets;
    std::vector<std::uint8_t> picked(static_cast<std::size_t>(n), 0);
    for (node_id source = m + 1; source < n; ++source) {
        targets.clear();
        while (static_cast<node_id>(targets.size()) < m) {
            const node_id t = repeated[rng.below(repeated.size())];
            if (picked[static_cast<std::size_t>(t)]) continue;
            picked[static_cast<std::size_t>(t)] = 1;
            targets.push_back(t);
        }
        for (const node_id t : targets) {
            picked[static_cast<std::size_t>(t)] = 0;
            b.add_edge(source, t);
            repeated.push_back(t);
            repeated.push_back(source);
        }
    }
    return std::move(b).build();
}

SbmResult stochastic_block_model(const SbmOptions& options) {
    const auto& [sizes, p, directed, seed] = options;
    const std::size_t k = sizes.size();
    if (p.size() != k)
        throw std::invalid_argument("probabilities must be a " + std::to_string(k) + " x " + std::to_string(k) +
                                    " matrix (one row per block), got " + std::to_string(p.size()) + " rows");
    std::vector<std::int64_t> first(k + 1, 0);
    for (std::size_t r = 0; r < k; ++r) {
        if (sizes[r] < 0) throw std::invalid_argument("sizes[" + std::to_string(r) + "] is negative");
        if (p[r].size() != k)
            throw std::invalid_argument("probabilities row " + std::to_string(r) + " has " +
                                        std::to_string(p[r].size()) + " entries, expected " + std::to_string(k));
        for (std::size_t s = 0; s < k; ++s) {
            if (!(p[r][s] >= 0.0 && p[r][s] <= 1.0))
                throw std::invalid_argument("probabilities[" + std::to_string(r) + "][" + std::to_string(s) +
                                            "] = " + std::to_string(p[r][s]) + " is not in [0, 1]");
            if (!directed && p[r][s] != p[s][r])
                throw std::invalid_argument("probabilities must be symmetric for an undirected graph: [" +
                                            std::to_string(r) + "][" + std::to_string(s) + "] != [" +
                                            std::to_string(s) + "][" + std::to_string(r) + "]");
        }
        first[r + 1] = first[r] + sizes[r];
    }
    if (first[k] > std::numeric_limits<node_id>::max()) throw std::invalid_argument("too many nodes");
    const auto n = static_cast<node_id>(first[k]);
    SbmResult result;
    result.block.resize(static_cast<std::size_t>(n));
    for (std::size_t r = 0; r < k; ++r)
        std::fill(result.block.begin() + first[r], result.block.begin() + first[r + 1], static_cast<std::int32_t>(r));
    Rng rng(seed);
    GraphBuilder b(n, {.directed = directed});
    for (std::size_t r = 0; r < k; ++r) {
        for (std::size_t s = directed ? 0 : r; s < k; ++s) {
            const double prob = p[r][s];
            const auto nr = static_cast<std::uint64_t>(sizes[r]);
            const auto ns = static_cast<std::uint64_t>(sizes[s]);
            const std::uint64_t pairs = r != s ? nr * ns : (directed ? nr * (nr - (nr > 0)) : nr * (nr - (nr > 0)) / 2);
            if (prob <= 0 || pairs == 0) continue;
            // Skip over the pairs that are not edges: the gaps between edges are geometric.
            std::uint64_t idx = rng.geometric(prob);
            for (; idx < pairs; idx += 1 + rng.geometric(prob)) {
                node_id u, v;
                if (r != s) {
                    u = static_cast<node_id>(first[r] + static_cast<std::int64_t>(idx / ns));
                    v = static_cast<node_id>(first[s] + static_cast<std::int64_t>(idx % ns));
                } else {
                    const auto pr = directed ? directed_pair(idx, nr) : undirected_pair(idx);
                    u = static_cast<node_id>(first[r] + pr.first);
                    v = static_cast<node_id>(first[r] + pr.second);
                }
                b.add_edge(u, v);
            }
        }
    }
    result.graph = std::move(b).build();
    return result;
}

Graph rmat(const RmatOptions& o) {
    if (o.scale < 1 || o.scale > 30)
        throw std::invalid_argument("scale must be in 1..30, got " + std::to_string(o.scale));
    if (o.edge_factor < 1)
        throw std::invalid_argument("edge_factor must be positive, got " + std::to_string(o.edge_factor));
    if (!(o.a >= 0 && o.b >= 0 && o.c >= 0 && o.a + o.b + o.c <= 1.0))
        throw std::invalid_argument("a, b, c must be non-negative with a + b + c <= 1");
    const node_id n = node_id{1} << o.scale;
    const auto m = static_cast<std::uint64_t>(o.edge_factor) << o.scale;
    std::vector<node_id> sources(m), targets(m);
    // 32-bit thresholds: two levels from each 64-bit draw.
    const auto t_a = static_cast<std::uint64_t>(o.a * 4294967296.0);
    const auto t_ab = static_cast<std::uint64_t>((o.a + o.b) * 4294967296.0);
    const auto t_abc = static_cast<std::uint64_t>((o.a + o.b + o.c) * 4294967296.0);
    constexpr std::uint64_t block = 1 << 16;
    const auto blocks = static_cast<std::int64_t>((m + block - 1) / block);
#pragma omp parallel for schedule(static)
    for (std::int64_t bi = 0; bi < blocks; ++bi) {
        Rng rng(o.seed, static_cast<std::uint64_t>(bi));
        const auto end = std::min(m, static_cast<std::uint64_t>(bi + 1) * block);
        for (auto i = static_cast<std::uint64_t>(bi) * block; i < end; ++i) {
            std::uint32_t u = 0, v = 0;
            std::uint64_t bits = 0;
            for (int level = 0; level < o.scale; ++level) {
                if ((level & 1) == 0) bits = rng.next();
                const std::uint64_t r = (level & 1) ? bits >> 32 : bits & 0xffffffffu;
                const std::uint32_t down = r >= t_ab;
                const std::uint32_t right = (r >= t_a && r < t_ab) || r >= t_abc;
                u = (u << 1) | down;
                v = (v << 1) | right;
            }
            sources[i] = static_cast<node_id>(u);
            targets[i] = static_cast<node_id>(v);
        }
    }
    if (o.scramble) {
        std::vector<node_id> perm(static_cast<std::size_t>(n));
        std::iota(perm.begin(), perm.end(), 0);
        Rng rng(o.seed, ~std::uint64_t{0});
        for (std::size_t i = perm.size() - 1; i > 0; --i) std::swap(perm[i], perm[rng.below(i + 1)]);
#pragma omp parallel for schedule(static)
        for (std::int64_t i = 0; i < static_cast<std::int64_t>(m); ++i) {
            sources[static_cast<std::size_t>(i)] = perm[static_cast<std::size_t>(sources[static_cast<std::size_t>(i)])];
            targets[static_cast<std::size_t>(i)] = perm[static_cast<std::size_t>(targets[static_cast<std::size_t>(i)])];
        }
    }
    GraphBuilder b(n, {.directed = o.directed,
                       .duplicates = o.simple ? DuplicatePolicy::max : DuplicatePolicy::keep,
                       .self_loops = o.simple ? SelfLoopPolicy::drop : SelfLoopPolicy::keep});
    b.add_edges(sources, targets);
    sources = {};
    targets = {};
    return std::move(b).build();
}

}  // namespace essnet::generate
