// The two-version cadastre of two_versions.h.
#include "tests/support/two_versions.h"

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace fs = std::filesystem;

namespace parkgis::test {

namespace {

constexpr double X0 = 500000, Y0 = 2950000;  // EPSG:4549

std::string box(double x1, double y1, double x2, double y2) {
  const auto p = [](double x, double y) { return std::to_string(X0 + x) + " " + std::to_string(Y0 + y); };
  return "POLYGON((" + p(x1, y1) + "," + p(x2, y1) + "," + p(x2, y2) + "," + p(x1, y2) + "," + p(x1, y1) + "))";
}

TestFeature parcel(const std::string& id, const std::string& holder, double x1, double x2) {
  return {box(x1, 0, x2, 100), {{"parcel_id", id}, {"zone_id", "Z1"}, {"land_use", "0601"}, {"user_id", holder},
                                 {"supply_date", "2020-01-01"}, {"agreed_start", "2020-03-01"}, {"actual_start", "2020-06-01"}}};
}

TestFeature building(const std::string& id, double x) {
  return {box(x + 10, 10, x + 30, 30), {{"building_id", id}, {"floors", "1"}, {"use", "厂房"}}};
}

}  // namespace

void write_version(const fs::path& dir, int version) {
  fs::create_directories(dir);
  const auto shp = [&](const std::string& name) { return (dir / (name + ".shp")).string(); };
  using parkgis::test::write_layer;
  write_layer(shp("parks"), "ESRI Shapefile", 4549, {{"park_id"}, {"name"}, {"county"}},
              {{box(0, 0, 1000, 1000), {{"park_id", "P1"}, {"name", "蕉城小微园"}, {"county", "蕉城区"}}}}, {"ENCODING=UTF-8"});
  write_layer(shp("zones"), "ESRI Shapefile", 4549, {{"zone_id"}, {"park_id"}, {"name"}},
              {{box(0, 0, 1000, 1000), {{"zone_id", "Z1"}, {"park_id", "P1"}, {"name", "一片区"}}}}, {"ENCODING=UTF-8"});
  write_layer(shp("approvals"), "ESRI Shapefile", 4549, {{"approval_id"}, {"zone_id"}, {"approved", 'D'}},
              {{box(0, 0, 1000, 1000), {{"approval_id", "AP1"}, {"zone_id", "Z1"}, {"approved", "2019-01-01"}}}},
              {"ENCODING=UTF-8"});
  std::vector<TestFeature> parcels, buildings;
  if (version == 1) {
    parcels = {parcel("PG", "E1", 0, 100), parcel("PH", "E1", 200, 300), parcel("PR", "E2", 400, 500)};
    buildings = {building("bG", 0), building("bH", 200), building("bR", 400)};
  } else {
    parcels = {parcel("PG", "E1", 0, 150), parcel("PH", "E2", 200, 300), parcel("PN", "E2", 600, 700)};
    buildings = {building("bG", 0), building("bH", 200), building("bN", 600)};
  }
  write_layer(shp("parcels"), "ESRI Shapefile", 4549,
              {{"parcel_id"}, {"zone_id"}, {"land_use"}, {"user_id"}, {"supply_date", 'D'}, {"agreed_start", 'D'},
               {"actual_start", 'D'}},
              parcels, {"ENCODING=UTF-8"});
  write_layer(shp("buildings"), "ESRI Shapefile", 4549, {{"building_id"}, {"floors", 'I'}, {"use"}}, buildings,
              {"ENCODING=UTF-8"});
  parkgis::test::write_text(dir / "enterprises.csv",
                            "enterprise_id,name,industry,year,output_wan,tax_wan\n"
                            "E1,宁德甲公司,电机电器,2025,1500,150\nE1,宁德甲公司,电机电器,2026,3000,300\n"
                            "E2,宁德乙公司,食品加工,2025,600,60\nE2,宁德乙公司,食品加工,2026,900,90\n");
  parkgis::test::write_text(dir / "dataset.json", std::string("{\"name\": \"历史测试\", \"as_of\": \"") +
                                                      (version == 1 ? "2025-06-30" : "2026-06-30") + "\"}");
}

}  // namespace parkgis::test
