// The report's files: summary.md, one CSV per table, results.json and report.html, written into a
// new folder that replaces the old one in one rename.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "essnet/core/error.hpp"
#include "essnet/io/atomic_file.hpp"
#include "format.hpp"
#include "report.hpp"

namespace essnet::report {

namespace {

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Full precision in CSV files: they are for further analysis.
std::string csv_value(const Json& v) {
    if (v.is_null()) return "";
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_string()) return csv_field(v.get<std::string>());
    // Whole numbers without a decimal point (a degree of 11, not 11.0).
    if (v.is_number_float()) {
        const double x = v.get<double>();
        if (x == std::floor(x) && std::fabs(x) < 9007199254740992.0) return std::to_string(static_cast<long long>(x));
    }
    return v.dump();
}

std::string csv(const Json& table) {
    std::string out;
    const Json& columns = table["columns"];
    for (std::size_t i = 0; i < columns.size(); ++i) {
        out += i ? "," : "";
        out += csv_field(columns[i]["key"].get<std::string>());
    }
    out += "\n";
    for (const Json& row : table["rows"]) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            out += i ? "," : "";
            out += csv_value(row[i]);
        }
        out += "\n";
    }
    return out;
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

// A Markdown table of the first `limit` rows, with the columns given (all when empty).
void md_table(std::ostringstream& md, const Json& table, std::size_t limit, std::vector<std::string> keys = {}) {
    if (keys.empty())
        for (const Json& c : table["columns"]) keys.push_back(c["key"]);
    std::vector<int> index;
    for (const auto& k : keys) index.push_back(column_index(table, k));
    md << "|";
    for (const int i : index) md << " " << md_cell(table["columns"][static_cast<std::size_t>(i)]["label"]) << " |";
    md << "\n|";
    for (std::size_t i = 0; i < index.size(); ++i) md << "---|";
    md << "\n";
    std::size_t shown = 0;
    for (const Json& row : table["rows"]) {
        if (shown++ == limit) break;
        md << "|";
        for (const int i : index) md << " " << md_cell(cell_text(row[static_cast<std::size_t>(i)])) << " |";
        md << "\n";
    }
    const std::size_t total = table["rows"].size();
    if (total > limit) md << "\n(" << limit << " of " << total << " rows; all of them in the CSV file.)\n";
    md << "\n";
}

// Replaces `directory` with the folder `fresh` (both in one parent folder): rename the old one
// aside, rename the new one in, remove the old one.
void replace_folder(const std::filesystem::path& fresh, const std::filesystem::path& directory) {
    std::error_code ec;
    const auto aside = directory.string() + ".old-" + std::to_string(::getpid());
    const bool existed = std::filesystem::exists(directory, ec);
    if (existed) {
        std::filesystem::rename(directory, aside, ec);
        if (ec) throw FileError(directory.string(), ec.value(), "replace");
    }
    std::filesystem::rename(fresh, directory, ec);
    if (ec) {
        const int error = ec.value();
        if (existed) std::filesystem::rename(aside, directory, ec);  // the old report back, if it can be
        throw FileError(directory.string(), error, "write");
    }
    if (existed) std::filesystem::remove_all(aside, ec);
}

constexpr const char* marker_name = ".essnet-report";

// A table's name as a file name: letters, digits, '-' and '_' kept, anything else (a '/' in a
// grouping column's name, say) as '_'.
std::string file_name(const std::string& name) {
    std::string out = name;
    for (char& c : out)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
    return out;
}

}  // namespace

