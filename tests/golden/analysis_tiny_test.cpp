// Analysis of the hand-made tiny dataset (tests/support/tiny_dataset.h), every figure computed by hand.
// Areas in m² with a tolerance of 1e-6 m².
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "libgis/analysis/analyze.h"
#include "libgis/history/dated_view.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;
using parkgis::store::Value;

namespace {

constexpr double kTol = 1e-6;  // m²
constexpr double kMu = 15.0 / 10000.0;

using RowMap = std::map<std::string, Value>;

std::map<std::string, RowMap> table(parkgis::store::Store& s, const std::string& name, const std::string& key) {
  std::map<std::string, RowMap> out;
  const auto cols = s.columns(name);
  s.read_table(name, cols, false, "", [&](const parkgis::store::Row& r) {
    RowMap m;
    for (std::size_t i = 0; i < cols.size(); ++i) m[cols[i]] = r.values[i];
    out[parkgis::store::value_text(m[key])] = m;
  });
  return out;
}

double num(const RowMap& r, const std::string& c) {
  const Value& v = r.at(c);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  ADD_FAILURE() << c << " is not a number";
  return 0;
}
std::string txt(const RowMap& r, const std::string& c) { return parkgis::store::value_text(r.at(c)); }

// The database as of the evaluation of `as_of` (an earlier date than the latest lies in the archives).
std::unique_ptr<parkgis::store::Store> evaluation(parkgis::store::Store& s, const std::optional<parkgis::Date>& as_of) {
  return parkgis::history::evaluation_view(s, as_of);
}

class AnalysisTiny : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(tmp.path() / "ds");
    parkgis::test::write_tiny_dataset(tmp.str("ds"));
    parkgis::import_dataset({tmp.str("ds"), tmp.str("x.sqlite"), {}});
    store = parkgis::store::open_spatialite(tmp.str("x.sqlite"));
    parkgis::analysis::AnalyzeOptions o;
    o.as_of = parkgis::Date{2026, 6, 30};
    result = parkgis::analysis::analyze(*store, o);
  }
  parkgis::test::TempDir tmp;
  std::unique_ptr<parkgis::store::Store> store;
  parkgis::analysis::AnalyzeResult result;
};

}  // namespace

TEST_F(AnalysisTiny, ParcelMetrics) {
  auto p = table(*store, "parcel_metrics", "parcel_id");
  ASSERT_EQ(p.size(), 4u);
  const RowMap& a = p.at("A");
  EXPECT_NEAR(num(a, "area_m2"), 10000.0, kTol);
  EXPECT_NEAR(num(a, "area_mu"), 15.0, 1e-9);
  EXPECT_NEAR(num(a, "footprint_m2"), 400.0, kTol);  // b1: 20 m × 20 m
  EXPECT_NEAR(num(a, "coverage"), 0.04, 1e-12);
  EXPECT_NEAR(num(a, "floor_m2"), 800.0, kTol);      // 2 floors, from the footprint
  EXPECT_NEAR(num(a, "plot_ratio"), 0.08, 1e-12);
  EXPECT_EQ(num(a, "supplied"), 1);
  EXPECT_EQ(num(a, "started"), 0);
  // Agreed start 2020-06-01, never started: as of 2026-06-30 past the 2nd anniversary (2022-06-01).
  EXPECT_EQ(txt(a, "idle_status"), "reclaim_candidate");
  EXPECT_EQ(num(a, "idle_days"), 2220);  // 2191 days to 2026-06-01 (two leap days) + 29
  // Its holder E1 has only this parcel: output 12000, tax 800 on 15 亩.
  EXPECT_NEAR(num(a, "output_wan"), 12000.0, 1e-9);
  EXPECT_NEAR(num(a, "tax_per_mu"), 800.0 / 15.0, 1e-9);  // built on (b1): 亩均 shown
  EXPECT_EQ(txt(a, "grade"), "D");  // its holder holds reclaim-candidate land (A itself)
  EXPECT_EQ(txt(a, "enterprise_name"), "宁德时代新能源科技股份有限公司");
  // Built on (b1) and due complete (supplied 2020-01-15, not started: 3 years later, 2023-01-15), so
  // the 2008 check applies: coverage 4 % < 30 %, plot ratio 0.08 < 0.7 (锂电新能源 → code 384 → 38).
  EXPECT_EQ(txt(a, "completion_due"), "2023-01-15");
  EXPECT_NEAR(num(a, "min_plot_ratio"), 0.7, 1e-12);
  EXPECT_EQ(num(a, "industry_unknown"), 0);
  EXPECT_EQ(num(a, "low_coverage"), 1);
  EXPECT_EQ(num(a, "low_plot_ratio"), 1);
  EXPECT_EQ(num(a, "below_control"), 1);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(a.at("green_ratio")));  // no green_m2 field
  EXPECT_TRUE(std::holds_alternative<std::monostate>(a.at("high_green_ratio")));
  EXPECT_NEAR(num(a, "office_share"), 0.0, 1e-12);  // b1 is a factory
  // Screening: plot ratio and coverage below, so a suspected low-efficiency parcel.
  EXPECT_EQ(num(a, "low_efficiency"), 1);
  EXPECT_EQ(txt(a, "low_efficiency_reason"), "容积率 0.08 低于 0.70；建筑系数 4.0% 低于 30.0%");
  // B is industrial but neither supplied nor built on: not checked.
  EXPECT_TRUE(std::holds_alternative<std::monostate>(p.at("B").at("below_control")));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(p.at("B").at("low_efficiency")));

  const RowMap& c = p.at("C");  // the repaired bow-tie: two triangles of 2500 m²
  EXPECT_NEAR(num(c, "area_m2"), 5000.0, kTol);
  EXPECT_EQ(txt(c, "idle_status"), "none");  // never supplied
  EXPECT_EQ(txt(p.at("D"), "zone_id"), "");  // outside every zone
}

