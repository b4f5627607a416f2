#pragma once
// World (working CRS, metres, y up) <-> screen (pixels, y down). A view is a centre, a resolution in
// map units per pixel and a size in pixels; every other figure follows from these.

#include <algorithm>
#include <cmath>

namespace parkgis::render {

struct Extent {
  double minx = 1, miny = 1, maxx = 0, maxy = 0;  // default: null (min > max), nothing yet

  static Extent null() { return {}; }
  bool is_null() const { return minx > maxx || miny > maxy; }
  double width() const { return maxx - minx; }
  double height() const { return maxy - miny; }
  double cx() const { return (minx + maxx) / 2; }
  double cy() const { return (miny + maxy) / 2; }
  bool intersects(const Extent& o) const {
    return !is_null() && !o.is_null() && minx <= o.maxx && o.minx <= maxx && miny <= o.maxy && o.miny <= maxy;
  }
  bool contains(const Extent& o) const {
    return !is_null() && !o.is_null() && minx <= o.minx && miny <= o.miny && maxx >= o.maxx && maxy >= o.maxy;
  }
  bool contains(double x, double y) const { return x >= minx && x <= maxx && y >= miny && y <= maxy; }
  void include(double x, double y) {
    if (is_null()) {
      *this = {x, y, x, y};
      return;
    }
    minx = std::min(minx, x), miny = std::min(miny, y), maxx = std::max(maxx, x), maxy = std::max(maxy, y);
  }
  void include(const Extent& o) {
    if (o.is_null()) return;
    include(o.minx, o.miny);
    include(o.maxx, o.maxy);
  }
  // Grown by `fraction` of its size on every side (0.5: twice as wide and high).
  Extent grown(double fraction) const {
    const double dx = width() * fraction, dy = height() * fraction;
    return {minx - dx, miny - dy, maxx + dx, maxy + dy};
  }
  friend bool operator==(const Extent&, const Extent&) = default;
};

class MapTransform {
 public:
  MapTransform() = default;
  MapTransform(double center_x, double center_y, double units_per_px, int width_px, int height_px)
      : m_cx(center_x), m_cy(center_y), m_upp(units_per_px), m_w(width_px), m_h(height_px) {}

  // The view that shows `e` whole in a w×h image, with `margin` (fraction of the size) around it.
  static MapTransform fit(const Extent& e, int w, int h, double margin = 0.05);

  double center_x() const { return m_cx; }
  double center_y() const { return m_cy; }
  double units_per_px() const { return m_upp; }
  int width() const { return m_w; }
  int height() const { return m_h; }
  bool valid() const { return m_upp > 0 && m_w > 0 && m_h > 0; }

  double screen_x(double x) const { return (x - m_cx) / m_upp + m_w / 2.0; }
  double screen_y(double y) const { return m_h / 2.0 - (y - m_cy) / m_upp; }
  double world_x(double px) const { return m_cx + (px - m_w / 2.0) * m_upp; }
  double world_y(double py) const { return m_cy - (py - m_h / 2.0) * m_upp; }

  Extent extent() const;
  // The same view on a canvas of another size (centre and resolution kept).
  MapTransform resized(int w, int h) const { return {m_cx, m_cy, m_upp, w, h}; }
  // Moved by a drag of (dx, dy) pixels: the map follows the cursor.
  MapTransform panned(double dx_px, double dy_px) const;
  // Zoomed by `factor` (>1 = in) keeping the world point under (px, py) where it is.
  MapTransform zoomed(double factor, double px, double py) const;
  // Scale denominator (1:N) at a given screen resolution.
  double scale_denominator(double dpi = 96.0) const { return m_upp * dpi / 0.0254; }

  friend bool operator==(const MapTransform&, const MapTransform&) = default;

 private:
  double m_cx = 0, m_cy = 0, m_upp = 1;
  int m_w = 0, m_h = 0;
};

}  // namespace parkgis::render
