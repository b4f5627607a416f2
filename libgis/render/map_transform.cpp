#include "libgis/render/map_transform.h"

namespace parkgis::render {

MapTransform MapTransform::fit(const Extent& e, int w, int h, double margin) {
  if (e.is_null() || w <= 0 || h <= 0) return {0, 0, 1, std::max(w, 1), std::max(h, 1)};
  const double ew = std::max(e.width(), 1.0), eh = std::max(e.height(), 1.0);
  const double usable = std::max(1.0 - 2 * margin, 0.1);
  const double upp = std::max(ew / (w * usable), eh / (h * usable));
  return {e.cx(), e.cy(), upp, w, h};
}

Extent MapTransform::extent() const {
  const double hw = m_w * m_upp / 2, hh = m_h * m_upp / 2;
  return {m_cx - hw, m_cy - hh, m_cx + hw, m_cy + hh};
}

MapTransform MapTransform::panned(double dx_px, double dy_px) const {
  return {m_cx - dx_px * m_upp, m_cy + dy_px * m_upp, m_upp, m_w, m_h};
}

MapTransform MapTransform::zoomed(double factor, double px, double py) const {
  if (factor <= 0) return *this;
  const double wx = world_x(px), wy = world_y(py);
  const double upp = m_upp / factor;
  // Keep (wx, wy) at (px, py): centre = w - (p - size/2) * upp.
  return {wx - (px - m_w / 2.0) * upp, wy + (py - m_h / 2.0) * upp, upp, m_w, m_h};
}

}  // namespace parkgis::render
