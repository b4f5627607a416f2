#pragma once
// Two stores compared table by table: the same tables, columns and rows, numbers within 1e-9 (relative,
// at least absolute), text and geometry (WKB) byte for byte. Columns that hold the moment a command ran
// are left out.

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "libgis/store/store.h"

namespace parkgis::test {

inline void expect_same_tables(store::Store& a, store::Store& b) {
  const std::vector<std::string> tables = a.table_names();
  ASSERT_EQ(tables, b.table_names());
  ASSERT_FALSE(tables.empty());
  for (const std::string& t : tables) {
    if (t == "parkgis_meta") continue;  // compared below, without the keys each store writes itself
    const std::vector<std::string> cols_a = a.columns(t);
    ASSERT_EQ(cols_a, b.columns(t)) << t;
    std::vector<std::string> cols;
    for (const store::ColumnDef& d : a.column_defs(t))
      if (d.name != "ran_at" && d.name != "loaded_at") cols.push_back(d.name);
    const bool spatial = std::find(cols_a.begin(), cols_a.end(), "geom") != cols_a.end();
    std::vector<store::Row> rows_a, rows_b;
    a.read_table(t, cols, spatial, "", [&](const store::Row& r) { rows_a.push_back(r); });
    b.read_table(t, cols, spatial, "", [&](const store::Row& r) { rows_b.push_back(r); });
    ASSERT_EQ(rows_a.size(), rows_b.size()) << t;
    long differing = 0;
    for (std::size_t r = 0; r < rows_a.size(); ++r) {
      for (std::size_t c = 0; c < cols.size(); ++c) {
        const store::Value& x = rows_a[r].values[c];
        const store::Value& y = rows_b[r].values[c];
        const bool numbers = !std::holds_alternative<std::string>(x) && !std::holds_alternative<std::string>(y) &&
                             !store::is_null(x) && !store::is_null(y);
        bool same = store::is_null(x) == store::is_null(y);
        if (same && numbers) {
          const double nx = store::value_number(x).value_or(0), ny = store::value_number(y).value_or(0);
          same = std::fabs(nx - ny) <= 1e-9 * std::max(1.0, std::fabs(nx));
        } else if (same) {
          same = store::value_text(x) == store::value_text(y);
        }
        if (!same && ++differing <= 5)
          ADD_FAILURE() << t << " row " << r + 1 << " " << cols[c] << ": " << store::value_text(x) << " vs "
                        << store::value_text(y);
      }
      if (rows_a[r].wkb != rows_b[r].wkb && ++differing <= 5) ADD_FAILURE() << t << " row " << r + 1 << ": geometry differs";
    }
    EXPECT_EQ(differing, 0) << t;
  }
  auto meta_a = a.meta(), meta_b = b.meta();
  for (const char* own : {"format", "imported_at", "updated_at"}) {
    meta_a.erase(own);
    meta_b.erase(own);
  }
  EXPECT_EQ(meta_a, meta_b);
}

}  // namespace parkgis::test
