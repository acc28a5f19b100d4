// Readers and writers of GraphML and GEXF.
#include "bindings.hpp"

namespace essnet::python {

void bind_io_xml(py::module_& m) {
    (void)m;
}

}  // namespace essnet::python
