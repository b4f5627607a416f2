// The 储备候选 panel and the 选址 dialog on the sample after 'parkgis sites': the list matches
// reserve_sites, zoom-to-site shows the sites theme, and a search outlines the same answers as
// 'parkgis sites --fit'. PARKGIS_SCREENSHOT_DIR=docs/screenshots writes viewer-sites.png.
#include <gtest/gtest.h>

#include <QDockWidget>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <cstdlib>
#include <filesystem>

#include "app/viewer/layer_panel.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/site_search_dialog.h"
#include "app/viewer/sites_panel.h"
#include "libgis/store/store.h"
#include "tests/gui/gui_support.h"
#include "tests/support/cli_run.h"

namespace fs = std::filesystem;

TEST(Sites, PanelListsTheSitesAndSearchOutlinesTheAnswers) {
  const std::string db = parkgis::test::gui_tmp("sites.sqlite");
  fs::copy_file(parkgis::test::ningde_db(), db, fs::copy_options::overwrite_existing);
  parkgis::test::CliRun cli;
  ASSERT_EQ(cli.run({"sites", "--db", db, "--gap", "30", "--min-mu", "1"}), 0) << cli.err.str();
  ASSERT_EQ(cli.run({"sites", "--db", db, "--fit", "50:120", "--near", "451500,2949600", "--format", "csv"}), 0);
  const std::string cli_answers = cli.out.str();
  std::size_t rows = 0;
  parkgis::store::open_spatialite(db)->read_table("reserve_sites", {"site_id"}, false, "",
                                                  [&](const parkgis::store::Row&) { ++rows; });
  ASSERT_GT(rows, 0u);

  auto w = parkgis::test::open_window(db);
  ASSERT_TRUE(w);
  parkgis::viewer::SitesPanel* panel = w->sites_panel();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return panel->sites().size() == rows && w->idle(); }));
  EXPECT_EQ(panel->table()->rowCount(), static_cast<int>(rows));
  EXPECT_EQ(panel->sites().front().rank, 1);
  EXPECT_TRUE(panel->search_button()->isEnabled());

  // Zoom to a site: the sites theme and its layer.
  panel->zoom_to_site(QString::fromStdString(panel->sites().front().site_id));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  EXPECT_EQ(w->theme(), QStringLiteral("sites"));
  EXPECT_TRUE(w->canvas()->settings().visible[parkgis::render::LayerId::sites]);

  // 选址: a 50-亩 project with a 120 m wide plant, nearest to a point in YQ01-PQ1.
  parkgis::viewer::SiteSearchDialog* d = panel->search_dialog();
  d->show();
  d->set_query(50, 120);
  d->set_near(451500, 2949600);
  int answered = -2;
  QObject::connect(d, &parkgis::viewer::SiteSearchDialog::answered, [&](int n) { answered = n; });
  d->search();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return answered != -2 && w->idle(); }));
  ASSERT_GT(answered, 0);
  EXPECT_EQ(d->results()->count(), answered);
  // The same answers, in the same order, as the command line.
  std::size_t at = 0;
  for (const std::string& id : d->answers()) {
    const std::size_t found = cli_answers.find("," + id + ",", at);
    ASSERT_NE(found, std::string::npos) << id;
    at = found;
  }
  EXPECT_EQ(d->answers().front(), "YQ01-PQ2-S01");  // 208 m away (tests/golden/ningde/sites_fit.csv)
  // Outlined on the map, with the sites theme on.
  const auto& selection = w->canvas()->settings().selection;
  ASSERT_TRUE(selection);
  for (const std::string& id : d->answers()) EXPECT_TRUE(selection->count(id)) << id;
  EXPECT_EQ(panel->highlighted(), d->answers());
  // A change in the layer list (labels off) keeps the sites layer and the outlined answers.
  auto* layers = w->findChild<parkgis::viewer::LayerPanel*>();
  ASSERT_TRUE(layers);
  layers->item(layers->count() - 1)->setCheckState(Qt::Unchecked);
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  EXPECT_FALSE(w->canvas()->settings().labels);
  EXPECT_TRUE(w->canvas()->settings().visible[parkgis::render::LayerId::sites]);
  for (const std::string& id : d->answers()) EXPECT_TRUE(w->canvas()->settings().selection->count(id)) << id;

  // A zone without room: no answers, no error.
  d->set_query(100000, 0);
  d->set_zone(QStringLiteral("YQ01-PQ1"));
  answered = -2;
  d->search();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return answered != -2; }));
  EXPECT_EQ(answered, 0);

  if (const char* dir = std::getenv("PARKGIS_SCREENSHOT_DIR")) {
    d->set_query(50, 120);
    d->set_near(451500, 2949600);
    answered = -2;
    d->search();
    ASSERT_TRUE(parkgis::test::wait_for([&] { return answered > 0 && w->idle(); }));
    if (auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget())) dock->raise();
    w->show_unit(QStringLiteral("YQ01"));  // the nearest answers, outlined
    ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
    EXPECT_TRUE(w->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/viewer-sites.png"), "PNG"));
    EXPECT_TRUE(d->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/viewer-site-search.png"), "PNG"));
  }
}
