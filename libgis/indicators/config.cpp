#include "libgis/indicators/config.h"

#include <cpl_error.h>
#include <cpl_json.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "libgis/core/errors.h"
#include "libgis/core/json_text.h"

namespace parkgis::indicators {
namespace {

using JType = CPLJSONObject::Type;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string fmt(double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

// Reads one file; every error names the file and the dotted key path.
class Reader {
 public:
  explicit Reader(std::string file) : m_file(std::move(file)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw DataError(m_file + ": " + (key.empty() ? "" : key + ": ") + what);
  }

  void check_keys(const CPLJSONObject& obj, const std::string& key, const std::vector<std::string>& valid) const {
    if (obj.GetType() != JType::Object) fail(key, "must be an object");
    for (const CPLJSONObject& child : obj.GetChildren()) {
      const std::string name = child.GetName();
      if (std::find(valid.begin(), valid.end(), name) == valid.end())
        fail(key, "unknown key \"" + name + "\"; valid keys: " + join(valid));
    }
  }

  double number(const CPLJSONObject& v, const std::string& key) const {
    const JType t = v.GetType();
    if (t != JType::Integer && t != JType::Long && t != JType::Double) fail(key, "must be a number");
    const double d = v.ToDouble();
    if (!std::isfinite(d)) fail(key, "must be a finite number");
    return d;
  }

  void read_number(const CPLJSONObject& obj, const std::string& name, const std::string& path, double& out) const {
    const CPLJSONObject v = obj.GetObj(name);
    if (v.IsValid()) out = number(v, path + "." + name);
  }

  void read_optional(const CPLJSONObject& obj, const std::string& name, const std::string& path,
                     std::optional<double>& out) const {
    const CPLJSONObject v = obj.GetObj(name);
    if (!v.IsValid()) return;
    if (v.GetType() == JType::Null) out.reset();
    else out = number(v, path + "." + name);
  }

  int integer(const CPLJSONObject& v, const std::string& key) const {
    const double d = number(v, key);
    if (d != std::floor(d) || std::fabs(d) > 1e6) fail(key, "must be a whole number");
    return static_cast<int>(d);
  }

  void read_int(const CPLJSONObject& obj, const std::string& name, const std::string& path, int& out) const {
    const CPLJSONObject v = obj.GetObj(name);
    if (v.IsValid()) out = integer(v, path + "." + name);
  }

  void read_bool(const CPLJSONObject& obj, const std::string& name, const std::string& path, bool& out) const {
    const CPLJSONObject v = obj.GetObj(name);
    if (!v.IsValid()) return;
    if (v.GetType() != JType::Boolean) fail(path + "." + name, "must be true or false");
    out = v.ToBool();
  }

  void read_text(const CPLJSONObject& obj, const std::string& name, const std::string& path, std::string& out,
                 const std::vector<std::string>& allowed = {}) const {
    const CPLJSONObject v = obj.GetObj(name);
    if (!v.IsValid()) return;
    if (v.GetType() != JType::String) fail(path + "." + name, "must be a text");
    out = v.ToString();
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), out) == allowed.end())
      fail(path + "." + name, "\"" + out + "\" is not one of " + join(allowed));
  }

  void read_list(const CPLJSONObject& obj, const std::string& name, const std::string& key,
                 std::vector<std::string>& out) const {
    const CPLJSONObject v = obj.GetObj(name);
    if (!v.IsValid()) return;
    if (v.GetType() != JType::Array) fail(key, "must be a list of texts");
    const CPLJSONArray arr = v.ToArray();
    out.clear();
    for (int i = 0; i < arr.Size(); ++i) {
      const CPLJSONObject item = arr[i];
      if (item.GetType() != JType::String || item.ToString().empty())
        fail(key + "[" + std::to_string(i) + "]", "must be a non-empty text");
      out.push_back(item.ToString());
    }
  }

  void read_prefixes(const CPLJSONObject& obj, const std::string& name, std::vector<std::string>& out) const {
    read_list(obj, name, "land_use." + name, out);
  }

