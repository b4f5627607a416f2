// parkgis export on the tiny dataset (tests/support/tiny_dataset.h), read back through GDAL: every
// format and both shapefile encodings keep Chinese values (traditional characters too) and field names
// (through fields.csv); the sidecars (.cpg, DBF language byte, .prj, .qml, .sld) are right; text GBK
// cannot hold is an error that names the feature; a failed export leaves the old files alone.
#include <cpl_minixml.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "app/cli/command.h"
#include "libgis/analysis/analyze.h"
#include "libgis/core/errors.h"
#include "libgis/export/export.h"
#include "libgis/importer.h"
#include "libgis/io/encoding.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;
using parkgis::test::read_text;
using parkgis::test::TempDir;

namespace {

const std::string kTraditional = "寧德時代新能源科技股份有限公司";

// The tiny dataset imported and analysed (as of 2026-06-30) into folder/x.sqlite.
std::string make_db(const TempDir& tmp, const std::string& enterprise_name) {
  fs::create_directories(tmp.path() / "ds");
  parkgis::test::TinyOptions opt;
  opt.enterprise_name = enterprise_name;
  parkgis::test::write_tiny_dataset(tmp.str("ds"), opt);
  const std::string db = tmp.str("x.sqlite");
  parkgis::import_dataset({tmp.str("ds"), db, {}});
  auto store = parkgis::store::open_spatialite(db);
  parkgis::analysis::AnalyzeOptions o;
  o.as_of = parkgis::Date{2026, 6, 30};
  parkgis::analysis::analyze(*store, o);
  return db;
}

int run_cli(const std::vector<std::string>& argv, std::string* err = nullptr) {
  std::ostringstream o, e;
  parkgis::cli::Context ctx{o, e, false};
  const int rc = parkgis::cli::run(argv, ctx);
  if (err) *err = e.str();
  return rc;
}

// fields.csv: short name → full name.
std::map<std::string, std::string> fields_csv(const fs::path& data) {
  std::map<std::string, std::string> out;
  std::istringstream in(read_text(data.parent_path() / (data.stem().string() + ".fields.csv")));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line.substr(0, 3), "\xEF\xBB\xBF");
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto a = line.find(','), b = line.find(',', a + 1);
    out[line.substr(0, a)] = line.substr(a + 1, b - a - 1);
  }
  return out;
}

struct ReadBack {
  std::vector<std::string> fields;                              // full names (through fields.csv)
  std::map<std::string, OGRFieldType> types;                    // full name → type
  std::map<std::string, std::map<std::string, std::string>> rows;  // parcel_id → full name → text
  int epsg = 0;
  double first_x = 0;  // a coordinate of the first geometry
};

// Opens a file as parkgis's own reader would (encoding decided from .cpg / LDID / BOM / detection).
ReadBack read_back(const fs::path& path) {
  GDALAllRegister();
  const parkgis::io::SourceEncoding enc = parkgis::io::decide_encoding(path.string(), "");
  CPLStringList opts;
  for (const std::string& o : enc.open_options) opts.AddString(o.c_str());
  if (path.extension() == ".csv") opts.AddString("KEEP_GEOM_COLUMNS=NO");
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.string().c_str(), GDAL_OF_VECTOR, nullptr, opts.List(), nullptr));
  ReadBack r;
  if (!ds) {
    ADD_FAILURE() << "GDAL cannot open " << path;
    return r;
  }
  OGRLayer* layer = ds->GetLayer(0);
  const auto names = fields_csv(path);
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<std::string> full;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const std::string n = defn->GetFieldDefn(i)->GetNameRef();
    const auto it = names.find(n);
    full.push_back(it == names.end() ? n : it->second);
    r.types[full.back()] = defn->GetFieldDefn(i)->GetType();
  }
  r.fields = full;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    OGRSpatialReference s(*srs);
    s.AutoIdentifyEPSG();
    if (const char* code = s.GetAuthorityCode(nullptr)) r.epsg = std::atoi(code);
  }
  bool first = true;
  for (auto& f : *layer) {
    std::map<std::string, std::string> row;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      std::string v = f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "";
      if (enc.recode_strings) v = parkgis::io::recode_to_utf8(v, enc.name);
      row[full[static_cast<std::size_t>(i)]] = v;
    }
    if (first && f->GetGeometryRef()) {
      OGREnvelope env;
      f->GetGeometryRef()->getEnvelope(&env);
      r.first_x = env.MinX;
      first = false;
    }
    r.rows[row["parcel_id"]] = row;
  }
  return r;
}

