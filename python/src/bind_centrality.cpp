// Centrality family.
#include "bindings.hpp"
#include "essnet/centrality/approximate_betweenness.hpp"
#include "essnet/centrality/betweenness.hpp"
#include "essnet/centrality/centralization.hpp"
#include "essnet/centrality/closeness.hpp"
#include "essnet/centrality/clustering.hpp"
#include "essnet/centrality/coreness.hpp"
#include "essnet/centrality/degree.hpp"
#include "essnet/centrality/eigenvector.hpp"
#include "essnet/centrality/pagerank.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

// Runs f without the GIL and hands its vector to numpy.
template <class F>
auto array_of(F&& f) {
    decltype(f()) values;
    {
        py::gil_scoped_release release;
        values = f();
    }
    return to_numpy(std::move(values));
}

// An IterativeResult as (scores, iterations, converged, residual), computed without the GIL.
template <class F>
py::tuple iterative(F&& f) {
    IterativeResult r;
    {
        py::gil_scoped_release release;
        r = f();
    }
    return py::make_tuple(to_numpy(std::move(r.score)), r.iterations, r.converged, r.residual);
}

}  // namespace

void bind_centrality(py::module_& m) {
    m.def(
        "degree",
        [](const Graph& g, const std::string& direction) {
            const DegreeOptions options{.direction = direction_of(direction)};
            return array_of([&] { return degree(g, options); });
        },
        py::arg("graph"), py::arg("direction"));
    m.def(
        "strength",
        [](const Graph& g, const std::string& direction) {
            const DegreeOptions options{.direction = direction_of(direction)};
            return array_of([&] { return strength(g, options); });
        },
        py::arg("graph"), py::arg("direction"));
    m.def(
        "pagerank",
        [](const Graph& g, double alpha, std::vector<double> personalization, std::vector<double> dangling,
           int max_iterations, double tolerance, bool use_weights) {
            const PageRankOptions o{.alpha = alpha,
                                    .personalization = std::move(personalization),
                                    .dangling = std::move(dangling),
                                    .max_iterations = max_iterations,
                                    .tolerance = tolerance,
                                    .use_weights = use_weights};
            return iterative([&] { return pagerank(g, o); });
        },
        py::arg("graph"), py::arg("alpha"), py::arg("personalization"), py::arg("dangling"), py::arg("max_iterations"),
        py::arg("tolerance"), py::arg("use_weights"));
    m.def(
        "eigenvector",
        [](const Graph& g, int max_iterations, double tolerance, bool use_weights, bool per_component,
           const std::string& solver) {
            const EigenvectorOptions o{.max_iterations = max_iterations,
                                       .tolerance = tolerance,
                                       .use_weights = use_weights,
                                       .per_component = per_component,
                                       .solver = value_of(solver_words, solver, "solver")};
            return iterative([&] { return eigenvector(g, o); });
        },
        py::arg("graph"), py::arg("max_iterations"), py::arg("tolerance"), py::arg("use_weights"),
        py::arg("per_component"), py::arg("solver"));
    m.def(
        "katz",
        [](const Graph& g, double alpha, double beta, int max_iterations, double tolerance, bool normalized,
           bool use_weights) {
            const KatzOptions o{.alpha = alpha,
                                .beta = beta,
                                .max_iterations = max_iterations,
                                .tolerance = tolerance,
                                .normalized = normalized,
                                .use_weights = use_weights};
            return iterative([&] { return katz(g, o); });
        },
        py::arg("graph"), py::arg("alpha"), py::arg("beta"), py::arg("max_iterations"), py::arg("tolerance"),
        py::arg("normalized"), py::arg("use_weights"));
    m.def(
        "hits",
        [](const Graph& g, int max_iterations, double tolerance, bool normalized) {
            const HitsOptions o{.max_iterations = max_iterations, .tolerance = tolerance, .normalized = normalized};
            HitsResult r;
            {
                py::gil_scoped_release release;
                r = hits(g, o);
            }
            return py::make_tuple(to_numpy(std::move(r.hubs)), to_numpy(std::move(r.authorities)), r.iterations,
                                  r.converged, r.residual);
        },
        py::arg("graph"), py::arg("max_iterations"), py::arg("tolerance"), py::arg("normalized"));
    m.def(
        "coreness", [](const Graph& g) { return array_of([&] { return coreness(g); }); }, py::arg("graph"));
    m.def(
        "triangles", [](const Graph& g) { return array_of([&] { return triangles(g); }); }, py::arg("graph"));
    m.def(
        "clustering",
        [](const Graph& g, bool use_weights) {
            return array_of([&] { return clustering(g, {.use_weights = use_weights}); });
        },
        py::arg("graph"), py::arg("use_weights"));
    m.def(
        "average_clustering",
        [](const Graph& g, bool use_weights) { return average_clustering(g, {.use_weights = use_weights}); },
        py::arg("graph"), py::arg("use_weights"), py::call_guard<py::gil_scoped_release>());
    m.def("transitivity", &transitivity, py::arg("graph"), py::call_guard<py::gil_scoped_release>());
    m.def(
        "approximate_betweenness",
        [](const Graph& g, double epsilon, double delta, bool use_weights, std::uint64_t seed,
           const py::object& progress) {
            auto r = run_interruptible(progress, [&](const ProgressHook& hook) {
                return approximate_betweenness(
                    g,
                    {.epsilon = epsilon, .delta = delta, .use_weights = use_weights, .seed = seed, .progress = hook});
            });
            return py::make_tuple(to_numpy(std::move(r.score)), r.samples, r.vertex_diameter_bound);
        },
        py::arg("graph"), py::arg("epsilon"), py::arg("delta"), py::arg("use_weights"), py::arg("seed"),
        py::arg("progress"));
    m.def(
        "centralization",
        [](const Graph& g, const std::string& measure) {
            const CentralizationMeasure m = value_of(centralization_words, measure, "measure");
            py::gil_scoped_release release;
            return centralization(g, m);
        },
        py::arg("graph"), py::arg("measure"));

    m.def(
        "betweenness",
        [](const Graph& g, bool normalized, bool endpoints, bool use_weights, double cutoff, std::int64_t samples,
           std::vector<node_id> sources, std::uint64_t seed, const py::object& progress) {
            return to_numpy(run_interruptible(progress, [&](const ProgressHook& hook) {
                return betweenness(g, {.normalized = normalized,
                                       .endpoints = endpoints,
                                       .use_weights = use_weights,
                                       .cutoff = cutoff,
                                       .samples = samples,
                                       .sources = std::move(sources),
                                       .seed = seed,
                                       .progress = hook});
            }));
        },
        py::arg("graph"), py::arg("normalized"), py::arg("endpoints"), py::arg("use_weights"), py::arg("cutoff"),
        py::arg("samples"), py::arg("sources"), py::arg("seed"), py::arg("progress"));
    m.def(
        "edge_betweenness",
        [](const Graph& g, bool normalized, bool use_weights, double cutoff, const py::object& progress) {
            return to_numpy(run_interruptible(progress, [&](const ProgressHook& hook) {
                return edge_betweenness(
                    g, {.normalized = normalized, .use_weights = use_weights, .cutoff = cutoff, .progress = hook});
            }));
        },
        py::arg("graph"), py::arg("normalized"), py::arg("use_weights"), py::arg("cutoff"), py::arg("progress"));
    m.def(
        "closeness",
        [](const Graph& g, bool wf_improved, bool use_weights, const py::object& progress) {
            return to_numpy(run_interruptible(progress, [&](const ProgressHook& hook) {
                return closeness(g, {.wf_improved = wf_improved, .use_weights = use_weights, .progress = hook});
            }));
        },
        py::arg("graph"), py::arg("wf_improved"), py::arg("use_weights"), py::arg("progress"));
    m.def(
        "harmonic",
        [](const Graph& g, bool normalized, bool use_weights, const py::object& progress) {
            return to_numpy(run_interruptible(progress, [&](const ProgressHook& hook) {
                return harmonic(g, {.normalized = normalized, .use_weights = use_weights, .progress = hook});
            }));
        },
        py::arg("graph"), py::arg("normalized"), py::arg("use_weights"), py::arg("progress"));
}

}  // namespace essnet::python
