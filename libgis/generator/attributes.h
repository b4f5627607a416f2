#pragma once
// Parcel attributes: the idle-land situation of each parcel (every situation occurs at least once when
// there are enough parcels), supply / start / stop / resume / extension / completion dates relative to
// as_of, investment, development and green-space figures, the registered (legal) area, the Order 53
// records (idle_records.h) and the approvals' final dates and numbers.

#include <cstdint>

#include "libgis/core/dates.h"
#include "libgis/generator/plan.h"

namespace parkgis::generator {

// Needs the layout and the parcel kinds.
void assign_parcel_attributes(Plan& plan, std::uint64_t seed, const Date& as_of);

// After the buildings are placed: a developed area (已开发面积) below the footprint of the parcel's own
// buildings is raised to 1.05 x that footprint (at most the required area), so that the development
// ratios agree with the buildings (the analysis warns when they do not). A stalled idle parcel that the
// raise lifts above 1/3 developed keeps its situation through its investment (below 25 %: its
// invested_wan is cut to 30 % of what was drawn). Draws no random numbers.
void match_developed_to_buildings(Plan& plan);

}  // namespace parkgis::generator
