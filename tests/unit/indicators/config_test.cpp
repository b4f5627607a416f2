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
  ASSERT_EQ(a.grading.schemes.size(), b.grading.schemes.size());
  for (size_t k = 0; k < a.grading.schemes.size(); ++k) {
    const GradingScheme &x = a.grading.schemes[k], &y = b.grading.schemes[k];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.industry_class, y.industry_class);
    EXPECT_EQ(x.scale, y.scale);
    EXPECT_EQ(x.source, y.source);
    ASSERT_EQ(x.indicators.size(), y.indicators.size());
    for (size_t i = 0; i < x.indicators.size(); ++i) {
      EXPECT_EQ(x.indicators[i].id, y.indicators[i].id);
      EXPECT_EQ(x.indicators[i].weight, y.indicators[i].weight);
      EXPECT_EQ(x.indicators[i].benchmark, y.indicators[i].benchmark);
      EXPECT_EQ(x.indicators[i].missing, y.indicators[i].missing);
    }
  }
  EXPECT_EQ(a.grading.group_by, b.grading.group_by);
  EXPECT_EQ(a.grading.logistics_codes, b.grading.logistics_codes);
  EXPECT_EQ(a.grading.rules.zero_tax_d, b.grading.rules.zero_tax_d);
  EXPECT_EQ(a.grading.rules.stopped_d, b.grading.rules.stopped_d);
  EXPECT_EQ(a.grading.rules.reclaim_land_d, b.grading.rules.reclaim_land_d);
  EXPECT_EQ(a.grading.rules.construction_ungraded, b.grading.rules.construction_ungraded);
  EXPECT_EQ(a.grading.rules.construction_period_exempts_producing,
            b.grading.rules.construction_period_exempts_producing);
  EXPECT_EQ(a.grading.cap_ratio, b.grading.cap_ratio);
  EXPECT_EQ(a.grading.cut_a, b.grading.cut_a);
  EXPECT_EQ(a.grading.cut_b, b.grading.cut_b);
  EXPECT_EQ(a.grading.cut_c, b.grading.cut_c);
  EXPECT_EQ(a.grading.min_land_mu, b.grading.min_land_mu);
  EXPECT_EQ(a.control.min_building_coefficient, b.control.min_building_coefficient);
  EXPECT_EQ(a.control.max_office_share, b.control.max_office_share);
  EXPECT_EQ(a.control.max_green_ratio, b.control.max_green_ratio);
  EXPECT_EQ(a.control.office_uses, b.control.office_uses);
  EXPECT_EQ(a.control.code_edition, b.control.code_edition);
  EXPECT_EQ(a.control.min_plot_ratio_by_code, b.control.min_plot_ratio_by_code);
  EXPECT_EQ(a.control.code_by_industry, b.control.code_by_industry);
  EXPECT_EQ(a.control.default_min_plot_ratio, b.control.default_min_plot_ratio);
  EXPECT_EQ(a.control.city_grade, b.control.city_grade);
  EXPECT_EQ(a.control.min_investment_by_code, b.control.min_investment_by_code);
  EXPECT_EQ(a.control.investment_basis, b.control.investment_basis);
  EXPECT_EQ(a.control.landlord_codes, b.control.landlord_codes);
  EXPECT_EQ(a.control.landlord_rule, b.control.landlord_rule);
  EXPECT_EQ(a.control.completion.years_after_start, b.control.completion.years_after_start);
  EXPECT_EQ(a.control.completion.years_after_supply, b.control.completion.years_after_supply);
  EXPECT_EQ(a.low_efficiency.min_plot_ratio, b.low_efficiency.min_plot_ratio);
  EXPECT_EQ(a.low_efficiency.min_coverage, b.low_efficiency.min_coverage);
  EXPECT_EQ(a.low_efficiency.min_tax_per_mu, b.low_efficiency.min_tax_per_mu);
  EXPECT_EQ(a.low_efficiency.zero_tax_years, b.low_efficiency.zero_tax_years);
  EXPECT_EQ(a.low_efficiency.max_factory_vacancy, b.low_efficiency.max_factory_vacancy);
  EXPECT_EQ(a.intensity.supply_years, b.intensity.supply_years);
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
  // 黄岩 2022 (规上 six indicators, 规下 two) and the logistics scheme; each sums to 100.
  ASSERT_EQ(c.grading.schemes.size(), 3u);
  EXPECT_EQ(c.grading.schemes[1].name, "规上工业");
  EXPECT_EQ(c.grading.schemes[1].indicators.size(), 6u);
  EXPECT_EQ(c.grading.schemes[1].indicators[0].id, "tax_per_mu");
  EXPECT_EQ(c.grading.schemes[1].indicators[0].weight, 30);
  EXPECT_EQ(c.grading.schemes[2].indicators[1].id, "tax_per_kwh");
  for (const GradingScheme& s : c.grading.schemes) {
    double total = 0;
    for (const auto& i : s.indicators) {
      total += i.weight;
      EXPECT_FALSE(i.benchmark) << i.id;  // the group's mean
      EXPECT_EQ(i.missing == MissingRule::benchmark, i.id == "value_added_per_emission") << i.id;
    }
    EXPECT_EQ(total, 100) << s.name;
    EXPECT_FALSE(s.source.empty()) << s.name;
  }
  EXPECT_EQ(c.grading.group_by, "county");
  EXPECT_TRUE(c.grading.rules.construction_ungraded);
  EXPECT_FALSE(c.grading.rules.construction_period_exempts_producing);  // producing firms are graded
  EXPECT_EQ(c.grading.cap_ratio, 2.0);
  EXPECT_EQ(c.grading.cut_a, 0.25);
  EXPECT_EQ(c.grading.cut_b, 0.70);
  EXPECT_EQ(c.grading.cut_c, 0.95);
  EXPECT_EQ(c.control.min_building_coefficient, 0.30);
  EXPECT_EQ(c.control.max_office_share, 0.07);
  EXPECT_EQ(c.control.max_green_ratio, 0.20);
  EXPECT_FALSE(c.control.city_grade);  // Ningde's 城市等别 is unconfirmed
  const auto by_name = [&](const char* name) { return *industry_standard(c.control, "", name).min_plot_ratio; };
  EXPECT_EQ(by_name("锂电新能源"), 0.7);
  EXPECT_EQ(by_name("不锈钢新材料"), 0.6);
  EXPECT_EQ(by_name("电子信息"), 1.0);
  EXPECT_EQ(by_name("纺织"), 0.8);
  EXPECT_EQ(by_name("服装"), 1.0);
  EXPECT_EQ(by_name("纺织服装"), 0.8);
  EXPECT_TRUE(industry_standard(c.control, "", "其他").unknown);
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
  want.grading.schemes[1].indicators[0].benchmark = 24.097;
  want.control.city_grade = 9;
  want.control.min_investment_by_code["38"] = {{9, 1500}};
  want.low_efficiency.min_tax_per_mu = 3;
  want.low_efficiency.max_factory_vacancy.reset();
  want.grading.rules.construction_period_exempts_producing = true;
  TempDir dir;
  const std::string path = dir.str("c.json");
  parkgis::test::write_text(path, to_json(want));
  expect_same(load_config(path), want);
}

