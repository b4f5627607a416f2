// Issue 15, basemaps: a GeoTIFF in another CRS (EPSG:4326) made with GDAL in the test, warped into the
// working CRS (EPSG:4549) under the map; XYZ templates through GDAL's WMS driver; 'render --basemap'.
#include <gtest/gtest.h>

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <QImage>
#include <QPainter>
#include <sstream>
#include <vector>

#include "app/cli/command.h"
#include "libgis/core/errors.h"
#include "libgis/render/basemap.h"
#include "libgis/render/map_renderer.h"
#include "libgis/store/store.h"
#include "tests/gui/gui_support.h"
#include "tests/support/cli_run.h"

namespace {

using namespace parkgis::render;

const Extent kZone{489216, 3013981, 489784, 3014619};  // zone YQ10-PQ1, EPSG:4549
const QColor kRaster(200, 30, 220);                     // the GeoTIFF's colour

// A 3-band GeoTIFF in EPSG:4326 (lon/lat) covering the zone with a margin, one colour throughout.
std::string make_geotiff_4326() {
  const std::string path = parkgis::test::gui_tmp("basemap-4326.tif");
  OGRSpatialReferenceH from = OSRNewSpatialReference(nullptr), to = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(from, 4549);
  OSRImportFromEPSG(to, 4326);
  OSRSetAxisMappingStrategy(from, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(to, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(from, to);
  double xs[2] = {kZone.minx - 300, kZone.maxx + 300}, ys[2] = {kZone.miny - 300, kZone.maxy + 300};
  OCTTransform(ct, 2, xs, ys, nullptr);
  GDALAllRegister();
  const int w = 64, h = 64;
  GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GTiff"), path.c_str(), w, h, 3, GDT_Byte, nullptr);
  double gt[6] = {xs[0], (xs[1] - xs[0]) / w, 0, ys[1], 0, -(ys[1] - ys[0]) / h};
  GDALSetGeoTransform(ds, gt);
  char* wkt = nullptr;
  OSRExportToWkt(to, &wkt);
  GDALSetProjection(ds, wkt);
  CPLFree(wkt);
  std::vector<unsigned char> band(static_cast<std::size_t>(w * h));
  const int rgb[3] = {kRaster.red(), kRaster.green(), kRaster.blue()};
  for (int b = 0; b < 3; ++b) {
    std::fill(band.begin(), band.end(), static_cast<unsigned char>(rgb[b]));
    EXPECT_EQ(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, w, h, band.data(), w, h, GDT_Byte, 0, 0), CE_None);
  }
  GDALClose(ds);
  OCTDestroyCoordinateTransformation(ct);
  OSRDestroySpatialReference(from);
  OSRDestroySpatialReference(to);
  return path;
}

// The zone with only the parks' outline layer off too: parcels, parks and zones hidden, no labels.
QImage zone_map(const std::vector<Basemap>& basemaps, QPoint* parcel_at = nullptr) {
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  MapRenderer r(*store);
  const MapTransform t = MapTransform::fit(kZone, 400, 440, 0.02);
  RenderSettings s;
  s.theme_id = "grade";
  for (LayerId l : kDrawOrder) s.visible.set(l, false);
  s.labels = false;
  s.basemaps = basemaps;
  if (parcel_at) {
    for (const Feature& f : r.loader().get(LayerId::parcels, t.extent())->features)
      if (f.id == "YQ10-PQ1-005")
        *parcel_at = QPoint(static_cast<int>(t.screen_x(f.shape.box.cx())), static_cast<int>(t.screen_y(f.shape.box.cy())));
  }
  QImage img(400, 440, QImage::Format_ARGB32_Premultiplied);
  QPainter p(&img);
  r.render(p, t, s);
  return img;
}

bool near(QColor a, QColor b, int tol) {
  return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol && std::abs(a.blue() - b.blue()) <= tol;
}

int render(const std::vector<std::string>& args, std::string* err = nullptr) {
  return parkgis::test::run_cli({"render", "--db", parkgis::test::ningde_db(), "--theme", "grade"}, args, err);
}

}  // namespace

TEST(Basemap, GeoTiffInAnotherCrsUnderAParcel) {
  const std::string tif = make_geotiff_4326();
  QPoint at(-1, -1);
  const QImage without = zone_map({}, &at);
  ASSERT_GE(at.x(), 0);  // parcel YQ10-PQ1-005 is in the view
  EXPECT_TRUE(near(without.pixelColor(at), background_color(), 1));
  const QImage with = zone_map({Basemap{tif}});
  EXPECT_TRUE(near(with.pixelColor(at), kRaster, 3)) << with.pixelColor(at).name().toStdString();
  EXPECT_TRUE(near(with.pixelColor(5, 5), kRaster, 3));  // the raster covers the view (300 m margin)
  // Half opaque: halfway between the background and the raster's colour.
  const QImage half = zone_map({Basemap{tif, 0.5}});
  const QColor bg = background_color(), mid((bg.red() + kRaster.red()) / 2, (bg.green() + kRaster.green()) / 2,
                                            (bg.blue() + kRaster.blue()) / 2);
  EXPECT_TRUE(near(half.pixelColor(at), mid, 3)) << half.pixelColor(at).name().toStdString();
  // Switched off: not drawn.
  EXPECT_TRUE(near(zone_map({Basemap{tif, 1.0, false}}).pixelColor(at), background_color(), 1));
}

TEST(Basemap, XyzTemplateOpensThroughGdal) {
  // No network: a file:// template. Opening reads no tile; GDAL's WMS driver accepts the description.
  const std::string folder = parkgis::test::gui_tmp("tiles");
  EXPECT_NO_THROW(check_basemap("xyz:file://" + folder + "/{z}/{x}/{y}.png"));
  const std::string xml = gdal_source("xyz:https://t0.example.cn/tile/{z}/{x}/{y}.png?k=a&b=c");
  EXPECT_NE(xml.find("/${z}/${x}/${y}.png?k=a&amp;b=c"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<Cache><Path>"), std::string::npos);
  EXPECT_EQ(basemap_attribution("xyz:https://t0.example.cn/tile/{z}/{x}/{y}.png", true), QStringLiteral("底图：t0.example.cn"));
}

TEST(Basemap, RenderCommand) {
  const std::string tif = make_geotiff_4326();
  std::string err;
  const std::string out = parkgis::test::gui_tmp("basemap-sheet.png");
  ASSERT_EQ(render({"--zone", "YQ10-PQ1", "--basemap", tif, "--basemap-opacity", "0.8", "-o", out}, &err), 0) << err;
  EXPECT_EQ(render({"--basemap", parkgis::test::gui_tmp("missing.tif"), "-o", out}, &err), 1);
  EXPECT_NE(err.find("cannot open basemap"), std::string::npos) << err;
  EXPECT_EQ(render({"--basemap-opacity", "0.5", "-o", out}, &err), 2);
  EXPECT_EQ(render({"--basemap", tif, "--basemap-opacity", "2", "-o", out}, &err), 2);
}
