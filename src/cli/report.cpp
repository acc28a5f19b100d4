#include "report.hpp"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>

#include "essnet/centrality/degree.hpp"
#include "essnet/components/connected_components.hpp"
#include "essnet/core/error.hpp"
#include "essnet/io/atomic_file.hpp"

namespace essnet::cli {

namespace {

std::vector<std::pair<std::string, std::int64_t>> count_categories(const CategoricalColumn& column,
                                                                   const char* missing_label) {
    std::vector<std::int64_t> counts(column.categories().size() + 1, 0);
    for (const auto code : column.codes()) ++counts[static_cast<std::size_t>(code + 1)];
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (std::size_t c = 0; c < column.categories().size(); ++c)
        out.emplace_back(column.categories()[c], counts[c + 1]);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (counts[0] > 0) out.emplace_back(missing_label, counts[0]);
    return out;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string md_cell(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string pairs_csv(const char* key, const std::vector<std::pair<std::string, std::int64_t>>& rows) {
    std::string out = std::string(key) + ",count\n";
    for (const auto& [k, v] : rows) out += csv_field(k) + "," + std::to_string(v) + "\n";
    return out;
}

}  // namespace

Summary summarize(const std::string& title, const ActorNetwork* network, const Graph& g, std::size_t top) {
    Summary s;
    s.title = title;
    s.num_nodes = g.num_nodes();
    s.num_edges = g.num_edges();
    s.directed = g.directed();
    if (network) {
        s.has_network = true;
        s.num_actors = static_cast<std::int64_t>(network->num_actors());
        s.num_ties = static_cast<std::int64_t>(network->num_ties());
        s.actors_by_kind = count_categories(network->actors().kind, "(no kind)");
        s.ties_by_relation = count_categories(network->ties().relation, "(no relation)");
        std::map<std::int32_t, std::int64_t> years;
        for (const auto y : network->ties().start_year) ++years[y];
        for (const auto& [y, c] : years) s.ties_by_year.emplace_back(y == no_year ? "(no year)" : std::to_string(y), c);
    } else {
        s.num_actors = g.num_nodes();
        s.num_ties = g.num_edges();
    }
    s.degree = degree(g);
    const auto comp = connected_components(g);
    s.component = comp.membership;
    s.components = comp.count();
    for (const auto size : comp.sizes) s.largest_component = std::max(s.largest_component, size);
    // Isolated: no tie at all (a self-loop is a tie, and counts 2 in the degree, as networkx's isolates).
    for (const auto d : s.degree) s.isolated += d == 0 ? 1 : 0;

    std::vector<node_id> order(static_cast<std::size_t>(g.num_nodes()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](node_id a, node_id b) {
        return s.degree[static_cast<std::size_t>(a)] > s.degree[static_cast<std::size_t>(b)];
    });
    order.resize(std::min(order.size(), top));
    for (const node_id u : order) {
        RankedActor r{g.node_name(u), g.node_name(u), "", s.degree[static_cast<std::size_t>(u)]};
        if (network && !g.node_actors().empty()) {
            const auto a = static_cast<std::size_t>(g.node_actors()[static_cast<std::size_t>(u)]);
            if (!network->actors().name[a].empty()) r.name = std::string(network->actors().name[a]);
            r.kind = std::string(network->actors().kind[a]);
        }
        s.top_degree.push_back(std::move(r));
    }
    return s;
}

std::string to_markdown(const Summary& s) {
    std::ostringstream md;
    md << "# " << s.title << "\n\n";
    if (s.has_network) {
        md << s.num_actors << " actors and " << s.num_ties << " ties; the analysed graph is "
           << (s.directed ? "directed" : "undirected") << " with " << s.num_nodes << " nodes and " << s.num_edges
           << " edges.\n\n";
        md << "## Actors by kind\n\n| kind | actors |\n|---|---:|\n";
        for (const auto& [k, c] : s.actors_by_kind) md << "| " << md_cell(k) << " | " << c << " |\n";
        md << "\n## Ties by relation\n\n| relation | ties |\n|---|---:|\n";
        for (const auto& [k, c] : s.ties_by_relation) md << "| " << md_cell(k) << " | " << c << " |\n";
        md << "\n## Ties by start year\n\n| year | ties |\n|---|---:|\n";
        for (const auto& [k, c] : s.ties_by_year) md << "| " << k << " | " << c << " |\n";
    } else {
        md << (s.directed ? "Directed" : "Undirected") << " graph with " << s.num_nodes << " nodes and " << s.num_edges
           << " edges.\n";
    }
    md << "\n## Connected components\n\n"
       << s.components << " component" << (s.components == 1 ? "" : "s") << (s.directed ? " (weakly connected)" : "")
       << "; the largest has " << s.largest_component << " of " << s.num_nodes << " nodes; " << s.isolated
       << " isolated node" << (s.isolated == 1 ? "" : "s") << ".\n";
    md << "\n## Highest degree\n\n| rank | actor | kind | degree |\n|---:|---|---|---:|\n";
    for (std::size_t i = 0; i < s.top_degree.size(); ++i) {
        const auto& r = s.top_degree[i];
        md << "| " << i + 1 << " | " << md_cell(r.name) << " | " << md_cell(r.kind) << " | " << r.degree << " |\n";
    }
    return md.str();
}

std::vector<std::string> write_report(const Summary& s, const Graph& g, const std::string& directory) {
    const std::filesystem::path dir(directory);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw FileError(directory, ec.value(), "create directory");
    std::vector<std::pair<std::string, std::string>> files;
    files.emplace_back("summary.md", to_markdown(s));
    if (s.has_network) {
        files.emplace_back("actors_by_kind.csv", pairs_csv("kind", s.actors_by_kind));
        files.emplace_back("ties_by_relation.csv", pairs_csv("relation", s.ties_by_relation));
        files.emplace_back("ties_by_year.csv", pairs_csv("start_year", s.ties_by_year));
    }
    std::string top = "rank,id,name,kind,degree\n";
    for (std::size_t i = 0; i < s.top_degree.size(); ++i) {
        const auto& r = s.top_degree[i];
        top += std::to_string(i + 1) + "," + csv_field(r.id) + "," + csv_field(r.name) + "," + csv_field(r.kind) + "," +
               std::to_string(r.degree) + "\n";
    }
    files.emplace_back("top_degree.csv", top);
    std::string nodes = "id,degree,component\n";
    for (node_id u = 0; u < g.num_nodes(); ++u)
        nodes += csv_field(g.node_name(u)) + "," + std::to_string(s.degree[static_cast<std::size_t>(u)]) + "," +
                 std::to_string(s.component[static_cast<std::size_t>(u)]) + "\n";
    files.emplace_back("nodes.csv", nodes);
    // Every file is written under a temporary name before any replaces the old one, and a target
    // that cannot be replaced (a directory) is refused first: a failure leaves the old report whole.
    std::vector<std::unique_ptr<AtomicFile>> outputs;
    std::vector<std::string> names;
    for (const auto& [name, content] : files) {
        const std::string path = (dir / name).string();
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) throw FileError(path, EISDIR, "write");
        outputs.push_back(std::make_unique<AtomicFile>(path));
        outputs.back()->write(content);
        names.push_back(name);
    }
    for (auto& out : outputs) out->commit();
    return names;
}

}  // namespace essnet::cli
