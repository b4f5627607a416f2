// The survey round trip on the tiny dataset: pack zone Z1 → a team edits the returned shapefiles with
// OGR (survey columns, an editable attribute, a read-only metric, a moved building, an unknown parcel)
// → merge shows the diff and the conflicts, keeps the history, and a second merge changes nothing.
// The same edits come back as GeoJSON, KML and a GBK CSV (without fields.csv: names by the short-name
// rule), and a .zip package merges as it is.
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <sstream>

#include "app/cli/command.h"
#include "libgis/analysis/analyze.h"
#include "libgis/core/errors.h"
#include "libgis/export/survey.h"
#include "libgis/export/text_codec.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

namespace fs = std::filesystem;
using parkgis::exporter::Change;
using parkgis::exporter::Conflict;
using parkgis::exporter::MergeRequest;
using parkgis::exporter::MergeResult;
using parkgis::test::read_text;
using parkgis::test::TempDir;

namespace {

const std::string kTraditional = "寧德時代新能源科技股份有限公司";
const std::string kNote = "寧德時代已进场，厂房在建";

std::string make_db(const TempDir& tmp, const std::string& name) {
  if (!fs::exists(tmp.path() / "ds")) {
    fs::create_directories(tmp.path() / "ds");
    parkgis::test::TinyOptions opt;
    opt.enterprise_name = kTraditional;
    parkgis::test::write_tiny_dataset(tmp.str("ds"), opt);
  }
  const std::string db = tmp.str(name);
  parkgis::import_dataset({tmp.str("ds"), db, {}});
  auto store = parkgis::store::open_spatialite(db);
  parkgis::analysis::AnalyzeOptions o;
  o.as_of = parkgis::Date{2026, 6, 30};
  parkgis::analysis::analyze(*store, o);
  return db;
}

int run_cli(const std::vector<std::string>& argv, std::string* out = nullptr, std::string* err = nullptr) {
  std::ostringstream o, e;
  parkgis::cli::Context ctx{o, e, false};
  const int rc = parkgis::cli::run(argv, ctx);
  if (out) *out = o.str();
  if (err) *err = e.str();
  return rc;
}

// What a survey team does in QGIS, done with OGR on the returned shapefiles (GBK, short names).
void edit_package(const fs::path& dir) {
  GDALAllRegister();
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "parcels_check.shp").string().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    std::unique_ptr<OGRFeature> a;
    for (auto& f : *l)
      if (std::string(f->GetFieldAsString("parcel_id")) == "A") a.reset(f->Clone());
    ASSERT_TRUE(a);
    a->SetField("svy_sts", "有变化");
    a->SetField("surveyor", "李四");
    a->SetField("svy_date", 2026, 7, 15);
    a->SetField("act_start", 2026, 5, 1);
    a->SetField("dev_m2", 1200.5);
    a->SetField("note", kNote.c_str());
    a->SetField("area_mu", 99.0);  // read-only: computed by analyze
    ASSERT_EQ(l->SetFeature(a.get()), OGRERR_NONE);
    OGRFeature extra(l->GetLayerDefn());  // a parcel the database does not know
    extra.SetField("parcel_id", "NEW-1");
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt("POLYGON((500300 2950300,500350 2950300,500350 2950350,500300 2950300))", nullptr, &g);
    extra.SetGeometryDirectly(g);
    ASSERT_EQ(l->CreateFeature(&extra), OGRERR_NONE);
  }
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "buildings.shp").string().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    std::unique_ptr<OGRFeature> b(l->GetNextFeature());
    ASSERT_TRUE(b);
    EXPECT_STREQ(b->GetFieldAsString("bldg_id"), "b1");
    b->SetField("vac_ar", 100.0);  // editable, but the geometry moved: not applied
    OGRGeometry* g = nullptr;  // b1 is [20,40]² around (500000, 2950000): moved 5 m east
    OGRGeometryFactory::createFromWkt(
        "POLYGON((500025 2950020,500045 2950020,500045 2950040,500025 2950040,500025 2950020))", nullptr, &g);
    b->SetGeometryDirectly(g);
    ASSERT_EQ(l->SetFeature(b.get()), OGRERR_NONE);
  }
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "unsupplied.shp").string().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    std::unique_ptr<OGRFeature> p(l->GetNextFeature());
    ASSERT_TRUE(p);
    p->SetField("svy_sts", "无法到达");
    ASSERT_EQ(l->SetFeature(p.get()), OGRERR_NONE);
  }
}

std::vector<std::string> lines(const MergeResult& r) {
  std::vector<std::string> out;
  for (const Change& c : r.changes) out.push_back(c.layer + " " + c.feature_id + " " + c.field + ": '" + c.old_value + "' → '" + c.new_value + "'");
  return out;
}

