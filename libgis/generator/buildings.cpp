#include "libgis/generator/buildings.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "libgis/generator/attributes.h"
#include "libgis/generator/building_rows.h"

namespace parkgis::generator {

namespace {

constexpr double kCrossSetback = 22;  // room left on each side of a line crossed by a building

long day(const Date& d) { return d.days_since_epoch(); }

// Where buildings of a parcel may stand: the parcel less a setback (5-7 m for standard factories, 6-10 m
// otherwise), in two pieces for a parcel with a hole or a strip (one each side of it).
std::vector<Rect> building_areas(const ParcelPlan& p, Rng& rng) {
  const double s = p.kind == ParcelKind::standard_factory ? r1(rng.uniform(5, 7)) : r1(rng.uniform(6, 10));
  const Rect in{p.rect.x0 + s + p.setback_left, p.rect.y0 + s, p.rect.x1 - s - p.setback_right, p.rect.y1 - s};
  if (in.width() < 10 || in.height() < 10) return {};
  if (p.shape == ParcelShape::hole || p.shape == ParcelShape::multipart || p.shape == ParcelShape::multipart_hole) {
    const double gap = 6;
    std::vector<Rect> two =
        in.width() >= in.height()
            ? std::vector<Rect>{Rect{in.x0, in.y0, p.inner.x0 - gap, in.y1}, Rect{p.inner.x1 + gap, in.y0, in.x1, in.y1}}
            : std::vector<Rect>{Rect{in.x0, in.y0, in.x1, p.inner.y0 - gap}, Rect{in.x0, p.inner.y1 + gap, in.x1, in.y1}};
    if (p.shape == ParcelShape::multipart_hole) two.erase(two.begin());  // the first part, with its hole, stays open
    return two;
  }
  return {in};
}

std::vector<Rect> footprints(const ParcelPlan& p, const RowStyle& style, Rng& rng) {
  std::vector<Rect> out;
  for (const Rect& area : building_areas(p, rng))
    for (const Rect& r : rows_in(area, style, rng)) out.push_back(r);
  return out;
}

// Floors, and the floor area written (left empty on some: the importer uses footprint x floors).
void set_floors(BuildingPlan& b, int floors, Rng& rng) {
  b.floors = std::clamp(floors, 1, 8);
  b.floor_area.reset();
  if (rng.chance(0.88)) b.floor_area = std::round(b.rect.area() * b.floors * rng.uniform(0.92, 1.03) * 100) / 100;
}

// Share of a parcel's floor area in office and living buildings (办公, 宿舍, 配套): mostly 2-6.5 %, a few
// above the 7 % of the 2008 control indicators.
double support_share(Rng& rng) { return rng.chance(0.1) ? rng.uniform(0.075, 0.13) : rng.uniform(0.02, 0.065); }

const char* support_use(Rng& rng) {
  static const char* const uses[] = {"宿舍", "办公", "配套"};
  return uses[rng.weighted({55, 30, 15})];
}

struct ParcelBuilder {
  Plan& plan;
  Rng& rng;
  DateDrawer& dd;

