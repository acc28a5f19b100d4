#!/usr/bin/env bash
# Quick start 2: builds essnet if needed, then runs every test: the C++ suite, command-line, install
# and benchmark smoke tests (ctest), the same C++ suite built without OpenMP, the readers fuzzed
# for a bounded time (libFuzzer with sanitizers), the Python suite
# (pytest), the Python example, and tiny runs of the comparison benchmarks. Exits non-zero when
# anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
jobs=${ESSNET_JOBS:-2}

echo "== C++ tests (ctest)"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== C++ tests built without OpenMP (ctest)"
if [ ! -f build/no-openmp/CMakeCache.txt ]; then
  cmake -S . -B build/no-openmp -G Ninja -DCMAKE_BUILD_TYPE=Release -DESSNET_USE_OPENMP=OFF \
        -DESSNET_BUILD_BENCHMARKS=OFF -DESSNET_BUILD_EXAMPLES=OFF -DESSNET_BUILD_CLI=OFF >/dev/null
fi
cmake --build build/no-openmp -j "$jobs"
ctest --test-dir build/no-openmp --output-on-failure -j "$jobs" -E install.consumer

echo "== Fuzzing the readers (libFuzzer, ${ESSNET_FUZZ_SECONDS:-15} s each)"
bash scripts/fuzz.sh

echo "== Python tests (pytest)"
.venv/bin/python -m pytest python/tests -q -p no:cacheprovider

echo "== Python example"
.venv/bin/python examples/python/quickstart.py >/dev/null && echo "examples/python/quickstart.py ran"

echo "== Benchmark smoke runs (benchmarks/compare)"
.venv/bin/python benchmarks/compare/parse_edgelist.py --edges 20000 --repeat 1
.venv/bin/python benchmarks/compare/run.py --smoke
.venv/bin/python benchmarks/compare/approximate_betweenness.py --graph karate --pivots 10 --epsilon 0.05 --repeat 1
.venv/bin/python benchmarks/compare/spectral.py --smoke
.venv/bin/python benchmarks/compare/community_quality.py --smoke
.venv/bin/python benchmarks/compare/brokerage.py --smoke
.venv/bin/python benchmarks/compare/robustness.py --smoke
.venv/bin/python benchmarks/compare/formats.py --smoke