class ExportTiny : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_tmp = new TempDir();
    s_db = make_db(*s_tmp, kTraditional);
  }
  static void TearDownTestSuite() {
    delete s_tmp;
    s_tmp = nullptr;
  }
  static TempDir* s_tmp;
  static std::string s_db;
  TempDir out;
};
TempDir* ExportTiny::s_tmp = nullptr;
std::string ExportTiny::s_db;

const std::vector<std::string> kParcelMetricColumns = {
    "parcel_id", "zone_id", "park_id", "land_use", "user_id", "enterprise_name", "industry", "area_m2", "area_mu",
    "registered_area_m2", "supplied", "started", "supply_status", "footprint_m2", "coverage", "floor_m2",
    "plot_ratio", "vacant_m2", "vacancy_rate", "buildings", "idle_status", "idle_days", "idle_fee_wan",
    "idle_reason", "output_wan", "tax_wan", "output_per_mu", "tax_per_mu", "grade", "completion_due",
    "min_plot_ratio", "industry_unknown", "control_note", "investment_wan_per_ha", "investment_wan_per_mu",
    "min_investment_wan_per_ha", "office_share", "green_ratio", "low_coverage", "low_plot_ratio", "low_investment",
    "high_office_share", "high_green_ratio", "below_control", "low_efficiency", "low_efficiency_reason",
    "decision_no", "disposal", "disposal_date", "idle_disposed", "held", "used_m2", "tenants", "leased_land_m2", "leased_floor_m2",
    "tenant_tax_wan", "actual_start", "stop_date", "developed_m2",
    "invested_wan", "gov_cause", "survey_status", "surveyor", "survey_date", "note"};

}  // namespace

TEST_F(ExportTiny, EveryFormatAndEncodingRoundTripsChineseTextAndFieldNames) {
  struct Case {
    std::string file, format, encoding;
  };
  const std::vector<Case> cases = {{"p_gbk.shp", "shp", "GBK"},       {"p_utf8.shp", "shp", "UTF-8"},
                                   {"p.gpkg", "gpkg", ""},            {"p.geojson", "geojson", ""},
                                   {"p_utf8.csv", "csv", "UTF-8"},    {"p_gbk.csv", "csv", "GBK"},
                                   {"p.kml", "kml", ""}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    std::vector<std::string> argv = {"export", "--db", s_db, "--layer", "parcels", "--survey", "--format", c.format,
                                     "-o", out.str(c.file), "--quiet"};
    if (!c.encoding.empty()) argv.insert(argv.end(), {"--encoding", c.encoding});
    std::string err;
    ASSERT_EQ(run_cli(argv, &err), 0) << err;
    const ReadBack r = read_back(out.path() / c.file);
    std::vector<std::string> fields;
    for (const std::string& f : r.fields)  // LIBKML adds its standard placemark fields when reading
      if (c.format != "kml" || !parkgis::exporter::is_kml_standard_field(f)) fields.push_back(f);
    EXPECT_EQ(fields, kParcelMetricColumns);
    ASSERT_EQ(r.rows.size(), 4u);  // A, B, C (repaired bow-tie), D
    EXPECT_EQ(r.rows.at("A").at("enterprise_name"), kTraditional);
    EXPECT_EQ(r.rows.at("A").at("idle_status"), "reclaim_candidate");
    EXPECT_EQ(r.rows.at("A").at("industry"), "锂电新能源");
    if (c.format == "kml") {
      EXPECT_EQ(r.epsg, 4326);
      EXPECT_GT(r.first_x, 110);
      EXPECT_LT(r.first_x, 125);
    } else if (c.format != "csv") {
      EXPECT_EQ(r.epsg, 4549);
    }
    if (c.format == "shp" || c.format == "gpkg") {
      EXPECT_EQ(r.types.at("survey_date"), OFTDate);
      EXPECT_EQ(r.types.at("actual_start"), OFTDate);
      EXPECT_EQ(r.types.at("area_m2"), OFTReal);
      EXPECT_EQ(r.types.at("idle_days"), OFTInteger);
    }
  }
}

