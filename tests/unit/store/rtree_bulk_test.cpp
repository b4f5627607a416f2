// Bulk loading of SQLite R*Trees: the packed tree must hold exactly the boxes SQLite would store, pass
// SQLite's own rtreecheck(), answer box queries like a tree SQLite grew itself, and keep working
// through SpatiaLite's triggers after later edits.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <cmath>
#include <random>

#include "libgis/core/errors.h"
#include "libgis/geom/geos.h"
#include "libgis/store/rtree_bulk.h"
#include "libgis/store/sqlite_db.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"

using namespace parkgis;
using store::detail::Db;
using store::detail::Envelope;
using store::detail::Stmt;

namespace {

std::vector<Envelope> random_boxes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> x(400000.0, 600000.0), y(2900000.0, 3100000.0), size(0.3, 250.0);
  std::vector<Envelope> out;
  for (std::size_t i = 0; i < n; ++i) {
    const double x0 = x(rng), y0 = y(rng);
    // Ids with gaps, as a table has after deletions.
    out.push_back({static_cast<std::int64_t>(3 * i + 7), x0, x0 + size(rng), y0, y0 + size(rng)});
  }
  return out;
}

// Two R*Trees over the same boxes: `grown` by SQLite's own inserts, `packed` bulk loaded.
struct TwoTrees {
  explicit TwoTrees(const std::vector<Envelope>& boxes) : db(tmp.str("r.sqlite"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
    db.exec("CREATE VIRTUAL TABLE grown USING rtree(pkid, xmin, xmax, ymin, ymax)");
    db.exec("CREATE VIRTUAL TABLE packed USING rtree(pkid, xmin, xmax, ymin, ymax)");
    db.exec("BEGIN");
    Stmt ins(db, "INSERT INTO grown VALUES (?, ?, ?, ?, ?)");
    for (const Envelope& e : boxes) {
      ins.bind_int(1, e.id);
      ins.bind_double(2, e.min_x);
      ins.bind_double(3, e.max_x);
      ins.bind_double(4, e.min_y);
      ins.bind_double(5, e.max_y);
      ins.step();
      ins.reset();
    }
    store::detail::bulk_load_rtree(db, "packed", boxes);
    db.exec("COMMIT");
  }
  std::vector<std::string> rows(const std::string& table, const std::string& where = "") {
    std::vector<std::string> out;
    Stmt st(db, "SELECT pkid, xmin, xmax, ymin, ymax FROM " + table + (where.empty() ? "" : " WHERE " + where) +
                    " ORDER BY pkid");
    while (st.step()) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "%lld %.9g %.9g %.9g %.9g", static_cast<long long>(st.column_int(0)),
                    st.column_double(1), st.column_double(2), st.column_double(3), st.column_double(4));
      out.emplace_back(buf);
    }
    return out;
  }
  std::string check(const std::string& table) {
    Stmt st(db, "SELECT rtreecheck('" + table + "')");
    return st.step() ? st.column_text(0) : "";
  }
  std::int64_t depth(const std::string& table) {
    Stmt st(db, "SELECT rtreedepth(data) FROM " + table + "_node WHERE nodeno = 1");
    return st.step() ? st.column_int(0) : -1;
  }
  test::TempDir tmp;
  Db db;
};

}  // namespace

TEST(RtreeBulk, FloatBoundsContainTheDoubleLikeSqlite) {
  for (double d : {0.1, -0.1, 512345.678, -512345.678, 3012345.6789, 1e-30, 0.0, 16777217.0}) {
    EXPECT_LE(double(store::detail::rtree_lower(d)), d) << d;
    EXPECT_GE(double(store::detail::rtree_upper(d)), d) << d;
  }
  // A double that a float holds exactly is kept as it is.
  EXPECT_EQ(store::detail::rtree_lower(0.5), 0.5f);
  EXPECT_EQ(store::detail::rtree_upper(-2.25), -2.25f);
}

