#include "libgis/generator/attributes.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "libgis/generator/layout.h"
#include "libgis/generator/random.h"

namespace parkgis::generator {

namespace {

using S = Situation;

double money(double v) { return std::round(v * 100) / 100; }

// Share of the parcels (other than the bow-ties) in each situation; `started` takes the rest.
struct Share {
  Situation s;
  double share;
};
constexpr Share kShares[] = {
    {S::idle_not_started, 0.045}, {S::reclaim, 0.025},     {S::grace, 0.05},
    {S::stalled_idle, 0.035},     {S::stalled_not_idle, 0.025}, {S::gov_cause, 0.015},
    {S::extended, 0.02},          {S::extension_expired, 0.005}, {S::supplied_later, 0.025},
    {S::not_supplied, 0.05},
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

const char* draw_land_use(Rng& rng) {
  static const std::vector<double> weights = {78, 8, 4, 5, 3, 2};
  static const char* const codes[] = {"0601", "0604", "0508", "1001", "0701", "0809"};
  return codes[rng.weighted(weights)];
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

class DateDrawer {
 public:
  DateDrawer(Rng& rng, const Date& as_of) : m_rng(rng), m_asof(as_of) {}
  long t() const { return m_asof.days_since_epoch(); }
  // as_of moved by whole calendar years (anniversary arithmetic), in days.
  long years(int n) const { return m_asof.plus_years(n).days_since_epoch(); }
  Date in(long lo, long hi) { return Date::from_days_since_epoch(m_rng.range(lo, std::max(lo, hi))); }
  Date plus(const Date& d, long lo, long hi) { return in(d.days_since_epoch() + lo, d.days_since_epoch() + hi); }

 private:
  Rng& m_rng;
  Date m_asof;
};

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
    case S::gov_cause:
      p.agreed = dd.in(dd.years(-4), dd.years(-1) - 15);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      p.gov_cause = true;
      break;
    case S::extended:
      p.agreed = dd.in(dd.years(-3), dd.years(-1) - 15);
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      p.extension = dd.in(std::max(day(*p.agreed) + 30, dd.years(-1) + 15), t + 300);
      break;
    case S::extension_expired:
      p.agreed = dd.in(dd.years(-5), dd.years(-3));
      p.supply = supply_before(dd, *p.agreed, approved, latest_supply);
      p.extension = dd.in(day(*p.agreed) + 180, dd.years(-1) - 15);
      break;
    case S::supplied_later:
      p.supply = dd.in(t + 10, t + 180);
      p.agreed = dd.plus(*p.supply, 180, 365);
      break;
    case S::not_supplied:
      break;
  }
}

// Investment and development: (e) stalled_idle is below 25 % invested or below 1/3 developed;
// stalled_not_idle is either above both thresholds or stopped less than a year ago.
void set_figures(ParcelPlan& p, const Date& as_of, Rng& rng) {
  const double area = parcel_area(p);
  const double mu = area * 15.0 / 10000.0;
  if (p.situation != S::not_supplied) {
    const double per_mu = std::string_view(p.land_use) == "0701" ? rng.uniform(80, 200) : rng.uniform(8, 30);
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
    default:
      break;
  }
  if (invest_ratio >= 0) {
    if (p.total_investment) p.invested = money(*p.total_investment * invest_ratio);
    const double required = money(area * rng.uniform(0.6, 0.9));
    p.required = required;
    p.developed = money(required * develop_ratio);
  }
  // Registered (legal) area: close to the surveyed one, never equal; a few parcels have none.
  if (p.situation == S::not_supplied) return;
  if (p.situation == S::started && rng.chance(0.02)) return;
  double reg = money(area * (1 + rng.uniform(-0.006, 0.006)));
  if (std::fabs(reg - area) < 0.05) reg = money(area + 0.37);
  p.registered_area = reg;
}

// Order 53 records on their own random stream (5), so that the dates and figures drawn above stay as
// they were: extension approvals within a year of the extended deadline (Art. 12); some stalled parcels
// resumed (复工); a few idle parcels without their agreed start and a few stalled ones without the
// required area (the tool must flag them 待核实); 认定书 and disposals (处置) for some idle parcels.
void assign_order53_records(Plan& plan, std::uint64_t seed, const Date& as_of) {
  Rng rng(seed, 5);
  DateDrawer dd(rng, as_of);
  const long t = dd.t();
  int decisions = 0;
  for (ParcelPlan& p : plan.parcels) {
    if (p.extension) {
      const long ext = day(*p.extension);
      p.extension_approved = dd.in(ext - 360, std::min(ext - 30, t - 10));
    }
    const bool stalled = p.situation == S::stalled_idle || p.situation == S::stalled_not_idle;
    if (p.situation == S::stalled_idle && rng.chance(0.15) && day(*p.stop) + 200 < t - 10)
      p.resume = dd.in(day(*p.stop) + 200, t - 10);
    if (stalled && p.required && rng.chance(0.1)) p.required.reset();
    if (p.situation == S::idle_not_started && rng.chance(0.06)) p.agreed.reset();

    // 认定书 and disposal for idle land (not for resumed or undated parcels).
    const bool idle_case = p.situation == S::idle_not_started || p.situation == S::reclaim ||
                           p.situation == S::gov_cause || (p.situation == S::stalled_idle && !p.resume);
    if (!idle_case || !rng.chance(0.4)) continue;
    const std::optional<Date> base = p.situation == S::stalled_idle ? p.stop : p.agreed;
    if (!base || day(base->plus_years(1)) + 30 > t - 40) continue;
    const Date decided = dd.in(day(base->plus_years(1)) + 30, t - 40);
    p.decision_no = "宁自然资闲认〔" + std::to_string(decided.year) + "〕" + std::to_string(++decisions) + "号";
    if (!rng.chance(0.6)) continue;
    static const char* const negotiated[] = {"延期", "改变用途", "临时使用", "协议收回", "置换"};
    switch (p.situation) {
      case S::idle_not_started: p.disposal = "征缴闲置费"; break;
      case S::reclaim: p.disposal = "无偿收回"; break;
      case S::gov_cause: p.disposal = negotiated[rng.range(0, 4)]; break;
      default: p.disposal = "协议收回"; break;
    }
    if (rng.chance(0.7)) p.disposal_date = dd.in(day(decided) + 30, t - 5);
  }
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
  }
}

void assign_completion_and_green(Plan& plan, std::uint64_t seed) {
  Rng rng(seed, 10);  // stream 5 is the Order 53 records', 6 the enterprise classes'
  for (ParcelPlan& p : plan.parcels) {
    const bool started = is_started(p.situation);
    const Date base = p.extension ? *p.extension : p.agreed.value_or(Date{});
    const double years = rng.uniform(0, 1);
    const double green = rng.uniform(0.03, 0.22);
    const bool has_green = rng.chance(0.85);
    if (p.agreed) p.agreed_completion = base.plus_years(years < 0.6 ? 2 : 3);
    if (started && has_green) p.green_m2 = money(parcel_area(p) * green);
  }
}

bool is_started(Situation s) { return s == S::started || s == S::stalled_idle || s == S::stalled_not_idle; }

void assign_parcel_attributes(Plan& plan, std::uint64_t seed, const Date& as_of) {
  Rng rng(seed, 2);
  DateDrawer dd(rng, as_of);
  std::size_t others = 0;
  for (const ParcelPlan& p : plan.parcels) others += p.shape == ParcelShape::bowtie ? 0 : 1;
  const std::vector<Situation> list = situation_list(others, rng);
  bool leap_done = false;
  for (std::size_t i = 0, k = 0; i < plan.parcels.size(); ++i) {
    ParcelPlan& p = plan.parcels[i];
    // The bow-tie parcels: supplied recently, not started, still within the grace year.
    p.situation = p.shape == ParcelShape::bowtie ? S::grace : list[k++];
    p.land_use = draw_land_use(rng);
    const Date approved = p.approval != kNone ? plan.approvals[p.approval].approved : Date{2015, 1, 1};
    const bool leap_day = p.situation == S::reclaim && !leap_done;
    set_dates(p, approved, dd, rng, leap_day);
    if (leap_day) leap_done = true;
    set_figures(p, as_of, rng);
  }
  assign_order53_records(plan, seed, as_of);
}

}  // namespace parkgis::generator
