// What every essnet benchmark binary shares: its main(), the thread count, and a STREAM-like triad
// (a[i] = b[i] + s * c[i]; McCalpin 1995) that measures the machine's memory bandwidth once per
// run, so traversal kernels can report their time as a fraction of what streaming their arrays
// from memory allows.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "essnet/graph/graph.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace essnet::bench {

/// Sustained bandwidth in bytes per second: best of several triads over arrays far larger than
/// the caches (3 x 8 x 2^25 bytes = 768 MiB), using all OpenMP threads.
inline double triad_bandwidth() {
    static const double measured = [] {
        const std::size_t n = std::size_t{1} << 25;
        std::vector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
        double best = 1e30;
        for (int rep = 0; rep < 5; ++rep) {
            const auto t0 = std::chrono::steady_clock::now();
#pragma omp parallel for schedule(static)
            for (std::int64_t i = 0; i < static_cast<std::int64_t>(n); ++i)
                a[static_cast<std::size_t>(i)] = b[static_cast<std::size_t>(i)] + 3.0 * c[static_cast<std::size_t>(i)];
            benchmark::DoNotOptimize(a.data());
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        return 3.0 * 8.0 * static_cast<double>(n) / best;  // read b, c; write a
    }();
    return measured;
}

/// Adds the triad bandwidth (GB/s) to the run's context.
inline void add_bandwidth_context() {
    benchmark::AddCustomContext("triad_bandwidth_GBps", std::to_string(triad_bandwidth() / 1e9));
}

/// Sets the counter "fraction_of_bandwidth": the time that streaming `bytes_per_iteration` at the
/// triad bandwidth takes, divided by the measured time per iteration (1 = as fast as memory).
inline void set_bandwidth_fraction(benchmark::State& state, double bytes_per_iteration) {
    state.counters["bytes_per_iteration"] = bytes_per_iteration;
    state.counters["fraction_of_bandwidth"] = benchmark::Counter(
        bytes_per_iteration / triad_bandwidth() * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

/// The OpenMP thread count, for the context block.
inline std::string thread_count() {
#ifdef _OPENMP
    return std::to_string(omp_get_max_threads());
#else
    return "1 (built without OpenMP)";
#endif
}

/// The counters every graph benchmark reports: nodes, edges and edges per second.
inline void set_graph_counters(benchmark::State& state, const Graph& g) {
    state.counters["nodes"] = g.num_nodes();
    state.counters["edges"] = static_cast<double>(g.num_edges());
    state.counters["edges_per_second"] = benchmark::Counter(
        static_cast<double>(g.num_edges()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

/// main() of every essnet benchmark binary: the thread count (and, when asked, the bandwidth) in
/// the context block, then Google Benchmark's usual command line.
inline int run_benchmarks(int argc, char** argv, bool with_bandwidth) {
    benchmark::AddCustomContext("threads", thread_count());
    if (with_bandwidth) add_bandwidth_context();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

}  // namespace essnet::bench
