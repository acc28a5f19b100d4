// GraphML (http://graphml.graphdrawing.org/), read and written.
//
// Reading. One <graph> per file, read as a stream (memory for the network, not the document).
// <key> declarations (for="node", "edge" or "all"; attr.type string, int, long, float, double or
// boolean; an optional <default>) type the <data> of nodes and edges; each value is checked
// against its type. Node ids become actor ids and edges ties, in file order (an edge naming a node
// declared after it is added once the graph ends); a node attribute called id, as igraph writes the
// ids it read, names the actor instead. These attribute names map to essnet's fields:
//   nodes: name (or, when no key is called name, label, as Gephi writes it, or else the first
//          yEd NodeLabel), kind, country, region, founded (a year);
//   edges: relation, weight (a finite non-negative number; 1 when absent), start_year, end_year
//          (years), provenance;
// every other node or edge attribute becomes an extra text column named by its attr.name, holding
// the value as written (the key's default where a node or edge has no data; booleans as true or
// false whether the file says True, 1 or true). An edge's `directed`
// attribute, or else the graph's edgedefault (undirected when absent, as networkx reads it), gives
// the tie's direction; parallel edges and self-loops are kept. Graph-level <data>, keys without
// attr.name (yEd's graphics, apart from the label) and edge ids are not kept.
// Refused with a ParseError naming file, line and column: malformed XML, any <!DOCTYPE> (so no
// entity expansion and no external entity can happen), a repeated node id, an edge naming an
// unknown node, a value that does not fit its key's type, a data element naming an undeclared key,
// nested graphs, hyperedges, and a file without a <graph>.
//
// Writing. One <graph>, edgedefault "directed" when every tie is directed, "undirected" when none
// is, and otherwise "directed" with directed="false" on each undirected edge. Keys are declared
// only for the fields that hold a value: name, kind, country, region (string), founded (long), extra
// actor columns; relation (string), weight (double, left out when every weight is 1), start_year,
// end_year (long), provenance (string), extra tie columns. Extra columns are typed boolean, long,
// double or string, the narrowest that holds all their values; empty values are left out. Text is
// escaped so that every value reads back unchanged (line breaks in ids included); a control
// character that XML 1.0 cannot hold is refused (std::invalid_argument). The file is written
// through a temporary file and renamed, so an interrupted write leaves no partial file.
#pragma once

#include <string>
#include <string_view>

#include "essnet/core/error.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// Reads a GraphML file. Throws ParseError for malformed input, FileError when it cannot be read.
ActorNetwork read_graphml(const std::string& path);

/// The same from text in memory; `name` is used in error messages.
ActorNetwork parse_graphml(std::string_view text, const std::string& name = "<graphml>");

/// Writes a network as GraphML. Throws FileError when the file cannot be written.
void write_graphml(const ActorNetwork& network, const std::string& path);

/// The GraphML text that write_graphml writes.
std::string graphml_text(const ActorNetwork& network);

}  // namespace essnet
