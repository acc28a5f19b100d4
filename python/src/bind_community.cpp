// Community family: Leiden, Louvain, label propagation, consensus.
#include "bindings.hpp"
#include "essnet/community/consensus.hpp"
#include "essnet/community/label_propagation.hpp"
#include "essnet/community/leiden.hpp"
#include "essnet/community/louvain.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

QualityFunction objective_of(const std::string& word) {
    return value_of(objective_words, word, "objective");
}

CommunityAlgorithm algorithm_of(const std::string& word) {
    return value_of(algorithm_words, word, "algorithm");
}

// Leiden's options from the Python arguments (leiden and leiden_multiplex take the same ones).
LeidenOptions leiden_options(const std::string& objective, double resolution, int n_iterations,
                             std::vector<std::int32_t> initial, std::uint64_t seed, bool use_weights,
                             double randomness) {
    return {.objective = objective_of(objective),
            .resolution = resolution,
            .n_iterations = n_iterations,
            .initial_membership = std::move(initial),
            .seed = seed,
            .use_weights = use_weights,
            .randomness = randomness,
            .progress = {}};
}

py::tuple partition_tuple(Partition&& p) {
    return py::make_tuple(to_numpy(std::move(p.membership)), p.quality, p.n_communities);
}

}  // namespace

void bind_community(py::module_& m) {
    m.def(
        "leiden",
        [](const Graph& g, const std::string& objective, double resolution, int n_iterations,
           std::vector<std::int32_t> initial, std::uint64_t seed, bool use_weights, double randomness,
           const py::object& progress) {
            LeidenOptions o =
                leiden_options(objective, resolution, n_iterations, std::move(initial), seed, use_weights, randomness);
            auto p = run_interruptible(progress, [&](const ProgressHook& hook) {
                o.progress = hook;
                return leiden(g, o);
            });
            return partition_tuple(std::move(p));
        },
        py::arg("graph"), py::arg("objective"), py::arg("resolution"), py::arg("n_iterations"),
        py::arg("initial_membership"), py::arg("seed"), py::arg("use_weights"), py::arg("randomness"),
        py::arg("progress"));
    m.def(
        "leiden_multiplex",
        [](const std::vector<const Graph*>& layers, const std::vector<double>& layer_weights,
           const std::string& objective, double resolution, int n_iterations, std::vector<std::int32_t> initial,
           std::uint64_t seed, bool use_weights, double randomness, const py::object& progress) {
            std::vector<Graph> copies;  // the layers are small next to the work; a copy keeps the C++ API simple
            for (const Graph* g : layers) copies.push_back(*g);
            LeidenOptions o =
                leiden_options(objective, resolution, n_iterations, std::move(initial), seed, use_weights, randomness);
            auto p = run_interruptible(progress, [&](const ProgressHook& hook) {
                o.progress = hook;
                return leiden_multiplex(copies, layer_weights, o);
            });
            return partition_tuple(std::move(p));
        },
        py::arg("layers"), py::arg("layer_weights"), py::arg("objective"), py::arg("resolution"),
        py::arg("n_iterations"), py::arg("initial_membership"), py::arg("seed"), py::arg("use_weights"),
        py::arg("randomness"), py::arg("progress"));
    m.def(
        "louvain",
        [](const Graph& g, const std::string& objective, double resolution, std::uint64_t seed, bool use_weights) {
            LouvainResult r;
            const LouvainOptions o{.objective = objective_of(objective),
                                   .resolution = resolution,
                                   .seed = seed,
                                   .use_weights = use_weights};
            {
                py::gil_scoped_release release;
                r = louvain(g, o);
            }
            py::list levels;
            for (auto& level : r.levels) levels.append(partition_tuple(std::move(level)));
            return py::make_tuple(partition_tuple(std::move(r.partition)), levels);
        },
        py::arg("graph"), py::arg("objective"), py::arg("resolution"), py::arg("seed"), py::arg("use_weights"));
    m.def(
        "label_propagation",
        [](const Graph& g, std::uint64_t seed, bool use_weights, int max_iterations) {
            LabelPropagationResult r;
            {
                py::gil_scoped_release release;
                r = label_propagation(g, {.seed = seed, .use_weights = use_weights, .max_iterations = max_iterations});
            }
            const int iterations = r.iterations;
            const bool converged = r.converged;
            return py::make_tuple(partition_tuple(std::move(r)), iterations, converged);
        },
        py::arg("graph"), py::arg("seed"), py::arg("use_weights"), py::arg("max_iterations"));
    m.def(
        "consensus",
        [](const Graph& g, const std::string& algorithm, int runs, double threshold, int max_iterations,
           const std::string& objective, double resolution, bool use_weights, std::uint64_t seed,
           const py::object& progress) {
            ConsensusOptions o{.algorithm = algorithm_of(algorithm),
                               .runs = runs,
                               .threshold = threshold,
                               .max_iterations = max_iterations,
                               .objective = objective_of(objective),
                               .resolution = resolution,
                               .use_weights = use_weights,
                               .seed = seed,
                               .progress = {}};
            auto r = run_interruptible(progress, [&](const ProgressHook& hook) {
                o.progress = hook;
                return consensus(g, o);
            });
            return py::make_tuple(partition_tuple(std::move(r.partition)), to_numpy(std::move(r.co_assignment)),
                                  to_numpy(std::move(r.stability)), r.iterations, r.converged);
        },
        py::arg("graph"), py::arg("algorithm"), py::arg("runs"), py::arg("threshold"), py::arg("max_iterations"),
        py::arg("objective"), py::arg("resolution"), py::arg("use_weights"), py::arg("seed"), py::arg("progress"));
}

}  // namespace essnet::python
