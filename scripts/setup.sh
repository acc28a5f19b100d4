#!/usr/bin/env bash
# Installs the Debian packages essnet needs to build and test, when any is missing.
# Quick when everything is there (one dpkg query).
set -euo pipefail

packages=(
  g++ cmake ninja-build                  # compiler and build
  clang libclang-rt-14-dev               # clang and libFuzzer: fuzz targets of the readers, the sanitizer build
  clang-format flake8                    # style checks of the C++ and Python sources
  libboost-dev libboost-graph-dev        # Boost.Graph (interop, algorithms)
  libeigen3-dev                          # Eigen (sparse matrices)
  libspectra-dev                         # Spectra: Lanczos and Arnoldi eigensolvers (eigenvector, HITS, Katz)
  libcli11-dev                           # CLI11 (command line of the essnet program)
  libexpat1-dev                          # expat: streaming XML parser (GraphML and GEXF)
  nlohmann-json3-dev                     # nlohmann/json (JSON node-link)
  libcairo2-dev pkg-config fonts-dejavu-core  # cairo: drawings to PNG and PDF, label metrics; the font they name
  libgtest-dev libbenchmark-dev          # GoogleTest, Google Benchmark
  pybind11-dev python3-dev python3-tqdm  # Python module (tqdm: progress bars)
  python3-venv python3-pip python3-setuptools python3-wheel
  python3-numpy python3-pandas           # Python results
  python3-pytest python3-networkx python3-igraph python3-scipy python3-sklearn  # Python tests and references
  python3-xxhash                         # reference checksum for the snapshot tests
  python3-pil                            # decodes the PNG drawings in the tests
  python3-matplotlib                     # draw(..., ax=) and essnet.plot into matplotlib Axes (imported only then)
  python3-html5lib                       # the tests parse the rich HTML displays with a strict HTML5 parser
  python3-nbclient python3-ipykernel python3-nbformat  # the tests execute the example notebooks
  python3-sphinx python3-myst-parser python3-nbconvert  # the documentation site (docs/, scripts/docs.sh)
  python3-graph-tool python3-leidenalg   # peers in the benchmark comparison
  chromium                               # the report's browser tests (headless, driven by playwright-core)
  r-cran-sna                             # R's sna: the reference for brokerage roles
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm bundle the report's interactive map and run graphology-layout-forceatlas2, the
# reference of the layout benchmark; a node already on the PATH (NodeSource's package, say) is used
# as it is.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "essnet setup: installing the missing Debian packages (the list above says what each is for): ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "essnet setup: these Debian packages are missing: ${missing[*]}" >&2
      echo "install them as root (apt-get install ${missing[*]}) and run this again" >&2
      exit 1
    fi
    echo "essnet setup: not root, so apt-get runs through sudo (it may ask for your password)"
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages, exactly as each package-lock.json pins them: the report's interactive map (sigma.js,
# graphology, esbuild to bundle them, playwright-core to drive Chromium in the report's browser
# tests) and the benchmark peers (graphology-layout-forceatlas2).
root="$(cd "$(dirname "$0")/.." && pwd)"
for node_dir in "$root/src/report/web" "$root/benchmarks/compare/node"; do
  if [ ! -d "$node_dir/node_modules" ] || [ "$node_dir/package-lock.json" -nt "$node_dir/node_modules" ]; then
    echo "essnet setup: installing the npm packages of ${node_dir#"$root"/}"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && touch node_modules)
  fi
done