std::vector<std::string> conflict_keys(const MergeResult& r) {
  std::vector<std::string> out;
  for (const Conflict& c : r.conflicts) out.push_back(c.layer + " " + c.feature_id + " " + c.field);
  return out;
}

long long count(const std::string& db, const std::string& table) {
  auto store = parkgis::store::open_spatialite(db);
  long long n = 0;
  if (store->has_table(table)) store->read_table(table, {}, false, "", [&](const parkgis::store::Row&) { ++n; });
  return n;
}

std::map<std::string, std::string> row(const std::string& db, const std::string& table, const std::string& key,
                                       const std::string& id) {
  auto store = parkgis::store::open_spatialite(db);
  std::map<std::string, std::string> out;
  const auto cols = store->columns(table);
  store->read_table(table, cols, false, "", [&](const parkgis::store::Row& r) {
    for (std::size_t i = 0; i < cols.size(); ++i) out[cols[i]] = parkgis::store::value_text(r.values[i]);
  }, parkgis::store::Filter::equals(key, id));
  return out;
}

MergeResult merge(const std::string& db, const std::string& returned) {
  auto store = parkgis::store::open_spatialite(db);
  MergeRequest req;
  req.returned = returned;
  req.now = "2026-07-20T10:00:00";
  return parkgis::exporter::survey_merge(*store, req);
}

std::string piece_of(const std::string& db) {
  std::string id;
  auto store = parkgis::store::open_spatialite(db);
  store->read_table("unsupplied_land", {"piece_id"}, false, "piece_id", [&](const parkgis::store::Row& r) {
    if (id.empty()) id = parkgis::store::value_text(r.values[0]);
  });
  return id;
}

const std::vector<std::string> kParcelChanges = {
    "parcels A actual_start: '' → '2026-05-01'", "parcels A developed_m2: '' → '1200.5'",
    "parcels A survey_status: '' → '有变化'",       "parcels A surveyor: '' → '李四'",
    "parcels A survey_date: '' → '2026-07-15'",     "parcels A note: '' → '" + kNote + "'"};

}  // namespace

