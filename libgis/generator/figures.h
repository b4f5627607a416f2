#pragma once
// The enterprises' yearly figures (enterprises.csv): one row per enterprise and year for the three
// years before as_of, from the year it arrived (a firm that left stops with its last year), so that an
// evaluation uses the latest complete year. Output, tax, value added, energy, electricity, emissions,
// employees and R&D are scaled by the land the firm holds or leases, with a wide spread of tax per 亩
// (0.3-60 万元/亩) so that grading has all of A/B/C/D. Land not started yet gives no output and at most
// the land-use tax; a dormant firm reports zero output and tax for the latest year. The park company
// reports its rent as revenue. 规上 / 规下 follows output (2,000 万元, the statistical threshold for
// industry), so most tenants are 规下.

#include <cstdint>

#include "libgis/core/dates.h"
#include "libgis/generator/plan.h"

namespace parkgis::generator {

// Needs the holders, buildings and tenancies. Sets land_m2, leased_land_m2, producing, scale and years.
void assign_figures(Plan& plan, std::uint64_t seed, const Date& as_of);

}  // namespace parkgis::generator
