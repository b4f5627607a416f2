// The synthetic dataset generator: determinism, format, counts, geometry and the idle-land situations.
#include <gtest/gtest.h>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "libgis/core/errors.h"
#include "libgis/generator/dataset_generator.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using parkgis::Date;
using parkgis::generator::generate_dataset;
using parkgis::generator::Options;
using parkgis::generator::Summary;
using parkgis::test::TempDir;

namespace {

const char* const kLayers[] = {"parks", "zones", "parcels", "buildings", "approvals"};

Summary generate(const TempDir& dir, std::size_t parcels, std::uint64_t seed) {
  Options opt;
  opt.parcels = parcels;
  opt.seed = seed;
  opt.out_dir = dir.str();
  return generate_dataset(opt);
}

struct Features {
  GDALDatasetUniquePtr ds;
  OGRLayer* layer = nullptr;
  std::vector<OGRFeatureUniquePtr> all;
};

Features read_layer(const fs::path& file) {
  GDALAllRegister();
  Features f;
  f.ds.reset(GDALDataset::Open(file.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!f.ds) {
    ADD_FAILURE() << "cannot open " << file;
    return f;
  }
  f.layer = f.ds->GetLayer(0);
  for (auto& feat : *f.layer) f.all.emplace_back(feat.release());
  return f;
}

std::optional<Date> date_of(const OGRFeature& f, const char* field) {
  const int i = f.GetFieldIndex(field);
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
  int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
  float s = 0;
  if (!f.GetFieldAsDateTime(i, &y, &m, &d, &h, &mi, &s, &tz)) return std::nullopt;
  return Date{y, m, d};
}

std::optional<double> real_of(const OGRFeature& f, const char* field) {
  const int i = f.GetFieldIndex(field);
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
  return f.GetFieldAsDouble(i);
}

std::string text_of(const OGRFeature& f, const char* field) {
  const int i = f.GetFieldIndex(field);
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

std::vector<std::vector<std::string>> read_csv(const fs::path& file) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(parkgis::test::read_text(file));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    rows.push_back(cells);
  }
  return rows;
}

// Area of an intersection result, 0 for lines and points (neighbours only touch).
double area_of(const OGRGeometry* g) {
  if (!g) return 0;
  const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
  if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) return g->toGeometryCollection()->get_Area();
  if (OGR_GT_IsSurface(t)) return g->toSurface()->get_Area();
  return 0;
}

// Keeps GEOS's "Self-intersection at ..." notes about the bow-tie parcel out of the test output.
struct QuietGdal {
  QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
};

// The default dataset (N = 1000), generated once for the tests that only read it.
class DefaultDataset : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new TempDir;
    s_summary = generate(*s_dir, 1000, 2026);
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  static fs::path file(const std::string& name) { return s_dir->path() / name; }
  static TempDir* s_dir;
  static Summary s_summary;
};
TempDir* DefaultDataset::s_dir = nullptr;
Summary DefaultDataset::s_summary;

}  // namespace

TEST(Generator, SameOptionsGiveByteIdenticalFilesAndAnotherSeedDoesNot) {
  TempDir a, b, c;
  generate(a, 400, 11);
  generate(b, 400, 11);
  generate(c, 400, 12);
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(a.path())) names.insert(e.path().filename().string());
  std::set<std::string> names_b;
  for (const auto& e : fs::directory_iterator(b.path())) names_b.insert(e.path().filename().string());
  EXPECT_EQ(names, names_b);
  EXPECT_EQ(names.size(), 27u);  // 5 layers x 5 files, enterprises.csv, dataset.json
  for (const std::string& n : names) {
    EXPECT_EQ(parkgis::test::read_text(a.path() / n), parkgis::test::read_text(b.path() / n)) << n << " differs";
  }
  EXPECT_NE(parkgis::test::read_text(a.path() / "parcels.shp"), parkgis::test::read_text(c.path() / "parcels.shp"));
  EXPECT_NE(parkgis::test::read_text(a.path() / "parcels.dbf"), parkgis::test::read_text(c.path() / "parcels.dbf"));
  EXPECT_NE(parkgis::test::read_text(a.path() / "enterprises.csv"), parkgis::test::read_text(c.path() / "enterprises.csv"));
}