  // The buildings of parcel i from its footprints: `floors_of` gives each factory's storeys; then one
  // office or living building cut from the end of the last footprint, sized to `share` of the floor.
  template <class FloorsFn>
  void add(std::size_t i, std::vector<Rect> fps, const char* use, FloorsFn floors_of, double share,
           int support_floors) {
    if (fps.empty()) return;
    double floor_m2 = 0;
    for (const Rect& r : fps) {
      BuildingPlan b;
      b.parcel = i;
      b.rect = r;
      b.use = use;
      set_floors(b, floors_of(), rng);
      floor_m2 += b.floor_m2();
      plan.buildings.push_back(b);
    }
    if (share <= 0) return;
    const double target_m2 = share * floor_m2 / (1 - share);
    BuildingPlan& last = plan.buildings.back();
    const Rect whole = last.rect;
    const bool along_x = whole.width() >= whole.height();
    const double len = along_x ? whole.width() : whole.height();
    const double depth = std::min(along_x ? whole.height() : whole.width(), rng.uniform(12, 16));
    const double need = target_m2 / (support_floors * depth);
    if (need < 6 || need > 0.6 * len || len - need - 8 < 10) return;  // too small to build apart, or too big
    const double cut = r1(need);
    Rect support = along_x ? Rect{whole.x1 - cut, whole.y0, whole.x1, r1(whole.y0 + depth)}
                           : Rect{whole.x0, whole.y1 - cut, r1(whole.x0 + depth), whole.y1};
    Rect rest = along_x ? Rect{whole.x0, whole.y0, r1(whole.x1 - cut - 8), whole.y1}
                        : Rect{whole.x0, whole.y0, whole.x1, r1(whole.y1 - cut - 8)};
    last.rect = rest;
    set_floors(last, last.floors, rng);
    BuildingPlan b;
    b.parcel = i;
    b.rect = support;
    b.use = support_use(rng);
    set_floors(b, support_floors, rng);
    plan.buildings.push_back(b);
  }
};

// Standard factories: one storey count for the parcel's phase (a few buildings one storey off), chosen
// so that the plot ratio lands in 1.5-3.0 with 4-6 storeys; one parcel in ten is built otherwise.
void standard_factory_buildings(ParcelBuilder& pb, std::size_t i) {
  Rng& rng = pb.rng;
  const ParcelPlan& p = pb.plan.parcels[i];
  std::vector<Rect> fps = footprints(p, kStandardRows, rng);
  double covered = 0;
  for (const Rect& r : fps) covered += r.area();
  const double coverage = covered / parcel_area(p);
  const int base = rng.chance(0.1) || coverage <= 0
                       ? static_cast<int>(rng.range(3, 7))
                       : std::clamp(static_cast<int>(std::lround(rng.uniform(1.65, 2.85) / coverage)), 4, 6);
  pb.add(i, std::move(fps), "厂房", [&] { return rng.chance(0.08) ? base + (rng.chance(0.5) ? 1 : -1) : base; },
         support_share(rng), static_cast<int>(rng.range(4, 6)));
}

void self_built_buildings(ParcelBuilder& pb, std::size_t i) {
  Rng& rng = pb.rng;
  const ParcelPlan& p = pb.plan.parcels[i];
  const int base = static_cast<int>(1 + rng.weighted({20, 35, 30, 15}));
  const double share = rng.chance(0.15) ? 0.0 : support_share(rng);  // some keep their office inside
  const std::size_t first = pb.plan.buildings.size();
  pb.add(i, footprints(p, kWorkshopRows, rng), "厂房", [&] { return std::max(1, base + (rng.chance(0.2) ? 1 : 0)); },
         share, static_cast<int>(rng.range(2, 4)));
  // Now and then one of the buildings is a store.
  if (pb.plan.buildings.size() > first + 1 && rng.chance(0.12)) {
    BuildingPlan& b = pb.plan.buildings[first];
    b.use = "仓库";
    set_floors(b, static_cast<int>(rng.range(1, 2)), rng);
  }
}

void warehouse_buildings(ParcelBuilder& pb, std::size_t i) {
  Rng& rng = pb.rng;
  const ParcelPlan& p = pb.plan.parcels[i];
  std::vector<Rect> fps = footprints(p, kStoreRows, rng);
  if (fps.size() > 2) fps.resize(2);
  pb.add(i, fps, "仓库", [&] { return static_cast<int>(rng.range(1, 2)); }, rng.chance(0.5) ? support_share(rng) : 0.0,
         static_cast<int>(rng.range(2, 3)));
}

void utility_building(ParcelBuilder& pb, std::size_t i) {
  Rng& rng = pb.rng;
  std::vector<Rect> fps = footprints(pb.plan.parcels[i], kStoreRows, rng);
  if (fps.size() > 1) fps.resize(1);
  for (Rect& r : fps) {  // a small building in the corner of the first footprint
    r.x1 = std::min(r.x1, r1(r.x0 + rng.uniform(18, 40)));
    r.y1 = std::min(r.y1, r1(r.y0 + rng.uniform(12, 20)));
  }
  pb.add(i, fps, "配套", [&] { return static_cast<int>(rng.range(1, 2)); }, 0.0, 1);
}

// An old building on land never supplied (built without supply formalities; still 批而未供).
void old_building(ParcelBuilder& pb, std::size_t i) {
  Rng& rng = pb.rng;
  std::vector<Rect> fps = footprints(pb.plan.parcels[i], kWorkshopRows, rng);
  if (fps.size() > 2) fps.resize(static_cast<std::size_t>(rng.range(1, 2)));
  pb.add(i, fps, "厂房", [&] { return static_cast<int>(rng.range(1, 2)); }, 0.0, 1);
}

// Vacancy of a building its owner uses: 闲置 (owned, not producing). Unfinished buildings on stalled
// land are wholly idle since the stop.
void set_owner_vacancy(BuildingPlan& b, const ParcelPlan* p, DateDrawer& dd, Rng& rng) {
  const std::string_view use = b.use;
  double share = 0;
  std::optional<Date> since;
  if (p && is_stalled(p->situation)) {
    share = 1;
    since = p->stop;
  } else if (use == "厂房" || use == "仓库") {
    const double u = rng.uniform();
    if (u < 0.05) share = 1;
    else if (u < 0.15) share = rng.uniform(0.1, 0.9);
  } else if (use == "办公" && rng.chance(0.05)) {
    share = rng.uniform(0.1, 0.6);
  }
  if (share <= 0) return;
  if (b.completed && day(*b.completed) > dd.t() - 60) return;  // just finished: not idle yet
  if (!since) since = draw_vacant_since(dd, rng, b.completed);
  if (share >= 1) {
    // Wholly idle: written with its floor area, so that the two are exactly equal as read back.
    if (!b.floor_area) b.floor_area = std::round(b.rect.area() * b.floors * 100) / 100;
    b.vacant_area = *b.floor_area;
  } else {
    b.vacant_area = std::round(b.floor_m2() * share * 100) / 100;
  }
  b.vacancy_type = "闲置";
  b.vacant_since = since;
}

// How often buildings cross a parcel line. 小微园: now and then between two self-built works; large
// zones: between any two built neighbours (not utilities), most such lines, one or two buildings each.
struct CrossingRule {
  double chance;        // of a line between two eligible neighbours
  bool any_kind;        // standard factories and warehouses too, not only self-built works
  long most_per_line;   // buildings across one line: 1..most_per_line
};
CrossingRule crossing_rule(DatasetShape shape) {
  if (shape == DatasetShape::large_zones) return {0.55, true, 2};
  return {0.03, false, 1};
}

// Pairs of neighbours in one row whose common line a building will cross (both in use).
// At least one when there is a pair that can take it.
std::vector<std::size_t> choose_crossings(std::vector<ParcelPlan>& parcels, const CrossingRule& rule, Rng& rng) {
  std::vector<std::size_t> left;
  std::size_t first_eligible = kNone;
  const auto kind_ok = [&](const ParcelPlan& p) {
    return rule.any_kind ? p.kind != ParcelKind::utility : p.kind == ParcelKind::self_built;
  };
  for (std::size_t i = 0; i + 1 < parcels.size(); ++i) {
    ParcelPlan& a = parcels[i];
    ParcelPlan& b = parcels[i + 1];
    const bool neighbours = a.zone == b.zone && a.rect.y0 == b.rect.y0 && a.rect.x1 == b.rect.x0;
    const bool eligible = a.shape == ParcelShape::plain && b.shape == ParcelShape::plain && kind_ok(a) && kind_ok(b) &&
                          a.situation == Situation::started && b.situation == Situation::started &&
                          a.rect.width() >= 60 && b.rect.width() >= 60 && a.setback_left == 0;
    if (!neighbours || !eligible) continue;
    if (first_eligible == kNone) first_eligible = i;
    if (rng.uniform() < rule.chance) {
      a.setback_right = kCrossSetback;
      b.setback_left = kCrossSetback;
      left.push_back(i);
      ++i;
    }
  }
  if (left.empty() && first_eligible != kNone) {
    parcels[first_eligible].setback_right = kCrossSetback;
    parcels[first_eligible + 1].setback_left = kCrossSetback;
    left.push_back(first_eligible);
  }
  return left;
}

// Buildings across the line between parcel p and the next one: one over 20-45 m of the line, or (large
// zones) up to most_per_line, each in its own stretch of the line.
void add_crossing_buildings(Plan& plan, const ParcelPlan& p, const CrossingRule& rule, DateDrawer& dd, Rng& rng) {
  const double line = p.rect.x1;
  const long n = rule.most_per_line > 1 ? rng.range(1, rule.most_per_line) : 1;
  const double stretch = p.rect.height() / static_cast<double>(n);
  for (long k = 0; k < n; ++k) {
    const double s0 = p.rect.y0 + static_cast<double>(k) * stretch;
    const double s1 = k + 1 == n ? p.rect.y1 : s0 + stretch;
    const double len = n == 1 ? rng.uniform(20, std::min(45.0, stretch - 20)) : rng.uniform(14, std::min(30.0, stretch - 20));
    const double y0 = rng.uniform(s0 + 8, s1 - 8 - len);
    BuildingPlan b;
    b.rect = {r1(line - rng.uniform(6, 14)), r1(y0), r1(line + rng.uniform(6, 14)), r1(y0 + len)};
    b.use = rng.chance(0.5) ? "厂房" : "仓库";
    set_floors(b, static_cast<int>(rng.range(1, 2)), rng);
    b.completed = dd.plus(*p.actual, 300, 720);
    set_owner_vacancy(b, nullptr, dd, rng);
    plan.buildings.push_back(b);
  }
}

// The same building surveyed twice: a second footprint over part of the first, reaching at most 4 m
// beyond it (buildings stand at least 6 m from the parcel line and 10 m apart).
void add_duplicate(Plan& plan, std::size_t k, const ParcelPlan& p, DateDrawer& dd, Rng& rng) {
  BuildingPlan dup = plan.buildings[k];
  const Rect& f = dup.rect;
  dup.rect = {r1(f.x0 + 0.4 * f.width()), r1(f.y0 + 0.2 * f.height()), r1(f.x1 + std::min(4.0, 0.1 * f.width())),
              r1(f.y1 + std::min(4.0, 0.1 * f.height()))};
  set_floors(dup, dup.floors, rng);
  dup.vacant_area = 0;
  dup.vacancy_type = "";
  dup.vacant_since.reset();
  set_owner_vacancy(dup, &p, dd, rng);
  plan.buildings.push_back(dup);
}

}  // namespace

std::optional<Date> draw_vacant_since(DateDrawer& dd, Rng& rng, const std::optional<Date>& after) {
  const double u = rng.uniform();
  if (u < 0.06) return std::nullopt;
  long lo = u < 0.41 ? dd.t() - 170 : dd.years(-3);
  const long hi = u < 0.41 ? dd.t() - 15 : dd.t() - 200;
  if (after) lo = std::max(lo, day(*after) + 1);
  return dd.in(std::min(lo, dd.t() - 15), hi);
}

void place_buildings(Plan& plan, std::uint64_t seed, const Date& as_of, DatasetShape shape) {
  Rng rng(seed, 3);
  DateDrawer dd(rng, as_of);
  auto& parcels = plan.parcels;
  const CrossingRule rule = crossing_rule(shape);
  const std::vector<std::size_t> crossing_left = choose_crossings(parcels, rule, rng);

  plan.buildings.reserve(parcels.size() * 5);
  ParcelBuilder pb{plan, rng, dd};
  std::size_t next_cross = 0;
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    const ParcelPlan& p = parcels[i];
    const std::size_t first = plan.buildings.size();
    if (p.shape == ParcelShape::bowtie) {
      // nothing: supplied recently, not started
    } else if (is_started(p.situation)) {
      switch (p.kind) {
        case ParcelKind::standard_factory: standard_factory_buildings(pb, i); break;
        case ParcelKind::self_built: self_built_buildings(pb, i); break;
        case ParcelKind::warehouse: warehouse_buildings(pb, i); break;
        case ParcelKind::utility: utility_building(pb, i); break;
      }
      // Stalled: only part of the plan stands, unfinished.
      if (is_stalled(p.situation) && plan.buildings.size() > first + 1)
        plan.buildings.resize(first + static_cast<std::size_t>(rng.range(1, static_cast<long>(plan.buildings.size() - first))));
    } else if (p.situation == Situation::not_supplied && rng.chance(0.3)) {
      old_building(pb, i);
    }
    // Completion: one to two years after the start; unfinished on stalled land; long ago for old ones.
    for (std::size_t k = first; k < plan.buildings.size(); ++k) {
      BuildingPlan& b = plan.buildings[k];
      if (p.actual && !is_stalled(p.situation)) b.completed = dd.plus(p.resume ? *p.resume : *p.actual, 300, 720);
      else if (!p.actual) b.completed = dd.in(dd.years(-12), dd.years(-4));
      if (p.kind != ParcelKind::standard_factory || is_stalled(p.situation)) set_owner_vacancy(b, &p, dd, rng);
    }
    if (p.kind != ParcelKind::standard_factory && plan.buildings.size() > first && rng.chance(0.025))
      add_duplicate(plan, first + static_cast<std::size_t>(rng.range(0, static_cast<long>(plan.buildings.size() - first) - 1)),
                    p, dd, rng);

    if (next_cross < crossing_left.size() && crossing_left[next_cross] == i) {
      ++next_cross;
      add_crossing_buildings(plan, p, rule, dd, rng);
    }
  }
}

}  // namespace parkgis::generator
