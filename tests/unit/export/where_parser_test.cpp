// --where: accepted expressions become bound conditions; everything else is refused with its position.
#include <gtest/gtest.h>

#include "libgis/core/errors.h"
#include "libgis/export/where_parser.h"

using parkgis::UsageError;
using parkgis::exporter::parse_where;
using parkgis::store::Condition;
using parkgis::store::Filter;
using parkgis::store::Value;

namespace {

const std::vector<std::string> kColumns = {"parcel_id", "area_mu", "grade", "idle_status", "enterprise_name", "idle_days"};

std::string error_of(const std::string& expr) {
  try {
    parse_where(expr, kColumns);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(accepted)";
}

}  // namespace

TEST(WhereParser, OneCondition) {
  const Filter f = parse_where("area_mu >= 10", kColumns);
  ASSERT_EQ(f.any.size(), 1u);
  ASSERT_EQ(f.any[0].size(), 1u);
  EXPECT_EQ(f.any[0][0].column, "area_mu");
  EXPECT_EQ(f.any[0][0].op, ">=");
  EXPECT_EQ(f.any[0][0].value, Value{std::int64_t{10}});
}

TEST(WhereParser, AndBindsTighterThanOr) {
  const Filter f = parse_where("grade = 'D' and area_mu > 2.5 OR idle_status != 'none'", kColumns);
  ASSERT_EQ(f.any.size(), 2u);
  ASSERT_EQ(f.any[0].size(), 2u);
  EXPECT_EQ(f.any[0][0].value, Value{std::string("D")});
  EXPECT_EQ(f.any[0][1].value, Value{2.5});
  EXPECT_EQ(f.any[1][0].op, "!=");
}

TEST(WhereParser, NullsLikeQuotesAndNegativeNumbers) {
  const Filter f = parse_where("grade IS NULL AND idle_status is not null AND enterprise_name LIKE '%寧德%' AND "
                               "idle_days <> -3 AND \"parcel_id\" = 'O''Brien'",
                               kColumns);
  ASSERT_EQ(f.any[0].size(), 5u);
  EXPECT_EQ(f.any[0][0].op, "IS NULL");
  EXPECT_EQ(f.any[0][1].op, "IS NOT NULL");
  EXPECT_EQ(f.any[0][2].op, "LIKE");
  EXPECT_EQ(f.any[0][2].value, Value{std::string("%寧德%")});
  EXPECT_EQ(f.any[0][3].op, "!=");
  EXPECT_EQ(f.any[0][3].value, Value{std::int64_t{-3}});
  EXPECT_EQ(f.any[0][4].value, Value{std::string("O'Brien")});
}

TEST(WhereParser, TextThatLooksLikeSqlStaysAValue) {
  // The classic injection inside quotes is one bound text value, never SQL.
  const Filter f = parse_where("parcel_id = 'x'' OR ''1''=''1'", kColumns);
  ASSERT_EQ(f.any.size(), 1u);
  ASSERT_EQ(f.any[0].size(), 1u);
  EXPECT_EQ(f.any[0][0].value, Value{std::string("x' OR '1'='1")});
}

TEST(WhereParser, RejectedWithPositionAndReason) {
  EXPECT_EQ(error_of("grade = 'D'; DROP TABLE parcels"),
            "--where: at character 12: expected AND, OR or the end of the expression, got ';' (only conditions "
            "joined by AND and OR are allowed, not statements)");
  EXPECT_EQ(error_of("grade = 'D' OR 1=1"),
            "--where: at character 16: expected a column name, got '1'");
  EXPECT_EQ(error_of("area = 3"),
            "--where: at character 1: unknown column \"area\"; the layer's columns are parcel_id, area_mu, grade, "
            "idle_status, enterprise_name, idle_days");
  EXPECT_EQ(error_of("(grade = 'A' OR grade = 'B') AND area_mu > 1"),
            "--where: at character 1: expected a column name, got '(' (parentheses are not supported: write ORs of "
            "ANDs, AND binds tighter)");
  EXPECT_EQ(error_of("grade = 'A"), "--where: at character 9: the quote ' is not closed");
  EXPECT_EQ(error_of("grade == 'A'"),
            "--where: at character 8: expected a number or 'quoted text' after =, got '='");
  EXPECT_EQ(error_of("grade = area_mu"),
            "--where: at character 9: expected a number or 'quoted text' after =, got 'area_mu' (comparing two "
            "columns is not supported; quote text with ')");
  EXPECT_EQ(error_of("grade IS 'A'"), "--where: at character 10: expected NULL or NOT NULL after IS, got 'A'");
  EXPECT_EQ(error_of("grade = NULL"), "--where: at character 9: compare with NULL using IS NULL or IS NOT NULL");
  EXPECT_EQ(error_of("area_mu > 1 AND"), "--where: at character 16: expected a column name, got the end of the expression");
  EXPECT_EQ(error_of("area_mu > 1e"), "--where: at character 11: '1e' is not a number");
  EXPECT_EQ(error_of("   "), "--where: at character 4: the expression is empty; write e.g. area_mu > 10");
  EXPECT_EQ(error_of("grade = 'A' -- comment"),
            "--where: at character 13: expected AND, OR or the end of the expression, got '--' (comments are not allowed)");
  EXPECT_EQ(error_of("enterprise_name = '寧德' AND 面积 > 1"),
            "--where: at character 28: expected a column name, got '面'");
  EXPECT_EQ(error_of("grade = 'A' UNION SELECT * FROM parcels"),
            "--where: at character 13: expected AND, OR or the end of the expression, got 'UNION'");
  EXPECT_EQ(error_of("grade NOT LIKE 'A%'"),
            "--where: at character 7: expected an operator (=, !=, <>, <, <=, >, >=, LIKE, IS NULL, IS NOT NULL) "
            "after grade, got 'NOT'");
}

TEST(WhereParser, AndAllAddsConditionsToEveryGroup) {
  const Filter f = parkgis::exporter::and_all(parse_where("grade = 'A' OR grade = 'B'", kColumns),
                                              {Condition{"idle_status", "!=", Value{std::string("none")}}});
  ASSERT_EQ(f.any.size(), 2u);
  EXPECT_EQ(f.any[0].size(), 2u);
  EXPECT_EQ(f.any[1].back().column, "idle_status");
  EXPECT_EQ(parkgis::exporter::and_all(Filter{}, {Condition{"grade", "=", Value{std::string("A")}}}).any.size(), 1u);
}
