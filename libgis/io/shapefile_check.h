#pragma once
// Record-level integrity of an ESRI shapefile, checked before GDAL reads it. GDAL reads a record whose
// header is overwritten as an empty geometry without any error, and a truncated .shp only as error
// lines on stderr; a land office must not lose parcels that way. This reads the fixed-size headers the
// shapefile specification defines (ESRI Shapefile Technical Description, 1998: the 100-byte file header,
// the .shx index of 8-byte entries, the 8-byte record headers and their shape type) — not the geometry,
// which GDAL decodes.

#include <string>
#include <vector>

namespace parkgis::io {

struct DamagedRecord {
  long long fid = 0;   // 0-based, as OGR numbers shapefile features
  std::string reason;  // e.g. "its record lies beyond the end of the .shp file (truncated?)"
};

struct ShapefileCheck {
  long long index_records = -1;  // entries in the .shx (-1: no .shx)
  long long dbf_records = -1;    // records in the .dbf header (-1: no .dbf)
  std::vector<DamagedRecord> damaged;
  std::string file_problem;  // a problem of the whole file set ("" when none)
};

// shp_path names the .shp; the .shx and .dbf are found beside it (any letter case).
ShapefileCheck check_shapefile(const std::string& shp_path);

// The file beside `path` with the same stem and extension `ext` (".dbf"), any letter case; "" if none.
std::string sibling_file(const std::string& path, const std::string& ext);

}  // namespace parkgis::io
