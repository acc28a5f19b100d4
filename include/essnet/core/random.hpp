// Random numbers that are the same on every machine, standard library and thread count.
//
// std::uniform_*_distribution differ between standard libraries, so essnet draws its own:
// xoshiro256** (Blackman & Vigna 2018) seeded through splitmix64, doubles from the top 53 bits,
// bounded integers by Lemire's multiply-shift with rejection (Lemire 2019, "Fast random integer
// generation in an interval", ACM TOMACS 29(1)). Parallel code derives one stream per fixed block
// of work with Rng(seed, block), never per thread, so results do not depend on scheduling.
#pragma once

#include <cmath>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace essnet {

class Rng {
public:
    /// A generator for `seed`; `stream` selects an independent sequence (for block-parallel work).
    explicit Rng(std::uint64_t seed, std::uint64_t stream = 0) {
        std::uint64_t x = seed ^ (0x9e3779b97f4a7c15ULL * (stream + 1));
        for (auto& s : s_) s = splitmix64(x);
    }

    /// 64 uniformly random bits.
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    /// Uniform double in [0, 1).
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// Uniform integer in [0, n); n > 0.
    std::uint64_t below(std::uint64_t n) noexcept {
        __uint128_t m = static_cast<__uint128_t>(next()) * n;
        auto low = static_cast<std::uint64_t>(m);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<__uint128_t>(next()) * n;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

    /// Geometric number of failures before the first success, success probability p in (0, 1].
    std::uint64_t geometric(double p) noexcept {
        if (p >= 1.0) return 0;
        const double u = 1.0 - uniform();  // in (0, 1]
        const double k = std::floor(std::log(u) / std::log1p(-p));
        return k >= 1.8e19 ? ~std::uint64_t{0} : static_cast<std::uint64_t>(k);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix64(std::uint64_t& x) noexcept {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::uint64_t s_[4];
};

namespace detail {

/// Fisher-Yates shuffle driven by an Rng: the same order for the same seed on every machine
/// (std::shuffle's order differs between standard libraries).
template <class T>
void shuffle(std::vector<T>& items, Rng& rng) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng.below(i)]);
}

inline std::vector<std::int32_t> random_order(std::int32_t n, Rng& rng) {
    std::vector<std::int32_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    shuffle(order, rng);
    return order;
}

}  // namespace detail

}  // namespace essnet
