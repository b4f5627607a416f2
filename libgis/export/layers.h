#pragma once
// The layers 'parkgis export' knows: an id on the command line → a table of the database, the rows
// taken from it and the theme that styles it by default (docs/cli.md, "export").

#include <string>
#include <vector>

#include "libgis/store/table.h"

namespace parkgis::exporter {

struct ExportLayer {
  std::string id;         // command-line id: "idle", "parcels", ...
  std::string table;      // source table in the database
  std::string title_zh;   // for messages, READMEs and style titles: "闲置土地"
  std::string id_column;  // the column that identifies a feature ("" for issues)
  bool spatial = true;    // false: an attribute table (issues)
  // Rows taken: all of these conditions (empty: every row).
  std::vector<store::Condition> conditions;
  std::string default_theme;  // styles/<id>.json; "" = a plain outline style built from the layer title
};

// Every export layer, in the order 'parkgis export --help' lists them.
const std::vector<ExportLayer>& export_layers();

// One layer by id; throws UsageError listing the ids when unknown.
const ExportLayer& find_export_layer(const std::string& id);

// "idle, unsupplied, parcels, ..." for messages.
std::string export_layer_ids();

}  // namespace parkgis::exporter
