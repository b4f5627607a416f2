#pragma once
// Land data versioned (docs/history.md). parcels and buildings always hold the newest land data; once
// a later cadastre is loaded (land_update.h) or a survey changes them, every version of a feature is
// kept in parcels_versions / buildings_versions: the leading columns below, then the layer's own
// columns and geometry. A version is valid from valid_from (inclusive) to valid_to (exclusive); the
// open one has valid_to 9999-12-31, so "valid on D" is the plain filter valid_from <= D < valid_to.
// The table land_versions lists the versions of the land data as a whole (the import, each update,
// each survey merge). Until the first update or survey there are no versions tables: the imported
// data are the only version.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/history/evaluations.h"
#include "libgis/store/table.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::history {

inline constexpr const char* kOpenEnd = "9999-12-31";  // valid_to of a version still valid
inline constexpr const char* kLandVersionsTable = "land_versions";

// The versioned layers ("parcels", "buildings") and their id columns.
const std::vector<std::string>& versioned_layers();
std::string id_column(const std::string& layer);        // parcel_id, building_id
std::string versions_table(const std::string& layer);  // parcels_versions
// The leading columns of a versions table: valid_from, valid_to, change (added / changed / initial /
// survey), ended_by (changed / removed / survey; null while open), changed_fields, source.
const std::vector<store::ColumnDef>& version_columns();

// One load of land data: the import (kind "import"), an update ("update") or a survey merge ("survey").
struct LandVersion {
  Date valid_from;
  std::string kind, source, loaded_at;
  long long parcels_added = 0, parcels_changed = 0, parcels_removed = 0;
  long long buildings_added = 0, buildings_changed = 0, buildings_removed = 0;
};
std::vector<LandVersion> land_versions(store::Store& store);  // earliest first; empty before any update
std::optional<Date> newest_land_date(store::Store& store);     // valid_from of the newest version

// Where the rows of `layer` valid on `date` lie: the layer itself when it is not versioned or `date` is
// on or after the newest version, else its versions table filtered on the dates. A date before the
// first version reads the first version (the land data start there).
Location land_location(store::Store& store, const std::string& layer, const Date& date);

// Creates the versions tables and land_versions when missing: the current rows become the first
// version, valid from the imported dataset's as_of (0001-01-01 when it had none). Inside the caller's
// transaction. Also adds to a versions table any column its layer has gained.
void ensure_versions(store::Store& store);

// A feature that an update or survey changed, added or removed.
struct FeatureChange {
  std::string id;
  std::string kind;    // "added", "changed", "removed" ("survey" for survey changes)
  std::string fields;  // changed attributes, "geometry" included, comma separated ("" for added/removed)
};

// Records changes of `layer` dated `date`, after the layer itself has been rewritten: the open version
// of each changed or removed feature is closed on `date` (ended_by = its kind) and each changed or added
// feature's current row is added as a new open version. Inside the caller's transaction, after
// ensure_versions().
void record_changes(store::Store& store, const std::string& layer, const std::vector<FeatureChange>& changes,
                    const Date& date, const std::string& source);

// Records survey corrections of `layer` (id -> changed fields), after the layer's rows were updated: a
// survey corrects the record of the version in force, it does not date a new state of the land. So the
// corrected row takes the corrected version's valid_from, and the corrected version is kept closed on
// that same date (valid_to = valid_from, ended_by "survey": valid on no date, shown by history). `source`
// says which survey and when it was merged. Inside the caller's transaction, after ensure_versions().
void record_corrections(store::Store& store, const std::string& layer, const std::map<std::string, std::string>& fields,
                        const std::string& source);

// Adds a row to land_versions.
void record_land_version(store::Store& store, const LandVersion& version);

// The versions of one feature, earliest first, for 'parkgis history' (with its area in m² and, for
// parcels, the holder): from the versions table, or the current row when the layer is not versioned.
struct FeatureVersion {
  std::string valid_from, valid_to, change, ended_by, changed_fields, source;
  double area_m2 = 0;
  std::string holder;  // parcels: user_id
};
std::vector<FeatureVersion> feature_versions(store::Store& store, const std::string& layer, const std::string& id);

}  // namespace parkgis::history
