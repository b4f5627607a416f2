#pragma once
// A map sheet for export and reports: title and subtitle on top, the map in a frame with north arrow,
// scale bar and legend on it, and a footer line (evaluation date, CRS, date made, parkgis version).

#include <QPainter>
#include <optional>
#include <string>

#include "libgis/render/legend.h"
#include "libgis/render/map_renderer.h"

namespace parkgis::render {

struct MapDocument {
  QString title;     // e.g. "宁德小微园（示例） · 亩均税收"
  QString subtitle;  // e.g. "柘荣小微园一片区（YQ10-PQ1）"
  QString footer;    // e.g. "评价时点 2026-06-30 · EPSG:4549 · 制图日期 2026-11-26 · parkgis 0.1.0"
  Lang lang = Lang::zh;
  Extent extent;     // shown whole in the map frame (centred on it at a fixed scale)
  RenderSettings settings;
  std::optional<double> scale;  // N of 1:N (1/96 inch units on the sheet); none: the extent fits the frame
  QString selection_label;      // legend entry of the highlighted parcels ("" = none)
  QString attribution;          // the basemaps' sources, at the footer's right ("" = none)
};

// Where the sheet's parts go on `page` (1/96 inch units): the map frame, the map's view in it, and the
// scale bar (its length in metres and in page units).
struct SheetLayout {
  QRectF frame;
  MapTransform map;
  double scale_bar_m = 0, scale_bar_units = 0;
};
SheetLayout sheet_layout(QPainter& p, const QRectF& page, const MapDocument& doc);

// The legend's entries after the theme's: the selection, then the reference layers shown.
std::vector<LegendEntry> sheet_legend_extra(const MapDocument& doc);

// Draws the sheet into `page` (device pixels; 1/96 inch on PDF). Throws Cancelled when asked.
void draw_map_document(QPainter& p, const QRectF& page, MapRenderer& renderer, const MapDocument& doc,
                       const CancelFn& cancel = {});

}  // namespace parkgis::render
