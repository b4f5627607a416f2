#include "libgis/generator/attributes.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "libgis/generator/date_drawer.h"
#include "libgis/generator/idle_records.h"
#include "libgis/generator/layout.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

namespace {

using S = Situation;

double money(double v) { return std::round(v * 100) / 100; }

// Share of the parcels (other than the bow-ties and the utilities) in each situation; `started` takes
// the rest. A few of each, as in a park where most land is in use.
struct Share {
  Situation s;
  double share;
};
constexpr Share kShares[] = {
    {S::idle_not_started, 0.03},  {S::reclaim, 0.015},         {S::grace, 0.04},
    {S::stalled_idle, 0.02},      {S::stalled_not_idle, 0.015}, {S::resumed, 0.01},
    {S::gov_cause, 0.015},        {S::extended, 0.015},         {S::extension_expired, 0.005},
    {S::supplied_later, 0.02},    {S::not_supplied, 0.04},
};

std::vector<Situation> situation_list(std::size_t n, Rng& rng) {
  std::vector<Situation> list;
  for (const Share& sh : kShares) {
    const auto k = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(sh.share * static_cast<double>(n))));
    for (std::size_t i = 0; i < k && list.size() < n; ++i) list.push_back(sh.s);
  }
  while (list.size() < n) list.push_back(S::started);
  rng.shuffle(list);
  return list;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

long day(const Date& d) { return d.days_since_epoch(); }
int as_of_year(const DateDrawer& dd) { return Date::from_days_since_epoch(dd.t()).year; }

// Supply date 3..12 months before the agreed start, not before the approval (when that leaves room)
// and not after `latest`.
Date supply_before(DateDrawer& dd, const Date& agreed, const Date& approved, long latest) {
  Date s = dd.plus(agreed, -360, -90);
  if (day(approved) + 30 < day(agreed) - 30 && day(s) < day(approved) + 30)
    s = dd.in(day(approved) + 30, day(agreed) - 30);
  if (day(s) > latest) s = dd.in(latest - 60, latest);
  return s;
}

void set_dates(ParcelPlan& p, const Date& approved, DateDrawer& dd, Rng& rng, bool leap_day) {
  const long t = dd.t();
  const long latest_supply = t - 10;
  switch (p.situation) {
    case S::started: {
      const long lo = std::max(dd.years(-12), day(approved) + 150);
      p.agreed = dd.in(lo, t - 120);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      if (rng.chance(0.1)) p.actual = dd.plus(*p.agreed, 370, 700);  // started late, but started
      else p.actual = dd.plus(*p.agreed, -60, 240);
      if (day(*p.actual) > t - 30) p.actual = dd.in(std::max(day(*p.supply) + 10, t - 90), t - 30);
      break;
    }
    case S::idle_not_started:
      p.agreed = dd.in(dd.years(-2) + 15, dd.years(-1) - 15);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      break;
    case S::reclaim:
      if (leap_day) {
        for (int y = as_of_year(dd) - 2; y >= as_of_year(dd) - 6; --y) {
          const Date d{y, 2, 29};
          if (is_leap(y) && day(d) <= dd.years(-2) - 15 && day(d) >= dd.years(-6)) {
            p.agreed = d;
            break;
          }
        }
      }
      if (!p.agreed) p.agreed = dd.in(dd.years(-6), dd.years(-2) - 15);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      break;
    case S::grace:
      p.agreed = dd.in(dd.years(-1) + 15, t + 200);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      break;
    case S::stalled_idle:
    case S::stalled_not_idle: {
      p.actual = dd.in(dd.years(-8), p.situation == S::stalled_idle ? dd.years(-2) : t - 400);
      p.agreed = dd.plus(*p.actual, -200, 0);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      const bool recent_stop = p.situation == S::stalled_not_idle && rng.chance(0.6);
      if (recent_stop) p.stop = dd.in(std::max(dd.years(-1) + 15, day(*p.actual) + 60), t - 10);
      else p.stop = dd.in(day(*p.actual) + 120, dd.years(-1) - 15);
      break;
    }
    case S::resumed:
      // Stopped more than a year ago, building again since (复工): not idle at as_of.
      p.actual = dd.in(dd.years(-8), dd.years(-3));
      p.agreed = dd.plus(*p.actual, -200, 0);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      p.stop = dd.in(day(*p.actual) + 120, dd.years(-1) - 60);
      p.resume = dd.in(day(*p.stop) + 120, std::min(day(*p.stop) + 600, t - 30));
      break;
    case S::gov_cause:
      p.agreed = dd.in(dd.years(-4), dd.years(-1) - 15);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      p.gov_cause = true;
      break;
    case S::extended:
      // An extension of at most one year (Art. 12), approved around the original deadline, that moves
      // the deadline past as_of.
      p.agreed = dd.in(dd.years(-2) + 15, dd.years(-1) - 15);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      p.extension = dd.in(std::max(day(*p.agreed) + 60, dd.years(-1) + 15), day(p.agreed->plus_years(1)));
      p.extension_approved = dd.in(day(*p.agreed) - 90, std::min(day(*p.extension) - 30, t - 5));
      break;
    case S::extension_expired:
      p.agreed = dd.in(dd.years(-5), dd.years(-3));
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      p.extension = dd.in(day(*p.agreed) + 180, day(p.agreed->plus_years(1)));
      p.extension_approved = dd.in(day(*p.agreed) - 90, day(*p.agreed) + 60);
      break;
    case S::supplied_later:
      p.supply = dd.in(t + 10, t + 180);
      p.agreed = dd.plus(*p.supply, 180, 365);
      break;
    case S::not_supplied:
      break;
  }
  // Agreed completion (约定竣工): two to three years after the agreed start.
  if (p.agreed) p.completion = dd.plus(p.agreed->plus_years(2), 0, 365);
}

