// parkgis import on the hand-made tiny dataset (tests/support/tiny_dataset.h): CRS paths, encodings,
// field mapping, every validation issue, and atomicity.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <csignal>
#include <filesystem>
#include <sstream>

#include "app/cli/command.h"
#include "app/cli/interrupt.h"
#include "libgis/core/errors.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;
using parkgis::ImportOptions;
using parkgis::import_dataset;
using parkgis::test::TempDir;
using parkgis::test::TinyOptions;
using parkgis::test::write_tiny_dataset;

namespace {

struct Imported {
  parkgis::ImportResult result;
  std::string db;
};

Imported import_tiny(const TempDir& tmp, const TinyOptions& opt = {}, const std::string& manifest = "") {
  fs::create_directories(tmp.path() / "ds");
  write_tiny_dataset(tmp.str("ds"), opt);
  if (!manifest.empty()) parkgis::test::write_text(tmp.path() / "ds" / "dataset.json", manifest);
  ImportOptions o;
  o.dataset = tmp.str("ds");
  o.db_path = tmp.str("x.sqlite");
  return Imported{import_dataset(o), o.db_path};
}

std::string import_error(const TempDir& tmp, const TinyOptions& opt, const std::string& manifest = "") {
  try {
    import_tiny(tmp, opt, manifest);
  } catch (const parkgis::DataError& e) {
    return e.what();
  }
  return "(no error)";
}

std::vector<const parkgis::Issue*> issues_with(const parkgis::ImportResult& r, const std::string& code) {
  std::vector<const parkgis::Issue*> out;
  for (const auto& i : r.issues.all())
    if (i.code == code) out.push_back(&i);
  return out;
}

std::map<std::string, std::string> column(const std::string& db, const std::string& table, const std::string& key,
                                          const std::string& value) {
  std::map<std::string, std::string> out;
  auto store = parkgis::store::open_spatialite(db);
  store->read_table(table, {key, value}, false, key, [&](const parkgis::store::Row& r) {
    out[parkgis::store::value_text(r.values[0])] = parkgis::store::value_text(r.values[1]);
  });
  return out;
}

}  // namespace

TEST(Import, TinyDatasetInEpsg4549) {
  TempDir tmp;
  const Imported im = import_tiny(tmp);
  EXPECT_EQ(im.result.srid, 4549);
  ASSERT_EQ(im.result.layers.size(), 7u);  // with tenancies (absent: nothing read, no warning)
  EXPECT_EQ(im.result.layers[0].written, 1);  // parks
  EXPECT_EQ(im.result.layers[1].written, 2);  // zones
  EXPECT_EQ(im.result.layers[2].read, 5);     // parcels: A, B, C, D, A again
  EXPECT_EQ(im.result.layers[2].written, 4);  // the repeated A is skipped

  // Zones: given, found by overlap, and none for the parcel outside.
  const auto zone = column(im.db, "parcels", "parcel_id", "zone_id");
  EXPECT_EQ(zone.at("A"), "Z1");
  EXPECT_EQ(zone.at("B"), "Z2");
  EXPECT_EQ(zone.at("C"), "Z1");
  EXPECT_EQ(zone.at("D"), "");
  const auto source = column(im.db, "parcels", "parcel_id", "zone_source");
  EXPECT_EQ(source.at("A"), "attribute");
  EXPECT_EQ(source.at("B"), "overlap");

  // Dates from DBF Date fields come out as ISO text.
  EXPECT_EQ(column(im.db, "parcels", "parcel_id", "supply_date").at("A"), "2020-01-15");

  // Floor area from footprint x floors: 20 m x 20 m x 2 floors.
  const auto fa = column(im.db, "buildings", "building_id", "floor_area");
  EXPECT_NEAR(std::stod(fa.at("b1")), 800.0, 1e-6);  // m²
  EXPECT_EQ(column(im.db, "buildings", "building_id", "floor_area_source").at("b1"), "footprint×floors");

  // Chinese text survives.
  EXPECT_EQ(column(im.db, "parks", "park_id", "name").at("P1"), "蕉城小微园");
  EXPECT_EQ(column(im.db, "enterprises", "enterprise_id", "name").at("E1"), "宁德时代新能源科技股份有限公司");
}