TEST_F(DefaultDataset, WritesEveryFileWithUtf8AndEpsg4549) {
  for (const char* layer : kLayers) {
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
      EXPECT_TRUE(fs::is_regular_file(file(std::string(layer) + ext))) << layer << ext;
    EXPECT_EQ(parkgis::test::read_text(file(std::string(layer) + ".cpg")), "UTF-8") << layer;

    Features f = read_layer(file(std::string(layer) + ".shp"));
    ASSERT_NE(f.layer, nullptr);
    const OGRSpatialReference* srs = f.layer->GetSpatialRef();
    ASSERT_NE(srs, nullptr) << layer;
    OGRSpatialReference want;
    want.importFromEPSG(4549);
    const char* const same_opts[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    EXPECT_TRUE(srs->IsSame(&want, same_opts)) << layer;
    EXPECT_NE(parkgis::test::read_text(file(std::string(layer) + ".prj")).find("CGCS2000_3_Degree_GK_CM_120E"),
              std::string::npos);
  }
  EXPECT_TRUE(fs::is_regular_file(file("enterprises.csv")));
  const std::string json = parkgis::test::read_text(file("dataset.json"));
  EXPECT_NE(json.find("\"name\": \"宁德小微园（示例）\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"crs\": \"EPSG:4549\""), std::string::npos);
  EXPECT_NE(json.find("\"encoding\": \"UTF-8\""), std::string::npos);
  EXPECT_NE(json.find("\"as_of\": \"2026-06-30\""), std::string::npos);
}

TEST_F(DefaultDataset, HasTenParksTwentyOneZonesAndTheRequestedParcels) {
  EXPECT_EQ(s_summary.parks, 10u);
  EXPECT_EQ(s_summary.zones, 21u);
  EXPECT_EQ(s_summary.parcels, 1000u);
  EXPECT_GT(s_summary.buildings, 2400u);
  EXPECT_LT(s_summary.buildings, 3300u);
  EXPECT_GE(s_summary.approvals, 21u);
  EXPECT_EQ(read_layer(file("parks.shp")).all.size(), 10u);
  EXPECT_EQ(read_layer(file("zones.shp")).all.size(), 21u);
  EXPECT_EQ(read_layer(file("parcels.shp")).all.size(), 1000u);
  EXPECT_EQ(read_layer(file("buildings.shp")).all.size(), s_summary.buildings);
  EXPECT_EQ(read_csv(file("enterprises.csv")).size(), s_summary.enterprises + 1);

  // Field names as written into the DBF (canonical names cut to 10 characters).
  Features parcels = read_layer(file("parcels.shp"));
  std::vector<std::string> names;
  OGRFeatureDefn* defn = parcels.layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  const std::vector<std::string> want = {"parcel_id",  "zone_id",    "land_use",   "user_id",    "supply_dat",
                                         "agreed_sta", "actual_sta", "registered", "land_price", "invested_w",
                                         "total_inve", "stop_date",  "developed_", "required_m", "extension_",
                                         "gov_cause",  "YQPZRQ",     "resume_dat", "decision_n", "disposal",
                                         "disposal_d", "agreed_com", "green_m2"};
  EXPECT_EQ(names, want);
  EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("supply_dat"))->GetType(), OFTDate);
}

