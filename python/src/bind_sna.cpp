// SNA family: structural holes, census, group structure.
#include "bindings.hpp"
#include "essnet/sna/brokerage.hpp"
#include "essnet/sna/census.hpp"
#include "essnet/sna/ego.hpp"
#include "essnet/sna/equivalence.hpp"
#include "essnet/sna/groups.hpp"
#include "essnet/sna/key_players.hpp"
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

py::array_t<double> square(std::vector<double>&& values, std::size_t n) {
    py::array_t<double> out({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(n)});
    std::copy(values.begin(), values.end(), out.mutable_data());
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
    m.def(
        "structural_equivalence",
        [](const Graph& g, const std::string& method, bool use_weights) {
            const StructuralEquivalenceOptions o{.method = value_of(equivalence_method_words, method, "method"),
                                                 .use_weights = use_weights};
            std::vector<double> d;
            {
                py::gil_scoped_release release;
                d = structural_equivalence(g, o);
            }
            return square(std::move(d), static_cast<std::size_t>(g.num_nodes()));
        },
        py::arg("graph"), py::arg("method"), py::arg("use_weights"));
    m.def(
        "equivalence_clustering",
        [](const Graph& g, const std::string& method, const std::string& linkage, bool use_weights) {
            const StructuralEquivalenceOptions o{.method = value_of(equivalence_method_words, method, "method"),
                                                 .use_weights = use_weights};
            const Linkage l = value_of(linkage_words, linkage, "linkage");
            std::vector<ClusterMerge> merges;
            {
                py::gil_scoped_release release;
                merges = equivalence_clustering(g, o, l);
            }
            // SciPy's linkage matrix: cluster a, cluster b, height, size.
            py::array_t<double> z({static_cast<py::ssize_t>(merges.size()), static_cast<py::ssize_t>(4)});
            auto* p = z.mutable_data();
            for (const ClusterMerge& c : merges)
                for (const double v :
                     {static_cast<double>(c.a), static_cast<double>(c.b), c.height, static_cast<double>(c.size)})
                    *p++ = v;
            return z;
        },
        py::arg("graph"), py::arg("method"), py::arg("linkage"), py::arg("use_weights"));
    m.def(
        "cut_clusters",
        [](const py::array_t<double, py::array::c_style | py::array::forcecast>& z, std::int64_t n, std::int64_t k) {
            if (z.ndim() != 2 || z.shape(1) != 4)
                throw std::invalid_argument("linkage must be an (n - 1, 4) array, as SciPy's linkage matrix");
            std::vector<ClusterMerge> merges(static_cast<std::size_t>(z.shape(0)));
            for (std::size_t t = 0; t < merges.size(); ++t) {
                const double* r = z.data(static_cast<py::ssize_t>(t));
                merges[t] = {static_cast<std::int64_t>(r[0]), static_cast<std::int64_t>(r[1]), r[2],
                             static_cast<std::int64_t>(r[3])};
            }
            return to_numpy(cut_clusters(merges, n, k));
        },
        py::arg("linkage"), py::arg("n"), py::arg("k"));
    m.def(
        "concor",
        [](const Graph& g, int splits, double cutoff, int max_iterations, bool use_weights) {
            std::vector<std::int32_t> b;
            {
                py::gil_scoped_release release;
                b = concor(
                    g,
                    {.splits = splits, .cutoff = cutoff, .max_iterations = max_iterations, .use_weights = use_weights});
            }
            return to_numpy(std::move(b));
        },
        py::arg("graph"), py::arg("splits"), py::arg("cutoff"), py::arg("max_iterations"), py::arg("use_weights"));
    m.def(
        "blockmodel_image",
        [](const Graph& g, const std::vector<std::int32_t>& membership, const std::string& content, bool use_weights) {
            const BlockContent c = value_of(block_content_words, content, "content");
            std::vector<double> image;
            {
                py::gil_scoped_release release;
                image = blockmodel_image(g, membership, c, use_weights);
            }
            const auto blocks = static_cast<std::size_t>(std::llround(std::sqrt(static_cast<double>(image.size()))));
            return square(std::move(image), blocks);
        },
        py::arg("graph"), py::arg("membership"), py::arg("content"), py::arg("use_weights"));
    m.def(
        "key_players",
        [](const Graph& g, std::int32_t k, const std::string& measure, std::int32_t steps, std::int32_t restarts,
           std::uint64_t seed, const py::object& progress) {
            const KeyPlayerMeasure km = value_of(key_player_measure_words, measure, "measure");
            KeyPlayerResult r = run_interruptible(progress, [&](const ProgressHook& hook) {
                return key_players(
                    g, k, {.measure = km, .steps = steps, .restarts = restarts, .seed = seed, .progress = hook});
            });
            return py::make_tuple(to_numpy(std::move(r.players)), r.score);
        },
        py::arg("graph"), py::arg("k"), py::arg("measure"), py::arg("steps"), py::arg("restarts"), py::arg("seed"),
        py::arg("progress"));
    m.def(
        "key_player_score",
        [](const Graph& g, const std::vector<node_id>& players, const std::string& measure, std::int32_t steps) {
            const KeyPlayerMeasure km = value_of(key_player_measure_words, measure, "measure");
            py::gil_scoped_release release;
            return key_player_score(g, players, km, steps);
        },
        py::arg("graph"), py::arg("players"), py::arg("measure"), py::arg("steps"));
}

}  // namespace essnet::python