class RtreeBulkSizes : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RtreeBulkSizes, SameBoxesAndQueriesAsATreeSqliteGrew) {
  const std::vector<Envelope> boxes = random_boxes(GetParam(), 11);
  TwoTrees t(boxes);
  EXPECT_EQ(t.check("packed"), "ok");
  const std::vector<std::string> all = t.rows("grown");
  ASSERT_EQ(all.size(), boxes.size());
  EXPECT_EQ(t.rows("packed"), all);
  for (const char* where : {"xmin <= 500000 AND xmax >= 480000 AND ymin <= 3010000 AND ymax >= 3000000",
                            "xmax >= 599000", "ymin <= 2901000", "xmin <= 450000.5 AND xmax >= 450000.5"})
    EXPECT_EQ(t.rows("packed", where), t.rows("grown", where)) << where;
}

// 0, 1, a full root leaf (51 cells with 4096-byte pages), one more, two levels, three levels.
INSTANTIATE_TEST_SUITE_P(Sizes, RtreeBulkSizes, ::testing::Values(0, 1, 51, 52, 2000, 3000));

TEST(RtreeBulk, DepthGrowsWithTheRows) {
  TwoTrees one(random_boxes(51, 3)), two(random_boxes(52, 3)), three(random_boxes(3000, 3));
  EXPECT_EQ(one.depth("packed"), 0);
  EXPECT_EQ(two.depth("packed"), 1);
  EXPECT_EQ(three.depth("packed"), 2);  // 3,000 > 51 × 51
}

TEST(RtreeBulk, EditsAfterTheBulkLoadKeepTheTreeSound) {
  TwoTrees t(random_boxes(3000, 5));
  t.db.exec("DELETE FROM packed WHERE pkid % 2 = 0");
  t.db.exec("INSERT INTO packed VALUES (1, 0, 1, 0, 1)");
  t.db.exec("UPDATE packed SET xmin = 1, xmax = 2 WHERE pkid = 7");
  t.db.exec("DELETE FROM grown WHERE pkid % 2 = 0");
  t.db.exec("INSERT INTO grown VALUES (1, 0, 1, 0, 1)");
  t.db.exec("UPDATE grown SET xmin = 1, xmax = 2 WHERE pkid = 7");
  EXPECT_EQ(t.check("packed"), "ok");
  EXPECT_EQ(t.rows("packed"), t.rows("grown"));
  EXPECT_EQ(t.rows("packed", "xmin <= 1.5 AND xmax >= 1.5"), t.rows("grown", "xmin <= 1.5 AND xmax >= 1.5"));
}

TEST(RtreeBulk, RefusesATreeThatHasRows) {
  TwoTrees t(random_boxes(10, 1));
  try {
    store::detail::bulk_load_rtree(t.db, "grown", random_boxes(10, 2));
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_STREQ(e.what(), "R*Tree grown is not empty; it cannot be bulk loaded");
  }
}

// Through the store: the index of a written table is SpatiaLite's (CheckSpatialIndex agrees), its
// triggers are back, and rows appended later reach the index. Rows bring their envelopes (all, none,
// or all but one: then the store reads them back from the geometries).
class StoreIndex : public ::testing::TestWithParam<int> {};

