// Layouts and their quality.
#include "bindings.hpp"
#include "essnet/layout/auto.hpp"
#include "essnet/layout/forceatlas2.hpp"
#include "essnet/layout/fruchterman_reingold.hpp"
#include "essnet/layout/over_time.hpp"
#include "essnet/layout/quality.hpp"
#include "essnet/layout/simple.hpp"
#include "essnet/layout/spectral.hpp"
#include "essnet/layout/stress.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

// An (n, 2) float64 array from points.
py::array_t<double> points_to_numpy(const std::vector<Point>& points) {
    py::array_t<double> out({static_cast<py::ssize_t>(points.size()), py::ssize_t{2}});
    auto view = out.mutable_unchecked<2>();
    for (std::size_t i = 0; i < points.size(); ++i) {
        view(static_cast<py::ssize_t>(i), 0) = points[i].x;
        view(static_cast<py::ssize_t>(i), 1) = points[i].y;
    }
    return out;
}

// Points from an (n, 2) float64 array (the Python layer checks the shape and values first).
std::vector<Point> points_from_numpy(const py::array_t<double, py::array::c_style | py::array::forcecast>& a) {
    std::vector<Point> points;
    if (a.ndim() != 2 || a.shape(1) != 2) throw std::invalid_argument("positions must be an (n, 2) array");
    auto view = a.unchecked<2>();
    points.reserve(static_cast<std::size_t>(a.shape(0)));
    for (py::ssize_t i = 0; i < a.shape(0); ++i) points.push_back({.x = view(i, 0), .y = view(i, 1)});
    return points;
}

}  // namespace

