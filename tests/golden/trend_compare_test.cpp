// parkgis trend and compare (docs/history.md): on the hand-made order-53 dataset analysed at two dates,
// compare lists exactly the parcels whose status changed and the trend CSV has exactly the agreed
// columns; on the bundled sample analysed at 2025-12-31 and 2026-06-30, golden trend and compare
// outputs (tests/golden/ningde/trend_*.csv, compare_*.csv; regenerate with
//   PARKGIS_UPDATE_GOLDEN=1 build/tests/golden_tests --gtest_filter='TrendCompare*'
// and read the diff).
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

#include "tests/support/cli_run.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    out.push_back(l);
  }
  return out;
}

class TrendCompare : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir = std::make_unique<parkgis::test::TempDir>();
    parkgis::test::CliRun cli;
    // The tiny dataset with Order 53 cases, evaluated at 2022-12-31 and 2024-12-31 (later date first).
    const std::string data = dir->str("tiny");
    fs::create_directories(data);
    parkgis::test::TinyOptions opt;
    opt.order53 = true;
    parkgis::test::write_tiny_dataset(data, opt);
    ASSERT_EQ(cli.run({"import", data, "--db", tiny(), "--quiet"}), 0) << cli.err.str();
    ASSERT_EQ(cli.run({"analyze", "--db", tiny(), "--as-of", "2024-12-31", "--quiet"}), 0) << cli.err.str();
    ASSERT_EQ(cli.run({"analyze", "--db", tiny(), "--as-of", "2022-12-31", "--quiet"}), 0) << cli.err.str();
    // The bundled sample at two dates.
    const std::string sample = std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde";
    ASSERT_EQ(cli.run({"import", sample, "--db", ningde(), "--quiet"}), 0) << cli.err.str();
    for (const char* d : {"2025-12-31", "2026-06-30"})
      ASSERT_EQ(cli.run({"analyze", "--db", ningde(), "--as-of", d, "--quiet"}), 0) << cli.err.str();
  }
  static void TearDownTestSuite() { dir.reset(); }
  static std::string tiny() { return dir->str("tiny.sqlite"); }
  static std::string ningde() { return dir->str("ningde.sqlite"); }

  std::string run_ok(const std::vector<std::string>& argv) {
    EXPECT_EQ(cli.run(argv), 0) << cli.err.str();
    return cli.out.str();
  }
  void golden(const std::string& got, const std::string& file) {
    const fs::path expected = fs::path(PARKGIS_SOURCE_DIR) / "tests/golden/ningde" / file;
    if (std::getenv("PARKGIS_UPDATE_GOLDEN")) parkgis::test::write_text(expected, got);
    const std::string want = parkgis::test::read_text(expected);
    ASSERT_FALSE(want.empty()) << expected << " is missing; run with PARKGIS_UPDATE_GOLDEN=1";
    EXPECT_EQ(got, want) << "differs from " << expected;
  }

  static std::unique_ptr<parkgis::test::TempDir> dir;
  parkgis::test::CliRun cli;
};
std::unique_ptr<parkgis::test::TempDir> TrendCompare::dir;

}  // namespace

TEST_F(TrendCompare, CompareListsExactlyTheParcelsWhoseStatusChanged) {
  // Between 2022-12-31 and 2024-12-31 (tiny_dataset.h):
  // - B: supplied 2021-01-01, start due 2021-06-01, never started: idle not started after 2022-06-01 (1st
  //   anniversary), a reclaim candidate after 2023-06-01 (2nd): 闲置情形变化.
  // - C: supplied 2024-01-10 without a start deadline: not supplied in 2022, 待核实 in 2024: 新供地, 转为待核实.
  // - A (government-caused idle at both dates, its 延期 disposal done only in 2025; E1 has figures of 2025
  //   only, so ungraded at both) and D (never supplied) do not change: not listed.
  const auto out = lines(run_ok({"compare", "--db", tiny(), "--from", "2022-12-31", "--to", "2024-12-31", "--format", "csv"}));
  ASSERT_EQ(out.size(), 3u) << cli.out.str();
  EXPECT_EQ(out[0].substr(0, 74), "section,parcel_id,zone_id,idle_from,idle_to,grade_from,grade_to,change,sup");
  EXPECT_NE(out[1].find(",B,Z2,疑似闲置（未动工）,满两年未动工（可依法无偿收回）,,,闲置情形变化,供而未用,供而未用,,"), std::string::npos)
      << out[1];
  EXPECT_NE(out[2].find(",C,Z1,非闲置,待核实（资料不全）,,,新供地,未供,供而未用,转为待核实,"), std::string::npos) << out[2];
}

