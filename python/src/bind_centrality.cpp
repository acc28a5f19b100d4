// Centrality family.
#include "bindings.hpp"
#include "essnet/centrality/degree.hpp"

namespace essnet::python {

void bind_centrality(py::module_& m) {
    m.def(
        "degree",
        [](const Graph& g, const std::string& direction) {
            DegreeOptions options;
            if (direction == "all") options.direction = Direction::all;
            else if (direction == "out") options.direction = Direction::out;
            else if (direction == "in") options.direction = Direction::in;
            else throw std::invalid_argument("direction must be 'all', 'out' or 'in', got '" + direction + "'");
            std::vector<std::int64_t> d;
            {
                py::gil_scoped_release release;
                d = degree(g, options);
            }
            return to_numpy(std::move(d));
        },
        py::arg("graph"), py::arg("direction"));
}

}  // namespace essnet::python
