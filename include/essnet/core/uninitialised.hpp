// An allocator for arrays that are written in parallel right after they are sized.
#pragma once

#include <memory>
#include <new>
#include <utility>

namespace essnet::detail {

// Allocator that leaves new elements of a resize() uninitialised, for arrays whose every element
// is written next by several threads: no thread zeroes (and first-touches) all of it first.
template <class T>
struct Uninitialised : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = Uninitialised<U>;
    };
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
    template <class U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
};

}  // namespace essnet::detail
