#pragma once
// 亩均论英雄 per-mu scoring and A/B/C/D grading (domain brief §3).
// score = Σ_i min(x_i / benchmark_i, cap) × weight_i ; benchmarks default to the mean over the graded
// enterprises of the year; grades by rank percentile (default A top 25 %, B to 70 %, C to 95 %, D rest).

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parkgis::indicators {

// Indicator ids usable in the grading config (units in the names' docs):
//   tax_per_mu            万元/亩   tax_wan / land_mu
//   output_per_mu         万元/亩   output_wan / land_mu
//   value_added_per_mu    万元/亩   value_added_wan / land_mu
//   value_added_per_tce   万元/吨标煤 value_added_wan / energy_tce
//   value_added_per_employee 万元/人 value_added_wan / employees
//   rnd_share             ratio     rnd_wan / output_wan
struct GradingIndicator {
  std::string id;
  double weight = 0;                // points
  std::optional<double> benchmark;  // fixed benchmark; none = the year's mean over graded enterprises
};

struct GradingConfig {
  std::vector<GradingIndicator> indicators;
  double cap_ratio = 2.0;  // each x / benchmark is capped here (0 or less: no cap)
  double cut_a = 0.25, cut_b = 0.70, cut_c = 0.95;  // cumulative rank shares
  double min_land_mu = 0;  // enterprises with less land are ungraded
};

struct EnterpriseInput {
  std::string enterprise_id;
  int year = 0;
  double land_mu = 0;  // 亩 of land held (0: none)
  std::optional<double> output_wan, tax_wan, value_added_wan, energy_tce, rnd_wan;
  std::optional<double> employees;
};

struct EnterpriseScore {
  std::string enterprise_id;
  int year = 0;
  std::map<std::string, std::optional<double>> values;  // indicator id -> value (none: not computable)
  std::optional<double> score;                           // points; none when ungraded
  std::string grade;   // "A", "B", "C", "D" or "ungraded"
  std::string reason;  // why ungraded, or notes (e.g. "no energy figure: scored at the benchmark")
};

// The indicator ids above, in that order.
const std::vector<std::string>& indicator_ids();

// Value of one indicator for one enterprise: none when an input is missing or the divisor
// (land_mu, energy_tce, employees, output_wan) is zero or negative. Throws UsageError for an unknown id.
std::optional<double> indicator_value(const std::string& id, const EnterpriseInput& e);

// Grades every enterprise, each year separately. Output order follows the input order.
// - Ungraded (grade "ungraded", no score): land_mu <= 0, land_mu < min_land_mu, or no tax_wan.
// - Benchmark: the configured one, else the mean of the indicator over the year's graded enterprises
//   that have it. With no figures or a mean <= 0 the indicator scores 0 for everyone (noted in reason).
// - Ratio x / benchmark, capped at cap_ratio (if > 0), floored at 0. A graded enterprise without a
//   figure for an indicator scores ratio 1 for it (黄岩 practice for missing emission data; noted).
// - Rank by score, descending; equal scores (within 1e-9 relative) share the best rank ("1224").
//   share = rank / n of the year's graded enterprises: A if share <= cut_a, B <= cut_b, C <= cut_c,
//   else D. A year with a single graded enterprise gives it A.
std::vector<EnterpriseScore> grade_enterprises(const std::vector<EnterpriseInput>& inputs,
                                               const GradingConfig& config);

}  // namespace parkgis::indicators
