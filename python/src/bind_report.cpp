// The report of essnet analyze, as essnet.report.
#include "bindings.hpp"
#include "essnet/graph/selection.hpp"
#include "essnet/io/snapshot.hpp"
#include "report.hpp"
#include "sha256.hpp"

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
            // No file was read: the checksum is that of the data as an essnet snapshot (what
            // essnet.save writes), so that a report names exactly what it analysed.
            Snapshot data;
            if (input.network)
                data.network = *input.network;
            else
                data.graph = input.graph;
            input.sources.emplace_back(input.network ? "the network given (as essnet.save writes it)"
                                                     : "the graph given (as essnet.save writes it)",
                                       report::sha256_hex(encode_snapshot(data)));
            // An error of the log callback (KeyboardInterrupt in print, say) is kept and stops the
            // report at its next progress call; it is raised once the report has stopped.
            std::optional<py::error_already_set> log_error;
            if (!log.is_none())
                options.log = [&log, &log_error](const std::string& line) {
                    py::gil_scoped_acquire gil;
                    if (log_error) return;
                    try {
                        log(line);
                    } catch (py::error_already_set& e) {
                        log_error = std::move(e);
                    }
                };
            std::vector<std::string> files;
            std::string results;
            try {
                results = run_interruptible(progress, [&](const ProgressHook& hook) {
                    options.progress = [&hook, &log_error](double share) { return !log_error && hook(share); };
                    const report::Report r = report::analyze(input, options);
                    if (log_error) throw Cancelled();
                    if (out) files = report::write(r, options, *out);
                    return r.results.dump();
                });
            } catch (const Cancelled&) {
                if (log_error) throw std::move(*log_error);
                throw;
            }
            return py::make_tuple(results, files);
        },
        py::arg("network"), py::arg("graph"), py::arg("relations"), py::arg("years"), py::arg("directed"),
        py::arg("weighted"), py::arg("title"), py::arg("options"), py::arg("out"), py::arg("log"), py::arg("progress"));
}

}  // namespace essnet::python
