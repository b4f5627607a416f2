#pragma once
// A small writer for one polygon shapefile through GDAL/OGR: UTF-8 (.cpg), EPSG:4549 (.prj), a fixed
// DBF header date (so output is byte-identical), one reused OGRFeature. Errors become DataError.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "libgis/core/dates.h"

class GDALDataset;
class OGRLayer;
class OGRFeature;
class OGRGeometry;

namespace parkgis::generator {

struct FieldDef {
  const char* name;  // as written in the DBF (at most 10 characters)
  char type;         // 'S' string, 'I' integer, 'R' real, 'D' date
  int width = 0;
  int precision = 0;
};

class ShapefileWriter {
 public:
  // Replaces <file> (.shp and its side files). `dbf_date` goes into the DBF header.
  ShapefileWriter(const std::filesystem::path& file, const std::vector<FieldDef>& fields, const Date& dbf_date);
  ~ShapefileWriter();
  ShapefileWriter(const ShapefileWriter&) = delete;
  ShapefileWriter& operator=(const ShapefileWriter&) = delete;

  // Field setters for the feature being built; every field starts null for each feature.
  void set(int field, const std::string& value);
  void set(int field, int value);
  void set(int field, const std::optional<double>& value);
  void set(int field, const std::optional<Date>& value);

  // Writes the feature with the given geometry (ownership taken) and starts the next one.
  void write(OGRGeometry* geometry);
  // Commits and closes the file; throws DataError when the data could not be flushed.
  void close();

 private:
  std::filesystem::path m_file;
  GDALDataset* m_ds = nullptr;
  OGRLayer* m_layer = nullptr;
  OGRFeature* m_feature = nullptr;
  int m_field_count = 0;
};

}  // namespace parkgis::generator
