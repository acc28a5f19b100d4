// Reading and writing GEXF.
#include "essnet/io/gexf.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <optional>
#include <unordered_map>

#include "essnet/detail/text.hpp"
#include "essnet/io/attribute_types.hpp"
#include "essnet/version.hpp"
#include "xml_network.hpp"
#include "xml_stream.hpp"

namespace essnet {

namespace {

using detail::attribute;

using detail::ValueKind;

struct Declared {
    std::string title;
    ValueKind kind = ValueKind::text;
    std::string type;
    std::string default_value;
    int slot = -1;
    std::size_t order = 0;  // declaration order, for a stable column order
};

enum NodeField { node_kind, node_country, node_region, node_founded, node_fields };
enum EdgeField { edge_relation, edge_start, edge_end, edge_provenance, edge_fields };

std::optional<int> node_field(std::string_view title) {
    static constexpr std::array<std::string_view, node_fields> names{"kind", "country", "region", "founded"};
    for (int i = 0; i < node_fields; ++i)
        if (names[static_cast<std::size_t>(i)] == title) return i;
    return std::nullopt;
}
std::optional<int> edge_field(std::string_view title) {
    static constexpr std::array<std::string_view, edge_fields> names{"relation", "start_year", "end_year",
                                                                     "provenance"};
    for (int i = 0; i < edge_fields; ++i)
        if (names[static_cast<std::size_t>(i)] == title) return i;
    return std::nullopt;
}

ValueKind kind_of(std::string_view type) {
    if (type == "integer" || type == "long" || type == "short" || type == "byte" || type == "biginteger")
        return ValueKind::integer;
    if (type == "double" || type == "float" || type == "bigdecimal") return ValueKind::real;
    if (type == "boolean") return ValueKind::boolean;
    return ValueKind::text;
}

// The year of a GEXF time: "2011", "2011.0", or a date "2011-05-03" / dateTime "2011-05-03T10:00:00".
std::optional<std::int32_t> year_of_time(std::string_view text) {
    std::string_view s = detail::trim_space(text);
    const auto dash = s.find('-', 1);
    if (dash != std::string_view::npos) s = s.substr(0, dash);
    return detail::parse_year(s);
}

struct Class {
    std::unordered_map<std::string, Declared> declared;  // by attribute id
    std::vector<std::string> extra_names;
    std::vector<std::string> defaults;  // per slot
    int fields = 0;
    std::size_t slots() const { return static_cast<std::size_t>(fields) + extra_names.size(); }
};

class GexfReader final : public detail::XmlHandler {
public:
    explicit GexfReader(std::string name) : xml_(std::move(name), *this) {
        nodes_.fields = node_fields;
        edges_.fields = edge_fields;
        nodes_.defaults.assign(node_fields, "");
        edges_.defaults.assign(edge_fields, "");
    }

    ActorNetwork read_file(const std::string& path) {
        xml_.parse_file(path);
        return finish();
    }
    ActorNetwork read_text(std::string_view text) {
        xml_.parse_text(text);
        return finish();
    }

    void start(std::string_view name, const char** attributes) override {
        if (name == "graph") return start_graph(attributes);
        if (!graph_open_) return;
        if (name == "attributes") return start_attributes(attributes);
        if (name == "attribute") return start_attribute(attributes);
        if (name == "default" && in_attribute_) {
            in_default_ = true;
            current_declared_->default_value.clear();
            return;
        }
        if (name == "node") return start_node(attributes);
        if (name == "edge") return start_edge(attributes);
        if (name == "attvalue") return attvalue(attributes);
        if (name == "spell" && element_ == Element::edge) return spell(attributes);
    }

    void end(std::string_view name) override {
        if (name == "default")
            in_default_ = false;
        else if (name == "attribute" && in_attribute_)
            end_attribute();
        else if (name == "attributes")
            class_ = nullptr;
        else if (name == "node" && element_ == Element::node)
            end_node();
        else if (name == "edge" && element_ == Element::edge)
            end_edge();
        else if (name == "graph")
            graph_open_ = false;
    }

    void text(std::string_view chars) override {
        if (in_default_) current_declared_->default_value += chars;
    }

private:
    enum class Element { none, node, edge };

