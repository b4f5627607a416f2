#!/usr/bin/env bash
# Whole-process benchmark: parkgis (generate, import, analyze, report, export) against the analyst route
# (ogr2ogr into SpatiaLite + one SQL script) on the same generated files, in the same run.
# Checks that both give the same areas (within 0.01 %: parcels' building figures, zones' approved,
# supplied, unsupplied and 供而未用 areas, approval batches; enterprises' land with their leases, zones'
# used land, output and tax) and prints medians, peak memory and ratios.
#
#   tests/bench/run_bench.sh [N ...]          default: 2000 20000 200000
#   RUNS=3 WORKDIR=/tmp/parkgis-bench tests/bench/run_bench.sh 2000
#   SKIP_SQL=1 ...                             parkgis only (e.g. for N = 1 000 000)
#
# Needs the build (scripts/build.sh) and gdal-bin + spatialite-bin (installed by scripts/setup.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$root/build/bin/parkgis"
runs="${RUNS:-3}"
work="${WORKDIR:-/tmp/parkgis-bench}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 20000 200000)
[ -x "$bin" ] || { echo "run scripts/build.sh first ($bin is missing)" >&2; exit 2; }
command -v ogr2ogr >/dev/null && command -v spatialite >/dev/null || { echo "needs ogr2ogr and spatialite (scripts/setup.sh)" >&2; exit 2; }
mkdir -p "$work"
status=0

