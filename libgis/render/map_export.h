#pragma once
// A map sheet written to PNG or PDF from a database: what 'parkgis render' and the viewer's File ›
// Export map do. Opens its own store connection, so it may run on any thread.

#include <memory>
#include <optional>
#include <string>

#include "libgis/core/dates.h"
#include "libgis/render/map_document.h"
#include "libgis/render/print_layout.h"

namespace parkgis::render {

struct MapExportRequest {
  std::string db_path;                     // --db: a file or a PostgreSQL connection
  std::string schema;                      // PostgreSQL schema ("" = public)
  std::string theme_id = "idle";
  std::string park_id, zone_id;            // show this park or zone ("" = every park)
  std::optional<Extent> extent;            // show exactly this (the viewer's view); overrides park/zone
  int width = 1600, height = 1130;         // pixels (PNG) or 1/96 inch (PDF)
  QString title;                           // "" = dataset name · theme title
  Lang lang = Lang::zh;
  std::optional<LayerVisibility> visible;  // default: default_visibility(theme)
  std::shared_ptr<const IdSet> selection;  // highlighted parcels
  std::string date;                        // date made, YYYY-MM-DD ("" = today)
  std::string out_path;                    // *.png or *.pdf
  std::optional<Date> as_of;               // the evaluation shown (none = the latest)
  // The changes theme's two evaluations: the map shows the land of `to` with the changes since `from`
  // (as_of is not used then). Required by that theme; the viewer passes the set it has loaded.
  std::optional<ChangeSpan> changes;
  std::shared_ptr<const ChangeSet> change_set;  // already loaded for `changes` (null: read here)
  LabelOptions labels;                     // the parcels' label field and size
  // A printed sheet (parkgis render --paper …, File › 打印布局…): paper, scale and dpi instead of width/height.
  std::optional<PrintLayout> print;
  QString subtitle;                        // "" = the park or zone shown
  bool fit_selection = false;              // no park, zone or extent: show the selected parcels
  // With print: one sheet per zone of park_id. out_path is a .pdf (one page per zone) or a folder
  // (one file per zone, named by zone id, atlas_format "pdf" or "png").
  bool atlas = false;
  std::string atlas_format = "pdf";
  std::vector<Basemap> basemaps;           // raster basemaps, bottom first (render --basemap)
  std::vector<ReferenceLayer> references;  // vector reference layers (render --reference)
  QString attribution;                     // "" = the basemaps' file names ("底图：ortho.tif")
};

// The default title of a sheet, in one language: zh "宁德小微园（示例） · 厂房空置率"; en the theme's title
// alone ("Vacancy rate"), as the dataset's name is Chinese.
QString default_title(const QString& dataset_name, const style::Theme& theme, Lang lang);

// The sheet's texts and extent for a request (exposed for tests and the viewer's preview).
MapDocument make_document(store::Store& store, MapRenderer& renderer, const MapExportRequest& req);

// Throws UsageError (unknown theme, size, or extension; the changes theme without two dates, or with
// dates that have no evaluation), DataError (not a parkgis database, unknown park or zone, file not
// writable, fewer than two evaluations for the changes theme) or Cancelled.
// With req.print: export_print (print_export.h).
void export_map(const MapExportRequest& req, const CancelFn& cancel = {});

// "…/a.PDF" → ".pdf".
std::string lower_extension(const std::string& path);

}  // namespace parkgis::render
