// parkgis sites on the bundled Ningde sample: golden lists (tests/golden/ningde/sites_*.csv), the union
// identity of --include unsupplied,reclaim --gap 0, re-runs replacing the table, the site search, and bad
// input with exact messages and exit codes. Regenerate the goldens after an intended change with
//   PARKGIS_UPDATE_GOLDEN=1 build/tests/golden_tests --gtest_filter='Sites*'
// and read the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "libgis/geom/geos.h"
#include "libgis/store/store.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using parkgis::store::Row;

namespace {

class Sites : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new parkgis::test::TempDir();
    db_ = tmp_->str("ningde.sqlite");
    parkgis::test::CliRun c;
    ASSERT_EQ(c.run({"import", std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde", "--db", db_, "--quiet"}), 0);
    ASSERT_EQ(c.run({"analyze", "--db", db_, "--quiet"}), 0) << c.err.str();
  }
  static void TearDownTestSuite() { delete tmp_; }

  static void golden(const std::string& got, const std::string& file) {
    const fs::path expected = fs::path(PARKGIS_SOURCE_DIR) / "tests/golden/ningde" / file;
    if (std::getenv("PARKGIS_UPDATE_GOLDEN")) parkgis::test::write_text(expected, got);
    const std::string want = parkgis::test::read_text(expected);
    ASSERT_FALSE(want.empty()) << expected << " is missing; run with PARKGIS_UPDATE_GOLDEN=1";
    EXPECT_EQ(got, want) << "differs from " << expected;
  }

  // zone → Σ column over rows of table passing the filter.
  static std::map<std::string, double> sum_by_zone(const std::string& table, const std::string& column,
                                                   const parkgis::store::Filter& filter = {}) {
    auto store = parkgis::store::open_spatialite(db_);
    std::map<std::string, double> out;
    store->read_table(table, {"zone_id", column}, false, "", [&](const Row& r) {
      out[parkgis::store::value_text(r.values[0])] += parkgis::store::value_number(r.values[1]).value_or(0);
    }, filter);
    return out;
  }

  static parkgis::test::TempDir* tmp_;
  static std::string db_;
  parkgis::test::CliRun cli;
};

parkgis::test::TempDir* Sites::tmp_ = nullptr;
std::string Sites::db_;

}  // namespace

TEST_F(Sites, DefaultKindsGolden) {
  ASSERT_EQ(cli.run({"sites", "--db", db_, "--format", "csv"}), 0) << cli.err.str();
  golden(cli.out.str(), "sites_default.csv");
  EXPECT_NE(cli.err.str().find("written to reserve_sites (analysis as of 2026-06-30)"), std::string::npos);
}

TEST_F(Sites, IdleAndLowUseAcrossRoadsGolden) {
  ASSERT_EQ(cli.run({"sites", "--db", db_, "--include", "reclaim,not-started,gov-cause,stalled,below-control", "--gap",
                     "30", "--min-mu", "5", "--format", "csv"}),
            0)
      << cli.err.str();
  golden(cli.out.str(), "sites_gap30.csv");
  // The parameters used are kept beside the table.
  auto store = parkgis::store::open_spatialite(db_);
  std::map<std::string, std::string> params;
  store->read_table("reserve_sites_params", {"key", "value"}, false, "", [&](const Row& r) {
    params[parkgis::store::value_text(r.values[0])] = parkgis::store::value_text(r.values[1]);
  });
  EXPECT_EQ(params["kinds"], "reclaim,not-started,gov-cause,stalled,below-control");
  EXPECT_EQ(params["gap_m"], "30");
  EXPECT_EQ(params["min_mu"], "5");
  EXPECT_EQ(params["as_of"], "2026-06-30");
  // Each piece has its next legal step with the rule.
  std::map<std::string, std::string> basis;  // step → basis
  store->read_table("reserve_site_pieces", {"step", "basis"}, false, "", [&](const Row& r) {
    basis[parkgis::store::value_text(r.values[0])] = parkgis::store::value_text(r.values[1]);
  });
  ASSERT_TRUE(basis.count("reclaim_free"));
  EXPECT_NE(basis["reclaim_free"].find("第十四条第二项"), std::string::npos);
  EXPECT_TRUE(basis.count("redevelop"));
}

TEST_F(Sites, SearchNearAPointGolden) {
  ASSERT_EQ(cli.run({"sites", "--db", db_, "--gap", "30", "--min-mu", "1"}), 0) << cli.err.str();
  // A 50-亩 project needing a 120 m wide plant, nearest to a point in YQ01-PQ1 first.
  ASSERT_EQ(cli.run({"sites", "--db", db_, "--fit", "50:120", "--near", "451500,2949600", "--format", "csv"}), 0)
      << cli.err.str();
  golden(cli.out.str(), "sites_fit.csv");
  // In one zone, best score first; a zone without room: an empty answer, not an error.
  ASSERT_EQ(cli.run({"sites", "--db", db_, "--fit", "10", "--zone", "YQ01-PQ1", "--format", "csv"}), 0);
  EXPECT_NE(cli.out.str().find("YQ01-PQ1-S01"), std::string::npos);
  ASSERT_EQ(cli.run({"sites", "--db", db_, "--fit", "100000"}), 0);
  EXPECT_NE(cli.out.str().find("符合 0 处"), std::string::npos);
}

TEST_F(Sites, UnsuppliedAndReclaimAreTheConnectedPartsOfTheirUnion) {
  ASSERT_EQ(cli.run({"sites", "--db", db_, "--include", "unsupplied,reclaim", "--gap", "0", "--min-mu", "0"}), 0)
      << cli.err.str();
  // Per zone: the sites' area = 批而未供 pieces + reclaim-candidate parcels (they do not overlap).
  const auto sites = sum_by_zone("reserve_sites", "area_m2");
  const auto unsupplied = sum_by_zone("unsupplied_land", "area_m2");
  const auto reclaim = sum_by_zone("parcel_metrics", "area_m2",
                                   parkgis::store::Filter::equals("idle_status", "reclaim_candidate"));
  std::map<std::string, double> expected = unsupplied;
  for (const auto& [zone, a] : reclaim) expected[zone] += a;
  ASSERT_FALSE(expected.empty());
  for (const auto& [zone, a] : expected) EXPECT_NEAR(sites.count(zone) ? sites.at(zone) : 0.0, a, 0.01) << zone;  // m²
  EXPECT_EQ(sites.size(), expected.size());
  // Each site one polygon; no two sites overlap.
  auto store = parkgis::store::open_spatialite(db_);
  parkgis::geom::Context ctx;
  std::vector<parkgis::geom::GeomPtr> geoms;
  store->read_table("reserve_sites", {"parts"}, true, "", [&](const Row& r) {
    EXPECT_EQ(parkgis::store::value_number(r.values[0]), 1.0);
    geoms.push_back(parkgis::geom::from_wkb(ctx, r.wkb));
    EXPECT_EQ(GEOSGetNumGeometries_r(ctx.handle(), geoms.back().get()), 1);
  });
  parkgis::geom::IndexTree tree(ctx);
  for (std::size_t i = 0; i < geoms.size(); ++i) tree.insert(geoms[i].get(), i);
  for (std::size_t i = 0; i < geoms.size(); ++i)
    for (std::size_t j : tree.query(geoms[i].get())) {
      if (j <= i) continue;
      auto both = parkgis::geom::own(ctx, GEOSIntersection_r(ctx.handle(), geoms[i].get(), geoms[j].get()));
      EXPECT_NEAR(parkgis::geom::area(ctx, both.get()), 0.0, 0.01) << i << " " << j;  // m²
    }
}

TEST_F(Sites, RerunReplacesTheTable) {
  ASSERT_EQ(cli.run({"sites", "--db", db_, "--zone", "YQ03-PQ1"}), 0);
  auto count = [&] {
    auto store = parkgis::store::open_spatialite(db_);
    std::map<std::string, int> zones;
    store->read_table("reserve_sites", {"zone_id"}, false, "",
                      [&](const Row& r) { zones[parkgis::store::value_text(r.values[0])] += 1; });
    return zones;
  };
  auto zones = count();
  ASSERT_EQ(zones.size(), 1u);
  EXPECT_TRUE(zones.count("YQ03-PQ1"));
  ASSERT_EQ(cli.run({"sites", "--db", db_}), 0);
  EXPECT_EQ(count().size(), 21u);  // every zone has reserve land on the sample
  // report --by site reads the table.
  ASSERT_EQ(cli.run({"report", "--db", db_, "--by", "site", "--park", "YQ03", "--format", "md"}), 0) << cli.err.str();
  EXPECT_NE(cli.out.str().find("储备候选地块"), std::string::npos);
  EXPECT_NE(cli.out.str().find("YQ03-PQ1-S01"), std::string::npos);
  EXPECT_EQ(cli.out.str().find("YQ04-"), std::string::npos);
}

TEST_F(Sites, BadInputSaysWhatToDo) {
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--include", "unsupplied,idle"}), 2);
  EXPECT_EQ(cli.err.str(), "parkgis sites: unknown kind 'idle' in --include; the kinds are unsupplied, reclaim, "
                           "not-started, gov-cause, stalled, below-control\n");
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--gap", "-5"}), 2);
  EXPECT_EQ(cli.err.str(), "parkgis sites: --gap must be a distance in metres, 0 or more, not '-5'\n");
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--min-mu", "ten"}), 2);
  EXPECT_EQ(cli.err.str(), "parkgis sites: --min-mu must be an area in 亩, 0 or more, not 'ten'\n");
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--fit", "0"}), 2);
  EXPECT_EQ(cli.err.str(), "parkgis sites: --fit needs AREA_MU[:WIDTH_M], an area in 亩 greater than 0 and a width "
                           "in metres greater than 0 (e.g. --fit 50:120), not '0'\n");
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--fit", "50:0"}), 2);
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--near", "1,2"}), 2);
  EXPECT_EQ(cli.err.str(), "parkgis sites: --near goes with --fit; try 'parkgis sites --help'\n");
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--fit", "5", "--near", "1,2", "--zone", "YQ01-PQ1"}), 2);
  EXPECT_EQ(cli.err.str(), "parkgis sites: --near and --zone do not go together: search near a point or in a zone\n");
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--fit", "5", "--near", "451500"}), 2);
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--zone", "YQ99-PQ9"}), 1);
  EXPECT_EQ(cli.err.str(), "parkgis sites: error: no zone with zone_id YQ99-PQ9 in " + db_ + "\n");

  // A database that was imported but not analysed.
  const std::string fresh = tmp_->str("fresh.sqlite");
  ASSERT_EQ(cli.run({"import", std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde", "--db", fresh, "--quiet"}), 0);
  EXPECT_EQ(cli.run({"sites", "--db", fresh}), 1);
  EXPECT_EQ(cli.err.str(), "parkgis sites: error: " + fresh + " has no analysis results (table runs); run 'parkgis "
                           "analyze --db " + fresh + "' first\n");
  EXPECT_EQ(cli.run({"sites", "--db", fresh, "--fit", "50"}), 1);
  EXPECT_EQ(cli.err.str(), "parkgis sites: error: " + fresh + " has no reserve sites (table reserve_sites); run "
                           "'parkgis sites --db " + fresh + "' first (choose --include, --gap and --min-mu there)\n");
  EXPECT_EQ(cli.run({"report", "--db", fresh, "--by", "site"}), 1);
  EXPECT_EQ(cli.run({"sites", "--db", db_, "--format", "xlsx"}), 2);
  EXPECT_EQ(cli.err.str(), "parkgis sites: --format xlsx writes a binary file: give -o FILE.xlsx\n");
}

TEST_F(Sites, ExportLayerIsAStyledGbkShapefile) {
  ASSERT_EQ(cli.run({"sites", "--db", db_, "--gap", "30"}), 0);
  fs::create_directories(tmp_->path() / "export");
  const std::string out = tmp_->str("export/sites.shp");
  ASSERT_EQ(cli.run({"export", "--db", db_, "--layer", "sites", "--quiet", "-o", out}), 0) << cli.err.str();
  EXPECT_EQ(parkgis::test::read_text(tmp_->str("export/sites.cpg")), "936");
  const std::string qml = parkgis::test::read_text(tmp_->str("export/sites.qml"));
  EXPECT_NE(qml.find("优先储备（80 分以上）"), std::string::npos);  // legend by score class, in Chinese
  EXPECT_NE(qml.find("可容纳宽度（最大内切圆直径）"), std::string::npos);  // field alias
  EXPECT_NE(parkgis::test::read_text(tmp_->str("export/sites.sld")).find("较差（40 分以下）"), std::string::npos);
  const std::string fields = parkgis::test::read_text(tmp_->str("export/sites.fields.csv"));
  EXPECT_NE(fields.find("minwidth_m,min_width_m"), std::string::npos);
}

TEST_F(Sites, SurveyPackCarriesTheZonesSites) {
  ASSERT_EQ(cli.run({"sites", "--db", db_}), 0);
  const std::string dir = tmp_->str("pack");
  ASSERT_EQ(cli.run({"survey-pack", "--db", db_, "--zone", "YQ01-PQ1", "-o", dir, "--quiet"}), 0) << cli.err.str();
  EXPECT_TRUE(fs::exists(fs::path(dir) / "reserve_sites.shp"));
  EXPECT_TRUE(fs::exists(fs::path(dir) / "reserve_sites.qml"));
  const std::string readme = parkgis::test::read_text(fs::path(dir) / "README.txt");
  EXPECT_NE(readme.find("reserve_sites.shp  储备候选地块，1 个"), std::string::npos) << readme;
  EXPECT_NE(readme.find("储备候选地块（reserve_sites）：供参考"), std::string::npos);
}
