// Inference family: QAP correlation and regression, CUG tests, label permutation tests.
#include "bindings.hpp"
#include "essnet/centrality/centralization.hpp"
#include "essnet/centrality/clustering.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/inference/cug.hpp"
#include "essnet/inference/label_permutation.hpp"
#include "essnet/inference/qap.hpp"
#include "essnet/inference/resampling.hpp"
#include "essnet/paths/path_lengths.hpp"
#include "essnet/sna/census.hpp"
#include "essnet/sna/groups.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

// A C-contiguous (n, n) float64 array as a DyadMatrix (checked for shape by the Python layer).
DyadMatrix dyad_matrix(const py::array_t<double, py::array::c_style | py::array::forcecast>& a) {
    if (a.ndim() != 2 || a.shape(0) != a.shape(1)) throw std::invalid_argument("a dyadic matrix must be square");
    const auto n = static_cast<node_id>(a.shape(0));
    return {n, std::vector<double>(a.data(), a.data() + a.size())};
}

// The graph-level measures whose CUG tests run in C++ (the Python layer names them from its own
// functions: essnet.density is "density", and so on).
std::function<double(const Graph&)> graph_statistic(const std::string& name, const std::string& measure,
                                                    bool use_weights) {
    if (name == "density") return [](const Graph& g) { return density(g); };
    if (name == "reciprocity") return [](const Graph& g) { return reciprocity(g); };
    if (name == "transitivity") return [](const Graph& g) { return transitivity(g); };
    if (name == "average_clustering")
        return [use_weights](const Graph& g) { return average_clustering(g, {.use_weights = use_weights}); };
    if (name == "global_efficiency")
        return [use_weights](const Graph& g) { return global_efficiency(g, {.use_weights = use_weights}); };
    if (name == "centralization") {
        const CentralizationMeasure m = value_of(centralization_words, measure, "measure");
        return [m](const Graph& g) { return centralization(g, m); };
    }
    throw std::invalid_argument("statistic: no graph-level measure named '" + name + "'");
}

py::tuple null_test_tuple(NullTestResult&& r) {
    return py::make_tuple(r.observed, to_numpy(std::move(r.null)), r.p_lower, r.p_upper, r.p_two_sided, r.draws,
                          r.exact);
}

py::tuple resampling_tuple(ResamplingResult&& r) {
    return py::make_tuple(r.estimate, to_numpy(std::move(r.values)), r.standard_error, r.bias, r.lower, r.upper);
}

}  // namespace

