#pragma once
// The parcels that changed between two evaluations (changes.h classifies them), read from the
// parcel_metrics of each evaluation through its dated view: parkgis compare, export --layer changes and
// the viewer's changes theme all take them from here.

#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/history/changes.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::history {

struct ParcelSide {
  ParcelState state;
  std::string zone_id, park_id, enterprise_name;
  double area_m2 = 0;
};

struct ChangedParcel {
  std::string parcel_id;
  std::optional<ParcelSide> from, to;  // none: not in that evaluation
  std::vector<ParcelChange> changes;   // never empty; the first is the main change
  std::string wkb;                     // the parcel at `to`, or at `from` when removed (with_geometry)
  const ParcelSide& side() const { return to ? *to : *from; }  // where it is now (or was last)
};

// Every parcel with at least one change from the evaluation of `from` to that of `to`, by parcel id.
// Throws UsageError when either date has no evaluation (listing the dates there are).
std::vector<ChangedParcel> changed_parcels(store::Store& store, const Date& from, const Date& to, bool with_geometry);

}  // namespace parkgis::history