  void read_grading(const CPLJSONObject& g, GradingConfig& c) const {
    check_keys(g, "grading", {"schemes", "indicators", "cap_ratio", "cuts", "min_land_mu", "group_by", "rules",
                              "logistics_codes"});
    if (g.GetObj("schemes").IsValid() && g.GetObj("indicators").IsValid())
      fail("grading", "set either \"schemes\" or \"indicators\" (one scheme for all), not both");
    if (const CPLJSONObject v = g.GetObj("schemes"); v.IsValid()) read_schemes(v, c);
    if (const CPLJSONObject v = g.GetObj("indicators"); v.IsValid())
      c.schemes = {{"全部企业", "any", "any", m_file, read_indicators(v, "grading.indicators")}};
    read_number(g, "cap_ratio", "grading", c.cap_ratio);
    read_number(g, "min_land_mu", "grading", c.min_land_mu);
    if (c.min_land_mu < 0) fail("grading.min_land_mu", "must be 0 or more, not " + fmt(c.min_land_mu));
    if (const CPLJSONObject cuts = g.GetObj("cuts"); cuts.IsValid()) {
      check_keys(cuts, "grading.cuts", {"A", "B", "C"});
      read_number(cuts, "A", "grading.cuts", c.cut_a);
      read_number(cuts, "B", "grading.cuts", c.cut_b);
      read_number(cuts, "C", "grading.cuts", c.cut_c);
    }
    if (!(0 < c.cut_a && c.cut_a < c.cut_b && c.cut_b < c.cut_c && c.cut_c <= 1))
      fail("grading.cuts", "cut-offs must increase within (0, 1]: A " + fmt(c.cut_a) + ", B " + fmt(c.cut_b) +
                               ", C " + fmt(c.cut_c));
    read_text(g, "group_by", "grading", c.group_by, {"county", "park", "none"});
    if (const CPLJSONObject r = g.GetObj("rules"); r.IsValid()) {
      check_keys(r, "grading.rules", {"zero_tax_d", "stopped_d", "reclaim_land_d", "construction_ungraded",
                                      "construction_period_exempts_producing"});
      read_bool(r, "zero_tax_d", "grading.rules", c.rules.zero_tax_d);
      read_bool(r, "stopped_d", "grading.rules", c.rules.stopped_d);
      read_bool(r, "reclaim_land_d", "grading.rules", c.rules.reclaim_land_d);
      read_bool(r, "construction_ungraded", "grading.rules", c.rules.construction_ungraded);
      read_bool(r, "construction_period_exempts_producing", "grading.rules",
                c.rules.construction_period_exempts_producing);
    }
    read_list(g, "logistics_codes", "grading.logistics_codes", c.logistics_codes);
  }

  void read_schemes(const CPLJSONObject& v, GradingConfig& c) const {
    if (v.GetType() != JType::Array) fail("grading.schemes", "must be a list of schemes");
    const CPLJSONArray arr = v.ToArray();
    if (arr.Size() == 0) fail("grading.schemes", "the list is empty");
    std::vector<GradingScheme> list;
    for (int i = 0; i < arr.Size(); ++i) {
      const std::string key = "grading.schemes[" + std::to_string(i) + "]";
      const CPLJSONObject item = arr[i];
      check_keys(item, key, {"name", "industry_class", "scale", "source", "indicators"});
      GradingScheme s;
      read_text(item, "name", key, s.name);
      if (s.name.empty()) fail(key, "missing \"name\"");
      read_text(item, "industry_class", key, s.industry_class, {"manufacturing", "logistics", "any"});
      read_text(item, "scale", key, s.scale, {"规上", "规下", "any"});
      read_text(item, "source", key, s.source);
      const CPLJSONObject inds = item.GetObj("indicators");
      if (!inds.IsValid()) fail(key, "missing \"indicators\"");
      s.indicators = read_indicators(inds, key + ".indicators");
      list.push_back(std::move(s));
    }
    c.schemes = std::move(list);
  }

