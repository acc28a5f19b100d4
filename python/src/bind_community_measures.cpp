// Community family: quality of a partition and comparison of two partitions.
#include "bindings.hpp"
#include "essnet/community/compare.hpp"
#include "essnet/community/quality.hpp"

namespace essnet::python {

namespace {

using LabelArray = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>;

// The labels of a one-dimensional int32 array (the Python layer has checked and converted them).
std::span<const std::int32_t> labels_of(const LabelArray& labels, const char* parameter) {
    if (labels.ndim() != 1)
        throw std::invalid_argument(std::string(parameter) + " must be one-dimensional, got " +
                                    std::to_string(labels.ndim()) + " dimensions");
    return {labels.data(), static_cast<std::size_t>(labels.size())};
}

// Runs f without the GIL.
template <class F>
auto released(F&& f) {
    py::gil_scoped_release release;
    return f();
}

// Binds a comparison measure f(a, b) -> double.
template <class F>
void def_comparison(py::module_& m, const char* name, F f) {
    m.def(
        name,
        [f](const LabelArray& a, const LabelArray& b) {
            const auto sa = labels_of(a, "a");
            const auto sb = labels_of(b, "b");
            return released([&] { return f(sa, sb); });
        },
        py::arg("a"), py::arg("b"));
}

}  // namespace

void bind_community_measures(py::module_& m) {
    m.def(
        "modularity",
        [](const Graph& g, const LabelArray& membership, double resolution, bool use_weights) {
            const auto labels = labels_of(membership, "membership");
            return released(
                [&] { return modularity(g, labels, {.resolution = resolution, .use_weights = use_weights}); });
        },
        py::arg("graph"), py::arg("membership"), py::arg("resolution"), py::arg("use_weights"));
    m.def(
        "cpm_quality",
        [](const Graph& g, const LabelArray& membership, double resolution, bool use_weights) {
            const auto labels = labels_of(membership, "membership");
            return released(
                [&] { return cpm_quality(g, labels, {.resolution = resolution, .use_weights = use_weights}); });
        },
        py::arg("graph"), py::arg("membership"), py::arg("resolution"), py::arg("use_weights"));
    m.def(
        "community_sizes",
        [](const LabelArray& membership) {
            const auto labels = labels_of(membership, "membership");
            return to_numpy(released([&] { return community_sizes(labels); }));
        },
        py::arg("membership"));
    m.def(
        "partition_quality",
        [](const Graph& g, const LabelArray& membership) {
            const auto labels = labels_of(membership, "membership");
            const auto q = released([&] { return partition_quality(g, labels); });
            return py::make_tuple(q.coverage, q.performance);
        },
        py::arg("graph"), py::arg("membership"));
    m.def(
        "conductance",
        [](const Graph& g, const LabelArray& membership, bool use_weights) {
            const auto labels = labels_of(membership, "membership");
            return to_numpy(released([&] { return conductance(g, labels, use_weights); }));
        },
        py::arg("graph"), py::arg("membership"), py::arg("use_weights"));
    m.def(
        "contingency_table",
        [](const LabelArray& a, const LabelArray& b) {
            const auto sa = labels_of(a, "a");
            const auto sb = labels_of(b, "b");
            auto t = released([&] { return contingency_table(sa, sb); });
            return py::make_tuple(to_numpy(std::move(t.row)), to_numpy(std::move(t.col)), to_numpy(std::move(t.count)),
                                  t.rows, t.cols);
        },
        py::arg("a"), py::arg("b"));
    def_comparison(m, "normalized_mutual_information", &normalized_mutual_information);
    def_comparison(m, "adjusted_mutual_information", &adjusted_mutual_information);
    def_comparison(m, "adjusted_rand_index", &adjusted_rand_index);
    def_comparison(m, "rand_index", &rand_index);
    def_comparison(m, "variation_of_information", &variation_of_information);
    m.def(
        "split_join_distance",
        [](const LabelArray& a, const LabelArray& b) {
            const auto sa = labels_of(a, "a");
            const auto sb = labels_of(b, "b");
            const auto d = released([&] { return split_join_distance(sa, sb); });
            return py::make_tuple(d.a_to_b, d.b_to_a);
        },
        py::arg("a"), py::arg("b"));
}

}  // namespace essnet::python