TEST(Import, EveryValidationIssueIsRecorded) {
  TempDir tmp;
  const Imported im = import_tiny(tmp);
  const auto repaired = issues_with(im.result, "invalid_geometry_repaired");
  ASSERT_EQ(repaired.size(), 1u);
  EXPECT_EQ(repaired[0]->feature_id, "C");
  EXPECT_NE(repaired[0]->message.find("Self-intersection"), std::string::npos) << repaired[0]->message;
  // MakeValid keeps both lobes of the bow-tie: 2 triangles of 2500 m² (buffer(0) would keep one).
  EXPECT_NE(repaired[0]->message.find("area now 5000.0 m²"), std::string::npos) << repaired[0]->message;

  const auto dup = issues_with(im.result, "duplicate_id");
  ASSERT_EQ(dup.size(), 1u);
  EXPECT_EQ(dup[0]->message,
            "parcels: parcel_id A appears again at feature 4 (first at feature 0); the repeat was skipped. "
            "Give each feature its own id");
  const auto outside = issues_with(im.result, "outside_zones");
  ASSERT_EQ(outside.size(), 1u);
  EXPECT_EQ(outside[0]->feature_id, "D");

  // The issues are in the database too.
  auto store = parkgis::store::open_spatialite(im.db);
  EXPECT_EQ(store->read_issues().size(), im.result.issues.size());
}

TEST(Import, DataDefectsAreReportedNotFatal) {
  TempDir tmp;
  TinyOptions opt;
  opt.defects = true;
  const Imported im = import_tiny(tmp, opt);
  const auto only = [&](const std::string& code) {
    const auto found = issues_with(im.result, code);
    EXPECT_EQ(found.size(), 1u) << code;
    return found.empty() ? std::string() : found[0]->message;
  };
  EXPECT_EQ(only("unknown_zone"), "parcels B names zone_id Z9, which is not in the zones layer; the zone was found by overlap instead");
  EXPECT_EQ(only("unknown_enterprise"),
            "parcel B is held by user_id E404, which is not in the enterprises table; its land counts as used but has no figures");
  EXPECT_EQ(only("bad_date"),
            "parcels.shp feature 1: supply_dat = \"2020-02-30\" is not a date (write dates as 2020-03-01); supply_date left empty");
  EXPECT_EQ(only("bad_number"),
            "enterprises.csv feature 2: output_wan = \"12万\" is not a number; output_wan left empty");
  EXPECT_EQ(only("null_geometry"), "parcels.shp feature 5 (N) has no geometry; skipped");
  EXPECT_EQ(only("missing_id"), "feature 6 of parcels has no parcel_id; it was given the id parcels-fid6");
  // B still gets its zone by overlap; the import goes on.
  EXPECT_EQ(column(im.db, "parcels", "parcel_id", "zone_id").at("B"), "Z2");
  EXPECT_EQ(column(im.db, "parcels", "parcel_id", "supply_date").at("B"), "");
}

