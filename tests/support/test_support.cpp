#include "tests/support/test_support.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace parkgis::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  fs::path base = PARKGIS_TEST_TMP_DIR;
  fs::create_directories(base);
  m_path = base / ("t" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  fs::remove_all(m_path);
  fs::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

std::string TempDir::str(const std::string& child) const {
  return child.empty() ? m_path.string() : (m_path / child).string();
}

void write_layer(const std::string& path, const std::string& driver, std::optional<int> epsg,
                 const std::vector<TestField>& fields, const std::vector<TestFeature>& features,
                 const std::vector<std::string>& options) {
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver.c_str());
  if (!drv) throw std::runtime_error("no GDAL driver " + driver);
  GDALDataset* ds = drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!ds) throw std::runtime_error("cannot create " + path);
  OGRSpatialReference srs;
  OGRSpatialReference* psrs = nullptr;
  if (epsg) {
    srs.importFromEPSG(*epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    psrs = &srs;
  }
  CPLStringList opts;
  for (const auto& o : options) opts.AddString(o.c_str());
  const bool spatial = driver != "CSV";
  std::string layer_name = fs::path(path).stem().string();
  OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), psrs, spatial ? wkbUnknown : wkbNone, opts.List());
  if (!layer) throw std::runtime_error("cannot create layer in " + path);
  for (const TestField& f : fields) {
    OGRFieldType t = f.type == 'I' ? OFTInteger : f.type == 'R' ? OFTReal : f.type == 'D' ? OFTDate : OFTString;
    OGRFieldDefn defn(f.name.c_str(), t);
    if (layer->CreateField(&defn) != OGRERR_NONE) throw std::runtime_error("cannot create field " + f.name);
  }
  for (const TestFeature& tf : features) {
    OGRFeature* feat = OGRFeature::CreateFeature(layer->GetLayerDefn());
    for (const auto& [k, v] : tf.values) {
      int idx = feat->GetFieldIndex(k.c_str());
      if (idx < 0) {
        // The driver may have shortened the name (DBF: 10 bytes).
        idx = feat->GetFieldIndex(k.substr(0, 10).c_str());
      }
      if (idx < 0) throw std::runtime_error("no field " + k);
      feat->SetField(idx, v.c_str());
    }
    if (!tf.wkt.empty()) {
      OGRGeometry* g = nullptr;
      if (OGRGeometryFactory::createFromWkt(tf.wkt.c_str(), psrs, &g) != OGRERR_NONE)
        throw std::runtime_error("bad WKT " + tf.wkt);
      feat->SetGeometryDirectly(g);
    }
    if (layer->CreateFeature(feat) != OGRERR_NONE) throw std::runtime_error("cannot write feature");
    OGRFeature::DestroyFeature(feat);
  }
  GDALClose(ds);
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::string data_path(const std::string& relative) {
  return (fs::path(PARKGIS_TEST_DATA_DIR) / relative).string();
}

}  // namespace parkgis::test
