// Issue 15, basemaps and reference layers in the viewer (File › 添加底图…, 添加参考图层…, parkgis-viewer
// --basemap/--reference): drawn by the render thread under the parcels, on/off and opacity in the
// layer list, the attribution on the map's corner, a translated dialog for a source that cannot be
// read; and 'parkgis render --reference'. Zone YQ10-PQ1 of the sample, parcel YQ10-PQ1-005.
// PARKGIS_SCREENSHOT_DIR=docs/screenshots writes viewer-basemap.png and viewer-basemap-en.png.
#include <gtest/gtest.h>

#include <gdal.h>
#include <ogr_api.h>

#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QCoreApplication>
#include <QListWidget>
#include <QPainter>
#include <QSlider>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "app/viewer/added_layers.h"
#include "app/viewer/basemap_dialog.h"
#include "app/viewer/language.h"
#include "app/viewer/layer_panel.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/print_dialog.h"
#include "libgis/render/map_document.h"
#include "libgis/render/map_renderer.h"
#include "libgis/store/store.h"
#include "tests/gui/basemap_support.h"
#include "tests/gui/gui_support.h"
#include "tests/support/cli_run.h"

namespace {

using namespace parkgis;
using namespace parkgis::render;
using test::colour_near;

const QColor kRaster(200, 30, 220);

QImage canvas_image(viewer::MainWindow& w) {
  EXPECT_TRUE(test::wait_for([&] { return w.idle(); }));
  return w.canvas()->grab().toImage();
}

// The window on zone YQ10-PQ1 with the parcels and labels off (the basemap shows inside the park).
std::unique_ptr<viewer::MainWindow> zone_window() {
  auto w = test::open_window();
  if (!w) return w;
  w->show_unit(QStringLiteral("YQ10-PQ1"));
  w->layer_panel()->set_layer_shown(LayerId::parcels, false);
  QListWidget* panel = w->layer_panel();
  panel->item(panel->count() - 1)->setCheckState(Qt::Unchecked);  // labels
  test::wait_for([&] { return w->idle(); });
  return w;
}

// The map of the zone with every layer off and these reference layers (MapRenderer, as render draws).
QImage zone_map(const std::vector<ReferenceLayer>& refs, bool parcels, MapTransform* view) {
  auto store = store::open_spatialite(test::ningde_db());
  MapRenderer r(*store);
  const MapTransform t = MapTransform::fit(test::kZoneYQ10, 400, 440, 0.02);
  RenderSettings s;
  s.theme_id = "grade";
  for (LayerId l : kDrawOrder) s.visible.set(l, l == LayerId::parcels && parcels);
  s.labels = false;
  s.references = refs;
  QImage img(400, 440, QImage::Format_ARGB32_Premultiplied);
  QPainter p(&img);
  r.render(p, t, s);
  if (view) *view = t;
  return img;
}

int render_cli(const std::vector<std::string>& args, std::string* err) {
  return test::run_cli({"render", "--db", test::ningde_db(), "--theme", "grade"}, args, err);
}

}  // namespace

TEST(ViewerBasemap, UnderTheParcelsOnOffAndOpacity) {
  const std::string tif = test::make_geotiff_4326("viewer-basemap.tif", kRaster);
  auto w = zone_window();
  ASSERT_TRUE(w);
  const QPoint at = test::screen_point_of(*w, "YQ10-PQ1-005");
  ASSERT_TRUE(w->canvas()->rect().contains(at));
  // No basemap: the park's fill under the parcel (the parcels are off).
  const QColor park = reference_style(LayerId::parks).fill;
  EXPECT_TRUE(colour_near(canvas_image(*w).pixelColor(at), park, 2)) << canvas_image(*w).pixelColor(at).name().toStdString();

  ASSERT_TRUE(w->add_basemap(Basemap{tif}));
  // The basemap's colour (the park is drawn unfilled over a basemap); its source on the map's corner.
  QImage img = canvas_image(*w);
  EXPECT_TRUE(colour_near(img.pixelColor(at), kRaster, 3)) << img.pixelColor(at).name().toStdString();
  EXPECT_EQ(w->canvas()->attribution(), QStringLiteral("底图：viewer-basemap.tif"));
  EXPECT_EQ(w->canvas()->settings().basemaps.size(), 1u);

  // Switched off in the layer list: gone, the park filled again, no attribution.
  w->added_layers()->basemap_box(0)->setChecked(false);
  img = canvas_image(*w);
  EXPECT_TRUE(colour_near(img.pixelColor(at), park, 2)) << img.pixelColor(at).name().toStdString();
  EXPECT_TRUE(w->canvas()->attribution().isEmpty());

  // On at 50 % opacity: halfway between the paper (250,250,247) and (200,30,220) = (225,140,233.5).
  w->added_layers()->basemap_box(0)->setChecked(true);
  w->added_layers()->opacity_slider(0)->setValue(50);
  img = canvas_image(*w);
  const QColor paper = background_color();
  const QColor half((paper.red() + kRaster.red()) / 2, (paper.green() + kRaster.green()) / 2, (paper.blue() + kRaster.blue()) / 2);
  EXPECT_TRUE(colour_near(img.pixelColor(at), half, 3)) << img.pixelColor(at).name().toStdString();
  EXPECT_DOUBLE_EQ(w->canvas()->settings().basemaps[0].opacity, 0.5);
}

