#pragma once
// Building × parcel overlay: how much of each parcel is built on, and how much floor area and idle
// floor area stand on it. A building crossing a parcel line is split by area; overlapping buildings
// are not counted twice for the footprint (union). Uses an STRtree over the buildings, prepared
// parcel geometry, and a fast path for buildings wholly inside the parcel (no intersection computed).

#include <optional>
#include <string>
#include <vector>

#include "libgis/geom/geos.h"

namespace parkgis::indicators {

struct BuildingInput {
  const GEOSGeometry* geometry = nullptr;  // polygonal, valid, planar metres
  double floor_area_m2 = 0;                // total floor area (0 when unknown)
  double vacant_area_m2 = 0;               // idle floor area
  bool factory = false;                    // counted in the factory figures
};

struct ParcelOverlay {
  double footprint_m2 = 0;       // area(∪ buildings ∩ parcel)
  double floor_m2 = 0;           // Σ floor_area × area(b ∩ p) / area(b)
  double vacant_m2 = 0;          // Σ vacant_area × area(b ∩ p) / area(b)
  double factory_floor_m2 = 0;   // the same, factories only
  double factory_vacant_m2 = 0;
  int buildings = 0;             // buildings with a share in the parcel
};

// One result per parcel, in the order given. All geometries must belong to ctx's thread.
std::vector<ParcelOverlay> overlay_buildings(geom::Context& ctx, const std::vector<const GEOSGeometry*>& parcels,
                                             const std::vector<BuildingInput>& buildings);

// Whether a building use counts as a factory (厂房): "factory", "厂房", "工业厂房", "workshop", "车间".
bool is_factory_use(const std::string& use);

}  // namespace parkgis::indicators
