// The trend chart (svg_chart.h): well-formed XML (parsed with GDAL's XML parser), a polyline per series
// with its points in date order, axis units and dates, escaped text.
#include "libgis/report/svg_chart.h"

#include <cpl_minixml.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace parkgis::report;

namespace {

struct XmlFree {
  void operator()(CPLXMLNode* n) const { CPLDestroyXMLNode(n); }
};

void collect(const CPLXMLNode* node, const std::string& name, std::vector<const CPLXMLNode*>& out) {
  for (const CPLXMLNode* n = node; n; n = n->psNext) {
    if (n->eType != CXT_Element) continue;
    if (name == n->pszValue) out.push_back(n);
    collect(n->psChild, name, out);
  }
}

}  // namespace

TEST(SvgChart, WellFormedWithAPolylinePerSeries) {
  LineChart c;
  c.title = "园区 <A&B> 历年变化";
  c.x_labels = {"2025-12-31", "2026-06-30", "2026-12-31"};
  c.left_unit = "亩";
  c.right_unit = "万元/亩";
  c.series = {{"闲置土地", "#9a6700", false, {40.0, 30.0, std::nullopt}},
              {"批而未供", "#0969da", false, {100.0, 90.0, 80.0}},
              {"亩均税收", "#cf222e", true, {8.5, 9.0, 9.75}}};
  const std::string svg = svg_line_chart(c);
  std::unique_ptr<CPLXMLNode, XmlFree> root(CPLParseXMLString(svg.c_str()));
  ASSERT_TRUE(root) << svg;
  std::vector<const CPLXMLNode*> polylines, texts;
  collect(root.get(), "polyline", polylines);
  collect(root.get(), "text", texts);
  ASSERT_EQ(polylines.size(), 3u);
  // The first series has no value at the third date: two points; the others three.
  const auto points = [](const CPLXMLNode* p) { return std::string(CPLGetXMLValue(p, "points", "")); };
  const auto commas = [&](const CPLXMLNode* p) {
    const std::string text = points(p);
    return std::count(text.begin(), text.end(), ',');
  };
  EXPECT_EQ(commas(polylines[0]), 2);
  EXPECT_EQ(commas(polylines[1]), 3);
  EXPECT_EQ(commas(polylines[2]), 3);
  // Left axis 0..100 亩 over the plot height 340 − 40 − 80 = 220 px from y = 40: 批而未供 100 → y 40.0,
  // 90 → 40 + 22 = 62.0, 80 → 84.0; x from 70 to 720 − 70 = 650: 70.0, 360.0, 650.0.
  EXPECT_EQ(points(polylines[1]), "70.0,40.0 360.0,62.0 650.0,84.0");
  std::string all_text;
  for (const CPLXMLNode* t : texts) all_text += std::string(CPLGetXMLValue(t, nullptr, "")) + "|";
  for (const char* want : {"2025-12-31|", "2026-12-31|", "|亩|", "|万元/亩|", "园区 <A&B> 历年变化|"})
    EXPECT_NE(all_text.find(want), std::string::npos) << want << " in " << all_text;
}

TEST(SvgChart, AxisTicksAreRound) {
  // 0..97: steps of 20 (97 / 5 = 19.4 → 20): 0, 20, …, 100.
  EXPECT_EQ(axis_ticks(3, 97), (std::vector<double>{0, 20, 40, 60, 80, 100}));
  // 0..1.2: step 0.5 (0.24 → 0.5): 0, 0.5, 1, 1.5.
  EXPECT_EQ(axis_ticks(0.2, 1.2), (std::vector<double>{0, 0.5, 1, 1.5}));
}
