// Readers and writers of GraphML and GEXF.
#include "bindings.hpp"
#include "essnet/io/gexf.hpp"
#include "essnet/io/graphml.hpp"

namespace essnet::python {

void bind_io_xml(py::module_& m) {
    using release = py::call_guard<py::gil_scoped_release>;
    m.def("read_graphml", &read_graphml, py::arg("path"), release());
    m.def("parse_graphml", &parse_graphml, py::arg("text"), py::arg("name"), release());
    m.def("write_graphml", &write_graphml, py::arg("network"), py::arg("path"), release());
    m.def("read_gexf", &read_gexf, py::arg("path"), release());
    m.def("parse_gexf", &parse_gexf, py::arg("text"), py::arg("name"), release());
    m.def(
        "write_gexf",
        [](const ActorNetwork& network, const std::string& path, const std::string& version) {
            write_gexf(network, path, {.version = version});
        },
        py::arg("network"), py::arg("path"), py::arg("version"), release());
}

}  // namespace essnet::python
