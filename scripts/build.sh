#!/usr/bin/env bash
# Configures and builds essnet (library, command line, tests, benchmarks, examples) in build/, and
# installs the Python package into .venv/ (a virtual environment over Debian's python3 that sees
# Debian's numpy, pandas, networkx and igraph). Incremental: quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jobs=${ESSNET_JOBS:-2}
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build -j "$jobs"

if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
CMAKE_BUILD_PARALLEL_LEVEL=$jobs .venv/bin/python -m pip install --quiet --no-build-isolation --no-index . \
  --disable-pip-version-check
