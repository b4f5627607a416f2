#pragma once
// A hand-made dataset small enough to check by hand, written through GDAL in any CRS, encoding and
// field naming. Coordinates are designed in EPSG:4549 around (500000, 2950000):
//   park P1 = [0,1000]x[0,1000]; zones Z1 = [0,500]x[0,1000], Z2 = [500,1000]x[0,1000] (relative).
//   parcels: A [10,110]² in Z1 (zone_id given); B [600,700]x[10,110] (zone_id empty -> Z2 by overlap);
//            C bow-tie in Z1 (invalid, repaired to two triangles of 50 m² each... scaled: 2 x 2500 m²);
//            D [2000,2100]x[0,100] outside every zone; A again (duplicate id).
//   buildings: b1 [20,40]x[20,40] in A, floors 2, floor_area empty -> 400 m² x 2 = 800 m².
//   approvals: AP1 = Z1. enterprises.csv: E1 (宁德时代新能源科技股份有限公司).

#include <map>
#include <optional>
#include <string>

namespace parkgis::test {

struct TinyOptions {
  std::optional<int> epsg = 4549;    // CRS to write in (nullopt: write EPSG:4549 coordinates, no .prj)
  double x_offset = 0;               // added to eastings after projection (e.g. 40e6 for a zone prefix)
  std::string encoding = "UTF-8";    // shapefile ENCODING layer option ("CP936", ...)
  bool keep_cpg = true;              // false: delete the .cpg files afterwards
  std::map<std::string, std::string> rename;  // canonical field -> field name to write instead
  std::string enterprise_name = "宁德时代新能源科技股份有限公司";
  // Adds one of each data defect the importer must report: B names an unknown zone (Z9) and an unknown
  // enterprise (E404) and has a supply date 2020-02-30 (dates then written as text); a parcel without
  // geometry (N); a parcel without id; enterprise E2 with output "12万" (not a number).
  bool defects = false;
  // Adds Order 53 and 批而未供 cases: A is government-caused (gov_cause 是, land price 200 万元) with a
  // 认定书, a completed disposal 延期 (2025-03-01) and developed_m2 100 (below its 400 m² building); B is supplied 2021-01-01 with agreed start
  // 2021-06-01 and land price 300 万元, never started, no buildings; C is supplied 2024-01-10 without an
  // agreed start; approval AP2 = Z2 is approved 2027-01-01.
  bool order53 = false;
  // Adds rented floors (tenancies.csv) and what they need; see write_tiny_dataset for the figures:
  // parcel F [110,210]x[10,110] held by E4 (supplied 2021-01-01), parcel G [300,400]x[500,600] held by E1
  // but supplied 2027-01-01; building b2 [100,120]x[50,70] (1200 m², half on A, half on F) with 200 m²
  // vacant since 2026-03-01; b3 [310,330]x[510,530] on G (400 m²) with 100 m² idle (闲置), undated.
  // Enterprises E3 (tenant; 2025: output 6000, tax 300) and E4 (2024 only: output 2000, tax 100).
  // Leases: E3 rents 400 m² of b1 (from 2025-01-01, open) and 600 m² of b2 (2024-01-01 to 2027-12-31);
  // E4's lease of b1 expired 2025-12-31; E5's starts 2026-07-01; E3 rents 100 m² of b3 (on G, not held),
  // and E4 450 m² of b3 (together over its floor); and one lease for each check: unknown building,
  // unknown enterprise, end before start, leased_m2 0, leased_m2 not a number.
  bool tenancies = false;
};

// Writes the dataset into folder (which must exist).
void write_tiny_dataset(const std::string& folder, const TinyOptions& options = {});

}  // namespace parkgis::test