void bind_inference(py::module_& m) {
    m.def(
        "qap_correlation",
        [](const py::array_t<double, py::array::c_style | py::array::forcecast>& a,
           const py::array_t<double, py::array::c_style | py::array::forcecast>& b, bool directed,
           std::int64_t permutations, std::uint64_t seed, const py::object& progress) {
            const DyadMatrix ma = dyad_matrix(a), mb = dyad_matrix(b);
            const QapCorrelationResult r = run_interruptible(progress, [&](const ProgressHook& hook) {
                return qap_correlation(
                    ma, mb, {.directed = directed, .permutations = permutations, .seed = seed, .progress = hook});
            });
            return py::make_tuple(r.estimate, r.p_lower, r.p_upper, r.p_two_sided, r.permutations, r.exact);
        },
        py::arg("a"), py::arg("b"), py::arg("directed"), py::arg("permutations"), py::arg("seed"), py::arg("progress"));
    m.def(
        "qap_regression",
        [](const py::array_t<double, py::array::c_style | py::array::forcecast>& y,
           const std::vector<py::array_t<double, py::array::c_style | py::array::forcecast>>& x, bool directed,
           const std::string& family, const std::string& null, bool intercept, std::int64_t permutations,
           std::uint64_t seed, const py::object& progress) {
            const DyadMatrix my = dyad_matrix(y);
            std::vector<DyadMatrix> mx;
            for (const auto& a : x) mx.push_back(dyad_matrix(a));
            const QapRegressionOptions options{.directed = directed,
                                               .family = value_of(qap_family_words, family, "family"),
                                               .null = value_of(qap_null_words, null, "null"),
                                               .intercept = intercept,
                                               .permutations = permutations,
                                               .seed = seed};
            const QapRegressionResult r = run_interruptible(progress, [&](const ProgressHook& hook) {
                QapRegressionOptions with_hook = options;
                with_hook.progress = hook;
                return qap_regression(my, mx, with_hook);
            });
            py::array_t<double> terms({static_cast<py::ssize_t>(r.terms.size()), static_cast<py::ssize_t>(6)});
            auto* p = terms.mutable_data();
            for (const QapTerm& t : r.terms)
                for (const double v : {t.estimate, t.std_error, t.t_value, t.p_lower, t.p_upper, t.p_two_sided})
                    *p++ = v;
            return py::make_tuple(terms, r.r_squared, r.adjusted_r_squared, r.residual_std_error, r.deviance, r.aic,
                                  r.bic, r.converged, r.dyads, r.residual_degrees_of_freedom, r.permutations, r.exact);
        },
        py::arg("y"), py::arg("x"), py::arg("directed"), py::arg("family"), py::arg("null"), py::arg("intercept"),
        py::arg("permutations"), py::arg("seed"), py::arg("progress"));
    m.def(
        "cug_test",
        [](const Graph& g, const std::string& statistic, const std::string& measure, bool use_weights,
           const std::string& condition, std::int64_t draws, std::uint64_t seed, const py::object& progress) {
            const auto f = graph_statistic(statistic, measure, use_weights);
            const CugCondition c = value_of(cug_condition_words, condition, "condition");
            return null_test_tuple(run_interruptible(progress, [&](const ProgressHook& hook) {
                return cug_test(g, f, {.condition = c, .draws = draws, .seed = seed, .progress = hook});
            }));
        },
        py::arg("graph"), py::arg("statistic"), py::arg("measure"), py::arg("use_weights"), py::arg("condition"),
        py::arg("draws"), py::arg("seed"), py::arg("progress"));
    m.def(
        "cug_null_graph",
        [](const Graph& g, const std::string& condition, std::uint64_t seed, std::int64_t draw) {
            const CugCondition c = value_of(cug_condition_words, condition, "condition");
            py::gil_scoped_release release;
            return cug_null_graph(g, c, seed, draw);
        },
        py::arg("graph"), py::arg("condition"), py::arg("seed"), py::arg("draw"));
    m.def(
        "node_permutations",
        [](node_id n, std::int64_t requested, std::uint64_t seed, std::int64_t first, std::int64_t count) {
            // Relabellings first..first+count-1 of label_permutation_test, one per row, for
            // statistics computed in Python.
            const detail::NodePermutations permutations(n, requested, seed);
            count = std::clamp<std::int64_t>(permutations.count() - first, 0, count);
            py::array_t<node_id> rows({static_cast<py::ssize_t>(count), static_cast<py::ssize_t>(n)});
            std::vector<node_id> p;
            for (std::int64_t r = 0; r < count; ++r) {
                permutations.get(first + r, p);
                std::copy(p.begin(), p.end(), rows.mutable_data(static_cast<py::ssize_t>(r)));
            }
            return py::make_tuple(rows, permutations.count(), permutations.exact());
        },
        py::arg("n"), py::arg("requested"), py::arg("seed"), py::arg("first"), py::arg("count"));
    m.def(
        "label_permutation_test",
        [](const Graph& g, const std::string& statistic, const std::vector<std::int32_t>& groups,
           const std::vector<double>& values, double resolution, bool use_weights, std::int64_t permutations,
           std::uint64_t seed, const py::object& progress) {
            const LabelPermutationOptions options{.permutations = permutations, .seed = seed};
            return null_test_tuple(run_interruptible(progress, [&](const ProgressHook& hook) {
                LabelPermutationOptions with_hook = options;
                with_hook.progress = hook;
                if (statistic == "numeric_assortativity")
                    return label_permutation_test<double>(
                        values, [&](std::span<const double> v) { return numeric_assortativity(g, v); }, with_hook);
                std::function<double(std::span<const std::int32_t>)> f;
                if (statistic == "ei_index")
                    f = [&](std::span<const std::int32_t> c) {
                        return ei_index(g, c, {.use_weights = use_weights}).network;
                    };
                else if (statistic == "attribute_assortativity")
                    f = [&](std::span<const std::int32_t> c) { return attribute_assortativity(g, c); };
                else if (statistic == "modularity")
                    f = [&](std::span<const std::int32_t> c) {
                        return modularity(g, c, {.resolution = resolution, .use_weights = use_weights});
                    };
                else
                    throw std::invalid_argument("statistic: no label statistic named '" + statistic + "'");
                return label_permutation_test<std::int32_t>(groups, f, with_hook);
            }));
        },
        py::arg("graph"), py::arg("statistic"), py::arg("groups"), py::arg("values"), py::arg("resolution"),
        py::arg("use_weights"), py::arg("permutations"), py::arg("seed"), py::arg("progress"));
    m.def(
        "bootstrap",
        [](const Graph& g, const std::string& statistic, const std::string& measure, bool use_weights,
           std::int64_t draws, double confidence, std::uint64_t seed, const py::object& progress) {
            const auto f = graph_statistic(statistic, measure, use_weights);
            return resampling_tuple(run_interruptible(progress, [&](const ProgressHook& hook) {
                return bootstrap(g, f, {.draws = draws, .confidence = confidence, .seed = seed, .progress = hook});
            }));
        },
        py::arg("graph"), py::arg("statistic"), py::arg("measure"), py::arg("use_weights"), py::arg("draws"),
        py::arg("confidence"), py::arg("seed"), py::arg("progress"));
    m.def(
        "jackknife",
        [](const Graph& g, const std::string& statistic, const std::string& measure, bool use_weights,
           double confidence, const py::object& progress) {
            const auto f = graph_statistic(statistic, measure, use_weights);
            return resampling_tuple(run_interruptible(progress, [&](const ProgressHook& hook) {
                return jackknife(g, f, {.confidence = confidence, .progress = hook});
            }));
        },
        py::arg("graph"), py::arg("statistic"), py::arg("measure"), py::arg("use_weights"), py::arg("confidence"),
        py::arg("progress"));
    m.def(
        "bootstrap_graph",
        [](const Graph& g, std::uint64_t seed, std::int64_t draw) {
            py::gil_scoped_release release;
            return bootstrap_graph(g, seed, draw);
        },
        py::arg("graph"), py::arg("seed"), py::arg("draw"));
}

}  // namespace essnet::python
