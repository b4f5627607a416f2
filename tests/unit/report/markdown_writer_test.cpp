#include <gtest/gtest.h>

#include "libgis/report/report.h"
#include "tests/unit/report/sample_report.h"

namespace parkgis::report {
namespace {

using test::integer;
using test::real;
using test::text;

TEST(ReportMarkdown, RendersTheSampleExactly) {
  const std::string want = R"(# 宁德小微园 — 园区汇总

- 数据: ningde 2026-06-30
- parkgis 0.1.0

## 蕉城园

| 园区 | 面积 (亩) | 企业数 | 亩均税收 (万元/亩) | 闲置率 |
| --- | ---: | ---: | ---: | ---: |
| 蕉城小微园A区 | 120.5 | 12 | 3.46 | 12.5% |
| Lot "B", 2\|3 | 80.3 | 3 | — | 0.0% |
| **合计** | **200.8** | **15** | **2.90** | **8.0%** |

## Fu'an \<B\>

| 园区 | 面积 (亩) | 企业数 | 亩均税收 (万元/亩) | 闲置率 |
| --- | ---: | ---: | ---: | ---: |
| 福安园 | 1234.6 | 7 | 0.00 | 100.0% |
)";
  EXPECT_EQ(render(test::sample_report(), Format::markdown), want);
}

TEST(ReportMarkdown, EscapesCellsAndKeepsThemOnOneLine) {
  Report r;
  r.columns = {{"name", "名称", "", -1, false}, {"n", "n", "", -1, false}};
  r.sections = {{"", {{text("*ST 宁德_a|b\r\nc\\d [x]"), integer(1)}}, {text(""), integer(1)}}};
  EXPECT_EQ(render(r, Format::markdown),
            "| 名称 | n |\n"
            "| --- | ---: |\n"
            "| \\*ST 宁德\\_a\\|b c\\\\d \\[x\\] | 1 |\n"
            "|  | **1** |\n");
}

}  // namespace
}  // namespace parkgis::report
