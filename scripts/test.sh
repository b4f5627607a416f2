#!/usr/bin/env bash
# Quick start (2): set up, build, and run the whole test suite.
# Usage: scripts/test.sh [--sanitize] [ctest options, e.g. -L unit]
#   --sanitize   build into build-asan/ with AddressSanitizer + UndefinedBehaviorSanitizer and run the
#                suite there (any sanitizer report fails its test); see docs/reliability.md
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
if [ "${1:-}" = "--sanitize" ]; then
  shift
  bash scripts/setup.sh
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARKGIS_SANITIZE=ON >/dev/null
  # Only what the chosen labels run: `-L 'unit|golden'` needs no viewer.
  targets=(parkgis unit_tests golden_tests)
  case " $* " in
    *" -L "*gui*|*" --label-regex "*gui*) targets+=(parkgis-viewer gui_tests) ;;
    *" -L "*|*" --label-regex "*) ;;
    *) targets=(all) ;;
  esac
  cmake --build build-asan -j"$jobs" --target "${targets[@]}"
  cd build-asan
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
  export LSAN_OPTIONS="suppressions=$PWD/../tests/sanitizers/lsan.supp:${LSAN_OPTIONS:-}"
  ctest --output-on-failure -j"$jobs" "$@"
  exit 0
fi
bash scripts/build.sh
cd build
ctest --output-on-failure -j"$jobs" "$@"
