// Issue 15, "found broken or confusing": each item the planners met, as the window behaves now.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStatusBar>
#include <filesystem>
#include <set>

#include "app/viewer/identify_panel.h"
#include "app/viewer/language.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/parcel_table.h"
#include "app/viewer/park_tree.h"
#include "app/viewer/start_page.h"
#include "libgis/render/labels.h"
#include "libgis/render/map_export.h"
#include "libgis/store/store.h"
#include "libgis/style/theme.h"
#include "tests/gui/gui_support.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using parkgis::viewer::ExistingDatabaseChoice;
using parkgis::viewer::MainWindow;

namespace {

// Switches the interface language for one test and back to Chinese after it.
struct Language {
  explicit Language(const char* code) { parkgis::viewer::set_language(QString::fromLatin1(code)); }
  ~Language() { parkgis::viewer::set_language(QStringLiteral("zh_CN")); }
};

bool has_cjk(const QString& s) {
  for (QChar c : s)
    if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) return true;
  return false;
}

}  // namespace

// ---- "Drawing…" left on the map ----

TEST(RoughEdges, EmptyWindowDoesNotSayDrawing) {
  MainWindow w;
  w.resize(1000, 700);
  w.show();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w.isVisible(); }));
  w.canvas()->repaint();
  EXPECT_FALSE(w.canvas()->drawing_indicator_shown());
}

TEST(RoughEdges, DrawingGoesAwayWhenTheRenderEndsWithoutAMouseMove) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  const auto settled_and_clean = [&] { return w->idle() && !w->canvas()->drawing_indicator_shown(); };
  w->search(QStringLiteral("YQ05-PQ2-006"));  // search
  EXPECT_TRUE(parkgis::test::wait_for(settled_and_clean, 20000));
  w->show_unit(QStringLiteral("YQ10-PQ1"));  // zone click
  EXPECT_TRUE(parkgis::test::wait_for(settled_and_clean, 20000));
  w->resize(1100, 760);  // resize
  EXPECT_TRUE(parkgis::test::wait_for(settled_and_clean, 20000));
}

// ---- a dataset folder whose database exists ----

namespace {

struct FolderWithDatabase {
  std::string folder, db;
  fs::file_time_type written;
};

FolderWithDatabase folder_with_database(const std::string& name) {
  FolderWithDatabase f;
  f.folder = parkgis::test::gui_tmp(name);
  fs::remove_all(f.folder);
  fs::copy(fs::path(PARKGIS_SOURCE_DIR) / "datasets/ningde", f.folder, fs::copy_options::recursive);
  f.db = f.folder + ".sqlite";
  fs::copy_file(parkgis::test::ningde_db(), f.db, fs::copy_options::overwrite_existing);
  f.written = fs::last_write_time(f.db);
  return f;
}

}  // namespace

TEST(RoughEdges, ExistingDatabaseIsOpenedWhenTheUserSaysSo) {
  const FolderWithDatabase f = folder_with_database("asked-open");
  MainWindow w;
  w.show();
  int asked = 0;
  QString asked_db;
  w.set_existing_database_chooser([&](QWidget*, const QString&, const QString& db) {
    ++asked;
    asked_db = db;
    return ExistingDatabaseChoice::open_existing;
  });
  bool opened = false;
  QObject::connect(&w, &MainWindow::database_opened, &w, [&] { opened = true; });
  w.open_path(QString::fromStdString(f.folder));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return opened && w.idle(); }, 30000));
  EXPECT_EQ(asked, 1);
  EXPECT_EQ(asked_db.toStdString(), f.db);
  EXPECT_EQ(w.database().toStdString(), f.db);
  EXPECT_EQ(fs::last_write_time(f.db), f.written);  // not re-imported
}

