// Rented floors on the hand-made tiny dataset (tests/support/tiny_dataset.h, option tenancies), as of
// 2026-06-30, through import, analyze and report. Every figure by hand; areas in m² (tolerance 1e-6 m²).
//
// Parcel A (10 000 m², E1) carries b1 (800 m², wholly) and half of b2 (600 of its 1200 m²): floor 1400 m².
// Parcel F (10 000 m², E4) carries the other half of b2: floor 600 m². Leases in force: E3 400 m² of b1,
// E3 600 m² of b2 (300 m² on A, 300 m² on F). G is supplied only on 2027-01-01: nobody's land yet.
//   A: E3 10 000 × (400 + 300) / 1400 = 5000 m² (b1 2857.14, b2 2142.86); E1 keeps 5000 m².
//   F: E3 10 000 × 300 / 600 = 5000 m²; E4 keeps 5000 m².
//   E1 5000 m² (7.5 亩), E3 10 000 m² (15 亩, all rented), E4 5000 m² (7.5 亩; figures of 2024).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "libgis/analysis/analyze.h"
#include "libgis/importer.h"
#include "libgis/report/builder.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;
using parkgis::store::Value;

namespace {

constexpr double kTol = 1e-6;  // m²
using RowMap = std::map<std::string, Value>;

std::vector<RowMap> rows(parkgis::store::Store& s, const std::string& name) {
  std::vector<RowMap> out;
  const auto cols = s.columns(name);
  s.read_table(name, cols, false, "", [&](const parkgis::store::Row& r) {
    RowMap m;
    for (std::size_t i = 0; i < cols.size(); ++i) m[cols[i]] = r.values[i];
    out.push_back(std::move(m));
  });
  return out;
}

std::map<std::string, RowMap> by(const std::vector<RowMap>& rs, const std::string& key) {
  std::map<std::string, RowMap> out;
  for (const RowMap& r : rs) out[parkgis::store::value_text(r.at(key))] = r;
  return out;
}

double num(const RowMap& r, const std::string& c) {
  const auto v = parkgis::store::value_number(r.at(c));
  if (!v) ADD_FAILURE() << c << " is not a number";
  return v.value_or(0);
}
std::string txt(const RowMap& r, const std::string& c) { return parkgis::store::value_text(r.at(c)); }

class TenancyTiny : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new parkgis::test::TempDir();
    fs::create_directories(tmp_->path() / "ds");
    parkgis::test::TinyOptions t;
    t.tenancies = true;
    parkgis::test::write_tiny_dataset(tmp_->str("ds"), t);
    import_ = new parkgis::ImportResult(parkgis::import_dataset({tmp_->str("ds"), tmp_->str("x.sqlite"), {}}));
    store_ = parkgis::store::open_spatialite(tmp_->str("x.sqlite")).release();
    parkgis::analysis::AnalyzeOptions o;
    o.as_of = parkgis::Date{2026, 6, 30};
    parkgis::analysis::analyze(*store_, o);
  }
  static void TearDownTestSuite() {
    delete store_;
    delete import_;
    delete tmp_;
  }
  static parkgis::test::TempDir* tmp_;
  static parkgis::ImportResult* import_;
  static parkgis::store::Store* store_;
};

parkgis::test::TempDir* TenancyTiny::tmp_ = nullptr;
parkgis::ImportResult* TenancyTiny::import_ = nullptr;
parkgis::store::Store* TenancyTiny::store_ = nullptr;

std::string message_of(const parkgis::ImportResult& r, const std::string& code, const std::string& id) {
  for (const parkgis::Issue& i : r.issues.all())
    if (i.code == code && i.feature_id == id) return i.message;
  return "(no " + code + " for " + id + ")";
}

}  // namespace

