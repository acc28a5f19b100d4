#!/usr/bin/env bash
# Installs this build into a temporary prefix, then configures, builds and runs an outside project
# that uses find_package(essnet) and links essnet::essnet.
set -euo pipefail
build_dir=$1
consumer_dir=$2
cxx=$3
build_type=${4:-Release}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build_dir" --prefix "$tmp/prefix" >/dev/null
cmake -S "$consumer_dir" -B "$tmp/build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE="$build_type" \
      -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/build" >/dev/null
"$tmp/build/consumer"
