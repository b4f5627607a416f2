// Issue 15, basemaps: a GeoTIFF in another CRS (EPSG:4326) made with GDAL in the test, warped into the
// working CRS (EPSG:4549) under the map; XYZ templates through GDAL's WMS driver; 'render --basemap'.
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "app/cli/command.h"
#include "libgis/core/errors.h"
#include "libgis/render/basemap.h"
#include "libgis/render/map_document.h"
#include "libgis/render/map_export.h"
#include "libgis/render/map_renderer.h"
#include "libgis/store/store.h"
#include "tests/gui/basemap_support.h"
#include "tests/gui/gui_support.h"
#include "tests/support/cli_run.h"

namespace {

using namespace parkgis::render;

using parkgis::test::colour_near;
using parkgis::test::make_geotiff_4326;
const Extent kZone = parkgis::test::kZoneYQ10;
const QColor kRaster(200, 30, 220);  // the GeoTIFF's colour

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

bool near(QColor a, QColor b, int tol) { return colour_near(a, b, tol); }

int render(const std::vector<std::string>& args, std::string* err = nullptr) {
  return parkgis::test::run_cli({"render", "--db", parkgis::test::ningde_db(), "--theme", "grade"}, args, err);
}

}  // namespace

TEST(Basemap, GeoTiffInAnotherCrsUnderAParcel) {
  const std::string tif = make_geotiff_4326("basemap-4326.tif", kRaster);
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
  const std::string tif = make_geotiff_4326("basemap-4326.tif", kRaster);
  std::string err;
  const std::string out = parkgis::test::gui_tmp("basemap-sheet.png");
  ASSERT_EQ(render({"--zone", "YQ10-PQ1", "--basemap", tif, "--basemap-opacity", "0.8", "-o", out}, &err), 0) << err;
  EXPECT_EQ(render({"--basemap", parkgis::test::gui_tmp("missing.tif"), "-o", out}, &err), 1);
  EXPECT_NE(err.find("cannot open basemap"), std::string::npos) << err;
  EXPECT_EQ(render({"--basemap-opacity", "0.5", "-o", out}, &err), 2);
  EXPECT_EQ(render({"--basemap", tif, "--basemap-opacity", "2", "-o", out}, &err), 2);
}

namespace {

const QColor kGreen(30, 160, 60);  // a second GeoTIFF's colour

// c1·w1 + c2·w2 + c3·w3, channel by channel.
QColor mix(std::initializer_list<std::pair<QColor, double>> parts) {
  double r = 0, g = 0, b = 0;
  for (const auto& [c, w] : parts) r += c.red() * w, g += c.green() * w, b += c.blue() * w;
  return QColor(static_cast<int>(std::lround(r)), static_cast<int>(std::lround(g)), static_cast<int>(std::lround(b)));
}

// Where the map frame of a 1600×1130 sheet of zone YQ10-PQ1 begins (render's layout), 6 px inside:
// the top left, where no legend, north arrow or scale bar is drawn.
QPoint sheet_frame_corner() {
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  MapRenderer r(*store);
  MapExportRequest req;
  req.theme_id = "grade";
  req.zone_id = "YQ10-PQ1";
  const MapDocument doc = make_document(*store, r, req);
  QImage img(req.width, req.height, QImage::Format_ARGB32_Premultiplied);
  img.setDotsPerMeterX(3780);
  img.setDotsPerMeterY(3780);
  QPainter p(&img);
  return sheet_layout(p, QRectF(0, 0, req.width, req.height), doc).frame.topLeft().toPoint() + QPoint(6, 6);
}

}  // namespace

TEST(Basemap, SeveralInTheOrderGivenEachWithItsOpacity) {
  const std::string purple = make_geotiff_4326("basemap-purple.tif", kRaster), green = make_geotiff_4326("basemap-green.tif", kGreen);
  QPoint at(-1, -1);
  zone_map({}, &at);
  ASSERT_GE(at.x(), 0);
  // Purple at the bottom (opaque), green over it at 25 %: 0.75·(200,30,220) + 0.25·(30,160,60) = (157.5,62.5,180).
  const QImage a = zone_map({Basemap{purple, 1.0}, Basemap{green, 0.25}});
  EXPECT_TRUE(near(a.pixelColor(at), mix({{kRaster, 0.75}, {kGreen, 0.25}}), 3)) << a.pixelColor(at).name().toStdString();
  // The other order: 0.75·(30,160,60) + 0.25·(200,30,220) = (72.5,127.5,100).
  const QImage b = zone_map({Basemap{green, 1.0}, Basemap{purple, 0.25}});
  EXPECT_TRUE(near(b.pixelColor(at), mix({{kGreen, 0.75}, {kRaster, 0.25}}), 3)) << b.pixelColor(at).name().toStdString();
  // The top one hidden: the bottom one alone.
  EXPECT_TRUE(near(zone_map({Basemap{green, 1.0}, Basemap{purple, 1.0, false}}).pixelColor(at), kGreen, 3));
}

