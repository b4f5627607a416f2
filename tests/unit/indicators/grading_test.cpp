#include <gtest/gtest.h>

#include "libgis/core/errors.h"
#include "libgis/indicators/grading.h"

using namespace parkgis::indicators;

namespace {

EnterpriseInput ent(const std::string& id, int year, double land_mu, std::optional<double> tax,
                    std::optional<double> output = std::nullopt) {
  EnterpriseInput e;
  e.enterprise_id = id;
  e.year = year;
  e.land_mu = land_mu;
  e.tax_wan = tax;
  e.output_wan = output;
  return e;
}

// One scheme for every enterprise, with the given indicators; no ranking groups.
GradingConfig one_scheme(std::vector<GradingIndicator> indicators) {
  GradingConfig c;
  c.schemes = {{"all", "any", "any", "test", std::move(indicators)}};
  c.group_by = "none";
  return c;
}

GradingConfig tax_only(std::optional<double> benchmark = std::nullopt) {
  return one_scheme({{"tax_per_mu", 100, benchmark}});
}

}  // namespace

TEST(Grading, IndicatorValues) {
  EnterpriseInput e = ent("E", 2023, 10, 300, 5000);
  e.value_added_wan = 1200;
  e.energy_tce = 400;
  e.employees = 60;
  e.rnd_wan = 150;
  EXPECT_DOUBLE_EQ(*indicator_value("tax_per_mu", e), 30);
  EXPECT_DOUBLE_EQ(*indicator_value("output_per_mu", e), 500);
  EXPECT_DOUBLE_EQ(*indicator_value("value_added_per_mu", e), 120);
  EXPECT_DOUBLE_EQ(*indicator_value("value_added_per_tce", e), 3);
  EXPECT_DOUBLE_EQ(*indicator_value("value_added_per_employee", e), 20);
  EXPECT_DOUBLE_EQ(*indicator_value("rnd_share", e), 0.03);
  e.electricity_kwh = 1'500'000;  // 300 万元 × 10000 / 1 500 000 kWh = 2 元/kWh
  e.emissions_t = 4;              // 1200 / 4 = 300 万元/吨
  EXPECT_DOUBLE_EQ(*indicator_value("tax_per_kwh", e), 2);
  EXPECT_DOUBLE_EQ(*indicator_value("value_added_per_emission", e), 300);
  EXPECT_EQ(indicator_ids().size(), 8u);
  for (const std::string& id : indicator_ids()) EXPECT_TRUE(indicator_value(id, e)) << id;

  EnterpriseInput missing = e;
  missing.employees.reset();
  missing.rnd_wan.reset();
  EXPECT_FALSE(indicator_value("value_added_per_employee", missing));
  EXPECT_FALSE(indicator_value("rnd_share", missing));
  missing.land_mu = -1;  // a negative divisor is not a figure
  EXPECT_FALSE(indicator_value("tax_per_mu", missing));
  EXPECT_THROW(indicator_value("tax", e), parkgis::UsageError);
}

