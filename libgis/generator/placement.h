#pragma once
// Where parks go: each park is centred in its own cell of a square grid laid over the Ningde extent in
// EPSG:4549, the free cell nearest to its county seat. Cells never overlap, so parks never overlap.

#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

namespace parkgis::generator {

struct Point {
  double x = 0, y = 0;
};

// County seats (counties() order) in EPSG:4549, rounded to whole metres.
std::vector<Point> county_seats_gk();

class ParkGrid {
 public:
  // Grid of square cells of side `cell` over easting 353 000..572 000, northing 2 910 000..3 063 000.
  explicit ParkGrid(double cell);

  // Centre of the free cell nearest to `seat`, inside the Ningde extent while there is room there
  // (outside it once the extent is full). `county` keys a search memo.
  Point take_cell(const Point& seat, std::size_t county);

 private:
  bool inside(long cx, long cy) const { return cx >= 0 && cy >= 0 && cx < m_cols && cy < m_rows; }
  static long long key(long cx, long cy) { return (static_cast<long long>(cx) << 32) ^ (cy & 0xffffffffLL); }

  double m_cell;
  long m_cols, m_rows;
  long m_used_inside = 0;
  bool m_overflow = false;
  std::unordered_set<long long> m_used;
  std::vector<long> m_min_ring;  // per county: rings below are known to be full
};

}  // namespace parkgis::generator
