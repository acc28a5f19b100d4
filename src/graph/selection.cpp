#include "essnet/graph/selection.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "essnet/detail/numbers.hpp"

namespace essnet {

namespace {

std::string join(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& l : labels) out += (out.empty() ? "" : ", ") + l;
    return out.empty() ? "none" : out;
}

// Marks the categories named in `wanted`; all when it is not given.
std::vector<std::uint8_t> mark_categories(const CategoricalColumn& column,
                                          const std::optional<std::vector<std::string>>& wanted,
                                          const char* parameter) {
    std::vector<std::uint8_t> keep(column.categories().size(), wanted ? 0 : 1);
    if (!wanted) return keep;
    for (const auto& label : *wanted) {
        const auto code = column.find(label);
        if (code == CategoricalColumn::missing)
            throw std::invalid_argument(std::string(parameter) + ": '" + label + "' is not one of the network's " +
                                        parameter + " (" + join(column.categories()) + ")");
        keep[static_cast<std::size_t>(code)] = 1;
    }
    return keep;
}

// Weights of the selected ties (rows), from the weight column or an extra column.
std::vector<double> weight_values(const TieTable& ties, const std::string& column,
                                  const std::vector<std::int64_t>& rows) {
    std::vector<double> values(ties.size(), 1.0);
    if (column == "weight") return ties.weight;
    for (const auto& extra : ties.extra) {
        if (extra.name != column) continue;
        for (const auto row : rows) {
            const std::string_view text = extra.values[static_cast<std::size_t>(row)];
            if (detail::trim_blanks(text).empty()) continue;
            const auto w = detail::parse_weight(text);
            if (!w.error.empty())
                throw std::invalid_argument("weight: column '" + column + "', tie row " + std::to_string(row) + ": " +
                                            w.error);
            values[static_cast<std::size_t>(row)] = w.value;
        }
        return values;
    }
    std::vector<std::string> names{"weight"};
    for (const auto& extra : ties.extra) names.push_back(extra.name);
    throw std::invalid_argument("weight: '" + column + "' is not a tie column (" + join(names) + ")");
}

}  // namespace

Graph select_graph(const ActorNetwork& network, const GraphSelection& sel) {
    const ActorTable& actors = network.actors();
    const TieTable& ties = network.ties();
    if (sel.years && sel.years->first > sel.years->last)
        throw std::invalid_argument("years: first year " + std::to_string(sel.years->first) + " is after last year " +
                                    std::to_string(sel.years->last));
    const auto keep_relation = mark_categories(ties.relation, sel.relations, "relations");
    const auto keep_kind = mark_categories(actors.kind, sel.kinds, "kinds");

    // Nodes: kept actors in actor order.
    std::vector<node_id> node_of(actors.size(), -1);
    std::vector<std::int32_t> node_actors;
    std::vector<std::string> names;
    for (std::size_t a = 0; a < actors.size(); ++a) {
        const auto kind = actors.kind.code(a);
        const bool keep =
            !sel.kinds || (kind != CategoricalColumn::missing && keep_kind[static_cast<std::size_t>(kind)]);
        if (!keep) continue;
        node_of[a] = static_cast<node_id>(node_actors.size());
        node_actors.push_back(static_cast<std::int32_t>(a));
        names.push_back(actors.id[a]);
    }

    // Ties.
    std::vector<std::int64_t> rows;
    for (std::size_t t = 0; t < ties.size(); ++t) {
        const auto rel = ties.relation.code(t);
        if (sel.relations && (rel == CategoricalColumn::missing || !keep_relation[static_cast<std::size_t>(rel)]))
            continue;
        if (node_of[static_cast<std::size_t>(ties.source[t])] < 0 ||
            node_of[static_cast<std::size_t>(ties.target[t])] < 0)
            continue;
        if (sel.years) {
            const auto start = ties.start_year[t];
            const auto end = ties.end_year[t];
            if (start == no_year || start > sel.years->last) continue;
            if (end != no_year && end < sel.years->first) continue;
        }
        rows.push_back(static_cast<std::int64_t>(t));
    }

    const bool all_directed = std::all_of(ties.directed.begin(), ties.directed.end(), [](auto d) { return d != 0; });
    const bool directed = sel.directed.value_or(!ties.directed.empty() && all_directed);
    const bool weighted = !sel.weight.empty();
    const std::vector<double> weights = weighted ? weight_values(ties, sel.weight, rows) : std::vector<double>{};
    GraphBuilder builder(
        static_cast<node_id>(node_actors.size()),
        {.directed = directed, .weighted = weighted, .duplicates = sel.duplicates, .self_loops = sel.self_loops});
    builder.reserve(rows.size());
    for (const auto t : rows) {
        const auto i = static_cast<std::size_t>(t);
        const node_id u = node_of[static_cast<std::size_t>(ties.source[i])];
        const node_id v = node_of[static_cast<std::size_t>(ties.target[i])];
        const double w = weighted ? weights[i] : 1.0;
        builder.add_edge(u, v, w, t);
        if (directed && !ties.directed[i] && u != v) builder.add_edge(v, u, w, t);
    }
    builder.set_node_names(std::move(names));
    builder.set_node_actors(std::move(node_actors));
    return std::move(builder).build();
}

}  // namespace essnet
