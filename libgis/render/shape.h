#pragma once
// Polygon geometry as the renderer keeps it: flat vertex arrays decoded once from the store's WKB, with
// the envelope, so that drawing and hit tests need neither GEOS nor a second decode.

#include <cstdint>
#include <string_view>
#include <vector>

#include "libgis/render/map_transform.h"

namespace parkgis::render {

struct Point {
  double x = 0, y = 0;
};

// A (multi)polygon: rings one after another in `pts`; ring_end[i] is one past the last vertex of ring
// i; a ring that starts a polygon (its outer ring) is flagged in `outer`.
struct Shape {
  std::vector<Point> pts;
  std::vector<std::uint32_t> ring_end;
  std::vector<bool> outer;
  Extent box = Extent::null();

  bool empty() const { return pts.empty(); }
  std::size_t rings() const { return ring_end.size(); }
  std::uint32_t ring_begin(std::size_t i) const { return i == 0 ? 0 : ring_end[i - 1]; }
  bool has_holes() const;
};

// Decodes WKB Polygon or MultiPolygon (either byte order, 2D; Z/M values are skipped). Returns an
// empty shape for anything else or malformed input.
Shape decode_wkb(std::string_view wkb);

// Even-odd point-in-polygon over all rings (holes excluded).
bool contains(const Shape& s, double x, double y);
// True when the shape meets the box: a vertex inside, the box's centre inside, or an edge crossing it.
bool intersects(const Shape& s, const Extent& box);
// Planar area (holes subtracted), in map units squared.
double area(const Shape& s);
// A point inside the shape for a label: the area-weighted centroid of its largest polygon when that
// lies inside, else the middle of the widest horizontal run through it.
Point label_point(const Shape& s);

}  // namespace parkgis::render
