// Progress reporting and cancellation for long computations.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <thread>

namespace essnet {

/// Thrown by a computation whose progress hook asked it to stop. Nothing is returned; inputs are
/// unchanged.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("the computation was cancelled") {}
};

/// An optional hook that long computations call from time to time (about every 20 ms of work) with
/// the share of work done, 0 to 1. Returning false stops the computation,
/// which then throws Cancelled. Called from one thread at a time.
using ProgressHook = std::function<bool(double fraction_done)>;

namespace detail {

/// Calls a ProgressHook from parallel loops: every thread counts the units it finishes, and the
/// thread that started the computation reports. Once cancelled, stays cancelled.
class ProgressReporter {
public:
    /// `total` units of work, or 0 when it is not known in advance (say, rounds until nothing
    /// changes): the share reported after d units is then d / (d + 1), below 1 until finish().
    ProgressReporter(const ProgressHook& hook, std::int64_t total)
        : hook_(hook), total_(std::max<std::int64_t>(total, 0)), owner_(std::this_thread::get_id()) {}

    /// Records `units` finished; returns false once the computation should stop.
    bool advance(std::int64_t units = 1) {
        if (cancelled_.load(std::memory_order_relaxed)) return false;
        const auto done = done_.fetch_add(units, std::memory_order_relaxed) + units;
        if (!hook_ || std::this_thread::get_id() != owner_) return true;
        // At most one call every 20 ms: the hook may be costly (Python takes its lock to run it).
        const auto now = std::chrono::steady_clock::now();
        if (now - last_report_ >= std::chrono::milliseconds(20)) {
            last_report_ = now;
            const double share = total_ > 0 ? static_cast<double>(std::min(done, total_)) / static_cast<double>(total_)
                                            : static_cast<double>(done) / static_cast<double>(done + 1);
            if (!hook_(share)) cancelled_ = true;
        }
        return !cancelled_.load(std::memory_order_relaxed);
    }
    bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }
    /// Throws Cancelled when the hook asked to stop; reports completion otherwise.
    void finish() {
        if (cancelled()) throw Cancelled();
        if (hook_ && !hook_(1.0)) throw Cancelled();
    }

private:
    const ProgressHook& hook_;
    std::int64_t total_;
    std::atomic<std::int64_t> done_{0};
    std::atomic<bool> cancelled_{false};
    std::thread::id owner_;
    std::chrono::steady_clock::time_point last_report_{};  // used by the owner thread only
};

}  // namespace detail

}  // namespace essnet
