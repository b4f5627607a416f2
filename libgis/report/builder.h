#pragma once
// Builds reports from the result tables of a database (after 'parkgis analyze'): parks, zones, parcels,
// enterprises or approval batches (批次), optionally for one park or zone. Values are read, labelled and ordered here; no
// indicator is computed (areas in m² are only shown in 亩).

#include <optional>
#include <string>
#include <vector>

#include "libgis/report/report.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::report {

enum class Level { park, zone, parcel, enterprise, approval, site };

// "park", "zone", "parcel", "enterprise", "approval", "site"; throws UsageError otherwise.
Level parse_level(const std::string& name);

struct Request {
  Level level = Level::park;
  std::string park_id;  // only this park ("" = all)
  std::string zone_id;  // only this zone ("" = all)
  bool compact = false;  // fewer columns, for a terminal
};

// Throws DataError when the database has no results (analyze not run) or the park/zone is unknown.
Report build_report(store::Store& store, const Request& request);

// Land-reserve sites (table reserve_sites of 'parkgis sites', best first, a section per park); with hits,
// only those sites in that order with their distance (the answers of 'parkgis sites --fit').
// site_report.cpp. Throws DataError when reserve_sites does not exist.
struct SiteHit {
  std::string site_id;
  std::optional<double> distance_m;
};
Report build_site_report(store::Store& store, const Request& request, const std::vector<SiteHit>* hits = nullptr);

}  // namespace parkgis::report
