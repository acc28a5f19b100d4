// Reading and writing Pajek .net.
//
// What is read
//   *Network name              optional, ignored.
//   *Vertices n                required, once, before any tie. Then vertex lines
//       number label [x y z] [shape] [parameters]
//     `number` is 1..n; `label` is a word or a "quoted label" (any text but a double quote,
//     on one line; Pajek has no escape character, so a backslash is an ordinary character).
//     Everything after the label (coordinates, shape, drawing parameters) is ignored. A vertex
//     with no line, no label or an empty label "" takes its number as label. Vertex lines may
//     come in any order; a vertex may be listed once.
//   *Vertices n n1             a two-mode network: vertices 1..n1 are the first mode, the others
//     the second (1 <= n1 <= n). The actors get an extra text column "mode" holding "1" or "2".
//   *Arcs, *Edges              one tie per line: `from to [weight] [parameters]`; the weight
//     is a finite non-negative number (default 1); after it, Pajek's drawing parameters (and the
//     `key value` pairs networkx writes) are ignored. A third field that is not a number must be
//     one of Pajek's line parameter keywords (c, p, s, a, w, l, lc, ...), which leaves the weight 1.
//   *Arcslist, *Edgeslist      `from to1 to2 ...` per line, each tie of weight 1.
//   *Matrix                    n rows of n values (one row a line); a non-zero value is an arc
//     from the row's vertex to the column's, with that weight. In a two-mode network the matrix
//     has n1 rows and n-n1 columns and its ties are edges between the two modes (as igraph reads it).
//   Each tie section may name its relation: `*Arcs :2 "advice"` (the label may also be unquoted,
//     or left out when an earlier section gave relation 2 its label; a relation never labelled is
//     named by its number, "2"). Without `:k` the ties have no relation (an empty relation).
//   Section names are case-insensitive; lines starting with % are comments; blank lines are
//   skipped; LF or CRLF line ends; UTF-8 text with or without a byte-order mark.
//
// How essnet fields map
//   actor id        <- the vertex label (labels must be unique); actors are in vertex order.
//   actor "mode"    <- "1"/"2" for two-mode networks only.
//   tie source/target, weight <- the line; directed <- *Arcs/*Arcslist/one-mode *Matrix (true)
//                      or *Edges/*Edgeslist/two-mode *Matrix (false); relation <- the section's.
//   Everything else (names, kinds, countries, regions, founded years, start and end years,
//   provenance, extra columns) is left empty: Pajek .net cannot hold it.
//
// What is written (pajek_text / write_pajek)
//   `*Vertices n`, or `*Vertices n n1` when the actors have a "mode" column holding only "1" and
//   "2" with every "1" before every "2" and at least one "1" (otherwise the mode column is not
//   written). Then one line per actor, `number "id"`: ids are always quoted; since Pajek has no
//   escape, a double quote in an id is written as an apostrophe (') and a line break (CR or LF)
//   as a space. Then the ties: first those with no relation under plain `*Arcs` / `*Edges`
//   headers, then for each named relation k (numbered 1, 2, ... in order of first appearance)
//   `*Arcs :k "relation"` and `*Edges :k "relation"` (same replacements in the label). Within a
//   section ties keep their table order. Weights are written only when some tie's weight is not 1,
//   then for every tie, in the shortest form that reads back to the same double. Line ends are LF.
//   Not written (Pajek cannot hold them): names, kinds, countries, regions, founded years, tie
//   years, provenance, extra columns other than "mode", and the order of ties across sections.
//   networkx's read_pajek reads one-mode files with one tie section and no backslash in an id
//   (it splits lines as shell words); igraph's Read_Pajek reads files without relation labels
//   (`:k`); see the tests for the exact cross-tool checks.
//
// Errors
//   Malformed input throws ParseError ("FILE:LINE:COLUMN: message"): no *Vertices line, a second
//   *Vertices, a count that is not a non-negative integer or is too large (more than 2^31-2, or
//   more than 2^20 + 64 x the file size in bytes, so that a corrupt count cannot exhaust memory),
//   a vertex number that is not an integer or is out of 1..n, a vertex listed twice, a duplicate
//   label, an unclosed quote, a weight that is not a number or is negative, infinite or NaN, an
//   unknown section, a relation number given two different labels, a *Matrix row with the wrong
//   number of values or a *Matrix with the wrong number of rows, invalid UTF-8, a NUL byte, a
//   carriage return that does not end a line. FileError when the file cannot be read or written.
//   The writer throws std::invalid_argument when two actor ids become the same label after the
//   replacements above (a file it wrote could not be read back).
#pragma once

#include <string>
#include <string_view>

#include "essnet/core/error.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// Reads a Pajek .net file. Throws ParseError for malformed input and FileError when the file
/// cannot be read. O(file size + n) time.
ActorNetwork read_pajek(const std::string& path);

/// The same, from text in memory; `name` is the file name used in error messages.
ActorNetwork parse_pajek(std::string_view text, const std::string& name);

/// The text write_pajek writes for a network.
/// Throws std::invalid_argument when two actor ids would be written as the same label.
std::string pajek_text(const ActorNetwork& network);

/// Writes a network as Pajek .net through a temporary file renamed over `path`, so that an
/// interrupted write never leaves a half-written file. Write a Graph with write_pajek(network_of(g), path).
/// Throws std::invalid_argument as pajek_text, FileError when the file cannot be written.
void write_pajek(const ActorNetwork& network, const std::string& path);

}  // namespace essnet
