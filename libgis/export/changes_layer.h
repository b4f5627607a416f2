#pragma once
// The export layer "changes" (export --layer changes --from D1 --to D2): the parcels that changed between
// two evaluations (history/parcel_changes.h) with the columns of 'parkgis compare --by parcel', the park,
// and the two dates; the geometry is the parcel's at D2, or at D1 when it was removed. Styled by the
// theme styles/changes.json (categorised by the change, Chinese legend).

#include "libgis/core/dates.h"
#include "libgis/export/export.h"

namespace parkgis::exporter {

// Only --park and --zone of the selection apply (to where the parcel is at D2, or was at D1); --where and
// ids are refused. Throws UsageError for dates without evaluation or not in order.
OutLayer read_changes_layer(store::Store& store, const Date& from, const Date& to, const Selection& selection);

}  // namespace parkgis::exporter