TEST_F(AnalysisTiny, ZoneAndParkMetrics) {
  auto z = table(*store, "zone_metrics", "zone_id");
  const RowMap& z1 = z.at("Z1");
  EXPECT_NEAR(num(z1, "land_m2"), 500000.0, kTol);
  EXPECT_NEAR(num(z1, "approved_m2"), 500000.0, kTol);   // AP1 = Z1
  EXPECT_NEAR(num(z1, "supplied_m2"), 10000.0, kTol);    // only A is supplied
  EXPECT_NEAR(num(z1, "unsupplied_m2"), 490000.0, kTol);
  EXPECT_NEAR(num(z1, "unsupplied_rate"), 0.98, 1e-12);
  EXPECT_NEAR(num(z1, "idle_m2"), 10000.0, kTol);        // A
  EXPECT_NEAR(num(z1, "idle_rate"), 1.0, 1e-12);         // idle / supplied
  EXPECT_NEAR(num(z1, "land_mu_used"), 15.0, 1e-9);
  EXPECT_NEAR(num(z1, "tax_per_mu"), 800.0 / 15.0, 1e-9);
  EXPECT_EQ(num(z1, "parcels"), 2);                      // A and C
  // Built-up land: supplied parcels with buildings = A only (10 000 m², industrial 0601).
  EXPECT_NEAR(num(z1, "built_m2"), 10000.0, kTol);
  EXPECT_NEAR(num(z1, "industrial_built_m2"), 10000.0, kTol);
  EXPECT_NEAR(num(z1, "footprint_m2"), 400.0, kTol);
  EXPECT_NEAR(num(z1, "floor_m2"), 800.0, kTol);
  EXPECT_NEAR(num(z1, "built_up_rate"), 1.0, 1e-12);          // built / supplied
  EXPECT_NEAR(num(z1, "industrial_share"), 1.0, 1e-12);
  EXPECT_NEAR(num(z1, "comprehensive_plot_ratio"), 0.08, 1e-12);  // 800 / 10 000
  EXPECT_NEAR(num(z1, "building_density"), 0.04, 1e-12);          // 400 / 10 000
  EXPECT_NEAR(num(z1, "supply_rate"), 0.02, 1e-12);               // 10 000 / 500 000
  EXPECT_NEAR(num(z1, "vacancy_rate"), 0.0, 1e-12);               // b1 has no vacant floor area
  EXPECT_NEAR(num(z1, "factory_floor_m2"), 800.0, kTol);          // b1 is a factory
  EXPECT_EQ(num(z1, "low_efficiency_parcels"), 1);
  EXPECT_EQ(num(z1, "below_control_parcels"), 1);
  // TD/T 1029 additions: (supplied 10 000 + unsupplied 490 000) / 500 000 = 1; A's 800 m² on 10 000 m²;
  // tax 800 万元 on 1 公顷; nothing supplied in the 3 years before as_of (A in 2020): no 尚可供地年数.
  EXPECT_NEAR(num(z1, "land_development_rate"), 1.0, 1e-12);
  EXPECT_NEAR(num(z1, "industrial_plot_ratio"), 0.08, 1e-12);
  EXPECT_NEAR(num(z1, "industrial_building_coefficient"), 0.04, 1e-12);
  EXPECT_NEAR(num(z1, "industrial_tax_wan_per_ha"), 800.0, 1e-9);  // 万元/公顷
  EXPECT_NEAR(num(z1, "tax_wan_per_ha"), 800.0, 1e-9);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(z1.at("industrial_investment_wan_per_ha")));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(z1.at("supply_years_left")));
  const RowMap& z2 = z.at("Z2");
  EXPECT_NEAR(num(z2, "approved_m2"), 0.0, kTol);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(z2.at("unsupplied_rate")));  // no approvals: no ratio
  EXPECT_EQ(num(z2, "parcels"), 1);                      // B, assigned by overlap

  auto parks = table(*store, "park_metrics", "park_id");
  const RowMap& p1 = parks.at("P1");
  EXPECT_NEAR(num(p1, "land_m2"), 1000000.0, kTol);
  EXPECT_NEAR(num(p1, "unsupplied_m2"), 490000.0, kTol);
  EXPECT_NEAR(num(p1, "unsupplied_mu"), 490000.0 * kMu, 1e-9);
  EXPECT_EQ(num(p1, "zones"), 2);

  auto pieces = table(*store, "unsupplied_land", "piece_id");
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_NEAR(num(pieces.at("Z1-U1"), "area_m2"), 490000.0, kTol);
}