    void start_graph(const char** attributes) {
        if (graph_seen_) throw xml_.error("a second <graph>: a file holds one graph");
        graph_seen_ = graph_open_ = true;
        if (const char* d = attribute(attributes, "defaultedgetype")) {
            const std::string_view s = d;
            if (s == "directed")
                default_directed_ = true;
            else if (s == "undirected" || s == "mutual")
                default_directed_ = false;
            else
                throw xml_.error("defaultedgetype is " + detail::quoted(s) +
                                 "; expected directed, undirected or mutual");
        }
    }

    void start_attributes(const char** attributes) {
        const char* c = attribute(attributes, "class");
        const std::string_view s = c ? c : "";
        if (s == "node")
            class_ = &nodes_;
        else if (s == "edge")
            class_ = &edges_;
        else
            throw xml_.error("<attributes> class is " + detail::quoted(s) + "; expected node or edge");
        if (network_) throw xml_.error("<attributes> after the first node or edge: declare attributes first");
    }

    void start_attribute(const char** attributes) {
        if (!class_) throw xml_.error("<attribute> outside <attributes>");
        if (network_) throw xml_.error("<attribute> after the first node or edge: declare attributes first");
        const char* id = attribute(attributes, "id");
        const char* title = attribute(attributes, "title");
        if (!id) throw xml_.error("<attribute> without an id");
        Declared d;
        d.title = title ? title : id;
        d.type = attribute(attributes, "type") ? attribute(attributes, "type") : "string";
        d.kind = kind_of(d.type);
        d.order = declared_count_++;
        auto [it, inserted] = class_->declared.emplace(id, std::move(d));
        if (!inserted) throw xml_.error("attribute id " + detail::quoted(id) + " is declared twice");
        current_declared_ = &it->second;
        in_attribute_ = true;
    }

    void end_attribute() {
        in_attribute_ = false;
        Declared& d = *current_declared_;
        if (d.default_value.empty()) return;
        std::string_view value = d.default_value;
        if (d.kind != ValueKind::text) value = detail::trim_space(value);
        const auto typed = detail::typed_value(d.kind, value);
        if (!typed)
            throw xml_.error("the default " + detail::quoted(value) + " of attribute " + detail::quoted(d.title) + " " +
                             detail::type_error(d.kind) + " (" + d.type + ")");
        d.default_value = *typed;
    }

    void make_network() {
        auto place = [&](Class& c, std::optional<int> (*field)(std::string_view), const char* what) {
            std::vector<Declared*> order;
            for (auto& [id, d] : c.declared) order.push_back(&d);
            std::sort(order.begin(), order.end(),
                      [](const Declared* a, const Declared* b) { return a->order < b->order; });
            for (Declared* d : order) {
                if (auto f = field(d->title)) {
                    for (auto& [id2, other] : c.declared)
                        if (&other != d && other.slot == *f)
                            throw xml_.error(std::string("two ") + what + " attributes are titled " +
                                             detail::quoted(d->title));
                    d->slot = *f;
                } else {
                    d->slot = c.fields + static_cast<int>(c.extra_names.size());
                    c.extra_names.push_back(detail::extra_column_name(
                        d->title, std::string_view(what) == "node" ? reserved_actor_columns() : reserved_tie_columns(),
                        c.extra_names));
                    c.defaults.emplace_back();
                }
                c.defaults[static_cast<std::size_t>(d->slot)] = d->default_value;
            }
        };
        place(nodes_, &node_field, "node");
        place(edges_, &edge_field, "edge");
        network_.emplace(nodes_.extra_names, edges_.extra_names);
        values_.resize(std::max(nodes_.slots(), edges_.slots()));
        assigned_.resize(values_.size());
    }

    void begin(Element e, const Class& c) {
        if (element_ != Element::none) throw xml_.error("nested nodes (hierarchies) are not supported");
        if (!network_) make_network();
        element_ = e;
        line_ = xml_.line();
        column_ = xml_.column();
        for (std::size_t i = 0; i < c.slots(); ++i) {
            values_[i] = c.defaults[i];
            assigned_[i] = 0;
        }
    }

    void start_node(const char** attributes) {
        begin(Element::node, nodes_);
        const char* id = attribute(attributes, "id");
        if (!id) throw xml_.error("<node> without an id");
        node_id_ = id;
        const char* label = attribute(attributes, "label");
        label_ = label ? label : "";
    }

