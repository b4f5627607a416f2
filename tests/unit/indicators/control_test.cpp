// 2008 control indicators and the 低效用地 screening (hand-computed).
#include <gtest/gtest.h>

#include "libgis/indicators/config.h"
#include "libgis/indicators/control.h"

using namespace parkgis;
using namespace parkgis::indicators;

TEST(Control, CompletionDue) {
  const CompletionConfig c{2, 3};
  const Date agreed{2027, 3, 1}, start{2024, 2, 29}, supply{2023, 5, 10};
  EXPECT_EQ(*completion_due(agreed, start, supply, c), agreed);
  EXPECT_EQ(*completion_due(std::nullopt, start, supply, c), (Date{2026, 2, 28}));  // 2 years after the start
  EXPECT_EQ(*completion_due(std::nullopt, std::nullopt, supply, c), (Date{2026, 5, 10}));  // 3 after supply
  EXPECT_FALSE(completion_due(std::nullopt, std::nullopt, std::nullopt, c));
}

TEST(Control, IndustryByCodeThenName) {
  const ControlConfig c = default_config().control;
  // GB/T 4754-2017 3841 锂离子电池 → 38 电气机械 (2002: 39) → 0.7.
  IndustryStandard s = industry_standard(c, "C3841", "whatever");
  EXPECT_EQ(*s.min_plot_ratio, 0.7);
  EXPECT_FALSE(s.unknown);
  EXPECT_EQ(s.note, "");
  EXPECT_EQ(*industry_standard(c, "2920", "").min_plot_ratio, 1.0);  // 292 塑料制品 (longest prefix)
  EXPECT_EQ(*industry_standard(c, "2910", "").min_plot_ratio, 0.8);  // 291 橡胶制品
  EXPECT_EQ(*industry_standard(c, "39", "").min_plot_ratio, 1.0);    // 2017 39 电子 (2002: 40)
  // No code: the name's code.
  s = industry_standard(c, "", "不锈钢新材料");  // → 31 → 0.6
  EXPECT_EQ(*s.min_plot_ratio, 0.6);
  EXPECT_FALSE(s.unknown);
  EXPECT_EQ(s.note, "无行业代码，按行业名称“不锈钢新材料”取代码 31");
  // Unknown code: flagged, not silently 0.7, even when the name is known.
  s = industry_standard(c, "C4330", "锂电新能源");
  EXPECT_TRUE(s.unknown);
  EXPECT_FALSE(s.min_plot_ratio);
  EXPECT_EQ(s.note, "行业代码 C4330 不在控制指标表中，容积率未核");
  s = industry_standard(c, "", "养殖");
  EXPECT_TRUE(s.unknown);
  EXPECT_EQ(s.note, "无行业代码，行业“养殖”不在控制指标表中，容积率未核");
  // An explicit default is used, still flagged.
  ControlConfig d = c;
  d.default_min_plot_ratio = 0.7;
  s = industry_standard(d, "9999", "");
  EXPECT_TRUE(s.unknown);
  EXPECT_EQ(*s.min_plot_ratio, 0.7);
  // 2002 codes: 39 is 电气机械 there (0.7), 40 电子 (1.0).
  EXPECT_EQ(builtin_min_plot_ratio("2002").at("39"), 0.7);
  EXPECT_EQ(builtin_min_plot_ratio("2002").at("40"), 1.0);
}

TEST(Control, StandardFactoriesOfTheParkCompanyAreJudgedByTheirTenants) {
  ControlConfig c = default_config().control;
  // The holder's code 7221 园区管理服务 marks the park company (section letter ignored); 7222 does not.
  EXPECT_TRUE(is_landlord_code(c, "L7221"));
  EXPECT_TRUE(is_landlord_code(c, "7221"));
  EXPECT_FALSE(is_landlord_code(c, "7222"));
  EXPECT_FALSE(is_landlord_code(c, ""));
  EXPECT_TRUE(industry_standard(c, "7221", "").unknown);  // why the rule exists: no row for 7221

  // Tenants 1310 农副食品 (1.0), 3841 电池 (0.7) and 9999 (not in the table): the highest known minimum, 1.0.
  const std::vector<IndustryStandard> tenants = {industry_standard(c, "1310", ""), industry_standard(c, "3841", ""),
                                                 industry_standard(c, "9999", "")};
  IndustryStandard s = landlord_standard(c, tenants);
  ASSERT_TRUE(s.min_plot_ratio);
  EXPECT_EQ(*s.min_plot_ratio, 1.0);
  EXPECT_FALSE(s.unknown);
  EXPECT_EQ(s.note, "标准厂房（园区运营主体持有），按 2 家在租企业行业中最高的容积率下限 1.00 核（另有 1 家行业不在表中）");

  // Only the battery maker: 0.7.
  EXPECT_EQ(*landlord_standard(c, {industry_standard(c, "3841", "")}).min_plot_ratio, 0.7);
  // No tenant, or none with a known industry: not checked and not flagged.
  s = landlord_standard(c, {});
  EXPECT_FALSE(s.min_plot_ratio);
  EXPECT_FALSE(s.unknown);
  EXPECT_EQ(s.note, "标准厂房（园区运营主体持有），无在租企业，容积率未核");
  EXPECT_FALSE(landlord_standard(c, {industry_standard(c, "9999", "")}).min_plot_ratio);
  // "exempt": never checked.
  c.landlord_rule = "exempt";
  s = landlord_standard(c, tenants);
  EXPECT_FALSE(s.min_plot_ratio);
  EXPECT_EQ(s.note, "标准厂房（园区运营主体持有），按配置不核容积率");
}