TEST_F(TrendCompare, CompareRefusesDatesWithoutEvaluationAndWrongOrder) {
  EXPECT_EQ(cli.run({"compare", "--db", tiny(), "--from", "2023-12-31", "--to", "2024-12-31"}), 2);
  EXPECT_NE(cli.err.str().find("2022-12-31, 2024-12-31"), std::string::npos) << cli.err.str();
  EXPECT_NE(cli.err.str().find("parkgis compare: --from 2023-12-31: database "), std::string::npos) << cli.err.str();
  EXPECT_EQ(cli.run({"compare", "--db", tiny(), "--from", "2022-12-31", "--to", "2025-12-31"}), 2);
  EXPECT_NE(cli.err.str().find("--to 2025-12-31: database "), std::string::npos) << cli.err.str();
  EXPECT_EQ(cli.run({"compare", "--db", tiny(), "--from", "2024-12-31", "--to", "2022-12-31"}), 2);
  EXPECT_EQ(cli.run({"compare", "--db", tiny(), "--from", "2022-12-31"}), 2);
}

TEST_F(TrendCompare, TrendCsvColumnsExactly) {
  auto out = lines(run_ok({"trend", "--db", tiny(), "--by", "zone", "--format", "csv"}));
  ASSERT_GE(out.size(), 1u);
  EXPECT_EQ(out[0], "zone_id,as_of,idle_m2,unsupplied_m2,supplied_unused_m2,tax_per_mu,output_per_mu,vacancy_rate");
  // Z1 and Z2 at both dates, by zone then date. Z2 holds B (100 m × 100 m = 10000 m², idle at both dates,
  // supplied and not used).
  ASSERT_EQ(out.size(), 5u) << cli.out.str();
  EXPECT_EQ(out[1].rfind("Z1,2022-12-31,", 0), 0u) << out[1];
  EXPECT_EQ(out[2].rfind("Z1,2024-12-31,", 0), 0u) << out[2];
  EXPECT_EQ(out[3].rfind("Z2,2022-12-31,10000,", 0), 0u) << out[3];
  EXPECT_EQ(out[4].rfind("Z2,2024-12-31,10000,", 0), 0u) << out[4];
  out = lines(run_ok({"trend", "--db", tiny(), "--by", "park", "--format", "csv", "--from", "2023-01-01"}));
  EXPECT_EQ(out[0], "park_id,as_of,idle_m2,unsupplied_m2,supplied_unused_m2,tax_per_mu,output_per_mu,vacancy_rate");
  ASSERT_EQ(out.size(), 2u) << cli.out.str();  // P1 at 2024-12-31 only
  EXPECT_EQ(out[1].rfind("P1,2024-12-31,", 0), 0u) << out[1];
  out = lines(run_ok({"trend", "--db", tiny(), "--by", "enterprise", "--format", "csv"}));
  EXPECT_EQ(out[0], "enterprise_id,name,as_of,year,grade,score,rank,land_mu,tax_per_mu,output_per_mu,value_added_per_mu");
}

TEST_F(TrendCompare, TrendRefusesWhatItCannotShow) {
  EXPECT_EQ(cli.run({"trend", "--db", tiny(), "--by", "park", "--zone", "Z1"}), 2);
  EXPECT_EQ(cli.run({"trend", "--db", tiny(), "--by", "zone", "--park", "P9"}), 1);
  EXPECT_NE(cli.err.str().find("P9"), std::string::npos);
  EXPECT_EQ(cli.run({"trend", "--db", tiny(), "--by", "zone", "--from", "2030-01-01"}), 1);
  EXPECT_NE(cli.err.str().find("2022-12-31, 2024-12-31"), std::string::npos) << cli.err.str();
  EXPECT_EQ(cli.run({"trend", "--db", tiny()}), 2);  // --by is needed
}

