#!/usr/bin/env bash
# Fuzzes every reader (GraphML, GEXF, Pajek, DL, JSON, CSV, snapshot) with libFuzzer for a bounded
# time: builds the targets with clang, AddressSanitizer and UndefinedBehaviorSanitizer in
# build/fuzz/, seeds each corpus with the test fixtures, and runs each target for
# ESSNET_FUZZ_SECONDS seconds (default 15). Fails on a crash, a sanitizer report, a leak, or any
# exception other than essnet::ParseError. Called by scripts/test.sh; needs .venv (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=${ESSNET_JOBS:-2}
seconds=${ESSNET_FUZZ_SECONDS:-15}
formats=(graphml gexf pajek dl json csv snapshot)

if [ ! -f build/fuzz/CMakeCache.txt ]; then
  cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DESSNET_USE_OPENMP=OFF -DESSNET_BUILD_FUZZ=ON -DESSNET_BUILD_TESTS=OFF -DESSNET_BUILD_BENCHMARKS=OFF \
        -DESSNET_BUILD_EXAMPLES=OFF -DESSNET_BUILD_CLI=OFF >/dev/null
fi
cmake --build build/fuzz -j "$jobs" --target "${formats[@]/#/fuzz_}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seeds() {  # seeds FORMAT: the seed folder of a format's corpus
  local dir="$tmp/seeds-$1"
  mkdir -p "$dir"
  case $1 in
    graphml) cp tests/data/formats/graphml/*.graphml "$dir" ;;
    gexf) cp tests/data/formats/gexf/*.gexf "$dir" ;;
    pajek) cp tests/data/formats/pajek/*.net "$dir" ;;
    dl) cp tests/data/formats/dl/*.dl "$dir" ;;
    json) cp tests/data/formats/json/*.json "$dir" ;;
    csv) { cat tests/data/small_actors.csv; printf '\0'; cat tests/data/small_ties.csv; } >"$dir/small" ;;
    snapshot) .venv/bin/python -c "import essnet, sys; net = essnet.datasets.chantier(); \
essnet.save(net, sys.argv[1] + '/chantier', graphs={'g': net.graph()}); essnet.save(net.graph(), sys.argv[1] + '/graph')" "$dir" ;;
  esac
  echo "$dir"
}

failures=0
for format in "${formats[@]}"; do
  corpus="$tmp/corpus-$format"
  mkdir -p "$corpus"
  if build/fuzz/bin/fuzz_"$format" -max_total_time="$seconds" -seed=1 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$tmp/" -print_final_stats=1 "$corpus" "$(seeds "$format")" >"$tmp/log-$format" 2>&1; then
    echo "fuzz $format: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$tmp/log-$format" | grep -o '[0-9]*$') inputs, no failure"
  else
    echo "FAIL fuzz $format:"; tail -40 "$tmp/log-$format"; failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ]
