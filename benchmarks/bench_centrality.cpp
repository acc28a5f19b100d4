// Centrality family on R-MAT graphs (Graph500 parameters, 16 edges per node).
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>

#include "common.hpp"
#include "essnet/centrality/degree.hpp"
#include "essnet/generate/generators.hpp"

namespace {

using namespace essnet;

const Graph& rmat_graph(std::int64_t nodes) {
    static std::map<std::int64_t, Graph> cache;
    auto it = cache.find(nodes);
    if (it == cache.end())
        it = cache.emplace(nodes, generate::rmat({.scale = static_cast<int>(std::log2(static_cast<double>(nodes))), .seed = 1}))
                 .first;
    return it->second;
}

void BM_Degree(benchmark::State& state) {
    const Graph& g = rmat_graph(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(degree(g).data());
    state.counters["nodes"] = g.num_nodes();
    state.counters["edges"] = static_cast<double>(g.num_edges());
    // Reads the offsets, writes one int64 per node.
    bench::set_bandwidth_fraction(state, 16.0 * g.num_nodes());
}
BENCHMARK(BM_Degree)->RangeMultiplier(32)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) { return essnet::bench::run_benchmarks(argc, argv, true); }
