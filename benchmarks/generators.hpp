// Seeded inputs for the benchmarks: the same edges for the same seed on every machine.
#pragma once

#include <cstdint>
#include <vector>

#include "essnet/core/types.hpp"

namespace essnet::bench {

/// splitmix64: a small, fast generator whose output is fixed by the seed alone.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t operator()() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }
};

struct Edges {
    node_id num_nodes = 0;
    std::vector<node_id> sources, targets;
};

/// R-MAT edges with the Graph500 parameters (A=0.57, B=0.19, C=0.19), 2^scale nodes,
/// edge_factor * 2^scale edges.
inline Edges rmat(int scale, int edge_factor, std::uint64_t seed) {
    Edges e;
    e.num_nodes = node_id{1} << scale;
    const auto m = static_cast<std::size_t>(edge_factor) << scale;
    e.sources.resize(m);
    e.targets.resize(m);
    SplitMix64 rng{seed};
    for (std::size_t i = 0; i < m; ++i) {
        node_id u = 0, v = 0;
        for (int bit = 0; bit < scale; ++bit) {
            const double r = rng.uniform();
            const int quadrant = r < 0.57 ? 0 : r < 0.76 ? 1 : r < 0.95 ? 2 : 3;
            u = (u << 1) | (quadrant >> 1);
            v = (v << 1) | (quadrant & 1);
        }
        e.sources[i] = u;
        e.targets[i] = v;
    }
    return e;
}

}  // namespace essnet::bench
