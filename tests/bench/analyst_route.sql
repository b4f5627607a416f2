-- The route an analyst takes without parkgis: the shapefiles loaded with ogr2ogr into SpatiaLite, then
-- SQL with the SpatialIndex virtual table (SpatiaLite does not use the R*Tree by itself).
-- Computes what parkgis computes for the comparison: per-parcel building footprint, floor and vacant
-- areas; per-zone approved, supplied and unsupplied (批而未供) areas, counting approvals from their
-- approval date, and 供而未用 (supplied, not started, no buildings); per approval batch (批次) its
-- area, the supplied part and the unsupplied rest. Parameter: the as-of date is substituted for
-- @AS_OF@ by run_bench.sh.
DROP TABLE IF EXISTS sql_parcel;
CREATE TABLE sql_parcel AS
SELECT p.parcel_id AS parcel_id,
       ST_Area(p.geometry) AS area_m2,
       (SELECT ST_Area(ST_Intersection(ST_Union(b.geometry), p.geometry)) FROM buildings b
         WHERE b.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'buildings' AND search_frame = p.geometry)
           AND ST_Intersects(b.geometry, p.geometry)) AS footprint_m2,
       (SELECT SUM(coalesce(b.floor_area, ST_Area(b.geometry) * b.floors) * ST_Area(ST_Intersection(b.geometry, p.geometry)) / ST_Area(b.geometry))
          FROM buildings b
         WHERE b.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'buildings' AND search_frame = p.geometry)
           AND ST_Intersects(b.geometry, p.geometry)) AS floor_m2,
       (SELECT SUM(coalesce(b.vacant_are, 0) * ST_Area(ST_Intersection(b.geometry, p.geometry)) / ST_Area(b.geometry))
          FROM buildings b
         WHERE b.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'buildings' AND search_frame = p.geometry)
           AND ST_Intersects(b.geometry, p.geometry)) AS vacant_m2
  FROM parcels p;

DROP TABLE IF EXISTS sql_zone;
CREATE TABLE sql_zone AS
WITH a AS (
  SELECT z.zone_id AS zone_id,
         ST_Intersection((SELECT ST_Union(ap.geometry) FROM approvals ap
                           WHERE ap.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'approvals' AND search_frame = z.geometry)
                             AND (ap.approved IS NULL OR ap.approved <= '@AS_OF@')
                             AND ST_Intersects(ap.geometry, z.geometry)), z.geometry) AS g
    FROM zones z),
s AS (
  SELECT z.zone_id AS zone_id,
         ST_Intersection((SELECT ST_Union(p.geometry) FROM parcels p
                           WHERE p.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'parcels' AND search_frame = z.geometry)
                             AND p.supply_dat <= '@AS_OF@' AND ST_Intersects(p.geometry, z.geometry)), z.geometry) AS g
    FROM zones z)
SELECT a.zone_id AS zone_id, ST_Area(a.g) AS approved_m2, ST_Area(s.g) AS supplied_m2,
       coalesce(ST_Area(ST_Difference(a.g, s.g)), ST_Area(a.g)) AS unsupplied_m2,
       (SELECT coalesce(SUM(sp.area_m2), 0) FROM parcels p JOIN sql_parcel sp ON sp.parcel_id = p.parcel_id
         WHERE p.zone_id = a.zone_id AND p.supply_dat <= '@AS_OF@'
           AND (p.actual_sta IS NULL OR p.actual_sta > '@AS_OF@')
           AND coalesce(sp.footprint_m2, 0) = 0) AS supplied_not_used_m2
  FROM a JOIN s ON s.zone_id = a.zone_id;

-- Approval batches approved on or before the as-of date (or undated): each against the union of the
-- parcels supplied by then.
DROP TABLE IF EXISTS sql_approval;
CREATE TABLE sql_approval AS
WITH b AS (
  SELECT ap.approval_i AS approval_id, ap.geometry AS g,
         (SELECT ST_Union(p.geometry) FROM parcels p
           WHERE p.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'parcels' AND search_frame = ap.geometry)
             AND p.supply_dat <= '@AS_OF@' AND ST_Intersects(p.geometry, ap.geometry)) AS s
    FROM approvals ap
   WHERE ap.approved IS NULL OR ap.approved <= '@AS_OF@')
SELECT approval_id, ST_Area(g) AS approved_m2,
       coalesce(ST_Area(ST_Intersection(g, s)), 0) AS supplied_m2,
       coalesce(ST_Area(ST_Difference(g, s)), ST_Area(g)) AS unsupplied_m2
  FROM b;
