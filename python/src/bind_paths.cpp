// Paths family: shortest paths, distance matrices, eccentricity and diameter, path lengths and
// efficiency.
#include "bindings.hpp"
#include "essnet/paths/eccentricity.hpp"
#include "essnet/paths/path_lengths.hpp"
#include "essnet/paths/reachability.hpp"
#include "essnet/paths/shortest_paths.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

ShortestPathOptions path_options(bool use_weights, const std::string& direction, double cutoff) {
    return {.use_weights = use_weights, .direction = direction_of(direction), .cutoff = cutoff};
}

}  // namespace

void bind_paths(py::module_& m) {
    m.def(
        "shortest_path",
        [](const Graph& g, node_id source, node_id target, bool use_weights, const std::string& direction) {
            py::gil_scoped_release release;
            return shortest_path(g, source, target, path_options(use_weights, direction, unreachable));
        },
        py::arg("graph"), py::arg("source"), py::arg("target"), py::arg("use_weights"), py::arg("direction"));
    m.def(
        "all_shortest_paths",
        [](const Graph& g, node_id source, node_id target, bool use_weights, const std::string& direction,
           std::int64_t max_paths) {
            py::gil_scoped_release release;
            return all_shortest_paths(g, source, target, path_options(use_weights, direction, unreachable), max_paths);
        },
        py::arg("graph"), py::arg("source"), py::arg("target"), py::arg("use_weights"), py::arg("direction"),
        py::arg("max_paths"));
    m.def(
        "distance_matrix",
        [](const Graph& g, const std::vector<node_id>& sources, bool use_weights, const std::string& direction,
           double cutoff, std::int64_t max_bytes, const py::object& progress) {
            const auto rows = static_cast<py::ssize_t>(sources.empty() ? g.num_nodes() : sources.size());
            std::vector<double> values = run_interruptible(progress, [&](const ProgressHook& hook) {
                return distance_matrix(
                    g, sources,
                    {.paths = path_options(use_weights, direction, cutoff), .max_bytes = max_bytes, .progress = hook});
            });
            return to_numpy(std::move(values)).reshape({rows, static_cast<py::ssize_t>(g.num_nodes())});
        },
        py::arg("graph"), py::arg("sources"), py::arg("use_weights"), py::arg("direction"), py::arg("cutoff"),
        py::arg("max_bytes"), py::arg("progress"));
    m.def(
        "eccentricity",
        [](const Graph& g, bool use_weights, const py::object& progress) {
            return to_numpy(run_interruptible(progress, [&](const ProgressHook& hook) {
                return eccentricity(g, {.use_weights = use_weights, .progress = hook});
            }));
        },
        py::arg("graph"), py::arg("use_weights"), py::arg("progress"));
    m.def(
        "diameter",
        [](const Graph& g, bool use_weights, const py::object& progress) {
            const DiameterResult r = run_interruptible(progress, [&](const ProgressHook& hook) {
                return diameter(g, {.use_weights = use_weights, .progress = hook});
            });
            return py::make_tuple(r.diameter, r.source, r.target, r.searches);
        },
        py::arg("graph"), py::arg("use_weights"), py::arg("progress"));
    m.def(
        "path_lengths",
        [](const Graph& g, bool use_weights, const py::object& progress) {
            PathLengths r = run_interruptible(progress, [&](const ProgressHook& hook) {
                return path_lengths(g, {.use_weights = use_weights, .progress = hook});
            });
            std::vector<double> distances;
            std::vector<std::int64_t> counts;
            for (const auto& [d, c] : r.histogram) distances.push_back(d), counts.push_back(c);
            py::dict out;
            out["distances"] = to_numpy(std::move(distances));
            out["counts"] = to_numpy(std::move(counts));
            out["unconnected"] = r.unconnected;
            out["component_nodes"] = to_numpy(std::move(r.component_nodes));
            out["component_average"] = to_numpy(std::move(r.component_average));
            out["membership"] = to_numpy(std::move(r.membership));
            return out;
        },
        py::arg("graph"), py::arg("use_weights"), py::arg("progress"));
    m.def(
        "global_efficiency",
        [](const Graph& g, bool use_weights, const py::object& progress) {
            return run_interruptible(progress, [&](const ProgressHook& hook) {
                return global_efficiency(g, {.use_weights = use_weights, .progress = hook});
            });
        },
        py::arg("graph"), py::arg("use_weights"), py::arg("progress"));
    m.def(
        "local_efficiency",
        [](const Graph& g, bool use_weights, const py::object& progress) {
            return to_numpy(run_interruptible(progress, [&](const ProgressHook& hook) {
                return local_efficiency(g, {.use_weights = use_weights, .progress = hook});
            }));
        },
        py::arg("graph"), py::arg("use_weights"), py::arg("progress"));
    m.def(
        "reach_counts",
        [](const Graph& g, const py::object& progress) {
            ReachCounts r =
                run_interruptible(progress, [&](const ProgressHook& hook) { return reach_counts(g, hook); });
            return py::make_tuple(to_numpy(std::move(r.out)), to_numpy(std::move(r.in)));
        },
        py::arg("graph"), py::arg("progress"));
    m.def(
        "krackhardt_hierarchy",
        [](const Graph& g, std::int64_t max_component, const py::object& progress) {
            const KrackhardtHierarchy h = run_interruptible(progress, [&](const ProgressHook& hook) {
                return krackhardt_hierarchy(g, {.max_component = max_component, .progress = hook});
            });
            py::dict d;
            d["connectedness"] = h.connectedness;
            d["hierarchy"] = h.hierarchy;
            d["efficiency"] = h.efficiency;
            d["lub"] = h.lub;
            return d;
        },
        py::arg("graph"), py::arg("max_component"), py::arg("progress"));
}

}  // namespace essnet::python
