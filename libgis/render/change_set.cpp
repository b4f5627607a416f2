#include "libgis/render/change_set.h"

#include "libgis/core/errors.h"
#include "libgis/export/changes_layer.h"
#include "libgis/history/evaluations.h"
#include "libgis/store/store.h"

namespace parkgis::render {

int ChangeSet::field_index(const std::string& name) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return static_cast<int>(i);
  return -1;
}

const std::vector<store::Value>* ChangeSet::row_of(const std::string& parcel_id) const {
  const auto& index = features.index_by_id();
  const auto it = index.find(parcel_id);
  return it == index.end() ? nullptr : &values[it->second];
}

std::string ChangeSet::text_of(const std::string& parcel_id, const std::string& field) const {
  const int i = field_index(field);
  const auto* row = row_of(parcel_id);
  return i < 0 || !row ? std::string() : store::value_text((*row)[static_cast<std::size_t>(i)]);
}

void require_two_evaluations(store::Store& base) {
  const std::vector<history::Evaluation> evals = history::list_evaluations(base);
  if (evals.size() >= 2) return;
  const std::string db = base.location();
  if (evals.empty())
    throw DataError(db + " has not been analysed, so there are no evaluations to compare; run 'parkgis analyze --db " +
                    db + " --as-of DATE' for two dates first");
  throw DataError(db + " holds one evaluation (" + evals.front().as_of.iso() +
                  "); the changes theme compares two: add another with 'parkgis analyze --db " + db +
                  " --as-of DATE' ('parkgis runs --db " + db + "' lists them)");
}

std::shared_ptr<const ChangeSet> load_change_set(store::Store& base, const ChangeSpan& span) {
  require_two_evaluations(base);
  exporter::OutLayer layer = exporter::read_changes_layer(base, span.from, span.to, exporter::Selection{});
  auto set = std::make_shared<ChangeSet>();
  set->span = span;
  set->fields = std::move(layer.fields);
  set->features.layer = LayerId::parcels;
  set->features.table = style::kChangesLayer;
  set->features.whole = true;
  for (exporter::OutFeature& f : layer.features) {
    Feature feature;
    feature.id = f.id;
    feature.shape = decode_wkb(f.wkb);  // empty without geometry: never in a view, still identified
    set->features.features.push_back(std::move(feature));
    set->values.push_back(std::move(f.values));
  }
  return set;
}

}  // namespace parkgis::render
