#include "libgis/indicators/grading.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "libgis/core/errors.h"

namespace parkgis::indicators {
namespace {

enum class Field { land, output, tax, value_added, energy, employees, rnd, electricity, emissions };

struct Def {
  const char* id;
  Field num, den;
  double factor;  // unit conversion of num / den
};

// Formulas as published by 黄岩区 (domain brief §3.2).
constexpr Def kDefs[] = {
    {"tax_per_mu", Field::tax, Field::land, 1},
    {"output_per_mu", Field::output, Field::land, 1},
    {"value_added_per_mu", Field::value_added, Field::land, 1},
    {"value_added_per_tce", Field::value_added, Field::energy, 1},
    {"value_added_per_employee", Field::value_added, Field::employees, 1},
    {"rnd_share", Field::rnd, Field::output, 1},
    {"tax_per_kwh", Field::tax, Field::electricity, 10000},  // 万元 → 元
    {"value_added_per_emission", Field::value_added, Field::emissions, 1},
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
    case Field::electricity: return e.electricity_kwh;
    case Field::emissions: return e.emissions_t;
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
    case Field::electricity: return "用电量";
    case Field::emissions: return "排放量";
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

std::optional<double> value_of(const Def& d, const EnterpriseInput& e) {
  const std::optional<double> n = get(d.num, e), q = get(d.den, e);
  if (!n || !q || *q < 0) return std::nullopt;
  if (*q == 0) return 0.0;  // a zero divisor is a zero (no land, energy, staff or output: nothing earned per unit)
  return *n / *q * d.factor;
}

// Why a graded enterprise has no value for an indicator, e.g. "无能耗数据" (Chinese, shown to users).
std::string missing_note(const Def& d, const EnterpriseInput& e) {
  if (!get(d.num, e)) return std::string("无") + field_name(d.num) + "数据";
  if (!get(d.den, e)) return std::string("无") + field_name(d.den) + "数据";
  return std::string(field_name(d.den)) + "为负数";
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void add_note(std::string& reason, const std::string& note) {
  reason += (reason.empty() ? "" : "；") + note;
}

bool same_score(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)); }

// How an enterprise enters its population.
enum class Role { ungraded, forced_d, ranked };

// Decides the role from the land, the scheme and the absolute rules; sets grade and reason when the
// enterprise is not ranked.
Role role_of(const EnterpriseInput& e, bool has_scheme, const GradingConfig& c, EnterpriseScore& out) {
  const auto ungraded = [&](std::string why) {
    out.grade = "ungraded";
    out.reason = std::move(why);
    return Role::ungraded;
  };
  const auto forced = [&](std::string why) {
    out.grade = "D";
    out.reason = std::move(why);
    return Role::forced_d;
  };
  if (e.land_mu <= 0) return ungraded("无用地");
  if (e.land_mu < c.min_land_mu)
    return ungraded("用地 " + num(e.land_mu) + " 亩，低于最低 " + num(c.min_land_mu) + " 亩");
  if (!has_scheme) return ungraded("无适用的评价方案");
  if (c.rules.reclaim_land_d && e.holds_reclaim_land) return forced("持有满两年未动工土地（疑似可无偿收回），直接定为 D 类");
  std::string producing_note;  // a producing firm inside the construction period: graded, and said so
  if (c.rules.construction_ungraded && e.in_construction) {
    const std::string period = "在合同约定建设期内" + (e.construction_note.empty() ? "" : "（" + e.construction_note + "）");
    if (!started_production(e)) return ungraded(period + "，尚未投产，不定等级");
    if (c.rules.construction_period_exempts_producing) return ungraded(period + "，不定等级");
    producing_note = period + "，已投产，按当年数据评价";
  }
  const auto with_note = [&](Role role) {
    if (!producing_note.empty()) add_note(out.reason, producing_note);
    return role;
  };
  if (!e.tax_wan) return with_note(ungraded("无税收数据"));
  if (c.rules.zero_tax_d && *e.tax_wan == 0) return with_note(forced("税收为 0，直接定为 D 类"));
  if (c.rules.stopped_d && e.output_wan && *e.output_wan == 0) return with_note(forced("产值为 0（停产），直接定为 D 类"));
  return with_note(Role::ranked);
}

// Grades the ranked enterprises of one population (indices into out), scores already set.
void assign_grades(std::vector<size_t> idx, std::vector<EnterpriseScore>& out, const GradingConfig& c) {
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return *out[a].score > *out[b].score; });
  const double n = static_cast<double>(idx.size());
  size_t rank = 0;
  for (size_t pos = 0; pos < idx.size(); ++pos) {
    if (pos == 0 || !same_score(*out[idx[pos]].score, *out[idx[pos - 1]].score)) rank = pos + 1;
    const double r = static_cast<double>(rank);
    const auto within = [&](double cut) { return r <= cut * n + 1e-9; };  // share = rank / n <= cut
    out[idx[pos]].rank = static_cast<int>(rank);
    std::string& g = out[idx[pos]].grade;
    if (idx.size() == 1 || within(c.cut_a)) g = "A";
    else if (within(c.cut_b)) g = "B";
    else if (within(c.cut_c)) g = "C";
    else g = "D";
  }
}