// Investment and development: (e) stalled_idle is below 25 % invested or below 1/3 developed;
// stalled_not_idle is either above both thresholds or stopped less than a year ago; resumed was below
// them when it stopped.
void set_figures(ParcelPlan& p, const Date& as_of, Rng& rng) {
  const double area = parcel_area(p);
  const double mu = area * 15.0 / 10000.0;
  if (p.situation != S::not_supplied) {
    const double per_mu = p.kind == ParcelKind::utility ? rng.uniform(3, 8) : rng.uniform(8, 30);
    p.land_price = money(mu * per_mu);
    p.total_investment = money(mu * rng.uniform(150, 600));
  }
  double invest_ratio = -1, develop_ratio = -1;
  switch (p.situation) {
    case S::started:
      invest_ratio = rng.uniform(0.45, 1.0);
      develop_ratio = rng.uniform(0.5, 1.0);
      if (rng.chance(0.03)) p.total_investment.reset();  // contract figure not recorded
      break;
    case S::stalled_idle:
      switch (rng.range(0, 2)) {
        case 0: invest_ratio = rng.uniform(0.05, 0.22), develop_ratio = rng.uniform(0.4, 0.9); break;
        case 1: invest_ratio = rng.uniform(0.3, 0.8), develop_ratio = rng.uniform(0.05, 0.3); break;
        default: invest_ratio = rng.uniform(0.05, 0.22), develop_ratio = rng.uniform(0.05, 0.3); break;
      }
      break;
    case S::stalled_not_idle: {
      const bool recent = p.stop && days_between(*p.stop, as_of) < 365;
      if (recent) invest_ratio = rng.uniform(0.05, 0.22), develop_ratio = rng.uniform(0.05, 0.3);
      else invest_ratio = rng.uniform(0.3, 0.7), develop_ratio = rng.uniform(0.4, 0.8);
      break;
    }
    case S::resumed:
      invest_ratio = rng.uniform(0.08, 0.22), develop_ratio = rng.uniform(0.1, 0.3);
      break;
    default:
      break;
  }
  if (invest_ratio >= 0) {
    if (p.total_investment) p.invested = money(*p.total_investment * invest_ratio);
    const double required = money(area * rng.uniform(0.6, 0.9));
    p.required = required;
    p.developed = money(required * develop_ratio);
    // Green space (绿地面积): mostly 8-18 % of the parcel, a few above the 20 % cap of the 2008 rules.
    if (p.kind != ParcelKind::utility)
      p.green = money(area * (rng.chance(0.08) ? rng.uniform(0.205, 0.26) : rng.uniform(0.08, 0.18)));
  }
  // Registered (legal) area: close to the surveyed one, never equal; a few parcels have none.
  if (p.situation == S::not_supplied) return;
  if (p.situation == S::started && rng.chance(0.02)) return;
  double reg = money(area * (1 + rng.uniform(-0.006, 0.006)));
  if (std::fabs(reg - area) < 0.05) reg = money(area + 0.37);
  p.registered_area = reg;
}

// Most standard-factory land of a park company is built (it is what the park is for): a standard-factory
// parcel drawn unbuilt swaps its situation, two times in three, with a built self-built parcel of the
// same park. The number of parcels in each situation stays the same.
void keep_standard_factories_built(Plan& plan, Rng& rng) {
  auto& ps = plan.parcels;
  const auto park = [&](std::size_t i) { return plan.zones[ps[i].zone].park; };
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (ps[i].kind != ParcelKind::standard_factory || is_started(ps[i].situation) || !rng.chance(0.67)) continue;
    for (std::size_t j = i + 1; j < ps.size() && park(j) == park(i); ++j) {
      if (ps[j].kind == ParcelKind::self_built && ps[j].situation == S::started && ps[j].shape != ParcelShape::bowtie) {
        std::swap(ps[i].situation, ps[j].situation);
        break;
      }
    }
  }
}

