#!/usr/bin/env bash
# Whole-process benchmark: parkgis (generate, import, analyze, run, report, export) against the route a
# skilled analyst takes without parkgis (ogr2ogr into SpatiaLite + analyst_route.sql; with PG=1 also
# ogr2ogr into PostGIS + analyst_route_pg.sql) on the same generated files, in the same run, for each data
# shape of `parkgis generate --shape`.
# Checks that every route gives the same areas (within 0.01 %: parcels' building figures, zones' approved,
# supplied, unsupplied and 供而未用 areas, approval batches; enterprises' land with their leases, zones'
# used land, output and tax), fails on any difference, and prints medians, peak memory and ratios.
#
#   tests/bench/run_bench.sh [N ...]          default: 2000 20000 200000
#   RUNS=3 WORKDIR=/tmp/parkgis-bench tests/bench/run_bench.sh 2000
#   SHAPES="small-parks large-zones"          data shapes (default: both)
#   PG=1                                      also the PostGIS route (a throwaway server,
#                                             scripts/pg-test-server.sh, started and stopped here)
#   CORES="1 2"                               also import, analyze and run under taskset on 1 and 2 cores
#   SKIP_SQL=1 ...                            parkgis only (e.g. for N = 1 000 000)
#
# Needs the build (scripts/build.sh) and gdal-bin + spatialite-bin (+ PostgreSQL 15 with PostGIS for PG=1;
# all installed by scripts/setup.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$root/build/bin/parkgis"
runs="${RUNS:-3}"
work="${WORKDIR:-/tmp/parkgis-bench}"
read -r -a shapes <<< "${SHAPES:-small-parks large-zones}"
read -r -a cores <<< "${CORES:-}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 20000 200000)
as_of=2026-06-30
[ -x "$bin" ] || { echo "run scripts/build.sh first ($bin is missing)" >&2; exit 2; }
command -v ogr2ogr >/dev/null && command -v spatialite >/dev/null || { echo "needs ogr2ogr and spatialite (scripts/setup.sh)" >&2; exit 2; }
if [ -n "${PG:-}" ] && [ -n "${SKIP_SQL:-}" ]; then echo "PG=1 and SKIP_SQL=1 exclude each other" >&2; exit 2; fi
mkdir -p "$work"
status=0

# The PostGIS route's server: started once, stopped on exit; one fresh database per run.
if [ -n "${PG:-}" ]; then
  pg_env=$("$root/scripts/pg-test-server.sh" start) || { echo "cannot start the PostgreSQL test server" >&2; exit 2; }
  eval "$pg_env"
  trap '"$root/scripts/pg-test-server.sh" stop "$PARKGIS_TEST_PG_DIR"' EXIT
  pg_conn="PG:dbname=bench host=$PGHOST port=$PGPORT user=$PGUSER"
  sed "s/@AS_OF@/$as_of/g" "$here/analyst_route_pg.sql" > "$work/route_pg.sql"
fi
sed "s/@AS_OF@/$as_of/g" "$here/analyst_route.sql" > "$work/route.sql"

