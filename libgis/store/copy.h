#pragma once
// parkgis copy: every parkgis table of one store into a new store (SpatiaLite ↔ PostGIS), then a check
// that the copy holds the same: rows per table and the sum of every real column (areas, money, ratios).

#include <string>
#include <vector>

#include "libgis/core/progress.h"
#include "libgis/store/store.h"

namespace parkgis::store {

struct TableCheck {
  std::string table;
  long long rows_from = 0, rows_to = 0;
  std::vector<std::string> columns;        // the real columns summed
  std::vector<double> sums_from, sums_to;  // in the order of columns
  bool same() const;                       // equal counts; sums within 1e-9 (relative, at least absolute)
};

// Copies the tables, meta and import issues of `from` into the new store (whose srid must be from's).
void copy_tables(Store& from, Store& to, const ProgressFn& progress = {});

// Counts and sums, table by table, of both stores (the tables of `from`).
std::vector<TableCheck> compare_tables(Store& from, Store& to);

}  // namespace parkgis::store
