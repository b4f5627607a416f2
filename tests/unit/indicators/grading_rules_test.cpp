// The absolute rules, ranking groups and schemes of the 亩均 grading (issue #11), hand-computed.
#include <gtest/gtest.h>

#include "libgis/indicators/config.h"
#include "libgis/indicators/grading.h"

using namespace parkgis::indicators;

namespace {

EnterpriseInput firm(const std::string& id, double land_mu, double tax, double output) {
  EnterpriseInput e;
  e.enterprise_id = id;
  e.year = 2025;
  e.land_mu = land_mu;
  e.tax_wan = tax;
  e.output_wan = output;
  return e;
}

GradingConfig tax_only() {
  GradingConfig c;
  c.schemes = {{"all", "any", "any", "test", {{"tax_per_mu", 100, std::nullopt}}}};
  c.group_by = "none";
  return c;
}

const EnterpriseScore& by_id(const std::vector<EnterpriseScore>& out, const std::string& id) {
  for (const EnterpriseScore& s : out)
    if (s.enterprise_id == id) return s;
  throw std::runtime_error("no " + id);
}

}  // namespace

// The case: zero output, tax, value added, energy, staff (and emissions) on 10 亩. Before, the
// zero divisors counted as missing and scored the benchmark (35 points, graded B among weaker firms).
// Now every indicator is 0 (0/10 亩, 0/0 tce, 0/0 staff, 0/0 output, 0/0 t) → score 0, and the rule
// "zero tax → D" grades it D whatever the ranking says.
TEST(GradingRules, DormantFirmIsD) {
  GradingConfig c = default_config().grading;
  c.group_by = "none";
  EnterpriseInput dormant = firm("dormant", 10, 0, 0);
  dormant.value_added_wan = 0;
  dormant.energy_tce = 0;
  dormant.employees = 0;
  dormant.rnd_wan = 0;
  dormant.emissions_t = 0;
  std::vector<EnterpriseInput> in = {dormant};
  for (int k = 0; k < 4; ++k) {
    EnterpriseInput e = firm("f" + std::to_string(k), 10, 10.0 * (k + 1), 1000.0 * (k + 1));
    e.value_added_wan = 200.0 * (k + 1);
    e.energy_tce = 100;
    e.employees = 20;
    e.rnd_wan = 10;
    in.push_back(e);
  }
  const auto out = grade_enterprises(in, c);
  EXPECT_EQ(out[0].scheme, "规上工业");
  ASSERT_TRUE(out[0].score);
  EXPECT_DOUBLE_EQ(*out[0].score, 0);
  EXPECT_EQ(out[0].grade, "D");
  EXPECT_EQ(out[0].reason.rfind("税收为 0，直接定为 D 类", 0), 0u) << out[0].reason;
  for (const auto& [id, v] : out[0].values) {
    ASSERT_TRUE(v) << id;
    EXPECT_EQ(*v, 0) << id;
  }
  // The four working firms are ranked among themselves: 1/4 → A ... 4/4 → D.
  EXPECT_EQ(out[4].grade, "A");
  EXPECT_EQ(out[1].grade, "D");
}

// tax 0 on 10 亩 → 亩均税收 0 (scores 0); value added 100 on 0 tce → 0 (a zero divisor is a zero);
// 0 / 0 staff → 0. Only a missing figure or a negative divisor gives no value.
TEST(GradingRules, ZeroDenominatorsAreZeros) {
  EnterpriseInput e = firm("z", 10, 0, 500);
  e.value_added_wan = 100;
  e.energy_tce = 0;
  e.employees = 0;
  EXPECT_EQ(*indicator_value("tax_per_mu", e), 0);
  EXPECT_EQ(*indicator_value("value_added_per_tce", e), 0);
  EXPECT_EQ(*indicator_value("value_added_per_employee", e), 0);
  e.value_added_wan = 0;
  EXPECT_EQ(*indicator_value("value_added_per_tce", e), 0);  // 0/0
  e.energy_tce = -1;
  EXPECT_FALSE(indicator_value("value_added_per_tce", e));
  e.energy_tce.reset();
  EXPECT_FALSE(indicator_value("value_added_per_tce", e));

  // Scored with the zero-tax rule off: tax 0 / benchmark 10 → 0 points; the other firm 20/10 → 200.
  GradingConfig c = tax_only();
  c.rules.zero_tax_d = false;
  const auto out = grade_enterprises({firm("zero", 10, 0, 500), firm("ok", 1, 20, 500)}, c);
  EXPECT_DOUBLE_EQ(*out[0].score, 0);
  EXPECT_DOUBLE_EQ(*out[1].score, 200);  // mean (0 + 20) / 2 = 10; 20 / 10 = 2 (the cap) × 100
}

