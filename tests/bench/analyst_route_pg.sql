-- The same route as analyst_route.sql, as a skilled analyst writes it in PostGIS: the shapefiles and
-- CSV files loaded with ogr2ogr (COPY, a GiST index on every geometry; run_bench.sh does that), then
-- this script in psql. The same figures, computed the same way: the building × parcel pieces once into
-- an indexed table (a parallel GiST join) and aggregated; one ST_Union per zone and per approval batch,
-- found through the GiST index (a GROUP BY join; PostGIS's ST_Union collects in parallel but unions in
-- one process); per-unit sums as GROUP BY joins, and id checks as EXISTS (semi-joins).
-- Invalid polygons are repaired with ST_MakeValid first, as in the SpatiaLite route (GEOS in PostGIS
-- would stop the whole statement on them). Differences from SpatiaLite that matter: REAL is 4 bytes in
-- PostgreSQL, so every cast is to double precision; `date + interval '6 months'` already ends on the last
-- day of a shorter month.
-- Parameter: the as-of date is substituted for @AS_OF@ by run_bench.sh.
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 2;
-- PostGIS functions carry high costs, so the planner JIT-compiles nearly every statement here; that costs
-- more than it saves on these queries (20,000 large-zones parcels on the 2-core machine: 15.8 s with JIT,
-- 11.7 s without), and analysts of spatial data switch it off.
SET jit = off;
SET client_min_messages = warning;

UPDATE parcels SET geometry = ST_Multi(ST_CollectionExtract(ST_MakeValid(geometry), 3)) WHERE NOT ST_IsValid(geometry);
UPDATE buildings SET geometry = ST_Multi(ST_CollectionExtract(ST_MakeValid(geometry), 3)) WHERE NOT ST_IsValid(geometry);
UPDATE approvals SET geometry = ST_Multi(ST_CollectionExtract(ST_MakeValid(geometry), 3)) WHERE NOT ST_IsValid(geometry);
UPDATE zones SET geometry = ST_Multi(ST_CollectionExtract(ST_MakeValid(geometry), 3)) WHERE NOT ST_IsValid(geometry);
CREATE TABLE IF NOT EXISTS enterprises (enterprise_id TEXT, year TEXT, output_wan TEXT, tax_wan TEXT);
CREATE TABLE IF NOT EXISTS tenancies (enterprise_id TEXT, building_id TEXT, parcel_id TEXT, leased_m2 TEXT,
                                      start_date TEXT, end_date TEXT);
CREATE INDEX IF NOT EXISTS parcels_parcel_id ON parcels (parcel_id);
CREATE INDEX IF NOT EXISTS buildings_building_i ON buildings (building_i);
ANALYZE parcels; ANALYZE buildings; ANALYZE approvals; ANALYZE zones; ANALYZE enterprises; ANALYZE tenancies;

