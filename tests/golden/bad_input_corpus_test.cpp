// The bad-input corpus: broken or awkward datasets, each made from the tiny test dataset by one change,
// with the outcome a user must get — the exit code of 'parkgis import' and a fragment of the message
// (on stderr for a refused dataset, in import_issues for an accepted one). One ctest entry per case.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "app/cli/command.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;
using parkgis::test::TempDir;
using parkgis::test::write_text;

namespace {

using Mutation = std::function<void(const fs::path& ds)>;

struct BadCase {
  const char* name;
  Mutation mutate;
  int exit_code;             // of 'parkgis import DS --db X'
  std::string fragment;      // in stderr (exit != 0) or in an import_issues message (exit 0)
  std::string issue_code;    // exit 0: the code of the issue holding the fragment ("" = stderr)
  parkgis::test::TinyOptions options = {};
  std::string db = "x.sqlite";  // --db, relative to the test folder
};

void manifest(const fs::path& ds, const std::string& json) { write_text(ds / "dataset.json", json); }

void remove_layer(const fs::path& ds, const std::string& stem) {
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".csv"}) fs::remove(ds / (stem + ext));
}

std::uint32_t be32(const std::string& b, std::size_t at) {
  const auto u = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + i])); };
  return (u(0) << 24) | (u(1) << 16) | (u(2) << 8) | u(3);
}

