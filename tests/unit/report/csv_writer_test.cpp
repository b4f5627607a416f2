#include <gtest/gtest.h>

#include <limits>

#include "libgis/report/report.h"
#include "tests/unit/report/sample_report.h"

namespace parkgis::report {
namespace {

using test::integer;
using test::real;
using test::text;

TEST(ReportCsv, RendersTheSampleExactly) {
  // Keys as header, a section column, raw numbers (percent as the ratio), null empty, no totals row.
  const std::string want =
      "section,park,area,companies,tax_per_mu,idle_share\r\n"
      "蕉城园,蕉城小微园A区,120.5,12,3.456,0.125\r\n"
      "蕉城园,\"Lot \"\"B\"\", 2|3\",80.25,3,,0\r\n"
      "Fu'an <B>,福安园,1234.5678,7,-0.001,1\r\n";
  EXPECT_EQ(render(test::sample_report(), Format::csv), want);
}

TEST(ReportCsv, QuotesOnlyWhatNeedsQuoting) {
  Report r;
  r.columns = {{"a", "A", "", -1, false}};
  r.sections = {{"",
                 {{text("plain 文本")},
                  {text("a,b")},
                  {text("say \"hi\"")},
                  {text("two\nlines")},
                  {text("cr\rhere")},
                  {text("")},
                  {text(" padded ")}},
                 {text("total is not written")}}};
  EXPECT_EQ(render(r, Format::csv),
            "a\r\n"
            "plain 文本\r\n"
            "\"a,b\"\r\n"
            "\"say \"\"hi\"\"\"\r\n"
            "\"two\nlines\"\r\n"
            "\"cr\rhere\"\r\n"
            "\r\n"
            " padded \r\n");
}

TEST(ReportCsv, BomAndSectionColumnOnlyWhenAsked) {
  Report r;
  r.columns = {{"park", "园区", "", -1, false}, {"share", "占比", "", 1, true}};
  r.sections = {{"", {{text("宁德"), real(0.5)}}, {}}};
  WriteOptions bom;
  bom.csv_bom = true;
  EXPECT_EQ(render(r, Format::csv, bom), "\xEF\xBB\xBFpark,share\r\n宁德,0.5\r\n");
  EXPECT_EQ(render(r, Format::csv), "park,share\r\n宁德,0.5\r\n");
  r.sections[0].title = "a,b";  // one titled section: the section column appears, quoted
  EXPECT_EQ(render(r, Format::csv), "section,park,share\r\n\"a,b\",宁德,0.5\r\n");
}

TEST(ReportCsv, NumbersInFullPrecision) {
  Report r;
  r.columns = {{"v", "值", "", 2, false}};
  r.sections = {{"",
                 {{real(0.1)},
                  {real(1.0 / 3.0)},
                  {real(1e21)},
                  {real(std::numeric_limits<double>::quiet_NaN())},
                  {integer(-9007199254740993)},
                  {store::Value{}}},
                 {}}};
  EXPECT_EQ(render(r, Format::csv), "v\r\n0.1\r\n0.3333333333333333\r\n1e+21\r\n\r\n-9007199254740993\r\n\r\n");
}

}  // namespace
}  // namespace parkgis::report
