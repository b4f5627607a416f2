// Opening a dataset folder: imported and analysed on a worker thread with a progress dialog; Cancel
// stops it and leaves nothing behind.
#include <gtest/gtest.h>

#include <QProgressDialog>
#include <QPushButton>
#include <filesystem>

#include "app/viewer/import_task.h"
#include "app/viewer/park_tree.h"
#include "tests/gui/gui_support.h"

namespace fs = std::filesystem;

namespace {

// A copy of the bundled sample in a temporary folder (the database is created beside it).
std::string copy_of_sample(const std::string& name) {
  const fs::path to = parkgis::test::gui_tmp(name);
  fs::remove_all(to);
  fs::copy(fs::path(PARKGIS_SOURCE_DIR) / "datasets/ningde", to, fs::copy_options::recursive);
  return to.string();
}

}  // namespace

TEST(Import, DatasetFolderIsImportedAnalysedAndShown) {
  const std::string folder = copy_of_sample("ningde-import");
  parkgis::viewer::MainWindow w;
  w.show();
  bool opened = false;
  QObject::connect(&w, &parkgis::viewer::MainWindow::database_opened, &w, [&] { opened = true; });
  w.open_path(QString::fromStdString(folder));
  // The progress dialog is up while the worker runs; the window keeps handling events.
  EXPECT_TRUE(parkgis::test::wait_for([&] { return w.findChild<QProgressDialog*>() != nullptr || opened; }, 5000));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return opened && w.idle(); }, 60000));
  EXPECT_EQ(w.database().toStdString(), folder + ".sqlite");
  EXPECT_TRUE(w.overview().analysed);
  EXPECT_EQ(w.tree()->tree_model()->rowCount(), 10);
}

TEST(Import, CancelStopsAndLeavesNoDatabase) {
  const std::string folder = copy_of_sample("ningde-cancel");
  parkgis::viewer::MainWindow w;
  w.show();
  bool opened = false;
  QObject::connect(&w, &parkgis::viewer::MainWindow::database_opened, &w, [&] { opened = true; });
  w.open_path(QString::fromStdString(folder));
  // The dialog is up as soon as the work starts; Cancel right away, before the import can finish.
  auto* dialog = w.findChild<QProgressDialog*>();
  ASSERT_NE(dialog, nullptr);
  auto* cancel = dialog->findChild<QPushButton*>();
  ASSERT_NE(cancel, nullptr);
  cancel->click();  // the progress callback returns false: the import throws Cancelled
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w.findChild<QProgressDialog*>() == nullptr; }, 30000));
  EXPECT_FALSE(opened);
  EXPECT_FALSE(fs::exists(folder + ".sqlite"));
  EXPECT_FALSE(fs::exists(folder + ".sqlite.part"));
}

// Progress stages from libgis appear in the UI's language (the tests run in Chinese).
TEST(ImportTask, ProgressStagesInChinese) {
  EXPECT_EQ(parkgis::viewer::stage_label("reading layers").toStdString(), "正在读取图层");
  EXPECT_EQ(parkgis::viewer::stage_label("writing buildings").toStdString(), "正在写入 建筑");
  EXPECT_EQ(parkgis::viewer::stage_label("approved and unsupplied land").toStdString(), "正在计算批而未供土地");
  EXPECT_EQ(parkgis::viewer::stage_label("something new").toStdString(), "something new");
}
