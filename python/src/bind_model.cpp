// ActorNetwork and graph selection.
#include <optional>
#include <string>

#include "bindings.hpp"
#include "essnet/graph/selection.hpp"
#include "essnet/model/actor_network.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

py::dict categorical(const CategoricalColumn& c) {
    py::dict d;
    d["codes"] = to_numpy(std::span<const std::int32_t>(c.codes()));
    d["categories"] = c.categories();
    return d;
}

py::list strings(const StringColumn& c) {
    py::list out(c.size());
    for (std::size_t i = 0; i < c.size(); ++i) out[i] = py::str(c[i].data(), c[i].size());
    return out;
}

py::list strings(const std::vector<std::string>& v) {
    py::list out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = py::str(v[i]);
    return out;
}

py::list id_list(const std::vector<std::string>& ids, const std::vector<std::int32_t>& rows) {
    py::list out(rows.size());
    std::vector<py::object> cache(ids.size());  // null until first use
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto& s = cache[static_cast<std::size_t>(rows[i])];
        if (!s) s = py::str(ids[static_cast<std::size_t>(rows[i])]);
        out[i] = s;
    }
    return out;
}

py::dict extra_columns(const std::vector<ExtraColumn>& extra) {
    py::dict d;
    for (const auto& c : extra) d[py::str(c.name)] = strings(c.values);
    return d;
}

std::int32_t year_or_missing(const std::optional<std::int32_t>& year) {
    return year ? *year : no_year;
}

std::vector<std::pair<std::string, std::string>> extra_values(const py::kwargs& kwargs) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [k, v] : kwargs) out.emplace_back(py::str(k), py::str(v));
    return out;
}

}  // namespace

void bind_model(py::module_& m) {
    py::class_<ActorNetwork>(m, "ActorNetwork")
        .def(py::init<std::vector<std::string>, std::vector<std::string>>(),
             py::arg("extra_actor_columns") = std::vector<std::string>{},
             py::arg("extra_tie_columns") = std::vector<std::string>{})
        .def_property_readonly("num_actors", &ActorNetwork::num_actors)
        .def_property_readonly("num_ties", &ActorNetwork::num_ties)
        .def(
            "add_actor",
            [](ActorNetwork& net, std::string id, std::string name, std::string kind, std::string country,
               std::string region, std::optional<std::int32_t> founded, const py::kwargs& extra) {
                return net.add_actor({.id = std::move(id),
                                      .name = std::move(name),
                                      .kind = std::move(kind),
                                      .country = std::move(country),
                                      .region = std::move(region),
                                      .founded = year_or_missing(founded),
                                      .extra = extra_values(extra)});
            },
            py::arg("id"), py::kw_only(), py::arg("name") = "", py::arg("kind") = "", py::arg("country") = "",
            py::arg("region") = "", py::arg("founded") = py::none())
        .def(
            "add_tie",
            [](ActorNetwork& net, std::string source, std::string target, std::string relation, bool directed,
               double weight, std::optional<std::int32_t> start_year, std::optional<std::int32_t> end_year,
               std::string provenance, const py::kwargs& extra) {
                return net.add_tie({.source = std::move(source),
                                    .target = std::move(target),
                                    .relation = std::move(relation),
                                    .directed = directed,
                                    .weight = weight,
                                    .start_year = year_or_missing(start_year),
                                    .end_year = year_or_missing(end_year),
                                    .provenance = std::move(provenance),
                                    .extra = extra_values(extra)});
            },
            py::arg("source"), py::arg("target"), py::kw_only(), py::arg("relation") = "", py::arg("directed") = true,
            py::arg("weight") = 1.0, py::arg("start_year") = py::none(), py::arg("end_year") = py::none(),
            py::arg("provenance") = "")
        .def("_actor_columns",
             [](const ActorNetwork& net) {
                 const ActorTable& a = net.actors();
                 py::dict d;
                 d["id"] = strings(a.id);
                 d["name"] = strings(a.name);
                 d["kind"] = categorical(a.kind);
                 d["country"] = categorical(a.country);
                 d["region"] = categorical(a.region);
                 d["founded"] = to_numpy(std::span<const std::int32_t>(a.founded));
                 d["extra"] = extra_columns(a.extra);
                 return d;
             })
        .def("_tie_columns",
             [](const ActorNetwork& net) {
                 const TieTable& t = net.ties();
                 py::dict d;
                 d["source"] = id_list(net.actors().id, t.source);
                 d["target"] = id_list(net.actors().id, t.target);
                 d["relation"] = categorical(t.relation);
                 d["directed"] = to_numpy(std::span<const std::uint8_t>(t.directed));
                 d["weight"] = to_numpy(std::span<const double>(t.weight));
                 d["start_year"] = to_numpy(std::span<const std::int32_t>(t.start_year));
                 d["end_year"] = to_numpy(std::span<const std::int32_t>(t.end_year));
                 d["provenance"] = strings(t.provenance);
                 d["extra"] = extra_columns(t.extra);
                 return d;
             })
        .def(
            "graph",
            [](const ActorNetwork& net, std::optional<std::vector<std::string>> relations,
               std::optional<std::vector<std::string>> kinds,
               std::optional<std::pair<std::int32_t, std::int32_t>> years, std::optional<bool> directed,
               std::optional<std::string> weight, const std::string& duplicates, const std::string& self_loops) {
                GraphSelection sel;
                sel.relations = std::move(relations);
                sel.kinds = std::move(kinds);
                if (years) sel.years = YearRange{years->first, years->second};
                sel.directed = directed;
                sel.weight = weight.value_or("");
                sel.duplicates = duplicate_policy(duplicates);
                sel.self_loops = self_loop_policy(self_loops);
                // The GIL stays held: another Python thread could add ties to this network meanwhile.
                return select_graph(net, sel);
            },
            py::arg("relations") = py::none(), py::arg("kinds") = py::none(), py::arg("years") = py::none(),
            py::arg("directed") = py::none(), py::arg("weight") = py::none(), py::arg("duplicates") = "keep",
            py::arg("self_loops") = "keep");

    m.attr("usual_kinds") = usual_kinds();
    m.attr("usual_relations") = usual_relations();
}

}  // namespace essnet::python
