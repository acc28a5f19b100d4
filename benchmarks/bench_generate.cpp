// Generators: time to draw graphs of several sizes (the R-MAT target: 2^20 nodes and 16 * 2^20
// edges in a few seconds on one core).
#include <benchmark/benchmark.h>

#include "common.hpp"
#include "essnet/generate/generators.hpp"

namespace {

using namespace essnet;

void BM_Rmat(benchmark::State& state) {
    Graph g;
    for (auto _ : state) g = generate::rmat({.scale = static_cast<int>(state.range(0)), .edge_factor = 16, .seed = 1});
    bench::set_graph_counters(state, g);
}
BENCHMARK(BM_Rmat)->Arg(10)->Arg(16)->Arg(20)->Unit(benchmark::kMillisecond);

void BM_ErdosRenyi(benchmark::State& state) {
    Graph g;
    for (auto _ : state)
        g = generate::erdos_renyi(
            {.n = static_cast<node_id>(state.range(0)), .m = 8 * state.range(0), .directed = false, .seed = 1});
    bench::set_graph_counters(state, g);
}
BENCHMARK(BM_ErdosRenyi)->Arg(1 << 10)->Arg(1 << 16)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

void BM_BarabasiAlbert(benchmark::State& state) {
    Graph g;
    for (auto _ : state) g = generate::barabasi_albert({.n = static_cast<node_id>(state.range(0)), .m = 8, .seed = 1});
    bench::set_graph_counters(state, g);
}
BENCHMARK(BM_BarabasiAlbert)->Arg(1 << 10)->Arg(1 << 16)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

void BM_Lfr(benchmark::State& state) {
    generate::LfrResult r;
    for (auto _ : state) r = generate::lfr({.n = static_cast<node_id>(state.range(0)), .mu = 0.3, .seed = 1});
    bench::set_graph_counters(state, r.graph);
    state.counters["mixing"] = r.mixing;
}
BENCHMARK(BM_Lfr)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_SocialEconomy(benchmark::State& state) {
    ActorNetwork net;
    for (auto _ : state)
        net = generate::social_economy({.num_actors = static_cast<std::int32_t>(state.range(0)),
                                        .events_per_year = static_cast<std::int32_t>(state.range(0) / 100),
                                        .seed = 1});
    state.counters["actors"] = static_cast<double>(net.num_actors());
    state.counters["ties"] = static_cast<double>(net.num_ties());
    state.counters["ties_per_second"] = benchmark::Counter(
        static_cast<double>(net.num_ties()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SocialEconomy)->Arg(1000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    return essnet::bench::run_benchmarks(argc, argv, false);
}