TEST_F(DefaultDataset, CoordinatesLieInNingdeAndParcelsOfAZoneDoNotOverlap) {
  QuietGdal quiet;
  for (const char* layer : kLayers) {
    Features f = read_layer(file(std::string(layer) + ".shp"));
    OGREnvelope e;
    ASSERT_EQ(f.layer->GetExtent(&e, TRUE), OGRERR_NONE);
    EXPECT_GE(e.MinX, 353'000) << layer;
    EXPECT_LE(e.MaxX, 572'000) << layer;
    EXPECT_GE(e.MinY, 2'910'000) << layer;
    EXPECT_LE(e.MaxY, 3'063'000) << layer;
  }
  Features zones = read_layer(file("zones.shp"));
  std::map<std::string, const OGRGeometry*> zone_geom;
  for (const auto& z : zones.all) zone_geom[text_of(*z, "zone_id")] = z->GetGeometryRef();

  Features parcels = read_layer(file("parcels.shp"));
  std::map<std::string, std::vector<const OGRGeometry*>> by_zone;
  for (const auto& p : parcels.all) {
    const OGRGeometry* g = p->GetGeometryRef();
    if (!g->IsValid()) continue;  // the bow-tie
    const std::string zone = text_of(*p, "zone_id");
    ASSERT_TRUE(zone_geom.count(zone)) << zone;
    EXPECT_TRUE(zone_geom[zone]->Contains(g)) << text_of(*p, "parcel_id") << " outside its zone";
    by_zone[zone].push_back(g);
  }
  EXPECT_EQ(by_zone.size(), 21u);
  std::size_t touching = 0;
  for (const auto& [zone, gs] : by_zone) {
    for (std::size_t i = 0; i < gs.size(); ++i) {
      OGREnvelope ei;
      gs[i]->getEnvelope(&ei);
      for (std::size_t j = i + 1; j < gs.size(); ++j) {
        OGREnvelope ej;
        gs[j]->getEnvelope(&ej);
        if (!ei.Intersects(ej) || !gs[i]->Intersects(gs[j])) continue;
        ++touching;
        std::unique_ptr<OGRGeometry> common(gs[i]->Intersection(gs[j]));
        const double area = area_of(common.get());
        EXPECT_LT(area, 0.01) << zone << ": parcels " << i << " and " << j << " overlap";
      }
    }
  }
  EXPECT_GT(touching, 0u);  // neighbours share their boundary
}

TEST_F(DefaultDataset, ExactlyOneInvalidGeometryAndSomeHolesAndMultiparts) {
  QuietGdal quiet;
  std::size_t invalid = 0, holes = 0, multi = 0;
  std::string invalid_id;
  Features parcels = read_layer(file("parcels.shp"));
  for (const auto& p : parcels.all) {
    const OGRGeometry* g = p->GetGeometryRef();
    if (!g->IsValid()) {
      ++invalid;
      invalid_id = text_of(*p, "parcel_id");
      EXPECT_EQ(p->GetFID(), 500);
    }
    if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon) ++multi;
    if (wkbFlatten(g->getGeometryType()) == wkbPolygon && g->toPolygon()->getNumInteriorRings() > 0) ++holes;
  }
  EXPECT_EQ(invalid, 1u);
  EXPECT_GE(holes, 1u);
  EXPECT_GE(multi, 1u);
  for (const char* layer : {"parks", "zones", "buildings", "approvals"}) {
    Features f = read_layer(file(std::string(layer) + ".shp"));
    for (const auto& feat : f.all) EXPECT_TRUE(feat->GetGeometryRef()->IsValid()) << layer << " " << feat->GetFID();
  }
}

// Situations (a)-(i) of the brief, (j) no agreed start and (k) resumed after a stop, decided from the
// attributes as read back.
TEST_F(DefaultDataset, EveryIdleLandSituationOccurs) {
  const Date as_of{2026, 6, 30};
  auto after_years = [](const Date& d, int n) { return d.plus_years(n); };
  std::map<char, int> seen;
  bool leap_day = false;
  Features parcels = read_layer(file("parcels.shp"));
  for (const auto& p : parcels.all) {
    const auto supply = date_of(*p, "supply_dat");
    const auto agreed = date_of(*p, "agreed_sta");
    const auto actual = date_of(*p, "actual_sta");
    const auto stop = date_of(*p, "stop_date");
    const auto extension = date_of(*p, "extension_");
    if (agreed && agreed->month == 2 && agreed->day == 29) leap_day = true;
    if (!supply) {
      ++seen['i'];
      continue;
    }
    if (*supply > as_of) {
      ++seen['h'];
      continue;
    }
    if (!actual && !agreed) {  // supplied, not started, no agreed start: 待核实
      ++seen['j'];
      continue;
    }
    if (!actual) {
      const Date deadline = extension ? *extension : *agreed;
      if (text_of(*p, "gov_cause") == "是") {
        if (after_years(*agreed, 1) < as_of) ++seen['f'];
      } else if (extension && as_of < after_years(*extension, 1) && after_years(*agreed, 1) < as_of) {
        ++seen['g'];
      } else if (as_of <= after_years(deadline, 1)) {
        ++seen['c'];
      } else if (as_of <= after_years(deadline, 2)) {
        ++seen['a'];
      } else {
        ++seen['b'];
      }
      continue;
    }
    const auto inv = real_of(*p, "invested_w"), total = real_of(*p, "total_inve");
    const auto dev = real_of(*p, "developed_"), req = real_of(*p, "required_m");
    const bool low = (inv && total && *inv < 0.25 * *total) || (dev && req && *dev < *req / 3);
    const auto resume = date_of(*p, "resume_dat");
    if (resume && stop && *resume > *stop) ++seen['k'];  // resumed: not idle
    else if (stop && after_years(*stop, 1) < as_of && low) ++seen['e'];
    else ++seen['d'];
  }
  for (char c = 'a'; c <= 'k'; ++c) EXPECT_GE(seen[c], 1) << "situation (" << c << ") missing";
  EXPECT_GT(seen['d'], 500);
  EXPECT_TRUE(leap_day) << "no agreed_start on 29 February";
}

// Order 53 records: every extension approved on or before as_of and within a year of its deadline
// (Art. 12); some 认定书, disposals done and under way.
TEST_F(DefaultDataset, ExtensionApprovalsAndDisposals) {
  const Date as_of{2026, 6, 30};
  int extensions = 0, decisions = 0, done = 0, under_way = 0;
  Features parcels = read_layer(file("parcels.shp"));
  for (const auto& p : parcels.all) {
    if (const auto ext = date_of(*p, "extension_")) {
      ++extensions;
      const auto approved = date_of(*p, "YQPZRQ");
      ASSERT_TRUE(approved.has_value()) << text_of(*p, "parcel_id");
      EXPECT_LE(*approved, as_of);
      EXPECT_LE(*ext, approved->plus_years(1)) << text_of(*p, "parcel_id");
    }
    if (!text_of(*p, "decision_n").empty()) ++decisions;
    if (!text_of(*p, "disposal").empty()) (date_of(*p, "disposal_d") ? done : under_way)++;
  }
  EXPECT_GT(extensions, 0);
  EXPECT_GT(decisions, 0);
  EXPECT_GT(done, 0);
  EXPECT_GT(under_way, 0);
}

TEST_F(DefaultDataset, BuildingsCrossParcelLinesOverlapAndSomeParcelsHaveNone) {
  QuietGdal quiet;
  Features parcels = read_layer(file("parcels.shp"));
  Features buildings = read_layer(file("buildings.shp"));
  std::vector<OGREnvelope> penv(parcels.all.size());
  for (std::size_t i = 0; i < parcels.all.size(); ++i) parcels.all[i]->GetGeometryRef()->getEnvelope(&penv[i]);
  std::vector<int> per_parcel(parcels.all.size(), 0);
  std::size_t crossing = 0, overlapping = 0, empty_floor_area = 0, vacant = 0;
  std::vector<OGREnvelope> benv(buildings.all.size());
  for (std::size_t b = 0; b < buildings.all.size(); ++b) {
    const OGRFeature& f = *buildings.all[b];
    const OGRGeometry* g = f.GetGeometryRef();
    g->getEnvelope(&benv[b]);
    const int floors = f.GetFieldAsInteger("floors");
    EXPECT_GE(floors, 1);
    EXPECT_LE(floors, 8);
    if (!real_of(f, "floor_area")) ++empty_floor_area;
    const double vacant_area = real_of(f, "vacant_are").value_or(0);
    if (vacant_area > 0) ++vacant;
    const double floor_area = real_of(f, "floor_area").value_or(area_of(g) * floors);
    EXPECT_LE(vacant_area, floor_area) << text_of(f, "building_i") << ": more vacant than floor area";
    int holders = 0;
    for (std::size_t i = 0; i < penv.size(); ++i) {
      if (!penv[i].Intersects(benv[b])) continue;
      const OGRGeometry* pg = parcels.all[i]->GetGeometryRef();
      if (!pg->IsValid() || !pg->Intersects(g)) continue;
      std::unique_ptr<OGRGeometry> common(pg->Intersection(g));
      if (area_of(common.get()) > 1.0) {
        ++holders;
        ++per_parcel[i];
      }
    }
    if (holders >= 2) ++crossing;
    for (std::size_t o = 0; o < b; ++o) {
      if (!benv[o].Intersects(benv[b])) continue;
      std::unique_ptr<OGRGeometry> common(buildings.all[o]->GetGeometryRef()->Intersection(g));
      if (area_of(common.get()) > 1.0) ++overlapping;
    }
  }
  EXPECT_GE(crossing, 1u);
  EXPECT_GE(overlapping, 1u);
  EXPECT_GE(empty_floor_area, 1u);
  EXPECT_GE(vacant, 1u);
  std::size_t without = 0;
  for (int n : per_parcel) without += n == 0 ? 1 : 0;
  EXPECT_GT(without, 50u);
}

TEST_F(DefaultDataset, EnterprisesMatchTheParcelHolders) {
  const auto rows = read_csv(file("enterprises.csv"));
  ASSERT_GT(rows.size(), 100u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"enterprise_id", "name", "industry", "year", "output_wan", "tax_wan",
                                               "value_added_wan", "energy_tce", "employees", "rnd_wan",
                                               "industry_code", "scale", "electricity_kwh", "emissions_t"}));
  std::map<std::string, int> parcels_of;
  Features parcels = read_layer(file("parcels.shp"));
  for (const auto& p : parcels.all) {
    const std::string user = text_of(*p, "user_id");
    if (!user.empty()) ++parcels_of[user];
  }
  std::set<std::string> ids, industries;
  std::size_t without_land = 0, zero_tax = 0, missing = 0, small = 0, logistics = 0, no_code = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), 14u) << r;
    // 规上 from 2000 万元 of output a year; logistics firms carry a section G code.
    if (!rows[r][4].empty()) {
      EXPECT_EQ(rows[r][11], std::stod(rows[r][4]) >= 2000 ? "规上" : "规下") << r;
    }
    small += rows[r][11] == "规下" ? 1 : 0;
    logistics += rows[r][10].rfind("G", 0) == 0 ? 1 : 0;
    no_code += rows[r][10].empty() ? 1 : 0;
    const std::string& id = rows[r][0];
    EXPECT_EQ(id.size(), 18u);
    EXPECT_EQ(id.rfind("91350900MA", 0), 0u);
    EXPECT_TRUE(ids.insert(id).second) << "duplicate " << id;
    industries.insert(rows[r][2]);
    EXPECT_EQ(rows[r][3], "2025");
    if (!parcels_of.count(id)) ++without_land;
    if (rows[r][5] == "0.00") ++zero_tax;
    for (const std::string& cell : rows[r])
      if (cell.empty()) ++missing;
  }
  for (const auto& [user, n] : parcels_of) EXPECT_TRUE(ids.count(user)) << user << " not in enterprises.csv";
  std::size_t multi = 0;
  for (const auto& [user, n] : parcels_of) multi += n >= 2 ? 1 : 0;
  EXPECT_GE(multi, 5u);
  EXPECT_GE(without_land, 1u);
  EXPECT_GE(zero_tax, 1u);
  EXPECT_GE(missing, 1u);
  EXPECT_GE(small, 10u);
  EXPECT_GE(logistics, 5u);
  EXPECT_GE(no_code, 1u);  // a few without a code: the 2008 tables fall back to the industry name
  for (const char* lead : {"锂电新能源", "新能源汽车", "不锈钢新材料", "铜材料"}) EXPECT_TRUE(industries.count(lead)) << lead;
  EXPECT_GT(industries.size(), 6u);
}

