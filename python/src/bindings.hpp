// Shared declarations of the essnet._core binding units (one per area).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <span>
#include <vector>

namespace essnet::python {

namespace py = pybind11;

void bind_model(py::module_& m);
void bind_graph(py::module_& m);
void bind_io(py::module_& m);
void bind_centrality(py::module_& m);
void bind_components(py::module_& m);
void bind_datasets(py::module_& m);
void bind_generate(py::module_& m);

/// Copies a C++ array into a new numpy array.
template <class T>
py::array_t<T> to_numpy(std::span<const T> values) {
    py::array_t<T> out(static_cast<py::ssize_t>(values.size()));
    std::copy(values.begin(), values.end(), out.mutable_data());
    return out;
}

/// Moves a vector into a numpy array without copying (the array owns the vector).
template <class T>
py::array_t<T> to_numpy(std::vector<T>&& values) {
    auto* owned = new std::vector<T>(std::move(values));
    py::capsule free_when_done(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
    return py::array_t<T>(static_cast<py::ssize_t>(owned->size()), owned->data(), free_when_done);
}

}  // namespace essnet::python
