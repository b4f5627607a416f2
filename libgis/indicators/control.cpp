#include "libgis/indicators/control.h"

#include <cctype>
#include <cstdio>
#include <iterator>

namespace parkgis::indicators {
namespace {

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// "C3841" → "3841", " 38 " → "38".
std::string digits_of(const std::string& code) {
  std::string c = trim(code);
  if (c.size() > 1 && std::isalpha(static_cast<unsigned char>(c[0]))) c.erase(0, 1);
  return c;
}

template <typename V>
const V* longest_prefix(const std::map<std::string, V>& table, const std::string& code) {
  const V* best = nullptr;
  std::size_t best_len = 0;
  for (const auto& [prefix, v] : table)
    if (!prefix.empty() && prefix.size() > best_len && code.rfind(prefix, 0) == 0) {
      best = &v;
      best_len = prefix.size();
    }
  return best;
}

std::string pct(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v * 100);
  return buf;
}

std::string dec(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::map<std::string, double> builtin_min_plot_ratio(const std::string& edition) {
  // 国土资发〔2008〕24号 表2, by GB/T 4754-2002 two-digit codes (domain brief §5.1).
  if (edition == "2002")
    return {{"13", 1.0}, {"14", 1.0}, {"15", 1.0}, {"16", 1.0}, {"17", 0.8}, {"18", 1.0}, {"19", 1.0},
            {"20", 0.8}, {"21", 0.8}, {"22", 0.8}, {"23", 0.8}, {"24", 1.0}, {"25", 0.5}, {"26", 0.6},
            {"27", 0.7}, {"28", 0.8}, {"29", 0.8}, {"30", 1.0}, {"31", 0.7}, {"32", 0.6}, {"33", 0.6},
            {"34", 0.7}, {"35", 0.7}, {"36", 0.7}, {"37", 0.7}, {"39", 0.7}, {"40", 1.0}, {"41", 1.0},
            {"42", 1.0}, {"43", 0.7}};
  // The same table carried to GB/T 4754-2017 codes (the 2017 division each 2002 division moved to):
  // 29 橡胶和塑料 splits into 291 橡胶 0.8 and 292 塑料 1.0 (29 alone: the lower); 30 非金属矿物 ← 31;
  // 31 黑色 ← 32; 32 有色 ← 33; 33 金属制品 ← 34; 34 通用 ← 35; 35 专用 ← 36; 36 汽车 and 37 铁路船舶航空 ←
  // 37; 38 电气机械 (384 电池) ← 39; 39 计算机通信电子 ← 40; 40 仪器仪表 ← 41; 41 其他制造 ← 42; 42 废弃资源
  // ← 43. 43 修理 has no 2002 counterpart and is left out (flagged).
  if (edition == "2017")
    return {{"13", 1.0}, {"14", 1.0}, {"15", 1.0}, {"16", 1.0}, {"17", 0.8}, {"18", 1.0}, {"19", 1.0},
            {"20", 0.8}, {"21", 0.8}, {"22", 0.8}, {"23", 0.8}, {"24", 1.0}, {"25", 0.5}, {"26", 0.6},
            {"27", 0.7}, {"28", 0.8}, {"29", 0.8}, {"291", 0.8}, {"292", 1.0}, {"30", 0.7}, {"31", 0.6},
            {"32", 0.6}, {"33", 0.7}, {"34", 0.7}, {"35", 0.7}, {"36", 0.7}, {"37", 0.7}, {"38", 0.7},
            {"39", 1.0}, {"40", 1.0}, {"41", 1.0}, {"42", 0.7}};
  return {};
}

std::optional<Date> completion_due(const std::optional<Date>& agreed_completion, const std::optional<Date>& actual_start,
                                   const std::optional<Date>& supply_date, const CompletionConfig& c) {
  if (agreed_completion) return agreed_completion;
  if (actual_start) return actual_start->plus_years(c.years_after_start);
  if (supply_date) return supply_date->plus_years(c.years_after_supply);
  return std::nullopt;
}

IndustryStandard industry_standard(const ControlConfig& c, const std::string& industry_code,
                                   const std::string& industry_name) {
  IndustryStandard s;
  std::string code = digits_of(industry_code);
  std::string via;  // how the code was found
  if (code.empty()) {
    const auto it = c.code_by_industry.find(trim(industry_name));
    if (it != c.code_by_industry.end()) {
      code = digits_of(it->second);
      via = "无行业代码，按行业名称“" + trim(industry_name) + "”取代码 " + code;
    }
  }
  const double* plot = code.empty() ? nullptr : longest_prefix(c.min_plot_ratio_by_code, code);
  if (plot) {
    s.min_plot_ratio = *plot;
  } else {
    s.unknown = true;
    s.min_plot_ratio = c.default_min_plot_ratio;
    if (!trim(industry_code).empty())
      s.note = "行业代码 " + trim(industry_code) + " 不在控制指标表中";
    else if (!trim(industry_name).empty() && via.empty())
      s.note = "无行业代码，行业“" + trim(industry_name) + "”不在控制指标表中";
    else if (!via.empty())
      s.note = via + "，该代码不在控制指标表中";
    else
      s.note = "无行业代码和行业名称";
    s.note += s.min_plot_ratio ? "，容积率按默认下限 " + dec(*s.min_plot_ratio) + " 核" : "，容积率未核";
    via.clear();
  }
  if (!code.empty() && c.city_grade) {
    if (const auto* by_grade = longest_prefix(c.min_investment_by_code, code)) {
      const auto g = by_grade->find(*c.city_grade);
      if (g != by_grade->end()) s.min_investment = g->second;
    }
  }
  if (!via.empty()) s.note = via;
  return s;
}

bool is_landlord_code(const ControlConfig& c, const std::string& industry_code) {
  const std::string code = digits_of(industry_code);
  if (code.empty()) return false;
  for (const std::string& prefix : c.landlord_codes) {
    const std::string p = digits_of(prefix);
    if (!p.empty() && code.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

IndustryStandard landlord_standard(const ControlConfig& c, const std::vector<IndustryStandard>& tenants) {
  IndustryStandard s;
  const std::string what = "标准厂房（园区运营主体持有）";
  if (c.landlord_rule == "exempt") {
    s.note = what + "，按配置不核容积率";
    return s;
  }
  std::size_t known = 0;
  for (const IndustryStandard& t : tenants) {
    if (t.unknown || !t.min_plot_ratio) continue;
    ++known;
    if (!s.min_plot_ratio || *t.min_plot_ratio > *s.min_plot_ratio) s.min_plot_ratio = t.min_plot_ratio;
  }
  if (!s.min_plot_ratio) {
    s.note = what + "，" + (tenants.empty() ? "无在租企业" : "在租企业的行业均不在控制指标表中") + "，容积率未核";
    return s;
  }
  s.note = what + "，按 " + std::to_string(known) + " 家在租企业行业中最高的容积率下限 " + dec(*s.min_plot_ratio) + " 核";
  if (known < tenants.size())
    s.note += "（另有 " + std::to_string(tenants.size() - known) + " 家行业不在表中）";
  return s;
}

bool is_office_use(const ControlConfig& c, const std::string& use) {
  const std::string u = trim(use);
  for (const std::string& o : c.office_uses)
    if (u == o) return true;
  return false;
}

std::optional<double> fixed_investment_wan(const std::optional<double>& invested_wan,
                                           const std::optional<double>& total_investment_wan,
                                           const std::optional<double>& land_price_wan, const ControlConfig& c) {
  const std::optional<double>& basis = c.investment_basis == "total" ? total_investment_wan : invested_wan;
  if (!basis || !land_price_wan) return std::nullopt;
  return *basis + *land_price_wan;
}

ControlResult check_control(const ControlInput& in, const ControlConfig& c) {
  ControlResult r;
  if (in.area_m2 <= 0) return r;
  if (in.investment_wan) r.investment_wan_per_ha = *in.investment_wan / (in.area_m2 / 10000.0);
  if (in.floor_m2 > 0) r.office_share = in.office_floor_m2 / in.floor_m2;
  if (in.green_m2) r.green_ratio = *in.green_m2 / in.area_m2;

  r.low_coverage = in.footprint_m2 / in.area_m2 < c.min_building_coefficient;
  if (in.industry.min_plot_ratio) r.low_plot_ratio = in.floor_m2 / in.area_m2 < *in.industry.min_plot_ratio;
  if (in.industry.min_investment && r.investment_wan_per_ha)
    r.low_investment = *r.investment_wan_per_ha < *in.industry.min_investment;
  if (r.office_share) r.high_office = *r.office_share > c.max_office_share;
  if (r.green_ratio) r.high_green = *r.green_ratio > c.max_green_ratio;
  return r;
}

std::vector<std::string> low_efficiency_reasons(const LowEfficiencyInput& in, const LowEfficiencyConfig& c) {
  std::vector<std::string> out;
  if (!c.enabled) return out;
  const std::optional<double> min_plot = c.min_plot_ratio ? c.min_plot_ratio : in.control_min_plot_ratio;
  if (min_plot && in.plot_ratio < *min_plot) out.push_back("容积率 " + dec(in.plot_ratio) + " 低于 " + dec(*min_plot));
  if (c.min_coverage && in.coverage < *c.min_coverage)
    out.push_back("建筑系数 " + pct(in.coverage) + " 低于 " + pct(*c.min_coverage));
  if (c.min_tax_per_mu && in.tax_per_mu && *in.tax_per_mu < *c.min_tax_per_mu)
    out.push_back("亩均税收 " + dec(*in.tax_per_mu) + " 万元/亩 低于 " + dec(*c.min_tax_per_mu));
  if (c.zero_tax_years > 0 && in.zero_tax_years >= c.zero_tax_years)
    out.push_back("连续 " + std::to_string(in.zero_tax_years) + " 年税收为 0");
  if (c.max_factory_vacancy && in.factory_vacancy && *in.factory_vacancy > *c.max_factory_vacancy)
    out.push_back("厂房闲置率 " + pct(*in.factory_vacancy) + " 超过 " + pct(*c.max_factory_vacancy));
  return out;
}

int zero_tax_run(const std::vector<std::pair<int, std::optional<double>>>& tax_by_year) {
  int run = 0;
  for (auto it = tax_by_year.rbegin(); it != tax_by_year.rend(); ++it) {
    if (!it->second || *it->second != 0) break;
    if (run > 0 && std::prev(it)->first != it->first + 1) break;  // a gap in the years
    ++run;
  }
  return run;
}

}  // namespace parkgis::indicators
