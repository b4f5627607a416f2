#include "app/viewer/geo_coords.h"

#include <ogr_spatialref.h>

namespace parkgis::viewer {

void GeoCoords::Deleter::operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }

GeoCoords::GeoCoords() = default;
GeoCoords::~GeoCoords() = default;

bool GeoCoords::set_epsg(int epsg) {
  m_transform.reset();
  OGRSpatialReference src;
  if (src.importFromEPSG(epsg) != OGRERR_NONE) return false;
  src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRSpatialReference> geo(src.CloneGeogCS());
  if (!geo) return false;
  geo->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  m_transform.reset(OGRCreateCoordinateTransformation(&src, geo.get()));
  return m_transform != nullptr;
}

std::optional<std::pair<double, double>> GeoCoords::lon_lat(double x, double y) const {
  if (!m_transform) return std::nullopt;
  double px = x, py = y;
  if (!m_transform->Transform(1, &px, &py)) return std::nullopt;
  return std::make_pair(px, py);
}

}  // namespace parkgis::viewer