TEST_F(ExportTiny, ShapefileSidecarsLanguageByteAndFieldWidths) {
  for (const std::string enc : {"GBK", "UTF-8"}) {
    SCOPED_TRACE(enc);
    const fs::path shp = out.path() / ("idle_" + enc + ".shp");
    ASSERT_EQ(run_cli({"export", "--db", s_db, "--layer", "idle", "--encoding", enc, "-o", shp.string(), "--quiet"}), 0);
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml", ".sld"})
      EXPECT_TRUE(fs::exists(fs::path(shp).replace_extension(ext))) << ext;
    EXPECT_TRUE(fs::exists(out.path() / ("idle_" + enc + ".fields.csv")));
    const std::string dbf = read_text(fs::path(shp).replace_extension(".dbf"));
    const std::string cpg = read_text(fs::path(shp).replace_extension(".cpg"));
    if (enc == "GBK") {
      EXPECT_EQ(cpg, "936");
      EXPECT_EQ(static_cast<unsigned char>(dbf.at(29)), 0x4D);
      EXPECT_NE(dbf.find("\x8C\x8E\xB5\xC2"), std::string::npos);  // 寧德 in GBK bytes
    } else {
      EXPECT_EQ(cpg, "UTF-8");
      EXPECT_NE(dbf.find(kTraditional), std::string::npos);
    }
    EXPECT_NE(read_text(fs::path(shp).replace_extension(".prj")).find("CGCS2000_3_Degree_GK_CM_120E"), std::string::npos);

    // GDAL's own view of the file: encoding from the .cpg, names ≤ 10 bytes, widths that fit the values.
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(shp.string().c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    EXPECT_STREQ(layer->GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE"), enc == "GBK" ? "CP936" : "UTF-8");
    if (enc == "GBK") {
      EXPECT_STREQ(layer->GetMetadataItem("LDID_VALUE", "SHAPEFILE"), "77");
    }
    OGRFeatureDefn* d = layer->GetLayerDefn();
    const OGRFieldDefn* name = d->GetFieldDefn(d->GetFieldIndex("ent_name"));
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->GetWidth(), enc == "GBK" ? 30 : 45);  // 15 characters: 2 bytes each in GBK, 3 in UTF-8
    const OGRFieldDefn* mu = d->GetFieldDefn(d->GetFieldIndex("area_mu"));
    // A is 100 m × 100 m = 15 亩 exactly: "15.0" needs 4 characters and one decimal (up to 4 when needed).
    EXPECT_EQ(mu->GetWidth(), 4);
    EXPECT_EQ(mu->GetPrecision(), 1);
    for (int i = 0; i < d->GetFieldCount(); ++i) {
      EXPECT_LE(std::string(d->GetFieldDefn(i)->GetNameRef()).size(), 10u);
    }
    EXPECT_EQ(layer->GetFeatureCount(), 1);  // only A is idle
  }
}

TEST_F(ExportTiny, StylesAreWellFormedAndNameTheFieldsThatExist) {
  for (const std::string layer :
       {"idle", "unsupplied", "parcels", "buildings", "below-control", "low-efficiency", "zones", "parks"}) {
    SCOPED_TRACE(layer);
    const fs::path shp = out.path() / (layer + ".shp");
    ASSERT_EQ(run_cli({"export", "--db", s_db, "--layer", layer, "--survey", "-o", shp.string(), "--quiet"}), 0);
    std::set<std::string> names;
    {
      GDALDatasetUniquePtr ds(GDALDataset::Open(shp.string().c_str(), GDAL_OF_VECTOR));
      ASSERT_TRUE(ds);
      OGRFeatureDefn* d = ds->GetLayer(0)->GetLayerDefn();
      for (int i = 0; i < d->GetFieldCount(); ++i) names.insert(d->GetFieldDefn(i)->GetNameRef());
    }
    const std::string qml = read_text(fs::path(shp).replace_extension(".qml"));
    const std::string sld = read_text(fs::path(shp).replace_extension(".sld"));
    for (const std::string* doc : {&qml, &sld}) {
      CPLXMLNode* root = CPLParseXMLString(doc->c_str());
      EXPECT_NE(root, nullptr) << *doc;
      CPLDestroyXMLNode(root);
    }
    // Field references: alias fields, "quoted" names in rule filters, label fields, SLD PropertyNames.
    const std::vector<std::regex> refs = {std::regex("alias field=\"([^\"]+)\""), std::regex("&quot;([^&]+)&quot;"),
                                          std::regex("fieldName=\"([^\"]+)\""),
                                          std::regex("<ogc:PropertyName>([^<]+)</ogc:PropertyName>")};
    int count = 0;
    for (const std::regex& re : refs)
      for (const std::string* doc : {&qml, &sld})
        for (std::sregex_iterator it(doc->begin(), doc->end(), re), end; it != end; ++it, ++count)
          EXPECT_TRUE(names.count((*it)[1])) << (*it)[1] << " is not a field of " << shp;
    EXPECT_GE(count, static_cast<int>(names.size()));
    EXPECT_NE(qml.find("name=\"核查状态\""), std::string::npos);  // Chinese field alias of survey_status
  }
}

TEST_F(ExportTiny, SelectionByWhereZoneAndSpatialZoneForBuildings) {
  ASSERT_EQ(run_cli({"export", "--db", s_db, "--layer", "parcels", "--where", "land_use = '0601' AND area_mu > 1",
                     "-o", out.str("w.geojson"), "--quiet"}), 0);
  std::set<std::string> ids;
  for (const auto& [id, row] : read_back(out.path() / "w.geojson").rows) ids.insert(id);
  EXPECT_EQ(ids, (std::set<std::string>{"A", "B", "D"}));
  ASSERT_EQ(run_cli({"export", "--db", s_db, "--layer", "parcels", "--zone", "Z1", "-o", out.str("z.geojson"), "--quiet"}), 0);
  EXPECT_EQ(read_back(out.path() / "z.geojson").rows.size(), 2u);  // A and C
  // Buildings have no zone column: the zone's polygon selects them.
  auto store = parkgis::store::open_spatialite(s_db);
  parkgis::exporter::ExportRequest req;
  req.layer = "buildings";
  req.selection.zone_id = "Z1";
  req.output = out.str("b1.gpkg");
  EXPECT_EQ(parkgis::exporter::export_layer(*store, req).features, 1);
  req.selection.zone_id = "Z2";
  req.output = out.str("b2.gpkg");
  EXPECT_EQ(parkgis::exporter::export_layer(*store, req).features, 0);
}

TEST_F(ExportTiny, ReprojectsWithCrs) {
  ASSERT_EQ(run_cli({"export", "--db", s_db, "--layer", "zones", "--crs", "EPSG:4490", "-o", out.str("z4490.gpkg"), "--quiet"}), 0);
  GDALDatasetUniquePtr ds(GDALDataset::Open(out.str("z4490.gpkg").c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  EXPECT_STREQ(ds->GetLayer(0)->GetSpatialRef()->GetAuthorityCode(nullptr), "4490");
  OGREnvelope env;
  ASSERT_EQ(ds->GetLayer(0)->GetExtent(&env), OGRERR_NONE);
  EXPECT_GT(env.MinX, 110);
  EXPECT_LT(env.MaxY, 40);
}

TEST_F(ExportTiny, UsageAndDataErrorsHaveExitCodesAndMessages) {
  std::string err;
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "farms", "-o", out.str("x.shp")}, &err), 2);
  EXPECT_EQ(err, "parkgis export: unknown layer 'farms'; the layers are idle, unsupplied, parcels, buildings, "
                 "vacant-buildings, below-control, low-efficiency, sites, zones, parks, issues, changes\n");
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "idle", "--where", "grade = 'A'; DROP TABLE parcels", "-o",
                     out.str("x.shp")}, &err), 2);
  EXPECT_EQ(err, "parkgis export: --where: at character 12: expected AND, OR or the end of the expression, got ';' "
                 "(only conditions joined by AND and OR are allowed, not statements)\n");
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "idle", "--format", "gpkg", "-o", out.str("x.shp")}, &err), 2);
  EXPECT_EQ(err, "parkgis export: the output " + out.str("x.shp") + " does not end in .gpkg (--format gpkg)\n");
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "issues", "--format", "shp", "-o", out.str("i.shp")}, &err), 2);
  EXPECT_EQ(err, "parkgis export: the layer issues has no geometry: write it as csv, gpkg or geojson\n");
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "idle", "--encoding", "big5", "-o", out.str("x.shp")}, &err), 2);
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "idle", "--crs", "4490x", "-o", out.str("x.shp")}, &err), 2);
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "idle", "--theme", "nope", "-o", out.str("x.shp")}, &err), 2);
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "buildings", "--theme", "grade", "-o", out.str("x.shp")}, &err), 2);
  EXPECT_NE(err.find("theme grade colours by grade, which the layer buildings does not have"), std::string::npos) << err;
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "idle", "--zone", "Z7", "-o", out.str("x.shp")}, &err), 1);
  EXPECT_EQ(err, "parkgis export: error: unknown zone 'Z7'; the zones are Z1, Z2\n");
  EXPECT_EQ(run_cli({"export", "--db", s_db, "--layer", "issues", "-o", out.str("issues")}, &err), 0) << err;
  EXPECT_TRUE(fs::exists(out.path() / "issues.csv"));
  EXPECT_FALSE(fs::exists(out.path() / "x.shp"));
}

