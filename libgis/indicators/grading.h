#pragma once
// 亩均论英雄 per-mu scoring and A/B/C/D grading (domain brief §3).
// score = Σ_i min(x_i / benchmark_i, cap) × weight_i with the indicators of the enterprise's scheme
// (规上 / 规下, manufacturing / logistics); benchmarks default to the mean over the enterprises of the
// same year, ranking group (county, park or all) and scheme; grades by rank percentile (default A top
// 25 %, B to 70 %, C to 95 %, D rest), after the absolute rules (zero tax, stopped production,
// reclaim-candidate land → D; inside the contract construction period and not producing → 不定等级).

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parkgis::indicators {

// Indicator ids usable in a grading scheme (units in the names' docs):
//   tax_per_mu               万元/亩     tax_wan / land_mu                       亩均税收
//   output_per_mu            万元/亩     output_wan / land_mu                    亩均产值 (营业收入)
//   value_added_per_mu       万元/亩     value_added_wan / land_mu               亩均增加值
//   value_added_per_tce      万元/吨标煤 value_added_wan / energy_tce            单位能耗增加值
//   value_added_per_employee 万元/人     value_added_wan / employees             全员劳动生产率
//   rnd_share                ratio       rnd_wan / output_wan                    R&D 经费占比
//   tax_per_kwh              元/kWh      tax_wan × 10000 / electricity_kwh       单位电耗税收
//   value_added_per_emission 万元/吨     value_added_wan / emissions_t           单位排放增加值
// A zero divisor gives 0 (0/0 too); a negative divisor or a missing figure gives no value.

// What a graded enterprise without a figure for an indicator scores.
enum class MissingRule { zero, benchmark };

struct GradingIndicator {
  std::string id;
  double weight = 0;                // points
  std::optional<double> benchmark;  // fixed benchmark; none = the mean over the enterprise's population
  MissingRule missing = MissingRule::zero;
};

// One scheme: the indicators for one class of enterprise. An enterprise takes the first scheme whose
// industry_class and scale both match ("any" matches everything).
struct GradingScheme {
  std::string name;                       // shown in reports, e.g. "规上工业"
  std::string industry_class = "any";     // "manufacturing", "logistics" or "any"
  std::string scale = "any";              // "规上", "规下" or "any" (an enterprise without scale counts as 规上)
  std::string source;                     // where the weights come from (documentation)
  std::vector<GradingIndicator> indicators;
};

// Absolute rules, applied before the ranking (each can be switched off).
struct GradingRules {
  bool zero_tax_d = true;          // tax recorded as 0 → D
  bool stopped_d = true;           // output recorded as 0 (停产) → D
  bool reclaim_land_d = true;      // holds land that is a reclaim candidate (Order 53, 满两年未动工) → D
  bool construction_ungraded = true;  // all its land inside the contract construction period → 不定等级 ...
  // ... only when it has not started production (see started_production); true: also when it produces.
  bool construction_period_exempts_producing = false;
};

struct GradingConfig {
  std::vector<GradingScheme> schemes;
  double cap_ratio = 2.0;  // each x / benchmark is capped here (0 or less: no cap)
  double cut_a = 0.25, cut_b = 0.70, cut_c = 0.95;  // cumulative rank shares
  double min_land_mu = 0;  // enterprises with less land are ungraded
  std::string group_by = "county";  // ranking group: "county", "park" or "none"
  GradingRules rules;
  // GB/T 4754 code prefixes of logistics (section G 交通运输、仓储和邮政业, 2017 codes 53–60); the
  // section letter alone ("G") counts too. Every other enterprise is manufacturing.
  std::vector<std::string> logistics_codes;
};

struct EnterpriseInput {
  std::string enterprise_id;
  int year = 0;
  double land_mu = 0;  // 亩 of land held (0: none)
  std::optional<double> output_wan, tax_wan, value_added_wan, energy_tce, rnd_wan;
  std::optional<double> employees;
  std::optional<double> electricity_kwh, emissions_t;  // kWh, t
  std::string scale;          // 规上 / 规下 (empty: 规上)
  std::string industry_code;  // GB/T 4754
  std::string group;          // ranking group key (see grading_group)
  bool holds_reclaim_land = false;  // one of its parcels is a reclaim candidate
  bool in_construction = false;     // all its land is inside the contract construction period
  std::string construction_note;    // why, e.g. "约定竣工 2027-03-01"
};

struct EnterpriseScore {
  std::string enterprise_id;
  int year = 0;
  std::string scheme;  // name of the scheme used ("" when none applies)
  std::map<std::string, std::optional<double>> values;  // indicator id -> value (none: not computable)
  std::optional<double> score;                           // points; none when ungraded
  std::string grade;   // "A", "B", "C", "D" or "ungraded"
  // Place in its population by score, 1 = best (equal scores share the best place, "1224"); none for
  // enterprises not ranked (ungraded, or forced to D by a rule).
  std::optional<int> rank;
  std::string reason;  // why ungraded or forced to D, and notes (Chinese, shown in reports)
};

// Every indicator id above, in that order.
const std::vector<std::string>& indicator_ids();

// Value of one indicator for one enterprise (see above). Throws UsageError for an unknown id.
std::optional<double> indicator_value(const std::string& id, const EnterpriseInput& e);

// The ranking-group key of an enterprise for config.group_by: the county, the park id, or "" (none).
std::string grading_group(const GradingConfig& config, const std::string& county, const std::string& park_id);

// "logistics" when the code starts with one of config.logistics_codes (after an optional section
// letter, e.g. "G5920"), or is the letter G; else "manufacturing".
std::string industry_class(const GradingConfig& config, const std::string& industry_code);

// Started production in the evaluation year: output above 0, or no output figure and tax above 0. Output
// recorded as 0 with tax is not production (a firm still building pays the land-use tax).
bool started_production(const EnterpriseInput& e);

// Index of the scheme for an enterprise, none when no scheme matches.
std::optional<std::size_t> scheme_for(const GradingConfig& config, const EnterpriseInput& e);

// Grades every enterprise; each population (year × group × scheme) separately. Output order follows
// the input order.
// - Ungraded (no score): land_mu <= 0, land_mu < min_land_mu, no scheme, inside the construction
//   period and not started production (rule on; with construction_period_exempts_producing, whether or
//   not it produces), or no tax_wan. An enterprise holding reclaim-candidate land is D before that. A
//   producing enterprise inside the construction period is graded on its figures (noted).
// - Benchmark: the configured one, else the mean of the indicator over the population's scored
//   enterprises that have it. With a mean <= 0 the indicator scores 0 (noted in reason).
// - Ratio x / benchmark, capped at cap_ratio (if > 0), floored at 0. A missing figure scores 0, or 1
//   where the indicator's missing rule is "benchmark"; noted.
// - Forced D (rules): reclaim-candidate land, tax 0, output 0. They are scored and count in the
//   benchmarks, but are not ranked.
// - The others are ranked by score, descending; equal scores (within 1e-9 relative) share the best
//   rank ("1224"). share = rank / n of the ranked: A if share <= cut_a, B <= cut_b, C <= cut_c, else
//   D. A population with a single ranked enterprise gives it A.
std::vector<EnterpriseScore> grade_enterprises(const std::vector<EnterpriseInput>& inputs,
                                               const GradingConfig& config);

}  // namespace parkgis::indicators
