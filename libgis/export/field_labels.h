#pragma once
// Chinese labels and units of the columns that exports carry (result tables, imported layers, survey
// columns): field aliases in .qml, fields.csv, READMEs.

#include <string>

namespace parkgis::exporter {

struct FieldLabel {
  std::string zh;    // "亩均税收"; the column name itself when unknown
  std::string unit;  // "万元/亩", "m²", "0–1" (a ratio stored as a fraction), "" ...
  std::string en;    // English label, from the canonical name ("tax_per_mu" -> "Tax per mu")
};

// The English label of a canonical column name: words of the name, unit suffixes dropped (the unit is
// shown apart), ids and common abbreviations spelled out ("idle_fee_wan" -> "Idle fee", "user_id" -> "User ID").
std::string english_label(const std::string& column);

// Label of `column` (layer-independent: a column name means the same in every table).
FieldLabel field_label(const std::string& column);

}  // namespace parkgis::exporter