TEST_F(TenancyTiny, ImportChecksLeases) {
  const auto& r = *import_;
  EXPECT_EQ(message_of(r, "tenancy_unknown_building", "T7"),
            "tenancy T7: building_id b99 is not in the buildings layer; the lease is left out");
  EXPECT_EQ(message_of(r, "tenancy_unknown_enterprise", "T8"),
            "tenancy T8: enterprise_id E404 is not in the enterprises table (add its row, or correct the code); "
            "the lease is left out");
  EXPECT_EQ(message_of(r, "tenancy_end_before_start", "T9"),
            "tenancy T9: end_date 2023-12-31 is before start_date 2024-01-01 (correct the dates); the lease is left out");
  EXPECT_EQ(message_of(r, "tenancy_bad_area", "T10"),
            "tenancy T10: leased_m2 0.0 is not a floor area above 0 m² (give the floor area let, in m²); the lease is "
            "left out");
  EXPECT_EQ(message_of(r, "tenancy_over_floor", "b3"),
            "building b3: leases in force together on 2024-06-01 let 550.0 m², more than its floor area 400.0 m² "
            "(tenancies T5, T6); they are scaled down together to the floor area. Check leased_m2 and the lease dates");
  // "abc" is not a number: reported by the reader (bad_number), then the lease has no floor area.
  EXPECT_EQ(message_of(r, "tenancy_bad_area", "T11"),
            "tenancy T11: leased_m2 (empty) is not a floor area above 0 m² (give the floor area let, in m²); the "
            "lease is left out");
  // The five bad rows are left out; the six others are kept.
  EXPECT_EQ(rows(*store_, "tenancies").size(), 6u);
  // The checks are stored with the other import issues (and the reader's bad_number).
  int stored = 0;
  for (const auto& i : rows(*store_, "import_issues")) stored += txt(i, "layer") == "tenancies";
  EXPECT_EQ(stored, 7);
}

TEST_F(TenancyTiny, LandOfHoldersAndTenants) {
  auto e = by(rows(*store_, "enterprise_metrics"), "enterprise_id");
  EXPECT_NEAR(num(e.at("E1"), "land_m2"), 5000, kTol);  // A less the rented half; G not held yet
  EXPECT_NEAR(num(e.at("E1"), "owned_land_m2"), 5000, kTol);
  EXPECT_EQ(num(e.at("E1"), "parcels"), 1);  // A only: G is supplied after as_of
  EXPECT_NEAR(num(e.at("E1"), "tax_per_mu"), 800.0 / 7.5, 1e-9);  // 万元/亩
  EXPECT_NEAR(num(e.at("E3"), "land_m2"), 10000, kTol);
  EXPECT_NEAR(num(e.at("E3"), "leased_land_m2"), 10000, kTol);
  EXPECT_NEAR(num(e.at("E3"), "leased_floor_m2"), 1000, kTol);  // 400 (b1) + 300 + 300 (b2)
  EXPECT_NEAR(num(e.at("E3"), "tax_per_mu"), 300.0 / 15.0, 1e-9);
  EXPECT_EQ(txt(e.at("E3"), "zone_id"), "Z1");
  EXPECT_NE(txt(e.at("E3"), "grade"), "ungraded");  // a tenant is graded like any firm
  EXPECT_NEAR(num(e.at("E4"), "land_m2"), 5000, kTol);
  EXPECT_EQ(num(e.at("E4"), "year"), 2024);  // no 2026 or 2025 row: the latest earlier year
  EXPECT_NEAR(num(e.at("E5"), "land_m2"), 0, kTol);  // its lease starts 2026-07-01

  auto shares = rows(*store_, "tenancy_shares");
  ASSERT_EQ(shares.size(), 5u);  // A: E1, E3 (b1), E3 (b2); F: E4, E3 (b2)
  std::map<std::string, double> land;
  for (const RowMap& s : shares) land[txt(s, "parcel_id") + "/" + txt(s, "enterprise_id") + "/" + txt(s, "building_id") + "/" + txt(s, "role")] = num(s, "land_m2");
  EXPECT_NEAR(land["A/E1//holder"], 5000, kTol);
  EXPECT_NEAR(land["A/E3/b1/tenant"], 10000.0 * 400 / 1400, kTol);
  EXPECT_NEAR(land["A/E3/b2/tenant"], 10000.0 * 300 / 1400, kTol);
  EXPECT_NEAR(land["F/E4//holder"], 5000, kTol);
  EXPECT_NEAR(land["F/E3/b2/tenant"], 5000, kTol);

  auto p = by(rows(*store_, "parcel_metrics"), "parcel_id");
  EXPECT_EQ(num(p.at("A"), "tenants"), 1);
  EXPECT_NEAR(num(p.at("A"), "leased_land_m2"), 5000, kTol);
  EXPECT_NEAR(num(p.at("A"), "output_wan"), 12000 + 6000 * 0.5, 1e-9);  // E1 all, E3 half of its land
  EXPECT_NEAR(num(p.at("F"), "tax_wan"), 100 + 300 * 0.5, 1e-9);
  EXPECT_EQ(num(p.at("G"), "held"), 0);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(p.at("G").at("output_wan")));
}

