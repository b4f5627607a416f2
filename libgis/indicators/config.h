#pragma once
// Analysis configuration: grading schemes and rules, 2008 control indicators, 低效用地 screening,
// TD/T 1029 settings, land-use code sets.
// A JSON file overrides the built-in default key by key (see load_config).

#include <map>
#include <string>
#include <vector>

#include "libgis/indicators/control.h"
#include "libgis/indicators/grading.h"
#include "libgis/indicators/idle_rules.h"
#include "libgis/indicators/reserve_sites.h"

namespace parkgis::indicators {

// TD/T 1029 figures per zone and park.
struct IntensityConfig {
  int supply_years = 3;  // 尚可供地年数: mean yearly supply over the last N years before as_of
};

// Land-use code prefixes (GB/T 21010-2007/2017, TD/T 1055-2019, 用地用海分类, GB 50137-2011; brief §6.4).
struct LandUseConfig {
  std::vector<std::string> industrial_prefixes;          // 工业用地
  std::vector<std::string> industrial_storage_prefixes;  // 工矿仓储用地 (industrial land counts too)
};

// Vacant floor space (空置 / 闲置): how long a floor must have stood vacant to count (docs/indicators.md).
struct VacancyConfig {
  int min_months = 6;  // vacant at least this many calendar months at the evaluation date
};

struct AnalysisConfig {
  GradingConfig grading;
  ControlConfig control;
  LowEfficiencyConfig low_efficiency;
  IntensityConfig intensity;
  LandUseConfig land_use;
  IdleRulesConfig idle;  // Order 53: extensions (Art. 12), data checks
  VacancyConfig vacancy;
  ReserveConfig reserve;  // parkgis sites: the ranking score of land-reserve sites (docs/reserve.md)
  std::string source;  // "built-in default" or the file path
};

AnalysisConfig default_config();

// Reads a JSON file (keys mirror the structs in snake_case; see default_config_json()). Objects merge
// key by key with the default (the code tables too); arrays (grading.schemes, prefix lists) replace
// the default list; grading.indicators (one list) sets a single scheme for every enterprise. Throws DataError naming the file and the key on any problem.
AnalysisConfig load_config(const std::string& path);
// The same from JSON text (e.g. the configuration a run recorded); source names it in messages.
AnalysisConfig load_config_text(std::string text, const std::string& source);

// The configuration as pretty JSON, in the form load_config reads.
std::string to_json(const AnalysisConfig& config);
std::string default_config_json();  // to_json(default_config())

// Prefix match on the trimmed code, ASCII letters compared case-insensitively ("m1" matches "M").
bool is_industrial(const std::string& land_use, const LandUseConfig& config);
// 工矿仓储: a storage prefix matches, or the code is industrial.
bool is_industrial_storage(const std::string& land_use, const LandUseConfig& config);

}  // namespace parkgis::indicators
