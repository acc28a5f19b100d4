// Reading plain edge lists: one edge per line, "source target" or "source target weight".
//
// Fields are separated by blanks (spaces, tabs) or by one comma with optional blanks around it.
// Lines whose first non-blank character is '#' or '%' are comments; blank lines are skipped; LF or
// CRLF line ends. Node names are the tokens as written ("7" and "007" are different nodes); nodes are
// numbered in order of first appearance, as networkx does.
#pragma once

#include <string>
#include <vector>

#include "essnet/core/error.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/graph/graph.hpp"

namespace essnet {

struct EdgeListOptions {
    bool directed = false;
    /// Read a third field as the edge weight (a finite non-negative number).
    bool weighted = false;
    DuplicatePolicy duplicates = DuplicatePolicy::keep;
    SelfLoopPolicy self_loops = SelfLoopPolicy::keep;
};

/// The parsed content of an edge list, before a graph is built from it.
struct EdgeList {
    std::vector<std::string> names{};  // node names in order of first appearance
    std::vector<node_id> sources{};
    std::vector<node_id> targets{};
    std::vector<double> weights{};  // empty unless weighted
};

/// Parses an edge list file, streaming it in blocks. One pass, O(file size) time.
/// Throws ParseError (file, line, column) for a line with too few or too many fields, an empty
/// field, a weight that is not a finite non-negative number, or invalid UTF-8 in a name; FileError
/// when the file cannot be read.
EdgeList parse_edgelist(const std::string& path, bool weighted = false);

/// Parses an edge list file and builds its Graph (node names are the tokens).
Graph read_edgelist(const std::string& path, const EdgeListOptions& options = {});

}  // namespace essnet
