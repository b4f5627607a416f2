#pragma once
// Idle land under MLR Order No. 53 (闲置土地处置办法, 2012), Article 2 — pure date logic.
// See docs/indicators.md for the rules, day counts and sources.

#include <optional>
#include <string>

#include "libgis/core/dates.h"

namespace parkgis::indicators {

enum class IdleStatus {
  none,               // not idle (or not supplied, or excluded)
  idle_not_started,   // Art. 2 ①: not started and as_of later than the 1st anniversary of the agreed start
  idle_stalled,       // Art. 2 ②: started, below 1/3 developed or 25 % invested, suspended for over a year
  reclaim_candidate,  // not started and as_of later than the 2nd anniversary (无偿收回候选)
};

const char* idle_status_name(IdleStatus s);  // "none", "idle_not_started", ...

struct IdleInput {
  std::optional<Date> supply_date;     // 供地日期; none or later than as_of: not supplied, never idle
  std::optional<Date> agreed_start;    // 约定动工日期
  std::optional<Date> actual_start;    // 实际动工日期; none or later than as_of: not started
  std::optional<Date> extension_date;  // approved new start deadline (延期), replaces agreed_start
  std::optional<Date> stop_date;       // 停工日期 (for Art. 2 ②)
  std::optional<double> developed_m2;  // 已开发建设用地面积
  std::optional<double> required_m2;   // 应动工开发建设用地总面积 (caller passes parcel area when absent)
  std::optional<double> invested_wan;  // 已投资额, excluding land price (Art. 30)
  std::optional<double> total_investment_wan;  // 总投资额, excluding land price
  std::optional<double> land_price_wan;        // 出让/划拨价款, for the 20 % idle fee
  bool gov_cause = false;              // government-caused or force majeure: excluded from idle
};

struct IdleResult {
  IdleStatus status = IdleStatus::none;
  long idle_days = 0;                  // days since the start deadline (not started) or the stop (stalled)
  std::optional<double> idle_fee_wan;  // 20 % of land_price_wan when idle and the price is known
  std::string reason;                  // one line in Chinese, for reports: why this status
};

IdleResult classify_idle(const IdleInput& in, const Date& as_of);

}  // namespace parkgis::indicators
