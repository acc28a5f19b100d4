// The report of essnet analyze, as essnet.report.
#include "bindings.hpp"
#include "essnet/graph/selection.hpp"
#include "report.hpp"

namespace essnet::python {

void bind_report(py::module_& m) {
    py::class_<report::Options>(m, "ReportOptions")
        .def(py::init<>())
        .def_readwrite("group", &report::Options::group)
        .def_readwrite("measures", &report::Options::measures)
        .def_readwrite("seed", &report::Options::seed)
        .def_readwrite("formats", &report::Options::formats)
        .def_readwrite("interactive", &report::Options::interactive)
        .def_readwrite("top", &report::Options::top)
        .def_readwrite("consensus_runs", &report::Options::consensus_runs)
        .def_readwrite("robustness_runs", &report::Options::robustness_runs)
        .def_readwrite("missing_share", &report::Options::missing_share)
        .def_readwrite("exact_limit", &report::Options::exact_limit)
        .def_readwrite("layout_per_year_limit", &report::Options::layout_per_year_limit)
        .def_readwrite("svg_limit", &report::Options::svg_limit);
    m.def(
        "report",
        [](const py::object& network, const py::object& graph, std::optional<std::vector<std::string>> relations,
           std::optional<std::pair<std::int32_t, std::int32_t>> years, std::optional<bool> directed, bool weighted,
           const std::string& title, report::Options options, const std::optional<std::string>& out,
           const py::object& log, const py::object& progress) {
            report::check_formats(options.formats);
            report::Input input;
            input.title = title;
            // Copies, taken while the GIL is held: another Python thread could change the data meanwhile.
            if (!network.is_none()) {
                input.network = network.cast<const ActorNetwork&>();
                input.selection.relations = std::move(relations);
                if (years) input.selection.years = YearRange{years->first, years->second};
                input.selection.directed = directed;
                if (weighted) input.selection.weight = "weight";
                input.graph = select_graph(*input.network, input.selection);
            } else {
                input.graph = graph.cast<const Graph&>();
            }
            if (!log.is_none())
                options.log = [&log](const std::string& line) {
                    py::gil_scoped_acquire gil;
                    log(line);
                };
            std::vector<std::string> files;
            const std::string results = run_interruptible(progress, [&](const ProgressHook& hook) {
                options.progress = hook;
                const report::Report r = report::analyze(input, options);
                if (out) files = report::write(r, options, *out);
                return r.results.dump();
            });
            return py::make_tuple(results, files);
        },
        py::arg("network"), py::arg("graph"), py::arg("relations"), py::arg("years"), py::arg("directed"),
        py::arg("weighted"), py::arg("title"), py::arg("options"), py::arg("out"), py::arg("log"), py::arg("progress"));
}

}  // namespace essnet::python
