#include "libgis/indicators/idle_rules.h"

#include <algorithm>
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
// A ratio counts only when both numbers exist and the divisor is > 0 (the required area is never
// guessed from the parcel area). Compared by cross-multiplication, so exactly 1/3 and exactly 25 % are
// not "below".
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

// The start deadline in force on as_of: the agreed start, or an extension approved on or before as_of,
// at most max_extension_years beyond the later of the agreed start and the approval (Art. 12).
struct Deadline {
  std::optional<Date> date;
  std::string text;  // "动工期限 2021-06-30（已延期）"
  bool extended = false;
};

Deadline start_deadline(const IdleInput& in, const Date& as_of, const IdleRulesConfig& cfg) {
  std::string note;
  if (in.extension_date) {
    if (in.extension_approved && *in.extension_approved > as_of) {
      note = "（延期于 " + in.extension_approved->iso() + " 批准，晚于评价时点，不适用）";
    } else {
      Deadline d{*in.extension_date, "", true};
      std::optional<Date> base = in.agreed_start;
      if (in.extension_approved && (!base || *in.extension_approved > *base)) base = in.extension_approved;
      if (base && *d.date > base->plus_years(cfg.max_extension_years)) {
        const Date limit = base->plus_years(cfg.max_extension_years);
        d.text = "动工期限 " + limit.iso() + "（延期至 " + d.date->iso() + " 超过 " +
                 std::to_string(cfg.max_extension_years) + " 年上限，按上限计）";
        d.date = limit;
      } else {
        d.text = "动工期限 " + d.date->iso() + "（已延期）";
      }
      return d;
    }
  }
  if (!in.agreed_start) return {std::nullopt, note, false};
  return {*in.agreed_start, "动工期限 " + in.agreed_start->iso() + note, false};
}

// Not started: idle after the 1st anniversary of the deadline, reclaimable after the 2nd. After an
// extension without a new grace year, idle from the day after the extended deadline and reclaimable
// after its 1st anniversary.
IdleResult classify_not_started(const Deadline& d, const Date& as_of, const IdleRulesConfig& cfg) {
  IdleResult r;
  const bool grace = !d.extended || cfg.grace_year_after_extension;
  const Date idle_from = grace ? d.date->plus_years(1) : *d.date;
  const Date reclaim_from = grace ? d.date->plus_years(2) : d.date->plus_years(1);
  const std::string first = grace ? "满一年（" + idle_from.iso() + "）" : "延期届满";
  const std::string second = grace ? "满两年（" + reclaim_from.iso() + "）" : "延期届满一年（" + reclaim_from.iso() + "）";
  if (as_of > reclaim_from) {
    r.status = IdleStatus::reclaim_candidate;
    r.reason = d.text + "，" + second + "仍未动工：可依法无偿收回（闲置土地处置办法第十四条）";
  } else if (as_of > idle_from) {
    r.status = IdleStatus::idle_not_started;
    r.reason = d.text + "，" + first + "仍未动工：征缴土地闲置费（第十四条）";
  } else {
    r.reason = d.text + "，未动工，尚在" + (grace ? "一年期内" : "延期内");
    return r;
  }
  r.idle_days = days_between(*d.date, as_of);
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
  if (in.resume_date && *in.resume_date > stop && *in.resume_date <= as_of) {
    r.reason = stop.iso() + " 起停工，" + in.resume_date->iso() + " 已复工";
    return r;
  }
  const Date anniversary = stop.plus_years(1);
  if (as_of <= anniversary) {
    r.reason = stop.iso() + " 起停工，至 " + as_of.iso() + " 未满一年";
    return r;
  }
  const StallRatios ratios = stall_ratios(in);
  if (ratios.below) {
    r.status = IdleStatus::idle_stalled;
    r.idle_days = days_between(stop, as_of);
    r.reason = stop.iso() + " 起停工满一年，" + describe(ratios) + "：开发面积不足三分之一或投资不足 25%（第二条第二款）";
  } else if (!ratios.developed || !ratios.invested) {
    r.status = IdleStatus::unknown;
    r.reason = stop.iso() + " 起停工满一年，但" + describe(ratios) + "：比例未知，待核实";
  } else {
    r.reason = stop.iso() + " 起停工满一年，但" + describe(ratios) + "：未低于三分之一开发或 25% 投资";
  }
  return r;
}

// Art. 8: government action or force majeure. Still idle land; no fee and no free reclaim (Art. 14),
// disposal by negotiation (Art. 12).
void apply_gov_cause(IdleResult& r) {
  if (!is_idle(r.status)) return;
  r.status = IdleStatus::idle_gov_cause;
  std::string basis = r.reason.substr(0, r.reason.find("："));
  r.reason = basis + "：政府原因或不可抗力造成（第八条），不征闲置费、不无偿收回，协商处置（第十二条）";
}

bool done_by(const IdleInput& in, const Date& as_of) {
  return !in.disposal.empty() && in.disposal_date && *in.disposal_date <= as_of;
}

}  // namespace

const char* idle_status_name(IdleStatus s) {
  switch (s) {
    case IdleStatus::none: return "none";
    case IdleStatus::idle_not_started: return "idle_not_started";
    case IdleStatus::idle_stalled: return "idle_stalled";
    case IdleStatus::reclaim_candidate: return "reclaim_candidate";
    case IdleStatus::idle_gov_cause: return "idle_gov_cause";
    case IdleStatus::unknown: return "unknown";
  }
  return "none";
}

bool is_idle(IdleStatus s) { return s != IdleStatus::none && s != IdleStatus::unknown; }

bool disposal_returns_land(const std::string& d) { return d == "无偿收回" || d == "协议收回" || d == "置换"; }

bool is_known_disposal(const std::string& d) {
  static const char* const known[] = {"延期", "改变用途", "临时使用", "协议收回", "置换", "无偿收回", "征缴闲置费"};
  return std::find(std::begin(known), std::end(known), d) != std::end(known);
}

IdleResult classify_idle(const IdleInput& in, const Date& as_of, const IdleRulesConfig& cfg) {
  IdleResult r;
  if (!in.supply_date || *in.supply_date > as_of) {
    r.reason = "至 " + as_of.iso() + " 未供地";
    return r;
  }
  const bool disposed = done_by(in, as_of);
  if (disposed && disposal_returns_land(in.disposal)) {
    r.disposed = true;
    r.reason = in.disposal_date->iso() + " 已" + in.disposal + "（处置完成）";
    return r;
  }
  if (!in.actual_start || *in.actual_start > as_of) {
    const Deadline d = start_deadline(in, as_of, cfg);
    if (!d.date) {
      r.status = IdleStatus::unknown;
      r.reason = "已供地未动工，无约定动工日期" + d.text + "：待核实";
    } else {
      r = classify_not_started(d, as_of, cfg);
    }
  } else {
    r = classify_started(in, as_of);
  }
  if (in.gov_cause) apply_gov_cause(r);
  if (r.status == IdleStatus::idle_not_started && in.land_price_wan) r.idle_fee_wan = kIdleFeeShare * *in.land_price_wan;
  if (disposed) {
    r.disposed = true;
    r.reason += "；已处置：" + in.disposal + "（" + in.disposal_date->iso() + "）";
  } else if (!in.disposal.empty()) {
    r.reason += "；处置中：" + in.disposal;
  }
  return r;
}

}  // namespace parkgis::indicators
