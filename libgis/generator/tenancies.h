#pragma once
// Who uses the standard factories (小微园 practice): the park company lets its finished factories storey by
// storey (leases of 2, 3 or 5 years, a few open-ended) or sells storeys to their users (分割转让: written
// as open-ended rows, "CQ" ids); a firm takes one storey up to a whole building, a few take space in
// two buildings. Upper storeys stand empty more often (空置, with the date they fell empty; sometimes the
// lease of a firm that left ended the day before); a few let storeys are idle because their tenant has
// stopped producing (闲置, the tenant dormant). Some leases were renewed (the expired one is kept), some
// start after as_of (a firm moving in, a building let before it is finished), and the park company lets a
// few warehouse parcels whole (a row with parcel_id and no building_id; leased_m2 is the land area).
//
// A few rows carry the data problems an importer must report, about one set per 1,000 parcels (at least
// one): a lease to a firm missing from enterprises.csv, a mistyped building id, an end date before the
// start, a second lease over storeys already let (the building's leases exceed its floor area), and a
// leased area of 0.

#include <cstdint>

#include "libgis/core/dates.h"
#include "libgis/generator/plan.h"

namespace parkgis::generator {

// Needs the buildings and the holders. Fills plan.tenancies, adds the tenants to plan.enterprises and
// sets the vacancy of the standard factories.
void let_buildings(Plan& plan, std::uint64_t seed, const Date& as_of);

// The lease or sale is in force at `d`: start <= d and (no end or end >= d).
bool in_force(const TenancyPlan& t, const Date& d);

}  // namespace parkgis::generator
