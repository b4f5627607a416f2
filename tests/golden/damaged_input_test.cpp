// Damaged and awkward input: refused with the reason (which file, how many records, where, what to do)
// or recorded, never imported with records silently lost.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/cli/command.h"
#include "libgis/store/store.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;
using parkgis::test::TempDir;

namespace {

using Cli = parkgis::test::CliRun;

std::string dataset(const TempDir& tmp) {
  fs::create_directories(tmp.path() / "ds");
  parkgis::test::write_tiny_dataset(tmp.str("ds"));
  return tmp.str("ds");
}

std::uint32_t be32_at(const std::string& bytes, std::size_t at) {
  const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])); };
  return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

// Byte offset of record `fid` (0-based) in the .shp, from the .shx index.
std::size_t record_offset(const fs::path& shx, long fid) {
  return std::size_t(be32_at(parkgis::test::read_text(shx), 100 + 8 * static_cast<std::size_t>(fid))) * 2;
}

void overwrite(const fs::path& file, std::size_t at, const std::string& bytes) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(at));
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string column_of(const std::string& db, const std::string& sql_table, const std::string& code) {
  auto store = parkgis::store::open_spatialite(db);
  std::string out;
  for (const parkgis::Issue& i : store->read_issues())
    if (i.code == code && (sql_table.empty() || i.layer == sql_table)) out += i.message + "\n";
  return out;
}

}  // namespace

TEST(DamagedInput, TruncatedShpIsRefusedNamingTheRecords) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const fs::path shp = fs::path(ds) / "parcels.shp";
  fs::resize_file(shp, fs::file_size(shp) - 50);  // the last record (fid 4) loses its end
  Cli cli;
  EXPECT_EQ(cli.run({"import", ds, "--db", tmp.str("x.sqlite"), "--quiet"}), 1);
  EXPECT_EQ(cli.err.str(),
            "parkgis import: error: parcels.shp (layer parcels) is damaged: 1 of 5 records cannot be read (records 4; "
            "the first: its record runs past the end of the .shp file (truncated?)). Nothing was imported. Get an "
            "intact copy of the file, or add --skip-unreadable to import the readable records\n");
  EXPECT_FALSE(fs::exists(tmp.str("x.sqlite")));
}

TEST(DamagedInput, OverwrittenRecordIsRefused) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const fs::path shp = fs::path(ds) / "parcels.shp";
  overwrite(shp, record_offset(fs::path(ds) / "parcels.shx", 2) + 8, std::string(4, '\xff'));
  Cli cli;
  EXPECT_EQ(cli.run({"import", ds, "--db", tmp.str("x.sqlite"), "--quiet"}), 1);
  EXPECT_NE(cli.err.str().find("parcels.shp (layer parcels) is damaged: 1 of 5 records cannot be read (records 2; the "
                               "first: its shape type in the .shp is 4294967295, not 5 as the file header says "
                               "(overwritten bytes?))"),
            std::string::npos)
      << cli.err.str();
}

TEST(DamagedInput, SkipUnreadableImportsTheRestAndSaysWhatWasLost) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const fs::path shp = fs::path(ds) / "parcels.shp";
  overwrite(shp, record_offset(fs::path(ds) / "parcels.shx", 2) + 8, std::string(4, '\xff'));
  Cli cli;
  const std::string db = tmp.str("x.sqlite");
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--skip-unreadable"}), 0) << cli.err.str();
  EXPECT_NE(cli.err.str().find("  parcels     3 of 4 features (+1 unreadable records skipped: LOST)"), std::string::npos)
      << cli.err.str();
  EXPECT_EQ(column_of(db, "parcels", "unreadable_record"),
            "parcels.shp record 2 cannot be read: its shape type in the .shp is 4294967295, not 5 as the file header "
            "says (overwritten bytes?); skipped (--skip-unreadable)\n");
  EXPECT_NE(column_of(db, "parcels", "damaged_file").find("1 of 5 records cannot be read"), std::string::npos);
}

TEST(DamagedInput, IndexThatDisagreesWithTheAttributesIsRefused) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  const fs::path shx = fs::path(ds) / "parcels.shx";
  fs::resize_file(shx, fs::file_size(shx) - 8);  // one index entry less than the .dbf has records
  Cli cli;
  EXPECT_EQ(cli.run({"import", ds, "--db", tmp.str("x.sqlite"), "--quiet"}), 1);
  EXPECT_NE(cli.err.str().find("parcels.shp (layer parcels) is damaged: the .shx index lists 4 records but the .dbf "
                               "holds 5 (the files do not belong together, or one is damaged)"),
            std::string::npos)
      << cli.err.str();
}

TEST(DamagedInput, MissingDbfIsNamed) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  fs::remove(fs::path(ds) / "parcels.dbf");
  Cli cli;
  EXPECT_EQ(cli.run({"import", ds, "--db", tmp.str("x.sqlite"), "--quiet"}), 1);
  EXPECT_EQ(cli.err.str(), "parkgis import: error: parcels.shp (layer parcels) has no .dbf file beside it (parcels.dbf): "
                           "the attributes are missing. Copy the .dbf together with the .shp and .shx\n");
}

