// The changes theme (宗地变化) between two evaluations: 'parkgis render' and the renderer colour the
// parcels of 'export --layer changes' by styles/changes.json, the viewer offers the theme with its two
// date combos only when the database keeps two evaluations, and identify shows each parcel's change.
// The sample at 2025-12-31 and 2026-06-30 (gui_support.h); its changed parcels are those of
// tests/golden/ningde/compare_parcels.csv: YQ01-PQ1-008 闲置情形变化 (疑似闲置（未动工） → 满两年未动工),
// YQ01-PQ1-003 降级 (A → B), YQ01-PQ1-007 已动工; YQ01-PQ1-006 did not change.
// PARKGIS_SCREENSHOT_DIR=docs/screenshots writes viewer-changes.png and viewer-changes-en.png.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "app/cli/command.h"
#include "app/viewer/changes_theme_bar.h"
#include "app/viewer/identify_panel.h"
#include "app/viewer/language.h"
#include "app/viewer/legend_panel.h"
#include "app/viewer/map_canvas.h"
#include "libgis/render/change_set.h"
#include "libgis/render/map_renderer.h"
#include "libgis/store/store.h"
#include "tests/gui/gui_support.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_support.h"

namespace {

using parkgis::Date;
namespace render = parkgis::render;

const render::ChangeSpan kSpan{Date{2025, 12, 31}, Date{2026, 6, 30}};
const QColor kIdleKindChanged(0xf4, 0xa5, 0x82);  // 闲置情形变化 in styles/changes.json
const QColor kGradeDown(0xfd, 0xae, 0x61);        // 降级
const QColor kNoChange(0xff, 0xff, 0xff);         // "other": 无变化

int render_cmd(const std::vector<std::string>& args, std::string* err) {
  return parkgis::test::run_cli({"render"}, args, err);
}

// Pixels of exactly this colour.
int count_colour(const QImage& image, const QColor& c) {
  const QImage img = image.convertToFormat(QImage::Format_RGB32);
  int n = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) n += img.pixelColor(x, y).rgb() == c.rgb();
  return n;
}

// The middle pixel of a parcel drawn alone in a 200×200 view of it (no labels, no buildings) with the
// changes theme; `with_changes` false draws it as if the two evaluations were not read yet.
QColor parcel_colour(const render::ChangeSet& changes, const std::string& parcel_id, bool with_changes) {
  const render::Shape shape = parkgis::test::parcel_shape(parcel_id);
  if (shape.empty()) return {};
  auto base = parkgis::store::open_spatialite(parkgis::test::two_evaluations_db());
  render::MapRenderer r(*base);  // the latest evaluation, 2026-06-30 (= kSpan.to)
  const auto t = render::MapTransform::fit(shape.box, 200, 200, 0.05);
  render::RenderSettings s;
  s.theme_id = "changes";
  s.labels = false;
  s.visible.set(render::LayerId::buildings, false);
  s.visible.set(render::LayerId::zones, false);
  if (with_changes) s.changes = std::shared_ptr<const render::ChangeSet>(&changes, [](const render::ChangeSet*) {});
  QImage img(200, 200, QImage::Format_ARGB32_Premultiplied);
  {
    QPainter p(&img);
    r.render(p, t, s);
  }
  const render::Point mid = render::label_point(shape);
  return img.pixelColor(static_cast<int>(t.screen_x(mid.x)), static_cast<int>(t.screen_y(mid.y)));
}

}  // namespace

TEST(Changes, ChangeSetHoldsTheExportLayersRows) {
  auto base = parkgis::store::open_spatialite(parkgis::test::two_evaluations_db());
  const auto set = render::load_change_set(*base, kSpan);
  EXPECT_EQ(set->features.features.size(), 42u);  // the 42 rows of compare_parcels.csv
  EXPECT_EQ(set->text_of("YQ01-PQ1-008", "change"), "闲置情形变化");
  EXPECT_EQ(set->text_of("YQ01-PQ1-003", "change"), "降级");
  EXPECT_EQ(set->text_of("YQ01-PQ1-006", "change"), "");  // unchanged: not in the set
  EXPECT_EQ(set->text_of("YQ01-PQ1-008", "to_date"), "2026-06-30");
}

TEST(Changes, RendererColoursAParcelByItsChange) {
  auto base = parkgis::store::open_spatialite(parkgis::test::two_evaluations_db());
  const auto set = render::load_change_set(*base, kSpan);
  EXPECT_EQ(parcel_colour(*set, "YQ01-PQ1-008", true), kIdleKindChanged);
  EXPECT_EQ(parcel_colour(*set, "YQ01-PQ1-003", true), kGradeDown);
  EXPECT_EQ(parcel_colour(*set, "YQ01-PQ1-006", true), kNoChange);
  // Without the two evaluations read, every parcel is drawn as unchanged.
  EXPECT_EQ(parcel_colour(*set, "YQ01-PQ1-008", false), kNoChange);
}

