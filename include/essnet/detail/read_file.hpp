// Reading a whole file into memory, with a FileError that names it.
#pragma once

#include <cerrno>
#include <cstdio>
#include <string>

#include "essnet/io/file_error.hpp"

namespace essnet::detail {

inline std::string read_file(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw FileError(path, errno, "open");
    std::string text;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
    const bool failed = std::ferror(f);
    const int error_number = errno;
    std::fclose(f);
    if (failed) throw FileError(path, error_number, "read");
    return text;
}

}  // namespace essnet::detail
