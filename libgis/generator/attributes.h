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

}  // namespace parkgis::generator