TEST(Changes, RenderCommandDrawsTheChanges) {
  std::string err;
  const std::string db = parkgis::test::two_evaluations_db();
  const std::string png = parkgis::test::gui_tmp("changes-YQ01-PQ1.png");
  ASSERT_EQ(render_cmd({"--db", db, "--theme", "changes", "--from", "2025-12-31", "--to", "2026-06-30", "--zone", "YQ01-PQ1",
                        "--size", "1000x700", "--date", "2026-07-01", "-o", png},
                       &err),
            0)
      << err;
  QImage img;
  ASSERT_TRUE(img.load(QString::fromStdString(png)));
  // YQ01-PQ1-008 (about 9.2 亩, no buildings) fills thousands of pixels in its change's colour; the
  // legend's swatch alone has a few hundred at most.
  EXPECT_GT(count_colour(img, kIdleKindChanged), 3000);
  // The idle theme of the same zone has none of them.
  const std::string idle = parkgis::test::gui_tmp("idle-YQ01-PQ1.png");
  ASSERT_EQ(render_cmd({"--db", db, "--theme", "idle", "--zone", "YQ01-PQ1", "--size", "1000x700", "-o", idle}, &err), 0);
  ASSERT_TRUE(img.load(QString::fromStdString(idle)));
  EXPECT_EQ(count_colour(img, kIdleKindChanged), 0);
}

