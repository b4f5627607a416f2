#pragma once
// A tiny cadastre in two versions, for the tests of 'parkgis import --update' (SpatiaLite and PostGIS).
//
// Version 1 (dataset.json as_of 2025-06-30), all in zone Z1 = park P1 = [0,1000]², supplied 2020-01-01,
// started 2020-06-01, land use 0601, one one-storey 20 m × 20 m building on each parcel:
//   PG [0,100]x[0,100]   holder E1   (its shape grows in version 2)
//   PH [200,300]x[0,100] holder E1   (its holder becomes E2 in version 2)
//   PR [400,500]x[0,100] holder E2   (removed in version 2, with its building bR)
// Version 2 (as_of 2026-06-30): PG [0,150]x[0,100]; PH held by E2; PR gone; PN [600,700]x[0,100] added
// (holder E2, building bN).
// Enterprises: E1 2025 output 1500 tax 150, 2026 output 3000 tax 300; E2 2025 output 600 tax 60, 2026
// output 900 tax 90 (each evaluation uses its own year's figures). Coordinates in EPSG:4549 from
// (500000, 2950000).

#include <filesystem>

namespace parkgis::test {

// Writes version 1 or 2 of the dataset into `dir` (created).
void write_version(const std::filesystem::path& dir, int version);

}  // namespace parkgis::test
