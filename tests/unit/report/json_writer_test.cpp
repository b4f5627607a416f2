#include <gtest/gtest.h>

#include <limits>

#include "libgis/report/report.h"
#include "tests/unit/report/sample_report.h"

namespace parkgis::report {
namespace {

using test::integer;
using test::real;
using test::text;

TEST(ReportJson, RendersTheSampleExactly) {
  const std::string want = R"({
  "title": "宁德小微园 — 园区汇总",
  "notes": [
    "数据: ningde 2026-06-30",
    "parkgis 0.1.0"
  ],
  "columns": [
    {"key": "park", "header": "园区", "unit": "", "percent": false},
    {"key": "area", "header": "面积", "unit": "亩", "percent": false},
    {"key": "companies", "header": "企业数", "unit": "", "percent": false},
    {"key": "tax_per_mu", "header": "亩均税收", "unit": "万元/亩", "percent": false},
    {"key": "idle_share", "header": "闲置率", "unit": "", "percent": true}
  ],
  "sections": [
    {
      "title": "蕉城园",
      "rows": [
        {"park": "蕉城小微园A区", "area": 120.5, "companies": 12, "tax_per_mu": 3.456, "idle_share": 0.125},
        {"park": "Lot \"B\", 2|3", "area": 80.25, "companies": 3, "tax_per_mu": null, "idle_share": 0}
      ],
      "total": {"park": "合计", "area": 200.75, "companies": 15, "tax_per_mu": 2.9, "idle_share": 0.08}
    },
    {
      "title": "Fu'an <B>",
      "rows": [
        {"park": "福安园", "area": 1234.5678, "companies": 7, "tax_per_mu": -0.001, "idle_share": 1}
      ],
      "total": null
    }
  ]
}
)";
  EXPECT_EQ(render(test::sample_report(), Format::json), want);
}

TEST(ReportJson, EscapesStrings) {
  Report r;
  r.title = std::string("q\" b\\ n\n t\t c\x01 d\x7f 宁德 \xE2\x80\xA8 bad\xFF end");
  r.columns = {{"k\"ey", "h", "", -1, false}};
  const std::string json = render(r, Format::json);
  EXPECT_NE(json.find(R"("title": "q\" b\\ n\n t\t c\u0001 d)"
                      "\x7f"
                      R"( 宁德 \u2028 bad)"
                      "\xEF\xBF\xBD"
                      R"( end",)"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"({"key": "k\"ey", "header": "h", "unit": "", "percent": false})"), std::string::npos);
}

TEST(ReportJson, NumbersInShortestRoundTripFormAndNonFiniteAsNull) {
  Report r;
  r.columns = {{"v", "值", "", 1, true}};
  r.sections = {{"",
                 {{real(0.1)},
                  {real(1.0 / 3.0)},
                  {real(1e21)},
                  {real(-2.5e-7)},
                  {real(std::numeric_limits<double>::quiet_NaN())},
                  {real(std::numeric_limits<double>::infinity())},
                  {integer(-9007199254740993)},
                  {store::Value{}},
                  {}},
                 {}}};
  EXPECT_EQ(render(r, Format::json), R"({
  "title": "",
  "notes": [],
  "columns": [
    {"key": "v", "header": "值", "unit": "", "percent": true}
  ],
  "sections": [
    {
      "title": "",
      "rows": [
        {"v": 0.1},
        {"v": 0.3333333333333333},
        {"v": 1e+21},
        {"v": -2.5e-07},
        {"v": null},
        {"v": null},
        {"v": -9007199254740993},
        {"v": null},
        {"v": null}
      ],
      "total": null
    }
  ]
}
)");
}

TEST(ReportJson, EmptyReport) {
  EXPECT_EQ(render(Report{}, Format::json),
            "{\n  \"title\": \"\",\n  \"notes\": [],\n  \"columns\": [],\n  \"sections\": []\n}\n");
}

}  // namespace
}  // namespace parkgis::report
