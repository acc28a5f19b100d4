// Reading a whole file into memory, with a FileError that names it.
#pragma once

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "essnet/core/error.hpp"

namespace essnet::detail {

/// Opens a file for reading; a directory is refused (EISDIR) rather than read as empty.
inline std::FILE* open_for_reading(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw FileError(path, errno, "open");
    struct stat info {};
    if (::fstat(::fileno(f), &info) == 0 && S_ISDIR(info.st_mode)) {
        std::fclose(f);
        throw FileError(path, EISDIR, "read");
    }
    return f;
}

inline std::string read_file(const std::string& path) {
    std::FILE* f = open_for_reading(path);
    std::string text;
    struct stat info {};
    if (::fstat(::fileno(f), &info) == 0 && S_ISREG(info.st_mode)) text.reserve(static_cast<std::size_t>(info.st_size));
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
