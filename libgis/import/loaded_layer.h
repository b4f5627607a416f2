#pragma once
// One canonical layer read into memory: values per canonical field, repaired geometry in the working
// CRS, and the source facts for the import report.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "libgis/geom/geos.h"
#include "libgis/importer.h"
#include "libgis/io/source_reader.h"
#include "libgis/model/schema.h"
#include "libgis/store/table.h"

class OGRSpatialReference;

namespace parkgis::import {

struct LoadedFeature {
  long long fid = 0;
  std::string id;                    // the feature's id (generated when the source has none)
  std::vector<store::Value> values;  // one per canonical field
  geom::GeomPtr geometry;            // MultiPolygon in the working CRS; null for tables
  std::string wkb;                   // the same as ISO WKB when the source's was kept as it is; else empty
  bool skip = false;                 // dropped by a check (duplicate id, ...)
};

// The index of a canonical field in a feature's values, -1 when the layer has no such field.
int field_index(const model::LayerSpec& spec, const std::string& name);

struct LoadedLayer {
  const model::LayerSpec* spec = nullptr;
  LayerReport report;
  std::vector<LoadedFeature> features;

  int field_index(const std::string& name) const;  // index into values, -1 when not canonical
  std::string text(const LoadedFeature& f, const std::string& field) const;  // "" when null
};

// Reads one layer: values, then geometry (null/empty/non-polygonal skipped, invalid repaired with
// MakeValid, reprojected from `source_srs` to `working_srs` when they differ). Issues go to `issues`.
// With `on_chunk`, the features are handed over as they are read, in source order, a few thousand at a
// time (the consumer moves them out of the vector), and the returned layer holds none.
using ChunkFn = std::function<void(std::vector<LoadedFeature>& features)>;
LoadedLayer load_layer(io::SourceReader& reader, const OGRSpatialReference* source_srs,
                       const OGRSpatialReference* working_srs, geom::Context& ctx, IssueSink& issues,
                       const ProgressFn& progress, const ChunkFn& on_chunk = {});

}  // namespace parkgis::import
