// Layouts of a sequence of year snapshots that keep the reader's mental map: stress majorization
// with the anchoring term of Brandes & Mader (2012).
//
// Brandes U., Mader M. (2012). A quantitative comparison of stress-minimization approaches for
// offline dynamic graph drawing. Graph Drawing 2011, LNCS 7034:99-110. doi:10.1007/978-3-642-25878-7_11
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "essnet/centrality/degree.hpp"
#include "essnet/graph/selection.hpp"
#include "essnet/layout/stress.hpp"

namespace essnet {

struct OverTimeOptions {
    /// How hard an actor that had ties in the snapshot before is pulled towards its place there,
    /// as a share of the pull of its distances (stress's `anchoring`): 0 none; more, steadier maps
    /// that fit their own year less well.
    double anchoring = 0.1;
    /// The map the first window starts from, one position per node; empty: a stress layout of the
    /// window spanning all of them.
    std::vector<Point> initial{};
    std::uint64_t seed = 0;
    ProgressHook progress{};
};

/// One layout per year window of `network` (each window a selection as `selection.years`; the
/// other fields of `selection` apply to every window), aligned with the selection's nodes, which
/// are the same for every window. The window spanning all of them is laid out first (stress,
/// components packed) unless `initial` gives a map; the first snapshot starts from that map and each later one from the
/// snapshot before it, refined by stress with an anchoring term for the actors that had ties in
/// the snapshot before. An actor without ties in a window keeps its last place, so every actor has
/// a place on every map. Positions are in tie lengths and comparable across windows.
///
/// Time: one selection and one stress layout per window, plus one for the whole span. Throws
/// std::invalid_argument for a negative or non-finite anchoring, a window whose first year is
/// after its last, a window given twice, or initial positions of the wrong length; Cancelled on
/// request.
inline std::vector<std::vector<Point>> layout_over_time(const ActorNetwork& network, GraphSelection selection,
                                                        std::span<const YearRange> windows,
                                                        const OverTimeOptions& options = {}) {
    if (!(options.anchoring >= 0) || !std::isfinite(options.anchoring))
        throw std::invalid_argument("anchoring must be a finite number >= 0, got " + std::to_string(options.anchoring));
    if (windows.empty()) return {};
    YearRange span = windows.front();
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const YearRange w = windows[i];
        if (w.first > w.last)
            throw std::invalid_argument("windows[" + std::to_string(i) + "]: the first year " +
                                        std::to_string(w.first) + " is after the last " + std::to_string(w.last));
        for (std::size_t j = 0; j < i; ++j)
            if (windows[j].first == w.first && windows[j].last == w.last)
                throw std::invalid_argument("windows has " + std::to_string(w.first) + "-" + std::to_string(w.last) +
                                            " twice");
        span.first = std::min(span.first, w.first);
        span.last = std::max(span.last, w.last);
    }
    // Progress: the whole span, then each window, as equal shares.
    const double steps = static_cast<double>(windows.size() + 1);
    auto share_of = [&](std::size_t step) -> ProgressHook {
        if (!options.progress) return {};
        return [&options, step, steps](double f) { return options.progress((static_cast<double>(step) + f) / steps); };
    };
    std::vector<Point> where = options.initial;
    if (where.empty()) {
        selection.years = span;
        where = stress(select_graph(network, selection), {.seed = options.seed, .progress = share_of(0)});
    }
    std::vector<std::vector<Point>> layouts;
    layouts.reserve(windows.size());
    std::vector<std::uint8_t> active(where.size(), 0);  // ties in the snapshot before
    for (std::size_t i = 0; i < windows.size(); ++i) {
        selection.years = windows[i];
        const Graph g = select_graph(network, selection);
        StressOptions o{.initial = where, .seed = options.seed, .progress = share_of(i + 1)};
        o.anchoring.resize(where.size());
        for (std::size_t u = 0; u < where.size(); ++u) o.anchoring[u] = active[u] ? options.anchoring : 0.0;
        where = stress(g, o);
        const auto d = degree(g);
        for (std::size_t u = 0; u < where.size(); ++u) active[u] = d[u] > 0;
        layouts.push_back(where);
    }
    return layouts;
}

}  // namespace essnet
