// Seeded generators.
#include "bindings.hpp"
#include "essnet/generate/generators.hpp"

namespace essnet::python {

void bind_generate(py::module_& m) {
    m.def(
        "erdos_renyi",
        [](node_id n, std::int64_t edges, bool directed, std::uint64_t seed) {
            return generate::erdos_renyi({.n = n, .m = edges, .directed = directed, .seed = seed});
        },
        py::arg("n"), py::arg("m"), py::arg("directed"), py::arg("seed"), py::call_guard<py::gil_scoped_release>());
    m.def(
        "barabasi_albert",
        [](node_id n, node_id edges, std::uint64_t seed) {
            return generate::barabasi_albert({.n = n, .m = edges, .seed = seed});
        },
        py::arg("n"), py::arg("m"), py::arg("seed"), py::call_guard<py::gil_scoped_release>());
    m.def(
        "stochastic_block_model",
        [](const std::vector<node_id>& sizes, const std::vector<std::vector<double>>& p, bool directed,
           std::uint64_t seed) {
            generate::SbmResult r;
            {
                py::gil_scoped_release release;
                r = generate::stochastic_block_model(
                    {.sizes = sizes, .probabilities = p, .directed = directed, .seed = seed});
            }
            return py::make_tuple(std::move(r.graph), to_numpy(std::move(r.block)));
        },
        py::arg("sizes"), py::arg("probabilities"), py::arg("directed"), py::arg("seed"));
    m.def(
        "lfr",
        [](node_id n, double average_degree, node_id max_degree, double mu, double degree_exponent,
           double community_exponent, node_id min_community, node_id max_community, std::uint64_t seed) {
            generate::LfrResult r;
            {
                py::gil_scoped_release release;
                r = generate::lfr({.n = n,
                                   .average_degree = average_degree,
                                   .max_degree = max_degree,
                                   .mu = mu,
                                   .degree_exponent = degree_exponent,
                                   .community_exponent = community_exponent,
                                   .min_community = min_community,
                                   .max_community = max_community,
                                   .seed = seed});
            }
            return py::make_tuple(std::move(r.graph), to_numpy(std::move(r.community)), r.mixing);
        },
        py::arg("n"), py::arg("average_degree"), py::arg("max_degree"), py::arg("mu"), py::arg("degree_exponent"),
        py::arg("community_exponent"), py::arg("min_community"), py::arg("max_community"), py::arg("seed"));
    m.def(
        "rmat",
        [](int scale, int edge_factor, double a, double b, double c, bool directed, bool simple, bool scramble,
           std::uint64_t seed) {
            py::gil_scoped_release release;
            return generate::rmat({.scale = scale,
                                   .edge_factor = edge_factor,
                                   .a = a,
                                   .b = b,
                                   .c = c,
                                   .directed = directed,
                                   .simple = simple,
                                   .scramble = scramble,
                                   .seed = seed});
        },
        py::arg("scale"), py::arg("edge_factor"), py::arg("a"), py::arg("b"), py::arg("c"), py::arg("directed"),
        py::arg("simple"), py::arg("scramble"), py::arg("seed"));
    m.def(
        "social_economy",
        [](std::int32_t num_actors, std::int32_t first_year, std::int32_t num_years, std::int32_t num_countries,
           std::int32_t num_sectors, std::int32_t events_per_year, double participants_per_event,
           double partnerships_per_actor, double memberships_per_actor, double funding_per_funder, std::uint64_t seed) {
            py::gil_scoped_release release;
            return generate::social_economy({.num_actors = num_actors,
                                             .first_year = first_year,
                                             .num_years = num_years,
                                             .num_countries = num_countries,
                                             .num_sectors = num_sectors,
                                             .events_per_year = events_per_year,
                                             .participants_per_event = participants_per_event,
                                             .partnerships_per_actor = partnerships_per_actor,
                                             .memberships_per_actor = memberships_per_actor,
                                             .funding_per_funder = funding_per_funder,
                                             .seed = seed});
        },
        py::arg("num_actors"), py::arg("first_year"), py::arg("num_years"), py::arg("num_countries"),
        py::arg("num_sectors"), py::arg("events_per_year"), py::arg("participants_per_event"),
        py::arg("partnerships_per_actor"), py::arg("memberships_per_actor"), py::arg("funding_per_funder"),
        py::arg("seed"));
}

}  // namespace essnet::python