void bind_layout(py::module_& m) {
    m.def(
        "forceatlas2",
        [](const Graph& g, int iterations, double scaling, double gravity, bool strong_gravity, bool linlog,
           double edge_weight_influence, bool dissuade_hubs, bool prevent_overlap, std::vector<double> node_sizes,
           double jitter_tolerance, const std::string& repulsion, double theta, const py::object& initial,
           std::vector<node_id> pinned, bool pack_components, std::uint64_t seed, const py::object& progress) {
            const ForceAtlas2Options options{
                .iterations = iterations,
                .scaling = scaling,
                .gravity = gravity,
                .strong_gravity = strong_gravity,
                .linlog = linlog,
                .edge_weight_influence = edge_weight_influence,
                .dissuade_hubs = dissuade_hubs,
                .prevent_overlap = prevent_overlap,
                .node_sizes = std::move(node_sizes),
                .jitter_tolerance = jitter_tolerance,
                .repulsion = value_of(repulsion_words, repulsion, "repulsion"),
                .theta = theta,
                .initial =
                    initial.is_none() ? std::vector<Point>{} : points_from_numpy(initial.cast<py::array_t<double>>()),
                .pinned = std::move(pinned),
                .pack_components = pack_components,
                .seed = seed,
            };
            auto points = run_interruptible(progress, [&](const ProgressHook& hook) {
                ForceAtlas2Options with_hook = options;
                with_hook.progress = hook;
                return forceatlas2(g, with_hook);
            });
            return points_to_numpy(points);
        },
        py::arg("graph"), py::arg("iterations"), py::arg("scaling"), py::arg("gravity"), py::arg("strong_gravity"),
        py::arg("linlog"), py::arg("edge_weight_influence"), py::arg("dissuade_hubs"), py::arg("prevent_overlap"),
        py::arg("node_sizes"), py::arg("jitter_tolerance"), py::arg("repulsion"), py::arg("theta"), py::arg("initial"),
        py::arg("pinned"), py::arg("pack_components"), py::arg("seed"), py::arg("progress"));
    m.def(
        "fruchterman_reingold",
        [](const Graph& g, int iterations, double start_temperature, bool use_weights, const std::string& repulsion,
           const py::object& initial, std::vector<node_id> pinned, bool pack_components, std::uint64_t seed,
           const py::object& progress) {
            const FruchtermanReingoldOptions options{
                .iterations = iterations,
                .start_temperature = start_temperature,
                .use_weights = use_weights,
                .repulsion = value_of(repulsion_range_words, repulsion, "repulsion"),
                .initial =
                    initial.is_none() ? std::vector<Point>{} : points_from_numpy(initial.cast<py::array_t<double>>()),
                .pinned = std::move(pinned),
                .pack_components = pack_components,
                .seed = seed,
            };
            auto points = run_interruptible(progress, [&](const ProgressHook& hook) {
                FruchtermanReingoldOptions with_hook = options;
                with_hook.progress = hook;
                return fruchterman_reingold(g, with_hook);
            });
            return points_to_numpy(points);
        },
        py::arg("graph"), py::arg("iterations"), py::arg("start_temperature"), py::arg("use_weights"),
        py::arg("repulsion"), py::arg("initial"), py::arg("pinned"), py::arg("pack_components"), py::arg("seed"),
        py::arg("progress"));
    m.def(
        "stress_layout",
        [](const Graph& g, const std::string& method, std::int32_t pivots, int iterations, double tolerance,
           const py::object& initial, std::vector<node_id> pinned, std::vector<double> anchoring, std::uint64_t seed,
           const py::object& progress) {
            const StressOptions options{
                .method = value_of(stress_method_words, method, "method"),
                .pivots = pivots,
                .iterations = iterations,
                .tolerance = tolerance,
                .initial =
                    initial.is_none() ? std::vector<Point>{} : points_from_numpy(initial.cast<py::array_t<double>>()),
                .pinned = std::move(pinned),
                .anchoring = std::move(anchoring),
                .seed = seed,
            };
            auto points = run_interruptible(progress, [&](const ProgressHook& hook) {
                StressOptions with_hook = options;
                with_hook.progress = hook;
                return stress(g, with_hook);
            });
            return points_to_numpy(points);
        },
        py::arg("graph"), py::arg("method"), py::arg("pivots"), py::arg("iterations"), py::arg("tolerance"),
        py::arg("initial"), py::arg("pinned"), py::arg("anchoring"), py::arg("seed"), py::arg("progress"));
    m.def(
        "layout_over_time",
        [](const ActorNetwork& net, std::optional<std::vector<std::string>> relations,
           std::optional<std::vector<std::string>> kinds, std::optional<bool> directed,
           std::optional<std::string> weight, const std::string& duplicates, const std::string& self_loops,
           const std::vector<std::pair<std::int32_t, std::int32_t>>& windows, double anchoring, std::uint64_t seed,
           const py::object& progress) {
            GraphSelection sel;
            sel.relations = std::move(relations);
            sel.kinds = std::move(kinds);
            sel.directed = directed;
            sel.weight = weight.value_or("");
            sel.duplicates = duplicate_policy(duplicates);
            sel.self_loops = self_loop_policy(self_loops);
            std::vector<YearRange> ranges;
            for (const auto& [first, last] : windows) ranges.push_back({first, last});
            // A copy, taken while the GIL is held: another Python thread could add ties meanwhile.
            const ActorNetwork copy = net;
            auto layouts = run_interruptible(progress, [&](const ProgressHook& hook) {
                return layout_over_time(copy, sel, ranges, {.anchoring = anchoring, .seed = seed, .progress = hook});
            });
            py::list out;
            for (const auto& points : layouts) out.append(points_to_numpy(points));
            return out;
        },
        py::arg("network"), py::arg("relations"), py::arg("kinds"), py::arg("directed"), py::arg("weight"),
        py::arg("duplicates"), py::arg("self_loops"), py::arg("windows"), py::arg("anchoring"), py::arg("seed"),
        py::arg("progress"));
    m.def(
        "pivot_mds",
        [](const Graph& g, std::int32_t pivots, std::uint64_t seed) {
            std::vector<Point> points;
            {
                py::gil_scoped_release release;
                points = pivot_mds(g, {.pivots = pivots, .seed = seed});
            }
            return points_to_numpy(points);
        },
        py::arg("graph"), py::arg("pivots"), py::arg("seed"));
    m.def(
        "auto_layout",
        [](const Graph& g, std::uint64_t seed, const py::object& progress) {
            auto points = run_interruptible(
                progress, [&](const ProgressHook& hook) { return auto_layout(g, {.seed = seed, .progress = hook}); });
            return points_to_numpy(points);
        },
        py::arg("graph"), py::arg("seed"), py::arg("progress"));
    m.def(
        "circular",
        [](const Graph& g, std::vector<node_id> order) {
            return points_to_numpy(circular(g, {.order = std::move(order)}));
        },
        py::arg("graph"), py::arg("order"));
    m.def(
        "bipartite",
        [](const Graph& g, std::vector<std::uint8_t> first_side, int sweeps) {
            return points_to_numpy(bipartite(g, first_side, {.sweeps = sweeps}));
        },
        py::arg("graph"), py::arg("first_side"), py::arg("sweeps"));
    m.def(
        "spectral_layout",
        [](const Graph& g, bool use_weights, int max_restarts, double tolerance) {
            std::vector<Point> points;
            {
                py::gil_scoped_release release;
                points =
                    spectral(g, {.use_weights = use_weights, .max_restarts = max_restarts, .tolerance = tolerance});
            }
            return points_to_numpy(points);
        },
        py::arg("graph"), py::arg("use_weights"), py::arg("max_restarts"), py::arg("tolerance"));
    m.def(
        "layout_quality",
        [](const Graph& g, const py::array_t<double, py::array::c_style | py::array::forcecast>& positions,
           std::int32_t max_sources, std::int64_t max_exact_crossing_edges, std::int64_t crossing_samples,
           double node_radius, std::uint64_t seed) {
            const std::vector<Point> points = points_from_numpy(positions);
            LayoutQuality q;
            {
                py::gil_scoped_release release;
                q = layout_quality(g, points,
                                   {.max_sources = max_sources,
                                    .max_exact_crossing_edges = max_exact_crossing_edges,
                                    .crossing_samples = crossing_samples,
                                    .node_radius = node_radius,
                                    .seed = seed});
            }
            py::dict d;
            d["stress"] = q.stress;
            d["neighbourhood_preservation"] = q.neighbourhood_preservation;
            d["crossings"] = q.crossings;
            d["crossings_exact"] = q.crossings_exact;
            d["overlaps"] = q.overlaps;
            return d;
        },
        py::arg("graph"), py::arg("positions"), py::arg("max_sources"), py::arg("max_exact_crossing_edges"),
        py::arg("crossing_samples"), py::arg("node_radius"), py::arg("seed"));
}

}  // namespace essnet::python
