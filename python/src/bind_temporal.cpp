// Temporal family: journeys, temporal reachability and closeness, journey betweenness, tie dynamics.
#include <optional>

#include "bindings.hpp"
#include "essnet/temporal/betweenness.hpp"
#include "essnet/temporal/journeys.hpp"
#include "essnet/temporal/reachability.hpp"
#include "essnet/temporal/temporal_graph.hpp"
#include "essnet/temporal/tie_dynamics.hpp"
#include "policies.hpp"

namespace essnet::python {

namespace {

// Python's window: a start or end not given is the earliest dated year (the start of a forward
// search) or the latest, plus the time the last hop takes (the end of a backward one), as tsna's
// tPath takes them; the other end open. A default never crosses the year given at the other end:
// a forward search that ends before the earliest year starts at its end.
JourneyOptions journey_options(const TemporalGraph& tg, const std::string& direction, std::optional<std::int32_t> start,
                               std::optional<std::int32_t> end, std::int32_t hop_years) {
    JourneyOptions o;
    o.direction = value_of(time_direction_words, direction, "direction");
    const bool forward = o.direction == TimeDirection::forward;
    const std::int32_t latest = tg.latest_year();
    const std::int32_t latest_arrival =
        latest == open_end || latest + std::int64_t{hop_years} > 9999 ? open_end : latest + hop_years;
    o.start = start ? *start : forward ? tg.earliest_year() : open_start;
    o.end = end ? *end : forward ? open_end : latest_arrival;
    o.hop_years = hop_years;
    if (!start && end && o.start > o.end) o.start = o.end;
    if (!end && start && o.start > o.end) o.end = o.start;
    return o;
}

// Years as floats: no_year becomes `missing`, open_start -inf and open_end inf.
py::array_t<double> years_of(std::span<const std::int32_t> years, double missing) {
    std::vector<double> out(years.size());
    const double inf = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < years.size(); ++i) {
        const std::int32_t y = years[i];
        out[i] = y == no_year ? missing : y == open_start ? -inf : y == open_end ? inf : static_cast<double>(y);
    }
    return to_numpy(std::move(out));
}

std::int64_t tie_row(const TemporalGraph& tg, edge_id e) {
    const auto rows = tg.graph().edge_rows();
    return rows.empty() ? e : rows[static_cast<std::size_t>(e)];
}

}  // namespace

