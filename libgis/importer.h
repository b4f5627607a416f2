#pragma once
// parkgis import: a dataset folder -> a new SpatiaLite database or PostGIS schema (atomically replacing
// any old one).
// Flow: manifest -> source readers (decode, match fields, parse) -> CRS checks and reprojection to the
// working CRS -> geometry repair -> cross-layer checks -> store. Problems go to result.issues.

#include <string>
#include <vector>

#include "libgis/core/issues.h"
#include "libgis/core/progress.h"
#include "libgis/io/manifest.h"
#include "libgis/store/table.h"

namespace parkgis {

struct ImportOptions {
  std::string dataset;  // dataset folder
  std::string db_path;  // database to create or replace (only a parkgis database, see force): a file or a
                        // PostgreSQL connection (store/location.h)
  ProgressFn progress;
  // Also replace a db_path that is not a parkgis database (another SQLite file, a GeoPackage, any file)
  // or is read-only; never a file of the dataset being imported.
  bool force = false;
  // Import the readable records of a damaged shapefile (each unreadable one recorded as an issue)
  // instead of refusing the dataset.
  bool skip_unreadable = false;
  std::string schema = "";  // PostgreSQL: the schema of db_path (empty = public)
};

struct LayerReport {
  std::string layer;     // canonical name
  std::string source;    // file path ("" when the optional layer is absent)
  std::string encoding;  // e.g. "UTF-8 (cpg)"
  std::string crs;       // declared CRS, e.g. "EPSG:4549 (...)"
  long long read = 0;     // features read
  long long written = 0;  // features stored
  long long unreadable = 0;  // damaged records skipped (only with skip_unreadable)
};

struct ImportResult {
  io::Manifest manifest;
  int srid = 0;                      // working CRS
  std::string srid_reason;           // why this working CRS
  std::vector<LayerReport> layers;   // canonical order
  IssueSink issues;
};

// Throws DataError when the dataset cannot be imported (missing folder, layer or field, unknown CRS,
// coordinates that do not fit their CRS); the database file is then left as it was.
ImportResult import_dataset(const ImportOptions& options);

// The table an import writes for a canonical layer ("parcels", ...): its columns, id index, geometry.
store::TableDef imported_table_def(const std::string& layer);

}  // namespace parkgis
