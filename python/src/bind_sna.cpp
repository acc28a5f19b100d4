// SNA family: structural holes, census, group structure.
#include "bindings.hpp"
#include "essnet/sna/brokerage.hpp"
#include "essnet/sna/census.hpp"
#include "essnet/sna/ego.hpp"
#include "essnet/sna/groups.hpp"
#include "essnet/sna/robustness.hpp"
#include "essnet/sna/structural_holes.hpp"
#include "essnet/sna/two_mode.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

py::array_t<double> rows(const std::vector<BrokerageRow>& r) {
    py::array_t<double> out({static_cast<py::ssize_t>(r.size()), static_cast<py::ssize_t>(6)});
    auto* p = out.mutable_data();
    for (const auto& row : r)
        for (const double x : row) *p++ = x;
    return out;
}

py::array_t<double> row(const BrokerageRow& r) {
    return to_numpy(std::span<const double>(r.data(), r.size()));
}

}  // namespace

void bind_sna(py::module_& m) {
    m.def(
        "project",
        [](const Graph& g, const std::vector<std::uint8_t>& onto, const std::string& weight) {
            const ProjectionWeight w = value_of(projection_words, weight, "weight");
            Projection p;
            {
                py::gil_scoped_release release;
                p = project(g, onto, w);
            }
            return py::make_tuple(to_numpy(std::move(p.nodes)), to_numpy(std::move(p.sources)),
                                  to_numpy(std::move(p.targets)), to_numpy(std::move(p.weights)));
        },
        py::arg("graph"), py::arg("onto"), py::arg("weight"));
    m.def(
        "two_mode_density",
        [](const Graph& g, const std::vector<std::uint8_t>& in_first_mode) {
            return two_mode_density(g, in_first_mode);
        },
        py::arg("graph"), py::arg("in_first_mode"), py::call_guard<py::gil_scoped_release>());
    m.def(
        "robustness",
        [](const Graph& g, const py::function& measure, const std::string& perturbation, double share, int runs,
           std::uint64_t seed, double interval, std::int32_t top, const py::object& progress) {
            // The Python measure runs with the lock held, on a copy of each perturbed graph (the
            // copy is the caller's to keep).
            const NodeMeasure on_copy = [&](const Graph& h) {
                py::gil_scoped_acquire gil;
                return measure(h).cast<std::vector<double>>();
            };
            auto r = run_interruptible(progress, [&](const ProgressHook& hook) {
                return robustness(g, on_copy,
                                  {.perturbation = value_of(perturbation_words, perturbation, "perturbation"),
                                   .share = share,
                                   .runs = runs,
                                   .seed = seed,
                                   .interval = interval,
                                   .top = top,
                                   .progress = hook});
            });
            py::dict d;
            d["score"] = to_numpy(std::move(r.score));
            d["rank"] = to_numpy(std::move(r.rank));
            d["score_low"] = to_numpy(std::move(r.score_low));
            d["score_high"] = to_numpy(std::move(r.score_high));
            d["rank_low"] = to_numpy(std::move(r.rank_low));
            d["rank_high"] = to_numpy(std::move(r.rank_high));
            d["top_share"] = to_numpy(std::move(r.top_share));
            d["rank_correlation"] = to_numpy(std::move(r.rank_correlation));
            return d;
        },
        py::arg("graph"), py::arg("measure"), py::arg("perturbation"), py::arg("share"), py::arg("runs"),
        py::arg("seed"), py::arg("interval"), py::arg("top"), py::arg("progress"));
    m.def(
        "brokerage",
        [](const Graph& g, const std::vector<std::int32_t>& groups) {
            BrokerageResult r;
            {
                py::gil_scoped_release release;
                r = brokerage(g, groups);
            }
            py::dict d;
            d["raw"] = rows(r.raw);
            d["expected"] = rows(r.expected);
            d["sd"] = rows(r.sd);
            d["z"] = rows(r.z);
            d["global_raw"] = row(r.global_raw);
            d["global_expected"] = row(r.global_expected);
            d["global_sd"] = row(r.global_sd);
            d["global_z"] = row(r.global_z);
            d["group_expected"] = rows(r.group_expected);
            d["group_sd"] = rows(r.group_sd);
            return d;
        },
        py::arg("graph"), py::arg("groups"));
    m.def(
        "structural_holes",
        [](const Graph& g, bool use_weights) {
            StructuralHoles r;
            {
                py::gil_scoped_release release;
                r = structural_holes(g, {.use_weights = use_weights});
            }
            return py::make_tuple(to_numpy(std::move(r.constraint)), to_numpy(std::move(r.effective_size)),
                                  to_numpy(std::move(r.efficiency)), to_numpy(std::move(r.hierarchy)));
        },
        py::arg("graph"), py::arg("use_weights"));
    m.def("density", &density, py::arg("graph"));
    m.def("reciprocity", &reciprocity, py::arg("graph"));
    m.def(
        "dyad_census",
        [](const Graph& g) {
            const DyadCensus d = dyad_census(g);
            return py::make_tuple(d.mutual, d.asymmetric, d.null);
        },
        py::arg("graph"));
    m.def(
        "triad_census",
        [](const Graph& g) {
            std::array<std::int64_t, 16> c;
            {
                py::gil_scoped_release release;
                c = triad_census(g);
            }
            return to_numpy(std::span<const std::int64_t>(c.data(), c.size()));
        },
        py::arg("graph"));
    m.attr("triad_types") = py::cast(std::vector<std::string>(triad_types.begin(), triad_types.end()));
    m.def(
        "ei_index",
        [](const Graph& g, const std::vector<std::int32_t>& groups, bool use_weights) {
            EIIndex r = ei_index(g, groups, {.use_weights = use_weights});
            return py::make_tuple(r.network, to_numpy(std::move(r.group)), to_numpy(std::move(r.node)));
        },
        py::arg("graph"), py::arg("groups"), py::arg("use_weights"));
    m.def(
        "mixing_matrix",
        [](const Graph& g, const std::vector<std::int32_t>& groups) {
            auto flat = mixing_matrix(g, groups);
            const auto k = static_cast<py::ssize_t>(std::llround(std::sqrt(static_cast<double>(flat.size()))));
            return to_numpy(std::move(flat)).reshape({k, k});
        },
        py::arg("graph"), py::arg("groups"));
    m.def(
        "attribute_assortativity",
        [](const Graph& g, const std::vector<std::int32_t>& groups) { return attribute_assortativity(g, groups); },
        py::arg("graph"), py::arg("groups"));
    m.def(
        "numeric_assortativity",
        [](const Graph& g, const std::vector<double>& values) { return numeric_assortativity(g, values); },
        py::arg("graph"), py::arg("values"));
    m.def(
        "induced_subgraph",
        [](const Graph& g, const std::vector<node_id>& nodes) {
            py::gil_scoped_release release;
            return induced_subgraph(g, nodes);
        },
        py::arg("graph"), py::arg("nodes"));
    m.def(
        "ego_graph",
        [](const Graph& g, node_id ego, int radius, const std::string& direction, bool include_ego) {
            const EgoOptions options{radius, direction_of(direction), include_ego};
            py::gil_scoped_release release;
            return ego_graph(g, ego, options);
        },
        py::arg("graph"), py::arg("ego"), py::arg("radius"), py::arg("direction"), py::arg("include_ego"));
    m.def(
        "ego_measures",
        [](const Graph& g, const std::vector<std::int32_t>& groups, const std::string& direction, bool use_weights) {
            const EgoMeasuresOptions options{direction_of(direction), use_weights};
            EgoMeasures r;
            {
                py::gil_scoped_release release;
                r = ego_measures(g, groups, options);
            }
            py::dict d;
            d["size"] = to_numpy(std::move(r.size));
            d["pairs"] = to_numpy(std::move(r.pairs));
            d["ties"] = to_numpy(std::move(r.ties));
            d["density"] = to_numpy(std::move(r.density));
            d["brokerage"] = to_numpy(std::move(r.brokerage));
            d["ego_betweenness"] = to_numpy(std::move(r.ego_betweenness));
            d["effective_size"] = to_numpy(std::move(r.effective_size));
            d["efficiency"] = to_numpy(std::move(r.efficiency));
            d["composition"] =
                to_numpy(std::move(r.composition))
                    .reshape({static_cast<py::ssize_t>(g.num_nodes()), static_cast<py::ssize_t>(r.num_groups)});
            return d;
        },
        py::arg("graph"), py::arg("groups"), py::arg("direction"), py::arg("use_weights"));
}

}  // namespace essnet::python