  std::vector<GradingIndicator> read_indicators(const CPLJSONObject& v, const std::string& path) const {
    if (v.GetType() != JType::Array) fail(path, "must be a list of {\"id\", \"weight\"}");
    const CPLJSONArray arr = v.ToArray();
    if (arr.Size() == 0) fail(path, "the list is empty");
    std::vector<GradingIndicator> list;
    std::set<std::string> seen;
    for (int i = 0; i < arr.Size(); ++i) {
      const std::string key = path + "[" + std::to_string(i) + "]";
      const CPLJSONObject item = arr[i];
      check_keys(item, key, {"id", "weight", "benchmark", "missing"});
      GradingIndicator ind;
      const CPLJSONObject id = item.GetObj("id");
      if (!id.IsValid()) fail(key, "missing \"id\"");
      if (id.GetType() != JType::String) fail(key + ".id", "must be a text");
      ind.id = id.ToString();
      const auto& ids = indicator_ids();
      if (std::find(ids.begin(), ids.end(), ind.id) == ids.end())
        fail(key + ".id", "unknown indicator \"" + ind.id + "\"; valid ids: " + join(ids));
      if (!seen.insert(ind.id).second) fail(key + ".id", "duplicate indicator \"" + ind.id + "\"");
      const CPLJSONObject w = item.GetObj("weight");
      if (!w.IsValid()) fail(key, "missing \"weight\"");
      ind.weight = number(w, key + ".weight");
      if (ind.weight < 0) fail(key + ".weight", "negative weight " + fmt(ind.weight));
      const CPLJSONObject b = item.GetObj("benchmark");
      if (b.IsValid() && b.GetType() != JType::Null) {
        ind.benchmark = number(b, key + ".benchmark");
        if (*ind.benchmark <= 0) fail(key + ".benchmark", "must be greater than 0 (or null for the group mean)");
      }
      std::string missing = "zero";
      read_text(item, "missing", key, missing, {"zero", "benchmark"});
      ind.missing = missing == "benchmark" ? MissingRule::benchmark : MissingRule::zero;
      list.push_back(ind);
    }
    return list;
  }

  void read_share(const CPLJSONObject& obj, const std::string& name, const std::string& path, double& out) const {
    read_number(obj, name, path, out);
    if (!(out > 0 && out <= 1)) fail(path + "." + name, "must be within (0, 1], not " + fmt(out));
  }

