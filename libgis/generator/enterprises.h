#pragma once
// Enterprises: who holds the supplied parcels (some hold two or more, some hold none), and one row of
// economic figures per enterprise for the year before as_of, scaled by land size with a wide spread so
// that per-mu grading has all of A/B/C/D.

#include <cstdint>

#include "libgis/core/dates.h"
#include "libgis/generator/plan.h"

namespace parkgis::generator {

// Needs the parcels' situations and areas. Sets parcel.enterprise and fills plan.enterprises.
void assign_enterprises(Plan& plan, std::uint64_t seed);

// GB/T 4754-2017 code by industry (a few left empty), 规上 / 规下 by output (规上: ≥ 2000 万元 a year),
// electricity and, for most 规上 firms, emissions; from their own random stream.
void assign_enterprise_classes(Plan& plan, std::uint64_t seed);

}  // namespace parkgis::generator
