// Store filters: bound values, quoted identifiers, OR of ANDs, and the R*Tree box.
#include <gtest/gtest.h>

#include "libgis/core/errors.h"
#include "libgis/geom/geos.h"
#include "libgis/store/store.h"
#include "tests/support/test_support.h"

using namespace parkgis;
using store::Condition;
using store::Filter;
using store::Value;

namespace {

class StoreFilter : public ::testing::Test {
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
    std::vector<store::Row> rows = {{{Value{std::string("a")}, Value{1.0}}, box(0)},
                                    {{Value{std::string("b'; DROP TABLE t; --")}, Value{2.0}}, box(100)},
                                    {{Value{std::string("c")}, Value{}}, box(200)}};
    created->store().begin();
    created->store().write_table(def, rows);
    created->store().commit();
    created->publish();
    db = store::open_spatialite(tmp.str("s.sqlite"));
  }
  std::vector<std::string> ids(const Filter& f) {
    std::vector<std::string> out;
    db->read_table("t", {"id"}, false, "id", [&](const store::Row& r) { out.push_back(store::value_text(r.values[0])); }, f);
    return out;
  }
  test::TempDir tmp;
  std::unique_ptr<store::Store> db;
};

}  // namespace

TEST_F(StoreFilter, ValuesAreBoundNotSpliced) {
  EXPECT_EQ(ids(Filter::equals("id", "b'; DROP TABLE t; --")), std::vector<std::string>{"b'; DROP TABLE t; --"});
  EXPECT_EQ(ids({}).size(), 3u);  // the table is still there
}

TEST_F(StoreFilter, OrOfAnds) {
  Filter f;
  f.any = {{Condition{"n", ">=", Value{1.5}}}, {Condition{"id", "=", Value{std::string("a")}}, Condition{"n", "<", Value{5.0}}}};
  EXPECT_EQ(ids(f), (std::vector<std::string>{"a", "b'; DROP TABLE t; --"}));
  Filter nulls;
  nulls.any = {{Condition{"n", "IS NULL", Value{}}}};
  EXPECT_EQ(ids(nulls), std::vector<std::string>{"c"});
}

TEST_F(StoreFilter, BoundingBoxUsesTheSpatialIndex) {
  Filter f;
  f.bbox = store::BBox{95, -1, 150, 1};
  EXPECT_EQ(ids(f).size(), 1u);
}

TEST_F(StoreFilter, UnknownColumnIsAnError) {
  Filter f = Filter::equals("nope", "x");
  try {
    ids(f);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()), "table t has no column nope");
  }
}

TEST_F(StoreFilter, IdListIsOneBoundValueOfAnyLength) {
  Filter f;
  // Quotes, backslashes and control characters survive; ids not in the table are ignored.
  std::vector<std::string> wanted = {"b'; DROP TABLE t; --", "c", "x\"y\\z\n"};
  for (int i = 0; i < 20000; ++i) wanted.push_back("missing-" + std::to_string(i));
  f.in = store::InList{"id", wanted};
  EXPECT_EQ(ids(f), (std::vector<std::string>{"b'; DROP TABLE t; --", "c"}));
  // With other conditions: AND.
  f.any = {{Condition{"n", "IS NULL", Value{}}}};
  EXPECT_EQ(ids(f), std::vector<std::string>{"c"});
  f.in->column = "nope";
  EXPECT_THROW(ids(f), DataError);
}
