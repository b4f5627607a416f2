#pragma once
// Footprints of buildings standing in rows, the way estates are planned: parallel rows (along whichever
// side of the area holds more), buildings of similar depth, fire spacing between rows and buildings.

#include <cmath>
#include <vector>

#include "libgis/generator/plan.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

inline double r1(double v) { return std::round(v * 10) / 10; }  // to the decimetre

struct RowStyle {
  double depth_lo, depth_hi;  // building depth across the row (m)
  double gap_lo, gap_hi;      // between rows and between the buildings of a row (m)
  double len_lo, len_hi;      // building length along the row (m)
  double fill_lo, fill_hi;    // share of its slot's length a building fills
};

// Multi-storey standard factories: 18-24 m deep, 45-90 m long, 10-13 m apart, tightly packed.
inline constexpr RowStyle kStandardRows{18, 24, 10, 13, 45, 90, 0.94, 1.0};
// Workshops of self-built works: deeper, looser.
inline constexpr RowStyle kWorkshopRows{22, 36, 10, 16, 35, 90, 0.7, 0.97};
// Stores (仓库) and utility buildings.
inline constexpr RowStyle kStoreRows{28, 45, 12, 18, 45, 100, 0.75, 0.97};

// Footprints in rows filling `area` (rounded to the decimetre; empty when it is too small).
std::vector<Rect> rows_in(const Rect& area, const RowStyle& style, Rng& rng);

}  // namespace parkgis::generator
