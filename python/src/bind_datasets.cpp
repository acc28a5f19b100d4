// Bundled networks.
#include "bindings.hpp"
#include "essnet/datasets/chantier.hpp"

namespace essnet::python {

void bind_datasets(py::module_& m) {
    m.def("chantier", &datasets::chantier, py::call_guard<py::gil_scoped_release>());
}

}  // namespace essnet::python