  void read_control(const CPLJSONObject& e, ControlConfig& c) const {
    const std::string P = "control";
    check_keys(e, P, {"min_building_coefficient", "max_office_share", "max_green_ratio", "office_uses", "code_edition",
                      "min_plot_ratio_by_code", "code_by_industry", "default_min_plot_ratio", "city_grade",
                      "min_investment_by_code", "investment_basis", "completion", "landlord_codes", "landlord_rule"});
    read_share(e, "min_building_coefficient", P, c.min_building_coefficient);
    read_share(e, "max_office_share", P, c.max_office_share);
    read_share(e, "max_green_ratio", P, c.max_green_ratio);
    read_list(e, "office_uses", P + ".office_uses", c.office_uses);
    const std::string edition = c.code_edition;
    read_text(e, "code_edition", P, c.code_edition, {"2002", "2017"});
    if (c.code_edition != edition) c.min_plot_ratio_by_code = builtin_min_plot_ratio(c.code_edition);
    if (const CPLJSONObject m = e.GetObj("min_plot_ratio_by_code"); m.IsValid()) {
      if (m.GetType() != JType::Object) fail(P + ".min_plot_ratio_by_code", "must map codes to numbers");
      for (const CPLJSONObject& child : m.GetChildren()) {
        const std::string key = P + ".min_plot_ratio_by_code." + child.GetName();
        if (child.GetType() == JType::Null) {
          c.min_plot_ratio_by_code.erase(child.GetName());
          continue;
        }
        const double v = number(child, key);
        if (v <= 0) fail(key, "must be greater than 0, not " + fmt(v));
        c.min_plot_ratio_by_code[child.GetName()] = v;
      }
    }
    if (const CPLJSONObject m = e.GetObj("code_by_industry"); m.IsValid()) {
      if (m.GetType() != JType::Object) fail(P + ".code_by_industry", "must map industry names to codes");
      for (const CPLJSONObject& child : m.GetChildren()) {
        if (child.GetType() != JType::String) fail(P + ".code_by_industry." + child.GetName(), "must be a code text");
        c.code_by_industry[child.GetName()] = child.ToString();
      }
    }
    read_list(e, "landlord_codes", P + ".landlord_codes", c.landlord_codes);
    read_text(e, "landlord_rule", P, c.landlord_rule, {"tenants", "exempt"});
    read_optional(e, "default_min_plot_ratio", P, c.default_min_plot_ratio);
    if (const CPLJSONObject g = e.GetObj("city_grade"); g.IsValid()) {
      if (g.GetType() == JType::Null) c.city_grade.reset();
      else c.city_grade = integer(g, P + ".city_grade");
      if (c.city_grade && (*c.city_grade < 1 || *c.city_grade > 15))
        fail(P + ".city_grade", "城市等别 must be 1 to 15, not " + std::to_string(*c.city_grade));
    }
    if (const CPLJSONObject m = e.GetObj("min_investment_by_code"); m.IsValid()) {
      if (m.GetType() != JType::Object) fail(P + ".min_investment_by_code", "must map codes to {\"等别\": 万元/公顷}");
      for (const CPLJSONObject& code : m.GetChildren()) {
        const std::string key = P + ".min_investment_by_code." + code.GetName();
        if (code.GetType() != JType::Object) fail(key, "must map 城市等别 (\"1\" to \"15\") to 万元/公顷");
        for (const CPLJSONObject& grade : code.GetChildren()) {
          int g = 0;
          const std::string gname = grade.GetName();
          const auto res = std::from_chars(gname.data(), gname.data() + gname.size(), g);
          if (res.ec != std::errc() || res.ptr != gname.data() + gname.size() || g < 1 || g > 15)
            fail(key + "." + gname, "城市等别 must be \"1\" to \"15\"");
          const double v = number(grade, key + "." + gname);
          if (v <= 0) fail(key + "." + gname, "must be greater than 0, not " + fmt(v));
          c.min_investment_by_code[code.GetName()][g] = v;
        }
      }
    }
    read_text(e, "investment_basis", P, c.investment_basis, {"invested", "total"});
    if (const CPLJSONObject m = e.GetObj("completion"); m.IsValid()) {
      check_keys(m, P + ".completion", {"years_after_start", "years_after_supply"});
      read_int(m, "years_after_start", P + ".completion", c.completion.years_after_start);
      read_int(m, "years_after_supply", P + ".completion", c.completion.years_after_supply);
      if (c.completion.years_after_start < 0 || c.completion.years_after_supply < 0)
        fail(P + ".completion", "years must be 0 or more");
    }
  }

  void read_low_efficiency(const CPLJSONObject& e, LowEfficiencyConfig& c) const {
    const std::string P = "low_efficiency";
    check_keys(e, P, {"enabled", "min_plot_ratio", "min_coverage", "min_tax_per_mu", "zero_tax_years",
                      "max_factory_vacancy"});
    read_bool(e, "enabled", P, c.enabled);
    read_optional(e, "min_plot_ratio", P, c.min_plot_ratio);
    read_optional(e, "min_coverage", P, c.min_coverage);
    read_optional(e, "min_tax_per_mu", P, c.min_tax_per_mu);
    read_int(e, "zero_tax_years", P, c.zero_tax_years);
    if (c.zero_tax_years < 0) fail(P + ".zero_tax_years", "must be 0 (off) or more");
    read_optional(e, "max_factory_vacancy", P, c.max_factory_vacancy);
  }

