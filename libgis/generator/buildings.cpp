#include "libgis/generator/buildings.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "libgis/generator/attributes.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

namespace {

double r1(double v) { return std::round(v * 10) / 10; }

constexpr double kCrossSetback = 22;  // room left on each side of a line crossed by a building

// A rectangle of the given size at a random position inside `slot`.
Rect inside(const Rect& slot, double w, double h, Rng& rng) {
  const double x = slot.x0 + rng.uniform(0, std::max(0.0, slot.width() - w));
  const double y = slot.y0 + rng.uniform(0, std::max(0.0, slot.height() - h));
  return {r1(x), r1(y), r1(std::min(x + w, slot.x1)), r1(std::min(y + h, slot.y1))};
}

// Slots along the long axis of `area`: n equal pieces separated by gaps.
std::vector<Rect> slots(const Rect& area, int n, double gap) {
  std::vector<Rect> out;
  const bool long_x = area.width() >= area.height();
  const double len = long_x ? area.width() : area.height();
  const double each = (len - (n - 1) * gap) / n;
  for (int k = 0; k < n; ++k) {
    const double a = (long_x ? area.x0 : area.y0) + k * (each + gap);
    out.push_back(long_x ? Rect{a, area.y0, a + each, area.y1} : Rect{area.x0, a, area.x1, a + each});
  }
  return out;
}

// A footprint filling 60-98 % of the slot's length and 50-95 % of its width.
Rect footprint_in(const Rect& slot, Rng& rng) {
  const bool long_x = slot.width() >= slot.height();
  const double fl = rng.uniform(0.6, 0.98), fw = rng.uniform(0.5, 0.95);
  const double w = slot.width() * (long_x ? fl : fw), h = slot.height() * (long_x ? fw : fl);
  return inside(slot, std::max(6.0, w), std::max(6.0, h), rng);
}

// Where buildings of a parcel may stand: one slot per building (two for a parcel with a hole or a
// strip, one each side of it).
std::vector<Rect> building_slots(const ParcelPlan& p, int wanted, Rng& rng) {
  const double s = r1(rng.uniform(5, 8));
  const Rect in{p.rect.x0 + s + p.setback_left, p.rect.y0 + s, p.rect.x1 - s - p.setback_right, p.rect.y1 - s};
  if (in.width() < 8 || in.height() < 8) return {};
  if (p.shape == ParcelShape::hole || p.shape == ParcelShape::multipart) {
    const double gap = 6;
    if (in.width() >= in.height())
      return {Rect{in.x0, in.y0, p.inner.x0 - gap, in.y1}, Rect{p.inner.x1 + gap, in.y0, in.x1, in.y1}};
    return {Rect{in.x0, in.y0, in.x1, p.inner.y0 - gap}, Rect{in.x0, p.inner.y1 + gap, in.x1, in.y1}};
  }
  const double gap = rng.uniform(8, 12);
  const double len = std::max(in.width(), in.height()), across = std::min(in.width(), in.height());
  if (wanted == 4 && across >= 40 && len >= 40) {
    // Two by two: halves along the long axis, each cut in two across it.
    const bool long_x = in.width() >= in.height();
    std::vector<Rect> out;
    for (const Rect& half : slots(in, 2, gap)) {
      if (long_x) {
        const double h = (half.height() - gap) / 2;
        out.push_back({half.x0, half.y0, half.x1, half.y0 + h});
        out.push_back({half.x0, half.y1 - h, half.x1, half.y1});
      } else {
        const double w = (half.width() - gap) / 2;
        out.push_back({half.x0, half.y0, half.x0 + w, half.y1});
        out.push_back({half.x1 - w, half.y0, half.x1, half.y1});
      }
    }
    return out;
  }
  const int fit = static_cast<int>((len + gap) / (12 + gap));
  const int n = std::min(wanted, fit);
  if (n <= 0) return {};
  return slots(in, n, gap);
}

const char* draw_use(const ParcelPlan& p, bool first, Rng& rng) {
  const std::string_view lu = p.land_use;
  if (lu == "0701") return "dorm";
  if ((lu == "0604" || lu == "0508") && rng.chance(0.8)) return "warehouse";
  if (first) return rng.chance(0.9) ? "factory" : "warehouse";
  static const std::vector<double> w = {50, 20, 15, 15};
  static const char* const uses[] = {"factory", "office", "dorm", "warehouse"};
  return uses[rng.weighted(w)];
}

int draw_floors(std::string_view use, Rng& rng) {
  if (use == "factory") return static_cast<int>(1 + rng.weighted({30, 25, 20, 12, 8, 5}));
  if (use == "warehouse") return static_cast<int>(rng.range(1, 2));
  if (use == "office") return static_cast<int>(rng.range(3, 8));
  return static_cast<int>(rng.range(4, 8));  // dorm
}

// Floors, floor area (left empty on some: the importer uses footprint x floors) and vacancy.
void set_building_attributes(BuildingPlan& b, bool stalled, Rng& rng) {
  b.floors = draw_floors(b.use, rng);
  b.floor_area.reset();
  b.vacant_area = 0;
  const double gross = b.rect.area() * b.floors;
  if (rng.chance(0.88)) b.floor_area = std::round(gross * rng.uniform(0.92, 1.03) * 100) / 100;
  const std::string_view use = b.use;
  double share = 0;  // of the floor area standing idle
  if (stalled) {
    share = 1;  // unfinished: nothing in use
  } else if (use == "factory") {
    const double u = rng.uniform();
    if (u < 0.06) share = 1;
    else if (u < 0.18) share = rng.uniform(0.1, 0.9);
  } else if (use == "office" && rng.chance(0.05)) {
    share = rng.uniform(0.1, 0.6);
  }
  if (share >= 1) {
    // Wholly idle: written with its floor area, so that the two are exactly equal as read back.
    if (!b.floor_area) b.floor_area = std::round(gross * 100) / 100;
    b.vacant_area = *b.floor_area;
  } else if (share > 0) {
    b.vacant_area = std::round(b.floor_area.value_or(gross) * share * 100) / 100;
  }
}

int wanted_buildings(const ParcelPlan& p, Rng& rng) {
  switch (p.situation) {
    case Situation::started: return static_cast<int>(1 + rng.weighted({2, 5, 12, 81}));
    case Situation::stalled_idle:
    case Situation::stalled_not_idle: return static_cast<int>(rng.range(1, 3));
    case Situation::not_supplied:  // built on without supply formalities (still counts as unsupplied)
      return rng.chance(0.3) ? static_cast<int>(rng.range(1, 2)) : 0;
    default: return 0;
  }
}

}  // namespace