TEST(GradingRules, StoppedProductionAndReclaimLandAreD) {
  GradingConfig c = tax_only();
  EnterpriseInput stopped = firm("stopped", 10, 50, 0);  // tax (e.g. land-use tax) but no output
  EnterpriseInput reclaim = firm("reclaim", 10, 500, 9000);
  reclaim.holds_reclaim_land = true;
  const auto out = grade_enterprises({stopped, reclaim, firm("ok", 10, 20, 300)}, c);
  EXPECT_EQ(out[0].grade, "D");
  EXPECT_EQ(out[0].reason, "产值为 0（停产），直接定为 D 类");
  EXPECT_EQ(out[1].grade, "D");
  EXPECT_EQ(out[1].reason, "持有满两年未动工土地（疑似可无偿收回），直接定为 D 类");
  // Both are scored (benchmark = (5 + 50 + 2) / 3 = 19 万元/亩) but not ranked: "ok" is ranked alone → A.
  EXPECT_NEAR(*out[1].score, 200, 1e-9);  // 50 / 19 > 2 → the cap
  EXPECT_NEAR(*out[2].score, 2.0 / 19 * 100, 1e-9);
  EXPECT_EQ(out[2].grade, "A");
  // Rules off: ranked like everyone else (reclaim 200 → share 1/3 B, stopped 5/19×100 → 2/3 B, ok → 3/3 D).
  c.rules.stopped_d = false;
  c.rules.reclaim_land_d = false;
  const auto off = grade_enterprises({stopped, reclaim, firm("ok", 10, 20, 300)}, c);
  EXPECT_EQ(off[1].grade, "B");
  EXPECT_EQ(off[0].grade, "B");
  EXPECT_EQ(off[2].grade, "D");
}

// Inside the contract construction period and not producing: 不定等级. Not producing = no output above 0
// and, when output is not recorded, no tax above 0: a firm still building pays the land-use tax with output 0.
TEST(GradingRules, ConstructionPeriodWithoutProductionIsUngraded) {
  GradingConfig c = tax_only();
  EnterpriseInput building = firm("new", 10, 0, 0);
  building.in_construction = true;
  building.construction_note = "竣工期限 2027-03-01";
  EnterpriseInput land_tax_only = building;  // 0.4 万元/亩 of land-use tax, output 0
  land_tax_only.tax_wan = 4;
  EnterpriseInput no_figures = building;
  no_figures.tax_wan.reset();
  no_figures.output_wan.reset();
  const auto out = grade_enterprises({building, land_tax_only, no_figures, firm("ok", 10, 20, 300)}, c);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(out[i].grade, "ungraded") << i;
    EXPECT_FALSE(out[i].score) << i;
    EXPECT_EQ(out[i].reason, "在合同约定建设期内（竣工期限 2027-03-01），尚未投产，不定等级") << i;
  }
  EXPECT_EQ(out[3].grade, "A");  // alone in the ranking, its own mean → 100
  EXPECT_DOUBLE_EQ(*out[3].score, 100);
  c.rules.construction_ungraded = false;  // then the zero tax makes it D
  EXPECT_EQ(grade_enterprises({building}, c)[0].grade, "D");
}

