// The default of every option the Python functions expose, read from the C++ options structs, so
// that a test can check that each Python signature repeats the C++ default (the one place a default
// is decided). Keys are the Python names: the function as essnet.<name>, then its keyword arguments;
// enumerations appear under their Python spelling, and an empty vector or a negative "no limit" as
// None, as the Python functions take them.
#include "bindings.hpp"
#include "essnet/centrality/approximate_betweenness.hpp"
#include "essnet/centrality/betweenness.hpp"
#include "essnet/centrality/closeness.hpp"
#include "essnet/centrality/clustering.hpp"
#include "essnet/centrality/degree.hpp"
#include "essnet/centrality/eigenvector.hpp"
#include "essnet/centrality/pagerank.hpp"
#include "essnet/community/consensus.hpp"
#include "essnet/community/label_propagation.hpp"
#include "essnet/community/leiden.hpp"
#include "essnet/community/louvain.hpp"
#include "essnet/community/quality.hpp"
#include "essnet/draw/drawing.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/inference/cug.hpp"
#include "essnet/inference/label_permutation.hpp"
#include "essnet/inference/qap.hpp"
#include "essnet/inference/resampling.hpp"
#include "essnet/io/edgelist.hpp"
#include "essnet/io/gexf.hpp"
#include "essnet/layout/fruchterman_reingold.hpp"
#include "essnet/layout/over_time.hpp"
#include "essnet/layout/quality.hpp"
#include "essnet/layout/simple.hpp"
#include "essnet/layout/spectral.hpp"
#include "essnet/layout/stress.hpp"
#include "essnet/paths/eccentricity.hpp"
#include "essnet/paths/path_lengths.hpp"
#include "essnet/paths/reachability.hpp"
#include "essnet/paths/shortest_paths.hpp"
#include "essnet/sna/ego.hpp"
#include "essnet/sna/equivalence.hpp"
#include "essnet/sna/groups.hpp"
#include "essnet/sna/key_players.hpp"
#include "essnet/sna/robustness.hpp"
#include "essnet/sna/structural_holes.hpp"
#include "essnet/temporal/betweenness.hpp"
#include "essnet/temporal/journeys.hpp"
#include "essnet/temporal/temporal_graph.hpp"
#include "policies.hpp"
#include "report.hpp"

