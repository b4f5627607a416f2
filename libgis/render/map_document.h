#pragma once
// A map sheet for export and reports: title and subtitle on top, the map in a frame with north arrow,
// scale bar and legend on it, and a footer line (evaluation date, CRS, date made, parkgis version).

#include <QPainter>
#include <string>

#include "libgis/render/map_renderer.h"

namespace parkgis::render {

struct MapDocument {
  QString title;     // e.g. "宁德小微园（示例） · 亩均税收"
  QString subtitle;  // e.g. "柘荣小微园一片区（YQ10-PQ1）"
  QString footer;    // e.g. "评价时点 2026-06-30 · EPSG:4549 · 制图日期 2026-11-26 · parkgis 0.1.0"
  Lang lang = Lang::zh;
  Extent extent;     // shown whole in the map frame
  RenderSettings settings;
};

// Draws the sheet into `page` (device pixels; 1/96 inch on PDF). Throws Cancelled when asked.
void draw_map_document(QPainter& p, const QRectF& page, MapRenderer& renderer, const MapDocument& doc,
                       const CancelFn& cancel = {});

}  // namespace parkgis::render