void place_buildings(Plan& plan, std::uint64_t seed) {
  Rng rng(seed, 3);
  auto& parcels = plan.parcels;

  // Pairs of neighbours in one row whose common line a building will cross.
  std::vector<std::size_t> crossing_left;  // index of the left parcel of each pair
  for (std::size_t i = 0; i + 1 < parcels.size(); ++i) {
    ParcelPlan& a = parcels[i];
    ParcelPlan& b = parcels[i + 1];
    const bool neighbours = a.zone == b.zone && a.rect.y0 == b.rect.y0 && a.rect.x1 == b.rect.x0;
    const bool eligible = a.shape == ParcelShape::plain && b.shape == ParcelShape::plain &&
                          a.situation == Situation::started && b.situation == Situation::started &&
                          a.rect.width() >= 60 && b.rect.width() >= 60 && a.setback_left == 0;
    if (rng.uniform() < 0.02 && neighbours && eligible) {
      a.setback_right = kCrossSetback;
      b.setback_left = kCrossSetback;
      crossing_left.push_back(i);
      ++i;
    }
  }

  plan.buildings.reserve(parcels.size() * 3);
  std::size_t next_cross = 0;
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    const ParcelPlan& p = parcels[i];
    const int wanted = p.shape == ParcelShape::bowtie ? 0 : wanted_buildings(p, rng);
    const bool stalled = p.situation == Situation::stalled_idle || p.situation == Situation::stalled_not_idle;
    if (wanted > 0) {
      std::vector<Rect> where = building_slots(p, wanted, rng);
      if (where.size() > static_cast<std::size_t>(wanted)) where.resize(static_cast<std::size_t>(wanted));
      const bool overlap = rng.chance(0.025) && !where.empty();
      const auto overlap_at = static_cast<std::size_t>(rng.range(0, static_cast<long>(where.size()) - 1));
      for (std::size_t k = 0; k < where.size(); ++k) {
        BuildingPlan b;
        b.parcel = i;
        b.rect = footprint_in(where[k], rng);
        b.use = draw_use(p, k == 0, rng);
        set_building_attributes(b, stalled, rng);
        plan.buildings.push_back(b);
        if (overlap && k == overlap_at) {
          // The same building surveyed twice: a second footprint over part of the first.
          const Rect& f = b.rect;
          const Rect& s = where[k];
          BuildingPlan dup = b;
          dup.rect = {r1(f.x0 + 0.4 * f.width()), r1(f.y0 + 0.2 * f.height()), r1(f.x1 + 0.8 * (s.x1 - f.x1)),
                      r1(f.y1 + 0.8 * (s.y1 - f.y1))};
          set_building_attributes(dup, stalled, rng);
          plan.buildings.push_back(dup);
        }
      }
    }
    if (next_cross < crossing_left.size() && crossing_left[next_cross] == i) {
      ++next_cross;
      // A building across the line between parcel i and i + 1.
      const double line = p.rect.x1;
      const double len = rng.uniform(20, std::min(45.0, p.rect.height() - 20));
      const double y0 = rng.uniform(p.rect.y0 + 8, p.rect.y1 - 8 - len);
      BuildingPlan b;
      b.rect = {r1(line - rng.uniform(6, 14)), r1(y0), r1(line + rng.uniform(6, 14)), r1(y0 + len)};
      b.use = rng.chance(0.5) ? "factory" : "warehouse";
      set_building_attributes(b, false, rng);
      plan.buildings.push_back(b);
    }
  }
}

}  // namespace parkgis::generator
