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

/// Reads an edge list file into arrays, streaming it in blocks, without building a graph: the
/// edges as the file lists them, so only `options.weighted` matters here (direction and the
/// duplicate and self-loop policies apply when a graph is built). One pass, O(file size) time.
/// Throws ParseError (file, line, column) for a line with too few or too many fields, an empty
/// field, a weight that is not a finite non-negative number, or invalid UTF-8 in a name; FileError
/// when the file cannot be read.
EdgeList read_edgelist_arrays(const std::string& path, const EdgeListOptions& options = {});

/// Parses an edge list file and builds its Graph (node names are the tokens).
Graph read_edgelist(const std::string& path, const EdgeListOptions& options = {});

}  // namespace essnet
