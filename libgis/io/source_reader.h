#pragma once
// Reads one source layer through GDAL/OGR into canonical values: finds the file's fields for the
// canonical ones (manifest, name, 10-byte DBF name, known aliases), decodes text, parses dates and
// numbers. Problems with single values go to the IssueSink; an unusable source throws DataError.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "libgis/core/issues.h"
#include "libgis/io/encoding.h"
#include "libgis/io/manifest.h"
#include "libgis/io/shapefile_check.h"
#include "libgis/model/schema.h"
#include "libgis/store/table.h"

class GDALDataset;
class OGRLayer;
class OGRGeometry;
class OGRSpatialReference;

namespace parkgis::io {

struct FieldMatch {
  std::string canonical;  // canonical field name
  int source_index = -1;  // OGR field index, -1 when the source lacks it
  std::string source_name;
  std::string how;  // "manifest", "name", "dbf-name" (cut to 10 bytes), "alias", "absent" (stated null)
};

struct SourceFeature {
  long long fid = 0;
  std::vector<store::Value> values;  // one per canonical field (LayerSpec order); null when absent
  const OGRGeometry* geometry = nullptr;  // owned by the reader; valid during the callback
};

class SourceReader {
 public:
  // Opens `path` for the canonical layer `spec`. Throws DataError when the file cannot be opened as a
  // vector source or a required field is missing (the message lists the source's fields).
  SourceReader(const model::LayerSpec& spec, const std::string& path, const LayerSource& config,
               const Manifest& manifest, IssueSink& issues);
  ~SourceReader();
  SourceReader(const SourceReader&) = delete;
  SourceReader& operator=(const SourceReader&) = delete;

  const model::LayerSpec& spec() const { return m_spec; }
  const std::string& path() const { return m_path; }
  const std::string& display_name() const { return m_display; }  // file name for messages
  const SourceEncoding& encoding() const { return m_encoding; }
  const std::vector<FieldMatch>& fields() const { return m_matches; }
  std::vector<std::string> source_field_names() const;

  const OGRSpatialReference* declared_srs() const;  // null when the source declares no CRS
  // True when the declared CRS is only a format's default: a GeoJSON file without a "crs" member is read
  // as WGS 84 (RFC 7946), whatever its coordinates are. The manifest's "crs" then takes precedence.
  bool crs_is_format_default() const;
  bool extent(double* minx, double* miny, double* maxx, double* maxy) const;  // false when empty
  long long feature_count() const;
  // For progress and reserving memory: feature_count() where the driver knows it without reading the
  // source (shapefiles, GeoPackage); for a CSV file, its lines but the header (a quoted field holding a
  // line break makes this an over-count), counted far faster than OGR's CSV driver parses them. Taken
  // once and kept.
  long long feature_count_estimate() const;

  // Calls fn for every feature, in source order. Records found damaged (shapefile_check) are not passed
  // on: each becomes an issue "unreadable_record" (use with ImportOptions::skip_unreadable only). GDAL's
  // own error messages while reading become issues "read_error", never lines on stderr.
  void read(const std::function<void(SourceFeature&)>& fn);  // fn may move the values out

  // For .shp sources: the record-level check made when the file was opened (null for other formats).
  const ShapefileCheck* shapefile_check() const { return m_shp_check ? &*m_shp_check : nullptr; }
  long long unreadable() const { return m_unreadable; }  // damaged records skipped by read()

 private:
  void match_fields(const LayerSource& config);
  // `text` is the value as the source wrote it, for the message; null: the number is formatted.
  bool usable_number(double v, const FieldMatch& m, const model::FieldSpec& f, long long fid,
                     const std::string& label, const std::string* text);
  store::Value convert(const void* feature, const FieldMatch& m, const model::FieldSpec& f, long long fid,
                       const std::string& feature_label);

  const model::LayerSpec& m_spec;
  std::string m_path, m_display;
  IssueSink& m_issues;
  SourceEncoding m_encoding;
  GDALDataset* m_ds = nullptr;
  mutable long long m_count_estimate = -1;
  OGRLayer* m_layer = nullptr;
  std::vector<FieldMatch> m_matches;
  std::optional<ShapefileCheck> m_shp_check;
  long long m_unreadable = 0;
};

// Finds the file of a canonical layer in a dataset folder: the manifest path, else the default file
// name, else a file with the layer's name and another vector extension (.gpkg, .geojson, ...).
// Returns "" when none exists.
std::string locate_layer_file(const model::LayerSpec& spec, const Manifest& manifest);

}  // namespace parkgis::io
