#include <gtest/gtest.h>

#include <sstream>

#include "libgis/report/report.h"
#include "tests/unit/report/sample_report.h"

namespace parkgis::report {
namespace {

using test::integer;
using test::real;
using test::text;

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(ReportTable, RendersTheSampleExactly) {
  const std::string want = R"(宁德小微园 — 园区汇总
数据: ningde 2026-06-30
parkgis 0.1.0

蕉城园
园区           面积 (亩)  企业数  亩均税收 (万元/亩)  闲置率
------------------------------------------------------------
蕉城小微园A区      120.5      12                3.46   12.5%
Lot "B", 2|3        80.3       3                   —    0.0%
------------------------------------------------------------
合计               200.8      15                2.90    8.0%

Fu'an <B>
园区           面积 (亩)  企业数  亩均税收 (万元/亩)  闲置率
------------------------------------------------------------
福安园            1234.6       7                0.00  100.0%
)";
  EXPECT_EQ(render(test::sample_report(), Format::table), want);
}

TEST(ReportTable, EveryLineOfASectionHasTheSameDisplayWidth) {
  Report r;
  r.columns = {{"name", "企业名称", "", -1, false},
               {"code", "code", "", -1, false},
               {"area", "面积", "㎡", 2, false},
               {"note", "备注", "", -1, false}};
  Section s;
  s.rows = {{text("宁德时代新能源科技股份有限公司"), text("A1"), real(12345.678), text("")},
            {text("Café e\xCC\x81 ＡＢ"), text("长代码"), real(1.0), text("闲置")},
            {text("x"), store::Value{}, store::Value{}, text("tab\there")}};
  s.total = {text("合计"), store::Value{}, real(12346.678), store::Value{}};
  r.sections = {s};
  const auto lines = lines_of(render(r, Format::table));
  ASSERT_EQ(lines.size(), 7u);  // header, rule, 3 rows, rule, totals
  for (const std::string& line : lines) EXPECT_EQ(display_width(line), display_width(lines[0])) << line;
  EXPECT_EQ(lines[1], std::string(display_width(lines[0]), '-'));
  EXPECT_EQ(lines[4].find("tab here"), lines[4].size() - 8);  // control characters become spaces
  // Numbers right-aligned, text left-aligned, two spaces between columns.
  EXPECT_EQ(lines[2].rfind("宁德时代新能源科技股份有限公司  A1  ", 0), 0u) << lines[2];
  EXPECT_NE(lines[3].find("  长代码       1.00  闲置"), std::string::npos) << lines[3];
}

TEST(ReportTable, SectionsShareColumnWidthsAndUntitledSectionsHaveNoTitleLine) {
  Report r;
  r.columns = {{"park", "园区", "", -1, false}, {"n", "数量", "", -1, false}};
  r.sections = {{"", {{text("甲"), integer(1)}}, {}}, {"", {{text("很长的园区名称"), integer(12345)}}, {}}};
  EXPECT_EQ(render(r, Format::table),
            "园区             数量\n"
            "---------------------\n"
            "甲                  1\n"
            "\n"
            "园区             数量\n"
            "---------------------\n"
            "很长的园区名称  12345\n");
}

}  // namespace
}  // namespace parkgis::report
