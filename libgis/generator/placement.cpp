#include "libgis/generator/placement.h"

#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "libgis/core/errors.h"
#include "libgis/generator/names.h"

namespace parkgis::generator {

namespace {
constexpr double kMinEasting = 353'000, kMaxEasting = 572'000;
constexpr double kMinNorthing = 2'910'000, kMaxNorthing = 3'063'000;
}  // namespace

std::vector<Point> county_seats_gk() {
  OGRSpatialReference geo, gk;
  if (geo.importFromEPSG(4490) != OGRERR_NONE || gk.importFromEPSG(4549) != OGRERR_NONE)
    throw DataError("generator: the PROJ database does not know EPSG:4490 / EPSG:4549 (check PROJ_DATA)");
  geo.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&geo, &gk));
  if (!ct) throw DataError("generator: cannot transform EPSG:4490 to EPSG:4549");
  std::vector<Point> out;
  for (const County& c : counties()) {
    double x = c.lon, y = c.lat;
    if (!ct->Transform(1, &x, &y))
      throw DataError(std::string("generator: cannot project the seat of ") + c.full_name);
    out.push_back({std::round(x), std::round(y)});
  }
  return out;
}

ParkGrid::ParkGrid(double cell)
    : m_cell(cell),
      m_cols(static_cast<long>((kMaxEasting - kMinEasting) / cell)),
      m_rows(static_cast<long>((kMaxNorthing - kMinNorthing) / cell)),
      m_min_ring(counties().size(), 0) {
  if (m_cols < 1) m_cols = 1;
  if (m_rows < 1) m_rows = 1;
}

Point ParkGrid::take_cell(const Point& seat, std::size_t county) {
  if (!m_overflow && m_used_inside >= m_cols * m_rows) {
    m_overflow = true;
    for (long& r : m_min_ring) r = 0;
  }
  long sx = static_cast<long>(std::floor((seat.x - kMinEasting) / m_cell));
  long sy = static_cast<long>(std::floor((seat.y - kMinNorthing) / m_cell));
  sx = std::max(0L, std::min(sx, m_cols - 1));
  sy = std::max(0L, std::min(sy, m_rows - 1));
  long& ring = m_min_ring[county % m_min_ring.size()];
  for (long r = ring;; ++r) {
    auto try_cell = [&](long dx, long dy, long* ox, long* oy) {
      const long cx = sx + dx, cy = sy + dy;
      if (!m_overflow && !inside(cx, cy)) return false;
      if (m_used.count(key(cx, cy))) return false;
      *ox = cx;
      *oy = cy;
      return true;
    };
    long cx = 0, cy = 0;
    bool found = false;
    // The ring's perimeter in a fixed order: bottom row, top row, then the two sides.
    for (long dx = -r; dx <= r && !found; ++dx) found = try_cell(dx, -r, &cx, &cy) || (r > 0 && try_cell(dx, r, &cx, &cy));
    for (long dy = -r + 1; dy <= r - 1 && !found; ++dy) found = try_cell(-r, dy, &cx, &cy) || try_cell(r, dy, &cx, &cy);
    if (!found) {
      ring = r + 1;  // the ring is full for good: cells are never freed
      continue;
    }
    m_used.insert(key(cx, cy));
    if (inside(cx, cy)) ++m_used_inside;
    return {kMinEasting + (static_cast<double>(cx) + 0.5) * m_cell, kMinNorthing + (static_cast<double>(cy) + 0.5) * m_cell};
  }
}

}  // namespace parkgis::generator