// Records an official cannot classify (待核实), one of each per 1,000 parcels (at least one), spread
// over the dataset: a not-started idle parcel whose agreed start (and so its agreed completion) is
// missing, and a parcel stopped more than a year ago, above 25 % invested, whose required area
// (应开发面积) is missing, so its development ratio is unknown. Parcels with a 认定书 are left alone.
// Draws no random numbers, so everything drawn before and after stays as it was.
void leave_records_to_verify(Plan& plan, const Date& as_of) {
  const std::size_t k = std::max<std::size_t>(1, plan.parcels.size() / 1000);
  const auto spread = [k](const std::vector<ParcelPlan*>& cands, const auto& clear) {
    if (cands.empty()) return;
    const std::size_t n = std::min(k, cands.size());
    for (std::size_t i = 0; i < n; ++i) clear(*cands[i * cands.size() / n]);
  };
  std::vector<ParcelPlan*> undated, unmeasured, unmeasured_idle;
  for (ParcelPlan& p : plan.parcels) {
    if (!p.decision_no.empty()) continue;
    if (p.situation == S::idle_not_started) undated.push_back(&p);
    const bool old_stop = p.stop && p.stop->plus_years(1) < as_of;
    const bool invested = p.invested && p.total_investment && *p.invested >= 0.25 * *p.total_investment;
    if (!is_stalled(p.situation) || !old_stop || !invested || !p.required) continue;
    (p.situation == S::stalled_not_idle ? unmeasured : unmeasured_idle).push_back(&p);
  }
  spread(undated, [](ParcelPlan& p) { p.agreed.reset(), p.completion.reset(); });
  // Preferably land above the thresholds, so that the stalled idle cases stay as many as drawn.
  spread(unmeasured.empty() ? unmeasured_idle : unmeasured, [](ParcelPlan& p) { p.required.reset(); });
}

}  // namespace

void match_developed_to_buildings(Plan& plan) {
  std::vector<double> footprint(plan.parcels.size(), 0.0);
  for (const BuildingPlan& b : plan.buildings)
    if (b.parcel != kNone) footprint[b.parcel] += b.rect.area();
  for (std::size_t i = 0; i < plan.parcels.size(); ++i) {
    ParcelPlan& p = plan.parcels[i];
    if (!p.developed || *p.developed >= footprint[i]) continue;
    p.developed = money(std::min(footprint[i] * 1.05, p.required.value_or(footprint[i] * 1.05)));
    const bool lifted = p.required && *p.developed * 3.0 >= *p.required;
    if (p.situation == S::stalled_idle && lifted && p.invested && p.total_investment &&
        *p.invested >= 0.25 * *p.total_investment)
      p.invested = money(*p.invested * 0.3);
  }
}

bool is_started(Situation s) {
  return s == S::started || s == S::stalled_idle || s == S::stalled_not_idle || s == S::resumed;
}

bool is_stalled(Situation s) { return s == S::stalled_idle || s == S::stalled_not_idle; }

void assign_parcel_attributes(Plan& plan, std::uint64_t seed, const Date& as_of) {
  Rng rng(seed, 2);
  DateDrawer dd(rng, as_of);
  const auto eligible = [](const ParcelPlan& p) {
    return p.shape != ParcelShape::bowtie && p.kind != ParcelKind::utility;
  };
  std::size_t others = 0;
  for (const ParcelPlan& p : plan.parcels) others += eligible(p) ? 1 : 0;
  const std::vector<Situation> list = situation_list(others, rng);
  for (std::size_t i = 0, k = 0; i < plan.parcels.size(); ++i) {
    ParcelPlan& p = plan.parcels[i];
    // The bow-tie parcels: supplied recently, not started, still within the grace year. Utilities
    // (allocated land) are built.
    p.situation = eligible(p) ? list[k++] : p.kind == ParcelKind::utility ? S::started : S::grace;
  }
  keep_standard_factories_built(plan, rng);
  bool leap_done = false;
  for (ParcelPlan& p : plan.parcels) {
    const Date approved = p.approval != kNone ? plan.approvals[p.approval].approved : Date{2012, 1, 1};
    const bool leap_day = p.situation == S::reclaim && !leap_done;
    set_dates(p, approved, dd, rng, leap_day);
    if (leap_day) leap_done = true;
    set_figures(p, as_of, rng);
  }
  add_idle_records(plan, dd, rng);
  settle_approvals(plan, dd, rng);
  leave_records_to_verify(plan, as_of);
}

}  // namespace parkgis::generator
