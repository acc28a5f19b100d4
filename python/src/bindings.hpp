// Shared declarations of the essnet._core binding units (one per area).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <span>
#include <vector>

#include "essnet/core/progress.hpp"

namespace essnet::python {

namespace py = pybind11;

void bind_model(py::module_& m);
void bind_graph(py::module_& m);
void bind_io(py::module_& m);
void bind_io_xml(py::module_& m);
void bind_io_pajek(py::module_& m);
void bind_io_json(py::module_& m);
void bind_centrality(py::module_& m);
void bind_components(py::module_& m);
void bind_paths(py::module_& m);
void bind_temporal(py::module_& m);
void bind_community(py::module_& m);
void bind_community_measures(py::module_& m);
void bind_sna(py::module_& m);
void bind_inference(py::module_& m);
void bind_datasets(py::module_& m);
void bind_generate(py::module_& m);
void bind_report(py::module_& m);
void bind_layout(py::module_& m);
void bind_draw(py::module_& m);
void bind_defaults(py::module_& m);

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

/// Runs f(hook) without the GIL. The hook, called by essnet on the calling thread every 20 ms or
/// so, takes the GIL back briefly to check for Ctrl-C (or Jupyter's stop button) and to pass the
/// share of work done to `callback` (a Python callable, or None). On Ctrl-C the computation stops
/// and KeyboardInterrupt reaches Python within a fraction of a second; an exception raised by the
/// callback stops it too and is re-raised.
template <class F>
auto run_interruptible(const py::object& callback, F&& f) {
    bool python_error = false;
    ProgressHook hook = [&](double fraction) {
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) {
            python_error = true;
            return false;
        }
        if (!callback.is_none()) {
            try {
                callback(fraction);
            } catch (py::error_already_set& e) {
                e.restore();
                python_error = true;
                return false;
            }
        }
        return true;
    };
    try {
        py::gil_scoped_release release;
        return f(hook);
    } catch (const Cancelled&) {
        if (python_error) throw py::error_already_set();
        throw;
    }
}

}  // namespace essnet::python
