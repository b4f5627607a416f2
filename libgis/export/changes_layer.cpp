#include "libgis/export/changes_layer.h"

#include "libgis/core/errors.h"
#include "libgis/export/field_labels.h"
#include "libgis/history/evaluations.h"
#include "libgis/history/parcel_changes.h"
#include "libgis/report/compare.h"
#include "libgis/store/store.h"

namespace parkgis::exporter {

OutLayer read_changes_layer(store::Store& store, const Date& from, const Date& to, const Selection& sel) {
  if (!sel.where.empty() || !sel.ids.empty()) throw UsageError("--where does not apply to the layer changes; use --park or --zone");
  if (!(from < to)) throw UsageError("--from " + from.iso() + " must be before --to " + to.iso());
  history::choose_evaluation(store, from, "--from");  // refuses a date without evaluation
  history::choose_evaluation(store, to, "--to");
  OutLayer out;
  out.name = "changes";
  out.spatial = true;
  out.srid = store.srid();
  out.id_column = "parcel_id";
  const std::vector<report::Column> columns = report::parcel_change_columns();
  for (const report::Column& c : columns) {
    OutField f;
    f.name = c.key;
    f.type = c.decimals >= 0 ? store::ColumnType::real : store::ColumnType::text;
    f.label = field_label(c.key);
    out.fields.push_back(f);
  }
  for (const char* extra : {"park_id", "from_date", "to_date"}) {
    OutField f;
    f.name = extra;
    f.label = field_label(extra);
    out.fields.push_back(f);
  }
  for (history::ChangedParcel& c : history::changed_parcels(store, from, to, true)) {
    const history::ParcelSide& side = c.side();
    if (!sel.park_id.empty() && side.park_id != sel.park_id) continue;
    if (!sel.zone_id.empty() && side.zone_id != sel.zone_id) continue;
    OutFeature f;
    f.id = c.parcel_id;
    f.values = report::parcel_change_row(c);
    f.values.insert(f.values.end(), {side.park_id.empty() ? store::Value{} : store::Value{side.park_id},
                                     store::Value{from.iso()}, store::Value{to.iso()}});
    f.wkb = std::move(c.wkb);
    out.features.push_back(std::move(f));
  }
  return out;
}

}  // namespace parkgis::exporter
