// Temporal family on synthetic social-economy networks (generate::social_economy: 30 years of
// events, partnerships and memberships with start and end years; about 2.5 ties per actor).
#include <benchmark/benchmark.h>

#include <map>

#include "common.hpp"
#include "essnet/generate/generators.hpp"
#include "essnet/temporal/betweenness.hpp"
#include "essnet/temporal/journeys.hpp"
#include "essnet/temporal/reachability.hpp"

namespace {

using namespace essnet;

const TemporalGraph& network(std::int64_t actors) {
    static std::map<std::int64_t, TemporalGraph> cache;
    auto it = cache.find(actors);
    if (it == cache.end()) {
        generate::SocialEconomyOptions o;
        o.num_actors = static_cast<std::int32_t>(actors);
        o.seed = 1;
        it = cache.emplace(actors, temporal_graph(generate::social_economy(o))).first;
    }
    return it->second;
}

void set_counters(benchmark::State& state, const TemporalGraph& tg) {
    bench::set_graph_counters(state, tg.graph());
}

void BM_EarliestArrival(benchmark::State& state) {
    const TemporalGraph& tg = network(state.range(0));
    const JourneyOptions o{.start = tg.earliest_year()};
    for (auto _ : state) {
        const Journeys j = earliest_arrival(tg, 0, o);
        benchmark::DoNotOptimize(j.time.data());
    }
    set_counters(state, tg);
}
BENCHMARK(BM_EarliestArrival)->RangeMultiplier(10)->Range(1000, 40000)->Unit(benchmark::kMillisecond);

void BM_TemporalReach(benchmark::State& state) {
    const TemporalGraph& tg = network(state.range(0));
    const JourneyOptions o{.start = tg.earliest_year()};
    for (auto _ : state) {
        const TemporalReach r = temporal_reach(tg, o, state.range(1) != 0);
        benchmark::DoNotOptimize(r.size.data());
    }
    set_counters(state, tg);
}
BENCHMARK(BM_TemporalReach)->ArgsProduct({{1000, 10000, 40000}, {0, 1}})->Unit(benchmark::kMillisecond);

void BM_JourneyBetweenness(benchmark::State& state) {
    const TemporalGraph& tg = network(state.range(0));
    const JourneyOptions o{.start = tg.earliest_year()};
    for (auto _ : state) {
        const auto b = journey_betweenness(tg, o);
        benchmark::DoNotOptimize(b.data());
    }
    set_counters(state, tg);
}
BENCHMARK(BM_JourneyBetweenness)->RangeMultiplier(10)->Range(100, 1000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    return essnet::bench::run_benchmarks(argc, argv, true);
}