    void start_edge(const char** attributes) {
        begin(Element::edge, edges_);
        const char* s = attribute(attributes, "source");
        const char* t = attribute(attributes, "target");
        if (!s || !t) throw xml_.error("<edge> without a source and a target");
        source_ = s;
        target_ = t;
        directed_ = default_directed_;
        if (const char* type = attribute(attributes, "type")) {
            const std::string_view v = type;
            if (v == "directed")
                directed_ = true;
            else if (v == "undirected" || v == "mutual")
                directed_ = false;
            else
                throw xml_.error("edge type is " + detail::quoted(v) + "; expected directed, undirected or mutual");
        }
        weight_ = 1;
        if (const char* w = attribute(attributes, "weight")) {
            const auto parsed = detail::parse_weight(w);
            if (!parsed.error.empty()) throw xml_.error(parsed.error);
            weight_ = parsed.value;
        }
        const char* label = attribute(attributes, "label");
        label_ = label ? label : "";
        const char* kind = attribute(attributes, "kind");
        kind_ = kind ? kind : "";
        spells_.clear();
        read_interval(attributes, start_, end_);
    }

    // A time as a year. An open bound given as a year excludes it (startopen="2010": from 2011);
    // an open bound given as a date keeps its year.
    std::int32_t time_attribute(const char** attributes, const char* closed, const char* open, int open_shift) {
        const char* v = attribute(attributes, closed);
        bool is_open = false;
        if (!v && (v = attribute(attributes, open))) is_open = true;
        if (!v) return no_year;
        const auto y = year_of_time(v);
        if (!y)
            throw xml_.error(std::string(closed) + " " + detail::quoted(v) + " is not a year or a date in -9999..9999");
        const bool date = detail::trim_space(v).find('-', 1) != std::string_view::npos;
        return is_open && !date ? *y + open_shift : *y;
    }

    // start/end (or startopen/endopen), or a timestamp (GEXF 1.3): one year.
    void read_interval(const char** attributes, std::int32_t& start, std::int32_t& end) {
        start = time_attribute(attributes, "start", "startopen", +1);
        end = time_attribute(attributes, "end", "endopen", -1);
        if (start == no_year && end == no_year) start = end = time_attribute(attributes, "timestamp", "timestamp", 0);
    }

    void spell(const char** attributes) {
        std::int32_t s, e;
        read_interval(attributes, s, e);
        if (auto message = detail::check_tie_years(s, e); !message.empty()) throw xml_.error(message);
        spells_.emplace_back(s, e);
    }

    void attvalue(const char** attributes) {
        if (element_ == Element::none) return;
        Class& c = element_ == Element::node ? nodes_ : edges_;
        const char* id = attribute(attributes, "for");
        if (!id) id = attribute(attributes, "id");
        if (!id) throw xml_.error("<attvalue> without for");
        const auto it = c.declared.find(id);
        if (it == c.declared.end())
            throw xml_.error("<attvalue> names the undeclared " +
                             std::string(element_ == Element::node ? "node" : "edge") + " attribute " +
                             detail::quoted(id));
        const Declared& d = it->second;
        if (d.slot < 0) throw xml_.error("<attvalue> names an attribute declared after the nodes began");
        const char* raw = attribute(attributes, "value");
        if (!raw) throw xml_.error("<attvalue> without a value");
        const auto slot = static_cast<std::size_t>(d.slot);
        if (assigned_[slot]) return;  // a dynamic attribute: the first value is kept
        assigned_[slot] = 1;
        std::string_view value = raw;
        if (d.kind != ValueKind::text) value = detail::trim_space(value);
        auto typed = detail::typed_value(d.kind, value);
        if (!typed)
            throw xml_.error("the value " + detail::quoted(value) + " of attribute " + detail::quoted(d.title) + " " +
                             detail::type_error(d.kind) + " (" + d.type + ")");
        values_[slot] = std::move(*typed);
    }

    ParseError element_error(const std::string& message) const {
        return ParseError(xml_.name(), line_, column_, message);
    }

    void end_node() {
        element_ = Element::none;
        if (node_id_.empty()) throw element_error("a node id is empty");
        if (!ids_.add(node_id_)) throw element_error("node id " + detail::quoted(node_id_) + " is used twice");
        const auto fail = [&](const std::string& message) { return element_error(message); };
        const std::int32_t founded = detail::year_field(values_[node_founded], "founded", fail);
        extra_.clear();
        for (std::size_t i = node_fields; i < nodes_.slots(); ++i) extra_.emplace_back(values_[i]);
        network_->add_actor_row(node_id_, label_, values_[node_kind], values_[node_country], values_[node_region],
                                founded, extra_);
    }