TEST(Changes, RenderCommandErrors) {
  std::string err;
  const std::string two = parkgis::test::two_evaluations_db(), one = parkgis::test::ningde_db();
  const std::string png = parkgis::test::gui_tmp("changes-error.png");
  // No dates: a usage error naming what to give and where the dates are listed.
  EXPECT_EQ(render_cmd({"--db", two, "--theme", "changes", "-o", png}, &err), 2);
  EXPECT_NE(err.find("give --from DATE --to DATE"), std::string::npos) << err;
  EXPECT_NE(err.find("'parkgis runs --db " + two + "' lists the dates"), std::string::npos) << err;
  EXPECT_EQ(render_cmd({"--db", two, "--theme", "changes", "--from", "2025-12-31", "-o", png}, &err), 2);
  // Dates with another theme, dates out of order, a date without evaluation, --as-of: usage errors.
  EXPECT_EQ(render_cmd({"--db", two, "--theme", "idle", "--from", "2025-12-31", "--to", "2026-06-30", "-o", png}, &err), 2);
  EXPECT_EQ(render_cmd({"--db", two, "--theme", "changes", "--from", "2026-06-30", "--to", "2025-12-31", "-o", png}, &err), 2);
  EXPECT_EQ(render_cmd({"--db", two, "--theme", "changes", "--from", "2024-12-31", "--to", "2026-06-30", "-o", png}, &err), 2);
  EXPECT_NE(err.find("2025-12-31, 2026-06-30"), std::string::npos) << err;
  EXPECT_EQ(render_cmd({"--db", two, "--theme", "changes", "--from", "2025-12-31", "--to", "2026-06-30", "--as-of",
                        "2026-06-30", "-o", png},
                       &err),
            2);
  // One evaluation: a data error in plain words.
  EXPECT_EQ(render_cmd({"--db", one, "--theme", "changes", "--from", "2025-12-31", "--to", "2026-06-30", "-o", png}, &err), 1);
  EXPECT_NE(err.find("holds one evaluation (2026-06-30); the changes theme compares two"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(png));
}

TEST(Changes, ReportMapsOfTheChanges) {
  std::ostringstream out, errs;
  parkgis::cli::Context ctx{out, errs, false};
  const std::string db = parkgis::test::two_evaluations_db(), html = parkgis::test::gui_tmp("changes-report.html");
  EXPECT_EQ(parkgis::cli::run({"report", "--db", db, "--zone", "YQ01-PQ1", "--by", "zone", "--format", "html", "--maps",
                               "changes", "-o", html},
                              ctx),
            2);
  EXPECT_NE(errs.str().find("give --from DATE --to DATE"), std::string::npos) << errs.str();
  ASSERT_EQ(parkgis::cli::run({"report", "--db", db, "--zone", "YQ01-PQ1", "--by", "zone", "--format", "html", "--maps",
                               "changes", "--from", "2025-12-31", "--to", "2026-06-30", "-o", html},
                              ctx),
            0)
      << errs.str();
  EXPECT_NE(parkgis::test::read_text(html).find("data:image/png;base64,"), std::string::npos);
  EXPECT_EQ(parkgis::cli::run({"report", "--db", db, "--format", "html", "--from", "2025-12-31", "-o", html}, ctx), 2);
}

TEST(Changes, ViewerThemeWithTwoDatesLegendAndIdentify) {
  auto w = parkgis::test::open_window(parkgis::test::two_evaluations_db());
  ASSERT_TRUE(w);
  w->resize(1700, 900);  // the whole toolbar fits (a narrow window moves its last widgets into the overflow menu)
  auto* bar = w->changes_bar();
  ASSERT_TRUE(bar->available());
  // Offered last in the theme list (by meaning: after the buildings).
  auto* combo = w->findChild<QComboBox*>();
  ASSERT_TRUE(combo);
  EXPECT_EQ(combo->itemData(combo->count() - 1).toString(), QStringLiteral("changes"));
  EXPECT_FALSE(bar->isVisibleTo(w.get()));  // shown with its theme only

  w->show_unit(QStringLiteral("YQ01-PQ1"));
  w->set_theme(QStringLiteral("changes"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle() && bar->changes(); }));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  EXPECT_EQ(w->theme(), QStringLiteral("changes"));
  EXPECT_TRUE(bar->isVisibleTo(w.get()));
  // The two latest evaluations by default; 从 lists every one but the latest, 到 those after 从.
  EXPECT_EQ(bar->from_combo()->currentText(), QStringLiteral("2025-12-31"));
  EXPECT_EQ(bar->to_combo()->currentText(), QStringLiteral("2026-06-30"));
  EXPECT_EQ(bar->from_combo()->count(), 1);
  EXPECT_EQ(bar->to_combo()->count(), 1);
  ASSERT_TRUE(bar->span());
  EXPECT_EQ(*bar->span(), kSpan);

  EXPECT_EQ(w->legend()->title(), QStringLiteral("宗地变化（两次评价对比）"));
  const QStringList labels = w->legend()->labels();
  for (const char* l : {"新增闲置", "已动工", "已收回", "降级", "无变化"}) EXPECT_TRUE(labels.contains(QString::fromUtf8(l))) << l;
  EXPECT_FALSE(labels.contains(QStringLiteral("宗地")));  // every parcel has a class: no plain-parcel entry

  // On the map: YQ01-PQ1-008 in the colour of 闲置情形变化: the pixels 20-30 px above and below its
  // label point (where its id is written), in the view the image was drawn for.
  const parkgis::viewer::RenderResult& drawn = w->canvas()->last_result();
  const render::Point mid = render::label_point(parkgis::test::parcel_shape("YQ01-PQ1-008"));
  const QPoint at(static_cast<int>(drawn.view.screen_x(mid.x)), static_cast<int>(drawn.view.screen_y(mid.y)));
  int hits = 0;
  for (int dy : {-30, -25, -20, 20, 25, 30})
    for (int dx = -20; dx <= 20; dx += 10) hits += drawn.image.pixelColor(at.x() + dx, at.y() + dy).rgb() == kIdleKindChanged.rgb();
  EXPECT_EQ(hits, 30) << "of 30 pixels around YQ01-PQ1-008 at " << at.x() << "," << at.y();

  w->identify_parcel(QStringLiteral("YQ01-PQ1-008"), false);
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle() && w->identify_panel()->parcel(); }));
  EXPECT_EQ(w->identify_panel()->value(QStringLiteral("changes"), QStringLiteral("change")), QStringLiteral("闲置情形变化"));
  EXPECT_EQ(w->identify_panel()->value(QStringLiteral("changes"), QStringLiteral("idle_to")),
            QStringLiteral("满两年未动工（可依法无偿收回）"));
  w->identify_parcel(QStringLiteral("YQ01-PQ1-006"), false);
  ASSERT_TRUE(parkgis::test::wait_for([&] {
    return w->idle() && w->identify_panel()->parcel() && w->identify_panel()->parcel()->parcel_id == "YQ01-PQ1-006";
  }));
  EXPECT_EQ(w->identify_panel()->value(QStringLiteral("changes"), QStringLiteral("change")), QStringLiteral("无变化"));

  if (const char* dir = std::getenv("PARKGIS_SCREENSHOT_DIR")) {
    w->identify_parcel(QStringLiteral("YQ01-PQ1-008"), false);
    ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
    EXPECT_TRUE(w->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/viewer-changes.png"), "PNG"));
    parkgis::viewer::set_language(QStringLiteral("en"));
    w->resize(1900, 900);  // the English toolbar is wider
    QCoreApplication::processEvents();
    ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
    EXPECT_TRUE(w->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/viewer-changes-en.png"), "PNG"));
    parkgis::viewer::set_language(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
  }

  // Another theme: the bar hides and identify has no change section.
  w->set_theme(QStringLiteral("idle"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  EXPECT_FALSE(bar->isVisibleTo(w.get()));
  EXPECT_EQ(w->identify_panel()->value(QStringLiteral("changes"), QStringLiteral("change")), QString());
  EXPECT_FALSE(w->canvas()->settings().changes);
}

TEST(Changes, ViewerWithOneEvaluationDoesNotOfferTheTheme) {
  auto w = parkgis::test::open_window();  // the sample analysed once
  ASSERT_TRUE(w);
  EXPECT_FALSE(w->changes_bar()->available());
  auto* combo = w->findChild<QComboBox*>();
  ASSERT_TRUE(combo);
  EXPECT_EQ(combo->findData(QStringLiteral("changes")), -1);
  w->set_theme(QStringLiteral("changes"));
  EXPECT_EQ(w->theme(), QStringLiteral("idle"));
  EXPECT_FALSE(w->changes_bar()->isVisibleTo(w.get()));
}
