// The park/zone tree: the sample's 10 parks and 21 zones with their figures, sortable.
#include <gtest/gtest.h>

#include "app/viewer/map_canvas.h"
#include "app/viewer/parcel_table.h"
#include "app/viewer/park_tree.h"
#include "tests/gui/gui_support.h"

using parkgis::viewer::ParkTreeModel;

namespace {

int count_zones(const QAbstractItemModel& m) {
  int n = 0;
  for (int r = 0; r < m.rowCount(); ++r) n += m.rowCount(m.index(r, 0));
  return n;
}

}  // namespace

TEST(ParkTree, TenParksTwentyOneZonesWithFigures) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  const ParkTreeModel& m = *w->tree()->tree_model();
  EXPECT_EQ(m.rowCount(), 10);
  EXPECT_EQ(count_zones(m), 21);
  // YQ02-PQ1 as in tests/golden/ningde/zones.csv: 252.273 亩, 78.775 unsupplied, 11.314 idle,
  // vacancy 10.05 % (floor vacant 6 months or more), tax 6.236 万元/亩 (holders' and tenants' land).
  const QModelIndex z = m.find(QStringLiteral("YQ02-PQ1"));
  ASSERT_TRUE(z.isValid());
  const auto cell = [&](int column) { return m.index(z.row(), column, z.parent()).data().toString(); };
  EXPECT_EQ(cell(ParkTreeModel::name), QStringLiteral("YQ02-PQ1  东侨小微园一片区"));
  EXPECT_EQ(cell(ParkTreeModel::area), QStringLiteral("252.3"));
  EXPECT_EQ(cell(ParkTreeModel::unsupplied), QStringLiteral("78.8"));
  EXPECT_EQ(cell(ParkTreeModel::idle), QStringLiteral("11.3"));
  EXPECT_EQ(cell(ParkTreeModel::vacancy), QStringLiteral("10.0%"));
  EXPECT_EQ(cell(ParkTreeModel::tax), QStringLiteral("6.24"));
  EXPECT_EQ(z.parent().data(ParkTreeModel::IdRole).toString(), QStringLiteral("YQ02"));
  // The park row: YQ01 蕉城小微园, 865.1 亩 (parks.csv).
  const QModelIndex p = m.find(QStringLiteral("YQ01"));
  EXPECT_EQ(m.index(p.row(), ParkTreeModel::area).data().toString(), QStringLiteral("865.1"));
  EXPECT_EQ(m.rowCount(p), 3);
}

TEST(ParkTree, SortsByFigureNotText) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  auto* proxy = w->tree()->proxy();
  w->tree()->sortByColumn(ParkTreeModel::area, Qt::DescendingOrder);
  double last = 1e300;
  for (int r = 0; r < proxy->rowCount(); ++r) {
    const double v = proxy->index(r, ParkTreeModel::area).data(ParkTreeModel::SortRole).toDouble();
    EXPECT_LE(v, last) << "row " << r;
    last = v;
  }
  EXPECT_EQ(proxy->index(0, 0).data(ParkTreeModel::IdRole).toString(), QStringLiteral("YQ01"));  // 865.1 亩, the largest
}

TEST(ParkTree, ClickZoomsAndFiltersTheTables) {
  auto w = parkgis::test::open_window();
  ASSERT_TRUE(w);
  const parkgis::render::Extent before = w->canvas()->view().extent();
  w->show_unit(QStringLiteral("YQ10-PQ1"));
  ASSERT_TRUE(parkgis::test::wait_for([&] { return w->idle() && w->unit_table()->table_model()->rowCount() > 0; }));
  const parkgis::render::Extent after = w->canvas()->view().extent();
  EXPECT_LT(after.width(), before.width() / 20);
  for (const auto& row : w->unit_table()->table_model()->rows()) EXPECT_EQ(row.zone_id, "YQ10-PQ1");
  EXPECT_EQ(w->unit_table()->table_model()->rowCount(), 24);
}
