// Field labels: the Chinese label and unit of a column, and its English words from the canonical name.
#include <gtest/gtest.h>

#include "libgis/export/field_labels.h"
#include "libgis/model/land_use.h"

using parkgis::exporter::english_label;
using parkgis::exporter::field_label;

TEST(FieldLabels, EnglishFromTheCanonicalName) {
  EXPECT_EQ(english_label("area_mu"), "Area");                   // the unit is shown apart
  EXPECT_EQ(english_label("tax_per_mu"), "Tax per mu");          // after "per" the unit stays
  EXPECT_EQ(english_label("idle_fee_wan"), "Idle fee");
  EXPECT_EQ(english_label("investment_wan_per_ha"), "Investment per ha");
  EXPECT_EQ(english_label("user_id"), "User ID");
  EXPECT_EQ(english_label("rnd_wan"), "R&D");
  EXPECT_EQ(english_label("grade"), "Grade");
}

TEST(FieldLabels, ChineseLabelUnitAndEnglishTogether) {
  const auto l = field_label("tax_per_mu");
  EXPECT_EQ(l.zh, "亩均税收");
  EXPECT_EQ(l.unit, "万元/亩");
  EXPECT_EQ(l.en, "Tax per mu");
  const auto unknown = field_label("my_column");
  EXPECT_EQ(unknown.zh, "my_column");
  EXPECT_EQ(unknown.en, "My column");
}

TEST(LandUse, NamesOfCodes) {
  ASSERT_TRUE(parkgis::model::land_use_name("0601"));
  EXPECT_EQ(parkgis::model::land_use_name("0601")->zh, "工业用地");
  EXPECT_EQ(parkgis::model::land_use_name("0604")->zh, "仓储用地");
  EXPECT_EQ(parkgis::model::land_use_name("0508")->zh, "物流仓储用地");  // TD/T 1055-2019
  EXPECT_EQ(parkgis::model::land_use_name("0809")->en, "Public utilities");
  EXPECT_FALSE(parkgis::model::land_use_name("9999"));
}
