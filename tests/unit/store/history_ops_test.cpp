// The store operations behind evaluations and versions (libgis/history): append_rows with leading
// values, copy_rows by column name with leading values, delete_rows and update_rows with filters,
// add_column; spatial copies keep their spatial index usable.
#include <gtest/gtest.h>

#include "libgis/core/errors.h"
#include "libgis/geom/geos.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"

using namespace parkgis;
using store::Filter;
using store::Value;

namespace {

class StoreHistoryOps : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = store::create_spatialite(tmp.str("s.sqlite"), 4549);
    geom::Context ctx;
    const auto box = [&](double x) {
      auto g = geom::from_wkt(ctx, "MULTIPOLYGON(((" + std::to_string(x) + " 0," + std::to_string(x + 10) + " 0," +
                                       std::to_string(x + 10) + " 10," + std::to_string(x) + " 0)))");
      return geom::to_wkb(ctx, g.get());
    };
    store::TableDef def{"t", {{"id", store::ColumnType::text}, {"n", store::ColumnType::real}}, "id", true, {}};
    created->store().begin();
    created->store().write_table(def, {{{Value{std::string("a")}, Value{1.0}}, box(0)},
                                       {{Value{std::string("b")}, Value{2.0}}, box(100)},
                                       {{Value{std::string("c")}, Value{}}, box(200)}});
    created->store().commit();
    created->publish();
    db = store::open_spatialite(tmp.str("s.sqlite"));
  }
  // "as_of id n" of every row of a table, in storage order.
  std::vector<std::string> rows(const std::string& table, const std::vector<std::string>& cols, const Filter& f = {}) {
    std::vector<std::string> out;
    db->read_table(table, cols, false, "fid", [&](const store::Row& r) {
      std::string line;
      for (const Value& v : r.values) line += (line.empty() ? "" : " ") + (store::is_null(v) ? "-" : store::value_text(v));
      out.push_back(line);
    }, f);
    return out;
  }
  test::TempDir tmp;
  std::unique_ptr<store::Store> db;
  const store::TableDef archive{"t_history", {{"as_of", store::ColumnType::date}, {"id", store::ColumnType::text},
                                              {"n", store::ColumnType::real}, {"extra", store::ColumnType::text}},
                                "", true, {"as_of"}};
};

}  // namespace

TEST_F(StoreHistoryOps, CopyRowsByNameWithLeadingValues) {
  db->begin();
  // Rows a and b, with as_of = 2025-12-31 first; "extra" is not in t: null.
  Filter f;
  f.in = store::InList{"id", {"a", "b"}};
  EXPECT_EQ(db->copy_rows("t", archive, f, {Value{std::string("2025-12-31")}}), 2);
  EXPECT_EQ(db->copy_rows("t", archive, {}, {Value{std::string("2026-12-31")}}), 3);
  db->commit();
  EXPECT_EQ(rows("t_history", {"as_of", "id", "n", "extra"}),
            (std::vector<std::string>{"2025-12-31 a 1 -", "2025-12-31 b 2 -", "2026-12-31 a 1 -", "2026-12-31 b 2 -",
                                      "2026-12-31 c - -"}));
  // The geometry came along and the spatial index finds it: the box around x = 100..110 holds b twice.
  Filter near_b;
  near_b.bbox = store::BBox{101, 1, 102, 2};
  EXPECT_EQ(rows("t_history", {"as_of", "id"}, near_b), (std::vector<std::string>{"2025-12-31 b", "2026-12-31 b"}));
}

TEST_F(StoreHistoryOps, AppendWithLeadingValuesDeleteAndUpdate) {
  db->begin();
  db->append_rows(archive, {{{Value{std::string("x")}, Value{5.0}, Value{}}, ""}}, {Value{std::string("2025-12-31")}});
  db->append_rows(archive, {{{Value{std::string("y")}, Value{6.0}, Value{}}, ""}}, {Value{std::string("2026-12-31")}});
  EXPECT_EQ(db->update_rows("t_history", Filter::equals("as_of", "2026-12-31"), {{"extra", Value{std::string("late")}}}), 1);
  EXPECT_EQ(db->delete_rows("t_history", Filter::equals("as_of", "2025-12-31")), 1);
  db->add_column("t_history", {"later", store::ColumnType::integer});
  db->commit();
  EXPECT_EQ(rows("t_history", {"as_of", "id", "n", "extra", "later"}), (std::vector<std::string>{"2026-12-31 y 6 late -"}));
  // Unknown columns are refused, not spliced into SQL.
  db->begin();
  EXPECT_THROW(db->update_rows("t_history", Filter::equals("nope", "1"), {{"extra", Value{}}}), DataError);
  EXPECT_THROW(db->update_rows("t_history", {}, {{"x\"; DROP TABLE t; --", Value{}}}), DataError);
  EXPECT_THROW(db->delete_rows("missing", {}), DataError);
  db->rollback();
  EXPECT_TRUE(db->has_table("t"));
}