TEST(RoughEdges, ExistingDatabaseIsKeptWhenImportingIntoANewFile) {
  const FolderWithDatabase f = folder_with_database("asked-new");
  MainWindow w;
  w.show();
  w.set_existing_database_chooser(
      [](QWidget*, const QString&, const QString&) { return ExistingDatabaseChoice::import_into_new_file; });
  bool opened = false;
  QObject::connect(&w, &MainWindow::database_opened, &w, [&] { opened = true; });
  w.open_path(QString::fromStdString(f.folder));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return opened && w.idle(); }, 90000));
  EXPECT_EQ(w.database().toStdString(), f.folder + "-2.sqlite");
  EXPECT_EQ(fs::last_write_time(f.db), f.written);
}

TEST(RoughEdges, CancelOpensNothingAndChangesNothing) {
  const FolderWithDatabase f = folder_with_database("asked-cancel");
  MainWindow w;
  w.set_existing_database_chooser([](QWidget*, const QString&, const QString&) { return ExistingDatabaseChoice::cancel; });
  w.open_path(QString::fromStdString(f.folder));
  for (int i = 0; i < 20; ++i) QCoreApplication::processEvents();
  EXPECT_TRUE(w.database().isEmpty());
  EXPECT_EQ(fs::last_write_time(f.db), f.written);
  EXPECT_FALSE(fs::exists(f.folder + "-2.sqlite"));
}

TEST(RoughEdges, UnusedDatabaseNameSkipsTakenNames) {
  const std::string base = parkgis::test::gui_tmp("names.sqlite");
  parkgis::test::write_text(base, "x");
  parkgis::test::write_text(parkgis::test::gui_tmp("names-2.sqlite"), "x");
  EXPECT_EQ(parkgis::viewer::unused_database_name(QString::fromStdString(base)).toStdString(),
            parkgis::test::gui_tmp("names-3.sqlite"));
}

// ---- search and table rows select and flash ----

TEST(RoughEdges, EnterpriseSearchSelectsAndFlashesItsParcels) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->search(QStringLiteral("霞浦县信博仓储服务有限公司"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->search_results()->count() > 0 && w->idle(); }));
  int row = -1;
  for (int i = 0; i < w->search_results()->count(); ++i)
    if (w->search_results()->item(i)->text().contains(QStringLiteral("信博仓储"))) row = i;
  ASSERT_GE(row, 0);
  emit w->search_results()->itemClicked(w->search_results()->item(row));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return !w->selected_ids().empty() && w->idle(); }));
  const std::vector<std::string> ids = w->selected_ids();
  EXPECT_NE(std::find(ids.begin(), ids.end(), "YQ05-PQ2-006"), ids.end());  // the parcel it holds
  EXPECT_EQ(w->canvas()->settings().selection->size(), ids.size());         // drawn as the selection
  EXPECT_EQ(w->canvas()->flashing(), ids.size());
}

TEST(RoughEdges, DoubleClickedRowIsSelectedAndFlashes) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ10-PQ1"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->unit_table()->model()->rowCount() == 24 && w->idle(); }));
  auto* table = w->unit_table();
  QModelIndex row;
  for (int r = 0; r < table->model()->rowCount(); ++r)
    if (table->model()->index(r, 0).data().toString() == QStringLiteral("YQ10-PQ1-005")) row = table->model()->index(r, 0);
  ASSERT_TRUE(row.isValid());
  emit table->activated(row);  // what a double-click does
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->canvas()->flashing() > 0 && w->idle(); }));
  EXPECT_EQ(w->selected_ids(), std::vector<std::string>{"YQ10-PQ1-005"});
  EXPECT_EQ(w->identify_panel()->parcel()->parcel_id, "YQ10-PQ1-005");
  EXPECT_EQ(w->canvas()->flashing(), 1u);
  // The flash ends by itself.
  EXPECT_TRUE(parkgis::test::wait_for([&] { return w->canvas()->flashing() == 0; }, 5000));
}

// ---- started without a database ----

