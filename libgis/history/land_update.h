#pragma once
// parkgis import DATASET --db FILE --update: a later cadastre loaded into an existing database as a new
// version of the land data (docs/history.md). The dataset is imported (read, checked, repaired) into a
// private database beside FILE, then, in one transaction on FILE:
//   parcels, buildings   compared by id with the current rows: added, removed and changed (an attribute,
//                        or the geometry by more than geometry_tolerance_m2 of symmetric difference)
//                        features are recorded in parcels_versions / buildings_versions dated valid_from,
//                        and the layers take the new rows;
//   enterprises          merged by (enterprise_id, year): the dataset's rows replace those of the same
//                        key, the others are kept (earlier years stay for earlier evaluations);
//   tenancies            merged by tenancy_id the same way;
//   zones, parks, approvals  replaced by the dataset's (kept when it has no such layer);
//   import_issues        the dataset's issues are added to the earlier ones.
// Result tables are not touched: the evaluations stay as they were computed.

#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/core/progress.h"
#include "libgis/importer.h"

namespace parkgis::history {

struct UpdateOptions {
  std::string dataset;                // dataset folder of the later land data
  std::string db_path;                // an existing parkgis database: a SpatiaLite file or a PostgreSQL location
  std::string schema;                 // its PostgreSQL schema ("" = the default)
  std::optional<Date> valid_from;     // when the dataset has no as_of in dataset.json
  double geometry_tolerance_m2 = 1.0;  // a shape changed when its symmetric difference is larger (m²)
  bool skip_unreadable = false;
  ProgressFn progress;
};

struct LayerChanges {
  std::string layer;
  std::vector<std::string> added, changed, removed;  // feature ids, sorted
};

struct UpdateResult {
  ImportResult import;      // what reading the dataset found (layers, issues)
  Date valid_from;
  std::string date_source;  // "dataset.json" or "--valid-from"
  LayerChanges parcels, buildings;
  long enterprises_new = 0, enterprises_replaced = 0, tenancies_new = 0, tenancies_replaced = 0;
};

// Throws UsageError when no date is known or the manifest's and --valid-from disagree; DataError for a
// missing or non-parkgis database, an update not later than the newest land data, a dataset that cannot
// be imported or a different working CRS. Nothing is changed then.
UpdateResult update_dataset(const UpdateOptions& options);

}  // namespace parkgis::history
