#pragma once
// Fixed cartography: how the reference layers look, the scales at which detail appears, and the fonts.
// Thematic colours come from styles/*.json (libgis/style/theme.h).

#include <QColor>
#include <QFont>

#include "libgis/render/layers.h"
#include "libgis/style/theme.h"

namespace parkgis::render {

struct PolygonStyle {
  QColor fill;               // transparent: no fill
  QColor stroke;             // transparent: no outline
  double stroke_px = 1.0;
  Qt::PenStyle pen = Qt::SolidLine;
};

inline QColor to_qcolor(const style::Rgba& c) { return QColor(c.r, c.g, c.b, c.a); }

// Parks, zones, buildings and parcels without a theme; unsupplied land without the unsupplied theme.
PolygonStyle reference_style(LayerId layer);
// A theme class (or the theme's "other") as drawn.
PolygonStyle class_style(const style::Theme& theme, int class_index);

QColor background_color();
QColor selection_color();
QColor hover_color();

// Scales (map units per pixel) below which detail is drawn.
inline constexpr double kBuildingsMaxUnitsPerPx = 2.5;   // buildings
inline constexpr double kParcelIdsMaxUnitsPerPx = 1.2;   // parcel ids (and only where they fit)
inline constexpr double kMinStrokedPx = 4.0;             // features smaller than this: fill only
inline constexpr double kParkMarkerPx = 5.0;             // parks smaller than this get a marker
inline constexpr double kMinZonePx = 10.0;               // zones smaller than this: no boundary

// The map font: Noto Sans CJK SC (fonts-noto-cjk), so that Chinese shows as glyphs on every machine
// that ran scripts/setup.sh. Sizes are in pixels of the target (an image, or 1/96 inch on PDF).
QFont map_font(double pixel_size, bool bold = false);
// True when the CJK font is installed (checked once).
bool cjk_font_available();

}  // namespace parkgis::render
