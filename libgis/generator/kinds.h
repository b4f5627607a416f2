#pragma once
// What each parcel is for, as in a 小微园: per park a quarter to a third of the parcels, chosen among
// the larger ones, carry standard factories held by the park company (平台公司); about 7 % are
// warehouse land (0604, a few 0508), 2 % utilities (0809); the rest are the self-built works of one
// enterprise (0601). Land-use codes per GB/T 21010-2017 (TD/T 1055 for 0508).

#include <cstdint>

#include "libgis/generator/plan.h"

namespace parkgis::generator {

// Needs the layout (parcel shapes and zones). Sets kind and land_use of every parcel.
void assign_kinds(Plan& plan, std::uint64_t seed);

}  // namespace parkgis::generator
