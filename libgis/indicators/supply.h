#pragma once
// Approved, supplied and approved-but-unsupplied (批而未供) land of one zone:
//   approved    A = ∪(approvals) ∩ zone
//   supplied    S = ∪(parcels supplied on or before the as-of date) ∩ zone
//   unsupplied  U = A − S
// Parcels normally do not overlap, so their union is a GEOS coverage union (fast), after snapping each
// parcel to its neighbours' vertices so that T-junctions (a vertex of one parcel on an edge of the next)
// do not defeat it; when they do overlap, a cascaded unary union is used instead. Pieces of U smaller
// than min_piece_m2 are slivers where boundaries do not line up exactly; they are dropped.

#include <vector>

#include "libgis/geom/geos.h"

namespace parkgis::indicators {

struct ZoneSupply {
  double approved_m2 = 0;
  double supplied_m2 = 0;
  double unsupplied_m2 = 0;          // area of the kept pieces
  std::vector<geom::GeomPtr> unsupplied_pieces;  // polygons, in a deterministic order
};

ZoneSupply zone_supply(geom::Context& ctx, const GEOSGeometry* zone, const std::vector<const GEOSGeometry*>& approvals,
                       const std::vector<const GEOSGeometry*>& supplied_parcels, double min_piece_m2 = 1.0);

// Union of polygons that form a coverage (no overlaps; edges may meet in T-junctions, a vertex of one
// polygon within 1 µm of an edge of another): GEOS coverage union of the polygons snapped to their
// neighbours' vertices. Null for no input, or when the polygons do not form a coverage (they overlap).
geom::GeomPtr coverage_union(geom::Context& ctx, const std::vector<const GEOSGeometry*>& polygons);

// Union of polygons: coverage_union when they form a coverage, else unary union. Null for no input.
geom::GeomPtr union_polygons(geom::Context& ctx, const std::vector<const GEOSGeometry*>& polygons);

}  // namespace parkgis::indicators