void overwrite_record(const fs::path& ds, const std::string& stem, long fid, std::size_t at, const std::string& bytes) {
  const std::size_t offset = std::size_t(be32(parkgis::test::read_text(ds / (stem + ".shx")), 100 + 8 * std::size_t(fid))) * 2;
  std::fstream f(ds / (stem + ".shp"), std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(offset + at));
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void enterprises(const fs::path& ds, const std::string& rows,
                 const std::string& header = "enterprise_id,name,industry,year,output_wan,tax_wan,value_added_wan,"
                                             "energy_tce,employees,rnd_wan") {
  write_text(ds / "enterprises.csv", header + "\n" + rows);
}

// Replaces the first occurrence of `from` in a file by `to` of the same length (DBF values).
void patch(const fs::path& file, const std::string& from, const std::string& to) {
  std::string b = parkgis::test::read_text(file);
  const auto at = b.find(from);
  if (at == std::string::npos || from.size() != to.size()) throw std::runtime_error("patch: " + from + " not in " + file.string());
  b.replace(at, from.size(), to);
  write_text(file, b);
}

void buildings(const fs::path& ds, const std::map<std::string, std::string>& values) {
  remove_layer(ds, "buildings");
  std::map<std::string, std::string> v = {{"building_id", "b1"}, {"floors", "2"}, {"use", "factory"}};
  for (const auto& [k, x] : values) v[k] = x;
  parkgis::test::write_layer((ds / "buildings.shp").string(), "ESRI Shapefile", 4549,
                             {{"building_id", 'S'}, {"floors", 'I'}, {"floor_area", 'R'}, {"vacant_area", 'R'}, {"use", 'S'}},
                             {{"POLYGON((500020 2950020,500040 2950020,500040 2950040,500020 2950040,500020 2950020))", v}});
}

const std::string kFieldsHint = "Rename the field or map it in dataset.json";

std::vector<BadCase> cases() {
  parkgis::test::TinyOptions gbk;
  gbk.encoding = "CP936";
  gbk.keep_cpg = false;
  parkgis::test::TinyOptions prefixed;
  prefixed.x_offset = 40e6;
  parkgis::test::TinyOptions no_prj;
  no_prj.epsg = std::nullopt;
  parkgis::test::TinyOptions renamed_cn;
  renamed_cn.rename = {{"parcel_id", "宗地代码"}};
  parkgis::test::TinyOptions renamed_missing;
  renamed_missing.rename = {{"parcel_id", "XYZ"}};
  parkgis::test::TinyOptions defects;
  defects.defects = true;

  return {
      // dataset.json
      {"ManifestNotJson", [](const fs::path& d) { manifest(d, "{ name: 宁德 "); }, 1, "dataset.json: not valid JSON", ""},
      {"ManifestTopLevelArray", [](const fs::path& d) { manifest(d, "[1, 2]"); }, 1, "the top level must be a JSON object", ""},
      {"ManifestUnknownKey", [](const fs::path& d) { manifest(d, "{\"nmae\": \"x\"}"); }, 1, "unknown key \"nmae\"", ""},
      {"ManifestAsOfNotADate", [](const fs::path& d) { manifest(d, "{\"as_of\": \"30/06/2026\"}"); }, 1,
       "\"as_of\" is not a date: \"30/06/2026\" (write it as 2026-06-30)", ""},
      {"ManifestAsOfImpossibleDate", [](const fs::path& d) { manifest(d, "{\"as_of\": \"2026-02-30\"}"); }, 1,
       "\"as_of\" is not a date", ""},
      {"ManifestRegionBad", [](const fs::path& d) { manifest(d, "{\"region\": [1, 2, 3]}"); }, 1,
       "\"region\" must be \"ningde\", \"any\" or [west, south, east, north]", ""},
      {"ManifestRegionInverted", [](const fs::path& d) { manifest(d, "{\"region\": [120, 27, 119, 26]}"); }, 1,
       "\"region\" must be", ""},
      {"ManifestLayersNotObject", [](const fs::path& d) { manifest(d, "{\"layers\": []}"); }, 1,
       "\"layers\" must be an object keyed by layer name", ""},
      {"ManifestUnknownLayer", [](const fs::path& d) { manifest(d, "{\"layers\": {\"roads\": {}}}"); }, 1,
       "unknown layer \"roads\" in \"layers\"; the layers are parks, zones, parcels", ""},
      {"ManifestUnknownField", [](const fs::path& d) { manifest(d, "{\"layers\": {\"parcels\": {\"fields\": {\"owner\": \"QLR\"}}}}"); },
       1, "layers.parcels.fields: unknown field \"owner\"", ""},
      {"ManifestFieldMappedToNumber",
       [](const fs::path& d) { manifest(d, "{\"layers\": {\"parcels\": {\"fields\": {\"user_id\": 3}}}}"); }, 1,
       "layers.parcels.fields.user_id must be the name of a source field, or null when the data has none", ""},
      {"ManifestMapsToAbsentField",
       [](const fs::path& d) { manifest(d, "{\"layers\": {\"parcels\": {\"fields\": {\"user_id\": \"QLRDM\"}}}}"); }, 1,
       "dataset.json maps parcels.user_id to \"QLRDM\", but parcels.shp has no such field", ""},
      {"ManifestRequiredFieldStatedAbsent",
       [](const fs::path& d) { manifest(d, "{\"layers\": {\"parcels\": {\"fields\": {\"parcel_id\": null}}}}"); }, 1,
       "dataset.json states parcels.parcel_id absent (null), but every parcels needs it", ""},
      {"ManifestPathOutsideDataset",
       [](const fs::path& d) { manifest(d, "{\"layers\": {\"parcels\": {\"path\": \"../parcels.shp\"}}}"); }, 1,
       "layers.parcels.path \"../parcels.shp\" leads outside the dataset folder", ""},
      {"ManifestAbsolutePath", [](const fs::path& d) { manifest(d, "{\"layers\": {\"parcels\": {\"path\": \"/etc/hosts\"}}}"); },
       1, "leads outside the dataset folder", ""},
      {"ManifestPathToMissingFile",
       [](const fs::path& d) { manifest(d, "{\"layers\": {\"parcels\": {\"path\": \"宗地.shp\"}}}"); }, 1,
       "dataset.json names 宗地.shp for layer parcels, but", ""},
      {"ManifestWithByteOrderMark", [](const fs::path& d) { manifest(d, "\xEF\xBB\xBF{\"as_of\": \"2026-06-30\"}"); }, 0,
       "", ""},
      {"ManifestUnknownCrs",
       [](const fs::path& d) {
         manifest(d, "{\"crs\": \"EPSG:999999\"}");
         fs::remove(d / "parcels.prj");
       },
       1, "EPSG:999999", ""},
      // layers present or not
      {"NoParksLayer", [](const fs::path& d) { remove_layer(d, "parks"); }, 1, "has no parks layer (looked for parks.shp)", ""},
      {"NoZonesLayer", [](const fs::path& d) { remove_layer(d, "zones"); }, 1, "has no zones layer", ""},
      {"NoParcelsLayer", [](const fs::path& d) { remove_layer(d, "parcels"); }, 1, "has no parcels layer", ""},
      {"NoApprovalsLayer", [](const fs::path& d) { remove_layer(d, "approvals"); }, 0, "no approvals layer (approvals.shp)",
       "missing_layer"},
      {"NoEnterprisesTable", [](const fs::path& d) { remove_layer(d, "enterprises"); }, 0, "no enterprises layer",
       "missing_layer"},
      {"EmptyApprovalsLayer",
       [](const fs::path& d) {
         remove_layer(d, "approvals");
         parkgis::test::write_layer((d / "approvals.shp").string(), "ESRI Shapefile", 4549,
                                    {{"approval_id", 'S'}, {"zone_id", 'S'}, {"approved", 'D'}}, {}, {"SHPT=POLYGON"});
       },
       0, "", ""},
      {"HeaderOnlyEnterprises", [](const fs::path& d) { enterprises(d, ""); }, 0, "E1", "unknown_enterprise"},
      {"PointsForParcels",
       [](const fs::path& d) {
         remove_layer(d, "parcels");
         parkgis::test::write_layer((d / "parcels.shp").string(), "ESRI Shapefile", 4549, {{"parcel_id", 'S'}, {"land_use", 'S'}},
                                    {{"POINT (500010 2950010)", {{"parcel_id", "A"}, {"land_use", "0601"}}}});
       },
       1, "parcels.shp: layer parcels must hold polygons, but the file holds Point", ""},
      // damaged files
      {"MissingDbf", [](const fs::path& d) { fs::remove(d / "parcels.dbf"); }, 1, "parcels.shp (layer parcels) has no .dbf file beside it",
       ""},
      {"MissingShx", [](const fs::path& d) { fs::remove(d / "zones.shx"); }, 1, "zones.shp (layer zones): cannot be read", ""},
      {"ZeroByteShp", [](const fs::path& d) { std::ofstream(d / "zones.shp", std::ios::trunc); }, 1,
       "zones.shp (layer zones) is damaged: the .shp file is shorter than its 100-byte header (0 bytes)", ""},
      {"TruncatedShp", [](const fs::path& d) { fs::resize_file(d / "parcels.shp", fs::file_size(d / "parcels.shp") - 50); }, 1,
       "is damaged: 1 of 5 records cannot be read (records 4; the first: its record runs past the end", ""},
      {"TruncatedToHalf", [](const fs::path& d) { fs::resize_file(d / "parcels.shp", fs::file_size(d / "parcels.shp") / 2); },
       1, "records cannot be read", ""},
      {"OverwrittenShapeType", [](const fs::path& d) { overwrite_record(d, "parcels", 1, 8, std::string(4, '\x7f')); }, 1,
       "its shape type in the .shp is", ""},
      {"OverwrittenRecordHeader", [](const fs::path& d) { overwrite_record(d, "parcels", 3, 0, std::string(8, '\0')); }, 1,
       "its record header in the .shp does not match the .shx index", ""},
      {"ShxShorterThanDbf", [](const fs::path& d) { fs::resize_file(d / "parcels.shx", fs::file_size(d / "parcels.shx") - 8); },
       1, "the .shx index lists 4 records but the .dbf holds 5", ""},
      {"ShxOddSize", [](const fs::path& d) { fs::resize_file(d / "parcels.shx", fs::file_size(d / "parcels.shx") - 3); }, 1,
       "the .shx index is damaged", ""},
      {"ShxFromAnotherLayer", [](const fs::path& d) { fs::copy_file(d / "zones.shx", d / "parcels.shx", fs::copy_options::overwrite_existing); },
       1, "parcels.shp (layer parcels) is damaged", ""},
      // fields
      {"RequiredFieldMissing", [](const fs::path&) {}, 1, "parcels.shp (layer parcels) has no field for parcel_id", "", renamed_missing},
      {"ChineseFieldName", [](const fs::path&) {}, 0, "", "", renamed_cn},
      {"EnterprisesWithoutTax", [](const fs::path& d) { enterprises(d, "E1,甲,锂电新能源,2025,1200\n", "enterprise_id,name,industry,year,output_wan"); },
       1, "enterprises.csv (layer enterprises) has no field for tax_wan", ""},
      {"EnterprisesWithoutOutput", [](const fs::path& d) { enterprises(d, "E1,甲,锂电新能源,2025,30\n", "enterprise_id,name,industry,year,tax_wan"); },
       1, "has no field for output_wan", ""},
      {"EnterprisesTaxStatedAbsent",
       [](const fs::path& d) {
         enterprises(d, "E1,甲,锂电新能源,2025,1200\n", "enterprise_id,name,industry,year,output_wan");
         manifest(d, "{\"layers\": {\"enterprises\": {\"fields\": {\"tax_wan\": null}}}}");
       },
       0, "dataset.json states the data has no tax_wan", "field_absent"},
      {"EnterprisesChineseHeader",
       [](const fs::path& d) { enterprises(d, "E1,甲,锂电新能源,2025,1200,30\n", "企业代码,企业名称,行业,年度,产值,税收"); }, 0, "", ""},
      // CRS and coordinates
      {"NoPrjNoManifest", [](const fs::path&) {}, 1, "declares no coordinate system (no .prj file)", "", no_prj},
      {"NoPrjWithManifestCrs", [](const fs::path& d) { manifest(d, "{\"crs\": \"EPSG:4549\"}"); }, 0, "", "", no_prj},
      {"ZonePrefixedEastings", [](const fs::path&) {}, 1, "EPSG:4528", "", prefixed},
      {"DegreesDeclaredAsMetres",
       [](const fs::path& d) {
         remove_layer(d, "parks");
         parkgis::test::write_layer((d / "parks.shp").string(), "ESRI Shapefile", 4549, {{"park_id", 'S'}, {"name", 'S'}},
                                    {{"POLYGON((119.5 26.6,119.6 26.6,119.6 26.7,119.5 26.7,119.5 26.6))", {{"park_id", "P1"}, {"name", "甲"}}}});
       },
       1, "coordinates look like degrees", ""},
      // encodings
      {"GbkWithoutCpg", [](const fs::path&) {}, 0, "read as", "encoding_guessed", gbk},
      {"CpgAnsi936", [](const fs::path& d) { write_text(d / "parcels.cpg", "ANSI 936"); }, 0, "", "", gbk},
      {"CpgSaysUtf8ButGbk", [](const fs::path& d) { write_text(d / "parks.cpg", "UTF-8"); }, 0, "U+FFFD", "bad_text", gbk},
      // values
      {"DuplicateParcelId", [](const fs::path&) {}, 0, "A", "duplicate_id"},
      {"ImpossibleDate", [](const fs::path&) {}, 0, "\"2020-02-30\" is not a date", "bad_date", defects},
      {"NumberWithUnit", [](const fs::path&) {}, 0, "\"12万\" is not a number", "bad_number", defects},
      {"ParcelWithoutGeometry", [](const fs::path&) {}, 0, "has no geometry; skipped", "null_geometry", defects},
      {"ParcelWithoutId", [](const fs::path&) {}, 0, "", "missing_id", defects},
      {"UnknownZoneId", [](const fs::path&) {}, 0, "names zone_id Z9, which is not in the zones layer", "unknown_zone", defects},
      {"UnknownEnterprise", [](const fs::path&) {}, 0, "E404", "unknown_enterprise", defects},
      {"NotANumber", [](const fs::path& d) { enterprises(d, "E1,甲,锂电新能源,2025,nan,30,,,,\n"); }, 0,
       "output_wan = \"nan\" is not a number", "bad_number"},
      {"AbsurdNumber", [](const fs::path& d) { enterprises(d, "E1,甲,锂电新能源,2025,1200,1e300,,,,\n"); }, 0,
       "tax_wan = 1e300 is beyond any plausible value", "bad_number"},
      {"NegativeFloorArea", [](const fs::path& d) { buildings(d, {{"floor_area", "-500"}}); }, 0,
       "floor_area = -500.000000 is negative; floor_area left empty", "negative_value"},
      {"VacantOverFloor", [](const fs::path& d) { buildings(d, {{"floor_area", "500"}, {"vacant_area", "800"}}); }, 0,
       "vacant_area 800.0 m² is larger than its floor area 500.0 m²", "vacant_exceeds_floor"},
      {"DuplicateEnterpriseYear", [](const fs::path& d) { enterprises(d, "E1,甲,锂电新能源,2025,1,2,,,,\nE1,甲,锂电新能源,2025,3,4,,,,\n"); },
       0, "E1", "duplicate_id"},
      {"BowTieParcel", [](const fs::path&) {}, 0, "repaired with GEOS MakeValid", "invalid_geometry_repaired"},
      {"ParcelOutsideEveryZone", [](const fs::path&) {}, 0, "parcels D lies outside every zone (1000.0 m from the nearest, Z2)",
       "outside_zones"},
      {"ParcelOutsideItsZone", [](const fs::path& d) { patch(d / "parcels.dbf", "Z1", "Z2"); }, 0,
       "names zone_id Z2 but lies wholly outside it, 390.0 m from its boundary", "outside_named_zone"},
      {"ZoneOfUnknownPark", [](const fs::path& d) { patch(d / "zones.dbf", "P1", "P7"); }, 0, "P7", "unknown_park"},
      // the target database
      {"DbIsAFolder", [](const fs::path& d) { fs::create_directories(d.parent_path() / "out.sqlite"); }, 1, "is a folder", "",
       {}, "out.sqlite"},
      {"DbIsAGeoPackage",
       [](const fs::path& d) {
         parkgis::test::write_layer((d.parent_path() / "layers.gpkg").string(), "GPKG", 4549, {{"n", 'S'}},
                                    {{"POINT (1 1)", {{"n", "a"}}}});
       },
       1, "exists and is a GeoPackage", "", {}, "layers.gpkg"},
      {"DbIsADatasetFile", [](const fs::path&) {}, 1, "is a file of the dataset being imported", "", {}, "ds/parcels.dbf"},
      {"DbInMissingFolder", [](const fs::path&) {}, 1, "does not exist", "", {}, "no/such/folder/x.sqlite"},
  };
}

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInput, GivesTheStatedOutcome) {
  const BadCase& c = GetParam();
  TempDir tmp;
  const fs::path ds = tmp.path() / "ds";
  fs::create_directories(ds);
  parkgis::test::write_tiny_dataset(ds.string(), c.options);
  c.mutate(ds);
  const std::string db = tmp.str(c.db);
  std::ostringstream out, err;
  parkgis::cli::Context ctx{out, err, false};
  const int rc = parkgis::cli::run({"import", ds.string(), "--db", db, "--quiet"}, ctx);
  ASSERT_EQ(rc, c.exit_code) << err.str();
  if (rc != 0) {
    EXPECT_NE(err.str().find(c.fragment), std::string::npos) << "stderr: " << err.str();
    return;
  }
  if (c.issue_code.empty()) return;
  auto store = parkgis::store::open_spatialite(db);
  std::string messages;
  bool found = false;
  for (const parkgis::Issue& i : store->read_issues()) {
    if (i.code != c.issue_code) continue;
    messages += i.message + "\n";
    found = found || i.message.find(c.fragment) != std::string::npos || i.feature_id == c.fragment;
  }
  EXPECT_TRUE(found) << "no " << c.issue_code << " issue with \"" << c.fragment << "\"; the issues of that code:\n" << messages;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<BadCase>& p) { return std::string(p.param.name); });

}  // namespace
