// OpenMP thread count and id, with the one-thread answers when essnet is built without OpenMP.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace essnet::detail {

inline int thread_count() {
#ifdef _OPENMP
    return omp_get_max_threads();
#else
    return 1;
#endif
}

inline int thread_id() {
#ifdef _OPENMP
    return omp_get_thread_num();
#else
    return 0;
#endif
}

// Threads in the current team (1 outside a parallel region, or inside a nested one that runs alone).
inline int team_size() {
#ifdef _OPENMP
    return omp_get_num_threads();
#else
    return 1;
#endif
}

// Entries per block of a deterministic sum: each block is summed by one thread, then the blocks in
// order, so that a total does not depend on the thread count.
inline constexpr std::int64_t sum_block = 4096;

// Sums values in fixed blocks, then the blocks in order: the same total for any thread count.
template <class F>
double deterministic_sum(std::int64_t n, F&& value) {
    constexpr std::int64_t block = sum_block;
    const std::int64_t blocks = (n + block - 1) / block;
    std::vector<double> partial(static_cast<std::size_t>(blocks), 0.0);
#pragma omp parallel for schedule(static)
    for (std::int64_t b = 0; b < blocks; ++b) {
        double s = 0;
        for (std::int64_t i = b * block; i < std::min(n, (b + 1) * block); ++i) s += value(i);
        partial[static_cast<std::size_t>(b)] = s;
    }
    double total = 0;
    for (const double p : partial) total += p;
    return total;
}

// Splits items 0..n-1 (n = prefix.size() - 1) into `chunks` runs of about equal weight, item i
// weighing prefix[i + 1] - prefix[i]; returns the chunks + 1 bounds. Runs may be empty.
inline std::vector<std::int64_t> equal_weight_bounds(std::span<const std::int64_t> prefix, std::int64_t chunks) {
    const auto n = static_cast<std::int64_t>(prefix.size()) - 1;
    std::vector<std::int64_t> bounds{0};
    for (std::int64_t c = 1; c < chunks; ++c) {
        const std::int64_t at =
            std::lower_bound(prefix.begin(), prefix.end(), prefix.back() * c / chunks) - prefix.begin();
        bounds.push_back(std::clamp(at, bounds.back(), n));
    }
    bounds.push_back(n);
    return bounds;
}

}  // namespace essnet::detail