// Pixels of `img` within 3 of colour c in every channel.
int pixels_of(const QImage& img, QColor c) {
  int n = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) n += colour_near(img.pixelColor(x, y), c, 3);
  return n;
}

TEST(ViewerBasemap, PrintedSheetsCarryTheViewersBasemaps) {
  const std::string tif = test::make_geotiff_4326("print-basemap.tif", kRaster);
  auto w = zone_window();
  ASSERT_TRUE(w);
  viewer::PrintChoice c;
  c.layout.dpi = 72;  // A4 portrait: 595 × 842 px
  c.title = QStringLiteral("底图");
  c.date = QStringLiteral("2026-06-30");
  const auto print = [&](const std::string& name) {
    c.path = QString::fromStdString(test::gui_tmp(name));
    QString error = QStringLiteral("pending");
    w->print_map(c, [&](const QString& e) { error = e; });
    EXPECT_TRUE(test::wait_for([&] { return error != QLatin1String("pending"); }));
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    return QImage(c.path);
  };
  EXPECT_EQ(pixels_of(print("print-without.png"), kRaster), 0);
  ASSERT_TRUE(w->add_basemap(Basemap{tif}));
  // The sheet draws the basemap through the same libgis code as 'parkgis render --basemap': its colour
  // fills the map frame around and between the zone's blocks (the parcels are off, as in the view).
  EXPECT_GT(pixels_of(print("print-with.png"), kRaster), 20000);
}

TEST(ViewerBasemap, ReferenceLayerLineCrossesItsPixel) {
  const std::string roads = test::make_reference_line("viewer-roads.geojson");
  auto w = zone_window();
  ASSERT_TRUE(w);
  const MapTransform& v = w->canvas()->view();
  const int x = static_cast<int>(v.screen_x(test::kZoneYQ10.cx())), y = static_cast<int>(v.screen_y(test::kZoneYQ10.cy()));
  const QImage before = canvas_image(*w);
  ASSERT_TRUE(w->add_reference(QString::fromStdString(roads)));
  const QImage after = canvas_image(*w);
  // The line, 1.2 px wide, in the column of the zone's centre: 1.2 px of grey over the rows around it.
  const QColor paper = before.pixelColor(x, y);
  EXPECT_NEAR(test::ink_in_column(after, x, y - 3, y + 3, paper, reference_line_color()), 1.2, 0.25);
  EXPECT_NEAR(test::ink_in_column(before, x, y - 3, y + 3, paper, reference_line_color()), 0.0, 0.1);
  // Off in the layer list: gone.
  w->added_layers()->reference_box(0)->setChecked(false);
  EXPECT_NEAR(test::ink_in_column(canvas_image(*w), x, y - 3, y + 3, paper, reference_line_color()), 0.0, 0.1);
}

TEST(ViewerBasemap, UnreadableSourcesShowATranslatedDialog) {
  auto w = test::open_window();
  ASSERT_TRUE(w);
  QString shown;
  QObject::connect(w.get(), &viewer::MainWindow::error_shown, w.get(), [&](const QString& m) { shown = m; });
  const std::string missing = test::gui_tmp("no-such-roads.shp");
  EXPECT_FALSE(w->add_reference(QString::fromStdString(missing)));
  EXPECT_EQ(shown.toStdString(),
            "无法读取参考图层。请用“文件 › 添加参考图层…”选择带 .prj 的 shapefile、GeoPackage 或写明坐标系的 GeoJSON。\n\n"
            "cannot open reference layer " + missing + " as vector data (no such file); give a shapefile, GeoPackage, GeoJSON or other file OGR reads");
  EXPECT_FALSE(w->add_basemap(Basemap{test::gui_tmp("no-such-ortho.tif")}));
  EXPECT_TRUE(shown.startsWith(QStringLiteral("无法读取底图。"))) << shown.toStdString();
  EXPECT_TRUE(w->canvas()->settings().basemaps.empty());
  EXPECT_TRUE(w->canvas()->settings().references.empty());
}

