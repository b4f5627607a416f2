#pragma once
// Reading back what the generator wrote (through GDAL, as any user would), for the generator tests.

#include <gtest/gtest.h>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "libgis/core/dates.h"
#include "libgis/generator/dataset_generator.h"
#include "tests/support/test_support.h"

namespace parkgis::test::generated {

namespace fs = std::filesystem;

inline const char* const kLayers[] = {"parks", "zones", "parcels", "buildings", "approvals"};
inline const Date kAsOf{2026, 6, 30};

inline generator::Summary generate(const TempDir& dir, std::size_t parcels, std::uint64_t seed,
                                   generator::DatasetShape shape = generator::DatasetShape::small_parks) {
  generator::Options opt;
  opt.parcels = parcels;
  opt.seed = seed;
  opt.shape = shape;
  opt.out_dir = dir.str();
  return generator::generate_dataset(opt);
}

struct Features {
  GDALDatasetUniquePtr ds;
  OGRLayer* layer = nullptr;
  std::vector<OGRFeatureUniquePtr> all;
};

inline Features read_layer(const fs::path& file) {
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

inline std::optional<Date> date_of(const OGRFeature& f, const char* field) {
  const int i = f.GetFieldIndex(field);
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
  int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
  float s = 0;
  if (!f.GetFieldAsDateTime(i, &y, &m, &d, &h, &mi, &s, &tz)) return std::nullopt;
  return Date{y, m, d};
}

inline std::optional<double> real_of(const OGRFeature& f, const char* field) {
  const int i = f.GetFieldIndex(field);
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
  return f.GetFieldAsDouble(i);
}

inline std::string text_of(const OGRFeature& f, const char* field) {
  const int i = f.GetFieldIndex(field);
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

// The generator writes no quoted cells (no commas in its names), so a plain split reads it.
inline std::vector<std::vector<std::string>> read_csv(const fs::path& file) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_text(file));
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
inline double area_of(const OGRGeometry* g) {
  if (!g) return 0;
  const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
  if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) return g->toGeometryCollection()->get_Area();
  if (OGR_GT_IsSurface(t)) return g->toSurface()->get_Area();
  return 0;
}

// The floor area the importer takes: the attribute, else footprint x floors.
inline double floor_m2_of(const OGRFeature& b) {
  return real_of(b, "floor_area").value_or(area_of(b.GetGeometryRef()) * b.GetFieldAsInteger("floors"));
}

// Keeps GEOS's "Self-intersection at ..." notes about the bow-tie parcel out of the test output.
struct QuietGdal {
  QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
};

// The default dataset (N = 250, seed 2026: the bundled sample), generated once for the tests that only
// read it.
class DefaultDataset : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new TempDir;
    s_summary = generate(*s_dir, generator::Options{}.parcels, 2026);
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  static fs::path file(const std::string& name) { return s_dir->path() / name; }
  inline static TempDir* s_dir = nullptr;
  inline static generator::Summary s_summary;
};

}  // namespace parkgis::test::generated
