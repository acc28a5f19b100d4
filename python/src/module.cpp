// essnet._core: the compiled part of the essnet Python package.
#include <Python.h>

#include "bindings.hpp"
#include "essnet/core/error.hpp"
#include "essnet/version.hpp"

PYBIND11_MODULE(_core, m) {
    namespace py = pybind11;
    m.doc() = "Compiled core of essnet; use the essnet package instead.";
    m.attr("__version__") = ESSNET_VERSION;

    // essnet.ParseError is a ValueError with file, line, column and message attributes.
    static py::exception<essnet::ParseError> parse_error(m, "ParseError", PyExc_ValueError);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const essnet::ParseError& e) {
            // Messages escape the input they quote; decode with replacement all the same, so that
            // an odd file name can never turn a ParseError into a UnicodeDecodeError.
            auto text = [](const std::string& s) {
                return py::reinterpret_steal<py::str>(
                    PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace"));
            };
            py::object error = py::handle(parse_error.ptr())(text(e.what()));
            error.attr("file") = text(e.file());
            error.attr("line") = e.line();
            error.attr("column") = e.column();
            error.attr("message") = text(e.message());
            PyErr_SetObject(parse_error.ptr(), error.ptr());
        } catch (const essnet::FileError& e) {
            // OSError(errno, text, filename) becomes FileNotFoundError, PermissionError, ...
            py::object error = py::reinterpret_steal<py::object>(
                PyObject_CallFunction(PyExc_OSError, "iss", e.error_number(), e.what(), e.path().c_str()));
            PyErr_SetObject(PyExc_OSError, error.ptr());
        }
    });

    // essnet.Cancelled: a computation stopped by its progress callback returning False.
    static py::exception<essnet::Cancelled> cancelled(m, "Cancelled", PyExc_RuntimeError);

    essnet::python::bind_model(m);
    essnet::python::bind_graph(m);
    essnet::python::bind_io(m);
    essnet::python::bind_io_xml(m);
    essnet::python::bind_io_pajek(m);
    essnet::python::bind_io_json(m);
    essnet::python::bind_centrality(m);
    essnet::python::bind_components(m);
    essnet::python::bind_paths(m);
    essnet::python::bind_temporal(m);
    essnet::python::bind_community(m);
    essnet::python::bind_community_measures(m);
    essnet::python::bind_sna(m);
    essnet::python::bind_inference(m);
    essnet::python::bind_datasets(m);
    essnet::python::bind_generate(m);
    essnet::python::bind_report(m);
    essnet::python::bind_layout(m);
    essnet::python::bind_draw(m);
    essnet::python::bind_defaults(m);
}