-- Building × parcel pieces, once (see analyst_route.sql), in a parallel plan through the GiST index.
-- Vacant floor counts once vacant 6 calendar months (vacancy.min_months) on or before as_of, or when
-- undated. (Skipping the cut for a building inside its parcel, CASE WHEN ST_CoveredBy, was slower: the
-- unprepared relate costs more than GEOS's cut of a small polygon.)
DROP TABLE IF EXISTS sql_piece;
CREATE TABLE sql_piece AS
SELECT p.parcel_id AS parcel_id, b.building_i AS building_id,
       ST_Intersection(b.geometry, p.geometry) AS g,
       ST_Area(b.geometry) AS building_m2,
       coalesce(b.floor_area, ST_Area(b.geometry) * b.floors) AS building_floor,
       coalesce(b.vacant_are, 0) AS building_vacant,
       (b.vacant_sin IS NULL OR (b.vacant_sin + interval '6 months')::date <= DATE '@AS_OF@') AS vacancy_counts
  FROM parcels p JOIN buildings b ON ST_Intersects(b.geometry, p.geometry);
ALTER TABLE sql_piece ADD COLUMN piece_m2 double precision;
UPDATE sql_piece SET piece_m2 = ST_Area(g);
CREATE INDEX sql_piece_parcel ON sql_piece (parcel_id);
CREATE INDEX sql_piece_building ON sql_piece (building_id);
ANALYZE sql_piece;

-- Per parcel: the footprint is the union of its pieces (buildings may overlap; one piece needs no
-- union). The pieces of a parcel are collected first (a cheap aggregate), then unioned row by row in a
-- parallel scan, so both cores run GEOS.
DROP TABLE IF EXISTS sql_parcel_pieces;
CREATE TABLE sql_parcel_pieces AS
SELECT parcel_id, count(*) AS n, sum(piece_m2) AS piece_m2, ST_Collect(g) AS g,
       sum(building_floor * piece_m2 / building_m2) AS floor_m2,
       sum(CASE WHEN vacancy_counts THEN building_vacant * piece_m2 / building_m2 ELSE 0 END) AS vacant_m2
  FROM sql_piece GROUP BY parcel_id;
ANALYZE sql_parcel_pieces;
DROP TABLE IF EXISTS sql_parcel;
CREATE TABLE sql_parcel AS
SELECT p.parcel_id AS parcel_id, ST_Area(p.geometry) AS area_m2,
       CASE WHEN f.n = 1 THEN f.piece_m2 ELSE ST_Area(ST_UnaryUnion(f.g)) END AS footprint_m2,
       f.floor_m2 AS floor_m2, f.vacant_m2 AS vacant_m2
  FROM parcels p LEFT JOIN sql_parcel_pieces f ON f.parcel_id = p.parcel_id;
CREATE INDEX sql_parcel_id ON sql_parcel (parcel_id);
ANALYZE sql_parcel;

-- Per zone: approved land (approvals dated on or before as_of, or undated) and supplied land, each one
-- union of what the GiST index finds in the zone, cut to the zone.
DROP TABLE IF EXISTS sql_zone;
CREATE TABLE sql_zone AS
WITH a AS (
  SELECT z.zone_id AS zone_id, ST_Intersection(ST_Union(ap.geometry), z.geometry) AS g
    FROM zones z LEFT JOIN approvals ap
      ON ST_Intersects(ap.geometry, z.geometry) AND (ap.approved IS NULL OR ap.approved <= DATE '@AS_OF@')
   GROUP BY z.ogc_fid),
s AS (
  SELECT z.zone_id AS zone_id, ST_Intersection(ST_Union(p.geometry), z.geometry) AS g
    FROM zones z LEFT JOIN parcels p ON ST_Intersects(p.geometry, z.geometry) AND p.supply_dat <= DATE '@AS_OF@'
   GROUP BY z.ogc_fid),
unused AS (
  SELECT p.zone_id AS zone_id, sum(sp.area_m2) AS m2
    FROM parcels p JOIN sql_parcel sp ON sp.parcel_id = p.parcel_id
   WHERE p.supply_dat <= DATE '@AS_OF@' AND (p.actual_sta IS NULL OR p.actual_sta > DATE '@AS_OF@')
     AND coalesce(sp.footprint_m2, 0) = 0
   GROUP BY p.zone_id)
SELECT a.zone_id AS zone_id, ST_Area(a.g) AS approved_m2, ST_Area(s.g) AS supplied_m2,
       coalesce(ST_Area(ST_Difference(a.g, s.g)), ST_Area(a.g)) AS unsupplied_m2,
       coalesce(u.m2, 0) AS supplied_not_used_m2
  FROM a JOIN s ON s.zone_id = a.zone_id LEFT JOIN unused u ON u.zone_id = a.zone_id;

-- Approval batches approved on or before the as-of date (or undated): each against the union of the
-- parcels supplied by then.
DROP TABLE IF EXISTS sql_approval;
CREATE TABLE sql_approval AS
WITH b AS (
  SELECT ap.approval_i AS approval_id, ap.geometry AS g, ST_Union(p.geometry) AS s
    FROM approvals ap LEFT JOIN parcels p
      ON ST_Intersects(p.geometry, ap.geometry) AND p.supply_dat <= DATE '@AS_OF@'
   WHERE ap.approved IS NULL OR ap.approved <= DATE '@AS_OF@'
   GROUP BY ap.ogc_fid)
SELECT approval_id, ST_Area(g) AS approved_m2,
       coalesce(ST_Area(ST_Intersection(g, s)), 0) AS supplied_m2,
       coalesce(ST_Area(ST_Difference(g, s)), ST_Area(g)) AS unsupplied_m2
  FROM b;

-- Land each enterprise counts at as_of, owned and rented, and the zones' used land, output and tax
-- (docs/indicators.md, "Rented floor space"); the CSV columns come in as text, as in SpatiaLite.
CREATE INDEX IF NOT EXISTS enterprises_id_year ON enterprises (enterprise_id, year);
DROP TABLE IF EXISTS sql_ent;
CREATE TABLE sql_ent AS
WITH latest AS (
  SELECT enterprise_id, max(CAST(year AS integer)) AS year FROM enterprises
   WHERE CAST(year AS integer) <= CAST(substr('@AS_OF@', 1, 4) AS integer)
   GROUP BY enterprise_id)
SELECT e.enterprise_id AS enterprise_id, CAST(nullif(e.output_wan, '') AS double precision) AS output_wan,
       CAST(nullif(e.tax_wan, '') AS double precision) AS tax_wan
  FROM enterprises e JOIN latest l ON l.enterprise_id = e.enterprise_id AND l.year = CAST(e.year AS integer);

-- Leases in force at as_of that pass the import's checks (known enterprise, building or parcel; dates in
-- order; a floor lease above 0 m²). The checks are EXISTS, one index lookup per lease: `IN (SELECT
-- building_i FROM buildings)` inside the OR is a subplan that PostgreSQL hashes only when the 570,000 ids
-- of 200,000 parcels fit in work_mem (4 MB by default); otherwise it scans them once per lease, and the
-- route had not finished after 7 minutes. (Raising work_mem to 256 MB instead made the route slower here.)
DROP TABLE IF EXISTS sql_lease;
CREATE TABLE sql_lease AS
SELECT t.enterprise_id AS enterprise_id, nullif(t.building_id, '') AS building_id,
       CASE WHEN coalesce(t.building_id, '') = '' THEN t.parcel_id END AS parcel_id,
       CAST(nullif(t.leased_m2, '') AS double precision) AS leased_m2
  FROM tenancies t
 WHERE EXISTS (SELECT 1 FROM enterprises e WHERE e.enterprise_id = t.enterprise_id)
   AND coalesce(t.start_date, '') <= '@AS_OF@'
   AND (coalesce(t.end_date, '') = '' OR t.end_date >= '@AS_OF@')
   AND NOT (coalesce(t.start_date, '') <> '' AND coalesce(t.end_date, '') <> '' AND t.end_date < t.start_date)
   AND ((coalesce(t.building_id, '') <> '' AND EXISTS (SELECT 1 FROM buildings b WHERE b.building_i = t.building_id)
         AND CAST(nullif(t.leased_m2, '') AS double precision) > 0)
     OR (coalesce(t.building_id, '') = '' AND EXISTS (SELECT 1 FROM parcels p WHERE p.parcel_id = t.parcel_id)));