// Hand-computed: weights tax_per_mu 60, output_per_mu 40; benchmarks = the year's means; cap 2.
//   id  land  tax  output | tax/mu output/mu
//   E1   10   300   5000  |   30     500
//   E2   20   200   4000  |   10     200
//   E3    5   100   1000  |   20     200
//   E4   10     0   1000  |    0     100
//   E5   20   400    -    |   20      -     (no output: scored at the benchmark)
//   X1    0  1000   9000  |  ungraded, no land (not in the means)
//   X2   10    -    3000  |  ungraded, no tax figure
// Means: tax (30+10+20+0+20)/5 = 16; output (500+200+200+100)/4 = 250.
//   E1 = 30/16×60 + min(500/250, 2)×40 = 112.5 + 80 = 192.5  rank 1, share 0.2 → A
//   E2 = 10/16×60 + 200/250×40 = 37.5 + 32 = 69.5            rank 4, share 0.8 → C
//   E3 = 20/16×60 + 200/250×40 = 75 + 32 = 107                rank 3, share 0.6 → B
//   E4 = 0 + 100/250×40 = 16                                   rank 5, share 1.0 → D
//   E5 = 20/16×60 + 1×40 = 115                                 rank 2, share 0.4 → B
TEST(Grading, HandComputedYear) {
  GradingConfig c = one_scheme({{"tax_per_mu", 60, std::nullopt}, {"output_per_mu", 40, std::nullopt, MissingRule::benchmark}});
  c.rules.zero_tax_d = false;  // E4 (tax 0) is ranked here; the rule has its own test
  const std::vector<EnterpriseInput> in = {
      ent("E1", 2023, 10, 300, 5000), ent("E2", 2023, 20, 200, 4000), ent("X1", 2023, 0, 1000, 9000),
      ent("E3", 2023, 5, 100, 1000),  ent("E4", 2023, 10, 0, 1000),   ent("E5", 2023, 20, 400),
      ent("X2", 2023, 10, std::nullopt, 3000),
  };
  const auto out = grade_enterprises(in, c);
  ASSERT_EQ(out.size(), in.size());
  const struct {
    const char* id;
    double score;
    const char* grade;
  } want[] = {{"E1", 192.5, "A"}, {"E2", 69.5, "C"}, {"E3", 107, "B"}, {"E4", 16, "D"}, {"E5", 115, "B"}};
  const size_t pos[] = {0, 1, 3, 4, 5};
  for (size_t k = 0; k < 5; ++k) {
    const EnterpriseScore& s = out[pos[k]];
    SCOPED_TRACE(s.enterprise_id);
    EXPECT_EQ(s.enterprise_id, want[k].id);
    EXPECT_EQ(s.year, 2023);
    ASSERT_TRUE(s.score);
    EXPECT_NEAR(*s.score, want[k].score, 1e-9);
    EXPECT_EQ(s.grade, want[k].grade);
  }
  EXPECT_EQ(out[0].reason, "");
  EXPECT_EQ(out[5].reason, "无产值数据，按基准值计分");
  EXPECT_DOUBLE_EQ(*out[0].values.at("tax_per_mu"), 30);
  EXPECT_FALSE(out[5].values.at("output_per_mu"));

  EXPECT_EQ(out[2].grade, "ungraded");
  EXPECT_FALSE(out[2].score);
  EXPECT_EQ(out[2].reason, "无用地");
  EXPECT_EQ(out[6].grade, "ungraded");
  EXPECT_EQ(out[6].reason, "无税收数据");
  EXPECT_DOUBLE_EQ(*out[6].values.at("output_per_mu"), 300);  // values still reported
}

TEST(Grading, TiesShareTheBestRank) {
  // Fixed benchmark 10 万元/亩, weight 100: scores 100, 50, 50, 10 → ranks 1, 2, 2, 4 of 4.
  auto out = grade_enterprises({ent("a", 2023, 1, 10), ent("b", 2023, 1, 5), ent("c", 2023, 1, 5),
                                ent("d", 2023, 1, 1)},
                               tax_only(10));
  EXPECT_EQ(out[0].grade, "A");  // 1/4 = 0.25
  EXPECT_EQ(out[1].grade, "B");  // 2/4
  EXPECT_EQ(out[2].grade, "B");
  EXPECT_EQ(out[3].grade, "D");  // 4/4
  // The places are kept (enterprise_metrics.rank): 1, 2, 2, 4.
  EXPECT_EQ(out[0].rank, 1);
  EXPECT_EQ(out[1].rank, 2);
  EXPECT_EQ(out[2].rank, 2);
  EXPECT_EQ(out[3].rank, 4);
  // A tie at the top: both rank 1 (A); then rank 3 → 0.75 (C), rank 4 → D.
  out = grade_enterprises({ent("a", 2023, 1, 10), ent("b", 2023, 1, 10), ent("c", 2023, 1, 5),
                           ent("d", 2023, 1, 1)},
                          tax_only(10));
  EXPECT_EQ(out[0].grade, "A");
  EXPECT_EQ(out[1].grade, "A");
  EXPECT_EQ(out[2].grade, "C");
  EXPECT_EQ(out[3].grade, "D");
}

TEST(Grading, SingleEnterpriseIsA) {
  const auto out = grade_enterprises({ent("only", 2023, 10, 50)}, tax_only());
  EXPECT_EQ(out[0].grade, "A");
  EXPECT_DOUBLE_EQ(*out[0].score, 100);  // its own mean
}

TEST(Grading, RatiosAreCappedAndFlooredAtZero) {
  // Benchmark 10: 50/mu → ratio 5, capped at 2; −20/mu (a refund) → 0.
  GradingConfig c = tax_only(10);
  auto out = grade_enterprises({ent("high", 2023, 1, 50), ent("neg", 2023, 1, -20)}, c);
  EXPECT_DOUBLE_EQ(*out[0].score, 200);
  EXPECT_DOUBLE_EQ(*out[1].score, 0);
  c.cap_ratio = 0;  // no cap
  out = grade_enterprises({ent("high", 2023, 1, 50)}, c);
  EXPECT_DOUBLE_EQ(*out[0].score, 500);
  c.cap_ratio = 1.5;
  out = grade_enterprises({ent("high", 2023, 1, 50)}, c);
  EXPECT_DOUBLE_EQ(*out[0].score, 150);
}

