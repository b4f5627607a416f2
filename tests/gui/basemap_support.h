#pragma once
// Basemaps and reference layers made in the tests with GDAL and Qt, over zone YQ10-PQ1 of the sample
// (EPSG:4549), in other CRSs so that reprojection is exercised: a one-colour GeoTIFF in EPSG:4326, a
// folder of one-colour XYZ PNG tiles (web mercator z/x/y) and a GeoJSON line in EPSG:4326.

#include <QColor>
#include <QImage>
#include <string>

#include "libgis/render/map_transform.h"

namespace parkgis::test {

inline const render::Extent kZoneYQ10{489216, 3013981, 489784, 3014619};  // zone YQ10-PQ1, EPSG:4549

// A 3-band GeoTIFF in EPSG:4326 covering `e` (EPSG:4549) with a 300 m margin, all `colour`.
std::string make_geotiff_4326(const std::string& name, QColor colour, const render::Extent& e = kZoneYQ10);

// XYZ tiles (256 px PNGs made with Qt) of zooms zmin..zmax covering `e` (EPSG:4549) with a 300 m margin,
// all `colour`, written to <folder>/{z}/{x}/{y}.png. Returns the folder.
std::string make_xyz_tiles(const std::string& name, QColor colour, int zmin, int zmax, const render::Extent& e = kZoneYQ10);

// A GeoJSON in EPSG:4326 with one line: the horizontal line at y (EPSG:4549; default the middle of the
// zone, the road between its blocks) from 100 m west of the zone to 100 m east of it.
std::string make_reference_line(const std::string& name, double y = kZoneYQ10.cy(), const render::Extent& e = kZoneYQ10);

// How many pixels of `ink` a column of `img` holds between rows y0 and y1 (inclusive) over `paper`:
// per pixel (paper − pixel) / (paper − ink) on the green channel, summed. A 1.2 px line gives ≈ 1.2.
double ink_in_column(const QImage& img, int x, int y0, int y1, QColor paper, QColor ink);

bool colour_near(QColor a, QColor b, int tolerance);

}  // namespace parkgis::test