  void read_intensity(const CPLJSONObject& e, IntensityConfig& c) const {
    check_keys(e, "intensity", {"supply_years"});
    read_int(e, "supply_years", "intensity", c.supply_years);
    if (c.supply_years < 1) fail("intensity.supply_years", "must be 1 or more");
  }

  void read_idle(const CPLJSONObject& o, IdleRulesConfig& c) const {
    check_keys(o, "idle", {"max_extension_years", "grace_year_after_extension", "min_developed_share_of_footprint"});
    if (const CPLJSONObject v = o.GetObj("max_extension_years"); v.IsValid()) {
      const double years = number(v, "idle.max_extension_years");
      if (years < 0 || years > 100 || years != std::floor(years))
        fail("idle.max_extension_years", "must be a whole number of years (0 to 100), not " + fmt(years));
      c.max_extension_years = static_cast<int>(years);
    }
    if (const CPLJSONObject v = o.GetObj("grace_year_after_extension"); v.IsValid()) {
      if (v.GetType() != JType::Boolean) fail("idle.grace_year_after_extension", "must be true or false");
      c.grace_year_after_extension = v.ToBool();
    }
    read_number(o, "min_developed_share_of_footprint", "idle", c.min_developed_share_of_footprint);
    if (c.min_developed_share_of_footprint < 0 || c.min_developed_share_of_footprint > 1)
      fail("idle.min_developed_share_of_footprint", "must be within [0, 1], not " + fmt(c.min_developed_share_of_footprint));
  }

  void read_land_use(const CPLJSONObject& l, LandUseConfig& c) const {
    check_keys(l, "land_use", {"industrial_prefixes", "industrial_storage_prefixes"});
    read_prefixes(l, "industrial_prefixes", c.industrial_prefixes);
    read_prefixes(l, "industrial_storage_prefixes", c.industrial_storage_prefixes);
  }

  void read_reserve(const CPLJSONObject& o, ReserveConfig& c) const {
    const std::string P = "reserve";
    check_keys(o, P, {"full_area_mu", "full_width_m", "full_idle_years", "inscribed_tolerance_m", "weights", "readiness"});
    const auto positive = [&](const std::string& name, double& out) {
      read_number(o, name, P, out);
      if (!(out > 0)) fail(P + "." + name, "must be greater than 0, not " + fmt(out));
    };
    positive("full_area_mu", c.full_area_mu);
    positive("full_width_m", c.full_width_m);
    positive("full_idle_years", c.full_idle_years);
    positive("inscribed_tolerance_m", c.inscribed_tolerance_m);
    if (const CPLJSONObject w = o.GetObj("weights"); w.IsValid()) {
      check_keys(w, P + ".weights", {"area", "width", "compactness", "readiness", "idle"});
      ReserveScoreWeights& x = c.weights;
      for (auto [name, out] : {std::pair<const char*, double*>{"area", &x.area}, {"width", &x.width},
                               {"compactness", &x.compactness}, {"readiness", &x.readiness}, {"idle", &x.idle}}) {
        read_number(w, name, P + ".weights", *out);
        if (*out < 0) fail(P + ".weights." + name, "must be 0 or more, not " + fmt(*out));
      }
      if (!(x.area + x.width + x.compactness + x.readiness + x.idle > 0))
        fail(P + ".weights", "at least one weight must be greater than 0");
    }
    if (const CPLJSONObject r = o.GetObj("readiness"); r.IsValid()) {
      std::vector<std::string> steps;
      for (const auto& [name, v] : c.readiness) steps.push_back(name);
      check_keys(r, P + ".readiness", steps);
      for (const std::string& name : steps) {
        read_number(r, name, P + ".readiness", c.readiness[name]);
        if (c.readiness[name] < 0 || c.readiness[name] > 1)
          fail(P + ".readiness." + name, "must be within [0, 1], not " + fmt(c.readiness[name]));
      }
    }
  }

