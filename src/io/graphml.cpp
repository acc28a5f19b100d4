// Reading and writing GraphML.
#include "essnet/io/graphml.hpp"

#include <array>
#include <charconv>
#include <functional>
#include <optional>
#include <unordered_map>

#include "essnet/detail/text.hpp"
#include "essnet/io/attribute_types.hpp"
#include "xml_network.hpp"
#include "xml_stream.hpp"

namespace essnet {

namespace {

using detail::attribute;

enum class Domain { node, edge, graph, all };
using detail::type_error;
using detail::typed_value;
using detail::ValueKind;

struct Key {
    std::string id, name;
    Domain domain = Domain::all;
    ValueKind type = ValueKind::text;
    std::string type_name = "string";
    std::string default_value;
    bool yed_node_graphics = false;
};

// essnet fields a key can fill; any other name is an extra column.
// node_id: an "id" attribute, as igraph writes the ids it read, which then names the actor.
enum NodeField { node_name, node_kind, node_country, node_region, node_founded, node_id, node_fields };
enum EdgeField { edge_relation, edge_weight, edge_start, edge_end, edge_provenance, edge_fields };

std::optional<int> node_field(std::string_view name) {
    static constexpr std::array<std::string_view, node_fields> names{"name",   "kind",    "country",
                                                                     "region", "founded", "id"};
    for (int i = 0; i < node_fields; ++i)
        if (names[static_cast<std::size_t>(i)] == name) return i;
    return std::nullopt;
}
std::optional<int> edge_field(std::string_view name) {
    static constexpr std::array<std::string_view, edge_fields> names{"relation", "weight", "start_year", "end_year",
                                                                     "provenance"};
    for (int i = 0; i < edge_fields; ++i)
        if (names[static_cast<std::size_t>(i)] == name) return i;
    return std::nullopt;
}

// Where each key's values go for one kind of element: slot < fields is an essnet field, else
// extra column slot - fields.
struct Layout {
    std::unordered_map<std::string, int> slot_of_key;   // key id -> slot
    std::unordered_map<std::string, int> slot_of_name;  // attr.name -> slot: keys of one name share it
    std::vector<std::string> extra_names;
    std::vector<std::string> defaults;  // per slot
    int fields = 0;
    int label_slot = -1;  // yEd graphics key whose NodeLabel gives the name
    std::size_t slots() const { return static_cast<std::size_t>(fields) + extra_names.size(); }
};

class GraphmlReader final : public detail::XmlHandler {
public:
    explicit GraphmlReader(std::string name) : xml_(std::move(name), *this) {}

    ActorNetwork read_file(const std::string& path) {
        xml_.parse_file(path);
        return finish();
    }
    ActorNetwork read_text(std::string_view text) {
        xml_.parse_text(text);
        return finish();
    }

    void start(std::string_view name, const char** attributes) override {
        ++depth_;
        if (in_data_) {
            if (name == "NodeLabel" && node_layout_.label_slot < -1 && data_slot_ == node_layout_.label_slot &&
                yed_label_.empty())
                in_yed_label_ = true;
            return;
        }
        if (name == "key") return start_key(attributes);
        if (name == "default" && in_key_) {
            in_default_ = true;
            keys_.back().default_value.clear();
            return;
        }
        if (name == "graph") return start_graph(attributes);
        if (name == "node") return start_node(attributes);
        if (name == "edge") return start_edge(attributes);
        if (name == "data") return start_data(attributes);
        if (name == "hyperedge") throw xml_.error("hyperedges are not supported");
        if (name == "port") throw xml_.error("ports are not supported");
    }

    void end(std::string_view name) override {
        --depth_;
        if (in_data_) {
            if (name == "NodeLabel") in_yed_label_ = false;
            if (name == "data" && depth_ == data_depth_) end_data();
            return;
        }
        if (name == "default" && in_default_)
            in_default_ = false;
        else if (name == "key" && in_key_)
            end_key();
        else if (name == "node" && element_ == Domain::node)
            end_node();
        else if (name == "edge" && element_ == Domain::edge)
            end_edge();
        else if (name == "graph")
            graph_open_ = false;
    }

