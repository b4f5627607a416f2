#pragma once
// Checks of the tenancies table (leases of factory floors or of whole parcels) against the other layers.
// Rows that cannot be used are skipped with an error that says why; doubtful ones are kept with a warning.

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "libgis/core/issues.h"
#include "libgis/import/loaded_layer.h"

namespace parkgis::import {

// Floor area of each building by id (none when unknown), after fill_floor_areas.
std::unordered_map<std::string, std::optional<double>> floor_areas_of(const LoadedLayer& buildings);

// Ids of the features kept (not skipped).
std::unordered_set<std::string> ids_of(const LoadedLayer& layer);

// Skipped (error): no enterprise_id or one not in `enterprises` (tenancy_unknown_enterprise), neither
// building_id nor parcel_id (tenancy_without_premises), an unknown building or parcel
// (tenancy_unknown_building / tenancy_unknown_parcel), end_date before start_date
// (tenancy_end_before_start), a building lease whose leased_m2 is missing, not finite or not above 0
// (tenancy_bad_area). Kept (warning): no start_date (tenancy_without_start), a building without floor area
// (tenancy_building_without_floor), leases of one building in force together over its floor area
// (tenancy_over_floor, one per building).
void check_tenancies(LoadedLayer& tenancies, const std::unordered_map<std::string, std::optional<double>>& buildings,
                     const std::unordered_set<std::string>& enterprises, const std::unordered_set<std::string>& parcels,
                     IssueSink& issues);

}  // namespace parkgis::import
