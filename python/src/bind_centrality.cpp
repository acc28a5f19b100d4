// Centrality family.
#include "bindings.hpp"
#include "essnet/centrality/betweenness.hpp"
#include "essnet/centrality/closeness.hpp"
#include "essnet/centrality/degree.hpp"

namespace essnet::python {

void bind_centrality(py::module_& m) {
    m.def(
        "degree",
        [](const Graph& g, const std::string& direction) {
            DegreeOptions options;
            if (direction == "all") options.direction = Direction::all;
            else if (direction == "out") options.direction = Direction::out;
            else if (direction == "in") options.direction = Direction::in;
            else throw std::invalid_argument("direction must be 'all', 'out' or 'in', got '" + direction + "'");
            std::vector<std::int64_t> d;
            {
                py::gil_scoped_release release;
                d = degree(g, options);
            }
            return to_numpy(std::move(d));
        },
        py::arg("graph"), py::arg("direction"));

    m.def(
        "betweenness",
        [](const Graph& g, bool normalized, bool endpoints, bool use_weights, double cutoff, const py::object& progress) {
            return to_numpy(run_interruptible(progress, [&](const ProgressHook& hook) {
                return betweenness(g, {normalized, endpoints, use_weights, cutoff, hook});
            }));
        },
        py::arg("graph"), py::arg("normalized"), py::arg("endpoints"), py::arg("use_weights"), py::arg("cutoff"),
        py::arg("progress"));
    m.def(
        "edge_betweenness",
        [](const Graph& g, bool normalized, bool use_weights, double cutoff, const py::object& progress) {
            return to_numpy(run_interruptible(progress, [&](const ProgressHook& hook) {
                return edge_betweenness(g, {normalized, false, use_weights, cutoff, hook});
            }));
        },
        py::arg("graph"), py::arg("normalized"), py::arg("use_weights"), py::arg("cutoff"), py::arg("progress"));
    m.def(
        "closeness",
        [](const Graph& g, bool wf_improved, bool use_weights, const py::object& progress) {
            return to_numpy(run_interruptible(
                progress, [&](const ProgressHook& hook) { return closeness(g, {wf_improved, use_weights, hook}); }));
        },
        py::arg("graph"), py::arg("wf_improved"), py::arg("use_weights"), py::arg("progress"));
    m.def(
        "harmonic",
        [](const Graph& g, bool normalized, bool use_weights, const py::object& progress) {
            return to_numpy(run_interruptible(
                progress, [&](const ProgressHook& hook) { return harmonic(g, {normalized, use_weights, hook}); }));
        },
        py::arg("graph"), py::arg("normalized"), py::arg("use_weights"), py::arg("progress"));
}

}  // namespace essnet::python