-- Floor of the buildings let, on each parcel they stand on (footprint share), and each building's scale:
-- leases in force together over its floor area are scaled down to it.
CREATE INDEX sql_ent_id ON sql_ent (enterprise_id);
CREATE INDEX sql_lease_building ON sql_lease (building_id);
DROP TABLE IF EXISTS sql_part;
CREATE TABLE sql_part AS
SELECT parcel_id, building_id, coalesce(building_floor, 0) AS building_floor,
       coalesce(building_floor, 0) * piece_m2 / building_m2 AS floor_m2
  FROM sql_piece
 WHERE building_id IN (SELECT building_id FROM sql_lease);
DROP TABLE IF EXISTS sql_scale;
CREATE TABLE sql_scale AS
SELECT l.building_id AS building_id,
       CASE WHEN f.floor > 0 THEN least(1.0, f.floor / sum(l.leased_m2)) ELSE 0 END AS k
  FROM sql_lease l
  JOIN (SELECT building_i, coalesce(floor_area, ST_Area(geometry) * floors, 0) AS floor FROM buildings) f
    ON f.building_i = l.building_id
 GROUP BY l.building_id, f.floor;

-- Parcels held at as_of (supplied on or before it, or no supply date).
DROP TABLE IF EXISTS sql_held;
CREATE TABLE sql_held AS
SELECT p.parcel_id AS parcel_id, p.zone_id AS zone_id, nullif(p.user_id, '') AS user_id, s.area_m2 AS area_m2,
       coalesce(s.floor_m2, 0) AS floor_m2,
       ll.parcel_id IS NOT NULL AS land_let
  FROM parcels p JOIN sql_parcel s ON s.parcel_id = p.parcel_id
  LEFT JOIN (SELECT DISTINCT parcel_id FROM sql_lease WHERE parcel_id IS NOT NULL) ll ON ll.parcel_id = p.parcel_id
 WHERE p.supply_dat IS NULL OR p.supply_dat <= DATE '@AS_OF@';

