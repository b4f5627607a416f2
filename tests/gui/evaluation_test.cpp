// The viewer shows one evaluation (docs/history.md): the latest by default, the one of --as-of otherwise.
#include <gtest/gtest.h>

#include "app/viewer/evaluation_choice.h"
#include "app/viewer/evaluation_selector.h"
#include "app/viewer/viewer_app.h"
#include "tests/gui/gui_support.h"

namespace {

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
  const std::string db = parkgis::test::two_evaluations_db();
  parkgis::viewer::set_evaluation_date(std::nullopt);
  EXPECT_EQ(shown_as_of(db), "2026-06-30");
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

TEST(Evaluation, ToolbarSelectorSwitchesTheEvaluationShown) {
  // The sample at 2026-06-30 and 2025-12-31: the toolbar lists both (the later one as latest, selected);
  // choosing 2025-12-31 opens the database again through it, and the tree's overview is of that date.
  const std::string db = parkgis::test::two_evaluations_db();
  parkgis::viewer::set_evaluation_date(std::nullopt);
  parkgis::viewer::MainWindow w;
  w.resize(1600, 900);  // the whole toolbar fits (a narrow window moves its last widgets into the overflow menu)
  w.show();
  int opened = 0;
  QObject::connect(&w, &parkgis::viewer::MainWindow::database_opened, &w, [&] { ++opened; });
  w.open_path(QString::fromStdString(db));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return opened == 1 && w.idle(); }, 60000));
  auto* selector = w.findChild<parkgis::viewer::EvaluationSelector*>(QStringLiteral("evaluation_selector"));
  ASSERT_TRUE(selector);
  ASSERT_EQ(selector->count(), 2);
  EXPECT_EQ(selector->itemText(0).toStdString(), "2025-12-31");
  EXPECT_NE(selector->itemText(1).toStdString().find("2026-06-30"), std::string::npos);
  EXPECT_EQ(selector->currentIndex(), 1);
  EXPECT_TRUE(parkgis::test::wait_for([&] { return selector->isVisibleTo(&w); }, 5000));  // shown: there is a choice
  EXPECT_EQ(w.overview().as_of, "2026-06-30");

  selector->setCurrentIndex(0);
  emit selector->activated(0);  // as a user's choice
  ASSERT_TRUE(parkgis::test::wait_for([&] { return opened == 2 && w.idle(); }, 60000));
  EXPECT_EQ(parkgis::viewer::evaluation_date(), (parkgis::Date{2025, 12, 31}));
  EXPECT_EQ(w.overview().as_of, "2025-12-31");
  EXPECT_EQ(selector->currentIndex(), 0);  // listed again after the reopening, the choice kept
  parkgis::viewer::set_evaluation_date(std::nullopt);
}