// Scores one population (same year, group and scheme) and ranks the enterprises not forced to D.
void grade_population(const std::vector<size_t>& scored, const std::vector<size_t>& ranked,
                      const std::vector<EnterpriseInput>& in, const GradingScheme& scheme,
                      std::vector<EnterpriseScore>& out, const GradingConfig& c) {
  for (size_t i : scored) out[i].score = 0.0;
  for (const GradingIndicator& ind : scheme.indicators) {
    const Def& def = find_def(ind.id);
    std::optional<double> bench;
    if (ind.benchmark) {
      if (*ind.benchmark > 0) bench = ind.benchmark;
    } else {
      double sum = 0;
      int count = 0;
      for (size_t i : scored) {
        if (const auto& v = out[i].values.at(ind.id)) {
          sum += *v;
          ++count;
        }
      }
      if (count > 0 && sum / count > 0) bench = sum / count;
    }
    for (size_t i : scored) {
      double ratio = 0;
      if (const auto& v = out[i].values.at(ind.id); v && !bench) {
        add_note(out[i].reason, ind.id + "：本组无正基准值，计 0 分");
      } else if (v) {
        ratio = *v / *bench;
        if (c.cap_ratio > 0) ratio = std::min(ratio, c.cap_ratio);
        ratio = std::max(ratio, 0.0);
      } else if (ind.missing == MissingRule::benchmark) {  // the benchmark's score, whether or not others have one
        ratio = 1;
        add_note(out[i].reason, missing_note(def, in[i]) + "，按基准值计分");
      } else {
        add_note(out[i].reason, missing_note(def, in[i]) + "，该项计 0 分");
      }
      *out[i].score += ratio * ind.weight;
    }
  }
  if (!ranked.empty()) assign_grades(ranked, out, c);
}

std::string trimmed_upper(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string out = s.substr(b, e - b);
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return out;
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

std::string grading_group(const GradingConfig& c, const std::string& county, const std::string& park_id) {
  if (c.group_by == "county") return county;
  if (c.group_by == "park") return park_id;
  return "";
}

std::string industry_class(const GradingConfig& c, const std::string& industry_code) {
  std::string code = trimmed_upper(industry_code);
  if (code == "G") return "logistics";
  if (code.size() > 1 && code[0] >= 'A' && code[0] <= 'Z') code.erase(0, 1);  // section letter, e.g. G5920
  for (const std::string& p : c.logistics_codes)
    if (!p.empty() && code.rfind(p, 0) == 0) return "logistics";
  return "manufacturing";
}

bool started_production(const EnterpriseInput& e) {
  if (e.output_wan) return *e.output_wan > 0;
  return e.tax_wan && *e.tax_wan > 0;
}

std::optional<std::size_t> scheme_for(const GradingConfig& c, const EnterpriseInput& e) {
  const std::string cls = industry_class(c, e.industry_code);
  const std::string scale = trimmed_upper(e.scale) == "规下" ? "规下" : "规上";
  for (std::size_t k = 0; k < c.schemes.size(); ++k) {
    const GradingScheme& s = c.schemes[k];
    if ((s.industry_class == "any" || s.industry_class == cls) && (s.scale == "any" || s.scale == scale)) return k;
  }
  return std::nullopt;
}

std::vector<EnterpriseScore> grade_enterprises(const std::vector<EnterpriseInput>& inputs,
                                               const GradingConfig& config) {
  std::vector<EnterpriseScore> out(inputs.size());
  // Population key: year, group, scheme.
  struct Population {
    std::vector<size_t> scored, ranked;
  };
  std::map<std::tuple<int, std::string, std::size_t>, Population> populations;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const EnterpriseInput& e = inputs[i];
    EnterpriseScore& s = out[i];
    s.enterprise_id = e.enterprise_id;
    s.year = e.year;
    const std::optional<std::size_t> scheme = scheme_for(config, e);
    if (scheme) {
      s.scheme = config.schemes[*scheme].name;
      for (const GradingIndicator& ind : config.schemes[*scheme].indicators)
        s.values.insert_or_assign(ind.id, value_of(find_def(ind.id), e));
    }
    const Role role = role_of(e, scheme.has_value(), config, s);
    if (role == Role::ungraded) continue;
    Population& p = populations[{e.year, e.group, *scheme}];
    p.scored.push_back(i);
    if (role == Role::ranked) p.ranked.push_back(i);
  }
  for (const auto& [key, p] : populations)
    grade_population(p.scored, p.ranked, inputs, config.schemes[std::get<2>(key)], out, config);
  return out;
}

}  // namespace parkgis::indicators
