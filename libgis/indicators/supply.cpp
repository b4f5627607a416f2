#include "libgis/indicators/supply.h"

#include <algorithm>

namespace parkgis::indicators {

namespace {

geom::GeomPtr collection_of(geom::Context& ctx, const std::vector<const GEOSGeometry*>& polygons) {
  const GEOSContextHandle_t h = ctx.handle();
  std::vector<GEOSGeometry*> parts;
  for (const GEOSGeometry* g : polygons) {
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) parts.push_back(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, g, i)));
  }
  return geom::own(ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                    static_cast<unsigned>(parts.size())));
}

}  // namespace

geom::GeomPtr union_polygons(geom::Context& ctx, const std::vector<const GEOSGeometry*>& polygons) {
  if (polygons.empty()) return geom::own(ctx, nullptr);
  const GEOSContextHandle_t h = ctx.handle();
  geom::GeomPtr coll = collection_of(ctx, polygons);
  // A coverage union is only correct for non-overlapping inputs. On overlapping ones GEOS may return an
  // invalid result whose area still equals the sum of the parts, so both checks are needed.
  geom::GeomPtr cov = geom::own(ctx, GEOSCoverageUnion_r(h, coll.get()));
  if (cov) {
    double sum = 0;
    for (const GEOSGeometry* g : polygons) sum += geom::area(ctx, g);
    const double a = geom::area(ctx, cov.get());
    if (std::abs(a - sum) <= 1e-6 * std::max(1.0, sum) && GEOSisValid_r(h, cov.get()) == 1) return cov;
  }
  ctx.clear_error();
  return geom::own(ctx, GEOSUnaryUnion_r(h, coll.get()));
}

ZoneSupply zone_supply(geom::Context& ctx, const GEOSGeometry* zone, const std::vector<const GEOSGeometry*>& approvals,
                       const std::vector<const GEOSGeometry*>& supplied_parcels, double min_piece_m2) {
  const GEOSContextHandle_t h = ctx.handle();
  ZoneSupply out;

  // Clipping to the zone is an overlay of the whole union; skip it when every input lies in the zone
  // (the usual case for parcels), which a prepared "covers" test answers cheaply.
  const GEOSPreparedGeometry* prepared_zone = GEOSPrepare_r(h, zone);
  const auto all_inside = [&](const std::vector<const GEOSGeometry*>& parts) {
    for (const GEOSGeometry* g : parts)
      if (GEOSPreparedCovers_r(h, prepared_zone, g) != 1) return false;
    return true;
  };
  const auto clipped_union = [&](const std::vector<const GEOSGeometry*>& parts) {
    geom::GeomPtr u = union_polygons(ctx, parts);
    if (!u || all_inside(parts)) return u;
    return geom::own(ctx, GEOSIntersection_r(h, u.get(), zone));
  };
  geom::GeomPtr approved = clipped_union(approvals);
  geom::GeomPtr supplied = clipped_union(supplied_parcels);
  GEOSPreparedGeom_destroy_r(h, prepared_zone);
  out.approved_m2 = geom::area(ctx, approved.get());
  out.supplied_m2 = geom::area(ctx, supplied.get());
  if (!approved || out.approved_m2 <= 0) return out;

  geom::GeomPtr rest = supplied ? geom::own(ctx, GEOSDifference_r(h, approved.get(), supplied.get()))
                                : geom::own(ctx, GEOSGeom_clone_r(h, approved.get()));
  geom::GeomPtr polys = geom::to_multipolygon(ctx, rest.get());
  if (!polys) return out;
  const int n = GEOSGetNumGeometries_r(h, polys.get());
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(h, polys.get(), i);
    const double a = geom::area(ctx, part);
    if (a < min_piece_m2) continue;
    out.unsupplied_m2 += a;
    GEOSGeometry* c = GEOSGeom_clone_r(h, part);
    GEOSNormalize_r(h, c);
    out.unsupplied_pieces.push_back(geom::own(ctx, c));
  }
  // Largest first; ties by position, so the order does not depend on GEOS internals.
  std::sort(out.unsupplied_pieces.begin(), out.unsupplied_pieces.end(), [&](const geom::GeomPtr& a, const geom::GeomPtr& b) {
    const double aa = geom::area(ctx, a.get()), ab = geom::area(ctx, b.get());
    if (aa != ab) return aa > ab;
    double xa = 0, xb = 0;
    GEOSGeom_getXMin_r(h, a.get(), &xa);
    GEOSGeom_getXMin_r(h, b.get(), &xb);
    return xa < xb;
  });
  return out;
}

}  // namespace parkgis::indicators
