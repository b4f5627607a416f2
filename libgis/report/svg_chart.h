#pragma once
// A small line chart as SVG text (trend reports: 亩均税收, idle land and 批而未供 of a park by evaluation
// date), drawn here so that an HTML report needs nothing from the web. Dates are categories spaced
// evenly along x; series on the left axis share its scale and unit, those on the right axis theirs.

#include <optional>
#include <string>
#include <vector>

namespace parkgis::report {

struct ChartSeries {
  std::string name;     // legend, e.g. "亩均税收"
  std::string colour;   // "#rrggbb"
  bool right_axis = false;
  std::vector<std::optional<double>> values;  // one per x label; none = no point (the line skips it)
};

struct LineChart {
  std::string title;                  // e.g. "园区 YQ01 历年变化"
  std::vector<std::string> x_labels;  // evaluation dates
  std::string left_unit, right_unit;  // axis titles, e.g. "亩", "万元/亩"
  std::vector<ChartSeries> series;
  int width = 720, height = 340;      // px
};

// A standalone <svg> element (UTF-8, CJK fonts named, text escaped): axes with ticks at round values and
// their units, a date under each point, a <polyline> per series (points in date order) with a dot per
// value, and a legend.
std::string svg_line_chart(const LineChart& chart);

// Round tick values covering [lo, hi] (about `count` of them, steps of 1, 2 or 5 × 10^k), from 0 when lo ≥ 0.
std::vector<double> axis_ticks(double lo, double hi, int count = 5);

}  // namespace parkgis::report
