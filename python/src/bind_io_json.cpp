// Readers and writers of JSON node-link.
#include "bindings.hpp"
#include "essnet/io/json.hpp"

namespace essnet::python {

void bind_io_json(py::module_& m) {
    m.def("read_json", &read_json, py::arg("path"), py::call_guard<py::gil_scoped_release>());
    m.def("write_json", &write_json, py::arg("network"), py::arg("path"), py::call_guard<py::gil_scoped_release>());
    m.def(
        "parse_json", [](std::string_view text, const std::string& name) { return parse_json(text, name); },
        py::arg("text"), py::arg("name"), py::call_guard<py::gil_scoped_release>());
    m.def(
        "json_text",
        [](const ActorNetwork& network) {
            std::string text;
            {
                py::gil_scoped_release release;
                text = json_text(network);
            }
            return text;  // valid UTF-8: a str
        },
        py::arg("network"));
}

}  // namespace essnet::python
