#pragma once
// Builds reports from the result tables of a database (after 'parkgis analyze'): parks, zones, parcels,
// enterprises or approval batches (批次), optionally for one park or zone. Values are read, labelled and ordered here; no
// indicator is computed (areas in m² are only shown in 亩).

#include <string>

#include "libgis/report/report.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::report {

enum class Level { park, zone, parcel, enterprise, approval };

// "park", "zone", "parcel", "enterprise", "approval"; throws UsageError otherwise.
Level parse_level(const std::string& name);

struct Request {
  Level level = Level::park;
  std::string park_id;  // only this park ("" = all)
  std::string zone_id;  // only this zone ("" = all)
  bool compact = false;  // fewer columns, for a terminal
};

// Throws DataError when the database has no results (analyze not run) or the park/zone is unknown.
Report build_report(store::Store& store, const Request& request);

}  // namespace parkgis::report
