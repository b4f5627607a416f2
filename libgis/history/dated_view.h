#pragma once
// The database as it was on one date, for readers: a Store whose result tables are those of one
// evaluation (evaluations.h) and whose parcels and buildings are the land data valid on a date
// (versions.h). Readers (report, export, render, survey pack, viewer, analysis input) take it instead
// of the store and stay unaware of archives and versions. Writes go to the store unchanged.

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "libgis/core/dates.h"
#include "libgis/history/evaluations.h"
#include "libgis/store/store.h"

namespace parkgis::history {

struct DatedMapping {
  std::map<std::string, Location> tables;  // logical table -> where its rows lie
  std::optional<Date> as_of;                // the evaluation shown (none: never analysed)
};

// A view of `base` (which must outlive it) through `mapping`.
std::unique_ptr<store::Store> dated_view(store::Store& base, DatedMapping mapping);

// The evaluation of `requested` (none = the latest): its result tables, its run in runs, and the land
// data valid on its date. Throws UsageError for a date without evaluation (listing the dates there are).
std::unique_ptr<store::Store> evaluation_view(store::Store& base, const std::optional<Date>& requested);

// Opens the database `db` (a SpatiaLite file or a PostgreSQL location with `schema`, as
// store::open_store) and returns evaluation_view() of it, owning the database.
std::unique_ptr<store::Store> open_evaluation(const std::string& db, const std::optional<Date>& requested,
                                              const std::string& schema = "");

// Only the land data (parcels, buildings) valid on `date`; the analysis reads its input through it.
std::unique_ptr<store::Store> land_view(store::Store& base, const Date& date);

}  // namespace parkgis::history
