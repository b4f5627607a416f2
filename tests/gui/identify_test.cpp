// Identify: a click on a parcel shows its attributes, metrics, buildings and enterprise; hover
// highlights the parcel under the cursor.
#include <gtest/gtest.h>

#include <QTest>

#include "app/viewer/identify_panel.h"
#include "app/viewer/map_canvas.h"
#include "tests/gui/gui_support.h"

using parkgis::test::screen_point_of;

TEST(Identify, ClickOnAParcelShowsEverythingAboutIt) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ04-PQ3"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  // The sample's repaired bow-tie parcel (tests/golden/ningde/parcels.csv).
  const QPoint at = screen_point_of(*w, "YQ04-PQ3-020");
  QTest::mouseClick(w->canvas(), Qt::LeftButton, Qt::NoModifier, at);
  auto* panel = w->identify_panel();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return panel->parcel().has_value() && w->idle(); }));
  EXPECT_EQ(panel->parcel()->parcel_id, "YQ04-PQ3-020");
  EXPECT_EQ(panel->value("metrics", "parcel_id"), QStringLiteral("YQ04-PQ3-020"));
  EXPECT_EQ(panel->value("metrics", "area_mu"), QStringLiteral("6.97"));
  EXPECT_EQ(panel->value("metrics", "enterprise_name"), QStringLiteral("福鼎市茂锦电机有限公司"));
  EXPECT_EQ(panel->value("metrics", "grade"), QStringLiteral("C 类（帮扶转型） (C)"));  // the legend's words
  EXPECT_EQ(panel->value("metrics", "tax_per_mu"), QStringLiteral("0.58"));
  EXPECT_EQ(panel->value("source", "land_use"), QStringLiteral("0601"));
  EXPECT_EQ(panel->value("enterprise", "name"), QStringLiteral("福鼎市茂锦电机有限公司"));
  EXPECT_FALSE(panel->value("enterprise", "grade").isEmpty());
  // A click also selects the parcel.
  EXPECT_EQ(w->selected_ids(), std::vector<std::string>{"YQ04-PQ3-020"});
}

TEST(Identify, ListsTheBuildingsOnTheParcel) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->identify_parcel(QStringLiteral("YQ10-PQ1-005"), false);
  auto* panel = w->identify_panel();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return panel->parcel().has_value(); }));
  const auto& info = *panel->parcel();
  EXPECT_EQ(info.parcel_id, "YQ10-PQ1-005");
  EXPECT_FALSE(info.buildings.empty());
  for (const auto& b : info.buildings) {
    bool has_id = false;
    for (const auto& a : b) has_id |= a.column == "building_id" && !a.value.empty();
    EXPECT_TRUE(has_id);
  }
}

TEST(Identify, HoverHighlightsTheParcelUnderTheCursor) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ10-PQ1"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  const QPoint at = screen_point_of(*w, "YQ10-PQ1-005");
  QTest::mouseMove(w->canvas(), at);
  EXPECT_TRUE(parkgis::test::wait_for([&] { return w->canvas()->hover().has_value(); }));
}
