#include "tests/support/tiny_dataset.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <vector>

#include "tests/support/test_support.h"

namespace parkgis::test {

namespace fs = std::filesystem;

namespace {

constexpr double X0 = 500000, Y0 = 2950000;

std::string box(double x0, double y0, double x1, double y1) {
  auto p = [](double x, double y) { return std::to_string(X0 + x) + " " + std::to_string(Y0 + y); };
  return "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "))";
}

struct Feature {
  std::string wkt;
  std::map<std::string, std::string> values;
};

void write(const std::string& path, const TinyOptions& opt, const std::vector<std::pair<std::string, char>>& fields,
           const std::vector<Feature>& features) {
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  GDALDataset* ds = drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!ds) throw std::runtime_error("cannot create " + path);
  OGRSpatialReference src, dst;
  src.importFromEPSG(4549);
  src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct;
  if (opt.epsg) {
    dst.importFromEPSG(*opt.epsg);
    dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (*opt.epsg != 4549) ct.reset(OGRCreateCoordinateTransformation(&src, &dst));
  }
  CPLStringList lco;
  lco.AddString(("ENCODING=" + opt.encoding).c_str());
  OGRLayer* layer = ds->CreateLayer(fs::path(path).stem().c_str(), opt.epsg ? &dst : nullptr, wkbPolygon, lco.List());
  auto name_of = [&](const std::string& canonical) {
    auto it = opt.rename.find(canonical);
    return it == opt.rename.end() ? canonical : it->second;
  };
  for (const auto& [name, type] : fields) {
    OGRFieldDefn d(name_of(name).c_str(), type == 'D' ? OFTDate : type == 'R' ? OFTReal : type == 'I' ? OFTInteger : OFTString);
    if (layer->CreateField(&d) != OGRERR_NONE) throw std::runtime_error("cannot create field " + name);
  }
  for (const Feature& f : features) {
    OGRFeature* feat = OGRFeature::CreateFeature(layer->GetLayerDefn());
    int k = 0;
    for (const auto& [name, type] : fields) {
      (void)type;
      auto it = f.values.find(name);
      if (it != f.values.end() && !it->second.empty()) feat->SetField(k, it->second.c_str());
      ++k;
    }
    if (f.wkt.empty()) {  // a feature without geometry
      if (layer->CreateFeature(feat) != OGRERR_NONE) throw std::runtime_error("cannot write to " + path);
      OGRFeature::DestroyFeature(feat);
      continue;
    }
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt(f.wkt.c_str(), nullptr, &g);
    if (ct) g->transform(ct.get());
    if (opt.x_offset != 0) {
      OGRPolygon* poly = g->toPolygon();
      for (auto* ring : *poly)
        for (int i = 0; i < ring->getNumPoints(); ++i) ring->setPoint(i, ring->getX(i) + opt.x_offset, ring->getY(i));
    }
    feat->SetGeometryDirectly(g);
    if (layer->CreateFeature(feat) != OGRERR_NONE) throw std::runtime_error("cannot write to " + path);
    OGRFeature::DestroyFeature(feat);
  }
  GDALClose(ds);
  if (!opt.keep_cpg) fs::remove(fs::path(path).replace_extension(".cpg"));
}

}  // namespace