TEST(Config, FileOverridesOnlyWhatItSets) {
  TempDir dir;
  const std::string path = dir.str("c.json");
  parkgis::test::write_text(path, R"({"grading": {"cap_ratio": 1.5, "cuts": {"A": 0.2}, "group_by": "park",
                 "rules": {"construction_period_exempts_producing": true}},
    "control": {"min_plot_ratio_by_code": {"38": 0.9, "43": 0.7, "25": null}, "city_grade": 9,
                "code_by_industry": {"造纸": "22"}, "completion": {"years_after_start": 3}}})");
  const AnalysisConfig c = load_config(path);
  AnalysisConfig want = default_config();
  want.grading.cap_ratio = 1.5;
  want.grading.cut_a = 0.2;
  want.grading.group_by = "park";
  want.grading.rules.construction_period_exempts_producing = true;  // the other rules keep their default
  want.control.min_plot_ratio_by_code["38"] = 0.9;  // the map merges key by key
  want.control.min_plot_ratio_by_code["43"] = 0.7;
  want.control.min_plot_ratio_by_code.erase("25");   // null removes an entry
  want.control.code_by_industry["造纸"] = "22";
  want.control.city_grade = 9;
  want.control.completion.years_after_start = 3;
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
  ASSERT_EQ(c.grading.schemes.size(), 1u);  // one list of indicators: one scheme for every enterprise
  EXPECT_EQ(c.grading.schemes[0].industry_class, "any");
  EXPECT_EQ(c.grading.schemes[0].scale, "any");
  const auto& inds = c.grading.schemes[0].indicators;
  ASSERT_EQ(inds.size(), 2u);
  EXPECT_EQ(inds[0].benchmark, 11.5932);
  EXPECT_FALSE(inds[1].benchmark);
  EXPECT_EQ(c.land_use.industrial_prefixes, std::vector<std::string>{"0601"});
  EXPECT_EQ(c.land_use.industrial_storage_prefixes, default_config().land_use.industrial_storage_prefixes);
}

