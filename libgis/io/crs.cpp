#include "libgis/io/crs.h"
#include "libgis/core/errors.h"
namespace parkgis::io {
int cgcs2000_gk3_epsg(double) { throw DataError("crs: not implemented yet"); }
std::optional<int> epsg_code(const OGRSpatialReference&) { return std::nullopt; }
std::string describe_crs(const OGRSpatialReference&) { return ""; }
CrsFit check_extent_fits(const OGRSpatialReference&, const OGREnvelope&) { return {}; }
bool extent_centre_lonlat(const OGRSpatialReference&, const OGREnvelope&, double*, double*) { return false; }
}