void write_tiny_dataset(const std::string& folder, const TinyOptions& opt) {
  const fs::path dir(folder);
  write((dir / "parks.shp").string(), opt, {{"park_id", 'S'}, {"name", 'S'}, {"county", 'S'}},
        {{box(0, 0, 1000, 1000), {{"park_id", "P1"}, {"name", "蕉城小微园"}, {"county", "蕉城区"}}}});
  write((dir / "zones.shp").string(), opt, {{"zone_id", 'S'}, {"park_id", 'S'}, {"name", 'S'}},
        {{box(0, 0, 500, 1000), {{"zone_id", "Z1"}, {"park_id", "P1"}, {"name", "一片区"}}},
         {box(500, 0, 1000, 1000), {{"zone_id", "Z2"}, {"park_id", "P1"}, {"name", "二片区"}}}});
  const char date_type = opt.defects ? 'S' : 'D';
  const std::vector<std::pair<std::string, char>> parcel_fields = {
      {"parcel_id", 'S'}, {"zone_id", 'S'}, {"land_use", 'S'}, {"user_id", 'S'}, {"supply_date", date_type},
      {"agreed_start", date_type}, {"actual_start", date_type}};
  const std::string bowtie = "POLYGON((" + std::to_string(X0 + 200) + " " + std::to_string(Y0 + 200) + "," +
                             std::to_string(X0 + 300) + " " + std::to_string(Y0 + 300) + "," +
                             std::to_string(X0 + 300) + " " + std::to_string(Y0 + 200) + "," +
                             std::to_string(X0 + 200) + " " + std::to_string(Y0 + 300) + "," +
                             std::to_string(X0 + 200) + " " + std::to_string(Y0 + 200) + "))";
  std::vector<Feature> parcels = {
        {box(10, 10, 110, 110), {{"parcel_id", "A"}, {"zone_id", "Z1"}, {"land_use", "0601"}, {"user_id", "E1"},
                                  {"supply_date", "2020/01/15"}, {"agreed_start", "2020/06/01"}}},
         {box(600, 10, 700, 110), {{"parcel_id", "B"}, {"land_use", "0601"}}},
         {bowtie, {{"parcel_id", "C"}, {"zone_id", "Z1"}, {"land_use", "0604"}}},
         {box(2000, 0, 2100, 100), {{"parcel_id", "D"}, {"land_use", "0601"}}},
         {box(10, 200, 110, 300), {{"parcel_id", "A"}, {"zone_id", "Z1"}, {"land_use", "0601"}}}};
  if (opt.tenancies) {
    parcels.push_back({box(110, 10, 210, 110), {{"parcel_id", "F"}, {"zone_id", "Z1"}, {"land_use", "0601"},
                                                {"user_id", "E4"}, {"supply_date", "2021/01/01"}}});
    parcels.push_back({box(300, 500, 400, 600), {{"parcel_id", "G"}, {"zone_id", "Z1"}, {"land_use", "0601"},
                                                 {"user_id", "E1"}, {"supply_date", "2027/01/01"}}});
  }
  if (opt.defects) {
    parcels[1].values = {{"parcel_id", "B"}, {"land_use", "0601"}, {"zone_id", "Z9"}, {"user_id", "E404"},
                         {"supply_date", "2020-02-30"}};
    parcels.push_back({"", {{"parcel_id", "N"}, {"land_use", "0601"}}});
    parcels.push_back({box(800, 800, 850, 850), {{"land_use", "0601"}}});
  }
  std::vector<std::pair<std::string, char>> fields = parcel_fields;
  if (opt.order53) {
    fields.insert(fields.end(), {{"land_price_wan", 'R'}, {"gov_cause", 'S'}, {"decision_no", 'S'},
                                 {"disposal", 'S'}, {"disposal_date", 'D'}, {"developed_m2", 'R'}});
    parcels[0].values.insert({{"gov_cause", "是"}, {"land_price_wan", "200"}, {"decision_no", "闲认〔2024〕1号"},
                              {"disposal", "延期"}, {"disposal_date", "2025/03/01"},
                              {"developed_m2", "100"}});
    parcels[1].values.insert({{"supply_date", "2021/01/01"}, {"agreed_start", "2021/06/01"}, {"land_price_wan", "300"}});
    parcels[2].values.insert({{"supply_date", "2024/01/10"}});
  }
  write((dir / "parcels.shp").string(), opt, fields, parcels);
  std::vector<std::pair<std::string, char>> building_fields = {
      {"building_id", 'S'}, {"floors", 'I'}, {"floor_area", 'R'}, {"vacant_area", 'R'}, {"use", 'S'}};
  std::vector<Feature> buildings = {{box(20, 20, 40, 40), {{"building_id", "b1"}, {"floors", "2"}, {"use", "factory"}}}};
  if (opt.tenancies) {
    building_fields.insert(building_fields.end(), {{"vacant_since", 'D'}, {"vacancy_type", 'S'}});
    buildings.push_back({box(100, 50, 120, 70), {{"building_id", "b2"}, {"floor_area", "1200"}, {"use", "厂房"},
                                                 {"vacant_area", "200"}, {"vacant_since", "2026/03/01"},
                                                 {"vacancy_type", "空置"}}});
    buildings.push_back({box(310, 510, 330, 530), {{"building_id", "b3"}, {"floor_area", "400"}, {"use", "厂房"},
                                                   {"vacant_area", "100"}, {"vacancy_type", "闲置"}}});
  }
  write((dir / "buildings.shp").string(), opt, building_fields, buildings);
  write((dir / "approvals.shp").string(), opt, {{"approval_id", 'S'}, {"zone_id", 'S'}, {"approved", 'D'}},
        opt.order53 ? std::vector<Feature>{{box(0, 0, 500, 1000), {{"approval_id", "AP1"}, {"zone_id", "Z1"}, {"approved", "2019/05/01"}}},
                                           {box(500, 0, 1000, 1000), {{"approval_id", "AP2"}, {"zone_id", "Z2"}, {"approved", "2027/01/01"}}}}
                    : std::vector<Feature>{{box(0, 0, 500, 1000), {{"approval_id", "AP1"}, {"zone_id", "Z1"}, {"approved", "2019/05/01"}}}});
  write_text(dir / "enterprises.csv",
             "enterprise_id,name,industry,year,output_wan,tax_wan,value_added_wan,energy_tce,employees,rnd_wan\n"
             "E1," + opt.enterprise_name + ",锂电新能源,2025,12000,800,3000,500,120,400\n" +
                 std::string(opt.defects ? "E2,宁德某某铜业有限公司,铜材料,2025,12万,30,,,,\n" : "") +
                 std::string(opt.tenancies ? "E3,宁德某某电机有限公司,电机电器,2025,6000,300,,,,\n"
                                             "E4,宁德某某食品有限公司,食品加工,2024,2000,100,,,,\n"
                                             "E5,宁德某某服装有限公司,服装,2025,500,20,,,,\n"
                                           : ""));
  if (opt.tenancies)
    write_text(dir / "tenancies.csv",
               "tenancy_id,enterprise_id,building_id,parcel_id,leased_m2,start_date,end_date\n"
               "T1,E3,b1,,400,2025-01-01,\n"
               "T2,E3,b2,,600,2024-01-01,2027-12-31\n"
               "T3,E4,b1,,200,2020-01-01,2025-12-31\n"
               "T4,E5,b1,,300,2026-07-01,\n"
               "T5,E3,b3,,100,2024-01-01,\n"
               "T6,E4,b3,,450,2024-06-01,\n"
               "T7,E3,b99,,100,2024-01-01,\n"
               "T8,E404,b1,,100,2024-01-01,\n"
               "T9,E3,b1,,100,2024-01-01,2023-12-31\n"
               "T10,E3,b1,,0,2024-01-01,\n"
               "T11,E3,b1,,abc,2024-01-01,\n");
}

}  // namespace parkgis::test
