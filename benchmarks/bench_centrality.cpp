// Centrality family on R-MAT graphs (Graph500 parameters, 16 edges per node).
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>

#include "common.hpp"
#include "essnet/centrality/betweenness.hpp"
#include "essnet/centrality/closeness.hpp"
#include "essnet/centrality/clustering.hpp"
#include "essnet/centrality/coreness.hpp"
#include "essnet/centrality/degree.hpp"
#include "essnet/centrality/pagerank.hpp"
#include "essnet/generate/generators.hpp"

namespace {

using namespace essnet;

const Graph& rmat_graph(std::int64_t nodes) {
    static std::map<std::int64_t, Graph> cache;
    auto it = cache.find(nodes);
    if (it == cache.end())
        it = cache
                 .emplace(nodes,
                          generate::rmat({.scale = static_cast<int>(std::log2(static_cast<double>(nodes))), .seed = 1}))
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

// One PageRank iteration streams the in-offsets and in-neighbour arrays and reads and writes a few
// values per node; "fraction_of_bandwidth" compares the time per iteration with that stream.
void BM_PageRank(benchmark::State& state) {
    const Graph& g = rmat_graph(state.range(0));
    IterativeResult r;
    for (auto _ : state) {
        r = pagerank(g);
        benchmark::DoNotOptimize(r.score.data());
    }
    bench::set_graph_counters(state, g);
    state.counters["iterations"] = r.iterations;
    const double bytes = 8.0 * (g.num_nodes() + 1) + 4.0 * static_cast<double>(g.num_arcs()) + 5 * 8.0 * g.num_nodes();
    bench::set_bandwidth_fraction(state, bytes * r.iterations);
}
BENCHMARK(BM_PageRank)->RangeMultiplier(32)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

void BM_Betweenness(benchmark::State& state) {
    const Graph& g = rmat_graph(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(betweenness(g).data());
    bench::set_graph_counters(state, g);
}
BENCHMARK(BM_Betweenness)->Arg(1 << 10)->Arg(1 << 13)->Unit(benchmark::kMillisecond);

// Graphs of the size a CUG test of betweenness centralization draws (compare/cug.py draws undirected
// G(1000, 3000)), here directed: the whole search state stays in the first-level cache, and the time
// is branches and latency.
void BM_BetweennessSmallDirected(benchmark::State& state) {
    static const Graph g = generate::erdos_renyi({.n = 1000, .m = 3000, .directed = true, .seed = 1});
    for (auto _ : state) benchmark::DoNotOptimize(betweenness(g).data());
    bench::set_graph_counters(state, g);
}
BENCHMARK(BM_BetweennessSmallDirected)->Unit(benchmark::kMillisecond);

void BM_Closeness(benchmark::State& state) {
    const Graph& g = rmat_graph(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(closeness(g).data());
    bench::set_graph_counters(state, g);
}
BENCHMARK(BM_Closeness)->Arg(1 << 10)->Arg(1 << 13)->Unit(benchmark::kMillisecond);

void BM_Clustering(benchmark::State& state) {
    const Graph& g = rmat_graph(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(clustering(g).data());
    bench::set_graph_counters(state, g);
}
BENCHMARK(BM_Clustering)->RangeMultiplier(32)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

void BM_Coreness(benchmark::State& state) {
    const Graph& g = rmat_graph(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(coreness(g).data());
    bench::set_graph_counters(state, g);
}
BENCHMARK(BM_Coreness)->RangeMultiplier(32)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    return essnet::bench::run_benchmarks(argc, argv, true);
}
