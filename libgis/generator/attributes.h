#pragma once
// Parcel attributes: the idle-land situation of each parcel (every situation occurs at least once when
// there are enough parcels), land use, supply / start / stop / extension dates relative to as_of,
// investment and development figures, and the registered (legal) area.

#include <cstddef>
#include <cstdint>

#include "libgis/core/dates.h"
#include "libgis/generator/plan.h"

namespace parkgis::generator {

void assign_parcel_attributes(Plan& plan, std::uint64_t seed, const Date& as_of);

// After the buildings are placed: a developed area (已开发面积) below the footprint of the parcel's own
// buildings is raised to 1.05 × that footprint (at most the required area), so that the sample's
// development ratios agree with its buildings (the analysis reports a developed area far below them).
void match_developed_to_buildings(Plan& plan);

// Agreed completion dates (2 or 3 years after the agreed start) and green areas (3–22 % of started
// parcels, some left empty); drawn from their own random stream so the other attributes do not move.
void assign_completion_and_green(Plan& plan, std::uint64_t seed);

// Started parcels (situations with an actual start date).
bool is_started(Situation s);

}  // namespace parkgis::generator