TEST(SurveyRoundTrip, PackEditMergeShowsDiffHistoryAndConflictsAndIsIdempotent) {
  TempDir tmp;
  const std::string db = make_db(tmp, "x.sqlite");
  std::string out, err;
  ASSERT_EQ(run_cli({"survey-pack", "--db", db, "--zone", "Z1", "-o", tmp.str("pack"), "--quiet"}, &out, &err), 0) << err;
  const fs::path pack = tmp.path() / "pack";
  for (const char* f : {"README.txt", "parcels_check.shp", "parcels_check.cpg", "parcels_check.qml", "parcels_check.sld",
                        "parcels_check.fields.csv", "unsupplied.shp", "buildings.shp", "zone.shp", "zone.qml"})
    EXPECT_TRUE(fs::exists(pack / f)) << f;
  const std::string readme = read_text(pack / "README.txt");
  EXPECT_EQ(readme.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(readme.find("外业核查资料包 — 片区 Z1（一片区）"), std::string::npos);
  EXPECT_NE(readme.find("svy_sts（核查状态）：已核实 / 有变化 / 无法到达 / 待复核"), std::string::npos);
  EXPECT_NE(readme.find("parcels_check.shp  待核查宗地，1 个"), std::string::npos);
  EXPECT_NE(read_text(pack / "parcels_check.fields.csv").find("svy_sts,survey_status,核查状态,,text"), std::string::npos);

  edit_package(pack);
  const std::string piece = piece_of(db);

  // First merge, through the CLI: the diff on stdout, the history in the database.
  ASSERT_EQ(run_cli({"survey-merge", "--db", db, pack.string(), "-o", tmp.str("changes.csv")}, &out, &err), 0) << err;
  EXPECT_NE(out.find("Changes: 7\n  parcels A  actual_start: '' → '2026-05-01'\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  unsupplied_land " + piece + "  survey_status: '' → '无法到达'\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Conflicts (not applied): 3\n"), std::string::npos) << out;
  EXPECT_NE(out.find("  buildings b1  geometry: geometry changed (centroid moved"), std::string::npos) << out;
  EXPECT_NE(out.find("  parcels A  area_mu: read-only field changed from '15.0' to '99.0': not applied"), std::string::npos) << out;
  EXPECT_NE(out.find("  parcels NEW-1: unknown parcel_id: not in the database"), std::string::npos) << out;
  EXPECT_NE(err.find("run 'parkgis analyze --db " + db + "' to update the results"), std::string::npos) << err;
  EXPECT_NE(read_text(tmp.path() / "changes.csv").find("conflict," + pack.string() + "/parcels_check.shp,parcels,NEW-1,"), std::string::npos);

  EXPECT_EQ(row(db, "parcels", "parcel_id", "A").at("actual_start"), "2026-05-01");
  EXPECT_EQ(row(db, "parcels", "parcel_id", "A").at("developed_m2"), "1200.5");
  EXPECT_EQ(row(db, "buildings", "building_id", "b1").at("vacant_area"), "");  // its geometry moved: nothing applied
  const auto results = row(db, "survey_results", "feature_id", "A");
  EXPECT_EQ(results.at("layer"), "parcels");
  EXPECT_EQ(results.at("survey_status"), "有变化");
  EXPECT_EQ(results.at("note"), kNote);
  EXPECT_EQ(count(db, "survey_log"), 7);
  const auto log = row(db, "survey_log", "field", "developed_m2");
  EXPECT_EQ(log.at("feature_id"), "A");
  EXPECT_EQ(log.at("new_value"), "1200.5");
  EXPECT_EQ(log.at("surveyor"), "李四");
  EXPECT_EQ(log.at("survey_status"), "有变化");
  EXPECT_EQ(log.at("file"), pack.string() + "/parcels_check.shp");

  // Second merge of the same file: nothing changes, the conflicts are still listed.
  const MergeResult again = merge(db, pack.string());
  EXPECT_TRUE(again.changes.empty()) << lines(again).front();
  EXPECT_EQ(conflict_keys(again),
            (std::vector<std::string>{"buildings b1 geometry", "parcels A area_mu", "parcels NEW-1 "}));
  EXPECT_EQ(count(db, "survey_log"), 7);
  EXPECT_FALSE(again.attributes_changed);
}

TEST(SurveyRoundTrip, OtherFormatsAndEncodingsGiveTheSameChanges) {
  TempDir tmp;
  const std::string db0 = make_db(tmp, "x.sqlite");
  ASSERT_EQ(run_cli({"survey-pack", "--db", db0, "--zone", "Z1", "-o", tmp.str("pack"), "--quiet"}), 0);
  edit_package(tmp.path() / "pack");
  GDALDatasetUniquePtr src(GDALDataset::Open(tmp.str("pack/parcels_check.shp").c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(src);
  struct Case {
    std::string file;
    std::vector<std::string> options;
  };
  const std::vector<Case> cases = {
      {"back.geojson", {"-f", "GeoJSON"}},
      {"back.kml", {"-f", "LIBKML", "-fieldTypeToString", "Date"}},
      {"back_utf8.csv", {"-f", "CSV", "-lco", "GEOMETRY=AS_WKT"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    CPLStringList argv;
    for (const std::string& o : c.options) argv.AddString(o.c_str());
    GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.List(), nullptr);
    GDALDatasetH hsrc = GDALDataset::ToHandle(src.get());
    GDALDatasetH out = GDALVectorTranslate(tmp.str(c.file).c_str(), nullptr, 1, &hsrc, opts, nullptr);
    GDALVectorTranslateOptionsFree(opts);
    ASSERT_NE(out, nullptr);
    GDALClose(out);
    std::string returned = tmp.str(c.file);
    if (c.file == "back_utf8.csv") {  // as Excel on a Chinese Windows saves it: GBK, no BOM
      const auto gbk = parkgis::exporter::encode_utf8(read_text(returned), "CP936");
      ASSERT_TRUE(gbk);
      returned = tmp.str("back_gbk.csv");
      parkgis::test::write_text(returned, *gbk);
    }
    const std::string db = make_db(tmp, "db_" + fs::path(c.file).stem().string() + ".sqlite");
    const MergeResult r = merge(db, returned);
    EXPECT_EQ(lines(r), kParcelChanges);
    EXPECT_EQ(conflict_keys(r), (std::vector<std::string>{"parcels A area_mu", "parcels NEW-1 "}));
    EXPECT_EQ(row(db, "survey_results", "feature_id", "A").at("note"), kNote);
    EXPECT_TRUE(merge(db, returned).changes.empty());
  }
}

TEST(SurveyRoundTrip, ZipPackageMergesUnchanged) {
  TempDir tmp;
  const std::string db = make_db(tmp, "x.sqlite");
  std::string out, err;
  ASSERT_EQ(run_cli({"survey-pack", "--db", db, "--zone", "Z1", "-o", tmp.str("z1.zip")}, &out, &err), 0) << err;
  EXPECT_NE(err.find("parcels_check.shp  待核查宗地: 1"), std::string::npos) << err;
  const MergeResult r = merge(db, tmp.str("z1.zip"));
  EXPECT_EQ(r.files.size(), 4u);
  EXPECT_TRUE(r.changes.empty());
  EXPECT_TRUE(r.conflicts.empty()) << r.conflicts.front().reason;
  EXPECT_TRUE(r.notes.empty()) << r.notes.front();
  EXPECT_EQ(count(db, "survey_log"), 0);
}

// Entries carry the time they were written, not the DOS date 0 (1980-00-00, which zip tools reject).
// GDAL's /vsizip/ reads the stored local date and time as if UTC, so the stamp is within a day of now.
TEST(SurveyRoundTrip, ZipEntriesCarryTheirModificationTime) {
  TempDir tmp;
  const std::string db = make_db(tmp, "x.sqlite");
  std::string out, err;
  ASSERT_EQ(run_cli({"survey-pack", "--db", db, "--zone", "Z1", "-o", tmp.str("z1.zip")}, &out, &err), 0) << err;
  const std::string top = "/vsizip/" + tmp.str("z1.zip") + "/survey_Z1";
  char** names = VSIReadDir(top.c_str());
  ASSERT_NE(names, nullptr);
  const std::time_t now = std::time(nullptr);
  int entries = 0;
  for (char** n = names; *n; ++n, ++entries) {
    VSIStatBufL st;
    ASSERT_EQ(VSIStatL((top + "/" + *n).c_str(), &st), 0) << *n;
    EXPECT_LT(std::abs(static_cast<double>(st.st_mtime - now)), 86400.0 + 3600) << *n << " is dated " << st.st_mtime;
  }
  CSLDestroy(names);
  EXPECT_GE(entries, 10);  // README, parcels_check.{shp,shx,dbf,prj,cpg,qml,sld}, fields.csv, ...
}

// A returned .zip unpacks only what merge reads (a 3 MiB photo stays packed), each file within a limit
// (a zip bomb is refused before it fills the disk).
TEST(SurveyRoundTrip, ZipUnpacksOnlyWhatItReadsWithinLimits) {
  TempDir tmp;
  const std::string db = make_db(tmp, "x.sqlite");
  std::string out, err;
  ASSERT_EQ(run_cli({"survey-pack", "--db", db, "--zone", "Z1", "-o", tmp.str("z1.zip")}, &out, &err), 0) << err;
  const std::string zip = "/vsizip/" + tmp.str("z1.zip");
  const auto add_entry = [&](const std::string& name, std::size_t bytes) {
    VSILFILE* f = VSIFOpenL((zip + "/" + name).c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const std::string zeros(1 << 20, '\0');
    for (std::size_t done = 0; done < bytes; done += zeros.size()) VSIFWriteL(zeros.data(), 1, zeros.size(), f);
    VSIFCloseL(f);
  };
  add_entry("photos/site.jpg", 3u << 20);
  MergeRequest req;
  req.returned = tmp.str("z1.zip");
  req.dry_run = true;
  req.max_file_bytes = 2u << 20;
  {
    auto store = parkgis::store::open_spatialite(db);
    EXPECT_NO_THROW(parkgis::exporter::survey_merge(*store, req));  // the photo is not unpacked
  }
  add_entry("extra.csv", 3u << 20);  // read back, and over the 2 MiB limit
  auto store = parkgis::store::open_spatialite(db);
  try {
    parkgis::exporter::survey_merge(*store, req);
    FAIL() << "a 3 MiB entry was unpacked past a 2 MiB limit";
  } catch (const parkgis::DataError& e) {
    EXPECT_NE(std::string(e.what()).find(": extra.csv unpacks to 3 MiB (3 MiB so far), over the limit of 2 MiB a file and "
                                         "1024 MiB in all; a survey return is far smaller"),
              std::string::npos)
        << e.what();
  }
}

TEST(SurveyRoundTrip, UsageAndDataErrors) {
  TempDir tmp;
  const std::string db = make_db(tmp, "x.sqlite");
  std::string out, err;
  EXPECT_EQ(run_cli({"survey-pack", "--db", db, "-o", tmp.str("p")}, &out, &err), 2);
  EXPECT_EQ(err, "parkgis survey-pack: missing required option --zone; try 'parkgis survey-pack --help'\n");
  EXPECT_EQ(run_cli({"survey-pack", "--db", db, "--zone", "Z9", "-o", tmp.str("p")}, &out, &err), 1);
  EXPECT_EQ(err, "parkgis survey-pack: error: unknown zone 'Z9'; the zones are Z1, Z2\n");
  EXPECT_FALSE(fs::exists(tmp.path() / "p"));
  EXPECT_EQ(run_cli({"survey-merge", "--db", db}, &out, &err), 2);
  EXPECT_EQ(run_cli({"survey-merge", "--db", db, tmp.str("nothing.shp")}, &out, &err), 1);
  EXPECT_EQ(err, "parkgis survey-merge: error: " + tmp.str("nothing.shp") + " does not exist\n");
}
