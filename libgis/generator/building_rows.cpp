#include "libgis/generator/building_rows.h"

#include <algorithm>

namespace parkgis::generator {

std::vector<Rect> rows_in(const Rect& area, const RowStyle& st, Rng& rng) {
  const double gap = r1(rng.uniform(st.gap_lo, st.gap_hi));
  const double drawn = rng.uniform(st.depth_lo, st.depth_hi);
  // Rows along either side of the area, whichever puts more building depth across it; deeper buildings
  // (up to depth_hi) take up what is left, the rest is yard.
  struct Fit {
    bool along_x;
    double len, across, depth;
    long rows;
  };
  const auto fit = [&](bool along_x) {
    Fit f{along_x, along_x ? area.width() : area.height(), along_x ? area.height() : area.width(), 0, 0};
    f.rows = std::max(1L, static_cast<long>((f.across + gap) / (drawn + gap)));
    f.depth = std::min({st.depth_hi, f.across, (f.across - static_cast<double>(f.rows - 1) * gap) / static_cast<double>(f.rows)});
    return f;
  };
  const Fit a = fit(area.width() >= area.height()), b = fit(area.width() < area.height());
  const auto used = [](const Fit& f) { return static_cast<double>(f.rows) * f.depth / f.across; };
  const Fit& f = used(b) > used(a) + 0.05 && b.len >= st.len_lo ? b : a;
  if (f.across < 8 || f.len < 8) return {};
  const double pitch = f.rows > 1 ? (f.across - f.depth) / static_cast<double>(f.rows - 1) : 0;
  const double start = f.rows > 1 ? 0 : rng.uniform(0, f.across - f.depth);
  std::vector<Rect> out;
  for (long r = 0; r < f.rows; ++r) {
    const long n = std::max(1L, std::lround((f.len + gap) / (rng.uniform(st.len_lo, st.len_hi) + gap)));
    const double slot = (f.len - static_cast<double>(n - 1) * gap) / static_cast<double>(n);
    if (slot < 8) continue;
    const double a0 = start + static_cast<double>(r) * pitch;
    for (long k = 0; k < n; ++k) {
      const double length = slot * rng.uniform(st.fill_lo, st.fill_hi);
      const double s0 = static_cast<double>(k) * (slot + gap) + rng.uniform(0, slot - length);
      const double x0 = (f.along_x ? area.x0 : area.y0) + s0, x1 = x0 + length;
      const double y0 = (f.along_x ? area.y0 : area.x0) + a0, y1 = y0 + f.depth;
      const Rect fp = f.along_x ? Rect{r1(x0), r1(y0), r1(x1), r1(y1)} : Rect{r1(y0), r1(x0), r1(y1), r1(x1)};
      if (fp.width() >= 6 && fp.height() >= 6) out.push_back(fp);
    }
  }
  return out;
}

}  // namespace parkgis::generator
