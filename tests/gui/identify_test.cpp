// Identify: a click on a parcel shows its attributes, metrics, buildings and enterprise; hover
// highlights the parcel under the cursor.
#include <gtest/gtest.h>

#include <QTest>

#include <filesystem>

#include "app/viewer/identify_panel.h"
#include "app/viewer/map_canvas.h"
#include "app/viewer/queries.h"
#include "libgis/analysis/analyze.h"
#include "libgis/importer.h"
#include "libgis/store/store.h"
#include "tests/gui/gui_support.h"
#include "tests/support/test_support.h"
#include "tests/support/tiny_dataset.h"

using parkgis::test::screen_point_of;

TEST(Identify, ClickOnAParcelShowsEverythingAboutIt) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  w->show_unit(QStringLiteral("YQ05-PQ2"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle(); }));
  // The sample's repaired bow-tie parcel (tests/golden/ningde/parcels.csv).
  const QPoint at = screen_point_of(*w, "YQ05-PQ2-006");
  QTest::mouseClick(w->canvas(), Qt::LeftButton, Qt::NoModifier, at);
  auto* panel = w->identify_panel();
  ASSERT_TRUE(parkgis::test::wait_for([&] { return panel->parcel().has_value() && w->idle(); }));
  EXPECT_EQ(panel->parcel()->parcel_id, "YQ05-PQ2-006");
  EXPECT_EQ(panel->value("metrics", "parcel_id"), QStringLiteral("YQ05-PQ2-006"));
  EXPECT_EQ(panel->value("metrics", "area_mu"), QStringLiteral("7.50"));
  EXPECT_EQ(panel->value("metrics", "enterprise_name"), QStringLiteral("霞浦县信博仓储服务有限公司"));
  // Supplied recently and not built on: its holder is inside the construction period and not producing,
  // so ungraded (the legend's words), and an unbuilt parcel shows no 亩均.
  EXPECT_EQ(panel->value("metrics", "grade"), QStringLiteral("不定等级"));
  EXPECT_EQ(panel->value("metrics", "tax_per_mu"), QString());
  EXPECT_EQ(panel->value("source", "land_use"), QStringLiteral("0601 工业用地"));
  EXPECT_EQ(panel->value("enterprise", "name"), QStringLiteral("霞浦县信博仓储服务有限公司"));
  EXPECT_FALSE(panel->value("enterprise", "grade").isEmpty());
  // A click also selects the parcel.
  EXPECT_EQ(w->selected_ids(), std::vector<std::string>{"YQ05-PQ2-006"});
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

// Rented floors (the tiny dataset with tenancies, tests/support/tiny_dataset.h): identify lists the holder
// and the tenants with their land; the enterprise search finds a tenant and zooms to the buildings it rents.
TEST(Identify, ShowsTenantsAndFindsThemBySearch) {
  parkgis::test::TempDir tmp;
  std::filesystem::create_directories(tmp.path() / "ds");
  parkgis::test::TinyOptions t;
  t.tenancies = true;
  parkgis::test::write_tiny_dataset(tmp.str("ds"), t);
  parkgis::import_dataset({tmp.str("ds"), tmp.str("x.sqlite"), {}});
  auto store = parkgis::store::open_spatialite(tmp.str("x.sqlite"));
  parkgis::analysis::AnalyzeOptions o;
  o.as_of = parkgis::Date{2026, 6, 30};
  parkgis::analysis::analyze(*store, o);

  const auto info = parkgis::viewer::parcel_info(*store, "F");
  ASSERT_TRUE(info);
  ASSERT_EQ(info->tenancies.size(), 2u);  // E4 (holder) 5000 m², E3 (tenant of b2) 5000 m²
  parkgis::viewer::IdentifyPanel panel(nullptr);
  panel.show_parcel(info);
  EXPECT_EQ(panel.value("tenancy", "enterprise_id"), QStringLiteral("E4"));
  EXPECT_EQ(panel.value("tenancy", "role"), QStringLiteral("holder"));
  bool tenant_shown = false;
  for (const auto& row : info->tenancies)
    for (const auto& a : row) tenant_shown |= a.column == "building_id" && a.value == "b2";
  EXPECT_TRUE(tenant_shown);

  // E3 holds no land: it is found by the buildings it rents (b1 in A, b2 across A and F).
  const auto hits = parkgis::viewer::search(*store, "E3", 10);
  const parkgis::viewer::SearchHit* firm = nullptr;
  for (const auto& h : hits)
    if (h.kind == parkgis::viewer::SearchHit::enterprise && h.id == "E3") firm = &h;
  ASSERT_NE(firm, nullptr);
  EXPECT_NEAR(firm->box.minx, 500000 + 20, 1e-6);   // b1's west side
  EXPECT_NEAR(firm->box.maxx, 500000 + 120, 1e-6);  // b2's east side
}
