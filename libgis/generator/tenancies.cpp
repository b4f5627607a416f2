#include "libgis/generator/tenancies.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "libgis/generator/buildings.h"
#include "libgis/generator/date_drawer.h"
#include "libgis/generator/enterprises.h"
#include "libgis/generator/names.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

namespace {

long day(const Date& d) { return d.days_since_epoch(); }
double cents_down(double v) { return std::floor(v * 100) / 100; }

// The last day of a lease of `years` from `start` (the day before the anniversary).
Date lease_end(const Date& start, int years) { return add_days(start.plus_years(years), -1); }

class Letting {
 public:
  Letting(Plan& plan, std::uint64_t seed, const Date& as_of)
      : m_plan(plan), m_rng(seed, 7), m_dd(m_rng, as_of), m_maker(plan, seed), m_last_year(as_of.year - 1) {}

  // `floor_m2`: the finished standard-factory floor the park company lets or sells. Units are sized so
  // that the park has about 32-55 firms in its factories, whatever its size.
  void start_park(std::size_t park, double floor_m2) {
    m_park = park;
    m_unit_m2 = std::max(300.0, floor_m2 * 0.85 / (m_rng.uniform(32, 55) * 2.2));
    m_pool.clear();
    m_leases = m_sales = 0;
  }

  // The storeys of one finished factory building of a standard-factory parcel.
  void let_building(std::size_t bi, bool sale);
  // A warehouse parcel of the park company, let whole to a logistics firm.
  void let_parcel(std::size_t pi);
  // The data problems (tenancies.h), one set per 1,000 parcels.
  void add_problems();

 private:
  struct Lease {
    Date start;
    std::optional<Date> end;
  };

  std::string next_id(bool sale) {
    long& n = sale ? m_sales : m_leases;
    return m_plan.parks[m_park].id + (sale ? "-CQ" : "-ZL") + zero_padded(static_cast<std::size_t>(++n), 4);
  }
  // A tenant for the next block: now and then a firm already renting in this park, else a new one.
  std::size_t tenant(bool reuse_ok) {
    if (reuse_ok && !m_pool.empty() && m_rng.chance(0.15))
      return m_pool[static_cast<std::size_t>(m_rng.range(0, static_cast<long>(m_pool.size()) - 1))];
    const std::size_t e = new_firm(Role::tenant, false);
    m_pool.push_back(e);
    return e;
  }
  std::size_t new_firm(Role role, bool logistics) {
    const int county = m_plan.parks[m_park].county_index;
    return m_maker.make(m_rng, m_park, draw_industry(m_rng, county, logistics, 2.0), role);
  }
  int term() {
    static const int terms[] = {2, 3, 5, 0};  // 0: open-ended
    return terms[m_rng.weighted({10, 50, 35, 5})];
  }
  // A lease in force at as_of of `years` (0: open), not starting before `from`.
  Lease lease_in_force(const Date& from, int years) {
    if (years == 0) return {m_dd.in(day(from), m_dd.t() - 10), std::nullopt};
    Date end = m_dd.in(m_dd.t() + 30, day(m_dd.as_of().plus_years(years)));
    Date start = add_days(end.plus_years(-years), 1);
    if (start < from) {
      start = m_dd.plus(from, 0, 120);
      end = lease_end(start, years);
    }
    return {start, end};
  }
  void add(std::size_t enterprise, std::size_t building, std::size_t parcel, double m2, const Lease& l, bool sale) {
    TenancyPlan t;
    t.id = next_id(sale);
    t.enterprise = enterprise;
    t.building = building;
    t.parcel = parcel;
    t.leased_m2 = m2;
    t.start = l.start;
    t.end = l.end;
    m_plan.tenancies.push_back(std::move(t));
    EnterprisePlan& e = m_plan.enterprises[enterprise];
    if (e.first_year == 0 || l.start.year < e.first_year) e.first_year = std::min(l.start.year, m_last_year);
  }
  void set_empty(BuildingPlan& b, std::size_t bi, int empty, int units, double unit, bool sale);
  // A dormant tenant stopped producing in the year before the latest complete one, from this day on.
  long dormant_from() const { return Date{m_last_year - 1, 2, 1}.days_since_epoch(); }
  // Its lease: five years, begun at least half a year before it stopped, in force at as_of.
  Lease dormant_lease(const Date& completed) {
    const Date start = m_dd.in(std::max(day(completed), m_dd.years(-5) + 30), dormant_from() - 180);
    return {start, lease_end(start, 5)};
  }
  bool make_dormant(BuildingPlan& b, std::size_t enterprise, const Lease& l, double m2);

