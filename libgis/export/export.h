#pragma once
// 'parkgis export': one layer of the database (export layers, layers.h) to a file, with the QGIS .qml
// and OGC .sld styles and a fields.csv beside it. Everything is written into a private folder next to
// the output first and moved into place at the end, so a failed export leaves an older file untouched.

#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/export/layers.h"
#include "libgis/export/writer.h"
#include "libgis/style/theme.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::exporter {

// Which rows: the layer's own conditions, then these.
struct Selection {
  std::string park_id;  // "" = every park
  std::string zone_id;  // "" = every zone
  std::string where;    // --where text ("" = none), parsed by where_parser.h
  std::vector<std::string> ids = {};  // only these features, by the layer's id column (empty = no limit)
};

struct ExportRequest {
  std::string layer;  // export layer id
  Selection selection;
  std::optional<Format> format;  // default: from the output's extension, else shp
  std::string encoding;          // "GBK"/"UTF-8" as typed; "" = GBK for shapefiles, UTF-8 for CSV
  std::optional<int> epsg;       // reproject to EPSG:N (KML: always 4326)
  bool survey = false;           // add the survey columns (and the editable attributes)
  std::string theme;             // "" = the layer's default theme
  std::string output;            // the main file; extension added when missing
  std::optional<Date> from, to;  // layer changes: the two evaluations compared (both needed)
};

struct ExportResult {
  std::string layer;         // export layer id
  std::string path;          // the main file written
  long features = 0;
  std::vector<std::string> files;     // every file written, the main one first
  std::vector<std::string> warnings;  // e.g. text cut to the DBF limit, no features matched
  std::string theme;         // theme id used for the styles ("" when none)
  std::string encoding;      // text encoding of the file ("CP936", "UTF-8")
  int epsg = 0;              // CRS of the file (0: no geometry)
};

// Throws UsageError for a bad request (layer, format, encoding, theme, --where, CRS) and DataError for
// data problems (text the encoding cannot hold, unknown park or zone, unwritable folder).
ExportResult export_layer(store::Store& store, const ExportRequest& request);

// ---- building blocks, shared with the survey package ----

// The rows of `layer` that `selection` keeps, as fields and features ready for write_layer().
// `survey` adds the survey columns and the layer table's editable attributes (survey.h).
OutLayer read_export_layer(store::Store& store, const ExportLayer& layer, const Selection& selection, bool survey);

// The theme for a layer: `requested` (an id in styles/), else the layer's default, else a plain one.
// Throws UsageError when the requested theme colours by a field the layer does not have.
style::Theme choose_theme(const ExportLayer& layer, const std::vector<OutField>& fields, const std::string& requested);

struct WrittenLayer {
  std::vector<std::string> files;
  std::vector<std::string> warnings;
  int epsg = 0;
};

// Writes data, .qml/.sld (theme may be null for a layer without geometry) and <base>.fields.csv into
// `folder` under `base` (no extension), all-or-nothing: into a private folder first, then moved.
WrittenLayer write_styled_layer(OutLayer& data, const style::Theme* theme, const std::string& label_column,
                                const WriteOptions& options, const std::string& folder, const std::string& base);

// fields.csv: one line per field (short_name, full_name, label_zh, unit, type), UTF-8 with a BOM.
std::string fields_csv(const std::vector<OutField>& fields);

}  // namespace parkgis::exporter