TEST_F(AnalysisTiny, EnterpriseMetrics) {
  auto e = table(*store, "enterprise_metrics", "enterprise_id");
  ASSERT_EQ(e.size(), 1u);
  const RowMap& e1 = e.at("E1");
  EXPECT_EQ(num(e1, "year"), 2025);
  EXPECT_NEAR(num(e1, "land_mu"), 15.0, 1e-9);
  EXPECT_NEAR(num(e1, "tax_per_mu"), 800.0 / 15.0, 1e-9);             // 万元/亩
  EXPECT_NEAR(num(e1, "output_per_mu"), 12000.0 / 15.0, 1e-9);
  EXPECT_NEAR(num(e1, "value_added_per_tce"), 3000.0 / 500.0, 1e-12);  // 万元/吨标煤
  EXPECT_NEAR(num(e1, "value_added_per_employee"), 3000.0 / 120.0, 1e-12);
  EXPECT_NEAR(num(e1, "rnd_share"), 400.0 / 12000.0, 1e-12);
  // Alone in its county, it is its own benchmark: every ratio 1 (emissions missing: the benchmark),
  // score = Σ weights = 100; but it holds reclaim-candidate land (A), so it is D.
  EXPECT_NEAR(num(e1, "score"), 100.0, 1e-9);
  EXPECT_EQ(txt(e1, "grade"), "D");
  EXPECT_EQ(txt(e1, "scheme"), "规上工业");
  EXPECT_EQ(txt(e1, "grade_note").rfind("持有满两年未动工土地", 0), 0u) << txt(e1, "grade_note");
  EXPECT_EQ(txt(e1, "zone_id"), "Z1");
  EXPECT_EQ(txt(e1, "park_id"), "P1");
}

TEST_F(AnalysisTiny, RunsAreRecordedAndEvaluationsKept) {
  parkgis::analysis::AnalyzeOptions o;
  o.as_of = parkgis::Date{2021, 1, 1};
  const auto second = parkgis::analysis::analyze(*store, o);
  EXPECT_EQ(second.run_id, result.run_id + 1);
  auto runs = table(*store, "runs", "run_id");
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(txt(runs.at("2"), "as_of"), "2021-01-01");
  EXPECT_EQ(txt(runs.at("2"), "parkgis_version"), PARKGIS_VERSION);
  EXPECT_NE(txt(runs.at("2"), "config").find("\"tax_per_mu\""), std::string::npos);
  // As of 2021-01-01, A (agreed start 2020-06-01) is within its grace year. That evaluation is kept beside
  // the later one (2026-06-30), which the result tables still show (docs/history.md).
  auto p = table(*evaluation(*store, o.as_of), "parcel_metrics", "parcel_id");
  EXPECT_EQ(p.size(), 4u);
  EXPECT_EQ(txt(p.at("A"), "idle_status"), "none");
  EXPECT_EQ(txt(table(*store, "parcel_metrics", "parcel_id").at("A"), "idle_status"), "reclaim_candidate");
}

