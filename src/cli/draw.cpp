// essnet draw: the same choices as essnet.draw in Python, from the command line.
#include "draw.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

#include "essnet/centrality/betweenness.hpp"
#include "essnet/centrality/degree.hpp"
#include "essnet/centrality/pagerank.hpp"
#include "essnet/community/leiden.hpp"
#include "essnet/layout/auto.hpp"
#include "essnet/layout/simple.hpp"
#include "essnet/layout/spectral.hpp"

namespace essnet::cli {

std::optional<std::vector<std::string>> actor_column(const ActorNetwork& network, const std::string& name) {
    const ActorTable& a = network.actors();
    std::vector<std::string> out;
    out.reserve(a.size());
    auto each = [&](auto&& value) {
        for (std::size_t row = 0; row < a.size(); ++row) out.emplace_back(value(row));
        return out;
    };
    if (name == "id") return each([&](std::size_t r) { return a.id[r]; });
    if (name == "name") return each([&](std::size_t r) { return std::string(a.name[r]); });
    if (name == "kind") return each([&](std::size_t r) { return std::string(a.kind[r]); });
    if (name == "country") return each([&](std::size_t r) { return std::string(a.country[r]); });
    if (name == "region") return each([&](std::size_t r) { return std::string(a.region[r]); });
    if (name == "founded")
        return each(
            [&](std::size_t r) { return a.founded[r] == no_year ? std::string() : std::to_string(a.founded[r]); });
    for (const ExtraColumn& column : a.extra)
        if (column.name == name) return each([&](std::size_t r) { return std::string(column.values[r]); });
    return std::nullopt;
}

namespace {

// The values of an actor column per node; the column's numbers when every non-empty value is one.
struct NodeValues {
    std::vector<std::string> text;
    std::vector<double> numbers;  // empty unless numeric
};

NodeValues node_values(const Graph& g, const ActorNetwork& network, const std::string& name) {
    const auto column = actor_column(network, name);
    if (!column) throw std::invalid_argument("the network has no actor column '" + name + "'");
    NodeValues v;
    const auto rows = g.node_actors();
    for (node_id u = 0; u < g.num_nodes(); ++u) {
        const auto row = rows.empty() ? network.actor_index(g.node_name(u)) : rows[static_cast<std::size_t>(u)];
        v.text.push_back((*column)[static_cast<std::size_t>(row)]);
    }
    bool numeric = true;
    for (const std::string& s : v.text) {
        if (s.empty()) continue;
        double x = 0;
        const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), x);
        numeric = numeric && error == std::errc{} && end == s.data() + s.size();
    }
    if (numeric && name != "id" && name != "name") {
        for (const std::string& s : v.text) {
            double x = std::nan("");
            if (!s.empty()) std::from_chars(s.data(), s.data() + s.size(), x);
            v.numbers.push_back(x);
        }
    }
    return v;
}

}  // namespace

Scene map_scene(const Graph& g, const ActorNetwork* network, const DrawRequest& r) {
    std::vector<Point> positions;
    if (r.layout == "auto")
        positions = auto_layout(g, {.seed = r.seed});
    else if (r.layout == "forceatlas2")
        positions = forceatlas2(g, {.seed = r.seed});
    else if (r.layout == "spectral")
        positions = spectral(g);
    else if (r.layout == "circular")
        positions = circular(g);
    else
        throw std::invalid_argument("--layout must be auto, forceatlas2, spectral or circular, got '" + r.layout + "'");

    DrawOptions o{.width = r.width, .height = r.height, .label_count = r.labels};
    if (r.color == "community" && !(network && actor_column(*network, "community"))) {
        const Partition p = leiden(g, {.seed = r.seed});
        o.categories = p.membership;
        for (std::int32_t c = 0; c < p.n_communities; ++c) o.category_names.push_back(std::to_string(c + 1));
        o.colour_title = "community";
    } else if (!r.color.empty()) {
        if (!network) throw std::invalid_argument("--color " + r.color + ": an edge list has no actor columns");
        const NodeValues v = node_values(g, *network, r.color);
        if (!v.numbers.empty()) {
            o.colour_values = v.numbers;
        } else {
            std::unordered_map<std::string, std::int32_t> code;
            for (const std::string& s : v.text) {
                if (s.empty()) {
                    o.categories.push_back(-1);
                    continue;
                }
                const auto [it, added] = code.try_emplace(s, static_cast<std::int32_t>(o.category_names.size()));
                if (added) o.category_names.push_back(s);
                o.categories.push_back(it->second);
            }
        }
        o.colour_title = r.color;
    }
    if (r.size == "degree") {
        for (const auto d : degree(g)) o.size_values.push_back(static_cast<double>(d));
    } else if (r.size == "strength") {
        o.size_values = strength(g);
    } else if (r.size == "betweenness") {
        o.size_values = betweenness(g);
    } else if (r.size == "pagerank") {
        o.size_values = pagerank(g).score;
    } else if (!r.size.empty()) {
        if (!network) throw std::invalid_argument("--size " + r.size + ": an edge list has no actor columns");
        const NodeValues v = node_values(g, *network, r.size);
        if (v.numbers.empty())
            throw std::invalid_argument("--size " + r.size +
                                        ": the column is not numeric (or give degree, strength, "
                                        "betweenness or pagerank)");
        o.size_values = v.numbers;
    }
    if (!r.size.empty()) o.size_title = r.size;
    if (network) {
        const NodeValues names = node_values(g, *network, "name");
        o.labels = names.text;
        for (node_id u = 0; u < g.num_nodes(); ++u)
            if (o.labels[static_cast<std::size_t>(u)].empty()) o.labels[static_cast<std::size_t>(u)] = g.node_name(u);
    }
    return make_scene(g, positions, o);
}

}  // namespace essnet::cli
