// The window as a whole: errors on bad files, search, the headless screenshot, map export.
#include <gtest/gtest.h>

#include <QListWidget>
#include <filesystem>

#include "app/viewer/geo_coords.h"
#include "app/viewer/identify_panel.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/viewer_app.h"
#include "tests/gui/gui_support.h"
#include "tests/support/test_support.h"

TEST(Window, OpeningANonParkgisFileShowsTheDataError) {
  const std::string bad = parkgis::test::gui_tmp("not-a-database.sqlite");
  parkgis::test::write_text(bad, "this is not SQLite\n");
  parkgis::viewer::MainWindow w;
  w.show();
  QString shown;
  QObject::connect(&w, &parkgis::viewer::MainWindow::error_shown, &w, [&](const QString& m) { shown = m; });
  w.open_database(QString::fromStdString(bad));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return !shown.isEmpty(); }));
  EXPECT_TRUE(shown.contains(QStringLiteral("not a parkgis database")) || shown.contains(QStringLiteral("not a database")))
      << shown.toStdString();
  EXPECT_TRUE(w.database().isEmpty());
}

TEST(Window, OpeningAMissingFileSaysHowToCreateIt) {
  parkgis::viewer::MainWindow w;
  QString shown;
  QObject::connect(&w, &parkgis::viewer::MainWindow::error_shown, &w, [&](const QString& m) { shown = m; });
  w.open_database(QString::fromStdString(parkgis::test::gui_tmp("missing.sqlite")));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return !shown.isEmpty(); }));
  // The menu action to use, then libgis's own message.
  EXPECT_TRUE(shown.contains(QStringLiteral("打开数据集文件夹"))) << shown.toStdString();
  EXPECT_TRUE(shown.contains(QStringLiteral("parkgis import"))) << shown.toStdString();
}

TEST(Window, SearchFindsParcelsParksAndEnterprises) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->search(QStringLiteral("柘荣"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->search_results()->count() > 0 && w->idle(); }));
  EXPECT_TRUE(w->search_results()->item(0)->text().contains(QStringLiteral("柘荣小微园")));
  // One hit (a parcel id): zoomed there and identified.
  w->search(QStringLiteral("YQ05-PQ2-006"));
  ASSERT_TRUE(parkgis::test::wait_for([&] {
    return w->identify_panel()->parcel() && w->identify_panel()->parcel()->parcel_id == "YQ05-PQ2-006" && w->idle();
  }));
  EXPECT_LT(w->canvas()->view().extent().width(), 2000);
  w->search(QStringLiteral("信博仓储"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  bool enterprise = false;
  for (int i = 0; i < w->search_results()->count(); ++i)
    enterprise |= w->search_results()->item(i)->text().contains(QStringLiteral("霞浦县信博仓储服务有限公司"));
  EXPECT_TRUE(enterprise);
}

TEST(Window, HeadlessScreenshot) {
  parkgis::viewer::MainWindow w;
  parkgis::viewer::ViewerOptions o;
  o.file = QString::fromStdString(parkgis::test::ningde_db());
  o.theme = QStringLiteral("vacancy");
  o.zone = QStringLiteral("YQ01-PQ1");
  o.size = QSize(1000, 700);
  o.screenshot = QString::fromStdString(parkgis::test::gui_tmp("shot.png"));
  ASSERT_EQ(parkgis::viewer::run_screenshot(w, o, 30000), 0);
  QImage img;
  ASSERT_TRUE(img.load(o.screenshot));
  EXPECT_EQ(img.size(), QSize(1000, 700));
  EXPECT_EQ(w.theme(), QStringLiteral("vacancy"));
}

TEST(Window, ExportsTheMapAsShown) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ02"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  const std::string out = parkgis::test::gui_tmp("map.pdf");
  bool done = false;
  QString error;
  w->export_map(QString::fromStdString(out), QStringLiteral("东侨小微园 闲置土地"), QSize(1200, 850), [&](const QString& e) {
    done = true;
    error = e;
  });
  ASSERT_TRUE(parkgis::test::wait_for([&] { return done; }));
  EXPECT_TRUE(error.isEmpty()) << error.toStdString();
  EXPECT_GT(std::filesystem::file_size(out), 10000u);
}

TEST(Window, LonLatOfTheWorkingCrs) {
  parkgis::viewer::GeoCoords g;
  ASSERT_TRUE(g.set_epsg(4549));  // CGCS2000 / 3-degree Gauss-Kruger CM 120E
  const auto ll = g.lon_lat(500000, 3000000);
  ASSERT_TRUE(ll);
  EXPECT_NEAR(ll->first, 120.0, 1e-9);  // on the central meridian
  EXPECT_NEAR(ll->second, 27.1116355, 1e-6);  // as gdaltransform -s_srs EPSG:4549 -t_srs EPSG:4490
}