  Plan& m_plan;
  Rng m_rng;
  DateDrawer m_dd;
  EnterpriseMaker m_maker;
  int m_last_year;
  std::size_t m_park = kNone;
  std::vector<std::size_t> m_pool;
  long m_leases = 0, m_sales = 0;
  double m_unit_m2 = 1000;
};

void Letting::let_building(std::size_t bi, bool sale) {
  BuildingPlan& b = m_plan.buildings[bi];
  const Date c = *b.completed;
  // Units: whole storeys, or halves, thirds or quarters of large ones.
  const int per_storey = std::clamp(static_cast<int>(std::lround(b.floor_m2() / b.floors / m_unit_m2)), 1, 4);
  const int n = b.floors * per_storey;
  const double unit = cents_down(b.floor_m2() / n);
  if (day(c) > m_dd.t() - 30) {
    // Not finished at as_of: sometimes let before it is (the lease starts after as_of).
    if (!sale && m_rng.chance(0.15)) {
      const int years = m_rng.chance(0.5) ? 3 : 5;
      const Date start = m_dd.plus(c, 0, 60);
      const std::size_t e = new_firm(Role::incoming, false);
      add(e, bi, kNone, unit * static_cast<double>(m_rng.range(1, n)), {start, lease_end(start, years)}, false);
    }
    return;
  }
  // The top units stand empty in some buildings, a whole building now and then.
  int empty = 0;
  const double u = m_rng.uniform();
  if (u < 0.07) empty = n;
  else if (u < 0.35) empty = static_cast<int>(m_rng.range(1, std::max(1, std::min(2 * per_storey, n - 1))));
  const int used = n - empty;
  // Now and then a tenant that stopped producing: its lease of five years began well before.
  bool dormant_wanted = empty == 0 && !sale && m_rng.chance(0.12) && day(c) + 200 < dormant_from();
  for (int s = 0; s < used;) {
    const std::size_t w = m_rng.weighted({34, 30, 12, 8, 16});
    const int size = std::min(used - s, w < 4 ? static_cast<int>(w) + 1 : used - s);
    const std::size_t e = tenant(!dormant_wanted);
    const double m2 = unit * size;
    if (sale) {
      add(e, bi, kNone, m2, {m_dd.in(day(c), m_dd.t() - 10), std::nullopt}, true);
    } else {
      const int years = dormant_wanted ? 5 : term();
      const Lease l = dormant_wanted ? dormant_lease(c) : lease_in_force(c, years);
      if (years > 0 && m_rng.chance(0.06)) {
        // Renewed: the lease before this one, expired, is kept in the register.
        const Date prev_start = add_days(add_days(l.start, -1).plus_years(-3), 1);
        if (prev_start >= c) add(e, bi, kNone, m2, {prev_start, add_days(l.start, -1)}, false);
      }
      add(e, bi, kNone, m2, l, false);
      if (dormant_wanted && make_dormant(b, e, l, m2)) dormant_wanted = false;
    }
    s += size;
  }
  if (empty > 0) set_empty(b, bi, empty, n, unit, sale);
}

// The tenant stopped producing in the year before the latest complete year: its storeys are idle (闲置)
// and it reports zero output and tax.
bool Letting::make_dormant(BuildingPlan& b, std::size_t enterprise, const Lease& l, double m2) {
  EnterprisePlan& e = m_plan.enterprises[enterprise];
  const long lo = dormant_from(), hi = Date{m_last_year - 1, 12, 10}.days_since_epoch();
  if (e.dormant || e.role != Role::tenant || day(l.start) + 180 > lo) return false;
  e.dormant = true;
  m_pool.erase(std::remove(m_pool.begin(), m_pool.end(), enterprise), m_pool.end());
  b.vacancy_type = "闲置";
  b.vacant_area = m2;
  b.vacant_since = m_dd.in(lo, hi);
  return true;
}

// Empty units (空置): since when, the lease of a firm that left, a firm moving in later.
void Letting::set_empty(BuildingPlan& b, std::size_t bi, int empty, int units, double unit, bool sale) {
  const Date c = *b.completed;
  std::optional<Date> since;
  if (empty == units && day(c) > m_dd.years(-1)) since = add_days(c, 1);  // new, never let
  else since = draw_vacant_since(m_dd, m_rng, c);
  b.vacancy_type = "空置";
  b.vacant_area = std::round(unit * empty * 100) / 100;
  b.vacant_since = since;
  if (sale) return;
  if (since && day(*since) - day(c) > 400 && m_rng.chance(0.6)) {
    const std::size_t e = new_firm(Role::departed, false);
    const Date end = add_days(*since, -1);
    Date start = add_days(end.plus_years(m_rng.chance(0.5) ? -3 : -2), 1);
    if (start < c) start = m_dd.plus(c, 0, 60);
    add(e, bi, kNone, unit * static_cast<double>(m_rng.range(1, empty)), {start, end}, false);
    m_plan.enterprises[e].last_year = std::min(end.year, m_last_year);
  }
  if (m_rng.chance(0.15)) {
    const std::size_t e = new_firm(Role::incoming, false);
    const Date start = m_dd.in(m_dd.t() + 15, m_dd.t() + 150);
    add(e, bi, kNone, unit * static_cast<double>(m_rng.range(1, empty)), {start, lease_end(start, 3)}, false);
  }
}

void Letting::let_parcel(std::size_t pi) {
  const ParcelPlan& p = m_plan.parcels[pi];
  const Date from = add_days(*p.actual, 365);
  if (day(from) > m_dd.t() - 30) return;
  const std::size_t e = new_firm(Role::tenant, true);
  add(e, kNone, pi, std::round(parcel_area(p) * 100) / 100, lease_in_force(from, m_rng.chance(0.6) ? 10 : 5), false);
}

void Letting::add_problems() {
  const std::size_t sets = std::max<std::size_t>(1, m_plan.parcels.size() / 1000);
  const std::size_t rows = m_plan.tenancies.size();
  if (rows == 0) return;
  const Date as_of = m_dd.as_of();
  // The added rows' ids (…-ZL9001, …-ZL8001) must not repeat a lease's own: a park of the large-zones
  // shape has more than 8,000 leases, numbered …-ZL0001 onwards. A taken id gets an "X" appended.
  std::unordered_set<std::string> taken;
  for (const TenancyPlan& t : m_plan.tenancies) taken.insert(t.id);
  const auto unique_id = [&](std::string id) {
    while (!taken.insert(id).second) id += "X";
    return id;
  };
  const auto let_in_force = [&](const TenancyPlan& t) {
    return t.building != kNone && t.enterprise != kNone && !m_plan.enterprises[t.enterprise].dormant &&
           t.enterprise_text.empty() && t.building_text.empty() && t.leased_m2 &&
           *t.leased_m2 > 0 && t.end && t.id.find("-ZL") != std::string::npos && in_force(t, as_of) &&
           t.start->year < as_of.year;
  };
  // The first row from `at` (wrapping) that `ok` accepts; rows is returned when none does.
  const auto find = [&](std::size_t at, const auto& ok) {
    for (std::size_t k = 0; k < rows; ++k)
      if (ok(m_plan.tenancies[(at + k) % rows])) return (at + k) % rows;
    return rows;
  };
  for (std::size_t s = 0; s < sets; ++s) {
    const auto at = [&](double f) { return static_cast<std::size_t>((static_cast<double>(s) + f) * static_cast<double>(rows) / static_cast<double>(sets)); };
    // A leased area of 0 (not filled in).
    if (std::size_t k = find(at(0.1), let_in_force); k < rows) m_plan.tenancies[k].leased_m2 = 0.0;
    // The end typed with the wrong year: before the start.
    if (std::size_t k = find(at(0.3), let_in_force); k < rows) {
      TenancyPlan& t = m_plan.tenancies[k];
      t.end = t.end->plus_years(t.start->year - 1 - t.end->year);
    }
    // A building id with a digit missing.
    if (std::size_t k = find(at(0.5), let_in_force); k < rows) {
      TenancyPlan& t = m_plan.tenancies[k];
      const std::string id = building_id(t.building, m_plan.buildings.size());
      t.building_text = id.substr(0, 2) + id.substr(3);
    }
    // A firm missing from enterprises.csv takes an empty storey.
    const auto empty_storeys = [&](const TenancyPlan& t) {
      return let_in_force(t) && std::string_view(m_plan.buildings[t.building].vacancy_type) == "空置";
    };
    if (std::size_t k = find(at(0.7), empty_storeys); k < rows) {
      TenancyPlan t = m_plan.tenancies[k];
      const BuildingPlan& b = m_plan.buildings[t.building];
      m_park = m_plan.zones[m_plan.parcels[b.parcel].zone].park;
      t.id = unique_id(m_plan.parks[m_park].id + "-ZL9" + zero_padded(s + 1, 3));
      t.enterprise = kNone;
      t.enterprise_text = m_maker.foreign_code(s);
      t.leased_m2 = cents_down(b.floor_m2() / b.floors);
      m_plan.tenancies.push_back(std::move(t));
    }
    // A storey of a fully let building let a second time (an old lease not closed in the register).
    const auto fully_let = [&](const TenancyPlan& t) {
      return let_in_force(t) && m_plan.buildings[t.building].vacant_area == 0 &&
             m_plan.buildings[t.building].completed && day(*m_plan.buildings[t.building].completed) < m_dd.years(-1);
    };
    if (std::size_t k = find(at(0.9), fully_let); k < rows) {
      TenancyPlan t = m_plan.tenancies[k];
      const BuildingPlan& b = m_plan.buildings[t.building];
      m_park = m_plan.zones[m_plan.parcels[b.parcel].zone].park;
      t.id = unique_id(m_plan.parks[m_park].id + "-ZL8" + zero_padded(s + 1, 3));
      t.leased_m2 = cents_down(b.floor_m2() / b.floors);
      t.start = m_dd.in(std::max(day(*b.completed), m_dd.years(-4)), m_dd.years(-1));
      t.end = lease_end(*t.start, 5);
      m_plan.tenancies.push_back(std::move(t));
    }
  }
}

}  // namespace

