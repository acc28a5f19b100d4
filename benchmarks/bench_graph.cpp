// Graph building, edge-list parsing and topology memory.
//
// Counters: nodes, edges, edges per second, and for built graphs the topology bytes per stored arc
// and per node (the budget is 4 bytes per arc plus 16 bytes per node for an unweighted graph).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "common.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/graph/builder.hpp"
#include "essnet/io/edgelist.hpp"

namespace {

using namespace essnet;

// Raw R-MAT edges (as drawn: self-loops and repeats included), to build from.
struct Edges {
    node_id num_nodes;
    std::vector<node_id> sources, targets;
};
Edges rmat_edges(std::int64_t nodes, std::uint64_t seed) {
    const Graph raw = generate::rmat({.scale = static_cast<int>(std::log2(static_cast<double>(nodes))),
                                      .edge_factor = 16,
                                      .directed = true,
                                      .simple = false,
                                      .seed = seed});
    return {raw.num_nodes(),
            {raw.edge_sources().begin(), raw.edge_sources().end()},
            {raw.edge_targets().begin(), raw.edge_targets().end()}};
}

Graph build(const Edges& e, bool directed) {
    GraphBuilder b(e.num_nodes, {.directed = directed});
    b.add_edges(e.sources, e.targets);
    return std::move(b).build();
}

// Topology memory of an unweighted graph: bytes per stored arc once 16 bytes per node are set aside.
void BM_Build(benchmark::State& state, bool directed) {
    const auto e = rmat_edges(state.range(0), 42);
    Graph g;
    for (auto _ : state) {
        g = build(e, directed);
        benchmark::DoNotOptimize(g.targets().data());
    }
    bench::set_graph_counters(state, g);
    const double stored_arcs = static_cast<double>(directed ? 2 * g.num_edges() : g.num_arcs());
    state.counters["topology_bytes_per_arc"] = static_cast<double>(g.topology_bytes()) / stored_arcs;
    state.counters["topology_bytes_per_arc_after_16B_per_node"] =
        (static_cast<double>(g.topology_bytes()) - 16.0 * (g.num_nodes() + 1)) / stored_arcs;
    state.counters["total_bytes_per_arc"] = static_cast<double>(g.memory_bytes()) / stored_arcs;
    if (g.topology_bytes() >
        4 * static_cast<std::size_t>(stored_arcs) + 16 * static_cast<std::size_t>(g.num_nodes() + 1))
        state.SkipWithError("topology exceeds 4 bytes per arc + 16 bytes per node");
}
BENCHMARK_CAPTURE(BM_Build, undirected, false)
    ->RangeMultiplier(32)
    ->Range(1 << 10, 1 << 20)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Build, directed, true)
    ->RangeMultiplier(32)
    ->Range(1 << 10, 1 << 20)
    ->Unit(benchmark::kMillisecond);

// Parsing an edge list of R-MAT edges written as decimal integers, in MB/s.
void BM_ParseEdgelist(benchmark::State& state) {
    const auto e = rmat_edges(state.range(0), 7);
    const auto path =
        (std::filesystem::temp_directory_path() / ("essnet_bench_" + std::to_string(state.range(0)) + ".txt")).string();
    {
        std::ofstream out(path);
        for (std::size_t i = 0; i < e.sources.size(); ++i) out << e.sources[i] << ' ' << e.targets[i] << '\n';
    }
    const auto bytes = static_cast<double>(std::filesystem::file_size(path));
    std::size_t parsed = 0;
    for (auto _ : state) {
        const EdgeList list = read_edgelist_arrays(path);
        parsed = list.sources.size();
        benchmark::DoNotOptimize(list.sources.data());
    }
    std::remove(path.c_str());
    if (parsed != e.sources.size()) state.SkipWithError("wrong edge count");
    state.counters["edges"] = static_cast<double>(parsed);
    state.counters["bytes_per_second"] =
        benchmark::Counter(bytes * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseEdgelist)->RangeMultiplier(64)->Range(1 << 10, 1 << 16)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    return essnet::bench::run_benchmarks(argc, argv, false);
}