// Text GBK cannot hold: U+20000 (in GB18030, not in GBK/CP936) and an emoji.
TEST(ExportGbk, TextGbkCannotHoldIsAnErrorNamingFeatureAndFieldAndNothingIsReplaced) {
  TempDir tmp;
  const std::string name = "\xF0\xA0\x80\x80宁德科技😀有限公司";
  const std::string db = make_db(tmp, name);
  const fs::path shp = tmp.path() / "idle.shp";
  ASSERT_EQ(run_cli({"export", "--db", db, "--layer", "idle", "-o", shp.string(), "--encoding", "UTF-8", "--quiet"}), 0);
  const std::string before = read_text(fs::path(shp).replace_extension(".dbf"));
  EXPECT_NE(before.find(name), std::string::npos);

  std::string err;
  EXPECT_EQ(run_cli({"export", "--db", db, "--layer", "idle", "-o", shp.string()}, &err), 1);
  EXPECT_EQ(err, "parkgis export: error: GBK (CP936) cannot hold 1 value; nothing was written:\n"
                 "  feature A, field enterprise_name: '𠀀😀' (U+20000 U+1F600) in \"" + name + "\"\n"
                 "Write with --encoding UTF-8 (or --format gpkg), or correct the text in the source data.\n");
  // The UTF-8 export from before is untouched (no "????", no half-written file).
  EXPECT_EQ(read_text(fs::path(shp).replace_extension(".dbf")), before);
  EXPECT_EQ(read_text(fs::path(shp).replace_extension(".cpg")), "UTF-8");
  for (const auto& e : fs::directory_iterator(tmp.path()))
    EXPECT_EQ(e.path().filename().string().rfind(".parkgis-tmp", 0), std::string::npos) << e.path();
  // A UTF-8 shapefile and a GeoPackage hold it.
  EXPECT_EQ(read_back(shp).rows.at("A").at("enterprise_name"), name);
  ASSERT_EQ(run_cli({"export", "--db", db, "--layer", "idle", "-o", tmp.str("idle.gpkg"), "--quiet"}), 0);
  EXPECT_EQ(read_back(tmp.path() / "idle.gpkg").rows.at("A").at("enterprise_name"), name);
}