TEST(ViewerBasemap, DialogKeepsXyzAddressesInThePreferences) {
  const std::string folder = test::make_xyz_tiles("dialog-tiles", QColor(20, 120, 200), 17, 17);
  const QString url = QStringLiteral("file://%1/{z}/{x}/{y}.png?tk=MYKEY").arg(QString::fromStdString(folder));
  viewer::BasemapDialog dlg;
  dlg.xyz_edit()->setCurrentText(QStringLiteral("https://tiles.example.cn/no-placeholders.png"));
  dlg.accept();
  EXPECT_EQ(dlg.result(), QDialog::Rejected);  // stays open
  EXPECT_FALSE(dlg.problem().isEmpty());
  dlg.xyz_edit()->setCurrentText(url);
  dlg.opacity()->setValue(70);
  dlg.accept();
  EXPECT_EQ(dlg.result(), QDialog::Accepted) << dlg.problem().toStdString();
  ASSERT_TRUE(dlg.choice());
  EXPECT_EQ(dlg.choice()->source, "xyz:" + url.toStdString());
  EXPECT_DOUBLE_EQ(dlg.choice()->opacity, 0.7);
  EXPECT_EQ(viewer::BasemapDialog::saved_xyz_templates().value(0), url);
  viewer::BasemapDialog again;  // the next time: offered in the list
  EXPECT_GE(again.xyz_edit()->findText(url), 0);
}

TEST(ReferenceLayer, GreyLineOverTheBasemapUnderTheParcels) {
  // 40 m north of the zone's middle: across the parcels of its middle blocks.
  const double line_y = test::kZoneYQ10.cy() + 40;
  const std::string roads = test::make_reference_line("render-roads.geojson", line_y);
  MapTransform t;
  const QImage without = zone_map({}, false, &t);
  const QImage with = zone_map({ReferenceLayer{roads}}, false, nullptr);
  const int x = static_cast<int>(t.screen_x(test::kZoneYQ10.cx())), y = static_cast<int>(t.screen_y(line_y));
  // Reprojected from EPSG:4326 onto its row: 1.2 px of grey in the column of the zone's centre.
  EXPECT_NEAR(test::ink_in_column(with, x, y - 3, y + 3, background_color(), reference_line_color()), 1.2, 0.25);
  EXPECT_NEAR(test::ink_in_column(without, x, y - 3, y + 3, background_color(), reference_line_color()), 0.0, 0.05);
  // Under the parcels: where the line crosses a parcel's inside (a 7×5 block of one fill colour), the
  // parcels hide it.
  const QImage parcels = zone_map({}, true, nullptr), parcels_and_roads = zone_map({ReferenceLayer{roads}}, true, nullptr);
  const auto inside_a_parcel = [&](int px) {
    for (int dx = -3; dx <= 3; ++dx)
      for (int dy = -2; dy <= 2; ++dy)
        if (parcels.pixel(px + dx, y + dy) != parcels.pixel(px, y) || parcels.pixel(px + dx, y + dy) == without.pixel(px + dx, y + dy))
          return false;
    return true;
  };
  int hidden = 0;
  for (int px = 3; px + 3 < parcels.width(); ++px)
    if (inside_a_parcel(px)) {
      EXPECT_EQ(parcels.pixel(px, y), parcels_and_roads.pixel(px, y)) << px;
      ++hidden;
    }
  EXPECT_GT(hidden, 20) << "the line should cross parcels";
}

TEST(ReferenceLayer, NamedInTheSheetsLegend) {
  MapDocument doc;
  doc.selection_label = QStringLiteral("选中宗地（2 宗）");
  doc.settings.references = {ReferenceLayer{"/data/道路.geojson"}, ReferenceLayer{"/data/河流.shp", false}};
  const std::vector<LegendEntry> extra = sheet_legend_extra(doc);
  ASSERT_EQ(extra.size(), 2u);  // the selection, then the reference layer shown (the hidden one is not)
  EXPECT_EQ(extra[0].label, QStringLiteral("选中宗地（2 宗）"));
  EXPECT_EQ(extra[1].label, QStringLiteral("道路.geojson"));
  EXPECT_EQ(extra[1].kind, LegendEntry::outline);
  EXPECT_EQ(extra[1].style.stroke, reference_line_color());
}

