// Text names of builder policies, as Python passes them.
#pragma once

#include <stdexcept>
#include <string>

#include "essnet/centrality/degree.hpp"
#include "essnet/graph/builder.hpp"

namespace essnet::python {

inline DuplicatePolicy duplicate_policy(const std::string& name) {
    if (name == "keep") return DuplicatePolicy::keep;
    if (name == "sum") return DuplicatePolicy::sum;
    if (name == "max") return DuplicatePolicy::max;
    throw std::invalid_argument("duplicates must be 'keep', 'sum' or 'max', got '" + name + "'");
}

inline SelfLoopPolicy self_loop_policy(const std::string& name) {
    if (name == "keep") return SelfLoopPolicy::keep;
    if (name == "drop") return SelfLoopPolicy::drop;
    throw std::invalid_argument("self_loops must be 'keep' or 'drop', got '" + name + "'");
}

inline Direction direction_of(const std::string& direction) {
    if (direction == "all") return Direction::all;
    if (direction == "out") return Direction::out;
    if (direction == "in") return Direction::in;
    throw std::invalid_argument("direction must be 'all', 'out' or 'in', got '" + direction + "'");
}

}  // namespace essnet::python
