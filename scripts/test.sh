#!/usr/bin/env bash
# Quick start 2: builds essnet if needed, then runs every test: the style checks (clang-format,
# flake8), the C++ suite with command-line, install and benchmark smoke tests (ctest), the same C++
# suite built without OpenMP under AddressSanitizer and UndefinedBehaviorSanitizer, the readers
# fuzzed for a bounded time (libFuzzer with sanitizers), the Python suite (pytest, which also runs the
# example notebooks), the documentation build, the Python example, and tiny runs of the comparison
# benchmarks. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
jobs=${ESSNET_JOBS:-2}

echo "== Style: clang-format (.clang-format) and flake8 (.flake8), in check mode"
find include src python/src tests benchmarks examples \( -name '*.hpp' -o -name '*.cpp' \) -print0 |
  xargs -0 clang-format --dry-run --Werror
flake8 python scripts benchmarks examples tests setup.py
echo "style: no difference"

echo "== C++ tests (ctest)"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== C++ tests built without OpenMP, under AddressSanitizer and UndefinedBehaviorSanitizer (clang, ctest)"
# One build checks both: every kernel compiles and passes without OpenMP, and the whole suite runs
# with memory and undefined-behaviour checks that stop at the first report.
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
if [ ! -f build/sanitize/CMakeCache.txt ]; then
  cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
        -DCMAKE_CXX_FLAGS="-O1 -g $sanitize" -DCMAKE_EXE_LINKER_FLAGS="$sanitize" -DESSNET_USE_OPENMP=OFF \
        -DESSNET_BUILD_BENCHMARKS=OFF -DESSNET_BUILD_EXAMPLES=OFF -DESSNET_BUILD_CLI=OFF >/dev/null
fi
cmake --build build/sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$PWD/tests/sanitize/lsan.supp" \
  ctest --test-dir build/sanitize --output-on-failure -j "$jobs" -E install.consumer

echo "== Fuzzing the readers (libFuzzer, ${ESSNET_FUZZ_SECONDS:-15} s each)"
bash scripts/fuzz.sh

echo "== Python tests (pytest)"
.venv/bin/python -m pytest python/tests -q -p no:cacheprovider

echo "== Documentation (Sphinx, warnings as errors; the notebooks as the tests above executed them)"
bash scripts/docs.sh

echo "== Python example"
.venv/bin/python examples/python/quickstart.py >/dev/null && echo "examples/python/quickstart.py ran"

echo "== Benchmark smoke runs (benchmarks/compare)"
.venv/bin/python benchmarks/compare/parse_edgelist.py --edges 20000 --repeat 1
.venv/bin/python benchmarks/compare/run.py --smoke
.venv/bin/python benchmarks/compare/approximate_betweenness.py --graph karate --pivots 10 --epsilon 0.05 --repeat 1
.venv/bin/python benchmarks/compare/spectral.py --smoke
.venv/bin/python benchmarks/compare/layout.py --smoke
.venv/bin/python benchmarks/compare/layout_quality.py --smoke
.venv/bin/python benchmarks/compare/community_quality.py --smoke
.venv/bin/python benchmarks/compare/brokerage.py --smoke
.venv/bin/python benchmarks/compare/robustness.py --smoke
.venv/bin/python benchmarks/compare/formats.py --smoke
.venv/bin/python benchmarks/compare/paths.py --smoke
.venv/bin/python benchmarks/compare/temporal.py --smoke
.venv/bin/python benchmarks/compare/qap.py --smoke
.venv/bin/python benchmarks/compare/cug.py --smoke
.venv/bin/python benchmarks/report.py --smoke
