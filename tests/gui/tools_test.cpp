// Issue 15, "tools people look for": measuring, zoom previous/next, copying from identify, the parcel
// table's filter, totals, column menu and export of what it shows, remembered folders.
#include <gtest/gtest.h>

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QMenu>
#include <QSettings>
#include <QTest>
#include <QTreeWidgetItemIterator>

#include "app/viewer/identify_panel.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/measure_tool.h"
#include "app/viewer/parcel_table.h"
#include "tests/gui/gui_support.h"

using parkgis::render::Point;
using parkgis::viewer::MapCanvas;

TEST(Measure, LengthAndAreaByHand) {
  // A 30 m × 40 m right triangle: legs 30 + 40 m, hypotenuse 50 m.
  const std::vector<Point> pts = {{0, 0}, {30, 0}, {30, 40}};
  const auto line = parkgis::viewer::measure(pts, false);
  EXPECT_NEAR(line.length_m, 70.0, 1e-9);  // m: 30 + 40
  EXPECT_EQ(line.area_m2, 0.0);
  const auto area = parkgis::viewer::measure(pts, true);
  EXPECT_NEAR(area.length_m, 120.0, 1e-9);  // m: perimeter 30 + 40 + 50
  EXPECT_NEAR(area.area_m2, 600.0, 1e-9);   // m²: 30 × 40 / 2
  // 600 m² = 600 / (10000/15) 亩 = 0.90 亩.
  EXPECT_TRUE(parkgis::viewer::measurement_text(area, true).contains(QStringLiteral("0.90"))) << parkgis::viewer::measurement_text(area, true).toStdString();
}

TEST(Measure, ClicksOnTheMapMeasureAnArea) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  auto* c = w->canvas();
  c->set_tool(MapCanvas::Tool::measure_area);
  QString said;
  QObject::connect(c, &MapCanvas::measured, c, [&](const QString& t) { said = t; });
  const QPoint a(300, 300), b(400, 300), d(400, 400);
  for (const QPoint& p : {a, b, d}) QTest::mouseClick(c, Qt::LeftButton, Qt::NoModifier, p);
  ASSERT_EQ(c->measure_points().size(), 3u);
  // A right triangle of 100 × 100 px: (100 px × units_per_px)² / 2.
  const double side_m = 100 * c->view().units_per_px();
  const auto m = parkgis::viewer::measure(c->measure_points(), true);
  EXPECT_NEAR(m.area_m2, side_m * side_m / 2, side_m * side_m * 1e-6);  // m²
  EXPECT_FALSE(said.isEmpty());
  EXPECT_TRUE(w->selected_ids().empty());  // measuring does not select
}

TEST(ZoomHistory, PreviousAndNext) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ01-PQ1"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  const auto first = w->canvas()->view().extent();
  w->show_unit(QStringLiteral("YQ10-PQ1"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  const auto second = w->canvas()->view().extent();
  ASSERT_NE(first, second);
  ASSERT_TRUE(w->zoom_previous_action()->isEnabled());
  w->zoom_previous_action()->trigger();
  EXPECT_EQ(w->canvas()->view().extent(), first);
  EXPECT_TRUE(w->zoom_next_action()->isEnabled());
  w->zoom_next_action()->trigger();
  EXPECT_EQ(w->canvas()->view().extent(), second);
  EXPECT_FALSE(w->zoom_next_action()->isEnabled());
}

TEST(IdentifyCopy, ValueRowAndSection) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->identify_parcel(QStringLiteral("YQ05-PQ2-006"), false);
  auto* panel = w->identify_panel();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return panel->parcel().has_value() && w->idle(); }));
  QTreeWidgetItem* area = nullptr;
  for (QTreeWidgetItemIterator it(panel); *it; ++it)
    if ((*it)->data(0, Qt::UserRole + 1).toString() == QStringLiteral("area_mu")) area = *it;
  ASSERT_TRUE(area);
  panel->setCurrentItem(area);
  panel->copy_value();
  EXPECT_EQ(QGuiApplication::clipboard()->text(), QStringLiteral("7.50"));
  panel->copy_row();
  EXPECT_EQ(QGuiApplication::clipboard()->text(), QStringLiteral("面积 (亩)\t7.50"));
  panel->copy_section();
  EXPECT_TRUE(QGuiApplication::clipboard()->text().contains(QStringLiteral("宗地代码\tYQ05-PQ2-006")));
}

TEST(Table, FilterTotalsColumnsAndExport) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ10-PQ1"));
  auto* t = w->unit_table();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return t->model()->rowCount() == 24 && w->idle(); }));
  EXPECT_TRUE(w->table_totals().contains(QStringLiteral("24 宗"))) << w->table_totals().toStdString();
  // A filter within the zone: parcels over 10 亩.
  w->filter_table(QStringLiteral("area_mu > 10"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle() && t->model()->rowCount() < 24; }));
  const int shown = t->model()->rowCount();
  double mu = 0;
  for (int r = 0; r < shown; ++r) {
    const double a = t->model()->index(r, parkgis::viewer::ParcelTableModel::area).data().toDouble();
    EXPECT_GT(a, 10.0);
    EXPECT_EQ(t->model()->index(r, parkgis::viewer::ParcelTableModel::zone).data().toString(), QStringLiteral("YQ10-PQ1"));
  }
  for (const auto& row : t->table_model()->rows()) mu += row.area_mu;  // the rows shown, unrounded
  EXPECT_TRUE(w->table_totals().contains(QStringLiteral("%1 宗").arg(shown))) << w->table_totals().toStdString();
  EXPECT_TRUE(w->table_totals().contains(QLocale().toString(mu, 'f', 2))) << w->table_totals().toStdString();
  // A mistake is reported, the table stays.
  w->filter_table(QStringLiteral("area_mu >"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  EXPECT_EQ(t->model()->rowCount(), shown);

  // Header menu: hide the holder column; the export has what is shown.
  QMenu* menu = t->column_menu();
  const auto actions = menu->actions();
  actions[parkgis::viewer::ParcelTableModel::holder]->setChecked(false);
  EXPECT_TRUE(t->isColumnHidden(parkgis::viewer::ParcelTableModel::holder));
  delete menu;
  const std::string out = parkgis::test::gui_tmp("shown.csv");
  QString error;
  ASSERT_TRUE(w->export_shown_table(QString::fromStdString(out), &error)) << error.toStdString();
  QFile f(QString::fromStdString(out));
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  const QStringList lines = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  EXPECT_EQ(lines.size(), shown + 1);  // header + the rows shown
  EXPECT_TRUE(lines.front().contains(QStringLiteral("宗地")));
  EXPECT_FALSE(lines.front().contains(QStringLiteral("权利人")));  // hidden column not written
}

TEST(Settings, LayoutIsSavedOnClose) {
  QSettings().remove(QStringLiteral("window"));
  {
    auto w = parkgis::test::open_window();
    ASSERT_TRUE(w);
    w->resize(1111, 777);
    w->close();
  }
  EXPECT_TRUE(QSettings().contains(QStringLiteral("window/geometry")));
  EXPECT_TRUE(QSettings().contains(QStringLiteral("window/state")));
}