TEST(RoughEdges, StartPageWithoutADatabase) {
  MainWindow w;
  w.show();
  EXPECT_FALSE(w.map_shown());
  EXPECT_TRUE(w.start_page()->isVisible());
  EXPECT_FALSE(w.export_map_action()->isEnabled());  // map actions wait for a database
  EXPECT_TRUE(w.start_page()->sample_folder().endsWith(QStringLiteral("datasets/ningde")))
      << w.start_page()->sample_folder().toStdString();
  EXPECT_TRUE(w.start_page()->sample_button()->isEnabled());
  // No coordinates of "EPSG:0" when the cursor crosses the empty window.
  emit w.canvas()->cursor_moved(1000, 2000);
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>()) EXPECT_FALSE(l->text().contains(QStringLiteral("EPSG:0")));

  bool opened = false;
  QObject::connect(&w, &MainWindow::database_opened, &w, [&] { opened = true; });
  w.open_database(QString::fromStdString(parkgis::test::ningde_db()));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return opened && w.idle(); }));
  EXPECT_TRUE(w.map_shown());
  EXPECT_TRUE(w.export_map_action()->isEnabled());
  // The database is now a recent file on the start page.
  w.start_page()->refresh();
  ASSERT_GT(w.start_page()->recent_list()->count(), 0);
  EXPECT_EQ(w.start_page()->recent_list()->item(0)->data(Qt::UserRole).toString().toStdString(),
            fs::absolute(parkgis::test::ningde_db()).string());
}

// ---- errors in the interface's language, pointing to menu actions; Qt's own texts translated ----

TEST(RoughEdges, ErrorsAreTranslatedAndPointToTheMenu) {
  MainWindow w;
  QString shown;
  QObject::connect(&w, &MainWindow::error_shown, &w, [&](const QString& m) { shown = m; });
  w.open_database(QString::fromStdString(parkgis::test::gui_tmp("missing-zh.sqlite")));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return !shown.isEmpty(); }));
  EXPECT_TRUE(shown.contains(QStringLiteral("文件 › 打开数据集文件夹"))) << shown.toStdString();
  EXPECT_TRUE(shown.startsWith(QStringLiteral("数据库文件不存在"))) << shown.toStdString();
}

TEST(RoughEdges, QtsOwnTextsAreChinese) {
  // Standard buttons and file dialogs come from qtbase_zh_CN (package qt6-translations-l10n).
  EXPECT_EQ(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
  EXPECT_EQ(QCoreApplication::translate("QFileDialog", "Look in:"), QStringLiteral("查找范围："));
}

// ---- labels, not raw columns, codes or 1/0 ----

TEST(RoughEdges, DockTitlesDiffer) {
  for (const char* lang : {"zh_CN", "en"}) {
    Language l(lang);
    MainWindow w;
    std::set<QString> titles;
    for (QDockWidget* d : w.findChildren<QDockWidget*>()) EXPECT_TRUE(titles.insert(d->windowTitle()).second) << d->windowTitle().toStdString();
  }
}

TEST(RoughEdges, IdentifyShowsLabelsInChinese) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->identify_parcel(QStringLiteral("YQ05-PQ2-006"), false);
  auto* panel = w->identify_panel();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return panel->parcel().has_value() && w->idle(); }));
  EXPECT_EQ(panel->value("metrics", "grade"), QStringLiteral("不定等级"));  // no code appended
  EXPECT_EQ(panel->value("source", "land_use"), QStringLiteral("0601 工业用地"));
  EXPECT_EQ(panel->value("metrics", "supplied"), QStringLiteral("是"));  // not 1
  EXPECT_EQ(panel->value("metrics", "started"), QStringLiteral("否"));   // an unbuilt parcel
}

TEST(RoughEdges, IdentifyShowsLabelsInEnglish) {
  Language en("en");
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->identify_parcel(QStringLiteral("YQ05-PQ2-006"), false);
  auto* panel = w->identify_panel();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return panel->parcel().has_value() && w->idle(); }));
  QStringList fields;
  for (QTreeWidgetItemIterator it(panel); *it; ++it) fields << (*it)->text(0);
  EXPECT_TRUE(fields.contains(QStringLiteral("Tax per mu (10,000 yuan/mu)"))) << fields.join(QStringLiteral(" | ")).toStdString();
  EXPECT_FALSE(fields.contains(QStringLiteral("tax_per_mu")));
  EXPECT_FALSE(fields.contains(QStringLiteral("area_mu")));
  EXPECT_EQ(panel->value("metrics", "supplied"), QStringLiteral("Yes"));
  EXPECT_EQ(panel->value("source", "land_use"), QStringLiteral("0601 Industrial land"));
}

