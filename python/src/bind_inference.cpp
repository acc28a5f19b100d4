// Inference family: QAP correlation and regression.
#include "bindings.hpp"
#include "essnet/inference/qap.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

// A C-contiguous (n, n) float64 array as a DyadMatrix (checked for shape by the Python layer).
DyadMatrix dyad_matrix(const py::array_t<double, py::array::c_style | py::array::forcecast>& a) {
    if (a.ndim() != 2 || a.shape(0) != a.shape(1)) throw std::invalid_argument("a dyadic matrix must be square");
    const auto n = static_cast<node_id>(a.shape(0));
    return {n, std::vector<double>(a.data(), a.data() + a.size())};
}

}  // namespace

void bind_inference(py::module_& m) {
    m.def(
        "qap_correlation",
        [](const py::array_t<double, py::array::c_style | py::array::forcecast>& a,
           const py::array_t<double, py::array::c_style | py::array::forcecast>& b, bool directed,
           std::int64_t permutations, std::uint64_t seed, const py::object& progress) {
            const DyadMatrix ma = dyad_matrix(a), mb = dyad_matrix(b);
            const QapCorrelationResult r = run_interruptible(progress, [&](const ProgressHook& hook) {
                return qap_correlation(
                    ma, mb, {.directed = directed, .permutations = permutations, .seed = seed, .progress = hook});
            });
            return py::make_tuple(r.estimate, r.p_lower, r.p_upper, r.p_two_sided, r.permutations, r.exact);
        },
        py::arg("a"), py::arg("b"), py::arg("directed"), py::arg("permutations"), py::arg("seed"), py::arg("progress"));
    m.def(
        "qap_regression",
        [](const py::array_t<double, py::array::c_style | py::array::forcecast>& y,
           const std::vector<py::array_t<double, py::array::c_style | py::array::forcecast>>& x, bool directed,
           const std::string& family, const std::string& null, bool intercept, std::int64_t permutations,
           std::uint64_t seed, const py::object& progress) {
            const DyadMatrix my = dyad_matrix(y);
            std::vector<DyadMatrix> mx;
            for (const auto& a : x) mx.push_back(dyad_matrix(a));
            const QapRegressionOptions options{.directed = directed,
                                               .family = value_of(qap_family_words, family, "family"),
                                               .null = value_of(qap_null_words, null, "null"),
                                               .intercept = intercept,
                                               .permutations = permutations,
                                               .seed = seed};
            const QapRegressionResult r = run_interruptible(progress, [&](const ProgressHook& hook) {
                QapRegressionOptions with_hook = options;
                with_hook.progress = hook;
                return qap_regression(my, mx, with_hook);
            });
            py::array_t<double> terms({static_cast<py::ssize_t>(r.terms.size()), static_cast<py::ssize_t>(6)});
            auto* p = terms.mutable_data();
            for (const QapTerm& t : r.terms)
                for (const double v : {t.estimate, t.std_error, t.t_value, t.p_lower, t.p_upper, t.p_two_sided})
                    *p++ = v;
            return py::make_tuple(terms, r.r_squared, r.adjusted_r_squared, r.residual_std_error, r.deviance, r.aic,
                                  r.bic, r.converged, r.dyads, r.residual_degrees_of_freedom, r.permutations, r.exact);
        },
        py::arg("y"), py::arg("x"), py::arg("directed"), py::arg("family"), py::arg("null"), py::arg("intercept"),
        py::arg("permutations"), py::arg("seed"), py::arg("progress"));
}

}  // namespace essnet::python
