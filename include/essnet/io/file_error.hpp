// Errors opening or reading a file (missing file, permissions, I/O failure).
#pragma once

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace essnet {

/// Thrown when a file cannot be opened, read or written. Python sees it as OSError (FileNotFoundError
/// for a missing file).
class FileError : public std::runtime_error {
public:
    FileError(std::string path, int error_number, const std::string& action)
        : std::runtime_error("cannot " + action + " '" + path + "': " + std::strerror(error_number)),
          path_(std::move(path)), error_number_(error_number) {}
    const std::string& path() const noexcept { return path_; }
    int error_number() const noexcept { return error_number_; }

private:
    std::string path_;
    int error_number_;
};

}  // namespace essnet