TEST_P(StoreIndex, TablesGetAValidSpatiaLiteIndex) {
  test::TempDir tmp;
  const std::string path = tmp.str("s.sqlite");
  {
    auto created = store::create_spatialite(path, 4549);
    geom::Context ctx;
    std::vector<store::Row> rows;
    for (int i = 0; i < 3000; ++i) {
      const double x = 500000 + (i % 60) * 30.0, y = 3000000 + (i / 60) * 30.0;
      auto g = geom::from_wkt(ctx, "MULTIPOLYGON(((" + std::to_string(x) + " " + std::to_string(y) + "," +
                                       std::to_string(x + 20) + " " + std::to_string(y) + "," + std::to_string(x + 20) +
                                       " " + std::to_string(y + 20) + "," + std::to_string(x) + " " + std::to_string(y) + ")))");
      rows.push_back({{store::Value{std::string("p") + std::to_string(i)}}, geom::to_wkb(ctx, g.get())});
      const bool with_box = GetParam() == 1 || (GetParam() == 2 && i != 1234);
      // A wrong box would show in CheckSpatialIndex; the right one is the square's own corners.
      if (with_box) rows.back().bbox = store::BBox{x, y, x + 20, y + 20};
    }
    store::TableDef def{"t", {{"id", store::ColumnType::text}}, "id", true, {}};
    created->store().begin();
    created->store().write_table(def, rows);
    created->store().append_rows(def, {{{store::Value{std::string("late")}}, rows[0].wkb}});
    created->store().commit();
    created->publish();
  }
  Db db(path, SQLITE_OPEN_READWRITE);
  EXPECT_EQ(db.query_int("SELECT CheckSpatialIndex('t', 'geom')"), 1);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM idx_t_geom"), 3001);
  // Each box holds its geometry's envelope, as tight as floats allow (their step is 0.25 m at 3,000 km).
  EXPECT_EQ(db.query_int("SELECT count(*) FROM t JOIN idx_t_geom ON pkid = t.fid WHERE "
                         "xmin <= MbrMinX(geom) AND xmin > MbrMinX(geom) - 0.5 AND "
                         "xmax >= MbrMaxX(geom) AND xmax < MbrMaxX(geom) + 0.5 AND "
                         "ymin <= MbrMinY(geom) AND ymin > MbrMinY(geom) - 0.5 AND "
                         "ymax >= MbrMaxY(geom) AND ymax < MbrMaxY(geom) + 0.5"),
            3001);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 't' AND name LIKE 'gi%'"), 3);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM idx_t_geom WHERE xmin <= 500010 AND xmax >= 500010 AND "
                         "ymin <= 3000010 AND ymax >= 3000010"),
            2);  // p0 and the appended copy of it
  Stmt st(db, "SELECT rtreecheck('idx_t_geom')");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_text(0), "ok");
}

INSTANTIATE_TEST_SUITE_P(Envelopes, StoreIndex, ::testing::Values(0, 1, 2));

TEST(RtreeBulk, StoreRejectsANonMultipolygonGeometry) {
  test::TempDir tmp;
  auto created = store::create_spatialite(tmp.str("s.sqlite"), 4549);
  geom::Context ctx;
  auto g = geom::from_wkt(ctx, "POLYGON((0 0,1 0,1 1,0 0))");
  store::TableDef def{"t", {{"id", store::ColumnType::text}}, "id", true, {}};
  created->store().begin();
  EXPECT_THROW(created->store().write_table(def, {{{store::Value{std::string("a")}}, geom::to_wkb(ctx, g.get())}}),
               std::logic_error);
}

// A spatial table dropped by a tool without SpatiaLite leaves its R*Tree and metadata behind; writing the
// table again still gives it a sound index.
TEST(RtreeBulk, RewritingATableDroppedByOtherToolsWorks) {
  test::TempDir tmp;
  const std::string path = tmp.str("s.sqlite");
  geom::Context ctx;
  auto g = geom::from_wkt(ctx, "MULTIPOLYGON(((0 0,10 0,10 10,0 0)))");
  const std::vector<store::Row> rows = {{{store::Value{std::string("a")}}, geom::to_wkb(ctx, g.get())}};
  const store::TableDef def{"t", {{"id", store::ColumnType::text}}, "id", true, {}};
  {
    auto created = store::create_spatialite(path, 4549);
    created->store().write_table(def, rows);
    created->publish();
  }
  {
    Db raw(path, SQLITE_OPEN_READWRITE);
    raw.exec("DROP TABLE t");  // what the sqlite3 shell does: idx_t_geom and geometry_columns stay
  }
  auto db = store::open_spatialite(path);
  db->begin();
  db->write_table(def, rows);
  db->commit();
  db.reset();
  Db check(path, SQLITE_OPEN_READWRITE);
  EXPECT_EQ(check.query_int("SELECT CheckSpatialIndex('t', 'geom')"), 1);
  EXPECT_EQ(check.query_int("SELECT count(*) FROM idx_t_geom"), 1);
}