TEST(Grading, MissingFigureScoresZeroOrTheBenchmarkAsTheSchemeSays) {
  GradingConfig c = one_scheme({{"tax_per_mu", 50, 10.0}, {"value_added_per_tce", 50, 2.0, MissingRule::benchmark}});
  EnterpriseInput has = ent("has", 2023, 1, 10);
  has.value_added_wan = 300;
  has.energy_tce = 100;  // 3 万元/吨标煤 → ratio 1.5
  EnterpriseInput no_energy = ent("no_energy", 2023, 1, 10);
  no_energy.value_added_wan = 300;
  EnterpriseInput zero_energy = no_energy;
  zero_energy.enterprise_id = "zero_energy";
  zero_energy.energy_tce = 0;
  auto out = grade_enterprises({has, no_energy, zero_energy}, c);
  EXPECT_DOUBLE_EQ(*out[0].score, 50 + 75);
  EXPECT_DOUBLE_EQ(*out[1].score, 50 + 50);  // missing, rule "benchmark": ratio 1
  EXPECT_EQ(out[1].reason, "无能耗数据，按基准值计分");
  // Zero energy is a figure: 300 / 0 counts as 0, not as missing → 50 + 0.
  EXPECT_DOUBLE_EQ(*out[2].score, 50);
  EXPECT_EQ(out[2].reason, "");
  // Rule "zero" (the default): the missing figure adds nothing.
  c.schemes[0].indicators[1].missing = MissingRule::zero;
  out = grade_enterprises({has, no_energy}, c);
  EXPECT_DOUBLE_EQ(*out[1].score, 50);
  EXPECT_EQ(out[1].reason, "无能耗数据，该项计 0 分");
}

TEST(Grading, IndicatorWithoutBenchmarkScoresZero) {
  // Nobody spends on R&D: the mean is 0, rnd_share adds 0 for everyone.
  GradingConfig c = one_scheme({{"tax_per_mu", 80, std::nullopt}, {"rnd_share", 20, std::nullopt}});
  EnterpriseInput a = ent("a", 2023, 10, 100, 1000), b = ent("b", 2023, 10, 300, 1000);
  a.rnd_wan = b.rnd_wan = 0;
  const auto out = grade_enterprises({a, b}, c);
  EXPECT_DOUBLE_EQ(*out[0].score, 40);   // 10 / 20 × 80
  EXPECT_DOUBLE_EQ(*out[1].score, 120);  // 30 / 20 × 80
  EXPECT_EQ(out[0].reason, "rnd_share：本组无正基准值，计 0 分");
}

TEST(Grading, UngradedReasons) {
  GradingConfig c = tax_only();
  c.min_land_mu = 3;
  const auto out = grade_enterprises({ent("none", 2023, 0, 10), ent("neg", 2023, -1, 10),
                                      ent("small", 2023, 2.5, 10), ent("notax", 2023, 5, std::nullopt),
                                      ent("ok", 2023, 3, 10)},
                                     c);
  EXPECT_EQ(out[0].reason, "无用地");
  EXPECT_EQ(out[1].reason, "无用地");
  EXPECT_EQ(out[2].reason, "用地 2.5 亩，低于最低 3 亩");
  EXPECT_EQ(out[3].reason, "无税收数据");
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(out[i].grade, "ungraded");
    EXPECT_FALSE(out[i].score);
  }
  EXPECT_EQ(out[4].grade, "A");  // the only graded one
}

TEST(Grading, YearsAreGradedSeparately) {
  // 2022: a 10/mu, b 30/mu → mean 20 → a 50, b 150 (b rank 1 of 2 → B, a → D).
  // 2023: a 40/mu, b 40/mu → mean 40 → both 100, tied at rank 1 of 2 → B.
  const auto out = grade_enterprises({ent("a", 2022, 1, 10), ent("a", 2023, 1, 40), ent("b", 2022, 1, 30),
                                      ent("b", 2023, 1, 40)},
                                     tax_only());
  EXPECT_EQ(out[0].year, 2022);
  EXPECT_DOUBLE_EQ(*out[0].score, 50);
  EXPECT_EQ(out[0].grade, "D");
  EXPECT_DOUBLE_EQ(*out[2].score, 150);
  EXPECT_EQ(out[2].grade, "B");
  EXPECT_EQ(out[1].year, 2023);
  EXPECT_DOUBLE_EQ(*out[1].score, 100);
  EXPECT_DOUBLE_EQ(*out[3].score, 100);
  EXPECT_EQ(out[1].grade, "B");
  EXPECT_EQ(out[3].grade, "B");
}
