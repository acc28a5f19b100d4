// Reading an ActorNetwork from two CSV tables (RFC 4180).
//
// actors.csv: a header row naming the columns, then one row per actor.
//   id (required, unique), name, kind, country, region, founded (a year); any other column is kept
//   as an extra text column.
// ties.csv: a header row, then one row per tie.
//   source, target (required: actor ids), relation, directed (true/false, yes/no, 1/0; empty means
//   true), weight (a finite non-negative number; empty means 1), start_year, end_year (years, empty
//   when unknown or open), provenance; any other column is kept as an extra text column.
//
// Fields may be quoted ("..."), with "" for a quote inside; quoted fields may hold the delimiter and
// newlines. Files are UTF-8, with or without a byte-order mark, with LF or CRLF line ends. Blank
// lines are skipped. Years are integers (a trailing ".0", as pandas writes, is accepted).
#pragma once

#include <string>
#include <string_view>

#include "essnet/core/error.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// Reads the actor and tie tables of a network.
/// Throws ParseError ("FILE:LINE:COLUMN: message") for malformed input: a missing required column,
/// a repeated column name, a row with the wrong number of fields, an unclosed quote, invalid UTF-8,
/// an empty or duplicate actor id, a tie naming an unknown actor, an unreadable year or directed
/// flag, a weight that is negative, infinite or NaN, an end year before the start year.
/// Throws FileError when a file cannot be read.
ActorNetwork read_csv(const std::string& actors_path, const std::string& ties_path);

/// The same, from text already in memory; the names are used in error messages.
ActorNetwork parse_csv(std::string_view actors_text, const std::string& actors_name, std::string_view ties_text,
                       const std::string& ties_name);

}  // namespace essnet
