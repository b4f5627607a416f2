#pragma once
// Writes a synthetic parkgis dataset folder (docs/dataset-format.md): parks, zones, parcels, buildings,
// approvals (shapefiles, UTF-8 with .cpg, EPSG:4549), enterprises.csv and tenancies.csv, plus
// dataset.json. The parks look like Ningde's 小微园: about 25 parcels and 300-900 亩 each, multi-storey
// standard factories of the park company let or sold by storey, most firms tenants.
// Deterministic: the same options give byte-identical files. Used for the bundled Ningde sample,
// tests and benchmarks.

#include <cstddef>
#include <cstdint>
#include <string>

#include "libgis/core/dates.h"
#include "libgis/core/progress.h"
#include "libgis/generator/shape.h"

namespace parkgis::generator {

struct Options {
  std::size_t parcels = 250;    // number of parcels (exactly); ~12 per zone, at least 10 parks / 21 zones
  std::uint64_t seed = 1;       // random seed
  Date as_of{2026, 6, 30};      // evaluation date written to dataset.json; dates are placed around it
  std::string out_dir;          // created if missing; existing dataset files are overwritten
  DatasetShape shape = DatasetShape::small_parks;  // small_parks: the files written before shapes existed
};

struct Summary {
  std::size_t parks = 0, zones = 0, parcels = 0, buildings = 0, approvals = 0, enterprises = 0, tenancies = 0;
};

// Throws DataError when the folder cannot be written.
Summary generate_dataset(const Options& options, const ProgressFn& progress = {});

}  // namespace parkgis::generator
