#pragma once
// Building footprints and their attributes: 1-4 buildings inside each started parcel, a few buildings
// crossing the line between two neighbouring parcels, a few pairs of overlapping footprints (the same
// building surveyed twice), an old building on some unsupplied parcels, and vacancy (闲置厂房).

#include <cstdint>

#include "libgis/generator/plan.h"

namespace parkgis::generator {

// Needs the parcels' shapes and situations. Fills plan.buildings.
void place_buildings(Plan& plan, std::uint64_t seed);

}  // namespace parkgis::generator
