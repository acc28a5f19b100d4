// Reading UCINET DL (read only; essnet writes no DL).
//
// What is read: a header, then `DATA:` and the data, as in the UCINET user's guide (Borgatti,
// Everett and Freeman, "UCINET 6 for Windows", section 3.3 "DL Filetype").
//   DL                     first word of the file (any case).
//   N = 5                  number of actors (required; NR and NC are accepted when equal;
//                          rectangular, two-mode data is not read).
//   NM = 2                 number of matrices (relations), default 1; FULLMATRIX only.
//   FORMAT = FULLMATRIX | EDGELIST1 | NODELIST1   default FULLMATRIX; other formats (LOWERHALF,
//                          EDGELIST2, NODELIST2, ...) are refused with a ParseError.
//   DIAGONAL = PRESENT | ABSENT, or DIAGONAL PRESENT | ABSENT   FULLMATRIX rows without the
//                          diagonal cell when absent.
//   LABELS:                the N actor labels; ROW LABELS: and COLUMN LABELS: (or COL LABELS:)
//                          for square data, the column labels being the row labels in any order.
//   LABELS EMBEDDED        the labels are in the data (see below); ROW LABELS EMBEDDED together
//                          with COLUMN LABELS EMBEDDED, as UCINET exports, means the same.
//   MATRIX LABELS:         the NM relation names (LEVEL LABELS: is read the same).
//   Keywords are case-insensitive; options are separated by blanks, line ends or commas, with
//   or without blanks around '='. A label list runs from the ':' to the next line that starts
//   with a keyword; labels are separated by commas or line ends, blanks around them are dropped,
//   and a label may be "quoted" (to hold a comma). When that does not give the expected count but
//   splitting at blanks too does (UCINET's own rule, as in `labels:` then `a b c`), blanks
//   separate labels as well. Labels are kept as written (UCINET upper-cases them; essnet does not).
//
// The data (fields separated by blanks or commas; blank lines skipped; fields may be quoted):
//   FULLMATRIX  NM matrices of N rows, one row a line, N values a row (N-1 with DIAGONAL ABSENT).
//               With LABELS EMBEDDED each matrix starts with a line of N column labels (optional
//               after the first matrix) and each row starts with its actor's label (rows may come in
//               any order). A non-zero value is a tie from the row's actor to the column's, with the
//               value as weight.
//   EDGELIST1   `i j [w]` per line: a tie from i to j with weight w (default 1); i and j are
//               numbers 1..N, or labels with LABELS EMBEDDED. A zero weight is no tie (a zero cell
//               of UCINET's matrix). Each line is one tie: a repeated pair gives parallel ties.
//   NODELIST1   `i j k ...` per line: ties from i to j, to k, ... of weight 1.
//
// How essnet fields map: actor id <- label (or the number 1..N when the file has no labels;
// with embedded labels and no LABELS: list, the actors are the labels in order of first
// appearance, at most N of them). Every tie is directed (a DL matrix is read as arcs: a symmetric
// matrix gives both arcs, i->j and j->i), with the cell value as weight and the matrix label as
// relation (the matrix number "1", "2", ... when NM > 1 and there are no matrix labels; empty when
// NM = 1 without one). Names, kinds, years, provenance and other attributes are not in DL.
//
// Errors: ParseError ("FILE:LINE:COLUMN: message") for a file not starting with DL, an unknown
// keyword, a missing N or DATA:, a label count that is not N (or NM for matrix labels), a
// duplicate label, a matrix row with the wrong number of values, fewer or more rows than N x NM,
// a node number outside 1..N or an unknown embedded label, an edge list line without two or three
// fields, a value that is not a finite non-negative number, an N larger than 2^20 + 64 x the file
// size in bytes (a corrupt count), invalid UTF-8 or a NUL byte. FileError when the file cannot be read.
#pragma once

#include <string>
#include <string_view>

#include "essnet/core/error.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// Reads a UCINET DL file. Throws ParseError for malformed input and FileError when the file
/// cannot be read. O(file size + N) time.
ActorNetwork read_dl(const std::string& path);

/// The same, from text in memory; `name` is the file name used in error messages.
ActorNetwork parse_dl(std::string_view text, const std::string& name);

}  // namespace essnet