TEST_F(TenancyTiny, ZoneMeasures) {
  auto z = by(rows(*store_, "zone_metrics"), "zone_id");
  const RowMap& z1 = z.at("Z1");
  EXPECT_NEAR(num(z1, "land_mu_used"), 30, 1e-9);  // A and F (G not held): rented land is carved out of them
  EXPECT_NEAR(num(z1, "output_wan"), 20000, 1e-9);  // E1 12 000 + E3 6000 + E4 2000
  EXPECT_NEAR(num(z1, "tax_wan"), 1200, 1e-9);
  EXPECT_NEAR(num(z1, "tax_per_mu"), 40, 1e-9);
  EXPECT_EQ(num(z1, "firms"), 3);  // E1, E3, E4
  EXPECT_EQ(num(z1, "tenant_firms"), 1);
  EXPECT_NEAR(num(z1, "factory_floor_m2"), 2400, kTol);  // b1 800 + b2 1200 + b3 400
  EXPECT_NEAR(num(z1, "factory_leased_m2"), 1000, kTol);
  EXPECT_NEAR(num(z1, "factory_let_rate"), 1000.0 / 2400, 1e-12);
  // 入驻: A 700 let + 700 used by E1; F 300 let + 300 used by E4; G nobody's land: 2000 of 2400.
  EXPECT_NEAR(num(z1, "factory_occupancy_rate"), 2000.0 / 2400, 1e-12);
  EXPECT_NEAR(num(z1, "tenant_tax_share"), 300.0 / 1200, 1e-12);
  // Vacancy: b2's 200 m² vacant only since 2026-03-01 (< 6 months) do not count; b3's 100 m² 闲置, undated, do.
  EXPECT_NEAR(num(z1, "vacant_m2"), 100, kTol);
  EXPECT_NEAR(num(z1, "vacant_idle_m2"), 100, kTol);
  EXPECT_NEAR(num(z1, "vacant_empty_m2"), 0, kTol);
  EXPECT_NEAR(num(z1, "vacant_undated_m2"), 100, kTol);
  auto d = rows(*store_, "dataset_metrics");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(num(d[0], "firms"), 3);
}

TEST_F(TenancyTiny, ReportsShowTheMeasuresAndTheYearsUsed) {
  parkgis::report::Request req;
  req.level = parkgis::report::Level::zone;
  const std::string md =
      parkgis::report::render(parkgis::report::build_report(*store_, req), parkgis::report::Format::markdown);
  for (const char* header : {"入驻企业", "承租企业", "厂房出租率", "入驻率", "承租企业税收占比", "空置面积", "闲置面积"})
    EXPECT_NE(md.find(header), std::string::npos) << header;
  EXPECT_NE(md.find("企业数据年度（评价年度 2026，无该年数据的企业用此前最近一年）：2025 年 3 家、2024 年 1 家"),
            std::string::npos)
      << md;
}

// The grading's construction period counts the land an enterprise holds or leases as land, never rented
// floor (it stands in a building in use). With control.completion.years_after_supply = 10 the projects on
// A (supplied 2020-01-15, not started) and F (supplied 2021-01-01, not started) are due 2030-01-15 and
// 2031-01-01, after as_of 2026-06-30:
//   E4 counts F only (its floor leases ended 2025-12-31 or lie on G, not held yet) → inside the period;
//      its 2024 figures (output 2000, tax 100) show production → graded, with the note; with
//      construction_period_exempts_producing → 不定等级.
//   E3 rents floor in b1 and b2 on A and F → never inside the period: graded, no note.
//   E1 holds A, a reclaim candidate (agreed start 2020-06-01, not started) → D before the period counts.
TEST_F(TenancyTiny, ConstructionPeriodCountsHeldLandNotRentedFloor) {
  const auto grades = [&](const std::string& config_json) {
    const std::string db = tmp_->str("construction.sqlite"), config = tmp_->str("construction.json");
    fs::remove(db);
    parkgis::test::write_text(config, config_json);
    parkgis::import_dataset({tmp_->str("ds"), db, {}});
    auto store = parkgis::store::open_spatialite(db);
    parkgis::analysis::AnalyzeOptions o;
    o.as_of = parkgis::Date{2026, 6, 30};
    o.config_path = config;
    parkgis::analysis::analyze(*store, o);
    return by(rows(*store, "enterprise_metrics"), "enterprise_id");
  };
  const std::string period = R"("control": {"completion": {"years_after_supply": 10}})";
  auto e = grades("{" + period + "}");
  EXPECT_NE(txt(e.at("E4"), "grade"), "ungraded");
  EXPECT_NE(txt(e.at("E4"), "grade_note").find("在合同约定建设期内（竣工期限 2031-01-01），已投产，按当年数据评价"),
            std::string::npos)
      << txt(e.at("E4"), "grade_note");
  EXPECT_NE(txt(e.at("E3"), "grade"), "ungraded");
  EXPECT_EQ(txt(e.at("E3"), "grade_note").find("建设期"), std::string::npos) << txt(e.at("E3"), "grade_note");
  EXPECT_EQ(txt(e.at("E1"), "grade"), "D");
  EXPECT_EQ(txt(e.at("E1"), "grade_note").rfind("持有满两年未动工土地", 0), 0u) << txt(e.at("E1"), "grade_note");

  e = grades("{" + period + R"(, "grading": {"rules": {"construction_period_exempts_producing": true}}})");
  EXPECT_EQ(txt(e.at("E4"), "grade"), "ungraded");
  EXPECT_EQ(txt(e.at("E4"), "grade_note"), "在合同约定建设期内（竣工期限 2031-01-01），不定等级");
  EXPECT_NE(txt(e.at("E3"), "grade"), "ungraded");
}

