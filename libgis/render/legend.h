#pragma once
// The legend of a theme: its title and unit, one swatch per class (ranges for graduated themes), the
// theme's "other" class, and the reference layers (parks, zone boundaries). The viewer's legend panel
// lists the same entries.

#include <QPainter>
#include <QString>
#include <string>
#include <vector>

#include "libgis/render/map_style.h"

namespace parkgis::render {

struct LegendEntry {
  enum Kind { polygon, outline, marker };
  PolygonStyle style;
  QString label;
  Kind kind = polygon;
};

// "亩均税收（万元/亩）" / "Tax per mu (10k CNY/mu)".
QString theme_title(const style::Theme& theme, Lang lang);
// The classes and the "other" class; with_reference adds parks, zone boundaries (and parcels when the
// theme is not about parcels).
std::vector<LegendEntry> legend_entries(const style::Theme& theme, Lang lang, bool with_reference);

// The entry of the highlighted parcels (the selection's outline and fill), labelled `label`.
LegendEntry selection_legend_entry(const QString& label);
// A vector reference layer on a sheet: a grey outline named after its source ("道路.geojson").
LegendEntry reference_legend_entry(const std::string& source);

// The legend as a framed box with its top-left corner at `at`; legend_size says how big it will be.
// `extra` entries (e.g. the selection) come last.
QSizeF legend_size(QPainter& p, const style::Theme& theme, Lang lang, bool with_reference,
                   const std::vector<LegendEntry>& extra = {});
void draw_legend(QPainter& p, QPointF at, const style::Theme& theme, Lang lang, bool with_reference,
                 const std::vector<LegendEntry>& extra = {});
// One swatch (also used for the viewer's legend icons).
void draw_swatch(QPainter& p, const QRectF& r, const LegendEntry& e);

}  // namespace parkgis::render