// Order 53, 批而未供 by approval date and batch, 供而未用 (tests/support/tiny_dataset.h, order53), as of
// 2026-06-30. Areas: A 10 000 m² (Z1), B 10 000 m² (Z2), C 5 000 m² (Z1, the repaired bow-tie).
class AnalysisTinyOrder53 : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(tmp.path() / "ds");
    parkgis::test::TinyOptions opt;
    opt.order53 = true;
    parkgis::test::write_tiny_dataset(tmp.str("ds"), opt);
    parkgis::import_dataset({tmp.str("ds"), tmp.str("x.sqlite"), {}});
    store = parkgis::store::open_spatialite(tmp.str("x.sqlite"));
    analyze_as_of(parkgis::Date{2026, 6, 30});
  }
  void analyze_as_of(const parkgis::Date& d) {
    parkgis::analysis::AnalyzeOptions o;
    o.as_of = d;
    result = parkgis::analysis::analyze(*store, o);
  }
  parkgis::test::TempDir tmp;
  std::unique_ptr<parkgis::store::Store> store;
  parkgis::analysis::AnalyzeResult result;
};

TEST_F(AnalysisTinyOrder53, ParcelStatusesFeeAndDisposal) {
  auto p = table(*store, "parcel_metrics", "parcel_id");
  const RowMap& a = p.at("A");  // government-caused: idle, in the idle area, no fee
  EXPECT_EQ(txt(a, "idle_status"), "idle_gov_cause");
  EXPECT_EQ(num(a, "idle_days"), 2220);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(a.at("idle_fee_wan")));
  EXPECT_EQ(txt(a, "decision_no"), "闲认〔2024〕1号");
  EXPECT_EQ(txt(a, "disposal"), "延期");
  EXPECT_EQ(txt(a, "disposal_date"), "2025-03-01");
  EXPECT_EQ(num(a, "idle_disposed"), 1);
  const RowMap& b = p.at("B");  // past the 2nd anniversary (2023-06-01): reclaimable, no fee
  EXPECT_EQ(txt(b, "idle_status"), "reclaim_candidate");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(b.at("idle_fee_wan")));
  EXPECT_EQ(txt(b, "supply_status"), "supplied_not_used");
  EXPECT_EQ(txt(p.at("C"), "idle_status"), "unknown");  // supplied, no agreed start: 待核实
  EXPECT_EQ(txt(p.at("C"), "supply_status"), "supplied_not_used");
  EXPECT_EQ(txt(a, "supply_status"), "in_use");  // built on (b1), though not started
  // A records 100 m² developed under a 400 m² building (100 < 0.5 × 400): an analysis issue.
  std::vector<std::string> flagged;
  for (const auto& i : result.issues.all())
    if (i.code == "developed_below_footprint") flagged.push_back(i.feature_id);
  EXPECT_EQ(flagged, std::vector<std::string>{"A"});
}

TEST_F(AnalysisTinyOrder53, ZoneAndParkSums) {
  auto z = table(*store, "zone_metrics", "zone_id");
  const RowMap& z1 = z.at("Z1");
  EXPECT_NEAR(num(z1, "idle_m2"), 10000.0, kTol);            // A (government-caused) counts
  EXPECT_NEAR(num(z1, "gov_cause_idle_m2"), 10000.0, kTol);
  EXPECT_NEAR(num(z1, "supplied_m2"), 15000.0, kTol);        // A + C
  EXPECT_NEAR(num(z1, "idle_rate"), 10000.0 / 15000.0, 1e-12);
  EXPECT_EQ(num(z1, "idle_parcels"), 1);
  EXPECT_EQ(num(z1, "idle_unknown_parcels"), 1);             // C
  EXPECT_NEAR(num(z1, "idle_unknown_m2"), 5000.0, kTol);
  EXPECT_NEAR(num(z1, "disposed_idle_m2"), 10000.0, kTol);   // A, 延期 done 2025-03-01
  EXPECT_NEAR(num(z1, "idle_disposal_rate"), 1.0, 1e-12);    // 10 000 / 10 000
  EXPECT_EQ(num(z1, "supplied_not_used_parcels"), 1);        // C (A has a building)
  EXPECT_NEAR(num(z1, "supplied_not_used_m2"), 5000.0, kTol);
  EXPECT_NEAR(num(z1, "supplied_not_used_mu"), 7.5, 1e-9);   // 5000 × 15 / 10000
  EXPECT_NEAR(num(z1, "unsupplied_m2"), 485000.0, kTol);     // 500 000 − 15 000
  const RowMap& z2 = z.at("Z2");
  EXPECT_NEAR(num(z2, "approved_m2"), 0.0, kTol);            // AP2 approved 2027-01-01: not yet
  EXPECT_NEAR(num(z2, "unsupplied_m2"), 0.0, kTol);
  EXPECT_NEAR(num(z2, "idle_m2"), 10000.0, kTol);            // B
  EXPECT_NEAR(num(z2, "idle_disposal_rate"), 0.0, 1e-12);    // 0 / 10 000
  EXPECT_NEAR(num(z2, "supplied_not_used_m2"), 10000.0, kTol);
  auto parks = table(*store, "park_metrics", "park_id");
  const RowMap& p1 = parks.at("P1");
  EXPECT_NEAR(num(p1, "idle_m2"), 20000.0, kTol);
  EXPECT_NEAR(num(p1, "idle_disposal_rate"), 0.5, 1e-12);    // 10 000 / 20 000
  EXPECT_NEAR(num(p1, "supplied_not_used_m2"), 15000.0, kTol);
  EXPECT_EQ(num(p1, "supplied_not_used_parcels"), 2);
}

