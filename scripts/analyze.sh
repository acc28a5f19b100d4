#!/usr/bin/env bash
# Quick start 1: builds the essnet program if needed, then runs `essnet analyze` (on the bundled
# Chantier network when given no input). Arguments are passed on:
#   bash scripts/analyze.sh ACTORS.csv TIES.csv --out DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
if [ ! -f "$root/build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$root/build" --target essnet_cli -j "${ESSNET_JOBS:-2}" >/dev/null
exec "$root/build/bin/essnet" analyze "$@"
