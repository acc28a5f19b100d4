// Malformed inputs and the ParseError each must give, for the parameterised error tests of the
// readers.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "essnet/core/error.hpp"

namespace essnet::test {

struct BadInput {
    const char* name;
    std::string text;
    std::int64_t line, column;
    std::string message_part;
};

inline void PrintTo(const BadInput& c, std::ostream* os) {
    *os << c.name;
}

/// Checks that read(c.text) throws a ParseError naming `file`, c's line and column, and a message
/// holding c.message_part.
template <class Read>
void expect_parse_error(const BadInput& c, const std::string& file, Read&& read) {
    try {
        read(std::string_view(c.text));
        FAIL() << "no ParseError for " << c.name;
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), file);
        EXPECT_EQ(e.line(), c.line) << e.what();
        EXPECT_EQ(e.column(), c.column) << e.what();
        EXPECT_NE(e.message().find(c.message_part), std::string::npos) << e.what();
    }
}

}  // namespace essnet::test