// A parcel of the park company (GB/T 4754-2017 7221) is checked against its tenants' industries
// (docs/indicators.md, "Standard factories of the park company"). The tiny dataset with codes: E1 (holder
// of A) 7221; E3 1310 农副食品 (min 容积率 1.0), renting on A as of 2026-06-30 (T1 400 m² of b1, T2 600 m²
// of b2); E4 1430 食品 (1.0) holds F and its lease on A (T3) ended 2025-12-31. A: floor 1400 m² over
// 10 000 m² → 容积率 0.14 < 1.0, so it is below control; with landlord_rule "exempt" it is not checked.
TEST(TenancyLandlord, ParkCompanyParcelIsCheckedAgainstItsTenantsIndustries) {
  for (const std::string rule : {"tenants", "exempt"}) {
    parkgis::test::TempDir tmp;
    fs::create_directories(tmp.path() / "ds");
    parkgis::test::TinyOptions t;
    t.tenancies = true;
    parkgis::test::write_tiny_dataset(tmp.str("ds"), t);
    std::string csv = parkgis::test::read_text(tmp.path() / "ds" / "enterprises.csv");
    const std::map<std::string, std::string> codes = {{"enterprise_id", "industry_code"}, {"E1", "7221"},
                                                      {"E3", "1310"}, {"E4", "1430"}, {"E5", "1810"}};
    std::string with_codes;
    std::size_t at = 0;
    while (at < csv.size()) {
      const std::size_t end = csv.find('\n', at);
      const std::string line = csv.substr(at, end - at);
      const std::string id = line.substr(0, line.find(','));
      if (!line.empty()) with_codes += id + "," + codes.at(id) + line.substr(id.size()) + "\n";
      at = end == std::string::npos ? csv.size() : end + 1;
    }
    parkgis::test::write_text(tmp.path() / "ds" / "enterprises.csv", with_codes);
    parkgis::import_dataset({tmp.str("ds"), tmp.str("x.sqlite"), {}});
    auto store = parkgis::store::open_spatialite(tmp.str("x.sqlite"));
    parkgis::analysis::AnalyzeOptions o;
    o.as_of = parkgis::Date{2026, 6, 30};
    if (rule != "tenants") {
      parkgis::test::write_text(tmp.path() / "config.json", "{\"control\": {\"landlord_rule\": \"" + rule + "\"}}");
      o.config_path = tmp.str("config.json");
    }
    const auto result = parkgis::analysis::analyze(*store, o);
    for (const auto& issue : result.issues.all()) EXPECT_NE(issue.code, "unknown_industry_code") << issue.message;

    const auto parcels = by(rows(*store, "parcel_metrics"), "parcel_id");
    const RowMap& a = parcels.at("A");
    const RowMap& f = parcels.at("F");
    EXPECT_NEAR(num(a, "floor_m2") / num(a, "area_m2"), 0.14, 1e-9);  // 1400 / 10 000
    EXPECT_EQ(num(f, "min_plot_ratio"), 1.0);  // E4's own industry: not the park company
    if (rule == "tenants") {
      EXPECT_EQ(num(a, "min_plot_ratio"), 1.0);  // E3's 1310, not E1's 7221 (no row) nor 锂电 (0.7)
      EXPECT_EQ(txt(a, "control_note"), "标准厂房（园区运营主体持有），按 1 家在租企业行业中最高的容积率下限 1.00 核");
      EXPECT_EQ(num(a, "below_control"), 1);
    } else {
      EXPECT_TRUE(parkgis::store::is_null(a.at("min_plot_ratio")));
      EXPECT_EQ(txt(a, "control_note"), "标准厂房（园区运营主体持有），按配置不核容积率");
    }
  }
}
