// The 趋势 panel: the park or zone selected in the tree charted by evaluation date (Qt Charts) with the
// figures of 'parkgis trend' (report::build_trend), and a sentence instead with one evaluation.
// PARKGIS_SCREENSHOT_DIR=docs/screenshots writes viewer-trend.png and viewer-trend-en.png.
#include <gtest/gtest.h>

#include <QChart>
#include <QCoreApplication>
#include <QDockWidget>
#include <QLineSeries>
#include <cstdlib>

#include "app/viewer/language.h"
#include "app/viewer/trend_panel.h"
#include "libgis/core/units.h"
#include "libgis/report/trend.h"
#include "libgis/store/store.h"
#include "tests/gui/gui_support.h"

namespace {

// The rows of 'parkgis trend --by zone --zone ID' as column -> value, one map per evaluation.
std::vector<std::map<std::string, parkgis::store::Value>> trend_rows(const std::string& db, const std::string& zone) {
  auto store = parkgis::store::open_spatialite(db);
  parkgis::report::TrendRequest req;
  req.level = parkgis::report::TrendLevel::zone;
  req.zone_id = zone;
  const parkgis::report::Report rep = parkgis::report::build_trend(*store, req);
  std::vector<std::map<std::string, parkgis::store::Value>> out;
  for (const auto& section : rep.sections)
    for (const auto& row : section.rows) {
      std::map<std::string, parkgis::store::Value> m;
      for (std::size_t i = 0; i < rep.columns.size() && i < row.size(); ++i) m[rep.columns[i].key] = row[i];
      out.push_back(std::move(m));
    }
  return out;
}

QLineSeries* series_named(QChart* chart, const QString& name) {
  for (QAbstractSeries* s : chart->series())
    if (s->name() == name) return qobject_cast<QLineSeries*>(s);
  return nullptr;
}

}  // namespace

TEST(TrendPanel, ZoneSeriesEqualTheTrendRows) {
  auto w = parkgis::test::open_window(parkgis::test::two_evaluations_db());
  ASSERT_TRUE(w);
  parkgis::viewer::TrendPanel* panel = w->trend_panel();
  ASSERT_TRUE(panel);
  EXPECT_FALSE(panel->chart_shown());  // nothing chosen yet: a hint
  EXPECT_FALSE(panel->message().isEmpty());

  w->show_unit(QStringLiteral("YQ01-PQ1"));  // selects the zone in the tree
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle() && panel->chart_shown(); }));
  EXPECT_EQ(panel->unit_id(), QStringLiteral("YQ01-PQ1"));
  // Two small charts sharing the dates: 亩均税收 above, 闲置土地 and 批而未供 below.
  ASSERT_EQ(panel->tax_chart()->series().size(), 1);
  ASSERT_EQ(panel->land_chart()->series().size(), 2);

  const auto rows = trend_rows(parkgis::test::two_evaluations_db(), "YQ01-PQ1");
  ASSERT_EQ(rows.size(), 2u);  // 2025-12-31 and 2026-06-30
  QLineSeries* idle = series_named(panel->land_chart(), QStringLiteral("闲置土地"));
  QLineSeries* unsupplied = series_named(panel->land_chart(), QStringLiteral("批而未供"));
  QLineSeries* tax = series_named(panel->tax_chart(), QStringLiteral("亩均税收"));
  ASSERT_TRUE(idle && unsupplied && tax);
  EXPECT_EQ(panel->tax_chart()->title(), QStringLiteral("亩均税收（万元/亩）"));
  EXPECT_EQ(panel->land_chart()->title(), QStringLiteral("闲置土地与批而未供（亩）"));
  for (QLineSeries* s : {idle, unsupplied, tax}) ASSERT_EQ(s->count(), 2) << s->name().toStdString();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto num = [&](const char* key) { return parkgis::store::value_number(rows[i].at(key)).value_or(-1); };
    const int k = static_cast<int>(i);
    EXPECT_EQ(idle->at(k).x(), k);
    EXPECT_NEAR(idle->at(k).y(), parkgis::units::m2_to_mu(num("idle_m2")), 1e-9);              // 亩
    EXPECT_NEAR(unsupplied->at(k).y(), parkgis::units::m2_to_mu(num("unsupplied_m2")), 1e-9);  // 亩
    EXPECT_NEAR(tax->at(k).y(), num("tax_per_mu"), 1e-9);                                      // 万元/亩
  }
  // The figures of tests/golden/ningde/trend_zones.csv: idle 6147.6 m² ÷ (10000/15) = 9.2214 亩 at both
  // dates; 批而未供 28480.8 m² = 42.7212 亩; 亩均税收 3.35 then 4.86 万元/亩.
  EXPECT_NEAR(idle->at(0).y(), 9.2214, 1e-4);          // 亩
  EXPECT_NEAR(unsupplied->at(1).y(), 42.7212, 1e-4);   // 亩
  EXPECT_NEAR(tax->at(0).y(), 3.3498, 1e-4);           // 万元/亩
  EXPECT_NEAR(tax->at(1).y(), 4.8569, 1e-4);           // 万元/亩

  // A park: its own rows.
  w->show_unit(QStringLiteral("YQ01"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle() && panel->unit_id() == QStringLiteral("YQ01") && panel->chart_shown(); }));
  ASSERT_EQ(panel->data().x_labels, (std::vector<std::string>{"2025-12-31", "2026-06-30"}));

  if (const char* dir = std::getenv("PARKGIS_SCREENSHOT_DIR")) {
    w->show_unit(QStringLiteral("YQ01-PQ1"));
    if (auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget())) dock->raise();
    ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle() && panel->unit_id() == QStringLiteral("YQ01-PQ1"); }));
    ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
    EXPECT_TRUE(w->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/viewer-trend.png"), "PNG"));
    parkgis::viewer::set_language(QStringLiteral("en"));
    QCoreApplication::processEvents();
    ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
    EXPECT_TRUE(w->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/viewer-trend-en.png"), "PNG"));
    parkgis::viewer::set_language(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
  }
}

TEST(TrendPanel, OneEvaluationShowsASentence) {
  auto w = parkgis::test::open_window();  // the sample analysed once, as of 2026-06-30
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ01-PQ1"));
  parkgis::viewer::TrendPanel* panel = w->trend_panel();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle() && panel->message().contains(QStringLiteral("2026-06-30")); }));
  EXPECT_FALSE(panel->chart_shown());
  EXPECT_TRUE(panel->message().contains(QStringLiteral("parkgis analyze"))) << panel->message().toStdString();
}
