// The analysis gives the same tables, value for value and geometry for geometry, whether the layers are
// read through one connection or through two at once (AnalyzeOptions::open_reader), on the bundled
// Ningde sample (1,000 parcels, 2,742 buildings).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "libgis/analysis/analyze.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using parkgis::store::Row;

namespace {

std::vector<Row> rows(parkgis::store::Store& s, const std::string& table) {
  std::vector<std::string> cols;
  for (const auto& c : s.column_defs(table)) cols.push_back(c.name);
  const auto all = s.columns(table);
  const bool spatial = std::find(all.begin(), all.end(), "geom") != all.end();
  std::vector<Row> out;
  s.read_table(table, cols, spatial, "fid", [&](const Row& r) { out.push_back(r); });
  return out;
}

}  // namespace

TEST(AnalysisTwoReaders, SameTablesAsOneConnection) {
  parkgis::test::TempDir tmp;
  const std::string one = tmp.str("one.sqlite"), two = tmp.str("two.sqlite"), three = tmp.str("three.sqlite");
  parkgis::import_dataset({std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde", one, {}});
  fs::copy_file(one, two);
  fs::copy_file(one, three);

  auto store_one = parkgis::store::open_spatialite(one);
  const auto r1 = parkgis::analysis::analyze(*store_one, {});
  auto store_two = parkgis::store::open_spatialite(two);
  parkgis::analysis::AnalyzeOptions o;
  int opened = 0;
  o.open_reader = [&] {
    ++opened;
    return parkgis::store::open_spatialite(two);
  };
  const auto r2 = parkgis::analysis::analyze(*store_two, o);
  EXPECT_EQ(opened, 1);
  EXPECT_EQ(r1.parcels, r2.parcels);
  EXPECT_GT(r1.parcels, 0u);

  // A second connection that cannot be opened: read through one.
  auto store_three = parkgis::store::open_spatialite(three);
  o.open_reader = []() -> std::unique_ptr<parkgis::store::Store> { throw std::runtime_error("no second connection"); };
  parkgis::analysis::analyze(*store_three, o);

  for (const char* table : {"parcel_metrics", "zone_metrics", "park_metrics", "unsupplied_land", "enterprise_metrics"}) {
    const auto a = rows(*store_one, table);
    EXPECT_FALSE(a.empty()) << table;
    for (parkgis::store::Store* other : {store_two.get(), store_three.get()}) {
      const auto b = rows(*other, table);
      ASSERT_EQ(a.size(), b.size()) << table;
      for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].values, b[i].values) << table << " row " << i;
        EXPECT_EQ(a[i].wkb, b[i].wkb) << table << " row " << i;
      }
    }
  }
}
