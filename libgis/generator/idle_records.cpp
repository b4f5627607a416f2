#include "libgis/generator/idle_records.h"

#include <map>
#include <string>
#include <utility>

#include "libgis/generator/names.h"

namespace parkgis::generator {

namespace {

using S = Situation;

long day(const Date& d) { return d.days_since_epoch(); }

// 认定书号 of the county's natural-resources bureau: "福安自然资闲认〔2025〕3号".
class DecisionNumbers {
 public:
  explicit DecisionNumbers(Rng& rng) : m_rng(rng) {}
  std::string next(const County& county, int year) {
    long& n = m_last[{county.short_name, year}];
    n += m_rng.range(1, 3);
    return std::string(county.short_name) + "自然资闲认〔" + std::to_string(year) + "〕" + std::to_string(n) + "号";
  }

 private:
  Rng& m_rng;
  std::map<std::pair<std::string, int>, long> m_last;
};

// The day the land was found idle: between `from` (an anniversary passed, plus a month) and as_of.
std::optional<Date> decided(DateDrawer& dd, long from) {
  if (from + 30 > dd.t() - 10) return std::nullopt;
  return dd.in(from + 30, dd.t() - 10);
}

void record(ParcelPlan& p, const County& county, DateDrawer& dd, Rng& rng, DecisionNumbers& numbers) {
  std::optional<Date> when;
  switch (p.situation) {
    case S::idle_not_started:
      if (!rng.chance(0.5) || !(when = decided(dd, day(p.agreed->plus_years(1))))) return;
      p.decision_no = numbers.next(county, when->year);
      if (rng.chance(0.7)) {
        p.disposal = "征缴闲置费";  // Art. 14: 20 % of the land price
        if (rng.chance(0.6) && day(*when) + 20 <= dd.t() - 5) p.disposal_date = dd.in(day(*when) + 20, dd.t() - 5);
      }
      return;
    case S::reclaim:
      if (!rng.chance(0.5) || !(when = decided(dd, day(p.agreed->plus_years(2))))) return;
      p.decision_no = numbers.next(county, when->year);
      p.disposal = "无偿收回";  // in progress: the land is still recorded with its holder
      return;
    case S::stalled_idle:
      if (!rng.chance(0.4) || !(when = decided(dd, day(p.stop->plus_years(1))))) return;
      p.decision_no = numbers.next(county, when->year);
      if (rng.chance(0.5)) p.disposal = "协议收回";
      return;
    case S::gov_cause: {
      if (!rng.chance(0.7) || !(when = decided(dd, day(p.agreed->plus_years(1))))) return;
      p.decision_no = numbers.next(county, when->year);
      static const char* const ways[] = {"置换", "改变用途", "临时使用", "协议收回"};
      p.disposal = ways[rng.range(0, 3)];
      if (p.disposal == "临时使用" && day(*when) + 30 <= dd.t() - 5) p.disposal_date = dd.in(day(*when) + 30, dd.t() - 5);
      return;
    }
    case S::extended:
    case S::extension_expired:
      p.disposal = "延期";
      p.disposal_date = p.extension_approved;
      if (p.situation == S::extension_expired || rng.chance(0.5))
        p.decision_no = numbers.next(county, p.extension_approved->year);
      return;
    default:
      return;
  }
}

}  // namespace

void add_idle_records(Plan& plan, DateDrawer& dd, Rng& rng) {
  DecisionNumbers numbers(rng);
  const auto& cs = counties();
  for (ParcelPlan& p : plan.parcels) {
    const ParkPlan& park = plan.parks[plan.zones[p.zone].park];
    record(p, cs[static_cast<std::size_t>(park.county_index)], dd, rng, numbers);
  }
}

void settle_approvals(Plan& plan, DateDrawer& dd, Rng& rng) {
  std::vector<long> earliest(plan.approvals.size(), dd.t() + 100'000);
  for (const ParcelPlan& p : plan.parcels)
    if (p.approval != kNone && p.supply) earliest[p.approval] = std::min(earliest[p.approval], day(*p.supply));
  std::map<int, long> last_number;  // year -> last number used
  for (std::size_t a = 0; a < plan.approvals.size(); ++a) {
    ApprovalPlan& ap = plan.approvals[a];
    if (earliest[a] - 30 < day(ap.approved)) ap.approved = dd.in(earliest[a] - 300, earliest[a] - 30);
    const int year = ap.approved.year;
    long& number = last_number[year];
    if (number == 0) number = rng.range(5, 40);
    number += rng.range(1, 6);
    ap.id = "闽政地〔" + std::to_string(year) + "〕" + std::to_string(number) + "号";
  }
}

}  // namespace parkgis::generator
