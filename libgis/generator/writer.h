#pragma once
// Writes a Plan as a dataset folder (docs/dataset-format.md): the five shapefiles (layers.cpp),
// enterprises.csv, tenancies.csv and dataset.json (tables.cpp).

#include <filesystem>

#include "libgis/core/dates.h"
#include "libgis/core/progress.h"
#include "libgis/generator/plan.h"

namespace parkgis::generator {

// parks.shp, zones.shp, parcels.shp, buildings.shp, approvals.shp. DBF field names are the canonical
// names cut to 10 characters (supply_dat, agreed_sta, ...), as GDAL would cut them.
void write_layers(const Plan& plan, const std::filesystem::path& dir, const Date& as_of, const ProgressFn& progress);

// enterprises.csv: UTF-8, header row, one row per enterprise and year.
void write_enterprises(const Plan& plan, const std::filesystem::path& dir, const ProgressFn& progress);

// tenancies.csv: UTF-8, header row, one row per lease or sale of floor space (or lease of a parcel).
void write_tenancies(const Plan& plan, const std::filesystem::path& dir, const ProgressFn& progress);

// dataset.json: name, CRS, encoding and as_of.
// beyond_ningde: the parks spill over the Ningde extent (very large N); the manifest then turns the
// importer's region check off ("region": "any").
void write_dataset_json(const std::filesystem::path& dir, const Date& as_of, bool beyond_ningde = false);

}  // namespace parkgis::generator