TEST(Config, UnknownIndicatorId) {
  TempDir dir;
  const std::string p = dir.str("config.json");
  const std::string msg = load_error(
      dir, R"({"grading": {"indicators": [{"id": "tax_per_mu", "weight": 50}, {"id": "tax_mu", "weight": 5}]}})");
  EXPECT_EQ(msg, p + ": grading.indicators[1].id: unknown indicator \"tax_mu\"; valid ids: tax_per_mu, "
                     "output_per_mu, value_added_per_mu, value_added_per_tce, value_added_per_employee, rnd_share, "
                     "tax_per_kwh, value_added_per_emission");
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
            p + ": unknown top-level key \"gradng\"; valid keys: grading, control, low_efficiency, intensity, land_use, "
                "idle, vacancy, reserve");
  EXPECT_EQ(load_error(dir, R"({"grading": {"cap": 2}})"),
            p + ": grading: unknown key \"cap\"; valid keys: schemes, indicators, cap_ratio, cuts, min_land_mu, "
                "group_by, rules, logistics_codes");
  EXPECT_EQ(load_error(dir, R"({"efficiency": {}})"),
            p + ": the key \"efficiency\" is now \"control\" (工业项目建设用地控制指标); see parkgis analyze --print-config");
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
            p + ": grading.indicators[0].benchmark: must be greater than 0 (or null for the group mean)");
  EXPECT_EQ(load_error(dir, R"({"control": {"min_plot_ratio_by_code": {"32": -1}}})"),
            p + ": control.min_plot_ratio_by_code.32: must be greater than 0, not -1");
  EXPECT_EQ(load_error(dir, R"({"control": {"city_grade": 16}})"),
            p + ": control.city_grade: 城市等别 must be 1 to 15, not 16");
  EXPECT_EQ(load_error(dir, R"({"grading": {"group_by": "city"}})"),
            p + ": grading.group_by: \"city\" is not one of county, park, none");
  EXPECT_EQ(load_error(dir, R"({"grading": {"schemes": [{"name": "x", "indicators": [{"id": "tax_per_mu", "weight": 1, "missing": "mean"}]}]}})"),
            p + ": grading.schemes[0].indicators[0].missing: \"mean\" is not one of zero, benchmark");
  EXPECT_EQ(load_error(dir, R"({"land_use": {"industrial_prefixes": ["0601", 61]}})"),
            p + ": land_use.industrial_prefixes[1]: must be a non-empty text");
  EXPECT_EQ(load_error(dir, R"({"control": {"landlord_rule": "holder"}})"),
            p + ": control.landlord_rule: \"holder\" is not one of tenants, exempt");
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

TEST(Config, ReserveSection) {
  TempDir dir;
  const std::string p = dir.str("config.json");
  const std::string path = dir.str("r.json");
  parkgis::test::write_text(path, R"({"reserve": {"full_area_mu": 80, "weights": {"idle": 0}, "readiness": {"redevelop": 0.5}}})");
  const AnalysisConfig c = load_config(path);
  EXPECT_EQ(c.reserve.full_area_mu, 80);
  EXPECT_EQ(c.reserve.full_width_m, 120);  // default kept
  EXPECT_EQ(c.reserve.weights.idle, 0);
  EXPECT_EQ(c.reserve.weights.area, 0.30);  // merged key by key
  EXPECT_EQ(c.reserve.readiness.at("redevelop"), 0.5);
  EXPECT_EQ(c.reserve.readiness.at("supply"), 1.0);
  EXPECT_EQ(load_config_text(to_json(c), "x").reserve.readiness.at("redevelop"), 0.5);  // round trip
  EXPECT_EQ(load_error(dir, R"({"reserve": {"weights": {"area": -1}}})"),
            p + ": reserve.weights.area: must be 0 or more, not -1");
  EXPECT_EQ(load_error(dir, R"({"reserve": {"weights": {"area": 0, "width": 0, "compactness": 0, "readiness": 0, "idle": 0}}})"),
            p + ": reserve.weights: at least one weight must be greater than 0");
  EXPECT_EQ(load_error(dir, R"({"reserve": {"readiness": {"supply": 2}}})"),
            p + ": reserve.readiness.supply: must be within [0, 1], not 2");
  EXPECT_EQ(load_error(dir, R"({"reserve": {"readiness": {"buy": 1}}})"),
            p + ": reserve.readiness: unknown key \"buy\"; valid keys: fee_then_reclaim, formalize, negotiate, "
                "reclaim_free, redevelop, supply");
  EXPECT_EQ(load_error(dir, R"({"reserve": {"full_width_m": 0}})"),
            p + ": reserve.full_width_m: must be greater than 0, not 0");
}
