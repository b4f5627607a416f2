#pragma once
// Raster basemaps under the map, through GDAL: any raster GDAL opens (a GeoTIFF or orthophoto in any
// CRS, MBTiles, a GDAL WMS/TMS XML file) and XYZ tile templates ("xyz:https://…/{z}/{x}/{y}.png" or
// "xyz:file:///…/{z}/{x}/{y}.png", through GDAL's WMS driver with an on-disk tile cache). Each view is
// reprojected into the working CRS by GDALWarp into memory: no CRS maths of our own.

#include <QImage>
#include <string>

#include "libgis/render/layer_loader.h"
#include "libgis/render/map_transform.h"

namespace parkgis::render {

struct Basemap {
  std::string source;    // a file, or "xyz:" + URL template
  double opacity = 1.0;  // 0–1
  bool visible = true;
  friend bool operator==(const Basemap&, const Basemap&) = default;
};

// The GDAL name of a source: the file itself, or the GDAL_WMS XML of an XYZ template (tiles cached in
// tile_cache_folder()).
std::string gdal_source(const std::string& source);
// $PARKGIS_TILE_CACHE, else $XDG_CACHE_HOME/parkgis/tiles, else ~/.cache/parkgis/tiles.
std::string tile_cache_folder();

// Throws DataError when GDAL cannot open `source` as a georeferenced raster (with GDAL's message).
void check_basemap(const std::string& source);

// The basemap as seen in view `t` (working CRS EPSG:srid), `ratio` device pixels per view pixel;
// transparent where it has no data. A null image when it cannot be read (the map is drawn without it).
// cancel() is asked while GDALWarp runs (a slow tile server); true stops it with Cancelled.
QImage warp_basemap(const std::string& source, int srid, const MapTransform& t, double ratio = 1.0,
                    const CancelFn& cancel = {});

// "ortho.tif" (the file name), or the template's host ("t0.example.cn"), for layer lists.
QString basemap_name(const std::string& source);
// "底图：ortho.tif" / "Basemap: ortho.tif".
QString basemap_attribution(const std::string& source, bool zh);

}  // namespace parkgis::render