    void end_edge() {
        element_ = Element::none;
        std::string relation = values_[edge_relation];
        if (!assigned_[edge_relation] && relation.empty()) relation = !kind_.empty() ? kind_ : label_;
        std::int32_t start = start_, end = end_;
        if (start == no_year && end == no_year) {  // no GEXF time: the start_year and end_year attributes
            const auto fail = [&](const std::string& message) { return element_error(message); };
            start = detail::year_field(values_[edge_start], "start_year", fail);
            end = detail::year_field(values_[edge_end], "end_year", fail);
        }
        if (auto message = detail::check_tie_years(start, end); !message.empty()) throw element_error(message);
        if (spells_.empty()) spells_.emplace_back(start, end);
        const auto s = ids_.find(source_), t = ids_.find(target_);
        extra_.clear();
        for (std::size_t i = edge_fields; i < edges_.slots(); ++i) extra_.emplace_back(values_[i]);
        for (const auto& [first, last] : spells_) {
            if (s && t) {
                network_->add_tie_rows(*s, *t, relation, directed_, weight_, first, last, values_[edge_provenance],
                                       extra_);
                continue;
            }
            detail::PendingTie p;
            p.source = source_;
            p.target = target_;
            p.relation = relation;
            p.provenance = values_[edge_provenance];
            p.directed = directed_;
            p.weight = weight_;
            p.start_year = first;
            p.end_year = last;
            p.extra.assign(extra_.begin(), extra_.end());
            p.line = line_;
            p.column = column_;
            later_.push_back(std::move(p));
        }
    }

    ActorNetwork finish() {
        if (!graph_seen_) throw ParseError(xml_.name(), 1, 1, "no <graph> element: not a GEXF graph");
        if (!network_) make_network();
        detail::add_pending_ties(*network_, ids_, later_, xml_.name());
        return std::move(*network_);
    }

