#include "libgis/indicators/idle_rules.h"

#include <cstdio>

namespace parkgis::indicators {
namespace {

// Order 53 Art. 14: the idle-land fee is 20 % of the land-transfer or allocation price.
constexpr double kIdleFeeShare = 0.20;

std::string percent(double ratio) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", ratio * 100.0);
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
  return "developed " + (r.developed ? percent(*r.developed) : std::string("unknown")) + ", invested " +
         (r.invested ? percent(*r.invested) : std::string("unknown"));
}

IdleResult classify_not_started(const Date& deadline, const std::string& deadline_text, const Date& as_of) {
  IdleResult r;
  const Date first = deadline.plus_years(1), second = deadline.plus_years(2);
  if (as_of > second) {
    r.status = IdleStatus::reclaim_candidate;
    r.reason = "not started more than 2 years after the " + deadline_text + " (2nd anniversary " +
               second.iso() + "): reclaim candidate (Order 53)";
  } else if (as_of > first) {
    r.status = IdleStatus::idle_not_started;
    r.reason = "not started more than 1 year after the " + deadline_text + " (anniversary " + first.iso() +
               ")";
  } else {
    r.reason = "not started, within the grace year, " + deadline_text;
    return r;
  }
  r.idle_days = days_between(deadline, as_of);
  return r;
}

IdleResult classify_started(const IdleInput& in, const Date& as_of) {
  IdleResult r;
  const Date started = *in.actual_start;
  if (!in.stop_date || *in.stop_date > as_of) {
    r.reason = "started " + started.iso() + ", not suspended by " + as_of.iso();
    return r;
  }
  const Date stop = *in.stop_date;
  const Date anniversary = stop.plus_years(1);
  if (as_of <= anniversary) {
    r.reason = "suspended since " + stop.iso() + ", not more than 1 year by " + as_of.iso();
    return r;
  }
  const StallRatios ratios = stall_ratios(in);
  if (ratios.below) {
    r.status = IdleStatus::idle_stalled;
    r.idle_days = days_between(stop, as_of);
    r.reason = "suspended since " + stop.iso() + " (over 1 year), " + describe(ratios) +
               ": below 1/3 developed or 25 % invested";
  } else if (!ratios.developed || !ratios.invested) {
    r.reason = "suspended since " + stop.iso() + " (over 1 year), but " + describe(ratios) +
               ": the ratios are unknown, cannot decide";
  } else {
    r.reason = "suspended since " + stop.iso() + " (over 1 year), but " + describe(ratios) +
               ": not below 1/3 developed or 25 % invested";
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
    r.reason = "not supplied by " + as_of.iso();
    return r;
  }
  if (in.gov_cause) {
    r.reason = "government-caused delay or force majeure: excluded from idle land (Order 53)";
    return r;
  }
  if (!in.actual_start || *in.actual_start > as_of) {
    if (!in.extension_date && !in.agreed_start) {
      r.reason = "no agreed start date";
      return r;
    }
    const Date deadline = in.extension_date ? *in.extension_date : *in.agreed_start;
    const std::string text = "deadline " + deadline.iso() + (in.extension_date ? " (extended)" : "");
    r = classify_not_started(deadline, text, as_of);
  } else {
    r = classify_started(in, as_of);
  }
  if (r.status != IdleStatus::none && in.land_price_wan) r.idle_fee_wan = kIdleFeeShare * *in.land_price_wan;
  return r;
}

}  // namespace parkgis::indicators
