#pragma once
// Idle land under MLR Order No. 53 (闲置土地处置办法, 2012) — pure date logic. What it finds is
// *suspected* idle land (疑似闲置): land is idle in law only after investigation and a 认定书
// (Art. 9–11). See docs/indicators.md for the rules, day counts, choices and sources.

#include <optional>
#include <string>

#include "libgis/core/dates.h"

namespace parkgis::indicators {

enum class IdleStatus {
  none,               // not idle (or not supplied, within the grace year, resumed, reclaimed)
  idle_not_started,   // Art. 2 ①: not started, as_of later than the 1st anniversary of the start deadline
  idle_stalled,       // Art. 2 ②: started, below 1/3 developed or 25 % invested, suspended for over a year
  reclaim_candidate,  // not started, as_of later than the 2nd anniversary, not government-caused (Art. 14)
  idle_gov_cause,     // idle by Art. 2 ① or ②, caused by government or force majeure (Art. 8): idle, no fee, no reclaim
  unknown,            // supplied, but the rules cannot be applied (no start deadline, stall ratios unknown): 待核实
};

const char* idle_status_name(IdleStatus s);  // "none", "idle_not_started", ...

// Counted in the idle area and the idle rate: the two Art. 2 statuses, reclaim candidates and
// government-caused idle land (not none, not unknown).
bool is_idle(IdleStatus s);

// Where Order 53 leaves room (docs/indicators.md, "Choices where the rules leave room").
struct IdleRulesConfig {
  int max_extension_years = 1;              // Art. 12: an extension of the start deadline is at most one year
  bool grace_year_after_extension = true;   // the extended deadline is a new 约定动工日期 with its own year
  // Data check, not a rule: a recorded developed area below this share of the buildings' footprint on
  // the parcel is reported as an analysis issue (the developed land holds at least the buildings).
  double min_developed_share_of_footprint = 0.5;
};

struct IdleInput {
  std::optional<Date> supply_date;         // 供地日期; none or later than as_of: not supplied, never idle
  std::optional<Date> agreed_start;        // 约定动工日期
  std::optional<Date> actual_start;        // 实际动工日期; none or later than as_of: not started
  std::optional<Date> extension_date;      // approved new start deadline (延期动工日期), replaces agreed_start
  std::optional<Date> extension_approved;  // 延期批准日期; later than as_of: the extension does not apply yet
  std::optional<Date> stop_date;           // 停工日期 (for Art. 2 ②)
  std::optional<Date> resume_date;         // 复工日期: a stop that ended on or before as_of is not idle
  std::optional<double> developed_m2;      // 已开发建设用地面积
  std::optional<double> required_m2;       // 应动工开发建设用地总面积; none: the development ratio is unknown
  std::optional<double> invested_wan;      // 已投资额, excluding land price (Art. 30)
  std::optional<double> total_investment_wan;  // 总投资额, excluding land price
  std::optional<double> land_price_wan;        // 出让/划拨价款, for the 20 % idle fee
  bool gov_cause = false;                  // government-caused or force majeure (Art. 8)
  std::string disposal;                    // 处置方式 (延期 / 改变用途 / 临时使用 / 协议收回 / 置换 / 无偿收回 / 征缴闲置费)
  std::optional<Date> disposal_date;       // 处置完成日期; the disposal is done when on or before as_of
};

struct IdleResult {
  IdleStatus status = IdleStatus::none;
  long idle_days = 0;                  // days since the start deadline (not started) or the stop (stalled)
  std::optional<double> idle_fee_wan;  // 20 % of land_price_wan: idle_not_started only (Art. 14)
  bool disposed = false;               // a disposal (处置) completed on or before as_of
  std::string reason;                  // one line in Chinese, for reports: why this status
};

IdleResult classify_idle(const IdleInput& in, const Date& as_of, const IdleRulesConfig& config = {});

// A completed disposal that hands the land back (无偿收回, 协议收回, 置换): the holder holds it no more.
bool disposal_returns_land(const std::string& disposal);

// The disposal methods of Art. 12 and Art. 14 as written in the field, for checking the data.
bool is_known_disposal(const std::string& disposal);

}  // namespace parkgis::indicators