TEST_F(AnalysisTinyOrder53, ApprovalBatches) {
  auto a = table(*store, "approval_metrics", "approval_id");
  ASSERT_EQ(a.size(), 1u);  // AP2 (2027) does not count yet
  const RowMap& ap1 = a.at("AP1");
  EXPECT_EQ(txt(ap1, "zone_id"), "Z1");
  EXPECT_EQ(txt(ap1, "park_id"), "P1");
  EXPECT_EQ(txt(ap1, "approved"), "2019-05-01");
  EXPECT_EQ(num(ap1, "age_years"), 7);                         // 2019-05-01 → 2026-06-30
  EXPECT_NEAR(num(ap1, "approved_m2"), 500000.0, kTol);
  EXPECT_NEAR(num(ap1, "supplied_m2"), 15000.0, kTol);         // A + C inside AP1
  EXPECT_NEAR(num(ap1, "unsupplied_m2"), 485000.0, kTol);
  EXPECT_NEAR(num(ap1, "unsupplied_mu"), 727.5, 1e-9);         // 485 000 × 15 / 10 000
  EXPECT_NEAR(num(ap1, "supply_rate"), 0.03, 1e-12);           // 15 000 / 500 000

  analyze_as_of(parkgis::Date{2027, 1, 1});  // AP2 counts from its approval day
  a = table(*store, "approval_metrics", "approval_id");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(num(a.at("AP2"), "age_years"), 0);
  EXPECT_NEAR(num(a.at("AP2"), "supplied_m2"), 10000.0, kTol);  // B
  EXPECT_NEAR(num(a.at("AP2"), "unsupplied_m2"), 490000.0, kTol);
  EXPECT_NEAR(num(table(*store, "zone_metrics", "zone_id").at("Z2"), "approved_m2"), 500000.0, kTol);

  analyze_as_of(parkgis::Date{2019, 4, 30});  // before AP1: nothing approved (an earlier evaluation, kept apart)
  const auto early = evaluation(*store, parkgis::Date{2019, 4, 30});
  EXPECT_TRUE(table(*early, "approval_metrics", "approval_id").empty());
  EXPECT_NEAR(num(table(*early, "zone_metrics", "zone_id").at("Z1"), "approved_m2"), 0.0, kTol);
}

// The control indicators wait for completion; an enterprise whose land is all inside the construction
// period is not graded. A: supplied 2020-01-15, not started → due complete 2023-01-15.
TEST_F(AnalysisTiny, ControlAndGradingWaitForCompletion) {
  parkgis::analysis::AnalyzeOptions o;
  o.as_of = parkgis::Date{2023, 1, 14};  // the day before: not checked
  parkgis::analysis::analyze(*store, o);
  auto p = table(*evaluation(*store, o.as_of), "parcel_metrics", "parcel_id");
  EXPECT_EQ(txt(p.at("A"), "completion_due"), "2023-01-15");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(p.at("A").at("below_control")));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(p.at("A").at("low_efficiency")));
  o.as_of = parkgis::Date{2023, 1, 15};  // due: checked
  parkgis::analysis::analyze(*store, o);
  p = table(*evaluation(*store, o.as_of), "parcel_metrics", "parcel_id");
  EXPECT_EQ(num(p.at("A"), "below_control"), 1);

  // As of 2021-03-01 A is inside its grace year (not idle) and its project not due, and E1 has no
  // figures for 2021 (its only year is 2025), so it has not started production: ungraded.
  o.as_of = parkgis::Date{2021, 3, 1};
  parkgis::analysis::analyze(*store, o);
  auto e = table(*evaluation(*store, o.as_of), "enterprise_metrics", "enterprise_id");
  EXPECT_EQ(txt(e.at("E1"), "grade"), "ungraded");
  EXPECT_EQ(txt(e.at("E1"), "grade_note"), "在合同约定建设期内（竣工期限 2023-01-15），尚未投产，不定等级");
}
