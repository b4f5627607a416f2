#pragma once
// What the changes theme (styles/changes.json) draws: the features of 'export --layer changes' between
// two evaluations (exporter::read_changes_layer: the parcels history::changed_parcels finds, with the
// columns of 'parkgis compare', shaped as at `to`, or as at `from` when removed), decoded once for
// drawing. The map draws every parcel in the theme's "other" class (无变化) and these over them in their
// change's class; the viewer's identify panel shows their columns. Immutable once loaded, so one load
// serves the render thread and the panels together.

#include <memory>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/export/writer.h"
#include "libgis/render/feature_set.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::render {

// Two evaluation dates, from before to.
struct ChangeSpan {
  Date from, to;
  std::string text() const { return from.iso() + " → " + to.iso(); }
  friend bool operator==(const ChangeSpan&, const ChangeSpan&) = default;
};

struct ChangeSet {
  ChangeSpan span;
  std::vector<exporter::OutField> fields;         // the export layer's columns (change, idle_from, ...)
  FeatureSet features;                            // the changed parcels, id = parcel_id
  std::vector<std::vector<store::Value>> values;  // per feature, one per field

  int field_index(const std::string& name) const;  // -1 when there is no such column
  // The row of a parcel; null when it did not change.
  const std::vector<store::Value>* row_of(const std::string& parcel_id) const;
  // The value of `field` of a parcel ("" when it did not change or has no such column).
  std::string text_of(const std::string& parcel_id, const std::string& field) const;
};

// Reads the changes of `span` from a database (its base store, not an evaluation's view). Throws
// DataError when it holds fewer than two evaluations (saying how to add one), UsageError for a date
// without evaluation (listing those there are) or dates not in order.
std::shared_ptr<const ChangeSet> load_change_set(store::Store& base, const ChangeSpan& span);

// The DataError of load_change_set when the database has fewer than two evaluations; nothing when it
// has two or more.
void require_two_evaluations(store::Store& base);

}  // namespace parkgis::render
