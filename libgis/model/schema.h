#pragma once
// The canonical dataset: seven layers and their fields (docs/dataset-format.md).
// This table drives field matching on import, the store's columns and the docs.

#include <string>
#include <string_view>
#include <vector>

namespace parkgis::model {

enum class FieldType { text, integer, real, date };

const char* field_type_name(FieldType t);

struct FieldSpec {
  std::string name;                  // canonical name, e.g. "supply_date"
  FieldType type = FieldType::text;
  bool required = false;             // the layer cannot be imported without it
  std::vector<std::string> aliases;  // source names recognised without a manifest, by priority
  std::string label_zh;              // Chinese label (field aliases in exports and the viewer)
  std::string unit;                  // "m²", "万元", "" ...
};

struct LayerSpec {
  std::string name;          // canonical layer name ("parcels")
  std::string default_file;  // file looked for in the dataset folder ("parcels.shp")
  bool spatial = true;       // polygon layer (false: attribute table)
  bool required = true;      // a dataset without it is rejected
  std::string id_field;      // the field that identifies a feature
  std::string label_zh;
  std::vector<FieldSpec> fields;

  const FieldSpec* field(std::string_view name) const;
};

// All canonical layers, in import order (parks before zones before parcels ...).
const std::vector<LayerSpec>& canonical_layers();
const LayerSpec* find_layer(std::string_view name);
// Optional fields the indicators cannot do without: a source that lacks one is refused unless
// dataset.json states it absent ("fields": {"tax_wan": null}).
const std::vector<std::string>& needed_for_indicators(std::string_view layer);

}  // namespace parkgis::model
