#pragma once
// Geometry layout of the generated dataset: parks placed near their county seats (EPSG:4549), zones
// inside parks, blocks of parcels separated by roads inside zones (some blocks left empty: approved but
// not supplied), approval polygons over each zone's blocks, and the special parcel shapes.

#include <cstddef>
#include <cstdint>

#include "libgis/core/dates.h"
#include "libgis/generator/plan.h"
#include "libgis/generator/shape.h"

namespace parkgis::generator {

// Parcels per zone (about 25 per park, parks of 300-900 亩); more parcels give more zones and parks.
constexpr std::size_t kParcelsPerZone = 12;
// Zones (and parks) of the smallest dataset: 10 parks with 21 zones; also the zones of a large-zones
// dataset, in kLargeZoneParks parks of three zones.
constexpr std::size_t kMinZones = 21;
constexpr std::size_t kLargeZoneParks = 7;

struct LayoutResult {
  double cell_size = 0;  // side of the grid cell each park is centred in (m)
};

// Fills plan.parks, plan.zones, plan.parcels (id, zone, approval, rect, shape, inner) and
// plan.approvals (zone, rect, a first date; attributes.cpp settles the date and the id). Exactly
// `parcels` parcels are laid out, spread over parks and zones as `shape` says (shape.h).
LayoutResult lay_out(Plan& plan, std::size_t parcels, std::uint64_t seed, const Date& as_of,
                     DatasetShape shape = DatasetShape::small_parks);

// Global indices of the self-intersecting ("bow-tie") parcels: one per 1000 parcels, at index 500,
// 1500, 2500, ... (at N/2 when N < 1000).
bool is_bowtie_index(std::size_t index, std::size_t parcels);

}  // namespace parkgis::generator
