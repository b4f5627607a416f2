#pragma once
// A planar envelope (min/max of x and y), as the store gives it for each geometry.

#include <algorithm>

namespace parkgis::geom {

struct Envelope {
  double minx = 0, miny = 0, maxx = 0, maxy = 0;
  // Closed intervals, as GEOS's Envelope::intersects: touching envelopes meet.
  bool meets(const Envelope& o) const { return o.minx <= maxx && minx <= o.maxx && o.miny <= maxy && miny <= o.maxy; }
  void expand(const Envelope& o) {
    minx = std::min(minx, o.minx);
    miny = std::min(miny, o.miny);
    maxx = std::max(maxx, o.maxx);
    maxy = std::max(maxy, o.maxy);
  }
};

}  // namespace parkgis::geom
