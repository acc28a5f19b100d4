// Components family.
#include "bindings.hpp"
#include "essnet/components/connected_components.hpp"
#include "essnet/components/strong_components.hpp"

namespace essnet::python {

void bind_components(py::module_& m) {
    m.def(
        "connected_components",
        [](const Graph& g) {
            ComponentsResult r;
            {
                py::gil_scoped_release release;
                r = connected_components(g);
            }
            return py::make_tuple(to_numpy(std::move(r.membership)), to_numpy(std::move(r.sizes)));
        },
        py::arg("graph"));
    m.def(
        "strongly_connected_components",
        [](const Graph& g) {
            ComponentsResult r;
            {
                py::gil_scoped_release release;
                r = strongly_connected_components(g);
            }
            return py::make_tuple(to_numpy(std::move(r.membership)), to_numpy(std::move(r.sizes)));
        },
        py::arg("graph"));
}

}  // namespace essnet::python
