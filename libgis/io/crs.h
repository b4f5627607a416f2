#pragma once
// Coordinate reference systems: naming, sanity checks of coordinates against the declared CRS, and the
// choice of the working CRS (CGCS2000 3-degree Gauss-Krüger, central-meridian form, e.g. EPSG:4549).
// Facts used (docs/dataset-format.md, domain brief §6.2): zone n = round(lon / 3); EPSG 4534..4554 are
// CM 75E..135E without zone prefix (false easting 500 000 m); EPSG 4513..4533 are zones 25..45 with
// the zone number prefixed to the easting (false easting n * 1 000 000 + 500 000 m).

#include <optional>
#include <string>

class OGRSpatialReference;
class OGREnvelope;

namespace parkgis::io {

// EPSG code of the CGCS2000 3-degree GK CRS without zone prefix whose zone contains lon (degrees east).
// 120.0 -> 4549, 118.6 -> 4549, 117.0 -> 4548. Throws DataError outside 73.5..136.5 E.
int cgcs2000_gk3_epsg(double lon_deg);

// EPSG code of a CRS when it has one (from its authority or by identifying it), else nullopt.
std::optional<int> epsg_code(const OGRSpatialReference& srs);

// "EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)" or the CRS name when it has no code.
std::string describe_crs(const OGRSpatialReference& srs);

// Result of checking that coordinates fit a declared CRS.
struct CrsFit {
  bool ok = true;
  std::string problem;     // what does not fit, with numbers ("eastings 40 400 000..40 420 000 m ...")
  std::string suggestion;  // the likely right CRS, e.g. "EPSG:4528", or "" when none can be named
};

// Checks an extent against a CRS: degrees declared as metres and the reverse, zone-prefixed eastings
// declared without prefix (and the reverse), and coordinates far outside the CRS's area of use (its EPSG
// area widened by 3 degrees). An empty extent, or one with non-finite numbers, is ok: nothing to check.
// Data in the wrong Gauss-Kruger zone of the same family (Ningde metres of CM 120E declared as CM 117E,
// EPSG:4548) still lie inside that zone, so this cannot catch them: use the overload below.
CrsFit check_extent_fits(const OGRSpatialReference& srs, const OGREnvelope& extent);

// A longitude/latitude box in degrees (CGCS2000/WGS84).
struct LonLatBox {
  double west = 0, south = 0, east = 0, north = 0;
};

// Ningde prefecture: 118°32'-120°43' E, 26°18'-27°40' N (domain brief §6.2).
inline constexpr LonLatBox kNingdeArea{118.53, 26.30, 120.72, 27.67};

// As above, and also checks that the data lie in the area the project expects (widened by 0.5 degree).
// When they do not and the CRS is a CGCS2000 Gauss-Kruger CRS, the suggestion is the CRS of the same
// family (3 or 6 degree, with or without zone prefix) whose central meridian puts them there: Ningde
// eastings declared as EPSG:4548 give "EPSG:4549".
CrsFit check_extent_fits(const OGRSpatialReference& srs, const OGREnvelope& extent, const LonLatBox& expected_area);

// Centre of an extent in the given CRS as longitude/latitude (degrees, CGCS2000/WGS84 order lon, lat).
// Returns false if it cannot be transformed.
bool extent_centre_lonlat(const OGRSpatialReference& srs, const OGREnvelope& extent, double* lon,
                          double* lat);

}  // namespace parkgis::io
