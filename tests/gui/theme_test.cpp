// Themes: switching changes the legend (title, classes, ranges) and the map.
#include <gtest/gtest.h>

#include <QCoreApplication>

#include "app/viewer/language.h"
#include "app/viewer/legend_panel.h"
#include "app/viewer/map_canvas.h"
#include "tests/gui/gui_support.h"

TEST(Theme, SwitchChangesLegendAndMap) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ04-PQ1"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  EXPECT_EQ(w->theme(), QStringLiteral("idle"));
  EXPECT_EQ(w->legend()->title(), QStringLiteral("疑似闲置土地"));
  EXPECT_TRUE(w->legend()->labels().contains(QStringLiteral("满两年未动工（可依法无偿收回）")));
  const QImage idle = w->canvas()->last_result().image;

  w->set_theme(QStringLiteral("tax-per-mu"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  EXPECT_EQ(w->legend()->title(), QStringLiteral("亩均税收（万元/亩）"));
  const QStringList labels = w->legend()->labels();
  EXPECT_TRUE(labels.contains(QStringLiteral("< 5 万元/亩")));
  EXPECT_TRUE(labels.contains(QStringLiteral("≥ 40 万元/亩")));
  EXPECT_TRUE(labels.contains(QStringLiteral("无企业数据")));
  EXPECT_TRUE(labels.contains(QStringLiteral("园区")));
  EXPECT_FALSE(labels.contains(QStringLiteral("满两年未动工（可依法无偿收回）")));
  const QImage tax = w->canvas()->last_result().image;
  EXPECT_NE(idle, tax);
  // Only the parcels' pass was drawn again; the other layers came from the cache.
  EXPECT_EQ(w->canvas()->last_result().passes_drawn, 1);
}

TEST(Theme, EveryThemeDrawsAndHasALegend) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  for (const char* id : {"idle", "unsupplied", "tax-per-mu", "output-per-mu", "vacancy", "grade", "supply"}) {
    w->set_theme(QString::fromLatin1(id));
    ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); })) << id;
    EXPECT_EQ(w->theme(), QString::fromLatin1(id));
    EXPECT_GE(w->legend()->labels().size(), 3) << id;
    EXPECT_FALSE(w->canvas()->last_result().image.isNull()) << id;
  }
  // The unsupplied theme shows its own layer.
  w->set_theme(QStringLiteral("unsupplied"));
  EXPECT_TRUE(w->canvas()->settings().visible[parkgis::render::LayerId::unsupplied]);
  w->set_theme(QStringLiteral("grade"));
  EXPECT_FALSE(w->canvas()->settings().visible[parkgis::render::LayerId::unsupplied]);
}

TEST(Theme, LanguageSwitchRetranslates) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->set_theme(QStringLiteral("grade"));
  parkgis::viewer::set_language(QStringLiteral("en"));
  QCoreApplication::processEvents();
  EXPECT_EQ(w->legend()->title(), QStringLiteral("Per-mu grade (A–D)"));
  EXPECT_TRUE(w->windowTitle().endsWith(QStringLiteral("parkgis viewer")));
  parkgis::viewer::set_language(QStringLiteral("zh_CN"));
  QCoreApplication::processEvents();
  EXPECT_EQ(w->legend()->title(), QStringLiteral("亩均效益等级"));
  EXPECT_TRUE(w->windowTitle().endsWith(QStringLiteral("parkgis 地图浏览器")));
}
