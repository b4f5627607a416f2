#pragma once
// parkgis analyze: store -> indicators -> result tables (parcel_metrics, zone_metrics, park_metrics,
// unsupplied_land, enterprise_metrics, ...) of one evaluation date, written in one transaction into the
// current tables (the latest date) or the archives T_history (an earlier date; libgis/history/
// evaluations.h); a row in runs and in evaluations. The land data read are those valid on the date (libgis/history/versions.h).

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "libgis/core/dates.h"
#include "libgis/core/issues.h"
#include "libgis/core/progress.h"
#include "libgis/indicators/config.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::analysis {

struct AnalyzeOptions {
  std::optional<Date> as_of;  // none: the dataset's as_of (dataset.json), else today
  std::string config_path;    // "" = built-in default configuration
  ProgressFn progress;
  // Opens another connection to the same database (e.g. store::open_spatialite(path) again), through
  // which the largest table is read beside the others; none, or when it throws: tables are read one after
  // another. Use only when the store has no uncommitted writes, which another connection would not see.
  std::function<std::unique_ptr<store::Store>()> open_reader;
};

struct AnalyzeResult {
  Date as_of;
  std::string as_of_source;  // "option", "dataset", "today"
  indicators::AnalysisConfig config;
  long long run_id = 0;
  // The land data version used ("" = the parcels and buildings as they are: no later version exists).
  std::string land_as_of;
  bool current = true;  // the latest evaluation: the current result tables were replaced too

  std::size_t parcels = 0, zones = 0, parks = 0, enterprises = 0, unsupplied_pieces = 0;
  IssueSink issues;  // problems found while analysing (e.g. parcels without zone)
};

// Throws DataError when the database lacks the imported layers or the config file is bad.
AnalyzeResult analyze(store::Store& store, const AnalyzeOptions& options);

}  // namespace parkgis::analysis
