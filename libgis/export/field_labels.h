#pragma once
// Chinese labels and units of the columns that exports carry (result tables, imported layers, survey
// columns): field aliases in .qml, fields.csv, READMEs.

#include <string>

namespace parkgis::exporter {

struct FieldLabel {
  std::string zh;    // "亩均税收"; the column name itself when unknown
  std::string unit;  // "万元/亩", "m²", "0–1" (a ratio stored as a fraction), "" ...
};

// Label of `column` (layer-independent: a column name means the same in every table).
FieldLabel field_label(const std::string& column);

}  // namespace parkgis::exporter
