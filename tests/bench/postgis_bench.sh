#!/usr/bin/env bash
# Import + analyze of a generated dataset into SpatiaLite and into PostGIS, timed side by side, and the
# zone and parcel reports of both compared (they must be equal byte for byte).
#
#   tests/bench/postgis_bench.sh [N]        N parcels (default 200000); RUNS=3 by default
#
# Uses PARKGIS_TEST_PG when set (a running server, e.g. eval "$(scripts/pg-test-server.sh start)"), else
# starts a throwaway server with scripts/pg-test-server.sh and stops it at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${PARKGIS_BIN:-$here/build/bin/parkgis}"
n="${1:-200000}"
runs="${RUNS:-3}"
work="${WORKDIR:-$(mktemp -d)}"
started=""
if [ -z "${PARKGIS_TEST_PG:-}" ]; then
  eval "$("$here/scripts/pg-test-server.sh" start "$work/pg")"
  started="$work/pg"
fi
trap '[ -n "$started" ] && "$here/scripts/pg-test-server.sh" stop "$started"' EXIT
[ -d "$work/ds" ] || "$bin" generate --parcels "$n" --seed 1 -o "$work/ds" --quiet
secs() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; cat "$work/time"; }
echo "N=$n runs=$runs load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-10s %-8s %10s %12s\n" store step seconds peak_MiB
for r in $(seq "$runs"); do
  for store in spatialite postgis; do
    if [ "$store" = spatialite ]; then db=(--db "$work/bench.sqlite"); else db=(--db "$PARKGIS_TEST_PG" --schema bench); fi
    for step in import analyze; do
      if [ "$step" = import ]; then t=$(secs "$bin" import "$work/ds" "${db[@]}" --quiet --force); else t=$(secs "$bin" analyze "${db[@]}" --quiet); fi
      printf "%-10s %-8s %10s %12d\n" "$store" "$step" "${t% *}" "$(( ${t#* } / 1024 ))"
    done
  done
done
diffs=0
for by in zone parcel; do
  "$bin" report --db "$work/bench.sqlite" --by "$by" --format csv >"$work/a.csv"
  "$bin" report --db "$PARKGIS_TEST_PG" --schema bench --by "$by" --format csv >"$work/b.csv"
  if ! cmp -s "$work/a.csv" "$work/b.csv"; then diffs=$((diffs + 1)); echo "report --by $by differs" >&2; fi
done
echo "reports differing: $diffs"
[ "$diffs" -eq 0 ]
