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
// declared without prefix (and the reverse), and coordinates far outside the CRS's area of use.
CrsFit check_extent_fits(const OGRSpatialReference& srs, const OGREnvelope& extent);

// Centre of an extent in the given CRS as longitude/latitude (degrees, CGCS2000/WGS84 order lon, lat).
// Returns false if it cannot be transformed.
bool extent_centre_lonlat(const OGRSpatialReference& srs, const OGREnvelope& extent, double* lon,
                          double* lat);

}  // namespace parkgis::io
