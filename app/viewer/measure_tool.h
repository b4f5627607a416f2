#pragma once
// Measuring on the map: a line (its length) or a polygon (its area, in m² and 亩) from the points the
// user clicks, in the working CRS (projected, metres). The length is the sum of the segments; the area
// is libgis/render's planar area of the ring.

#include <QString>
#include <vector>

#include "libgis/render/shape.h"

namespace parkgis::viewer {

struct Measurement {
  double length_m = 0;  // along the points (for an area: the perimeter, closed)
  double area_m2 = 0;   // 0 for a line or fewer than 3 points
};

// The closed ring through the points, as a shape (drawn while measuring an area).
render::Shape ring_shape(const std::vector<render::Point>& points);

Measurement measure(const std::vector<render::Point>& points, bool area);

// "123.4 m" / "1,234.5 m² (1.85 亩)" in the interface's language.
QString measurement_text(const Measurement& m, bool area);

}  // namespace parkgis::viewer