# time_cmd LABEL CMD...: runs CMD, appends "LABEL seconds peak_kib" to $times.
time_cmd() {
  local label="$1"; shift
  local tfile; tfile=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$tfile" "$@" >/dev/null 2>>"$work/stderr.log"
  echo "$label $(cat "$tfile")" >> "$times"
  rm -f "$tfile"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
# med LABEL / peak 'LABEL|LABEL...': median seconds of a step / largest peak RSS in MiB of the steps.
med() { grep "^$1 " "$times" | awk '{print $2}' | median; }
peak() { grep -E "^($1) " "$times" | awk '{print $3}' | sort -n | tail -1 | awk '{printf "%d", $1 / 1024}'; }
# sum_med A B: median over the runs of A + B (run k of A with run k of B).
sum_med() {
  awk -v a="$1" -v b="$2" '$1==a{x[++i]=$2} $1==b{y[++j]=$2} END {for (k=1;k<=i;k++) print x[k]+y[k]}' "$times" | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.1f×", a / b; else print "—"}'; }

# The analyst's load into SpatiaLite: every layer with ogr2ogr (spatial index on).
load_spatialite() {
  local ds="$1" sdb="$2" opt='-dsco SPATIALITE=YES' l t
  for l in parks zones parcels buildings approvals; do
    ogr2ogr -f SQLite $opt -gt 65536 -nlt PROMOTE_TO_MULTI -nln "$l" "$sdb" "$ds/$l.shp"; opt=-update
  done
  for t in enterprises tenancies; do [ -f "$ds/$t.csv" ] && ogr2ogr -f SQLite -update -nln "$t" "$sdb" "$ds/$t.csv"; done
  true
}

# The analyst's load into PostGIS: ogr2ogr (COPY, GiST index on every geometry, double precision).
load_postgis() {
  local ds="$1" l t
  for l in parks zones parcels buildings approvals; do
    ogr2ogr -f PostgreSQL "$pg_conn" -lco GEOMETRY_NAME=geometry -lco SPATIAL_INDEX=GIST -lco PRECISION=NO \
      -gt 65536 -nlt PROMOTE_TO_MULTI -nln "$l" "$ds/$l.shp"
  done
  for t in enterprises tenancies; do [ -f "$ds/$t.csv" ] && ogr2ogr -f PostgreSQL "$pg_conn" -nln "$t" "$ds/$t.csv"; done
  true
}
export -f load_spatialite load_postgis
export pg_conn="${pg_conn:-}"

fresh_pg_db() {
  PGOPTIONS='-c client_min_messages=warning' psql -X -q -d postgres -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
  psql -X -q -d bench -c "CREATE EXTENSION postgis" >/dev/null
}

# The PostGIS route's result tables copied into a SQLite file, for the same comparison as SpatiaLite's.
pg_results_to_sqlite() {
  local out="$1"; rm -f "$out"
  ogr2ogr -f SQLite "$out" "$pg_conn" sql_parcel sql_zone sql_approval sql_zone_money sql_enterprise sql_share sql_lease
}

# compare SQLDB PARKGISDB: "<differing figures>|<repaired parcels (compared)>|<parcels under negative
# figures left out>|<what was compared>". Per parcel and per zone within 0.01 % of area (0.01 m² for tiny values;
# unsupplied 1 m², since parkgis drops slivers under 1 m²).
compare() {
  local sdb="$1" pdb="$2"
  # Parcels that parkgis repaired (invalid source geometry) are compared like the others: both SQL routes
  # repair invalid polygons with MakeValid first, as parkgis does. Left out and counted: parcels under a building with a negative floor or vacant area (parkgis reports and drops the
  # value; the SQL route sums it): found by overlapping R*Tree boxes, a superset.
  local neg="SELECT p.parcel_id FROM o.parcels p JOIN o.idx_parcels_geom ip ON ip.pkid = p.fid,
           o.buildings b JOIN o.idx_buildings_geom ib ON ib.pkid = b.fid
         WHERE b.building_id IN (SELECT feature_id FROM o.import_issues WHERE code = 'negative_value' AND layer = 'buildings')
           AND ip.xmin <= ib.xmax AND ip.xmax >= ib.xmin AND ip.ymin <= ib.ymax AND ip.ymax >= ib.ymin"
  # Enterprise land and zone money: enterprises with land on those parcels are left out, and every zone
  # where they have land (their figures are spread over all of it).
  local entx="SELECT DISTINCT enterprise_id FROM sql_share WHERE parcel_id IN ($neg)"
  local zonex="SELECT zone_id FROM o.parcels WHERE parcel_id IN ($neg)
             OR parcel_id IN (SELECT parcel_id FROM sql_share WHERE enterprise_id IN ($entx))"
  sqlite3 -separator '|' "$sdb" "ATTACH '$pdb' AS o;
    SELECT (SELECT count(*) FROM sql_parcel s JOIN o.parcel_metrics m ON m.parcel_id = s.parcel_id
             WHERE s.parcel_id NOT IN ($neg) AND (
                   abs(coalesce(s.footprint_m2,0) - m.footprint_m2) > max(0.01, 1e-4 * abs(m.footprint_m2))
                OR abs(coalesce(s.floor_m2,0) - m.floor_m2) > max(0.01, 1e-4 * abs(m.floor_m2))
                OR abs(coalesce(s.vacant_m2,0) - m.vacant_m2) > max(0.01, 1e-4 * abs(m.vacant_m2))))
         + (SELECT count(*) FROM sql_zone s JOIN o.zone_metrics m ON m.zone_id = s.zone_id
             WHERE (
                   abs(coalesce(s.approved_m2,0) - m.approved_m2) > max(0.01, 1e-4 * m.approved_m2)
                OR abs(coalesce(s.supplied_m2,0) - m.supplied_m2) > max(0.01, 1e-4 * m.supplied_m2)
                OR abs(coalesce(s.unsupplied_m2,0) - m.unsupplied_m2) > max(1.0, 1e-4 * m.unsupplied_m2)
                OR abs(s.supplied_not_used_m2 - m.supplied_not_used_m2) > max(0.01, 1e-4 * m.supplied_not_used_m2)))
         + (SELECT count(*) FROM sql_approval s LEFT JOIN o.approval_metrics m ON m.approval_id = s.approval_id
             WHERE (m.approval_id IS NULL
                OR abs(s.approved_m2 - m.approved_m2) > max(0.01, 1e-4 * m.approved_m2)
                OR abs(s.supplied_m2 - m.supplied_m2) > max(0.01, 1e-4 * m.supplied_m2)
                OR abs(s.unsupplied_m2 - m.unsupplied_m2) > max(1.0, 1e-4 * m.unsupplied_m2)))
         + (SELECT count(*) FROM o.approval_metrics WHERE approval_id NOT IN (SELECT approval_id FROM sql_approval))
         + (SELECT count(*) FROM sql_zone_money s JOIN o.zone_metrics m ON m.zone_id = s.zone_id
             WHERE s.zone_id NOT IN ($zonex) AND (
                   abs(s.land_mu_used - m.land_mu_used) > max(0.0001, 1e-4 * m.land_mu_used)
                OR abs(s.output_wan - m.output_wan) > max(0.01, 1e-4 * m.output_wan)
                OR abs(s.tax_wan - m.tax_wan) > max(0.01, 1e-4 * m.tax_wan)))
         + (SELECT count(*) FROM sql_enterprise s JOIN o.enterprise_metrics m ON m.enterprise_id = s.enterprise_id
             WHERE s.enterprise_id NOT IN ($entx) AND abs(s.land_m2 - m.land_m2) > max(0.01, 1e-4 * m.land_m2)),
           (SELECT count(*) FROM o.import_issues WHERE code = 'invalid_geometry_repaired' AND layer = 'parcels'),
           (SELECT count(DISTINCT parcel_id) FROM ($neg)),
           (SELECT count(*) FROM sql_parcel) || ' parcels, ' || (SELECT count(*) FROM sql_zone) || ' zones, '
             || (SELECT count(*) FROM sql_approval) || ' approvals, ' || (SELECT count(*) FROM sql_enterprise)
             || ' enterprises (' || (SELECT count(*) FROM sql_lease) || ' leases in force)';"
}

# check_route NAME SQLDB N SHAPE: compares, adds one line to $checks; a difference fails the run.
check_route() {
  local name="$1" sdb="$2" n="$3" shape="$4" r bad skipped neg compared
  r=$(compare "$sdb" "$pdb")
  IFS='|' read -r bad skipped neg compared <<< "$r"
  checks+=("- $shape, N = $n, $name route: compared $compared: **$bad differ** (repaired invalid parcels among them: $skipped; left out: $neg parcels under buildings with negative figures)")
  if [ "$bad" != "0" ]; then echo "ERROR: $bad figures differ between parkgis and the $name route ($shape, N=$n)" >&2; status=1; fi
}

echo "# parkgis benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), runs=$runs"
for shape in "${shapes[@]}"; do
  summary=()
  checks=()
  core_rows=()
  echo
  echo "## Shape $shape"
  echo
  echo "| N parcels | step | median s | peak RSS MiB |"
  echo "|---:|---|---:|---:|"
  for n in "${sizes[@]}"; do
    ds="$work/$shape-$n"
    times="$work/times-$shape-$n.txt"; : > "$times"
    pdb="$work/p-$shape-$n.sqlite"
    "$bin" generate --parcels "$n" --seed 1 --shape "$shape" -o "$ds" --quiet
    for r in $(seq "$runs"); do
      rm -f "$pdb"
      time_cmd import "$bin" import "$ds" --db "$pdb" --quiet
      time_cmd analyze "$bin" analyze --db "$pdb" --quiet
      rm -f "$work/run.sqlite"
      time_cmd run "$bin" run "$ds" --db "$work/run.sqlite" --quiet
      zone=$(sqlite3 "$pdb" "SELECT zone_id FROM zone_metrics ORDER BY zone_id LIMIT 1")
      time_cmd report_zone "$bin" report --db "$pdb" --by parcel --zone "$zone" --format csv -o "$work/r.csv"
      rm -rf "$work/e"; mkdir -p "$work/e"
      time_cmd export_zone "$bin" export --db "$pdb" --layer parcels --zone "$zone" -o "$work/e/parcels.shp"
      for c in "${cores[@]}"; do
        if [ "$c" -gt "$(nproc)" ]; then continue; fi
        cpus="0"; [ "$c" -gt 1 ] && cpus="0-$((c - 1))"
        rm -f "$work/c.sqlite"
        time_cmd "import@$c" taskset -c "$cpus" "$bin" import "$ds" --db "$work/c.sqlite" --quiet
        time_cmd "analyze@$c" taskset -c "$cpus" "$bin" analyze --db "$work/c.sqlite" --quiet
        rm -f "$work/c.sqlite"
        time_cmd "run@$c" taskset -c "$cpus" "$bin" run "$ds" --db "$work/c.sqlite" --quiet
      done
      if [ -z "${SKIP_SQL:-}" ]; then
        sdb="$work/s-$shape-$n.sqlite"; rm -f "$sdb"
        time_cmd sql_load bash -c "load_spatialite '$ds' '$sdb'"
        time_cmd sql_analysis bash -c "spatialite '$sdb' < '$work/route.sql'"
      fi
      if [ -n "${PG:-}" ]; then
        fresh_pg_db
        time_cmd pg_load bash -c "load_postgis '$ds'"
        time_cmd pg_analysis psql -X -q -d bench -f "$work/route_pg.sql"
      fi
    done
    for step in import analyze run report_zone export_zone sql_load sql_analysis pg_load pg_analysis; do
      grep -q "^$step " "$times" || continue
      echo "| $n | $step | $(med "$step") | $(peak "$step") |"
    done
    ours=$(sum_med import analyze)
    whole=$(med run)
    row="| $n | $ours | $whole | $(peak 'import|analyze|run')"
    if [ -z "${SKIP_SQL:-}" ]; then
      lite=$(sum_med sql_load sql_analysis)
      row="$row | $lite | $(ratio "$lite" "$ours") | $(ratio "$lite" "$whole") | $(peak 'sql_load|sql_analysis')"
      check_route SpatiaLite "$sdb" "$n" "$shape"
    else
      row="$row | — | — | — | —"
    fi
    if [ -n "${PG:-}" ]; then
      pgs=$(sum_med pg_load pg_analysis)
      row="$row | $pgs | $(ratio "$pgs" "$ours") | $(ratio "$pgs" "$whole") |"
      pg_results_to_sqlite "$work/pg-$shape-$n.sqlite"
      check_route PostGIS "$work/pg-$shape-$n.sqlite" "$n" "$shape"
    else
      row="$row | — | — | — |"
    fi
    summary+=("$row")
    for c in "${cores[@]}"; do
      if ! grep -q "^import@$c " "$times"; then core_rows+=("| $n | $c | (this machine has $(nproc) cores) | | | | |"); continue; fi
      core_rows+=("| $n | $c | $(med "import@$c") | $(med "analyze@$c") | $(sum_med "import@$c" "analyze@$c") | $(med "run@$c") | $(peak "run@$c") |")
    done
  done
  echo
  echo "Shape $shape: parkgis against the analyst's routes (medians, wall seconds; SQL routes = ogr2ogr load + SQL)"
  echo
  echo "| N parcels | parkgis import + analyze s | parkgis run s | parkgis peak RSS MiB | SpatiaLite route s | SpatiaLite : import + analyze | SpatiaLite : run | SpatiaLite peak RSS MiB | PostGIS route s | PostGIS : import + analyze | PostGIS : run |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${summary[@]}"
  if [ ${#core_rows[@]} -gt 0 ]; then
    echo
    echo "Shape $shape: parkgis on 1 and 2 cores (taskset)"
    echo
    echo "| N parcels | cores | import s | analyze s | import + analyze s | run s | run peak RSS MiB |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${core_rows[@]}"
  fi
  if [ ${#checks[@]} -gt 0 ]; then
    echo
    printf '%s\n' "${checks[@]}"
  fi
done
exit $status