  void read_vacancy(const CPLJSONObject& v, VacancyConfig& c) const {
    check_keys(v, "vacancy", {"min_months"});
    double months = c.min_months;
    read_number(v, "min_months", "vacancy", months);
    if (!(months >= 0 && months <= 120 && months == std::floor(months)))
      fail("vacancy.min_months", "must be a whole number of months from 0 to 120, not " + fmt(months));
    c.min_months = static_cast<int>(months);
  }

 private:
  std::string m_file;
};

// JSON text output (hand-written for a stable, readable layout).
std::string quote(const std::string& s) { return json_quote(s); }

std::string string_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + quote(items[i]);
  return out + "]";
}

bool starts_with_code(const std::string& land_use, const std::vector<std::string>& prefixes) {
  size_t b = 0, e = land_use.size();
  while (b < e && (land_use[b] == ' ' || land_use[b] == '\t')) ++b;
  while (e > b && (land_use[e - 1] == ' ' || land_use[e - 1] == '\t' || land_use[e - 1] == '\r')) --e;
  const auto up = [](char ch) { return (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch; };
  for (const std::string& p : prefixes) {
    if (p.empty() || p.size() > e - b) continue;
    bool match = true;
    for (size_t i = 0; i < p.size() && match; ++i) match = up(land_use[b + i]) == up(p[i]);
    if (match) return true;
  }
  return false;
}

}  // namespace

AnalysisConfig load_config(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw DataError(path + ": cannot read the configuration file");
  std::ostringstream ss;
  ss << f.rdbuf();
  return load_config_text(ss.str(), path);
}

AnalysisConfig load_config_text(std::string text, const std::string& path) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // UTF-8 BOM (Windows editors)

  CPLJSONDocument doc;
  bool ok = false;
  std::string why;
  {
    CPLErrorStateBackuper keep;
    CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    CPLErrorReset();
    ok = doc.LoadMemory(text);
    why = CPLGetLastErrorMsg();
  }
  if (!ok) {
    if (why.empty()) why = "no JSON text";
    if (why.find("error: continue") != std::string::npos) why += "; the text ends early (a missing } or ]?)";
    throw DataError(path + ": malformed JSON: " + why);
  }
  const CPLJSONObject root = doc.GetRoot();
  if (root.GetType() != JType::Object) throw DataError(path + ": the top level must be a JSON object");

  const Reader r(path);
  const std::vector<std::string> top = {"grading", "control", "low_efficiency", "intensity", "land_use", "idle",
                                        "vacancy", "reserve"};
  for (const CPLJSONObject& child : root.GetChildren()) {
    if (child.GetName() == "efficiency")
      r.fail("", "the key \"efficiency\" is now \"control\" (工业项目建设用地控制指标); see parkgis analyze --print-config");
    if (std::find(top.begin(), top.end(), child.GetName()) == top.end())
      r.fail("", "unknown top-level key \"" + child.GetName() + "\"; valid keys: " + join(top));
  }

  AnalysisConfig c = default_config();
  c.source = path;
  if (const CPLJSONObject g = root.GetObj("grading"); g.IsValid()) r.read_grading(g, c.grading);
  if (const CPLJSONObject e = root.GetObj("control"); e.IsValid()) r.read_control(e, c.control);
  if (const CPLJSONObject e = root.GetObj("low_efficiency"); e.IsValid()) r.read_low_efficiency(e, c.low_efficiency);
  if (const CPLJSONObject e = root.GetObj("intensity"); e.IsValid()) r.read_intensity(e, c.intensity);
  if (const CPLJSONObject l = root.GetObj("land_use"); l.IsValid()) r.read_land_use(l, c.land_use);
  if (const CPLJSONObject i = root.GetObj("idle"); i.IsValid()) r.read_idle(i, c.idle);
  if (const CPLJSONObject v = root.GetObj("vacancy"); v.IsValid()) r.read_vacancy(v, c.vacancy);
  if (const CPLJSONObject v = root.GetObj("reserve"); v.IsValid()) r.read_reserve(v, c.reserve);
  return c;
}

