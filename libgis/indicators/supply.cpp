#include "libgis/indicators/supply.h"

#include <algorithm>
#include <cmath>

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

// Snapping tolerance for T-junctions, in CRS units (metres): a vertex this close to a neighbour's edge
// is taken to lie on it. Far below survey precision, far above the rounding error of coordinates in the
// millions.
constexpr double kSnapTolerance = 1e-6;

// The parts of a collection with an STRtree of them, to find each part's neighbours (parts whose
// envelopes meet its own).
class Parts {
 public:
  Parts(geom::Context& ctx, const GEOSGeometry* coll)
      : m_ctx(ctx), m_h(ctx.handle()), m_coll(coll), m_tree(ctx) {
    const int n = GEOSGetNumGeometries_r(m_h, coll);
    for (int i = 0; i < n; ++i) m_tree.insert(part(i), static_cast<std::size_t>(i));
  }

  const GEOSGeometry* part(int i) const { return GEOSGetGeometryN_r(m_h, m_coll, i); }

  // Part i snapped to the vertices of its neighbours, so that a vertex of one parcel lying on the edge of
  // its neighbour (a T-junction) becomes a vertex of that edge too. Parcels that only meet in T-junctions
  // then share their edges segment for segment, which is what a coverage union needs. Null on a GEOS
  // error.
  geom::GeomPtr snap(int i) {
    std::vector<GEOSGeometry*> others;
    for (std::size_t k : m_tree.query(part(i)))  // part i and its neighbours
      if (k != static_cast<std::size_t>(i)) others.push_back(GEOSGeom_clone_r(m_h, part(static_cast<int>(k))));
    if (others.empty()) return geom::own(m_ctx, GEOSGeom_clone_r(m_h, part(i)));
    geom::GeomPtr ref = geom::own(m_ctx, GEOSGeom_createCollection_r(m_h, GEOS_GEOMETRYCOLLECTION, others.data(),
                                                                    static_cast<unsigned>(others.size())));
    return geom::own(m_ctx, ref ? GEOSSnap_r(m_h, part(i), ref.get(), kSnapTolerance) : nullptr);
  }

 private:
  geom::Context& m_ctx;
  GEOSContextHandle_t m_h;
  const GEOSGeometry* m_coll;
  geom::IndexTree m_tree;
};

// The coverage union of `coll` (a collection of the polygons' parts), or null when they do not form a
// coverage. A coverage union is only correct for non-overlapping inputs; on overlapping ones GEOS may
// fail, or return a result whose area differs from the sum of the parts, or even an invalid one whose
// area still equals it, so both the area and the validity are checked. It also needs shared edges
// noded alike, which T-junctions defeat: then the parts are snapped to their neighbours' vertices
// first. A failed coverage union costs several times a successful one, and snapping every part about
// as much as the union, so the first four parts are snapped as a probe: when one of them changes
// (T-junctions) all are snapped before the first attempt, otherwise the parts are tried as they are
// first. Snapping moves nothing in parts without T-junctions (nor vertices within the tolerance of
// another's), so either order gives the same union.
geom::GeomPtr coverage_union_of(geom::Context& ctx, const GEOSGeometry* coll, double parts_m2) {
  const GEOSContextHandle_t h = ctx.handle();
  const auto checked = [&](const GEOSGeometry* input) {
    geom::GeomPtr cov = geom::own(ctx, input ? GEOSCoverageUnion_r(h, input) : nullptr);
    ctx.clear_error();
    if (cov && std::abs(geom::area(ctx, cov.get()) - parts_m2) <= 1e-6 * std::max(1.0, parts_m2) &&
        GEOSisValid_r(h, cov.get()) == 1)
      return cov;
    return geom::own(ctx, nullptr);
  };
  const auto failed = [&] {
    ctx.clear_error();
    return geom::own(ctx, nullptr);
  };
  const int n = GEOSGetNumGeometries_r(h, coll);
  if (n <= 1) return checked(coll);
  constexpr int kProbe = 4;
  Parts parts(ctx, coll);
  std::vector<geom::GeomPtr> snapped;
  bool changed = false;
  for (int i = 0; i < n && i < kProbe && !changed; ++i) {
    snapped.push_back(parts.snap(i));
    if (!snapped.back()) return failed();
    changed = GEOSGetNumCoordinates_r(h, snapped.back().get()) != GEOSGetNumCoordinates_r(h, parts.part(i));
  }
  if (!changed)
    if (geom::GeomPtr cov = checked(coll)) return cov;
  for (int i = static_cast<int>(snapped.size()); i < n; ++i) {
    snapped.push_back(parts.snap(i));
    if (!snapped.back()) return failed();
  }
  std::vector<GEOSGeometry*> raw;
  for (geom::GeomPtr& g : snapped) raw.push_back(g.release());
  geom::GeomPtr all = geom::own(ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size())));
  return checked(all.get());
}

double area_sum(geom::Context& ctx, const std::vector<const GEOSGeometry*>& polygons) {
  double sum = 0;
  for (const GEOSGeometry* g : polygons) sum += geom::area(ctx, g);
  return sum;
}

}  // namespace

geom::GeomPtr coverage_union(geom::Context& ctx, const std::vector<const GEOSGeometry*>& polygons) {
  if (polygons.empty()) return geom::own(ctx, nullptr);
  geom::GeomPtr coll = collection_of(ctx, polygons);
  return coverage_union_of(ctx, coll.get(), area_sum(ctx, polygons));
}

geom::GeomPtr union_polygons(geom::Context& ctx, const std::vector<const GEOSGeometry*>& polygons) {
  if (polygons.empty()) return geom::own(ctx, nullptr);
  geom::GeomPtr coll = collection_of(ctx, polygons);
  if (geom::GeomPtr cov = coverage_union_of(ctx, coll.get(), area_sum(ctx, polygons))) return cov;
  return geom::own(ctx, GEOSUnaryUnion_r(ctx.handle(), coll.get()));
}

ZoneSupply zone_supply(geom::Context& ctx, const GEOSGeometry* zone, const std::vector<const GEOSGeometry*>& approvals,
                       const std::vector<const GEOSGeometry*>& supplied_parcels, double min_piece_m2) {
  const GEOSContextHandle_t h = ctx.handle();
  ZoneSupply out;

  // Clipping to the zone is an overlay of the whole union; skip it when the union lies in the zone
  // (the usual case for parcels), which a prepared "covers" test answers cheaply.
  const GEOSPreparedGeometry* prepared_zone = GEOSPrepare_r(h, zone);
  const auto clipped_union = [&](const std::vector<const GEOSGeometry*>& parts) {
    geom::GeomPtr u = union_polygons(ctx, parts);
    if (!u || GEOSPreparedCovers_r(h, prepared_zone, u.get()) == 1) return u;
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