// Inside the construction period but producing: graded on its figures, with a note (rule
// construction_period_exempts_producing, default false). 亩均税收: new 40 / 10 亩 = 4, ok 20 / 10 = 2;
// mean 3 → new 4 / 3 × 100 = 133.3 (rank 1 of 2, share 0.5 → B), ok 2 / 3 × 100 = 66.7 (share 1 → D).
TEST(GradingRules, ConstructionPeriodWithProductionIsGraded) {
  GradingConfig c = tax_only();
  EnterpriseInput producing = firm("new", 10, 40, 3000);
  producing.in_construction = true;
  producing.construction_note = "竣工期限 2027-03-01";
  const auto out = grade_enterprises({producing, firm("ok", 10, 20, 300)}, c);
  EXPECT_EQ(out[0].grade, "B");
  EXPECT_NEAR(*out[0].score, 400.0 / 3, 1e-9);
  EXPECT_EQ(out[0].reason, "在合同约定建设期内（竣工期限 2027-03-01），已投产，按当年数据评价");
  EXPECT_EQ(out[1].grade, "D");
  EXPECT_NEAR(*out[1].score, 200.0 / 3, 1e-9);

  // Producing with tax 0: the zero-tax rule applies as to any producing firm (it scores 0 and counts in
  // the mean: (0 + 2) / 2 = 1 → ok 2 / 1 = 2 → 200, ranked alone → A).
  EnterpriseInput untaxed = producing;
  untaxed.tax_wan = 0;
  const auto zero = grade_enterprises({untaxed, firm("ok", 10, 20, 300)}, c);
  EXPECT_EQ(zero[0].grade, "D");
  EXPECT_EQ(zero[0].reason, "税收为 0，直接定为 D 类；在合同约定建设期内（竣工期限 2027-03-01），已投产，按当年数据评价");
  EXPECT_DOUBLE_EQ(*zero[1].score, 200);

  // The switch on: the construction period exempts producing firms too (ok alone → A, 100).
  c.rules.construction_period_exempts_producing = true;
  const auto exempt = grade_enterprises({producing, firm("ok", 10, 20, 300)}, c);
  EXPECT_EQ(exempt[0].grade, "ungraded");
  EXPECT_EQ(exempt[0].reason, "在合同约定建设期内（竣工期限 2027-03-01），不定等级");
  EXPECT_EQ(exempt[1].grade, "A");
}

TEST(GradingRules, StartedProduction) {
  EXPECT_TRUE(started_production(firm("out", 10, 0, 500)));   // output above 0, whatever the tax
  EXPECT_FALSE(started_production(firm("lt", 10, 3, 0)));     // output 0 with land-use tax
  EXPECT_FALSE(started_production(firm("zero", 10, 0, 0)));
  EnterpriseInput no_output = firm("no", 10, 3, 0);
  no_output.output_wan.reset();
  EXPECT_TRUE(started_production(no_output));  // no output figure: tax above 0 is the sign
  no_output.tax_wan.reset();
  EXPECT_FALSE(started_production(no_output));
}

// Two counties. 亩均税收 (万元/亩): 甲 a1 10, a2 20; 乙 b1 1, b2 2. Weight 100, cap 2.
// group_by county: 甲 mean 15 → a1 66.7, a2 133.3; 乙 mean 1.5 → b1 66.7, b2 133.3; each county: rank 1 of
//   2 (share 0.5) → B, rank 2 (1.0) → D.
// group_by none: mean 8.25 → a2 min(2.42, 2) = 200 (A, 1/4), a1 121.2 (B, 2/4), b2 24.2 (C, 3/4), b1 12.1 (D).
TEST(GradingRules, GroupByCountyOrNone) {
  const struct {
    const char* id;
    const char* county;
    double tax;
  } firms[] = {{"a1", "甲县", 10}, {"a2", "甲县", 20}, {"b1", "乙县", 1}, {"b2", "乙县", 2}};
  const auto run = [&](const std::string& group_by) {
    GradingConfig c = tax_only();
    c.group_by = group_by;
    std::vector<EnterpriseInput> in;
    for (const auto& f : firms) {
      EnterpriseInput e = firm(f.id, 1, f.tax, 100);
      e.group = grading_group(c, f.county, std::string("P-") + f.county);
      in.push_back(e);
    }
    return grade_enterprises(in, c);
  };
  const auto county = run("county");
  EXPECT_EQ(by_id(county, "a1").grade, "D");
  EXPECT_EQ(by_id(county, "a2").grade, "B");
  EXPECT_EQ(by_id(county, "b1").grade, "D");
  EXPECT_EQ(by_id(county, "b2").grade, "B");
  EXPECT_NEAR(*by_id(county, "b2").score, 2 / 1.5 * 100, 1e-9);
  const auto none = run("none");
  EXPECT_EQ(by_id(none, "a2").grade, "A");
  EXPECT_EQ(by_id(none, "a1").grade, "B");
  EXPECT_EQ(by_id(none, "b2").grade, "C");
  EXPECT_EQ(by_id(none, "b1").grade, "D");
  EXPECT_NEAR(*by_id(none, "a1").score, 10 / 8.25 * 100, 1e-9);
  EXPECT_EQ(run("park")[0].grade, "D");  // one park per county here: as by county
}

