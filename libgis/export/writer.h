#pragma once
// Writes one layer of features with OGR: ESRI Shapefile (GBK or UTF-8), GeoPackage, GeoJSON, CSV, KML.
//
// Shapefiles always get .shp .shx .dbf .prj .cpg. GBK (the default) writes CP936 bytes, sets the DBF
// language byte (offset 29) to 0x4D and writes a .cpg "936": GDAL, QGIS and ArcGIS each read one or the
// other first, and both say the same (domain brief §6.5; GDAL's ENCODING=LDID/77 would write the byte
// without the .cpg). UTF-8 writes .cpg "UTF-8". Text the encoding cannot hold stops the write with a
// DataError naming every feature and field: nothing is written, never "????".
// Field names are shortened to ≤ 10 bytes (dbf_names.h), numbers get the width and precision their
// values need, dates are Date fields. GeoPackage, GeoJSON and KML are UTF-8 by their specifications;
// CSV is UTF-8 with a byte-order mark (Excel) or GBK, with the geometry as WKT. KML is always WGS 84.

#include <optional>
#include <string>
#include <vector>

#include "libgis/export/field_labels.h"
#include "libgis/store/table.h"

namespace parkgis::exporter {

enum class Format { shp, gpkg, geojson, csv, kml };

// "shp", "gpkg", "geojson", "csv", "kml" (also from a file extension); UsageError otherwise.
Format parse_format(const std::string& name);
const char* format_name(Format format);  // "shp", ...
const char* format_extension(Format format);  // ".shp", ".gpkg", ".geojson", ".csv", ".kml"
// The format a path's extension names (".shp" → shp, ".json" → geojson, ...); nullopt otherwise.
std::optional<Format> format_of_path(const std::string& path);

// "GBK" (also CP936, 936) → "CP936"; "UTF-8" (also UTF8) → "UTF-8"; UsageError otherwise.
std::string parse_encoding(const std::string& name);

struct OutField {
  std::string name;  // column in the database (full name)
  store::ColumnType type = store::ColumnType::text;
  FieldLabel label;
  // Room to leave for values typed in later (survey columns, editable attributes): the shapefile field
  // is at least this wide (bytes for text; digits for numbers). 0 = just what the values need.
  int min_width = 0;
  // Filled by write_layer: the name in the output file (≤ 10 bytes for shapefiles), width, precision.
  std::string out_name;
  int width = 0, precision = 0;
};

struct OutFeature {
  std::string id;  // for messages ("YQ01-PQ1-003"); "" = its position
  std::vector<store::Value> values;  // one per field
  std::string wkb;  // ISO WKB in the source SRID; "" = no geometry
  std::string style;  // OGR feature style string (used by KML: fill and outline colours)
};

struct OutLayer {
  std::string name;  // layer name inside the file (GeoPackage, KML): the file's base name
  std::vector<OutField> fields;
  std::vector<OutFeature> features;
  bool spatial = true;
  int srid = 0;  // EPSG code of the features' geometry
  std::string id_column;  // KML: placemark names
};

struct WriteOptions {
  Format format = Format::shp;
  std::string encoding = "CP936";  // shapefile/CSV text: "CP936" or "UTF-8"
  std::optional<int> target_epsg;  // reproject; KML is always EPSG:4326
};

struct WriteResult {
  std::vector<std::string> files;     // every file written (the main one first)
  std::vector<std::string> warnings;  // e.g. text cut at 254 bytes in a DBF
  int output_epsg = 0;
};

// Writes `layer` to `path` (the main file: x.shp, x.gpkg, ...), replacing what is there. Fills the
// fields' out_name/width/precision. Throws DataError when a value cannot be encoded (listing them all),
// when the CRS is unknown, or when GDAL fails (with its message).
WriteResult write_layer(const std::string& path, OutLayer& layer, const WriteOptions& options);

// Decimal places a real column keeps at most in a shapefile, by what it measures: 2 for m², 4 for 亩,
// 万元 and per-亩 figures, 6 for ratios and the rest. Fewer when the values need fewer.
int precision_cap(const std::string& column);

// True for the fields GDAL's LIBKML reader adds to every KML layer (Name, description, timestamp, begin,
// end, altitudeMode, tessellate, extrude, visibility, drawOrder, icon).
bool is_kml_standard_field(const std::string& name);

// The files a shapefile consists of, for a path "x.shp": x.shp x.shx x.dbf x.prj x.cpg.
std::vector<std::string> shapefile_parts(const std::string& shp_path);

}  // namespace parkgis::exporter
