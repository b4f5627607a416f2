#pragma once
// dataset.json: optional description of a dataset folder (docs/dataset-format.md).
//   { "name": "...", "crs": "EPSG:4549", "encoding": "GBK", "as_of": "2026-06-30",
//     "region": "ningde" | "any" | [west, south, east, north],
//     "layers": { "parcels": { "path": "宗地.shp", "layer": "optional layer name",
//                              "fields": { "parcel_id": "ZDDM" } } } }
// Everything is optional; what is not given falls back to the defaults.

#include <map>
#include <set>
#include <optional>
#include <string>

#include "libgis/core/dates.h"
#include "libgis/io/crs.h"

namespace parkgis::io {

struct LayerSource {
  std::string path;                           // absolute or relative to the dataset folder; "" = default
  std::string layer;                          // layer inside a multi-layer source; "" = the first
  std::map<std::string, std::string> fields;  // canonical field -> source field
  std::set<std::string> absent;               // canonical fields the data is stated not to have (null)
};

struct Manifest {
  std::string folder;    // the dataset folder
  std::string file;      // path of dataset.json, "" when the folder has none
  std::string name;      // dataset name (defaults to the folder name)
  std::string crs;       // e.g. "EPSG:4549": for sources that declare none
  std::string encoding;  // e.g. "GBK": for sources that declare none
  std::optional<Date> as_of;  // evaluation date for the idle-land rules
  std::map<std::string, LayerSource> layers;  // canonical layer -> source
  // Where the data are expected to lie (lon/lat box); data far outside it mean a wrong CRS.
  // "region": "ningde" (default), "any" (no check), or [west, south, east, north] in degrees.
  std::optional<LonLatBox> region = kNingdeArea;
};

// Reads DATASET/dataset.json if present. Throws DataError naming the file and key when it is
// malformed (bad JSON, unknown layer or field, a date that is not a date).
Manifest load_manifest(const std::string& dataset_folder);

}  // namespace parkgis::io
