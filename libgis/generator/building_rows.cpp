#include "libgis/generator/building_rows.h"

#include <algorithm>

namespace parkgis::generator {

std::vector<Rect> rows_in(const Rect& area, const RowStyle& st, Rng& rng) {
  const bool along_x = area.width() >= area.height();
  const double len = along_x ? area.width() : area.height();
  const double across = along_x ? area.height() : area.width();
  const double gap = r1(rng.uniform(st.gap_lo, st.gap_hi));
  if (across < 8 || len < 8) return {};
  // As many rows as fit; deeper buildings (up to depth_hi) take up what is left, the rest is yard.
  const double drawn = rng.uniform(st.depth_lo, st.depth_hi);
  const long rows = std::max(1L, static_cast<long>((across + gap) / (drawn + gap)));
  const double depth = std::min({st.depth_hi, across, (across - static_cast<double>(rows - 1) * gap) / static_cast<double>(rows)});
  const double pitch = rows > 1 ? (across - depth) / static_cast<double>(rows - 1) : 0;
  const double start = rows > 1 ? 0 : rng.uniform(0, across - depth);
  std::vector<Rect> out;
  for (long r = 0; r < rows; ++r) {
    const long n = std::max(1L, std::lround((len + gap) / (rng.uniform(st.len_lo, st.len_hi) + gap)));
    const double slot = (len - static_cast<double>(n - 1) * gap) / static_cast<double>(n);
    if (slot < 8) continue;
    const double a0 = start + static_cast<double>(r) * pitch;
    for (long k = 0; k < n; ++k) {
      const double length = slot * rng.uniform(st.fill_lo, st.fill_hi);
      const double s0 = static_cast<double>(k) * (slot + gap) + rng.uniform(0, slot - length);
      const double x0 = (along_x ? area.x0 : area.y0) + s0, x1 = x0 + length;
      const double y0 = (along_x ? area.y0 : area.x0) + a0, y1 = y0 + depth;
      const Rect fp = along_x ? Rect{r1(x0), r1(y0), r1(x1), r1(y1)} : Rect{r1(y0), r1(x0), r1(y1), r1(x1)};
      if (fp.width() >= 6 && fp.height() >= 6) out.push_back(fp);
    }
  }
  return out;
}

}  // namespace parkgis::generator