TEST(RoughEdges, TableShowsLandUseWords) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ10-PQ1"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->unit_table()->model()->rowCount() == 24 && w->idle(); }));
  const QString use = w->unit_table()->model()->index(0, parkgis::viewer::ParcelTableModel::use).data().toString();
  EXPECT_TRUE(use.contains(QStringLiteral("用地")) || use.contains(QStringLiteral("设施"))) << use.toStdString();
}

// ---- labels on the map ----

TEST(RoughEdges, ZoneNamesAreNotPinnedToTheViewsEdge) {
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  parkgis::render::LayerLoader loader(*store, parkgis::style::load_themes());
  parkgis::render::LabelSources src;
  src.zones = loader.get(parkgis::render::LayerId::zones, parkgis::render::Extent::null());
  // The bottom eighth of zone YQ10-PQ1: its top edge and label point are above the view.
  parkgis::render::Extent zone = parkgis::render::Extent::null();
  for (const auto& f : src.zones->features)
    if (f.id == "YQ10-PQ1") zone = f.shape.box;
  ASSERT_FALSE(zone.is_null());
  const parkgis::render::Extent strip{zone.minx, zone.miny, zone.maxx, zone.miny + zone.height() / 8};
  const auto view = parkgis::render::MapTransform::fit(strip, 1000, 300, 0);
  QImage img(1000, 300, QImage::Format_ARGB32_Premultiplied);
  img.fill(Qt::white);
  QPainter p(&img);
  std::vector<QRectF> placed;
  parkgis::render::draw_labels(p, view, src, {}, &placed);
  for (const QRectF& r : placed) EXPECT_GT(r.top(), 20) << "a label at the view's top edge, y " << r.top();
}

TEST(RoughEdges, ParcelIdsHaveAFullHaloOnDarkClasses) {
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  parkgis::render::LayerLoader loader(*store, parkgis::style::load_themes());
  parkgis::render::LabelSources src;
  src.parcels = loader.get(parkgis::render::LayerId::parcels, loader.data_extent());
  parkgis::render::Extent box = parkgis::render::Extent::null();
  for (const auto& f : src.parcels->features)
    if (f.id == "YQ10-PQ1-005") box = f.shape.box;
  const auto view = parkgis::render::MapTransform::fit(box.grown(0.3), 600, 400, 0);
  QImage img(600, 400, QImage::Format_ARGB32_Premultiplied);
  img.fill(QColor(0x81, 0x0f, 0x7c));  // the darkest vacancy class
  {
    QPainter p(&img);
    parkgis::render::draw_labels(p, view, src);
  }
  // Dark text needs its halo on every side: no pixel of ink may touch the dark fill diagonally (a
  // 4-way halo leaves the diagonals on the fill).
  int text = 0;
  const auto ink = [&](int x, int y) { return qGray(img.pixel(x, y)) < 50 && qRed(img.pixel(x, y)) < 60; };
  for (int y = 1; y + 1 < img.height(); ++y)
    for (int x = 1; x + 1 < img.width(); ++x) text += ink(x, y);
  ASSERT_GT(text, 20);  // some ids were drawn
  // No ink pixel touches the dark fill directly (in any of the 8 directions).
  int touching = 0;
  const QColor fill(0x81, 0x0f, 0x7c);
  const auto is_fill = [&](int x, int y) { return img.pixel(x, y) == fill.rgba(); };
  for (int y = 1; y + 1 < img.height(); ++y)
    for (int x = 1; x + 1 < img.width(); ++x)
      if (ink(x, y) && (is_fill(x - 1, y - 1) || is_fill(x + 1, y + 1) || is_fill(x - 1, y + 1) || is_fill(x + 1, y - 1)))
        ++touching;
  EXPECT_EQ(touching, 0) << touching << " of " << text << " text pixels touch the dark fill diagonally";
}

// ---- column widths, the vacancy theme, theme order ----

