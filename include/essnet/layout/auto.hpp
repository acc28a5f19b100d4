// The layout drawings use when none is given.
#pragma once

#include <cstdint>
#include <vector>

#include "essnet/layout/forceatlas2.hpp"

namespace essnet {

/// The layout essnet's drawings use when none is given: ForceAtlas2 with Gephi's settings, 300
/// iterations up to 10,000 nodes (exact repulsion below 1,000) and 100 above (Barnes-Hut), each
/// connected component laid out on its own and packed. The choice may improve between versions;
/// name a layout for positions that must stay the same. O(iterations (n log n + m)).
inline std::vector<Point> auto_layout(const Graph& g, std::uint64_t seed = 0, const ProgressHook& progress = {}) {
    return forceatlas2(g, {.iterations = g.num_nodes() <= 10'000 ? 300 : 100, .seed = seed, .progress = progress});
}

}  // namespace essnet
