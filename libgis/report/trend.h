#pragma once
// 'parkgis trend': one row per unit (park, zone or enterprise) and evaluation date, read from each
// evaluation kept in the database (history/evaluations.h) through its dated view; nothing is
// recomputed. HTML reports get a line chart per park (svg_chart.h) of 亩均税收, idle land and 批而未供.

#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/report/report.h"
#include "libgis/report/svg_chart.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::report {

enum class TrendLevel { park, zone, enterprise };

// "park", "zone", "enterprise"; throws UsageError otherwise.
TrendLevel parse_trend_level(const std::string& name);

struct TrendRequest {
  TrendLevel level = TrendLevel::park;
  std::string park_id;  // only this park (zones and enterprises: those of the park in each evaluation)
  std::string zone_id;  // only this zone (not with level park)
  std::optional<Date> from, to;  // evaluations dated within [from, to]
  bool charts = false;  // add a chart per park (Image::svg; HTML shows them)
};

// Columns (CSV keys): zones zone_id, as_of, idle_m2, unsupplied_m2, supplied_unused_m2, tax_per_mu,
// output_per_mu, vacancy_rate; parks the same with park_id; enterprises enterprise_id, name, as_of,
// year, grade, score, rank, land_mu, tax_per_mu, output_per_mu, value_added_per_mu. Rows ordered by id,
// then date, in one section. Throws DataError for a database without evaluations, none in the range, or
// an id found in none of them; UsageError for --zone with level park.
Report build_trend(store::Store& store, const TrendRequest& request);

// The chart of one park's or zone's rows of a park or zone trend report (亩均税收 on the right axis,
// idle land and 批而未供 in 亩 on the left), `id` in the report's first column.
LineChart trend_chart(const Report& trend, const std::string& id, const std::string& title);

}  // namespace parkgis::report
