#include "libgis/generator/figures.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "libgis/generator/names.h"
#include "libgis/generator/random.h"
#include "libgis/generator/tenancies.h"

namespace parkgis::generator {

namespace {

double money(double v) { return std::round(v * 100) / 100; }
double mu_of(double m2) { return m2 * 15.0 / 10000.0; }

bool heavy(std::string_view industry) { return industry == "不锈钢新材料" || industry == "铜材料"; }

// The figures of the latest complete year.
YearFigures base_figures(const EnterprisePlan& e, double rent_floor_m2, Rng& rng) {
  YearFigures f;
  const bool logistics = e.industry == "物流仓储";
  double out = 0, tax = 0;
  long staff = 0;
  if (e.role == Role::park_company) {
    // Rent of 10-16 元/m² a month on the floor let (营业收入), taxes on it.
    out = rent_floor_m2 * rng.uniform(10, 16) * 12 / 10000;
    tax = out * rng.uniform(0.1, 0.18);
    staff = rng.range(10, 40);
  } else if (e.role == Role::no_land) {
    out = rng.uniform(300, 3000);
    tax = out * rng.uniform(0.01, 0.06);
    staff = rng.range(8, 80);
  } else if (e.producing || e.role != Role::holder) {
    // Tax per mu spread over two orders of magnitude (0.3..60 万元/亩): every grade occurs.
    const double mu = mu_of(e.land_m2 + e.leased_land_m2);
    double tax_per_mu = std::exp(rng.uniform(std::log(0.3), std::log(60.0)));
    if (is_leading_industry(e.industry)) tax_per_mu *= 1.3;
    if (e.stalled_only) tax_per_mu *= 0.05;
    out = mu * tax_per_mu * rng.uniform(10, 30);
    tax = rng.chance(0.015) ? 0.0 : mu * tax_per_mu;
    staff = std::max(3L, std::lround(mu * rng.uniform(1.5, 8)));
  } else {
    // Holds land but has not started: no production, at most the land-use tax.
    const double mu = mu_of(e.land_m2);
    f.output = 0.0;
    f.tax = rng.chance(0.3) ? 0.0 : money(mu * rng.uniform(0.2, 0.6));
    f.value_added = 0.0;
    f.electricity = std::round(rng.uniform(0, 5000));
    f.energy = std::round(*f.electricity * 1.229e-4 * 10) / 10;
    f.employees = rng.range(0, 5);
    f.rnd = 0.0;
    return f;
  }
  f.output = money(out);
  f.tax = money(tax);
  f.value_added = money(out * (e.role == Role::park_company ? rng.uniform(0.4, 0.6) : rng.uniform(0.18, 0.32)));
  // Electricity per 万元 of output: a few hundred kWh in manufacturing, less in warehousing and letting.
  const double kwh_per_wan = e.role == Role::park_company ? rng.uniform(20, 60) : logistics ? rng.uniform(30, 120) : rng.uniform(150, 900);
  f.electricity = std::round(out * kwh_per_wan);
  // Energy (tce): electricity at 1.3-3.5 t per 10,000 kWh, more with furnaces (stainless steel, copper).
  f.energy = std::round(*f.electricity * rng.uniform(1.3e-4, 3.5e-4) * (heavy(e.industry) ? rng.uniform(1.5, 3) : 1) * 10) / 10;
  if (e.role != Role::park_company && !logistics && (out >= 2000 || rng.chance(0.4)))
    f.emissions = money(out * rng.uniform(0.0003, 0.003));
  f.employees = staff;
  f.rnd = e.role == Role::park_company || rng.chance(0.2) ? 0.0 : money(out * rng.uniform(0.002, 0.05));
  return f;
}

YearFigures scaled(const YearFigures& f, int year, double k) {
  YearFigures g = f;
  g.year = year;
  const auto times = [k](std::optional<double>& v, double step) {
    if (v) v = std::round(*v * k / step) * step;
  };
  times(g.output, 0.01);
  times(g.tax, 0.01);
  times(g.value_added, 0.01);
  times(g.energy, 0.1);
  times(g.electricity, 1);
  times(g.emissions, 0.01);
  times(g.rnd, 0.01);
  if (g.employees) g.employees = std::max(0L, std::lround(static_cast<double>(*g.employees) * std::sqrt(k)));
  return g;
}

// Zero output and tax: production stopped; the lights and a caretaker remain.
YearFigures dormant_year(int year, Rng& rng) {
  YearFigures g;
  g.year = year;
  g.output = g.tax = g.value_added = g.rnd = 0.0;
  g.electricity = std::round(rng.uniform(0, 3000));
  g.energy = std::round(*g.electricity * 1.229e-4 * 10) / 10;
  g.employees = rng.range(0, 2);
  return g;
}

// A missing cell here and there, as in a real table (latest year only).
void blank_some(YearFigures& f, Rng& rng) {
  if (!rng.chance(0.02)) return;
  switch (rng.range(0, 4)) {
    case 0: f.value_added.reset(); break;
    case 1: f.energy.reset(); break;
    case 2: f.employees.reset(); break;
    case 3: f.rnd.reset(), f.energy.reset(); break;
    default: f.output.reset(), f.tax.reset(); break;
  }
}

}  // namespace

void assign_figures(Plan& plan, std::uint64_t seed, const Date& as_of) {
  Rng rng(seed, 9);
  const int last = as_of.year - 1, first = as_of.year - 3;
  auto& ents = plan.enterprises;

  // Land held, and whether it is producing.
  for (const ParcelPlan& p : plan.parcels) {
    if (p.enterprise == kNone) continue;
    EnterprisePlan& e = ents[p.enterprise];
    e.land_m2 += parcel_area(p);
    if (p.supply && (e.first_year == 0 || p.supply->year < e.first_year)) e.first_year = p.supply->year;
    if (is_started(p.situation)) {
      const bool stalled = is_stalled(p.situation);
      e.stalled_only = e.producing ? e.stalled_only && stalled : stalled;
      e.producing = true;
    }
  }
  // Land leased: the parcel's area in proportion of the floor leased (as the importer will attribute it).
  std::vector<double> parcel_floor(plan.parcels.size(), 0);
  for (const BuildingPlan& b : plan.buildings)
    if (b.parcel != kNone) parcel_floor[b.parcel] += b.floor_m2();
  std::vector<double> let_floor(plan.parks.size(), 0);
  for (const TenancyPlan& t : plan.tenancies) {
    if (t.enterprise == kNone || !t.leased_m2) continue;
    EnterprisePlan& e = ents[t.enterprise];
    const std::size_t p = t.building != kNone ? plan.buildings[t.building].parcel : t.parcel;
    if (p == kNone) continue;
    const double area = parcel_area(plan.parcels[p]);
    e.leased_land_m2 += t.building == kNone ? area : parcel_floor[p] > 0 ? area * *t.leased_m2 / parcel_floor[p] : 0;
    if (in_force(t, as_of)) {
      e.producing = true;
      if (t.building != kNone) let_floor[plan.zones[plan.parcels[p].zone].park] += *t.leased_m2;
    }
  }

  for (EnterprisePlan& e : ents) {
    const double rent_floor = e.role == Role::park_company ? let_floor[e.park] : 0;
    const YearFigures base = base_figures(e, rent_floor, rng);
    const double growth = rng.uniform(0.8, 1.05);  // the year before, relative to this one
    const int from = std::clamp(e.first_year == 0 ? first : e.first_year, first, last);
    const int to = e.last_year == 0 ? last : std::clamp(e.last_year, from, last);
    e.years.reserve(static_cast<std::size_t>(to - from + 1));
    for (int y = from; y <= to; ++y) {
      if (e.dormant && y == last) {
        e.years.push_back(dormant_year(y, rng));
        continue;
      }
      double k = std::pow(growth, last - y) * rng.uniform(0.93, 1.07);
      if (e.dormant && y == last - 1) k *= rng.uniform(0.3, 0.6);  // stopped during that year
      e.years.push_back(scaled(base, y, y == last ? 1.0 : k));
    }
    blank_some(e.years.back(), rng);
    e.scale = base.output && *base.output >= 2000 ? "规上" : "规下";
  }
}

}  // namespace parkgis::generator