namespace essnet::python {

namespace {

// A vector option whose default is empty: None in Python.
template <class T>
py::object none_if_empty(const std::vector<T>& values) {
    if (!values.empty()) throw std::logic_error("a vector option defaults to values the binding cannot show");
    return py::none();
}

// A length limit whose default is negative (no limit): None in Python.
py::object limit(double value) {
    return value < 0 ? py::object(py::none()) : py::object(py::float_(value));
}

py::dict leiden_defaults() {
    const LeidenOptions o;
    return py::dict(py::arg("objective") = word_of(objective_words, o.objective), py::arg("resolution") = o.resolution,
                    py::arg("n_iterations") = o.n_iterations,
                    py::arg("initial_membership") = none_if_empty(o.initial_membership), py::arg("seed") = o.seed,
                    py::arg("use_weights") = o.use_weights, py::arg("randomness") = o.randomness);
}

py::dict use_weights_only(bool use_weights) {
    return py::dict(py::arg("use_weights") = use_weights);
}

}  // namespace

void bind_defaults(py::module_& m) {
    m.def("option_defaults", [] {
        py::dict d;
        const DegreeOptions degree;
        d["degree"] = py::dict(py::arg("direction") = word_of(direction_words, degree.direction));
        d["strength"] = py::dict(py::arg("direction") = word_of(direction_words, degree.direction));
        {
            const PageRankOptions o;
            d["pagerank"] =
                py::dict(py::arg("alpha") = o.alpha, py::arg("personalization") = none_if_empty(o.personalization),
                         py::arg("dangling") = none_if_empty(o.dangling), py::arg("max_iterations") = o.max_iterations,
                         py::arg("tolerance") = o.tolerance, py::arg("use_weights") = o.use_weights);
        }
        {
            const EigenvectorOptions o;
            d["eigenvector"] =
                py::dict(py::arg("max_iterations") = o.max_iterations, py::arg("tolerance") = o.tolerance,
                         py::arg("use_weights") = o.use_weights, py::arg("per_component") = o.per_component,
                         py::arg("solver") = word_of(solver_words, o.solver));
        }
        {
            const KatzOptions o;
            d["katz"] = py::dict(py::arg("alpha") = o.alpha, py::arg("beta") = o.beta,
                                 py::arg("max_iterations") = o.max_iterations, py::arg("tolerance") = o.tolerance,
                                 py::arg("normalized") = o.normalized, py::arg("use_weights") = o.use_weights);
        }
        {
            const HitsOptions o;
            d["hits"] = py::dict(py::arg("max_iterations") = o.max_iterations, py::arg("tolerance") = o.tolerance,
                                 py::arg("normalized") = o.normalized);
        }
        d["clustering"] = use_weights_only(ClusteringOptions{}.use_weights);
        d["average_clustering"] = use_weights_only(ClusteringOptions{}.use_weights);
        {
            const BetweennessOptions o;
            d["betweenness"] =
                py::dict(py::arg("normalized") = o.normalized, py::arg("endpoints") = o.endpoints,
                         py::arg("use_weights") = o.use_weights, py::arg("cutoff") = limit(o.cutoff),
                         py::arg("samples") = o.samples == 0 ? py::object(py::none()) : py::object(py::int_(o.samples)),
                         py::arg("sources") = py::none(), py::arg("seed") = o.seed);
            d["edge_betweenness"] =
                py::dict(py::arg("normalized") = o.normalized, py::arg("use_weights") = o.use_weights,
                         py::arg("cutoff") = limit(o.cutoff));
        }
        {
            const ApproximateBetweennessOptions o;
            d["approximate_betweenness"] = py::dict(py::arg("epsilon") = o.epsilon, py::arg("delta") = o.delta,
                                                    py::arg("use_weights") = o.use_weights, py::arg("seed") = o.seed);
        }
        {
            const ClosenessOptions o;
            d["closeness"] = py::dict(py::arg("wf_improved") = o.wf_improved, py::arg("use_weights") = o.use_weights);
            const HarmonicOptions h;
            d["harmonic"] = py::dict(py::arg("normalized") = h.normalized, py::arg("use_weights") = h.use_weights);
        }
        d["leiden"] = leiden_defaults();
        d["leiden_multiplex"] = leiden_defaults();
        {
            const LouvainOptions o;
            d["louvain"] = py::dict(py::arg("objective") = word_of(objective_words, o.objective),
                                    py::arg("resolution") = o.resolution, py::arg("seed") = o.seed,
                                    py::arg("use_weights") = o.use_weights);
        }
        {
            const LabelPropagationOptions o;
            d["label_propagation"] = py::dict(py::arg("seed") = o.seed, py::arg("use_weights") = o.use_weights,
                                              py::arg("max_iterations") = o.max_iterations);
        }
        {
            const ConsensusOptions o;
            d["consensus"] = py::dict(
                py::arg("algorithm") = word_of(algorithm_words, o.algorithm), py::arg("runs") = o.runs,
                py::arg("threshold") = o.threshold, py::arg("max_iterations") = o.max_iterations,
                py::arg("objective") = word_of(objective_words, o.objective), py::arg("resolution") = o.resolution,
                py::arg("use_weights") = o.use_weights, py::arg("seed") = o.seed);
        }
        {
            const ModularityOptions o;
            d["modularity"] = py::dict(py::arg("resolution") = o.resolution, py::arg("use_weights") = o.use_weights);
            const CpmOptions c;
            d["cpm_quality"] = py::dict(py::arg("resolution") = c.resolution, py::arg("use_weights") = c.use_weights);
        }
        const bool holes_weights = StructuralHolesOptions{}.use_weights;
        for (const char* name : {"structural_holes", "constraint", "effective_size", "efficiency", "hierarchy"})
            d[name] = use_weights_only(holes_weights);
        d["ei_index"] = use_weights_only(EIIndexOptions{}.use_weights);
        {
            const StructuralEquivalenceOptions o;
            d["structural_equivalence"] = py::dict(py::arg("method") = word_of(equivalence_method_words, o.method),
                                                   py::arg("use_weights") = o.use_weights);
            const KeyPlayerOptions kp;
            d["key_players"] =
                py::dict(py::arg("measure") = word_of(key_player_measure_words, kp.measure),
                         py::arg("steps") = kp.steps, py::arg("restarts") = kp.restarts, py::arg("seed") = kp.seed);
            const ConcorOptions c;
            d["concor"] =
                py::dict(py::arg("splits") = c.splits, py::arg("cutoff") = c.cutoff,
                         py::arg("max_iterations") = c.max_iterations, py::arg("use_weights") = c.use_weights);
        }
        {
            const EgoMeasuresOptions o;
            d["ego_measures"] = py::dict(py::arg("direction") = word_of(direction_words, o.direction),
                                         py::arg("use_weights") = o.use_weights);
        }
        {
            const RobustnessOptions o;
            d["robustness"] = py::dict(py::arg("perturbation") = word_of(perturbation_words, o.perturbation),
                                       py::arg("share") = o.share, py::arg("runs") = o.runs, py::arg("seed") = o.seed,
                                       py::arg("interval") = o.interval, py::arg("top") = o.top);
        }
        {
            const EdgeListOptions o;
            d["read_edgelist"] = py::dict(py::arg("directed") = o.directed, py::arg("weighted") = o.weighted,
                                          py::arg("duplicates") = word_of(duplicate_words, o.duplicates),
                                          py::arg("self_loops") = word_of(self_loop_words, o.self_loops));
            d["read_edgelist_arrays"] = py::dict(py::arg("weighted") = o.weighted);
        }
        {
            const generate::ErdosRenyiOptions o;
            d["generate.erdos_renyi"] = py::dict(py::arg("directed") = o.directed, py::arg("seed") = o.seed);
        }
        {
            const generate::BarabasiAlbertOptions o;
            d["generate.barabasi_albert"] = py::dict(py::arg("seed") = o.seed);
        }
        {
            const generate::SbmOptions o;
            d["generate.stochastic_block_model"] = py::dict(py::arg("directed") = o.directed, py::arg("seed") = o.seed);
        }
        {
            const generate::LfrOptions o;
            d["generate.lfr"] = py::dict(
                py::arg("average_degree") = o.average_degree, py::arg("max_degree") = o.max_degree,
                py::arg("mu") = o.mu, py::arg("degree_exponent") = o.degree_exponent,
                py::arg("community_exponent") = o.community_exponent, py::arg("min_community") = o.min_community,
                py::arg("max_community") = o.max_community, py::arg("seed") = o.seed);
        }
        {
            const generate::RmatOptions o;
            d["generate.rmat"] =
                py::dict(py::arg("edge_factor") = o.edge_factor, py::arg("a") = o.a, py::arg("b") = o.b,
                         py::arg("c") = o.c, py::arg("directed") = o.directed, py::arg("simple") = o.simple,
                         py::arg("scramble") = o.scramble, py::arg("seed") = o.seed);
        }
        {
            const ForceAtlas2Options o;
            d["layout.forceatlas2"] = py::dict(
                py::arg("iterations") = o.iterations, py::arg("scaling") = o.scaling, py::arg("gravity") = o.gravity,
                py::arg("strong_gravity") = o.strong_gravity, py::arg("linlog") = o.linlog,
                py::arg("edge_weight_influence") = o.edge_weight_influence, py::arg("dissuade_hubs") = o.dissuade_hubs,
                py::arg("prevent_overlap") = o.prevent_overlap, py::arg("jitter_tolerance") = o.jitter_tolerance,
                py::arg("repulsion") = word_of(repulsion_words, o.repulsion), py::arg("theta") = o.theta,
                py::arg("node_sizes") = none_if_empty(o.node_sizes), py::arg("initial") = none_if_empty(o.initial),
                py::arg("pinned") = none_if_empty(o.pinned), py::arg("pack_components") = o.pack_components,
                py::arg("seed") = o.seed);
        }
        {
            const FruchtermanReingoldOptions o;
            d["layout.fruchterman_reingold"] =
                py::dict(py::arg("iterations") = o.iterations, py::arg("start_temperature") = o.start_temperature,
                         py::arg("use_weights") = o.use_weights,
                         py::arg("repulsion") = word_of(repulsion_range_words, o.repulsion),
                         py::arg("initial") = none_if_empty(o.initial), py::arg("pinned") = none_if_empty(o.pinned),
                         py::arg("pack_components") = o.pack_components, py::arg("seed") = o.seed);
        }
        {
            const QapCorrelationOptions c;
            d["inference.qap_correlation"] =
                py::dict(py::arg("permutations") = c.permutations, py::arg("seed") = c.seed);
            const QapRegressionOptions o;
            d["inference.qap_regression"] =
                py::dict(py::arg("family") = word_of(qap_family_words, o.family),
                         py::arg("null") = word_of(qap_null_words, o.null), py::arg("intercept") = o.intercept,
                         py::arg("permutations") = o.permutations, py::arg("seed") = o.seed);
            const CugOptions cug;
            d["inference.cug_test"] = py::dict(py::arg("condition") = word_of(cug_condition_words, cug.condition),
                                               py::arg("draws") = cug.draws, py::arg("seed") = cug.seed);
            const BootstrapOptions boot;
            d["inference.bootstrap"] = py::dict(py::arg("draws") = boot.draws, py::arg("confidence") = boot.confidence,
                                                py::arg("seed") = boot.seed);
            d["inference.jackknife"] = py::dict(py::arg("confidence") = JackknifeOptions{}.confidence);
            const LabelPermutationOptions labels;
            d["inference.label_permutation_test"] =
                py::dict(py::arg("permutations") = labels.permutations, py::arg("seed") = labels.seed);
        }
        {
            const StressOptions o;
            d["layout.stress"] =
                py::dict(py::arg("method") = word_of(stress_method_words, o.method), py::arg("pivots") = o.pivots,
                         py::arg("iterations") = o.iterations, py::arg("tolerance") = o.tolerance,
                         py::arg("initial") = none_if_empty(o.initial), py::arg("pinned") = none_if_empty(o.pinned),
                         py::arg("anchoring") = none_if_empty(o.anchoring), py::arg("seed") = o.seed);
        }
        {
            const OverTimeOptions o;
            d["layout.over_time"] = py::dict(py::arg("anchoring") = o.anchoring, py::arg("seed") = o.seed);
        }
        {
            const PivotMdsOptions o;
            d["layout.pivot_mds"] = py::dict(py::arg("pivots") = o.pivots, py::arg("seed") = o.seed);
        }
        {
            const CircularOptions o;
            d["layout.circular"] = py::dict(py::arg("order") = none_if_empty(o.order));
        }
        d["layout.bipartite"] = py::dict(py::arg("sweeps") = BipartiteOptions{}.sweeps);
        {
            const SpectralLayoutOptions o;
            d["layout.spectral"] =
                py::dict(py::arg("use_weights") = o.use_weights, py::arg("max_restarts") = o.max_restarts,
                         py::arg("tolerance") = o.tolerance);
        }
        {
            const DrawOptions o;
            // -1 (never aliased) is None in Python.
            d["draw"] = py::dict(py::arg("max_antialiased_ties") = o.max_antialiased_edges < 0
                                                                       ? py::object(py::none())
                                                                       : py::object(py::int_(o.max_antialiased_edges)),
                                 py::arg("width") = o.width, py::arg("height") = o.height,
                                 py::arg("labels") = o.label_count, py::arg("font_size") = o.font_size);
        }
        d["write_gexf"] = py::dict(py::arg("version") = GexfOptions{}.version);
        {
            const ShortestPathOptions o;
            const DistanceMatrixOptions matrix;
            const auto direction = word_of(direction_words, o.direction);
            // An infinite cutoff and a zero byte limit mean none: None in Python.
            d["distances"] = py::dict(
                py::arg("use_weights") = o.use_weights, py::arg("direction") = direction,
                py::arg("cutoff") = o.cutoff == unreachable ? py::object(py::none()) : py::object(py::float_(o.cutoff)),
                py::arg("max_bytes") =
                    matrix.max_bytes == 0 ? py::object(py::none()) : py::object(py::int_(matrix.max_bytes)));
            d["shortest_path"] = py::dict(py::arg("use_weights") = o.use_weights, py::arg("direction") = direction);
            d["all_shortest_paths"] = py::dict(py::arg("use_weights") = o.use_weights, py::arg("direction") = direction,
                                               py::arg("max_paths") = default_max_paths);
            const EccentricityOptions e;
            for (const char* name : {"eccentricity", "diameter", "radius"})
                d[name] = py::dict(py::arg("use_weights") = e.use_weights);
            const PathLengthOptions p;
            for (const char* name : {"average_shortest_path_length", "distance_distribution"})
                d[name] = py::dict(py::arg("use_weights") = p.use_weights);
            const EfficiencyOptions f;
            for (const char* name : {"global_efficiency", "local_efficiency", "paths.local_efficiencies"})
                d[name] = py::dict(py::arg("use_weights") = f.use_weights);
            d["krackhardt_hierarchy"] = py::dict(py::arg("max_component") = KrackhardtOptions{}.max_component);
        }
        {
            // Python's start and end: None, a window open or at the network's earliest or latest year.
            const JourneyOptions o;
            const auto undated = word_of(undated_words, TemporalSelection{}.undated);
            const auto direction = word_of(time_direction_words, o.direction);
            auto journeys = [&](bool with_direction) {
                py::dict out(py::arg("start") = py::none(), py::arg("end") = py::none(),
                             py::arg("hop_years") = o.hop_years, py::arg("undated") = undated);
                if (with_direction) out["direction"] = direction;
                return out;
            };
            for (const char* name :
                 {"temporal.earliest_arrival", "temporal.journey", "temporal.reachable", "temporal.closeness"})
                d[name] = journeys(true);
            d["temporal.betweenness"] = journeys(false);
            d["temporal.betweenness"]["normalized"] = false;  // journey_betweenness's default argument
            for (const char* name : {"temporal.tie_changes", "temporal.activity_spells"})
                d[name] = py::dict(py::arg("undated") = undated);
            d["temporal.tie_durations"] = py::dict(py::arg("undated") = undated, py::arg("until") = py::none());
        }
        {
            const LayoutQualityOptions o;
            d["layout.quality"] = py::dict(py::arg("max_sources") = o.max_sources,
                                           py::arg("max_exact_crossing_edges") = o.max_exact_crossing_edges,
                                           py::arg("crossing_samples") = o.crossing_samples,
                                           py::arg("node_radius") = o.node_radius, py::arg("seed") = o.seed);
        }
        {
            const generate::SocialEconomyOptions o;
            d["generate.social_economy"] =
                py::dict(py::arg("num_actors") = o.num_actors, py::arg("first_year") = o.first_year,
                         py::arg("num_years") = o.num_years, py::arg("num_countries") = o.num_countries,
                         py::arg("num_sectors") = o.num_sectors, py::arg("events_per_year") = o.events_per_year,
                         py::arg("participants_per_event") = o.participants_per_event,
                         py::arg("partnerships_per_actor") = o.partnerships_per_actor,
                         py::arg("memberships_per_actor") = o.memberships_per_actor,
                         py::arg("funding_per_funder") = o.funding_per_funder, py::arg("seed") = o.seed);
        }
        {
            const report::Options o;
            py::tuple formats(o.formats.size());
            for (std::size_t i = 0; i < o.formats.size(); ++i) formats[i] = o.formats[i];
            d["report"] = py::dict(
                py::arg("group") = o.group.empty() ? py::object(py::none()) : py::object(py::str(o.group)),
                py::arg("measures") = none_if_empty(o.measures), py::arg("seed") = o.seed, py::arg("formats") = formats,
                py::arg("interactive") = o.interactive, py::arg("top") = o.top,
                py::arg("consensus_runs") = o.consensus_runs, py::arg("robustness_runs") = o.robustness_runs,
                py::arg("missing_share") = o.missing_share, py::arg("exact_limit") = o.exact_limit,
                py::arg("layout_per_year_limit") = o.layout_per_year_limit, py::arg("svg_limit") = o.svg_limit);
        }
        return d;
    });
}

}  // namespace essnet::python
