#pragma once
// Helpers shared by the tests: temporary folders and small vector files written through GDAL.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parkgis::test {

// A fresh folder under the build tree, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::string str(const std::string& child = "") const;

 private:
  std::filesystem::path m_path;
};

struct TestField {
  std::string name;
  char type = 'S';  // 'S' string, 'I' integer, 'R' real, 'D' date
};

struct TestFeature {
  std::string wkt;                          // "" for no geometry
  std::map<std::string, std::string> values;  // field name -> value (text form; absent = null)
};

// Writes one layer with OGR. driver: "ESRI Shapefile", "GPKG", "GeoJSON", "CSV".
// epsg: the CRS to declare, or nullopt for none (a shapefile then has no .prj).
// options: layer creation options such as "ENCODING=UTF-8".
void write_layer(const std::string& path, const std::string& driver, std::optional<int> epsg,
                 const std::vector<TestField>& fields, const std::vector<TestFeature>& features,
                 const std::vector<std::string>& options = {});

std::string read_text(const std::filesystem::path& p);
void write_text(const std::filesystem::path& p, const std::string& text);

// Path under tests/data.
std::string data_path(const std::string& relative);

}  // namespace parkgis::test