TEST(Control, InvestmentNeedsCityGradeAndTable) {
  ControlConfig c = default_config().control;
  EXPECT_FALSE(industry_standard(c, "3841", "").min_investment);  // no 等别 configured
  c.city_grade = 9;
  c.min_investment_by_code["38"] = {{9, 1500}, {10, 1200}};
  EXPECT_EQ(*industry_standard(c, "3841", "").min_investment, 1500);
  EXPECT_FALSE(industry_standard(c, "3971", "").min_investment);  // code not in the table
  // 项目固定资产总投资 includes the land price: invested 2000 + price 500 = 2500 万元.
  EXPECT_EQ(*fixed_investment_wan(2000.0, 5000.0, 500.0, c), 2500);
  c.investment_basis = "total";
  EXPECT_EQ(*fixed_investment_wan(2000.0, 5000.0, 500.0, c), 5500);
  EXPECT_FALSE(fixed_investment_wan(2000.0, 5000.0, std::nullopt, c));
}

// 1 公顷 parcel (10 000 m²): footprint 2 500 → 建筑系数 25 % < 30 %; floor 6 000 → 容积率 0.6 < 0.7;
// office + dormitory floor 600 → 600 / 6 000 = 10 % > 7 %; green 2 500 → 25 % > 20 %;
// investment 2 500 万元 → 2 500 万元/公顷 < 3 000.
TEST(Control, ChecksHandComputed) {
  ControlConfig c = default_config().control;
  ControlInput in;
  in.area_m2 = 10000;
  in.footprint_m2 = 2500;
  in.floor_m2 = 6000;
  in.office_floor_m2 = 600;
  in.green_m2 = 2500;
  in.investment_wan = 2500;
  in.industry.min_plot_ratio = 0.7;
  in.industry.min_investment = 3000;
  ControlResult r = check_control(in, c);
  EXPECT_NEAR(*r.investment_wan_per_ha, 2500, 1e-9);
  EXPECT_NEAR(*r.office_share, 0.10, 1e-12);
  EXPECT_NEAR(*r.green_ratio, 0.25, 1e-12);
  EXPECT_TRUE(r.low_coverage);
  EXPECT_TRUE(r.low_plot_ratio);
  EXPECT_TRUE(r.low_investment);
  EXPECT_TRUE(r.high_office);
  EXPECT_TRUE(r.high_green);
  EXPECT_TRUE(r.below());
  // At the limits nothing fails: 30 %, 0.7, 7 %, 20 %, 3 000.
  in.footprint_m2 = 3000;
  in.floor_m2 = 7000;
  in.office_floor_m2 = 490;  // 7 % of 7 000
  in.green_m2 = 2000;
  in.investment_wan = 3000;
  r = check_control(in, c);
  EXPECT_FALSE(r.below());
  // Figures that are missing are not checked.
  in.green_m2.reset();
  in.investment_wan.reset();
  in.industry.min_plot_ratio.reset();
  in.floor_m2 = 0;
  r = check_control(in, c);
  EXPECT_FALSE(r.green_ratio);
  EXPECT_FALSE(r.office_share);
  EXPECT_FALSE(r.investment_wan_per_ha);
  EXPECT_FALSE(r.below());
  EXPECT_TRUE(is_office_use(c, "宿舍"));
  EXPECT_TRUE(is_office_use(c, " office "));
  EXPECT_FALSE(is_office_use(c, "厂房"));
}

TEST(Control, LowEfficiencyScreening) {
  LowEfficiencyConfig c;  // defaults: control plot ratio, 30 %, zero tax 2 years, vacancy 50 %
  LowEfficiencyInput in;
  in.plot_ratio = 0.5;
  in.coverage = 0.25;
  in.control_min_plot_ratio = 0.7;
  in.tax_per_mu = 3;
  in.zero_tax_years = 2;
  in.factory_vacancy = 0.6;
  auto why = low_efficiency_reasons(in, c);
  ASSERT_EQ(why.size(), 4u);  // no tax floor by default
  EXPECT_EQ(why[0], "容积率 0.50 低于 0.70");
  EXPECT_EQ(why[1], "建筑系数 25.0% 低于 30.0%");
  EXPECT_EQ(why[2], "连续 2 年税收为 0");
  EXPECT_EQ(why[3], "厂房闲置率 60.0% 超过 50.0%");
  c.min_tax_per_mu = 5;
  EXPECT_EQ(low_efficiency_reasons(in, c)[2], "亩均税收 3.00 万元/亩 低于 5.00");
  LowEfficiencyInput fine{1.2, 0.45, 0.7, 30.0, 1, 0.1};
  EXPECT_TRUE(low_efficiency_reasons(fine, c).empty());
  c.enabled = false;
  EXPECT_TRUE(low_efficiency_reasons(in, c).empty());
}

TEST(Control, ZeroTaxRun) {
  using Y = std::vector<std::pair<int, std::optional<double>>>;
  EXPECT_EQ(zero_tax_run(Y{{2023, 0.0}, {2024, 0.0}, {2025, 0.0}}), 3);
  EXPECT_EQ(zero_tax_run(Y{{2022, 0.0}, {2024, 0.0}, {2025, 0.0}}), 2);  // 2023 missing from the data
  EXPECT_EQ(zero_tax_run(Y{{2024, 0.0}, {2025, 5.0}}), 0);
  EXPECT_EQ(zero_tax_run(Y{{2024, 0.0}, {2025, std::nullopt}}), 0);  // no figure is not a zero
  EXPECT_EQ(zero_tax_run(Y{}), 0);
}
