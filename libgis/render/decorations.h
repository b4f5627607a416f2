#pragma once
// Map furniture: scale bar and north arrow (the canvas draws the scale bar too).

#include <QPainter>

#include "libgis/render/layers.h"
#include "libgis/render/map_transform.h"

namespace parkgis::render {

// A round length (1, 2 or 5 × 10^n map units) that is at most max_px long at this resolution.
double nice_scale_length(double units_per_px, double max_px);
// "500 m", "2 km".
QString length_text(double metres);

// A scale bar in 4 alternating segments, its bottom-left corner at `at`, on a white plate.
void draw_scale_bar(QPainter& p, const MapTransform& t, QPointF at, double max_px = 180);
// A north arrow (grid north of the working CRS) centred on `center`, `size` pixels high, labelled N/北.
void draw_north_arrow(QPainter& p, QPointF center, double size, Lang lang);

}  // namespace parkgis::render