    void text(std::string_view chars) override {
        if (in_data_) {
            if (in_yed_label_)
                yed_label_ += chars;
            else if (!data_is_yed_)
                data_text_ += chars;
        } else if (in_default_) {
            keys_.back().default_value += chars;
        }
    }

private:
    void start_key(const char** attributes) {
        if (graph_seen_) throw xml_.error("<key> after <graph>: keys must be declared before the graph");
        Key k;
        const char* id = attribute(attributes, "id");
        if (!id || !*id) throw xml_.error("<key> without an id");
        k.id = id;
        const char* domain = attribute(attributes, "for");
        const std::string_view d = domain ? domain : "all";
        if (d == "node")
            k.domain = Domain::node;
        else if (d == "edge")
            k.domain = Domain::edge;
        else if (d == "all")
            k.domain = Domain::all;
        else
            k.domain = Domain::graph;  // graph, graphml, port, hyperedge, endpoint: not kept
        // One id may name a node key and an edge key (networkx's named_key_ids does so), since a
        // <data> is read for its element's kind; never two keys that could apply to one element.
        for (const auto& other : keys_)
            if (other.id == k.id &&
                (other.domain == k.domain || other.domain == Domain::all || k.domain == Domain::all))
                throw xml_.error("key id " + detail::quoted(k.id) + " is declared twice");
        if (const char* n = attribute(attributes, "attr.name")) k.name = n;
        if (const char* t = attribute(attributes, "attr.type")) {
            const std::string_view type = t;
            k.type_name = t;
            if (type == "string")
                k.type = ValueKind::text;
            else if (type == "int" || type == "long")
                k.type = ValueKind::integer;
            else if (type == "float" || type == "double")
                k.type = ValueKind::real;
            else if (type == "boolean")
                k.type = ValueKind::boolean;
            else
                throw xml_.error("key " + detail::quoted(k.id) + " has attr.type " + detail::quoted(type) +
                                 "; GraphML types are boolean, int, long, float, double and string");
        }
        if (const char* y = attribute(attributes, "yfiles.type"))
            k.yed_node_graphics = std::string_view(y) == "nodegraphics";
        keys_.push_back(std::move(k));
        in_key_ = true;
    }

    void end_key() {
        in_key_ = false;
        Key& k = keys_.back();
        if (k.default_value.empty()) return;
        std::string_view value = k.default_value;
        if (k.type != ValueKind::text) value = detail::trim_space(value);
        const auto typed = typed_value(k.type, value);
        if (!typed)
            throw xml_.error("the default " + detail::quoted(value) + " of key " + detail::quoted(k.id) + " " +
                             type_error(k.type) + " (" + k.type_name + ")");
        k.default_value = *typed;
    }

    void make_layouts() {
        bool has_name = false, has_label = false;
        for (const auto& k : keys_)
            if (k.domain == Domain::node || k.domain == Domain::all) {
                has_name = has_name || k.name == "name";
                has_label = has_label || k.name == "label";
            }
        node_layout_.fields = node_fields;
        edge_layout_.fields = edge_fields;
        node_layout_.defaults.assign(node_fields, "");
        edge_layout_.defaults.assign(edge_fields, "");
        // Keys of one name fill one field or column: networkx writes a key per name and type, so an
        // attribute holding 1 and 0.5 comes as an int key and a double key. Each value is still
        // checked against its own key's type.
        auto place = [&](Layout& layout, const Key& k, std::optional<int> field, const char* what) {
            const auto [named, first] = layout.slot_of_name.try_emplace(k.name, 0);
            if (first) {
                if (field) {
                    named->second = *field;
                } else {
                    named->second = layout.fields + static_cast<int>(layout.extra_names.size());
                    layout.extra_names.push_back(detail::extra_column_name(
                        k.name, std::string_view(what) == "node" ? reserved_actor_columns() : reserved_tie_columns(),
                        layout.extra_names));
                    layout.defaults.emplace_back();
                }
            }
            const int slot = named->second;
            layout.slot_of_key[k.id] = slot;
            auto& default_value = layout.defaults[static_cast<std::size_t>(slot)];
            if (!k.default_value.empty() && !default_value.empty() && k.default_value != default_value)
                throw xml_.error("the " + std::string(what) + " keys called " + detail::quoted(k.name) +
                                 " have different defaults, " + detail::quoted(default_value) + " and " +
                                 detail::quoted(k.default_value));
            if (!k.default_value.empty()) default_value = k.default_value;
        };
        for (const auto& k : keys_) {
            if (k.name.empty()) {
                if (k.yed_node_graphics && !has_name && !has_label && node_layout_.label_slot == -1) {
                    node_layout_.label_slot = -2 - static_cast<int>(&k - keys_.data());  // marks the key, not a slot
                    node_layout_.slot_of_key[k.id] = node_layout_.label_slot;
                }
                continue;
            }
            if (k.domain == Domain::node || k.domain == Domain::all) {
                auto field = node_field(k.name);
                if (!has_name && k.name == "label") field = node_name;
                place(node_layout_, k, field, "node");
            }
            if (k.domain == Domain::edge || k.domain == Domain::all) place(edge_layout_, k, edge_field(k.name), "edge");
        }
        for (std::size_t i = 0; i < keys_.size(); ++i) key_index_.emplace(keys_[i].id, i);
    }

