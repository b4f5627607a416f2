#pragma once
// The survey round trip (docs/survey.md for the teams, docs/cli.md for the commands):
//   survey_pack  — one zone's parcels to check on site (idle, low-efficiency, with vacant floor space),
//                  the 批而未供 pieces, the buildings on those parcels and the zone boundary, each with
//                  the survey columns and styles, plus a Chinese README; a folder or a .zip.
//   survey_merge — reads a returned file (or the returned folder/.zip), compares it with the database,
//                  applies what a survey may change (survey columns, editable attributes:
//                  survey_fields.h) and lists the rest as conflicts; history goes to survey_log.

#include <cstdint>
#include <string>
#include <vector>

#include "libgis/export/writer.h"

namespace parkgis::store {
class Store;
}

namespace parkgis::exporter {

// ---- pack ----

struct PackRequest {
  std::string zone_id;
  std::string output;           // a folder (created when missing) or a path ending in .zip
  Format format = Format::shp;  // shp, gpkg, geojson or kml (one file per layer)
  std::string encoding;         // "" = GBK for shapefiles
};

struct PackLayerInfo {
  std::string file;      // file name inside the package ("parcels_check.shp")
  std::string title_zh;  // "待核查宗地"
  long features = 0;
};

struct PackResult {
  std::string path;  // the folder or .zip written
  std::vector<PackLayerInfo> layers;
  std::vector<std::string> files;  // relative to the package
  std::vector<std::string> warnings;
};

// Throws DataError for an unknown zone or a database without analysis results.
PackResult survey_pack(store::Store& store, const PackRequest& request);

// The README.txt of a package (UTF-8 with a byte-order mark), for the zone's name and layers.
std::string pack_readme(const std::string& zone_id, const std::string& zone_name, const std::string& as_of,
                        const std::vector<PackLayerInfo>& layers, Format format, const std::string& encoding);

// ---- merge ----

struct MergeRequest {
  std::string returned;        // a returned file, or a folder / .zip holding several
  bool dry_run = false;        // compare and report, change nothing
  double max_shift_m = 1.0;    // a centroid that moved more than this is a conflict
  double max_area_change = 0.01;  // so is an area change of more than this share (1 %)
  std::string now;             // timestamp for survey_log ("" = the current local time)
  // A returned .zip: only the files merge reads are unpacked, each to at most max_file_bytes and all
  // together to max_total_bytes (else DataError): a survey return is a few MB, a zip bomb is not.
  std::uint64_t max_file_bytes = 256ull << 20;
  std::uint64_t max_total_bytes = 1024ull << 20;
};

struct Change {
  std::string file;        // the returned file it came from
  std::string layer;       // target table: parcels, buildings, unsupplied_land, zones, parks
  std::string feature_id;
  std::string field;       // full column name
  std::string old_value, new_value;  // as text ("" = empty)
  std::string surveyor, survey_status;  // of the feature, as returned
};

struct Conflict {
  std::string file;
  std::string layer;
  std::string feature_id;  // "" when about the whole file
  std::string field;       // "" when about the whole feature
  std::string reason;      // what is wrong and what to do, in English; the CLI prints it
};

struct MergeResult {
  std::vector<std::string> files;     // the returned files read
  long features = 0;                  // features read
  std::vector<Change> changes;        // applied (or, with dry_run, that would be)
  std::vector<Conflict> conflicts;    // not applied
  std::vector<std::string> notes;     // ignored fields, files without a known id column, ...
  bool attributes_changed = false;    // an imported table changed: 'parkgis analyze' must be re-run
};

// Throws DataError when the returned path cannot be read or holds no layer with a known id column.
MergeResult survey_merge(store::Store& store, const MergeRequest& request);

// The changes and conflicts as CSV (UTF-8 with a BOM): kind, file, layer, feature_id, field, old_value,
// new_value, surveyor, survey_status, reason.
std::string merge_csv(const MergeResult& result);

}  // namespace parkgis::exporter
