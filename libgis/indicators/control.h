#pragma once
// Parcel checks against the 2008 工业项目建设用地控制指标 (国土资发〔2008〕24号, domain brief §5.1) and the
// 低效用地 screening composite (a screening aid, not a formal 低效用地认定). Pure functions; the analysis
// feeds them one parcel at a time.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"

namespace parkgis::indicators {

// When a project is due complete: the parcel's agreed completion date (约定竣工日期), else
// years_after_start after the actual start, else years_after_supply after the supply date.
struct CompletionConfig {
  int years_after_start = 2;
  int years_after_supply = 3;
};

// 工业项目建设用地控制指标 (2008).
struct ControlConfig {
  double min_building_coefficient = 0.30;  // 建筑系数 ≥ 30 %
  double max_office_share = 0.07;          // 行政办公及生活服务设施 ≤ 7 % (by floor-area share)
  double max_green_ratio = 0.20;           // 绿地率 ≤ 20 %
  std::vector<std::string> office_uses;    // building uses counted as 行政办公及生活服务设施
  std::string code_edition = "2017";       // GB/T 4754 edition of the enterprises' industry_code
  std::map<std::string, double> min_plot_ratio_by_code;  // code prefix → min 容积率 (longest prefix wins)
  std::map<std::string, std::string> code_by_industry;   // industry name → code (fallback without a code)
  std::optional<double> default_min_plot_ratio;          // industries found nowhere (none: not checked)
  std::optional<int> city_grade;                         // 城市等别 1–15 (Ningde's is unconfirmed)
  // code prefix → 城市等别 → min 投资强度 (万元/公顷, land price included)
  std::map<std::string, std::map<int, double>> min_investment_by_code;
  std::string investment_basis = "invested";  // "invested" (已投资额) or "total" (总投资额), + 土地价款
  CompletionConfig completion;
  // Standard factories held by the park's operating company (GB/T 4754-2017 7221 园区管理服务) are not an
  // industrial project of their own: the 2008 table has no row for the holder's code. landlord_rule says how
  // their parcels are checked: "tenants" (the highest plot-ratio minimum among the industries of the firms
  // renting on the parcel: the building must suit every industry it houses) or "exempt" (not checked).
  std::vector<std::string> landlord_codes;  // holder code prefixes that mark a park operating company
  std::string landlord_rule = "tenants";
};

// 低效用地 screening (local 认定 rules differ; every criterion is configurable, off when empty).
struct LowEfficiencyConfig {
  bool enabled = true;
  std::optional<double> min_plot_ratio;    // physical: 容积率 below this (none: the industry's control minimum)
  std::optional<double> min_coverage = 0.30;  // physical: 建筑系数 below this
  std::optional<double> min_tax_per_mu;    // economic: 亩均税收 below this floor, 万元/亩
  int zero_tax_years = 2;                  // economic: tax 0 in each of the last N years of data (0: off)
  std::optional<double> max_factory_vacancy = 0.50;  // status: 厂房闲置率 above this
};

// Built-in plot-ratio minimums of the 2008 table for an edition ("2002" or "2017"); empty otherwise.
std::map<std::string, double> builtin_min_plot_ratio(const std::string& edition);

// The date a project is due complete; none without any of the dates.
std::optional<Date> completion_due(const std::optional<Date>& agreed_completion, const std::optional<Date>& actual_start,
                                   const std::optional<Date>& supply_date, const CompletionConfig& config);

// The industry's 2008 figures: looked up by GB/T 4754 code (section letter and blanks ignored, the
// longest matching prefix), else by the industry name's code in code_by_industry.
struct IndustryStandard {
  std::optional<double> min_plot_ratio;   // none: not checked
  std::optional<double> min_investment;   // 万元/公顷; none: not checked
  bool unknown = false;  // the code (or, without a code, the name) is not in the table: flag it
  std::string note;      // Chinese, why something is not checked or where the figure came from
};
IndustryStandard industry_standard(const ControlConfig& config, const std::string& industry_code,
                                   const std::string& industry_name);

// Whether an industry code (section letter and blanks ignored) starts with one of config.landlord_codes.
bool is_landlord_code(const ControlConfig& config, const std::string& industry_code);

// The standard of a parcel held by a park operating company, from its tenants' standards (those of the
// firms renting on it, as industry_standard() gives them) under config.landlord_rule: "tenants" → the
// highest known min_plot_ratio (none when no tenant's industry is known: not checked, not flagged);
// "exempt" → not checked. Never `unknown`: the holder's code is known to have no row. The note says
// which rule and figure applied.
IndustryStandard landlord_standard(const ControlConfig& config, const std::vector<IndustryStandard>& tenants);

// Whether a building use counts as 行政办公及生活服务设施 (config.office_uses, exact after trimming).
bool is_office_use(const ControlConfig& config, const std::string& use);

// One parcel's figures for the checks. Areas m², money 万元.
struct ControlInput {
  double area_m2 = 0;
  double footprint_m2 = 0, floor_m2 = 0, office_floor_m2 = 0;
  std::optional<double> green_m2;
  std::optional<double> investment_wan;  // fixed_investment_wan()
  IndustryStandard industry;
};

struct ControlResult {
  std::optional<double> investment_wan_per_ha;  // 投资强度 (万元/公顷), land price included
  std::optional<double> office_share;           // office floor / floor
  std::optional<double> green_ratio;            // green_m2 / area
  bool low_coverage = false, low_plot_ratio = false, low_investment = false, high_office = false, high_green = false;
  bool below() const { return low_coverage || low_plot_ratio || low_investment || high_office || high_green; }
};

// 项目固定资产总投资 of the 2008 rule: buildings, equipment and the land price. The parcel's invested
// (已投资额) or total (总投资额) figure by config.investment_basis, both of which exclude the land price
// (Order 53 Art. 30), plus land_price_wan; none when either figure is missing.
std::optional<double> fixed_investment_wan(const std::optional<double>& invested_wan,
                                           const std::optional<double>& total_investment_wan,
                                           const std::optional<double>& land_price_wan, const ControlConfig& config);

// The checks; a figure that cannot be computed is not checked.
ControlResult check_control(const ControlInput& in, const ControlConfig& config);

// Screening inputs beyond the parcel's figures.
struct LowEfficiencyInput {
  double plot_ratio = 0, coverage = 0;
  std::optional<double> control_min_plot_ratio;  // the industry's minimum
  std::optional<double> tax_per_mu;              // the parcel's 亩均税收
  int zero_tax_years = 0;                        // consecutive latest years with tax 0 of its enterprise
  std::optional<double> factory_vacancy;         // the parcel's 厂房闲置率
};

// Chinese reasons, empty when none applies (then not low-efficiency).
std::vector<std::string> low_efficiency_reasons(const LowEfficiencyInput& in, const LowEfficiencyConfig& config);

// Consecutive latest years with tax recorded as 0: years must follow each other (2023, 2024, 2025);
// a year without a figure or with tax > 0 ends the run. `tax_by_year` is sorted by year.
int zero_tax_run(const std::vector<std::pair<int, std::optional<double>>>& tax_by_year);

}  // namespace parkgis::indicators
