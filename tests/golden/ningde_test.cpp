// Golden outputs for the bundled Ningde sample: the park, zone, parcel and enterprise reports (CSV) must
// match tests/golden/ningde/*.csv. After an intended change, regenerate them with
//   PARKGIS_UPDATE_GOLDEN=1 build/tests/golden_tests --gtest_filter='Ningde*'
// and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "libgis/analysis/analyze.h"
#include "libgis/importer.h"
#include "libgis/report/builder.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;

namespace {

class Ningde : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new parkgis::test::TempDir();
    db_ = tmp_->str("ningde.sqlite");
    import_ = new parkgis::ImportResult(
        parkgis::import_dataset({std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde", db_, {}}));
    auto store = parkgis::store::open_spatialite(db_);
    analysis_ = new parkgis::analysis::AnalyzeResult(parkgis::analysis::analyze(*store, {}));
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete import_;
    delete tmp_;
  }

  static void check(parkgis::report::Level level, const std::string& file) {
    auto store = parkgis::store::open_spatialite(db_);
    parkgis::report::Request req;
    req.level = level;
    const std::string got = parkgis::report::render(parkgis::report::build_report(*store, req), parkgis::report::Format::csv);
    const fs::path expected = fs::path(PARKGIS_SOURCE_DIR) / "tests/golden/ningde" / file;
    if (std::getenv("PARKGIS_UPDATE_GOLDEN")) parkgis::test::write_text(expected, got);
    const std::string want = parkgis::test::read_text(expected);
    ASSERT_FALSE(want.empty()) << expected << " is missing; run with PARKGIS_UPDATE_GOLDEN=1";
    EXPECT_EQ(got, want) << "differs from " << expected;
  }

  static parkgis::test::TempDir* tmp_;
  static std::string db_;
  static parkgis::ImportResult* import_;
  static parkgis::analysis::AnalyzeResult* analysis_;
};

parkgis::test::TempDir* Ningde::tmp_ = nullptr;
std::string Ningde::db_;
parkgis::ImportResult* Ningde::import_ = nullptr;
parkgis::analysis::AnalyzeResult* Ningde::analysis_ = nullptr;

}  // namespace

TEST_F(Ningde, TenParksTwentyOneZonesInEpsg4549) {
  EXPECT_EQ(import_->srid, 4549);
  EXPECT_EQ(import_->layers[0].written, 10);
  EXPECT_EQ(import_->layers[1].written, 21);
  EXPECT_EQ(import_->layers[2].written, 250);
  // The sample's one deliberate defect: the bow-tie parcel, repaired.
  ASSERT_EQ(import_->issues.size(), 1u);
  EXPECT_EQ(import_->issues.all()[0].code, "invalid_geometry_repaired");
  EXPECT_EQ(import_->issues.all()[0].feature_id, "YQ05-PQ2-006");
}

// The sample's recorded developed areas agree with its buildings: the analysis finds nothing to check.
TEST_F(Ningde, AnalysisFindsNoDataToCheck) {
  for (const auto& issue : analysis_->issues.all()) ADD_FAILURE() << issue.code << " " << issue.feature_id << ": " << issue.message;
}

TEST_F(Ningde, ParkReport) { check(parkgis::report::Level::park, "parks.csv"); }
TEST_F(Ningde, ZoneReport) { check(parkgis::report::Level::zone, "zones.csv"); }
TEST_F(Ningde, ParcelReport) { check(parkgis::report::Level::parcel, "parcels.csv"); }
TEST_F(Ningde, EnterpriseReport) { check(parkgis::report::Level::enterprise, "enterprises.csv"); }