    void start_graph(const char** attributes) {
        if (element_ != Domain::graph) throw xml_.error("nested graphs are not supported");
        if (graph_seen_) throw xml_.error("a second <graph>: a file holds one graph");
        graph_seen_ = graph_open_ = true;
        const char* d = attribute(attributes, "edgedefault");
        if (d && std::string_view(d) != "directed" && std::string_view(d) != "undirected")
            throw xml_.error("edgedefault is " + detail::quoted(d) + "; expected 'directed' or 'undirected'");
        default_directed_ = d && std::string_view(d) == "directed";
        make_layouts();
        network_.emplace(node_layout_.extra_names, edge_layout_.extra_names);
        values_.resize(std::max(node_layout_.slots(), edge_layout_.slots()));
    }

    void begin_element(Domain domain, const Layout& layout) {
        if (!graph_open_)
            throw xml_.error(std::string(domain == Domain::node ? "<node>" : "<edge>") + " outside <graph>");
        if (element_ != Domain::graph) throw xml_.error("nested graphs are not supported");
        element_ = domain;
        start_line_ = xml_.line();
        start_column_ = xml_.column();
        for (std::size_t i = 0; i < layout.slots(); ++i) values_[i] = layout.defaults[i];
        yed_label_.clear();
    }

    void start_node(const char** attributes) {
        begin_element(Domain::node, node_layout_);
        const char* id = attribute(attributes, "id");
        if (!id) throw xml_.error("<node> without an id");
        node_id_ = id;
    }

    void start_edge(const char** attributes) {
        begin_element(Domain::edge, edge_layout_);
        const char* source = attribute(attributes, "source");
        const char* target = attribute(attributes, "target");
        if (!source || !target) throw xml_.error("<edge> without a source and a target");
        edge_source_ = source;
        edge_target_ = target;
        edge_directed_ = default_directed_;
        if (const char* d = attribute(attributes, "directed")) {
            const std::string_view s = d;
            if (s == "true" || s == "1")
                edge_directed_ = true;
            else if (s == "false" || s == "0")
                edge_directed_ = false;
            else
                throw xml_.error("directed is " + detail::quoted(s) + "; expected 'true' or 'false'");
        }
    }

    void start_data(const char** attributes) {
        const char* key = attribute(attributes, "key");
        if (!key) throw xml_.error("<data> without a key");
        auto [it, last] = key_index_.equal_range(key);
        const bool declared = it != last;
        if (element_ == Domain::graph) {
            if (graph_seen_ && !declared) throw xml_.error("<data> names the undeclared key " + detail::quoted(key));
            skip_data();  // graph-level data is not kept
            return;
        }
        if (!declared) throw xml_.error("<data> names the undeclared key " + detail::quoted(key));
        // Of the keys with this id (at most one per kind of element), the one for this element.
        for (auto match = it; match != last; ++match)
            if (keys_[match->second].domain == element_ || keys_[match->second].domain == Domain::all) it = match;
        const Key& k = keys_[it->second];
        const Layout& layout = element_ == Domain::node ? node_layout_ : edge_layout_;
        if (k.domain != Domain::all && k.domain != element_)
            throw xml_.error("key " + detail::quoted(key) + " is declared for " +
                             (k.domain == Domain::node   ? "nodes"
                              : k.domain == Domain::edge ? "edges"
                                                         : "graphs") +
                             ", not " + (element_ == Domain::node ? "nodes" : "edges"));
        const auto slot = layout.slot_of_key.find(k.id);
        in_data_ = true;
        data_depth_ = depth_ - 1;
        data_key_ = &k;
        data_text_.clear();
        data_slot_ = slot == layout.slot_of_key.end() ? -1 : slot->second;
        data_is_yed_ = data_slot_ < -1;
        data_line_ = xml_.line();
        data_column_ = xml_.column();
    }

