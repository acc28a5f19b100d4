// Graph and building one from edge arrays.
#include <optional>

#include "bindings.hpp"
#include "essnet/graph/builder.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

node_id checked_node(const Graph& g, node_id u) {
    if (u < 0 || u >= g.num_nodes())
        throw std::out_of_range("node " + std::to_string(u) + " is not in 0.." + std::to_string(g.num_nodes() - 1));
    return u;
}

}  // namespace

void bind_graph(py::module_& m) {
    py::class_<Graph>(m, "Graph")
        .def(py::init<>())
        .def_property_readonly("directed", &Graph::directed)
        .def_property_readonly("weighted", &Graph::weighted)
        .def_property_readonly("num_nodes", &Graph::num_nodes)
        .def_property_readonly("num_edges", &Graph::num_edges)
        .def_property_readonly("_node_names", [](const Graph& g) { return g.node_names(); })
        .def_property_readonly("node_actors", [](const Graph& g) { return to_numpy(g.node_actors()); })
        .def_property_readonly("edge_rows", [](const Graph& g) { return to_numpy(g.edge_rows()); })
        .def_property_readonly("sources", [](const Graph& g) { return to_numpy(g.edge_sources()); })
        .def_property_readonly("targets", [](const Graph& g) { return to_numpy(g.edge_targets()); })
        .def_property_readonly("weights",
                               [](const Graph& g) {
                                   std::vector<double> w(static_cast<std::size_t>(g.num_edges()));
                                   for (edge_id e = 0; e < g.num_edges(); ++e)
                                       w[static_cast<std::size_t>(e)] = g.weight(e);
                                   return to_numpy(std::move(w));
                               })
        .def_property_readonly("offsets", [](const Graph& g) { return to_numpy(g.offsets()); })
        .def_property_readonly("neighbors", [](const Graph& g) { return to_numpy(g.targets()); })
        .def_property_readonly("topology_bytes", &Graph::topology_bytes)
        .def_property_readonly("memory_bytes", &Graph::memory_bytes)
        .def(
            "out_neighbors", [](const Graph& g, node_id u) { return to_numpy(g.out_neighbors(checked_node(g, u))); },
            py::arg("node"))
        .def(
            "in_neighbors", [](const Graph& g, node_id u) { return to_numpy(g.in_neighbors(checked_node(g, u))); },
            py::arg("node"))
        .def_static(
            "_from_edges",
            [](node_id num_nodes, py::array_t<node_id, py::array::c_style | py::array::forcecast> sources,
               py::array_t<node_id, py::array::c_style | py::array::forcecast> targets,
               std::optional<py::array_t<double, py::array::c_style | py::array::forcecast>> weights, bool directed,
               const std::string& duplicates, const std::string& self_loops,
               std::optional<std::vector<std::string>> names) {
                if (sources.ndim() != 1 || targets.ndim() != 1 || (weights && weights->ndim() != 1))
                    throw std::invalid_argument("sources, targets and weights must be one-dimensional");
                GraphBuilder b(num_nodes, {.directed = directed,
                                           .weighted = weights.has_value(),
                                           .duplicates = duplicate_policy(duplicates),
                                           .self_loops = self_loop_policy(self_loops)});
                if (names) b.set_node_names(std::move(*names));
                const std::span<const node_id> s(sources.data(), static_cast<std::size_t>(sources.size()));
                const std::span<const node_id> t(targets.data(), static_cast<std::size_t>(targets.size()));
                std::span<const double> w;
                if (weights) w = {weights->data(), static_cast<std::size_t>(weights->size())};
                py::gil_scoped_release release;
                b.add_edges(s, t, w);
                return std::move(b).build();
            },
            py::arg("num_nodes"), py::arg("sources"), py::arg("targets"), py::arg("weights"), py::arg("directed"),
            py::arg("duplicates"), py::arg("self_loops"), py::arg("names"));
}

}  // namespace essnet::python
