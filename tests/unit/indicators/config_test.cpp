#include <gtest/gtest.h>

#include "libgis/core/errors.h"
#include "libgis/indicators/config.h"
#include "tests/support/test_support.h"

using namespace parkgis::indicators;
using parkgis::test::TempDir;

namespace {

// Writes `json` to <dir>/config.json and loads it; returns the DataError message ("" when it loaded).
std::string load_error(const TempDir& dir, const std::string& json) {
  const std::string path = dir.str("config.json");
  parkgis::test::write_text(path, json);
  try {
    load_config(path);
  } catch (const parkgis::DataError& e) {
    return e.what();
  }
  return "";
}

void expect_same(const AnalysisConfig& a, const AnalysisConfig& b) {
  ASSERT_EQ(a.grading.indicators.size(), b.grading.indicators.size());
  for (size_t i = 0; i < a.grading.indicators.size(); ++i) {
    EXPECT_EQ(a.grading.indicators[i].id, b.grading.indicators[i].id);
    EXPECT_EQ(a.grading.indicators[i].weight, b.grading.indicators[i].weight);
    EXPECT_EQ(a.grading.indicators[i].benchmark, b.grading.indicators[i].benchmark);
  }
  EXPECT_EQ(a.grading.cap_ratio, b.grading.cap_ratio);
  EXPECT_EQ(a.grading.cut_a, b.grading.cut_a);
  EXPECT_EQ(a.grading.cut_b, b.grading.cut_b);
  EXPECT_EQ(a.grading.cut_c, b.grading.cut_c);
  EXPECT_EQ(a.grading.min_land_mu, b.grading.min_land_mu);
  EXPECT_EQ(a.efficiency.min_building_coefficient, b.efficiency.min_building_coefficient);
  EXPECT_EQ(a.efficiency.min_plot_ratio_by_industry, b.efficiency.min_plot_ratio_by_industry);
  EXPECT_EQ(a.efficiency.default_min_plot_ratio, b.efficiency.default_min_plot_ratio);
  EXPECT_EQ(a.land_use.industrial_prefixes, b.land_use.industrial_prefixes);
  EXPECT_EQ(a.land_use.industrial_storage_prefixes, b.land_use.industrial_storage_prefixes);
  EXPECT_EQ(a.idle.max_extension_years, b.idle.max_extension_years);
  EXPECT_EQ(a.idle.grace_year_after_extension, b.idle.grace_year_after_extension);
  EXPECT_EQ(a.idle.min_developed_share_of_footprint, b.idle.min_developed_share_of_footprint);
}

}  // namespace

TEST(Config, DefaultValues) {
  const AnalysisConfig c = default_config();
  EXPECT_EQ(c.source, "built-in default");
  ASSERT_EQ(c.grading.indicators.size(), 5u);
  EXPECT_EQ(c.grading.indicators[0].id, "tax_per_mu");
  EXPECT_EQ(c.grading.indicators[0].weight, 45);
  double total = 0;
  for (const auto& i : c.grading.indicators) {
    total += i.weight;
    EXPECT_FALSE(i.benchmark) << i.id;  // yearly mean
  }
  EXPECT_EQ(total, 100);
  EXPECT_EQ(c.grading.cap_ratio, 2.0);
  EXPECT_EQ(c.grading.cut_a, 0.25);
  EXPECT_EQ(c.grading.cut_b, 0.70);
  EXPECT_EQ(c.grading.cut_c, 0.95);
  EXPECT_EQ(c.efficiency.min_building_coefficient, 0.30);
  EXPECT_EQ(min_plot_ratio(c.efficiency, "锂电新能源"), 0.7);
  EXPECT_EQ(min_plot_ratio(c.efficiency, "不锈钢新材料"), 0.6);
  EXPECT_EQ(min_plot_ratio(c.efficiency, "电子信息"), 1.0);
  EXPECT_EQ(min_plot_ratio(c.efficiency, "纺织"), 0.8);
  EXPECT_EQ(min_plot_ratio(c.efficiency, "服装"), 1.0);
  EXPECT_EQ(min_plot_ratio(c.efficiency, "纺织服装"), 0.8);
  EXPECT_EQ(min_plot_ratio(c.efficiency, "其他"), 0.7);
}

TEST(Config, DefaultJsonRoundTrips) {
  TempDir dir;
  const std::string path = dir.str("default.json");
  parkgis::test::write_text(path, default_config_json());
  const AnalysisConfig c = load_config(path);
  EXPECT_EQ(c.source, path);
  expect_same(c, default_config());
  EXPECT_EQ(to_json(c), default_config_json());
}

TEST(Config, FixedBenchmarkRoundTrips) {
  AnalysisConfig want = default_config();
  want.grading.indicators[0].benchmark = 24.097;
  TempDir dir;
  const std::string path = dir.str("c.json");
  parkgis::test::write_text(path, to_json(want));
  expect_same(load_config(path), want);
}