    void skip_data() {
        in_data_ = true;
        data_depth_ = depth_ - 1;
        data_key_ = nullptr;
        data_slot_ = -1;
        data_is_yed_ = true;  // collect nothing
    }

    ParseError data_error(const std::string& message) const {
        return ParseError(xml_.name(), data_line_, data_column_, message);
    }

    void end_data() {
        in_data_ = false;
        in_yed_label_ = false;
        if (!data_key_ || data_slot_ == -1 || data_is_yed_) return;
        const Key& k = *data_key_;
        std::string_view value = data_text_;
        if (k.type != ValueKind::text) value = detail::trim_space(value);
        const auto typed = typed_value(k.type, value);
        if (!typed)
            throw data_error("the value " + detail::quoted(value) + " of key " + detail::quoted(k.id) +
                             (k.name.empty() ? "" : " (" + k.name + ")") + " " + type_error(k.type) + " (" +
                             k.type_name + ")");
        values_[static_cast<std::size_t>(data_slot_)] = std::move(*typed);
    }

    void end_node() {
        element_ = Domain::graph;
        const auto fail = [&](const std::string& message) {
            return ParseError(xml_.name(), start_line_, start_column_, message);
        };
        if (node_id_.empty()) throw fail("a node id is empty");
        if (!ids_.add(node_id_)) throw fail("node id " + detail::quoted(node_id_) + " is used twice");
        const std::string& id = values_[node_id].empty() ? node_id_ : values_[node_id];
        if (network_->find_actor(id)) throw fail("actor id " + detail::quoted(id) + " is used twice");
        std::string& name = values_[node_name];
        if (name.empty() && !yed_label_.empty()) name = yed_label_;
        const std::int32_t founded = detail::year_field(values_[node_founded], "founded", fail);
        extra_views_.clear();
        for (std::size_t i = node_fields; i < node_layout_.slots(); ++i) extra_views_.emplace_back(values_[i]);
        network_->add_actor_row(id, name, values_[node_kind], values_[node_country], values_[node_region], founded,
                                extra_views_);
    }

    void end_edge() {
        element_ = Domain::graph;
        const auto fail = [&](const std::string& message) {
            return ParseError(xml_.name(), start_line_, start_column_, message);
        };
        detail::PendingTie t;
        t.directed = edge_directed_;
        t.relation = values_[edge_relation];
        t.provenance = values_[edge_provenance];
        if (!values_[edge_weight].empty()) {
            const auto w = detail::parse_weight(values_[edge_weight]);
            if (!w.error.empty()) throw fail(w.error);
            t.weight = w.value;
        }
        t.start_year = detail::year_field(values_[edge_start], "start_year", fail);
        t.end_year = detail::year_field(values_[edge_end], "end_year", fail);
        if (auto message = detail::check_tie_years(t.start_year, t.end_year); !message.empty()) throw fail(message);
        const auto s = ids_.find(edge_source_), d = ids_.find(edge_target_);
        if (s && d) {
            extra_views_.clear();
            for (std::size_t i = edge_fields; i < edge_layout_.slots(); ++i) extra_views_.emplace_back(values_[i]);
            network_->add_tie_rows(*s, *d, t.relation, t.directed, t.weight, t.start_year, t.end_year, t.provenance,
                                   extra_views_);
            return;
        }
        // A node declared later: add the tie when the graph ends.
        t.source = edge_source_;
        t.target = edge_target_;
        for (std::size_t i = edge_fields; i < edge_layout_.slots(); ++i) t.extra.push_back(values_[i]);
        t.line = start_line_;
        t.column = start_column_;
        later_.push_back(std::move(t));
    }

    ActorNetwork finish() {
        if (!graph_seen_) throw ParseError(xml_.name(), 1, 1, "no <graph> element: not a GraphML graph");
        detail::add_pending_ties(*network_, ids_, later_, xml_.name());
        return std::move(*network_);
    }

    detail::XmlStream xml_;
    std::vector<Key> keys_;
    std::unordered_multimap<std::string, std::size_t> key_index_;  // id -> keys (one per kind of element)
    Layout node_layout_, edge_layout_;
    std::optional<ActorNetwork> network_;
    detail::NodeIds ids_;
    std::vector<detail::PendingTie> later_;

