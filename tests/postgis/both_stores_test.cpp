// The bundled Ningde sample imported and analysed into SpatiaLite and into PostGIS: the same figures table
// by table (1e-9), the same golden reports, and reports and exports read from PostGIS equal to SpatiaLite's
// byte for byte where the format is deterministic. Also parkgis copy both ways.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "libgis/analysis/analyze.h"
#include "libgis/importer.h"
#include "libgis/report/builder.h"
#include "libgis/store/store.h"
#include "tests/postgis/pg_server.h"
#include "tests/postgis/store_compare.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using parkgis::test::parkgis_cli;
using parkgis::test::pg_uri;

namespace {

const char* kSchema = "ningde_golden";

class BothStores : public ::testing::Test {
 protected:
  // Prepared by the first test (not in SetUpTestSuite, where a failure would only skip the tests).
  void SetUp() override {
    static bool ready = false;
    if (!ready) prepare();
    ready = true;
  }
  static void prepare() {
    tmp_ = new parkgis::test::TempDir();
    sqlite_ = tmp_->str("ningde.sqlite");
    pg_ = pg_uri();
    const std::string dataset = std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde";
    parkgis::ImportOptions lite{dataset, sqlite_, {}};
    parkgis::import_dataset(lite);
    parkgis::ImportOptions pg{dataset, pg_, {}};
    pg.schema = kSchema;
    parkgis::import_dataset(pg);
    for (auto* s : {&sqlite_, &pg_}) {
      auto store = parkgis::store::open_store(*s, s == &pg_ ? kSchema : "");
      parkgis::analysis::analyze(*store, {});
    }
  }
  static void TearDownTestSuite() { delete tmp_; }
  static std::unique_ptr<parkgis::store::Store> lite() { return parkgis::store::open_store(sqlite_); }
  static std::unique_ptr<parkgis::store::Store> pg() { return parkgis::store::open_store(pg_, kSchema); }

  static parkgis::test::TempDir* tmp_;
  static std::string sqlite_, pg_;
};
parkgis::test::TempDir* BothStores::tmp_ = nullptr;
std::string BothStores::sqlite_, BothStores::pg_;

// The moment of the analysis run, which differs between the two runs.
std::string without_run_time(const std::string& s) {
  return std::regex_replace(s, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"), "TIME");
}

}  // namespace

TEST_F(BothStores, SameFiguresTableByTable) {
  auto a = lite();
  auto b = pg();
  parkgis::test::expect_same_tables(*a, *b);
}

TEST_F(BothStores, PostgisReportsMatchTheGoldenReports) {
  auto store = pg();
  const std::vector<std::pair<parkgis::report::Level, std::string>> golden = {
      {parkgis::report::Level::park, "parks.csv"},
      {parkgis::report::Level::zone, "zones.csv"},
      {parkgis::report::Level::parcel, "parcels.csv"},
      {parkgis::report::Level::enterprise, "enterprises.csv"}};
  for (const auto& [level, file] : golden) {
    parkgis::report::Request req;
    req.level = level;
    const std::string got = parkgis::report::render(parkgis::report::build_report(*store, req), parkgis::report::Format::csv);
    EXPECT_EQ(got, parkgis::test::read_text(fs::path(PARKGIS_SOURCE_DIR) / "tests/golden/ningde" / file)) << file;
  }
}

TEST_F(BothStores, ReportsFromPostgisEqualSpatialitesByteForByte) {
  for (const char* by : {"park", "zone", "parcel", "enterprise"}) {
    for (const char* format : {"table", "csv", "json", "md", "html"}) {
      const auto a = parkgis_cli({"report", "--db", sqlite_, "--by", by, "--format", format});
      const auto b = parkgis_cli({"report", "--db", pg_, "--schema", kSchema, "--by", by, "--format", format});
      ASSERT_EQ(a.exit_code, 0) << a.err;
      ASSERT_EQ(b.exit_code, 0) << b.err;
      EXPECT_EQ(without_run_time(a.out), without_run_time(b.out)) << by << " " << format;
    }
  }
}

TEST_F(BothStores, ExportsFromPostgisEqualSpatialitesByteForByte) {
  for (const char* layer : {"parcels", "buildings", "idle", "unsupplied", "zones", "parks", "issues"}) {
    for (const char* format : {"geojson", "csv", "kml"}) {
      const std::string ext = format;
      if (ext == "kml" && std::string(layer) == "issues") continue;  // no geometry: no KML
      const fs::path a = tmp_->path() / "a" / layer, b = tmp_->path() / "b" / layer;
      fs::create_directories(a);
      fs::create_directories(b);
      const auto ra = parkgis_cli({"export", "--db", sqlite_, "--layer", layer, "--format", format, "--quiet", "-o", (a / ("out." + ext)).string()});
      const auto rb = parkgis_cli({"export", "--db", pg_, "--schema", kSchema, "--layer", layer, "--format", format, "--quiet",
                                   "-o", (b / ("out." + ext)).string()});
      ASSERT_EQ(ra.exit_code, 0) << layer << " " << format << ": " << ra.err;
      ASSERT_EQ(rb.exit_code, 0) << layer << " " << format << ": " << rb.err;
      EXPECT_EQ(parkgis::test::read_text(a / ("out." + ext)), parkgis::test::read_text(b / ("out." + ext))) << layer << " " << format;
    }
  }
}

TEST_F(BothStores, CopyBothWaysKeepsEveryFigure) {
  const auto to_pg = parkgis_cli({"copy", "--from", sqlite_, "--to", pg_, "--to-schema", "ningde_copy"});
  ASSERT_EQ(to_pg.exit_code, 0) << to_pg.err;
  EXPECT_NE(to_pg.err.find("counts and sums checked equal"), std::string::npos) << to_pg.err;
  EXPECT_NE(to_pg.err.find("parcel_metrics"), std::string::npos) << to_pg.err;  // the check is printed per table
  const std::string back = tmp_->str("back.sqlite");
  const auto to_lite = parkgis_cli({"copy", "--from", pg_, "--from-schema", "ningde_copy", "--to", back});
  ASSERT_EQ(to_lite.exit_code, 0) << to_lite.err;
  auto a = lite();
  auto b = parkgis::store::open_store(back);
  parkgis::test::expect_same_tables(*a, *b);
  // The copy is read as any database: the same report.
  const auto ra = parkgis_cli({"report", "--db", sqlite_, "--by", "zone", "--format", "csv"});
  const auto rb = parkgis_cli({"report", "--db", pg_, "--schema", "ningde_copy", "--by", "zone", "--format", "csv"});
  EXPECT_EQ(ra.out, rb.out);
}