-- Shares: tenants get area × leased floor here / the parcel's floor; the rest goes to the land tenants
-- (equal parts) or else to the holder.
CREATE INDEX sql_held_id ON sql_held (parcel_id);
DROP TABLE IF EXISTS sql_tenant;
CREATE TABLE sql_tenant AS
SELECT h.parcel_id AS parcel_id, l.enterprise_id AS enterprise_id,
       sum(CASE WHEN h.floor_m2 > 0 AND pt.building_floor > 0
                THEN h.area_m2 * l.leased_m2 * k.k * pt.floor_m2 / pt.building_floor / h.floor_m2 ELSE 0 END) AS land_m2
  FROM sql_held h JOIN sql_part pt ON pt.parcel_id = h.parcel_id
  JOIN sql_lease l ON l.building_id = pt.building_id JOIN sql_scale k ON k.building_id = pt.building_id
 GROUP BY h.parcel_id, l.enterprise_id;
DROP TABLE IF EXISTS sql_share;
CREATE TABLE sql_share AS
WITH tenant_sum AS (SELECT parcel_id, sum(land_m2) AS m2 FROM sql_tenant GROUP BY parcel_id),
rest AS (
  SELECT h.parcel_id AS parcel_id, h.user_id AS user_id, h.land_let AS land_let,
         greatest(0, h.area_m2 - coalesce(t.m2, 0)) AS land_m2
    FROM sql_held h LEFT JOIN tenant_sum t ON t.parcel_id = h.parcel_id),
land_tenant AS (
  SELECT parcel_id, enterprise_id, count(*) OVER (PARTITION BY parcel_id) AS n FROM sql_lease WHERE parcel_id IS NOT NULL)
SELECT parcel_id, enterprise_id, land_m2 FROM sql_tenant
UNION ALL
SELECT r.parcel_id, lt.enterprise_id, r.land_m2 / lt.n FROM rest r JOIN land_tenant lt ON lt.parcel_id = r.parcel_id
UNION ALL
SELECT r.parcel_id, r.user_id, r.land_m2 FROM rest r
 WHERE NOT r.land_let AND r.user_id IN (SELECT enterprise_id FROM enterprises);
CREATE INDEX sql_share_parcel ON sql_share (parcel_id);

DROP TABLE IF EXISTS sql_enterprise;
CREATE TABLE sql_enterprise AS
SELECT e.enterprise_id AS enterprise_id, coalesce(s.m2, 0) AS land_m2
  FROM (SELECT DISTINCT enterprise_id FROM enterprises) e
  LEFT JOIN (SELECT enterprise_id, sum(land_m2) AS m2 FROM sql_share GROUP BY enterprise_id) s
    ON s.enterprise_id = e.enterprise_id;

-- Zones: used land (the whole held parcel when it has a holder or land tenant, else its tenants' land) and
-- each enterprise's output and tax spread over all its land by area.
DROP TABLE IF EXISTS sql_zone_money;
CREATE TABLE sql_zone_money AS
WITH share_sum AS (SELECT parcel_id, sum(land_m2) AS m2 FROM sql_share GROUP BY parcel_id),
used AS (
  SELECT h.zone_id AS zone_id,
         sum(CASE WHEN h.user_id IS NOT NULL OR h.land_let THEN h.area_m2 ELSE coalesce(s.m2, 0) END) AS m2
    FROM sql_held h LEFT JOIN share_sum s ON s.parcel_id = h.parcel_id
   GROUP BY h.zone_id),
money AS (
  SELECT p.zone_id AS zone_id, sum(f.output_wan * s.land_m2 / t.land_m2) AS output_wan,
         sum(f.tax_wan * s.land_m2 / t.land_m2) AS tax_wan
    FROM sql_share s JOIN sql_enterprise t ON t.enterprise_id = s.enterprise_id
    JOIN sql_ent f ON f.enterprise_id = s.enterprise_id JOIN parcels p ON p.parcel_id = s.parcel_id
   WHERE t.land_m2 > 0
   GROUP BY p.zone_id)
SELECT z.zone_id AS zone_id, coalesce(u.m2, 0) * 15.0 / 10000.0 AS land_mu_used,
       coalesce(m.output_wan, 0) AS output_wan, coalesce(m.tax_wan, 0) AS tax_wan
  FROM zones z LEFT JOIN used u ON u.zone_id = z.zone_id LEFT JOIN money m ON m.zone_id = z.zone_id;