    int depth_ = 0, data_depth_ = 0, data_slot_ = -1;
    bool in_key_ = false, in_default_ = false, in_data_ = false, in_yed_label_ = false, data_is_yed_ = false;
    bool graph_seen_ = false, graph_open_ = false, default_directed_ = false, edge_directed_ = false;
    Domain element_ = Domain::graph;  // graph: between elements; node or edge: inside one
    const Key* data_key_ = nullptr;
    std::string data_text_, yed_label_, node_id_, edge_source_, edge_target_;
    std::vector<std::string> values_;
    std::vector<std::string_view> extra_views_;
    std::int64_t start_line_ = 0, start_column_ = 0, data_line_ = 0, data_column_ = 0;
};

// ---- writing ----

void emit_graphml(const ActorNetwork& net, detail::ChunkedWriter& w) {
    const auto& a = net.actors();
    const auto& t = net.ties();
    std::string& out = w.buffer();
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    // A name key is declared whenever an extra column is called label, which would otherwise be
    // read back as the name (as Gephi's label is).
    const bool label_extra =
        std::any_of(a.extra.begin(), a.extra.end(), [](const ExtraColumn& c) { return c.name == "label"; });
    const auto node_columns =
        detail::actor_columns(a, label_extra ? detail::NameColumn::always : detail::NameColumn::when_used);
    const auto edge_columns = detail::tie_columns(t, true);
    auto declare = [&](const char* domain, const char* prefix, const std::vector<detail::WrittenColumn>& columns) {
        for (std::size_t k = 0; k < columns.size(); ++k) {
            out += std::string("  <key id=\"") + prefix + std::to_string(k) + "\" for=\"" + domain + "\" attr.name=\"";
            detail::append_xml_escaped(out, columns[k].name, true, "column name " + detail::quoted(columns[k].name));
            out += std::string("\" attr.type=\"") + detail::xml_type_name(columns[k].type) + "\"/>\n";
        }
    };
    declare("node", "n", node_columns);
    declare("edge", "e", edge_columns);

    const bool all_directed = std::all_of(t.directed.begin(), t.directed.end(), [](std::uint8_t d) { return d != 0; });
    const bool none_directed =
        std::none_of(t.directed.begin(), t.directed.end(), [](std::uint8_t d) { return d != 0; });
    const bool mixed = !all_directed && !none_directed;
    out += std::string("  <graph id=\"G\" edgedefault=\"") + (none_directed && t.size() ? "undirected" : "directed") +
           "\">\n";

    // Writes the rest of an element: "/>" when it has no data, else its <data> and closing tag.
    auto finish_element = [&](detail::RowValues& values, const char* prefix, const char* close,
                              const std::string& what) {
        out += "\"";
        bool opened = false;
        for (std::size_t k = 0; k < values.size(); ++k) {
            if (values[k].empty()) continue;
            if (!opened) out += ">\n";
            opened = true;
            out += std::string("      <data key=\"") + prefix + std::to_string(k) + "\">";
            detail::append_xml_escaped(out, values[k], false, what);
            out += "</data>\n";
        }
        out += opened ? close : "/>\n";
    };
    detail::RowValues node_values(node_columns), edge_values(edge_columns);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string what = "actor " + detail::quoted(a.id[i]);
        out += "    <node id=\"";
        detail::append_xml_escaped(out, a.id[i], true, what);
        node_values.fill(i);
        finish_element(node_values, "n", "    </node>\n", what);
        w.maybe_flush();
    }
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::string what = "tie " + std::to_string(i);
        out += "    <edge source=\"";
        detail::append_xml_escaped(out, a.id[static_cast<std::size_t>(t.source[i])], true, what);
        out += "\" target=\"";
        detail::append_xml_escaped(out, a.id[static_cast<std::size_t>(t.target[i])], true, what);
        if (mixed && !t.directed[i]) out += "\" directed=\"false";
        edge_values.fill(i);
        finish_element(edge_values, "e", "    </edge>\n", what);
        w.maybe_flush();
    }
    out += "  </graph>\n</graphml>\n";
}

}  // namespace

ActorNetwork read_graphml(const std::string& path) {
    return GraphmlReader(path).read_file(path);
}

ActorNetwork parse_graphml(std::string_view text, const std::string& name) {
    return GraphmlReader(name).read_text(text);
}

std::string graphml_text(const ActorNetwork& network) {
    detail::ChunkedWriter w(nullptr);
    emit_graphml(network, w);
    return std::move(w.buffer());
}

void write_graphml(const ActorNetwork& network, const std::string& path) {
    AtomicFile file(path);
    detail::ChunkedWriter w(&file);
    emit_graphml(network, w);
    w.finish();
}

}  // namespace essnet