std::string markdown(const Report& report) {
    const Json& r = report.results;
    const Json& t = r["tables"];
    const Json& ov = r["overview"];
    std::ostringstream md;
    md << "# " << r["title"].get<std::string>() << "\n\n";
    md << ov["actors"] << " actors and " << ov["ties"] << " ties; "
       << (ov["directed"].get<bool>() ? "directed" : "undirected") << ", density " << cell_text(ov["density"]) << ", "
       << ov["components"] << " component" << (ov["components"] == 1 ? "" : "s") << " (the largest has "
       << ov["largest_component"] << " actors), " << ov["isolated"] << " isolated.";
    if (ov.contains("share_quoted") && !ov["share_quoted"].is_null())
        md << " " << cell_text(Json(ov["share_quoted"].get<double>() * 100)) << "% of the ties quote a source";
    if (ov.contains("share_inferred") && !ov["share_inferred"].is_null())
        md << "; " << cell_text(Json(ov["share_inferred"].get<double>() * 100)) << "% are inferred";
    md << "\n\n";
    for (const char* name : {"actors_by_kind", "actors_by_country", "ties_by_relation"})
        if (t.contains(name)) {
            md << "## " << t[name]["title"].get<std::string>() << "\n\n";
            md_table(md, t[name], 12);
        }
    md << "## Top actors per measure\n\n";
    md_table(md, t["top_actors"], 1000, {"measure", "rank", "name", "score", "rank_low", "rank_high", "fragile"});
    const Json& cz = r["centrality"]["centralization"];
    if (!cz.empty()) {
        md << "Freeman centralization:";
        for (const auto& [k, v] : cz.items()) md << " " << k << " " << cell_text(v) << ";";
        md << "\n\n";
    }
    for (const auto& [name, table] : t.items())
        if (name.rfind("brokerage_", 0) == 0) {
            md << "## " << table["title"].get<std::string>() << "\n\n";
            md_table(md, table, 10,
                     {"name", "group", "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total",
                      "z_total"});
        }
    md << "## Blocs\n\n";
    const Json& c = r["communities"];
    md << "Leiden: " << c["leiden"]["communities"] << " communities, modularity "
       << cell_text(c["leiden"]["modularity"]) << ". Consensus of " << c["consensus"]["runs"]
       << " runs: " << c["consensus"]["communities"] << " blocs, modularity " << cell_text(c["consensus"]["modularity"])
       << ".\n\n";
    md_table(md, t["blocs"], 10);
    md_table(md, t["ei_index"], 100);
    if (t.contains("evolution")) {
        md << "## Year by year\n\n";
        md_table(md, t["evolution"], 60);
    }
    if (t.contains("robustness")) {
        md << "## " << t["robustness"]["title"].get<std::string>() << "\n\n";
        md_table(md, t["robustness"], 100);
    }
    md << "essnet " << r["essnet_version"].get<std::string>() << ".";
    for (const Json& source : r["input"])
        md << " " << source["file"].get<std::string>() << ": SHA-256 " << source["sha256"].get<std::string>() << ".";
    md << "\n";
    return md.str();
}

std::vector<std::string> write(const Report& report, const Options& options, const std::string& directory) {
    namespace fs = std::filesystem;
    check_formats(options.formats);
    std::error_code cwd_error;
    const fs::path dir = fs::absolute(fs::path(directory).lexically_normal(), cwd_error);
    if (cwd_error) throw FileError(directory, cwd_error.value(), "write");
    const fs::path target = dir.filename().empty() ? dir.parent_path() : dir;
    std::error_code ec;
    // Refuse to replace a folder that holds anything but an earlier report.
    if (fs::exists(target, ec)) {
        if (!fs::is_directory(target, ec)) throw FileError(target.string(), ENOTDIR, "write the report into");
        const bool empty = fs::is_empty(target, ec);
        if (!empty && !fs::exists(target / marker_name, ec))
            throw FileError(target.string(), EEXIST,
                            "replace (it holds files that are not an essnet report; choose a new or empty folder) the "
                            "folder");
    }
    fs::create_directories(target.parent_path(), ec);
    if (ec) throw FileError(target.parent_path().string(), ec.value(), "create directory");
    const fs::path fresh = target.string() + ".tmp-" + std::to_string(::getpid());
    fs::remove_all(fresh, ec);
    if (!fs::create_directory(fresh, ec) || ec) throw FileError(target.string(), ec ? ec.value() : EEXIST, "write");
    std::vector<std::string> names;
    try {
        auto put = [&](const std::string& name, const std::string& content) {
            std::ofstream out(fresh / name, std::ios::binary);
            out.write(content.data(), static_cast<std::streamsize>(content.size()));
            out.close();
            if (!out) throw FileError((target / name).string(), errno ? errno : EIO, "write");
            names.push_back(name);
        };
        auto wants = [&](const char* f) {
            return std::find(options.formats.begin(), options.formats.end(), f) != options.formats.end();
        };
        if (wants("html")) put("report.html", html(report, options));
        if (wants("md")) put("summary.md", markdown(report));
        if (wants("csv"))
            for (const auto& [name, table] : report.results["tables"].items())
                put(file_name(name) + ".csv", csv(table));
        // Indented for reading, unless large (a fifth smaller without).
        const bool indent = report.results["overview"]["actors"].get<std::int64_t>() <= 5000;
        if (wants("json")) put("results.json", report.results.dump(indent ? 1 : -1) + "\n");
        put(marker_name, "This folder is a report written by essnet analyze; the next report into it replaces it.\n");
        names.pop_back();
        replace_folder(fresh, target);
    } catch (...) {
        fs::remove_all(fresh, ec);
        throw;
    }
    return names;
}

}  // namespace essnet::report
