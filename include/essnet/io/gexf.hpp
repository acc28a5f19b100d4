// GEXF (https://gexf.net), Gephi's format, read and written, with tie years on Gephi's timeline.
//
// Reading (GEXF 1.1draft, 1.2draft and 1.3, read as a stream). Node ids become actor ids, the node
// label the actor's name; edges become ties, directed by their `type` (directed; undirected;
// mutual, read as undirected) or the graph's defaultedgetype (directed when absent). Declared
// attributes (<attributes class="node|edge">, with their <default>) titled kind, country, region
// and founded fill the actor fields, relation, start_year, end_year and provenance the tie fields;
// every other attribute becomes an extra text column named by its title, each value checked
// against its type (integer, long, float, double, boolean; other types are kept as text). A tie's
// relation is its "relation" attribute, else its `kind` (GEXF 1.3), else its label. Time: an edge's
// start and end (years; dates such as 2011-05-03 give their year; timeformat integer, double, date
// or dateTime; an open bound given as a year excludes that year; a timestamp is a one-year interval)
// become the tie's start and end years, and an edge with several <spell>s becomes one tie per
// spell, so a dynamic graph gives its tie years back. A dynamic attribute with several
// values keeps the first. Node times, viz: elements and meta data are not kept.
// Refused with a ParseError naming file, line and column: malformed XML, any <!DOCTYPE>, repeated
// node ids, edges naming unknown nodes, values that do not fit their type, undeclared attributes,
// nested nodes (hierarchies), a file without <graph>.
//
// Writing (GEXF 1.3 by default, or 1.2draft, which networkx 2.x reads). mode="dynamic" with
// timeformat="integer" when any tie has a year: each tie's start_year and end_year are its edge's
// start and end (inclusive, open when unknown), so the network plays on Gephi's timeline; static
// otherwise. defaultedgetype directed, undirected, or mixed with type="undirected" on each
// undirected edge of a directed default. Names are node labels, relations edge labels and a
// "relation" attribute; kind, country, region, founded, provenance and the extra columns are typed
// attributes (extra columns: boolean, long, double or string, the narrowest that fits). Written to a
// temporary file, then renamed.
#pragma once

#include <string>
#include <string_view>

#include "essnet/core/error.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

struct GexfOptions {
    /// "1.2draft" (namespace http://www.gexf.net/1.2draft; the default, which Gephi and networkx both
    /// read) or "1.3" (http://gexf.net/1.3, which Gephi 0.9 and later read).
    std::string version = "1.2draft";
};

/// Reads a GEXF file. Throws ParseError for malformed input, FileError when it cannot be read.
ActorNetwork read_gexf(const std::string& path);

/// The same from text in memory; `name` is used in error messages.
ActorNetwork parse_gexf(std::string_view text, const std::string& name = "<gexf>");

/// Writes a network as GEXF. Throws std::invalid_argument for an unknown version and FileError when
/// the file cannot be written.
void write_gexf(const ActorNetwork& network, const std::string& path, const GexfOptions& options = {});

/// The GEXF text that write_gexf writes.
std::string gexf_text(const ActorNetwork& network, const GexfOptions& options = {});

}  // namespace essnet
