// Selection by click, shift-click and rectangle into the table of selected parcels, and its export for
// a survey through the exporter.
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <QTest>
#include <filesystem>

#include "app/viewer/map_canvas.h"
#include "app/viewer/queries.h"
#include "libgis/store/store.h"
#include "tests/gui/gui_support.h"

namespace {

parkgis::render::Extent zone_box(const std::string& zone) {
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  for (const auto& z : parkgis::viewer::load_overview(*store).zones)
    if (z.id == zone) return z.box;
  return {};
}

// Exports the selection for survey and waits: "" when it worked, else the message (or "timed out").
template <typename Window>
std::string export_and_wait(Window& w, const std::string& out) {
  bool finished = false, ok = false;
  QString message;
  w.export_selection(QString::fromStdString(out), [&](const QString& m, bool success) {
    finished = true;
    ok = success;
    message = m;
  });
  if (!parkgis::test::wait_for([&] { return finished; })) return "timed out";
  return ok ? "" : message.toStdString();
}

}  // namespace

TEST(Selection, RectangleThenShiftClickThenClear) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  int changes = 0;
  QObject::connect(w.get(), &parkgis::viewer::MainWindow::selection_changed, w.get(), [&] { ++changes; });
  w->select_rect(zone_box("YQ10-PQ1"), false);
  ASSERT_TRUE(parkgis::test::wait_for([&] { return changes == 1 && w->idle(); }));
  EXPECT_EQ(w->selected_ids().size(), 24u);  // every parcel of the zone
  EXPECT_EQ(w->canvas()->settings().selection->size(), 24u);

  w->identify_parcel(QStringLiteral("YQ10-PQ1-005"), true, true);  // shift-click: removes
  ASSERT_TRUE(parkgis::test::wait_for([&] { return changes == 2; }));
  EXPECT_EQ(w->selected_ids().size(), 23u);
  w->identify_parcel(QStringLiteral("YQ10-PQ1-005"), true, true);  // and adds again
  ASSERT_TRUE(parkgis::test::wait_for([&] { return changes == 3; }));
  EXPECT_EQ(w->selected_ids().size(), 24u);

  w->clear_selection();
  EXPECT_TRUE(w->selected_ids().empty());
}

TEST(Selection, CtrlDragSelectsOnTheMap) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ10-PQ1"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  auto* c = w->canvas();
  const QPoint centre = parkgis::test::screen_point_of(*w, "YQ10-PQ1-005");
  const QPoint a = centre - QPoint(30, 30), b = centre + QPoint(30, 30);
  QTest::mousePress(c, Qt::LeftButton, Qt::ControlModifier, a);
  QTest::mouseMove(c, (a + b) / 2);
  QTest::mouseMove(c, b);
  QTest::mouseRelease(c, Qt::LeftButton, Qt::ControlModifier, b);
  ASSERT_TRUE(parkgis::test::wait_for([&] { return !w->selected_ids().empty() && w->idle(); }));
  const std::vector<std::string> ids = w->selected_ids();
  EXPECT_LT(ids.size(), 24u);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "YQ10-PQ1-005"), ids.end());
}

TEST(Selection, ExportForSurvey) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->select_rect(zone_box("YQ10-PQ1"), false);
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->selected_ids().size() == 24u; }));
  const std::string out = parkgis::test::gui_tmp("survey.gpkg");
  ASSERT_EQ(export_and_wait(*w, out), "");
  ASSERT_TRUE(std::filesystem::exists(out));
  GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayer(0);
  EXPECT_EQ(layer->GetFeatureCount(), 24);
  EXPECT_GE(layer->GetLayerDefn()->GetFieldIndex("survey_status"), 0);
}

// Every parcel of the sample (250; the ids go to the store as one bound list): all exported.
TEST(Selection, ExportOfALargeSelection) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  parkgis::render::Extent all;
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  for (const auto& z : parkgis::viewer::load_overview(*store).zones) {
    all.minx = all.is_null() ? z.box.minx : std::min(all.minx, z.box.minx);
    all.miny = all.is_null() ? z.box.miny : std::min(all.miny, z.box.miny);
    all.maxx = all.is_null() ? z.box.maxx : std::max(all.maxx, z.box.maxx);
    all.maxy = all.is_null() ? z.box.maxy : std::max(all.maxy, z.box.maxy);
  }
  w->select_rect(all, false);
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->selected_ids().size() == 250u; }));
  const std::string out = parkgis::test::gui_tmp("survey-all.gpkg");
  ASSERT_EQ(export_and_wait(*w, out), "");
  GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 250);
}
