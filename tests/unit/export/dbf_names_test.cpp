// DBF field names: ≤ 10 bytes in the target encoding, readable, unique, never cut inside a character.
#include <gtest/gtest.h>

#include "libgis/export/dbf_names.h"
#include "libgis/export/text_codec.h"

using parkgis::exporter::dbf_name;
using parkgis::exporter::dbf_names;
using parkgis::exporter::encoded_length;
using parkgis::exporter::encode_utf8;

TEST(DbfNames, ShortNamesAreKept) {
  EXPECT_EQ(dbf_name("parcel_id", "CP936"), "parcel_id");
  EXPECT_EQ(dbf_name("plot_ratio", "CP936"), "plot_ratio");  // exactly 10 bytes
  EXPECT_EQ(dbf_name("宗地代码", "CP936"), "宗地代码");        // 8 GBK bytes
}

TEST(DbfNames, LongNamesAreAbbreviatedByTheRule) {
  EXPECT_EQ(dbf_name("enterprise_name", "CP936"), "ent_name");
  EXPECT_EQ(dbf_name("supply_status", "CP936"), "supply_sts");
  EXPECT_EQ(dbf_name("survey_status", "CP936"), "svy_sts");
  EXPECT_EQ(dbf_name("survey_date", "CP936"), "svy_date");
  EXPECT_EQ(dbf_name("actual_start", "CP936"), "act_start");
  EXPECT_EQ(dbf_name("vacant_area", "CP936"), "vac_ar");
  EXPECT_EQ(dbf_name("registered_area_m2", "CP936"), "reg_ar_m2");
  EXPECT_EQ(dbf_name("low_efficiency_parcels", "CP936"), "loweff_cnt");  // rule 3: underscores dropped from the first
  EXPECT_EQ(dbf_name("idle_fee_wan", "CP936"), "idle_fee");              // rule 0: chosen by hand
  EXPECT_EQ(dbf_name("check_items", "UTF-8"), "to_check");
  EXPECT_EQ(dbf_name("a_very_unusual_column_name", "CP936"), "averyunusu");  // rule 4: cut
}

TEST(DbfNames, NeverCutInsideACharacterInTheTargetEncoding) {
  // 6 Chinese characters: 12 bytes in GBK (5 fit), 18 in UTF-8 (3 fit).
  const std::string name = "亩均税收评价";
  const std::string gbk = dbf_name(name, "CP936");
  const std::string utf8 = dbf_name(name, "UTF-8");
  EXPECT_EQ(gbk, "亩均税收评");
  EXPECT_EQ(utf8, "亩均税");
  EXPECT_EQ(encode_utf8(gbk, "CP936")->size(), 10u);
  EXPECT_EQ(utf8.size(), 9u);
  // Mixed: "x" + 6 characters in GBK = 1 + 2·4 = 9 bytes; a 5th character would make 11.
  EXPECT_EQ(dbf_name("x宗地代码编号", "CP936"), "x宗地代码");
}

TEST(DbfNames, UniqueCaseInsensitiveAndWithinTheLimit) {
  const std::vector<std::string> in = {"factory_floor_m2", "factory_floor_m2_x", "FACTORY_floor_m2", "vacancy_rate",
                                       "vacancy_rate_2020", "宗地代码宗地代码宗地代码", "宗地代码宗地代码宗地代码X"};
  for (const char* enc : {"CP936", "UTF-8"}) {
    SCOPED_TRACE(enc);
    const std::vector<std::string> out = dbf_names(in, enc);
    ASSERT_EQ(out.size(), in.size());
    std::set<std::string> seen;
    for (const std::string& n : out) {
      EXPECT_LE(encoded_length(n, enc), 10u) << n;
      std::string l = n;
      for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      EXPECT_TRUE(seen.insert(l).second) << "duplicate " << n;
    }
    EXPECT_EQ(out[0], "fac_flr_m2");
    EXPECT_EQ(out[1], "facflrm2_x");
    EXPECT_EQ(out[2], "fac_flr__2");  // FACTORY → fac_flr_m2 taken: "_2" replaces the end
    EXPECT_EQ(out[3], "vac_rt");
  }
}
