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

// Started parcels (situations with an actual start date).
bool is_started(Situation s);

}  // namespace parkgis::generator
