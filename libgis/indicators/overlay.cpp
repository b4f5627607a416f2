#include "libgis/indicators/overlay.h"

#include <algorithm>
#include <cctype>

namespace parkgis::indicators {

namespace {

struct Envelope {
  double x0, y0, x1, y1;
  bool overlaps(const Envelope& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

Envelope envelope_of(GEOSContextHandle_t h, const GEOSGeometry* g) {
  Envelope e{};
  GEOSGeom_getXMin_r(h, g, &e.x0);
  GEOSGeom_getYMin_r(h, g, &e.y0);
  GEOSGeom_getXMax_r(h, g, &e.x1);
  GEOSGeom_getYMax_r(h, g, &e.y1);
  return e;
}

struct Piece {
  const GEOSGeometry* geometry;  // the building itself (contained) or an owned intersection
  Envelope env;
};

}  // namespace

bool is_factory_use(const std::string& use) {
  std::string s = use;
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s == "factory" || s == "workshop" || s == "厂房" || s == "工业厂房" || s == "车间" || s == "标准厂房";
}

std::vector<ParcelOverlay> overlay_buildings(geom::Context& ctx, const std::vector<const GEOSGeometry*>& parcels,
                                             const std::vector<BuildingInput>& buildings) {
  const GEOSContextHandle_t h = ctx.handle();
  std::vector<ParcelOverlay> out(parcels.size());

  GEOSSTRtree* tree = GEOSSTRtree_create_r(h, 10);
  std::vector<double> building_area(buildings.size(), 0);
  for (std::size_t i = 0; i < buildings.size(); ++i) {
    if (!buildings[i].geometry) continue;
    building_area[i] = geom::area(ctx, buildings[i].geometry);
    if (building_area[i] <= 0) continue;
    GEOSSTRtree_insert_r(h, tree, buildings[i].geometry, reinterpret_cast<void*>(i));
  }

  std::vector<std::size_t> hits;
  std::vector<Piece> pieces;
  std::vector<geom::GeomPtr> owned;
  for (std::size_t p = 0; p < parcels.size(); ++p) {
    const GEOSGeometry* parcel = parcels[p];
    if (!parcel) continue;
    hits.clear();
    GEOSSTRtree_query_r(
        h, tree, parcel,
        [](void* item, void* data) { static_cast<std::vector<std::size_t>*>(data)->push_back(reinterpret_cast<std::size_t>(item)); },
        &hits);
    if (hits.empty()) continue;
    std::sort(hits.begin(), hits.end());  // deterministic order of sums
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(h, parcel);
    pieces.clear();
    owned.clear();
    ParcelOverlay& o = out[p];
    for (std::size_t bi : hits) {
      const BuildingInput& b = buildings[bi];
      double share = 0;
      const GEOSGeometry* piece = nullptr;
      if (GEOSPreparedContainsProperly_r(h, prepared, b.geometry) == 1) {
        share = 1.0;  // fast path: wholly inside, no overlay needed
        piece = b.geometry;
      } else if (GEOSPreparedIntersects_r(h, prepared, b.geometry) == 1) {
        geom::GeomPtr inter = geom::own(ctx, GEOSIntersection_r(h, parcel, b.geometry));
        const double a = geom::area(ctx, inter.get());
        if (a <= 0) continue;
        share = std::min(1.0, a / building_area[bi]);
        piece = inter.get();
        owned.push_back(std::move(inter));
      } else {
        continue;
      }
      ++o.buildings;
      o.floor_m2 += b.floor_area_m2 * share;
      o.vacant_m2 += b.vacant_area_m2 * share;
      if (b.factory) {
        o.factory_floor_m2 += b.floor_area_m2 * share;
        o.factory_vacant_m2 += b.vacant_area_m2 * share;
      }
      pieces.push_back({piece, envelope_of(h, piece)});
    }
    GEOSPreparedGeom_destroy_r(h, prepared);

    // Footprint: a plain sum when no two pieces' envelopes overlap, else the area of their union.
    bool overlap = false;
    for (std::size_t i = 0; i < pieces.size() && !overlap; ++i)
      for (std::size_t j = i + 1; j < pieces.size() && !overlap; ++j) overlap = pieces[i].env.overlaps(pieces[j].env);
    if (!overlap) {
      for (const Piece& pc : pieces) o.footprint_m2 += geom::area(ctx, pc.geometry);
    } else {
      std::vector<GEOSGeometry*> clones;
      for (const Piece& pc : pieces) clones.push_back(GEOSGeom_clone_r(h, pc.geometry));
      geom::GeomPtr coll = geom::own(ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                                      static_cast<unsigned>(clones.size())));
      geom::GeomPtr u = geom::own(ctx, GEOSUnaryUnion_r(h, coll.get()));
      o.footprint_m2 = geom::area(ctx, u.get());
    }
  }
  GEOSSTRtree_destroy_r(h, tree);
  return out;
}

}  // namespace parkgis::indicators