TEST(Import, OutputOpensInOgrWithSridAndSpatialIndex) {
  TempDir tmp;
  const Imported im = import_tiny(tmp);
  GDALAllRegister();
  GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(im.db.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
  ASSERT_NE(ds, nullptr);
  for (const char* name : {"parks", "zones", "parcels", "buildings", "approvals"}) {
    OGRLayer* layer = ds->GetLayerByName(name);
    ASSERT_NE(layer, nullptr) << name;
    ASSERT_NE(layer->GetSpatialRef(), nullptr) << name;
    EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4549") << name;
    EXPECT_TRUE(layer->TestCapability(OLCFastSpatialFilter)) << name << " has no spatial index";
  }
  EXPECT_EQ(ds->GetLayerByName("parks")->GetFeatureCount(), 1);
  GDALClose(ds);
}

TEST(Import, GeographicCgcs2000IsReprojectedToTheGaussKrugerZone) {
  TempDir tmp;
  TinyOptions opt;
  opt.epsg = 4490;
  const Imported im = import_tiny(tmp, opt);
  EXPECT_EQ(im.result.srid, 4549);
  EXPECT_NE(im.result.srid_reason.find("reprojected"), std::string::npos);
  // The building is still 20 m x 20 m (floor area from footprint x 2 floors), within 0.1 m².
  EXPECT_NEAR(std::stod(column(im.db, "buildings", "building_id", "floor_area").at("b1")), 800.0, 0.1);
}

TEST(Import, NoPrjAndNoManifestIsAClearError) {
  TempDir tmp;
  TinyOptions opt;
  opt.epsg = std::nullopt;
  const std::string err = import_error(tmp, opt);
  EXPECT_EQ(err, "parks.shp (layer parks) declares no coordinate system (no .prj file) and the dataset has no "
                 "\"crs\" in dataset.json; add the .prj, or set \"crs\": \"EPSG:4549\" (or the right EPSG code) in " +
                     (tmp.path() / "ds" / "dataset.json").string());
  EXPECT_FALSE(fs::exists(tmp.path() / "x.sqlite"));
}

// A GeoJSON file without a "crs" member is WGS 84 by RFC 7946, so GDAL declares EPSG:4326 for projected
// coordinates too: the advice names what a GeoJSON user can do (not a .prj), and the manifest's "crs",
// once set, is used instead of that default.
TEST(Import, GeoJsonWithoutCrsMemberTakesTheManifestCrs) {
  TempDir tmp;
  TinyOptions opt;
  opt.epsg = std::nullopt;
  fs::create_directories(tmp.path() / "ds");
  write_tiny_dataset(tmp.str("ds"), opt);
  {  // parks.shp -> parks.geojson (no "crs" member: the source has no CRS)
    GDALDatasetUniquePtr src(GDALDataset::Open(tmp.str("ds/parks.shp").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(src);
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    ASSERT_NE(drv, nullptr);
    GDALDatasetUniquePtr out(drv->CreateCopy(tmp.str("ds/parks.geojson").c_str(), src.get(), false, nullptr, nullptr, nullptr));
    ASSERT_TRUE(out);
  }
  for (const char* ext : {".shp", ".shx", ".dbf", ".cpg"}) fs::remove(tmp.path() / "ds" / (std::string("parks") + ext));
  ImportOptions o;
  o.dataset = tmp.str("ds");
  o.db_path = tmp.str("x.sqlite");
  std::string err = "(no error)";
  try {
    import_dataset(o);
  } catch (const parkgis::DataError& e) {
    err = e.what();
  }
  EXPECT_NE(err.find("parks.geojson: coordinates do not fit EPSG:4326 (WGS 84)"), std::string::npos) << err;
  EXPECT_NE(err.find(". A GeoJSON file without a \"crs\" member is read as WGS 84 (RFC 7946): set \"crs\" in "
                     "dataset.json, e.g. \"crs\": \"EPSG:4549\""),
            std::string::npos)
      << err;
  EXPECT_EQ(err.find(".prj"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(tmp.path() / "x.sqlite"));

  parkgis::test::write_text(tmp.path() / "ds" / "dataset.json", R"({"crs": "EPSG:4549"})");
  const parkgis::ImportResult r = import_dataset(o);
  EXPECT_EQ(r.srid, 4549);
}

TEST(Import, NoPrjWithManifestCrsImports) {
  TempDir tmp;
  TinyOptions opt;
  opt.epsg = std::nullopt;
  const Imported im = import_tiny(tmp, opt, R"({"crs": "EPSG:4549"})");
  EXPECT_EQ(im.result.srid, 4549);
  EXPECT_EQ(im.result.layers[2].written, 4);
}

TEST(Import, ZonePrefixedEastingsDeclaredWithoutPrefixNameTheRightCrs) {
  TempDir tmp;
  TinyOptions opt;
  opt.x_offset = 40e6;  // eastings 40 500 000: EPSG:4528 data, but the .prj says EPSG:4549
  const std::string err = import_error(tmp, opt);
  EXPECT_NE(err.find("parks.shp: coordinates do not fit EPSG:4549"), std::string::npos) << err;
  EXPECT_NE(err.find("EPSG:4528"), std::string::npos) << err;
}

TEST(Import, NingdeDataDeclaredInTheWrongZoneNameTheRightCrs) {
  TempDir tmp;
  TinyOptions opt;
  opt.epsg = std::nullopt;  // EPSG:4549 coordinates, no .prj; the manifest says CM 117E
  const std::string err = import_error(tmp, opt, R"({"crs": "EPSG:4548"})");
  EXPECT_NE(err.find("parks.shp: coordinates do not fit EPSG:4548"), std::string::npos) << err;
  EXPECT_NE(err.find("e.g. \"crs\": \"EPSG:4549\""), std::string::npos) << err;
}

TEST(Import, RegionAnyTurnsTheAreaCheckOff) {
  TempDir tmp;
  TinyOptions opt;
  opt.epsg = std::nullopt;
  const Imported im = import_tiny(tmp, opt, R"({"crs": "EPSG:4548", "region": "any"})");
  EXPECT_EQ(im.result.srid, 4548);
}

TEST(Import, GbkWithoutCpgComesOutRight) {
  TempDir tmp;
  TinyOptions opt;
  opt.encoding = "CP936";
  opt.keep_cpg = false;
  const Imported im = import_tiny(tmp, opt);
  EXPECT_EQ(column(im.db, "parks", "park_id", "name").at("P1"), "蕉城小微园");
  EXPECT_EQ(column(im.db, "zones", "zone_id", "name").at("Z2"), "二片区");
  EXPECT_FALSE(issues_with(im.result, "encoding_guessed").empty());
}

TEST(Import, FieldsMappedByManifest) {
  TempDir tmp;
  TinyOptions opt;
  opt.rename = {{"parcel_id", "PID"}, {"user_id", "HOLDER"}};
  const Imported im = import_tiny(
      tmp, opt, R"({"layers": {"parcels": {"fields": {"parcel_id": "PID", "user_id": "HOLDER"}}}})");
  EXPECT_EQ(column(im.db, "parcels", "parcel_id", "user_id").at("A"), "E1");
}

TEST(Import, FieldsRecognisedByCadastralAndChineseNames) {
  TempDir tmp;
  TinyOptions opt;
  opt.encoding = "CP936";
  opt.rename = {{"parcel_id", "ZDDM"}, {"land_use", "土地用途"}, {"user_id", "QLRDM"}, {"name", "名称"}};
  const Imported im = import_tiny(tmp, opt);
  EXPECT_EQ(column(im.db, "parcels", "parcel_id", "land_use").at("C"), "0604");
  EXPECT_EQ(column(im.db, "parcels", "parcel_id", "user_id").at("A"), "E1");
  EXPECT_EQ(column(im.db, "zones", "zone_id", "name").at("Z1"), "一片区");
}

TEST(Import, MissingRequiredFieldListsWhatTheSourceHas) {
  TempDir tmp;
  TinyOptions opt;
  opt.rename = {{"land_use", "KIND"}};
  const std::string err = import_error(tmp, opt);
  EXPECT_EQ(err.substr(0, 80), "parcels.shp (layer parcels) has no field for land_use (looked for land_use, DLBM");
  EXPECT_NE(err.find("its fields are: parcel_id, zone_id, KIND, user_id, supply_dat, agreed_sta, actual_sta"),
            std::string::npos)
      << err;
}

TEST(Import, MissingLayerListsTheFolder) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "ds");
  write_tiny_dataset(tmp.str("ds"));
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) fs::remove(tmp.path() / "ds" / (std::string("zones") + ext));
  ImportOptions o{tmp.str("ds"), tmp.str("x.sqlite"), {}};
  try {
    import_dataset(o);
    FAIL() << "no error";
  } catch (const parkgis::DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "dataset " + tmp.str("ds") + " has no zones layer (looked for zones.shp); the folder has: "
              "approvals.cpg, approvals.dbf, approvals.prj, approvals.shp, approvals.shx, buildings.cpg, "
              "buildings.dbf, buildings.prj, buildings.shp, buildings.shx, enterprises.csv, parcels.cpg, parcels.dbf, "
              "parcels.prj, parcels.shp, parcels.shx, parks.cpg, parks.dbf, parks.prj, parks.shp, parks.shx. "
              "Name the file zones.shp or set layers.zones.path in dataset.json");
  }
}