TEST(RoughEdges, ColumnsFitTheirContents) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  auto* table = w->unit_table();
  const QFontMetrics fm(table->font());
  EXPECT_GE(table->horizontalHeader()->sectionSize(parkgis::viewer::ParcelTableModel::id),
            fm.horizontalAdvance(QStringLiteral("YQ1234-PQ12-012345")));  // ids of 200,000 parcels
  EXPECT_LT(table->horizontalHeader()->sectionSize(parkgis::viewer::ParcelTableModel::vacancy), w->width() / 12);
  // The park/zone tree shows every figure without scrolling sideways.
  EXPECT_LE(w->tree()->columns_width(), w->tree()->viewport()->width());
}

TEST(RoughEdges, VacancyNoneVacantAndNoBuildingsLookDifferent) {
  for (const auto& t : parkgis::style::load_themes()) {
    if (t.id != "vacancy") continue;
    const parkgis::style::Rgba none = t.classes.front().fill, other = t.other.fill;
    const int distance = std::abs(none.r - other.r) + std::abs(none.g - other.g) + std::abs(none.b - other.b);
    EXPECT_GT(distance, 60) << none.hex() << " vs " << other.hex();
    return;
  }
  FAIL() << "no vacancy theme";
}

TEST(RoughEdges, ThemesOrderedByMeaning) {
  MainWindow w;
  auto* combo = w.findChild<QComboBox*>();
  ASSERT_TRUE(combo);
  QStringList ids;
  for (int i = 0; i < combo->count(); ++i) ids << combo->itemData(i).toString();
  const QStringList first = {QStringLiteral("supply"),        QStringLiteral("unsupplied"), QStringLiteral("idle"),
                             QStringLiteral("sites"),         QStringLiteral("tax-per-mu"), QStringLiteral("output-per-mu"),
                             QStringLiteral("grade"),         QStringLiteral("vacancy")};
  EXPECT_EQ(ids, first);
}

// ---- the map sheet's title in one language ----

TEST(RoughEdges, SheetTitleInOneLanguage) {
  for (const auto& t : parkgis::style::load_themes()) {
    if (t.id != "vacancy") continue;
    const QString en = parkgis::render::default_title(QStringLiteral("宁德小微园（示例）"), t, parkgis::render::Lang::en);
    EXPECT_FALSE(has_cjk(en)) << en.toStdString();
    const QString zh = parkgis::render::default_title(QStringLiteral("宁德小微园（示例）"), t, parkgis::render::Lang::zh);
    EXPECT_EQ(zh, QStringLiteral("宁德小微园（示例） · 厂房空置率（%）"));
  }
}

// ---- progressive images ----

TEST(RoughEdges, PartialImagesWhileAPassIsStillDrawing) {
  parkgis::viewer::RenderService service;
  service.set_partial_interval_ms(0);  // every check (the default is 250 ms)
  QString open_error = QStringLiteral("pending");
  QObject::connect(&service, &parkgis::viewer::RenderService::opened, &service, [&](const QString& e) { open_error = e; });
  service.open(QString::fromStdString(parkgis::test::ningde_db()));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return open_error != QStringLiteral("pending"); }));
  ASSERT_TRUE(open_error.isEmpty());
  int mid_pass = 0;
  bool final_image = false;
  QObject::connect(&service, &parkgis::viewer::RenderService::rendered, &service,
                   [&](const parkgis::viewer::RenderResult& r) {
                     if (r.partial && r.mid_pass && !final_image) ++mid_pass;
                     if (!r.partial) final_image = true;
                   });
  auto store = parkgis::store::open_spatialite(parkgis::test::ningde_db());
  parkgis::render::LayerLoader loader(*store, parkgis::style::load_themes());
  parkgis::render::RenderSettings s;
  s.theme_id = "idle";
  s.visible = parkgis::render::default_visibility("idle");
  service.request(parkgis::render::MapTransform::fit(loader.data_extent(), 900, 600, 0.04), s);
  ASSERT_TRUE(parkgis::test::wait_for([&] { return final_image; }));
  EXPECT_GT(mid_pass, 0);  // the first render showed images before its passes were done
}
