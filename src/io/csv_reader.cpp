#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "essnet/detail/csv_tokenizer.hpp"
#include "essnet/detail/numbers.hpp"
#include "essnet/detail/read_file.hpp"
#include "essnet/io/csv.hpp"

namespace essnet {

namespace {

using detail::CsvField;
using detail::CsvTokenizer;

using detail::trim_blanks;

// The header row: known columns by name, unknown ones kept as extra columns.
struct Header {
    std::vector<std::string> names;
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::size_t> extra;  // positions of columns that the schema does not know

    std::optional<std::size_t> find(const std::string& name) const {
        const auto it = index.find(name);
        return it == index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }
};

Header read_header(CsvTokenizer& csv, const std::vector<std::string>& known, const std::vector<std::string>& required) {
    std::vector<CsvField> fields;
    if (!csv.next(fields)) throw ParseError(csv.name(), 1, 1, "the file is empty; expected a header row");
    Header h;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string name(trim_blanks(fields[i].value));
        if (name.empty()) csv.fail(fields[i], "column " + std::to_string(i + 1) + " of the header has no name");
        if (!h.index.emplace(name, i).second)
            csv.fail(fields[i], "column " + detail::quoted(name) + " appears twice in the header");
        h.names.push_back(name);
        if (std::find(known.begin(), known.end(), name) == known.end()) h.extra.push_back(i);
    }
    for (const auto& name : required) {
        if (h.index.count(name)) continue;
        std::string have;
        for (const auto& n : h.names) have += (have.empty() ? "" : ", ") + n;
        csv.fail(fields.front(),
                 "missing required column '" + name + "' (the header has: " + detail::quoted(have) + ")");
    }
    return h;
}

// Reads one data row and checks its field count against the header.
bool next_row(CsvTokenizer& csv, const Header& h, std::vector<CsvField>& fields) {
    if (!csv.next(fields)) return false;
    if (fields.size() > h.names.size())
        csv.fail(fields[h.names.size()], "expected " + std::to_string(h.names.size()) +
                                             " fields as in the header, found " + std::to_string(fields.size()));
    if (fields.size() < h.names.size())
        csv.fail(csv.end_of(fields.back()), "expected " + std::to_string(h.names.size()) +
                                                " fields as in the header, found " + std::to_string(fields.size()));
    return true;
}

std::int32_t parse_year(const CsvTokenizer& csv, const CsvField& f, const char* column) {
    const auto year = detail::parse_year(f.value);
    if (!year)
        csv.fail(f, std::string(column) + " " + detail::quoted(f.value) +
                        " is not a year (expected an integer from -9999 to 9999 such as 2011, or an empty field)");
    return *year;
}

double parse_weight(const CsvTokenizer& csv, const CsvField& f) {
    if (detail::trim_blanks(f.value).empty()) return 1.0;
    const auto w = detail::parse_weight(f.value);
    if (!w.error.empty()) csv.fail(f, w.error);
    return w.value;
}

bool parse_directed(const CsvTokenizer& csv, const CsvField& f) {
    try {
        return detail::parse_directed_flag(f.value, true);  // an empty field: directed
    } catch (const std::invalid_argument& e) {
        csv.fail(f, e.what());
    }
}

std::vector<std::string> extra_names(const Header& h) {
    std::vector<std::string> names;
    for (const auto i : h.extra) names.push_back(h.names[i]);
    return names;
}

}  // namespace

ActorNetwork parse_csv(std::string_view actors_text, const std::string& actors_name, std::string_view ties_text,
                       const std::string& ties_name) {
    CsvTokenizer actors_csv(actors_text, actors_name);
    const Header ah = read_header(actors_csv, {"id", "name", "kind", "country", "region", "founded"}, {"id"});
    CsvTokenizer ties_csv(ties_text, ties_name);
    const Header th = read_header(
        ties_csv, {"source", "target", "relation", "directed", "weight", "start_year", "end_year", "provenance"},
        {"source", "target"});
    ActorNetwork net(extra_names(ah), extra_names(th));

    std::vector<CsvField> row;
    std::vector<std::string_view> extra;
    std::unordered_map<std::string, std::int64_t> defined_on;  // actor id -> line
    const auto a_id = *ah.find("id");
    const auto a_name = ah.find("name"), a_kind = ah.find("kind"), a_country = ah.find("country"),
               a_region = ah.find("region"), a_founded = ah.find("founded");
    auto text = [&](std::optional<std::size_t> col) { return col ? trim_blanks(row[*col].value) : std::string_view{}; };
    while (next_row(actors_csv, ah, row)) {
        const std::string_view id = trim_blanks(row[a_id].value);
        if (id.empty()) actors_csv.fail(row[a_id], "actor id is empty");
        const auto [it, fresh] = defined_on.try_emplace(std::string(id), row[a_id].line);
        if (!fresh)
            actors_csv.fail(row[a_id], "duplicate actor id " + detail::quoted(id) + " (first defined on line " +
                                           std::to_string(it->second) + ")");
        const std::int32_t founded = a_founded ? parse_year(actors_csv, row[*a_founded], "founded") : no_year;
        extra.clear();
        for (const auto i : ah.extra) extra.push_back(row[i].value);
        net.add_actor_row(id, text(a_name), text(a_kind), text(a_country), text(a_region), founded, extra);
    }

    const auto t_source = *th.find("source"), t_target = *th.find("target");
    const auto t_relation = th.find("relation"), t_directed = th.find("directed"), t_weight = th.find("weight"),
               t_start = th.find("start_year"), t_end = th.find("end_year"), t_provenance = th.find("provenance");
    auto actor = [&](std::size_t col, const char* role) {
        const std::string_view id = trim_blanks(row[col].value);
        const auto found = net.find_actor(id);
        if (!found)
            ties_csv.fail(row[col], std::string("tie ") + role + " " + detail::quoted(id) + " is not an actor id in " +
                                        actors_name);
        return *found;
    };
    while (next_row(ties_csv, th, row)) {
        const std::int32_t s = actor(t_source, "source");
        const std::int32_t d = actor(t_target, "target");
        const bool directed = t_directed ? parse_directed(ties_csv, row[*t_directed]) : true;
        const double weight = t_weight ? parse_weight(ties_csv, row[*t_weight]) : 1.0;
        const std::int32_t start = t_start ? parse_year(ties_csv, row[*t_start], "start_year") : no_year;
        const std::int32_t end = t_end ? parse_year(ties_csv, row[*t_end], "end_year") : no_year;
        if (start != no_year && end != no_year && end < start)
            ties_csv.fail(row[*t_end],
                          "end_year " + std::to_string(end) + " is before start_year " + std::to_string(start));
        extra.clear();
        for (const auto i : th.extra) extra.push_back(row[i].value);
        net.add_tie_rows(s, d, text(t_relation), directed, weight, start, end,
                         t_provenance ? row[*t_provenance].value : std::string_view{}, extra);
    }
    return net;
}

ActorNetwork read_csv(const std::string& actors_path, const std::string& ties_path) {
    const std::string actors = detail::read_file(actors_path);
    const std::string ties = detail::read_file(ties_path);
    return parse_csv(actors, actors_path, ties, ties_path);
}

}  // namespace essnet