TEST(Config, FileOverridesOnlyWhatItSets) {
  TempDir dir;
  const std::string path = dir.str("c.json");
  parkgis::test::write_text(path, R"({"grading": {"cap_ratio": 1.5, "cuts": {"A": 0.2}},
    "efficiency": {"min_plot_ratio_by_industry": {"锂电新能源": 0.9, "造纸": 0.8}}})");
  const AnalysisConfig c = load_config(path);
  AnalysisConfig want = default_config();
  want.grading.cap_ratio = 1.5;
  want.grading.cut_a = 0.2;
  want.efficiency.min_plot_ratio_by_industry["锂电新能源"] = 0.9;  // the map merges key by key
  want.efficiency.min_plot_ratio_by_industry["造纸"] = 0.8;
  expect_same(c, want);
}

TEST(Config, ListsReplaceTheDefault) {
  TempDir dir;
  const std::string path = dir.str("c.json");
  parkgis::test::write_text(path, "\xEF\xBB\xBF"  // a UTF-8 BOM is accepted
                                  R"({"grading": {"indicators": [{"id": "tax_per_mu", "weight": 50, "benchmark": 11.5932},
                                                        {"id": "output_per_mu", "weight": 50, "benchmark": null}]},
       "land_use": {"industrial_prefixes": ["0601"]}})");
  const AnalysisConfig c = load_config(path);
  ASSERT_EQ(c.grading.indicators.size(), 2u);
  EXPECT_EQ(c.grading.indicators[0].benchmark, 11.5932);
  EXPECT_FALSE(c.grading.indicators[1].benchmark);
  EXPECT_EQ(c.land_use.industrial_prefixes, std::vector<std::string>{"0601"});
  EXPECT_EQ(c.land_use.industrial_storage_prefixes, default_config().land_use.industrial_storage_prefixes);
}

TEST(Config, UnknownIndicatorId) {
  TempDir dir;
  const std::string p = dir.str("config.json");
  const std::string msg = load_error(
      dir, R"({"grading": {"indicators": [{"id": "tax_per_mu", "weight": 50}, {"id": "tax_mu", "weight": 5}]}})");
  EXPECT_EQ(msg, p + ": grading.indicators[1].id: unknown indicator \"tax_mu\"; valid ids: tax_per_mu, "
                     "output_per_mu, value_added_per_mu, value_added_per_tce, value_added_per_employee, rnd_share");
}

TEST(Config, NegativeWeight) {
  TempDir dir;
  const std::string p = dir.str("config.json");
  const std::string msg = load_error(dir, R"({"grading": {"indicators": [{"id": "tax_per_mu", "weight": -5}]}})");
  EXPECT_EQ(msg, p + ": grading.indicators[0].weight: negative weight -5");
}

TEST(Config, CutsMustIncreaseWithinZeroToOne) {
  TempDir dir;
  const std::string p = dir.str("config.json");
  EXPECT_EQ(load_error(dir, R"({"grading": {"cuts": {"A": 0.8}}})"),
            p + ": grading.cuts: cut-offs must increase within (0, 1]: A 0.8, B 0.7, C 0.95");
  EXPECT_EQ(load_error(dir, R"({"grading": {"cuts": {"C": 1.2}}})"),
            p + ": grading.cuts: cut-offs must increase within (0, 1]: A 0.25, B 0.7, C 1.2");
  EXPECT_EQ(load_error(dir, R"({"grading": {"cuts": {"A": 0}}})"),
            p + ": grading.cuts: cut-offs must increase within (0, 1]: A 0, B 0.7, C 0.95");
  EXPECT_EQ(load_error(dir, R"({"grading": {"cuts": {"A": 0.1, "B": 0.5, "C": 1}}})"), "");
}

TEST(Config, MalformedJson) {
  TempDir dir;
  const std::string p = dir.str("config.json");
  EXPECT_EQ(load_error(dir, R"({"grading" 1})"),
            p + ": malformed JSON: JSON parsing error: object property name separator ':' expected (at offset 11)");
  EXPECT_EQ(load_error(dir, ""), p + ": malformed JSON: no JSON text");
  EXPECT_EQ(load_error(dir, "[1, 2]"), p + ": the top level must be a JSON object");
}

TEST(Config, UnknownKeys) {
  TempDir dir;
  const std::string p = dir.str("config.json");
  EXPECT_EQ(load_error(dir, R"({"gradng": {}})"),
            p + ": unknown top-level key \"gradng\"; valid keys: grading, efficiency, land_use, idle, vacancy");
  EXPECT_EQ(load_error(dir, R"({"grading": {"cap": 2}})"),
            p + ": grading: unknown key \"cap\"; valid keys: indicators, cap_ratio, cuts, min_land_mu");
}