namespace {

std::string opt_num(const std::optional<double>& v) { return v ? fmt(*v) : "null"; }
std::string flag(bool b) { return b ? "true" : "false"; }

std::string indicators_json(const std::vector<GradingIndicator>& list, const std::string& indent) {
  std::string o = "[\n";
  for (size_t i = 0; i < list.size(); ++i) {
    const GradingIndicator& ind = list[i];
    o += indent + "  {\"id\": " + quote(ind.id) + ", \"weight\": " + fmt(ind.weight);
    if (ind.benchmark) o += ", \"benchmark\": " + fmt(*ind.benchmark);
    o += std::string(", \"missing\": ") + (ind.missing == MissingRule::benchmark ? "\"benchmark\"" : "\"zero\"");
    o += i + 1 < list.size() ? "},\n" : "}\n";
  }
  return o + indent + "]";
}

template <typename Map, typename Fn>
std::string map_json(const Map& m, const std::string& indent, Fn value) {
  std::string o = "{";
  size_t n = 0;
  for (const auto& [k, v] : m) o += (n++ ? ",\n" : "\n") + indent + "  " + quote(k) + ": " + value(v);
  return o + (n ? "\n" + indent + "}" : "}");
}

std::string grading_json(const GradingConfig& g) {
  std::string o = "  \"grading\": {\n    \"schemes\": [\n";
  for (size_t i = 0; i < g.schemes.size(); ++i) {
    const GradingScheme& s = g.schemes[i];
    o += "      {\n        \"name\": " + quote(s.name) + ", \"industry_class\": " + quote(s.industry_class) +
         ", \"scale\": " + quote(s.scale) + ",\n        \"source\": " + quote(s.source) + ",\n";
    o += "        \"indicators\": " + indicators_json(s.indicators, "        ") + "\n";
    o += i + 1 < g.schemes.size() ? "      },\n" : "      }\n";
  }
  o += "    ],\n    \"cap_ratio\": " + fmt(g.cap_ratio) + ",\n";
  o += "    \"cuts\": {\"A\": " + fmt(g.cut_a) + ", \"B\": " + fmt(g.cut_b) + ", \"C\": " + fmt(g.cut_c) + "},\n";
  o += "    \"min_land_mu\": " + fmt(g.min_land_mu) + ",\n";
  o += "    \"group_by\": " + quote(g.group_by) + ",\n";
  o += "    \"rules\": {\"zero_tax_d\": " + flag(g.rules.zero_tax_d) + ", \"stopped_d\": " + flag(g.rules.stopped_d) +
       ", \"reclaim_land_d\": " + flag(g.rules.reclaim_land_d) +
       ",\n              \"construction_ungraded\": " + flag(g.rules.construction_ungraded) +
       ", \"construction_period_exempts_producing\": " + flag(g.rules.construction_period_exempts_producing) + "},\n";
  o += "    \"logistics_codes\": " + string_list(g.logistics_codes) + "\n  },\n";
  return o;
}

std::string control_json(const ControlConfig& c) {
  std::string o = "  \"control\": {\n";
  o += "    \"min_building_coefficient\": " + fmt(c.min_building_coefficient) + ",\n";
  o += "    \"max_office_share\": " + fmt(c.max_office_share) + ",\n";
  o += "    \"max_green_ratio\": " + fmt(c.max_green_ratio) + ",\n";
  o += "    \"office_uses\": " + string_list(c.office_uses) + ",\n";
  o += "    \"code_edition\": " + quote(c.code_edition) + ",\n";
  o += "    \"min_plot_ratio_by_code\": " + map_json(c.min_plot_ratio_by_code, "    ", [](double v) { return fmt(v); }) + ",\n";
  o += "    \"code_by_industry\": " + map_json(c.code_by_industry, "    ", [](const std::string& v) { return quote(v); }) + ",\n";
  o += "    \"default_min_plot_ratio\": " + opt_num(c.default_min_plot_ratio) + ",\n";
  o += "    \"city_grade\": " + (c.city_grade ? std::to_string(*c.city_grade) : std::string("null")) + ",\n";
  o += "    \"min_investment_by_code\": " + map_json(c.min_investment_by_code, "    ", [](const std::map<int, double>& g) {
         std::string t = "{";
         for (const auto& [grade, v] : g) t += (t.size() > 1 ? ", " : "") + quote(std::to_string(grade)) + ": " + fmt(v);
         return t + "}";
       }) + ",\n";
  o += "    \"investment_basis\": " + quote(c.investment_basis) + ",\n";
  o += "    \"landlord_codes\": " + string_list(c.landlord_codes) + ",\n";
  o += "    \"landlord_rule\": " + quote(c.landlord_rule) + ",\n";
  o += "    \"completion\": {\"years_after_start\": " + std::to_string(c.completion.years_after_start) +
       ", \"years_after_supply\": " + std::to_string(c.completion.years_after_supply) + "}\n  },\n";
  return o;
}

}  // namespace

