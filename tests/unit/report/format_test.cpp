#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

#include "libgis/core/errors.h"
#include "libgis/report/report.h"
#include "tests/unit/report/sample_report.h"

namespace parkgis::report {
namespace {

using test::integer;
using test::real;
using test::text;

TEST(ReportFormat, ParsesTheSixNamesAndRejectsOthers) {
  EXPECT_EQ(parse_format("table"), Format::table);
  EXPECT_EQ(parse_format("csv"), Format::csv);
  EXPECT_EQ(parse_format("json"), Format::json);
  EXPECT_EQ(parse_format("md"), Format::markdown);
  EXPECT_EQ(parse_format("html"), Format::html);
  EXPECT_EQ(parse_format("xlsx"), Format::xlsx);
  for (Format f : {Format::table, Format::csv, Format::json, Format::markdown, Format::html, Format::xlsx})
    EXPECT_EQ(parse_format(format_name(f)), f);
  try {
    parse_format("xls");
    FAIL() << "no UsageError";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "unknown format 'xls'; use table, csv, json, md, html or xlsx");
  }
  EXPECT_THROW(parse_format("HTML"), UsageError);
  EXPECT_THROW(parse_format(""), UsageError);
}

TEST(ReportFormat, WriteAndRenderAgree) {
  const Report r = test::sample_report();
  for (Format f : {Format::table, Format::csv, Format::json, Format::markdown, Format::html}) {
    std::ostringstream os;
    write(os, r, f);
    EXPECT_EQ(os.str(), render(r, f)) << format_name(f);
  }
}

TEST(ReportValues, RealsHaveFixedDecimalsRoundedHalfAwayFromZero) {
  const Column c{"v", "值", "", 2, false};
  EXPECT_EQ(format_value(c, real(3.456)), "3.46");
  EXPECT_EQ(format_value(c, real(2.675)), "2.68");  // the double is 2.67499999…; people wrote 2.675
  EXPECT_EQ(format_value(c, real(-2.675)), "-2.68");
  EXPECT_EQ(format_value(c, real(1.005)), "1.01");
  EXPECT_EQ(format_value(c, real(9.995)), "10.00");
  EXPECT_EQ(format_value(c, real(0.004)), "0.00");
  EXPECT_EQ(format_value(c, real(-0.001)), "0.00");  // no "-0.00"
  EXPECT_EQ(format_value(c, real(0.0)), "0.00");
  EXPECT_EQ(format_value(c, real(-0.0)), "0.00");
  EXPECT_EQ(format_value(c, real(1234567.5)), "1234567.50");  // thousands not grouped
  EXPECT_EQ(format_value(c, real(1e20)), "100000000000000000000.00");
  EXPECT_EQ(format_value(c, real(0.005)), "0.01");
  EXPECT_EQ(format_value(c, real(0.0049)), "0.00");
  const Column none{"v", "值", "", 0, false};
  EXPECT_EQ(format_value(none, real(80.5)), "81");
  EXPECT_EQ(format_value(none, real(0.4)), "0");
  const Column one{"v", "值", "", 1, false};
  EXPECT_EQ(format_value(one, real(80.25)), "80.3");
  EXPECT_EQ(format_value(one, real(99.96)), "100.0");
}

TEST(ReportValues, PercentNullsIntegersTextAndShortestForm) {
  const Column pct{"r", "占比", "", 1, true};
  EXPECT_EQ(format_value(pct, real(0.125)), "12.5%");
  EXPECT_EQ(format_value(pct, real(0.0115)), "1.2%");  // ×100 in decimal, not 1.1499999…
  EXPECT_EQ(format_value(pct, real(1.0)), "100.0%");
  EXPECT_EQ(format_value(pct, integer(1)), "100.0%");
  EXPECT_EQ(format_value(pct, real(0.07)), "7.0%");
  const Column pct_any{"r", "占比", "", -1, true};
  EXPECT_EQ(format_value(pct_any, real(0.07)), "7%");
  EXPECT_EQ(format_value(pct_any, real(0.12345)), "12.345%");

  const Column plain{"v", "值", "", -1, false};
  EXPECT_EQ(format_value(plain, store::Value{}), "—");
  EXPECT_EQ(format_value(pct, store::Value{}), "—");
  EXPECT_EQ(format_value(plain, real(std::numeric_limits<double>::quiet_NaN())), "—");
  EXPECT_EQ(format_value(plain, real(-std::numeric_limits<double>::infinity())), "—");
  EXPECT_EQ(format_value(plain, integer(-1234567)), "-1234567");
  EXPECT_EQ(format_value(Column{"v", "值", "", 2, false}, integer(42)), "42");  // integers as they are
  EXPECT_EQ(format_value(plain, text("宁德 1.50")), "宁德 1.50");
  EXPECT_EQ(format_value(plain, real(0.1)), "0.1");
  EXPECT_EQ(format_value(plain, real(1e20)), "100000000000000000000");
  EXPECT_EQ(format_value(plain, real(1.5e-7)), "0.00000015");
}

TEST(ReportValues, ColumnLabelAddsTheUnitInPlainParentheses) {
  EXPECT_EQ(column_label(Column{"tax_per_mu", "亩均税收", "万元/亩", 2, false}), "亩均税收 (万元/亩)");
  EXPECT_EQ(column_label(Column{"park", "园区", "", -1, false}), "园区");
}

}  // namespace
}  // namespace parkgis::report
