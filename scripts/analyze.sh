#!/usr/bin/env bash
# Quick start 1: builds essnet if needed, then runs `essnet analyze` (on the bundled Chantier network
# when given no input). Arguments are passed on: scripts/analyze.sh ACTORS.csv TIES.csv --out DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" >/dev/null
exec "$root/build/bin/essnet" analyze "$@"