std::string to_json(const AnalysisConfig& c) {
  std::string o = "{\n" + grading_json(c.grading) + control_json(c.control);
  const LowEfficiencyConfig& l = c.low_efficiency;
  o += "  \"low_efficiency\": {\"enabled\": " + flag(l.enabled) + ", \"min_plot_ratio\": " + opt_num(l.min_plot_ratio) +
       ", \"min_coverage\": " + opt_num(l.min_coverage) + ",\n    \"min_tax_per_mu\": " + opt_num(l.min_tax_per_mu) +
       ", \"zero_tax_years\": " + std::to_string(l.zero_tax_years) +
       ", \"max_factory_vacancy\": " + opt_num(l.max_factory_vacancy) + "},\n";
  o += "  \"intensity\": {\"supply_years\": " + std::to_string(c.intensity.supply_years) + "},\n";
  o += "  \"land_use\": {\n    \"industrial_prefixes\": " + string_list(c.land_use.industrial_prefixes) + ",\n";
  o += "    \"industrial_storage_prefixes\": " + string_list(c.land_use.industrial_storage_prefixes) + "\n  },\n";
  o += "  \"idle\": {\n    \"max_extension_years\": " + std::to_string(c.idle.max_extension_years) +
       ",\n    \"grace_year_after_extension\": " + flag(c.idle.grace_year_after_extension) +
       ",\n    \"min_developed_share_of_footprint\": " + fmt(c.idle.min_developed_share_of_footprint) + "\n  },\n";
  o += "  \"vacancy\": {\"min_months\": " + std::to_string(c.vacancy.min_months) + "},\n";
  const ReserveConfig& rs = c.reserve;
  o += "  \"reserve\": {\"full_area_mu\": " + fmt(rs.full_area_mu) + ", \"full_width_m\": " + fmt(rs.full_width_m) +
       ", \"full_idle_years\": " + fmt(rs.full_idle_years) + ", \"inscribed_tolerance_m\": " +
       fmt(rs.inscribed_tolerance_m) + ",\n    \"weights\": {\"area\": " + fmt(rs.weights.area) +
       ", \"width\": " + fmt(rs.weights.width) + ", \"compactness\": " + fmt(rs.weights.compactness) +
       ", \"readiness\": " + fmt(rs.weights.readiness) + ", \"idle\": " + fmt(rs.weights.idle) + "},\n    \"readiness\": {";
  bool first = true;
  for (const auto& [step, v] : rs.readiness) {
    o += (first ? "" : ", ") + quote(step) + ": " + fmt(v);
    first = false;
  }
  o += "}\n  }\n}\n";
  return o;
}

std::string default_config_json() { return to_json(default_config()); }

bool is_industrial(const std::string& land_use, const LandUseConfig& c) {
  return starts_with_code(land_use, c.industrial_prefixes);
}

bool is_industrial_storage(const std::string& land_use, const LandUseConfig& c) {
  return starts_with_code(land_use, c.industrial_storage_prefixes) || is_industrial(land_use, c);
}

}  // namespace parkgis::indicators
