// The essnet snapshot: a binary file holding a network or a graph, and named graphs with it, that
// loads at close to disk speed.
//
// Layout (little-endian): the 8 bytes "ESSNETSN", the format version (uint32, now 1), a byte-order
// mark (uint32 0x01020304), the payload size (uint64) and a 64-bit checksum of the payload; then the
// payload, a sequence of sections (uint32 tag, uint64 length, bytes). Arrays are stored as they sit
// in memory (CSR arrays of graphs, columns of networks: text as one buffer with offsets, categories
// with their codes), so loading is one read, one checksum pass, a structural check of every array
// (sizes, offsets, node and edge numbers, codes in range), and copies.
// A file that is not a snapshot, was written by a newer format version, is truncated, fails its
// checksum or holds inconsistent arrays throws ParseError naming the file, with line 1 and the
// byte offset + 1 as the column. Never a crash: every size and index is checked before use.
// Written to a temporary file, then renamed.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "essnet/core/error.hpp"
#include "essnet/graph/graph.hpp"
#include "essnet/model/actor_network.hpp"

namespace essnet {

/// What a snapshot holds: a network or a graph (or neither), and named graphs.
struct Snapshot {
    std::optional<ActorNetwork> network{};
    std::optional<Graph> graph{};
    std::vector<std::pair<std::string, Graph>> graphs{};
};

/// Writes a snapshot. Throws FileError when the file cannot be written.
void save_snapshot(const Snapshot& snapshot, const std::string& path);

/// Reads a snapshot. Throws ParseError for a file that is not a valid snapshot, FileError when it
/// cannot be read.
Snapshot load_snapshot(const std::string& path);

/// The same from bytes in memory; `name` is used in error messages.
Snapshot decode_snapshot(std::string_view bytes, const std::string& name = "<snapshot>");

/// The bytes save_snapshot writes.
std::string encode_snapshot(const Snapshot& snapshot);

}  // namespace essnet
