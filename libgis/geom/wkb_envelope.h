#pragma once
// The envelope of a WKB geometry read straight from its bytes, without building a geometry: for
// partitioning work between threads before any GEOS object exists.

#include <string_view>

namespace parkgis::geom {

struct Envelope {
  double minx = 0, miny = 0, maxx = 0, maxy = 0;
  // Closed intervals, as GEOS's Envelope::intersects: touching envelopes meet.
  bool meets(const Envelope& o) const { return o.minx <= maxx && minx <= o.maxx && o.miny <= maxy && miny <= o.maxy; }
  void expand(const Envelope& o);
};

enum class WkbExtent {
  box,      // the envelope was read: the min and max of the x and y coordinates (exactly GEOS's envelope)
  empty,    // a geometry without coordinates
  unknown,  // not readable here (malformed, a NaN coordinate, or a type other than points, lines, polygons
            // and their collections)
};

// ISO WKB and EWKB, either byte order, with Z and M ignored.
WkbExtent wkb_envelope(std::string_view wkb, Envelope& out);

}  // namespace parkgis::geom