TEST(Config, OtherValidationErrors) {
  TempDir dir;
  const std::string p = dir.str("config.json");
  EXPECT_EQ(load_error(dir, R"({"grading": {"cap_ratio": "2"}})"), p + ": grading.cap_ratio: must be a number");
  EXPECT_EQ(load_error(dir, R"({"grading": {"indicators": []}})"), p + ": grading.indicators: the list is empty");
  EXPECT_EQ(load_error(dir, R"({"grading": {"indicators": [{"id": "rnd_share", "weight": 1}, {"id": "rnd_share", "weight": 2}]}})"),
            p + ": grading.indicators[1].id: duplicate indicator \"rnd_share\"");
  EXPECT_EQ(load_error(dir, R"({"grading": {"indicators": [{"id": "rnd_share"}]}})"),
            p + ": grading.indicators[0]: missing \"weight\"");
  EXPECT_EQ(load_error(dir, R"({"grading": {"indicators": [{"id": "rnd_share", "weight": 1, "benchmark": 0}]}})"),
            p + ": grading.indicators[0].benchmark: must be greater than 0 (or null for the yearly mean)");
  EXPECT_EQ(load_error(dir, R"({"efficiency": {"min_plot_ratio_by_industry": {"铜材料": -1}}})"),
            p + ": efficiency.min_plot_ratio_by_industry.铜材料: must be greater than 0, not -1");
  EXPECT_EQ(load_error(dir, R"({"land_use": {"industrial_prefixes": ["0601", 61]}})"),
            p + ": land_use.industrial_prefixes[1]: must be a non-empty text");
  EXPECT_EQ(load_error(dir, R"({"vacancy": {"min_months": 2.5}})"),
            p + ": vacancy.min_months: must be a whole number of months from 0 to 120, not 2.5");
}

TEST(Config, VacancyMonths) {
  TempDir dir;
  const std::string path = dir.str("v.json");
  parkgis::test::write_text(path, R"({"vacancy": {"min_months": 12}})");
  EXPECT_EQ(load_config(path).vacancy.min_months, 12);
  EXPECT_EQ(default_config().vacancy.min_months, 6);
  EXPECT_NE(default_config_json().find("\"vacancy\": {\"min_months\": 6}"), std::string::npos);
}

TEST(Config, MissingFile) {
  TempDir dir;
  const std::string path = dir.str("absent.json");
  try {
    load_config(path);
    FAIL() << "no error";
  } catch (const parkgis::DataError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": cannot read the configuration file");
  }
}

TEST(Config, LandUseCodes) {
  const LandUseConfig lu = default_config().land_use;
  for (const char* code : {"0601", "061", " 0601 "}) {
    EXPECT_TRUE(is_industrial(code, lu)) << code;
    EXPECT_TRUE(is_industrial_storage(code, lu)) << code;  // industrial land is 工矿仓储 too
  }
  for (const char* code : {"0602", "0604", "062", "063", "0508"}) {
    EXPECT_FALSE(is_industrial(code, lu)) << code;
    EXPECT_TRUE(is_industrial_storage(code, lu)) << code;
  }
  // GB/T 21010-2017: 1001 railway, 1101 river: not industrial by default.
  for (const char* code : {"", "05", "0701", "1001", "1101", "M1", "W1", "0"}) {
    EXPECT_FALSE(is_industrial(code, lu)) << code;
    EXPECT_FALSE(is_industrial_storage(code, lu)) << code;
  }
  // Datasets coded in the planning classification set their own lists; matching is case-insensitive.
  const LandUseConfig planning{{"1001", "M"}, {"11", "W"}};
  for (const char* code : {"100101", "1001", "M1", "m2"}) EXPECT_TRUE(is_industrial(code, planning)) << code;
  for (const char* code : {"1101", "W1"}) EXPECT_TRUE(is_industrial_storage(code, planning)) << code;
}

// Order 53 choices: a maximum extension of 1 year (Art. 12) and a new grace year after it by default.
TEST(Config, IdleRules) {
  const AnalysisConfig d = default_config();
  EXPECT_EQ(d.idle.max_extension_years, 1);
  EXPECT_TRUE(d.idle.grace_year_after_extension);
  TempDir dir;
  const std::string p = dir.str("config.json");
  parkgis::test::write_text(p, R"({"idle": {"max_extension_years": 2, "grace_year_after_extension": false}})");
  const AnalysisConfig c = load_config(p);
  EXPECT_EQ(c.idle.max_extension_years, 2);
  EXPECT_FALSE(c.idle.grace_year_after_extension);
  EXPECT_EQ(c.idle.min_developed_share_of_footprint, 0.5);
  EXPECT_EQ(load_error(dir, R"({"idle": {"max_extension_years": 1.5}})"),
            p + ": idle.max_extension_years: must be a whole number of years (0 to 100), not 1.5");
  EXPECT_EQ(load_error(dir, R"({"idle": {"grace_year_after_extension": 1}})"),
            p + ": idle.grace_year_after_extension: must be true or false");
  EXPECT_EQ(load_error(dir, R"({"idle": {"grace": true}})"),
            p + ": idle: unknown key \"grace\"; valid keys: max_extension_years, grace_year_after_extension, "
                "min_developed_share_of_footprint");
}
