// Readers and writers of Pajek .net and UCINET DL.
#include "bindings.hpp"
#include "essnet/io/dl.hpp"
#include "essnet/io/pajek.hpp"

namespace essnet::python {

void bind_io_pajek(py::module_& m) {
    m.def("read_pajek", &read_pajek, py::arg("path"), py::call_guard<py::gil_scoped_release>());
    m.def("write_pajek", &write_pajek, py::arg("network"), py::arg("path"), py::call_guard<py::gil_scoped_release>());
    m.def("pajek_text", &pajek_text, py::arg("network"), py::call_guard<py::gil_scoped_release>());
    m.def("read_dl", &read_dl, py::arg("path"), py::call_guard<py::gil_scoped_release>());
}

}  // namespace essnet::python
