#!/usr/bin/env bash
# Fuzzes one parkgis input reader with libFuzzer (AddressSanitizer + UndefinedBehaviorSanitizer).
# Usage: scripts/fuzz.sh TARGET SECONDS      TARGET: dates where manifest config table survey (or "all")
#        scripts/fuzz.sh TARGET --replay     runs the seed corpus and the regression inputs only
# Builds into build-fuzz/ with clang-15 (installed when missing). The seeds in tests/fuzz/corpus/TARGET are
# copied to build-fuzz/corpus/TARGET, where new inputs accumulate; a finding is written to
# build-fuzz/findings/TARGET/ and the script exits 1. Turn every finding into a file under
# tests/fuzz/regressions/TARGET/ (replayed by --replay and by CI) and a test.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(dates where manifest config table survey)
[ $# -ge 2 ] || { echo "usage: scripts/fuzz.sh TARGET SECONDS|--replay   (TARGET: ${targets[*]} or all)" >&2; exit 2; }
target=$1 seconds=$2
if [ "$target" = all ]; then
  for t in "${targets[@]}"; do "$0" "$t" "$seconds"; done
  exit 0
fi
[[ " ${targets[*]} " == *" $target "* ]] || { echo "fuzz.sh: unknown target '$target'; one of: ${targets[*]}" >&2; exit 2; }

bash scripts/setup.sh >/dev/null
if ! command -v clang++-15 >/dev/null || ! dpkg-query -W -f='${Status}' libfuzzer-15-dev 2>/dev/null | grep -q "ok installed"; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends clang-15 libfuzzer-15-dev
fi
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-15 -DPARKGIS_FUZZ=ON \
    -DPARKGIS_BUILD_TESTS=OFF -DPARKGIS_BUILD_VIEWER=OFF >/dev/null
fi
cmake --build build-fuzz -j"$(nproc 2>/dev/null || echo 2)" --target "fuzz_$target"

bin="build-fuzz/fuzz/fuzz_$target"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:${LSAN_OPTIONS:-}"
regressions="tests/fuzz/regressions/$target"
if [ "$seconds" = "--replay" ]; then
  inputs=("tests/fuzz/corpus/$target"/*)
  [ -d "$regressions" ] && inputs+=("$regressions"/*)
  "$bin" -runs=0 "${inputs[@]}"
  exit 0
fi
corpus="build-fuzz/corpus/$target" findings="build-fuzz/findings/$target"
mkdir -p "$corpus" "$findings"
cp -n "tests/fuzz/corpus/$target"/* "$corpus"/ 2>/dev/null || true
[ -d "$regressions" ] && cp -n "$regressions"/* "$corpus"/ 2>/dev/null || true
dict=(); [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
echo "fuzz.sh: fuzzing $target for $seconds s (corpus $corpus)"
"$bin" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$findings/" "$corpus"
