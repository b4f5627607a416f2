#!/usr/bin/env bash
# Installs missing packages (scripts/setup.sh), then configures and builds parkgis into build/.
# Usage: scripts/build.sh [extra cmake -D options]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARKGIS_WERROR="$werror" "$@" >/dev/null
cmake --build build -j"$jobs"
