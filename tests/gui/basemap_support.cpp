#include "tests/gui/basemap_support.h"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <QDir>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "tests/gui/gui_support.h"

namespace parkgis::test {

namespace {

// Points of EPSG:4549 into EPSG:epsg (x, y in place), through OGR.
void transform(int epsg, std::vector<double>& xs, std::vector<double>& ys) {
  OGRSpatialReferenceH from = OSRNewSpatialReference(nullptr), to = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(from, 4549);
  OSRImportFromEPSG(to, epsg);
  OSRSetAxisMappingStrategy(from, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(to, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(from, to);
  OCTTransform(ct, static_cast<int>(xs.size()), xs.data(), ys.data(), nullptr);
  OCTDestroyCoordinateTransformation(ct);
  OSRDestroySpatialReference(from);
  OSRDestroySpatialReference(to);
}

std::string wkt_of(int epsg) {
  OGRSpatialReferenceH s = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(s, epsg);
  char* wkt = nullptr;
  OSRExportToWkt(s, &wkt);
  std::string out = wkt;
  CPLFree(wkt);
  OSRDestroySpatialReference(s);
  return out;
}

}  // namespace

bool colour_near(QColor a, QColor b, int tol) {
  return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol && std::abs(a.blue() - b.blue()) <= tol;
}

std::string make_geotiff_4326(const std::string& name, QColor colour, const render::Extent& e) {
  const std::string path = gui_tmp(name);
  std::vector<double> xs{e.minx - 300, e.maxx + 300}, ys{e.miny - 300, e.maxy + 300};
  transform(4326, xs, ys);
  GDALAllRegister();
  const int w = 64, h = 64;
  GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), w, h, 3, GDT_Byte, nullptr);
  double gt[6] = {xs[0], (xs[1] - xs[0]) / w, 0, ys[1], 0, -(ys[1] - ys[0]) / h};
  GDALSetGeoTransform(ds, gt);
  GDALSetProjection(ds, wkt_of(4326).c_str());
  std::vector<unsigned char> band(static_cast<std::size_t>(w * h));
  const int rgb[3] = {colour.red(), colour.green(), colour.blue()};
  for (int b = 0; b < 3; ++b) {
    std::fill(band.begin(), band.end(), static_cast<unsigned char>(rgb[b]));
    if (GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, w, h, band.data(), w, h, GDT_Byte, 0, 0) != CE_None)
      return {};
  }
  GDALClose(ds);
  return path;
}

std::string make_xyz_tiles(const std::string& name, QColor colour, int zmin, int zmax, const render::Extent& e) {
  const std::string folder = gui_tmp(name);
  std::vector<double> xs{e.minx - 300, e.maxx + 300}, ys{e.miny - 300, e.maxy + 300};
  transform(3857, xs, ys);
  // Web mercator tiles: 2^z columns and rows over ±20037508.34 m, row 0 at the top.
  const double half = 20037508.342789244;
  QImage tile(256, 256, QImage::Format_RGB32);
  tile.fill(colour);
  for (int z = zmin; z <= zmax; ++z) {
    const double size = 2 * half / std::pow(2.0, z);
    const int x0 = static_cast<int>(std::floor((xs[0] + half) / size)), x1 = static_cast<int>(std::floor((xs[1] + half) / size));
    const int y0 = static_cast<int>(std::floor((half - ys[1]) / size)), y1 = static_cast<int>(std::floor((half - ys[0]) / size));
    for (int x = x0; x <= x1; ++x) {
      const QString dir = QStringLiteral("%1/%2/%3").arg(QString::fromStdString(folder)).arg(z).arg(x);
      QDir().mkpath(dir);
      for (int y = y0; y <= y1; ++y) tile.save(QStringLiteral("%1/%2.png").arg(dir).arg(y), "PNG");
    }
  }
  return folder;
}

std::string make_reference_line(const std::string& name, double y, const render::Extent& e) {
  const std::string path = gui_tmp(name);
  std::vector<double> xs{e.minx - 100, e.maxx + 100}, ys{y, y};
  transform(4326, xs, ys);
  GDALAllRegister();
  VSIUnlink(path.c_str());  // GeoJSON is not overwritten
  GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GeoJSON"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  OGRLayerH layer = GDALDatasetCreateLayer(ds, "roads", srs, wkbLineString, nullptr);
  OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
  OGRGeometryH line = OGR_G_CreateGeometry(wkbLineString);
  OGR_G_AddPoint_2D(line, xs[0], ys[0]);
  OGR_G_AddPoint_2D(line, xs[1], ys[1]);
  OGR_F_SetGeometryDirectly(f, line);
  EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
  OGR_F_Destroy(f);
  GDALClose(ds);
  OSRDestroySpatialReference(srs);
  return path;
}

double ink_in_column(const QImage& img, int x, int y0, int y1, QColor paper, QColor ink) {
  double sum = 0;
  for (int y = y0; y <= y1; ++y)
    sum += static_cast<double>(paper.green() - img.pixelColor(x, y).green()) / (paper.green() - ink.green());
  return sum;
}

}  // namespace parkgis::test
