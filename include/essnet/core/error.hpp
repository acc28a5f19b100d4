// Error types thrown by essnet.
//
// Bad input never crashes: parse errors name the file, line and column; invalid arguments name the
// parameter and its value (std::invalid_argument), bad ids throw std::out_of_range.
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

namespace essnet {

/// Thrown by every reader when its input is malformed. `what()` reads
/// "FILE:LINE:COLUMN: MESSAGE"; the parts are also available separately.
/// Lines and columns count from 1; columns count Unicode code points.
class ParseError : public std::runtime_error {
public:
    ParseError(std::string file, std::int64_t line, std::int64_t column, std::string message)
        : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message),
          file_(std::move(file)),
          line_(line),
          column_(column),
          message_(std::move(message)) {}

    const std::string& file() const noexcept { return file_; }
    std::int64_t line() const noexcept { return line_; }
    std::int64_t column() const noexcept { return column_; }
    /// The message without the position prefix.
    const std::string& message() const noexcept { return message_; }

private:
    std::string file_;
    std::int64_t line_;
    std::int64_t column_;
    std::string message_;
};

/// Thrown when a file cannot be opened, read or written. Python sees it as OSError (FileNotFoundError
/// for a missing file).
class FileError : public std::runtime_error {
public:
    FileError(std::string path, int error_number, const std::string& action)
        : std::runtime_error("cannot " + action + " '" + path + "': " + std::strerror(error_number)),
          path_(std::move(path)),
          error_number_(error_number) {}
    const std::string& path() const noexcept { return path_; }
    int error_number() const noexcept { return error_number_; }

private:
    std::string path_;
    int error_number_;
};

}  // namespace essnet