bool in_force(const TenancyPlan& t, const Date& d) { return t.start && *t.start <= d && (!t.end || *t.end >= d); }

void let_buildings(Plan& plan, std::uint64_t seed, const Date& as_of) {
  // The buildings of each parcel are contiguous in plan.buildings.
  std::vector<std::size_t> first(plan.parcels.size(), kNone), last(plan.parcels.size(), 0);
  for (std::size_t k = 0; k < plan.buildings.size(); ++k) {
    const std::size_t p = plan.buildings[k].parcel;
    if (p == kNone) continue;
    if (first[p] == kNone) first[p] = k;
    last[p] = k + 1;
  }
  plan.tenancies.reserve(plan.parcels.size() * 3);
  Letting letting(plan, seed, as_of);
  Rng rng(seed, 8);
  const auto lettable = [&](const ParcelPlan& p) {
    return p.kind == ParcelKind::standard_factory && is_started(p.situation) && !is_stalled(p.situation);
  };
  const auto factory = [&](const BuildingPlan& b) { return std::string_view(b.use) == "厂房" && b.completed; };
  for (std::size_t z = 0, i = 0; z < plan.zones.size(); ++z) {
    const std::size_t park = plan.zones[z].park;
    if (z > 0 && plan.zones[z - 1].park == park) continue;
    // The park's parcels [i, end): first its lettable floor, then the letting.
    std::size_t end = i;
    double floor_m2 = 0;
    for (; end < plan.parcels.size() && plan.zones[plan.parcels[end].zone].park == park; ++end)
      if (lettable(plan.parcels[end]) && first[end] != kNone)
        for (std::size_t k = first[end]; k < last[end]; ++k)
          if (factory(plan.buildings[k]) && day(*plan.buildings[k].completed) <= day(as_of) - 30)
            floor_m2 += plan.buildings[k].floor_m2();
    letting.start_park(park, floor_m2);
    for (; i < end; ++i) {
      const ParcelPlan& p = plan.parcels[i];
      if (lettable(p) && first[i] != kNone) {
        const bool sale = rng.chance(0.3);  // storeys sold to their users (分割转让)
        for (std::size_t k = first[i]; k < last[i]; ++k)
          if (factory(plan.buildings[k])) letting.let_building(k, sale);
      } else if (p.kind == ParcelKind::warehouse && is_started(p.situation) && !is_stalled(p.situation) &&
                 p.enterprise != kNone && p.enterprise == plan.parks[park].company) {
        letting.let_parcel(i);
      }
    }
  }
  letting.add_problems();
}

}  // namespace parkgis::generator
