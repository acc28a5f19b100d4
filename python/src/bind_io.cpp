// Readers, and the binary snapshot.
#include <optional>

#include "bindings.hpp"
#include "essnet/detail/numbers.hpp"
#include "essnet/io/attribute_types.hpp"
#include "essnet/io/csv.hpp"
#include "essnet/io/edgelist.hpp"
#include "essnet/io/graph_network.hpp"
#include "essnet/io/snapshot.hpp"
#include "policies.hpp"

namespace essnet::python {

void bind_io(py::module_& m) {
    m.def(
        "network_of", [](const Graph& g, const ActorNetwork* actors_from) { return network_of(g, actors_from); },
        py::arg("graph"), py::arg("actors_from") = py::none(), py::call_guard<py::gil_scoped_release>());
    m.def("with_actor_columns", &with_actor_columns, py::arg("network"), py::arg("names"), py::arg("values"),
          py::call_guard<py::gil_scoped_release>());
    m.def("network_from_columns",
          [](const std::vector<std::string>& ids, const std::vector<std::string>& names,
             const std::vector<std::string>& kinds, const std::vector<std::string>& countries,
             const std::vector<std::string>& regions, const std::vector<std::int32_t>& founded,
             const std::vector<std::pair<std::string, std::vector<std::string>>>& actor_extra,
             const std::vector<std::string>& sources, const std::vector<std::string>& targets,
             const std::vector<std::string>& relations, const std::vector<std::uint8_t>& directed,
             const std::vector<double>& weights, const std::vector<std::int32_t>& start_years,
             const std::vector<std::int32_t>& end_years, const std::vector<std::string>& provenance,
             const std::vector<std::pair<std::string, std::vector<std::string>>>& tie_extra) {
              // The columns of from_pandas, row by row through the checks of add_actor and add_tie.
              py::gil_scoped_release release;
              std::vector<std::string> actor_columns, tie_columns;
              for (const auto& [name, values] : actor_extra) actor_columns.push_back(name);
              for (const auto& [name, values] : tie_extra) tie_columns.push_back(name);
              ActorNetwork net(actor_columns, tie_columns);
              for (std::size_t i = 0; i < ids.size(); ++i) {
                  Actor a{.id = ids[i],
                          .name = names[i],
                          .kind = kinds[i],
                          .country = countries[i],
                          .region = regions[i],
                          .founded = founded[i],
                          .extra = {}};
                  for (const auto& [name, values] : actor_extra) a.extra.emplace_back(name, values[i]);
                  try {
                      net.add_actor(a);
                  } catch (const std::exception& e) {
                      throw std::invalid_argument("actors row " + std::to_string(i) + ": " + e.what());
                  }
              }
              net.reserve_ties(sources.size());
              for (std::size_t i = 0; i < sources.size(); ++i) {
                  Tie t{.source = sources[i],
                        .target = targets[i],
                        .relation = relations[i],
                        .directed = directed[i] != 0,
                        .weight = weights[i],
                        .start_year = start_years[i],
                        .end_year = end_years[i],
                        .provenance = provenance[i],
                        .extra = {}};
                  for (const auto& [name, values] : tie_extra) t.extra.emplace_back(name, values[i]);
                  try {
                      net.add_tie(t);
                  } catch (const std::exception& e) {
                      throw std::invalid_argument("ties row " + std::to_string(i) + ": " + e.what());
                  }
              }
              return net;
          });
    m.def(
        "save_snapshot",
        [](const std::string& path, std::optional<const ActorNetwork*> network, std::optional<const Graph*> graph,
           const std::vector<std::pair<std::string, const Graph*>>& graphs) {
            // Copies (cheap next to writing the file) keep one Snapshot type for C++ users.
            Snapshot s;
            py::gil_scoped_release release;
            if (network) s.network = **network;
            if (graph) s.graph = **graph;
            for (const auto& [name, g] : graphs) s.graphs.emplace_back(name, *g);
            save_snapshot(s, path);
        },
        py::arg("path"), py::arg("network"), py::arg("graph"), py::arg("graphs"));
    m.def(
        "load_snapshot",
        [](const std::string& path) {
            Snapshot s;
            {
                py::gil_scoped_release release;
                s = load_snapshot(path);
            }
            py::object network = py::none(), graph = py::none();
            if (s.network) network = py::cast(std::move(*s.network));
            if (s.graph) graph = py::cast(std::move(*s.graph));
            py::list graphs;
            for (auto& [name, g] : s.graphs) graphs.append(py::make_tuple(name, py::cast(std::move(g))));
            return py::make_tuple(network, graph, graphs);
        },
        py::arg("path"));
    m.def("read_csv", &read_csv, py::arg("actors"), py::arg("ties"), py::call_guard<py::gil_scoped_release>());
    m.def(
        "read_edgelist",
        [](const std::string& path, bool directed, bool weighted, const std::string& duplicates,
           const std::string& self_loops) {
            const EdgeListOptions options{.directed = directed,
                                          .weighted = weighted,
                                          .duplicates = duplicate_policy(duplicates),
                                          .self_loops = self_loop_policy(self_loops)};
            py::gil_scoped_release release;
            return read_edgelist(path, options);
        },
        py::arg("path"), py::arg("directed"), py::arg("weighted"), py::arg("duplicates"), py::arg("self_loops"));
    // The readers' rules for a year and a "directed" field, for the Python converters.
    m.def(
        "parse_year",
        [](const std::string& text) {
            const auto year = detail::parse_year(text);
            if (!year)
                throw std::invalid_argument(detail::quoted(text) +
                                            " is not a year (expected an integer from -9999 to 9999 such as 2011, "
                                            "or an empty field)");
            return *year;
        },
        py::arg("text"));
    m.def(
        "parse_directed", [](const std::string& text, bool empty) { return detail::parse_directed_flag(text, empty); },
        py::arg("text"), py::arg("empty"));
    m.def(
        "column_type",
        [](const std::vector<std::string>& values) {
            // The type the typed writers declare for a text column; Python's conversions follow it.
            detail::ColumnType type;
            for (const auto& v : values) type.add(v);
            switch (type.type()) {
                case detail::ValueType::boolean:
                    return "boolean";
                case detail::ValueType::integer:
                    return "integer";
                case detail::ValueType::real:
                    return "real";
                case detail::ValueType::text:
                    return "text";
            }
            return "text";
        },
        py::arg("values"));
    m.def(
        "read_edgelist_arrays",
        [](const std::string& path, bool weighted) {
            EdgeList list;
            {
                py::gil_scoped_release release;
                list = read_edgelist_arrays(path, {.weighted = weighted});
            }
            py::object weights = py::none();
            if (weighted) weights = to_numpy(std::move(list.weights));
            return py::make_tuple(std::move(list.names), to_numpy(std::move(list.sources)),
                                  to_numpy(std::move(list.targets)), weights);
        },
        py::arg("path"), py::arg("weighted"));
}

}  // namespace essnet::python