TEST(AwkwardInput, EmptyLayerIsValid) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  parkgis::test::write_layer((fs::path(ds) / "approvals.shp").string(), "ESRI Shapefile", 4549,
                             {{"approval_id", 'S'}, {"zone_id", 'S'}, {"approved", 'D'}}, {}, {"SHPT=POLYGON"});
  Cli cli;
  ASSERT_EQ(cli.run({"import", ds, "--db", tmp.str("x.sqlite")}), 0) << cli.err.str();
  EXPECT_NE(cli.err.str().find("  approvals   0 of 0 features"), std::string::npos) << cli.err.str();
}

TEST(AwkwardInput, NonFiniteAbsurdAndNegativeNumbersAreRecordedAndLeftEmpty) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  parkgis::test::write_text(fs::path(ds) / "enterprises.csv",
                            "enterprise_id,name,industry,year,output_wan,tax_wan,value_added_wan,energy_tce,employees,rnd_wan\n"
                            "E1,甲,锂电新能源,2025,1e300,nan,-3000,inf,120,400\n");
  Cli cli;
  const std::string db = tmp.str("x.sqlite");
  ASSERT_EQ(cli.run({"import", ds, "--db", db, "--quiet"}), 0) << cli.err.str();
  EXPECT_EQ(column_of(db, "enterprises", "bad_number"),
            "enterprises.csv feature 1: output_wan = 1e300 is beyond any plausible value (over 10^12); output_wan left "
            "empty\n"
            "enterprises.csv feature 1: tax_wan = \"nan\" is not a number; tax_wan left empty\n"
            "enterprises.csv feature 1: energy_tce = \"inf\" is not a number; energy_tce left empty\n");
  EXPECT_EQ(column_of(db, "enterprises", "negative_value"),
            "enterprises.csv feature 1: value_added_wan = -3000 is negative; value_added_wan left empty\n");
}

TEST(AwkwardInput, EnterprisesWithoutTaxColumnAreRefusedUnlessStatedAbsent) {
  TempDir tmp;
  const std::string ds = dataset(tmp);
  parkgis::test::write_text(fs::path(ds) / "enterprises.csv",
                            "enterprise_id,name,industry,year,output_wan\nE1,甲,锂电新能源,2025,12000\n");
  Cli cli;
  EXPECT_EQ(cli.run({"import", ds, "--db", tmp.str("x.sqlite"), "--quiet"}), 1);
  EXPECT_EQ(cli.err.str(),
            "parkgis import: error: enterprises.csv (layer enterprises) has no field for tax_wan (looked for tax_wan, "
            "SS, PJSS, 税收, 评价税收); the 亩均 figures and the grading need it. Its fields are: enterprise_id, name, "
            "industry, year, output_wan. Add the column, map it in dataset.json, or state that the data has none: "
            "\"layers\": {\"enterprises\": {\"fields\": {\"tax_wan\": null}}}\n");
  parkgis::test::write_text(fs::path(ds) / "dataset.json",
                            "{\"layers\": {\"enterprises\": {\"fields\": {\"tax_wan\": null}}}}");
  ASSERT_EQ(cli.run({"import", ds, "--db", tmp.str("x.sqlite"), "--quiet"}), 0) << cli.err.str();
  EXPECT_EQ(column_of(tmp.str("x.sqlite"), "enterprises", "field_absent"),
            "enterprises.csv: dataset.json states the data has no tax_wan; the figures that need it stay empty (shown "
            "as —)\n");
}

// Parcel A of the tiny dataset lies in Z1; named Z2 it lies 390 m outside Z2 (Z2 starts at x = 500, the
// parcel ends at x = 110). Parcel D (x 2000..2100) lies outside every zone, 1000 m east of Z2.
TEST(AwkwardInput, ParcelsOutsideTheirZoneAreRecordedWithTheDistance) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "ds");
  parkgis::test::TinyOptions opt;
  parkgis::test::write_tiny_dataset(tmp.str("ds"), opt);
  const std::string dbf = tmp.str("ds") + "/parcels.dbf";
  std::string bytes = parkgis::test::read_text(dbf);
  const std::size_t at = bytes.find("Z1");  // the first parcel's zone_id
  ASSERT_NE(at, std::string::npos);
  bytes[at + 1] = '2';
  parkgis::test::write_text(dbf, bytes);
  Cli cli;
  const std::string db = tmp.str("x.sqlite");
  ASSERT_EQ(cli.run({"import", tmp.str("ds"), "--db", db, "--quiet"}), 0) << cli.err.str();
  EXPECT_EQ(column_of(db, "parcels", "outside_named_zone"),
            "parcels A names zone_id Z2 but lies wholly outside it, 390.0 m from its boundary; it is counted in Z2 as "
            "named. Check the zone_id or the boundaries\n");
  EXPECT_NE(column_of(db, "parcels", "outside_zones").find("parcels D lies outside every zone (1000.0 m from the nearest, Z2)"),
            std::string::npos)
      << column_of(db, "parcels", "outside_zones");
}
