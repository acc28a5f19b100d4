// Writing a file so that it is never seen half-written.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "essnet/core/error.hpp"

namespace essnet {

/// Writes to a temporary file next to `path` and renames it over `path` on commit(), keeping the
/// permissions of a file it replaces. When the writer throws before commit(), `path` keeps its old
/// content (or stays absent) and the destructor removes the temporary file; when the program is
/// killed, `path` is still whole, and a `path.tmp-*` file may be left behind.
///
///     AtomicFile out(path);
///     out.write("<graphml>...");
///     out.commit();
class AtomicFile {
public:
    explicit AtomicFile(std::string path)
        : path_(std::move(path)),
          temporary_(path_ + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(next_number())) {
        file_ = std::fopen(temporary_.c_str(), "wb");
        if (!file_) throw FileError(path_, errno, "write");
    }
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile() {
        if (file_) {
            std::fclose(file_);
            std::remove(temporary_.c_str());
        }
    }

    void write(std::string_view bytes) {
        if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
            throw FileError(path_, errno, "write");
    }
    /// Flushes, closes and renames the temporary file to the target path.
    void commit() {
        std::FILE* f = file_;
        file_ = nullptr;
        const bool failed = std::fflush(f) != 0 || ::fsync(::fileno(f)) != 0;
        const int flush_error = errno;
        if (std::fclose(f) != 0 || failed) {
            const int error_number = failed ? flush_error : errno;
            std::remove(temporary_.c_str());
            throw FileError(path_, error_number, "write");
        }
        // A file being replaced keeps its permissions (a private file stays private).
        std::error_code ec;
        const auto old = std::filesystem::status(path_, ec);
        if (!ec && std::filesystem::is_regular_file(old))
            std::filesystem::permissions(temporary_, old.permissions(), std::filesystem::perm_options::replace, ec);
        std::filesystem::rename(temporary_, path_, ec);
        if (ec) {
            std::remove(temporary_.c_str());
            throw FileError(path_, ec.value(), "write");
        }
    }

private:
    // Two writers of one process (threads) never share a temporary name.
    static unsigned long next_number() {
        static std::atomic<unsigned long> counter{0};
        return counter++;
    }

    std::string path_, temporary_;
    std::FILE* file_ = nullptr;
};

/// Writes `content` as the whole of `path` through an AtomicFile.
inline void write_file_atomically(const std::string& path, std::string_view content) {
    AtomicFile file(path);
    file.write(content);
    file.commit();
}

}  // namespace essnet