// Default schemes, 规下 (黄岩: 亩均税收 50 + 单位电耗税收 50):
//   s1: 50 万元 on 10 亩 → 5 万元/亩; 500 000 kWh → 50×10000/500000 = 1 元/kWh
//   s2: 150 万元 on 10 亩 → 15;       500 000 kWh → 3 元/kWh
//   means 10 and 2: s1 = 0.5×50 + 0.5×50 = 50 (2/2 → D); s2 = 1.5×50 + 1.5×50 = 150 (1/2 → B).
// The 规上 firm is in a population of its own (A).
TEST(GradingRules, SmallFirmScheme) {
  GradingConfig c = default_config().grading;
  EnterpriseInput s1 = firm("s1", 10, 50, 800), s2 = firm("s2", 10, 150, 1500);
  s1.scale = s2.scale = "规下";
  s1.electricity_kwh = s2.electricity_kwh = 500'000;
  EnterpriseInput big = firm("big", 10, 300, 9000);
  big.scale = "规上";
  const auto out = grade_enterprises({s1, s2, big}, c);
  EXPECT_EQ(out[0].scheme, "规下工业");
  EXPECT_EQ(out[0].values.size(), 2u);
  EXPECT_DOUBLE_EQ(*out[0].values.at("tax_per_kwh"), 1);
  EXPECT_DOUBLE_EQ(*out[0].score, 50);
  EXPECT_DOUBLE_EQ(*out[1].score, 150);
  EXPECT_EQ(out[0].grade, "D");
  EXPECT_EQ(out[1].grade, "B");
  EXPECT_EQ(out[2].scheme, "规上工业");
  EXPECT_EQ(out[2].grade, "A");
}

// Logistics by GB/T 4754 code (section G, 53–60): scheme 物流仓储, 亩均税收 60 + 亩均营业收入 40.
//   l1: 100 万元 tax, 1000 万元 revenue on 10 亩 → 10, 100; l2: 300, 3000 on 10 亩 → 30, 300; means 20, 200.
//   l1 = 0.5×60 + 0.5×40 = 50; l2 = 1.5×60 + 1.5×40 = 150.
TEST(GradingRules, LogisticsScheme) {
  GradingConfig c = default_config().grading;
  EXPECT_EQ(industry_class(c, "G5920"), "logistics");
  EXPECT_EQ(industry_class(c, "5410"), "logistics");
  EXPECT_EQ(industry_class(c, " g "), "logistics");
  EXPECT_EQ(industry_class(c, "C3841"), "manufacturing");
  EXPECT_EQ(industry_class(c, "5110"), "manufacturing");  // 51 is wholesale in GB/T 4754-2017
  EXPECT_EQ(industry_class(c, ""), "manufacturing");
  EnterpriseInput l1 = firm("l1", 10, 100, 1000), l2 = firm("l2", 10, 300, 3000);
  l1.industry_code = "G5920";
  l2.industry_code = "5810";
  l1.scale = "规下";  // scale does not matter for logistics
  const auto out = grade_enterprises({l1, l2}, c);
  EXPECT_EQ(out[0].scheme, "物流仓储");
  EXPECT_EQ(out[1].scheme, "物流仓储");
  EXPECT_DOUBLE_EQ(*out[0].score, 50);
  EXPECT_DOUBLE_EQ(*out[1].score, 150);
}

TEST(GradingRules, NoMatchingSchemeIsUngraded) {
  GradingConfig c = default_config().grading;
  c.schemes.erase(c.schemes.begin());  // no logistics scheme left
  EnterpriseInput l = firm("l", 10, 100, 1000);
  l.industry_code = "G5920";
  const auto out = grade_enterprises({l}, c);
  EXPECT_EQ(out[0].grade, "ungraded");
  EXPECT_EQ(out[0].reason, "无适用的评价方案");
}