TEST(Generator, MoreParcelsGiveMoreParksThatDoNotOverlap) {
  TempDir dir;
  const Summary s = generate(dir, 4000, 3);
  EXPECT_EQ(s.parcels, 4000u);
  EXPECT_EQ(s.zones, 80u);
  EXPECT_GT(s.parks, 30u);
  Features parks = read_layer(dir.path() / "parks.shp");
  std::set<std::string> names;
  for (std::size_t i = 0; i < parks.all.size(); ++i) {
    EXPECT_TRUE(names.insert(text_of(*parks.all[i], "name")).second) << "duplicate park name";
    OGREnvelope ei;
    parks.all[i]->GetGeometryRef()->getEnvelope(&ei);
    EXPECT_GE(ei.MinX, 353'000);
    EXPECT_LE(ei.MaxX, 572'000);
    EXPECT_GE(ei.MinY, 2'910'000);
    EXPECT_LE(ei.MaxY, 3'063'000);
    for (std::size_t j = i + 1; j < parks.all.size(); ++j) {
      OGREnvelope ej;
      parks.all[j]->GetGeometryRef()->getEnvelope(&ej);
      EXPECT_FALSE(ei.Intersects(ej)) << "parks " << i << " and " << j << " overlap";
    }
  }
  EXPECT_TRUE(names.count("福安小微园二期"));
}

TEST(Generator, ReportsProgressAndCanBeCancelled) {
  TempDir dir;
  Options opt;
  opt.parcels = 300;
  opt.out_dir = dir.str();
  std::set<std::string> stages;
  bool in_range = true;
  generate_dataset(opt, [&](std::string_view stage, double f) {
    stages.emplace(stage);
    in_range = in_range && f >= 0.0 && f <= 1.0;
    return true;
  });
  EXPECT_TRUE(in_range);
  EXPECT_TRUE(stages.count("writing parcels"));
  EXPECT_TRUE(stages.count("writing buildings"));
  EXPECT_THROW(generate_dataset(opt, [](std::string_view, double) { return false; }), parkgis::Cancelled);
}

TEST(Generator, UnwritableFolderIsADataErrorNamingThePath) {
  TempDir dir;
  parkgis::test::write_text(dir.path() / "plain-file", "x");
  Options opt;
  opt.parcels = 50;
  opt.out_dir = (dir.path() / "plain-file" / "out").string();
  try {
    generate_dataset(opt);
    FAIL() << "expected DataError";
  } catch (const parkgis::DataError& e) {
    EXPECT_NE(std::string(e.what()).find(opt.out_dir), std::string::npos) << e.what();
  }
}

TEST(Generator, AsOfMovesTheDates) {
  TempDir dir;
  Options opt;
  opt.parcels = 200;
  opt.as_of = Date{2030, 1, 15};
  opt.out_dir = dir.str();
  generate_dataset(opt);
  EXPECT_NE(parkgis::test::read_text(dir.path() / "dataset.json").find("\"as_of\": \"2030-01-15\""), std::string::npos);
  EXPECT_EQ(read_csv(dir.path() / "enterprises.csv")[1][3], "2029");
  Features parcels = read_layer(dir.path() / "parcels.shp");
  std::size_t later = 0;
  for (const auto& p : parcels.all) {
    const auto supply = date_of(*p, "supply_dat");
    if (supply && *supply > opt.as_of) ++later;
  }
  EXPECT_GE(later, 1u);
}
