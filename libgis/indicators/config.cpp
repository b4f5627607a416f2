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

  void read_prefixes(const CPLJSONObject& obj, const std::string& name, std::vector<std::string>& out) const {
    const CPLJSONObject v = obj.GetObj(name);
    if (!v.IsValid()) return;
    const std::string key = "land_use." + name;
    if (v.GetType() != JType::Array) fail(key, "must be a list of code prefixes");
    const CPLJSONArray arr = v.ToArray();
    out.clear();
    for (int i = 0; i < arr.Size(); ++i) {
      const CPLJSONObject item = arr[i];
      if (item.GetType() != JType::String || item.ToString().empty())
        fail(key + "[" + std::to_string(i) + "]", "must be a non-empty text");
      out.push_back(item.ToString());
    }
  }

  void read_grading(const CPLJSONObject& g, GradingConfig& c) const {
    check_keys(g, "grading", {"indicators", "cap_ratio", "cuts", "min_land_mu"});
    if (const CPLJSONObject v = g.GetObj("indicators"); v.IsValid()) read_indicators(v, c);
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
  }

  void read_indicators(const CPLJSONObject& v, GradingConfig& c) const {
    if (v.GetType() != JType::Array) fail("grading.indicators", "must be a list of {\"id\", \"weight\"}");
    const CPLJSONArray arr = v.ToArray();
    if (arr.Size() == 0) fail("grading.indicators", "the list is empty");
    std::vector<GradingIndicator> list;
    std::set<std::string> seen;
    for (int i = 0; i < arr.Size(); ++i) {
      const std::string key = "grading.indicators[" + std::to_string(i) + "]";
      const CPLJSONObject item = arr[i];
      check_keys(item, key, {"id", "weight", "benchmark"});
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
        if (*ind.benchmark <= 0) fail(key + ".benchmark", "must be greater than 0 (or null for the yearly mean)");
      }
      list.push_back(ind);
    }
    c.indicators = std::move(list);
  }

  void read_efficiency(const CPLJSONObject& e, EfficiencyConfig& c) const {
    check_keys(e, "efficiency", {"min_building_coefficient", "min_plot_ratio_by_industry", "default_min_plot_ratio"});
    read_number(e, "min_building_coefficient", "efficiency", c.min_building_coefficient);
    if (!(c.min_building_coefficient > 0 && c.min_building_coefficient <= 1))
      fail("efficiency.min_building_coefficient", "must be within (0, 1], not " + fmt(c.min_building_coefficient));
    read_number(e, "default_min_plot_ratio", "efficiency", c.default_min_plot_ratio);
    if (c.default_min_plot_ratio <= 0)
      fail("efficiency.default_min_plot_ratio", "must be greater than 0, not " + fmt(c.default_min_plot_ratio));
    const CPLJSONObject m = e.GetObj("min_plot_ratio_by_industry");
    if (!m.IsValid()) return;
    if (m.GetType() != JType::Object) fail("efficiency.min_plot_ratio_by_industry", "must map industry names to numbers");
    for (const CPLJSONObject& child : m.GetChildren()) {
      const std::string key = "efficiency.min_plot_ratio_by_industry." + child.GetName();
      const double v = number(child, key);
      if (v <= 0) fail(key, "must be greater than 0, not " + fmt(v));
      c.min_plot_ratio_by_industry[child.GetName()] = v;
    }
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
  std::string text = ss.str();
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
  const std::vector<std::string> top = {"grading", "efficiency", "land_use", "idle", "vacancy"};
  for (const CPLJSONObject& child : root.GetChildren())
    if (std::find(top.begin(), top.end(), child.GetName()) == top.end())
      r.fail("", "unknown top-level key \"" + child.GetName() + "\"; valid keys: " + join(top));

  AnalysisConfig c = default_config();
  c.source = path;
  if (const CPLJSONObject g = root.GetObj("grading"); g.IsValid()) r.read_grading(g, c.grading);
  if (const CPLJSONObject e = root.GetObj("efficiency"); e.IsValid()) r.read_efficiency(e, c.efficiency);
  if (const CPLJSONObject l = root.GetObj("land_use"); l.IsValid()) r.read_land_use(l, c.land_use);
  if (const CPLJSONObject i = root.GetObj("idle"); i.IsValid()) r.read_idle(i, c.idle);
  if (const CPLJSONObject v = root.GetObj("vacancy"); v.IsValid()) r.read_vacancy(v, c.vacancy);
  return c;
}

std::string to_json(const AnalysisConfig& c) {
  std::string o = "{\n  \"grading\": {\n    \"indicators\": [\n";
  for (size_t i = 0; i < c.grading.indicators.size(); ++i) {
    const GradingIndicator& ind = c.grading.indicators[i];
    o += "      {\"id\": " + quote(ind.id) + ", \"weight\": " + fmt(ind.weight);
    if (ind.benchmark) o += ", \"benchmark\": " + fmt(*ind.benchmark);
    o += i + 1 < c.grading.indicators.size() ? "},\n" : "}\n";
  }
  o += "    ],\n    \"cap_ratio\": " + fmt(c.grading.cap_ratio) + ",\n";
  o += "    \"cuts\": {\"A\": " + fmt(c.grading.cut_a) + ", \"B\": " + fmt(c.grading.cut_b) +
       ", \"C\": " + fmt(c.grading.cut_c) + "},\n";
  o += "    \"min_land_mu\": " + fmt(c.grading.min_land_mu) + "\n  },\n";
  o += "  \"efficiency\": {\n    \"min_building_coefficient\": " + fmt(c.efficiency.min_building_coefficient) + ",\n";
  o += "    \"min_plot_ratio_by_industry\": {";
  size_t n = 0;
  for (const auto& [name, v] : c.efficiency.min_plot_ratio_by_industry)
    o += (n++ ? ",\n      " : "\n      ") + quote(name) + ": " + fmt(v);
  o += n ? "\n    },\n" : "},\n";
  o += "    \"default_min_plot_ratio\": " + fmt(c.efficiency.default_min_plot_ratio) + "\n  },\n";
  o += "  \"land_use\": {\n    \"industrial_prefixes\": " + string_list(c.land_use.industrial_prefixes) + ",\n";
  o += "    \"industrial_storage_prefixes\": " + string_list(c.land_use.industrial_storage_prefixes) + "\n  },\n";
  o += "  \"idle\": {\n    \"max_extension_years\": " + std::to_string(c.idle.max_extension_years) +
       ",\n    \"grace_year_after_extension\": " + (c.idle.grace_year_after_extension ? "true" : "false") +
       ",\n    \"min_developed_share_of_footprint\": " + fmt(c.idle.min_developed_share_of_footprint) + "\n  },\n";
  o += "  \"vacancy\": {\"min_months\": " + std::to_string(c.vacancy.min_months) + "}\n}\n";
  return o;
}

std::string default_config_json() { return to_json(default_config()); }

double min_plot_ratio(const EfficiencyConfig& c, const std::string& industry) {
  const auto it = c.min_plot_ratio_by_industry.find(industry);
  return it == c.min_plot_ratio_by_industry.end() ? c.default_min_plot_ratio : it->second;
}

bool is_industrial(const std::string& land_use, const LandUseConfig& c) {
  return starts_with_code(land_use, c.industrial_prefixes);
}

bool is_industrial_storage(const std::string& land_use, const LandUseConfig& c) {
  return starts_with_code(land_use, c.industrial_storage_prefixes) || is_industrial(land_use, c);
}

}  // namespace parkgis::indicators