# time_cmd LABEL CMD...: runs CMD, appends "LABEL seconds peak_kib" to $times.
time_cmd() {
  local label="$1"; shift
  local tfile; tfile=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$tfile" "$@" >/dev/null 2>>"$work/stderr.log"
  echo "$label $(cat "$tfile")" >> "$times"
  rm -f "$tfile"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

echo "# parkgis benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), runs=$runs"
echo
echo "| N parcels | step | median s | peak RSS MiB |"
echo "|---:|---|---:|---:|"
for n in "${sizes[@]}"; do
  ds="$work/ds$n"
  times="$work/times$n.txt"; : > "$times"
  "$bin" generate --parcels "$n" --seed 1 -o "$ds" --quiet
  for r in $(seq "$runs"); do
    db="$work/p$n.sqlite"; rm -f "$db"
    time_cmd import "$bin" import "$ds" --db "$db" --quiet
    time_cmd analyze "$bin" analyze --db "$db" --quiet
    zone=$(sqlite3 "$db" "SELECT zone_id FROM zone_metrics ORDER BY zone_id LIMIT 1")
    time_cmd report_zone "$bin" report --db "$db" --by parcel --zone "$zone" --format csv -o "$work/r$n.csv"
    if "$bin" export --help >/dev/null 2>&1; then
      rm -rf "$work/e$n"; mkdir -p "$work/e$n"
      time_cmd export_zone "$bin" export --db "$db" --layer parcels --zone "$zone" -o "$work/e$n/parcels.shp"
    fi
    if [ -z "${SKIP_SQL:-}" ]; then
      sdb="$work/s$n.sqlite"; rm -f "$sdb"
      # The analyst's load: every layer with ogr2ogr (SpatiaLite, spatial index on), then the SQL.
      time_cmd sql_load bash -c "set -e; opt='-dsco SPATIALITE=YES'; for l in parks zones parcels buildings approvals; do
          ogr2ogr -f SQLite \$opt -gt 65536 -nlt PROMOTE_TO_MULTI -nln \$l '$sdb' '$ds/'\$l.shp; opt=-update; done
          for t in enterprises tenancies; do [ -f '$ds/'\$t.csv ] && ogr2ogr -f SQLite -update -nln \$t '$sdb' '$ds/'\$t.csv; done; true"
      sed "s/@AS_OF@/2026-06-30/" "$here/analyst_route.sql" > "$work/route.sql"
      time_cmd sql_analysis bash -c "spatialite '$sdb' < '$work/route.sql'"
    fi
  done
  for step in import analyze report_zone export_zone sql_load sql_analysis; do
    grep -q "^$step " "$times" || continue
    t=$(grep "^$step " "$times" | awk '{print $2}' | median)
    m=$(grep "^$step " "$times" | awk '{print $3}' | sort -n | tail -1)
    echo "| $n | $step | $t | $((m / 1024)) |"
  done
  ours=$(grep -E "^(import|analyze) " "$times" | awk '{print $1, $2}' | awk '{s[$1]=s[$1]" "$2} END {print s["import"] "|" s["analyze"]}')
  if [ -z "${SKIP_SQL:-}" ]; then
    # Same numbers? Compare per parcel and per zone within 0.01 % of area (0.01 m² for tiny values;
    # unsupplied 1 m², since parkgis drops slivers under 1 m²).
    # Parcels that parkgis repaired (invalid source geometry), and their zones, are left out: the SQL
    # route works on the invalid polygons, where ST_Union fails and the zone's figures come out NULL
    # (approvals of those zones too).
    rep="SELECT feature_id FROM o.import_issues WHERE code = 'invalid_geometry_repaired' AND layer = 'parcels'"
    repz="SELECT zone_id FROM o.parcels WHERE parcel_id IN ($rep)"
    # Likewise parcels under a building with a negative floor or vacant area (parkgis reports and drops
    # the value; the SQL route sums it): found by overlapping R*Tree boxes, a superset.
    neg="SELECT p.parcel_id FROM o.parcels p JOIN o.idx_parcels_geom ip ON ip.pkid = p.fid,
           o.buildings b JOIN o.idx_buildings_geom ib ON ib.pkid = b.fid
         WHERE b.building_id IN (SELECT feature_id FROM o.import_issues WHERE code = 'negative_value' AND layer = 'buildings')
           AND ip.xmin <= ib.xmax AND ip.xmax >= ib.xmin AND ip.ymin <= ib.ymax AND ip.ymax >= ib.ymin"
    # Enterprise land and zone money: enterprises with land on those parcels are left out, and every zone
    # where they have land (their figures are spread over all of it).
    entx="SELECT DISTINCT enterprise_id FROM sql_share WHERE parcel_id IN ($rep) OR parcel_id IN ($neg)"
    zonex="SELECT zone_id FROM o.parcels WHERE parcel_id IN ($rep) OR parcel_id IN ($neg)
             OR parcel_id IN (SELECT parcel_id FROM sql_share WHERE enterprise_id IN ($entx))"
    bad=$(sqlite3 "$work/s$n.sqlite" "ATTACH '$work/p$n.sqlite' AS o;
      SELECT (SELECT count(*) FROM sql_parcel s JOIN o.parcel_metrics m ON m.parcel_id = s.parcel_id
               WHERE s.parcel_id NOT IN ($rep) AND s.parcel_id NOT IN ($neg) AND (
                     abs(coalesce(s.footprint_m2,0) - m.footprint_m2) > max(0.01, 1e-4 * abs(m.footprint_m2))
                  OR abs(coalesce(s.floor_m2,0) - m.floor_m2) > max(0.01, 1e-4 * abs(m.floor_m2))
                  OR abs(coalesce(s.vacant_m2,0) - m.vacant_m2) > max(0.01, 1e-4 * abs(m.vacant_m2))))
           + (SELECT count(*) FROM sql_zone s JOIN o.zone_metrics m ON m.zone_id = s.zone_id
               WHERE s.zone_id NOT IN ($repz) AND (
                     abs(coalesce(s.approved_m2,0) - m.approved_m2) > max(0.01, 1e-4 * m.approved_m2)
                  OR abs(coalesce(s.supplied_m2,0) - m.supplied_m2) > max(0.01, 1e-4 * m.supplied_m2)
                  OR abs(coalesce(s.unsupplied_m2,0) - m.unsupplied_m2) > max(1.0, 1e-4 * m.unsupplied_m2)
                  OR abs(s.supplied_not_used_m2 - m.supplied_not_used_m2) > max(0.01, 1e-4 * m.supplied_not_used_m2)))
           + (SELECT count(*) FROM sql_approval s LEFT JOIN o.approval_metrics m ON m.approval_id = s.approval_id
               WHERE s.approval_id NOT IN (SELECT approval_i FROM approvals WHERE zone_id IN ($repz)) AND (m.approval_id IS NULL
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
               WHERE s.enterprise_id NOT IN ($entx) AND abs(s.land_m2 - m.land_m2) > max(0.01, 1e-4 * m.land_m2));")
    skipped=$(sqlite3 "$work/s$n.sqlite" "ATTACH '$work/p$n.sqlite' AS o; SELECT count(*) FROM ($rep)")
    skipped_neg=$(sqlite3 "$work/s$n.sqlite" "ATTACH '$work/p$n.sqlite' AS o; SELECT count(DISTINCT parcel_id) FROM ($neg)")
    compared=$(sqlite3 "$work/s$n.sqlite" "SELECT (SELECT count(*) FROM sql_parcel) || ' parcels, ' || (SELECT count(*) FROM sql_zone) || ' zones, ' || (SELECT count(*) FROM sql_approval) || ' approvals, ' || (SELECT count(*) FROM sql_enterprise) || ' enterprises (' || (SELECT count(*) FROM sql_lease) || ' leases in force)'")
    p_ia=$(awk '/^(import|analyze) /{print $1, $2}' "$times" | awk '$1=="import"{i[++a]=$2} $1=="analyze"{z[++b]=$2} END {for (k=1;k<=a;k++) print i[k]+z[k]}' | median)
    s_all=$(awk '/^(sql_load|sql_analysis) /{print $1, $2}' "$times" | awk '$1=="sql_load"{i[++a]=$2} $1=="sql_analysis"{z[++b]=$2} END {for (k=1;k<=a;k++) print i[k]+z[k]}' | median)
    ratio=$(awk -v a="$s_all" -v b="$p_ia" 'BEGIN {printf "%.1f", a / b}')
    echo "| $n | **import + analyze vs ogr2ogr + SQL** | $p_ia vs $s_all | ratio **${ratio}×**; compared $compared: $bad differ ($skipped repaired invalid parcels and their zones, $skipped_neg parcels under buildings with negative figures left out) |"
    if [ "$bad" != "0" ]; then echo "ERROR: $bad figures differ between parkgis and the SQL route (N=$n)" >&2; status=1; fi
  fi
done
exit $status
