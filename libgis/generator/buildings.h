#pragma once
// Building footprints and their attributes, as a 小微园 is built:
// - standard-factory parcels: rows of multi-storey factories (厂房, 4-6 storeys, 18-24 m deep, 10-14 m
//   apart) and one 配套 building (宿舍, 办公 or 配套) of mostly 2-6.5 % of the parcel's floor area, a few
//   7.5-13 % (the 2008 control indicators cap office and living space at 7 %);
// - self-built works: rows of 1-4 storey workshops and usually a small office (办公);
// - warehouse land: one or two 1-2 storey stores (仓库); utilities: one small building (配套).
// Also a few buildings crossing the line between two parcels (5-10 % of them in a large-zones dataset), a few pairs of overlapping footprints (the
// same building surveyed twice), an old building on some unsupplied parcels, unfinished buildings on
// stalled parcels, and the vacancy of buildings their owner uses (闲置: owned but not producing), with
// the date it began (some under six months, some older, a few undated). The floors of standard factories
// are let or sold, and their vacancy (空置) set, by tenancies.h.

#include <cstdint>

#include "libgis/core/dates.h"
#include "libgis/generator/date_drawer.h"
#include "libgis/generator/plan.h"
#include "libgis/generator/random.h"
#include "libgis/generator/shape.h"

namespace parkgis::generator {

// Needs the parcels' kinds, shapes, situations and dates. Fills plan.buildings; `shape` sets how many
// buildings cross parcel lines (shape.h).
void place_buildings(Plan& plan, std::uint64_t seed, const Date& as_of,
                     DatasetShape shape = DatasetShape::small_parks);

// Vacancy that began some time before as_of: under six months (35 %), six months to three years
// (59 %), or undated (6 %: empty); never before `after` (a building's completion).
std::optional<Date> draw_vacant_since(DateDrawer& dd, Rng& rng, const std::optional<Date>& after);

}  // namespace parkgis::generator