void bind_temporal(py::module_& m) {
    py::class_<TemporalGraph>(m, "TemporalGraph")
        .def_property_readonly("node_names", [](const TemporalGraph& tg) { return tg.graph().node_names(); })
        .def_property_readonly("num_nodes", &TemporalGraph::num_nodes)
        .def_property_readonly("directed", [](const TemporalGraph& tg) { return tg.graph().directed(); });
    m.def(
        "temporal_graph",
        [](const ActorNetwork& net, std::optional<std::vector<std::string>> relations,
           std::optional<std::vector<std::string>> kinds, std::optional<bool> directed, const std::string& undated) {
            TemporalSelection s;
            s.relations = std::move(relations);
            s.kinds = std::move(kinds);
            s.directed = directed;
            s.undated = value_of(undated_words, undated, "undated");
            return temporal_graph(net, s);
        },
        py::arg("network"), py::arg("relations"), py::arg("kinds"), py::arg("directed"), py::arg("undated"));
    m.def(
        "earliest_arrival",
        [](const TemporalGraph& tg, node_id origin, const std::string& direction, std::optional<std::int32_t> start,
           std::optional<std::int32_t> end, std::int32_t hop_years) {
            const JourneyOptions o = journey_options(tg, direction, start, end, hop_years);
            Journeys j;
            {
                py::gil_scoped_release release;
                j = earliest_arrival(tg, origin, o);
            }
            const double inf = std::numeric_limits<double>::infinity();
            py::dict out;
            out["time"] = years_of(j.time, o.direction == TimeDirection::forward ? inf : -inf);
            out["hops"] = to_numpy(std::move(j.hops));
            return out;
        },
        py::arg("graph"), py::arg("origin"), py::arg("direction"), py::arg("start"), py::arg("end"),
        py::arg("hop_years"));
    m.def(
        "journey",
        [](const TemporalGraph& tg, node_id source, node_id target, const std::string& direction,
           std::optional<std::int32_t> start, std::optional<std::int32_t> end, std::int32_t hop_years) -> py::object {
            const JourneyOptions o = journey_options(tg, direction, start, end, hop_years);
            const bool forward = o.direction == TimeDirection::forward;
            if (target < 0 || target >= tg.num_nodes())
                throw std::out_of_range("target: node " + std::to_string(target) + " is not in 0.." +
                                        std::to_string(tg.num_nodes() - 1));
            std::optional<std::vector<JourneyStep>> steps;
            {
                py::gil_scoped_release release;
                // A backward search starts at the target and reads the journey from the source.
                const Journeys j = earliest_arrival(tg, forward ? source : target, o);
                steps = journey(j, forward ? target : source);
            }
            if (!steps) return py::none();
            std::vector<node_id> from, to;
            std::vector<std::int64_t> rows;
            std::vector<std::int32_t> years;
            for (const JourneyStep& s : *steps) {
                from.push_back(s.from);
                to.push_back(s.to);
                rows.push_back(tie_row(tg, s.edge));
                years.push_back(s.year);
            }
            py::dict out;
            out["from"] = to_numpy(std::move(from));
            out["to"] = to_numpy(std::move(to));
            out["tie"] = to_numpy(std::move(rows));
            out["year"] = years_of(years, std::numeric_limits<double>::quiet_NaN());
            return out;
        },
        py::arg("graph"), py::arg("source"), py::arg("target"), py::arg("direction"), py::arg("start"), py::arg("end"),
        py::arg("hop_years"));
    m.def(
        "temporal_reach",
        [](const TemporalGraph& tg, const std::string& direction, std::optional<std::int32_t> start,
           std::optional<std::int32_t> end, std::int32_t hop_years, bool closeness, const py::object& progress) {
            const JourneyOptions o = journey_options(tg, direction, start, end, hop_years);
            TemporalReach r = run_interruptible(
                progress, [&](const ProgressHook& hook) { return temporal_reach(tg, o, closeness, hook); });
            return py::make_tuple(to_numpy(std::move(r.size)), to_numpy(std::move(r.closeness)));
        },
        py::arg("graph"), py::arg("direction"), py::arg("start"), py::arg("end"), py::arg("hop_years"),
        py::arg("closeness"), py::arg("progress"));
    m.def(
        "temporal_reachability_matrix",
        [](const TemporalGraph& tg, const std::string& direction, std::optional<std::int32_t> start,
           std::optional<std::int32_t> end, std::int32_t hop_years, const py::object& progress) {
            const JourneyOptions o = journey_options(tg, direction, start, end, hop_years);
            std::vector<std::uint8_t> matrix = run_interruptible(progress, [&](const ProgressHook& hook) {
                return temporal_reachability_matrix(tg, o, 1LL << 32, hook);
            });
            const auto n = static_cast<py::ssize_t>(tg.num_nodes());
            return to_numpy(std::move(matrix)).reshape({n, n});
        },
        py::arg("graph"), py::arg("direction"), py::arg("start"), py::arg("end"), py::arg("hop_years"),
        py::arg("progress"));
    m.def(
        "journey_betweenness",
        [](const TemporalGraph& tg, std::optional<std::int32_t> start, std::optional<std::int32_t> end,
           std::int32_t hop_years, bool normalized, const py::object& progress) {
            const JourneyOptions o = journey_options(tg, "forward", start, end, hop_years);
            return to_numpy(run_interruptible(
                progress, [&](const ProgressHook& hook) { return journey_betweenness(tg, o, normalized, hook); }));
        },
        py::arg("graph"), py::arg("start"), py::arg("end"), py::arg("hop_years"), py::arg("normalized"),
        py::arg("progress"));
    m.def(
        "tie_changes",
        [](const TemporalGraph& tg) {
            TieChanges c = tie_changes(tg);
            py::dict out;
            out["year"] = to_numpy(std::move(c.year));
            out["formed"] = to_numpy(std::move(c.formed));
            out["ended"] = to_numpy(std::move(c.ended));
            out["active"] = to_numpy(std::move(c.active));
            return out;
        },
        py::arg("graph"));
    m.def(
        "tie_durations",
        [](const TemporalGraph& tg, std::optional<std::int32_t> until) {
            if (until && (*until < -9999 || *until > 9999))
                throw std::invalid_argument("until must be a year from -9999 to 9999, got " + std::to_string(*until));
            const auto durations = tie_durations(tg, until.value_or(open_end));
            std::vector<std::int64_t> rows;
            std::vector<std::int32_t> years;
            std::vector<std::uint8_t> ongoing;
            for (const TieDuration& d : durations) {
                rows.push_back(tie_row(tg, d.edge));
                years.push_back(d.years);
                ongoing.push_back(d.ongoing ? 1 : 0);
            }
            py::dict out;
            out["tie"] = to_numpy(std::move(rows));
            out["years"] = to_numpy(std::move(years));
            out["ongoing"] = to_numpy(std::move(ongoing));
            return out;
        },
        py::arg("graph"), py::arg("until"));
    m.def(
        "activity_spells",
        [](const TemporalGraph& tg) {
            std::vector<node_id> nodes;
            std::vector<std::int32_t> first, last;
            std::vector<std::int64_t> ties;
            for (const ActivitySpell& s : activity_spells(tg)) {
                nodes.push_back(s.node);
                first.push_back(s.first);
                last.push_back(s.last);
                ties.push_back(s.ties);
            }
            py::dict out;
            out["node"] = to_numpy(std::move(nodes));
            out["first"] = years_of(first, 0);
            out["last"] = years_of(last, 0);
            out["ties"] = to_numpy(std::move(ties));
            return out;
        },
        py::arg("graph"));
}

}  // namespace essnet::python
