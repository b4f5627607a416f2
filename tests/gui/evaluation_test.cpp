// The viewer shows one evaluation (docs/history.md): the latest by default, the one of --as-of otherwise.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/viewer/evaluation_choice.h"
#include "app/viewer/viewer_app.h"
#include "libgis/analysis/analyze.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"
#include "tests/gui/gui_support.h"

namespace {

// The sample evaluated on two dates, the later one first.
std::string two_evaluations() {
  const std::string db = parkgis::test::gui_tmp("evaluations.sqlite");
  std::filesystem::remove(db);
  parkgis::import_dataset({std::string(PARKGIS_SOURCE_DIR) + "/datasets/ningde", db, {}});
  auto store = parkgis::store::open_spatialite(db);
  for (const parkgis::Date d : {parkgis::Date{2026, 12, 31}, parkgis::Date{2025, 12, 31}}) {
    parkgis::analysis::AnalyzeOptions o;
    o.as_of = d;
    parkgis::analysis::analyze(*store, o);
  }
  return db;
}

std::string shown_as_of(const std::string& db) {
  parkgis::viewer::MainWindow w;
  w.show();
  bool opened = false;
  QObject::connect(&w, &parkgis::viewer::MainWindow::database_opened, &w, [&] { opened = true; });
  w.open_path(QString::fromStdString(db));
  if (!parkgis::test::wait_for([&] { return opened && w.idle(); }, 60000)) return "(not opened)";
  return w.overview().as_of;
}

}  // namespace

TEST(Evaluation, LatestByDefaultAndAsOfOnRequest) {
  const std::string db = two_evaluations();
  parkgis::viewer::set_evaluation_date(std::nullopt);
  EXPECT_EQ(shown_as_of(db), "2026-12-31");
  parkgis::viewer::set_evaluation_date(parkgis::Date{2025, 12, 31});
  EXPECT_EQ(shown_as_of(db), "2025-12-31");
  parkgis::viewer::set_evaluation_date(std::nullopt);
}

TEST(Evaluation, AsOfOption) {
  const auto ok = parkgis::viewer::parse_options({"parkgis-viewer", "x.sqlite", "--as-of", "2025/12/31"});
  EXPECT_TRUE(ok.error.isEmpty());
  EXPECT_EQ(ok.as_of.toStdString(), "2025-12-31");
  const auto bad = parkgis::viewer::parse_options({"parkgis-viewer", "x.sqlite", "--as-of", "last year"});
  EXPECT_EQ(bad.error.toStdString(), "--as-of expects a date like 2026-06-30, got last year");
}
