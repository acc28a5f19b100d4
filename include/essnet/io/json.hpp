// Reading and writing JSON node-link files, as networkx's node_link_data / node_link_graph and d3
// (d3-force) use them.
//
//     {"directed": false, "multigraph": false, "graph": {},
//      "nodes": [{"id": "chantier", "name": "Chantier de l'économie sociale", "founded": 1996}, ...],
//      "links": [{"source": "chantier", "target": "fiess", "relation": "organized", "weight": 1.0}, ...]}
//
// What is read
//   The top level is an object. "nodes" (required) is an array of node objects; "links" (required;
//   "edges", as networkx 3.4 writes it, is read the same, but a file may not have both) is an array
//   of link objects. "directed" (a boolean, false when absent as in networkx and d3) gives the
//   direction of links that have no "directed" key of their own. "multigraph" must be a boolean when
//   present; it is not needed, since parallel links are always kept as separate ties. "graph" (graph
//   attributes) and any other top-level key are skipped. Keys may come in any order ("links" before
//   "nodes" is fine); a key may not appear twice in one object.
//   Node keys:
//     id                       actor id: a non-empty string, or a number as its JSON text (7 -> "7",
//                              1.50 -> "1.50"); required and unique.
//     name, kind, country, region   actor fields (text).
//     founded                  founding year: an integer from -9999 to 9999 (2011 or 2011.0), or null.
//     anything else            an extra actor column.
//   Link keys:
//     source, target           actor ids, as "id" (required; naming an unknown node is an error).
//                              They are ids, as d3-force reads them with .id(d => d.id), not indices
//                              into "nodes".
//     relation, provenance     tie fields (text).
//     weight                   a finite non-negative number (1 when absent or null).
//     start_year, end_year     integers from -9999 to 9999, or null; end_year may not precede start_year.
//     directed                 a boolean, or null: the direction of this tie (see the top-level "directed").
//     key                      the networkx multigraph key: skipped.
//     anything else            an extra tie column.
//   Text fields and extra columns take any JSON value as text: strings as they are, numbers as
//   their JSON text as written, true/false as "true"/"false", null as empty (missing), arrays and
//   objects as their compact JSON text (no whitespace: {"a":[1,2]}).
//   The file is UTF-8 (a leading byte-order mark is skipped); comments are not JSON and are errors.
//
// What is written
//   {"directed", "multigraph", "graph": {}, "nodes", "links"}, one node or link per line, UTF-8 (not
//   \u-escaped; control characters, quotes and backslashes are escaped).
//   "directed" is true when every tie is directed, false when none is (and for a network without
//   ties); when the network mixes both, "directed" is true and every link has a "directed" key.
//   "multigraph" is true when two ties join the same pair of actors (ordered when "directed" is
//   true), and then every link has a "key" numbering the ties of its pair 0, 1, ... in tie order,
//   as networkx does. (networkx reads a mixed network as a DiGraph or MultiDiGraph: an undirected
//   tie is one arc source -> target with "directed": false.) Nodes in actor order with "id" and their non-empty fields;
//   links in tie order with "source", "target", "weight" (always, as a JSON number such as 1.0) and the non-empty
//   fields. Extra columns are typed with detail::ColumnType: a column whose values are all
//   true/false is written as JSON booleans, all integers as JSON integers, all numbers as JSON
//   numbers (as their text), otherwise as strings; a number column with a value not spelt as a
//   JSON number (007, .5, 5.) is written as strings, so that its text is kept. Empty (missing)
//   values are left out. networkx therefore reads an integer column back as int, a number column
//   as float (or int for a value written without fraction), a boolean column as bool.
//
// What the format cannot hold (as essnet maps it)
//   Graph attributes ("graph") are not read. Empty text and missing values are the same: both are
//   left out, and an extra column without any value is not written. Extra columns named as a
//   node key above (id, name, kind, country, region, founded) or a link key (source, target,
//   relation, weight, start_year, end_year, provenance, directed, key) cannot be written
//   (std::invalid_argument). Node ids that are JSON arrays (networkx tuple nodes) are refused.
//   Numeric ids are matched as written: 1 and 1.0 are two nodes for essnet, one for networkx.
//
// Errors
//   Malformed input throws ParseError ("FILE:LINE:COLUMN: message", lines and columns from 1,
//   columns counting Unicode code points). For a JSON syntax error the position is the first
//   character that cannot continue valid JSON (the first character of an unexpected token; the end
//   of the file for truncated input); for any other error, the first character of the offending
//   value (the node or link object itself when a required key is missing; the top-level object
//   when "nodes" or "links" is missing). ParseError is thrown for: invalid JSON, invalid UTF-8,
//   numbers too large for a double (1e400), a top level that is not an object, a missing or
//   non-array "nodes"/"links", a node or link that is not an object, a repeated key, a node without
//   "id", an empty, non-string/number or duplicate id, a link without source or target or naming an
//   unknown node, a weight that is not a number or is negative, a year that is not an integer in
//   -9999..9999, an end_year before the start_year, a non-boolean "directed" or "multigraph", an
//   array or object as a known text field, and for objects that bring so many different keys that
//   the extra columns would hold more than 2^28 values (rows x columns). FileError when a file
//   cannot be read or written; std::invalid_argument from a writer for text that is not valid
//   UTF-8, a weight that is negative or not finite, or an extra column with a reserved name.
#pragma once

#include <string>
#include <string_view>

#include "essnet/core/error.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// Reads a JSON node-link file. O(file size). Throws ParseError for malformed input (see above) and
/// FileError when the file cannot be read.
ActorNetwork read_json(const std::string& path);

/// The same, from text in memory; `name` is the file name used in error messages.
ActorNetwork parse_json(std::string_view text, const std::string& name);

/// Writes a network as a JSON node-link file, atomically (a temporary file renamed over `path`).
/// Write a Graph with write_json(network_of(graph), path). Throws FileError when the file cannot be
/// written and std::invalid_argument as described above.
void write_json(const ActorNetwork& network, const std::string& path);

/// The text that write_json writes.
std::string json_text(const ActorNetwork& network);

}  // namespace essnet
