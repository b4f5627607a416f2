#include "libgis/indicators/grading.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "libgis/core/errors.h"

namespace parkgis::indicators {
namespace {

enum class Field { land, output, tax, value_added, energy, employees, rnd };

struct Def {
  const char* id;
  Field num, den;
};

// Formulas as published by 黄岩区 (domain brief §3.2).
constexpr Def kDefs[] = {
    {"tax_per_mu", Field::tax, Field::land},
    {"output_per_mu", Field::output, Field::land},
    {"value_added_per_mu", Field::value_added, Field::land},
    {"value_added_per_tce", Field::value_added, Field::energy},
    {"value_added_per_employee", Field::value_added, Field::employees},
    {"rnd_share", Field::rnd, Field::output},
};

std::optional<double> get(Field f, const EnterpriseInput& e) {
  switch (f) {
    case Field::land: return e.land_mu;
    case Field::output: return e.output_wan;
    case Field::tax: return e.tax_wan;
    case Field::value_added: return e.value_added_wan;
    case Field::energy: return e.energy_tce;
    case Field::employees: return e.employees;
    case Field::rnd: return e.rnd_wan;
  }
  return std::nullopt;
}

const char* field_name(Field f) {
  switch (f) {
    case Field::land: return "用地";
    case Field::output: return "产值";
    case Field::tax: return "税收";
    case Field::value_added: return "增加值";
    case Field::energy: return "能耗";
    case Field::employees: return "职工人数";
    case Field::rnd: return "研发经费";
  }
  return "";
}

const Def& find_def(const std::string& id) {
  for (const Def& d : kDefs)
    if (id == d.id) return d;
  std::string valid;
  for (const Def& d : kDefs) valid += (valid.empty() ? "" : ", ") + std::string(d.id);
  throw UsageError("unknown indicator id \"" + id + "\"; valid ids: " + valid);
}

// Why a graded enterprise has no value for an indicator, e.g. "无能耗数据" (notes are shown to users in Chinese).
std::string missing_note(const Def& d, const EnterpriseInput& e) {
  if (!get(d.num, e)) return std::string("无") + field_name(d.num) + "数据";
  if (!get(d.den, e)) return std::string("无") + field_name(d.den) + "数据";
  return std::string(field_name(d.den)) + "数据不为正";
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void add_note(std::string& reason, const std::string& note) {
  reason += (reason.empty() ? "" : "；") + note;
}

std::string ungraded_reason(const EnterpriseInput& e, const GradingConfig& c) {
  if (e.land_mu <= 0) return "无用地";
  if (e.land_mu < c.min_land_mu)
    return "用地 " + num(e.land_mu) + " 亩，低于最低 " + num(c.min_land_mu) + " 亩";
  if (!e.tax_wan) return "无税收数据";
  return "";
}

bool same_score(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)); }

// Grades one year's graded enterprises (indices into out), scores already set.
void assign_grades(std::vector<size_t> idx, std::vector<EnterpriseScore>& out, const GradingConfig& c) {
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return *out[a].score > *out[b].score; });
  const double n = static_cast<double>(idx.size());
  size_t rank = 0;
  for (size_t pos = 0; pos < idx.size(); ++pos) {
    if (pos == 0 || !same_score(*out[idx[pos]].score, *out[idx[pos - 1]].score)) rank = pos + 1;
    const double r = static_cast<double>(rank);
    const auto within = [&](double cut) { return r <= cut * n + 1e-9; };  // share = rank / n <= cut
    std::string& g = out[idx[pos]].grade;
    if (idx.size() == 1 || within(c.cut_a)) g = "A";
    else if (within(c.cut_b)) g = "B";
    else if (within(c.cut_c)) g = "C";
    else g = "D";
  }
}

// The figures of one enterprise for the configured indicators, by the indicators' position.
struct Values {
  const std::vector<std::optional<double>>& all;
  std::size_t per_enterprise;
  const std::optional<double>& at(std::size_t enterprise, std::size_t indicator) const {
    return all[enterprise * per_enterprise + indicator];
  }
};

void grade_year(const std::vector<size_t>& members, const std::vector<EnterpriseInput>& in, const Values& values,
                const std::vector<const Def*>& defs, std::vector<EnterpriseScore>& out, const GradingConfig& c) {
  std::vector<size_t> graded;
  for (size_t i : members) {
    out[i].reason = ungraded_reason(in[i], c);
    if (out[i].reason.empty()) graded.push_back(i);
    else out[i].grade = "ungraded";
  }
  for (size_t i : graded) out[i].score = 0.0;

  for (std::size_t k = 0; k < c.indicators.size(); ++k) {
    const GradingIndicator& ind = c.indicators[k];
    const Def& def = *defs[k];
    std::optional<double> bench;
    if (ind.benchmark) {
      if (*ind.benchmark > 0) bench = ind.benchmark;
    } else {
      double sum = 0;
      int count = 0;
      for (size_t i : graded) {
        if (const auto& v = values.at(i, k)) {
          sum += *v;
          ++count;
        }
      }
      if (count > 0 && sum / count > 0) bench = sum / count;
    }
    for (size_t i : graded) {
      if (!bench) {
        add_note(out[i].reason, ind.id + "：本年无正基准值，计 0 分");
        continue;
      }
      double ratio = 1.0;
      if (const auto& v = values.at(i, k)) {
        ratio = *v / *bench;
        if (c.cap_ratio > 0) ratio = std::min(ratio, c.cap_ratio);
        ratio = std::max(ratio, 0.0);
      } else {
        add_note(out[i].reason, missing_note(def, in[i]) + "，按基准值计分");
      }
      *out[i].score += ratio * ind.weight;
    }
  }
  if (!graded.empty()) assign_grades(graded, out, c);
}

std::optional<double> value_of(const Def& d, const EnterpriseInput& e) {
  const std::optional<double> n = get(d.num, e), q = get(d.den, e);
  if (!n || !q || *q <= 0) return std::nullopt;
  return *n / *q;
}

}  // namespace

const std::vector<std::string>& indicator_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (const Def& d : kDefs) v.emplace_back(d.id);
    return v;
  }();
  return ids;
}

std::optional<double> indicator_value(const std::string& id, const EnterpriseInput& e) {
  return value_of(find_def(id), e);
}

std::vector<EnterpriseScore> grade_enterprises(const std::vector<EnterpriseInput>& inputs,
                                               const GradingConfig& config) {
  std::vector<EnterpriseScore> out(inputs.size());
  if (inputs.empty()) return out;
  const std::size_t m = config.indicators.size();
  std::vector<const Def*> defs(m);
  for (std::size_t k = 0; k < m; ++k) defs[k] = &find_def(config.indicators[k].id);
  std::vector<std::optional<double>> all(inputs.size() * m);
  std::map<int, std::vector<size_t>> by_year;
  for (size_t i = 0; i < inputs.size(); ++i) {
    out[i].enterprise_id = inputs[i].enterprise_id;
    out[i].year = inputs[i].year;
    for (std::size_t k = 0; k < m; ++k) {
      all[i * m + k] = value_of(*defs[k], inputs[i]);
      out[i].values.insert_or_assign(config.indicators[k].id, all[i * m + k]);
    }
    by_year[inputs[i].year].push_back(i);
  }
  const Values values{all, m};
  for (const auto& [year, members] : by_year) grade_year(members, inputs, values, defs, out, config);
  return out;
}

}  // namespace parkgis::indicators
