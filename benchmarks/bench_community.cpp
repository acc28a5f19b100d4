// Community family on LFR graphs (average degree 20, maximum 50, mu 0.3): Leiden, Louvain, label
// propagation, and consensus over seeds (parallel over runs: compare OMP_NUM_THREADS=1 and 2).
#include <benchmark/benchmark.h>

#include <map>

#include "common.hpp"
#include "essnet/community/consensus.hpp"
#include "essnet/community/label_propagation.hpp"
#include "essnet/community/leiden.hpp"
#include "essnet/community/louvain.hpp"
#include "essnet/generate/generators.hpp"

namespace {

using namespace essnet;

const Graph& lfr_graph(std::int64_t nodes) {
    static std::map<std::int64_t, Graph> cache;
    auto it = cache.find(nodes);
    if (it == cache.end())
        it = cache.emplace(nodes, generate::lfr({.n = static_cast<node_id>(nodes), .mu = 0.3, .seed = 1}).graph).first;
    return it->second;
}

void BM_Leiden(benchmark::State& state) {
    const Graph& g = lfr_graph(state.range(0));
    Partition p;
    for (auto _ : state) {
        p = leiden(g, {.seed = 1});
        benchmark::DoNotOptimize(p.membership.data());
    }
    bench::set_graph_counters(state, g);
    state.counters["modularity"] = p.quality;
    state.counters["communities"] = p.n_communities;
}
BENCHMARK(BM_Leiden)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_Louvain(benchmark::State& state) {
    const Graph& g = lfr_graph(state.range(0));
    LouvainResult r;
    for (auto _ : state) {
        r = louvain(g, {.seed = 1});
        benchmark::DoNotOptimize(r.partition.membership.data());
    }
    bench::set_graph_counters(state, g);
    state.counters["modularity"] = r.partition.quality;
}
BENCHMARK(BM_Louvain)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_LabelPropagation(benchmark::State& state) {
    const Graph& g = lfr_graph(state.range(0));
    Partition p;
    for (auto _ : state) {
        p = label_propagation(g, {.seed = 1});
        benchmark::DoNotOptimize(p.membership.data());
    }
    bench::set_graph_counters(state, g);
    state.counters["modularity"] = p.quality;
}
BENCHMARK(BM_LabelPropagation)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// 100 seeded Leiden runs and the consensus rounds; the runs share the threads.
void BM_Consensus(benchmark::State& state) {
    const Graph& g = lfr_graph(state.range(0));
    ConsensusResult r;
    for (auto _ : state) {
        r = consensus(g, {.runs = 100, .seed = 1});
        benchmark::DoNotOptimize(r.stability.data());
    }
    bench::set_graph_counters(state, g);
    state.counters["iterations"] = r.iterations;
}
BENCHMARK(BM_Consensus)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    return essnet::bench::run_benchmarks(argc, argv, false);
}
