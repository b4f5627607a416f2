#pragma once
// 'parkgis compare': what changed between two evaluations kept in a database — the parcels whose idle
// status, supply status or grade changed (history/changes.h labels them), the enterprises whose grade or
// place moved, and the zones' and parks' figures side by side with their differences. Read through each
// evaluation's dated view; only differences (to − from) are worked out here.

#include <string>

#include "libgis/core/dates.h"
#include "libgis/history/parcel_changes.h"
#include "libgis/report/report.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::report {

enum class CompareLevel { parcel, enterprise, zone, park };

// "parcel", "enterprise", "zone", "park"; throws UsageError otherwise.
CompareLevel parse_compare_level(const std::string& name);

struct CompareRequest {
  CompareLevel level = CompareLevel::parcel;
  Date from, to;        // two evaluation dates kept in the database
  std::string park_id;  // only this park ("" = all)
  std::string zone_id;  // only this zone ("" = all; not with level park)
};

// The columns and values of one changed parcel (compare --by parcel, export --layer changes).
std::vector<Column> parcel_change_columns();
std::vector<store::Value> parcel_change_row(const history::ChangedParcel& parcel);

// Parcels: parcel_id, zone_id, idle_from, idle_to, grade_from, grade_to, change (the main change's
// Chinese label), supply_from, supply_to, other_changes, enterprise_name, area_mu — every parcel with a
// change and no other. Enterprises: those whose grade or place changed. Zones and parks: every unit, each
// figure of the trend report at both dates and its change. A section per park. Throws UsageError when a
// date has no evaluation or from is not before to.
Report build_compare(store::Store& store, const CompareRequest& request);

}  // namespace parkgis::report
