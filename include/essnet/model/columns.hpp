// Column types of the actor and tie tables.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace essnet {

/// Text values stored back to back in one buffer: one allocation for a million provenance notes
/// instead of a million strings.
class StringColumn {
public:
    std::size_t size() const noexcept { return offsets_.size() - 1; }
    std::string_view operator[](std::size_t row) const noexcept {
        return {chars_.data() + offsets_[row], static_cast<std::size_t>(offsets_[row + 1] - offsets_[row])};
    }
    void push_back(std::string_view value) {
        chars_.append(value);
        offsets_.push_back(static_cast<std::int64_t>(chars_.size()));
    }
    void reserve(std::size_t rows) { offsets_.reserve(rows + 1); }

private:
    friend class SnapshotCodec;  // io/snapshot: stores and restores the buffers as they are
    std::string chars_;
    std::vector<std::int64_t> offsets_{0};
};

/// An open vocabulary (kinds, relations, countries): each row holds a code into `categories()`,
/// or `missing` for an empty cell. Codes follow first appearance.
class CategoricalColumn {
public:
    static constexpr std::int32_t missing = -1;

    std::size_t size() const noexcept { return codes_.size(); }
    std::int32_t code(std::size_t row) const noexcept { return codes_[row]; }
    /// The label of a row, empty for a missing value.
    std::string_view operator[](std::size_t row) const noexcept {
        const std::int32_t c = codes_[row];
        return c == missing ? std::string_view{} : std::string_view{categories_[static_cast<std::size_t>(c)]};
    }
    const std::vector<std::int32_t>& codes() const noexcept { return codes_; }
    const std::vector<std::string>& categories() const noexcept { return categories_; }
    /// The code of a label, or `missing` when no row has it.
    std::int32_t find(std::string_view label) const {
        const auto it = index_.find(std::string(label));
        return it == index_.end() ? missing : it->second;
    }
    /// Appends a row; an empty label is a missing value.
    void push_back(std::string_view label) {
        if (label.empty()) {
            codes_.push_back(missing);
            return;
        }
        auto [it, inserted] = index_.try_emplace(std::string(label), static_cast<std::int32_t>(categories_.size()));
        if (inserted) categories_.emplace_back(label);
        codes_.push_back(it->second);
    }
    void reserve(std::size_t rows) { codes_.reserve(rows); }

private:
    friend class SnapshotCodec;
    std::vector<std::int32_t> codes_;
    std::vector<std::string> categories_;
    std::unordered_map<std::string, std::int32_t> index_;
};

/// A named text column that the schema does not know (kept as read, one value per row).
struct ExtraColumn {
    std::string name{};
    StringColumn values{};
};

}  // namespace essnet
