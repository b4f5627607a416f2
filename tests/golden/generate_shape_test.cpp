// parkgis generate --shape: the two data shapes by name, anything else a usage error (exit 2).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/support/cli_run.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;

TEST(GenerateShape, LargeZonesWritesTwentyOneZonesInSevenParks) {
  parkgis::test::TempDir tmp;
  parkgis::test::CliRun cli;
  ASSERT_EQ(cli.run({"generate", "--parcels", "420", "--shape", "large-zones", "-o", tmp.str("lz")}), 0) << cli.err.str();
  EXPECT_NE(cli.err.str().find("7 parks, 21 zones, 420 parcels"), std::string::npos) << cli.err.str();
  EXPECT_TRUE(fs::is_regular_file(tmp.path() / "lz" / "parcels.shp"));
}

TEST(GenerateShape, SmallParksByNameIsTheDefault) {
  parkgis::test::TempDir tmp;
  parkgis::test::CliRun cli;
  ASSERT_EQ(cli.run({"generate", "--parcels", "420", "--shape", "small-parks", "-o", tmp.str("sp")}), 0) << cli.err.str();
  // 420 / 12 = 35 zones of the 小微园 pattern.
  EXPECT_NE(cli.err.str().find(" 35 zones, 420 parcels"), std::string::npos) << cli.err.str();
  ASSERT_EQ(cli.run({"generate", "--parcels", "420", "-o", tmp.str("default")}), 0) << cli.err.str();
  EXPECT_EQ(parkgis::test::read_text(tmp.path() / "sp" / "parcels.shp"),
            parkgis::test::read_text(tmp.path() / "default" / "parcels.shp"));
}

TEST(GenerateShape, UnknownShapeIsAUsageError) {
  parkgis::test::TempDir tmp;
  parkgis::test::CliRun cli;
  EXPECT_EQ(cli.run({"generate", "--shape", "huge", "-o", tmp.str("x")}), 2);
  EXPECT_NE(cli.err.str().find("--shape must be small-parks or large-zones, not 'huge'"), std::string::npos)
      << cli.err.str();
  EXPECT_FALSE(fs::exists(tmp.path() / "x"));
}
