// Components family on R-MAT graphs (Graph500 parameters, 16 edges per node).
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>

#include "common.hpp"
#include "essnet/components/connected_components.hpp"
#include "essnet/generate/generators.hpp"

namespace {

using namespace essnet;

const Graph& rmat_graph(std::int64_t nodes, bool directed) {
    static std::map<std::pair<std::int64_t, bool>, Graph> cache;
    auto key = std::make_pair(nodes, directed);
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache
                 .emplace(key, generate::rmat({.scale = static_cast<int>(std::log2(static_cast<double>(nodes))),
                                               .directed = directed,
                                               .seed = 1}))
                 .first;
    return it->second;
}

void BM_ConnectedComponents(benchmark::State& state, bool directed) {
    const Graph& g = rmat_graph(state.range(0), directed);
    ComponentsResult r;
    for (auto _ : state) {
        r = connected_components(g);
        benchmark::DoNotOptimize(r.membership.data());
    }
    bench::set_graph_counters(state, g);
    state.counters["components"] = r.count();
    // Streams the offsets and neighbour arrays once (out and in when directed), writes the labels.
    const double arrays = static_cast<double>(g.topology_bytes());
    bench::set_bandwidth_fraction(state, arrays + 4.0 * g.num_nodes());
}
BENCHMARK_CAPTURE(BM_ConnectedComponents, undirected, false)
    ->RangeMultiplier(32)
    ->Range(1 << 10, 1 << 20)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ConnectedComponents, directed, true)
    ->RangeMultiplier(32)
    ->Range(1 << 10, 1 << 20)
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    return essnet::bench::run_benchmarks(argc, argv, true);
}