TEST(ReferenceLayer, RenderCommandAndItsErrors) {
  const std::string roads = test::make_reference_line("cli-roads.geojson");
  const std::string out = test::gui_tmp("reference-sheet.png");
  std::string err;
  ASSERT_EQ(render_cli({"--zone", "YQ10-PQ1", "--reference", roads, "--reference", roads, "-o", out}, &err), 0) << err;
  const std::string missing = test::gui_tmp("missing-roads.gpkg");
  EXPECT_EQ(render_cli({"--reference", missing, "-o", out}, &err), 1);
  EXPECT_EQ(err, "parkgis render: error: cannot open reference layer " + missing + " as vector data (no such file); give a shapefile, GeoPackage, GeoJSON or other file OGR reads\n");
  // A shapefile without its .prj: no coordinate system.
  const std::string shp = test::gui_tmp("no-prj.shp");
  {
    GDALAllRegister();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("ESRI Shapefile"), shp.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "no-prj", nullptr, wkbLineString, nullptr);
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGRGeometryH line = OGR_G_CreateGeometry(wkbLineString);
    OGR_G_AddPoint_2D(line, 489300, 3014300);
    OGR_G_AddPoint_2D(line, 489700, 3014300);
    OGR_F_SetGeometryDirectly(f, line);
    EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
    OGR_F_Destroy(f);
    GDALClose(ds);
  }
  EXPECT_EQ(render_cli({"--reference", shp, "-o", out}, &err), 1);
  EXPECT_EQ(err, "parkgis render: error: reference layer " + shp +
                     " (layer no-prj) has no coordinate system; add its .prj (shapefile) or give a file that names its CRS\n");
}

// For the screenshots: a synthetic "imagery" GeoTIFF in EPSG:4326 (fields in soft greens and tans, made
// here; no real imagery is shipped) and two reference lines (the roads between the zone's blocks).
std::string make_fields_geotiff() {
  const std::string plain = test::make_geotiff_4326("fields.tif", QColor(150, 175, 120));
  GDALDatasetH ds = GDALOpen(plain.c_str(), GA_Update);
  const int w = GDALGetRasterXSize(ds), h = GDALGetRasterYSize(ds);
  std::vector<unsigned char> band(static_cast<std::size_t>(w * h));
  const int base[3] = {150, 175, 120}, tan[3] = {196, 184, 146};
  for (int b = 0; b < 3; ++b) {
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const double f = 0.5 + 0.5 * std::sin(x * 0.37 + std::cos(y * 0.21) * 2.0) * std::cos(y * 0.29);
        band[static_cast<std::size_t>(y * w + x)] = static_cast<unsigned char>(base[b] + (tan[b] - base[b]) * f);
      }
    EXPECT_EQ(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, w, h, band.data(), w, h, GDT_Byte, 0, 0), CE_None);
  }
  GDALClose(ds);
  return plain;
}

TEST(ViewerBasemap, Screenshots) {
  const char* dir = std::getenv("PARKGIS_SCREENSHOT_DIR");
  if (!dir) GTEST_SKIP() << "PARKGIS_SCREENSHOT_DIR=docs/screenshots writes viewer-basemap.png and viewer-basemap-en.png";
  auto w = test::open_window();
  ASSERT_TRUE(w);
  w->resize(1440, 900);
  w->set_theme(QStringLiteral("grade"));
  w->show_unit(QStringLiteral("YQ10-PQ1"));
  ASSERT_TRUE(w->add_basemap(Basemap{make_fields_geotiff(), 0.9}));
  ASSERT_TRUE(w->add_reference(QString::fromStdString(test::make_reference_line("道路.geojson"))));
  ASSERT_TRUE(test::wait_for([&] { return w->idle(); }));
  EXPECT_TRUE(w->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/viewer-basemap.png"), "PNG"));
  viewer::set_language(QStringLiteral("en"));
  w->resize(1900, 900);  // the English toolbar is wider
  QCoreApplication::processEvents();
  ASSERT_TRUE(test::wait_for([&] { return w->idle(); }));
  EXPECT_TRUE(w->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/viewer-basemap-en.png"), "PNG"));
  viewer::set_language(QStringLiteral("zh_CN"));
  QCoreApplication::processEvents();
}

// A source that fails every redraw (a basemap on a network share gone offline) must not open a dialog
// at every pan or zoom: a render failure is shown once, until a map is drawn again or the message
// changes. Linux keeps a deleted file readable through GDAL's open handle, so the failures are sent as
// the render thread sends them.
TEST(ViewerBasemap, ARepeatedRenderFailureIsShownOnce) {
  auto w = zone_window();
  ASSERT_TRUE(w);
  int shown = 0;
  QObject::connect(w.get(), &viewer::MainWindow::error_shown, w.get(), [&](const QString&) { ++shown; });
  const QString gone = QStringLiteral("cannot read basemap /mnt/share/ortho.tif");
  for (int i = 0; i < 3; ++i) emit w->renderer()->failed(gone);
  EXPECT_EQ(shown, 1);
  emit w->renderer()->failed(QStringLiteral("another failure"));
  EXPECT_EQ(shown, 2);
  w->canvas()->zoom_by(2.0);  // drawn again: the same failure later is news
  canvas_image(*w);
  emit w->renderer()->failed(gone);
  EXPECT_EQ(shown, 3);
}