TEST(Import, FailedImportLeavesTheOldDatabaseUnchanged) {
  TempDir tmp;
  const Imported first = import_tiny(tmp);
  const std::string before = parkgis::test::read_text(first.db);
  ASSERT_FALSE(before.empty());
  // Break the dataset: parcels lose their .prj and there is no manifest.
  fs::remove(tmp.path() / "ds" / "parcels.prj");
  ImportOptions o{tmp.str("ds"), first.db, {}};
  EXPECT_THROW(import_dataset(o), parkgis::DataError);
  EXPECT_EQ(parkgis::test::read_text(first.db), before);
  // No temporary file is left behind.
  for (const auto& e : fs::directory_iterator(tmp.path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST(Import, CliExitCodes) {
  TempDir tmp;
  std::ostringstream out, err;
  parkgis::cli::Context ctx{out, err, false};
  EXPECT_EQ(parkgis::cli::run({"import", tmp.str("nope"), "--db", tmp.str("x.sqlite")}, ctx), 1);
  EXPECT_EQ(err.str(), "parkgis import: error: dataset folder " + tmp.str("nope") + " does not exist or is not a folder\n");
  EXPECT_EQ(parkgis::cli::run({"import", tmp.str("nope")}, ctx), 2);
}

// Ctrl-C during an import: exit code 130, a message, and neither the database nor its temporary file
// left behind (also with --quiet, which prints no progress).
TEST(ImportInterrupt, CtrlCRemovesTheUnfinishedDatabase) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "ds");
  write_tiny_dataset(tmp.str("ds"), {});
  parkgis::cli::install_interrupt_handler();
  std::raise(SIGINT);  // handled: only sets the flag
  ASSERT_TRUE(parkgis::cli::interrupted());
  std::ostringstream out, err;
  parkgis::cli::Context ctx{out, err, false};
  const int rc = parkgis::cli::run({"import", tmp.str("ds"), "--db", tmp.str("x.sqlite"), "--quiet"}, ctx);
  parkgis::cli::clear_interrupt();
  EXPECT_EQ(rc, 130);
  EXPECT_EQ(err.str(), "\nparkgis import: interrupted; nothing was written (an unfinished database is removed, an "
                       "existing one is left as it was)\n");
  for (const auto& e : fs::directory_iterator(tmp.path())) EXPECT_EQ(e.path().filename(), "ds") << e.path();
}
