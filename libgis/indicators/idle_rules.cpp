#include "libgis/indicators/idle_rules.h"

#include <cstdio>

namespace parkgis::indicators {
namespace {

// Order 53 Art. 14: the idle-land fee is 20 % of the land-transfer or allocation price.
constexpr double kIdleFeeShare = 0.20;

std::string percent(double ratio) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", ratio * 100.0);
  return buf;
}

// Art. 2 ②: developed < 1/3 of the required area, or invested < 25 % of total investment.
// A ratio counts only when both numbers exist and the divisor is > 0. Compared by cross-multiplication,
// so exactly 1/3 and exactly 25 % are not "below".
struct StallRatios {
  std::optional<double> developed, invested;  // shares, for the reason text
  bool below = false;                         // either known ratio is below its threshold
};

StallRatios stall_ratios(const IdleInput& in) {
  StallRatios r;
  if (in.developed_m2 && in.required_m2 && *in.required_m2 > 0) {
    r.developed = *in.developed_m2 / *in.required_m2;
    if (*in.developed_m2 * 3.0 < *in.required_m2) r.below = true;
  }
  if (in.invested_wan && in.total_investment_wan && *in.total_investment_wan > 0) {
    r.invested = *in.invested_wan / *in.total_investment_wan;
    if (*in.invested_wan * 4.0 < *in.total_investment_wan) r.below = true;
  }
  return r;
}

std::string describe(const StallRatios& r) {
  return "已开发 " + (r.developed ? percent(*r.developed) : std::string("未知")) + "，已投资 " +
         (r.invested ? percent(*r.invested) : std::string("未知"));
}

IdleResult classify_not_started(const Date& deadline, const std::string& deadline_text, const Date& as_of) {
  IdleResult r;
  const Date first = deadline.plus_years(1), second = deadline.plus_years(2);
  if (as_of > second) {
    r.status = IdleStatus::reclaim_candidate;
    r.reason = deadline_text + "，满两年（" + second.iso() + "）仍未动工：拟无偿收回（闲置土地处置办法）";
  } else if (as_of > first) {
    r.status = IdleStatus::idle_not_started;
    r.reason = deadline_text + "，满一年（" + first.iso() + "）仍未动工";
  } else {
    r.reason = deadline_text + "，未动工，尚在一年期内";
    return r;
  }
  r.idle_days = days_between(deadline, as_of);
  return r;
}

IdleResult classify_started(const IdleInput& in, const Date& as_of) {
  IdleResult r;
  const Date started = *in.actual_start;
  if (!in.stop_date || *in.stop_date > as_of) {
    r.reason = started.iso() + " 已动工，至 " + as_of.iso() + " 未停工";
    return r;
  }
  const Date stop = *in.stop_date;
  const Date anniversary = stop.plus_years(1);
  if (as_of <= anniversary) {
    r.reason = stop.iso() + " 起停工，至 " + as_of.iso() + " 未满一年";
    return r;
  }
  const StallRatios ratios = stall_ratios(in);
  if (ratios.below) {
    r.status = IdleStatus::idle_stalled;
    r.idle_days = days_between(stop, as_of);
    r.reason = stop.iso() + " 起停工满一年，" + describe(ratios) + "：开发面积不足三分之一或投资不足 25%";
  } else if (!ratios.developed || !ratios.invested) {
    r.reason = stop.iso() + " 起停工满一年，但" + describe(ratios) + "：比例未知，无法认定";
  } else {
    r.reason = stop.iso() + " 起停工满一年，但" + describe(ratios) + "：未低于三分之一开发或 25% 投资";
  }
  return r;
}

}  // namespace

const char* idle_status_name(IdleStatus s) {
  switch (s) {
    case IdleStatus::none: return "none";
    case IdleStatus::idle_not_started: return "idle_not_started";
    case IdleStatus::idle_stalled: return "idle_stalled";
    case IdleStatus::reclaim_candidate: return "reclaim_candidate";
  }
  return "none";
}

IdleResult classify_idle(const IdleInput& in, const Date& as_of) {
  IdleResult r;
  if (!in.supply_date || *in.supply_date > as_of) {
    r.reason = "至 " + as_of.iso() + " 未供地";
    return r;
  }
  if (in.gov_cause) {
    r.reason = "政府原因或不可抗力造成动工延迟，不认定为闲置土地（闲置土地处置办法）";
    return r;
  }
  if (!in.actual_start || *in.actual_start > as_of) {
    if (!in.extension_date && !in.agreed_start) {
      r.reason = "无约定动工日期";
      return r;
    }
    const Date deadline = in.extension_date ? *in.extension_date : *in.agreed_start;
    const std::string text = "动工期限 " + deadline.iso() + (in.extension_date ? "（已延期）" : "");
    r = classify_not_started(deadline, text, as_of);
  } else {
    r = classify_started(in, as_of);
  }
  if (r.status != IdleStatus::none && in.land_price_wan) r.idle_fee_wan = kIdleFeeShare * *in.land_price_wan;
  return r;
}

}  // namespace parkgis::indicators