    detail::XmlStream xml_;
    Class nodes_, edges_;
    Class* class_ = nullptr;
    Declared* current_declared_ = nullptr;
    std::size_t declared_count_ = 0;
    std::optional<ActorNetwork> network_;
    detail::NodeIds ids_;
    std::vector<detail::PendingTie> later_;
    Element element_ = Element::none;
    bool graph_seen_ = false, graph_open_ = false, default_directed_ = true, in_attribute_ = false, in_default_ = false;
    bool directed_ = true;
    double weight_ = 1;
    std::int32_t start_ = no_year, end_ = no_year;
    std::vector<std::pair<std::int32_t, std::int32_t>> spells_;
    std::string node_id_, label_, kind_, source_, target_;
    std::vector<std::string> values_;
    std::vector<char> assigned_;
    std::vector<std::string_view> extra_;
    std::int64_t line_ = 0, column_ = 0;
};

// ---- writing ----

// The namespace and schema location of a GEXF version; std::invalid_argument for another version.
std::pair<std::string, std::string> gexf_namespace(const std::string& version) {
    if (version == "1.3") return {"http://gexf.net/1.3", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"};
    if (version == "1.2draft")
        return {"http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"};
    throw std::invalid_argument("version must be \"1.3\" or \"1.2draft\", got \"" + version + "\"");
}

void emit_gexf(const ActorNetwork& net, const std::string& version, detail::ChunkedWriter& w) {
    const auto [ns, schema] = gexf_namespace(version);
    const auto& a = net.actors();
    const auto& t = net.ties();
    // Names are node labels; weights and years are edge attributes of GEXF itself.
    const auto node_attributes = detail::actor_columns(a, detail::NameColumn::leave_out);
    const auto edge_attributes = detail::tie_columns(t, false);
    const bool dynamic =
        std::any_of(t.start_year.begin(), t.start_year.end(), [](std::int32_t y) { return y != no_year; }) ||
        std::any_of(t.end_year.begin(), t.end_year.end(), [](std::int32_t y) { return y != no_year; });
    const bool weighted = std::any_of(t.weight.begin(), t.weight.end(), [](double x) { return x != 1.0; });
    const bool default_undirected =
        t.size() > 0 && std::none_of(t.directed.begin(), t.directed.end(), [](std::uint8_t d) { return d != 0; });

    std::string& out = w.buffer();
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"" + ns +
           "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"" + schema +
           "\" version=\"" + (version == "1.3" ? std::string("1.3") : std::string("1.2")) + "\">\n";
    out += "  <meta>\n    <creator>essnet " ESSNET_VERSION "</creator>\n  </meta>\n";
    out += std::string("  <graph defaultedgetype=\"") + (default_undirected ? "undirected" : "directed") + "\"";
    out += dynamic ? " mode=\"dynamic\" timeformat=\"integer\">\n" : " mode=\"static\">\n";
    auto declare = [&](const char* cls, const std::vector<detail::WrittenColumn>& list) {
        if (list.empty()) return;
        out += std::string("    <attributes class=\"") + cls + "\" mode=\"static\">\n";
        for (std::size_t i = 0; i < list.size(); ++i) {
            out += "      <attribute id=\"" + std::to_string(i) + "\" title=\"";
            detail::append_xml_escaped(out, list[i].name, true, "column name " + detail::quoted(list[i].name));
            out += std::string("\" type=\"") + detail::xml_type_name(list[i].type) + "\"/>\n";
        }
        out += "    </attributes>\n";
    };
    declare("node", node_attributes);
    declare("edge", edge_attributes);

    // Writes the rest of an element: "/>" when it has no attribute value, else its <attvalues>.
    auto finish_element = [&](detail::RowValues& values, const char* close, const std::string& what) {
        bool opened = false;
        for (std::size_t k = 0; k < values.size(); ++k) {
            if (values[k].empty()) continue;
            if (!opened) out += ">\n        <attvalues>\n";
            opened = true;
            out += "          <attvalue for=\"" + std::to_string(k) + "\" value=\"";
            detail::append_xml_escaped(out, values[k], true, what);
            out += "\"/>\n";
        }
        out += opened ? std::string("        </attvalues>\n") + close : "/>\n";
    };
    detail::RowValues node_values(node_attributes), edge_values(edge_attributes);

    out += "    <nodes>\n";
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string what = "actor " + detail::quoted(a.id[i]);
        out += "      <node id=\"";
        detail::append_xml_escaped(out, a.id[i], true, what);
        out += "\"";
        if (!a.name[i].empty()) {  // without a label, Gephi and networkx show the id
            out += " label=\"";
            detail::append_xml_escaped(out, a.name[i], true, what);
            out += "\"";
        }
        node_values.fill(i);
        finish_element(node_values, "      </node>\n", what);
        w.maybe_flush();
    }
    out += "    </nodes>\n    <edges>\n";
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::string what = "tie " + std::to_string(i);
        out += "      <edge id=\"" + std::to_string(i) + "\" source=\"";
        detail::append_xml_escaped(out, a.id[static_cast<std::size_t>(t.source[i])], true, what);
        out += "\" target=\"";
        detail::append_xml_escaped(out, a.id[static_cast<std::size_t>(t.target[i])], true, what);
        out += "\"";
        // In a directed graph, an undirected tie is "mutual" in 1.2draft (networkx reads it as two
        // arcs, where it refuses "undirected"), and "undirected" in 1.3, as Gephi writes mixed graphs.
        if (!default_undirected && !t.directed[i])
            out += version == "1.3" ? " type=\"undirected\"" : " type=\"mutual\"";
        if (weighted) out += " weight=\"" + detail::number_text(t.weight[i]) + "\"";
        if (!t.relation[i].empty()) {
            out += " label=\"";
            detail::append_xml_escaped(out, t.relation[i], true, what);
            out += "\"";
        }
        if (t.start_year[i] != no_year) out += " start=\"" + std::to_string(t.start_year[i]) + "\"";
        if (t.end_year[i] != no_year) out += " end=\"" + std::to_string(t.end_year[i]) + "\"";
        edge_values.fill(i);
        finish_element(edge_values, "      </edge>\n", what);
        w.maybe_flush();
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace

ActorNetwork read_gexf(const std::string& path) {
    return GexfReader(path).read_file(path);
}

ActorNetwork parse_gexf(std::string_view text, const std::string& name) {
    return GexfReader(name).read_text(text);
}

std::string gexf_text(const ActorNetwork& network, const GexfOptions& options) {
    detail::ChunkedWriter w(nullptr);
    emit_gexf(network, options.version, w);
    return std::move(w.buffer());
}

void write_gexf(const ActorNetwork& network, const std::string& path, const GexfOptions& options) {
    gexf_namespace(options.version);  // an unknown version fails before any file is made
    AtomicFile file(path);
    detail::ChunkedWriter w(&file);
    emit_gexf(network, options.version, w);
    w.finish();
}

}  // namespace essnet
