#pragma once
// Longitude and latitude of a point in the working CRS (its own geographic CRS, e.g. CGCS2000 for
// EPSG:4549), through OGR/PROJ, for the status bar.

#include <memory>
#include <optional>
#include <utility>

class OGRCoordinateTransformation;

namespace parkgis::viewer {

class GeoCoords {
 public:
  GeoCoords();
  ~GeoCoords();
  GeoCoords(const GeoCoords&) = delete;
  GeoCoords& operator=(const GeoCoords&) = delete;

  // Sets the working CRS (EPSG code); false when PROJ does not know it.
  bool set_epsg(int epsg);
  // (longitude, latitude) in degrees, or nullopt.
  std::optional<std::pair<double, double>> lon_lat(double x, double y) const;

 private:
  struct Deleter {
    void operator()(OGRCoordinateTransformation* t) const;
  };
  std::unique_ptr<OGRCoordinateTransformation, Deleter> m_transform;
};

}  // namespace parkgis::viewer