TEST(Basemap, RenderCommandTakesSeveralWithOpacitiesInOrder) {
  const std::string purple = make_geotiff_4326("basemap-purple.tif", kRaster), green = make_geotiff_4326("basemap-green.tif", kGreen);
  const std::string out = parkgis::test::gui_tmp("basemap-two.png");
  const QPoint corner = sheet_frame_corner();
  std::string err;
  // One opacity per basemap: purple opaque, green at 25 % over it (as above).
  ASSERT_EQ(render({"--zone", "YQ10-PQ1", "--basemap", purple, "--basemap", green, "--basemap-opacity", "1",
                    "--basemap-opacity", "0.25", "-o", out}, &err), 0) << err;
  QImage sheet(QString::fromStdString(out));
  EXPECT_TRUE(near(sheet.pixelColor(corner), mix({{kRaster, 0.75}, {kGreen, 0.25}}), 3)) << sheet.pixelColor(corner).name().toStdString();
  // One opacity for both, 0.5: purple over the paper (250,250,247) at 50 %, green over that at 50 %:
  // 0.25·paper + 0.25·purple + 0.5·green = (127.5,150,146.75).
  ASSERT_EQ(render({"--zone", "YQ10-PQ1", "--basemap", purple, "--basemap", green, "--basemap-opacity", "0.5", "-o", out}, &err), 0) << err;
  sheet = QImage(QString::fromStdString(out));
  EXPECT_TRUE(near(sheet.pixelColor(corner), mix({{background_color(), 0.25}, {kRaster, 0.25}, {kGreen, 0.5}}), 3))
      << sheet.pixelColor(corner).name().toStdString();
  // Two opacities for three basemaps: a usage error that says how they pair.
  EXPECT_EQ(render({"--basemap", purple, "--basemap", green, "--basemap", purple, "--basemap-opacity", "1",
                    "--basemap-opacity", "0.5", "-o", out}, &err), 2);
  EXPECT_NE(err.find("give one --basemap-opacity for all basemaps or one per --basemap (3 basemaps, 2 opacities)"),
            std::string::npos) << err;
}

TEST(Basemap, OfflineXyzTilesUnderAParcelOnASheet) {
  // PNG tiles of zooms 12–19 written with Qt into z/x/y folders, read through a file:// template by
  // GDAL's WMS driver (tile cache in a fresh folder), warped into EPSG:4549 at the sheet's resolution.
  const QColor tiles(20, 120, 200);
  const std::string folder = parkgis::test::make_xyz_tiles("xyz-tiles", tiles, 12, 19);
  setenv("PARKGIS_TILE_CACHE", parkgis::test::gui_tmp("tile-cache").c_str(), 1);
  const std::string source = "xyz:file://" + folder + "/{z}/{x}/{y}.png";
  // A sheet of the zone (render::export_map, as 'parkgis render' makes it) with the layers off: the pixel
  // under parcel YQ10-PQ1-005 (where the sheet's layout puts it) is the tiles' colour.
  MapExportRequest req;
  req.db_path = parkgis::test::ningde_db();
  req.theme_id = "grade";
  req.zone_id = "YQ10-PQ1";
  req.visible = LayerVisibility{{false, false, false, false, false, false}};
  req.basemaps = {Basemap{source}};
  req.out_path = parkgis::test::gui_tmp("xyz-layers-off.png");
  ASSERT_NO_THROW(export_map(req));
  QPoint at(-1, -1);
  {
    auto store = parkgis::store::open_spatialite(req.db_path);
    MapRenderer r(*store);
    const MapDocument doc = make_document(*store, r, req);
    QImage probe(req.width, req.height, QImage::Format_ARGB32_Premultiplied);
    probe.setDotsPerMeterX(3780);
    probe.setDotsPerMeterY(3780);
    QPainter p(&probe);
    const SheetLayout l = sheet_layout(p, QRectF(0, 0, req.width, req.height), doc);
    const Shape parcel = parkgis::test::parcel_shape("YQ10-PQ1-005");
    ASSERT_FALSE(parcel.empty());
    const Point c = label_point(parcel);
    at = QPoint(static_cast<int>(l.frame.left() + l.map.screen_x(c.x)), static_cast<int>(l.frame.top() + l.map.screen_y(c.y)));
  }
  const QImage off(QString::fromStdString(req.out_path));
  EXPECT_TRUE(near(off.pixelColor(at), tiles, 3)) << off.pixelColor(at).name().toStdString();
  // A sheet through 'parkgis render': the frame's corner is the tiles' colour, the footer names the source.
  const std::string out = parkgis::test::gui_tmp("xyz-sheet.png");
  std::string err;
  ASSERT_EQ(render({"--zone", "YQ10-PQ1", "--basemap", source, "-o", out}, &err), 0) << err;
  const QImage sheet(QString::fromStdString(out));
  const QPoint corner = sheet_frame_corner();
  EXPECT_TRUE(near(sheet.pixelColor(corner), tiles, 3)) << sheet.pixelColor(corner).name().toStdString();
  unsetenv("PARKGIS_TILE_CACHE");
}
