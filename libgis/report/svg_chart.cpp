#include "libgis/report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace parkgis::report {

namespace {

std::string xml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string num(double v) {  // coordinates: one decimal is enough on screen
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string tick_text(double v, double step) {
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

struct Range {
  double lo = 0, hi = 0;
  bool any = false;
};

Range range_of(const LineChart& chart, bool right) {
  Range r;
  for (const ChartSeries& s : chart.series) {
    if (s.right_axis != right) continue;
    for (const auto& v : s.values) {
      if (!v || !std::isfinite(*v)) continue;
      r.lo = r.any ? std::min(r.lo, *v) : *v;
      r.hi = r.any ? std::max(r.hi, *v) : *v;
      r.any = true;
    }
  }
  return r;
}

}  // namespace

std::vector<double> axis_ticks(double lo, double hi, int count) {
  if (lo >= 0) lo = 0;
  if (hi <= lo) hi = lo + 1;
  const double raw = (hi - lo) / std::max(1, count);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  const double first = std::floor(lo / step) * step;
  for (double t = first; t < hi + step * 0.999; t += step) ticks.push_back(std::abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

std::string svg_line_chart(const LineChart& chart) {
  const double W = chart.width, H = chart.height;
  const double left = 70, right = 70, top = 40, bottom = 80;  // room for axis labels, dates and legend
  const double pw = W - left - right, ph = H - top - bottom;
  const std::size_t n = chart.x_labels.size();
  const auto x_at = [&](std::size_t i) { return left + (n <= 1 ? pw / 2 : pw * static_cast<double>(i) / static_cast<double>(n - 1)); };

  std::ostringstream os;
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << chart.width << "\" height=\"" << chart.height
     << "\" viewBox=\"0 0 " << chart.width << " " << chart.height << "\" role=\"img\" font-family=\"Noto Sans CJK SC, "
     << "Noto Sans SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif\" font-size=\"12\">\n";
  os << "<title>" << xml(chart.title) << "</title>\n";
  os << "<rect x=\"0\" y=\"0\" width=\"" << chart.width << "\" height=\"" << chart.height << "\" fill=\"#ffffff\"/>\n";
  os << "<text x=\"" << num(W / 2) << "\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">"
     << xml(chart.title) << "</text>\n";

  // The two axes: ticks, grid lines (left axis only) and unit titles.
  struct Axis {
    std::vector<double> ticks;
    double lo = 0, hi = 1;
    double y(double v, double t, double h) const { return t + h - (v - lo) / (hi - lo) * h; }
  };
  Axis axes[2];
  for (int side = 0; side < 2; ++side) {
    const Range r = range_of(chart, side == 1);
    if (!r.any) continue;
    Axis& a = axes[side];
    a.ticks = axis_ticks(r.lo, r.hi);
    a.lo = a.ticks.front();
    a.hi = a.ticks.back() > a.lo ? a.ticks.back() : a.lo + 1;
    const double step = a.ticks.size() > 1 ? a.ticks[1] - a.ticks[0] : 1;
    const double x = side == 0 ? left : left + pw;
    os << "<g class=\"axis-" << (side == 0 ? "left" : "right") << "\">\n";
    os << "<line x1=\"" << num(x) << "\" y1=\"" << num(top) << "\" x2=\"" << num(x) << "\" y2=\"" << num(top + ph)
       << "\" stroke=\"#57606a\"/>\n";
    for (double t : a.ticks) {
      const double y = a.y(t, top, ph);
      if (side == 0)
        os << "<line x1=\"" << num(left) << "\" y1=\"" << num(y) << "\" x2=\"" << num(left + pw) << "\" y2=\"" << num(y)
           << "\" stroke=\"#d0d7de\" stroke-width=\"0.5\"/>\n";
      os << "<text x=\"" << num(side == 0 ? x - 6 : x + 6) << "\" y=\"" << num(y + 4) << "\" text-anchor=\""
         << (side == 0 ? "end" : "start") << "\">" << tick_text(t, step) << "</text>\n";
    }
    const std::string& unit = side == 0 ? chart.left_unit : chart.right_unit;
    os << "<text x=\"" << num(side == 0 ? x - 6 : x + 6) << "\" y=\"" << num(top - 8) << "\" text-anchor=\""
       << (side == 0 ? "end" : "start") << "\">" << xml(unit) << "</text>\n";
    os << "</g>\n";
  }
  // The date axis.
  os << "<g class=\"axis-x\">\n<line x1=\"" << num(left) << "\" y1=\"" << num(top + ph) << "\" x2=\"" << num(left + pw)
     << "\" y2=\"" << num(top + ph) << "\" stroke=\"#57606a\"/>\n";
  for (std::size_t i = 0; i < n; ++i)
    os << "<text x=\"" << num(x_at(i)) << "\" y=\"" << num(top + ph + 18) << "\" text-anchor=\"middle\">"
       << xml(chart.x_labels[i]) << "</text>\n";
  os << "<text x=\"" << num(left + pw / 2) << "\" y=\"" << num(top + ph + 36) << "\" text-anchor=\"middle\" fill=\"#57606a\">"
     << "评价时点</text>\n</g>\n";

  // A polyline per series, a dot per value, then the legend.
  double legend_x = left;
  for (const ChartSeries& s : chart.series) {
    const Axis& a = axes[s.right_axis ? 1 : 0];
    std::string points;
    for (std::size_t i = 0; i < n && i < s.values.size(); ++i) {
      if (!s.values[i] || !std::isfinite(*s.values[i])) continue;
      points += (points.empty() ? "" : " ") + num(x_at(i)) + "," + num(a.y(*s.values[i], top, ph));
    }
    os << "<g class=\"series\">\n<polyline fill=\"none\" stroke=\"" << xml(s.colour) << "\" stroke-width=\"2\""
       << (s.right_axis ? " stroke-dasharray=\"6 3\"" : "") << " points=\"" << points << "\"><title>" << xml(s.name)
       << "</title></polyline>\n";
    for (std::size_t i = 0; i < n && i < s.values.size(); ++i)
      if (s.values[i] && std::isfinite(*s.values[i]))
        os << "<circle cx=\"" << num(x_at(i)) << "\" cy=\"" << num(a.y(*s.values[i], top, ph)) << "\" r=\"3\" fill=\""
           << xml(s.colour) << "\"/>\n";
    os << "</g>\n";
    const double ly = H - 16;
    os << "<line x1=\"" << num(legend_x) << "\" y1=\"" << num(ly - 4) << "\" x2=\"" << num(legend_x + 24) << "\" y2=\""
       << num(ly - 4) << "\" stroke=\"" << xml(s.colour) << "\" stroke-width=\"2\""
       << (s.right_axis ? " stroke-dasharray=\"6 3\"" : "") << "/>\n";
    const std::string unit = s.right_axis ? chart.right_unit : chart.left_unit;
    const std::string text = s.name + (unit.empty() ? "" : "（" + unit + "）");
    os << "<text x=\"" << num(legend_x + 30) << "\" y=\"" << num(ly) << "\">" << xml(text) << "</text>\n";
    legend_x += 44 + 13.0 * static_cast<double>(text.size()) / 3.0;  // CJK text: about 13 px per 3 bytes
  }
  os << "</svg>\n";
  return os.str();
}

}  // namespace parkgis::report
