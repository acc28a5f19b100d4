// The index from actor id to actor row: open addressing over the id column itself, so that it
// holds one int32 per slot and no copy of the ids (a node-based hash map allocated one node and one
// string per actor, which dominated loading a network).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace essnet::detail {

class IdIndex {
public:
    /// Row of `id` among `ids`, or std::nullopt.
    std::optional<std::int32_t> find(std::string_view id, const std::vector<std::string>& ids) const {
        if (slots_.empty()) return std::nullopt;
        for (std::size_t s = slot_of(id);; s = (s + 1) & mask()) {
            const std::int32_t row = slots_[s];
            if (row < 0) return std::nullopt;
            if (ids[static_cast<std::size_t>(row)] == id) return row;
        }
    }
    /// Adds ids[row] (which the caller has appended); false, and nothing added, when the id is
    /// already indexed.
    bool insert(std::int32_t row, const std::vector<std::string>& ids) {
        if (2 * (count_ + 1) > slots_.size()) grow(ids, 2 * (count_ + 1));
        const std::string_view id = ids[static_cast<std::size_t>(row)];
        for (std::size_t s = slot_of(id);; s = (s + 1) & mask()) {
            const std::int32_t r = slots_[s];
            if (r < 0) {
                slots_[s] = row;
                ++count_;
                return true;
            }
            if (ids[static_cast<std::size_t>(r)] == id) return false;
        }
    }
    /// Makes room for `rows` ids without growing again.
    void reserve(std::size_t rows, const std::vector<std::string>& ids) {
        if (2 * rows > slots_.size()) grow(ids, 2 * rows);
    }

private:
    std::size_t mask() const noexcept { return slots_.size() - 1; }
    std::size_t slot_of(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id)&mask(); }
    void grow(const std::vector<std::string>& ids, std::size_t wanted) {
        std::size_t size = 16;
        while (size < wanted) size *= 2;
        std::vector<std::int32_t> old = std::move(slots_);
        slots_.assign(size, -1);
        for (const std::int32_t row : old)
            if (row >= 0)
                for (std::size_t s = slot_of(ids[static_cast<std::size_t>(row)]);; s = (s + 1) & mask())
                    if (slots_[s] < 0) {
                        slots_[s] = row;
                        break;
                    }
    }

    std::vector<std::int32_t> slots_;  // a row, or -1 for an empty slot; size a power of two
    std::size_t count_ = 0;
};

}  // namespace essnet::detail