TEST_F(TrendCompare, TrendHtmlHasAChartPerPark) {
  const std::string html = run_ok({"trend", "--db", ningde(), "--by", "park", "--format", "html"});
  std::size_t charts = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++charts;
  EXPECT_EQ(charts, 10u);  // the sample's 10 parks
  EXPECT_NE(html.find("亩均税收"), std::string::npos);
  EXPECT_NE(html.find("2025-12-31"), std::string::npos);
}

TEST_F(TrendCompare, NingdeGolden) {
  golden(run_ok({"trend", "--db", ningde(), "--by", "park", "--format", "csv"}), "trend_parks.csv");
  golden(run_ok({"trend", "--db", ningde(), "--by", "zone", "--format", "csv"}), "trend_zones.csv");
  golden(run_ok({"compare", "--db", ningde(), "--from", "2025-12-31", "--to", "2026-06-30", "--format", "csv"}),
         "compare_parcels.csv");
  golden(run_ok({"compare", "--db", ningde(), "--from", "2025-12-31", "--to", "2026-06-30", "--by", "enterprise",
                 "--format", "csv"}),
         "compare_enterprises.csv");
  golden(run_ok({"compare", "--db", ningde(), "--from", "2025-12-31", "--to", "2026-06-30", "--by", "park",
                 "--format", "csv"}),
         "compare_parks.csv");
}

TEST_F(TrendCompare, ChangesLayerIsStyledByChange) {
  // The tiny dataset's two changed parcels (see above) as a GBK shapefile with its QGIS and SLD styles.
  const std::string shp = dir->str("changes.shp");
  ASSERT_EQ(cli.run({"export", "--db", tiny(), "--layer", "changes", "--from", "2022-12-31", "--to", "2024-12-31", "-o",
                     shp, "--quiet"}),
            0)
      << cli.err.str();
  GDALDatasetUniquePtr ds(GDALDataset::Open(shp.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  std::map<std::string, std::string> change;  // parcel -> change, decoded from GBK by GDAL (.cpg)
  for (const auto& f : *layer) {
    change[f->GetFieldAsString("parcel_id")] = f->GetFieldAsString("change");
    EXPECT_NE(f->GetGeometryRef(), nullptr);
  }
  EXPECT_EQ(change, (std::map<std::string, std::string>{{"B", "闲置情形变化"}, {"C", "新供地"}}));
  const std::string qml = parkgis::test::read_text(dir->str("changes.qml"));
  EXPECT_NE(qml.find("新增闲置"), std::string::npos);
  EXPECT_NE(qml.find("filter=\"&quot;change&quot; = &apos;新增闲置&apos;\""), std::string::npos) << qml.substr(0, 600);
  EXPECT_FALSE(parkgis::test::read_text(dir->str("changes.sld")).empty());
  // Without the dates, or with --as-of, the layer is refused.
  EXPECT_EQ(cli.run({"export", "--db", tiny(), "--layer", "changes", "-o", dir->str("x.shp")}), 2);
  EXPECT_EQ(cli.run({"export", "--db", tiny(), "--layer", "changes", "--as-of", "2024-12-31", "--from", "2022-12-31",
                     "--to", "2024-12-31", "-o", dir->str("x.shp")}),
            2);
}

TEST_F(TrendCompare, XlsxWorkbooks) {
  // Both reports go through every writer: an Excel file (a zip: "PK").
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"trend", "--db", ningde(), "--by", "enterprise"},
        std::vector<std::string>{"compare", "--db", ningde(), "--from", "2025-12-31", "--to", "2026-06-30", "--by", "zone"}}) {
    const std::string out = dir->str(cmd[0] + ".xlsx");
    std::vector<std::string> argv = cmd;
    argv.insert(argv.end(), {"--format", "xlsx", "-o", out});
    ASSERT_EQ(cli.run(argv), 0) << cli.err.str();
    EXPECT_EQ(parkgis::test::read_text(out).substr(0, 2), "PK");
  }
}
